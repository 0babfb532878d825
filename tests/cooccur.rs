//! `newsdex cooccur` (issue 8): pairs of speakers and countries counted in articles.

use predicates::prelude::*;
use serde::Deserialize;

use crate::util::Fixture;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cooccur {
    pub facet: String,
    pub with: String,
    pub query: Option<String>,
    pub total_articles: usize,
    pub distinct_pairs: usize,
    pub pairs: Vec<Pair>,
    #[serde(default)]
    pub undated_excluded: Option<u64>,
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Pair {
    pub a: String,
    #[serde(default)]
    pub a_code: Option<String>,
    pub b: String,
    #[serde(default)]
    pub b_code: Option<String>,
    pub articles: u64,
}

fn cooccur(fixture: &Fixture, args: &[&str]) -> Cooccur {
    let output = fixture
        .cmd(&["cooccur"])
        .args(args)
        .arg("--json")
        .output()
        .expect("newsdex runs");
    assert!(
        output.status.code() == Some(0) || output.status.code() == Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("cooccur JSON")
}

/// How many articles mention both countries, through the query language's `country:` text
/// field rather than the facet columns the pairs come from.
fn both(fixture: &Fixture, a: &str, b: &str) -> usize {
    fixture
        .search_json(&format!("country:{a} AND country:{b}"), &[])
        .total_hits
}

#[test]
fn country_pairs_on_the_shipped_corpus() {
    let fixture = Fixture::corpus();
    let r = cooccur(&fixture, &["country", "--limit", "0"]);
    assert_eq!((r.facet.as_str(), r.with.as_str()), ("country", "country"));
    assert_eq!(r.total_articles, 34);
    assert_eq!(r.query, None);
    assert_eq!((r.undated_excluded, r.notes.len()), (None, 0));
    assert_eq!(r.pairs.len(), r.distinct_pairs);
    // China and the United States appear together most: the UN stories of the seed file and
    // the Asia and Americas dispatches.
    let top = &r.pairs[0];
    assert_eq!(
        (top.a.as_str(), top.b.as_str(), top.articles),
        ("China", "United States", 9)
    );
    for pair in r.pairs.iter().take(8) {
        let (a, b) = (
            pair.a_code.as_deref().unwrap(),
            pair.b_code.as_deref().unwrap(),
        );
        assert_ne!(a, b, "no self-pairs");
        assert!(pair.a < pair.b, "unordered pairs are listed alphabetically");
        assert_eq!(pair.articles as usize, both(&fixture, a, b), "{a}–{b}");
    }
}

#[test]
fn countries_of_a_speaker_and_speakers_of_a_country() {
    let fixture = Fixture::corpus();
    // The seed file's first story: Nebenzia speaks about the vote on North Korea.
    let r = cooccur(
        &fixture,
        &[
            "speaker",
            "--with",
            "country",
            "--speaker",
            "Vassily Nebenzia",
        ],
    );
    assert_eq!(r.total_articles, 1);
    let countries: Vec<&str> = r
        .pairs
        .iter()
        .map(|p| p.b_code.as_deref().unwrap())
        .collect();
    assert_eq!(countries, ["CN", "KP", "RU", "UA", "US"]);
    assert!(r
        .pairs
        .iter()
        .all(|p| p.a == "Vassily Nebenzia" && p.a_code.is_none()));

    let r = cooccur(
        &fixture,
        &["country", "--with", "speaker", "--country", "KP", "-n", "0"],
    );
    assert_eq!(r.total_articles, 5);
    assert!(r
        .pairs
        .iter()
        .all(|p| p.a == "North Korea" && p.articles == 1));
    let speakers: Vec<&str> = r.pairs.iter().map(|p| p.b.as_str()).collect();
    for name in [
        "Vassily Nebenzia",
        "Zhang Jun",
        "Han Seung-woo",
        "Jenny Town",
    ] {
        assert!(speakers.contains(&name), "{name} in {speakers:?}");
    }
    assert_eq!(speakers.len(), 10);

    // speaker × speaker pinned on one speaker: who appears with Zhang Jun.
    let r = cooccur(&fixture, &["speaker", "--speaker", "Zhang Jun"]);
    assert_eq!(
        r.pairs,
        [Pair {
            a: "Zhang Jun".into(),
            a_code: None,
            b: "Vassily Nebenzia".into(),
            b_code: None,
            articles: 1
        }]
    );
}

#[test]
fn csv_has_a_header_and_one_row_per_pair() {
    let fixture = Fixture::corpus();
    fixture
        .cmd(&["cooccur", "country", "--limit", "2", "--format", "csv"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "a,a_code,b,b_code,articles\nChina,CN,United States,US,9\n",
        ));
}

#[test]
fn aliases_apply_to_pairs() {
    let fixture = Fixture::new();
    fixture.create(
        "a.txt",
        "Council debates sanctions\n\nUNITED NATIONS (Dispatches) — The council met.\n\n\"This is a path to a dead end,\" said Vassily Nebenzia.\n\n\"We will not support it,\" Zhang Jun said.\n",
    );
    fixture.create(
        "b.txt",
        "Envoy rejects draft\n\nNEW YORK (Dispatches) — Diplomats met again.\n\n\"The draft is unacceptable,\" said Vasily Nebenzya.\n\n\"Pressure has failed before,\" V. Nebenzia said later.\n\n\"Not again,\" said Time Warner.\n",
    );
    fixture.index_archive();
    let raw = cooccur(&fixture, &["speaker", "-n", "0"]);
    assert_eq!(raw.distinct_pairs, 4);
    std::fs::write(
        fixture.index().join("aliases.toml"),
        "[speakers]\n\"Vassily Nebenzia\" = [\"Vasily Nebenzya\", \"V. Nebenzia\"]\n[hide]\nspeakers = [\"Time Warner\"]\n",
    )
    .unwrap();
    // Two variants of one person in b.txt are no pair; the hidden name pairs with no one.
    let merged = cooccur(&fixture, &["speaker", "-n", "0"]);
    assert_eq!(
        merged.pairs,
        [Pair {
            a: "Vassily Nebenzia".into(),
            a_code: None,
            b: "Zhang Jun".into(),
            b_code: None,
            articles: 1
        }]
    );
    // An empty result exits 1.
    fixture
        .cmd(&["cooccur", "speaker", "--query", "nothingmatcheshere"])
        .assert()
        .code(1);
}
