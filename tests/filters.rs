//! Narrowing a search down: speaker/country filters combined, date ranges, sorting by date,
//! prefix words and "did you mean" suggestions. Runs on a generated archive whose speakers,
//! dates and words are known by heart, and on the shipped corpus.

use crate::util::Fixture;

/// Four dispatches: three dated (2021, 2022, 2023), one undated. Anna Berg is quoted in three
/// (4 quotes), Tomas Ruiz in two (3 quotes); "sanctions" occurs in two, "sanctuary" in one.
pub fn dispatches() -> Fixture {
    let fixture = Fixture::new();
    fixture.create(
        "2021-03-01_sanctions-first.txt",
        "Ministers Debate New Sanctions on Russia\n\n\
         BRUSSELS (Dispatches) \u{2014} European ministers debated new sanctions on Russia on Monday, as the war in Ukraine entered its second year.\n\n\
         \"Sanctions must bite,\" said Anna Berg, Sweden's foreign minister. \"We cannot wait any longer,\" Berg added.\n\n\
         Officials from France also attended the meeting.\n",
    );
    fixture.create(
        "2022-06-15_sanctuary.txt",
        "Sanctuary for Migrants Opens in Spain\n\n\
         MADRID (Dispatches) \u{2014} A new sanctuary for migrants opened in southern Spain on Wednesday.\n\n\
         \"This is a place of safety,\" said Tomas Ruiz, the mayor of the town. Anna Berg, a visiting Swedish minister, said the shelter was \"a model for Europe.\"\n\n\
         Volunteers from Morocco helped to build it.\n",
    );
    fixture.create(
        "2023-09-09_trade-talks.txt",
        "Spain and Japan Open Trade Talks\n\n\
         TOKYO (Dispatches) \u{2014} Spain and Japan began talks on a trade agreement on Saturday.\n\n\
         \"We want more trade, not less,\" said Tomas Ruiz, Spain's trade envoy. Ruiz said the talks would \"take months.\"\n\n\
         Japanese officials did not comment.\n",
    );
    fixture.create(
        "undated_notes.txt",
        "Germany Weighs Sanctions Over Cyber Attack\n\n\
         BERLIN (Dispatches) \u{2014} Germany is weighing sanctions after a cyber attack on its parliament.\n\n\
         \"Every option is on the table,\" said Anna Berg, who chairs a European working group on the matter.\n\n\
         Officials in Berlin declined to name a suspect.\n",
    );
    fixture.index_archive();
    fixture
}

pub const SANCTIONS: &str = "2021-03-01_sanctions-first.txt";
pub const SANCTUARY: &str = "2022-06-15_sanctuary.txt";
pub const TRADE: &str = "2023-09-09_trade-talks.txt";
pub const UNDATED: &str = "undated_notes.txt";

fn paths(results: &crate::json::Results) -> Vec<&str> {
    results.hits.iter().map(|h| h.path.as_str()).collect()
}

fn sorted(mut v: Vec<&str>) -> Vec<&str> {
    v.sort_unstable();
    v
}

#[test]
fn repeated_speakers_mean_any_and_different_filters_all_apply() {
    let fixture = dispatches();
    let anna = fixture.search_json("*", &["--speaker", "Anna Berg"]);
    assert_eq!(sorted(paths(&anna)), [SANCTIONS, SANCTUARY, UNDATED]);
    let either = fixture.search_json("*", &["--speaker", "Anna Berg", "--speaker", "tomas ruiz"]);
    assert_eq!(either.total_hits, 4);
    let with_country = fixture.search_json(
        "*",
        &[
            "--speaker",
            "Anna Berg",
            "--speaker",
            "Tomas Ruiz",
            "--country",
            "Spain",
        ],
    );
    assert_eq!(sorted(paths(&with_country)), [SANCTUARY, TRADE]);
    let all_three = fixture.search_json(
        "*",
        &[
            "--speaker",
            "Anna Berg",
            "--country",
            "ES",
            "--region",
            "Africa",
        ],
    );
    assert_eq!(paths(&all_three), [SANCTUARY], "Morocco is in Africa");
}

