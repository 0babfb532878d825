//! Output for people and for programs: `--format text|json|ndjson|csv`, colour, sanitising,
//! closed pipes, shell completions, the man page and the examples in `--help`.

use std::io::Read;
use std::process::Stdio;

use predicates::prelude::*;

use crate::filters::dispatches;
use crate::util::{newsdex, Fixture};

fn stdout_of(fixture: &Fixture, args: &[&str]) -> String {
    let output = fixture.cmd(args).output().expect("runs");
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

#[test]
fn search_csv_has_a_header_and_one_row_per_hit() {
    let fixture = Fixture::corpus();
    let json = fixture.search_json("sanctions", &["--limit", "5"]);
    let text = stdout_of(
        &fixture,
        &["search", "sanctions", "--limit", "5", "--format", "csv"],
    );
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        header,
        [
            "rank",
            "score",
            "path",
            "article",
            "headline",
            "dateline",
            "date",
            "speakers",
            "countries",
            "snippet",
            "copies",
            "source",
            "url"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), json.hits.len());
    for (row, hit) in rows.iter().zip(&json.hits) {
        assert_eq!(&row[0], hit.rank.to_string());
        assert_eq!(&row[2], hit.path);
        assert_eq!(&row[3], hit.article.to_string());
        assert_eq!(&row[4], hit.headline, "commas in headlines survive");
        assert_eq!(&row[7], hit.speakers.join("; "));
        assert_eq!(
            &row[9],
            hit.snippets
                .iter()
                .map(|s| s.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        );
    }
    // The seed headline holds a comma, so it must be quoted.
    assert!(
        text.contains(",\"China, Russia Veto U.S. Push for More UN Sanctions on North Korea\",")
    );
}

#[test]
fn csv_escapes_quotes_and_line_breaks() {
    let fixture = Fixture::new();
    fixture.create(
        "tricky.txt",
        "Minister Says \"No\", Then \"Maybe\"\n\nPARIS (Dispatches) \u{2014} The minister said \"no\" on Monday, then \"maybe\" on Tuesday.\n",
    );
    fixture.index_archive();
    let text = stdout_of(&fixture, &["search", "minister", "--format", "csv"]);
    assert!(
        text.contains(",\"Minister Says \"\"No\"\", Then \"\"Maybe\"\"\","),
        "{text}"
    );
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let row = reader.records().next().expect("one row").expect("parses");
    assert_eq!(&row[4], "Minister Says \"No\", Then \"Maybe\"");
}

#[test]
fn ndjson_is_one_hit_per_line() {
    let fixture = Fixture::corpus();
    let json = fixture.search_json("*", &["--limit", "100"]);
    let text = stdout_of(
        &fixture,
        &["search", "*", "--limit", "100", "--format", "ndjson"],
    );
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 34);
    assert_eq!(lines.len(), json.hits.len());
    for (line, hit) in lines.iter().zip(&json.hits) {
        let parsed: crate::json::Hit = serde_json::from_str(line).expect("a hit per line");
        assert_eq!(
            (parsed.path.as_str(), parsed.article),
            (hit.path.as_str(), hit.article)
        );
    }
}

#[test]
fn json_flag_is_format_json() {
    let fixture = Fixture::corpus();
    assert_eq!(
        stdout_of(&fixture, &["search", "veto", "--json"]),
        stdout_of(&fixture, &["search", "veto", "--format", "json"])
    );
    fixture
        .cmd(&["search", "veto", "--json", "--format", "csv"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("cannot be used with"));
}

#[test]
fn quotes_as_csv_and_ndjson() {
    let fixture = dispatches();
    let csv_text = stdout_of(
        &fixture,
        &["quotes", "--speaker", "Tomas Ruiz", "--format", "csv"],
    );
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let mut texts: Vec<String> = rows.iter().map(|r| r[3].to_string()).collect();
    texts.sort();
    assert_eq!(texts.len(), 3);
    assert!(
        texts
            .iter()
            .any(|t| t.contains("We want more trade, not less")),
        "{texts:?}"
    );
    assert!(rows
        .iter()
        .all(|r| &r[1] == "Tomas Ruiz" && &r[2] == "true"));

    let ndjson = stdout_of(
        &fixture,
        &["quotes", "--speaker", "Anna Berg", "--format", "ndjson"],
    );
    let speakers: Vec<String> = ndjson
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON line");
            v["speaker"].as_str().unwrap_or_default().to_string()
        })
        .collect();
    assert_eq!(speakers, ["Anna Berg"; 4]);
}

#[test]
fn notes_go_to_stderr_in_csv_and_ndjson() {
    let fixture = dispatches();
    let output = fixture
        .cmd(&["search", "*", "--since", "2022", "--format", "ndjson"])
        .output()
        .expect("runs");
    assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 2);
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "newsdex: 1 undated article left out by the date filter\n"
    );
}

