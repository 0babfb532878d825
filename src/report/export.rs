/*!
Exports for scripts and spreadsheets: the [`Report`] implementations of search hits, quotes and
facet listings, and their CSV layouts.

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

use crate::analysis::batch::{BatchResults, BatchRow};
use crate::analysis::timeline::{PeriodCount, Timeline};
use crate::query::facets::{FacetKind, FacetResults, FacetValue};
use crate::query::quotes::{QuoteHit, QuoteResults};
use crate::query::search::{Hit, SearchResults};
use crate::report::{self, sanitize, Report, Style};

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

fn owned(s: String) -> Cow<'static, str> {
    Cow::Owned(s)
}

fn hit_row(hit: &Hit) -> Vec<Cow<'_, str>> {
    let countries: Vec<&str> = hit.countries.iter().map(|c| c.name.as_str()).collect();
    let snippets: Vec<&str> = hit.snippets.iter().map(|s| s.text.as_str()).collect();
    vec![
        owned(hit.rank.to_string()),
        owned(format!("{:.3}", hit.score)),
        Cow::Borrowed(&hit.path),
        owned(hit.article.to_string()),
        Cow::Borrowed(&hit.headline),
        Cow::Borrowed(hit.dateline.as_deref().unwrap_or("")),
        Cow::Borrowed(hit.date.as_deref().unwrap_or("")),
        owned(hit.speakers.join("; ")),
        owned(countries.join("; ")),
        owned(snippets.join(" ")),
    ]
}

impl Report for SearchResults {
    type Item = Hit;

    fn items(&self) -> &[Hit] {
        &self.hits
    }

    fn write_text(&self, out: &mut dyn Write, style: Style) -> io::Result<()> {
        report::search_text(out, self, style)
    }

    fn write_csv(&self, out: &mut dyn Write, clean: bool) -> io::Result<()> {
        let mut table = Table::new(
            out,
            clean,
            &[
                "rank",
                "score",
                "path",
                "article",
                "headline",
                "dateline",
                "date",
                "speakers",
                "countries",
                "snippet",
            ],
        )?;
        for hit in &self.hits {
            table.row(&hit_row(hit))?;
        }
        table.finish()
    }
}

impl Report for QuoteResults {
    type Item = QuoteHit;

    fn items(&self) -> &[QuoteHit] {
        &self.quotes
    }

    fn write_text(&self, out: &mut dyn Write, style: Style) -> io::Result<()> {
        report::quotes_text(out, self, style)
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

impl Report for FacetResults {
    type Item = FacetValue;

    fn items(&self) -> &[FacetValue] {
        &self.values
    }

    fn write_text(&self, out: &mut dyn Write, style: Style) -> io::Result<()> {
        report::facets_text(out, self, style)
    }

    fn write_csv(&self, out: &mut dyn Write, clean: bool) -> io::Result<()> {
        let header: &[&str] = match self.facet {
            FacetKind::Speaker => &["speaker", "articles", "quotes"],
            FacetKind::Country => &["country", "code", "articles"],
            FacetKind::Region => &["region", "subregion", "articles"],
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

impl Report for Timeline {
    type Item = PeriodCount;

    fn items(&self) -> &[PeriodCount] {
        &self.periods
    }

    fn write_text(&self, out: &mut dyn Write, _style: Style) -> io::Result<()> {
        report::timeline_text(out, self)
    }

    fn write_csv(&self, out: &mut dyn Write, clean: bool) -> io::Result<()> {
        let mut table = Table::new(
            out,
            clean,
            &["period", "start", "hits", "articles", "share"],
        )?;
        for p in &self.periods {
            table.row(&[
                Cow::Borrowed(&p.period),
                Cow::Borrowed(&p.start),
                owned(p.hits.to_string()),
                owned(p.articles.to_string()),
                owned(format!("{:.4}", p.share)),
            ])?;
        }
        table.finish()
    }
}

impl Report for BatchResults {
    type Item = BatchRow;

    fn items(&self) -> &[BatchRow] {
        &self.rows
    }

    fn write_text(&self, out: &mut dyn Write, style: Style) -> io::Result<()> {
        report::batch_text(out, self, style)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::search::FacetCounts;
    use crate::query::snippet::Snippet;
    use crate::report::{print, Format};

    fn results() -> SearchResults {
        SearchResults {
            query: "veto".to_string(),
            total_hits: 1,
            hits: vec![Hit {
                rank: 1,
                score: 2.5,
                path: "a.txt".to_string(),
                article: 0,
                headline: "Veto, \"again\"\nand again".to_string(),
                dateline: None,
                date: Some("2023-06-02".to_string()),
                speakers: vec!["Zhang Jun".to_string(), "Ann Lee".to_string()],
                countries: Vec::new(),
                snippets: vec![Snippet {
                    text: "They \u{1b}[31mvetoed it.".to_string(),
                    highlights: vec![[5, 11]],
                }],
                copies: Vec::new(),
            }],
            facets: FacetCounts::default(),
            undated_excluded: None,
            did_you_mean: None,
            notes: Vec::new(),
        }
    }

    fn csv_of(clean: bool) -> String {
        let mut out = Vec::new();
        let style = Style {
            color: false,
            terminal: clean,
        };
        print(&mut out, &results(), Format::Csv, style).expect("writes");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn csv_quotes_commas_quotes_and_line_breaks() {
        assert_eq!(
            csv_of(false),
            "rank,score,path,article,headline,dateline,date,speakers,countries,snippet\n\
             1,2.500,a.txt,0,\"Veto, \"\"again\"\"\nand again\",,2023-06-02,Zhang Jun; Ann Lee,,They \u{1b}[31mvetoed it.\n"
        );
    }

    #[test]
    fn csv_to_a_terminal_is_sanitised() {
        assert!(!csv_of(true).contains('\u{1b}'));
    }
}
