/*!
The index: its schema, its text analysis, and the indexing run that turns an archive folder into
a tantivy index.

One tantivy document per article. Headline and body are analysed with the `news` analyzer
(lower-casing, accent folding, English stemming) so that `veto` finds "vetoed" and `Nebenzia`
finds "Nébenzia". Speakers and countries are stored twice: as facets (`speaker_facet`,
`country_facet`, `region_facet`) for counting and exact filtering, and as analysed text (`speaker`,
`country`) so that the query language can say `speaker:nebenzia`.

A run reads and extracts files in parallel (rayon) while tantivy's own threads build segments; it
commits once at the end and rolls back on error, so a failed run leaves the last commit intact.
Next to tantivy's files the index keeps `newsdex.json`, which records the index format and the
extraction version it was built with (see [`IndexInfo`]).
*/

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use tantivy::schema::{
    DateOptions, FacetOptions, Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions,
    INDEXED, STORED, STRING,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer,
};
use tantivy::{DateTime, Index, IndexWriter, TantivyDocument, Term};

use crate::corpus::{self, Article, Found, WalkOptions};
use crate::error::{Error, Result};
use crate::extract::{self, countries, Extraction, EXTRACTION_VERSION};

/// Version of the schema and of the way documents are laid out in it.
pub const FORMAT_VERSION: u32 = 2;
/// Name under which the `news` analyzer is registered.
pub const ANALYZER: &str = "news";
/// The file next to tantivy's that describes the index.
pub const INFO_FILE: &str = "newsdex.json";
/// Memory budget of tantivy's writer, shared by its indexing threads.
const WRITER_MEMORY: usize = 128 * 1024 * 1024;

/// The fields of the schema.
#[derive(Clone, Copy, Debug)]
pub struct Fields {
    pub path: Field,
    pub article: Field,
    pub headline: Field,
    pub dateline: Field,
    pub date: Field,
    pub body: Field,
    pub speaker: Field,
    pub country: Field,
    /// The sentences around each attributed quote, for `newsdex quotes`.
    pub quote: Field,
    pub speaker_facet: Field,
    pub country_facet: Field,
    pub region_facet: Field,
    /// Stored JSON of the [`Record`].
    pub record: Field,
}

/// What is stored per article besides its text: the extraction and the date as written.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Record {
    pub date: Option<String>,
    #[serde(flatten)]
    pub extraction: Extraction,
    /// For each quote, the sentences of the body that hold it.
    #[serde(default)]
    pub contexts: Vec<String>,
}

/// Builds the schema.
pub fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let analysed = TextFieldIndexing::default()
        .set_tokenizer(ANALYZER)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let text_stored = TextOptions::default()
        .set_indexing_options(analysed.clone())
        .set_stored();
    let text = TextOptions::default().set_indexing_options(analysed);
    let fields = Fields {
        path: builder.add_text_field("path", STRING | STORED),
        article: builder.add_u64_field("article", INDEXED | STORED),
        headline: builder.add_text_field("headline", text_stored.clone()),
        dateline: builder.add_text_field("dateline", STORED),
        date: builder.add_date_field(
            "date",
            DateOptions::default().set_indexed().set_fast().set_stored(),
        ),
        body: builder.add_text_field("body", text_stored),
        speaker: builder.add_text_field("speaker", text.clone()),
        country: builder.add_text_field("country", text.clone()),
        quote: builder.add_text_field("quote", text),
        speaker_facet: builder.add_facet_field("speaker_facet", FacetOptions::default()),
        country_facet: builder.add_facet_field("country_facet", FacetOptions::default()),
        region_facet: builder.add_facet_field("region_facet", FacetOptions::default()),
        record: builder.add_text_field("record", STORED),
    };
    (builder.build(), fields)
}

/// Looks the fields up in an opened index's schema.
pub fn fields(schema: &Schema) -> Result<Fields> {
    let get = |name: &str| {
        schema
            .get_field(name)
            .map_err(|_| Error::IncompatibleIndex {
                path: PathBuf::new(),
                found: format!("no field {name:?}"),
            })
    };
    Ok(Fields {
        path: get("path")?,
        article: get("article")?,
        headline: get("headline")?,
        dateline: get("dateline")?,
        date: get("date")?,
        body: get("body")?,
        speaker: get("speaker")?,
        country: get("country")?,
        quote: get("quote")?,
        speaker_facet: get("speaker_facet")?,
        country_facet: get("country_facet")?,
        region_facet: get("region_facet")?,
        record: get("record")?,
    })
}

