//! Searching the shipped corpus: ranking, snippets, facets and filters.

use crate::util::Fixture;

const SEED: &str = "000_f539c37ecbe7f26d.txt";

fn seed_hits(results: &crate::json::Results) -> Vec<u64> {
    let mut articles: Vec<u64> = results
        .hits
        .iter()
        .filter(|h| h.path == SEED)
        .map(|h| h.article)
        .collect();
    articles.sort_unstable();
    articles
}

#[test]
fn sanctions_and_veto_finds_both_seed_stories_with_highlights() {
    let fixture = Fixture::corpus();
    let results = fixture.search_json("sanctions AND veto", &["--limit", "50"]);
    assert_eq!(seed_hits(&results), [0, 1]);
    for hit in results.hits.iter().filter(|h| h.path == SEED) {
        let marked: Vec<String> = hit
            .snippets
            .iter()
            .flat_map(|s| s.marked())
            .map(|w| w.to_lowercase())
            .collect();
        assert!(
            marked
                .iter()
                .any(|w| w == "sanctions" || w == "veto" || w == "vetoed"),
            "no highlighted match in {:?}",
            hit.snippets
        );
    }
    let first = results
        .hits
        .iter()
        .find(|h| h.path == SEED && h.article == 0)
        .expect("seed story 0");
    assert_eq!(
        first.headline,
        "China, Russia Veto U.S. Push for More UN Sanctions on North Korea"
    );
    assert_eq!(
        first.dateline.as_deref(),
        Some("UNITED NATIONS (Dispatches)")
    );
}

#[test]
fn default_operator_is_and() {
    let fixture = Fixture::corpus();
    let both = fixture.search_json("sanctions veto", &["--limit", "100"]);
    let and = fixture.search_json("sanctions AND veto", &["--limit", "100"]);
    assert_eq!(both.total_hits, and.total_hits);
    let or = fixture.search_json("sanctions OR veto", &["--limit", "100"]);
    assert!(or.total_hits > and.total_hits);
}

#[test]
fn and_not_excludes_like_minus() {
    let fixture = Fixture::corpus();
    let all = fixture.search_json("sanctions", &["--limit", "100"]);
    let with_veto = fixture.search_json("sanctions AND veto", &["--limit", "100"]);
    let minus = fixture.search_json("sanctions -veto", &["--limit", "100"]);
    let and_not = fixture.search_json("sanctions AND NOT veto", &["--limit", "100"]);
    assert!(minus.total_hits > 0);
    assert_eq!(minus.total_hits + with_veto.total_hits, all.total_hits);
    assert_eq!(and_not.total_hits, minus.total_hits);
    // Both seed stories mention a veto, so neither is left.
    assert!(seed_hits(&and_not).is_empty());
    // Inside a group too.
    let grouped = fixture.search_json("sanctions AND (NOT veto)", &["--limit", "100"]);
    assert_eq!(grouped.total_hits, minus.total_hits);
}

#[test]
fn stemming_finds_inflected_forms_and_marks_them() {
    let fixture = Fixture::corpus();
    let results = fixture.search_json("vetoes", &["--limit", "100"]);
    assert!(seed_hits(&results).contains(&0));
    let seed0 = results
        .hits
        .iter()
        .find(|h| h.path == SEED && h.article == 0)
        .expect("seed story 0");
    let marked: Vec<String> = seed0.snippets.iter().flat_map(|s| s.marked()).collect();
    assert!(marked.iter().any(|w| w == "vetoed"), "{marked:?}");
}

#[test]
fn phrase_query_finds_the_seed_quote() {
    let fixture = Fixture::corpus();
    let results = fixture.search_json("\"path to a dead end\"", &[]);
    assert_eq!(seed_hits(&results), [0, 1]);
    let snippet = results
        .hits
        .iter()
        .flat_map(|h| &h.snippets)
        .find(|s| s.text.contains("path to a dead end"))
        .expect("a snippet with the phrase");
    assert_eq!(snippet.marked().join(" "), "a path to a dead end");
}

#[test]
fn accents_fold() {
    let fixture = Fixture::new();
    fixture.create(
        "a.txt",
        "Envoy Speaks\nThe envoy Vassily Nébenzia said the plan would fail, diplomats reported.\n",
    );
    fixture.index_archive();
    let results = fixture.search_json("Nebenzia", &[]);
    assert_eq!(results.total_hits, 1);
    assert_eq!(results.hits[0].snippets[0].marked(), ["Nébenzia"]);
}

#[test]
fn headline_matches_weigh_more() {
    let fixture = Fixture::new();
    fixture.create(
        "a.txt",
        "Harvest Report\nFarmers spoke of drought in the valley, and of little else.\n",
    );
    fixture.create(
        "b.txt",
        "Drought Grips Valley\nFarmers spoke of the weather in the valley, and of little else.\n",
    );
    fixture.index_archive();
    let results = fixture.search_json("drought", &[]);
    assert_eq!(results.total_hits, 2);
    assert_eq!(results.hits[0].path, "b.txt");
    // b.txt matched in its headline only: its snippet is the body's opening.
    assert_eq!(
        results.hits[0].snippets[0].text,
        "Farmers spoke of the weather in the valley, and of little else."
    );
}

