//! Matching: scans a text line by line for gazetteer phrases (an anchored search where a word may
//! start one), checks each hit's word boundaries and letter case, and reads its context into a
//! [`Mention`]: part of a person's name, a government acting or a location, after a locative
//! preposition, a dateline city, or qualified by the place after it (`Paris, Texas`).
//!
//! Uses the gazetteer and the context words.

use aho_corasick::{Anchored, Input};

use super::context::{FUNCTION_WORDS, GOV_NOUNS, GOV_OBJECT, GOV_VERBS, NAME_HEADS, TITLES};
use super::gazetteer::{Kind, GAZ};

/// Places at least this populous keep a following capitalised name ("Chicago Cubs").
pub(super) const BIG_CITY: u64 = 1_000_000;

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// The character before byte `start` is not a letter or digit.
fn boundary_before(text: &str, start: usize) -> bool {
    match text[..start].chars().next_back() {
        None => true,
        Some(c) => !c.is_alphanumeric(),
    }
}

fn boundary_after(text: &str, end: usize) -> bool {
    match text[end..].chars().next() {
        None => true,
        Some(c) => !c.is_alphanumeric(),
    }
}

/// The matched text agrees with the pattern's letter case: an upper-case letter of the pattern
/// must be upper-case in the text; a lower-case one may be capitalised at a word start, or when
/// the whole match is in capitals where capitals are usual (`caps_ok`: a headline in capitals or a
/// dateline at the start of a line: "CHINA", "LONDON").
fn case_ok(pattern: &str, text: &str, block: bool, caps_ok: bool) -> bool {
    if block {
        return true;
    }
    let (p, t) = (pattern.as_bytes(), text.as_bytes());
    if p.len() != t.len() {
        return false;
    }
    let all_caps = caps_ok && !t.iter().any(u8::is_ascii_lowercase);
    for i in 0..p.len() {
        if p[i] == t[i] {
            continue;
        }
        if p[i].is_ascii_uppercase() {
            return false;
        }
        let word_start = i == 0 || !is_word_byte(p[i - 1]);
        if !(all_caps || word_start) {
            return false;
        }
    }
    true
}

/// The word right before byte `start` (skipping one space), if directly adjacent.
fn prev_word(text: &str, start: usize) -> Option<&str> {
    let before = &text[..start];
    let before = before.strip_suffix(' ')?;
    let begin = before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.' || *c == '\'' || *c == '-'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let w = &before[begin..];
    (!w.is_empty()).then_some(w)
}

/// The word right after byte `end` (one space), if directly adjacent.
fn next_word(text: &str, end: usize) -> Option<&str> {
    let after = text[end..].strip_prefix(' ')?;
    let stop = after
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '-'))
        .map(|(i, _)| i)
        .unwrap_or(after.len());
    let w = &after[..stop];
    (!w.is_empty()).then_some(w)
}

/// Byte `s` starts a sentence (or a line).
fn sentence_start(line: &str, s: usize) -> bool {
    let before = line[..s].trim_end_matches([' ', '"', '\'', '\u{201c}', '\u{2018}', '(', '[']);
    before.is_empty() || before.ends_with(['.', '!', '?', ':', ';', '-', '\u{2014}', '\u{2013}'])
}

fn capitalised(w: &str) -> bool {
    let mut cs = w.chars();
    matches!(cs.next(), Some(c) if c.is_uppercase()) && cs.any(|c| c.is_lowercase())
}

/// A line in capitals (a CoNLL/Reuters headline or dateline): capitalisation tells nothing.
fn shouting(line: &str) -> bool {
    let (mut upper, mut lower) = (0usize, 0usize);
    for b in line.bytes() {
        upper += b.is_ascii_uppercase() as usize;
        lower += b.is_ascii_lowercase() as usize;
    }
    upper > 3 * lower.max(1)
}

/// Most words of the line are capitalised ("Third Paris Blast Victim Named").
fn title_case(line: &str) -> bool {
    let (mut words, mut caps) = (0usize, 0usize);
    for w in line.split_whitespace() {
        if let Some(c) = w.chars().find(|c| c.is_alphabetic()) {
            words += 1;
            caps += c.is_uppercase() as usize;
        }
    }
    words >= 3 && caps * 10 >= words * 6
}

