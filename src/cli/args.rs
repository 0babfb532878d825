//! The command line: clap's view of the arguments, as close to the flags as possible.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use newsdex::analysis::cooccur::PairFacet;
use newsdex::analysis::timeline::Period;
use newsdex::extract::speakers::Confidence;
use newsdex::ingest::dates::{Day, End};
use newsdex::query::facets::FacetKind;
use newsdex::query::request::Sort;
use newsdex::report::Format;

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

impl Cli {
    /// The index the command reads or writes, if it uses one (named in the message of a
    /// damaged index).
    pub fn index_path(&self) -> Option<&std::path::Path> {
        match &self.command {
            Command::Index(a) => Some(&a.index),
            Command::Search(a) => Some(&a.index),
            Command::Quotes(a) => Some(&a.index),
            Command::Facets(a) => Some(&a.index),
            Command::Show(a) => Some(&a.index),
            Command::Stats(a) => Some(&a.index),
            Command::Cooccur(a) => Some(&a.index),
            Command::Timeline(a) => Some(&a.index),
            Command::Batch(a) => Some(&a.index),
            Command::Serve(a) => Some(&a.index),
            Command::Aliases(AliasesArgs {
                command: AliasesCommand::Suggest(a),
            }) => Some(&a.index),
            Command::Extract(_) | Command::Completions(_) | Command::Man(_) => None,
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Index folders of article files (text, saved web pages, JSON-lines exports), or bring the
    /// index up to date with them.
    #[command(
        after_help = "Examples:\n  newsdex index                                   # update every folder the index holds (a new index: corpus/)\n  newsdex index ~/wire ~/pages --index ~/news-index\n  newsdex index ~/exports --name db --metadata ~/exports/meta.csv\n  newsdex index notes --ext md\n  newsdex index --remove pages\n  newsdex index --rebuild"
    )]
    Index(IndexArgs),
    /// Search the index.
    #[command(
        after_help = "Examples:\n  newsdex search 'sanctions AND veto'\n  newsdex search '\"path to a dead end\"'\n  newsdex search 'sanc*' --since 2023-01 --sort -date\n  newsdex search sanctions --speaker \"Zhang Jun\" --speaker \"Vassily Nebenzia\"\n  newsdex search 'headline:veto' --country KP --json\n  newsdex search '*' --region Europe --format csv > europe.csv\n  newsdex search sanctions --format ndjson | jq -r .headline\n  newsdex search sanctions --country Russia --not-country Ukraine --not-speaker \"Zhang Jun\""
    )]
    Search(SearchArgs),
    /// Search inside attributed quotes.
    #[command(
        after_help = "Examples:\n  newsdex quotes sanctions --speaker \"Vassily Nebenzia\"\n  newsdex quotes --speaker \"Zhang Jun\"\n  newsdex quotes 'veto OR vetoed' --json\n  newsdex quotes sanctions --format csv > quotes.csv"
    )]
    Quotes(QuotesArgs),
    /// List the speakers, countries, regions or sources of the archive or of a query's hits,
    /// with counts.
    #[command(
        after_help = "Examples:\n  newsdex facets source\n  newsdex facets speaker --query sanctions\n  newsdex facets country --limit 5\n  newsdex facets region --since 2023 --json\n  newsdex facets speaker --country Russia --format csv\n  newsdex facets speaker --match nebenz\n  newsdex facets speaker --suggest-aliases >> index/aliases.toml  # then edit it\n  newsdex facets speaker --aliases my-aliases.toml"
    )]
    Facets(FacetsArgs),
    /// Print one article in full: headline, dateline, date, speakers, countries, quotes, body.
    #[command(
        after_help = "Examples:\n  newsdex show 000_f539c37ecbe7f26d.txt#1\n  newsdex show asia/2023-04-18_seoul-missile-launch.txt\n  newsdex show europe/london_nurses-pay-dispute.txt --json"
    )]
    Show(ShowArgs),
    /// Print statistics of the archive: articles, files, dates, top speakers and countries.
    #[command(
        after_help = "Examples:\n  newsdex stats\n  newsdex stats --index ~/archive-index --json"
    )]
    Stats(StatsArgs),
    /// List the pairs of speakers and countries that appear together in the most articles.
    #[command(
        after_help = "Examples:\n  newsdex cooccur speaker --with country --speaker \"Vassily Nebenzia\"\n  newsdex cooccur country --with speaker --country KP\n  newsdex cooccur country --query sanctions --limit 5\n  newsdex cooccur speaker --since 2023 --format csv > pairs.csv"
    )]
    Cooccur(CooccurArgs),
    /// Count a query's hits per day, week, month or year, and their share of all articles.
    #[command(
        after_help = "Examples:\n  newsdex timeline sanctions\n  newsdex timeline 'veto OR vetoed' --by year --country Russia\n  newsdex timeline '*' --speaker \"Zhang Jun\" --by week --format csv > weeks.csv\n  newsdex timeline election --since 2020 --json"
    )]
    Timeline(TimelineArgs),
    /// Search a list of names or queries, one per line: hit counts, top hits, speaker or not.
    #[command(
        after_help = "Examples:\n  newsdex batch names.txt\n  newsdex batch names.csv --out results.csv\n  newsdex batch names.txt --limit 5 --format json"
    )]
    Batch(BatchArgs),
    /// Name aliases: suggest groups of names that are one person, and write them to the
    /// aliases file.
    #[command(
        after_help = "Examples:\n  newsdex aliases suggest\n  newsdex aliases suggest --write"
    )]
    Aliases(AliasesArgs),
    /// Run the article splitter and the extractors on files, without indexing.
    #[command(
        after_help = "Examples:\n  newsdex extract corpus/000_f539c37ecbe7f26d.txt\n  newsdex extract --json corpus > extraction.ndjson"
    )]
    Extract(ExtractArgs),
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  newsdex completions bash > ~/.local/share/bash-completion/completions/newsdex\n  newsdex completions zsh > \"${fpath[1]}/_newsdex\"\n  newsdex completions fish > ~/.config/fish/completions/newsdex.fish"
    )]
    Completions(CompletionsArgs),
    /// Print the manual page (roff), for newsdex or one of its commands.
    #[command(
        after_help = "Examples:\n  newsdex man | man -l -\n  newsdex man > /usr/local/share/man/man1/newsdex.1\n  newsdex man search > newsdex-search.1"
    )]
    Man(ManArgs),
    /// Serve the archive in a browser (search page, articles, speakers) and as a JSON API.
    #[command(
        after_help = "Examples:\n  newsdex serve                       # http://127.0.0.1:7878/\n  newsdex serve --index ~/archive-index --open\n  newsdex serve --addr 127.0.0.1:8080 --cors http://localhost:3000\n  curl 'http://127.0.0.1:7878/api/search?q=sanctions&speaker=Zhang+Jun'"
    )]
    Serve(ServeArgs),
}

