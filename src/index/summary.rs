/*!
What an indexing run is asked to do ([`IndexOptions`]), what it tells its caller as it goes
([`Observer`]) and what it did ([`Summary`]).
*/
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::ingest::walk::WalkOptions;

/// Default commit interval, in articles and in bytes of article text.
pub const COMMIT_ARTICLES: usize = 50_000;

pub const COMMIT_BYTES: u64 = 32 * 1024 * 1024;

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
    /// Articles cut at [`crate::ingest::read::MAX_ARTICLE_BYTES`].
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
