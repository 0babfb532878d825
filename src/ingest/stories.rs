/*!
Splitting a file's text into stories ([`Article`]s): headline, dateline, date and body.

A file may hold several stories. The first non-empty line of a story is its headline. A new story
starts after an explicit separator (a line of `---` or a form feed) or at a line shaped like a
headline: short, title-cased, without sentence punctuation, right after a paragraph that ended a
sentence and right before a paragraph of prose. The shape test is deliberately strict: splitting
a single article in two is worse than missing a split, and the test suite checks that none of the
22,884 one-story files in `../shared/corpora` is split.
*/

use super::dateline::{date_from_path, parse_date_header, parse_dateline};
use super::metadata::Meta;

/// One story of an archive file, before extraction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// The file's path relative to the archive root, with `/` separators.
    pub path: String,
    /// 0-based number of the story in its file; for a JSON-lines export, the line number
    /// (1-based).
    pub article: usize,
    pub headline: String,
    /// The dateline the body opens with, without its closing dash (`UNITED NATIONS (Dispatches)`,
    /// `BRUSSELS 1996-08-22`, `LONDON, April 9`).
    pub dateline: Option<String>,
    /// The story's date as `YYYY-MM-DD`, when the text or the path gives one.
    pub date: Option<String>,
    /// The body: one paragraph per line, the dateline included.
    pub body: String,
    /// What the file says of the article beyond its text (a page's URL and byline, a JSON
    /// line's fields); `title` and `date` are in `headline` and `date`.
    pub meta: Meta,
}

/// Splits a file's text into articles. `path` is the file's path relative to the archive root.
pub fn split_articles(path: &str, text: &str) -> Vec<Article> {
    let path_date = date_from_path(path);
    let mut articles = Vec::new();
    for chunk in explicit_chunks(text) {
        let mut lines: Vec<&str> = chunk.iter().map(|l| l.trim()).collect();
        // A header line `Date: 2022-05-27` above the headline.
        let mut header_date = None;
        while let Some(first) = lines.iter().position(|l| !l.is_empty()) {
            match parse_date_header(lines[first]) {
                Some(date) => {
                    header_date = Some(date);
                    lines.drain(..=first);
                }
                None => break,
            }
        }
        for story in split_by_headlines(&lines) {
            let Some((headline, body_lines)) = story.split_first() else {
                continue;
            };
            let body = body_lines.join("\n");
            let dateline = parse_dateline(body_lines.first().copied().unwrap_or(""));
            let date = header_date
                .clone()
                .or_else(|| dateline.as_ref().and_then(|d| d.date.clone()))
                .or_else(|| path_date.clone());
            articles.push(Article {
                path: path.to_string(),
                article: articles.len(),
                headline: headline.to_string(),
                dateline: dateline.map(|d| d.text),
                date,
                body,
                meta: Meta::default(),
            });
        }
    }
    articles
}

/// Splits the text at explicit separators: a line of three or more `-`, or a form feed.
fn explicit_chunks(text: &str) -> Vec<Vec<&str>> {
    let mut chunks = vec![Vec::new()];
    for raw in text.split('\n') {
        let line = raw.trim_end_matches('\r');
        let pieces: Vec<&str> = line.split('\u{c}').collect();
        for (i, piece) in pieces.iter().enumerate() {
            if i > 0 {
                chunks.push(Vec::new());
            }
            let t = piece.trim();
            if t.len() >= 3 && t.chars().all(|c| c == '-') {
                chunks.push(Vec::new());
                continue;
            }
            if let Some(current) = chunks.last_mut() {
                current.push(*piece);
            }
        }
    }
    let mut stories: Vec<Vec<&str>> = Vec::new();
    for chunk in chunks {
        if !chunk.iter().any(|l| !l.trim().is_empty()) {
            continue;
        }
        match stories.last_mut() {
            Some(previous) if !starts_story(&chunk) => previous.extend(chunk),
            _ => stories.push(chunk),
        }
    }
    stories
}

