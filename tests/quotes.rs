//! `newsdex quotes`: searching inside attributed quotes.

use serde::Deserialize;

use crate::util::Fixture;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // every documented field is declared so that a missing one fails
struct QuoteResults {
    query: Option<String>,
    total_quotes: usize,
    offset: usize,
    quotes: Vec<QuoteHit>,
    #[serde(default)]
    notes: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // every documented field is declared so that a missing one fails
struct QuoteHit {
    rank: usize,
    speaker: Option<String>,
    text: String,
    direct: bool,
    confidence: String,
    cue: String,
    cue_text: String,
    link: String,
    attribution: String,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    highlights: Vec<[usize; 2]>,
    context: String,
    path: String,
    article: u64,
    headline: String,
    date: Option<String>,
    countries: Vec<serde_json::Value>,
    article_source: String,
    score: f32,
}

fn quotes(fixture: &Fixture, args: &[&str]) -> QuoteResults {
    let output = fixture
        .cmd(&["quotes", "--json"])
        .args(args)
        .output()
        .expect("runs");
    serde_json::from_slice(&output.stdout).expect("the documented format")
}

#[test]
fn nebenzia_on_sanctions() {
    let fixture = Fixture::corpus();
    let results = quotes(&fixture, &["sanctions", "--speaker", "Vassily Nebenzia"]);
    assert_eq!(results.query.as_deref(), Some("sanctions"));
    let texts: Vec<&str> = results.quotes.iter().map(|q| q.text.as_str()).collect();
    assert!(
        texts.iter().any(|t| t.contains("a path to a dead end")),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.contains("the ineffectiveness and the inhumanity")),
        "{texts:?}"
    );
    // "hostile activity" is his, but its sentence is not about sanctions.
    assert!(
        !texts.iter().any(|t| t.contains("hostile activity")),
        "{texts:?}"
    );
    for quote in &results.quotes {
        assert_eq!(quote.speaker.as_deref(), Some("Vassily Nebenzia"));
        assert_eq!(quote.path, "000_f539c37ecbe7f26d.txt");
        assert_eq!(quote.article, 0);
    }
    let dead_end = results
        .quotes
        .iter()
        .find(|q| q.text.contains("dead end"))
        .expect("dead end");
    assert!(dead_end
        .context
        .contains("new sanctions against North Korea"));
    assert_eq!(results.total_quotes, results.quotes.len());
}

#[test]
fn all_quotes_of_a_speaker_and_text_output() {
    let fixture = Fixture::corpus();
    let results = quotes(&fixture, &["--speaker", "Zhang Jun"]);
    assert!(results.total_quotes >= 3, "{results:?}");
    assert!(results
        .quotes
        .iter()
        .all(|q| q.speaker.as_deref() == Some("Zhang Jun")));
    let output = fixture
        .cmd(&["quotes", "dead end", "--speaker", "Vassily Nebenzia"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).expect("utf-8");
    assert!(
        text.starts_with("1. Vassily Nebenzia: \u{201c}a path to a dead end"),
        "{text}"
    );
    assert!(text.contains("000_f539c37ecbe7f26d.txt#0"), "{text}");
    fixture.cmd(&["quotes", "zzyzxquux"]).assert().code(1);
}