#[test]
fn speaker_filter_and_speaker_facets() {
    let fixture = Fixture::corpus();
    let results = fixture.search_json("sanctions", &["--speaker", "Zhang Jun", "--limit", "50"]);
    assert_eq!(seed_hits(&results), [0]);
    for hit in &results.hits {
        assert!(hit.speakers.iter().any(|s| s == "Zhang Jun"), "{hit:?}");
    }
    // Case and accents do not matter when the index has one such name.
    let folded = fixture.search_json("sanctions", &["--speaker", "zhang jun", "--limit", "50"]);
    assert_eq!(folded.total_hits, results.total_hits);

    let all = fixture.search_json("sanctions AND veto", &["--limit", "1"]);
    let speakers: Vec<&str> = all
        .facets
        .speaker
        .iter()
        .map(|f| f.value.as_str())
        .collect();
    for name in [
        "Zhang Jun",
        "Vassily Nebenzia",
        "Jeffrey Prescott",
        "Jenny Town",
    ] {
        assert!(speakers.contains(&name), "{name} missing from {speakers:?}");
    }
}

#[test]
fn country_filter_accepts_name_code_and_case() {
    let fixture = Fixture::corpus();
    let key = |r: crate::json::Results| -> Vec<(String, u64)> {
        r.hits.into_iter().map(|h| (h.path, h.article)).collect()
    };
    let by_name =
        key(fixture.search_json("sanctions", &["--country", "North Korea", "--limit", "50"]));
    let by_lower =
        key(fixture.search_json("sanctions", &["--country", "north korea", "--limit", "50"]));
    let by_code = key(fixture.search_json("sanctions", &["--country", "KP", "--limit", "50"]));
    assert!(by_name.contains(&(SEED.to_string(), 0)));
    assert!(by_name.contains(&(SEED.to_string(), 1)));
    assert_eq!(by_name, by_lower);
    assert_eq!(by_name, by_code);
    let results = fixture.search_json("sanctions", &["--country", "kp", "--limit", "50"]);
    for hit in &results.hits {
        assert!(hit.countries.iter().any(|c| c.code == "KP"), "{hit:?}");
    }
}

#[test]
fn facet_counts_cover_all_hits_not_just_the_page() {
    let fixture = Fixture::corpus();
    let page = fixture.search_json("sanctions", &["--limit", "1"]);
    let all = fixture.search_json("sanctions", &["--limit", "1000"]);
    let count = |r: &crate::json::Results, code: &str| {
        r.facets
            .country
            .iter()
            .find(|c| c.code == code)
            .map(|c| c.count)
    };
    let expected = all
        .hits
        .iter()
        .filter(|h| h.countries.iter().any(|c| c.code == "KP"))
        .count() as u64;
    assert!(expected >= 2);
    assert_eq!(count(&page, "KP"), Some(expected));
    let kp = page
        .facets
        .country
        .iter()
        .find(|c| c.code == "KP")
        .expect("KP");
    assert_eq!(kp.value, "North Korea");
}

#[test]
fn text_output_for_people() {
    let fixture = Fixture::corpus();
    let output = fixture
        .cmd(&["search", "\"path to a dead end\"", "--color", "never"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).expect("utf-8");
    assert!(text.contains("1. "), "{text}");
    assert!(text.contains("000_f539c37ecbe7f26d.txt#0"), "{text}");
    assert!(text.contains("2 hits for"), "{text}");
    assert!(!text.contains('\x1b'), "colour without a terminal: {text}");
    let coloured = fixture
        .cmd(&["search", "\"path to a dead end\"", "--color", "always"])
        .output()
        .expect("runs");
    let coloured = String::from_utf8(coloured.stdout).expect("utf-8");
    assert!(coloured.contains("\x1b[1;31mpath\x1b[0m"), "{coloured}");
}

#[test]
fn no_hits_exit_1() {
    let fixture = Fixture::corpus();
    fixture
        .cmd(&["search", "zzyzxquux"])
        .assert()
        .code(1)
        .stdout(predicates::str::contains("0 hits"));
}

#[test]
fn region_facet_and_filter() {
    let fixture = Fixture::corpus();
    let output = fixture
        .cmd(&["search", "sanctions", "--facet", "region", "--json"])
        .output()
        .expect("runs");
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let regions = value["facets"]["region"].as_array().expect("region counts");
    let asia = regions.iter().find(|r| r["value"] == "Asia").expect("Asia");
    let eastern = asia["subregions"]
        .as_array()
        .expect("sub-regions")
        .iter()
        .find(|s| s["value"] == "Eastern Asia")
        .expect("Eastern Asia");
    let in_eastern_asia =
        fixture.search_json("sanctions", &["--region", "eastern asia", "--limit", "100"]);
    assert_eq!(
        eastern["count"].as_u64(),
        Some(in_eastern_asia.total_hits as u64)
    );
    assert!(seed_hits(&in_eastern_asia) == [0, 1]);
    let in_asia = fixture.search_json("sanctions", &["--region", "Asia", "--limit", "100"]);
    assert_eq!(asia["count"].as_u64(), Some(in_asia.total_hits as u64));
    assert!(in_asia.total_hits >= in_eastern_asia.total_hits);
    // Without --facet region the documented shape has no region key.
    let plain = fixture.search_json("sanctions", &[]);
    assert!(plain.total_hits > 0);
}

#[test]
fn ambiguous_country_lists_the_candidates() {
    let fixture = Fixture::corpus();
    fixture
        .cmd(&["search", "sanctions", "--country", "korea"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("North Korea (KP)"))
        .stderr(predicates::str::contains("South Korea (KR)"));
    let by_demonym = fixture.search_json("sanctions", &["--country", "Chinese", "--limit", "100"]);
    let by_name = fixture.search_json("sanctions", &["--country", "china", "--limit", "100"]);
    assert_eq!(by_demonym.total_hits, by_name.total_hits);
}