/// Groups non-empty lines into stories, each starting with its headline.
fn split_by_headlines<'a>(lines: &[&'a str]) -> Vec<Vec<&'a str>> {
    let paragraphs: Vec<&str> = lines.iter().copied().filter(|l| !l.is_empty()).collect();
    let mut stories: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    // Whether `current[1..]` holds a paragraph of prose, kept as paragraphs are added so that a
    // long file of short lines is not scanned again for every line.
    let mut has_prose = false;
    for (i, para) in paragraphs.iter().enumerate() {
        let starts_story = current.len() >= 2
            && has_prose
            && ends_sentence(current[current.len() - 1])
            && is_headline_shaped(para)
            && paragraphs
                .get(i + 1)
                .is_some_and(|next| is_prose(next) && starts_sentence(next));
        if starts_story {
            stories.push(std::mem::take(&mut current));
            has_prose = false;
        }
        if !current.is_empty() && is_prose(para) {
            has_prose = true;
        }
        current.push(para);
    }
    if !current.is_empty() {
        stories.push(current);
    }
    stories
}

/// Small words that stay lower-case in a title-cased headline.
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "off", "on",
    "onto", "or", "over", "per", "the", "to", "up", "upon", "via", "vs", "with", "nor", "is",
    "are", "be", "after", "amid", "than", "out", "its",
];

/// A short, title-cased line with no sentence punctuation.
pub fn is_headline_shaped(line: &str) -> bool {
    let chars = line.chars().count();
    if !(10..=140).contains(&chars) {
        return false;
    }
    let last = line.chars().last().unwrap_or(' ');
    if matches!(
        last,
        '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | '\u{201d}' | '\u{2019}' | '\u{2026}' | ')'
    ) {
        return false;
    }
    let first = line.chars().next().unwrap_or(' ');
    if matches!(
        first,
        '"' | '\''
            | '\u{201c}'
            | '\u{2018}'
            | '('
            | '['
            | '-'
            | '\u{2013}'
            | '\u{2014}'
            | '*'
            | '\u{2022}'
    ) {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    if !(3..=18).contains(&words.len()) {
        return false;
    }
    // No sentence inside the line.
    if line.contains(". ") || line.contains("; ") {
        return false;
    }
    let mut capitalised = 0;
    let mut lower = 0;
    let mut letters = 0;
    let mut all_caps_words = 0;
    for word in &words {
        let w = word.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(c) = w.chars().next() else { continue };
        if !c.is_alphabetic() {
            continue;
        }
        letters += 1;
        if w.chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
            && w.len() > 1
        {
            all_caps_words += 1;
        }
        if c.is_uppercase() {
            capitalised += 1;
        } else if !TITLE_SMALL_WORDS.contains(&w.to_lowercase().as_str()) {
            lower += 1;
        }
    }
    // An all-caps line is a telex header or a table row, not a title-cased headline.
    letters >= 3 && capitalised >= 3 && lower == 0 && all_caps_words * 2 < letters
}

/// Whether a paragraph begins like a sentence: a capital, a digit or an opening quote.
fn starts_sentence(line: &str) -> bool {
    line.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\u{201c}' | '\'')
    })
}

/// Whether a chunk after an explicit separator begins like a story: a title-like first line
/// (not a table row, a sentence or an all-caps label) followed by prose. A `---` rule inside a
/// digest or a table does not start a new article.
fn starts_story(chunk: &[&str]) -> bool {
    let mut lines = chunk.iter().map(|l| l.trim()).filter(|l| !l.is_empty());
    let (Some(first), Some(second)) = (lines.next(), lines.next()) else {
        return false;
    };
    let words: Vec<&str> = first.split_whitespace().collect();
    let alphabetic = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .count();
    let letters: Vec<char> = first.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.iter().all(|c| c.is_uppercase());
    let starts_capital =
        first.chars().next().is_some_and(char::is_uppercase) || parse_date_header(first).is_some();
    let ends_open = matches!(first.chars().last(), Some('.' | ',' | ';' | ':'));
    (parse_date_header(first).is_some()
        || (words.len() <= 25
            && alphabetic * 2 >= words.len()
            && starts_capital
            && !all_caps
            && !ends_open))
        && (is_prose(second) || parse_date_header(first).is_some())
}

