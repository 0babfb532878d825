/*!
Output: search results, facets, articles, statistics, extractions and index summaries printed
for people (text, with highlights in colour only when asked to) or for scripts (JSON, NDJSON and
CSV, see [`Format`] and [`crate::report::export`]). Printers take any writer, so tests print into a
`Vec<u8>` and compare strings.

Text from articles is sanitised before it is printed: control characters (escape sequences,
bidi overrides) are dropped so that an archive cannot drive the user's terminal. JSON escapes
control characters anyway, and newsdex also escapes bidi controls (`\u202e`), which is still the
same JSON.
*/

pub mod aliases;
pub mod export;

use std::borrow::Cow;
use std::io::{self, Write};

use serde::Serialize;

use crate::analysis::stats::Stats;
use crate::extract::{ArticleExtraction, How};
use crate::index::Summary;
use crate::query::facets::{FacetKind, FacetResults};
use crate::query::quotes::QuoteResults;
use crate::query::search::SearchResults;
use crate::query::show::FullArticle;
use crate::query::snippet::Snippet;

/// How results are printed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// For people: aligned text, highlights in colour when enabled.
    #[default]
    Text,
    /// One pretty-printed JSON document.
    Json,
    /// One JSON object per line: one per hit, quote or facet value.
    Ndjson,
    /// Comma-separated values with a header row (RFC 4180 quoting).
    Csv,
}

/// Results that can be printed in every [`Format`].
pub trait Report: Serialize {
    /// What one NDJSON line holds.
    type Item: Serialize;
    /// The items printed one per line in NDJSON.
    fn items(&self) -> &[Self::Item];
    /// Prints the results for people.
    fn write_text(&self, out: &mut dyn Write, style: Style) -> io::Result<()>;
    /// Prints the results as CSV; `clean` drops control characters from the fields (when the
    /// CSV goes to a terminal).
    fn write_csv(&self, out: &mut dyn Write, clean: bool) -> io::Result<()>;
}

/// Prints a report in a format.
pub fn print<W: Write, R: Report>(
    out: &mut W,
    report: &R,
    format: Format,
    style: Style,
) -> io::Result<()> {
    match format {
        Format::Text => report.write_text(out, style),
        Format::Json => json(out, report),
        Format::Ndjson => {
            for item in report.items() {
                json_line(out, item)?;
            }
            Ok(())
        }
        Format::Csv => report.write_csv(out, style.terminal),
    }
}

const BOLD_RED: &str = "\x1b[1;31m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// How text output looks.
#[derive(Clone, Copy, Debug, Default)]
pub struct Style {
    pub color: bool,
    /// Whether output goes to a terminal (CSV fields are then sanitised too).
    pub terminal: bool,
}

impl Style {
    fn paint<'a>(&self, code: &str, text: &'a str) -> Cow<'a, str> {
        if self.color {
            Cow::Owned(format!("{code}{text}{RESET}"))
        } else {
            Cow::Borrowed(text)
        }
    }
}

