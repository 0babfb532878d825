//! Issue 20: several roots in one index, the `source` facet, sidecar metadata, saved web pages
//! and JSON-lines exports, and the failures each of them reports.

use std::path::{Path, PathBuf};

use predicates::prelude::*;
use serde_json::Value;

use crate::util::Fixture;

/// Writes `contents` at `folder/relative`, creating folders.
fn put(folder: &Path, relative: &str, contents: &str) {
    let path = folder.join(relative);
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
    std::fs::write(path, contents).expect("write");
}

/// A plain-text dispatch with a headline and a dateline.
fn dispatch(headline: &str, place: &str, sentence: &str) -> String {
    format!("{headline}\n\n{place} - {sentence}\n")
}

/// A folder `name` of the fixture's temporary folder.
fn folder(fixture: &Fixture, name: &str) -> PathBuf {
    let path = fixture.dir.path().join(name);
    std::fs::create_dir_all(&path).expect("mkdir");
    path
}

/// Runs a command that must succeed and returns its stdout and stderr.
fn ok(fixture: &Fixture, args: &[&str], extra: &[&Path]) -> (String, String) {
    let output = fixture.cmd(args).args(extra).output().expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{args:?}: {stderr}");
    (String::from_utf8_lossy(&output.stdout).into_owned(), stderr)
}

fn json(fixture: &Fixture, args: &[&str]) -> Value {
    let (stdout, _) = ok(fixture, args, &[]);
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{args:?}: {e}: {stdout}"))
}

/// `facets source` as (source, articles) pairs, sorted by name.
fn sources(fixture: &Fixture) -> Vec<(String, u64)> {
    let results = json(fixture, &["facets", "source", "--json"]);
    let mut pairs: Vec<(String, u64)> = results["values"]
        .as_array()
        .expect("values")
        .iter()
        .map(|v| {
            (
                v["value"].as_str().expect("a name").to_string(),
                v["articles"].as_u64().expect("a count"),
            )
        })
        .collect();
    pairs.sort();
    pairs
}

fn pairs(list: &[(&str, u64)]) -> Vec<(String, u64)> {
    list.iter().map(|(s, n)| (s.to_string(), *n)).collect()
}

/// Headlines of a search's hits, sorted.
fn headlines(fixture: &Fixture, query: &str, extra: &[&str]) -> Vec<String> {
    let mut found: Vec<String> = fixture
        .search_json(query, extra)
        .hits
        .into_iter()
        .map(|h| h.headline)
        .collect();
    found.sort();
    found
}

#[test]
fn a_second_folder_is_added_beside_the_first_and_each_is_updated_on_its_own() {
    let fixture = Fixture::new();
    let wire = folder(&fixture, "wire");
    let notes = folder(&fixture, "notes");
    put(
        &wire,
        "a.txt",
        &dispatch(
            "Harbour reopens",
            "DOVER",
            "The harbour reopened on Tuesday after the storm.",
        ),
    );
    put(
        &wire,
        "b.txt",
        &dispatch(
            "Ferry fares rise",
            "CALAIS",
            "Ferry fares rose by a tenth, the harbour office said.",
        ),
    );
    put(
        &notes,
        "n.txt",
        &dispatch(
            "Harbour notes",
            "DOVER",
            "The harbour master kept notes of every ship.",
        ),
    );
    ok(&fixture, &["index"], &[&wire]);
    let (stdout, _) = ok(&fixture, &["index"], &[&notes]);
    assert!(
        stdout.contains("(1 added, 0 updated, 0 removed, 0 unchanged)"),
        "adding a root removes nothing: {stdout}"
    );
    assert_eq!(sources(&fixture), pairs(&[("notes", 1), ("wire", 2)]));
    assert_eq!(
        headlines(&fixture, "harbour", &[]),
        ["Ferry fares rise", "Harbour notes", "Harbour reopens"]
    );

    // A deletion inside the root being indexed is found there; the other root is untouched.
    std::fs::remove_file(wire.join("b.txt")).expect("rm");
    put(
        &notes,
        "m.txt",
        &dispatch("Second note", "DOVER", "A second note on the harbour."),
    );
    let (stdout, _) = ok(&fixture, &["index"], &[&wire]);
    assert!(stdout.contains("1 removed"), "{stdout}");
    assert_eq!(sources(&fixture), pairs(&[("notes", 1), ("wire", 1)]));

    // `index` with no folder updates every recorded root.
    ok(&fixture, &["index"], &[]);
    assert_eq!(sources(&fixture), pairs(&[("notes", 2), ("wire", 1)]));
    let info: Value = serde_json::from_str(
        &std::fs::read_to_string(fixture.index().join("newsdex.json")).expect("newsdex.json"),
    )
    .expect("JSON");
    let names: Vec<&str> = info["roots"]
        .as_array()
        .expect("roots")
        .iter()
        .map(|r| r["name"].as_str().expect("name"))
        .collect();
    assert_eq!(names, ["wire", "notes"]);

    // `--remove` drops a root and the summary says so.
    let (stdout, _) = ok(&fixture, &["index", "--remove", "notes"], &[]);
    assert!(
        stdout.contains("removed root notes (2 articles from 2 files)"),
        "{stdout}"
    );
    assert_eq!(sources(&fixture), pairs(&[("wire", 1)]));
    fixture
        .cmd(&["index", "--remove", "notes"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the index has no root \"notes\""));
}

