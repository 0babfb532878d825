/*!
Which reader reads a file, by its extension: plain text (`.txt`, and what `--ext` adds) is split
into stories ([`super::stories`]), a saved web page (`.html`, `.htm`) gives its article
([`super::html`]), a JSON-lines export (`.jsonl`, `.ndjson`) one article per line
([`super::jsonl`]).
*/

use super::html::read_page;
use super::jsonl::read_export;
use super::stories::{split_articles, Article};

/// How a file is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileFormat {
    /// Plain text: one or more stories.
    Text,
    /// A saved web page: one article.
    Page,
    /// JSON lines: one article per line.
    Export,
}

impl FileFormat {
    /// The format of a file, by its extension (anything but a page or an export is text).
    pub fn of(path: &str) -> FileFormat {
        let extension = path
            .rsplit_once('.')
            .map(|(_, ext)| ext.to_ascii_lowercase())
            .unwrap_or_default();
        match extension.as_str() {
            "html" | "htm" => FileFormat::Page,
            "jsonl" | "ndjson" => FileFormat::Export,
            _ => FileFormat::Text,
        }
    }
}

/// The articles of a file, and the lines of an export that were skipped (line, reason).
#[derive(Debug, Default)]
pub struct FileArticles {
    pub articles: Vec<Article>,
    pub bad_lines: Vec<(usize, String)>,
}

/// Reads a file's decoded text into articles, as its format says. `relative` is its path
/// relative to the archive root.
///
/// # Errors
///
/// A one-line reason when the file holds no article (then nothing of it is indexed).
pub fn read_text(relative: &str, text: &str) -> Result<FileArticles, String> {
    match FileFormat::of(relative) {
        FileFormat::Text => Ok(FileArticles {
            articles: articles_of(relative, text)?,
            bad_lines: Vec::new(),
        }),
        FileFormat::Page => {
            if text.trim().is_empty() {
                return Err("empty file".to_string());
            }
            Ok(FileArticles {
                articles: vec![read_page(relative, text)?],
                bad_lines: Vec::new(),
            })
        }
        FileFormat::Export => {
            let export = read_export(relative, text);
            if export.articles.is_empty() {
                return Err(match export.bad_lines.first() {
                    None => "empty file".to_string(),
                    Some((line, reason)) => format!(
                        "no article in the file ({} bad lines; line {line}: {reason})",
                        export.bad_lines.len()
                    ),
                });
            }
            Ok(FileArticles {
                articles: export.articles,
                bad_lines: export.bad_lines,
            })
        }
    }
}

/// Splits decoded plain text into articles; refuses text with nothing in it.
fn articles_of(relative: &str, text: &str) -> Result<Vec<Article>, String> {
    if text.trim().is_empty() {
        return Err("empty file".to_string());
    }
    let articles = split_articles(relative, text);
    if articles.is_empty() {
        return Err("no article in the file".to_string());
    }
    Ok(articles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        assert_eq!(FileFormat::of("a/b.HTML"), FileFormat::Page);
        assert_eq!(FileFormat::of("b.htm"), FileFormat::Page);
        assert_eq!(FileFormat::of("feed.ndjson"), FileFormat::Export);
        assert_eq!(FileFormat::of("feed.jsonl"), FileFormat::Export);
        assert_eq!(FileFormat::of("notes.md"), FileFormat::Text);
        assert_eq!(FileFormat::of("README"), FileFormat::Text);
    }

    #[test]
    fn an_export_without_one_good_line_is_no_article() {
        let err = read_text("x.jsonl", "{\"title\": \"t\"}\nnope\n").expect_err("no article");
        assert!(
            err.starts_with("no article in the file (2 bad lines; line 1:"),
            "{err}"
        );
        let ok = read_text("x.jsonl", "{\"text\": \"A ship sank.\"}\nnope\n").expect("one");
        assert_eq!(ok.articles.len(), 1);
        assert_eq!(ok.bad_lines.len(), 1);
    }
}
