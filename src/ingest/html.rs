/*!
Saved web pages (`.html`, `.htm`): the article a page holds, read as Firefox's reader view reads
it (issue 20).

The main text is extracted by `dom_smoothie`, a port of Mozilla's Readability.js: navigation,
scripts, comments and sharing widgets are dropped (and, before it reads the page, cookie and
consent banners), and the text keeps one
paragraph per line. The headline is Readability's title (JSON-LD `headline`, `og:title`, the
`<title>` cleaned of the site's name) or the first `<h1>`; the byline and the date come from the
page's metadata (JSON-LD `author`/`datePublished`, `article:published_time`, a `<time
datetime>`); the URL from `og:url`, `<link rel="canonical">` or JSON-LD; the language from
`<html lang>`.

How close this comes to Readability.js on 45 saved news pages is measured by
`tools/html-accuracy` (see `docs/commands.md`).
*/

use dom_smoothie::{Config, Readability, TextMode};

use super::dateline::parse_dateline;
use super::metadata::Meta;
use super::pubdate::parse_date;
use super::stories::Article;

/// Pages with more elements than this are refused (a saved news page has a few thousand).
const MAX_ELEMENTS: usize = 200_000;

/// A page Readability does not take for an article (too little paragraph text) is refused when
/// what it extracts anyway is shorter than this many words: a menu or a link list, not a story.
const MIN_WORDS_UNREADABLE: usize = 50;

/// ... unless the page says it is an article (an `<article>` element, `articleBody`,
/// `og:type` article): then a short story (a result, a brief) is one, down to this many words.
const MIN_WORDS_MARKED_ARTICLE: usize = 5;

/// What the page says in its markup, read before Readability rewrites the document.
#[derive(Default)]
struct PageMarks {
    url: Option<String>,
    times: Vec<String>,
    h1: Option<String>,
    /// The page marks itself as an article.
    article: bool,
}

/// Reads the article of a saved page. `path` is the file's path relative to the archive root.
///
/// # Errors
///
/// A one-line reason when the page holds no readable article.
pub fn read_page(path: &str, html: &str) -> Result<Article, String> {
    let config = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let mut readability = Readability::new(html, None, Some(config))
        .map_err(|e| format!("not a readable page ({e})"))?;
    let marks = page_marks(&readability);
    drop_consent_banners(&readability);
    let readable = readability.is_probably_readable();
    let page = readability
        .parse()
        .map_err(|e| format!("no article found in the page ({e})"))?;
    let body = paragraphs(&page.text_content);
    let least = if marks.article {
        MIN_WORDS_MARKED_ARTICLE
    } else {
        MIN_WORDS_UNREADABLE
    };
    if body.is_empty() || (!readable && body.split_whitespace().count() < least) {
        return Err("no article text in the page".to_string());
    }
    let headline = Some(one_line(&page.title))
        .filter(|t| !t.is_empty())
        .or(marks.h1)
        .unwrap_or_else(|| body.lines().next().unwrap_or("").to_string());
    let date = page
        .published_time
        .iter()
        .chain(marks.times.iter())
        .find_map(|text| parse_date(text));
    let url = marks.url.or_else(|| page.url.filter(|u| is_web_address(u)));
    let dateline = parse_dateline(body.lines().next().unwrap_or(""));
    let date = date.or_else(|| dateline.as_ref().and_then(|d| d.date.clone()));
    Ok(Article {
        path: path.to_string(),
        article: 0,
        headline,
        dateline: dateline.map(|d| d.text),
        date,
        body,
        meta: Meta {
            url,
            author: page.byline.map(|b| one_line(&b)).filter(|b| !b.is_empty()),
            language: page
                .lang
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty()),
            ..Meta::default()
        },
    })
}

/// The URL, `<time>` values and first `<h1>` of the page.
fn page_marks(readability: &Readability) -> PageMarks {
    let doc = &readability.doc;
    let attr = |selector: &str, name: &str| -> Option<String> {
        doc.select(selector)
            .nodes()
            .iter()
            .filter_map(|node| node.attr(name))
            .map(|value| value.trim().to_string())
            .find(|value| !value.is_empty())
    };
    let url = attr("meta[property='og:url']", "content")
        .or_else(|| attr("link[rel='canonical']", "href"))
        .filter(|u| is_web_address(u));
    let mut times = Vec::new();
    for selector in [
        "meta[itemprop='datePublished']",
        "meta[name='date']",
        "meta[name='pubdate']",
    ] {
        times.extend(attr(selector, "content"));
    }
    times.extend(attr("article time[datetime]", "datetime"));
    times.extend(attr("time[datetime]", "datetime"));
    let h1 = doc
        .select("h1")
        .nodes()
        .iter()
        .map(|node| one_line(&node.text()))
        .find(|text| !text.is_empty());
    let article = !doc.select("article, [itemprop='articleBody']").is_empty()
        || attr("meta[property='og:type']", "content").is_some_and(|t| t.contains("article"));
    PageMarks {
        url,
        times,
        h1,
        article,
    }
}

