/*!
The indexing run that keeps an index in step with its archive folders (its roots).

# Roots

An index holds the articles of one or more folders, each recorded in `newsdex.json` with a short
name (see [`crate::ingest::roots`] and `index::roots`). Every article carries its root's name
(`root`) and `ROOT/PATH` (`file`), the term its file's articles are replaced and deleted by. A run
walks only the roots it is asked to (by default all of them): deletions are found inside those
roots only, and a root's articles go only when it is removed. A root's sidecar metadata
([`crate::ingest::metadata`]) is read first; a file whose sidecar entry changed while its text did
not is rebuilt from the index with the new fields, without reading or extracting it again.

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
extraction version it was built with, and its roots (see [`IndexInfo`]). The roots are written
before the first commit of a run: an article in the index always belongs to a recorded root, and
a root's removal is recorded first and its articles deleted after (a run finds the articles of a
root it does not record and deletes them). An index of another version is never
updated in place: `index` rebuilds it from scratch and `search` asks for a rebuild.
*/

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use rayon::prelude::*;
use tantivy::{Index, IndexWriter};

use super::disk::{damaged_files, WatchedDirectory};
use super::file::{process, Outcome, RootContext};
use super::info::{exists, open, IndexInfo};
use super::roots;
use super::schema::{path_term, register_analyzer, root_term, schema, settings, Fields, INFO_FILE};
use super::state::{classify, last_commit, load_state, FileState, Known, State, Todo};
use super::summary::{
    IndexOptions, Observer, RemovedRoot, RootRequest, Skipped, Summary, UpdateRequest,
};
use crate::error::{Error, Result};
use crate::ingest::metadata::BadLine;
use crate::ingest::read::MAX_ARTICLE_BYTES;
use crate::ingest::walk::{self, Found, WalkOptions};

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
    // Written first, so that a run killed before its first commit leaves an empty index of this
    // version rather than one that looks foreign, and so that a search running beside the first
    // run never sees tantivy's `meta.json` without it (it said "built by an incompatible
    // newsdex" for that moment; now it finds no index yet).
    IndexInfo::current().write(index_path)?;
    let index = Index::create(directory, schema, settings())?;
    register_analyzer(&index);
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

/// Adds the archive under `root` to the index at `index_path`, or brings it up to date when the
/// index holds it already; the index's other roots are left as they are. The root is named
/// after its folder (see [`crate::ingest::roots`]).
///
/// # Errors
///
/// As for [`update`].
pub fn build(
    root: &Path,
    index_path: &Path,
    options: &IndexOptions,
    observer: &dyn Observer,
) -> Result<Summary> {
    let request = UpdateRequest {
        folders: vec![RootRequest::new(root)],
        remove: Vec::new(),
    };
    update(index_path, &request, options, observer)
}

/// Brings the index at `index_path` in step with the roots `request` names (or with every root
/// it records), adds new ones and removes those it asks to remove (see the module documentation
/// for how).
///
/// Problems with single files and lines are passed to `observer` as they happen and counted in
/// the summary; they never stop the run. Errors of the index itself abort the run and roll back
/// what was not committed.
///
/// # Errors
///
/// [`Error::NotADirectory`] when a folder to add is not a folder, [`Error::Usage`] when a root
/// cannot be added or removed as asked, when a sidecar cannot be read, or when the run would
/// remove every article of a root without [`IndexOptions::yes`]; [`Error::Locked`] when another
/// process is updating the index, and I/O or index errors.
pub fn update(
    index_path: &Path,
    request: &UpdateRequest,
    options: &IndexOptions,
    observer: &dyn Observer,
) -> Result<Summary> {
    let started = Instant::now();
    for folder in &request.folders {
        if !folder.path.is_dir() {
            return Err(Error::NotADirectory(folder.path.clone()));
        }
    }
    std::fs::create_dir_all(index_path).map_err(|source| Error::Io {
        path: index_path.to_path_buf(),
        source,
    })?;
    let directory = WatchedDirectory::open(index_path)?;
    let errors = directory.errors();
    let run = || {
        let _lock = RunLock::acquire(index_path)?;
        update_locked(index_path, request, options, observer, directory)
    };
    run()
        .map(|mut summary| {
            summary.elapsed = started.elapsed();
            summary
        })
        .map_err(|err| errors.explain(err, index_path))
}

