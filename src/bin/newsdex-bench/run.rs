/*!
`newsdex-bench run`: the whole comparison in one run, on the real archive and on a generated
one. Prints tables and writes a JSON file; every newsdex figure is also given as a ratio to the
peers measured in the same run, since absolute times move with the machine's load.
*/

use newsdex::ingest::walk;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use serde_json::{json, Value};

use newsdex::ingest::walk::Found;
use newsdex::query::archive::Archive;
use newsdex::query::request::SearchRequest;
use newsdex::report::{self, Style};

use crate::generate;
use crate::peers::{self, Usage};
use crate::plain::Plain;
use crate::queries::{self, BenchQuery};

/// Options of a run (see `newsdex-bench run --help`).
pub struct RunOptions {
    pub corpus: PathBuf,
    pub out: PathBuf,
    pub queries: PathBuf,
    pub articles: usize,
    pub seed: u64,
    pub rounds: usize,
    pub process_rounds: usize,
    pub index_rounds: usize,
    pub rg_every_large: usize,
    pub json: PathBuf,
}

/// Nearest-rank percentile of sorted samples.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn median(samples: &[f64]) -> f64 {
    let mut s = samples.to_vec();
    s.sort_by(f64::total_cmp);
    percentile(&s, 50.0)
}

/// p50/p95/p99/mean in milliseconds of samples in seconds.
fn latency(samples: &[f64]) -> Value {
    let mut s: Vec<f64> = samples.iter().copied().filter(|x| x.is_finite()).collect();
    s.sort_by(f64::total_cmp);
    let ms = |x: f64| (x * 1e5).round() / 1e2;
    let mean = s.iter().sum::<f64>() / s.len().max(1) as f64;
    json!({
        "p50_ms": ms(percentile(&s, 50.0)),
        "p95_ms": ms(percentile(&s, 95.0)),
        "p99_ms": ms(percentile(&s, 99.0)),
        "mean_ms": ms(mean),
        "samples": s.len(),
    })
}

fn get(v: &Value, path: &[&str]) -> f64 {
    let mut v = v;
    for key in path {
        v = &v[*key];
    }
    v.as_f64().unwrap_or(f64::NAN)
}

fn ratio(a: f64, b: f64) -> f64 {
    ((a / b) * 1000.0).round() / 1000.0
}

fn dir_bytes(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum()
}

/// Bytes and count of the `.txt` files newsdex would index.
fn raw_text(dir: &Path) -> anyhow::Result<(u64, usize)> {
    let mut bytes = 0;
    let mut files = 0;
    for found in walk::walk(dir, &Default::default())? {
        if let Found::File { path, .. } = found {
            bytes += std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            files += 1;
        }
    }
    Ok((bytes, files))
}

/// Reads every file of `dir` once, so that each engine starts with the archive in the page
/// cache. This machine's kernel reclaims pages left cold for a few minutes (`kdamond`): without
/// this, the first engine to index the 1M archive read it from disk (I/O wait, 40% CPU) and the
/// next ones found it cached. Returns the seconds taken.
fn warm(dir: &Path) -> anyhow::Result<f64> {
    use rayon::prelude::*;
    let started = std::time::Instant::now();
    walk::walk(dir, &Default::default())?
        .into_par_iter()
        .for_each(|found| {
            if let Found::File { path, .. } = found {
                let _ = std::fs::read(&path);
            }
        });
    Ok(started.elapsed().as_secs_f64())
}

/// The run with the median wall time (the lower middle one of an even number).
fn median_run(mut runs: Vec<Usage>) -> Usage {
    runs.sort_by(|a, b| a.wall.total_cmp(&b.wall));
    let middle = (runs.len().max(1) - 1) / 2;
    runs.swap_remove(middle)
}

