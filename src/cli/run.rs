//! One function per command: builds the library request from the arguments, calls the
//! library, hands the result to [`newsdex::report`] and says which exit code it means.

use newsdex::ingest::walk;
use std::io::{self, Write};
use std::process::ExitCode;

use clap::CommandFactory;

use super::args::{
    AliasesCommand, AliasesSuggestArgs, BatchArgs, Cli, ColorWhen, Command, CompletionsArgs,
    CooccurArgs, ExtraFacet, ExtractArgs, FacetsArgs, FilterArgs, IndexArgs, ManArgs, OutputArgs,
    QuotesArgs, SearchArgs, ServeArgs, ShowArgs, StatsArgs, TimelineArgs,
};
use super::progress::Progress;
use newsdex::analysis::cooccur::CooccurRequest;
use newsdex::extract::{self, ArticleExtraction};
use newsdex::index::{self, IndexOptions, RootRequest, UpdateRequest};
use newsdex::ingest::walk::Found;
use newsdex::query::archive::Archive;
use newsdex::query::facets::FacetRequest;
use newsdex::query::quotes::QuoteRequest;
use newsdex::query::request::SearchRequest;
use newsdex::report::{self, Format, Report, Style};

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Index(args) => run_index(args),
        Command::Search(args) => run_search(args),
        Command::Quotes(args) => run_quotes(args),
        Command::Facets(args) => run_facets(args),
        Command::Cooccur(args) => run_cooccur(args),
        Command::Timeline(args) => run_timeline(args),
        Command::Batch(args) => run_batch(args),
        Command::Aliases(args) => match args.command {
            AliasesCommand::Suggest(args) => run_aliases_suggest(args),
        },
        Command::Show(args) => run_show(args),
        Command::Stats(args) => run_stats(args),
        Command::Extract(args) => run_extract(args),
        Command::Completions(args) => run_completions(args),
        Command::Man(args) => run_man(args),
        Command::Serve(args) => run_serve(args),
    }
}