/// Drops control characters (but keeps newlines and tabs) and bidi controls.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    let bad = |c: char| (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c);
    if text.chars().any(bad) {
        Cow::Owned(text.chars().filter(|&c| !bad(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether a character is a bidi control (it can reorder what a terminal shows).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

/// Writes serialised JSON with bidi controls escaped (`\u202e`): the same JSON, but safe to
/// show in a terminal. JSON can only hold them inside strings, where the escape is valid.
fn write_json_escaped<W: Write + ?Sized>(out: &mut W, json: &str) -> io::Result<()> {
    if !json.chars().any(is_bidi_control) {
        return out.write_all(json.as_bytes());
    }
    let mut escaped = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_bidi_control(c) {
            escaped.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            escaped.push(c);
        }
    }
    out.write_all(escaped.as_bytes())
}

/// Prints any value as pretty JSON followed by a newline.
pub fn json<W: Write + ?Sized, T: Serialize + ?Sized>(out: &mut W, value: &T) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value)?;
    write_json_escaped(out, &text)?;
    writeln!(out)
}

/// Prints any value as one line of JSON.
pub fn json_line<W: Write + ?Sized, T: Serialize + ?Sized>(
    out: &mut W,
    value: &T,
) -> io::Result<()> {
    let text = serde_json::to_string(value)?;
    write_json_escaped(out, &text)?;
    writeln!(out)
}

/// A snippet with its highlights painted, on one line.
fn snippet_text(snippet: &Snippet, style: Style) -> String {
    let chars: Vec<char> = snippet.text.chars().collect();
    let piece = |from: usize, to: usize| -> String {
        let text: String = chars[from..to].iter().collect();
        sanitize(&text.replace('\n', " ")).into_owned()
    };
    let mut out = String::new();
    let mut at = 0;
    for &[start, end] in &snippet.highlights {
        if start < at || start > end || end > chars.len() {
            continue;
        }
        out.push_str(&piece(at, start));
        out.push_str(&style.paint(BOLD_RED, &piece(start, end)));
        at = end;
    }
    out.push_str(&piece(at, chars.len()));
    out
}

/// Prints search results for people.
pub fn search_text<W: Write + ?Sized>(
    out: &mut W,
    results: &SearchResults,
    style: Style,
) -> io::Result<()> {
    for hit in &results.hits {
        writeln!(
            out,
            "{}. {}",
            hit.rank,
            style.paint(BOLD, &sanitize(&hit.headline))
        )?;
        let mut meta = vec![format!("{}#{}", hit.path, hit.article)];
        if let Some(dateline) = &hit.dateline {
            meta.push(dateline.clone());
        }
        if let Some(date) = &hit.date {
            meta.push(date.clone());
        }
        meta.push(format!("score {:.2}", hit.score));
        writeln!(
            out,
            "   {}",
            style.paint(DIM, &sanitize(&meta.join(" \u{b7} ")))
        )?;
        if !hit.speakers.is_empty() {
            writeln!(out, "   speakers: {}", sanitize(&hit.speakers.join(", ")))?;
        }
        if !hit.countries.is_empty() {
            let names: Vec<&str> = hit.countries.iter().map(|c| c.name.as_str()).collect();
            writeln!(out, "   countries: {}", names.join(", "))?;
        }
        for snippet in &hit.snippets {
            writeln!(out, "   | {}", snippet_text(snippet, style))?;
        }
        if !hit.copies.is_empty() {
            let n = hit.copies.len();
            writeln!(
                out,
                "   {}",
                style.paint(
                    DIM,
                    &format!(
                        "and {n} near-identical cop{}: {}",
                        if n == 1 { "y" } else { "ies" },
                        sanitize(
                            &hit.copies
                                .iter()
                                .map(|c| format!("{}#{}", c.path, c.article))
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    )
                )
            )?;
        }
        writeln!(out)?;
    }
    let shown = if results.hits.is_empty() {
        String::new()
    } else {
        let first = results.hits[0].rank;
        format!(" (showing {}-{})", first, first + results.hits.len() - 1)
    };
    let noun = if results.total_hits == 1 {
        "hit"
    } else {
        "hits"
    };
    writeln!(
        out,
        "{} {noun} for {:?}{shown}",
        results.total_hits, results.query
    )?;
    if let Some(note) = undated_note(results.undated_excluded) {
        writeln!(out, "{note}")?;
    }
    for note in &results.notes {
        writeln!(out, "note: {}", sanitize(note))?;
    }
    if let Some(suggestion) = &results.did_you_mean {
        writeln!(out, "did you mean `{}`?", sanitize(suggestion))?;
    }
    if !results.facets.speaker.is_empty() {
        let list: Vec<String> = results
            .facets
            .speaker
            .iter()
            .map(|f| format!("{} ({})", sanitize(&f.value), f.count))
            .collect();
        writeln!(out, "speakers:  {}", list.join(", "))?;
    }
    if let Some(regions) = &results.facets.region {
        writeln!(out, "regions:")?;
        for region in regions {
            writeln!(out, "  {} ({})", region.value, region.count)?;
            for sub in &region.subregions {
                writeln!(out, "    {} ({})", sub.value, sub.count)?;
            }
        }
    }
    if !results.facets.country.is_empty() {
        let list: Vec<String> = results
            .facets
            .country
            .iter()
            .map(|f| format!("{} ({})", f.value, f.count))
            .collect();
        writeln!(out, "countries: {}", list.join(", "))?;
    }
    Ok(())
}

/// The note about articles a date filter left out, if any.
pub fn undated_note(undated: Option<u64>) -> Option<String> {
    match undated {
        Some(0) | None => None,
        Some(1) => Some("1 undated article left out by the date filter".to_string()),
        Some(n) => Some(format!("{n} undated articles left out by the date filter")),
    }
}

/// Prints quote search results for people.
pub fn quotes_text<W: Write + ?Sized>(
    out: &mut W,
    results: &QuoteResults,
    style: Style,
) -> io::Result<()> {
    for quote in &results.quotes {
        let who = sanitize(quote.speaker.as_deref().unwrap_or("(unnamed source)"));
        let who = style.paint(BOLD, &who);
        let text = sanitize(&quote.text).replace('\n', " ");
        if quote.direct {
            writeln!(
                out,
                "{}. {}: \u{201c}{}\u{201d}",
                quote.rank,
                who,
                text.trim_matches(['"', '\u{201c}', '\u{201d}'])
            )?;
        } else {
            writeln!(out, "{}. {} (reported): {}", quote.rank, who, text)?;
        }
        writeln!(
            out,
            "   {} \u{b7} {}#{}",
            sanitize(&quote.headline),
            quote.path,
            quote.article
        )?;
    }
    let noun = if results.total_quotes == 1 {
        "quote"
    } else {
        "quotes"
    };
    let shown = if results.quotes.len() < results.total_quotes {
        format!(" (showing {})", results.quotes.len())
    } else {
        String::new()
    };
    match &results.query {
        Some(query) => writeln!(out, "{} {noun} for {query:?}{shown}", results.total_quotes),
        None => writeln!(out, "{} {noun}{shown}", results.total_quotes),
    }
}

/// Prints a facet listing for people: one value per line with its counts.
pub fn facets_text<W: Write + ?Sized>(
    out: &mut W,
    results: &FacetResults,
    style: Style,
) -> io::Result<()> {
    let width = results
        .values
        .iter()
        .flat_map(|v| {
            std::iter::once(v.value.chars().count() + v.code.as_ref().map_or(0, |c| c.len() + 3))
                .chain(
                    v.subregions
                        .iter()
                        .flatten()
                        .map(|s| s.value.chars().count() + 2),
                )
        })
        .max()
        .unwrap_or(0);
    for value in &results.values {
        let name = match &value.code {
            Some(code) => format!("{} ({code})", value.value),
            None => value.value.clone(),
        };
        let pad = width.saturating_sub(name.chars().count());
        let counts = match value.quotes {
            Some(quotes) => format!(
                "{:>5} {}  {:>5} {}",
                value.articles,
                if value.articles == 1 {
                    "article "
                } else {
                    "articles"
                },
                quotes,
                if quotes == 1 { "quote" } else { "quotes" }
            ),
            None => format!(
                "{:>5} {}",
                value.articles,
                if value.articles == 1 {
                    "article"
                } else {
                    "articles"
                }
            ),
        };
        writeln!(
            out,
            "{}{}  {counts}",
            style.paint(BOLD, &sanitize(&name)),
            " ".repeat(pad)
        )?;
        for sub in value.subregions.iter().flatten() {
            let pad = width.saturating_sub(sub.value.chars().count() + 2);
            writeln!(
                out,
                "  {}{}  {:>5} {}",
                sub.value,
                " ".repeat(pad),
                sub.articles,
                if sub.articles == 1 {
                    "article"
                } else {
                    "articles"
                }
            )?;
        }
    }
    let kind = match results.facet {
        FacetKind::Speaker => ("speaker", "speakers"),
        FacetKind::Country => ("country", "countries"),
        FacetKind::Region => ("region", "regions"),
    };
    let noun = if results.distinct_values == 1 {
        kind.0
    } else {
        kind.1
    };
    let over = match &results.query {
        Some(query) => format!(
            "{} matching {:?}",
            if results.total_articles == 1 {
                "article"
            } else {
                "articles"
            },
            sanitize(query)
        ),
        None => (if results.total_articles == 1 {
            "article"
        } else {
            "articles"
        })
        .to_string(),
    };
    let shown = if results.values.len() < results.distinct_values {
        format!(" (showing {})", results.values.len())
    } else {
        String::new()
    };
    writeln!(
        out,
        "{} {noun} in {} {over}{shown}",
        results.distinct_values, results.total_articles
    )?;
    if let Some(note) = undated_note(results.undated_excluded) {
        writeln!(out, "{note}")?;
    }
    for note in &results.notes {
        writeln!(out, "note: {}", sanitize(note))?;
    }
    Ok(())
}

/// Prints one article in full for people.
pub fn article_text<W: Write + ?Sized>(
    out: &mut W,
    article: &FullArticle,
    style: Style,
) -> io::Result<()> {
    writeln!(out, "{}", style.paint(BOLD, &sanitize(&article.headline)))?;
    let mut meta = vec![format!("{}#{}", article.path, article.article)];
    if let Some(dateline) = &article.dateline {
        meta.push(dateline.clone());
    }
    if let Some(date) = &article.date {
        meta.push(date.clone());
    }
    writeln!(
        out,
        "{}",
        style.paint(DIM, &sanitize(&meta.join(" \u{b7} ")))
    )?;
    if !article.speakers.is_empty() {
        writeln!(out, "speakers:  {}", sanitize(&article.speakers.join(", ")))?;
    }
    if !article.countries.is_empty() {
        let names: Vec<String> = article
            .countries
            .iter()
            .map(|c| format!("{} ({})", c.name, c.code))
            .collect();
        writeln!(out, "countries: {}", names.join(", "))?;
    }
    writeln!(out)?;
    writeln!(out, "{}", sanitize(article.body.trim_end()))?;
    if !article.quotes.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", style.paint(BOLD, "quotes:"))?;
        for quote in &article.quotes {
            let who = quote.speaker.as_deref().unwrap_or("(unnamed source)");
            let text = sanitize(&quote.text).replace('\n', " ");
            if quote.direct {
                writeln!(
                    out,
                    "  - {}: \u{201c}{}\u{201d}",
                    sanitize(who),
                    text.trim_matches(['"', '\u{201c}', '\u{201d}'])
                )?;
            } else {
                writeln!(out, "  - {} (reported): {}", sanitize(who), text)?;
            }
        }
    }
    Ok(())
}

/// Prints archive statistics for people.
pub fn stats_text<W: Write + ?Sized>(out: &mut W, stats: &Stats) -> io::Result<()> {
    writeln!(out, "articles:      {}", stats.articles)?;
    writeln!(out, "files:         {}", stats.files)?;
    match &stats.date_range {
        Some(range) => writeln!(
            out,
            "dates:         {} to {} ({} dated, {} undated)",
            range.from,
            range.to,
            range.dated_articles,
            stats.articles.saturating_sub(range.dated_articles)
        )?,
        None => writeln!(out, "dates:         none")?,
    }
    let speakers: Vec<String> = stats
        .top_speakers
        .iter()
        .map(|f| format!("{} ({})", sanitize(&f.value), f.count))
        .collect();
    writeln!(out, "top speakers:  {}", speakers.join(", "))?;
    let countries: Vec<String> = stats
        .top_countries
        .iter()
        .map(|f| format!("{} ({})", f.value, f.count))
        .collect();
    writeln!(out, "top countries: {}", countries.join(", "))?;
    writeln!(
        out,
        "index size:    {} ({} bytes)",
        human_bytes(stats.index_bytes),
        stats.index_bytes
    )?;
    writeln!(
        out,
        "indexed at:    {}",
        stats.indexed_at.as_deref().unwrap_or("unknown")
    )
}

/// A byte count for people: `36.2 MB`.
fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["kB", "MB", "GB", "TB"];
    if bytes < 1000 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64;
    let mut unit = "B";
    for next in UNITS {
        if value < 1000.0 {
            break;
        }
        value /= 1000.0;
        unit = next;
    }
    format!("{value:.1} {unit}")
}