/// The run of [`update`] once the index folder is locked.
fn update_locked(
    index_path: &Path,
    request: &UpdateRequest,
    options: &IndexOptions,
    observer: &dyn Observer,
    directory: WatchedDirectory,
) -> Result<Summary> {
    // The index's own files are never articles, even inside an archive with `--ext json`.
    let mut options = options.clone();
    options.walk.exclude.push(index_path.to_path_buf());
    let options = &options;
    // The roots as recorded, and what the index holds of each, before anything changes (an
    // index of another version is rebuilt: its roots are indexed again).
    let recorded = IndexInfo::read(index_path)
        .ok()
        .flatten()
        .map(|info| info.roots)
        .unwrap_or_default();
    let mut plan = roots::plan(&recorded, request, options)?;
    // An index updated in place is checked for damage before anything of it is read (see
    // `open_for_update`); one about to be emptied (a rebuild, another version) is checked
    // against what it held before, when that can be read.
    let in_place = !options.rebuild && open(index_path).is_ok();
    if !in_place {
        let held = if options.rebuild {
            sound_state(index_path)
        } else {
            None
        };
        roots::check_emptying(&mut plan, held.as_ref(), options)?;
    }

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
    // A run killed between writing files and committing leaves them behind, still listed as
    // managed; this run makes the same deletions at the same opstamps, so their names
    // (`<segment>.<opstamp>.del`) would be taken. Files no commit refers to go first (a failure
    // here only leaves them where they are).
    let _ = writer.garbage_collect_files().wait();
    let mut merge_policy = tantivy::indexer::LogMergePolicy::default();
    merge_policy.set_max_docs_before_merge(MAX_DOCS_BEFORE_MERGE);
    writer.set_merge_policy(Box::new(merge_policy));
    let searcher = last_commit(&index)?;
    let mut state = load_state(&searcher, &fields, index_path)?;
    if in_place {
        roots::check_emptying(&mut plan, Some(&state), options)?;
    }
    let sidecars = roots::read_sidecars(&plan, observer)?;
    // The roots are recorded before the first commit: a run killed after it leaves no article
    // of a root that `newsdex.json` does not name (and the next run finishes the job).
    let mut info = IndexInfo::current();
    info.roots = plan.roots.clone();
    info.write(index_path)?;

    let mut summary = Summary {
        roots: plan.update.clone(),
        bad_lines: sidecars.bad_lines.clone(),
        ..Summary::default()
    };
    if observer.wants_total() {
        let mut files = 0;
        for name in &plan.update {
            if let Some(root) = plan.root(name) {
                files += walk::walk_iter(&root.path, &plan.walk_options(root, options))?
                    .filter(|found| matches!(found, Found::File { .. }))
                    .count();
            }
        }
        observer.started(files as u64, 0);
    }
    let mut run = Run {
        writer: &mut writer,
        fields: &fields,
        options,
        observer,
        summary: &mut summary,
        pending_articles: 0,
        pending_bytes: 0,
    };
    let result = (|| -> Result<()> {
        // Roots the index holds and no longer records: removed now, or by a run that was
        // killed after recording their removal.
        let mut gone: Vec<&String> = state
            .keys()
            .filter(|name| plan.root(name).is_none())
            .collect();
        gone.sort();
        for name in gone {
            let files = &state[name];
            run.writer.delete_term(root_term(&fields, name));
            run.summary.removed += files.len();
            run.summary.removed_roots.push(RemovedRoot {
                name: name.clone(),
                files: files.len(),
                articles: files.values().map(|f| f.articles).sum(),
            });
        }
        for root in &plan.roots {
            let files = state.remove(&root.name).unwrap_or_default();
            if !plan.update.contains(&root.name) {
                // A root this run does not walk is left exactly as it is.
                run.summary.files += files.len();
                run.summary.articles += files.values().map(|f| f.articles).sum::<usize>();
                continue;
            }
            let sidecar = sidecars.of(&root.name);
            let context = RootContext {
                fields: &fields,
                root: &root.name,
                sidecar,
                searcher: &searcher,
            };
            run.root(
                &context,
                &root.path,
                &plan.walk_options(root, options),
                files,
            )?;
            for bad in sidecar.unused() {
                run.observer.bad_line(&bad);
                run.summary.bad_lines.push(bad);
            }
        }
        // Nothing to commit when nothing changed (the common re-run of an unchanged archive).
        let changed =
            run.summary.added + run.summary.updated + run.summary.removed + run.summary.reapplied;
        if changed > 0 || options.rebuild {
            run.writer.commit()?;
            run.summary.commits += 1;
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
        info.indexed_at = IndexInfo::current().indexed_at;
        info.write(index_path)?;
    }
    Ok(summary)
}

/// What the index at `index_path` holds of each root, when it opens, is whole (no file missing or
/// failing its checksum) and its state reads.
fn sound_state(index_path: &Path) -> Option<State> {
    let (index, fields) = open(index_path).ok()?;
    if !damaged_files(&index).ok()?.is_empty() {
        return None;
    }
    load_state(&last_commit(&index).ok()?, &fields, index_path).ok()
}

/// tantivy's writer lock file in an index folder.
fn tantivy_lock(index_path: &Path) -> PathBuf {
    index_path.join(".tantivy-writer.lock")
}

/// One run's writer and counts, shared by its roots.
struct Run<'a> {
    writer: &'a mut IndexWriter,
    fields: &'a Fields,
    options: &'a IndexOptions,
    observer: &'a dyn Observer,
    summary: &'a mut Summary,
    pending_articles: usize,
    pending_bytes: u64,
}

impl Run<'_> {
    fn skip(&mut self, skipped: Skipped) {
        self.observer.skipped(&skipped);
        self.summary.skipped.push(skipped);
    }

    /// Brings one root in step with its folder: `state` is what the index holds of it.
    fn root(
        &mut self,
        context: &RootContext,
        folder: &Path,
        walk_options: &WalkOptions,
        state: HashMap<String, FileState>,
    ) -> Result<()> {
        let walk = walk::walk_iter(folder, walk_options)?;
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
        let observer = self.observer;
        let fields = self.fields;
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
            let vanish = &vanish;
            let sidecar = context.sidecar;
            let walker = scope.spawn(move || {
                classify(
                    walk,
                    Known { state, sidecar },
                    trusted_before,
                    vanish,
                    folder,
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
                                .map(|todo| (todo.previous, process(context, todo)))
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
                self.outcome(context.root, previous, outcome)?;
                if self.pending_articles >= self.options.commit_articles.max(1)
                    || self.pending_bytes >= self.options.commit_bytes.max(1)
                {
                    self.writer.commit()?;
                    self.summary.commits += 1;
                    self.pending_articles = 0;
                    self.pending_bytes = 0;
                }
            }
            let walked = walker.join().map_err(|_| Error::Io {
                path: folder.to_path_buf(),
                source: std::io::Error::other("the walk of the archive stopped"),
            })?;
            // Links and unreadable folders, told to the observer as the walk met them.
            self.summary.skipped.extend(walked.skipped);
            self.summary.unchanged += walked.unchanged_files;
            self.summary.files += walked.unchanged_files;
            self.summary.articles += walked.unchanged_articles;
            // Files of the index that the walk did not find are gone, unless they sit below a
            // folder the walk could not read: those are kept as they are.
            for (relative, file) in walked.unseen {
                let below_problem = walked
                    .unreadable_dirs
                    .iter()
                    .any(|dir| folder.join(&relative).starts_with(dir));
                if below_problem {
                    self.summary.unchanged += 1;
                    self.summary.files += 1;
                    self.summary.articles += file.articles;
                } else {
                    self.writer
                        .delete_term(path_term(fields, context.root, &relative));
                    self.summary.removed += 1;
                }
            }
            Ok(())
        })
    }

    /// Hands one file's outcome to the writer and counts it.
    fn outcome(&mut self, root: &str, previous: Option<FileState>, outcome: Outcome) -> Result<()> {
        match outcome {
            Outcome::Unchanged { bytes } => {
                self.summary.unchanged += 1;
                if let Some(p) = previous {
                    self.summary.files += 1;
                    self.summary.articles += p.articles;
                }
                self.observer.advanced(1, bytes);
            }
            Outcome::Documents {
                relative,
                path,
                docs,
                text_bytes,
                bytes,
                encoding,
                truncated,
                bad_lines,
                reapplied,
            } => {
                if previous.is_some() {
                    self.writer
                        .delete_term(path_term(self.fields, root, &relative));
                    if reapplied {
                        self.summary.reapplied += 1;
                    } else {
                        self.summary.updated += 1;
                    }
                } else {
                    self.summary.added += 1;
                }
                if encoding.is_converted() {
                    self.summary.decoded += 1;
                }
                if truncated > 0 {
                    self.summary.truncated += truncated;
                    self.observer.note(
                        &path,
                        &format!(
                            "{truncated} article(s) longer than {} MB cut",
                            MAX_ARTICLE_BYTES / (1024 * 1024)
                        ),
                    );
                }
                for (line, reason) in bad_lines {
                    let bad = BadLine {
                        path: path.clone(),
                        line,
                        reason,
                    };
                    self.observer.bad_line(&bad);
                    self.summary.bad_lines.push(bad);
                }
                let count = docs.len();
                for doc in docs {
                    self.writer.add_document(doc)?;
                }
                self.summary.files += 1;
                self.summary.articles += count;
                self.summary.bytes += bytes;
                self.pending_articles += count;
                self.pending_bytes += text_bytes;
                self.observer.advanced(1, bytes);
            }
            Outcome::Vanished { relative, path } => {
                if previous.is_some() {
                    self.writer
                        .delete_term(path_term(self.fields, root, &relative));
                    self.summary.removed += 1;
                }
                self.skip(Skipped {
                    path,
                    reason: "vanished during the run".to_string(),
                    unreadable: false,
                });
                self.observer.advanced(1, 0);
            }
            Outcome::Skipped {
                relative,
                skipped,
                bytes,
            } => {
                match previous {
                    // A file that cannot be read now keeps the articles it had.
                    Some(p) if skipped.unreadable => {
                        self.summary.files += 1;
                        self.summary.articles += p.articles;
                    }
                    // A file that is no longer an article loses them.
                    Some(_) => {
                        self.writer
                            .delete_term(path_term(self.fields, root, &relative));
                        self.summary.removed += 1;
                    }
                    None => {}
                }
                self.summary.bytes += bytes;
                self.skip(skipped);
                self.observer.advanced(1, bytes);
            }
        }
        Ok(())
    }
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
