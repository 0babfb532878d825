//! `newsdex show PATH[#N]`: one article in full.

use serde::Deserialize;

use crate::util::Fixture;

const SEED: &str = "000_f539c37ecbe7f26d.txt";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FullArticle {
    path: String,
    article: u64,
    articles_in_file: u64,
    headline: String,
    dateline: Option<String>,
    date: Option<String>,
    speakers: Vec<String>,
    countries: Vec<crate::json::Country>,
    quotes: Vec<Quote>,
    body: String,
    root: String,
    source: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    id: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // every documented field is declared so that a missing one fails
struct Quote {
    speaker: Option<String>,
    text: String,
    direct: bool,
    start: usize,
    end: usize,
    confidence: String,
    cue: String,
    cue_text: String,
    link: String,
    attribution: String,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    highlights: Vec<[usize; 2]>,
}

fn show_json(fixture: &Fixture, target: &str) -> FullArticle {
    let output = fixture
        .cmd(&["show", target, "--json"])
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("the documented format")
}

#[test]
fn second_seed_story_in_full() {
    let fixture = Fixture::corpus();
    let article = show_json(&fixture, &format!("{SEED}#1"));
    assert_eq!(article.path, SEED);
    assert_eq!(article.article, 1);
    assert_eq!(article.articles_in_file, 2);
    assert_eq!(
        article.headline,
        "Security Council Split Spells End Era for U.S.-Led Sanctions"
    );
    assert_eq!((article.dateline, article.date), (None, None));
    assert_eq!(article.speakers, ["Jeffrey Prescott", "Jenny Town"]);
    let codes: Vec<&str> = article.countries.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, ["US", "CN", "RU", "KP"]);
    assert!(article
        .quotes
        .iter()
        .any(|q| q.speaker.as_deref() == Some("Jenny Town") && q.direct && !q.text.is_empty()));
    assert!(article
        .body
        .contains("shattered any veneer of global cooperation"));
    // A plain text file of a root without metadata: its source is the root's name.
    assert_eq!(
        (article.root.as_str(), article.source.as_str()),
        ("archive", "archive")
    );
    assert_eq!(
        (article.url, article.author, article.language, article.id),
        (None, None, None, None)
    );
}

#[test]
fn text_shows_headline_dateline_date_speakers_countries_body_and_quotes() {
    let fixture = Fixture::corpus();
    let output = fixture
        .cmd(&["show", "corpus/europe/2023-06-02_eu-sanctions-package.txt"])
        .output()
        .expect("runs");
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "Hungary Threatens Veto as EU Haggles Over New Russia Sanctions Package"
    );
    assert_eq!(
        lines[1],
        "europe/2023-06-02_eu-sanctions-package.txt#0 \u{b7} BRUSSELS 2023-06-02 \u{b7} 2023-06-02"
    );
    assert_eq!(lines[2], "speakers:  \u{c1}kos Veres, Jean-Luc Moreau");
    assert!(
        lines[3].starts_with("countries: Hungary (HU), Russia (RU)"),
        "{}",
        lines[3]
    );
    assert!(text.contains("\nquotes:\n  - "), "{text}");
    assert!(text.contains("eleventh package of sanctions"));
    let json = show_json(&fixture, "europe/2023-06-02_eu-sanctions-package.txt#0");
    assert_eq!(json.dateline.as_deref(), Some("BRUSSELS 2023-06-02"));
    assert_eq!(json.date.as_deref(), Some("2023-06-02"));
}

#[test]
fn a_file_of_several_stories_shows_the_first_and_says_so() {
    let fixture = Fixture::corpus();
    fixture
        .cmd(&["show", "multi/world-roundup_dashes.txt"])
        .assert()
        .success()
        .stdout(predicates::str::starts_with(
            "Mexico and U.S. Agree to Resume Tomato Trade Talks\n",
        ))
        .stderr(predicates::str::contains(
            "multi/world-roundup_dashes.txt holds 3 stories; showing #0",
        ));
}

#[test]
fn unknown_files_and_stories_are_named() {
    let fixture = Fixture::corpus();
    fixture
        .cmd(&["show", "nowhere/missing.txt"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "no file nowhere/missing.txt in the index",
        ));
    fixture
        .cmd(&["show", &format!("{SEED}#7")])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(format!(
            "{SEED} has no story #7; it holds 2 stories (#0, #1)"
        )));
}
