/*!
Printing co-occurrence pairs: a ranked table (text) and one row per pair (CSV).
*/

use std::borrow::Cow;
use std::io::{self, Write};

use super::format::{sanitize, Report, Style};
use super::table::Table;
use crate::analysis::cooccur::{CooccurResults, Pair};

fn shown_value(value: &str, code: Option<&str>) -> String {
    match code {
        Some(code) => format!("{value} ({code})"),
        None => value.to_string(),
    }
}

impl Report for CooccurResults {
    type Item = Pair;

    fn items(&self) -> &[Pair] {
        &self.pairs
    }

    fn write_text(&self, out: &mut dyn Write, _: Style) -> io::Result<()> {
        let rows: Vec<(String, String)> = self
            .pairs
            .iter()
            .map(|p| {
                (
                    sanitize(&shown_value(&p.a, p.a_code.as_deref())).into_owned(),
                    sanitize(&shown_value(&p.b, p.b_code.as_deref())).into_owned(),
                )
            })
            .collect();
        let width_a = rows.iter().map(|r| r.0.chars().count()).max().unwrap_or(0);
        let width_b = rows.iter().map(|r| r.1.chars().count()).max().unwrap_or(0);
        for ((a, b), pair) in rows.iter().zip(&self.pairs) {
            writeln!(
                out,
                "{a}{}  {b}{}  {:>5} {}",
                " ".repeat(width_a - a.chars().count()),
                " ".repeat(width_b - b.chars().count()),
                pair.articles,
                if pair.articles == 1 {
                    "article"
                } else {
                    "articles"
                }
            )?;
        }
        let kind = format!("{}–{}", self.facet.name(), self.with.name());
        let over = match &self.query {
            Some(query) => format!(
                "{} matching {:?}",
                if self.total_articles == 1 {
                    "article"
                } else {
                    "articles"
                },
                sanitize(query)
            ),
            None => (if self.total_articles == 1 {
                "article"
            } else {
                "articles"
            })
            .to_string(),
        };
        let shown = if self.pairs.len() < self.distinct_pairs {
            format!(" (showing {})", self.pairs.len())
        } else {
            String::new()
        };
        writeln!(
            out,
            "{} {kind} pair{} in {} {over}{shown}",
            self.distinct_pairs,
            if self.distinct_pairs == 1 { "" } else { "s" },
            self.total_articles
        )?;
        if let Some(note) = super::search::undated_note(self.undated_excluded) {
            writeln!(out, "{note}")?;
        }
        for note in &self.notes {
            writeln!(out, "note: {}", sanitize(note))?;
        }
        Ok(())
    }

    fn write_csv(&self, out: &mut dyn Write, clean: bool) -> io::Result<()> {
        let mut table = Table::new(out, clean, &["a", "a_code", "b", "b_code", "articles"])?;
        for p in &self.pairs {
            table.row(&[
                Cow::Borrowed(p.a.as_str()),
                Cow::Borrowed(p.a_code.as_deref().unwrap_or("")),
                Cow::Borrowed(p.b.as_str()),
                Cow::Borrowed(p.b_code.as_deref().unwrap_or("")),
                Cow::Owned(p.articles.to_string()),
            ])?;
        }
        table.finish()
    }
}