/// The `news` analyzer: words, lower-cased, accents folded, English stems.
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// Index settings: the document store is compressed with zstd (level 3) rather than tantivy's
/// default lz4. The store holds the headline, body and extraction of every article; zstd makes
/// it about a third smaller, which keeps the index under 1.5x the text (issue 6), and costs
/// little: searches decompress only the blocks of the hits they show.
fn settings() -> tantivy::IndexSettings {
    tantivy::IndexSettings {
        docstore_compression: tantivy::store::Compressor::Zstd(tantivy::store::ZstdCompressor {
            compression_level: Some(3),
        }),
        ..tantivy::IndexSettings::default()
    }
}

fn register_analyzer(index: &Index) {
    index.tokenizers().register(ANALYZER, analyzer());
}

/// What `newsdex.json` records about an index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexInfo {
    pub format_version: u32,
    pub extraction_version: u32,
    /// When the last run committed, as seconds since the Unix epoch.
    pub indexed_at: u64,
}

impl IndexInfo {
    fn current() -> Self {
        let indexed_at = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        IndexInfo {
            format_version: FORMAT_VERSION,
            extraction_version: EXTRACTION_VERSION,
            indexed_at,
        }
    }

    fn is_current(&self) -> bool {
        self.format_version == FORMAT_VERSION && self.extraction_version == EXTRACTION_VERSION
    }

    /// Reads `newsdex.json` from an index folder.
    pub fn read(index_path: &Path) -> Result<Option<IndexInfo>> {
        let path = index_path.join(INFO_FILE);
        match std::fs::read(&path) {
            Ok(bytes) => {
                serde_json::from_slice(&bytes)
                    .map(Some)
                    .map_err(|e| Error::IncompatibleIndex {
                        path: index_path.to_path_buf(),
                        found: format!("unreadable {INFO_FILE}: {e}"),
                    })
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(Error::Io { path, source }),
        }
    }

    /// Writes `newsdex.json` atomically (a temporary file renamed over the old one).
    fn write(&self, index_path: &Path) -> Result<()> {
        let path = index_path.join(INFO_FILE);
        let tmp = index_path.join(format!("{INFO_FILE}.tmp"));
        let json = serde_json::to_vec_pretty(self).unwrap_or_default();
        std::fs::write(&tmp, json).map_err(|source| Error::Io {
            path: tmp.clone(),
            source,
        })?;
        std::fs::rename(&tmp, &path).map_err(|source| Error::Io { path, source })
    }
}

/// Whether a folder holds a tantivy index.
pub fn exists(index_path: &Path) -> bool {
    index_path.join("meta.json").is_file()
}

/// Opens an existing index for reading, checking that this newsdex can read it.
pub fn open(index_path: &Path) -> Result<(Index, Fields)> {
    if !exists(index_path) {
        return Err(Error::NoIndex(index_path.to_path_buf()));
    }
    let info = IndexInfo::read(index_path)?;
    match info {
        Some(info) if info.is_current() => {}
        Some(info) => {
            return Err(Error::IncompatibleIndex {
                path: index_path.to_path_buf(),
                found: format!(
                    "format {}, extraction {}; this newsdex writes format {FORMAT_VERSION}, extraction {EXTRACTION_VERSION}",
                    info.format_version, info.extraction_version
                ),
            })
        }
        None => {
            return Err(Error::IncompatibleIndex {
                path: index_path.to_path_buf(),
                found: format!("no {INFO_FILE}"),
            })
        }
    }
    let index = Index::open_in_dir(index_path)?;
    register_analyzer(&index);
    let fields = fields(&index.schema()).map_err(|_| Error::IncompatibleIndex {
        path: index_path.to_path_buf(),
        found: "a different schema".to_string(),
    })?;
    Ok((index, fields))
}

/// Options of an indexing run.
#[derive(Clone, Debug, Default)]
pub struct IndexOptions {
    pub walk: WalkOptions,
    /// Start from an empty index.
    pub rebuild: bool,
}

/// Why a file was not indexed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: String,
    /// `true` when the file could not be read at all (an I/O error): the run then ends with an
    /// error status although everything else was indexed.
    pub unreadable: bool,
}

/// What an indexing run did.
#[derive(Clone, Debug, Default)]
pub struct Summary {
    pub files: usize,
    pub articles: usize,
    pub bytes: u64,
    pub skipped: Vec<Skipped>,
    pub elapsed: Duration,
}

impl Summary {
    /// Files that could not be read (I/O errors), as opposed to files skipped by a rule.
    pub fn unreadable(&self) -> usize {
        self.skipped.iter().filter(|s| s.unreadable).count()
    }
}

