//! Hostile input (issue 21): whatever a query, a limit, a list or an article holds, every
//! command answers within bounds with a right answer or a clear message, never a hang or a crash.

use std::time::Duration;

use predicates::prelude::*;

use crate::util::Fixture;

/// Long enough for a debug build on a busy machine; the hangs these tests guard against ran for
/// minutes or forever.
const BOUND: Duration = Duration::from_secs(60);

/// A small archive written for these tests: three dated dispatches and an undated one.
fn archive() -> Fixture {
    let fixture = Fixture::new();
    fixture.create(
        "2023-03-01_sanctions.txt",
        "Council weighs new sanctions\n\nThe council debated sanctions on Tuesday. \"We want \
         sanctions that work,\" said Maria Lopez, the envoy of Spain.\n",
    );
    fixture.create(
        "2023-04-02_veto.txt",
        "Draft vetoed again\n\nThe sanctions draft was vetoed by one member. Delegates said the \
         veto would not end the talks.\n",
    );
    fixture.create(
        "2021-05-03_francois.txt",
        "François Martin visits the port\n\nFrançois Martin toured the harbour and spoke about \
         trade with Canada.\n",
    );
    fixture.create(
        "undated.txt",
        "Harbour reopens\n\nThe harbour reopened after the storm, officials said.\n",
    );
    fixture.index_archive();
    fixture
}

/// Issue 21 item 2: snippets of an article of half a million short lines.
#[test]
fn an_article_of_many_short_lines_does_not_stall_search() {
    let fixture = Fixture::new();
    fixture.create("lines.txt", format!("Lines\n\n{}", "x\n".repeat(400_000)));
    fixture.create("other.txt", "Other story\n\nAn xylophone of a story.\n");
    fixture.index_archive();
    for query in ["x", "x*"] {
        let output = fixture
            .cmd(&["search", query, "--json"])
            .timeout(BOUND)
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(0), "{query}: {output:?}");
        let results: serde_json::Value =
            serde_json::from_slice(&output.stdout).expect("JSON results");
        let hits = results["hits"].as_array().expect("hits");
        let hit = hits
            .iter()
            .find(|h| h["path"] == "lines.txt")
            .expect("the long article is a hit");
        assert_eq!(hit["snippets"][0]["text"], "x", "{query}");
        assert_eq!(hit["snippets"].as_array().map(Vec::len), Some(3), "{query}");
    }
}

/// Issue 21 item 3: a device or a folder is not a list, and neither is an aliases file.
#[test]
fn lists_and_alias_files_must_be_regular_files() {
    let fixture = archive();
    fixture
        .cmd(&["batch", "/dev/zero"])
        .timeout(BOUND)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "/dev/zero: cannot read the list: not a regular file",
        ));
    fixture
        .cmd(&["search", "sanctions", "--aliases", "/dev/zero"])
        .timeout(BOUND)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "/dev/zero: cannot read it: not a regular file",
        ));
    // A list that cannot be read is an input error (exit 2, as the README says), not exit 3.
    fixture
        .cmd(&["batch", "/nonexistent/names.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "/nonexistent/names.txt: cannot read the list",
        ));
}

/// Issue 21 items 4, 6 and 13: limits and offsets beyond the index are clamped, never allocated.
#[test]
fn huge_limits_and_offsets_are_clamped_to_the_index() {
    let fixture = archive();
    let list = fixture.dir.path().join("names.txt");
    std::fs::write(&list, "sanctions\nharbour\n").expect("write");
    for limit in ["1000000000", "18446744073709551615"] {
        let results = fixture.search_json("*", &["--limit", limit]);
        assert_eq!(results.total_hits, 4, "--limit {limit}");
        assert_eq!(results.hits.len(), 4, "--limit {limit}: every hit shown");
        let output = fixture
            .cmd(&["batch", "--format", "json", "--limit", limit])
            .arg(&list)
            .timeout(BOUND)
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(0), "{output:?}");
        let batch: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
        assert_eq!(batch["limit"], 4);
        assert_eq!(batch["rows"][0]["top"].as_array().map(Vec::len), Some(2));
        assert_eq!(batch["rows"][1]["hits"], 2);
    }
    let results = fixture.search_json("*", &["--offset", "4294967295"]);
    assert_eq!((results.total_hits, results.hits.len()), (4, 0));
    let results = fixture.search_json("*", &["--offset", "2", "--limit", "18446744073709551615"]);
    assert_eq!(results.hits.len(), 2);
    assert_eq!(results.hits[0].rank, 3);
    fixture
        .cmd(&["show", "2023-04-02_veto.txt#18446744073709551616"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no story #18446744073709551616"));
}

/// Issue 21 item 5: nesting that overflowed the stack is refused before any parser sees it, in
/// every command that takes a query, and a batch goes on with its other lines.
#[test]
fn deeply_nested_queries_are_refused_not_a_crash() {
    let fixture = archive();
    let deep = format!("{}sanctions{}", "(".repeat(9_000), ")".repeat(9_000));
    for args in [
        vec!["search", deep.as_str()],
        vec!["quotes", deep.as_str()],
        vec!["timeline", deep.as_str()],
        vec!["facets", "country", "--query", deep.as_str()],
    ] {
        fixture
            .cmd(&args)
            .timeout(BOUND)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("groups nest 9000 deep"))
            .stderr(predicate::str::contains("panicked").not());
    }
    let list = fixture.dir.path().join("queries.txt");
    std::fs::write(&list, format!("{deep}\nsanctions\n")).expect("write");
    let output = fixture
        .cmd(&["batch", "--format", "json"])
        .arg(&list)
        .timeout(BOUND)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let batch: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert!(batch["rows"][0]["error"]
        .as_str()
        .is_some_and(|e| e.contains("groups nest 9000 deep")));
    assert_eq!(batch["rows"][1]["hits"], 2);
    // 50 levels are fine.
    let nested = format!("{}veto{}", "(".repeat(50), ")".repeat(50));
    assert_eq!(fixture.search_json(&nested, &[]).total_hits, 1);
}