#[test]
fn date_filters_leave_out_undated_articles_and_count_them() {
    let fixture = dispatches();
    let since = fixture.search_json("*", &["--since", "2022"]);
    assert_eq!(sorted(paths(&since)), [SANCTUARY, TRADE]);
    assert_eq!(since.undated_excluded, Some(1));
    let until = fixture.search_json("sanctions", &["--until", "2022-06-14"]);
    assert_eq!(paths(&until), [SANCTIONS]);
    assert_eq!(
        until.undated_excluded,
        Some(1),
        "the undated article matches too"
    );
    let day = fixture.search_json("*", &["--since", "2022-06-15", "--until", "2022-06-15"]);
    assert_eq!(paths(&day), [SANCTUARY]);
    let month = fixture.search_json("*", &["--since", "2023-09", "--until", "2023-09"]);
    assert_eq!(paths(&month), [TRADE]);
    let unfiltered = fixture.search_json("*", &[]);
    assert_eq!(unfiltered.undated_excluded, None);

    let text = fixture
        .cmd(&["search", "sanctions", "--since", "2020"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&text.stdout);
    assert!(
        stdout.contains("1 hit for \"sanctions\"")
            && stdout.contains("1 undated article left out by the date filter"),
        "{stdout}"
    );
}

#[test]
fn bad_dates_are_usage_errors() {
    let fixture = dispatches();
    fixture
        .cmd(&["search", "*", "--since", "2023-13"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("invalid date \"2023-13\""));
    fixture
        .cmd(&["search", "*", "--since", "2023", "--until", "2022"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "--since 2023-01-01 is after --until 2022-12-31",
        ));
}

#[test]
fn sorting_by_date_puts_undated_articles_last() {
    let fixture = dispatches();
    let oldest = fixture.search_json("*", &["--sort", "date"]);
    assert_eq!(paths(&oldest), [SANCTIONS, SANCTUARY, TRADE, UNDATED]);
    let newest = fixture.search_json("*", &["--sort", "-date"]);
    assert_eq!(paths(&newest), [TRADE, SANCTUARY, SANCTIONS, UNDATED]);
    let ranks: Vec<usize> = newest.hits.iter().map(|h| h.rank).collect();
    assert_eq!(ranks, [1, 2, 3, 4]);
    // Paging follows the same order; scores are still BM25 scores.
    let page = fixture.search_json(
        "sanctions",
        &["--sort=-date", "--limit", "1", "--offset", "1"],
    );
    assert_eq!(paths(&page), [UNDATED]);
    assert_eq!(page.hits[0].rank, 2);
    assert!(page.hits[0].score > 0.0);
}

#[test]
fn prefix_words_match_every_word_they_start_and_are_highlighted() {
    let fixture = dispatches();
    let results = fixture.search_json("sanc*", &[]);
    assert_eq!(sorted(paths(&results)), [SANCTIONS, SANCTUARY, UNDATED]);
    let marked: Vec<String> = results
        .hits
        .iter()
        .flat_map(|h| h.snippets.iter().flat_map(|s| s.marked()))
        .map(|w| w.to_lowercase())
        .collect();
    assert!(marked.contains(&"sanctuary".to_string()), "{marked:?}");
    assert!(marked.contains(&"sanctions".to_string()), "{marked:?}");
    assert!(results.notes.is_empty());

    // Combined with the rest of the query language.
    let and = fixture.search_json("sanc* AND spain", &[]);
    assert_eq!(paths(&and), [SANCTUARY]);
    let not = fixture.search_json("sanc* -germany", &[]);
    assert_eq!(sorted(paths(&not)), [SANCTIONS, SANCTUARY]);
    let field = fixture.search_json("headline:sanct*", &[]);
    assert_eq!(sorted(paths(&field)), [SANCTIONS, SANCTUARY, UNDATED]);
    let stemmed = fixture.search_json("sanctions*", &[]);
    assert_eq!(sorted(paths(&stemmed)), [SANCTIONS, UNDATED]);
    let none = fixture.search_json("zzq*", &[]);
    assert_eq!(none.total_hits, 0);
    assert_eq!(none.notes, ["no indexed word starts with `zzq`"]);
}

#[test]
fn prefix_expansion_is_capped_with_a_note() {
    let fixture = Fixture::new();
    let words: Vec<String> = (0..150).map(|i| format!("qx{i:03}")).collect();
    fixture.create(
        "many.txt",
        format!(
            "Many Words\n\nLONDON (Dispatches) \u{2014} The list: {}.\n",
            words.join(" ")
        ),
    );
    fixture.index_archive();
    let results = fixture.search_json("qx*", &[]);
    assert_eq!(results.total_hits, 1);
    assert_eq!(
        results.notes,
        ["`qx*` matches 150 words; searched the 100 most frequent (make the prefix longer to narrow it)"]
    );
    // All words are equally frequent, so the first 100 in order are searched and highlighted.
    let marked: Vec<String> = results.hits[0]
        .snippets
        .iter()
        .flat_map(|s| s.marked())
        .collect();
    assert!(marked.contains(&"qx000".to_string()), "{marked:?}");
    assert!(
        marked.iter().all(|w| w.as_str() < "qx100"),
        "only the words searched are highlighted: {marked:?}"
    );
}

#[test]
fn zero_hits_suggest_close_indexed_words() {
    let fixture = dispatches();
    let results = fixture.search_json("sanctoins", &[]);
    assert_eq!(results.total_hits, 0);
    assert_eq!(results.did_you_mean.as_deref(), Some("sanctions"));
    let two = fixture.search_json("Sanctoins AND germny", &[]);
    assert_eq!(two.did_you_mean.as_deref(), Some("Sanctions AND germany"));
    // Known words that merely do not meet get no suggestion.
    let apart = fixture.search_json("sanctuary AND japan", &[]);
    assert_eq!(apart.total_hits, 0);
    assert_eq!(apart.did_you_mean, None);

    fixture
        .cmd(&["search", "sanctoins"])
        .assert()
        .code(1)
        .stdout("0 hits for \"sanctoins\"\ndid you mean `sanctions`?\n");
}

#[test]
fn misspelt_endings_the_stemmer_keeps_are_still_corrected() {
    let fixture = Fixture::new();
    fixture.create(
        "rail.txt",
        "Rail Privatisation Stalls\n\nLONDON (Dispatches) \u{2014} The privatisation of the railways stalled again on Monday.\n",
    );
    fixture.index_archive();
    // "privatisation" is indexed as the stem `privatis`, two edits and more away from the stem
    // of the misspelling, which the stemmer leaves whole.
    let results = fixture.search_json("privatisaton", &[]);
    assert_eq!(results.did_you_mean.as_deref(), Some("privatisation"));
}

#[test]
fn prefix_and_suggestion_on_the_shipped_corpus() {
    let fixture = Fixture::corpus();
    let prefix = fixture.search_json("veto*", &["--limit", "50"]);
    let exact = fixture.search_json("veto", &["--limit", "50"]);
    assert!(prefix.total_hits >= exact.total_hits && exact.total_hits > 0);
    let suggestion = fixture.search_json("nebenzai", &[]);
    assert_eq!(suggestion.did_you_mean.as_deref(), Some("nebenzia"));
}

#[test]
fn prefixes_work_in_quote_searches_and_must_be_one_word() {
    let fixture = dispatches();
    fixture
        .cmd(&["quotes", "sanc*", "--format", "csv"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "1,Anna Berg,true,\"Sanctions must bite,\",high,verb,said,name,",
        ));
    fixture
        .cmd(&["search", "u.s*"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "a prefix must be one word of letters or digits before the `*`",
        ));
    fixture
        .cmd(&["search", "NOT sanc*"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "a query cannot only exclude terms",
        ));
}
