//! Incremental indexing (issue 5): a re-run adds new files, replaces changed ones, deletes the
//! articles of removed ones and leaves the rest alone; `--rebuild` and a version change start
//! from scratch.

use crate::crash::{all_articles, find, Model, Rng};
use crate::util::{assert_ran_ok, Fixture};

/// Runs `newsdex index` and returns its summary line.
fn index(fixture: &Fixture, extra: &[&str]) -> String {
    let output = fixture
        .cmd(&["index"])
        .arg(fixture.archive())
        .args(extra)
        .output()
        .expect("newsdex runs");
    assert_ran_ok(&output);
    // Not a terminal: no progress bar, and a clean archive leaves stderr empty.
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}

/// The counts part of a summary line: "(1 added, 0 updated, 0 removed, 3 unchanged)".
fn counts(summary: &str) -> &str {
    let start = summary.find('(').expect("counts");
    let end = summary.find(')').expect("counts");
    &summary[start..=end]
}

fn marker(fixture: &Fixture, word: &str) -> Vec<(String, u64)> {
    find(fixture, word)
}

#[test]
fn rerun_adds_updates_removes_and_leaves_the_rest() {
    let mut rng = Rng::seeded();
    let fixture = Fixture::new();
    let mut model = Model::new(&fixture.archive());
    for f in 0..6 {
        model.write(&mut rng, &format!("f{f}.txt"), 0);
    }
    let first = index(&fixture, &[]);
    assert!(first.starts_with(&format!(
        "indexed {} articles from 6 files",
        model.articles()
    )));
    assert_eq!(
        counts(&first),
        "(6 added, 0 updated, 0 removed, 0 unchanged)"
    );

    // Unchanged archive: nothing to do.
    let again = index(&fixture, &[]);
    assert_eq!(
        counts(&again),
        "(0 added, 0 updated, 0 removed, 6 unchanged)"
    );

    // One file rewritten (new stories, new markers), one deleted, one new.
    let old_id = model.files["f1.txt"][0]
        .rsplit(' ')
        .next()
        .unwrap_or_default()
        .to_string();
    model.write(&mut rng, "f1.txt", 1);
    model.remove("f2.txt");
    model.write(&mut rng, "sub/new-file.txt", 0);
    let changed = index(&fixture, &[]);
    assert_eq!(
        counts(&changed),
        "(1 added, 1 updated, 1 removed, 4 unchanged)"
    );
    assert!(changed.starts_with(&format!(
        "indexed {} articles from 6 files",
        model.articles()
    )));
    assert!(marker(&fixture, &format!("mk{old_id}")).is_empty());
    assert!(marker(&fixture, "mkf2v0s0").is_empty());
    assert_eq!(marker(&fixture, "mkf1v1s0"), [("f1.txt".to_string(), 0)]);
    assert_eq!(
        marker(&fixture, "mksubnewfilev0s0"),
        [("sub/new-file.txt".to_string(), 0)]
    );
    let (_, total, hits) = all_articles(&fixture);
    assert_eq!(total, model.articles());
    let got: std::collections::BTreeSet<_> = hits.into_iter().collect();
    assert_eq!(got, model.expected());
}

#[test]
fn same_content_with_a_new_time_is_unchanged_and_a_changed_file_of_same_size_is_updated() {
    let fixture = Fixture::new();
    let a = "Talks Resume In Geneva Today\nDiplomats said on Monday that the talks would resume soon.\n";
    let b = "Talks Resume In Vienna Today\nDiplomats said on Monday that the talks would resume soon.\n";
    assert_eq!(a.len(), b.len());
    fixture.create("a.txt", a);
    index(&fixture, &[]);
    // Same bytes, written again (new modification time): the hash says unchanged.
    fixture.create("a.txt", a);
    assert_eq!(
        counts(&index(&fixture, &[])),
        "(0 added, 0 updated, 0 removed, 1 unchanged)"
    );
    // Same size, other bytes, possibly within the same clock tick: updated.
    fixture.create("a.txt", b);
    assert_eq!(
        counts(&index(&fixture, &[])),
        "(0 added, 1 updated, 0 removed, 0 unchanged)"
    );
    let (_, _, hits) = all_articles(&fixture);
    assert_eq!(
        hits,
        [(
            "a.txt".to_string(),
            0,
            "Talks Resume In Vienna Today".to_string()
        )]
    );
}

#[test]
fn a_file_that_becomes_empty_or_loses_stories_loses_its_articles() {
    let fixture = Fixture::new();
    let two = "First Story Of The Day\nThe minister said the plan would be announced on Friday.\n---\nSecond Story Of The Day\nThe envoy said the talks had ended without an agreement.\n";
    fixture.create("two.txt", two);
    fixture.create(
        "gone.txt",
        "Soon Empty File Here\nIt said something useful about the weather.\n",
    );
    assert!(index(&fixture, &[]).starts_with("indexed 3 articles from 2 files"));
    fixture.create(
        "two.txt",
        "First Story Of The Day\nThe minister said the plan would be announced on Monday.\n",
    );
    fixture.create("gone.txt", "");
    let output = fixture
        .cmd(&["index"])
        .arg(fixture.archive())
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.starts_with("indexed 1 articles from 1 files"),
        "{stdout}"
    );
    assert!(stdout.contains("(0 added, 1 updated, 1 removed, 0 unchanged); skipped 1 files (1 empty file; paths on stderr)"), "{stdout}");
    assert_eq!(all_articles(&fixture).1, 1);
}

#[test]
fn rebuild_and_a_version_change_start_from_scratch() {
    let mut rng = Rng::seeded();
    let fixture = Fixture::new();
    let mut model = Model::new(&fixture.archive());
    for f in 0..4 {
        model.write(&mut rng, &format!("f{f}.txt"), 0);
    }
    index(&fixture, &[]);
    assert_eq!(
        counts(&index(&fixture, &["--rebuild"])),
        "(4 added, 0 updated, 0 removed, 0 unchanged)"
    );
    // An index written by another extraction version is rebuilt, not updated: no article of
    // the old extraction survives next to the new ones.
    let info = fixture.index().join("newsdex.json");
    let text = std::fs::read_to_string(&info).expect("newsdex.json");
    let mut json: serde_json::Value = serde_json::from_str(&text).expect("json");
    json["extraction_version"] = serde_json::json!(0);
    std::fs::write(&info, json.to_string()).expect("write");
    assert_eq!(
        counts(&index(&fixture, &[])),
        "(4 added, 0 updated, 0 removed, 0 unchanged)"
    );
    assert_eq!(all_articles(&fixture).1, model.articles());
}
