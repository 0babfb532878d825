/*!
The library's error type. Every error names what it is about (a path, a query, a facet value) and,
where there is one, what to do about it; the binary prints it once on stderr.
*/

use std::path::PathBuf;

/// A newsdex error.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("no index at {0}; run `newsdex index` first")]
    NoIndex(PathBuf),
    #[error("{0} is not a folder; give the folder that holds the article files")]
    NotADirectory(PathBuf),
    #[error("index {path} is being updated by another newsdex process")]
    Locked { path: PathBuf },
    #[error(
        "the index at {path} was built by an incompatible newsdex ({found}); rebuild it with `newsdex index --rebuild`"
    )]
    IncompatibleIndex { path: PathBuf, found: String },
    #[error("invalid query {query:?}: {reason}")]
    Query { query: String, reason: String },
    #[error("{0}")]
    Usage(String),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// An aliases file that cannot be read or does not follow the format (see
    /// [`crate::query::aliases`]).
    #[error("{path}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Aliases {
        path: PathBuf,
        line: Option<usize>,
        message: String,
    },
    /// The disk (or the file-size limit) ran out while the index was written; the index keeps
    /// its last commit.
    #[error("{what} while writing {path}: {detail} (the index is unchanged at its last commit; free some space and run `newsdex index` again)")]
    DiskFull {
        what: &'static str,
        path: PathBuf,
        detail: String,
    },
    /// An index whose files are missing, fail their checksums, or make tantivy panic.
    #[error(
        "the index at {path} is damaged ({detail}); rebuild it with `newsdex index --rebuild`"
    )]
    Damaged { path: PathBuf, detail: String },
    /// Any other error of tantivy's. Printed once (it is not the `source` of this error, which
    /// would print it twice), with what to try.
    #[error("index error: {0} (if it persists, rebuild the index with `newsdex index --rebuild`)")]
    Tantivy(tantivy::TantivyError),
}

impl From<tantivy::TantivyError> for Error {
    /// A file of the index that is gone makes a damaged index (tantivy names the file with its
    /// folder); everything else stays tantivy's error.
    fn from(err: tantivy::TantivyError) -> Error {
        use tantivy::directory::error::OpenReadError;
        match err {
            tantivy::TantivyError::OpenReadError(OpenReadError::FileDoesNotExist(file)) => {
                Error::Damaged {
                    path: file.parent().map(PathBuf::from).unwrap_or_default(),
                    detail: format!("its file {} is missing", file.display()),
                }
            }
            other => Error::Tantivy(other),
        }
    }
}

impl Error {
    /// Whether the error is the user's to fix in the command line (exit code 2).
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            Error::NoIndex(_)
                | Error::NotADirectory(_)
                | Error::Locked { .. }
                | Error::IncompatibleIndex { .. }
                | Error::Query { .. }
                | Error::Usage(_)
                | Error::Aliases { .. }
        )
    }
}

pub type Result<T> = std::result::Result<T, Error>;
