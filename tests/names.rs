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
