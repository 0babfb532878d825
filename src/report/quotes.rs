/*!
Printing quote searches: each quote with its speaker, the attribution sentence with the words
that name the speaker highlighted, how sure the attribution is, and where the quote comes from.

Text, NDJSON and CSV are written a quote at a time ([`QuoteStream`]), so that an export of every
quote of an archive never holds them all; JSON is one document ([`QuoteResults`]).
*/

use std::borrow::Cow;
use std::io::{self, Write};

use super::format::{
    json_line, sanitize, sanitize_line, Format, Report, Style, BOLD, BOLD_RED, DIM, RESET,
};
use super::table::{owned, Table};
use crate::query::evidence::Evidence;
use crate::query::quotes::{QuoteHit, QuoteResults, QuoteSummary};

/// The CSV columns of a quote.
const COLUMNS: &[&str] = &[
    "rank",
    "speaker",
    "direct",
    "text",
    "confidence",
    "cue",
    "cue_text",
    "link",
    "attribution",
    "source",
    "headline",
    "date",
    "countries",
    "article_source",
    "path",
    "article",
    "score",
    "context",
];

/// Longest attribution shown in text output, in characters (a continued quote's attribution
/// can run over several paragraphs).
const ATTRIBUTION_CHARS: usize = 600;

/// A serde enum's name as written in JSON (`according_to`).
pub(crate) fn wire_name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The attribution on one line, the source's words highlighted: painted in colour, between
/// `**` without.
pub(crate) fn attribution_text(evidence: &Evidence, style: Style) -> String {
    let (open, close) = if style.color {
        (BOLD_RED, RESET)
    } else {
        ("**", "**")
    };
    let mut line = String::with_capacity(evidence.attribution.len() + 16);
    let mut marks = evidence.highlights.iter().filter(|[a, b]| a < b).peekable();
    let mut inside: Option<usize> = None;
    let mut shown = 0;
    for (i, c) in sanitize(&evidence.attribution).chars().enumerate() {
        if inside == Some(i) {
            line.push_str(close);
            inside = None;
        }
        if inside.is_none() {
            if let Some(&&[start, end]) = marks.peek() {
                if start == i {
                    line.push_str(open);
                    inside = Some(end);
                    marks.next();
                }
            }
        }
        if shown >= ATTRIBUTION_CHARS {
            line.push('\u{2026}');
            break;
        }
        if c.is_whitespace() {
            if !line.ends_with(' ') {
                line.push(' ');
                shown += 1;
            }
        } else {
            line.push(c);
            shown += 1;
        }
    }
    if inside.is_some() {
        line.push_str(close);
    }
    line.trim().to_string()
}

/// One quote for people: the quote, the attribution and where it comes from.
fn quote_text<W: Write + ?Sized>(out: &mut W, quote: &QuoteHit, style: Style) -> io::Result<()> {
    let who = sanitize(quote.speaker.as_deref().unwrap_or("(unnamed source)"));
    let who = style.paint(BOLD, &who);
    let text = sanitize(&quote.text).replace('\n', " ");
    let evidence = &quote.evidence;
    let sure = format!("[{}]", wire_name(&evidence.confidence));
    if quote.direct {
        writeln!(
            out,
            "{}. {}: \u{201c}{}\u{201d} {}",
            quote.rank,
            who,
            text.trim_matches(['"', '\u{201c}', '\u{201d}']),
            style.paint(DIM, &sure)
        )?;
    } else {
        writeln!(
            out,
            "{}. {} (reported): {} {}",
            quote.rank,
            who,
            text,
            style.paint(DIM, &sure)
        )?;
    }
    if evidence.is_recorded() {
        writeln!(out, "   \u{21b3} {}", attribution_text(evidence, style))?;
    }
    let mut how = Vec::new();
    if !evidence.cue_text.is_empty() {
        how.push(format!("cue {:?}", evidence.cue_text));
    } else {
        how.push(format!(
            "cue: {}",
            wire_name(&evidence.cue).replace('_', " ")
        ));
    }
    how.push(format!("via {}", wire_name(&evidence.link)));
    let mut meta = vec![quote.headline.clone()];
    if let Some(date) = &quote.date {
        meta.push(date.clone());
    }
    if !quote.countries.is_empty() {
        let names: Vec<&str> = quote.countries.iter().map(|c| c.name.as_str()).collect();
        meta.push(names.join(", "));
    }
    if !quote.article_source.is_empty() {
        meta.push(quote.article_source.clone());
    }
    meta.push(format!("{}#{}", quote.path, quote.article));
    meta.push(how.join(", "));
    writeln!(
        out,
        "   {}",
        style.paint(DIM, &sanitize_line(&meta.join(" \u{b7} ")))
    )
}

/// The closing line of text output: the exact total and how to see more.
fn total_text<W: Write + ?Sized>(
    out: &mut W,
    query: Option<&str>,
    shown: usize,
    offset: usize,
    summary: &QuoteSummary,
) -> io::Result<()> {
    let total = summary.total_quotes;
    let noun = if total == 1 { "quote" } else { "quotes" };
    let mut line = match query {
        Some(query) => format!("{total} {noun} for {query:?}"),
        None => format!("{total} {noun}"),
    };
    if shown < total {
        let first = offset.saturating_add(1).min(total);
        let last = offset.saturating_add(shown).min(total);
        if shown == 0 {
            line.push_str(&format!(" (none shown from {first})"));
        } else {
            line.push_str(&format!(" (showing {first}-{last}"));
            if last < total {
                line.push_str(&format!("; --offset {last} for more, --limit 0 for all"));
            }
            line.push(')');
        }
    }
    writeln!(out, "{line}")?;
    if let Some(undated) = summary.undated_excluded.filter(|&n| n > 0) {
        writeln!(
            out,
            "note: {undated} matching article(s) have no date and were left out by the date filter"
        )?;
    }
    for note in &summary.notes {
        writeln!(out, "note: {}", sanitize(note))?;
    }
    Ok(())
}

