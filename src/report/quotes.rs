/*!
Printing quote searches: each quote with its speaker and where it comes from.
*/

use std::borrow::Cow;
use std::io::{self, Write};

use super::format::{sanitize, sanitize_line, Report, Style, BOLD};
use super::table::{owned, Table};
use crate::query::quotes::{QuoteHit, QuoteResults};

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
            sanitize_line(&quote.path),
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

impl Report for QuoteResults {
    type Item = QuoteHit;

    fn items(&self) -> &[QuoteHit] {
        &self.quotes
    }

    fn write_text(&self, out: &mut dyn Write, style: Style) -> io::Result<()> {
        quotes_text(out, self, style)
    }

    fn write_csv(&self, out: &mut dyn Write, clean: bool) -> io::Result<()> {
        let mut table = Table::new(
            out,
            clean,
            &[
                "rank", "speaker", "direct", "text", "headline", "path", "article", "score",
                "context",
            ],
        )?;
        for quote in &self.quotes {
            table.row(&[
                owned(quote.rank.to_string()),
                Cow::Borrowed(quote.speaker.as_deref().unwrap_or("")),
                Cow::Borrowed(if quote.direct { "true" } else { "false" }),
                Cow::Borrowed(&quote.text),
                Cow::Borrowed(&quote.headline),
                Cow::Borrowed(&quote.path),
                owned(quote.article.to_string()),
                owned(format!("{:.3}", quote.score)),
                Cow::Borrowed(&quote.context),
            ])?;
        }
        table.finish()
    }
}
