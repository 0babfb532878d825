/*!
`newsdex.json`, the file next to tantivy's that records the index format, the extraction
version and the roots (folders) the index holds, and opening an index for reading only when this newsdex can read it.
*/
use std::path::Path;

use serde::{Deserialize, Serialize};
use tantivy::Index;

use super::schema::{fields, register_analyzer, Fields, FORMAT_VERSION, INFO_FILE};
use crate::error::{Error, Result};
use crate::extract::EXTRACTION_VERSION;
use crate::ingest::roots::Root;

/// What `newsdex.json` records about an index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexInfo {
    pub format_version: u32,
    pub extraction_version: u32,
    /// When the last run committed, as seconds since the Unix epoch.
    pub indexed_at: u64,
    /// The folders the index holds articles of (issue 20), in the order they were added.
    #[serde(default)]
    pub roots: Vec<Root>,
}

impl IndexInfo {
    pub(crate) fn current() -> Self {
        let indexed_at = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        IndexInfo {
            format_version: FORMAT_VERSION,
            extraction_version: EXTRACTION_VERSION,
            indexed_at,
            roots: Vec::new(),
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
    pub(crate) fn write(&self, index_path: &Path) -> Result<()> {
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
