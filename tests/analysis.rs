//! Analysis over the archive: timelines, exclusion filters, facet value search and the batch
//! search of a name list, on the generated dispatches of `filters.rs` (dates, speakers and
//! countries known by heart) and on the shipped corpus.

use serde::Deserialize;

use crate::filters::{dispatches, SANCTIONS, TRADE, UNDATED};
use crate::util::Fixture;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Timeline {
    query: String,
    by: String,
    total_hits: u64,
    undated_hits: u64,
    periods: Vec<Period>,
    #[serde(default)]
    notes: Vec<String>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Period {
    period: String,
    start: String,
    hits: u64,
    articles: u64,
    share: f64,
}

fn timeline(fixture: &Fixture, args: &[&str]) -> Timeline {
    let output = fixture
        .cmd(&["timeline", "--json"])
        .args(args)
        .output()
        .expect("runs");
    assert!(
        matches!(output.status.code(), Some(0) | Some(1)),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("the documented format")
}

fn period(period: &str, start: &str, hits: u64, articles: u64, share: f64) -> Period {
    Period {
        period: period.to_string(),
        start: start.to_string(),
        hits,
        articles,
        share,
    }
}

#[test]
fn timeline_by_year_counts_hits_shares_and_undated_articles() {
    let fixture = dispatches();
    let all = timeline(&fixture, &["*", "--by", "year"]);
    assert_eq!((all.query.as_str(), all.by.as_str()), ("*", "year"));
    assert_eq!((all.total_hits, all.undated_hits), (4, 1));
    assert_eq!(
        all.periods,
        [
            period("2021", "2021-01-01", 1, 1, 1.0),
            period("2022", "2022-01-01", 1, 1, 1.0),
            period("2023", "2023-01-01", 1, 1, 1.0),
        ]
    );
    assert!(all.notes.is_empty());
    // "sanctions": the 2021 dispatch and the undated one (not "sanctuary").
    let sanctions = timeline(&fixture, &["sanctions", "--by", "year"]);
    assert_eq!((sanctions.total_hits, sanctions.undated_hits), (2, 1));
    assert_eq!(sanctions.periods, [period("2021", "2021-01-01", 1, 1, 1.0)]);
}

#[test]
fn timeline_by_month_and_week_keeps_empty_periods_and_filters_apply() {
    let fixture = dispatches();
    let months = timeline(&fixture, &["*", "--by", "month"]);
    // 2021-03 to 2023-09: 31 months, three of them with an article.
    assert_eq!(months.periods.len(), 31);
    let with_hits: Vec<&str> = months
        .periods
        .iter()
        .filter(|p| p.hits > 0)
        .map(|p| p.period.as_str())
        .collect();
    assert_eq!(with_hits, ["2021-03", "2022-06", "2023-09"]);
    assert_eq!(
        months.periods[1],
        period("2021-04", "2021-04-01", 0, 0, 0.0)
    );
    // Tomas Ruiz is quoted in 2022 and 2023; the share is of all articles of the period.
    let ruiz = timeline(&fixture, &["*", "--speaker", "Tomas Ruiz", "--by", "week"]);
    assert_eq!(ruiz.total_hits, 2);
    assert_eq!(
        ruiz.periods.first().map(|p| p.period.as_str()),
        Some("2022-W24")
    );
    assert_eq!(
        ruiz.periods.last().map(|p| p.period.as_str()),
        Some("2023-W36")
    );
    assert_eq!(ruiz.periods.iter().map(|p| p.hits).sum::<u64>(), 2);
}

#[test]
fn timeline_text_draws_bars_and_says_what_has_no_date() {
    let fixture = dispatches();
    let output = fixture
        .cmd(&["timeline", "*", "--by", "month"])
        .output()
        .expect("runs");
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("2021-03  █"), "{text}");
    assert!(text.contains("(no hits from 2021-04 to 2022-05)"), "{text}");
    assert!(
        text.contains("3 matching articles in 31 months; 1 more has no date and is not shown"),
        "{text}"
    );
    let csv = fixture
        .cmd(&["timeline", "*", "--by", "year", "--format", "csv"])
        .output()
        .expect("runs");
    assert_eq!(
        String::from_utf8_lossy(&csv.stdout),
        "period,start,hits,articles,share\n\
         2021,2021-01-01,1,1,1.0000\n\
         2022,2022-01-01,1,1,1.0000\n\
         2023,2023-01-01,1,1,1.0000\n"
    );
    // No hit at all: exit 1.
    fixture.cmd(&["timeline", "zebra"]).assert().code(1);
}

fn sorted_paths(results: &crate::json::Results) -> Vec<&str> {
    let mut paths: Vec<&str> = results.hits.iter().map(|h| h.path.as_str()).collect();
    paths.sort_unstable();
    paths
}

#[test]
fn not_speaker_and_not_country_leave_articles_out() {
    let fixture = dispatches();
    let no_anna = fixture.search_json("*", &["--not-speaker", "anna berg"]);
    assert_eq!(sorted_paths(&no_anna), [TRADE]);
    let no_spain = fixture.search_json("*", &["--not-country", "ES"]);
    assert_eq!(sorted_paths(&no_spain), [SANCTIONS, UNDATED]);
    let both = fixture.search_json(
        "*",
        &[
            "--not-country",
            "Spain",
            "--not-country",
            "Germany",
            "--speaker",
            "Anna Berg",
        ],
    );
    assert_eq!(sorted_paths(&both), [SANCTIONS]);
    let sweden_not_ruiz =
        fixture.search_json("*", &["--country", "Sweden", "--not-speaker", "Tomas Ruiz"]);
    assert_eq!(sorted_paths(&sweden_not_ruiz), [SANCTIONS]);
    // Facet listings take the same filters.
    let output = fixture
        .cmd(&[
            "facets",
            "speaker",
            "--not-country",
            "Japan",
            "--format",
            "csv",
        ])
        .output()
        .expect("runs");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "speaker,articles,quotes\nAnna Berg,3,4\nTomas Ruiz,1,1\n"
    );
    // An unknown country is an error, as for --country.
    fixture
        .cmd(&["search", "*", "--not-country", "Atlantis"])
        .assert()
        .code(2);
}

