/*!
The indexing run that keeps an index in step with an archive folder.

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

use crate::ingest::{decode, walk};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use rayon::prelude::*;
use tantivy::{Index, IndexWriter, TantivyDocument};

use super::disk::{damaged_files, WatchedDirectory};
use super::document::document;
use super::info::{exists, open, IndexInfo};
use super::schema::{path_term, register_analyzer, schema, settings, Fields, INFO_FILE};
use super::state::{classify, load_state, FileState, Todo};
use super::summary::{IndexOptions, Observer, Skipped, Summary};
use crate::error::{Error, Result};
use crate::extract::{self};
use crate::ingest::decode::Encoding;
use crate::ingest::read::{
    articles_of, read_file, too_large, truncate_body, MAX_ARTICLE_BYTES, MAX_FILE_BYTES,
};
use crate::ingest::walk::Found;

/// The lock file that one indexing process holds for the whole run.
pub const LOCK_FILE: &str = "newsdex.lock";
/// Memory budget of tantivy's indexing thread (one: extraction, not indexing, is the costly part,
/// and each thread needs about twice its budget while it writes a segment).
const WRITER_MEMORY_PER_THREAD: usize = 32 * 1024 * 1024;
/// Segments with more documents than this are not merged any further. Merging reads every byte
/// of its segments through mmap, and those pages count in the process's resident memory: capping
/// the inputs (a merge joins up to 8 of them) keeps a run of any size within a few hundred MB.
const MAX_DOCS_BEFORE_MERGE: usize = 10_000;
/// How many batches of files (see `Batch`) may wait for the readers and for the writer (bounds
/// memory).
const QUEUE: usize = 16;

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
        // Only the first bytes were read; the walk saw its size.
        return skip(too_large(size.max(todo.size)), false, 0);
    }
    let hash = xxhash_rust::xxh3::xxh3_64(&bytes);
    if todo
        .previous
        .is_some_and(|p| p.hash == hash && p.size == size)
    {
        return Outcome::Unchanged { bytes: size };
    }
    let (text, encoding) = match decode::decode_owned(bytes) {
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
///
/// The index is opened through `directory`, which records why a write failed. An index whose
/// last commit lacks files, or has one that fails its checksum, is refused as damaged: updating
/// it would keep failing searches or giving wrong counts.
fn open_for_update(
    index_path: &Path,
    rebuild: bool,
    directory: WatchedDirectory,
) -> Result<(Index, Fields)> {
    let foreign =
        exists(index_path) && matches!(open(index_path), Err(Error::IncompatibleIndex { .. }));
    if rebuild || foreign {
        // An index of another layout is never updated in place: documents of two extraction
        // versions must not mix. The user's own files in the folder stay.
        remove_index_files(index_path)?;
    }
    if exists(index_path) {
        // Checks the version and the schema.
        let (_, fields) = open(index_path)?;
        let index = Index::open(directory)?;
        register_analyzer(&index);
        let damaged = damaged_files(&index)?;
        if let Some(first) = damaged.first() {
            return Err(Error::Damaged {
                path: index_path.to_path_buf(),
                detail: format!(
                    "{} file(s) of its last commit are missing or fail their checksum, e.g. {}",
                    damaged.len(),
                    first.display()
                ),
            });
        }
        return Ok((index, fields));
    }
    let (schema, fields) = schema();
    let index = Index::create(directory, schema, settings())?;
    register_analyzer(&index);
    // Written at once, so that a run killed before its first commit leaves an empty index of
    // this version rather than one that looks foreign.
    IndexInfo::current().write(index_path)?;
    Ok((index, fields))
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
    let directory = WatchedDirectory::open(index_path)?;
    let errors = directory.errors();
    let run = || {
        let _lock = RunLock::acquire(index_path)?;
        update(root, index_path, options, observer, directory)
    };
    run()
        .map(|mut summary| {
            summary.elapsed = started.elapsed();
            summary
        })
        .map_err(|err| errors.explain(err, index_path))
}

/// The run of [`build`] once the index folder is locked.
fn update(
    root: &Path,
    index_path: &Path,
    options: &IndexOptions,
    observer: &dyn Observer,
    directory: WatchedDirectory,
) -> Result<Summary> {
    let (index, fields) = open_for_update(index_path, options.rebuild, directory)?;
    let writer_options = tantivy::indexer::IndexWriterOptions::builder()
        .memory_budget_per_thread(WRITER_MEMORY_PER_THREAD)
        .num_worker_threads(1)
        .num_merge_threads(1)
        .build();
    let writer = index.writer_with_options(writer_options);
    let mut writer: IndexWriter = writer.map_err(|e| match e {
        // This process holds `newsdex.lock`: another newsdex would have been stopped there, so
        // a lock file that is not a file is what keeps tantivy out.
        tantivy::TantivyError::LockFailure(..)
            if std::fs::symlink_metadata(tantivy_lock(index_path)).is_ok_and(|m| !m.is_file()) =>
        {
            Error::Damaged {
                path: index_path.to_path_buf(),
                detail: format!(
                    "{} is not a lock file; remove it",
                    tantivy_lock(index_path).display()
                ),
            }
        }
        tantivy::TantivyError::LockFailure(..) => Error::Locked {
            path: index_path.to_path_buf(),
        },
        other => Error::Tantivy(other),
    })?;
    let mut merge_policy = tantivy::indexer::LogMergePolicy::default();
    merge_policy.set_max_docs_before_merge(MAX_DOCS_BEFORE_MERGE);
    writer.set_merge_policy(Box::new(merge_policy));
    let state = load_state(&index, &fields, index_path)?;

    // The index's own files are never articles, even inside the archive with `--ext json`.
    let mut walk_options = options.walk.clone();
    walk_options.exclude.push(index_path.to_path_buf());
    let mut summary = Summary::default();
    if observer.wants_total() {
        let files = walk::walk_iter(root, &walk_options)?
            .filter(|found| matches!(found, Found::File { .. }))
            .count();
        observer.started(files as u64, 0);
    }
    let walk = walk::walk_iter(root, &walk_options)?;
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
            // Owned by this closure, so that an error of the writer drops it before the scope
            // waits for its threads: their next send fails and they stop. (Kept outside, a full
            // disk left the readers blocked on a full channel and the run waiting for them.)
            let receiver = receiver;
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
        // Back to the last commit, and the files written since deleted: a run stopped by a full
        // disk must not leave the disk full of them.
        if writer.rollback().is_ok() {
            let _ = writer.garbage_collect_files().wait();
        }
        return Err(err);
    }
    writer.wait_merging_threads()?;
    if summary.commits > 0 {
        IndexInfo::current().write(index_path)?;
    }
    summary.files += kept_files;
    summary.articles += kept_articles;
    Ok(summary)
}

/// tantivy's writer lock file in an index folder.
fn tantivy_lock(index_path: &Path) -> PathBuf {
    index_path.join(".tantivy-writer.lock")
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

#[cfg(test)]
mod tests {
    use super::*;

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
