/*!
Child processes, measured: `newsdex` itself, SQLite FTS5 through the `sqlite3` command-line tool,
and ripgrep.

Wall time is measured here around the child; CPU time and peak RSS come from `/usr/bin/time`
(GNU time, which reads the child's `getrusage`).
*/

use std::collections::HashSet;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::Context;

use crate::queries::BenchQuery;

/// What one measured child process used.
#[derive(Clone, Copy, Debug, Default)]
pub struct Usage {
    pub wall: f64,
    pub user: f64,
    pub sys: f64,
    pub peak_rss_kb: u64,
}

/// Runs `program args` under `/usr/bin/time`, stdout and stderr captured; fails on a non-zero
/// exit status. Returns the usage and stdout.
pub fn timed(
    program: &Path,
    args: &[OsString],
    stdin: Option<&Path>,
    scratch: &Path,
) -> anyhow::Result<(Usage, String)> {
    let report = scratch.join("time.txt");
    let mut cmd = Command::new("/usr/bin/time");
    cmd.arg("-f")
        .arg("%U %S %M")
        .arg("-o")
        .arg(&report)
        .arg(program)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    match stdin {
        Some(path) => {
            let file =
                std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
            cmd.stdin(file);
        }
        None => {
            cmd.stdin(Stdio::null());
        }
    }
    let started = Instant::now();
    let output = cmd.output().with_context(|| {
        "running /usr/bin/time (GNU time; `apt-get install time` or run bench/run)".to_string()
    })?;
    let wall = started.elapsed().as_secs_f64();
    anyhow::ensure!(
        output.status.success(),
        "{} {:?} failed ({}): {}",
        program.display(),
        args,
        output.status,
        String::from_utf8_lossy(&output.stderr).trim()
    );
    let text = std::fs::read_to_string(&report)
        .with_context(|| format!("reading {}", report.display()))?;
    let fields: Vec<&str> = text
        .lines()
        .last()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let num = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok());
    let (Some(user), Some(sys), Some(rss)) = (num(0), num(1), num(2)) else {
        anyhow::bail!("unexpected /usr/bin/time output {text:?}");
    };
    Ok((
        Usage {
            wall,
            user,
            sys,
            peak_rss_kb: rss as u64,
        },
        String::from_utf8_lossy(&output.stdout).into_owned(),
    ))
}

/// Wall seconds of a process whose output is thrown away; exit status 1 (no hits) is fine.
pub fn wall_of(program: &Path, args: &[String], stdin: Option<&Path>) -> anyhow::Result<f64> {
    let mut cmd = Command::new(program);
    cmd.args(args).stdout(Stdio::null()).stderr(Stdio::null());
    if let Some(path) = stdin {
        cmd.stdin(
            std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?,
        );
    }
    let started = Instant::now();
    let status = cmd
        .status()
        .with_context(|| format!("running {}", program.display()))?;
    let wall = started.elapsed().as_secs_f64();
    // newsdex exits 1 when nothing matched: that is an answer, not a failure.
    anyhow::ensure!(
        matches!(status.code(), Some(0) | Some(1)),
        "{} {args:?} failed ({status})",
        program.display()
    );
    Ok(wall)
}