/// Removes cookie and consent banners, which Readability can take for a paragraph of the
/// article when they sit next to it.
fn drop_consent_banners(readability: &Readability) {
    readability
        .doc
        .select(
            "[id*=cookie i], [class*=cookie i], [id*=consent i], [class*=consent i], \
             [id*=gdpr i], [class*=gdpr i]",
        )
        .remove();
}

fn is_web_address(text: &str) -> bool {
    text.starts_with("https://") || text.starts_with("http://")
}

/// Text on one line, its runs of white space made single spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text with one paragraph per line: lines made single-spaced, blank ones dropped.
fn paragraphs(text: &str) -> String {
    text.lines()
        .map(one_line)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en-GB"><head>
<title>Harbour reopens after storm | The Portville Gazette</title>
<meta property="og:title" content="Harbour reopens after storm">
<meta property="og:url" content="https://gazette.example/2021/03/harbour">
<meta property="article:published_time" content="2021-03-01T08:30:00+00:00">
<meta name="author" content="Ann Lee">
<script>var tracking = "do not index me";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<div class="cookie-banner">We use cookies. Accept all cookies?</div>
<article>
<h1>Harbour reopens after storm</h1>
<p>The harbour of Portville reopened on Monday, three days after a storm tore through its breakwater and sank two fishing boats at their moorings.</p>
<p>"We worked through the night to clear the channel," said Maria Costa, the harbour master, as the first ferry of the week came in with its horns sounding.</p>
<p>Fishermen said the repairs to the outer wall would take the rest of the spring, and that the town council had promised money for a stronger one before the autumn storms.</p>
</article>
<aside class="comments"><p>Comment: first!</p></aside>
<footer>Copyright The Portville Gazette. All rights reserved.</footer>
</body></html>"#;

    #[test]
    fn a_page_gives_its_article_and_metadata() {
        let article = read_page("pages/harbour.html", PAGE).expect("a readable page");
        assert_eq!(article.headline, "Harbour reopens after storm");
        assert_eq!(article.date.as_deref(), Some("2021-03-01"));
        assert_eq!(
            article.meta.url.as_deref(),
            Some("https://gazette.example/2021/03/harbour")
        );
        assert_eq!(article.meta.author.as_deref(), Some("Ann Lee"));
        assert_eq!(article.meta.language.as_deref(), Some("en-GB"));
        let paragraphs: Vec<&str> = article.body.lines().collect();
        assert_eq!(paragraphs.len(), 3, "{}", article.body);
        assert!(paragraphs[0].starts_with("The harbour of Portville reopened"));
        assert!(paragraphs[1].contains("said Maria Costa"));
        for boilerplate in ["tracking", "cookies", "Home", "first!", "Copyright"] {
            assert!(!article.body.contains(boilerplate), "{boilerplate} kept");
        }
    }

    #[test]
    fn a_time_element_dates_a_page_without_metadata() {
        let page = PAGE.replace("article:published_time", "x-none").replace(
            "<article>",
            "<article><time datetime=\"2020-12-24\">Christmas Eve</time>",
        );
        let article = read_page("a.htm", &page).expect("a readable page");
        assert_eq!(article.date.as_deref(), Some("2020-12-24"));
    }

    #[test]
    fn a_short_story_is_read_when_the_page_marks_it_as_an_article() {
        let page = "<html><head><title>Chess result</title></head><body>\
            <nav><a href=\"/\">Home</a> <a href=\"/sport\">Sport</a></nav>\
            <article><h1>Chess result</h1><p>Ann Lee beat Bo Chan in 40 moves on Sunday.</p>\
            </article></body></html>";
        let article = read_page("chess.html", page).expect("a short article");
        assert_eq!(article.headline, "Chess result");
        assert!(
            article.body.contains("Ann Lee beat Bo Chan in 40 moves"),
            "{}",
            article.body
        );
        assert!(!article.body.contains("Sport"), "{}", article.body);
        // The same words in a page that does not say it is an article: a menu, not a story.
        let menu = page.replace("article>", "div>");
        assert!(read_page("menu.html", &menu).is_err());
    }

    #[test]
    fn a_page_without_text_is_refused() {
        let err = read_page(
            "empty.html",
            "<html><head><title>x</title></head><body></body></html>",
        )
        .expect_err("no article");
        assert!(err.contains("no article"), "{err}");
    }
}
