/*!
The index: its schema, its text analysis, and the indexing run that keeps an index in step with an
archive folder.

One tantivy document per article. Headline and body are analysed with the `news` analyzer
(lower-casing, accent folding, English stemming) so that `veto` finds "vetoed" and `Nebenzia`
finds "Nébenzia". Speakers and countries are stored twice: as facets (`speaker_facet`,
`country_facet`, `region_facet`) for counting and exact filtering, and as analysed text (`speaker`,
`country`) so that the query language can say `speaker:nebenzia`.

# Incremental runs

Every article document also carries its file's size, modification time and content hash (xxh3)
in fast fields. The state of the index is therefore part of its documents and is committed with
them, atomically: there is no side file that could disagree with the index after a crash. A run
reads that state, walks the folder, and
- skips files whose size and modification time are unchanged (without reading them);
- reads the others and compares their hash: a file whose content is unchanged is left alone;
- replaces a changed file's articles (`delete_term` on its path, then the new documents) and adds
  new files;
- deletes the articles of files that are gone.

A modification time within two seconds of the run is not trusted (a file written again within the
same clock tick keeps its size and time): it is recorded as 0, so the next run hashes the file.

# Crash safety

Files are read and extracted in parallel (rayon) and handed, file by file, through a bounded
channel to one thread that feeds tantivy's writer and commits every
[`IndexOptions::commit_articles`] articles or [`IndexOptions::commit_bytes`] bytes of text.
Commits fall only between files, so a commit never holds half of a file's articles, and tantivy
writes `meta.json` atomically: a process killed at any moment leaves the last commit, which the
next run completes. Memory stays bounded: at most a few files wait in the channel and tantivy's
writer flushes segments at its memory budget.

Only one process may update an index: it holds an exclusive lock on `newsdex.lock` in the index
folder for the whole run. Searches do not take that lock and see the last commit.

Next to tantivy's files the index keeps `newsdex.json`, which records the index format and the
extraction version it was built with (see [`IndexInfo`]). An index of another version is never
updated in place: `index` rebuilds it from scratch and `search` asks for a rebuild.
*/

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use tantivy::schema::{
    DateOptions, FacetOptions, Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing,
    TextOptions, FAST, INDEXED, STORED, STRING,
};
use tantivy::{DateTime, Index, IndexWriter, ReloadPolicy, TantivyDocument, Term};

pub mod analyzer;

use crate::error::{Error, Result};
use crate::extract::{self, countries, Extraction, EXTRACTION_VERSION};
use crate::ingest::corpus::{self, Article, Encoding, Found, WalkOptions};
pub use analyzer::{analyzer, ANALYZER};

/// Version of the schema and of the way documents are laid out in it.
pub const FORMAT_VERSION: u32 = 6;
/// The file next to tantivy's that describes the index.
pub const INFO_FILE: &str = "newsdex.json";
/// The lock file that one indexing process holds for the whole run.
pub const LOCK_FILE: &str = "newsdex.lock";
/// Memory budget of tantivy's indexing thread (one: extraction, not indexing, is the costly part,
/// and each thread needs about twice its budget while it writes a segment).
const WRITER_MEMORY_PER_THREAD: usize = 32 * 1024 * 1024;
/// Segments with more documents than this are not merged any further. Merging reads every byte
/// of its segments through mmap, and those pages count in the process's resident memory: capping
/// the inputs (a merge joins up to 8 of them) keeps a run of any size within a few hundred MB.
const MAX_DOCS_BEFORE_MERGE: usize = 10_000;
/// Files larger than this are skipped: an archive file is a few stories, not a database dump.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// Article bodies longer than this are cut (at a line end) before extraction and indexing.
pub const MAX_ARTICLE_BYTES: usize = 1024 * 1024;
/// Default commit interval, in articles and in bytes of article text.
pub const COMMIT_ARTICLES: usize = 50_000;
pub const COMMIT_BYTES: u64 = 32 * 1024 * 1024;
/// How many batches of files (see `Batch`) may wait for the readers and for the writer (bounds
/// memory).
const QUEUE: usize = 16;

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
    /// The file's size in bytes (fast field; the same on every article of the file).
    pub file_size: Field,
    /// The file's modification time in nanoseconds since the epoch, 0 when not to be trusted.
    pub file_mtime: Field,
    /// xxh3 hash of the file's bytes.
    pub file_hash: Field,
    /// The body's MinHash band keys (fast, several values; see [`crate::query::dupes`]).
    pub dup_band: Field,
}