/// Issue 21 item 8: years beyond what a 64-bit nanosecond time holds do not wrap around.
#[test]
fn far_years_in_filters_do_not_wrap_around() {
    let fixture = archive();
    let hits = |extra: &[&str]| fixture.search_json("*", extra).total_hits;
    assert_eq!(hits(&["--since", "9999"]), 0);
    assert_eq!(hits(&["--until", "9999"]), 3);
    assert_eq!(hits(&["--since", "0000", "--until", "9999"]), 3);
    assert_eq!(hits(&["--since", "0001", "--until", "2022"]), 1);
    assert_eq!(hits(&["--since", "2023", "--until", "9999-12-31"]), 2);
}

/// Issue 21 items 9, 10 and 11: queries the README documents, queries on fields that cannot
/// answer `*`, and decomposed Unicode.
#[test]
fn documented_and_unusual_query_forms_get_right_answers_or_query_errors() {
    let fixture = archive();
    let paths = |query: &str| -> Vec<String> {
        let mut paths: Vec<String> = fixture
            .search_json(query, &[])
            .hits
            .into_iter()
            .map(|h| h.path)
            .collect();
        paths.sort();
        paths
    };
    assert_eq!(
        paths("sanctions AND NOT veto*"),
        ["2023-03-01_sanctions.txt"]
    );
    assert_eq!(
        paths("sanctions AND NOT veto"),
        ["2023-03-01_sanctions.txt"]
    );
    // A phrase excluded (the fuzzer's findings of tantivy#2811, a debug-only assertion).
    assert_eq!(paths("harbour -\"the storm\""), ["2021-05-03_francois.txt"]);
    assert_eq!(paths("* -\"the storm\"").len(), 3);
    for query in ["speaker:*", "headline:*"] {
        fixture
            .cmd(&["search", query])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("(any value) is not supported"));
        fixture
            .cmd(&["quotes", query])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("(any value) is not supported"));
    }
    // A batch line with it gets the error in its row; the batch goes on.
    let list = fixture.dir.path().join("fields.txt");
    std::fs::write(&list, "speaker:*\nharbour\n").expect("write");
    let output = fixture
        .cmd(&["batch", "--format", "json"])
        .arg(&list)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let batch: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert!(batch["rows"][0]["error"].as_str().is_some());
    assert_eq!(batch["rows"][1]["hits"], 2);
    // `c` + combining cedilla is `ç`.
    assert_eq!(paths("Franc\u{327}ois"), ["2021-05-03_francois.txt"]);
    assert_eq!(paths("François"), ["2021-05-03_francois.txt"]);
}

/// Smaller items of issue 21: `--speaker ""` is refused like `--country ""`.
#[test]
fn an_empty_speaker_is_an_error_like_an_empty_country() {
    let fixture = archive();
    for flag in ["--speaker", "--not-speaker", "--country"] {
        fixture
            .cmd(&["search", "sanctions", flag, ""])
            .assert()
            .code(2);
    }
}

