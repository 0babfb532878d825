/*!
Batch search of a list of names or queries (`newsdex batch names.csv`): for each line, how many
articles match, the best few, and whether the name is a quoted speaker of the archive. Made for
checking a whole list (a board of directors, a list of officials) against an archive at once.

A line that is a plain name (`Zhang Jun`) is searched as a phrase; a line written in the query
language (quotes, `AND`/`OR`/`NOT`, `field:`, `*`, parentheses, a leading `-`) is searched as
written. A line whose query cannot be parsed gets its error in its row; the other lines go on.
Lines are searched in parallel over one searcher; no snippets are made.
*/

use std::collections::HashMap;
use std::path::Path;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, TopDocs};
use tantivy::schema::{Facet, Value};
use tantivy::{Searcher, TantivyDocument, Term};

use crate::error::{Error, Result};
use crate::ingest::decode::decode_owned;
use crate::ingest::read::read_capped;
use crate::query::archive::Archive;
use crate::query::lookup::{facet_values, fold};

/// One line of the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// Its number in the file, from 1.
    pub number: usize,
    pub text: String,
}

/// The largest list file read (a million names fit).
pub const MAX_LIST_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a list: one name or query per line, or the first column of a CSV file (`.csv`). Blank
/// lines, lines starting with `#` and a first line `name` or `query` (a header) are skipped.
///
/// # Errors
///
/// [`Error::Usage`] when the file cannot be read (or is not a regular file, or is larger than
/// [`MAX_LIST_BYTES`]), when a CSV file is malformed or the list is empty.
pub fn read_list(path: &Path) -> Result<Vec<Line>> {
    let unreadable = |reason: String| {
        Error::Usage(format!(
            "{}: cannot read the list: {reason}; give a text file with one name or query per line",
            path.display()
        ))
    };
    let bytes = read_capped(path, MAX_LIST_BYTES).map_err(unreadable)?;
    // Decoded like an article file: UTF-16 (from a spreadsheet's "Unicode text"), legacy
    // encodings, a byte-order mark.
    let (text, _) = decode_owned(bytes).map_err(unreadable)?;
    let is_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    parse_list(&text, is_csv, path)
}

/// The lines of a list's text (see [`read_list`]); `path` only names the file in messages.
///
/// # Errors
///
/// [`Error::Usage`] when a CSV file is malformed or the list is empty.
pub fn parse_list(text: &str, is_csv: bool, path: &Path) -> Result<Vec<Line>> {
    let mut lines = Vec::new();
    if is_csv {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        for record in reader.records() {
            let record = record.map_err(|e| {
                Error::Usage(format!(
                    "{}: not a CSV file we can read ({e}); give one name per line",
                    path.display()
                ))
            })?;
            let number = record.position().map_or(0, |p| p.line() as usize);
            lines.push(Line {
                number,
                text: record.get(0).unwrap_or("").trim().to_string(),
            });
        }
    } else {
        for (i, line) in text.lines().enumerate() {
            lines.push(Line {
                number: i + 1,
                text: line.trim().to_string(),
            });
        }
    }
    lines.retain(|l| !l.text.is_empty() && !l.text.starts_with('#'));
    if lines
        .first()
        .is_some_and(|l| matches!(l.text.to_lowercase().as_str(), "name" | "query" | "names"))
    {
        lines.remove(0);
    }
    if lines.is_empty() {
        return Err(Error::Usage(format!(
            "{}: no name or query in the file; write one per line",
            path.display()
        )));
    }
    Ok(lines)
}

/// The query a line is searched with: a plain name becomes a phrase.
pub fn query_of(line: &str) -> String {
    let syntax = line.contains(['"', ':', '*', '(', ')'])
        || line.starts_with(['-', '+'])
        || line
            .split_whitespace()
            .any(|w| matches!(w, "AND" | "OR" | "NOT"));
    if syntax {
        line.to_string()
    } else {
        format!("\"{line}\"")
    }
}

/// One of the best hits of a line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BatchHit {
    pub path: String,
    pub article: u64,
    pub headline: String,
    pub score: f32,
}

