//! `newsdex-bench`: benchmarks, kept out of `cargo test`.
//!
//! `newsdex-bench extract DIR [--rounds N]` reads every article of DIR into memory, then times
//! each extractor alone on one thread and reports MB/s of article text (headline + body).
//!
//!     cargo run --release --bin newsdex-bench -- extract ../shared/corpora

use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use clap::{Parser, Subcommand};
use newsdex::corpus::{self, Article, Found};
use newsdex::extract::{countries, speakers};
use newsdex::index;

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
    }
}

fn extract(dir: &std::path::Path, rounds: usize) -> anyhow::Result<()> {
    let mut articles: Vec<Article> = Vec::new();
    for found in corpus::walk(dir, &Default::default()).context("walking the archive")? {
        if let Found::File { path, relative } = found {
            if let Ok(list) = index::read_articles(&path, &relative) {
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
        corpus::split_articles(&a.path, &format!("{}\n{}", a.headline, a.body)).len()
    });
    time("speakers", &|a| {
        speakers::attribute(&a.headline, &a.body).speakers.len()
    });
    time("countries", &|a| {
        countries::detect(&a.headline, a.dateline.as_deref(), &a.body).len()
    });
    time("both", &|a| newsdex::extract::extract(a).speakers.len());
    Ok(())
}
