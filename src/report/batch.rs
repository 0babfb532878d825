/*!
Printing name-list batches: one line per list entry with its top hits.
*/

use std::borrow::Cow;
use std::io::{self, Write};

use super::format::{sanitize, sanitize_line, Report, Style, DIM};
use super::table::{owned, Table};
use crate::analysis::batch::{BatchResults, BatchRow};

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
                style.paint(DIM, &sanitize_line(&hit.path)),
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

impl Report for BatchResults {
    type Item = BatchRow;

    fn items(&self) -> &[BatchRow] {
        &self.rows
    }

    fn write_text(&self, out: &mut dyn Write, style: Style) -> io::Result<()> {
        batch_text(out, self, style)
    }

    fn write_csv(&self, out: &mut dyn Write, clean: bool) -> io::Result<()> {
        let mut header: Vec<String> = [
            "line",
            "input",
            "query",
            "hits",
            "speaker_articles",
            "speaker",
        ]
        .iter()
        .map(|h| h.to_string())
        .collect();
        for n in 1..=self.limit {
            header.extend([
                format!("hit{n}"),
                format!("headline{n}"),
                format!("score{n}"),
            ]);
        }
        header.push("error".to_string());
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        let mut table = Table::new(out, clean, &header)?;
        for row in &self.rows {
            let mut fields = vec![
                owned(row.line.to_string()),
                Cow::Borrowed(row.input.as_str()),
                Cow::Borrowed(row.query.as_str()),
                owned(row.hits.to_string()),
                owned(row.speaker_articles.to_string()),
                Cow::Borrowed(row.speaker.as_deref().unwrap_or("")),
            ];
            for n in 0..self.limit {
                match row.top.get(n) {
                    Some(hit) => fields.extend([
                        owned(format!("{}#{}", hit.path, hit.article)),
                        Cow::Borrowed(hit.headline.as_str()),
                        owned(format!("{:.3}", hit.score)),
                    ]),
                    None => {
                        fields.extend([Cow::Borrowed(""), Cow::Borrowed(""), Cow::Borrowed("")])
                    }
                }
            }
            fields.push(Cow::Borrowed(row.error.as_deref().unwrap_or("")));
            table.row(&fields)?;
        }
        table.finish()
    }
}
