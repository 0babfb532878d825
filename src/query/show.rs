/*!
One article in full (`newsdex show PATH[#N]`): headline, dateline, date, speakers, countries,
attributed quotes and the body, read back from the index.

`PATH` is the file's path as search results print it, relative to its root folder
(`asia/2023-04-18_seoul-missile-launch.txt`), or that path after the root's name
(`corpus/asia/...`, needed when two roots hold the same path); a path that also names the
indexed folder or starts with `./` is found too, by dropping leading folders until one matches.
`#N` picks the N-th story of a file that holds several (0-based, as in search results), or the
line of a JSON-lines export (1-based, as editors count); without it the first is shown.
*/

use serde::{Deserialize, Serialize};
use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, TantivyDocument, Term};

use crate::error::{Error, Result};
use crate::index::Record;
use crate::query::archive::Archive;
use crate::query::evidence::Evidence;
use crate::query::search::CountryName;

/// The stories of a file: story number and where the index keeps it, in order.
type Stories = Vec<(u64, DocAddress)>;

/// How many stories of one file `show` looks at, at most.
const MAX_STORIES: usize = 10_000;

/// An article as `newsdex show` prints it.
///
/// # Wire format
///
/// ```text
/// {"path": "000_f539c37ecbe7f26d.txt", "article": 0, "articles_in_file": 2,
///  "headline": "...", "dateline": "UNITED NATIONS (Dispatches)", "date": null,
///  "speakers": ["Zhang Jun", "Vassily Nebenzia"],
///  "countries": [{"code": "CN", "name": "China"}],
///  "quotes": [{"speaker": "Vassily Nebenzia", "text": "...", "direct": true,
///              "start": 812, "end": 834, "confidence": "high", "cue": "verb",
///              "cue_text": "said", "link": "name", "attribution": "...",
///              "source": "Vassily Nebenzia", "highlights": [[30, 46]]}],
///  "body": "...", "root": "corpus", "source": "corpus"}
/// ```
///
/// `url`, `author`, `language` and `id` (an export's identifier) appear when the article has
/// them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FullArticle {
    pub path: String,
    pub article: u64,
    /// How many stories the file holds.
    pub articles_in_file: u64,
    pub headline: String,
    pub dateline: Option<String>,
    pub date: Option<String>,
    pub speakers: Vec<String>,
    pub countries: Vec<CountryName>,
    pub quotes: Vec<ArticleQuote>,
    pub body: String,
    /// The name of the root the file is in.
    pub root: String,
    /// The outlet its metadata names, or the root's name.
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// An attributed quote of a shown article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleQuote {
    /// `None` for unnamed or organisational sources.
    pub speaker: Option<String>,
    pub text: String,
    /// `true` for words in quotation marks, `false` for reported speech.
    pub direct: bool,
    /// Where the quoted words are in `body` (character offsets, `[start, end)`).
    pub start: usize,
    pub end: usize,
    /// The attribution sentence, its cue and how sure the attribution is.
    #[serde(flatten)]
    pub evidence: Evidence,
}

