//! `newsdex facets`: value counts over the archive or over a query's hits, in every format.

use serde::Deserialize;

use crate::filters::dispatches;
use crate::util::Fixture;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FacetResults {
    pub facet: String,
    pub query: Option<String>,
    pub total_articles: usize,
    pub distinct_values: usize,
    pub values: Vec<FacetValue>,
    #[serde(default)]
    pub undated_excluded: Option<u64>,
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct FacetValue {
    pub value: String,
    #[serde(default)]
    pub code: Option<String>,
    pub articles: u64,
    #[serde(default)]
    pub quotes: Option<u64>,
    #[serde(default)]
    pub subregions: Option<Vec<FacetValue>>,
}

fn facets(fixture: &Fixture, args: &[&str]) -> FacetResults {
    let output = fixture
        .cmd(&["facets", "--json"])
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

fn speaker(value: &str, articles: u64, quotes: u64) -> FacetValue {
    FacetValue {
        value: value.to_string(),
        code: None,
        articles,
        quotes: Some(quotes),
        subregions: None,
    }
}

#[test]
fn speakers_over_the_archive_with_article_and_quote_counts() {
    let fixture = dispatches();
    let results = facets(&fixture, &["speaker"]);
    assert_eq!(results.facet, "speaker");
    assert_eq!(results.query, None);
    assert_eq!(results.total_articles, 4);
    assert_eq!(results.distinct_values, 2);
    assert_eq!(
        results.values,
        [speaker("Anna Berg", 3, 4), speaker("Tomas Ruiz", 2, 3)]
    );
}

#[test]
fn speakers_over_a_query_count_only_its_hits() {
    let fixture = dispatches();
    let results = facets(&fixture, &["speaker", "--query", "sanctions"]);
    assert_eq!(results.query.as_deref(), Some("sanctions"));
    assert_eq!(results.total_articles, 2);
    assert_eq!(results.values, [speaker("Anna Berg", 2, 3)]);

    let text = fixture
        .cmd(&["facets", "speaker", "--query", "sanctions"])
        .output()
        .expect("runs");
    assert_eq!(
        String::from_utf8_lossy(&text.stdout),
        "Anna Berg      2 articles      3 quotes\n\
         1 speaker in 2 articles matching \"sanctions\"\n"
    );
}

#[test]
fn speakers_in_as_many_articles_are_ordered_by_quotes() {
    let fixture = Fixture::corpus();
    let output = fixture
        .cmd(&["facets", "speaker", "--query", "sanctions", "--limit", "3"])
        .output()
        .expect("runs");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "Zhang Jun             1 article       5 quotes\n\
         Han Seung-woo         1 article       4 quotes\n\
         Vassily Nebenzia      1 article       4 quotes\n\
         12 speakers in 6 articles matching \"sanctions\" (showing 3)\n"
    );
}

#[test]
fn facets_take_the_search_filters() {
    let fixture = dispatches();
    let dated = facets(&fixture, &["speaker", "--since", "2022"]);
    assert_eq!(dated.total_articles, 2);
    assert_eq!(dated.undated_excluded, Some(1));
    assert_eq!(
        dated.values,
        [speaker("Tomas Ruiz", 2, 3), speaker("Anna Berg", 1, 1)]
    );
    let countries = facets(&fixture, &["country", "--speaker", "Tomas Ruiz"]);
    let rows: Vec<(&str, Option<&str>, u64)> = countries
        .values
        .iter()
        .map(|v| (v.value.as_str(), v.code.as_deref(), v.articles))
        .collect();
    assert_eq!(
        rows,
        [
            ("Spain", Some("ES"), 2),
            ("Japan", Some("JP"), 1),
            ("Morocco", Some("MA"), 1),
            ("Sweden", Some("SE"), 1)
        ]
    );
}

#[test]
fn limit_cuts_the_list_but_not_the_distinct_count() {
    let fixture = Fixture::corpus();
    let results = facets(&fixture, &["country", "--limit", "2"]);
    assert_eq!(results.total_articles, 34);
    assert!(results.distinct_values > 2);
    let rows: Vec<(&str, u64)> = results
        .values
        .iter()
        .map(|v| (v.value.as_str(), v.articles))
        .collect();
    assert_eq!(rows, [("China", 15), ("United States", 15)]);
}

#[test]
fn regions_with_their_subregions() {
    let fixture = Fixture::corpus();
    let results = facets(&fixture, &["region", "--query", "veto"]);
    let asia = results
        .values
        .iter()
        .find(|v| v.value == "Asia")
        .expect("Asia");
    let eastern = asia
        .subregions
        .as_ref()
        .and_then(|subs| subs.iter().find(|s| s.value == "Eastern Asia"))
        .expect("Eastern Asia");
    assert!(eastern.articles >= 1 && eastern.articles <= asia.articles);
    assert_eq!(results.total_articles, {
        let search = fixture.search_json("veto", &[]);
        search.total_hits
    });
}

#[test]
fn facets_as_csv_and_ndjson() {
    let fixture = dispatches();
    let csv_out = fixture
        .cmd(&["facets", "speaker", "--format", "csv"])
        .output()
        .expect("runs");
    let mut reader = csv::Reader::from_reader(csv_out.stdout.as_slice());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(header, ["speaker", "articles", "quotes"]);
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.expect("a row").iter().map(String::from).collect())
        .collect();
    assert_eq!(rows, [["Anna Berg", "3", "4"], ["Tomas Ruiz", "2", "3"]]);

    let regions = fixture
        .cmd(&["facets", "region", "--format", "csv"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&regions.stdout);
    assert!(
        text.starts_with("region,subregion,articles\nEurope,,4\n"),
        "{text}"
    );

    let ndjson = fixture
        .cmd(&["facets", "speaker", "--format", "ndjson"])
        .output()
        .expect("runs");
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&ndjson.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["value"], "Tomas Ruiz");
    assert_eq!(lines[1]["quotes"], 3);
}

