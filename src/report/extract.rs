/*!
Printing what the extractors found in a file (`extract`).
*/

use std::io::{self, Write};

use super::format::{sanitize, sanitize_line};
use crate::extract::{ArticleExtraction, How};

/// Prints an article's extraction for people.
pub fn extraction_text<W: Write>(out: &mut W, record: &ArticleExtraction) -> io::Result<()> {
    writeln!(
        out,
        "{}#{}  {}",
        sanitize_line(&record.path),
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
