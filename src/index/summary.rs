/*!
What an indexing run is asked to do ([`UpdateRequest`], [`IndexOptions`]), what it tells its caller as it goes
([`Observer`]) and what it did ([`Summary`]).
*/
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::ingest::metadata::BadLine;
use crate::ingest::walk::WalkOptions;

/// Default commit interval, in articles and in bytes of article text.
pub const COMMIT_ARTICLES: usize = 50_000;

pub const COMMIT_BYTES: u64 = 32 * 1024 * 1024;

/// A folder to add to an index, or to update in it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RootRequest {
    pub path: PathBuf,
    /// The root's short name (default: the folder's name, made unique).
    pub name: Option<String>,
    /// A sidecar metadata file for it (default: `metadata.jsonl`, `.csv` or `.tsv` at its top).
    pub metadata: Option<PathBuf>,
    /// Extensions to read besides the default ones (kept for later runs).
    pub extensions: Vec<String>,
}

impl RootRequest {
    /// The folder at `path`, with the default name and metadata.
    pub fn new(path: impl Into<PathBuf>) -> RootRequest {
        RootRequest {
            path: path.into(),
            ..RootRequest::default()
        }
    }
}

/// What an indexing run is to bring up to date. With no folder and no removal: every root the
/// index records.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UpdateRequest {
    /// Folders to add or update (a folder the index records is updated, any other added).
    pub folders: Vec<RootRequest>,
    /// Roots to remove with all their articles, by name or folder.
    pub remove: Vec<String>,
}

/// Options of an indexing run.
#[derive(Clone, Debug)]
pub struct IndexOptions {
    /// How folders are walked (the extensions of every root; a root's own are added).
    pub walk: WalkOptions,
    /// Start from an empty index (every recorded root is indexed again).
    pub rebuild: bool,
    /// Let a run remove every article of a root whose folder is now empty or missing (without
    /// it such a run is refused: a wrong path or an unmounted disk is likelier than an intent).
    pub yes: bool,
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
            yes: false,
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
    /// Articles cut at [`crate::ingest::read::MAX_ARTICLE_BYTES`].
    pub truncated: usize,
    /// Bytes of files read by this run.
    pub bytes: u64,
    /// Commits made by this run.
    pub commits: usize,
    pub skipped: Vec<Skipped>,
    /// Files whose sidecar metadata changed and was applied again (their text unchanged).
    pub reapplied: usize,
    /// Lines of sidecars and JSON-lines exports reported and skipped.
    pub bad_lines: Vec<BadLine>,
    /// The roots this run indexed, by name.
    pub roots: Vec<String>,
    /// Roots removed with all their articles.
    pub removed_roots: Vec<RemovedRoot>,
    pub elapsed: Duration,
}

/// A root removed with its articles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemovedRoot {
    pub name: String,
    pub files: usize,
    pub articles: usize,
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
    /// A line of a sidecar or an export was skipped (in part or whole); called as it happens.
    fn bad_line(&self, _bad: &BadLine) {}
}

impl<F: Fn(&Skipped) + Sync> Observer for F {
    fn skipped(&self, skipped: &Skipped) {
        self(skipped)
    }
}
