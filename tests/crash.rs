//! Crash safety (issue 5): a real `newsdex index` killed with SIGKILL at random moments of a run
//! over a generated archive (text files, JSON-lines exports and saved web pages: issue 20) leaves an index that opens and answers at its last commit, and the
//! next run completes it with no article missing and none twice.
//!
//! Also: one indexing process at a time, and searches keep working while an index is updated.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{assert_ran_ok, copy_dir, newsdex, Fixture};

/// A small deterministic random number generator (xorshift64*), seeded per run and printed so
/// that a failure can be replayed with `NEWSDEX_TEST_SEED`.
pub struct Rng(u64);

impl Rng {
    pub fn seeded() -> Rng {
        let seed = std::env::var("NEWSDEX_TEST_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos() as u64)
                    .unwrap_or(1)
            });
        eprintln!("random seed {seed} (set NEWSDEX_TEST_SEED to replay)");
        Rng(seed | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const WORDS: &[&str] = &[
    "council",
    "members",
    "said",
    "the",
    "resolution",
    "would",
    "strengthen",
    "sanctions",
    "against",
    "government",
    "after",
    "talks",
    "in",
    "capital",
    "ended",
    "without",
    "agreement",
    "on",
    "monday",
    "envoy",
    "ministers",
    "draft",
    "vote",
    "delegates",
    "weeks",
];

/// One generated story: a title-cased headline, then prose paragraphs. Each story carries a
/// unique marker word (`mk<id>`) in its body so that a search finds exactly it.
pub fn story(rng: &mut Rng, id: &str) -> (String, String) {
    let headline = format!("Council Weighs Measure {id}");
    let mut paragraphs = Vec::new();
    for p in 0..3 {
        let words: Vec<&str> = (0..25)
            .map(|_| WORDS[rng.below(WORDS.len() as u64) as usize])
            .collect();
        let marker = if p == 1 {
            format!(" mk{id}")
        } else {
            String::new()
        };
        paragraphs.push(format!(
            "Officials in Geneva said on Tuesday that {}{marker}.",
            words.join(" ")
        ));
    }
    let text = format!("{headline}\n{}", paragraphs.join("\n\n"));
    (headline, text)
}

/// An archive on disk and what it should hold: relative path → headlines of its stories.
pub struct Model {
    pub root: PathBuf,
    pub files: BTreeMap<String, Vec<String>>,
}

impl Model {
    pub fn new(root: &Path) -> Model {
        Model {
            root: root.to_path_buf(),
            files: BTreeMap::new(),
        }
    }

    /// Writes a file of 1 to 3 stories as `relative`; `version` keeps the markers of a
    /// rewritten file distinct from the old ones. By its extension: `.txt` stories separated by
    /// `---` lines, a `.jsonl` export of one story per line, or an `.html` page of one story.
    pub fn write(&mut self, rng: &mut Rng, relative: &str, version: u32) {
        let stories = if relative.ends_with(".html") {
            1
        } else {
            1 + rng.below(3) as usize
        };
        let stem = relative
            .rsplit_once('.')
            .map_or(relative, |(stem, _)| stem)
            .replace(['/', '-'], "");
        let mut headlines = Vec::new();
        let mut texts = Vec::new();
        for s in 0..stories {
            let (headline, text) = story(rng, &format!("{stem}v{version}s{s}"));
            let body = text.split_once('\n').map_or("", |(_, body)| body);
            texts.push(if relative.ends_with(".jsonl") {
                serde_json::json!({"title": headline, "text": body}).to_string()
            } else if relative.ends_with(".html") {
                let paragraphs: Vec<String> = body
                    .split("\n\n")
                    .map(|p| format!("<p>{p}</p>"))
                    .collect();
                format!(
                    "<html><head><title>{headline}</title></head><body><nav><a href=\"/\">Home</a></nav><article><h1>{headline}</h1>{}</article><footer>Footer</footer></body></html>",
                    paragraphs.join("\n")
                )
            } else {
                text
            });
            headlines.push(headline);
        }
        let separator = if relative.ends_with(".txt") {
            "\n---\n"
        } else {
            "\n"
        };
        let path = self.root.join(relative);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
        std::fs::write(&path, texts.join(separator) + "\n").expect("write");
        self.files.insert(relative.to_string(), headlines);
    }

    pub fn remove(&mut self, relative: &str) {
        std::fs::remove_file(self.root.join(relative)).expect("remove");
        self.files.remove(relative);
    }

    pub fn articles(&self) -> usize {
        self.files.values().map(Vec::len).sum()
    }

    /// Every (path, article number, headline) the index should hold.
    pub fn expected(&self) -> BTreeSet<(String, u64, String)> {
        self.files
            .iter()
            .flat_map(|(path, headlines)| {
                // The stories of a JSON-lines export are numbered by their line, from 1.
                let first = u64::from(path.ends_with(".jsonl"));
                headlines
                    .iter()
                    .enumerate()
                    .map(move |(i, h)| (path.clone(), first + i as u64, h.clone()))
            })
            .collect()
    }
}

/// The name of the `f`th file of a generated archive: mostly text, one in seven a JSON-lines
/// export and one in eleven a saved web page.
fn file_name(folder: &str, f: usize) -> String {
    let extension = match (f % 7, f % 11) {
        (3, _) => "jsonl",
        (_, 5) => "html",
        _ => "txt",
    };
    format!("{folder}/f{f:05}.{extension}")
}

/// A generated archive of `files` files in 20 folders.
pub fn generate(rng: &mut Rng, root: &Path, files: usize) -> Model {
    let mut model = Model::new(root);
    for f in 0..files {
        model.write(rng, &file_name(&format!("d{:02}", f % 20), f), 0);
    }
    model
}

/// `newsdex search '*' --json --limit N`: (status code, total_hits, hits as (path, article,
/// headline)). Read loosely (serde_json::Value) so that fields added to the format later do not
/// matter here.
pub fn all_articles(fixture: &Fixture) -> (i32, usize, Vec<(String, u64, String)>) {
    let output = fixture
        .cmd(&[
            "search",
            "*",
            "--json",
            "--all-copies",
            "--limit",
            "1000000",
        ])
        .output()
        .expect("newsdex runs");
    let code = output.status.code().unwrap_or(-1);
    if code != 0 && code != 1 {
        return (code, 0, Vec::new());
    }
    let json: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("search prints JSON");
    let total = json["total_hits"].as_u64().expect("total_hits") as usize;
    let hits = json["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| {
            (
                h["path"].as_str().unwrap_or_default().to_string(),
                h["article"].as_u64().unwrap_or(u64::MAX),
                h["headline"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    (code, total, hits)
}

/// Hits of a one-word search, as (path, article).
pub fn find(fixture: &Fixture, word: &str) -> Vec<(String, u64)> {
    let output = fixture
        .cmd(&["search", word, "--json", "--limit", "100"])
        .output()
        .expect("newsdex runs");
    let json: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("search prints JSON");
    json["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| {
            (
                h["path"].as_str().unwrap_or_default().to_string(),
                h["article"].as_u64().unwrap_or(u64::MAX),
            )
        })
        .collect()
}

fn spawn_index(fixture: &Fixture, commit_every: usize) -> Child {
    Command::new(env!("CARGO_BIN_EXE_newsdex"))
        .arg("index")
        .arg(fixture.archive())
        .arg("--index")
        .arg(fixture.index())
        .args(["--quiet", "--commit-every", &commit_every.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("newsdex starts")
}

/// Checks the index after a kill: it opens and answers, and holds no article twice. Returns
/// the number of articles it holds, or `None` when no index had been created yet.
fn check_after_kill(fixture: &Fixture) -> Option<usize> {
    let (code, total, hits) = all_articles(fixture);
    if code == 2 && !fixture.index().join("meta.json").exists() {
        return None;
    }
    assert!(
        code == 0 || code == 1,
        "the index does not answer after a kill (exit {code})"
    );
    let distinct: BTreeSet<_> = hits.iter().collect();
    assert_eq!(
        distinct.len(),
        hits.len(),
        "duplicate articles after a kill"
    );
    assert_eq!(total, hits.len());
    Some(total)
}

#[test]
fn killed_runs_leave_a_usable_index_and_the_next_run_completes_it() {
    let mut rng = Rng::seeded();
    let fixture = Fixture::new();
    let mut model = generate(&mut rng, &fixture.archive(), 2_000);
    let mut kills = 0;
    let mut next_file = 2_000;
    let started = Instant::now();
    // Kill points are drawn below `max_delay`, which halves whenever a run finishes before its
    // kill, so that a fast machine still sees its runs killed.
    let mut max_delay = 2_500;
    for round in 0..16 {
        if kills >= 7 {
            break;
        }
        // Change the archive between runs: some files rewritten, some deleted, some new.
        if round % 2 == 1 {
            let names: Vec<String> = model.files.keys().cloned().collect();
            for _ in 0..40 {
                let name = &names[rng.below(names.len() as u64) as usize];
                if model.files.contains_key(name) {
                    if rng.below(2) == 0 {
                        model.remove(name);
                    } else {
                        model.write(&mut rng, name, round);
                    }
                }
            }
            for _ in 0..40 {
                model.write(&mut rng, &file_name("new", next_file), 0);
                next_file += 1;
            }
        }
        let mut child = spawn_index(&fixture, 150);
        let delay = Duration::from_millis(10 + rng.below(max_delay));
        std::thread::sleep(delay);
        let killed = child.try_wait().expect("wait").is_none();
        if killed {
            child.kill().expect("kill -9");
            kills += 1;
        }
        child.wait().expect("wait");
        let held = check_after_kill(&fixture);
        if !killed {
            max_delay = (max_delay / 2).max(50);
        }
        let what = if killed { "killed" } else { "finished before" };
        eprintln!("round {round}: {what} {delay:?}, index holds {held:?} articles");
    }
    // The next run completes the index.
    let output = fixture
        .cmd(&["index"])
        .arg(fixture.archive())
        .output()
        .expect("newsdex runs");
    assert_ran_ok(&output);
    let (_, total, hits) = all_articles(&fixture);
    let expected = model.expected();
    let got: BTreeSet<_> = hits.iter().cloned().collect();
    assert_eq!(total, model.articles(), "total_hits is the article count");
    assert_eq!(got.len(), hits.len(), "no article twice");
    let missing: Vec<_> = expected.difference(&got).take(5).collect();
    let extra: Vec<_> = got.difference(&expected).take(5).collect();
    assert!(missing.is_empty(), "missing: {missing:?}");
    assert!(extra.is_empty(), "not in the folder: {extra:?}");
    // A sample of documents by their body: the marker word finds exactly that article.
    let all: Vec<_> = expected.iter().collect();
    for _ in 0..10 {
        let (path, article, headline) = all[rng.below(all.len() as u64) as usize];
        let id = headline.rsplit(' ').next().unwrap_or_default();
        let hits = find(&fixture, &format!("mk{id}"));
        assert_eq!(hits, [(path.clone(), *article)], "{headline}");
    }
    eprintln!(
        "kill test: {kills} kills, {} articles checked against the folder, 0 problems, {:?}",
        expected.len(),
        started.elapsed()
    );
    assert!(
        kills >= 3,
        "too few runs were killed ({kills}) to test anything"
    );
}

/// Whether another process holds the lock on `path`.
fn is_locked(path: &Path) -> bool {
    use fs4::fs_std::FileExt;
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    !matches!(FileExt::try_lock_shared(&file), Ok(true))
}

#[test]
fn a_second_indexer_is_refused_and_search_works_during_indexing() {
    let mut rng = Rng::seeded();
    let fixture = Fixture::new();
    let mut model = generate(&mut rng, &fixture.archive(), 200);
    fixture.index_archive();
    let before = model.articles();
    for f in 0..2_500 {
        model.write(&mut rng, &format!("more/m{f:05}.txt"), 0);
    }
    let mut child = spawn_index(&fixture, 200);
    // Wait until the run holds its lock.
    let lock = fixture.index().join("newsdex.lock");
    let waited = Instant::now();
    while !is_locked(&lock) {
        assert!(
            waited.elapsed() < Duration::from_secs(20),
            "the run never took its lock"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    let mut searches = 0;
    let mut refused = false;
    while child.try_wait().expect("wait").is_none() {
        if !refused {
            let output = fixture
                .cmd(&["index"])
                .arg(fixture.archive())
                .output()
                .expect("runs");
            if child.try_wait().expect("wait").is_none() {
                assert_eq!(output.status.code(), Some(2));
                let stderr = String::from_utf8_lossy(&output.stderr);
                assert!(
                    stderr.contains(&format!(
                        "index {} is being updated by another newsdex process",
                        fixture.index().display()
                    )),
                    "{stderr}"
                );
                refused = true;
            }
        }
        let (code, total, _) = all_articles(&fixture);
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        assert_eq!(code, 0, "search fails during indexing");
        assert!(total >= before && total <= model.articles(), "{total}");
        searches += 1;
    }
    let status = child.wait().expect("wait");
    assert!(status.success());
    assert!(
        refused,
        "the indexer finished before a second one could be tried"
    );
    assert!(searches >= 1, "no search ran during indexing");
    assert_eq!(all_articles(&fixture).1, model.articles());
}

/// Searches beside the very first run of `index` find no index yet, or the index: never an
/// index "built by an incompatible newsdex" (for a moment tantivy's `meta.json` stood without
/// `newsdex.json`; tools/crash-check caught a search in that moment). The folder as a first
/// run killed between the two leaves it (only `newsdex.json`) is no index yet, and the next run
/// builds it.
#[test]
fn searches_beside_the_first_run_never_see_a_foreign_index() {
    let mut rng = Rng::seeded();
    let fixture = Fixture::new();
    let model = generate(&mut rng, &fixture.archive(), 300);
    let stderr_of =
        |output: &std::process::Output| String::from_utf8_lossy(&output.stderr).into_owned();
    let mut searches = 0;
    for _ in 0..3 {
        let _ = std::fs::remove_dir_all(fixture.index());
        let mut child = spawn_index(&fixture, 100);
        while child.try_wait().expect("wait").is_none() {
            let output = fixture
                .cmd(&["search", "mk0", "--limit", "1"])
                .output()
                .expect("runs");
            let code = output.status.code();
            let stderr = stderr_of(&output);
            assert!(
                matches!(code, Some(0) | Some(1)) || stderr.contains("no index at"),
                "search beside the first run: exit {code:?}: {stderr}"
            );
            searches += 1;
        }
        assert!(child.wait().expect("wait").success());
    }
    assert!(searches >= 1, "no search ran beside a first run");
    // Only `newsdex.json`: no index yet, and `index` builds it.
    let _ = std::fs::remove_dir_all(fixture.index());
    std::fs::create_dir_all(fixture.index()).expect("mkdir");
    fixture.index_archive();
    let info = std::fs::read(fixture.index().join("newsdex.json")).expect("newsdex.json");
    std::fs::remove_dir_all(fixture.index()).expect("rm");
    std::fs::create_dir_all(fixture.index()).expect("mkdir");
    std::fs::write(fixture.index().join("newsdex.json"), info).expect("write");
    let output = fixture.cmd(&["search", "mk0"]).output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("no index at"),
        "{}",
        stderr_of(&output)
    );
    fixture.index_archive();
    assert_eq!(all_articles(&fixture).1, model.articles());
}

/// A run killed after tantivy wrote a deletion file (`<segment>.<opstamp>.del`) but before it
/// committed leaves that file behind; the next run makes the same deletions at the same
/// opstamp and must not fail on the name being taken. Built without timing: the files a
/// finished update writes are copied into a copy of the index as it was before it.
#[test]
fn files_of_an_uncommitted_update_do_not_block_the_next_run() {
    let fixture = Fixture::new();
    fixture.create("a.txt", "Talks resume\n\nThe talks resumed on Monday.\n");
    fixture.create("b.txt", "Port closes\n\nThe port closed on Tuesday.\n");
    fixture.index_archive();
    fixture.create(
        "a.txt",
        "Talks resume\n\nThe talks resumed on Monday, officials said.\n",
    );
    let before = fixture.dir.path().join("before");
    copy_dir(&fixture.index(), &before);
    fixture.index_archive();
    let names = |dir: &Path| -> BTreeSet<String> {
        std::fs::read_dir(dir)
            .expect("an index folder")
            .map(|e| {
                e.expect("an entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect()
    };
    let old = names(&before);
    let written: Vec<String> = names(&fixture.index())
        .into_iter()
        .filter(|n| !old.contains(n) && n.ends_with(".del"))
        .collect();
    assert!(!written.is_empty(), "the update wrote no deletion file");
    // The killed run: its deletion files and its list of managed files, not its meta.json.
    for name in written.iter().chain([&".managed.json".to_string()]) {
        std::fs::copy(fixture.index().join(name), before.join(name)).expect("copy");
    }
    let output = newsdex()
        .arg("index")
        .arg(fixture.archive())
        .arg("--index")
        .arg(&before)
        .output()
        .expect("newsdex runs");
    assert_ran_ok(&output);
    let search = newsdex()
        .args(["search", "officials", "--json", "--index"])
        .arg(&before)
        .output()
        .expect("newsdex runs");
    assert_eq!(search.status.code(), Some(0));
}