fn index_figures(usage: Usage, raw_mb: f64, size: u64) -> Value {
    let size_mb = size as f64 / 1e6;
    json!({
        "wall_s": (usage.wall * 1000.0).round() / 1000.0,
        "cpu_s": ((usage.user + usage.sys) * 100.0).round() / 100.0,
        "user_s": usage.user,
        "sys_s": usage.sys,
        "cpu_percent": ((usage.user + usage.sys) / usage.wall * 100.0).round(),
        "mb_per_s": ((raw_mb / usage.wall) * 100.0).round() / 100.0,
        "s_per_mb": ((usage.wall / raw_mb) * 10000.0).round() / 10000.0,
        "peak_rss_mb": (usage.peak_rss_kb as f64 / 1024.0).round(),
        "size_mb": (size_mb * 10.0).round() / 10.0,
        "size_to_raw": ratio(size_mb, raw_mb),
    })
}

fn request(q: &BenchQuery) -> SearchRequest {
    let mut r = SearchRequest::new(q.newsdex.clone());
    r.speakers = q.speakers.clone();
    r.countries = q.countries.clone();
    r.regions = q.regions.clone();
    r
}

struct Tools {
    newsdex: PathBuf,
    bench: PathBuf,
    sqlite: PathBuf,
    rg: PathBuf,
}

/// Seconds of each query (search, snippets, facets and the text page) in `rounds` timed rounds
/// after one warm-up round, and its hit count.
pub fn newsdex_latencies(
    archive: &Archive,
    all_queries: &[BenchQuery],
    rounds: usize,
) -> anyhow::Result<(Vec<Vec<f64>>, Vec<usize>)> {
    let mut latencies: Vec<Vec<f64>> = vec![Vec::new(); all_queries.len()];
    let mut hits = vec![0usize; all_queries.len()];
    let mut page = Vec::with_capacity(1 << 16);
    for round in 0..=rounds {
        for (i, q) in all_queries.iter().enumerate() {
            page.clear();
            let started = Instant::now();
            let results = archive
                .search(&request(q))
                .with_context(|| format!("query {} ({:?})", q.id, q.newsdex))?;
            report::search::search_text(
                &mut page,
                &results,
                Style {
                    color: false,
                    terminal: false,
                },
            )?;
            let t = started.elapsed().as_secs_f64();
            if round > 0 {
                latencies[i].push(t);
            }
            hits[i] = results.total_hits;
        }
    }
    Ok((latencies, hits))
}

/// `newsdex-bench queries`: the in-process latencies of newsdex alone on an existing index,
/// slowest queries first.
pub fn queries_only(index: &Path, queries: &Path, rounds: usize) -> anyhow::Result<()> {
    let all_queries = queries::read(queries)?;
    let archive = Archive::open(index)?;
    let (latencies, hits) = newsdex_latencies(&archive, &all_queries, rounds)?;
    let mut rows: Vec<(f64, usize)> = latencies
        .iter()
        .enumerate()
        .map(|(i, l)| (median(l), i))
        .collect();
    rows.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (t, i) in rows.iter().take(15) {
        let q = &all_queries[*i];
        println!(
            "{:8.2} ms {:>8} hits  {} {}",
            t * 1e3,
            hits[*i],
            q.newsdex,
            q.filter_args().join(" ")
        );
    }
    let all: Vec<f64> = latencies.iter().flatten().copied().collect();
    println!("{}", latency(&all));
    Ok(())
}

