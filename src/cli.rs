//! The command line: clap's view of the arguments, as close to the flags as possible.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "newsdex",
    version,
    about = "Search engine for archives of news dispatches",
    long_about = "newsdex indexes a folder of plain-text news articles and searches it: BM25-ranked \
                  hits with highlighted snippets, and facets by quoted speaker and by country."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Index a folder of article files.
    #[command(
        after_help = "Examples:\n  newsdex index\n  newsdex index ~/archive --index ~/archive-index\n  newsdex index notes --ext md"
    )]
    Index(IndexArgs),
    /// Search the index.
    #[command(
        after_help = "Examples:\n  newsdex search 'sanctions AND veto'\n  newsdex search '\"path to a dead end\"'\n  newsdex search sanctions --speaker \"Zhang Jun\"\n  newsdex search 'headline:veto' --country KP --json"
    )]
    Search(SearchArgs),
    /// Search inside attributed quotes.
    #[command(
        after_help = "Examples:\n  newsdex quotes sanctions --speaker \"Vassily Nebenzia\"\n  newsdex quotes --speaker \"Zhang Jun\"\n  newsdex quotes 'veto OR vetoed' --json"
    )]
    Quotes(QuotesArgs),
    /// Run the article splitter and the extractors on files, without indexing.
    #[command(
        after_help = "Examples:\n  newsdex extract corpus/000_f539c37ecbe7f26d.txt\n  newsdex extract --json corpus > extraction.ndjson"
    )]
    Extract(ExtractArgs),
}

#[derive(Parser, Debug)]
pub struct IndexArgs {
    /// The folder of article files.
    #[arg(default_value = "corpus")]
    pub dir: PathBuf,
    /// Where the index lives.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Also index files with this extension (repeatable; `txt` is always indexed).
    #[arg(long = "ext", value_name = "EXT")]
    pub extensions: Vec<String>,
    /// Start from an empty index instead of updating the files that changed.
    #[arg(long)]
    pub rebuild: bool,
    /// Print no summary and no progress bar.
    #[arg(long, short)]
    pub quiet: bool,
    /// Commit after this many articles (tests use it to make commits frequent).
    #[arg(long, hide = true, value_name = "N")]
    pub commit_every: Option<usize>,
}

#[derive(Parser, Debug)]
pub struct SearchArgs {
    /// The query: words (all must match), AND / OR / NOT, "phrases", field:term
    /// (headline, body, speaker, country), or * for every article.
    pub query: String,
    /// Where the index lives.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// How many hits to show.
    #[arg(long, short = 'n', default_value_t = 10)]
    pub limit: usize,
    /// How many hits to skip (for paging).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Only articles quoting this speaker (repeatable: any of them).
    #[arg(long, value_name = "NAME")]
    pub speaker: Vec<String>,
    /// Only articles referring to this country: name, alias or ISO code (repeatable: any of them).
    #[arg(long, value_name = "NAME")]
    pub country: Vec<String>,
    /// Only articles about this UN M49 region or sub-region ("Asia", "Eastern Asia"; repeatable).
    #[arg(long, value_name = "REGION")]
    pub region: Vec<String>,
    /// Also count hits by this facet (`region`: regions with their sub-regions).
    #[arg(long, value_enum)]
    pub facet: Vec<ExtraFacet>,
    /// Print one JSON document instead of text.
    #[arg(long)]
    pub json: bool,
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
}

#[derive(Parser, Debug)]
pub struct QuotesArgs {
    /// Words to look for in and around the quotes (same syntax as `search`); leave out to list all.
    pub query: Option<String>,
    /// Where the index lives.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Only quotes of this speaker (repeatable: any of them).
    #[arg(long, value_name = "NAME")]
    pub speaker: Vec<String>,
    /// How many quotes to show.
    #[arg(long, short = 'n', default_value_t = 20)]
    pub limit: usize,
    /// Print one JSON document instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Facets that `search` counts only when asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExtraFacet {
    /// UN M49 regions and sub-regions.
    Region,
}

#[derive(Parser, Debug)]
pub struct ExtractArgs {
    /// Files or folders.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Print one JSON line per article (the format `score.py` reads).
    #[arg(long)]
    pub json: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// Colour when stdout is a terminal and NO_COLOR is not set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

impl ColorWhen {
    pub fn enabled(self) -> bool {
        use std::io::IsTerminal;
        match self {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        }
    }
}
