//! `newsdex-bench`: benchmarks, kept out of `cargo test`.
//!
//! `newsdex-bench run` is the whole comparison with plain tantivy, SQLite FTS5 and ripgrep on
//! `../shared/corpora` and on a generated 1,000,000-article archive (`bench/run` installs the
//! peers and runs it; see the README's performance section).
//!
//! `newsdex-bench extract DIR [--rounds N]` reads every article of DIR into memory, then times
//! each extractor alone on one thread and reports MB/s of article text (headline + body).
//!
//!     cargo run --release --bin newsdex-bench -- extract ../shared/corpora
//!
//! `generate` and `plain-index` are the steps of `run` on their own.

mod dupes;
mod generate;
mod peers;
mod plain;
mod queries;
mod run;

use newsdex::ingest::{stories, walk};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use clap::{Parser, Subcommand};
use newsdex::extract::{countries, speakers};
use newsdex::ingest::stories::Article;
use newsdex::ingest::walk::Found;

// The same allocator as `newsdex` (src/main.rs), so that the benchmarks time what it runs.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "newsdex-bench", about = "Benchmarks for newsdex")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Throughput of each extractor alone, on one thread, over the articles of DIR.
    Extract {
        dir: std::path::PathBuf,
        /// Runs per extractor; the best is reported.
        #[arg(long, default_value_t = 3)]
        rounds: usize,
    },
    /// Index, query and compare newsdex, plain tantivy, SQLite FTS5 and ripgrep.
    Run {
        /// The real archive.
        #[arg(long, default_value = "../shared/corpora")]
        corpus: PathBuf,
        /// Where indexes, the generated archive and scratch files go.
        #[arg(long, default_value = "target/bench")]
        out: PathBuf,
        #[arg(long, default_value = "bench/queries.txt")]
        queries: PathBuf,
        /// Size of the generated archive; 0 skips it.
        #[arg(long, default_value_t = 1_000_000)]
        articles: usize,
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// Timed rounds of the in-process query runs (after one warm-up round).
        #[arg(long, default_value_t = 5)]
        rounds: usize,
        /// Runs of each whole-process query (the median is kept).
        #[arg(long, default_value_t = 3)]
        process_rounds: usize,
        /// Runs of each indexer on the real archive, engines taking turns (the run with the
        /// median wall time is kept); the generated archive is indexed once by each.
        #[arg(long, default_value_t = 3)]
        index_rounds: usize,
        /// On the generated archive, ripgrep runs every Nth query only (each of its runs reads
        /// the whole archive): 8 of the 56 queries by default.
        #[arg(long, default_value_t = 7)]
        rg_every: usize,
        #[arg(long, default_value = "target/bench/results.json")]
        json: PathBuf,
    },
    /// Generate the recombined archive alone.
    Generate {
        #[arg(long, default_value = "../shared/corpora")]
        corpus: PathBuf,
        out: PathBuf,
        #[arg(long, default_value_t = 1_000_000)]
        articles: usize,
        #[arg(long, default_value_t = 42)]
        seed: u64,
    },
    /// newsdex's in-process query latencies alone, on an existing index (slowest queries first).
    Queries {
        index: PathBuf,
        #[arg(long, default_value = "bench/queries.txt")]
        queries: PathBuf,
        #[arg(long, default_value_t = 5)]
        rounds: usize,
    },
    /// Every group of near-identical articles in an index, and a seeded sample of copy pairs.
    Dupes {
        index: PathBuf,
        #[arg(long, default_value_t = 50)]
        sample: usize,
        #[arg(long, default_value_t = 7)]
        seed: u64,
    },
    /// The plain-tantivy indexer alone (headline + body, same tokenizer, nothing else).
    PlainIndex { dir: PathBuf, index: PathBuf },
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("newsdex-bench: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Extract { dir, rounds } => extract(&dir, rounds.max(1)),
        Command::Run {
            corpus,
            out,
            queries,
            articles,
            seed,
            rounds,
            process_rounds,
            index_rounds,
            rg_every,
            json,
        } => run::run(&run::RunOptions {
            corpus,
            out,
            queries,
            articles,
            seed,
            rounds: rounds.max(1),
            process_rounds,
            index_rounds: index_rounds.max(1),
            rg_every_large: rg_every,
            json,
        }),
        Command::Generate {
            corpus,
            out,
            articles,
            seed,
        } => {
            let g = generate::generate(&corpus, &out, articles, seed)?;
            println!(
                "{} articles, {:.1} MB in {} ({:.1} s{})",
                g.articles,
                g.bytes as f64 / 1e6,
                g.dir.display(),
                g.seconds,
                if g.reused { ", reused" } else { "" }
            );
            Ok(())
        }
        Command::Queries {
            index,
            queries,
            rounds,
        } => run::queries_only(&index, &queries, rounds.max(1)),
        Command::Dupes {
            index,
            sample,
            seed,
        } => dupes::run(&index, sample, seed),
        Command::PlainIndex { dir, index } => {
            let n = plain::build(&dir, &index)?;
            println!("{n}");
            Ok(())
        }
    }
}

fn extract(dir: &std::path::Path, rounds: usize) -> anyhow::Result<()> {
    let mut articles: Vec<Article> = Vec::new();
    for found in walk::walk(dir, &Default::default()).context("walking the archive")? {
        if let Found::File { path, relative } = found {
            if let Ok(list) = newsdex::ingest::read::read_articles(&path, &relative) {
                articles.extend(list);
            }
        }
    }
    let bytes: usize = articles
        .iter()
        .map(|a| a.headline.len() + a.body.len())
        .sum();
    let mb = bytes as f64 / 1e6;
    println!(
        "{} articles, {:.1} MB of text; best of {rounds} runs, one thread",
        articles.len(),
        mb
    );
    let time = |name: &str, f: &dyn Fn(&Article) -> usize| {
        let mut best = f64::MAX;
        let mut found = 0;
        for _ in 0..rounds {
            let started = Instant::now();
            found = articles.iter().map(f).sum();
            best = best.min(started.elapsed().as_secs_f64());
        }
        println!(
            "{name:<10} {best:>7.3} s  {:>7.1} MB/s  ({found} found)",
            mb / best
        );
    };
    time("splitting", &|a| {
        stories::split_articles(&a.path, &format!("{}\n{}", a.headline, a.body)).len()
    });
    time("speakers", &|a| {
        speakers::attribute(&a.headline, &a.body).speakers.len()
    });
    time("countries", &|a| {
        countries::detect(&a.headline, a.dateline.as_deref(), &a.body).len()
    });
    time("both", &|a| newsdex::extract::extract(a).speakers.len());
    // What the indexing thread does to each body besides extraction: the analyzer (newsdex's,
    // with its table of words, and tantivy's chain alone) and the wire-copy signature.
    let tokens = |analyzer: &std::cell::RefCell<tantivy::tokenizer::TextAnalyzer>, a: &Article| {
        let mut analyzer = analyzer.borrow_mut();
        let mut stream = analyzer.token_stream(&a.body);
        let mut n = 0;
        while stream.advance() {
            n += 1;
        }
        n
    };
    let cached = std::cell::RefCell::new(newsdex::index::analyzer::analyzer());
    time("analyzer", &|a| tokens(&cached, a));
    let uncached = std::cell::RefCell::new(newsdex::index::analyzer::uncached_analyzer());
    time("tantivy", &|a| tokens(&uncached, a));
    time("dupes", &|a| {
        newsdex::extract::signature::band_keys(&a.body).len()
    });
    Ok(())
}
