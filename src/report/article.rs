/*!
Printing one article (`show`): headline, dateline, date, speakers, countries, source, author,
URL, the text and its quotes.
*/

use std::io::{self, Write};

use super::format::{sanitize, sanitize_line, Style, BOLD, DIM};
use super::quotes::{attribution_text, wire_name};
use crate::query::show::FullArticle;

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
        style.paint(DIM, &sanitize_line(&meta.join(" \u{b7} ")))
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
    let mut about = vec![("source:   ", Some(&article.source))];
    about.push(("author:   ", article.author.as_ref()));
    about.push(("url:      ", article.url.as_ref()));
    for (label, value) in about {
        if let Some(value) = value {
            writeln!(out, "{label} {}", sanitize(value))?;
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", sanitize(article.body.trim_end()))?;
    if !article.quotes.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", style.paint(BOLD, "quotes:"))?;
        for quote in &article.quotes {
            let who = quote.speaker.as_deref().unwrap_or("(unnamed source)");
            let text = sanitize(&quote.text).replace('\n', " ");
            let sure = format!("[{}]", wire_name(&quote.evidence.confidence));
            if quote.direct {
                writeln!(
                    out,
                    "  - {}: \u{201c}{}\u{201d} {}",
                    sanitize(who),
                    text.trim_matches(['"', '\u{201c}', '\u{201d}']),
                    style.paint(DIM, &sure)
                )?;
            } else {
                writeln!(
                    out,
                    "  - {} (reported): {} {}",
                    sanitize(who),
                    text,
                    style.paint(DIM, &sure)
                )?;
            }
            if quote.evidence.is_recorded() {
                writeln!(
                    out,
                    "    \u{21b3} {}",
                    attribution_text(&quote.evidence, style)
                )?;
            }
        }
    }
    Ok(())
}