/// What is stored per article besides its text: the extraction and the date as written.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Record {
    pub date: Option<String>,
    #[serde(flatten)]
    pub extraction: Extraction,
    /// For each quote, the byte range of the body's sentences that hold it (kept as ranges:
    /// the body is stored already).
    #[serde(default)]
    pub contexts: Vec<(usize, usize)>,
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
        path: builder.add_text_field("path", STRING | STORED | FAST),
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
        file_size: builder.add_u64_field("file_size", NumericOptions::default().set_fast()),
        file_mtime: builder.add_i64_field("file_mtime", NumericOptions::default().set_fast()),
        file_hash: builder.add_u64_field("file_hash", NumericOptions::default().set_fast()),
        dup_band: builder.add_u64_field("dup_band", NumericOptions::default().set_fast()),
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
        file_size: get("file_size")?,
        file_mtime: get("file_mtime")?,
        file_hash: get("file_hash")?,
        dup_band: get("dup_band")?,
    })
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
#[derive(Clone, Debug)]
pub struct IndexOptions {
    pub walk: WalkOptions,
    /// Start from an empty index.
    pub rebuild: bool,
    /// Commit after this many articles ...
    pub commit_articles: usize,
    /// ... or this many bytes of article text, whichever comes first.
    pub commit_bytes: u64,
}

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions {
            walk: WalkOptions::default(),
            rebuild: false,
            commit_articles: COMMIT_ARTICLES,
            commit_bytes: COMMIT_BYTES,
        }
    }
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
    /// Files whose articles the index holds after the run.
    pub files: usize,
    /// Articles the index holds after the run.
    pub articles: usize,
    /// New files indexed by this run.
    pub added: usize,
    /// Changed files whose articles this run replaced.
    pub updated: usize,
    /// Files gone from the folder (or no longer articles) whose articles this run deleted.
    pub removed: usize,
    /// Files left as they were.
    pub unchanged: usize,
    /// Files read and indexed that were not clean UTF-8 (decoded from another encoding).
    pub decoded: usize,
    /// Articles cut at [`MAX_ARTICLE_BYTES`].
    pub truncated: usize,
    /// Bytes of files read by this run.
    pub bytes: u64,
    /// Commits made by this run.
    pub commits: usize,
    pub skipped: Vec<Skipped>,
    pub elapsed: Duration,
}

impl Summary {
    /// Files that could not be read (I/O errors), as opposed to files skipped by a rule.
    pub fn unreadable(&self) -> usize {
        self.skipped.iter().filter(|s| s.unreadable).count()
    }
}

/// What an indexing run tells its caller as it goes (problems, progress). All methods do nothing
/// by default.
pub trait Observer: Sync {
    /// A file was skipped; called as it happens.
    fn skipped(&self, _skipped: &Skipped) {}
    /// Whether to count the files before the run (a second walk of the folder) and call
    /// [`Observer::started`] with the count.
    fn wants_total(&self) -> bool {
        false
    }
    /// This many files (and bytes, when known; 0 otherwise) are to be checked.
    fn started(&self, _files: u64, _bytes: u64) {}
    /// This many more files and bytes were checked.
    fn advanced(&self, _files: u64, _bytes: u64) {}
    /// Something the user should know about a file that was indexed (an article was cut).
    fn note(&self, _path: &Path, _note: &str) {}
}

impl<F: Fn(&Skipped) + Sync> Observer for F {
    fn skipped(&self, skipped: &Skipped) {
        self(skipped)
    }
}

/// Reads one file into articles. `Err` carries the reason and whether it was an I/O error.
pub fn read_articles(
    path: &Path,
    relative: &str,
) -> std::result::Result<Vec<Article>, (String, bool)> {
    let bytes = read_file(path).map_err(|e| (e.to_string(), true))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err((too_large(bytes.len() as u64), false));
    }
    let (text, _) = corpus::decode_owned(bytes).map_err(|reason| (reason, false))?;
    articles_of(relative, &text).map_err(|reason| (reason, false))
}

fn too_large(size: u64) -> String {
    format!(
        "too large ({:.1} MB; newsdex reads files up to {} MB)",
        size as f64 / 1e6,
        MAX_FILE_BYTES / (1024 * 1024)
    )
}

/// Reads at most [`MAX_FILE_BYTES`] + 1 bytes of a file.
fn read_file(path: &Path) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Splits decoded text into articles; refuses text with nothing in it.
fn articles_of(relative: &str, text: &str) -> std::result::Result<Vec<Article>, String> {
    if text.trim().is_empty() {
        return Err("empty file".to_string());
    }
    let articles = corpus::split_articles(relative, text);
    if articles.is_empty() {
        return Err("no article in the file".to_string());
    }
    Ok(articles)
}

/// What the index records about one file (on each of its articles).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct FileState {
    size: u64,
    /// Nanoseconds since the epoch; 0 when it is not to be trusted.
    mtime: i64,
    hash: u64,
    articles: usize,
}