/// Everything measured on one archive.
fn measure(
    label: &str,
    dir: &Path,
    all_queries: &[BenchQuery],
    rg_every: usize,
    index_rounds: usize,
    tools: &Tools,
    options: &RunOptions,
) -> anyhow::Result<Value> {
    let work = options.out.join(label);
    std::fs::create_dir_all(&work).with_context(|| format!("creating {}", work.display()))?;
    let (raw, files) = raw_text(dir)?;
    let raw_mb = raw as f64 / 1e6;
    eprintln!(
        "[{label}] {files} files, {raw_mb:.1} MB of text in {}",
        dir.display()
    );

    // Indexing, each engine in its own process, the engines taking turns when there are several
    // rounds (so that a slower spell of a shared machine does not fall on one engine only).
    let rounds = index_rounds.max(1);
    let newsdex_index = work.join("newsdex");
    let plain_index = work.join("plain");
    let db = work.join("fts5.db");
    let script = work.join("fts5-build.sql");
    std::fs::write(&script, peers::fts5_build_script(dir))?;
    let mut warm_seconds = Vec::new();
    let (mut newsdex_runs, mut plain_runs, mut fts5_runs) = (Vec::new(), Vec::new(), Vec::new());
    let mut fts5_out = String::new();
    for round in 1..=rounds {
        eprintln!("[{label}] indexing with newsdex (round {round} of {rounds})");
        let args: Vec<OsString> = vec![
            "index".into(),
            dir.into(),
            "--index".into(),
            newsdex_index.clone().into(),
            "--rebuild".into(),
            "--quiet".into(),
        ];
        warm_seconds.push(warm(dir)?);
        newsdex_runs.push(peers::timed(&tools.newsdex, &args, None, &work)?.0);
        eprintln!("[{label}] indexing with plain tantivy (round {round} of {rounds})");
        let args: Vec<OsString> =
            vec!["plain-index".into(), dir.into(), plain_index.clone().into()];
        warm_seconds.push(warm(dir)?);
        plain_runs.push(peers::timed(&tools.bench, &args, None, &work)?.0);
        eprintln!("[{label}] indexing with SQLite FTS5 (round {round} of {rounds})");
        let _ = std::fs::remove_file(&db);
        warm_seconds.push(warm(dir)?);
        let (usage, out) = peers::timed(&tools.sqlite, &[db.clone().into()], Some(&script), &work)?;
        fts5_runs.push(usage);
        fts5_out = out;
    }
    let walls = |runs: &[Usage]| {
        runs.iter()
            .map(|u| (u.wall * 1000.0).round() / 1000.0)
            .collect::<Vec<_>>()
    };
    let index_walls = json!({
        "newsdex": walls(&newsdex_runs),
        "plain_tantivy": walls(&plain_runs),
        "fts5": walls(&fts5_runs),
    });
    let (newsdex_usage, plain_usage, fts5_usage) = (
        median_run(newsdex_runs),
        median_run(plain_runs),
        median_run(fts5_runs),
    );
    let fts5_docs: u64 = fts5_out.trim().parse().unwrap_or(0);
    let index = json!({
        "newsdex": index_figures(newsdex_usage, raw_mb, dir_bytes(&newsdex_index)),
        "plain_tantivy": index_figures(plain_usage, raw_mb, dir_bytes(&plain_index)),
        "fts5": index_figures(fts5_usage, raw_mb, std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0)),
        // The wall time of every round (the figures above are the median round's).
        "rounds": index_walls,
        // Seconds spent reading the archive into the page cache before each engine (not counted
        // in its figures).
        "warm_seconds": warm_seconds.iter().map(|s| (s * 100.0).round() / 100.0).collect::<Vec<_>>(),
    });

    // Queries inside one process.
    eprintln!("[{label}] queries: newsdex in-process");
    let archive = Archive::open(&newsdex_index)?;
    let (newsdex_lat, newsdex_hits) = newsdex_latencies(&archive, all_queries, options.rounds)?;
    eprintln!("[{label}] queries: plain tantivy in-process");
    let plain = Plain::open(&plain_index)?;
    let mut plain_lat: Vec<Vec<f64>> = vec![Vec::new(); all_queries.len()];
    let mut plain_hits = vec![0usize; all_queries.len()];
    for round in 0..=options.rounds {
        for (i, q) in all_queries.iter().enumerate() {
            let (t, hits) = plain.search(q.plain())?;
            if round > 0 {
                plain_lat[i].push(t);
            }
            plain_hits[i] = hits;
        }
    }
    eprintln!("[{label}] queries: FTS5 in-process");
    let fts5 = peers::fts5_in_process(&tools.sqlite, &db, all_queries, options.rounds, &work)?;

    // Whole processes.
    eprintln!("[{label}] queries: whole processes (newsdex, sqlite3)");
    let mut newsdex_proc = Vec::new();
    let mut fts5_proc = Vec::new();
    for q in all_queries {
        let mut args = vec![
            "search".to_string(),
            q.newsdex.clone(),
            "--index".to_string(),
            newsdex_index.display().to_string(),
        ];
        args.extend(q.filter_args());
        let mut n = Vec::new();
        let mut f = Vec::new();
        for _ in 0..options.process_rounds.max(1) {
            n.push(peers::wall_of(&tools.newsdex, &args, None)?);
            f.push(peers::fts5_process(&tools.sqlite, &db, q, &work)?);
        }
        newsdex_proc.push(median(&n));
        fts5_proc.push(median(&f));
    }
    let rg_ids: Vec<usize> = (0..all_queries.len())
        .filter(|i| i % rg_every.max(1) == 0)
        .collect();
    eprintln!(
        "[{label}] queries: ripgrep ({} of {} queries)",
        rg_ids.len(),
        all_queries.len()
    );
    let mut rg_lat = Vec::new();
    let mut rg_hits = vec![None; all_queries.len()];
    for &i in &rg_ids {
        let (t, hits) = peers::ripgrep(&tools.rg, dir, &all_queries[i])?;
        rg_lat.push(t);
        rg_hits[i] = Some(hits);
    }

    let flat = |v: &[Vec<f64>]| v.iter().flatten().copied().collect::<Vec<f64>>();
    let subset = |v: &[f64]| rg_ids.iter().map(|&i| v[i]).collect::<Vec<f64>>();
    let newsdex_in_median: Vec<f64> = newsdex_lat.iter().map(|v| median(v)).collect();
    let search = json!({
        "newsdex_in_process": latency(&flat(&newsdex_lat)),
        "newsdex_process": latency(&newsdex_proc),
        "plain_tantivy_in_process": latency(&flat(&plain_lat)),
        "fts5_in_process": latency(&flat(&fts5.latencies)),
        "fts5_process": latency(&fts5_proc),
        "ripgrep_process": latency(&rg_lat),
        "newsdex_process_on_ripgrep_queries": latency(&subset(&newsdex_proc)),
        "newsdex_in_process_on_ripgrep_queries": latency(&subset(&newsdex_in_median)),
        "ripgrep_queries": rg_ids.iter().map(|&i| all_queries[i].id.clone()).collect::<Vec<_>>(),
    });
    let per_query: Vec<Value> = all_queries
        .iter()
        .enumerate()
        .map(|(i, q)| {
            json!({
                "id": q.id,
                "query": q.newsdex,
                "filters": q.filter_args().join(" "),
                "filtered": q.has_filters(),
                "hits": {
                    "newsdex": newsdex_hits[i],
                    "plain_tantivy": plain_hits[i],
                    "fts5": fts5.hits[i],
                    "ripgrep": rg_hits[i],
                },
                "ms": {
                    "newsdex_in_process_median": (median(&newsdex_lat[i]) * 1e5).round() / 1e2,
                    "newsdex_process_median": (newsdex_proc[i] * 1e5).round() / 1e2,
                    "plain_tantivy_in_process_median": (median(&plain_lat[i]) * 1e5).round() / 1e2,
                    "fts5_in_process_mean": (fts5.latencies[i].iter().sum::<f64>() / fts5.latencies[i].len().max(1) as f64 * 1e5).round() / 1e2,
                    "fts5_process_median": (fts5_proc[i] * 1e5).round() / 1e2,
                },
            })
        })
        .collect();

    let mut result = json!({
        "label": label,
        "dir": dir.display().to_string(),
        "files": files,
        "fts5_rows": fts5_docs,
        "raw_text_mb": (raw_mb * 10.0).round() / 10.0,
        "index": index,
        "search": search,
        "per_query": per_query,
    });
    result["ratios"] = ratios(&result);
    Ok(result)
}