fn run_serve(args: ServeArgs) -> anyhow::Result<ExitCode> {
    crate::serve::server::run(crate::serve::server::ServeOptions {
        index: args.index,
        aliases: args.aliases,
        addr: args.addr,
        open: args.open,
        cors: args.cors,
        time_limit: std::time::Duration::from_secs(args.time_limit),
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The text style for stdout.
fn style(color: ColorWhen) -> Style {
    use std::io::IsTerminal;
    Style {
        color: color.enabled(),
        terminal: io::stdout().is_terminal(),
    }
}

/// Prints a report in the chosen format through a buffered, locked stdout. Notes that are part
/// of text and JSON output go to stderr for NDJSON and CSV, which hold only rows.
fn print_report<R: Report>(report: &R, output: &OutputArgs, notes: &[String]) -> io::Result<()> {
    let format = output.format();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    report::print(&mut out, report, format, style(output.color))?;
    out.flush()?;
    if matches!(format, Format::Ndjson | Format::Csv) {
        for note in notes {
            eprintln!("newsdex: {}", report::sanitize(note));
        }
    }
    Ok(())
}

/// Turns the filter flags into the filters of a request.
fn apply_filters(request: &mut SearchRequest, filters: FilterArgs) {
    request.speakers = filters.speaker;
    request.countries = filters.country;
    request.regions = filters.region;
    request.not_speakers = filters.not_speaker;
    request.not_countries = filters.not_country;
    request.sources = filters.source;
    request.not_sources = filters.not_source;
    request.since = filters.since;
    request.until = filters.until;
}

fn exit_for(found: bool) -> ExitCode {
    if found {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn run_facets(args: FacetsArgs) -> anyhow::Result<ExitCode> {
    let archive = Archive::open_with_aliases(&args.index, args.aliases.as_deref())?;
    let has_query = args.query.is_some();
    let mut search = SearchRequest::new(args.query.unwrap_or_else(|| "*".to_string()));
    apply_filters(&mut search, args.filters);
    search.dedupe = args.dedupe;
    let request = FacetRequest {
        kind: args.facet.kind(),
        search,
        has_query,
        limit: args.limit,
        matching: args.matching,
    };
    if args.suggest_aliases {
        if request.kind != newsdex::query::facets::FacetKind::Speaker {
            return Err(newsdex::Error::Usage(
                "--suggest-aliases lists speaker names; use it with `newsdex facets speaker`"
                    .to_string(),
            )
            .into());
        }
        let suggestions = archive.suggest_aliases(&request.search)?;
        print_report(&suggestions, &args.output, &[])?;
        return Ok(ExitCode::SUCCESS);
    }
    let results = archive.facets(&request)?;
    let mut notes: Vec<String> = report::undated_note(results.undated_excluded)
        .into_iter()
        .collect();
    notes.extend(results.notes.iter().cloned());
    print_report(&results, &args.output, &notes)?;
    Ok(exit_for(results.total_articles > 0))
}

fn run_cooccur(args: CooccurArgs) -> anyhow::Result<ExitCode> {
    let archive = Archive::open_with_aliases(&args.index, args.aliases.as_deref())?;
    let has_query = args.query.is_some();
    let mut search = SearchRequest::new(args.query.unwrap_or_else(|| "*".to_string()));
    apply_filters(&mut search, args.filters);
    let facet = args.facet.facet();
    let request = CooccurRequest {
        facet,
        with: args.with.map_or(facet, |w| w.facet()),
        search,
        has_query,
        limit: args.limit,
    };
    let results = archive.cooccur(&request)?;
    let mut notes: Vec<String> = report::undated_note(results.undated_excluded)
        .into_iter()
        .collect();
    notes.extend(results.notes.iter().cloned());
    print_report(&results, &args.output, &notes)?;
    Ok(exit_for(!results.pairs.is_empty()))
}

fn run_timeline(args: TimelineArgs) -> anyhow::Result<ExitCode> {
    let archive = Archive::open(&args.index)?;
    let mut request = SearchRequest::new(args.query);
    apply_filters(&mut request, args.filters);
    let timeline = archive.timeline(&request, args.by.period())?;
    let mut notes = timeline.notes.clone();
    if timeline.undated_hits > 0 && matches!(args.output.format(), Format::Ndjson | Format::Csv) {
        notes.push(format!(
            "{} matching article(s) have no date and are not in any period",
            timeline.undated_hits
        ));
    }
    print_report(&timeline, &args.output, &notes)?;
    Ok(exit_for(timeline.total_hits > 0))
}

fn run_aliases_suggest(args: AliasesSuggestArgs) -> anyhow::Result<ExitCode> {
    let archive = Archive::open_with_aliases(&args.index, args.aliases.as_deref())?;
    let suggestions = archive.suggest_aliases(&SearchRequest::new("*"))?;
    if !args.write {
        print_report(&suggestions, &args.output, &[])?;
        return Ok(exit_for(!suggestions.groups.is_empty()));
    }
    let file = std::path::PathBuf::from(&suggestions.aliases_file);
    let written = report::aliases::write_file(&file, &suggestions)?;
    eprintln!(
        "newsdex: added {} name{} in {} group{} to {}; every line can be edited or deleted{}",
        written.names,
        if written.names == 1 { "" } else { "s" },
        written.groups,
        if written.groups == 1 { "" } else { "s" },
        file.display(),
        if suggestions.ambiguous.is_empty() {
            String::new()
        } else {
            format!(
                " ({} surname(s) quoted alone could be several people and were left out: `newsdex aliases suggest` lists them)",
                suggestions.ambiguous.len()
            )
        }
    );
    Ok(ExitCode::SUCCESS)
}

fn run_batch(args: BatchArgs) -> anyhow::Result<ExitCode> {
    if args.limit == 0 {
        return Err(newsdex::Error::Usage(
            "batch --limit 0 would list every hit of every line; give how many top hits a line should show (its hit count is always there), or run `newsdex search QUERY --limit 0` for one line's hits".to_string(),
        )
        .into());
    }
    let lines = newsdex::analysis::batch::read_list(&args.list)?;
    let archive = Archive::open(&args.index)?;
    let results = archive.batch(&lines, args.limit)?;
    let found = results.rows.iter().any(|r| r.hits > 0);
    let errors = results.rows.iter().filter(|r| r.error.is_some()).count();
    if errors > 0 {
        eprintln!("newsdex: {errors} line(s) could not be searched: see the error column");
    }
    match &args.out {
        Some(path) => {
            let file = std::fs::File::create(path).map_err(|source| newsdex::Error::Io {
                path: path.clone(),
                source,
            })?;
            let mut out = io::BufWriter::new(file);
            report::print(&mut out, &results, Format::Csv, Style::default())?;
            out.flush()?;
            eprintln!(
                "newsdex: {} lines searched, {} found; results in {}",
                results.lines,
                results.rows.iter().filter(|r| r.hits > 0).count(),
                path.display()
            );
        }
        None => {
            let output = OutputArgs {
                format: args.format,
                json: false,
                color: ColorWhen::Auto,
            };
            print_report(&results, &output, &[])?;
        }
    }
    Ok(exit_for(found))
}

fn run_show(args: ShowArgs) -> anyhow::Result<ExitCode> {
    let archive = Archive::open(&args.index)?;
    let article = archive.show(&args.target)?;
    if article.articles_in_file > 1 && !args.target.contains('#') {
        eprintln!(
            "newsdex: {} holds {} stories; showing #{} (name another as {}#N)",
            article.path, article.articles_in_file, article.article, article.path
        );
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if args.json {
        report::json(&mut out, &article)?;
    } else {
        report::article_text(&mut out, &article, style(args.color))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn run_stats(args: StatsArgs) -> anyhow::Result<ExitCode> {
    let archive = Archive::open(&args.index)?;
    if args.check {
        let damaged = index::disk::damaged_files(archive.index())?;
        if let Some(first) = damaged.first() {
            return Err(newsdex::Error::Damaged {
                path: args.index.clone(),
                detail: format!(
                    "{} file(s) missing or failing their checksum, e.g. {}",
                    damaged.len(),
                    first.display()
                ),
            }
            .into());
        }
        eprintln!(
            "newsdex: the index at {} is sound: every file of its last commit is present and matches its checksum",
            args.index.display()
        );
    }
    let stats = archive.stats()?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if args.json {
        report::json(&mut out, &stats)?;
    } else {
        report::stats_text(&mut out, &stats)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn run_completions(args: CompletionsArgs) -> anyhow::Result<ExitCode> {
    // clap_complete panics when its writer fails (a closed pipe): generate into memory first.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "newsdex", &mut script);
    let mut out = io::stdout().lock();
    out.write_all(&script)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn run_man(args: ManArgs) -> anyhow::Result<ExitCode> {
    let command = Cli::command();
    let page = match &args.command {
        None => command,
        Some(name) => {
            let Some(sub) = command.find_subcommand(name).cloned() else {
                let names: Vec<String> = command
                    .get_subcommands()
                    .map(|c| c.get_name().to_string())
                    .collect();
                return Err(newsdex::Error::Usage(format!(
                    "no command {name:?}; the commands are {}",
                    names.join(", ")
                ))
                .into());
            };
            let name = format!("newsdex-{}", sub.get_name());
            let usage = format!("newsdex {}", sub.get_name());
            sub.display_name(name).bin_name(usage)
        }
    };
    let mut roff = Vec::new();
    clap_mangen::Man::new(page).render(&mut roff)?;
    let mut out = io::stdout().lock();
    out.write_all(&roff)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn run_quotes(args: QuotesArgs) -> anyhow::Result<ExitCode> {
    let archive = Archive::open_with_aliases(&args.index, args.aliases.as_deref())?;
    let request = QuoteRequest {
        query: args.query,
        speakers: args.speaker,
        not_speakers: args.not_speaker,
        countries: args.country,
        regions: args.region,
        not_countries: args.not_country,
        sources: args.source,
        not_sources: args.not_source,
        since: args.since,
        until: args.until,
        sort: args.sort.sort(),
        dedupe: args.dedupe,
        unnamed: args.unnamed,
        min_confidence: args.min_confidence.confidence(),
        limit: args.limit,
        offset: args.offset,
    };
    let format = args.output.format();
    if format == Format::Json {
        let results = archive.quotes(&request)?;
        print_report(&results, &args.output, &[])?;
        return Ok(exit_for(results.total_quotes > 0));
    }
    // Text, NDJSON and CSV are written as the quotes are found: an export of every quote
    // never holds them all.
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut stream = report::QuoteStream::new(&mut out, format, style(args.output.color))?;
    let to_stdout = |source| newsdex::Error::Io {
        path: "standard output".into(),
        source,
    };
    let summary = archive.quotes_each(&request, |quote| stream.write(&quote).map_err(to_stdout))?;
    stream.finish(request.query.as_deref(), request.offset, &summary)?;
    out.flush()?;
    if format != Format::Text {
        let mut notes: Vec<String> = report::undated_note(summary.undated_excluded)
            .into_iter()
            .collect();
        notes.extend(summary.notes.iter().cloned());
        notes.push(format!("{} quotes in all", summary.total_quotes));
        for note in notes {
            eprintln!("newsdex: {}", report::sanitize(&note));
        }
    }
    Ok(exit_for(summary.total_quotes > 0))
}

fn run_index(args: IndexArgs) -> anyhow::Result<ExitCode> {
    let mut options = IndexOptions {
        rebuild: args.rebuild,
        yes: args.yes,
        ..IndexOptions::default()
    };
    if let Some(n) = args.commit_every {
        options.commit_articles = n;
    }
    if args.dirs.len() != 1 && (args.name.is_some() || args.metadata.is_some()) {
        return Err(newsdex::Error::Usage(
            "--name and --metadata apply to one folder; name exactly one DIR with them".to_string(),
        )
        .into());
    }
    let mut dirs = args.dirs;
    if dirs.is_empty() && args.remove.is_empty() {
        let recorded = index::IndexInfo::read(&args.index)
            .ok()
            .flatten()
            .is_some_and(|info| !info.roots.is_empty());
        // A new index of the shipped demo archive, as the README's first command does.
        if !recorded {
            let default = std::path::PathBuf::from("corpus");
            if !default.is_dir() {
                return Err(newsdex::Error::Usage(format!(
                    "the index at {} records no folder; give the folder to index: `newsdex index DIR`",
                    args.index.display()
                ))
                .into());
            }
            dirs.push(default);
        }
    }
    let request = UpdateRequest {
        folders: dirs
            .into_iter()
            .map(|path| RootRequest {
                path,
                name: args.name.clone(),
                metadata: args.metadata.clone(),
                extensions: args.extensions.clone(),
            })
            .collect(),
        remove: args.remove,
    };
    let progress = Progress::new(!args.quiet && io::IsTerminal::is_terminal(&io::stderr()));
    let summary = index::update(&args.index, &request, &options, &progress);
    progress.finish();
    let summary = summary?;
    if !args.quiet {
        println!("{}", report::summary_line(&summary));
    }
    Ok(if summary.unreadable() > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn run_search(args: SearchArgs) -> anyhow::Result<ExitCode> {
    let archive = Archive::open_with_aliases(&args.index, args.aliases.as_deref())?;
    let mut request = SearchRequest {
        limit: args.limit,
        offset: args.offset,
        region_facet: args.facet.contains(&ExtraFacet::Region),
        sort: args.sort.sort(),
        all_copies: args.all_copies,
        dedupe: args.dedupe,
        ..SearchRequest::new(args.query)
    };
    apply_filters(&mut request, args.filters);
    let results = archive.search(&request)?;
    let mut notes: Vec<String> = report::undated_note(results.undated_excluded)
        .into_iter()
        .collect();
    notes.extend(results.notes.iter().cloned());
    if let Some(suggestion) = &results.did_you_mean {
        notes.push(format!("no hits; did you mean `{suggestion}`?"));
    }
    let copies: usize = results.hits.iter().map(|h| h.copies.len()).sum();
    if copies > 0 {
        notes.push(format!(
            "{copies} wire cop{} collapsed under {} (the `copies` field lists them); --all-copies lists each as a hit of its own",
            if copies == 1 { "y is" } else { "ies are" },
            if copies == 1 { "its story" } else { "their stories" }
        ));
    }
    print_report(&results, &args.output, &notes)?;
    Ok(exit_for(results.total_hits > 0))
}

fn run_extract(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for path in &args.paths {
        let files: Vec<(std::path::PathBuf, String)> = if path.is_dir() {
            let mut files = Vec::new();
            for found in walk::walk(path, &Default::default())? {
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
            let articles = match newsdex::ingest::read::read_articles(&file, &shown) {
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
                    report::json_line(&mut out, &record)?;
                } else {
                    report::extraction_text(&mut out, &record)?;
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