#[test]
fn a_root_whose_folder_is_empty_or_missing_is_not_emptied_without_yes() {
    let fixture = Fixture::new();
    let wire = folder(&fixture, "wire");
    put(
        &wire,
        "a.txt",
        &dispatch(
            "Harbour reopens",
            "DOVER",
            "The harbour reopened on Tuesday.",
        ),
    );
    ok(&fixture, &["index"], &[&wire]);
    std::fs::remove_file(wire.join("a.txt")).expect("rm");
    fixture
        .cmd(&["index"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("holds no article file"))
        .stderr(predicate::str::contains("--yes"));
    assert_eq!(sources(&fixture), pairs(&[("wire", 1)]), "nothing lost");
    std::fs::remove_dir(&wire).expect("rmdir");
    fixture
        .cmd(&["index"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is missing"));
    assert_eq!(sources(&fixture), pairs(&[("wire", 1)]), "nothing lost");
    let (stdout, _) = ok(&fixture, &["index", "--yes"], &[]);
    assert!(stdout.contains("removed root wire"), "{stdout}");
}

#[test]
fn a_sidecar_sets_dates_sources_and_urls_and_reports_its_bad_lines() {
    let fixture = Fixture::new();
    let wire = folder(&fixture, "wire");
    put(
        &wire,
        "a.txt",
        &dispatch(
            "Harbour reopens",
            "DOVER",
            "The harbour reopened after the storm.",
        ),
    );
    put(
        &wire,
        "b.txt",
        &dispatch(
            "Ferry fares rise",
            "CALAIS",
            "Ferry fares rose, the harbour office said.",
        ),
    );
    put(
        &wire,
        "c.txt",
        &dispatch(
            "Quay repaired",
            "DOVER",
            "Workers repaired the harbour quay.",
        ),
    );
    put(
        &wire,
        "metadata.jsonl",
        concat!(
            "{\"file\": \"a.txt\", \"date\": \"26-FEB-1987 15:01:01.79\", \"source\": \"Harbour Gazette\", \"url\": \"https://example.org/a\", \"author\": \"Ann Reporter\"}\n",
            "{\"file\": \"b.txt\", \"date\": \"Fri, 04 Jan 2019 10:00:00 GMT\", \"title\": \"Fares up by a tenth\"}\n",
            "{\"file\": \"c.txt\", \"date\": \"the day after\"}\n",
            "{\"file\": \"gone.txt\", \"date\": \"2019-01-04\"}\n",
            "not json\n",
        ),
    );
    let (_, stderr) = ok(&fixture, &["index"], &[&wire]);
    let sidecar = wire.join("metadata.jsonl").canonicalize().expect("path");
    for (line, reason) in [
        (3, "date \"the day after\" not understood"),
        (4, "no file gone.txt"),
        (5, ""),
    ] {
        let at = format!("{}:{line}: {reason}", sidecar.display());
        assert!(stderr.contains(&at), "{at} in {stderr}");
    }
    let hits = fixture
        .search_json("harbour", &["--source", "harbour gazette"])
        .hits;
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].source, "Harbour Gazette");
    assert_eq!(hits[0].date.as_deref(), Some("1987-02-26"));
    assert_eq!(hits[0].url.as_deref(), Some("https://example.org/a"));
    assert_eq!(
        headlines(&fixture, "harbour", &["--not-source", "Harbour Gazette"]),
        ["Fares up by a tenth", "Quay repaired"],
        "the sidecar's title wins; the others keep the root's name as source"
    );
    assert_eq!(
        sources(&fixture),
        pairs(&[("Harbour Gazette", 1), ("wire", 2)])
    );
    let shown = json(&fixture, &["show", "b.txt", "--json"]);
    assert_eq!(shown["date"], "2019-01-04");
    let (text, _) = ok(&fixture, &["show", "a.txt"], &[]);
    assert!(text.contains("https://example.org/a"), "{text}");
    let (text, _) = ok(
        &fixture,
        &["search", "harbour", "--source", "Harbour Gazette"],
        &[],
    );
    assert!(
        text.contains("https://example.org/a"),
        "hits print the URL: {text}"
    );
    fixture
        .cmd(&["search", "harbour", "--source", "Nowhere Times"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no source \"Nowhere Times\""));

    // A changed sidecar is applied anew without reading the unchanged texts again.
    put(
        &wire,
        "metadata.jsonl",
        "{\"file\": \"c.txt\", \"date\": \"January 4, 2019\", \"source\": \"Quay News\"}\n",
    );
    let (stdout, _) = ok(&fixture, &["index"], &[&wire]);
    assert!(
        stdout.contains("metadata applied anew to 3 unchanged files"),
        "{stdout}"
    );
    assert_eq!(sources(&fixture), pairs(&[("Quay News", 1), ("wire", 2)]));
    assert_eq!(
        json(&fixture, &["show", "c.txt", "--json"])["date"],
        "2019-01-04"
    );
    assert_eq!(
        json(&fixture, &["show", "b.txt", "--json"])["headline"],
        "Ferry fares rise",
        "a field the sidecar no longer gives goes back to the text's"
    );
}

#[test]
fn a_csv_sidecar_named_with_metadata_is_read_and_not_indexed() {
    let fixture = Fixture::new();
    let wire = folder(&fixture, "wire");
    put(
        &wire,
        "a.txt",
        &dispatch(
            "Harbour reopens",
            "DOVER",
            "The harbour reopened after the storm.",
        ),
    );
    put(
        &wire,
        "extra/meta.csv",
        "filename,outlet,date,byline\na.txt,\"Gazette, Dover\",2019-01-04,Ann Reporter\n",
    );
    let meta = wire.join("extra/meta.csv");
    let meta = meta.to_str().expect("a UTF-8 temporary path");
    ok(&fixture, &["index", "--metadata", meta], &[&wire]);
    assert_eq!(sources(&fixture), pairs(&[("Gazette, Dover", 1)]));
    let shown = json(&fixture, &["show", "a.txt", "--json"]);
    assert_eq!(shown["author"], "Ann Reporter");
    assert_eq!(shown["date"], "2019-01-04");
}

const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head>
<title>Harbour reopens after the storm | The Harbour Gazette</title>
<meta property="og:title" content="Harbour reopens after the storm">
<meta property="og:url" content="https://example.org/news/harbour">
<meta property="article:published_time" content="2021-03-05T08:00:00+01:00">
<meta name="author" content="Ann Reporter">
<script>var tracking = "cookie harvest";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<div class="cookie-banner">We use cookies. Accept all cookies?</div>
<article>
<h1>Harbour reopens after the storm</h1>
<p>The harbour of Dover reopened on Tuesday after three days of storm, the port authority said,
and the first ferries left for Calais before noon with their decks full of lorries.</p>
<p>"We worked through the night to clear the quays," said the harbour master, who added that
the breakwater had held and that no ship had been damaged while the wind blew.</p>
<p>Ferry companies said their timetables would be back to normal by the end of the week, once
the crews who had waited ashore were back on board and the queues had cleared.</p>
</article>
<aside>Most read: Ten things to do this weekend</aside>
<footer>Copyright The Harbour Gazette. All rights reserved.</footer>
</body></html>
"#;

#[test]
fn a_saved_web_page_is_read_as_its_article() {
    let fixture = Fixture::new();
    let pages = folder(&fixture, "pages");
    put(&pages, "harbour.html", PAGE);
    put(
        &pages,
        "empty.htm",
        "<html><body><nav>Home</nav></body></html>",
    );
    let (_, stderr) = ok(&fixture, &["index"], &[&pages]);
    assert!(
        stderr.contains("empty.htm"),
        "a page without an article is reported: {stderr}"
    );
    let shown = json(&fixture, &["show", "harbour.html", "--json"]);
    assert_eq!(shown["headline"], "Harbour reopens after the storm");
    assert_eq!(shown["url"], "https://example.org/news/harbour");
    assert_eq!(shown["date"], "2021-03-05");
    assert_eq!(shown["author"], "Ann Reporter");
    assert_eq!(shown["source"], "pages");
    let body = shown["body"].as_str().expect("a body");
    assert!(
        body.contains("We worked through the night to clear the quays"),
        "{body}"
    );
    for boilerplate in [
        "Sport",
        "cookies",
        "cookie harvest",
        "Most read",
        "Copyright",
    ] {
        assert!(
            !body.contains(boilerplate),
            "{boilerplate:?} left in {body}"
        );
    }
    assert_eq!(
        body.lines().filter(|l| !l.trim().is_empty()).count(),
        3,
        "one paragraph per line: {body}"
    );
}

#[test]
fn a_json_lines_export_gives_one_article_per_line_and_skips_bad_lines() {
    let fixture = Fixture::new();
    let exports = folder(&fixture, "exports");
    put(
        &exports,
        "feed.jsonl",
        concat!(
            "{\"id\": \"x1\", \"title\": \"Harbour reopens\", \"text\": \"The harbour reopened on Tuesday.\", \"date\": \"2021-03-05\", \"url\": \"https://example.org/1\", \"source\": \"Wire One\"}\n",
            "{\"title\": \"No text here\"}\n",
            "{broken\n",
            "\n",
            "{\"body\": \"Ferry fares rose at the harbour.\", \"title\": \"Fares rise\"}\n",
        ),
    );
    let (stdout, stderr) = ok(&fixture, &["index"], &[&exports]);
    let feed = exports.join("feed.jsonl").canonicalize().expect("path");
    for line in [2, 3] {
        let at = format!("{}:{line}:", feed.display());
        assert!(stderr.contains(&at), "{at} in {stderr}");
    }
    assert!(
        stdout.contains("2 bad metadata or export lines skipped"),
        "{stdout}"
    );
    let hits = fixture.search_json("harbour", &[]).hits;
    let mut found: Vec<(String, u64, String)> = hits
        .iter()
        .map(|h| (h.headline.clone(), h.article, h.source.clone()))
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            ("Fares rise".to_string(), 5, "exports".to_string()),
            ("Harbour reopens".to_string(), 1, "Wire One".to_string()),
        ]
    );
    let shown = json(&fixture, &["show", "feed.jsonl#5", "--json"]);
    assert_eq!(shown["headline"], "Fares rise");
    let shown = json(&fixture, &["show", "feed.jsonl#1", "--json"]);
    assert_eq!(shown["id"], "x1");
    assert_eq!(shown["url"], "https://example.org/1");
    assert_eq!(shown["date"], "2021-03-05");
}

