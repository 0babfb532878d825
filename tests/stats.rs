//! `newsdex stats`: archive statistics.

use serde::Deserialize;

use crate::filters::dispatches;
use crate::util::Fixture;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stats {
    articles: u64,
    files: u64,
    date_range: Option<DateRange>,
    roots: Vec<Root>,
    sources: Vec<SourceCount>,
    top_speakers: Vec<crate::json::FacetCount>,
    top_countries: Vec<crate::json::CountryCount>,
    index_bytes: u64,
    indexed_at: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Root {
    pub name: String,
    pub path: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceCount {
    pub value: String,
    pub articles: u64,
    pub dated_articles: u64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DateRange {
    from: String,
    to: String,
    dated_articles: u64,
}

fn stats(fixture: &Fixture) -> Stats {
    let output = fixture.cmd(&["stats", "--json"]).output().expect("runs");
    assert!(output.status.success());
    serde_json::from_slice(&output.stdout).expect("the documented format")
}

#[test]
fn shipped_corpus_statistics() {
    let fixture = Fixture::corpus();
    let stats = stats(&fixture);
    assert_eq!(stats.articles, 34);
    assert_eq!(stats.files, 28);
    let range = stats.date_range.expect("dated articles");
    assert_eq!(
        (range.from.as_str(), range.to.as_str(), range.dated_articles),
        ("1996-03-03", "2023-11-02", 23)
    );
    let countries: Vec<(&str, u64)> = stats
        .top_countries
        .iter()
        .take(3)
        .map(|c| (c.code.as_str(), c.count))
        .collect();
    assert_eq!(countries, [("CN", 15), ("US", 15), ("RU", 8)]);
    assert_eq!(stats.top_speakers.len(), 10);
    let roots: Vec<(&str, bool)> = stats
        .roots
        .iter()
        .map(|r| (r.name.as_str(), r.path.ends_with("archive")))
        .collect();
    assert_eq!(roots, [("archive", true)]);
    let sources: Vec<(&str, u64, u64)> = stats
        .sources
        .iter()
        .map(|s| (s.value.as_str(), s.articles, s.dated_articles))
        .collect();
    assert_eq!(sources, [("archive", 34, 23)]);
    let on_disk: u64 = std::fs::read_dir(fixture.index())
        .expect("index folder")
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum();
    assert_eq!(stats.index_bytes, on_disk);
    let at = stats.indexed_at.expect("indexing time");
    assert!(
        at.len() == 20 && at.ends_with('Z') && at.as_bytes()[10] == b'T',
        "{at}"
    );
}

#[test]
fn generated_archive_statistics_in_text() {
    let fixture = dispatches();
    let json = stats(&fixture);
    let speakers: Vec<(&str, u64)> = json
        .top_speakers
        .iter()
        .map(|s| (s.value.as_str(), s.count))
        .collect();
    assert_eq!(speakers, [("Anna Berg", 3), ("Tomas Ruiz", 2)]);
    let output = fixture.cmd(&["stats"]).output().expect("runs");
    let text = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "articles:      4");
    assert_eq!(lines[1], "files:         4");
    assert_eq!(
        lines[2],
        "dates:         2021-03-01 to 2023-09-09 (3 dated, 1 undated)"
    );
    assert_eq!(lines[3], "top speakers:  Anna Berg (3), Tomas Ruiz (2)");
    assert!(lines[4].starts_with("top countries: Spain (2), Sweden (2), "));
    assert!(lines[5].starts_with("index size:    "));
    assert!(lines[6].starts_with("indexed at:    20"));
}

#[test]
fn no_index_is_a_usage_error() {
    let fixture = Fixture::new();
    fixture
        .cmd(&["stats"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no index at"));
}
