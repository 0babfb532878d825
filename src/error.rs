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
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
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