#[test]
fn facets_of_a_prefix_query() {
    let fixture = dispatches();
    let results = facets(&fixture, &["speaker", "--query", "sanc*"]);
    assert_eq!(results.total_articles, 3);
    assert_eq!(results.values[0], speaker("Anna Berg", 3, 4));
    assert!(results.notes.is_empty());
    let nothing = facets(&fixture, &["country", "--query", "zzq*"]);
    assert_eq!(nothing.total_articles, 0);
    assert_eq!(nothing.notes, ["no indexed word starts with `zzq`"]);
}

#[test]
fn no_matching_articles_exit_1() {
    let fixture = dispatches();
    fixture
        .cmd(&["facets", "speaker", "--query", "volcano"])
        .assert()
        .code(1)
        .stdout("0 speakers in 0 articles matching \"volcano\"\n");
}

/// Quote counts come from the index (each article's quotes per speaker, issue 19), not from the
/// stored articles: they must agree with the quotes `quotes` reads from the stored articles.
#[test]
fn quote_counts_agree_with_the_stored_quotes_of_every_speaker() {
    let fixture = Fixture::corpus();
    let listed = facets(&fixture, &["speaker", "--limit", "0"]);
    assert_eq!(listed.total_articles, 34);
    assert_eq!(listed.distinct_values, 73);
    assert_eq!(listed.values.len(), 73);
    assert_eq!(listed.values[0], speaker("Zhang Jun", 1, 5));
    let counted: u64 = listed.values.iter().filter_map(|v| v.quotes).sum();
    assert_eq!(counted, 153);

    let output = fixture
        .cmd(&["quotes", "--json", "--limit", "0"])
        .output()
        .expect("runs");
    let stored: serde_json::Value = serde_json::from_slice(&output.stdout).expect("quotes JSON");
    assert_eq!(stored["total_quotes"], 153);
    let mut per_speaker: std::collections::BTreeMap<String, u64> = Default::default();
    for quote in stored["quotes"].as_array().expect("a list") {
        let name = quote["speaker"]
            .as_str()
            .expect("every listed quote has a speaker");
        *per_speaker.entry(name.to_string()).or_default() += 1;
    }
    // Speakers named without an attributed quote of their own are listed with 0 quotes.
    let from_facets: std::collections::BTreeMap<String, u64> = listed
        .values
        .iter()
        .map(|v| (v.value.clone(), v.quotes.unwrap_or(0)))
        .filter(|(_, quotes)| *quotes > 0)
        .collect();
    assert_eq!(from_facets, per_speaker);
}
