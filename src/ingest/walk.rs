/*!
Walking an archive folder for article files: hidden entries skipped, symbolic links never
followed, unreadable folders reported, paths made relative to the root.
*/
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::error::{Error, Result};

/// The extensions an archive walk takes by default: plain text, saved web pages and JSON-lines
/// exports (see [`crate::ingest::formats`]).
pub const ARTICLE_EXTENSIONS: [&str; 5] = ["txt", "html", "htm", "jsonl", "ndjson"];

/// The names of sidecar metadata files (see [`crate::ingest::metadata`]), in the order they are
/// looked for in a folder: never articles, whatever their extension.
pub const SIDECAR_NAMES: [&str; 3] = ["metadata.jsonl", "metadata.csv", "metadata.tsv"];

/// Options for walking an archive.
#[derive(Clone, Debug)]
pub struct WalkOptions {
    /// File extensions to take, without the dot, compared case-insensitively.
    pub extensions: Vec<String>,
    /// Folders not to walk into (the index, when it lives inside the archive: its own files
    /// are no articles, whatever `--ext` says).
    pub exclude: Vec<PathBuf>,
    /// File names that are never articles, in any folder (the sidecar metadata files).
    pub skip_names: Vec<String>,
    /// Paths relative to the root that are never articles (a sidecar named with `--metadata`).
    pub skip_paths: Vec<String>,
}

impl Default for WalkOptions {
    /// Text, saved pages and JSON-lines exports; the sidecar names skipped.
    fn default() -> Self {
        WalkOptions {
            extensions: ARTICLE_EXTENSIONS.iter().map(|e| e.to_string()).collect(),
            exclude: Vec::new(),
            skip_names: SIDECAR_NAMES.iter().map(|e| e.to_string()).collect(),
            skip_paths: Vec::new(),
        }
    }
}

/// A file found by [`walk`], or a problem met on the way.
#[derive(Debug)]
pub enum Found {
    File {
        path: PathBuf,
        relative: String,
    },
    /// A symbolic link with an article file's name, or to a folder: never followed.
    Link {
        path: PathBuf,
    },
    Problem {
        path: PathBuf,
        reason: String,
    },
}

fn is_shown(entry: &walkdir::DirEntry) -> bool {
    entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
}

/// Walks `root` recursively and lists the article files in a stable (sorted) order.
///
/// Hidden files and folders are skipped; symbolic links are not followed, so a link loop cannot
/// trap the walk (they are listed as [`Found::Link`]). Problems (unreadable folders, vanished
/// entries) are returned in order, not raised, so that one bad entry never stops the walk.
pub fn walk(root: &Path, options: &WalkOptions) -> Result<Vec<Found>> {
    Ok(walk_iter(root, options)?.collect())
}

/// [`walk`], one entry at a time: the list of a million files is never held in memory.
pub fn walk_iter(root: &Path, options: &WalkOptions) -> Result<Walk> {
    if !root.is_dir() {
        return Err(Error::NotADirectory(root.to_path_buf()));
    }
    let entries = WalkDir::new(root)
        .follow_links(false)
        // (By the path's bytes, which for entries of one folder orders them as their names do:
        // `sort_by_file_name` parses both paths again for every comparison, 150 M
        // instructions for a folder of 19,000 files.)
        .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()))
        .into_iter()
        .filter_entry(is_shown as fn(&walkdir::DirEntry) -> bool);
    Ok(Walk {
        root: root.to_path_buf(),
        extensions: options.extensions.clone(),
        exclude: options
            .exclude
            .iter()
            .filter_map(|dir| dir.canonicalize().ok())
            .collect(),
        lossy_names: HashMap::new(),
        skip_names: options.skip_names.clone(),
        skip_paths: options.skip_paths.clone(),
        entries,
    })
}