/// Prints an article's extraction for people.
pub fn extraction_text<W: Write>(out: &mut W, record: &ArticleExtraction) -> io::Result<()> {
    writeln!(
        out,
        "{}#{}  {}",
        record.path,
        record.article,
        sanitize(&record.headline)
    )?;
    if let Some(dateline) = &record.dateline {
        writeln!(out, "  dateline:  {}", sanitize(dateline))?;
    }
    if let Some(date) = &record.date {
        writeln!(out, "  date:      {date}")?;
    }
    writeln!(
        out,
        "  speakers:  {}",
        sanitize(&record.speakers.join(", "))
    )?;
    let countries: Vec<String> = record
        .countries
        .iter()
        .map(|c| match c.how {
            How::Explicit => format!("{} ({})", c.name, c.code),
            How::Place => format!("{} ({}, place)", c.name, c.code),
        })
        .collect();
    writeln!(out, "  countries: {}", countries.join(", "))?;
    for quote in &record.quotes {
        let who = quote.speaker.as_deref().unwrap_or("(unnamed)");
        let text = sanitize(&quote.text).replace('\n', " ");
        if quote.direct {
            writeln!(out, "  - {}: \u{201c}{}\u{201d}", sanitize(who), text)?;
        } else {
            writeln!(out, "  - {} (reported): {}", sanitize(who), text)?;
        }
    }
    writeln!(out)
}