#[derive(Parser, Debug)]
pub struct IndexArgs {
    /// Folders to add to the index or bring up to date in it (each is a root of the index, with
    /// a short name); none: every folder the index records (for a new index, corpus/).
    #[arg(value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
    /// Where the index lives.
    #[arg(long, default_value = "index", env = "NEWSDEX_INDEX")]
    pub index: PathBuf,
    /// Also index files with this extension as plain text (repeatable; txt, html, htm, jsonl
    /// and ndjson are always read; recorded for the folders named).
    #[arg(long = "ext", value_name = "EXT")]
    pub extensions: Vec<String>,
    /// The short name of the one folder named (default: the folder's own name); it is the
    /// source of its articles unless their metadata names one.
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// A metadata file (JSON lines, CSV or TSV with a file-name column) for the one folder
    /// named; default: metadata.jsonl, .csv or .tsv at the folder's top.
    #[arg(long, value_name = "FILE")]
    pub metadata: Option<PathBuf>,
    /// Remove a root and all its articles, by name or folder (repeatable).
    #[arg(long, value_name = "ROOT")]
    pub remove: Vec<String>,
    /// Start from an empty index and index every recorded folder again.
    #[arg(long)]
    pub rebuild: bool,
    /// Let the run remove every article of a folder that is now empty or missing (refused
    /// without it: a wrong path or an unmounted disk is likelier).
    #[arg(long)]
    pub yes: bool,
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
    /// (headline, body, speaker, country), prefixes (sanc*), or * for every article.
    pub query: String,
    /// Where the index lives.
    #[arg(long, default_value = "index", env = "NEWSDEX_INDEX")]
    pub index: PathBuf,
    /// How many hits to show (0: all).
    #[arg(long, short = 'n', default_value_t = 10)]
    pub limit: usize,
    /// How many hits to skip (for paging).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// The order of the hits: score (best first), date (oldest first), -date (newest first);
    /// undated articles come last.
    #[arg(long, value_enum, default_value_t = SortArg::Score, allow_hyphen_values = true)]
    pub sort: SortArg,
    /// Also count hits by this facet (`region`: regions with their sub-regions).
    #[arg(long, value_enum)]
    pub facet: Vec<ExtraFacet>,
    /// Show near-identical copies of a story (wire copies) as hits of their own; by default a
    /// story is shown once with its copies listed under it.
    #[arg(long)]
    pub all_copies: bool,
    /// Count facet values once per story: near-identical copies count as one article.
    #[arg(long)]
    pub dedupe: bool,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Name aliases to apply (TOML; default: aliases.toml in the index folder, if any).
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,
}

