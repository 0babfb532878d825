/*!
The incremental state: what the index records about each file of each root (size, modification
time, content hash, sidecar fingerprint, in fast fields committed with the documents), and sorting a walk of the archive into files
to read and files known to be unchanged.
*/
use crate::ingest::walk;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::UNIX_EPOCH;

use tantivy::schema::Field;
use tantivy::{Index, ReloadPolicy, Searcher};

use super::schema::Fields;
use super::summary::{Observer, Skipped};
use crate::error::{Error, Result};
use crate::ingest::metadata::Sidecar;
use crate::ingest::walk::Found;

/// What the index records about one file (on each of its articles).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FileState {
    pub(crate) size: u64,
    /// Nanoseconds since the epoch; 0 when it is not to be trusted.
    mtime: i64,
    pub(crate) hash: u64,
    /// The fingerprint of the sidecar entry applied to it, 0 for none.
    pub(crate) meta_hash: u64,
    pub(crate) articles: usize,
}

/// The files of each root, by root name and then path relative to the root.
pub(crate) type State = HashMap<String, HashMap<String, FileState>>;

/// Reads the per-file state of the last commit from the fast fields of the live documents.
pub(crate) fn load_state(searcher: &Searcher, fields: &Fields, index_path: &Path) -> Result<State> {
    let schema = searcher.schema();
    let name = |field: Field| schema.get_field_name(field).to_string();
    let mut state: State = HashMap::new();
    for segment in searcher.segment_readers() {
        let fast = segment.fast_fields();
        let Some(files) = fast.str(&name(fields.file))? else {
            continue;
        };
        let sizes = fast.u64(&name(fields.file_size))?;
        let mtimes = fast.i64(&name(fields.file_mtime))?;
        let hashes = fast.u64(&name(fields.file_hash))?;
        let meta_hashes = fast.u64(&name(fields.meta_hash))?;
        // The files in ordinal order, read in one pass over the column's dictionary (looking
        // each ordinal up on its own decompresses a dictionary block per document).
        let io_error = |source| Error::Io {
            path: index_path.to_path_buf(),
            source,
        };
        let mut names: Vec<(String, String)> = Vec::with_capacity(files.num_terms());
        let mut stream = files.dictionary().stream().map_err(io_error)?;
        while stream.advance() {
            let key = String::from_utf8_lossy(stream.key());
            let (root, path) = key.split_once('/').unwrap_or(("", &key));
            names.push((root.to_string(), path.to_string()));
        }
        for doc in segment.doc_ids_alive() {
            let Some((root, path)) = files
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
                meta_hash: meta_hashes.first(doc).unwrap_or(0),
                articles: 0,
            };
            let entry = state
                .entry(root.clone())
                .or_default()
                .entry(path.clone())
                .or_insert(file);
            entry.articles += 1;
        }
    }
    Ok(state)
}

/// A file's state for tests elsewhere in the stage.
#[cfg(test)]
pub(crate) fn tests_file_state(articles: usize) -> FileState {
    FileState {
        size: 1,
        mtime: 1,
        hash: 1,
        meta_hash: 0,
        articles,
    }
}

/// A searcher on the last commit (the run's view of what the index holds).
pub(crate) fn last_commit(index: &Index) -> Result<Searcher> {
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()?;
    Ok(reader.searcher())
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
pub(crate) struct Todo {
    pub(crate) path: PathBuf,
    pub(crate) relative: String,
    pub(crate) size: u64,
    pub(crate) mtime: i64,
    /// The fingerprint of the file's sidecar entry now, 0 for none.
    pub(crate) meta_hash: u64,
    pub(crate) previous: Option<FileState>,
}

/// Files travel between the walk, the readers and the writer in batches: one message (and one
/// thread wake-up) per file cost a sixth of the CPU time of a run on small files.
#[derive(Default)]
pub(crate) struct Batch {
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

/// What the walk leaves for the writer once it is done.
pub(crate) struct Walked {
    /// Files in the index that the walk did not find.
    pub(crate) unseen: HashMap<String, FileState>,
    /// Folders the walk could not read.
    pub(crate) unreadable_dirs: Vec<PathBuf>,
    /// Links and unreadable folders.
    pub(crate) skipped: Vec<Skipped>,
    /// Files whose size and modification time match the index, and their articles.
    pub(crate) unchanged_files: usize,
    pub(crate) unchanged_articles: usize,
}

/// What the walk compares the files it finds with.
pub(crate) struct Known<'a> {
    /// What the index holds of the root's files.
    pub(crate) state: HashMap<String, FileState>,
    /// The root's sidecar metadata.
    pub(crate) sidecar: &'a Sidecar,
}

/// Sorts the walk into files to read (sent to `todo` as they are found) and files known to be
/// unchanged; what is left of `state` afterwards is the index's files the walk did not find.
pub(crate) fn classify(
    walk: walk::Walk,
    known: Known,
    trusted_before: i64,
    vanish: &[String],
    root: &Path,
    observer: &dyn Observer,
    todo: &mpsc::SyncSender<Vec<Todo>>,
) -> Walked {
    let Known { mut state, sidecar } = known;
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
                let meta_hash = sidecar.entry(&relative).map_or(0, |e| e.fingerprint);
                let (size, mtime) = match stat(&path, trusted_before) {
                    Ok((size, mtime)) => {
                        if let Some(p) = previous.filter(|p| {
                            p.size == size
                                && p.mtime == mtime
                                && mtime != 0
                                && p.meta_hash == meta_hash
                        }) {
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
                    meta_hash,
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
