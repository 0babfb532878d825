/*!
Output: search results, extractions and index summaries printed for people (text, with
highlights in colour only when asked to) or for scripts (JSON). Printers take any writer, so
tests print into a `Vec<u8>` and compare strings.

Text from articles is sanitised before it is printed: control characters (escape sequences,
bidi overrides) are dropped so that an archive cannot drive the user's terminal.
*/

use std::borrow::Cow;
use std::io::{self, Write};

use serde::Serialize;

use crate::extract::{ArticleExtraction, How};
use crate::index::Summary;
use crate::search::{QuoteResults, SearchResults};
use crate::snippet::Snippet;

const BOLD_RED: &str = "\x1b[1;31m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// How text output looks.
#[derive(Clone, Copy, Debug, Default)]
pub struct Style {
    pub color: bool,
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
    let bad = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
    };
    if text.chars().any(bad) {
        Cow::Owned(text.chars().filter(|&c| !bad(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Prints any value as pretty JSON followed by a newline.
pub fn json<W: Write, T: Serialize>(out: &mut W, value: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

/// Prints any value as one line of JSON.
pub fn json_line<W: Write, T: Serialize>(out: &mut W, value: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
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
pub fn search_text<W: Write>(out: &mut W, results: &SearchResults, style: Style) -> io::Result<()> {
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

/// Prints quote search results for people.
pub fn quotes_text<W: Write>(out: &mut W, results: &QuoteResults) -> io::Result<()> {
    for quote in &results.quotes {
        let who = quote.speaker.as_deref().unwrap_or("(unnamed source)");
        let text = sanitize(&quote.text).replace('\n', " ");
        if quote.direct {
            writeln!(
                out,
                "{}. {}: \u{201c}{}\u{201d}",
                quote.rank,
                sanitize(who),
                text.trim_matches(['"', '\u{201c}', '\u{201d}'])
            )?;
        } else {
            writeln!(
                out,
                "{}. {} (reported): {}",
                quote.rank,
                sanitize(who),
                text
            )?;
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
            snippet_text(&snippet, Style { color: false }),
            "they vetoed it"
        );
        assert_eq!(
            snippet_text(&snippet, Style { color: true }),
            "they \x1b[1;31mvetoed\x1b[0m it"
        );
    }
}