fn sql_string(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// The script that loads every `.txt` file under `dir` into an FTS5 table, read by SQLite
/// itself (`fsdir`): headline = first line, body = the rest. Journal and fsync are off for the
/// bulk load, which favours FTS5.
pub fn fts5_build_script(dir: &Path) -> String {
    format!(
        "PRAGMA journal_mode=OFF;
PRAGMA synchronous=OFF;
CREATE VIRTUAL TABLE docs USING fts5(path UNINDEXED, headline, body, tokenize='porter unicode61');
INSERT INTO docs(path, headline, body)
  SELECT name, trim(substr(t, 1, instr(t, char(10)) - 1)), substr(t, instr(t, char(10)) + 1)
  FROM (SELECT name, CAST(data AS TEXT) AS t FROM fsdir({})
        WHERE name LIKE '%.txt' AND data IS NOT NULL);
SELECT count(*) FROM docs;
",
        sql_string(&dir.display().to_string())
    )
}

/// The statements of one FTS5 query: the best 10 with a snippet, ranked by BM25 with the
/// headline weighted twice, then the total.
fn fts5_statements(query: &BenchQuery) -> String {
    let m = sql_string(&query.fts5);
    format!(
        "SELECT path, headline, snippet(docs, 2, '[', ']', '…', 16) FROM docs WHERE docs MATCH {m} ORDER BY bm25(docs, 0.0, 2.0, 1.0) LIMIT 10;
SELECT '@@COUNT', count(*) FROM docs WHERE docs MATCH {m};
"
    )
}

/// Per query: the in-process latencies (seconds, one per round) and the hit count.
pub struct Fts5Timings {
    pub latencies: Vec<Vec<f64>>,
    pub hits: Vec<Option<u64>>,
}

/// Runs every query `rounds` times (after one warm-up round) in one `sqlite3` process with
/// `.timer on`; a query's latency is the sum of its two statements' real times.
pub fn fts5_in_process(
    sqlite: &Path,
    db: &Path,
    queries: &[BenchQuery],
    rounds: usize,
    scratch: &Path,
) -> anyhow::Result<Fts5Timings> {
    let mut script = String::from(".timer on\n.mode list\n");
    for round in 0..=rounds {
        for (i, q) in queries.iter().enumerate() {
            script.push_str(&format!("SELECT '@@Q', {i}, {round};\n"));
            script.push_str(&fts5_statements(q));
        }
    }
    let path = scratch.join("fts5-queries.sql");
    std::fs::write(&path, script).with_context(|| format!("writing {}", path.display()))?;
    let output = Command::new(sqlite)
        .arg(db)
        .stdin(std::fs::File::open(&path)?)
        .stderr(Stdio::null())
        .output()
        .with_context(|| format!("running {}", sqlite.display()))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let mut timings = Fts5Timings {
        latencies: vec![Vec::new(); queries.len()],
        hits: vec![None; queries.len()],
    };
    let mut current: Option<(usize, usize)> = None;
    let mut times: Vec<f64> = Vec::new();
    let mut flush = |current: Option<(usize, usize)>, times: &mut Vec<f64>| {
        if let Some((i, round)) = current {
            // the first time is the marker statement's own
            if round > 0 && times.len() > 1 {
                timings.latencies[i].push(times[1..].iter().sum());
            }
        }
        times.clear();
    };
    for line in stdout.lines() {
        if let Some(rest) = line.strip_prefix("@@Q|") {
            flush(current, &mut times);
            let mut parts = rest.split('|').map(|p| p.parse::<usize>().ok());
            current = match (parts.next().flatten(), parts.next().flatten()) {
                (Some(i), Some(round)) if i < queries.len() => Some((i, round)),
                _ => None,
            };
        } else if let Some(rest) = line.strip_prefix("Run Time: real ") {
            if let Some(t) = rest.split_whitespace().next().and_then(|t| t.parse().ok()) {
                times.push(t);
            }
        } else if let Some(rest) = line.strip_prefix("@@COUNT|") {
            if let Some((i, _)) = current {
                timings.hits[i] = rest.trim().parse().ok();
            }
        }
    }
    flush(current, &mut times);
    Ok(timings)
}

/// Wall seconds of a whole `sqlite3` process answering one query.
pub fn fts5_process(
    sqlite: &Path,
    db: &Path,
    query: &BenchQuery,
    scratch: &Path,
) -> anyhow::Result<f64> {
    let path = scratch.join("fts5-one.sql");
    std::fs::write(&path, fts5_statements(query))
        .with_context(|| format!("writing {}", path.display()))?;
    wall_of(sqlite, &[db.display().to_string()], Some(&path))
}

/// A boolean query answered by ripgrep: one `rg -l` per term, file lists intersected (and
/// excluded terms subtracted). Returns wall seconds and the number of matching files.
pub fn ripgrep(rg: &Path, dir: &Path, query: &BenchQuery) -> anyhow::Result<(f64, usize)> {
    let started = Instant::now();
    let mut result: Option<HashSet<String>> = None;
    let mut excluded: HashSet<String> = HashSet::new();
    for term in &query.rg {
        let output = Command::new(rg)
            .args(["-l", "-i", "--no-messages", "-g", "*.txt", "-e"])
            .arg(&term.regex)
            .arg(dir)
            .stderr(Stdio::null())
            .output()
            .with_context(|| format!("running {}", rg.display()))?;
        anyhow::ensure!(
            matches!(output.status.code(), Some(0) | Some(1)),
            "ripgrep failed on {:?} ({})",
            term.regex,
            output.status
        );
        let files: HashSet<String> = String::from_utf8_lossy(&output.stdout)
            .lines()
            .map(str::to_string)
            .collect();
        if term.exclude {
            excluded.extend(files);
        } else {
            result = Some(match result {
                None => files,
                Some(r) => r.intersection(&files).cloned().collect(),
            });
        }
    }
    let hits = result.unwrap_or_default().difference(&excluded).count();
    Ok((started.elapsed().as_secs_f64(), hits))
}

/// A program on the PATH, or a clear error.
pub fn which(name: &str, install: &str) -> anyhow::Result<PathBuf> {
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
        .with_context(|| {
            format!("{name} is not installed; {install} (or run bench/run, which does)")
        })
}