/// Filters shared by `search` and `facets`: repeating one means any of its values, different
/// filters all apply.
#[derive(Args, Debug, Default)]
pub struct FilterArgs {
    /// Only articles quoting this speaker (repeatable: any of them).
    #[arg(long, value_name = "NAME")]
    pub speaker: Vec<String>,
    /// Only articles referring to this country: name, alias or ISO code (repeatable: any of them).
    #[arg(long, value_name = "NAME")]
    pub country: Vec<String>,
    /// Only articles about this UN M49 region or sub-region ("Asia", "Eastern Asia"; repeatable).
    #[arg(long, value_name = "REGION")]
    pub region: Vec<String>,
    /// Leave out articles quoting this speaker (repeatable).
    #[arg(long, value_name = "NAME")]
    pub not_speaker: Vec<String>,
    /// Leave out articles referring to this country: name, alias or ISO code (repeatable).
    #[arg(long, value_name = "NAME")]
    pub not_country: Vec<String>,
    /// Only articles from this source: an outlet the metadata names or a folder's name
    /// (repeatable: any of them; see `newsdex facets source`).
    #[arg(long, value_name = "NAME")]
    pub source: Vec<String>,
    /// Leave out articles from this source (repeatable).
    #[arg(long, value_name = "NAME")]
    pub not_source: Vec<String>,
    /// Only articles dated on or after this day (YYYY-MM-DD, YYYY-MM or YYYY); undated
    /// articles are left out and counted in a note.
    #[arg(long, value_name = "DATE", value_parser = parse_since)]
    pub since: Option<Day>,
    /// Only articles dated on or before this day (YYYY-MM-DD; YYYY-MM and YYYY mean their last
    /// day); undated articles are left out and counted in a note.
    #[arg(long, value_name = "DATE", value_parser = parse_until)]
    pub until: Option<Day>,
}

fn parse_since(value: &str) -> Result<Day, String> {
    Day::parse(value, End::First).map_err(|e| e.to_string())
}

fn parse_until(value: &str) -> Result<Day, String> {
    Day::parse(value, End::Last).map_err(|e| e.to_string())
}

/// How results are printed (`search`, `quotes`, `facets`).
#[derive(Args, Debug)]
pub struct OutputArgs {
    /// Output format: text for people; json (one document), ndjson (one object per line) or
    /// csv (header row) for scripts and spreadsheets.
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,
    /// Print one JSON document (same as --format json).
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    /// When to use colour in text output (NO_COLOR set means never for auto).
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
}