/// Reads the per-file state of the last commit from the fast fields of the live documents.
fn load_state(
    index: &Index,
    fields: &Fields,
    index_path: &Path,
) -> Result<HashMap<String, FileState>> {
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()?;
    let searcher = reader.searcher();
    let schema = index.schema();
    let name = |field: Field| schema.get_field_name(field).to_string();
    let mut state: HashMap<String, FileState> = HashMap::new();
    for segment in searcher.segment_readers() {
        let fast = segment.fast_fields();
        let Some(paths) = fast.str(&name(fields.path))? else {
            continue;
        };
        let sizes = fast.u64(&name(fields.file_size))?;
        let mtimes = fast.i64(&name(fields.file_mtime))?;
        let hashes = fast.u64(&name(fields.file_hash))?;
        // The paths in ordinal order, read in one pass over the column's dictionary (looking
        // each ordinal up on its own decompresses a dictionary block per document).
        let io_error = |source| Error::Io {
            path: index_path.to_path_buf(),
            source,
        };
        let mut names: Vec<String> = Vec::with_capacity(paths.num_terms());
        let mut stream = paths.dictionary().stream().map_err(io_error)?;
        while stream.advance() {
            names.push(String::from_utf8_lossy(stream.key()).into_owned());
        }
        for doc in segment.doc_ids_alive() {
            let Some(path) = paths
                .term_ords(doc)
                .next()
                .and_then(|ord| names.get(ord as usize))
            else {
                continue;
            };
            let file = FileState {
                size: sizes.first(doc).unwrap_or(0),
                mtime: mtimes.first(doc).unwrap_or(0),
                hash: hashes.first(doc).unwrap_or(0),
                articles: 0,
            };
            let entry = state.entry(path.clone()).or_insert(file);
            entry.articles += 1;
        }
    }
    Ok(state)
}

/// Size and modification time of a file, as recorded in the index.
fn stat(path: &Path, trusted_before: i64) -> std::io::Result<(u64, i64)> {
    let meta = std::fs::metadata(path)?;
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map(|d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
        .unwrap_or(0);
    // A file modified within the last two seconds may change again within the same clock tick
    // without changing size or time: do not let the next run trust its time.
    let mtime = if mtime >= trusted_before { 0 } else { mtime };
    Ok((meta.len(), mtime))
}

/// A file the run has to read.
struct Todo {
    path: PathBuf,
    relative: String,
    size: u64,
    mtime: i64,
    previous: Option<FileState>,
}

/// What reading and extracting one file gave.
enum Outcome {
    /// The content hash matches the index: nothing to do.
    Unchanged { bytes: u64 },
    /// The file's new documents.
    Documents {
        relative: String,
        path: PathBuf,
        docs: Vec<TantivyDocument>,
        text_bytes: u64,
        bytes: u64,
        encoding: Encoding,
        truncated: usize,
    },
    /// The file is gone (it vanished between the walk and the read).
    Vanished { relative: String, path: PathBuf },
    Skipped {
        relative: String,
        skipped: Skipped,
        bytes: u64,
    },
}

/// Reads, hashes, decodes, splits and extracts one file.
fn process(fields: &Fields, todo: &Todo) -> Outcome {
    let skip = |reason: String, unreadable: bool, bytes: u64| Outcome::Skipped {
        relative: todo.relative.clone(),
        skipped: Skipped {
            path: todo.path.clone(),
            reason,
            unreadable,
        },
        bytes,
    };
    if todo.size > MAX_FILE_BYTES {
        return skip(too_large(todo.size), false, 0);
    }
    let bytes = match read_file(&todo.path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Outcome::Vanished {
                relative: todo.relative.clone(),
                path: todo.path.clone(),
            }
        }
        Err(e) => return skip(e.to_string(), true, 0),
    };
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return skip(too_large(size), false, 0);
    }
    let hash = xxhash_rust::xxh3::xxh3_64(&bytes);
    if todo
        .previous
        .is_some_and(|p| p.hash == hash && p.size == size)
    {
        return Outcome::Unchanged { bytes: size };
    }
    let (text, encoding) = match corpus::decode_owned(bytes) {
        Ok(decoded) => decoded,
        Err(reason) => return skip(reason, false, size),
    };
    let mut articles = match articles_of(&todo.relative, &text) {
        Ok(articles) => articles,
        Err(reason) => return skip(reason, false, size),
    };
    drop(text);
    let mut truncated = 0;
    let mut text_bytes = 0;
    let mut docs = Vec::with_capacity(articles.len());
    for article in &mut articles {
        if truncate_body(&mut article.body) {
            truncated += 1;
        }
        text_bytes += (article.headline.len() + article.body.len()) as u64;
        let mut doc = document(fields, article, extract::extract(article));
        doc.add_u64(fields.file_size, size);
        doc.add_i64(fields.file_mtime, todo.mtime);
        doc.add_u64(fields.file_hash, hash);
        docs.push(doc);
    }
    Outcome::Documents {
        relative: todo.relative.clone(),
        path: todo.path.clone(),
        docs,
        text_bytes,
        bytes: size,
        encoding,
        truncated,
    }
}

