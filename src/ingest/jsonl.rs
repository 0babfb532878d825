/*!
JSON-lines exports (`.jsonl`, `.ndjson`): one article per line, as news databases and scrapers
export them (issue 20).

Each line is a JSON object with the article's text in `text` (or `body`, `content`) and,
optionally, `title` (or `headline`), `date`, `url`, `source`, `author`, `language` and `id`. The
article's number is its line number (1-based, as editors count), so that `newsdex show
export.jsonl#7` is line 7 of the file. A line that is not such an object is reported with its
number and skipped; the rest of the file is read. Blank lines are skipped silently.
*/

use super::dateline::parse_dateline;
use super::metadata::{json_field, meta_from, Meta};
use super::stories::Article;

/// The names the text of an article may have.
const TEXT_KEYS: &[&str] = &["text", "body", "content"];

/// Longest headline made from the first line of a text without a title, in characters.
const MAX_MADE_HEADLINE: usize = 120;

/// What reading an export gave: its articles, and the lines skipped (line number, reason).
#[derive(Debug, Default)]
pub struct Export {
    pub articles: Vec<Article>,
    pub bad_lines: Vec<(usize, String)>,
}

/// Reads the articles of an export. `path` is the file's path relative to the archive root.
pub fn read_export(path: &str, text: &str) -> Export {
    let mut export = Export::default();
    for (index, line) in text.split('\n').enumerate() {
        let number = index + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match article_of(path, number, line) {
            Ok((article, problem)) => {
                if let Some(problem) = problem {
                    export.bad_lines.push((number, problem));
                }
                export.articles.push(article);
            }
            Err(reason) => export.bad_lines.push((number, reason)),
        }
    }
    export
}

/// One line's article, and what was wrong with one of its fields (the field is then left out).
fn article_of(path: &str, number: usize, line: &str) -> Result<(Article, Option<String>), String> {
    let object = match serde_json::from_str::<serde_json::Value>(line) {
        Ok(serde_json::Value::Object(object)) => object,
        Ok(_) => return Err("not a JSON object; line skipped".to_string()),
        Err(e) => return Err(format!("not JSON ({e}); line skipped")),
    };
    let Some(text) = json_field(&object, TEXT_KEYS) else {
        return Err("no article text (a \"text\" or \"body\" field); line skipped".to_string());
    };
    let (mut meta, problem) = meta_from(|keys| json_field(&object, keys));
    let body = paragraphs(&text);
    let headline = meta.title.take().unwrap_or_else(|| made_headline(&body));
    let dateline = parse_dateline(body.lines().next().unwrap_or(""));
    let date = meta
        .date
        .take()
        .or_else(|| dateline.as_ref().and_then(|d| d.date.clone()));
    let article = Article {
        path: path.to_string(),
        article: number,
        headline,
        dateline: dateline.map(|d| d.text),
        date,
        body,
        meta: Meta {
            title: None,
            date: None,
            ..meta
        },
    };
    Ok((article, problem))
}

/// The text with one paragraph per line: lines trimmed, blank ones dropped.
fn paragraphs(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A headline for a text without a title: its first line, cut at a word before
/// [`MAX_MADE_HEADLINE`] characters.
fn made_headline(body: &str) -> String {
    let first = body.lines().next().unwrap_or("").trim();
    if first.chars().count() <= MAX_MADE_HEADLINE {
        return first.to_string();
    }
    let cut: String = first.chars().take(MAX_MADE_HEADLINE).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}\u{2026}", cut.trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_article_per_line_numbered_by_line() {
        let text = concat!(
            "{\"id\": 17, \"title\": \"Harbour reopens\", \"text\": \"PORTVILLE (Wire) - The harbour reopened on Monday.\\nShips queued.\", \"date\": \"2021-03-01T08:00:00Z\", \"url\": \"https://example.org/h\", \"source\": \"Wire\"}\n",
            "\n",
            "{\"body\": \"A mayor resigned.\", \"author\": \"Ann Lee\"}\n",
            "{\"title\": \"No text\"}\n",
            "{\"text\": \"Bad date.\", \"date\": \"someday\"}\n",
            "{\"text\": \n",
            "\"just a string\"\n",
        );
        let export = read_export("feed.jsonl", text);
        let numbers: Vec<usize> = export.articles.iter().map(|a| a.article).collect();
        assert_eq!(numbers, [1, 3, 5]);
        let first = &export.articles[0];
        assert_eq!(first.headline, "Harbour reopens");
        assert_eq!(first.date.as_deref(), Some("2021-03-01"));
        assert_eq!(first.dateline.as_deref(), Some("PORTVILLE (Wire)"));
        assert_eq!(
            first.body,
            "PORTVILLE (Wire) - The harbour reopened on Monday.\nShips queued."
        );
        assert_eq!(first.meta.url.as_deref(), Some("https://example.org/h"));
        assert_eq!(first.meta.source.as_deref(), Some("Wire"));
        assert_eq!(first.meta.id.as_deref(), Some("17"));
        assert_eq!(first.meta.title, None);
        let second = &export.articles[1];
        assert_eq!(second.headline, "A mayor resigned.");
        assert_eq!(second.meta.author.as_deref(), Some("Ann Lee"));
        assert_eq!(export.articles[2].date, None);
        let bad: Vec<usize> = export.bad_lines.iter().map(|(n, _)| *n).collect();
        assert_eq!(bad, [4, 5, 6, 7]);
        assert!(export.bad_lines[0].1.contains("no article text"));
        assert!(export.bad_lines[1].1.contains("\"someday\" not understood"));
        assert!(export.bad_lines[2].1.starts_with("not JSON"));
        assert!(export.bad_lines[3].1.starts_with("not a JSON object"));
    }

    #[test]
    fn long_first_lines_make_short_headlines() {
        let line = "word ".repeat(60);
        let headline = made_headline(&line);
        assert!(headline.chars().count() <= MAX_MADE_HEADLINE + 1);
        assert!(headline.ends_with("word\u{2026}"));
    }
}