/// The one-line summary of an indexing run.
pub fn summary_line(summary: &Summary) -> String {
    let secs = summary.elapsed.as_secs_f64();
    let mut line = format!(
        "indexed {} articles from {} files in {:.2}s ({} added, {} updated, {} removed, {} unchanged)",
        summary.articles,
        summary.files,
        secs,
        summary.added,
        summary.updated,
        summary.removed,
        summary.unchanged
    );
    if summary.decoded > 0 {
        line.push_str(&format!(
            "; {} files decoded from another encoding",
            summary.decoded
        ));
    }
    if summary.truncated > 0 {
        line.push_str(&format!("; {} long articles cut", summary.truncated));
    }
    // Group the reasons: "skipped 3 files (2 empty file, 1 binary data ...)".
    let mut reasons: Vec<(&str, usize)> = Vec::new();
    for skipped in &summary.skipped {
        let reason = skipped.reason.split(';').next().unwrap_or("").trim();
        match reasons.iter_mut().find(|(r, _)| *r == reason) {
            Some((_, n)) => *n += 1,
            None => reasons.push((reason, 1)),
        }
    }
    reasons.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let reasons: Vec<String> = reasons.iter().map(|(r, n)| format!("{n} {r}")).collect();
    if reasons.is_empty() {
        line.push_str("; skipped 0 files");
    } else {
        line.push_str(&format!(
            "; skipped {} files ({}; paths on stderr)",
            summary.skipped.len(),
            reasons.join(", ")
        ));
    }
    line
}

