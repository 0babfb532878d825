/*!
Archive statistics (`newsdex stats`): how many articles and files the index holds, the span of
their dates, its roots and sources (with how many of each source's articles are dated), the most
quoted speakers and most mentioned countries, the index's size on disk and when it was last
written.

Everything is read from the index's own structures, without loading stored documents: files are
the distinct terms of the `file` field that still have a live article, dates come from the `date`
fast field, top values from the facet fields.
*/

use serde::{Deserialize, Serialize};
use tantivy::collector::FacetCollector;
use tantivy::query::{AllQuery, ExistsQuery};
use tantivy::schema::{Facet, IndexRecordOption};
use tantivy::{DocSet, TERMINATED};

use crate::error::{Error, Result};
use crate::extract::countries;
use crate::index::IndexInfo;
use crate::ingest::dates::{self, Day};
use crate::query::archive::Archive;
use crate::query::lookup::last_step;
use crate::query::search::{CountryCount, FacetCount};

/// How many speakers and countries `stats` lists.
pub const STATS_TOP: usize = 10;

/// Archive statistics.
///
/// # Wire format
///
/// ```text
/// {"articles": 34, "files": 28,
///  "date_range": {"from": "1996-03-03", "to": "2023-11-02", "dated_articles": 23},
///  "roots": [{"name": "corpus", "path": "/home/me/corpus"}],
///  "sources": [{"value": "corpus", "articles": 34, "dated_articles": 23}],
///  "top_speakers": [{"value": "Zhang Jun", "count": 1}],
///  "top_countries": [{"value": "China", "code": "CN", "count": 15}],
///  "index_bytes": 412345, "indexed_at": "2026-11-28T12:57:25Z"}
/// ```
///
/// `date_range` is `null` when no article has a date; `indexed_at` is the time of the last
/// indexing run (UTC), `null` if the index does not record it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    pub articles: u64,
    pub files: u64,
    pub date_range: Option<DateRange>,
    /// The folders the index holds, as `newsdex.json` records them.
    pub roots: Vec<RootEntry>,
    /// Every source, most articles first, with how many of its articles have a date.
    pub sources: Vec<SourceCount>,
    pub top_speakers: Vec<FacetCount>,
    pub top_countries: Vec<CountryCount>,
    pub index_bytes: u64,
    pub indexed_at: Option<String>,
}

/// A root folder of the index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RootEntry {
    pub name: String,
    pub path: String,
}

/// A source and its articles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceCount {
    pub value: String,
    pub articles: u64,
    pub dated_articles: u64,
}

/// The earliest and latest article dates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRange {
    pub from: String,
    pub to: String,
    /// How many articles have a date.
    pub dated_articles: u64,
}