impl OutputArgs {
    pub fn format(&self) -> Format {
        if self.json {
            return Format::Json;
        }
        match self.format {
            FormatArg::Text => Format::Text,
            FormatArg::Json => Format::Json,
            FormatArg::Ndjson => Format::Ndjson,
            FormatArg::Csv => Format::Csv,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Text for people.
    Text,
    /// One pretty-printed JSON document.
    Json,
    /// One JSON object per line (per hit, quote or facet value).
    Ndjson,
    /// Comma-separated values with a header row.
    Csv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// Best score first.
    Score,
    /// Oldest first.
    Date,
    /// Newest first.
    #[value(name = "-date")]
    DateDesc,
}

impl SortArg {
    pub fn sort(self) -> Sort {
        match self {
            SortArg::Score => Sort::Score,
            SortArg::Date => Sort::Date,
            SortArg::DateDesc => Sort::DateDesc,
        }
    }
}

#[derive(Parser, Debug)]
pub struct QuotesArgs {
    /// Words to look for in and around the quotes (same syntax as `search`); leave out to list all.
    pub query: Option<String>,
    /// Where the index lives.
    #[arg(long, default_value = "index", env = "NEWSDEX_INDEX")]
    pub index: PathBuf,
    /// Only quotes of this speaker (repeatable: any of them); a surname or part of a name finds
    /// the one speaker it belongs to.
    #[arg(long, value_name = "NAME")]
    pub speaker: Vec<String>,
    /// Leave out the quotes of this speaker (repeatable).
    #[arg(long, value_name = "NAME")]
    pub not_speaker: Vec<String>,
    /// Only quotes from articles referring to this country: name, alias or ISO code
    /// (repeatable: any of them).
    #[arg(long, value_name = "NAME")]
    pub country: Vec<String>,
    /// Only quotes from articles about this UN M49 region or sub-region (repeatable).
    #[arg(long, value_name = "REGION")]
    pub region: Vec<String>,
    /// Leave out quotes from articles referring to this country (repeatable).
    #[arg(long, value_name = "NAME")]
    pub not_country: Vec<String>,
    /// Only quotes from articles of this source (repeatable: any of them; see `newsdex facets
    /// source`).
    #[arg(long, value_name = "NAME")]
    pub source: Vec<String>,
    /// Leave out quotes from articles of this source (repeatable).
    #[arg(long, value_name = "NAME")]
    pub not_source: Vec<String>,
    /// Only quotes from articles dated on or after this day (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_name = "DATE", value_parser = parse_since)]
    pub since: Option<Day>,
    /// Only quotes from articles dated on or before this day.
    #[arg(long, value_name = "DATE", value_parser = parse_until)]
    pub until: Option<Day>,
    /// How many quotes to show; 0 shows all (exports stream them).
    #[arg(long, short = 'n', default_value_t = 20)]
    pub limit: usize,
    /// How many quotes to skip (for paging).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// The order: score (best articles first), date (oldest first), -date (newest first).
    #[arg(long, value_enum, default_value_t = SortArg::Score, allow_hyphen_values = true)]
    pub sort: SortArg,
    /// List a quote repeated word for word by the same speaker (wire copies) once.
    #[arg(long)]
    pub dedupe: bool,
    /// Also list quotes with no named speaker (unnamed or organisational sources).
    #[arg(long)]
    pub unnamed: bool,
    /// Only quotes attributed at least this surely: high (the name in the quote's sentence),
    /// medium (one step: a pronoun, a role noun, a continued paragraph), low (all).
    #[arg(long, value_enum, default_value_t = ConfidenceArg::Low)]
    pub min_confidence: ConfidenceArg,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Name aliases to apply (TOML; default: aliases.toml in the index folder, if any).
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ConfidenceArg {
    /// The speaker's name is in the quote's own sentence.
    High,
    /// At most one step from the name.
    Medium,
    /// Any attributed quote.
    Low,
}

impl ConfidenceArg {
    pub fn confidence(self) -> Confidence {
        match self {
            ConfidenceArg::High => Confidence::High,
            ConfidenceArg::Medium => Confidence::Medium,
            ConfidenceArg::Low => Confidence::Low,
        }
    }
}

#[derive(Parser, Debug)]
pub struct FacetsArgs {
    /// The facet to list.
    #[arg(value_enum)]
    pub facet: FacetArg,
    /// Count over the hits of this query (same syntax as `search`) instead of the whole archive.
    #[arg(long, short = 'q', value_name = "QUERY")]
    pub query: Option<String>,
    /// Where the index lives.
    #[arg(long, default_value = "index", env = "NEWSDEX_INDEX")]
    pub index: PathBuf,
    /// How many values to list (for regions: regions, and sub-regions of each; 0: all).
    #[arg(long, short = 'n', default_value_t = 20)]
    pub limit: usize,
    /// Only values containing this text, ignoring case and accents (`--match nebenz`).
    #[arg(long = "match", value_name = "TEXT")]
    pub matching: Option<String>,
    /// Count each story once: near-identical copies (wire copies) count as one article.
    #[arg(long)]
    pub dedupe: bool,
    #[command(flatten)]
    pub filters: FilterArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Name aliases to apply (TOML; default: aliases.toml in the index folder, if any).
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,
    /// List groups of speaker names that look like one person (same surname and a matching
    /// first name or initial, accents or case only, a title and the one full name), in the
    /// aliases file format, to review and copy; nothing is merged on its own.
    #[arg(long)]
    pub suggest_aliases: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FacetArg {
    /// Quoted speakers, with article and quote counts.
    Speaker,
    /// Countries referred to.
    Country,
    /// UN M49 regions with their sub-regions.
    Region,
    /// Sources: the outlets the metadata names, or the indexed folders' names.
    Source,
}

impl FacetArg {
    pub fn kind(self) -> FacetKind {
        match self {
            FacetArg::Speaker => FacetKind::Speaker,
            FacetArg::Country => FacetKind::Country,
            FacetArg::Region => FacetKind::Region,
            FacetArg::Source => FacetKind::Source,
        }
    }
}

#[derive(Parser, Debug)]
pub struct CooccurArgs {
    /// The first value of each pair.
    #[arg(value_enum)]
    pub facet: PairArg,
    /// The second value of each pair (default: the same facet; pairs are then unordered).
    #[arg(long, value_enum, value_name = "FACET")]
    pub with: Option<PairArg>,
    /// Count over the hits of this query (same syntax as `search`) instead of the whole archive.
    #[arg(long, short = 'q', value_name = "QUERY")]
    pub query: Option<String>,
    /// Where the index lives.
    #[arg(long, default_value = "index", env = "NEWSDEX_INDEX")]
    pub index: PathBuf,
    /// How many pairs to list (0: all).
    #[arg(long, short = 'n', default_value_t = 20)]
    pub limit: usize,
    /// Filters; --speaker and --country also pin their side of the pairs (only that
    /// speaker's or country's pairs are listed).
    #[command(flatten)]
    pub filters: FilterArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Name aliases to apply (TOML; default: aliases.toml in the index folder, if any).
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,
}

/// A facet `cooccur` can pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PairArg {
    /// Quoted speakers (through the name aliases).
    Speaker,
    /// Countries referred to.
    Country,
}

impl PairArg {
    pub fn facet(self) -> PairFacet {
        match self {
            PairArg::Speaker => PairFacet::Speaker,
            PairArg::Country => PairFacet::Country,
        }
    }
}

#[derive(Parser, Debug)]
pub struct TimelineArgs {
    /// The query (same syntax as `search`; `*` for every article).
    pub query: String,
    /// The length of the periods.
    #[arg(long, value_enum, default_value_t = PeriodArg::Month)]
    pub by: PeriodArg,
    /// Where the index lives.
    #[arg(long, default_value = "index", env = "NEWSDEX_INDEX")]
    pub index: PathBuf,
    #[command(flatten)]
    pub filters: FilterArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PeriodArg {
    Day,
    /// ISO weeks, Monday to Sunday.
    Week,
    Month,
    Year,
}

impl PeriodArg {
    pub fn period(self) -> Period {
        match self {
            PeriodArg::Day => Period::Day,
            PeriodArg::Week => Period::Week,
            PeriodArg::Month => Period::Month,
            PeriodArg::Year => Period::Year,
        }
    }
}

#[derive(Parser, Debug)]
pub struct BatchArgs {
    /// The list: one name or query per line (a CSV file's first column; a header `name` or
    /// `query` is skipped; blank lines and lines starting with # are skipped).
    pub list: PathBuf,
    /// Write the CSV results to this file instead of printing them.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// How many top hits to give per line (at least 1).
    #[arg(long, short = 'n', default_value_t = 3)]
    pub limit: usize,
    /// Where the index lives.
    #[arg(long, default_value = "index", env = "NEWSDEX_INDEX")]
    pub index: PathBuf,
    /// Output format of what is printed (`--out` always writes CSV).
    #[arg(long, value_enum, default_value_t = FormatArg::Csv)]
    pub format: FormatArg,
}

#[derive(Parser, Debug)]
pub struct ShowArgs {
    /// The article: PATH or PATH#N as search results print it (N counts the stories of a file
    /// from 0; the first story without it).
    #[arg(value_name = "PATH[#N]")]
    pub target: String,
    /// Where the index lives.
    #[arg(long, default_value = "index", env = "NEWSDEX_INDEX")]
    pub index: PathBuf,
    /// Print one JSON document instead of text.
    #[arg(long)]
    pub json: bool,
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
}

#[derive(Parser, Debug)]
pub struct StatsArgs {
    /// Where the index lives.
    #[arg(long, default_value = "index", env = "NEWSDEX_INDEX")]
    pub index: PathBuf,
    /// Print one JSON document instead of text.
    #[arg(long)]
    pub json: bool,
    /// First check the index: every file of its last commit present and matching its checksum
    /// (reads the whole index; exit 3 when it is damaged).
    #[arg(long)]
    pub check: bool,
}

#[derive(Parser, Debug)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Parser, Debug)]
pub struct ManArgs {
    /// A command to print the page of (`newsdex-search(1)`); the main page without it.
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
}

#[derive(Parser, Debug)]
pub struct ServeArgs {
    /// Where the index lives (new commits to it appear without a restart).
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// The address to listen on, IP:PORT (port 0: any free port). Anything but a loopback
    /// address makes the archive readable by the network.
    #[arg(long, default_value = "127.0.0.1:7878", value_name = "IP:PORT")]
    pub addr: std::net::SocketAddr,
    /// Open the search page in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Let pages from this origin call the API from a browser (CORS), e.g. http://localhost:3000.
    #[arg(long, value_name = "ORIGIN")]
    pub cors: Option<String>,
    /// Seconds a request may take before it is answered with 503.
    #[arg(long, default_value_t = 10, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub time_limit: u64,
    /// Name aliases to apply (TOML; default: aliases.toml in the index folder, if any).
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,
}

/// Facets that `search` counts only when asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExtraFacet {
    /// UN M49 regions and sub-regions.
    Region,
}

#[derive(Parser, Debug)]
pub struct AliasesArgs {
    #[command(subcommand)]
    pub command: AliasesCommand,
}

#[derive(Subcommand, Debug)]
pub enum AliasesCommand {
    /// List groups of speaker names that look like one person (spellings, initials, titles,
    /// a surname quoted alone with the one full name quoted in the same years); with --write,
    /// add them to the aliases file, where each can be edited or deleted.
    #[command(
        after_help = "Examples:\n  newsdex aliases suggest\n  newsdex aliases suggest --write\n  newsdex aliases suggest --aliases my-aliases.toml --write\n  newsdex aliases suggest --format csv > groups.csv"
    )]
    Suggest(AliasesSuggestArgs),
}

#[derive(Parser, Debug)]
pub struct AliasesSuggestArgs {
    /// Where the index lives.
    #[arg(long, default_value = "index", env = "NEWSDEX_INDEX")]
    pub index: PathBuf,
    /// The aliases file to compare with and write to (default: aliases.toml in the index folder).
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,
    /// Add the suggested groups to the aliases file (created if missing; what it holds is kept).
    #[arg(long)]
    pub write: bool,
    #[command(flatten)]
    pub output: OutputArgs,
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
    /// Whether to colour stdout.
    pub fn enabled(self) -> bool {
        use std::io::IsTerminal;
        self.decide(
            std::io::stdout().is_terminal(),
            std::env::var_os("NO_COLOR").as_deref(),
        )
    }