#[test]
fn colour_only_when_asked_and_article_control_characters_never_reach_the_terminal() {
    let fixture = Fixture::new();
    fixture.create(
        "evil.txt",
        "Evil \u{1b}[2J Headline\n\nPARIS (Dispatches) \u{2014} The veto came \u{1b}]0;pwned\u{7} late, said \u{202e}Jean Dupont.\n",
    );
    fixture.index_archive();
    let plain = stdout_of(&fixture, &["search", "veto", "--color", "never"]);
    assert!(!plain.contains('\u{1b}') && !plain.contains('\u{7}') && !plain.contains('\u{202e}'));
    assert!(plain.starts_with("1. Evil [2J Headline\n"), "{plain}");

    // NO_COLOR does not override an explicit --color always; the only escapes are ours.
    let output = fixture
        .cmd(&["search", "veto", "--color", "always"])
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    let coloured = String::from_utf8_lossy(&output.stdout);
    assert!(coloured.contains("\u{1b}[1;31mveto\u{1b}[0m"), "{coloured}");
    let stripped = coloured
        .replace("\u{1b}[1;31m", "")
        .replace("\u{1b}[1m", "")
        .replace("\u{1b}[2m", "")
        .replace("\u{1b}[0m", "");
    assert!(!stripped.contains('\u{1b}'), "{stripped:?}");
    // Auto: not a terminal here, so no colour.
    let auto = stdout_of(&fixture, &["search", "veto"]);
    assert_eq!(auto, plain);

    let shown = stdout_of(&fixture, &["show", "evil.txt"]);
    assert!(
        !shown.contains('\u{1b}') && !shown.contains('\u{202e}'),
        "{shown:?}"
    );
    // JSON keeps the text but escapes it; control characters such as ESC were already dropped
    // when the file was decoded, bidi overrides are kept and escaped.
    let json = stdout_of(&fixture, &["show", "evil.txt", "--json"]);
    assert!(!json.contains('\u{1b}') && !json.contains('\u{202e}'));
    assert!(
        json.contains("Evil [2J Headline") && json.contains("\\u202e"),
        "{json}"
    );
}

#[test]
fn a_closed_pipe_ends_quietly_with_0() {
    let fixture = Fixture::corpus();
    for args in [
        vec!["search", "*", "--limit", "100"],
        vec!["search", "*", "--limit", "100", "--format", "csv"],
        vec!["facets", "country", "--limit", "1000"],
        vec!["stats"],
    ] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_newsdex"))
            .args(&args)
            .arg("--index")
            .arg(fixture.index())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("starts");
        // Close the reading end before newsdex writes anything.
        drop(child.stdout.take());
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .expect("stderr")
            .read_to_string(&mut stderr)
            .expect("reads");
        let status = child.wait().expect("ends");
        assert_eq!(status.code(), Some(0), "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}");
    }
}

#[test]
fn shell_completions() {
    let bash = newsdex()
        .args(["completions", "bash"])
        .output()
        .expect("runs");
    let bash = String::from_utf8_lossy(&bash.stdout);
    assert!(bash.contains("complete -F _newsdex"), "{bash}");
    assert!(bash.contains("facets") && bash.contains("--since"));
    let zsh = newsdex()
        .args(["completions", "zsh"])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&zsh.stdout).starts_with("#compdef newsdex"));
    let fish = newsdex()
        .args(["completions", "fish"])
        .output()
        .expect("runs");
    let fish = String::from_utf8_lossy(&fish.stdout);
    assert!(
        fish.contains("complete -c newsdex") && fish.contains("-l format"),
        "{fish}"
    );
    newsdex()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("invalid value 'tcsh'"));
}

#[test]
fn man_pages() {
    let main = newsdex().arg("man").output().expect("runs");
    let main = String::from_utf8_lossy(&main.stdout);
    assert!(main.contains("\n.TH newsdex 1"), "{main}");
    assert!(main.contains("newsdex\\-facets"), "subcommands are listed");
    let search = newsdex().args(["man", "search"]).output().expect("runs");
    let search = String::from_utf8_lossy(&search.stdout);
    assert!(search.contains("\n.TH newsdex-search 1"), "{search}");
    assert!(search.contains("Examples:"));
    assert!(search.contains("\\-\\-since"));
    newsdex().args(["man", "nope"]).assert().code(2).stderr(
        predicates::str::contains("no command \"nope\"; the commands are ")
            .and(predicates::str::contains("facets, show, stats")),
    );
}

#[test]
fn every_command_has_examples_in_its_help() {
    let help = newsdex().arg("--help").output().expect("runs");
    let help = String::from_utf8_lossy(&help.stdout);
    let commands: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    for expected in [
        "search",
        "quotes",
        "facets",
        "show",
        "stats",
        "completions",
        "man",
    ] {
        assert!(commands.contains(&expected), "{commands:?}");
    }
    for command in commands {
        let output = newsdex().args([command, "--help"]).output().expect("runs");
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(
            text.contains("Examples:\n  newsdex "),
            "`newsdex {command} --help` has no examples:\n{text}"
        );
    }
}
