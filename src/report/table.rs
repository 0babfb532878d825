/*!
CSV tables for scripts and spreadsheets, and the layout of each report's table.

CSV is written with the `csv` crate: a header row, then one row per hit, quote or facet value,
fields quoted when they hold a comma, a quote or a line break (RFC 4180), so Python's `csv`
module and spreadsheet programs read it back unchanged. Lists (speakers, countries) are joined
with `"; "`.

| report | columns |
| --- | --- |
| `search` | rank, score, path, article, headline, dateline, date, speakers, countries, snippet |
| `quotes` | rank, speaker, direct, text, headline, path, article, score, context |
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
                if clean {
                    sanitize(f).into_owned()
                } else {
                    f.to_string()
                }
            }))
            .map_err(io_error)
    }

    pub(crate) fn finish(mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

pub(crate) fn owned(s: String) -> Cow<'static, str> {
    Cow::Owned(s)
}
