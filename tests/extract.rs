//! `newsdex extract`: the splitter and extractors without an index.

use crate::json::Extracted;
use crate::util::{newsdex, repo_corpus};

fn extract(path: &std::path::Path) -> Vec<Extracted> {
    let output = newsdex()
        .args(["extract", "--json"])
        .arg(path)
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .expect("utf-8")
        .lines()
        .map(|line| serde_json::from_str(line).expect("one article per line, documented fields"))
        .collect()
}

fn codes(record: &Extracted) -> Vec<&str> {
    let mut codes: Vec<&str> = record.countries.iter().map(|c| c.code.as_str()).collect();
    codes.sort_unstable();
    codes
}

fn sorted(names: &[String]) -> Vec<&str> {
    let mut names: Vec<&str> = names.iter().map(String::as_str).collect();
    names.sort_unstable();
    names
}

#[test]
fn seed_is_two_articles_with_their_facets() {
    let records = extract(&repo_corpus().join("000_f539c37ecbe7f26d.txt"));
    assert_eq!(records.len(), 2);
    assert_eq!(records[0].article, 0);
    assert_eq!(records[1].article, 1);
    assert_eq!(
        records[1].headline,
        "Security Council Split Spells End Era for U.S.-Led Sanctions"
    );
    assert_eq!(
        sorted(&records[0].speakers),
        ["Vassily Nebenzia", "Zhang Jun"]
    );
    assert_eq!(
        sorted(&records[1].speakers),
        ["Jeffrey Prescott", "Jenny Town"]
    );
    assert_eq!(codes(&records[0]), ["CN", "KP", "RU", "UA", "US"]);
    assert_eq!(codes(&records[1]), ["CN", "KP", "RU", "US"]);
    for record in &records {
        for country in &record.countries {
            assert_eq!(country.how, "explicit", "{country:?}");
        }
    }
}

#[test]
fn quotes_carry_speakers_and_character_offsets() {
    let records = extract(&repo_corpus().join("000_f539c37ecbe7f26d.txt"));
    let text =
        std::fs::read_to_string(repo_corpus().join("000_f539c37ecbe7f26d.txt")).expect("seed");
    let body: String = text.lines().skip(1).take(12).collect::<Vec<_>>().join("\n");
    let dead_end = records[0]
        .quotes
        .iter()
        .find(|q| q.text.contains("path to a dead end"))
        .expect("the dead-end quote");
    assert_eq!(dead_end.speaker.as_deref(), Some("Vassily Nebenzia"));
    let chars: Vec<char> = body.chars().collect();
    let at: String = chars[dead_end.start..dead_end.end].iter().collect();
    assert_eq!(at, dead_end.text);
}

#[test]
fn quotes_carry_their_evidence() {
    let path = repo_corpus().join("000_f539c37ecbe7f26d.txt");
    let records = extract(&path);
    let text = std::fs::read_to_string(&path).expect("seed");
    let body: Vec<char> = text
        .lines()
        .skip(1)
        .take(12)
        .collect::<Vec<_>>()
        .join("\n")
        .chars()
        .collect();
    let at = |r: [usize; 2]| body[r[0]..r[1]].iter().collect::<String>();
    let quotes = &records[0].quotes;
    for q in quotes {
        // The attribution covers the quote and the words naming its source.
        assert!(
            q.attribution[0] <= q.start && q.end <= q.attribution[1],
            "{q:?}"
        );
        if let Some(s) = q.source {
            assert!(
                q.attribution[0] <= s[0] && s[1] <= q.attribution[1],
                "{q:?}"
            );
        }
        assert_eq!(q.link == "none", q.speaker.is_none(), "{q:?}");
    }
    // `He went on to say that new sanctions are "a path to a dead end."`
    let dead_end = quotes
        .iter()
        .find(|q| q.text.contains("path to a dead end"))
        .expect("the dead-end quote");
    assert_eq!(
        (dead_end.cue.as_str(), dead_end.cue_text.as_str()),
        ("verb", "say")
    );
    assert_eq!(
        (dead_end.link.as_str(), dead_end.confidence.as_str()),
        ("pronoun", "medium")
    );
    assert_eq!(dead_end.source.map(at).as_deref(), Some("He"));
    assert!(at(dead_end.attribution).starts_with("He went on to say that new sanctions"));
    // A named source in the quote's own sentence.
    let named = quotes
        .iter()
        .find(|q| q.link == "name" && q.speaker.as_deref() == Some("Zhang Jun"))
        .expect("a quote of Zhang Jun's");
    assert_eq!(named.confidence, "high");
    let source = named.source.map(at).unwrap_or_default();
    assert!(
        source.ends_with("Zhang") || source.ends_with("Zhang Jun"),
        "{source}"
    );
}