/// The CSV cells of a quote.
fn row(quote: &QuoteHit) -> Vec<Cow<'_, str>> {
    let evidence = &quote.evidence;
    let countries: Vec<&str> = quote.countries.iter().map(|c| c.name.as_str()).collect();
    vec![
        owned(quote.rank.to_string()),
        Cow::Borrowed(quote.speaker.as_deref().unwrap_or("")),
        Cow::Borrowed(if quote.direct { "true" } else { "false" }),
        Cow::Borrowed(&quote.text),
        owned(wire_name(&evidence.confidence)),
        owned(wire_name(&evidence.cue)),
        Cow::Borrowed(&evidence.cue_text),
        owned(wire_name(&evidence.link)),
        Cow::Borrowed(&evidence.attribution),
        Cow::Borrowed(evidence.source.as_deref().unwrap_or("")),
        Cow::Borrowed(&quote.headline),
        Cow::Borrowed(quote.date.as_deref().unwrap_or("")),
        owned(countries.join("; ")),
        Cow::Borrowed(&quote.article_source),
        Cow::Borrowed(&quote.path),
        owned(quote.article.to_string()),
        owned(format!("{:.3}", quote.score)),
        Cow::Borrowed(&quote.context),
    ]
}

/// Quotes written one at a time, in text, NDJSON or CSV (JSON is one document: print a
/// [`QuoteResults`] instead).
pub struct QuoteStream<'a>(Stream<'a>);

#[allow(clippy::large_enum_variant)] // one per output, never moved after it starts
enum Stream<'a> {
    Text {
        out: &'a mut dyn Write,
        style: Style,
        shown: usize,
    },
    Ndjson(&'a mut dyn Write),
    Csv(Table<'a>),
}

impl<'a> QuoteStream<'a> {
    /// Starts the output (the CSV header). `format` must not be JSON (it is written as NDJSON).
    pub fn new(out: &'a mut dyn Write, format: Format, style: Style) -> io::Result<Self> {
        Ok(QuoteStream(match format {
            Format::Text => Stream::Text {
                out,
                style,
                shown: 0,
            },
            Format::Json | Format::Ndjson => Stream::Ndjson(out),
            Format::Csv => Stream::Csv(Table::new(out, style.terminal, COLUMNS)?),
        }))
    }

    /// Writes one quote.
    pub fn write(&mut self, quote: &QuoteHit) -> io::Result<()> {
        match &mut self.0 {
            Stream::Text { out, style, shown } => {
                *shown += 1;
                quote_text(*out, quote, *style)
            }
            Stream::Ndjson(out) => json_line(*out, quote),
            Stream::Csv(table) => table.row(&row(quote)),
        }
    }

    /// Ends the output: for text, the exact total and the notes (NDJSON and CSV hold only
    /// rows: the caller says those on stderr).
    pub fn finish(
        self,
        query: Option<&str>,
        offset: usize,
        summary: &QuoteSummary,
    ) -> io::Result<()> {
        match self.0 {
            Stream::Text { out, shown, .. } => total_text(out, query, shown, offset, summary),
            Stream::Ndjson(out) => out.flush(),
            Stream::Csv(table) => table.finish(),
        }
    }
}

impl Report for QuoteResults {
    type Item = QuoteHit;

    fn items(&self) -> &[QuoteHit] {
        &self.quotes
    }

    fn write_text(&self, out: &mut dyn Write, style: Style) -> io::Result<()> {
        for quote in &self.quotes {
            quote_text(out, quote, style)?;
        }
        let summary = QuoteSummary {
            total_quotes: self.total_quotes,
            undated_excluded: self.undated_excluded,
            notes: self.notes.clone(),
        };
        total_text(
            out,
            self.query.as_deref(),
            self.quotes.len(),
            self.offset,
            &summary,
        )
    }

    fn write_csv(&self, out: &mut dyn Write, clean: bool) -> io::Result<()> {
        let mut table = Table::new(out, clean, COLUMNS)?;
        for quote in &self.quotes {
            table.row(&row(quote))?;
        }
        table.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::speakers::{Confidence, Cue, Link};

    fn evidence() -> Evidence {
        Evidence {
            confidence: Confidence::Medium,
            cue: Cue::Verb,
            cue_text: "said".to_string(),
            link: Link::Pronoun,
            attribution: "\u{201c}No,\u{201d} she\n said.".to_string(),
            source: Some("she".to_string()),
            highlights: vec![[6, 9]],
        }
    }

    #[test]
    fn attribution_marks_the_source_without_colour_and_paints_it_with() {
        let plain = Style::default();
        assert_eq!(
            attribution_text(&evidence(), plain),
            "\u{201c}No,\u{201d} **she** said."
        );
        let colour = Style {
            color: true,
            terminal: true,
        };
        assert_eq!(
            attribution_text(&evidence(), colour),
            format!("\u{201c}No,\u{201d} {BOLD_RED}she{RESET} said.")
        );
    }

    #[test]
    fn enum_names_are_the_json_ones() {
        assert_eq!(wire_name(&Cue::AccordingTo), "according_to");
        assert_eq!(wire_name(&Confidence::High), "high");
    }
}
