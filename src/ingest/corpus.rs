/*!
Reading an archive: walking a folder for article files, decoding them, and splitting each file
into articles.

A file may hold several stories. The first non-empty line of a story is its headline. A new story
starts after an explicit separator (a line of `---` or a form feed) or at a line shaped like a
headline: short, title-cased, without sentence punctuation, right after a paragraph that ended a
sentence and right before a paragraph of prose. The shape test is deliberately strict: splitting
a single article in two is worse than missing a split, and the test suite checks that none of the
22,884 one-story files in `../shared/corpora` is split.
*/

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::error::{Error, Result};

/// One story of an archive file, before extraction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// The file's path relative to the archive root, with `/` separators.
    pub path: String,
    /// 0-based number of the story in its file.
    pub article: usize,
    pub headline: String,
    /// The dateline the body opens with, without its closing dash (`UNITED NATIONS (Dispatches)`,
    /// `BRUSSELS 1996-08-22`, `LONDON, April 9`).
    pub dateline: Option<String>,
    /// The story's date as `YYYY-MM-DD`, when the text or the path gives one.
    pub date: Option<String>,
    /// The body: one paragraph per line, the dateline included.
    pub body: String,
}

/// Options for walking an archive.
#[derive(Clone, Debug)]
pub struct WalkOptions {
    /// File extensions to take, without the dot, compared case-insensitively.
    pub extensions: Vec<String>,
}

