//! Quotes a reporter can use (issue 18): exact totals and pages past 1,000 articles, exports of
//! every quote, the evidence of each quote, the filters of `search`, named speakers by default;
//! the `copies` column of search exports, `--limit 0` as "all", exact `path:` prefixes.

use predicates::prelude::*;
use serde_json::Value;

use crate::util::Fixture;

/// How many generated articles: more than the 1,000 articles quotes once stopped at.
const ARTICLES: usize = 1_200;

/// An article with two quotes of Ana Quill: one naming her in its sentence (high confidence),
/// one through a pronoun (medium); every tenth also quotes an unnamed spokesman.
fn harbour_story(i: usize) -> String {
    let country = if i.is_multiple_of(2) {
        "France"
    } else {
        "Japan"
    };
    let spokesman = if i.is_multiple_of(10) {
        "\n\n\"It is a fine day for the town,\" a spokesman for the port said.".to_string()
    } else {
        String::new()
    };
    format!(
        "Harbour plan number {i} wins support\n\n\
         PORTVALE (Dispatches) - The council approved harbour plan {i} on Tuesday after a long \
         debate about ferries from {country}.\n\n\
         \"The harbour will reopen next spring,\" said Ana Quill, the council's planning chief.\n\n\
         \"We have waited long enough for plan {i},\" she added.{spokesman}\n"
    )
}

fn harbour_archive() -> Fixture {
    let fixture = Fixture::new();
    for i in 0..ARTICLES {
        let month = 1 + i % 12;
        fixture.create(
            &format!("desk/2021-{month:02}-15_harbour-{i:04}.txt"),
            harbour_story(i),
        );
    }
    fixture.index_archive();
    fixture
}