/// newsdex figures as ratios to the peers.
fn ratios(r: &Value) -> Value {
    let ix = |engine: &str, key: &str| get(r, &["index", engine, key]);
    let s = |engine: &str, key: &str| get(r, &["search", engine, key]);
    json!({
        "index_wall_newsdex_over_plain_tantivy": ratio(ix("newsdex", "wall_s"), ix("plain_tantivy", "wall_s")),
        "index_wall_fts5_over_newsdex": ratio(ix("fts5", "wall_s"), ix("newsdex", "wall_s")),
        "index_cpu_newsdex_over_plain_tantivy": ratio(ix("newsdex", "cpu_s"), ix("plain_tantivy", "cpu_s")),
        "index_cpu_newsdex_over_fts5": ratio(ix("newsdex", "cpu_s"), ix("fts5", "cpu_s")),
        "index_rss_newsdex_over_plain_tantivy": ratio(ix("newsdex", "peak_rss_mb"), ix("plain_tantivy", "peak_rss_mb")),
        "index_rss_newsdex_over_fts5": ratio(ix("newsdex", "peak_rss_mb"), ix("fts5", "peak_rss_mb")),
        "index_size_newsdex_over_plain_tantivy": ratio(ix("newsdex", "size_mb"), ix("plain_tantivy", "size_mb")),
        "index_size_newsdex_over_fts5": ratio(ix("newsdex", "size_mb"), ix("fts5", "size_mb")),
        "search_p50_in_process_newsdex_over_plain_tantivy": ratio(s("newsdex_in_process", "p50_ms"), s("plain_tantivy_in_process", "p50_ms")),
        "search_p50_in_process_fts5_over_newsdex": ratio(s("fts5_in_process", "p50_ms"), s("newsdex_in_process", "p50_ms")),
        "search_p95_in_process_fts5_over_newsdex": ratio(s("fts5_in_process", "p95_ms"), s("newsdex_in_process", "p95_ms")),
        "search_p50_process_fts5_over_newsdex": ratio(s("fts5_process", "p50_ms"), s("newsdex_process", "p50_ms")),
        "search_p50_ripgrep_over_newsdex_process": ratio(s("ripgrep_process", "p50_ms"), s("newsdex_process_on_ripgrep_queries", "p50_ms")),
        "search_p50_ripgrep_over_newsdex_in_process": ratio(s("ripgrep_process", "p50_ms"), s("newsdex_in_process_on_ripgrep_queries", "p50_ms")),
    })
}

