/*!
Metadata of articles beyond their text ([`Meta`]: title, date, source, URL, author, language, id),
and the sidecar files that give it for the files of an archive (issue 20).

A sidecar is `metadata.jsonl`, `metadata.csv` or `metadata.tsv` at the root of an archive folder
(or any file named with `--metadata`), or in one of its sub-folders: one line or row per article
file, with a file-name column (`file`, `filename`, `file_name` or `path`, relative to the
sidecar's folder) and any of `date`,
`title`/`headline`, `source`/`outlet`, `url`/`link`, `author`/`byline` and `language`/`lang`.
Other columns are ignored, and so are empty values and JSON `null`s. What a sidecar says takes
precedence over what newsdex reads in the text.

Reading never fails on one bad line: a line that is not a JSON object, has no file name, names a
file twice or has a field that does not parse is reported as a [`BadLine`] (`file:line`) and the
line (or, for one bad field, that field) is skipped. Names of files that the folder does not hold
are reported after the walk ([`Sidecar::unused`]).
*/

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use serde::{Deserialize, Serialize};

use super::pubdate::{parse_date, DATE_FORMS};
use super::walk::{relative_path, SIDECAR_NAMES};

/// Sidecars larger than this are not read (a line per article file: 256 MB is millions of
/// articles).
pub const MAX_SIDECAR_BYTES: u64 = 256 * 1024 * 1024;

/// What is known of an article beyond its text. Every field is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Meta {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The outlet (`Reuters`, `BBC News`); the archive root's name when no one says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The article's identifier in the export it came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

impl Meta {
    /// Whether no field is set.
    pub fn is_empty(&self) -> bool {
        *self == Meta::default()
    }

    /// `self`'s fields where set, `other`'s elsewhere.
    pub fn or(&self, other: &Meta) -> Meta {
        let pick = |a: &Option<String>, b: &Option<String>| a.clone().or_else(|| b.clone());
        Meta {
            title: pick(&self.title, &other.title),
            date: pick(&self.date, &other.date),
            source: pick(&self.source, &other.source),
            url: pick(&self.url, &other.url),
            author: pick(&self.author, &other.author),
            language: pick(&self.language, &other.language),
            id: pick(&self.id, &other.id),
        }
    }

    /// A hash of the fields, never 0 (0 stands for "no metadata" in the index).
    pub fn fingerprint(&self) -> u64 {
        let json = serde_json::to_vec(self).unwrap_or_default();
        xxhash_rust::xxh3::xxh3_64(&json).max(1)
    }
}

/// A line of a sidecar or of a JSON-lines export that was reported and skipped (in part or in
/// whole).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadLine {
    pub path: PathBuf,
    /// 1-based.
    pub line: usize,
    pub reason: String,
}

/// The fields of a metadata record, by the names they may have (compared ignoring case).
const FILE_KEYS: &[&str] = &["file", "filename", "file_name", "path"];
const TITLE_KEYS: &[&str] = &["title", "headline"];
const DATE_KEYS: &[&str] = &["date", "published", "published_at", "pubdate"];
const SOURCE_KEYS: &[&str] = &["source", "outlet"];
const URL_KEYS: &[&str] = &["url", "link"];
const AUTHOR_KEYS: &[&str] = &["author", "byline", "authors"];
const LANGUAGE_KEYS: &[&str] = &["language", "lang"];
const ID_KEYS: &[&str] = &["id"];

/// Reads the fields of one record from its values by name (`value(keys)` gives the first
/// non-empty value of any of the names). A date that does not parse is left out and described
/// in the returned problem.
pub(crate) fn meta_from(value: impl Fn(&[&str]) -> Option<String>) -> (Meta, Option<String>) {
    let mut problem = None;
    let date = value(DATE_KEYS).and_then(|text| {
        let date = parse_date(&text);
        if date.is_none() {
            problem = Some(format!(
                "date {text:?} not understood (write {DATE_FORMS}); field skipped"
            ));
        }
        date
    });
    let meta = Meta {
        title: value(TITLE_KEYS),
        date,
        source: value(SOURCE_KEYS),
        url: value(URL_KEYS),
        author: value(AUTHOR_KEYS),
        language: value(LANGUAGE_KEYS),
        id: value(ID_KEYS),
    };
    (meta, problem)
}