/// The issue's acceptance run: the shared corpora as four roots of one index, their sources,
/// their dates (all but the BBC's, whose metadata has none) and a re-run of one root.
#[test]
fn the_shared_corpora_as_four_roots() {
    let Some(shared) = crate::util::shared() else {
        return;
    };
    let corpora = shared.join("corpora");
    let fixture = Fixture::new();
    let names = [
        "bbc-fulltext",
        "conll2003-reuters",
        "reuters-21578",
        "wikinews",
    ];
    let roots: Vec<PathBuf> = names.iter().map(|name| corpora.join(name)).collect();
    let roots: Vec<&Path> = roots.iter().map(PathBuf::as_path).collect();
    ok(&fixture, &["index", "--quiet"], &roots);
    let expected = pairs(&[
        ("bbc-fulltext", 2_200),
        ("conll2003-reuters", 1_373),
        ("reuters-21578", 19_043),
        ("wikinews", 268),
    ]);
    assert_eq!(sources(&fixture), expected);
    let stats = json(&fixture, &["stats", "--json"]);
    let mut dated: Vec<(String, u64)> = stats["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .map(|s| {
            (
                s["value"].as_str().expect("a name").to_string(),
                s["dated_articles"].as_u64().expect("a count"),
            )
        })
        .collect();
    dated.sort();
    // The BBC's metadata has no dates, and 34 lines of CoNLL-2003's say `"date": null`.
    let dated_by_metadata = pairs(&[
        ("bbc-fulltext", 0),
        ("conll2003-reuters", 1_373 - 34),
        ("reuters-21578", 19_043),
        ("wikinews", 268),
    ]);
    assert_eq!(dated, dated_by_metadata);
    assert_eq!(stats["date_range"]["dated_articles"], 22_884 - 2_200 - 34);

    // Re-indexing one root leaves the others as they are.
    let (stdout, _) = ok(&fixture, &["index"], &[roots[3]]);
    assert!(stdout.contains("268 unchanged"), "{stdout}");
    assert_eq!(sources(&fixture), expected);
    let (timeline, _) = ok(&fixture, &["timeline", "sanctions", "--by", "year"], &[]);
    assert!(timeline.contains("1987"), "{timeline}");
}