fn target(name: &str, value: f64, goal: &str, met: bool) -> Value {
    json!({"target": name, "value": value, "goal": goal, "met": met && value.is_finite()})
}

fn targets(small: &Value, large: Option<&Value>) -> Vec<Value> {
    let mut t = Vec::new();
    let big = large
        .and_then(|l| l["label"].as_str())
        .unwrap_or("")
        .to_string();
    let ra = |r: &Value, k: &str| get(r, &["ratios", k]);
    let x = ra(small, "index_wall_newsdex_over_plain_tantivy");
    t.push(target(
        "23k: newsdex index wall / plain tantivy",
        x,
        "<= 1.5",
        x <= 1.5,
    ));
    let x = ra(small, "index_wall_fts5_over_newsdex");
    t.push(target(
        "23k: FTS5 index wall / newsdex",
        x,
        ">= 2",
        x >= 2.0,
    ));
    let x = get(small, &["search", "newsdex_in_process", "p50_ms"]);
    t.push(target(
        "23k: search p50 in-process (ms)",
        x,
        "<= 2",
        x <= 2.0,
    ));
    let x = get(small, &["search", "newsdex_process", "p50_ms"]);
    t.push(target(
        "23k: search p50 whole process (ms)",
        x,
        "<= 15",
        x <= 15.0,
    ));
    let small_rg = ra(small, "search_p50_ripgrep_over_newsdex_process");
    t.push(target(
        "23k: ripgrep p50 / newsdex whole process",
        small_rg,
        ">= 20",
        small_rg >= 20.0,
    ));
    let x = get(small, &["index", "newsdex", "peak_rss_mb"]);
    t.push(target(
        "23k: newsdex index peak RSS (MB)",
        x,
        "<= 300",
        x <= 300.0,
    ));
    let x = get(small, &["index", "newsdex", "size_to_raw"]);
    t.push(target(
        "23k: newsdex index size / raw text",
        x,
        "<= 1.5",
        x <= 1.5,
    ));
    if let Some(large) = large {
        let x = ra(large, "index_wall_newsdex_over_plain_tantivy");
        t.push(target(
            &format!("{big}: newsdex index wall / plain tantivy"),
            x,
            "<= 1.5",
            x <= 1.5,
        ));
        let x = ra(large, "index_wall_fts5_over_newsdex");
        t.push(target(
            &format!("{big}: FTS5 index wall / newsdex"),
            x,
            ">= 2",
            x >= 2.0,
        ));
        let x = get(large, &["search", "newsdex_in_process", "p95_ms"]);
        t.push(target(
            &format!("{big}: search p95 in-process (ms)"),
            x,
            "<= 50",
            x <= 50.0,
        ));
        let x = ra(large, "search_p50_ripgrep_over_newsdex_process");
        t.push(target(
            &format!("{big}: ripgrep p50 / newsdex whole process (more than at 23k)"),
            x,
            &format!("> {small_rg}"),
            x > small_rg,
        ));
        let x = get(large, &["index", "newsdex", "peak_rss_mb"]);
        t.push(target(
            &format!("{big}: newsdex index peak RSS (MB)"),
            x,
            "<= 300",
            x <= 300.0,
        ));
        let x = get(large, &["index", "newsdex", "size_to_raw"]);
        t.push(target(
            &format!("{big}: newsdex index size / raw text"),
            x,
            "<= 1.5",
            x <= 1.5,
        ));
        let growth = ratio(
            get(large, &["index", "newsdex", "s_per_mb"]),
            get(small, &["index", "newsdex", "s_per_mb"]),
        );
        t.push(target(
            &format!("growth: newsdex s/MB at {big} / s/MB at 23k"),
            growth,
            "<= 1.25 (linear within 25%)",
            growth <= 1.25,
        ));
    }
    t
}

