use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "newsdex",
    version,
    about = "Search engine for archives of news dispatches"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the article splitter and extractors without indexing.
    Extract {
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract { paths, .. } => {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            for p in paths {
                let files: Vec<(PathBuf, String)> = if p.is_dir() {
                    newsdex::corpus::walk(&p, &Default::default())
                        .unwrap_or_default()
                        .into_iter()
                        .filter_map(|f| match f {
                            newsdex::corpus::Found::File { path, relative } => {
                                Some((path, relative))
                            }
                            _ => None,
                        })
                        .collect()
                } else {
                    vec![(p.clone(), p.to_string_lossy().into_owned())]
                };
                for (path, _) in files {
                    let bytes = std::fs::read(&path).unwrap_or_default();
                    let Ok((text, _)) = newsdex::corpus::decode(&bytes) else {
                        continue;
                    };
                    let shown = path.to_string_lossy().into_owned();
                    for a in newsdex::corpus::split_articles(&shown, &text) {
                        let x = newsdex::extract::extract(&a);
                        let v = serde_json::json!({"path": a.path, "article": a.article, "headline": a.headline,
                            "dateline": a.dateline, "date": a.date, "speakers": x.speakers, "countries": x.countries, "quotes": x.quotes});
                        let _ = writeln!(out, "{v}");
                    }
                }
            }
            ExitCode::SUCCESS
        }
    }
}