/// Cuts a body longer than [`MAX_ARTICLE_BYTES`] at its last line end before the limit.
fn truncate_body(body: &mut String) -> bool {
    if body.len() <= MAX_ARTICLE_BYTES {
        return false;
    }
    let mut cut = MAX_ARTICLE_BYTES;
    while !body.is_char_boundary(cut) {
        cut -= 1;
    }
    if let Some(line_end) = body[..cut].rfind('\n') {
        if line_end > 0 {
            cut = line_end;
        }
    }
    body.truncate(cut);
    true
}

/// The exclusive lock one indexing process holds on an index folder.
struct RunLock {
    _file: std::fs::File,
}

impl RunLock {
    fn acquire(index_path: &Path) -> Result<RunLock> {
        use fs4::fs_std::FileExt;
        let path = index_path.join(LOCK_FILE);
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
        match file.try_lock_exclusive() {
            Ok(true) => Ok(RunLock { _file: file }),
            Ok(false) => Err(Error::Locked {
                path: index_path.to_path_buf(),
            }),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => Err(Error::Locked {
                path: index_path.to_path_buf(),
            }),
            Err(source) => Err(Error::Io { path, source }),
        }
    }
}

/// Opens the index at `index_path` for an update, creating it (or re-creating it, when asked to
/// or when it was built by another version) as needed.
fn open_for_update(index_path: &Path, rebuild: bool) -> Result<(Index, Fields)> {
    let foreign =
        exists(index_path) && matches!(open(index_path), Err(Error::IncompatibleIndex { .. }));
    if rebuild || foreign {
        // An index of another layout is never updated in place: documents of two extraction
        // versions must not mix. The user's own files in the folder stay.
        remove_index_files(index_path)?;
    }
    if exists(index_path) {
        return open(index_path);
    }
    let (schema, fields) = schema();
    let index = Index::builder()
        .schema(schema)
        .settings(settings())
        .create_in_dir(index_path)?;
    register_analyzer(&index);
    // Written at once, so that a run killed before its first commit leaves an empty index of
    // this version rather than one that looks foreign.
    IndexInfo::current().write(index_path)?;
    Ok((index, fields))
}

/// What the walk leaves for the writer once it is done.
struct Walked {
    /// Files in the index that the walk did not find.
    unseen: HashMap<String, FileState>,
    /// Folders the walk could not read.
    unreadable_dirs: Vec<PathBuf>,
    /// Links and unreadable folders.
    skipped: Vec<Skipped>,
    /// Files whose size and modification time match the index, and their articles.
    unchanged_files: usize,
    unchanged_articles: usize,
}

/// Sorts the walk into files to read (sent to `todo` as they are found) and files known to be
/// unchanged; what is left of `state` afterwards is the index's files the walk did not find.
fn classify(
    walk: corpus::Walk,
    mut state: HashMap<String, FileState>,
    trusted_before: i64,
    vanish: &[String],
    root: &Path,
    observer: &dyn Observer,
    todo: &mpsc::SyncSender<Vec<Todo>>,
) -> Walked {
    let mut batch = Batch::default();
    let mut walked = Walked {
        unseen: HashMap::new(),
        unreadable_dirs: Vec::new(),
        skipped: Vec::new(),
        unchanged_files: 0,
        unchanged_articles: 0,
    };
    let skip = |walked: &mut Walked, skipped: Skipped| {
        observer.skipped(&skipped);
        walked.skipped.push(skipped);
    };
    for found in walk {
        match found {
            Found::File { path, relative } => {
                let previous = state.remove(&relative);
                let (size, mtime) = match stat(&path, trusted_before) {
                    Ok((size, mtime)) => {
                        if let Some(p) =
                            previous.filter(|p| p.size == size && p.mtime == mtime && mtime != 0)
                        {
                            walked.unchanged_files += 1;
                            walked.unchanged_articles += p.articles;
                            observer.advanced(1, 0);
                            continue;
                        }
                        (size, mtime)
                    }
                    // Gone since the walk listed it: read it anyway and let `process` say so.
                    Err(_) => (0, 0),
                };
                if vanish.contains(&relative) {
                    let _ = std::fs::remove_file(root.join(&relative));
                }
                let item = Todo {
                    path,
                    relative,
                    size,
                    mtime,
                    previous,
                };
                if let Some(full) = batch.push(item) {
                    if todo.send(full).is_err() {
                        // The writer stopped: the run is failing.
                        return walked;
                    }
                }
            }
            Found::Link { path } => skip(
                &mut walked,
                Skipped {
                    path,
                    reason: "symbolic link; not followed".to_string(),
                    unreadable: false,
                },
            ),
            Found::Problem { path, reason } => {
                walked.unreadable_dirs.push(path.clone());
                skip(
                    &mut walked,
                    Skipped {
                        path,
                        reason,
                        unreadable: true,
                    },
                );
            }
        }
    }
    if !batch.files.is_empty() {
        let _ = todo.send(batch.files);
    }
    walked.unseen = state;
    walked
}

