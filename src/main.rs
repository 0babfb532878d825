//! The `newsdex` binary: parses arguments, calls the library, prints, and decides the exit code.
//!
//! Exit codes: 0 success (hits found), 1 no hits, 2 usage, query or input-file errors,
//! 3 other failures (the index could not be written or read).

mod cli;
mod progress;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command, ExtraFacet, ExtractArgs, IndexArgs, QuotesArgs, SearchArgs};
use newsdex::corpus::{self, Found};
use newsdex::extract::{self, ArticleExtraction};
use newsdex::index::{self, IndexOptions};
use newsdex::output::{self, Style};
use newsdex::search::{Archive, QuoteRequest, SearchRequest};
use progress::Progress;

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("newsdex: {err:#}");
            let usage = err
                .downcast_ref::<newsdex::Error>()
                .is_some_and(newsdex::Error::is_usage);
            ExitCode::from(if usage { 2 } else { 3 })
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Index(args) => run_index(args),
        Command::Search(args) => run_search(args),
        Command::Quotes(args) => run_quotes(args),
        Command::Extract(args) => run_extract(args),
    }
}

fn run_quotes(args: QuotesArgs) -> anyhow::Result<ExitCode> {
    let archive = Archive::open(&args.index)?;
    let request = QuoteRequest {
        query: args.query,
        speakers: args.speaker,
        limit: args.limit,
    };
    let results = archive.quotes(&request)?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if args.json {
        output::json(&mut out, &results)?;
    } else {
        output::quotes_text(&mut out, &results)?;
    }
    out.flush()?;
    Ok(if results.total_quotes == 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn run_index(args: IndexArgs) -> anyhow::Result<ExitCode> {
    let mut options = IndexOptions {
        rebuild: args.rebuild,
        ..IndexOptions::default()
    };
    options.walk.extensions.extend(args.extensions);
    if let Some(n) = args.commit_every {
        options.commit_articles = n;
    }
    let progress = Progress::new(!args.quiet && io::IsTerminal::is_terminal(&io::stderr()));
    let summary = index::build(&args.dir, &args.index, &options, &progress);
    progress.finish();
    let summary = summary?;
    if !args.quiet {
        println!("{}", output::summary_line(&summary));
    }
    Ok(if summary.unreadable() > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn run_search(args: SearchArgs) -> anyhow::Result<ExitCode> {
    let archive = Archive::open(&args.index)?;
    let request = SearchRequest {
        query: args.query,
        limit: args.limit,
        offset: args.offset,
        speakers: args.speaker,
        countries: args.country,
        regions: args.region,
        region_facet: args.facet.contains(&ExtraFacet::Region),
    };
    let results = archive.search(&request)?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if args.json {
        output::json(&mut out, &results)?;
    } else {
        let style = Style {
            color: args.color.enabled(),
        };
        output::search_text(&mut out, &results, style)?;
    }
    out.flush()?;
    Ok(if results.total_hits == 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn run_extract(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for path in &args.paths {
        let files: Vec<(std::path::PathBuf, String)> = if path.is_dir() {
            let mut files = Vec::new();
            for found in corpus::walk(path, &Default::default())? {
                match found {
                    Found::File { path: file, .. } => {
                        let shown = file.display().to_string();
                        files.push((file, shown));
                    }
                    Found::Link { .. } => {}
                    Found::Problem { path, reason } => {
                        eprintln!("newsdex: {}: {reason}", path.display());
                        failed = true;
                    }
                }
            }
            files
        } else {
            vec![(path.clone(), path.display().to_string())]
        };
        for (file, shown) in files {
            let articles = match index::read_articles(&file, &shown) {
                Ok(articles) => articles,
                Err((reason, _)) => {
                    eprintln!("newsdex: {shown}: {reason}");
                    failed = true;
                    continue;
                }
            };
            for article in articles {
                let record = ArticleExtraction::new(&article, extract::extract(&article));
                if args.json {
                    output::json_line(&mut out, &record)?;
                } else {
                    output::extraction_text(&mut out, &record)?;
                }
            }
        }
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