/// Reads one file into articles. `Err` carries the reason and whether it was an I/O error.
pub fn read_articles(
    path: &Path,
    relative: &str,
) -> std::result::Result<Vec<Article>, (String, bool)> {
    let bytes = std::fs::read(path).map_err(|e| (e.to_string(), true))?;
    let (text, _) = corpus::decode(&bytes).map_err(|reason| (reason, false))?;
    if text.trim().is_empty() {
        return Err(("empty file".to_string(), false));
    }
    Ok(corpus::split_articles(relative, &text))
}

/// Indexes the archive under `root` into `index_path`, replacing what the index held.
///
/// Problems with single files are passed to `on_skip` as they happen and counted in the summary;
/// they never stop the run. Errors of the index itself abort the run and roll it back.
pub fn build(
    root: &Path,
    index_path: &Path,
    options: &IndexOptions,
    on_skip: &(dyn Fn(&Skipped) + Sync),
) -> Result<Summary> {
    let started = Instant::now();
    // Streamed, not listed: a million-file archive's list alone would take ~180 MB (issue 6).
    let found = corpus::walk_iter(root, &options.walk)?;
    std::fs::create_dir_all(index_path).map_err(|source| Error::Io {
        path: index_path.to_path_buf(),
        source,
    })?;
    let (schema, fields) = schema();
    if options.rebuild || (exists(index_path) && open(index_path).is_err()) {
        // Each run replaces the whole index, so an index of an older layout (or one the user
        // asked to rebuild) is removed and built anew; files that are not the index's stay.
        remove_index_files(index_path)?;
    }
    let index = if exists(index_path) {
        open(index_path)?.0
    } else {
        let index = Index::builder()
            .schema(schema)
            .settings(settings())
            .create_in_dir(index_path)?;
        register_analyzer(&index);
        index
    };
    let mut writer: IndexWriter = index.writer(WRITER_MEMORY).map_err(|e| match e {
        tantivy::TantivyError::LockFailure(..) => Error::Locked {
            path: index_path.to_path_buf(),
        },
        other => Error::Tantivy(other),
    })?;

    let mut summary = Summary::default();

    let result = (|| -> Result<()> {
        writer.delete_all_documents()?;
        let articles = AtomicUsize::new(0);
        let indexed_files = AtomicUsize::new(0);
        let bytes = AtomicUsize::new(0);
        let skipped = Mutex::new(Vec::new());
        let writer_ref = &writer;
        found.par_bridge().try_for_each(|entry| -> Result<()> {
            let (path, relative) = match entry {
                Found::File { path, relative } => (path, relative),
                Found::Problem { path, reason } => {
                    let s = Skipped {
                        path,
                        reason,
                        unreadable: true,
                    };
                    on_skip(&s);
                    if let Ok(mut list) = skipped.lock() {
                        list.push(s);
                    }
                    return Ok(());
                }
            };
            match read_articles(&path, &relative) {
                Ok(list) => {
                    indexed_files.fetch_add(1, Ordering::Relaxed);
                    for article in &list {
                        bytes.fetch_add(article.body.len(), Ordering::Relaxed);
                        let doc = document(&fields, article, extract::extract(article));
                        writer_ref.add_document(doc)?;
                    }
                    articles.fetch_add(list.len(), Ordering::Relaxed);
                }
                Err((reason, unreadable)) => {
                    let s = Skipped {
                        path,
                        reason,
                        unreadable,
                    };
                    on_skip(&s);
                    if let Ok(mut list) = skipped.lock() {
                        list.push(s);
                    }
                }
            }
            Ok(())
        })?;
        summary.files = indexed_files.into_inner();
        summary.articles = articles.into_inner();
        summary.bytes = bytes.into_inner() as u64;
        if let Ok(list) = skipped.into_inner() {
            summary.skipped.extend(list);
        }
        // Found in parallel: sorted so that the summary does not depend on the threads.
        summary.skipped.sort_by(|a, b| a.path.cmp(&b.path));
        writer.commit()?;
        Ok(())
    })();
    if let Err(err) = result {
        let _ = writer.rollback();
        return Err(err);
    }
    writer.wait_merging_threads()?;
    IndexInfo::current().write(index_path)?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// Whether a file name is one of the index's own: tantivy's segment files, its metadata and
/// lock files, and `newsdex.json`.
fn is_index_file(name: &str) -> bool {
    const EXTENSIONS: &[&str] = &[
        "idx",
        "pos",
        "term",
        "store",
        "fast",
        "fieldnorm",
        "del",
        "json",
        "lock",
    ];
    matches!(name, "meta.json" | ".managed.json" | INFO_FILE)
        || name.starts_with(".tantivy-")
        || name.rsplit_once('.').is_some_and(|(stem, ext)| {
            EXTENSIONS.contains(&ext)
                && stem.len() == 32
                && stem.chars().all(|c| c.is_ascii_hexdigit())
        })
}

/// Removes the index's own files from `index_path`, leaving anything else alone.
fn remove_index_files(index_path: &Path) -> Result<()> {
    let entries = std::fs::read_dir(index_path).map_err(|source| Error::Io {
        path: index_path.to_path_buf(),
        source,
    })?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_index_file(&name) && entry.path().is_file() {
            std::fs::remove_file(entry.path()).map_err(|source| Error::Io {
                path: entry.path(),
                source,
            })?;
        }
    }
    Ok(())
}