/// The iterator of [`walk_iter`].
pub struct Walk {
    root: PathBuf,
    extensions: Vec<String>,
    /// [`WalkOptions::exclude`], canonical.
    exclude: Vec<PathBuf>,
    /// The relative paths met so far that hold U+FFFD, the mark of a name that is not UTF-8,
    /// and the files they came from: two such names can read the same.
    lossy_names: HashMap<String, PathBuf>,
    skip_names: Vec<String>,
    skip_paths: Vec<String>,
    entries: walkdir::FilterEntry<walkdir::IntoIter, fn(&walkdir::DirEntry) -> bool>,
}

impl Iterator for Walk {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        loop {
            let entry = match self.entries.next()? {
                Ok(entry) => entry,
                Err(err) => {
                    let path = err.path().unwrap_or(&self.root).to_path_buf();
                    let reason = match err.io_error() {
                        Some(io) => io.to_string(),
                        None => err.to_string(),
                    };
                    return Some(Found::Problem { path, reason });
                }
            };
            let path = entry.path();
            let wanted = path.extension().is_some_and(|ext| {
                let ext = ext.to_string_lossy();
                self.extensions
                    .iter()
                    .any(|want| want.eq_ignore_ascii_case(&ext))
            });
            if entry.file_type().is_symlink() {
                // Reported when it could hold articles: a link with an article file's name, or
                // one to a folder (or a loop, or nowhere). Links to other files are ignored
                // silently.
                let to_folder_or_nowhere = std::fs::metadata(path).map_or(true, |m| m.is_dir());
                if wanted || to_folder_or_nowhere {
                    return Some(Found::Link {
                        path: path.to_path_buf(),
                    });
                }
                continue;
            }
            if entry.file_type().is_dir()
                && entry.depth() > 0
                && !self.exclude.is_empty()
                && path
                    .canonicalize()
                    .is_ok_and(|dir| self.exclude.contains(&dir))
            {
                self.entries.skip_current_dir();
                continue;
            }
            if entry.file_type().is_file() && wanted {
                let name = entry.file_name().to_string_lossy();
                if self.skip_names.iter().any(|skip| *skip == name) {
                    continue;
                }
                let relative = relative_path(&self.root, path);
                if self.skip_paths.contains(&relative) {
                    continue;
                }
                // A name that is not UTF-8 is indexed under its readable form, with U+FFFD for
                // the bytes that are not; a second file whose name reads the same cannot be
                // told apart from the first (each run would add it again), so it is refused.
                if relative.contains('\u{FFFD}') {
                    if let Some(first) = self.lossy_names.get(&relative) {
                        return Some(Found::Problem {
                            path: path.to_path_buf(),
                            reason: format!(
                                "its name is not valid UTF-8 and reads the same as {}'s ({relative}); rename it",
                                first.display()
                            ),
                        });
                    }
                    self.lossy_names
                        .insert(relative.clone(), path.to_path_buf());
                }
                return Some(Found::File {
                    path: path.to_path_buf(),
                    relative,
                });
            }
        }
    }
}

/// `path` relative to `root`, with `/` separators.
pub fn relative_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Files come in name order (bytes, so capitals first), a folder's files where the folder's
    /// name sorts, depth first.
    #[test]
    fn lists_files_in_name_order_depth_first() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let root = dir.path();
        std::fs::create_dir(root.join("c")).expect("a subfolder");
        for name in [
            "b.txt", "a.txt", "B.txt", "a b.txt", "a.b.txt", "c/z.txt", "c/a.txt", "d.txt",
        ] {
            std::fs::write(root.join(name), "Head\n\nBody.\n").expect("a file");
        }
        let options = WalkOptions {
            extensions: vec!["txt".to_string()],
            ..Default::default()
        };
        let found: Vec<String> = walk(root, &options)
            .expect("walks")
            .into_iter()
            .filter_map(|f| match f {
                Found::File { relative, .. } => Some(relative),
                _ => None,
            })
            .collect();
        assert_eq!(
            found,
            ["B.txt", "a b.txt", "a.b.txt", "a.txt", "b.txt", "c/a.txt", "c/z.txt", "d.txt"]
        );
    }
}