/// The threads that read and extract files: one per core, named, and on Linux at a lower
/// scheduling priority than the rest of the process.
///
/// The one tantivy indexing thread is the critical path of a run (it does more work than either
/// extraction thread), and tantivy queues up to 10,000 documents for it. At equal priority the
/// extraction threads, running ahead into that queue, took a third of its core; the run then
/// ended with the indexing thread working through the queue alone on one core while the other
/// idled. Yielding to it keeps both cores busy to the end: `index` on the 22,884-article
/// archive 2.94 s -> 2.50-2.57 s, with less memory (the queue stays short). On a large archive,
/// where the queue is full most of the time anyway, it makes no difference (1M articles: 119.9 s
/// vs 118.1 s). `None` when the pool cannot be built (the global pool is used then).
fn extraction_pool() -> Option<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("newsdex-extract-{i}"))
        .start_handler(|_| yield_to_indexing())
        .build()
        .ok()
}

/// How much lower the extraction threads' priority is (a `nice` increment: raising one's own
/// niceness needs no privilege, and a process started with `nice` stays as nice or nicer).
const EXTRACTION_NICENESS: i32 = 10;

#[cfg(target_os = "linux")]
fn yield_to_indexing() {
    // SAFETY: `nice` only reads its integer argument. On Linux it adjusts the calling thread
    // alone (threads have their own nice values), so this lowers this extraction thread only. A
    // failure leaves the priority as it was, which is harmless.
    unsafe {
        libc::nice(EXTRACTION_NICENESS);
    }
}

/// Elsewhere `nice` would lower the whole process, the indexing thread included: the
/// threads keep the process's priority.
#[cfg(not(target_os = "linux"))]
fn yield_to_indexing() {}

/// Files travel between the walk, the readers and the writer in batches: one message (and one
/// thread wake-up) per file cost a sixth of the CPU time of a run on small files.
#[derive(Default)]
struct Batch {
    files: Vec<Todo>,
    bytes: u64,
}

impl Batch {
    const FILES: usize = 32;
    const BYTES: u64 = 1024 * 1024;

    /// Adds a file; returns the batch when it is full.
    fn push(&mut self, todo: Todo) -> Option<Vec<Todo>> {
        self.bytes += todo.size;
        self.files.push(todo);
        if self.files.len() >= Self::FILES || self.bytes >= Self::BYTES {
            self.bytes = 0;
            return Some(std::mem::take(&mut self.files));
        }
        None
    }
}

/// Test hook: `NEWSDEX_TEST_VANISH=a.txt,b/c.txt` deletes those files (relative to the archive)
/// right after the walk found them, so that a test can make a file disappear mid-run
/// deterministically.
const VANISH_HOOK: &str = "NEWSDEX_TEST_VANISH";