fn json(fixture: &Fixture, args: &[&str]) -> Value {
    let output = fixture.cmd(args).output().expect("newsdex runs");
    assert!(
        output.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("one JSON document")
}

fn lines(fixture: &Fixture, args: &[&str]) -> Vec<Value> {
    let output = fixture.cmd(args).output().expect("newsdex runs");
    assert!(output.status.success(), "{args:?} failed");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

#[test]
fn quote_totals_are_exact_and_pages_reach_every_quote() {
    let fixture = harbour_archive();
    let named = 2 * ARTICLES;
    let unnamed = ARTICLES / 10;

    // Named speakers only by default; the total counts every quote, not those of the first
    // 1,000 articles.
    let page = json(&fixture, &["quotes", "--json", "--limit", "5"]);
    assert_eq!(page["total_quotes"], named);
    assert_eq!(page["quotes"].as_array().map(Vec::len), Some(5));
    assert!(page["quotes"]
        .as_array()
        .into_iter()
        .flatten()
        .all(|q| q["speaker"] == "Ana Quill"));
    let with_unnamed = json(&fixture, &["quotes", "--json", "--limit", "1", "--unnamed"]);
    assert_eq!(with_unnamed["total_quotes"], named + unnamed);

    // The last page: past the 1,000th article.
    let last = json(
        &fixture,
        &[
            "quotes",
            "--json",
            "--limit",
            "10",
            "--offset",
            &(named - 3).to_string(),
        ],
    );
    let ranks: Vec<u64> = last["quotes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|q| q["rank"].as_u64())
        .collect();
    assert_eq!(ranks, [named as u64 - 2, named as u64 - 1, named as u64]);

    // --limit 0 streams every quote, each once.
    let all = lines(&fixture, &["quotes", "--format", "ndjson", "--limit", "0"]);
    assert_eq!(all.len(), named);
    let mut seen: Vec<(String, String)> = all
        .iter()
        .map(|q| (q["path"].to_string(), q["text"].to_string()))
        .collect();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), named, "a quote listed twice");
    let csv = fixture
        .cmd(&["quotes", "--format", "csv", "--limit", "0"])
        .output()
        .expect("newsdex runs");
    assert_eq!(
        String::from_utf8_lossy(&csv.stdout).lines().count(),
        named + 1
    );
    assert!(String::from_utf8_lossy(&csv.stderr).contains(&format!("{named} quotes in all")));

    // Confidence: the name in the sentence is high, the pronoun one step away is medium.
    let high = json(&fixture, &["quotes", "--json", "--min-confidence", "high"]);
    assert_eq!(high["total_quotes"], ARTICLES);
    let medium = json(
        &fixture,
        &["quotes", "--json", "--min-confidence", "medium"],
    );
    assert_eq!(medium["total_quotes"], named);

    // Filters of `search`: countries by article, dates.
    let france = json(&fixture, &["quotes", "--json", "--country", "France"]);
    assert_eq!(france["total_quotes"], ARTICLES);
    let march = json(
        &fixture,
        &[
            "quotes", "--json", "--since", "2021-03", "--until", "2021-03",
        ],
    );
    assert_eq!(march["total_quotes"], named / 12);
    let newest = json(
        &fixture,
        &["quotes", "--json", "--sort", "-date", "--limit", "1"],
    );
    assert_eq!(newest["quotes"][0]["date"], "2021-12-15");
}

#[test]
fn each_quote_carries_its_evidence() {
    let fixture = Fixture::new();
    fixture.create("story.txt", harbour_story(7));
    fixture.index_archive();
    let results = json(&fixture, &["quotes", "--json"]);
    let quotes = results["quotes"].as_array().expect("quotes");
    assert_eq!(quotes.len(), 2);
    let first = &quotes[0];
    assert_eq!(first["text"], "The harbour will reopen next spring,");
    assert_eq!(first["confidence"], "high");
    assert_eq!(first["cue"], "verb");
    assert_eq!(first["cue_text"], "said");
    assert_eq!(first["link"], "name");
    assert_eq!(first["source"], "Ana Quill");
    assert_eq!(
        first["attribution"],
        "\"The harbour will reopen next spring,\" said Ana Quill, the council's planning chief."
    );
    let attribution: Vec<char> = first["attribution"]
        .as_str()
        .unwrap_or("")
        .chars()
        .collect();
    let [start, end] = [0, 1].map(|k| first["highlights"][0][k].as_u64().unwrap_or(0) as usize);
    assert_eq!(
        attribution[start..end].iter().collect::<String>(),
        "Ana Quill"
    );
    assert_eq!(first["countries"][0]["name"], "Japan");
    assert_eq!(first["headline"], "Harbour plan number 7 wins support");

    let second = &quotes[1];
    assert_eq!(second["speaker"], "Ana Quill");
    assert_eq!(second["confidence"], "medium");
    assert_eq!(second["link"], "pronoun");
    assert_eq!(second["source"], "she");

    // Text output: the attribution under the quote, the speaker's words marked.
    fixture
        .cmd(&["quotes", "--color", "never"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "said **Ana Quill**, the council's planning chief.",
        ))
        .stdout(predicate::str::contains("[medium]"))
        .stdout(predicate::str::contains("2 quotes"));
    // `show` too.
    let article = json(&fixture, &["show", "story.txt", "--json"]);
    assert_eq!(article["quotes"][1]["confidence"], "medium");
    assert_eq!(article["quotes"][0]["source"], "Ana Quill");
    // Unnamed sources come back with --unnamed only; CSV has the evidence columns.
    let csv = fixture
        .cmd(&["quotes", "--format", "csv"])
        .output()
        .expect("runs");
    let header = String::from_utf8_lossy(&csv.stdout)
        .lines()
        .next()
        .unwrap_or("")
        .to_string();
    assert_eq!(
        header,
        "rank,speaker,direct,text,confidence,cue,cue_text,link,attribution,source,headline,date,countries,article_source,path,article,score,context"
    );
}

#[test]
fn quotes_leave_out_unnamed_sources_unless_asked() {
    let fixture = Fixture::new();
    fixture.create("a.txt", harbour_story(10));
    fixture.index_archive();
    let named = json(&fixture, &["quotes", "--json"]);
    assert_eq!(named["total_quotes"], 2);
    let all = json(&fixture, &["quotes", "--json", "--unnamed"]);
    assert_eq!(all["total_quotes"], 3);
    assert!(all["quotes"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|q| q["speaker"].is_null() && q["text"] == "It is a fine day for the town,"));
    // --not-speaker leaves out that speaker's quotes.
    let none = fixture
        .cmd(&["quotes", "--json", "--not-speaker", "Ana Quill"])
        .output()
        .expect("runs");
    assert_eq!(none.status.code(), Some(1));
}

/// A wire story long enough for the copy detector, with a line that makes each copy differ.
fn wire_story(tag: &str) -> String {
    let mut text = String::from("Grain prices climb on dry weather\n\nCHICAGO (Wire) - ");
    for k in 0..12 {
        text.push_str(&format!(
            "Grain traders said dry weather in the plains pushed wheat and maize futures higher for a {k} session as buyers worried about the next harvest. "
        ));
    }
    text.push_str(&format!("\n\nFiled by desk {tag}.\n"));
    text
}

#[test]
fn search_exports_list_the_copies_they_collapse() {
    let fixture = Fixture::new();
    fixture.create("wire/one.txt", wire_story("one"));
    fixture.create("wire/two.txt", wire_story("two"));
    fixture.create(
        "other.txt",
        "Wheat harvest\n\nThe wheat harvest began early.\n",
    );
    fixture.index_archive();
    let output = fixture
        .cmd(&["search", "wheat", "--format", "csv"])
        .output()
        .expect("runs");
    let csv = String::from_utf8_lossy(&output.stdout);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().expect("a header").clone();
    assert_eq!(headers.get(10), Some("copies"));
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), 2, "{csv}");
    let copies: Vec<&str> = rows.iter().map(|r| r.get(10).unwrap_or("")).collect();
    assert!(
        copies.contains(&"wire/two.txt#0") || copies.contains(&"wire/one.txt#0"),
        "{copies:?}"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("1 wire copy is collapsed"), "{stderr}");
    assert!(stderr.contains("--all-copies"));
    // NDJSON rows carry the same list.
    let rows = lines(&fixture, &["search", "wheat", "--format", "ndjson"]);
    assert_eq!(rows.len(), 2);
    assert!(rows
        .iter()
        .any(|r| r["copies"].as_array().map(Vec::len) == Some(1)));
    // --all-copies: a row each.
    let all = lines(
        &fixture,
        &["search", "wheat", "--format", "ndjson", "--all-copies"],
    );
    assert_eq!(all.len(), 3);
}