/// A paragraph of running text: several words ending like a sentence.
fn is_prose(line: &str) -> bool {
    line.split_whitespace().count() >= 8 && ends_sentence(line)
}

/// Whether a paragraph ends a sentence (possibly inside a closing quote or bracket).
fn ends_sentence(line: &str) -> bool {
    let trimmed = line.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')', ']']);
    matches!(
        trimmed.chars().last(),
        Some('.') | Some('!') | Some('?') | Some('\u{2026}')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../corpus/000_f539c37ecbe7f26d.txt");

    #[test]
    fn seed_holds_two_stories() {
        let articles = split_articles("000_f539c37ecbe7f26d.txt", SEED);
        assert_eq!(articles.len(), 2);
        assert_eq!(
            articles[0].headline,
            "China, Russia Veto U.S. Push for More UN Sanctions on North Korea"
        );
        assert_eq!(
            articles[1].headline,
            "Security Council Split Spells End Era for U.S.-Led Sanctions"
        );
        assert_eq!(
            articles[0].dateline.as_deref(),
            Some("UNITED NATIONS (Dispatches)")
        );
        assert!(articles[0].body.ends_with("ballistic missile programs."));
        assert!(articles[1]
            .body
            .starts_with("A decision by China and Russia"));
        assert_eq!(articles[1].article, 1);
    }

    #[test]
    fn separators_inside_digests_and_tables_do_not_split() {
        let digest = "Digest\nLONDON - Shares fell today in thin trade, dealers said.\n---\nNEW YORK - The dollar rose on Monday as traders bought it.\n";
        assert_eq!(split_articles("x.txt", digest).len(), 1);
        let table = "Results\nThe draw for the tournament was made on Friday, officials said.\n------\n9 - Wayne Smith (U.S.) vs. qualifier\n4 - A B vs. C D\n";
        assert_eq!(split_articles("x.txt", table).len(), 1);
    }

    #[test]
    fn attribution_and_list_lines_are_not_headlines() {
        let text = "Primaries Held\nVoters went to the polls in three states on Tuesday, officials said.\n\u{2014}Mike Smith, Twitter\nIn Ohio, which was planning to hold its primary, the vote was delayed.\n";
        assert_eq!(split_articles("x.txt", text).len(), 1);
        let text = "Cup Draw\nThe holders finished top of their group with a win over the champions.\nBarcelona, Bayern Munich, Porto, Real Madrid, Werder Bremen\n, who had already qualified, lost 2-1 to Porto on the night.\n";
        assert_eq!(split_articles("x.txt", text).len(), 1);
    }

    #[test]
    fn explicit_separators_split() {
        let text = "First Story\nBody one is here and it runs on for a while.\n---\nSecond Story\nBody two is here and it runs on for a while.\n\u{c}\nThird One\nBody three is here and it runs on for a while.";
        let articles = split_articles("x.txt", text);
        let heads: Vec<&str> = articles.iter().map(|a| a.headline.as_str()).collect();
        assert_eq!(heads, ["First Story", "Second Story", "Third One"]);
    }

    #[test]
    fn headline_shape() {
        assert!(is_headline_shaped(
            "Security Council Split Spells End Era for U.S.-Led Sanctions"
        ));
        assert!(!is_headline_shaped(
            "The vote was 13-2 and marked a division."
        ));
        assert!(!is_headline_shaped("BRUSSELS 1996-08-22"));
        assert!(!is_headline_shaped("NET PROFIT RISES TO 10 MLN DLRS"));
        assert!(!is_headline_shaped("He said the talks had failed and"));
    }

    #[test]
    fn a_date_header_dates_the_story() {
        let articles = split_articles("a/b.txt", "Date: 2022-05-27\nHeadline Here\nBody text.");
        assert_eq!(articles[0].date.as_deref(), Some("2022-05-27"));
        assert_eq!(articles[0].headline, "Headline Here");
    }
}
