/*!
Printing facet listings: speakers with their quote counts, countries with codes, regions with their sub-regions.
*/

use std::borrow::Cow;
use std::io::{self, Write};

use super::format::{sanitize, Report, Style, BOLD};
use super::search::undated_note;
use super::table::{owned, Table};
use crate::query::facets::{FacetKind, FacetResults, FacetValue};

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
        FacetKind::Source => ("source", "sources"),
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

impl Report for FacetResults {
    type Item = FacetValue;

    fn items(&self) -> &[FacetValue] {
        &self.values
    }

    fn write_text(&self, out: &mut dyn Write, style: Style) -> io::Result<()> {
        facets_text(out, self, style)
    }

    fn write_csv(&self, out: &mut dyn Write, clean: bool) -> io::Result<()> {
        let header: &[&str] = match self.facet {
            FacetKind::Speaker => &["speaker", "articles", "quotes"],
            FacetKind::Country => &["country", "code", "articles"],
            FacetKind::Region => &["region", "subregion", "articles"],
            FacetKind::Source => &["source", "articles"],
        };
        let mut table = Table::new(out, clean, header)?;
        for value in &self.values {
            let articles = owned(value.articles.to_string());
            match self.facet {
                FacetKind::Speaker => table.row(&[
                    Cow::Borrowed(&value.value),
                    articles,
                    owned(value.quotes.unwrap_or(0).to_string()),
                ])?,
                FacetKind::Country => table.row(&[
                    Cow::Borrowed(&value.value),
                    Cow::Borrowed(value.code.as_deref().unwrap_or("")),
                    articles,
                ])?,
                FacetKind::Source => table.row(&[Cow::Borrowed(&value.value), articles])?,
                FacetKind::Region => {
                    table.row(&[Cow::Borrowed(&value.value), Cow::Borrowed(""), articles])?;
                    for sub in value.subregions.iter().flatten() {
                        table.row(&[
                            Cow::Borrowed(&value.value),
                            Cow::Borrowed(&sub.value),
                            owned(sub.articles.to_string()),
                        ])?;
                    }
                }
            }
        }
        table.finish()
    }
}