#[test]
fn limit_zero_means_all_and_path_prefixes_are_exact() {
    let fixture = Fixture::new();
    for i in 0..150 {
        fixture.create(
            &format!("bulletins/b{i:03}.txt"),
            format!("Bulletin {i}\n\nThe river rose again today at gauge {i}, said Ana Quill.\n"),
        );
    }
    fixture.create("notes/n.txt", "Notes\n\nThe river is calm.\n");
    fixture.index_archive();
    // 150 files under one folder: a prefix over whole paths, not 100 expanded words.
    let hits = fixture.search_json("path:bulletins*", &["--limit", "0"]);
    assert_eq!(hits.total_hits, 150);
    assert_eq!(hits.hits.len(), 150);
    assert!(hits.hits.iter().all(|h| h.path.starts_with("bulletins/")));
    let river = fixture.search_json("river AND NOT path:bulletins*", &[]);
    assert_eq!(river.total_hits, 1);
    // facets --limit 0 lists every value, as cooccur does.
    fixture
        .cmd(&["facets", "speaker", "--limit", "0", "--format", "csv"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Ana Quill,150"));
    let countries = fixture
        .cmd(&["facets", "country", "--limit", "0", "--json"])
        .output()
        .expect("runs");
    assert!(countries.status.code() == Some(0) || countries.status.code() == Some(1));
    // batch refuses 0 with a message instead of listing every hit of every line.
    let list = fixture.dir.path().join("list.txt");
    std::fs::write(&list, "river\n").expect("write");
    fixture
        .cmd(&["batch"])
        .arg(&list)
        .args(["--limit", "0"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--limit 0"));
}