/// The widest bar of a timeline, in characters.
const BAR: usize = 40;

/// A timeline for people: one line per period with a bar, the count and the share of the
/// period's articles.
pub fn timeline_text<W: Write + ?Sized>(
    out: &mut W,
    timeline: &crate::analysis::timeline::Timeline,
) -> io::Result<()> {
    let most = timeline.periods.iter().map(|p| p.hits).max().unwrap_or(0);
    let width = timeline
        .periods
        .iter()
        .map(|p| p.period.len())
        .max()
        .unwrap_or(0);
    let periods = &timeline.periods;
    let mut i = 0;
    while let Some(p) = periods.get(i) {
        // A run of three or more periods without a hit is one line.
        let empty = periods[i..].iter().take_while(|q| q.hits == 0).count();
        if empty >= 3 {
            let last = &periods[i + empty - 1];
            writeln!(
                out,
                "{:<width$}  (no hits from {} to {})",
                "", p.period, last.period
            )?;
            i += empty;
            continue;
        }
        i += 1;
        let bar = if most == 0 {
            0
        } else {
            // Any hit shows at least one block.
            ((p.hits as f64 / most as f64 * BAR as f64).round() as usize)
                .max(usize::from(p.hits > 0))
        };
        writeln!(
            out,
            "{:<width$}  {:<BAR$}  {:>6}  {:>5.1}% of {}",
            p.period,
            "█".repeat(bar),
            p.hits,
            p.share * 100.0,
            p.articles
        )?;
    }
    let dated = timeline.total_hits - timeline.undated_hits;
    writeln!(
        out,
        "{} matching article{} in {} {}{}",
        dated,
        if dated == 1 { "" } else { "s" },
        timeline.periods.len(),
        match (timeline.by, timeline.periods.len() == 1) {
            (crate::analysis::timeline::Period::Day, true) => "day",
            (crate::analysis::timeline::Period::Day, false) => "days",
            (crate::analysis::timeline::Period::Week, true) => "week",
            (crate::analysis::timeline::Period::Week, false) => "weeks",
            (crate::analysis::timeline::Period::Month, true) => "month",
            (crate::analysis::timeline::Period::Month, false) => "months",
            (crate::analysis::timeline::Period::Year, true) => "year",
            (crate::analysis::timeline::Period::Year, false) => "years",
        },
        if timeline.undated_hits > 0 {
            format!(
                "; {} more ha{} no date and {} not shown",
                timeline.undated_hits,
                if timeline.undated_hits == 1 {
                    "s"
                } else {
                    "ve"
                },
                if timeline.undated_hits == 1 {
                    "is"
                } else {
                    "are"
                }
            )
        } else {
            String::new()
        }
    )?;
    Ok(())
}