    /// The decision, given whether stdout is a terminal and the value of `NO_COLOR`: an
    /// explicit `--color` wins; `auto` colours a terminal unless `NO_COLOR` is set and not empty
    /// (<https://no-color.org>).
    pub fn decide(self, terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
        match self {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => terminal && no_color.is_none_or(|v| v.is_empty()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn colour_follows_the_flag_the_terminal_and_no_color() {
        use std::ffi::OsStr;
        assert!(ColorWhen::Auto.decide(true, None));
        assert!(ColorWhen::Auto.decide(true, Some(OsStr::new(""))));
        assert!(!ColorWhen::Auto.decide(true, Some(OsStr::new("1"))));
        assert!(!ColorWhen::Auto.decide(false, None));
        assert!(ColorWhen::Always.decide(false, Some(OsStr::new("1"))));
        assert!(!ColorWhen::Never.decide(true, None));
    }

    #[test]
    fn sort_accepts_a_leading_minus() {
        let cli = Cli::try_parse_from(["newsdex", "search", "x", "--sort", "-date"]);
        match cli.map(|c| c.command) {
            Ok(Command::Search(args)) => assert_eq!(args.sort, SortArg::DateDesc),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn json_and_format_exclude_each_other() {
        assert!(
            Cli::try_parse_from(["newsdex", "search", "x", "--json", "--format", "csv"]).is_err()
        );
    }
}