fn print_tables(r: &Value) {
    println!();
    println!(
        "== {}: {} files, {} MB of text ({})",
        r["label"].as_str().unwrap_or(""),
        r["files"],
        r["raw_text_mb"],
        r["dir"].as_str().unwrap_or("")
    );
    println!(
        "{:<15} {:>9} {:>8} {:>6} {:>8} {:>8} {:>9} {:>9} {:>8}",
        "index", "wall s", "CPU s", "CPU%", "MB/s", "s/MB", "RSS MB", "size MB", "size/raw"
    );
    for engine in ["newsdex", "plain_tantivy", "fts5"] {
        let f = |k: &str| get(r, &["index", engine, k]);
        println!(
            "{:<15} {:>9.2} {:>8.2} {:>6.0} {:>8.2} {:>8.4} {:>9.0} {:>9.1} {:>8.2}",
            engine,
            f("wall_s"),
            f("cpu_s"),
            f("cpu_percent"),
            f("mb_per_s"),
            f("s_per_mb"),
            f("peak_rss_mb"),
            f("size_mb"),
            f("size_to_raw")
        );
    }
    println!(
        "(median of {} rounds, wall s of each: newsdex {}, plain {}, FTS5 {}; each run started with \
         the archive in the page cache)",
        r["index"]["rounds"]["newsdex"]
            .as_array()
            .map_or(0, Vec::len),
        r["index"]["rounds"]["newsdex"],
        r["index"]["rounds"]["plain_tantivy"],
        r["index"]["rounds"]["fts5"]
    );
    println!(
        "{:<38} {:>9} {:>9} {:>9} {:>8}",
        "search latency", "p50 ms", "p95 ms", "p99 ms", "samples"
    );
    for (name, key) in [
        ("newsdex in-process (snippets+facets)", "newsdex_in_process"),
        ("newsdex whole process", "newsdex_process"),
        (
            "plain tantivy in-process (top 10)",
            "plain_tantivy_in_process",
        ),
        ("FTS5 in-process (top 10+snippet)", "fts5_in_process"),
        ("FTS5 whole sqlite3 process", "fts5_process"),
        ("ripgrep (rg -l per term)", "ripgrep_process"),
        (
            "newsdex whole process, rg queries",
            "newsdex_process_on_ripgrep_queries",
        ),
    ] {
        let f = |k: &str| get(r, &["search", key, k]);
        println!(
            "{:<38} {:>9.2} {:>9.2} {:>9.2} {:>8}",
            name,
            f("p50_ms"),
            f("p95_ms"),
            f("p99_ms"),
            f("samples")
        );
    }
    println!("ratios (same run):");
    if let Some(map) = r["ratios"].as_object() {
        for (k, v) in map {
            println!("  {k:<52} {v}");
        }
    }
}