/// A JSON value as the text of a field: strings trimmed, numbers as written, lists of strings
/// joined with ", "; `None` for null, empty and other values.
pub(crate) fn json_text(value: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    let text = match value {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::trim))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

/// The first non-empty field of a JSON object named by any of `keys` (ignoring case).
pub(crate) fn json_field(
    object: &serde_json::Map<String, serde_json::Value>,
    keys: &[&str],
) -> Option<String> {
    keys.iter().find_map(|key| {
        object
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(key))
            .and_then(|(_, value)| json_text(value))
    })
}

/// One file's metadata in a sidecar.
#[derive(Debug)]
pub struct Entry {
    pub meta: Meta,
    /// [`Meta::fingerprint`] of `meta`.
    pub fingerprint: u64,
    /// Which of the sidecar files gave it, and on which line.
    file: usize,
    line: usize,
    used: AtomicBool,
}

/// The sidecar metadata of one root, read into memory: its entries by file path relative to the
/// root. It may come from several files: the one at the root (or named with `--metadata`) and
/// one in any sub-folder, which names the files of that folder.
#[derive(Debug, Default)]
pub struct Sidecar {
    files: Vec<PathBuf>,
    entries: HashMap<String, Entry>,
}

impl Sidecar {
    /// The sidecar files of `root`: the one at its top (the first of [`SIDECAR_NAMES`]) and the
    /// one of each sub-folder, each with the folder it describes (relative to the root, `""` for
    /// the root itself), shallowest first. Hidden folders and symbolic links are not followed.
    pub fn find_all(root: &Path) -> Vec<(PathBuf, String)> {
        let mut found: Vec<(usize, PathBuf, String)> = Vec::new();
        let walk = walkdir::WalkDir::new(root)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walk.flatten() {
            if !entry.file_type().is_dir() {
                continue;
            }
            let Some(path) = SIDECAR_NAMES
                .iter()
                .map(|name| entry.path().join(name))
                .find(|path| path.is_file())
            else {
                continue;
            };
            let folder = relative_path(root, entry.path());
            found.push((entry.depth(), path, folder));
        }
        found.sort_by_key(|(depth, _, _)| *depth);
        found
            .into_iter()
            .map(|(_, path, folder)| (path, folder))
            .collect()
    }

    /// Reads one sidecar file (JSON lines, or CSV/TSV by its extension).
    ///
    /// # Errors
    ///
    /// As for [`Sidecar::add`].
    pub fn read(path: &Path) -> Result<(Sidecar, Vec<BadLine>), String> {
        let mut sidecar = Sidecar::default();
        let bad = sidecar.add(path, "")?;
        Ok((sidecar, bad))
    }

    /// Adds the entries of a sidecar file whose file names are relative to `folder` (a path
    /// relative to the root, `""` for the root). Lines that cannot be used are returned, not
    /// raised; a file already described keeps its first entry.
    ///
    /// # Errors
    ///
    /// A one-line reason when the file cannot be read at all, is too large, or (CSV, TSV) has
    /// no file-name column.
    pub fn add(&mut self, path: &Path, folder: &str) -> Result<Vec<BadLine>, String> {
        let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
        let size = file.metadata().map_err(|e| e.to_string())?.len();
        if size > MAX_SIDECAR_BYTES {
            return Err(format!(
                "too large ({:.1} MB; metadata files are read up to {} MB)",
                size as f64 / 1e6,
                MAX_SIDECAR_BYTES / (1024 * 1024)
            ));
        }
        let reader = BufReader::new(file.take(MAX_SIDECAR_BYTES));
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        let mut bad = Vec::new();
        let records = match extension.as_deref() {
            Some("csv") => delimited(reader, b',', &mut bad, path)?,
            Some("tsv") | Some("tab") => delimited(reader, b'\t', &mut bad, path)?,
            _ => json_lines(reader, &mut bad, path),
        };
        let index = self.files.len();
        self.files.push(path.to_path_buf());
        for (line, file, meta) in records {
            let name = match normalise(&file) {
                name if folder.is_empty() => name,
                name => format!("{folder}/{name}"),
            };
            if self.entries.contains_key(&name) {
                bad.push(BadLine {
                    path: path.to_path_buf(),
                    line,
                    reason: format!("{file} is described by an earlier line too; line skipped"),
                });
                continue;
            }
            let fingerprint = meta.fingerprint();
            self.entries.insert(
                name,
                Entry {
                    meta,
                    fingerprint,
                    file: index,
                    line,
                    used: AtomicBool::new(false),
                },
            );
        }
        Ok(bad)
    }

