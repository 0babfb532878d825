//! Errors: clear one-line messages and the documented exit codes, never a panic.

use predicates::prelude::*;

use crate::util::{newsdex, Fixture};

#[test]
fn invalid_query_exits_2_with_a_hint() {
    let fixture = Fixture::corpus();
    fixture
        .cmd(&["search", "sanctions AND (veto"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unbalanced parentheses"))
        .stderr(predicate::str::contains("panicked").not());
    fixture
        .cmd(&["search", "\"open phrase"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("newsdex: invalid query"));
    fixture
        .cmd(&["search", "nosuchfield:x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown field 'nosuchfield'"));
}

#[test]
fn missing_index_exits_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let index = dir.path().join("nothing-here");
    newsdex()
        .args(["search", "sanctions", "--index"])
        .arg(&index)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "no index at {}; run `newsdex index` first",
            index.display()
        )));
}

#[test]
fn unknown_country_exits_2() {
    let fixture = Fixture::corpus();
    fixture
        .cmd(&["search", "sanctions", "--country", "Atlantis"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown country \"Atlantis\""));
}

#[test]
fn missing_archive_folder_exits_2_and_keeps_the_index() {
    let fixture = Fixture::corpus();
    fixture
        .cmd(&["index", "/nonexistent/archive"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "/nonexistent/archive is not a folder",
        ));
    let results = fixture.search_json("sanctions", &[]);
    assert!(results.total_hits > 0);
}

#[test]
fn bad_files_are_skipped_by_name_and_the_rest_indexed() {
    let fixture = Fixture::new();
    fixture.create(
        "good.txt",
        "Good Story\nA body that says something useful.\n",
    );
    fixture.create("binary.txt", [0u8, 159, 146, 150, 0, 1, 2]);
    fixture.create("empty.txt", "");
    fixture.create(".hidden/secret.txt", "Hidden\nNot to be indexed.\n");
    fixture.create("notes.md", "Markdown\nNot indexed by default.\n");
    let output = fixture
        .cmd(&["index"])
        .arg(fixture.archive())
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("binary.txt: binary data"), "{stderr}");
    assert!(stderr.contains("empty.txt: empty file"), "{stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("indexed 1 articles from 1 files"),
        "{stdout}"
    );
    assert!(
        stdout.contains("skipped 2 files (1 binary data, 1 empty file; paths on stderr)"),
        "{stdout}"
    );
    assert_eq!(fixture.search_json("*", &[]).total_hits, 1);
}

#[test]
fn usage_errors_exit_2() {
    newsdex().args(["search"]).assert().code(2);
    newsdex().args(["frobnicate"]).assert().code(2);
}

#[test]
fn an_index_of_an_older_newsdex_is_reported_then_rebuilt() {
    let fixture = Fixture::corpus();
    let info = fixture.index().join("newsdex.json");
    std::fs::write(
        &info,
        r#"{"format_version": 0, "extraction_version": 0, "indexed_at": 0}"#,
    )
    .expect("write");
    fixture
        .cmd(&["search", "sanctions"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("incompatible newsdex"))
        .stderr(predicate::str::contains("newsdex index --rebuild"));
    // Indexing again rebuilds it; a stray file of the user's in the folder survives.
    std::fs::write(fixture.index().join("notes.txt"), "mine").expect("write");
    fixture.index_archive();
    assert!(fixture.search_json("sanctions", &[]).total_hits > 0);
    assert!(fixture.index().join("notes.txt").exists());
    fixture
        .cmd(&["index", "--rebuild"])
        .arg(fixture.archive())
        .assert()
        .success();
    assert!(fixture.search_json("sanctions", &[]).total_hits > 0);
}