impl Default for WalkOptions {
    fn default() -> Self {
        WalkOptions {
            extensions: vec!["txt".to_string()],
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
        .sort_by_file_name()
        .into_iter()
        .filter_entry(is_shown as fn(&walkdir::DirEntry) -> bool);
    Ok(Walk {
        root: root.to_path_buf(),
        extensions: options.extensions.clone(),
        entries,
    })
}

/// The iterator of [`walk_iter`].
pub struct Walk {
    root: PathBuf,
    extensions: Vec<String>,
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
            if entry.file_type().is_file() && wanted {
                return Some(Found::File {
                    path: path.to_path_buf(),
                    relative: relative_path(&self.root, path),
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

/// How a file's bytes were turned into text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16,
    /// Mostly UTF-8 with some invalid bytes, each replaced by U+FFFD.
    Utf8Lossy,
    Windows1252,
    /// Another legacy encoding recognised by `chardetng` (ISO-8859-2, KOI8-R, Shift_JIS, ...).
    Other(&'static encoding_rs::Encoding),
}

impl Encoding {
    /// Whether the text was decoded from something other than clean UTF-8.
    pub fn is_converted(self) -> bool {
        !matches!(self, Encoding::Utf8 | Encoding::Utf8Bom)
    }

    /// A short name for messages.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with BOM",
            Encoding::Utf16 => "UTF-16",
            Encoding::Utf8Lossy => "UTF-8 with invalid bytes",
            Encoding::Windows1252 => "windows-1252",
            Encoding::Other(encoding) => encoding.name(),
        }
    }
}

/// How much of a file's start the binary test looks at.
const SNIFF_BYTES: usize = 8192;

/// Whether bytes look like binary data rather than text: more than 1 in 32 of the first
/// kilobytes are control characters other than tab, line feed, form feed, carriage return and
/// escape. A text file with a few stray NUL bytes is text (they are dropped); an executable, an
/// image or compressed data is not.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let controls = head
        .iter()
        .filter(|&&b| {
            (b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | 0x1b)) || b == 0x7f
        })
        .count();
    controls * 32 > head.len()
}

/// UTF-16 without a byte-order mark: in the first kilobytes, nearly every second byte is NUL and
/// the others are not. Returns the encoding, little- or big-endian.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES) & !1];
    if head.len() < 16 {
        return None;
    }
    let pairs = head.len() / 2;
    let even_nul = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_nul * 10 >= pairs * 9 && even_nul * 10 <= pairs {
        Some(encoding_rs::UTF_16LE)
    } else if even_nul * 10 >= pairs * 9 && odd_nul * 10 <= pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Decodes a file's bytes into text.
///
/// - UTF-8, with or without a byte-order mark (the mark is dropped).
/// - UTF-16 with a byte-order mark, or without one when every second byte is NUL.
/// - Binary data (many control bytes in the first 8 KB) is refused.
/// - UTF-8 with a few corrupt bytes (more well-formed multi-byte characters than bad bytes):
///   the bad bytes become U+FFFD, rather than one bad byte turning the file into mojibake.
/// - Anything else that is not valid UTF-8 goes to `chardetng`, the detector Firefox uses:
///   Windows-1252 (the usual encoding of older newsroom copy: curly quotes and accents come out
///   right) or another legacy encoding it recognises.
///
/// Stray NUL and other control characters left in text are dropped.
pub fn decode(bytes: &[u8]) -> std::result::Result<(String, Encoding), String> {
    decode_owned(bytes.to_vec())
}

/// [`decode`], reusing the buffer when the bytes are already UTF-8.
pub fn decode_owned(bytes: Vec<u8>) -> std::result::Result<(String, Encoding), String> {
    let (text, encoding) = decode_inner(bytes)?;
    Ok((strip_controls(text), encoding))
}

fn decode_inner(bytes: Vec<u8>) -> std::result::Result<(String, Encoding), String> {
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(&bytes) {
        let (text, had_errors) = encoding.decode_with_bom_removal(&bytes);
        let kind = if encoding == encoding_rs::UTF_8 {
            if had_errors {
                Encoding::Utf8Lossy
            } else {
                Encoding::Utf8Bom
            }
        } else {
            Encoding::Utf16
        };
        return Ok((text.into_owned(), kind));
    }
    if let Some(encoding) = sniff_utf16(&bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes);
        return Ok((text.into_owned(), Encoding::Utf16));
    }
    if looks_binary(&bytes) {
        let reason = if bytes[..bytes.len().min(SNIFF_BYTES)].contains(&0) {
            "binary data (NUL bytes); not a text file"
        } else {
            "binary data (control bytes); not a text file"
        };
        return Err(reason.to_string());
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return Ok((text, Encoding::Utf8)),
        Err(err) => err.into_bytes(),
    };
    // UTF-8 with a few corrupt bytes: more well-formed multi-byte characters than bad bytes.
    // (Legacy 8-bit text almost never forms valid multi-byte UTF-8 sequences.)
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    if multibyte > invalid {
        return Ok((
            String::from_utf8_lossy(&bytes).into_owned(),
            Encoding::Utf8Lossy,
        ));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(&bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
    let (text, _) = encoding.decode_without_bom_handling(&bytes);
    let kind = if encoding == encoding_rs::UTF_8 {
        Encoding::Utf8Lossy
    } else if encoding == encoding_rs::WINDOWS_1252 {
        Encoding::Windows1252
    } else {
        Encoding::Other(encoding)
    };
    Ok((text.into_owned(), kind))
}

/// Drops control characters other than tab, line feed, form feed and carriage return.
fn strip_controls(text: String) -> String {
    if !text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\u{c}' | '\r'))
    {
        return text;
    }
    text.chars()
        .filter(|&c| !c.is_control() || matches!(c, '\t' | '\n' | '\u{c}' | '\r'))
        .collect()
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

/// A dateline found at the start of a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    pub text: String,
    pub date: Option<String>,
}

/// Recognises a dateline at the start of a body's first paragraph:
/// `UNITED NATIONS (Dispatches) —`, `NAIROBI, Kenya (Reuters) -`, `LONDON, April 9 -`, or a whole
/// paragraph such as `BRUSSELS 1996-08-22`.
pub fn parse_dateline(first: &str) -> Option<Dateline> {
    let first = first.trim();
    // The place: upper-case words (letters, spaces, dots, apostrophes, hyphens).
    let place_end = first
        .char_indices()
        .find(|&(_, c)| !(c.is_uppercase() || c == ' ' || c == '.' || c == '\'' || c == '-'))
        .map(|(i, _)| i)
        .unwrap_or(first.len());
    let place = first[..place_end].trim_end_matches([' ', '-']).trim();
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 {
        return None;
    }
    let rest = &first[place.len()..];
    // `BRUSSELS 1996-08-22` as a whole paragraph.
    let trimmed_rest = rest.trim();
    if let Some(date) = iso_date(trimmed_rest) {
        if trimmed_rest.len() == 10 {
            return Some(Dateline {
                text: first.to_string(),
                date: Some(date),
            });
        }
    }
    // Optional `, Something` (a country or a date), optional `(Agency)`, then a dash.
    let mut i = 0;
    if rest.starts_with(',') {
        i = rest
            .find(['(', '\u{2014}', '\u{2013}', '-'])
            .unwrap_or(rest.len());
        let qualifier = &rest[1..i];
        if qualifier.chars().count() > 30
            || qualifier.contains(['.', ',']) && !qualifier.ends_with('.')
        {
            return None;
        }
    }
    let after = &rest[i..];
    let after_agency = if after.trim_start().starts_with('(') {
        let open = after.find('(')?;
        let close = after[open..].find(')')? + open;
        if close - open > 40 {
            return None;
        }
        &after[close + 1..]
    } else {
        after
    };
    let stripped = after_agency.trim_start();
    let dash = ['\u{2014}', '\u{2013}', '-'];
    if !stripped.starts_with(dash) {
        return None;
    }
    let end = first.len() - stripped.len();
    let text = first[..end].trim().to_string();
    Some(Dateline { text, date: None })
}

/// `YYYY-MM-DD` at the start of `s`, validated.
fn iso_date(s: &str) -> Option<String> {
    let b = s.as_bytes();
    if b.len() < 10 {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)) {
        return None;
    }
    let year: u32 = s[0..4].parse().ok()?;
    let month: u32 = s[5..7].parse().ok()?;
    let day: u32 = s[8..10].parse().ok()?;
    if !(1800..=2200).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some(s[..10].to_string())
}

/// A header line `Date: 2022-05-27`.
fn parse_date_header(line: &str) -> Option<String> {
    let (key, value) = line.split_once(':')?;
    if !key.trim().eq_ignore_ascii_case("date") {
        return None;
    }
    let value = value.trim();
    iso_date(value).filter(|_| value.len() == 10)
}

/// A date in a file's path, such as `2019-01-04_Some_story.txt` or `2019/2019-01-04/x.txt`.
pub fn date_from_path(path: &str) -> Option<String> {
    let components: Vec<&str> = path.rsplit('/').collect();
    for component in components {
        for (i, _) in component.char_indices() {
            let rest = &component[i..];
            if let Some(date) = iso_date(rest) {
                let before_ok = component[..i]
                    .chars()
                    .last()
                    .is_none_or(|c| !c.is_ascii_digit());
                let after_ok = rest[10..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_ascii_digit());
                if before_ok && after_ok {
                    return Some(date);
                }
            }
        }
    }
    None
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
    fn datelines() {
        let d = parse_dateline("BRUSSELS 1996-08-22").unwrap();
        assert_eq!(d.date.as_deref(), Some("1996-08-22"));
        let d = parse_dateline("LONDON, April 9 - Shares fell sharply.").unwrap();
        assert_eq!(d.text, "LONDON, April 9");
        let d = parse_dateline("NAIROBI, Kenya (Dispatches) \u{2014} Rain fell.").unwrap();
        assert_eq!(d.text, "NAIROBI, Kenya (Dispatches)");
        assert_eq!(
            parse_dateline("China and Russia have vetoed a resolution."),
            None
        );
        assert_eq!(parse_dateline("UN officials said - quietly - that"), None);
    }

    #[test]
    fn dates_from_headers_and_paths() {
        let articles = split_articles("a/b.txt", "Date: 2022-05-27\nHeadline Here\nBody text.");
        assert_eq!(articles[0].date.as_deref(), Some("2022-05-27"));
        assert_eq!(articles[0].headline, "Headline Here");
        assert_eq!(
            date_from_path("2019-01-04_Magnitogorsk_collapse.txt").as_deref(),
            Some("2019-01-04")
        );
        assert_eq!(date_from_path("reut2-00001.txt"), None);
        assert_eq!(date_from_path("x/2019-13-04_bad.txt"), None);
    }

    #[test]
    fn decoding() {
        assert_eq!(decode(b"plain").unwrap().1, Encoding::Utf8);
        assert_eq!(
            decode(b"\xef\xbb\xbfbom").unwrap(),
            ("bom".to_string(), Encoding::Utf8Bom)
        );
        let (text, enc) = decode(b"\x93Quoted\x94 caf\xe9").unwrap();
        assert_eq!(enc, Encoding::Windows1252);
        assert_eq!(text, "\u{201c}Quoted\u{201d} caf\u{e9}");
        assert!(decode(b"ab\0cd").is_err());
        let utf16: Vec<u8> = [0xFF, 0xFE, b'h', 0, b'i', 0].to_vec();
        assert_eq!(decode(&utf16).unwrap(), ("hi".to_string(), Encoding::Utf16));
    }

    #[test]
    fn decoding_bad_input() {
        // UTF-16 without a byte-order mark, both byte orders.
        let text = "Headline without a mark";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le).unwrap(), (text.to_string(), Encoding::Utf16));
        assert_eq!(decode(&be).unwrap(), (text.to_string(), Encoding::Utf16));
        // UTF-8 with one corrupt byte stays UTF-8.
        let (text, enc) = decode(b"Z\xc3\xbcrich caf\xc3\xa9 \xff end").unwrap();
        assert_eq!(enc, Encoding::Utf8Lossy);
        assert_eq!(text, "Z\u{fc}rich caf\u{e9} \u{fffd} end");
        // A few NUL bytes in text are dropped; a run of control bytes is binary.
        let (text, enc) =
            decode(b"Ministers met\0 again on Wednesday to sign the accord.").unwrap();
        assert_eq!(enc, Encoding::Utf8);
        assert_eq!(text, "Ministers met again on Wednesday to sign the accord.");
        assert!(decode(&[1u8, 2, 3, 4, 5, 6, 7, 8, b'a', b'b'][..]).is_err());
        assert_eq!(decode(b"").unwrap().0, "");
    }
}