/// Two roots whose articles quote the same person: `quotes` and the web API filter and count
/// them by source.
#[test]
fn quotes_and_the_web_api_filter_and_count_by_source() {
    let fixture = Fixture::new();
    let wire = folder(&fixture, "wire");
    let pages = folder(&fixture, "pages");
    put(
        &wire,
        "a.txt",
        &dispatch(
            "Harbour reopens",
            "DOVER",
            "\"The harbour is open again,\" said Maria Costa, the harbour master.",
        ),
    );
    put(
        &wire,
        "b.txt",
        &dispatch(
            "Ferry fares rise",
            "CALAIS",
            "\"Fares follow the price of fuel,\" said Maria Costa at the harbour office.",
        ),
    );
    put(
        &pages,
        "storm.jsonl",
        "{\"title\": \"Storm passes\", \"text\": \"\\\"The harbour wall held,\\\" said Maria Costa on Friday.\", \"source\": \"Gazette\"}\n",
    );
    ok(&fixture, &["index"], &[&wire, &pages]);
    let quoted = |extra: &[&str]| -> Vec<(String, String)> {
        let mut args = vec!["quotes", "harbour", "--json"];
        args.extend_from_slice(extra);
        let results = json(&fixture, &args);
        let mut found: Vec<(String, String)> = results["quotes"]
            .as_array()
            .expect("quotes")
            .iter()
            .map(|q| {
                (
                    q["article_source"].as_str().expect("a source").to_string(),
                    q["text"].as_str().expect("a text").to_string(),
                )
            })
            .collect();
        found.sort();
        found
    };
    let gazette = quoted(&["--source", "gazette"]);
    assert_eq!(gazette.len(), 1, "{gazette:?}");
    assert_eq!(gazette[0].0, "Gazette");
    assert!(gazette[0].1.contains("harbour wall held"), "{gazette:?}");
    let others = quoted(&["--not-source", "Gazette"]);
    assert!(!others.is_empty());
    assert!(
        others.iter().all(|(source, _)| source == "wire"),
        "{others:?}"
    );
    fixture
        .cmd(&["quotes", "harbour", "--not-source", "nowhere-else"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no source \"nowhere-else\" in the index; its sources are Gazette, wire",
        ));

    let server = crate::serve::Server::start(&fixture.index(), &[]);
    let facets = server
        .get(&crate::serve::url("/api/facets/source", &[]))
        .json();
    let counts: Vec<(String, u64)> = facets["values"]
        .as_array()
        .expect("values")
        .iter()
        .map(|v| {
            (
                v["value"].as_str().expect("a name").to_string(),
                v["articles"].as_u64().expect("a count"),
            )
        })
        .collect();
    assert_eq!(counts, pairs(&[("wire", 2), ("Gazette", 1)]));
    let search = server
        .get(&crate::serve::url(
            "/api/search",
            &[("q", "harbour"), ("source", "Gazette")],
        ))
        .json();
    assert_eq!(search["total_hits"], 1);
    assert_eq!(search["hits"][0]["headline"], "Storm passes");
    assert_eq!(search["hits"][0]["path"], "storm.jsonl");
    let quotes = server
        .get(&crate::serve::url(
            "/api/quotes",
            &[("q", "harbour"), ("not_source", "Gazette")],
        ))
        .json();
    let sources: Vec<&str> = quotes["quotes"]
        .as_array()
        .expect("quotes")
        .iter()
        .map(|q| q["article_source"].as_str().expect("a source"))
        .collect();
    assert!(
        !sources.is_empty() && sources.iter().all(|s| *s == "wire"),
        "{sources:?}"
    );
    let unknown = server.get(&crate::serve::url(
        "/api/search",
        &[("q", "harbour"), ("source", "Nowhere")],
    ));
    assert_eq!(unknown.status, 400);
    assert!(unknown.json()["error"]
        .as_str()
        .is_some_and(|e| e.contains("no source \"Nowhere\"")));
}
