//! Name aliases (issue 8): `aliases.toml` next to the index or `--aliases FILE` merges name
//! variants and hides false speakers at query time; `facets speaker --suggest-aliases` proposes
//! groups and never applies them.

use predicates::prelude::*;
use serde::Deserialize;

use crate::facets::FacetResults;
use crate::util::Fixture;

/// Four dispatches whose speakers are variants of two people, plus a company "speaker".
fn variants() -> Fixture {
    let fixture = Fixture::new();
    fixture.create(
        "a.txt",
        "Council debates sanctions on the north\n\nUNITED NATIONS (Dispatches) — The council met on Monday.\n\n\"This is a path to a dead end,\" said Vassily Nebenzia, speaking for Russia.\n\n\"We will not support it,\" Zhang Jun said.\n",
    );
    fixture.create(
        "b.txt",
        "Russian envoy rejects draft resolution\n\nNEW YORK (Dispatches) — Diplomats gathered again on Tuesday.\n\n\"The draft is unacceptable,\" said Vasily Nebenzya, the Russian ambassador.\n\n\"Pressure has failed before,\" V. Nebenzia said later.\n",
    );
    fixture.create(
        "c.txt",
        "Media group reports results\n\nLONDON (Dispatches) — The company reported higher profits on Wednesday.\n\n\"Our quarter was strong,\" said Time Warner in a statement.\n\n\"We expect more growth,\" said Jose Barroso, an analyst.\n",
    );
    fixture.create(
        "d.txt",
        "Commission chief visits Lisbon\n\nLISBON (Dispatches) — The visit lasted two days.\n\n\"Europe must stand together,\" said José Barroso at the summit.\n\n\"We are ready,\" J. Barroso said on Friday.\n",
    );
    fixture.index_archive();
    fixture
}

const ALIASES: &str = "[speakers]\n\"Vassily Nebenzia\" = [\"Vasily Nebenzya\", \"V. Nebenzia\"]\n\n[hide]\nspeakers = [\"Time Warner\"]\n";

