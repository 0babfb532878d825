//! Wire copies: a story reprinted with light edits is shown once, with its copies under it;
//! different stories (even on one template with other figures) stay apart.

use crate::util::Fixture;

const STORY: &str = "The Security Council failed on Thursday to adopt a resolution that would \
have tightened sanctions on North Korea after China and Russia cast vetoes, the first serious \
split among the five permanent members over the country since 2006.\n\n\
Thirteen members voted in favour of the draft, which the United States wrote after a string of \
missile launches this year. \"More sanctions lead nowhere,\" said Zhang Jun, China's ambassador.\n\n\
Russia's envoy said the draft ignored the humanitarian situation in the country and called for \
talks instead of new measures against Pyongyang.\n";

const REPORT: &str = "Gold closed at 1,812 dollars an ounce on Monday, up 3 dollars, and silver \
at 22.10 dollars, traders in London said. Volume was thin ahead of the holiday and dealers \
expected little change in sanctions-hit metals before the data later in the week.\n";

fn archive() -> Fixture {
    let fixture = Fixture::new();
    fixture.create(
        "wire/ap_veto.txt",
        format!(
            "China, Russia Veto Sanctions on North Korea\n\nUNITED NATIONS (AP) \u{2014} {STORY}"
        ),
    );
    // The same wire story: another headline and dateline, one sentence more.
    fixture.create(
        "wire/paper_veto.txt",
        format!(
            "Vetoes Block New North Korea Sanctions\n\nNEW YORK (Daily Herald) \u{2014} {STORY}\nDiplomats said talks would continue next week.\n"
        ),
    );
    // Same template, other figures: another day's report.
    fixture.create("markets/monday.txt", format!("Gold Steady\n\n{REPORT}"));
    fixture.create(
        "markets/tuesday.txt",
        format!(
            "Gold Falls\n\n{}",
            REPORT
                .replace("1,812", "1,790")
                .replace("up 3", "down 22")
                .replace("Monday", "Tuesday")
        ),
    );
    fixture.index_archive();
    fixture
}

#[test]
fn a_wire_copy_is_shown_once_with_its_copy_under_it() {
    let fixture = archive();
    let results = fixture.search_json("veto OR vetoes", &[]);
    assert_eq!(results.total_hits, 2, "both articles match");
    assert_eq!(results.hits.len(), 1, "one story");
    let hit = &results.hits[0];
    assert_eq!(hit.copies.len(), 1);
    let both = [hit.path.as_str(), hit.copies[0].path.as_str()];
    assert!(both.contains(&"wire/ap_veto.txt") && both.contains(&"wire/paper_veto.txt"));

    let all = fixture.search_json("veto OR vetoes", &["--all-copies"]);
    assert_eq!(all.hits.len(), 2);
    assert!(all.hits.iter().all(|h| h.copies.is_empty()));

    let text = fixture
        .cmd(&["search", "sanctions", "--color", "never"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("and 1 near-identical copy: wire/"), "{text}");
}

#[test]
fn reports_on_one_template_with_other_figures_are_different_stories() {
    let fixture = archive();
    let gold = fixture.search_json("gold", &[]);
    assert_eq!(gold.total_hits, 2);
    assert_eq!(gold.hits.len(), 2);
    assert!(gold.hits.iter().all(|h| h.copies.is_empty()));
    // The veto story is not a copy of a gold report either.
    let sanctions = fixture.search_json("sanctions", &["--limit", "10"]);
    assert_eq!(sanctions.total_hits, 4);
    assert_eq!(sanctions.hits.len(), 3, "two reports and one wire story");
}

#[test]
fn the_shipped_corpus_has_no_wire_copies() {
    let fixture = Fixture::corpus();
    let all = fixture.search_json("*", &["--limit", "100"]);
    assert_eq!(all.hits.len(), all.total_hits);
    assert!(all.hits.iter().all(|h| h.copies.is_empty()));
}

#[test]
fn dedupe_counts_a_story_and_its_copies_once() {
    let fixture = archive();
    let csv = |args: &[&str]| {
        let output = fixture
            .cmd(&["facets", "speaker", "--format", "csv"])
            .args(args)
            .output()
            .expect("runs");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    assert_eq!(csv(&[]), "speaker,articles,quotes\nZhang Jun,2,2\n");
    assert_eq!(
        csv(&["--dedupe"]),
        "speaker,articles,quotes\nZhang Jun,1,2\n"
    );
    let counted = fixture.search_json("veto OR vetoes", &["--dedupe"]);
    assert_eq!(counted.facets.speaker[0].count, 1);
    let plain = fixture.search_json("veto OR vetoes", &[]);
    assert_eq!(plain.facets.speaker[0].count, 2);
    // Regions are not counted per story.
    fixture
        .cmd(&["facets", "region", "--dedupe"])
        .assert()
        .code(2);
}