#[test]
fn facet_values_are_searched_ignoring_case_and_accents() {
    let fixture = dispatches();
    let run = |args: &[&str]| {
        let output = fixture
            .cmd(&["facets", "--format", "csv"])
            .args(args)
            .output()
            .expect("runs");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    assert_eq!(
        run(&["speaker", "--match", "BERG"]),
        "speaker,articles,quotes\nAnna Berg,3,4\n"
    );
    assert_eq!(
        run(&["speaker", "--match", "Tomás"]),
        "speaker,articles,quotes\nTomas Ruiz,2,3\n"
    );
    assert_eq!(
        run(&["country", "--match", "jap"]),
        "country,code,articles\nJapan,JP,1\n"
    );
    assert_eq!(
        run(&["speaker", "--match", "nobody"]),
        "speaker,articles,quotes\n"
    );

    let corpus = Fixture::corpus();
    let output = corpus
        .cmd(&["facets", "speaker", "--match", "nebenz", "--format", "csv"])
        .output()
        .expect("runs");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "speaker,articles,quotes\nVassily Nebenzia,1,4\n"
    );
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Batch {
    lines: usize,
    limit: usize,
    rows: Vec<Row>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    line: usize,
    input: String,
    query: String,
    hits: u64,
    speaker_articles: u64,
    speaker: Option<String>,
    top: Vec<Top>,
    error: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Top {
    path: String,
    article: u64,
    headline: String,
    score: f32,
}

#[test]
fn batch_answers_every_line_of_a_name_list() {
    let fixture = dispatches();
    let list = fixture.dir.path().join("names.txt");
    std::fs::write(
        &list,
        "name\nAnna Berg\n\n# a comment\ntomas ruiz\nsanctions AND NOT Germany\nNobody Here\n(broken\n",
    )
    .expect("writes");
    let output = fixture
        .cmd(&["batch"])
        .arg(&list)
        .args(["--format", "json", "--limit", "2"])
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let batch: Batch = serde_json::from_slice(&output.stdout).expect("the documented format");
    assert_eq!((batch.lines, batch.limit), (5, 2));
    let summary: Vec<(usize, &str, u64, u64, Option<&str>)> = batch
        .rows
        .iter()
        .map(|r| {
            (
                r.line,
                r.query.as_str(),
                r.hits,
                r.speaker_articles,
                r.speaker.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (2, "\"Anna Berg\"", 3, 3, Some("Anna Berg")),
            (5, "\"tomas ruiz\"", 2, 2, Some("Tomas Ruiz")),
            (6, "sanctions AND NOT Germany", 1, 0, None),
            (7, "\"Nobody Here\"", 0, 0, None),
            (8, "(broken", 0, 0, None),
        ]
    );
    assert_eq!(batch.rows[0].input, "Anna Berg");
    assert_eq!(batch.rows[0].top.len(), 2);
    assert_eq!(batch.rows[2].top.len(), 1);
    assert_eq!(batch.rows[2].top[0].path, SANCTIONS);
    assert_eq!(batch.rows[2].top[0].article, 0);
    assert_eq!(
        batch.rows[2].top[0].headline,
        "Ministers Debate New Sanctions on Russia"
    );
    assert!(batch.rows[2].top[0].score > 0.0);
    assert!(batch.rows.iter().take(4).all(|r| r.error.is_none()));
    assert!(batch.rows[4]
        .error
        .as_deref()
        .is_some_and(|e| e.contains("unbalanced parentheses")));

    // --out writes a CSV with a header and one hit column group per --limit.
    let out = fixture.dir.path().join("results.csv");
    fixture
        .cmd(&["batch"])
        .arg(&list)
        .arg("--out")
        .arg(&out)
        .args(["--limit", "1"])
        .assert()
        .success();
    let csv = std::fs::read_to_string(&out).expect("written");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("line,input,query,hits,speaker_articles,speaker,hit1,headline1,score1,error")
    );
    assert!(lines
        .next()
        .is_some_and(|l| l.starts_with("2,Anna Berg,\"\"\"Anna Berg\"\"\",3,3,Anna Berg,")));
    assert_eq!(csv.lines().count(), 6);
}

#[test]
fn batch_reads_the_first_column_of_a_csv_and_refuses_an_empty_list() {
    let fixture = dispatches();
    let list = fixture.dir.path().join("names.csv");
    std::fs::write(
        &list,
        "name,organisation\n\"Berg, Anna\",Sweden\nTomas Ruiz,Spain\n",
    )
    .expect("writes");
    let output = fixture
        .cmd(&["batch"])
        .arg(&list)
        .args(["--format", "json"])
        .output()
        .expect("runs");
    let batch: Batch = serde_json::from_slice(&output.stdout).expect("the documented format");
    let inputs: Vec<&str> = batch.rows.iter().map(|r| r.input.as_str()).collect();
    assert_eq!(inputs, ["Berg, Anna", "Tomas Ruiz"]);
    assert_eq!(batch.rows[1].speaker_articles, 2);

    let empty = fixture.dir.path().join("empty.txt");
    std::fs::write(&empty, "\n# nothing\n").expect("writes");
    let output = fixture.cmd(&["batch"]).arg(&empty).output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no name or query in the file"));
}