    /// The entry of a file (path relative to the root, `/` separators), marked as used.
    pub fn entry(&self, relative: &str) -> Option<&Entry> {
        let entry = self.entries.get(relative)?;
        entry.used.store(true, Ordering::Relaxed);
        Some(entry)
    }

    /// The entry of a file, without marking it.
    pub fn peek(&self, relative: &str) -> Option<&Entry> {
        self.entries.get(relative)
    }

    /// How many files the sidecar describes.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The lines naming files that no [`Sidecar::entry`] call asked for (files the folder does
    /// not hold), by file and line.
    pub fn unused(&self) -> Vec<BadLine> {
        let mut unused: Vec<(usize, BadLine)> = self
            .entries
            .iter()
            .filter(|(_, entry)| !entry.used.load(Ordering::Relaxed))
            .map(|(name, entry)| {
                let bad = BadLine {
                    path: self.files.get(entry.file).cloned().unwrap_or_default(),
                    line: entry.line,
                    reason: format!("no file {name} in the folder; line skipped"),
                };
                (entry.file, bad)
            })
            .collect();
        unused.sort_by_key(|(file, bad)| (*file, bad.line));
        unused.into_iter().map(|(_, bad)| bad).collect()
    }
}

/// A file name as the walk writes it: `/` separators, no leading `./`.
fn normalise(name: &str) -> String {
    let name = name.trim().replace('\\', "/");
    let mut name = name.as_str();
    while let Some(rest) = name.strip_prefix("./") {
        name = rest;
    }
    name.trim_start_matches('/').to_string()
}

/// A record of a sidecar: line, file name, fields.
type Record = (usize, String, Meta);

fn json_lines(mut reader: impl BufRead, bad: &mut Vec<BadLine>, path: &Path) -> Vec<Record> {
    let mut records = Vec::new();
    let mut buffer = Vec::new();
    let mut line = 0;
    let mut report = |line: usize, reason: String| {
        bad.push(BadLine {
            path: path.to_path_buf(),
            line,
            reason,
        })
    };
    loop {
        buffer.clear();
        match reader.read_until(b'\n', &mut buffer) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                report(line + 1, format!("{e}; the rest of the file is not read"));
                break;
            }
        }
        line += 1;
        let Ok(text) = std::str::from_utf8(&buffer) else {
            report(line, "not UTF-8 text; line skipped".to_string());
            continue;
        };
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        let object = match serde_json::from_str::<serde_json::Value>(text) {
            Ok(serde_json::Value::Object(object)) => object,
            Ok(_) => {
                report(line, "not a JSON object; line skipped".to_string());
                continue;
            }
            Err(e) => {
                report(line, format!("not JSON ({e}); line skipped"));
                continue;
            }
        };
        let Some(file) = json_field(&object, FILE_KEYS) else {
            report(
                line,
                "no file name (a \"file\" field); line skipped".to_string(),
            );
            continue;
        };
        let (meta, problem) = meta_from(|keys| json_field(&object, keys));
        if let Some(problem) = problem {
            report(line, problem);
        }
        records.push((line, file, meta));
    }
    records
}