/// Smaller items of issue 21: cells that a spreadsheet would run are defused in CSV.
#[test]
fn csv_cells_that_look_like_formulas_are_defused() {
    let fixture = Fixture::new();
    fixture.create(
        "formula.txt",
        "=HYPERLINK(\"http://example.invalid\",\"click\")\n\nA headline that is a formula, \
         about sanctions.\n",
    );
    fixture.index_archive();
    let output = fixture
        .cmd(&["search", "sanctions", "--format", "csv"])
        .output()
        .expect("runs");
    let csv = String::from_utf8_lossy(&output.stdout);
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"click\"\")\""),
        "{csv}"
    );
    let list = fixture.dir.path().join("names.csv");
    std::fs::write(&list, "-sanctions\n@veto\n").expect("write");
    let output = fixture.cmd(&["batch"]).arg(&list).output().expect("runs");
    let csv = String::from_utf8_lossy(&output.stdout);
    assert!(csv.contains("'-sanctions"), "{csv}");
    assert!(csv.contains("'@veto"), "{csv}");
}

/// Smaller items of issue 21: a UTF-16 list (a spreadsheet's "Unicode text") is decoded.
#[test]
fn a_utf16_list_is_decoded() {
    let fixture = archive();
    let list = fixture.dir.path().join("names.txt");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "harbour\r\nsanctions\r\n".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    std::fs::write(&list, bytes).expect("write");
    let output = fixture
        .cmd(&["batch", "--format", "json"])
        .arg(&list)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let batch: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(batch["rows"][0]["input"], "harbour");
    assert_eq!(batch["rows"][0]["hits"], 2);
    assert_eq!(batch["rows"][1]["input"], "sanctions");
    assert_eq!(batch["rows"][1]["hits"], 2);
}

/// Issue 21 item 12 and smaller items: file names that are not UTF-8 and read the same, a line
/// break in a file name, and the index's own JSON files with `--ext json`.
#[cfg(unix)]
#[test]
fn awkward_file_names_are_indexed_once_and_shown_on_one_line() {
    use std::os::unix::ffi::OsStrExt;
    let fixture = Fixture::new();
    fixture.create("good.txt", "Good story\n\nThe harbour reopened.\n");
    std::fs::create_dir_all(fixture.archive()).expect("mkdir");
    for name in [&b"bad\xff.txt"[..], &b"bad\xfe.txt"[..]] {
        let path = fixture.archive().join(std::ffi::OsStr::from_bytes(name));
        std::fs::write(path, "Bad name\n\nA story about the harbour.\n").expect("write");
    }
    fixture.create("two\nlines.txt", "Odd name\n\nAnother harbour story.\n");
    // The index inside the archive, with JSON files taken as articles.
    let index = fixture.archive().join("index");
    let run = || {
        let output = crate::util::newsdex()
            .args(["index", "--ext", "json", "--index"])
            .arg(&index)
            .arg(fixture.archive())
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(2), "{output:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("reads the same as"), "{stderr}");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let first = run();
    assert!(first.contains("indexed 3 articles from 3 files"), "{first}");
    for _ in 0..2 {
        let again = run();
        assert!(again.contains("indexed 3 articles from 3 files"), "{again}");
        assert!(
            again.contains("0 added, 0 updated, 0 removed, 3 unchanged"),
            "{again}"
        );
    }
    let output = crate::util::newsdex()
        .args(["search", "harbour", "--index"])
        .arg(&index)
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("two\\nlines.txt#0"), "{text}");
    assert!(!text.contains("two\nlines"), "{text}");
}

/// Smaller items of issue 21: the skipped-files summary keeps its parentheses balanced.
#[test]
fn the_skipped_summary_groups_reasons_without_their_details() {
    let fixture = Fixture::new();
    fixture.create("good.txt", "Good story\n\nThe harbour reopened.\n");
    fixture.create("binary.txt", [0u8, 1, 2, 3, 0, 0, 7]);
    let output = fixture
        .cmd(&["index"])
        .arg(fixture.archive())
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("skipped 1 files (1 binary data; paths on stderr)"),
        "{stdout}"
    );
}

/// Smaller items of issue 21: the commit interval the docs give is the one runs use (they said
/// 5,000 articles while runs committed about every 30,000).
#[test]
fn the_documented_commit_interval_is_the_real_one() {
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/commands.md"))
        .expect("docs/commands.md");
    let docs = docs.split_whitespace().collect::<Vec<_>>().join(" ");
    let articles = newsdex::index::COMMIT_ARTICLES;
    let expected = format!(
        "commit every {},{:03} articles or {} MB of text",
        articles / 1000,
        articles % 1000,
        newsdex::index::COMMIT_BYTES / (1024 * 1024)
    );
    assert!(docs.contains(&expected), "docs/commands.md: {expected:?}");
}
