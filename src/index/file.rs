/*!
Reading and extracting one file of a run: its [`Outcome`] for the writer, with the sidecar's
fields applied ([`RootContext`]). A file whose text is unchanged while its sidecar entry changed
is rebuilt from the index's stored articles, without being read or extracted again.
*/

use std::path::PathBuf;

use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, TantivyDocument};

use super::document::{document, restored, Placement};
use super::schema::{path_term, Fields};
use super::state::Todo;
use super::summary::Skipped;
use crate::extract;
use crate::ingest::decode::{self, Encoding};
use crate::ingest::formats::{read_text, FileArticles};
use crate::ingest::metadata::Sidecar;
use crate::ingest::read::{read_file, too_large, truncate_body, MAX_FILE_BYTES};

/// What reading and extracting one file gave.
pub(super) enum Outcome {
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
        /// Lines of an export that were skipped (line, reason).
        bad_lines: Vec<(usize, String)>,
        /// Only the sidecar's fields changed: the documents were rebuilt from the index.
        reapplied: bool,
    },
    /// The file is gone (it vanished between the walk and the read).
    Vanished { relative: String, path: PathBuf },
    Skipped {
        relative: String,
        skipped: Skipped,
        bytes: u64,
    },
}

/// What the readers share while they work on one root.
pub(super) struct RootContext<'a> {
    pub fields: &'a Fields,
    /// The root's name.
    pub root: &'a str,
    pub sidecar: &'a Sidecar,
    /// The last commit: the stored articles a changed sidecar is re-applied to.
    pub searcher: &'a Searcher,
}

impl RootContext<'_> {
    fn placement<'p>(&'p self, relative: &str) -> Placement<'p> {
        Placement {
            root: self.root,
            sidecar: self.sidecar.peek(relative).map(|entry| &entry.meta),
        }
    }

    /// The file's articles as the index holds them, with the sidecar applied anew (no reading,
    /// no extraction); `None` when a stored article cannot be read back.
    fn reapplied(&self, todo: &Todo, size: u64, hash: u64) -> Option<Vec<TantivyDocument>> {
        let query = TermQuery::new(
            path_term(self.fields, self.root, &todo.relative),
            IndexRecordOption::Basic,
        );
        let addresses = self.searcher.search(&query, &DocSetCollector).ok()?;
        let placement = self.placement(&todo.relative);
        let mut docs = Vec::with_capacity(addresses.len());
        for address in addresses {
            let stored: TantivyDocument = self.searcher.doc(address).ok()?;
            let (article, extraction) = restored(self.fields, &stored)?;
            let mut doc = document(self.fields, &article, extraction, &placement);
            add_file_state(self.fields, &mut doc, size, todo.mtime, hash);
            docs.push(doc);
        }
        (!docs.is_empty()).then_some(docs)
    }
}

fn add_file_state(fields: &Fields, doc: &mut TantivyDocument, size: u64, mtime: i64, hash: u64) {
    doc.add_u64(fields.file_size, size);
    doc.add_i64(fields.file_mtime, mtime);
    doc.add_u64(fields.file_hash, hash);
}

/// Reads, hashes, decodes, splits and extracts one file (or, when only its sidecar entry
/// changed, rebuilds its documents from the index).
pub(super) fn process(context: &RootContext, todo: &Todo) -> Outcome {
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
    if let Some(previous) = todo.previous.filter(|p| p.hash == hash && p.size == size) {
        if previous.meta_hash == todo.meta_hash {
            return Outcome::Unchanged { bytes: size };
        }
        if let Some(docs) = context.reapplied(todo, size, hash) {
            return Outcome::Documents {
                relative: todo.relative.clone(),
                path: todo.path.clone(),
                docs,
                text_bytes: 0,
                bytes: size,
                encoding: Encoding::Utf8,
                truncated: 0,
                bad_lines: Vec::new(),
                reapplied: true,
            };
        }
    }
    let (text, encoding) = match decode::decode_owned(bytes) {
        Ok(decoded) => decoded,
        Err(reason) => return skip(reason, false, size),
    };
    let FileArticles {
        mut articles,
        bad_lines,
    } = match read_text(&todo.relative, &text) {
        Ok(file) => file,
        Err(reason) => return skip(reason, false, size),
    };
    drop(text);
    let placement = context.placement(&todo.relative);
    let mut truncated = 0;
    let mut text_bytes = 0;
    let mut docs = Vec::with_capacity(articles.len());
    for article in &mut articles {
        if truncate_body(&mut article.body) {
            truncated += 1;
        }
        text_bytes += (article.headline.len() + article.body.len()) as u64;
        let mut doc = document(
            context.fields,
            article,
            extract::extract(article),
            &placement,
        );
        add_file_state(context.fields, &mut doc, size, todo.mtime, hash);
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
        bad_lines,
        reapplied: false,
    }
}
