/*!
The formats every report prints in ([`Format`], the [`Report`] trait), the text [`Style`], and
the safety rules for text from articles.

Text from articles is sanitised before it is printed: control characters (escape sequences,
bidi overrides) are dropped so that an archive cannot drive the user's terminal. JSON escapes
control characters anyway, and newsdex also escapes bidi controls (`\u202e`), which is still the
same JSON.
*/

use std::borrow::Cow;
use std::io::{self, Write};

use serde::Serialize;

/// How results are printed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// For people: aligned text, highlights in colour when enabled.
    #[default]
    Text,
    /// One pretty-printed JSON document.
    Json,
    /// One JSON object per line: one per hit, quote or facet value.
    Ndjson,
    /// Comma-separated values with a header row (RFC 4180 quoting).
    Csv,
}

/// Results that can be printed in every [`Format`].
pub trait Report: Serialize {
    /// What one NDJSON line holds.
    type Item: Serialize;
    /// The items printed one per line in NDJSON.
    fn items(&self) -> &[Self::Item];
    /// Prints the results for people.
    fn write_text(&self, out: &mut dyn Write, style: Style) -> io::Result<()>;
    /// Prints the results as CSV; `clean` drops control characters from the fields (when the
    /// CSV goes to a terminal).
    fn write_csv(&self, out: &mut dyn Write, clean: bool) -> io::Result<()>;
}

/// Prints a report in a format.
pub fn print<W: Write, R: Report>(
    out: &mut W,
    report: &R,
    format: Format,
    style: Style,
) -> io::Result<()> {
    match format {
        Format::Text => report.write_text(out, style),
        Format::Json => json(out, report),
        Format::Ndjson => {
            for item in report.items() {
                json_line(out, item)?;
            }
            Ok(())
        }
        Format::Csv => report.write_csv(out, style.terminal),
    }
}

pub(crate) const BOLD_RED: &str = "\x1b[1;31m";
pub(crate) const BOLD: &str = "\x1b[1m";
pub(crate) const DIM: &str = "\x1b[2m";
pub(crate) const RESET: &str = "\x1b[0m";

/// How text output looks.
#[derive(Clone, Copy, Debug, Default)]
pub struct Style {
    pub color: bool,
    /// Whether output goes to a terminal (CSV fields are then sanitised too).
    pub terminal: bool,
}

impl Style {
    pub(crate) fn paint<'a>(&self, code: &str, text: &'a str) -> Cow<'a, str> {
        if self.color {
            Cow::Owned(format!("{code}{text}{RESET}"))
        } else {
            Cow::Borrowed(text)
        }
    }
}

/// Drops control characters (but keeps newlines and tabs) and bidi controls.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    let bad = |c: char| (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c);
    if text.chars().any(bad) {
        Cow::Owned(text.chars().filter(|&c| !bad(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// [`sanitize`] for text that must stay on one line (a path, a line of metadata): line breaks
/// and tabs, which a file name may hold, are shown as `\n` and `\t`.
pub fn sanitize_line(text: &str) -> Cow<'_, str> {
    let clean = sanitize(text);
    if clean.contains(['\n', '\t']) {
        Cow::Owned(clean.replace('\n', "\\n").replace('\t', "\\t"))
    } else {
        clean
    }
}

/// Whether a character is a bidi control (it can reorder what a terminal shows).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

/// Whether a text holds a bidi control. Every one is encoded from the lead byte `E2`, so only
/// the characters starting there are decoded (a byte search, not a decoding of every character:
/// this runs over all the JSON `extract --json` prints).
fn has_bidi_control(text: &str) -> bool {
    memchr::memchr_iter(0xE2, text.as_bytes()).any(|i| {
        text.get(i..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(is_bidi_control)
    })
}

/// Writes serialised JSON with bidi controls escaped (`\u202e`): the same JSON, but safe to
/// show in a terminal. JSON can only hold them inside strings, where the escape is valid.
fn write_json_escaped<W: Write + ?Sized>(out: &mut W, json: &str) -> io::Result<()> {
    if !has_bidi_control(json) {
        return out.write_all(json.as_bytes());
    }
    let mut escaped = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_bidi_control(c) {
            escaped.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            escaped.push(c);
        }
    }
    out.write_all(escaped.as_bytes())
}

/// Prints any value as pretty JSON followed by a newline.
pub fn json<W: Write + ?Sized, T: Serialize + ?Sized>(out: &mut W, value: &T) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value)?;
    write_json_escaped(out, &text)?;
    writeln!(out)
}

/// Prints any value as one line of JSON.
pub fn json_line<W: Write + ?Sized, T: Serialize + ?Sized>(
    out: &mut W,
    value: &T,
) -> io::Result<()> {
    let text = serde_json::to_string(value)?;
    write_json_escaped(out, &text)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_controls_found_by_their_bytes() {
        for c in [
            '\u{200e}', '\u{200f}', '\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}',
        ] {
            assert!(
                has_bidi_control(&format!("a \u{201c}b{c}\u{201d}")),
                "{c:?}"
            );
            assert_eq!(has_bidi_control(&format!("x{c}")), is_bidi_control(c));
        }
        // Curly quotes, dashes and the neighbours of the controls share their first bytes.
        for c in [
            '\u{201c}', '\u{2014}', '\u{200d}', '\u{2029}', '\u{202f}', '\u{2065}', '\u{206a}',
        ] {
            assert!(!has_bidi_control(&format!("a{c}b")), "{c:?}");
        }
        let mut out = Vec::new();
        assert!(write_json_escaped(&mut out, "\"a\u{202e}b\"").is_ok());
        assert_eq!(String::from_utf8_lossy(&out), "\"a\\u202eb\"");
    }

    #[test]
    fn sanitize_drops_escapes_and_bidi() {
        assert_eq!(sanitize("a\x1b[31mb\u{202e}c\nd"), "a[31mbc\nd");
        assert!(matches!(sanitize("plain"), Cow::Borrowed(_)));
    }
}