fn command_line(program: &str, args: &[&str]) -> String {
    std::process::Command::new(program)
        .args(args)
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}

fn machine() -> Value {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_default();
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .next()
                .map(|l| l.split_whitespace().nth(1).unwrap_or("").to_string())
        })
        .and_then(|kb| kb.parse::<f64>().ok())
        .map(|kb| (kb / 1024.0 / 1024.0).round())
        .unwrap_or(f64::NAN);
    json!({
        "cpus": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        "cpu": cpu,
        "memory_gib": mem,
        "load": std::fs::read_to_string("/proc/loadavg").unwrap_or_default().trim(),
    })
}

pub fn run(options: &RunOptions) -> anyhow::Result<()> {
    let started = Instant::now();
    let exe = std::env::current_exe().context("finding newsdex-bench itself")?;
    let newsdex = exe.with_file_name("newsdex");
    anyhow::ensure!(
        newsdex.is_file(),
        "{} is missing; build it with `cargo build --release` (bench/run does)",
        newsdex.display()
    );
    let tools = Tools {
        newsdex,
        bench: exe,
        sqlite: peers::which("sqlite3", "apt-get install -y sqlite3")?,
        rg: peers::which("rg", "apt-get install -y ripgrep")?,
    };
    let all_queries = queries::read(&options.queries)?;
    anyhow::ensure!(
        !all_queries.is_empty(),
        "{} holds no queries",
        options.queries.display()
    );
    let machine_before = machine();
    eprintln!("machine: {machine_before}");

    let small = measure(
        "23k",
        &options.corpus,
        &all_queries,
        1,
        options.index_rounds,
        &tools,
        options,
    )?;
    print_tables(&small);

    let mut generated = Value::Null;
    let large = if options.articles > 0 {
        let dir = options.out.join(format!("archive-{}", options.articles));
        eprintln!(
            "generating {} articles into {}",
            options.articles,
            dir.display()
        );
        let g = generate::generate(&options.corpus, &dir, options.articles, options.seed)?;
        generated = json!({
            "dir": g.dir.display().to_string(),
            "articles": g.articles,
            "bytes": g.bytes,
            "seed": options.seed,
            "seconds": (g.seconds * 100.0).round() / 100.0,
            "reused": g.reused,
        });
        let label = if options.articles == 1_000_000 {
            "1M".to_string()
        } else {
            format!("{}", options.articles)
        };
        let r = measure(
            &label,
            &dir,
            &all_queries,
            options.rg_every_large,
            // Each engine takes minutes on the generated archive: one run each.
            1,
            &tools,
            options,
        )?;
        print_tables(&r);
        Some(r)
    } else {
        None
    };
    let targets = targets(&small, large.as_ref());
    println!();
    println!("targets:");
    for t in &targets {
        println!(
            "  {:<4} {:<58} {:>10} (goal {})",
            if t["met"].as_bool() == Some(true) {
                "MET"
            } else {
                "NOT"
            },
            t["target"].as_str().unwrap_or(""),
            t["value"],
            t["goal"].as_str().unwrap_or("")
        );
    }
    let sizes: Vec<&Value> = [Some(&small), large.as_ref()]
        .into_iter()
        .flatten()
        .collect();
    let result = json!({
        "machine_before": machine_before,
        "machine_after": machine(),
        "versions": {
            "sqlite3": command_line("sqlite3", &["--version"]),
            "ripgrep": command_line("rg", &["--version"]).lines().next().unwrap_or("").to_string(),
            "newsdex": env!("CARGO_PKG_VERSION"),
        },
        "queries_file": options.queries.display().to_string(),
        "queries": all_queries.len(),
        "rounds_in_process": options.rounds,
        "rounds_process": options.process_rounds,
        "generated": generated,
        "sizes": sizes,
        "targets": targets,
        "total_seconds": started.elapsed().as_secs_f64().round(),
    });
    if let Some(parent) = options.json.parent() {
        std::fs::create_dir_all(parent).ok();
    }
    std::fs::write(&options.json, serde_json::to_string_pretty(&result)?)
        .with_context(|| format!("writing {}", options.json.display()))?;
    println!("\nJSON: {}", options.json.display());
    Ok(())
}