/// Brings the index at `index_path` in step with the archive under `root` (see the module
/// documentation for how).
///
/// Problems with single files are passed to `observer` as they happen and counted in the summary;
/// they never stop the run. Errors of the index itself abort the run and roll back what was not
/// committed.
///
/// # Errors
///
/// [`Error::NotADirectory`] when `root` is not a folder, [`Error::Locked`] when another process
/// is updating the index, and I/O or index errors.
pub fn build(
    root: &Path,
    index_path: &Path,
    options: &IndexOptions,
    observer: &dyn Observer,
) -> Result<Summary> {
    let started = Instant::now();
    if !root.is_dir() {
        return Err(Error::NotADirectory(root.to_path_buf()));
    }
    std::fs::create_dir_all(index_path).map_err(|source| Error::Io {
        path: index_path.to_path_buf(),
        source,
    })?;
    let _lock = RunLock::acquire(index_path)?;
    let (index, fields) = open_for_update(index_path, options.rebuild)?;
    let writer_options = tantivy::indexer::IndexWriterOptions::builder()
        .memory_budget_per_thread(WRITER_MEMORY_PER_THREAD)
        .num_worker_threads(1)
        .num_merge_threads(1)
        .build();
    let writer = index.writer_with_options(writer_options);
    let mut writer: IndexWriter = writer.map_err(|e| match e {
        tantivy::TantivyError::LockFailure(..) => Error::Locked {
            path: index_path.to_path_buf(),
        },
        other => Error::Tantivy(other),
    })?;
    let mut merge_policy = tantivy::indexer::LogMergePolicy::default();
    merge_policy.set_max_docs_before_merge(MAX_DOCS_BEFORE_MERGE);
    writer.set_merge_policy(Box::new(merge_policy));
    let state = load_state(&index, &fields, index_path)?;

    let mut summary = Summary::default();
    if observer.wants_total() {
        let files = corpus::walk_iter(root, &options.walk)?
            .filter(|found| matches!(found, Found::File { .. }))
            .count();
        observer.started(files as u64, 0);
    }
    let walk = corpus::walk_iter(root, &options.walk)?;
    let vanish: Vec<String> = std::env::var_os(VANISH_HOOK)
        .map(|list| {
            list.to_string_lossy()
                .split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    let trusted_before = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
        .unwrap_or(0)
        - 2_000_000_000;
    let skip = |summary: &mut Summary, skipped: Skipped| {
        observer.skipped(&skipped);
        summary.skipped.push(skipped);
    };
    // Files and articles the run leaves as they are.
    let mut kept_files = 0usize;
    let mut kept_articles = 0usize;

    let result = (|| -> Result<()> {
        let mut pending_articles = 0usize;
        let mut pending_bytes = 0u64;
        // The walk, the readers and the writer run at the same time, joined by bounded
        // channels: the walk classifies each file against the index's state as it finds it,
        // rayon reads and extracts, this thread feeds tantivy. No list of the archive's files is
        // held in memory.
        let (work_sender, work_receiver) = mpsc::sync_channel::<Vec<Todo>>(QUEUE);
        let (sender, receiver) = mpsc::sync_channel::<Vec<(Option<FileState>, Outcome)>>(QUEUE);
        std::thread::scope(|scope| -> Result<()> {
            let fields = &fields;
            let vanish = &vanish;
            let walker = scope.spawn(move || {
                classify(
                    walk,
                    state,
                    trusted_before,
                    vanish,
                    root,
                    observer,
                    &work_sender,
                )
            });
            scope.spawn(move || {
                let extract = move || {
                    // Ends early when the receiver is gone (the writer failed).
                    let _ = work_receiver.into_iter().par_bridge().try_for_each_with(
                        sender,
                        |sender, batch| {
                            let done = batch
                                .iter()
                                .map(|todo| (todo.previous, process(fields, todo)))
                                .collect();
                            sender.send(done).map_err(drop)
                        },
                    );
                };
                match extraction_pool() {
                    Some(pool) => pool.install(extract),
                    None => extract(),
                }
            });
            for (previous, outcome) in receiver.iter().flatten() {
                match outcome {
                    Outcome::Unchanged { bytes } => {
                        summary.unchanged += 1;
                        if let Some(p) = previous {
                            kept_files += 1;
                            kept_articles += p.articles;
                        }
                        observer.advanced(1, bytes);
                    }
                    Outcome::Documents {
                        relative,
                        path,
                        docs,
                        text_bytes,
                        bytes,
                        encoding,
                        truncated,
                    } => {
                        if previous.is_some() {
                            writer.delete_term(path_term(fields, &relative));
                            summary.updated += 1;
                        } else {
                            summary.added += 1;
                        }
                        if encoding.is_converted() {
                            summary.decoded += 1;
                        }
                        if truncated > 0 {
                            summary.truncated += truncated;
                            observer.note(
                                &path,
                                &format!(
                                    "{truncated} article(s) longer than {} MB cut",
                                    MAX_ARTICLE_BYTES / (1024 * 1024)
                                ),
                            );
                        }
                        let count = docs.len();
                        for doc in docs {
                            writer.add_document(doc)?;
                        }
                        summary.files += 1;
                        summary.articles += count;
                        summary.bytes += bytes;
                        pending_articles += count;
                        pending_bytes += text_bytes;
                        observer.advanced(1, bytes);
                    }
                    Outcome::Vanished { relative, path } => {
                        if previous.is_some() {
                            writer.delete_term(path_term(fields, &relative));
                            summary.removed += 1;
                        }
                        skip(
                            &mut summary,
                            Skipped {
                                path,
                                reason: "vanished during the run".to_string(),
                                unreadable: false,
                            },
                        );
                        observer.advanced(1, 0);
                    }
                    Outcome::Skipped {
                        relative,
                        skipped,
                        bytes,
                    } => {
                        match previous {
                            // A file that cannot be read now keeps the articles it had.
                            Some(p) if skipped.unreadable => {
                                kept_files += 1;
                                kept_articles += p.articles;
                            }
                            // A file that is no longer an article loses them.
                            Some(_) => {
                                writer.delete_term(path_term(fields, &relative));
                                summary.removed += 1;
                            }
                            None => {}
                        }
                        summary.bytes += bytes;
                        skip(&mut summary, skipped);
                        observer.advanced(1, bytes);
                    }
                }
                if pending_articles >= options.commit_articles.max(1)
                    || pending_bytes >= options.commit_bytes.max(1)
                {
                    writer.commit()?;
                    summary.commits += 1;
                    pending_articles = 0;
                    pending_bytes = 0;
                }
            }
            let walked = walker.join().map_err(|_| Error::Io {
                path: root.to_path_buf(),
                source: std::io::Error::other("the walk of the archive stopped"),
            })?;
            // Links and unreadable folders, told to the observer as the walk met them.
            summary.skipped.extend(walked.skipped);
            summary.unchanged += walked.unchanged_files;
            kept_files += walked.unchanged_files;
            kept_articles += walked.unchanged_articles;
            // Files of the index that the walk did not find are gone, unless they sit below a
            // folder the walk could not read: those are kept as they are.
            for (relative, file) in walked.unseen {
                let below_problem = walked
                    .unreadable_dirs
                    .iter()
                    .any(|dir| root.join(&relative).starts_with(dir));
                if below_problem {
                    summary.unchanged += 1;
                    kept_files += 1;
                    kept_articles += file.articles;
                } else {
                    writer.delete_term(path_term(fields, &relative));
                    summary.removed += 1;
                }
            }
            Ok(())
        })?;
        // Nothing to commit when nothing changed (the common re-run of an unchanged archive).
        if summary.added + summary.updated + summary.removed > 0 || options.rebuild {
            writer.commit()?;
            summary.commits += 1;
        }
        Ok(())
    })();
    if let Err(err) = result {
        let _ = writer.rollback();
        return Err(err);
    }
    writer.wait_merging_threads()?;
    if summary.commits > 0 {
        IndexInfo::current().write(index_path)?;
    }
    summary.files += kept_files;
    summary.articles += kept_articles;
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
    for key in crate::query::dupes::band_keys(&article.body) {
        doc.add_u64(fields.dup_band, key);
    }
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
    // Each stretch of the body indexed once: quotes in one sentence share their context, and
    // the contexts of neighbouring quotes overlap.
    for (from, to) in merged_ranges(&contexts) {
        doc.add_text(fields.quote, article.body.get(from..to).unwrap_or(""));
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

/// The byte ranges of the sentences of `body` that hold each quote (quote offsets are in
/// characters).
fn quote_contexts(body: &str, quotes: &[crate::extract::Quote]) -> Vec<(usize, usize)> {
    if quotes.is_empty() {
        return Vec::new();
    }
    let mut wanted: Vec<usize> = quotes.iter().flat_map(|q| [q.start, q.end]).collect();
    wanted.sort_unstable();
    wanted.dedup();
    let bytes = byte_offsets(body, &wanted);
    let byte_at = |char_offset: usize| {
        wanted
            .binary_search(&char_offset)
            .ok()
            .and_then(|i| bytes.get(i).copied())
            .unwrap_or(body.len())
    };
    let sentences = crate::query::snippet::sentences(body);
    quotes
        .iter()
        .map(|quote| {
            let start = byte_at(quote.start);
            let end = byte_at(quote.end);
            let from = sentences
                .iter()
                .rev()
                .find(|(s, _)| *s <= start)
                .map_or(start, |(s, _)| *s);
            let to = sentences
                .iter()
                .find(|(_, e)| *e >= end)
                .map_or(end, |(_, e)| *e);
            clamp_context(body, from, to.max(from), start, end)
        })
        .collect()
}

/// The union of byte ranges, as sorted disjoint ranges (touching ranges joined).
fn merged_ranges(ranges: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut sorted = ranges.to_vec();
    sorted.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(sorted.len());
    for (from, to) in sorted {
        match merged.last_mut() {
            Some(last) if from <= last.1 => last.1 = last.1.max(to),
            _ => merged.push((from, to)),
        }
    }
    merged
}

/// The byte offsets of the character offsets `chars` (sorted) in `text`, in one pass over the
/// text up to the last of them; offsets past the end give `text.len()`.
fn byte_offsets(text: &str, chars: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(chars.len());
    let mut wanted = chars.iter().copied().peekable();
    for (n, (b, _)) in text.char_indices().enumerate() {
        while wanted.next_if(|&c| c == n).is_some() {
            out.push(b);
        }
        if wanted.peek().is_none() {
            return out;
        }
    }
    out.resize(chars.len(), text.len());
    out
}

/// The longest quote context kept, in bytes. A "sentence" can be a whole paragraph of a
/// badly punctuated file (one 300 KB line with thousands of quotes would otherwise store
/// thousands of copies of itself).
const MAX_CONTEXT: usize = 2_000;

/// Narrows a context `from..to` around the quote `start..end` to at most [`MAX_CONTEXT`] bytes,
/// on character boundaries.
fn clamp_context(body: &str, from: usize, to: usize, start: usize, end: usize) -> (usize, usize) {
    if to - from <= MAX_CONTEXT {
        return (from, to);
    }
    let floor = |mut i: usize| {
        i = i.min(body.len());
        while !body.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let from = floor(from.max(start.saturating_sub(MAX_CONTEXT / 4)));
    let to = floor(
        to.min(end.saturating_add(MAX_CONTEXT / 4))
            .min(from + MAX_CONTEXT),
    );
    (from, to.max(from))
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
        crate::ingest::dates::Day::from_civil(year, month, day).timestamp(),
    ))
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
    fn long_bodies_are_cut_at_a_line_end() {
        let line = "x".repeat(999) + "\n";
        let mut body = line.repeat(2_000);
        assert!(truncate_body(&mut body));
        assert!(body.len() <= MAX_ARTICLE_BYTES);
        assert!(body.ends_with('x'));
        assert_eq!(body.len() % 1000, 999);
        let mut short = "short body".to_string();
        assert!(!truncate_body(&mut short));
        // One long line of multi-byte characters: cut on a character boundary.
        let mut wide = "é".repeat(MAX_ARTICLE_BYTES);
        assert!(truncate_body(&mut wide));
        assert!(wide.len() <= MAX_ARTICLE_BYTES && wide.chars().all(|c| c == 'é'));
    }

    #[test]
    fn overlapping_contexts_are_indexed_once() {
        assert_eq!(
            merged_ranges(&[(10, 20), (0, 5), (10, 20), (15, 30), (30, 32), (40, 41)]),
            [(0, 5), (10, 32), (40, 41)]
        );
        assert!(merged_ranges(&[]).is_empty());
    }

    #[test]
    fn char_offsets_become_byte_offsets() {
        let text = "a\u{e9}b\u{201c}c";
        assert_eq!(
            byte_offsets(text, &[0, 1, 2, 3, 4, 5, 9]),
            [0, 1, 3, 4, 7, 8, 8]
        );
        assert_eq!(byte_offsets(text, &[]), Vec::<usize>::new());
        assert_eq!(byte_offsets("", &[0]), [0]);
    }

    #[test]
    fn quote_contexts_are_capped() {
        let body = "ä".repeat(10_000);
        let (from, to) = clamp_context(&body, 0, body.len(), 8_001, 8_101);
        assert!(to - from <= MAX_CONTEXT);
        assert!(from <= 8_001 && to >= 8_101);
        assert!(body.get(from..to).is_some());
        assert_eq!(clamp_context(&body, 10, 20, 12, 14), (10, 20));
    }

    #[test]
    fn dates() {
        assert_eq!(crate::ingest::dates::Day::from_civil(1970, 1, 1).0, 0);
        assert_eq!(crate::ingest::dates::Day::from_civil(2000, 3, 1).0, 11_017);
        assert_eq!(
            date_time("2022-05-27").map(|d| d.into_timestamp_secs()),
            Some(1_653_609_600)
        );
        assert_eq!(date_time("20x2-05-27"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn extraction_threads_run_nicer_than_the_caller_and_only_they_do() {
        // SAFETY: `getpriority` only reads its integer arguments (this thread's nice value).
        let niceness = || unsafe { libc::getpriority(libc::PRIO_PROCESS, 0) };
        let caller = niceness();
        let pool = extraction_pool().expect("the extraction pool");
        let names: Vec<(i32, Option<String>)> = pool.broadcast(|_| {
            let name = std::thread::current().name().map(str::to_string);
            (niceness(), name)
        });
        assert_eq!(names.len(), pool.current_num_threads());
        for (nice, name) in names {
            assert_eq!(nice, (caller + EXTRACTION_NICENESS).min(19));
            assert!(name.is_some_and(|n| n.starts_with("newsdex-extract-")));
        }
        assert_eq!(niceness(), caller, "the calling thread keeps its priority");
    }
}
