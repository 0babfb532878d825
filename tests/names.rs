//! Names people actually type (issue 18): the default index from `NEWSDEX_INDEX`, speaker
//! values matched to the indexed names by surname or a unique part, alias suggestions for
//! surname-only speakers.

use predicates::prelude::*;

use crate::util::{newsdex, Fixture};

#[test]
fn newsdex_index_sets_the_default_index() {
    let fixture = Fixture::corpus();
    let elsewhere = tempfile::tempdir().expect("a temporary folder");
    // No --index, and no index/ in the working folder: the environment names it.
    newsdex()
        .current_dir(elsewhere.path())
        .env("NEWSDEX_INDEX", fixture.index())
        .args(["search", "veto", "--format", "csv"])
        .assert()
        .success()
        .stdout(predicate::str::contains("000_f539c37ecbe7f26d.txt"));
    // --index still wins over the environment.
    newsdex()
        .current_dir(elsewhere.path())
        .env("NEWSDEX_INDEX", elsewhere.path().join("nothing-here"))
        .args(["stats", "--index"])
        .arg(fixture.index())
        .assert()
        .success();
    newsdex()
        .current_dir(elsewhere.path())
        .env("NEWSDEX_INDEX", elsewhere.path().join("nothing-here"))
        .args(["stats"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing-here"));
}

/// A short story quoting `name` once, dated by its file name.
fn said(fixture: &Fixture, file: &str, name: &str, words: &str) {
    fixture.create(
        file,
        format!(
            "Council news\n\nPORTVALE (Dispatches) - The council met on Monday.\n\n\"{words},\" said {name}.\n"
        ),
    );
}

#[test]
fn a_surname_finds_the_one_speaker_it_belongs_to() {
    let fixture = Fixture::new();
    said(
        &fixture,
        "2021-01-01_a.txt",
        "Dara Fenwick",
        "The ferry will run",
    );
    said(
        &fixture,
        "2021-01-02_b.txt",
        "Bo Lantern",
        "The bridge is safe",
    );
    said(
        &fixture,
        "2021-01-03_c.txt",
        "Cy Lantern",
        "The road is closed",
    );
    fixture.index_archive();
    // One speaker with that surname: taken, and said so on stderr.
    let output = fixture
        .cmd(&["search", "*", "--speaker", "fenwick", "--format", "csv"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).contains("2021-01-01_a.txt"));
    assert!(String::from_utf8_lossy(&output.stderr).contains("taken as \"Dara Fenwick\""));
    let quotes = fixture
        .cmd(&["quotes", "--speaker", "FENWICK", "--json"])
        .output()
        .expect("runs");
    let quotes: serde_json::Value = serde_json::from_slice(&quotes.stdout).expect("JSON");
    assert_eq!(quotes["total_quotes"], 1);
    assert_eq!(quotes["quotes"][0]["speaker"], "Dara Fenwick");
    // Several: listed, exit 2.
    fixture
        .cmd(&["search", "*", "--speaker", "lantern"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ambiguous"))
        .stderr(predicate::str::contains("Bo Lantern"))
        .stderr(predicate::str::contains("Cy Lantern"));
    // None: no hits, and a note instead of silence.
    fixture
        .cmd(&["search", "*", "--speaker", "nobody"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("no quoted speaker is named"));
}

#[test]
fn a_surname_quoted_alone_is_suggested_as_the_full_name_and_written_on_request() {
    let fixture = Fixture::new();
    said(
        &fixture,
        "2021-03-01_a.txt",
        "Dara Fenwick",
        "The ferry will run",
    );
    said(
        &fixture,
        "2021-03-02_b.txt",
        "Mr Fenwick",
        "The ferry is late",
    );
    // A surname two people of the same year share is not suggested.
    said(
        &fixture,
        "2021-04-01_c.txt",
        "Bo Lantern",
        "The bridge is safe",
    );
    said(
        &fixture,
        "2021-04-02_d.txt",
        "Cy Lantern",
        "The road is closed",
    );
    said(
        &fixture,
        "2021-04-03_e.txt",
        "Mr Lantern",
        "The lights are out",
    );
    fixture.index_archive();
    fixture
        .cmd(&["aliases", "suggest"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"Dara Fenwick\" = [\"Fenwick\"]"))
        .stdout(predicate::str::contains("surname only"))
        .stdout(predicate::str::contains(
            "# not suggested: Lantern (1 article) could be",
        ));
    // --write adds them to the index's aliases file, keeping what is there.
    let file = fixture.index().join("aliases.toml");
    std::fs::write(
        &file,
        "# my own notes\n[speakers]\n\"Ed Moor\" = [\"E. Moor\"]\n",
    )
    .expect("write");
    fixture
        .cmd(&["aliases", "suggest", "--write"])
        .assert()
        .success()
        .stderr(predicate::str::contains("added 1 name in 1 group"));
    let text = std::fs::read_to_string(&file).expect("read");
    assert!(text.starts_with("# my own notes\n"), "{text}");
    assert!(text.contains("\"Ed Moor\" = [\"E. Moor\"]"), "{text}");
    assert!(text.contains("\"Dara Fenwick\" = [\"Fenwick\"]"), "{text}");
    // Now one person: both articles under the full name, nothing left to suggest.
    fixture
        .cmd(&[
            "search",
            "ferry",
            "--speaker",
            "Dara Fenwick",
            "--format",
            "csv",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("2021-03-02_b.txt"));
    fixture
        .cmd(&["aliases", "suggest", "--write"])
        .assert()
        .success()
        .stderr(predicate::str::contains("added 0 names in 0 groups"));
}