/// Builds the tantivy document of an article.
pub fn document(fields: &Fields, article: &Article, extraction: Extraction) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.path, &article.path);
    doc.add_u64(fields.article, article.article as u64);
    doc.add_text(fields.headline, &article.headline);
    if let Some(dateline) = &article.dateline {
        doc.add_text(fields.dateline, dateline);
    }
    if let Some(date) = article.date.as_deref().and_then(date_time) {
        doc.add_date(fields.date, date);
    }
    doc.add_text(fields.body, &article.body);
    for speaker in &extraction.speakers {
        doc.add_text(fields.speaker, speaker);
        doc.add_facet(
            fields.speaker_facet,
            tantivy::schema::Facet::from_path([speaker]),
        );
    }
    for country in &extraction.countries {
        doc.add_text(fields.country, &country.name);
        doc.add_text(fields.country, &country.code);
        doc.add_facet(
            fields.country_facet,
            tantivy::schema::Facet::from_path([country.code.as_str()]),
        );
        if let Some(c) = countries::by_code(&country.code) {
            doc.add_facet(
                fields.region_facet,
                tantivy::schema::Facet::from_path([c.region, c.subregion, c.name]),
            );
        }
    }
    let contexts = quote_contexts(&article.body, &extraction.quotes);
    for context in &contexts {
        doc.add_text(fields.quote, context);
    }
    let record = Record {
        date: article.date.clone(),
        extraction,
        contexts,
    };
    doc.add_text(
        fields.record,
        serde_json::to_string(&record).unwrap_or_default(),
    );
    doc
}

/// The sentences of `body` that hold each quote (quote offsets are in characters).
fn quote_contexts(body: &str, quotes: &[crate::extract::Quote]) -> Vec<String> {
    if quotes.is_empty() {
        return Vec::new();
    }
    let byte_at: Vec<usize> = body
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(body.len()))
        .collect();
    let sentences = crate::snippet::sentences(body);
    quotes
        .iter()
        .map(|quote| {
            let start = byte_at.get(quote.start).copied().unwrap_or(body.len());
            let end = byte_at.get(quote.end).copied().unwrap_or(body.len());
            let from = sentences
                .iter()
                .rev()
                .find(|(s, _)| *s <= start)
                .map_or(start, |(s, _)| *s);
            let to = sentences
                .iter()
                .find(|(_, e)| *e >= end)
                .map_or(end, |(_, e)| *e);
            body.get(from..to.max(from)).unwrap_or("").to_string()
        })
        .collect()
}

/// The term that selects every article of a file (used to replace or delete a file's articles).
pub fn path_term(fields: &Fields, path: &str) -> Term {
    Term::from_field_text(fields.path, path)
}

/// Converts `YYYY-MM-DD` into a tantivy date (midnight UTC).
pub fn date_time(date: &str) -> Option<DateTime> {
    let year: i64 = date.get(0..4)?.parse().ok()?;
    let month: i64 = date.get(5..7)?.parse().ok()?;
    let day: i64 = date.get(8..10)?.parse().ok()?;
    Some(DateTime::from_timestamp_secs(
        days_from_civil(year, month, day) * 86_400,
    ))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::TokenStream;

    fn tokens(text: &str) -> Vec<String> {
        let mut analyzer = analyzer();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn analyzer_stems_and_folds() {
        assert_eq!(tokens("vetoed vetoes veto"), ["veto", "veto", "veto"]);
        assert_eq!(tokens("Sanctions"), ["sanction"]);
        assert_eq!(tokens("Nébenzia"), tokens("Nebenzia"));
    }

    #[test]
    fn dates() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(
            date_time("2022-05-27").map(|d| d.into_timestamp_secs()),
            Some(1_653_609_600)
        );
        assert_eq!(date_time("20x2-05-27"), None);
    }
}
