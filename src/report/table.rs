/*!
CSV tables for scripts and spreadsheets, and the layout of each report's table.

CSV is written with the `csv` crate: a header row, then one row per hit, quote or facet value,
fields quoted when they hold a comma, a quote or a line break (RFC 4180), so Python's `csv`
module and spreadsheet programs read it back unchanged. Lists (speakers, countries) are joined
with `"; "`. A cell that starts like a spreadsheet formula (`=`, `+`, `-`, `@`) is written
with a leading `'` (OWASP's advice against CSV injection).

| report | columns |
| --- | --- |
| `search` | rank, score, path, article, headline, dateline, date, speakers, countries, snippet, copies (`path#article` of the wire copies collapsed under the hit) |
| `quotes` | rank, speaker, direct, text, confidence, cue, cue_text, link, attribution, source, headline, date, countries, path, article, score, context |
| `facets speaker` | speaker, articles, quotes |
| `facets country` | country, code, articles |
| `facets region` | region, subregion, articles (a region's own row has an empty subregion) |
| `timeline` | period, start, hits, articles, share |
| `batch` | line, input, query, hits, speaker_articles, speaker, then per top hit N: hitN (`path#article`), headlineN, scoreN; error |
*/

use std::borrow::Cow;
use std::io::{self, Write};

use super::format::sanitize;

/// The I/O error inside a CSV error, so that a closed pipe is still recognised as one.
fn io_error(err: csv::Error) -> io::Error {
    if !err.is_io_error() {
        return io::Error::other(err);
    }
    match err.into_kind() {
        csv::ErrorKind::Io(err) => err,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// A CSV writer that optionally sanitises every field.
pub(crate) struct Table<'a> {
    writer: csv::Writer<&'a mut dyn Write>,
    clean: bool,
}

impl<'a> Table<'a> {
    pub(crate) fn new(
        out: &'a mut dyn Write,
        clean: bool,
        header: &[&str],
    ) -> io::Result<Table<'a>> {
        let mut table = Table {
            writer: csv::Writer::from_writer(out),
            clean,
        };
        table.writer.write_record(header).map_err(io_error)?;
        Ok(table)
    }

    pub(crate) fn row(&mut self, fields: &[Cow<'_, str>]) -> io::Result<()> {
        let clean = self.clean;
        self.writer
            .write_record(fields.iter().map(|f| {
                let f = defuse_formula(f);
                if clean {
                    sanitize(&f).into_owned()
                } else {
                    f.into_owned()
                }
            }))
            .map_err(io_error)
    }

    pub(crate) fn finish(mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

/// A cell that a spreadsheet would run as a formula (it starts with `=`, `+`, `-` or `@`, or
/// with a tab or a carriage return) gets a leading `'`, as OWASP recommends against CSV
/// injection: an article's headline `=HYPERLINK(...)` stays text when the file is opened.
/// Numbers (`-1.5`) are left as they are.
pub(crate) fn defuse_formula(cell: &str) -> Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell.parse::<f64>().is_err() {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

pub(crate) fn owned(s: String) -> Cow<'static, str> {
    Cow::Owned(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_defused_and_numbers_kept() {
        assert_eq!(defuse_formula("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse_formula("+1+2"), "'+1+2");
        assert_eq!(defuse_formula("-veto"), "'-veto");
        assert_eq!(defuse_formula("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse_formula("-1.5"), "-1.5");
        assert_eq!(defuse_formula("Zhang Jun"), "Zhang Jun");
        let mut out = Vec::new();
        let mut table = Table::new(&mut out, false, &["a", "b"]).expect("header");
        table
            .row(&[Cow::Borrowed("=1+1"), Cow::Borrowed("plain")])
            .expect("row");
        table.finish().expect("flush");
        assert_eq!(String::from_utf8(out).expect("utf-8"), "a,b\n'=1+1,plain\n");
    }
}