/// The answer for one line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BatchRow {
    /// The line's number in the file, from 1.
    pub line: usize,
    /// The line as written.
    pub input: String,
    /// The query searched.
    pub query: String,
    /// Matching articles (0 on an error).
    pub hits: u64,
    /// Articles quoting the line as a speaker (case and accents ignored; 0 for queries).
    pub speaker_articles: u64,
    /// The speaker's name as the index spells it, when the line is one.
    pub speaker: Option<String>,
    pub top: Vec<BatchHit>,
    /// Why the line could not be searched.
    pub error: Option<String>,
}

/// The answers for a list.
///
/// # Wire format
///
/// `newsdex batch names.txt --format json`:
///
/// ```text
/// {"lines": 2, "rows": [{"line": 1, "input": "Zhang Jun", "query": "\"Zhang Jun\"",
///   "hits": 3, "speaker_articles": 2, "speaker": "Zhang Jun",
///   "top": [{"path": "000_f539c37ecbe7f26d.txt", "article": 0, "headline": "...",
///            "score": 7.1}], "error": null}, ...]}
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BatchResults {
    pub lines: usize,
    /// How many top hits each row holds at most (the CSV has that many hit columns).
    pub limit: usize,
    pub rows: Vec<BatchRow>,
}

impl Archive {
    /// Searches every line of a list.
    ///
    /// # Errors
    ///
    /// Index read errors; a line's own query errors go into its row.
    pub fn batch(&self, lines: &[Line], limit: usize) -> Result<BatchResults> {
        let searcher = self.searcher();
        // Never more top hits than the index holds (tantivy allocates for them up front).
        let limit = limit.min(usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX));
        let speaker_field = self.fields().speaker_facet;
        // The speakers of the archive by folded name, read once for the whole list.
        let speakers: HashMap<String, String> = facet_values(&searcher, speaker_field)?
            .into_iter()
            .map(|name| (fold(&name), name))
            .collect();
        let rows = lines
            .par_iter()
            .map(|line| self.batch_row(&searcher, &speakers, line, limit))
            .collect::<Result<Vec<BatchRow>>>()?;
        Ok(BatchResults {
            lines: lines.len(),
            limit,
            rows,
        })
    }

    fn batch_row(
        &self,
        searcher: &Searcher,
        speakers: &HashMap<String, String>,
        line: &Line,
        limit: usize,
    ) -> Result<BatchRow> {
        let query = query_of(&line.text);
        let mut row = BatchRow {
            line: line.number,
            input: line.text.clone(),
            query: query.clone(),
            hits: 0,
            speaker_articles: 0,
            speaker: None,
            top: Vec::new(),
            error: None,
        };
        if let Some(name) = speakers.get(&fold(&line.text)) {
            let term = Term::from_facet(self.fields().speaker_facet, &Facet::from_path([name]));
            row.speaker_articles = searcher.doc_freq(&term)?;
            row.speaker = Some(name.clone());
        }
        let parsed = match self.parse(&query) {
            Ok(parsed) => parsed,
            Err(err) if err.is_usage() => {
                row.error = Some(err.to_string());
                return Ok(row);
            }
            Err(err) => return Err(err),
        };
        let top = TopDocs::with_limit(limit.max(1)).order_by_score();
        let (docs, hits) = searcher.search(&*parsed, &(top, Count))?;
        row.hits = hits as u64;
        let fields = self.fields();
        for (score, address) in docs.into_iter().take(limit) {
            let doc: TantivyDocument = searcher.doc(address)?;
            let text = |field| {
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .unwrap_or("")
                    .to_string()
            };
            row.top.push(BatchHit {
                path: text(fields.path),
                article: doc
                    .get_first(fields.article)
                    .and_then(|v| v.as_u64())
                    .unwrap_or(0),
                headline: text(fields.headline),
                score,
            });
        }
        Ok(row)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_names_become_phrases_and_queries_stay() {
        assert_eq!(query_of("Zhang Jun"), "\"Zhang Jun\"");
        assert_eq!(query_of("Nebenzia"), "\"Nebenzia\"");
        assert_eq!(query_of("sanctions AND veto"), "sanctions AND veto");
        assert_eq!(query_of("speaker:blair"), "speaker:blair");
        assert_eq!(query_of("\"dead end\" -veto"), "\"dead end\" -veto");
        assert_eq!(query_of("sanc*"), "sanc*");
    }
}