impl Archive {
    /// Computes the archive's statistics.
    ///
    /// # Errors
    ///
    /// Index read errors, and [`Error::Io`] when the index folder cannot be listed.
    pub fn stats(&self) -> Result<Stats> {
        let searcher = self.searcher();
        let fields = self.fields();
        let mut paths = std::collections::HashSet::new();
        let mut first: Option<i64> = None;
        let mut last: Option<i64> = None;
        let mut dated = 0u64;
        for segment in searcher.segment_readers() {
            let alive = segment.alive_bitset();
            let inverted = segment.inverted_index(fields.file)?;
            let mut stream = inverted
                .terms()
                .stream()
                .map_err(tantivy::TantivyError::from)?;
            while stream.advance() {
                let live = match alive {
                    None => true,
                    Some(alive) => {
                        let mut postings = inverted
                            .read_postings_from_terminfo(stream.value(), IndexRecordOption::Basic)
                            .map_err(tantivy::TantivyError::from)?;
                        let mut doc = postings.doc();
                        let mut live = false;
                        while doc != TERMINATED {
                            if alive.is_alive(doc) {
                                live = true;
                                break;
                            }
                            doc = postings.advance();
                        }
                        live
                    }
                };
                if live {
                    paths.insert(stream.key().to_vec());
                }
            }
            let column = segment.fast_fields().date("date")?;
            for doc in 0..segment.max_doc() {
                if alive.is_some_and(|a| !a.is_alive(doc)) {
                    continue;
                }
                if let Some(date) = column.first(doc) {
                    let secs = date.into_timestamp_secs();
                    dated += 1;
                    first = Some(first.map_or(secs, |f| f.min(secs)));
                    last = Some(last.map_or(secs, |l| l.max(secs)));
                }
            }
        }
        let date_range = match (first, last) {
            (Some(first), Some(last)) => Some(DateRange {
                from: Day::of_timestamp(first).to_string(),
                to: Day::of_timestamp(last).to_string(),
                dated_articles: dated,
            }),
            _ => None,
        };

        let mut speakers = FacetCollector::for_field("speaker_facet");
        speakers.add_facet(Facet::root());
        let mut countries_collector = FacetCollector::for_field("country_facet");
        countries_collector.add_facet(Facet::root());
        let (speaker_counts, country_counts) =
            searcher.search(&AllQuery, &(speakers, countries_collector))?;
        let mut top_speakers: Vec<FacetCount> = match self.names()? {
            // Issue 8: with name aliases, speakers are counted under their canonical names.
            Some(names) => searcher
                .search(
                    &AllQuery,
                    &crate::query::facet_count::FacetTop::for_field("speaker_facet")
                        .with_names(Some(names)),
                )?
                .into_iter()
                .map(|(value, count)| FacetCount { value, count })
                .collect(),
            None => speaker_counts
                .get(Facet::root())
                .map(|(facet, count)| FacetCount {
                    value: last_step(facet),
                    count,
                })
                .collect(),
        };
        top_speakers.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        top_speakers.truncate(STATS_TOP);
        let mut top_countries: Vec<CountryCount> = country_counts
            .get(Facet::root())
            .map(|(facet, count)| {
                let code = last_step(facet);
                let value = countries::by_code(&code)
                    .map(|c| c.name.to_string())
                    .unwrap_or_else(|| code.clone());
                CountryCount { value, code, count }
            })
            .collect();
        top_countries.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        top_countries.truncate(STATS_TOP);
        let count_sources = || {
            let mut collector = FacetCollector::for_field("source_facet");
            collector.add_facet(Facet::root());
            collector
        };
        let dated_query = ExistsQuery::new(crate::query::parse::DATE_FIELD.to_string(), false);
        let all_sources = searcher.search(&AllQuery, &count_sources())?;
        let dated_sources = searcher.search(&dated_query, &count_sources())?;
        let dated: std::collections::HashMap<String, u64> = dated_sources
            .get(Facet::root())
            .map(|(facet, count)| (last_step(facet), count))
            .collect();
        let mut sources: Vec<SourceCount> = all_sources
            .get(Facet::root())
            .map(|(facet, articles)| {
                let value = last_step(facet);
                SourceCount {
                    dated_articles: dated.get(&value).copied().unwrap_or(0),
                    value,
                    articles,
                }
            })
            .collect();
        sources.sort_by(|a, b| {
            b.articles
                .cmp(&a.articles)
                .then_with(|| a.value.cmp(&b.value))
        });
        let info = IndexInfo::read(self.path())?;
        let roots = info
            .iter()
            .flat_map(|info| &info.roots)
            .map(|root| RootEntry {
                name: root.name.clone(),
                path: root.path.display().to_string(),
            })
            .collect();

        Ok(Stats {
            articles: searcher.num_docs(),
            files: paths.len() as u64,
            date_range,
            roots,
            sources,
            top_speakers,
            top_countries,
            index_bytes: folder_bytes(self.path())?,
            indexed_at: info
                .map(|info| dates::rfc3339(i64::try_from(info.indexed_at).unwrap_or(i64::MAX))),
        })
    }
}

/// The total size of the files in a folder (the index keeps no sub-folders).
fn folder_bytes(path: &std::path::Path) -> Result<u64> {
    let entries = std::fs::read_dir(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(entries
        .flatten()
        .filter_map(|entry| entry.metadata().ok())
        .filter(|meta| meta.is_file())
        .map(|meta| meta.len())
        .sum())
}