/// A batch's answers for people: one block per line of the list.
pub fn batch_text<W: Write + ?Sized>(
    out: &mut W,
    results: &crate::analysis::batch::BatchResults,
    style: Style,
) -> io::Result<()> {
    for row in &results.rows {
        let speaker = match (&row.speaker, row.speaker_articles) {
            (Some(name), n) => format!(
                "; quoted as {name} in {n} article{}",
                if n == 1 { "" } else { "s" }
            ),
            (None, _) => String::new(),
        };
        match &row.error {
            Some(error) => writeln!(
                out,
                "{:>4}  {}: {}",
                row.line,
                sanitize(&row.input),
                sanitize(error)
            )?,
            None => writeln!(
                out,
                "{:>4}  {}: {} hit{}{}",
                row.line,
                sanitize(&row.input),
                row.hits,
                if row.hits == 1 { "" } else { "s" },
                speaker
            )?,
        }
        for hit in &row.top {
            writeln!(
                out,
                "        {:.2}  {}#{}  {}",
                hit.score,
                style.paint(DIM, &sanitize(&hit.path)),
                hit.article,
                sanitize(&hit.headline)
            )?;
        }
    }
    let found = results.rows.iter().filter(|r| r.hits > 0).count();
    writeln!(
        out,
        "{} of {} lines found in the archive",
        found, results.lines
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_drops_escapes_and_bidi() {
        assert_eq!(sanitize("a\x1b[31mb\u{202e}c\nd"), "a[31mbc\nd");
        assert!(matches!(sanitize("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn snippets_are_highlighted_only_in_colour() {
        let snippet = Snippet {
            text: "they vetoed it".to_string(),
            highlights: vec![[5, 11]],
        };
        assert_eq!(
            snippet_text(
                &snippet,
                Style {
                    color: false,
                    terminal: false
                }
            ),
            "they vetoed it"
        );
        assert_eq!(
            snippet_text(
                &snippet,
                Style {
                    color: true,
                    terminal: false
                }
            ),
            "they \x1b[1;31mvetoed\x1b[0m it"
        );
    }
}