/// Splits `PATH#N` into the path and the story number.
///
/// # Errors
///
/// [`Error::Usage`] when the path is empty.
pub fn parse_target(target: &str) -> Result<(String, Option<u64>)> {
    let (path, number) = match target.rsplit_once('#') {
        Some((path, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
            // A number too large for any file is no story of it (not story #0).
            let number = n.parse().map_err(|_| {
                Error::Usage(format!(
                    "no story #{n} in {path}; stories are numbered from #0 as search results print them"
                ))
            })?;
            (path, Some(number))
        }
        _ => (target, None),
    };
    let path = path.replace('\\', "/");
    let path = path.trim_start_matches("./").to_string();
    if path.is_empty() {
        return Err(Error::Usage(format!(
            "no file in {target:?}; give PATH or PATH#N as search results print it, e.g. asia/seoul.txt#0"
        )));
    }
    Ok((path, number))
}

impl Archive {
    /// The article `PATH[#N]`.
    ///
    /// # Errors
    ///
    /// [`Error::Usage`] naming the path when the index holds no such file or story; index read
    /// errors.
    pub fn show(&self, target: &str) -> Result<FullArticle> {
        let (path, number) = parse_target(target)?;
        let Some((stored_path, stories)) = self.stories(&path)? else {
            return Err(Error::Usage(format!(
                "no file {path} in the index at {}; give the path as `newsdex search` prints it (relative to the indexed folder)",
                self.path().display()
            )));
        };
        let wanted = number.unwrap_or_else(|| stories.first().map_or(0, |(n, _)| *n));
        let Some(&(_, address)) = stories.iter().find(|(n, _)| *n == wanted) else {
            let numbers: Vec<String> = stories.iter().map(|(n, _)| format!("#{n}")).collect();
            return Err(Error::Usage(format!(
                "{stored_path} has no story #{wanted}; it holds {} ({})",
                plural(stories.len(), "story", "stories"),
                numbers.join(", ")
            )));
        };
        let searcher = self.searcher();
        let fields = self.fields();
        let doc: TantivyDocument = searcher.doc(address)?;
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let record: Record = text(fields.record)
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default();
        let body = text(fields.body).unwrap_or_default();
        Ok(FullArticle {
            path: stored_path,
            article: wanted,
            articles_in_file: stories.len() as u64,
            headline: text(fields.headline).unwrap_or_default(),
            dateline: text(fields.dateline),
            date: record.date,
            // Issue 8: speakers through the name aliases, as in search results.
            speakers: self.aliases().apply(record.extraction.speakers),
            countries: record
                .extraction
                .countries
                .into_iter()
                .map(CountryName::from)
                .collect(),
            quotes: record
                .extraction
                .quotes
                .into_iter()
                .map(|q| ArticleQuote {
                    evidence: Evidence::of(&q, &body),
                    speaker: q
                        .speaker
                        .and_then(|s| self.aliases().resolve(&s).map(str::to_string)),
                    text: q.text,
                    direct: q.direct,
                    start: q.start,
                    end: q.end,
                })
                .collect(),
            body,
            root: record.root,
            source: record.source,
            url: record.url,
            author: record.author,
            language: record.language,
            id: record.id,
        })
    }

    /// The stories of the first of `path`, `path` without its first folder, ... that the index
    /// holds, each tried as `ROOT/PATH` and as a path inside a root: the path as shown and
    /// `(story number, address)` in order.
    ///
    /// # Errors
    ///
    /// [`Error::Usage`] when a path names files of several roots.
    fn stories(&self, path: &str) -> Result<Option<(String, Stories)>> {
        let fields = self.fields();
        let mut candidate = path;
        loop {
            if let Some(found) = self.stories_of(fields.file, candidate)? {
                return Ok(Some(found));
            }
            if let Some(found) = self.stories_of(fields.path, candidate)? {
                return Ok(Some(found));
            }
            match candidate.split_once('/') {
                Some((_, rest)) if !rest.is_empty() => candidate = rest,
                _ => return Ok(None),
            }
        }
    }

    /// The stories whose `field` is `value`: the path as shown and the stories in order.
    fn stories_of(
        &self,
        field: tantivy::schema::Field,
        value: &str,
    ) -> Result<Option<(String, Stories)>> {
        let searcher = self.searcher();
        let fields = self.fields();
        let query = TermQuery::new(
            Term::from_field_text(field, value),
            IndexRecordOption::Basic,
        );
        let docs = searcher.search(&query, &TopDocs::with_limit(MAX_STORIES).order_by_score())?;
        if docs.is_empty() {
            return Ok(None);
        }
        let mut stories = Vec::new();
        let mut roots: Vec<String> = Vec::new();
        let mut shown = value.to_string();
        for (_, address) in docs {
            let doc: TantivyDocument = searcher.doc(address)?;
            let number = doc
                .get_first(fields.article)
                .and_then(|v| v.as_u64())
                .unwrap_or(0);
            if let Some(path) = doc.get_first(fields.path).and_then(|v| v.as_str()) {
                shown = path.to_string();
            }
            let root = doc
                .get_first(fields.record)
                .and_then(|v| v.as_str())
                .and_then(|json| serde_json::from_str::<Record>(json).ok())
                .map(|record| record.root)
                .unwrap_or_default();
            if !roots.contains(&root) {
                roots.push(root);
            }
            stories.push((number, address));
        }
        if roots.len() > 1 {
            roots.sort();
            let named: Vec<String> = roots.iter().map(|r| format!("{r}/{value}")).collect();
            return Err(Error::Usage(format!(
                "{value} is in {} roots; name one: {}",
                roots.len(),
                named.join(" or ")
            )));
        }
        stories.sort_unstable();
        Ok(Some((shown, stories)))
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets() {
        let t = |s| parse_target(s).ok();
        assert_eq!(t("a/b.txt#2"), Some(("a/b.txt".to_string(), Some(2))));
        assert_eq!(t("./a/b.txt"), Some(("a/b.txt".to_string(), None)));
        assert_eq!(t("a/#notes.txt"), Some(("a/#notes.txt".to_string(), None)));
        assert_eq!(t("a\\b.txt#0"), Some(("a/b.txt".to_string(), Some(0))));
        assert!(parse_target("#1").is_err());
        assert!(parse_target("a/b.txt#18446744073709551616").is_err());
    }
}