/// A gazetteer phrase found in an article, with what its context says about it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Mention {
    pub(super) pat: usize,
    /// Capital used as a location, or a mention in the dateline.
    pub(super) located: bool,
    /// Part of a longer personal name ("Michael Jordan", "Paris Hilton").
    pub(super) person: bool,
    /// ... as its last word, after a first name or title ("John Bolton").
    pub(super) surname: bool,
    /// After a locative preposition ("in Bolton").
    pub(super) locative: bool,
    /// At the start of a line in capitals: a dateline city, which news style names alone only
    /// when it is the well-known one ("VANCOUVER" is Canada's, "Vancouver, Wash." is not).
    pub(super) line_start: bool,
    /// "Paris, Texas": the country of the qualifying place that follows.
    pub(super) qualifier: Option<usize>,
    /// The qualifier ends a phrase ("Madrid, Philippines,"), so a country name there qualifies.
    pub(super) qual_closed: bool,
    pub(super) in_dateline: bool,
    /// Position in the article, for first-mention order.
    pub(super) pos: usize,
}

/// Scans `text` (a headline, or the body at byte offset `base` with its dateline's byte range)
/// and appends the mentions it finds to `out`.
pub(super) fn scan(
    text: &str,
    base: usize,
    dateline: Option<(usize, usize)>,
    headline: bool,
    out: &mut Vec<Mention>,
) {
    let g = &*GAZ;
    // the automaton holds the phrases in lower case (see `Gazetteer::load`): it reads a copy of
    // the text lowered the same way, whose byte offsets are the text's own
    let folded = text.to_ascii_lowercase();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let folded_line = &folded.as_bytes()[line_start..line_start + line.len()];
        let shout = shouting(line);
        // a headline in Title Case: capitals there say nothing about names either
        let titled = headline && title_case(line);
        // a line's leading run in capitals ("NORTHBROOK, ILL., March 2 -"): a dateline
        let caps_prefix = line
            .bytes()
            .position(|b| b.is_ascii_lowercase())
            .unwrap_or(line.len());
        let mut last: Option<usize> = None;
        let bytes = line.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // next word start worth an anchored search
            if !g.first_byte[bytes[at] as usize] {
                at += 1;
                continue;
            }
            let starts_word = at == 0
                || !is_word_byte(bytes[at - 1])
                || (bytes[at - 1] >= 0x80 && boundary_before(line, at));
            if !starts_word {
                at += 1;
                continue;
            }
            let input = Input::new(folded_line).range(at..).anchored(Anchored::Yes);
            let Some(m) = g.automaton.find(input) else {
                at += 1;
                continue;
            };
            let (s, e) = (m.start(), m.end());
            // unless a match is taken below, the search goes on at the next word
            at = s + 1;
            let pat = &g.patterns[m.pattern().as_usize()];
            if !line.is_char_boundary(e) || !boundary_after(line, e) {
                continue;
            }
            let matched = &line[s..e];
            if !case_ok(&pat.text, matched, pat.block, shout || s < caps_prefix) {
                continue;
            }
            if pat.block {
                last = None;
                at = e;
                continue;
            }
            // the pronoun "US" in a headline in capitals
            if shout && matched == "US" {
                if let Some(p) = prev_word(line, s) {
                    if matches!(
                        p,
                        "LET"
                            | "TO"
                            | "FOR"
                            | "WITH"
                            | "OF"
                            | "FROM"
                            | "TELL"
                            | "TELLS"
                            | "GIVE"
                            | "HELP"
                            | "JOIN"
                            | "BY"
                            | "AGAINST"
                            | "ABOUT"
                            | "ALL"
                    ) {
                        continue;
                    }
                }
            }
            let prev = prev_word(line, s);
            let next = next_word(line, e);
            let pure_place = pat.explicit.is_none() && !pat.places.is_empty();
            if pure_place && pat.word && (shout || titled || sentence_start(line, s)) {
                continue;
            }
            // "Bristol-Myers", "Kimberly-Clark": a compound name, not the place
            if pure_place
                && line[e..].starts_with('-')
                && line[e + 1..].starts_with(|c: char| c.is_uppercase())
            {
                continue;
            }
            // "Lincoln County", "Nassau County": a county named after somebody or something else
            if (pure_place || pat.explicit.is_some_and(|(_, k)| k == Kind::Capital))
                && next == Some("County")
            {
                continue;
            }
            let weak = pat.namelike || (pat.explicit.is_none() && !pat.places.is_empty());
            let mut person = false;
            // after a first name or title ("John Bolton"), not before a name ("Geneva Motor Show")
            let mut surname = false;
            if weak && !shout && !titled {
                if let Some(p) = prev {
                    let title = TITLES.contains(&p);
                    let name_before = capitalised(p)
                        && !FUNCTION_WORDS.contains(&p)
                        && !p.ends_with('.')
                        && !line[..s - 1].ends_with(['.', ':', '"']);
                    // a preceding capitalised word that is itself a place ("Kansas City") was
                    // consumed by the automaton as one pattern; anything else marks a longer name
                    if title || (name_before && last.is_none_or(|l| l + 1 < s)) {
                        person = true;
                        surname = true;
                    }
                }
                let name_after = next.is_some_and(|n| {
                    capitalised(n) && !FUNCTION_WORDS.contains(&n) && !NAME_HEADS.contains(&n)
                });
                if name_after {
                    let demonym = pat.explicit.is_some_and(|(_, k)| k == Kind::Demonym);
                    if (pat.namelike && !demonym) || (pure_place && pat.word) {
                        person = true;
                    } else if pat.places.first().is_some_and(|x| x.1 < BIG_CITY) {
                        // "Cambridge Analytica", "Moro Islamic Liberation Front": part of a
                        // longer name, not a location (big cities keep "Chicago Cubs")
                        last = Some(e);
                        at = e;
                        continue;
                    }
                }
            }
            // "American-style options", "Soviet-style": a manner, not the country
            if pat.explicit.is_some_and(|(_, k)| k == Kind::Demonym)
                && line[e..].starts_with("-style")
            {
                continue;
            }
            // a capital is the government only when it acts or is dealt with ("Washington said",
            // "talks with Moscow", "Pyongyang's appeals"); otherwise it is a location
            let agent = next.is_some_and(|n| GOV_VERBS.contains(&n))
                || prev.is_some_and(|p| GOV_OBJECT.contains(&p))
                || (line[e..].starts_with("'s ") || line[e..].starts_with("\u{2019}s ")) && {
                    let rest = line[e..].split_once(' ').map_or("", |x| x.1);
                    let word = rest
                        .split(|c: char| !c.is_alphabetic())
                        .next()
                        .unwrap_or("");
                    GOV_NOUNS.contains(&word)
                };
            let located = !agent;
            let locative = prev.is_some_and(|p| {
                matches!(
                    p,
                    "in" | "at"
                        | "from"
                        | "to"
                        | "near"
                        | "outside"
                        | "across"
                        | "around"
                        | "into"
                        | "In"
                        | "At"
                        | "From"
                        | "To"
                        | "Near"
                        | "Outside"
                )
            });
            let pos = base + line_start + s;
            let in_dateline = dateline.is_some_and(|(a, b)| pos >= a && pos < b);
            // "Paris, Texas": qualified by the next match when it follows ", "
            if let Some(q) = out.last_mut() {
                let q_end = q.pos + g.patterns[q.pat].text.len();
                if q_end + 2 == pos && line[..s].ends_with(", ") && !person {
                    q.qualifier = Some(m.pattern().as_usize());
                    // "Madrid, Philippines." but not "In Madrid, Britain said"
                    q.qual_closed = line[e..]
                        .chars()
                        .next()
                        .is_none_or(|c| matches!(c, ',' | '.' | ';' | ')' | '\n' | '\r'));
                }
            }
            out.push(Mention {
                pat: m.pattern().as_usize(),
                located,
                person,
                qualifier: None,
                qual_closed: false,
                surname,
                locative,
                line_start: !headline && s == 0 && caps_prefix > e,
                in_dateline,
                pos,
            });
            last = Some(e);
            at = e;
        }
        line_start += line.len();
    }
}
