/*!
Knowing why writing the index failed. tantivy's indexing thread dies on its first I/O error and
the writer then only says "An index writer was killed"; the error itself is lost. The indexing
run therefore opens the index through `WatchedDirectory`, tantivy's `MmapDirectory` with every
write watched: the first failed write is kept, so that a full disk (or a file-size limit) is
reported as such, naming the index, instead of as a dead thread.
*/
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    AntiCallToken, Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, TerminatingWrite,
    WatchCallback, WatchHandle, WritePtr,
};

use tantivy::index::SegmentComponent;

use crate::error::Error;

/// The first write error met: its kind and message.
type FirstError = Arc<Mutex<Option<(io::ErrorKind, String)>>>;

/// A directory that keeps the first write error its files meet.
#[derive(Clone, Debug)]
pub(crate) struct WatchedDirectory {
    inner: MmapDirectory,
    first_error: FirstError,
}

impl WatchedDirectory {
    /// The index folder `path`, watched.
    pub(crate) fn open(path: &Path) -> Result<WatchedDirectory, Error> {
        let inner = MmapDirectory::open(path)
            .map_err(|e| Error::Tantivy(tantivy::TantivyError::from(e)))?;
        Ok(WatchedDirectory {
            inner,
            first_error: FirstError::default(),
        })
    }

    /// A handle on the first write error, to read after the directory went to tantivy.
    pub(crate) fn errors(&self) -> WriteErrors {
        WriteErrors(Arc::clone(&self.first_error))
    }
}

/// The first write error of a [`WatchedDirectory`].
#[derive(Clone, Debug)]
pub(crate) struct WriteErrors(FirstError);

impl WriteErrors {
    /// `err`, or when the disk filled up (or a file-size limit was hit) while it happened, an
    /// [`Error::DiskFull`] naming `index_path`.
    pub(crate) fn explain(&self, err: Error, index_path: &Path) -> Error {
        let seen = self.0.lock().ok().and_then(|first| first.clone());
        let (kind, detail) = match (&err, seen) {
            (Error::Io { source, .. }, _) => (source.kind(), source.to_string()),
            (_, Some(seen)) => seen,
            _ => return err,
        };
        let what = match kind {
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => "disk full",
            io::ErrorKind::FileTooLarge => "file size limit reached",
            _ => return err,
        };
        Error::DiskFull {
            what,
            path: index_path.to_path_buf(),
            detail,
        }
    }
}

fn record(first: &FirstError, err: &io::Error) {
    if let Ok(mut first) = first.lock() {
        first.get_or_insert_with(|| (err.kind(), err.to_string()));
    }
}

/// A file being written, whose errors are recorded.
struct WatchedWrite {
    inner: WritePtr,
    first_error: FirstError,
}

impl WatchedWrite {
    fn watch<T>(&self, result: io::Result<T>) -> io::Result<T> {
        if let Err(err) = &result {
            record(&self.first_error, err);
        }
        result
    }
}

impl Write for WatchedWrite {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let result = self.inner.write(buf);
        self.watch(result)
    }

    fn flush(&mut self) -> io::Result<()> {
        let result = self.inner.flush();
        self.watch(result)
    }
}

impl TerminatingWrite for WatchedWrite {
    fn terminate_ref(&mut self, token: AntiCallToken) -> io::Result<()> {
        let result = self.inner.terminate_ref(token);
        self.watch(result)
    }
}

impl Directory for WatchedDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        let inner = self.inner.open_write(path).inspect_err(|err| {
            if let OpenWriteError::IoError { io_error, .. } = err {
                record(&self.first_error, io_error);
            }
        })?;
        // The inner writer buffers already.
        Ok(BufWriter::with_capacity(
            0,
            Box::new(WatchedWrite {
                inner,
                first_error: Arc::clone(&self.first_error),
            }),
        ))
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.inner
            .atomic_write(path, data)
            .inspect_err(|err| record(&self.first_error, err))
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.inner
            .sync_directory()
            .inspect_err(|err| record(&self.first_error, err))
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        self.inner.acquire_lock(lock)
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}

/// The files every segment of a newsdex index has (its schema has text, fast and stored fields).
const SEGMENT_FILES: [SegmentComponent; 6] = [
    SegmentComponent::Postings,
    SegmentComponent::Positions,
    SegmentComponent::Terms,
    SegmentComponent::Store,
    SegmentComponent::FastFields,
    SegmentComponent::FieldNorms,
];

/// The files of the last commit that are missing from the folder (a damaged index: tantivy
/// opens it, then fails or panics on the first search that needs them).
pub fn missing_files(index: &tantivy::Index) -> tantivy::Result<Vec<PathBuf>> {
    let directory = index.directory();
    let mut missing = Vec::new();
    for segment in index.searchable_segment_metas()? {
        let mut files: Vec<PathBuf> = SEGMENT_FILES
            .iter()
            .map(|component| segment.relative_path(component.clone()))
            .collect();
        if segment.has_deletes() {
            files.push(segment.relative_path(SegmentComponent::Delete));
        }
        for file in files {
            if !directory.exists(&file)? {
                missing.push(file);
            }
        }
    }
    missing.sort();
    Ok(missing)
}

/// The damaged files of the last commit: missing ones, and those whose checksum (tantivy's
/// footer) does not match their content. Reads every file of the index.
pub fn damaged_files(index: &tantivy::Index) -> crate::error::Result<Vec<PathBuf>> {
    let mut damaged = missing_files(index)?;
    if damaged.is_empty() {
        damaged.extend(index.validate_checksum()?);
        damaged.sort();
    }
    Ok(damaged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_is_told_from_other_errors() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let watched = WatchedDirectory::open(dir.path()).expect("opens");
        let errors = watched.errors();
        let killed = || {
            Error::Tantivy(tantivy::TantivyError::ErrorInThread(
                "An index writer was killed.".to_string(),
            ))
        };
        // Nothing recorded: the error stays as it is.
        assert!(matches!(
            errors.explain(killed(), dir.path()),
            Error::Tantivy(_)
        ));
        record(
            &watched.first_error,
            &io::Error::from(io::ErrorKind::StorageFull),
        );
        record(
            &watched.first_error,
            &io::Error::from(io::ErrorKind::PermissionDenied),
        );
        let explained = errors.explain(killed(), dir.path()).to_string();
        assert!(
            explained.starts_with(&format!("disk full while writing {}", dir.path().display())),
            "{explained}"
        );
        assert!(
            explained.contains("unchanged at its last commit"),
            "{explained}"
        );
        // A plain I/O error of the run is classified by its own kind.
        let io = Error::Io {
            path: dir.path().join("newsdex.json"),
            source: io::Error::from(io::ErrorKind::FileTooLarge),
        };
        assert!(errors
            .explain(io, dir.path())
            .to_string()
            .starts_with("file size limit reached while writing"));
    }

    #[test]
    fn writes_through_the_watched_directory_reach_the_disk() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let watched = WatchedDirectory::open(dir.path()).expect("opens");
        let mut file = watched.open_write(Path::new("a.bin")).expect("opens");
        file.write_all(b"hello").expect("writes");
        file.terminate().expect("terminates");
        assert_eq!(
            std::fs::read(dir.path().join("a.bin")).expect("reads"),
            b"hello"
        );
    }
}