fn delimited(
    reader: impl Read,
    delimiter: u8,
    bad: &mut Vec<BadLine>,
    path: &Path,
) -> Result<Vec<Record>, String> {
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .quoting(delimiter == b',')
        .flexible(true)
        .from_reader(reader);
    let headers: Vec<String> = csv
        .headers()
        .map_err(|e| format!("unreadable header: {e}"))?
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_string())
        .collect();
    let column = |keys: &[&str]| {
        keys.iter()
            .find_map(|key| headers.iter().position(|h| h.eq_ignore_ascii_case(key)))
    };
    let Some(file_column) = column(FILE_KEYS) else {
        return Err(format!(
            "no file-name column in the header (name one {}); found {}",
            FILE_KEYS.join(", "),
            headers.join(", ")
        ));
    };
    let mut records = Vec::new();
    for row in csv.records() {
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                bad.push(BadLine {
                    path: path.to_path_buf(),
                    line,
                    reason: format!("{e}; line skipped"),
                });
                continue;
            }
        };
        let line = row.position().map_or(0, |p| p.line() as usize);
        let value = |keys: &[&str]| {
            keys.iter().find_map(|key| {
                let at = headers.iter().position(|h| h.eq_ignore_ascii_case(key))?;
                let text = row.get(at)?.trim();
                (!text.is_empty()).then(|| text.to_string())
            })
        };
        let Some(file) = row
            .get(file_column)
            .map(str::trim)
            .filter(|f| !f.is_empty())
        else {
            bad.push(BadLine {
                path: path.to_path_buf(),
                line,
                reason: "no file name; line skipped".to_string(),
            });
            continue;
        };
        let (meta, problem) = meta_from(value);
        if let Some(reason) = problem {
            bad.push(BadLine {
                path: path.to_path_buf(),
                line,
                reason,
            });
        }
        records.push((line, file.to_string(), meta));
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(name: &str, text: &str) -> (Sidecar, Vec<BadLine>) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        Sidecar::read(&path).expect("readable")
    }

    #[test]
    fn json_lines_give_each_file_its_fields() {
        let (sidecar, bad) = read(
            "metadata.jsonl",
            concat!(
                "{\"file\": \"a.txt\", \"date\": \"26-FEB-1987 15:01:01.79\", \"headline\": \"Cocoa talks\", \"outlet\": \"Wire\", \"extra\": [1]}\n",
                "\n",
                "{\"file\": \"./b/c.txt\", \"date\": null, \"byline\": [\"Ann Lee\", \"Bo Chan\"], \"url\": \"https://example.org/c\"}\n",
                "not json\n",
                "[1, 2]\n",
                "{\"title\": \"no file\"}\n",
                "{\"file\": \"d.txt\", \"date\": \"the day after\", \"title\": \"Kept\"}\n",
                "{\"file\": \"a.txt\", \"title\": \"again\"}\n",
            ),
        );
        assert_eq!(sidecar.len(), 3);
        let a = &sidecar.entry("a.txt").expect("a.txt").meta;
        assert_eq!(a.date.as_deref(), Some("1987-02-26"));
        assert_eq!(a.title.as_deref(), Some("Cocoa talks"));
        assert_eq!(a.source.as_deref(), Some("Wire"));
        let c = &sidecar.entry("b/c.txt").expect("b/c.txt").meta;
        assert_eq!(c.date, None);
        assert_eq!(c.author.as_deref(), Some("Ann Lee, Bo Chan"));
        assert_eq!(c.url.as_deref(), Some("https://example.org/c"));
        let d = &sidecar.peek("d.txt").expect("d.txt").meta;
        assert_eq!(
            (d.title.as_deref(), d.date.as_deref()),
            (Some("Kept"), None)
        );
        let lines: Vec<usize> = bad.iter().map(|b| b.line).collect();
        assert_eq!(lines, [4, 5, 6, 7, 8]);
        assert!(bad[3].reason.contains("\"the day after\" not understood"));
        assert!(bad[4].reason.contains("earlier line"));
        // d.txt was never asked for: reported with its line.
        let unused = sidecar.unused();
        assert_eq!(unused.len(), 1);
        assert_eq!(unused[0].line, 7);
        assert!(unused[0].reason.contains("no file d.txt"));
    }

    #[test]
    fn csv_and_tsv_name_their_columns_in_the_header() {
        let (sidecar, bad) = read(
            "metadata.csv",
            "Filename,Title,Date,Source\n\
             x.txt,\"Talks, again\",\"January 4, 2019\",Gazette\n\
             ,Nameless,2019-01-05,Gazette\n\
             y.txt,Why,2019-02-30,\n",
        );
        let x = &sidecar.peek("x.txt").expect("x.txt").meta;
        assert_eq!(x.title.as_deref(), Some("Talks, again"));
        assert_eq!(x.date.as_deref(), Some("2019-01-04"));
        assert_eq!(x.source.as_deref(), Some("Gazette"));
        let y = &sidecar.peek("y.txt").expect("y.txt").meta;
        assert_eq!((y.date.as_deref(), y.source.as_deref()), (None, None));
        let lines: Vec<usize> = bad.iter().map(|b| b.line).collect();
        assert_eq!(lines, [3, 4]);

        let (tsv, bad) = read(
            "metadata.tsv",
            "path\tlanguage\tauthor\nz.txt\tfr\tJean \"Le\" Roy\n",
        );
        let z = &tsv.peek("z.txt").expect("z.txt").meta;
        assert_eq!(z.language.as_deref(), Some("fr"));
        assert_eq!(z.author.as_deref(), Some("Jean \"Le\" Roy"));
        assert!(bad.is_empty());
    }

    #[test]
    fn sidecars_of_sub_folders_name_their_own_files() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let root = dir.path();
        std::fs::create_dir_all(root.join("2019/jan")).expect("mkdir");
        std::fs::create_dir_all(root.join(".hidden")).expect("mkdir");
        std::fs::write(
            root.join("metadata.csv"),
            "file,source\na.txt,Top\n2019/jan/b.txt,Top\n",
        )
        .expect("write");
        std::fs::write(
            root.join("2019/jan/metadata.jsonl"),
            "{\"file\": \"b.txt\", \"source\": \"Jan\"}\n{\"file\": \"c.txt\"}\n",
        )
        .expect("write");
        std::fs::write(
            root.join(".hidden/metadata.jsonl"),
            "{\"file\": \"d.txt\"}\n",
        )
        .expect("write");
        let found = Sidecar::find_all(root);
        let folders: Vec<&str> = found.iter().map(|(_, f)| f.as_str()).collect();
        assert_eq!(folders, ["", "2019/jan"]);
        let mut sidecar = Sidecar::default();
        let mut bad = Vec::new();
        for (path, folder) in &found {
            bad.extend(sidecar.add(path, folder).expect("readable"));
        }
        // The root's line for 2019/jan/b.txt came first; the folder's own is reported.
        assert_eq!(sidecar.len(), 3);
        let b = &sidecar.peek("2019/jan/b.txt").expect("b").meta;
        assert_eq!(b.source.as_deref(), Some("Top"));
        assert!(sidecar.peek("2019/jan/c.txt").is_some());
        assert_eq!(bad.len(), 1);
        assert!(bad[0].path.ends_with("2019/jan/metadata.jsonl") && bad[0].line == 1);
    }

    #[test]
    fn a_table_without_a_file_column_is_refused() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("metadata.csv");
        std::fs::write(&path, "title,date\nA,2019-01-04\n").expect("write");
        let err = Sidecar::read(&path).expect_err("no file column");
        assert!(err.contains("no file-name column"), "{err}");
    }

    #[test]
    fn fingerprints_follow_the_fields() {
        let a = Meta {
            title: Some("A".into()),
            ..Meta::default()
        };
        let b = Meta {
            title: Some("B".into()),
            ..Meta::default()
        };
        assert_ne!(a.fingerprint(), b.fingerprint());
        assert_eq!(a.fingerprint(), a.clone().fingerprint());
        assert_ne!(Meta::default().fingerprint(), 0);
        assert_eq!(a.or(&b).title.as_deref(), Some("A"));
        assert_eq!(Meta::default().or(&b).title.as_deref(), Some("B"));
    }
}