fn facets(fixture: &Fixture, extra: &[&str]) -> FacetResults {
    let output = fixture
        .cmd(&["facets", "speaker", "--json"])
        .args(extra)
        .output()
        .expect("newsdex runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("facets JSON")
}

fn counts(results: &FacetResults) -> Vec<(String, u64, Option<u64>)> {
    results
        .values
        .iter()
        .map(|v| (v.value.clone(), v.articles, v.quotes))
        .collect()
}

#[test]
fn without_a_file_names_are_counted_as_extracted() {
    let fixture = variants();
    let names: Vec<String> = counts(&facets(&fixture, &[]))
        .into_iter()
        .map(|(n, _, _)| n)
        .collect();
    assert_eq!(names.len(), 8);
    assert!(names.contains(&"Vasily Nebenzya".to_string()));
    assert!(names.contains(&"Time Warner".to_string()));
}

#[test]
fn the_file_next_to_the_index_merges_variants_once_per_article_and_hides_names() {
    let fixture = variants();
    std::fs::write(fixture.index().join("aliases.toml"), ALIASES).unwrap();
    let results = facets(&fixture, &[]);
    let got = counts(&results);
    // a.txt quotes "Vassily Nebenzia"; b.txt quotes two variants and counts once.
    assert_eq!(got[0], ("Vassily Nebenzia".to_string(), 2, Some(3)));
    let names: Vec<&str> = got.iter().map(|(n, _, _)| n.as_str()).collect();
    assert!(!names.contains(&"Vasily Nebenzya"));
    assert!(!names.contains(&"V. Nebenzia"));
    assert!(!names.contains(&"Time Warner"));
    assert_eq!(results.distinct_values, 5);

    // Search facets and hit speaker lists show the canonical name, once.
    let search = fixture.search_json("draft", &[]);
    assert_eq!(search.hits.len(), 1);
    assert_eq!(search.hits[0].speakers, ["Vassily Nebenzia"]);
    let all = fixture.search_json("*", &[]);
    let top = &all.facets.speaker[0];
    assert_eq!((top.value.as_str(), top.count), ("Vassily Nebenzia", 2));
    let company = all.hits.iter().find(|h| h.path == "c.txt").unwrap();
    assert_eq!(company.speakers, ["Jose Barroso"]);

    // `stats` and `show` too.
    let stats = fixture.cmd(&["stats", "--json"]).output().unwrap();
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(stats["top_speakers"][0]["value"], "Vassily Nebenzia");
    assert_eq!(stats["top_speakers"][0]["count"], 2);
    assert_eq!(stats["top_speakers"].as_array().unwrap().len(), 5);
    let shown = fixture.cmd(&["show", "b.txt", "--json"]).output().unwrap();
    let shown: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    assert_eq!(shown["speakers"], serde_json::json!(["Vassily Nebenzia"]));
}

#[test]
fn a_variant_or_the_name_as_speaker_filter_finds_every_spelling() {
    let fixture = variants();
    let file = fixture.dir.path().join("mine.toml");
    std::fs::write(&file, ALIASES).unwrap();
    let file = file.to_str().unwrap();
    for name in ["Vassily Nebenzia", "Vasily Nebenzya", "v. nebenzia"] {
        let results = fixture.search_json("*", &["--speaker", name, "--aliases", file]);
        let mut paths: Vec<&str> = results.hits.iter().map(|h| h.path.as_str()).collect();
        paths.sort();
        assert_eq!(paths, ["a.txt", "b.txt"], "--speaker {name}");
    }
    // Without the file, a variant finds only its own article.
    let plain = fixture.search_json("*", &["--speaker", "Vasily Nebenzya"]);
    assert_eq!(plain.hits.len(), 1);
    // Quotes: all three of the person's quotes, under one name.
    let output = fixture
        .cmd(&[
            "quotes",
            "--speaker",
            "Vasily Nebenzya",
            "--aliases",
            file,
            "--json",
        ])
        .output()
        .unwrap();
    let quotes: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(quotes["total_quotes"], 3);
    for quote in quotes["quotes"].as_array().unwrap() {
        assert_eq!(quote["speaker"], "Vassily Nebenzia");
    }
}

#[test]
fn a_bad_file_is_named_with_its_line_and_exits_2() {
    let fixture = variants();
    std::fs::write(
        fixture.index().join("aliases.toml"),
        "[speakers]\n\"Vassily Nebenzia\" = [\"Vasily Nebenzya\"]\n\"Zhang Jun\" = [\"vasily nebenzya\"]\n",
    )
    .unwrap();
    fixture
        .cmd(&["facets", "speaker"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("aliases.toml:3:").and(predicate::str::contains(
                "is listed under both \"Vassily Nebenzia\" and \"Zhang Jun\"",
            )),
        );
    let bad = fixture.dir.path().join("typo.toml");
    std::fs::write(&bad, "[speakers]\n\"A B\" = [\"C D\"\n").unwrap();
    fixture
        .cmd(&["search", "council", "--aliases", bad.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("typo.toml:2:"));
    fixture
        .cmd(&["search", "council", "--aliases", "missing.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.toml: cannot read it"));
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Suggestions {
    aliases_file: String,
    speakers: usize,
    groups: Vec<Group>,
    #[serde(default)]
    ambiguous: Vec<serde_json::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Group {
    name: String,
    articles: u64,
    variants: Vec<Variant>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Variant {
    name: String,
    articles: u64,
    reason: String,
}

#[test]
fn suggestions_list_the_variants_and_change_nothing() {
    let fixture = variants();
    let output = fixture
        .cmd(&["facets", "speaker", "--suggest-aliases", "--json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let s: Suggestions = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(s.speakers, 8);
    assert!(s.aliases_file.ends_with("aliases.toml"));
    // No surname is quoted alone in this archive.
    assert!(s.ambiguous.is_empty());
    type Row<'a> = (&'a str, u64, Vec<(&'a str, u64, &'a str)>);
    let groups: Vec<Row> = s
        .groups
        .iter()
        .map(|g| {
            (
                g.name.as_str(),
                g.articles,
                g.variants
                    .iter()
                    .map(|v| (v.name.as_str(), v.articles, v.reason.as_str()))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        groups,
        [
            (
                "José Barroso",
                1,
                vec![
                    ("J. Barroso", 1, "initial"),
                    ("Jose Barroso", 1, "case or accents")
                ]
            ),
            (
                "Vassily Nebenzia",
                1,
                vec![
                    ("V. Nebenzia", 1, "initial"),
                    ("Vasily Nebenzya", 1, "spelling")
                ]
            ),
        ]
    );
    // The text form is an aliases file: saved next to the index, it merges the groups.
    let text = fixture
        .cmd(&["facets", "speaker", "--suggest-aliases"])
        .output()
        .unwrap();
    std::fs::write(fixture.index().join("aliases.toml"), &text.stdout).unwrap();
    let merged = counts(&facets(&fixture, &[]));
    assert_eq!(merged[0].0, "José Barroso");
    assert_eq!(merged[0].1, 2);
    assert!(merged
        .iter()
        .any(|(n, a, _)| n == "Vassily Nebenzia" && *a == 2));
    // Nothing is left to suggest once the file merges it all.
    let again = fixture
        .cmd(&["facets", "speaker", "--suggest-aliases", "--json"])
        .output()
        .unwrap();
    let again: Suggestions = serde_json::from_slice(&again.stdout).unwrap();
    assert!(again.groups.is_empty(), "{again:?}");
}

#[test]
fn suggestions_have_a_csv_form() {
    let fixture = variants();
    fixture
        .cmd(&["facets", "speaker", "--suggest-aliases", "--format", "csv"])
        .assert()
        .success()
        .stdout(
            "name,name_articles,variant,variant_articles,reason\n\
             José Barroso,1,J. Barroso,1,initial\n\
             José Barroso,1,Jose Barroso,1,case or accents\n\
             Vassily Nebenzia,1,V. Nebenzia,1,initial\n\
             Vassily Nebenzia,1,Vasily Nebenzya,1,spelling\n",
        );
    fixture
        .cmd(&["facets", "country", "--suggest-aliases"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("facets speaker"));
}
