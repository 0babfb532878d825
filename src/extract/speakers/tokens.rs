//! Tokens: one pass over a text's bytes makes a [`Doc`] of tokens (words, numbers, punctuation,
//! quotation marks) with byte and character offsets, paragraph numbers and one lexicon lookup each.
//! A line break inside a sentence does not end the paragraph (`soft_break`), and a Bloom filter
//! records the words the text writes in lower case. Also the questions later stages ask about a
//! token: its word, whether its paragraph is a byline or in capitals (whether it may be part of a
//! name is in `namewords`).
//!
//! Uses the lexicon only; quotation marks are paired in `marks`.

use super::lexicon::{self, class, lookup, Lex};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    Num,
    Punct(char),
    /// A quotation mark; `double`, and which sides touch text.
    Mark {
        double: bool,
        open: Side,
    },
}

/// What the shape and surroundings of a quotation mark say about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Side {
    Open,
    Close,
    Either,
    /// A single mark that is not clearly a quote.
    Neither,
}

/// A token: its byte range, first character, paragraph, kind, shape and lexicon entry.
#[derive(Clone, Copy, Debug)]
pub(super) struct Tok {
    pub(super) bs: u32,
    pub(super) be: u32,
    pub(super) cs: u32,
    pub(super) para: u32,
    pub(super) kind: Kind,
    /// First letter upper-case.
    pub(super) cap: bool,
    /// All letters upper-case (two or more letters).
    pub(super) upper: bool,
    /// The length in bytes of a final possessive `'s` (0 without one).
    poss_len: u8,
    pub(super) lex: Lex,
    /// Quote span this token lies in, plus one (0 = outside quotes).
    pub(super) quote: u32,
}

impl Tok {
    /// A word (not a number, punctuation or a quotation mark).
    pub(super) fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    /// Ends in a possessive `'s`.
    pub(super) fn poss(&self) -> bool {
        self.poss_len != 0
    }
    /// A word in one of the lexicon classes `c` (bit flags of `lexicon::class`).
    pub(super) fn has(&self, c: u32) -> bool {
        self.kind == Kind::Word && self.lex.classes & c != 0
    }
    /// A body's noun that is no post (`company`, `group`, `report`; not `economist`).
    pub(super) fn body_noun(&self) -> bool {
        self.has(class::ORG) && !self.has(class::TITLE)
    }
    /// The punctuation character `c`.
    pub(super) fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
}

/// Abbreviations whose full stop belongs to the word (no sentence break).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col", "capt",
    "prof", "rev", "maj", "sgt", "adm", "cmdr", "cpl", "inc", "corp", "co", "ltd", "no", "vs",
    "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "ft", "mt", "messrs",
    "hon", "msgr", "gov", "supt", "insp", "det", "brig", "pres", "sens", "reps", "del", "gens",
    "const", "cst", "pvt", "spc", "pte", "cdr", "atty", "fr",
];

/// A character that may be a quotation mark (straight or curly, a guillemet, a backtick).
pub(super) fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201c}'
            | '\u{201d}'
            | '\u{201e}'
            | '\u{201f}'
            | '\u{ab}'
            | '\u{bb}'
            | '\u{2018}'
            | '\u{2019}'
            | '\''
            | '`'
    )
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '\u{2010}' || c == '\u{2011}'
}

/// A tokenized text (an article body or a headline) with its quote spans and what is known
/// of its paragraphs.
pub(super) struct Doc<'a> {
    pub(super) text: &'a str,
    pub(super) toks: Vec<Tok>,
    /// Paragraph -> mostly upper-case (capitalisation carries no information).
    caps_para: Vec<bool>,
    /// Quote spans: (open token, end token exclusive, text char range, text byte range).
    pub(super) spans: Vec<Span>,
    pub(super) is_headline: bool,
    /// Paragraphs that are only a name (a byline): neither speakers nor antecedents.
    byline: Vec<bool>,
    /// A Bloom filter of the words the text writes in lower case.
    /// (Sized to the text, so that long articles do not fill it: a false hit would make a
    /// name look like a common word.)
    lower: Vec<u64>,
    /// Whether the text names someone `<given name> May` (`Theresa May`): read when a `May`
    /// is first met (see `namewords`).
    pub(super) may_surname: std::cell::OnceCell<bool>,
}

/// A quote span: the tokens between a pair of quotation marks (or up to the paragraph end).
#[derive(Clone, Copy, Debug)]
pub(super) struct Span {
    /// First token inside the quote.
    pub(super) first: usize,
    /// One past the last token inside the quote.
    pub(super) last: usize,
    pub(super) bs: usize,
    pub(super) be: usize,
    pub(super) para: u32,
}

/// Building a document: tokens, quote spans and bylines.
impl<'a> Doc<'a> {
    /// Tokenizes `text` and pairs its quotation marks; in a body, also finds the bylines.
    pub(super) fn new(text: &'a str, is_headline: bool) -> Self {
        let mut doc = Doc {
            text,
            toks: Vec::with_capacity(text.len() / 5 + 8),
            caps_para: Vec::new(),
            spans: Vec::new(),
            is_headline,
            byline: Vec::new(),
            lower: vec![0; bloom_len(text.len())],
            may_surname: std::cell::OnceCell::new(),
        };
        doc.tokenize();
        doc.pair_quotes();
        if !is_headline {
            doc.find_bylines();
        }
        doc
    }

    /// One pass over the text's bytes (ASCII fast path; other characters decoded where met).
    fn tokenize(&mut self) {
        let text = self.text;
        let bytes = text.as_bytes();
        let len = bytes.len();
        // The character at byte `b` (a space past the end) and its length.
        let at = |b: usize| -> (char, usize) {
            match bytes.get(b) {
                None => (' ', 1),
                Some(&x) if x < 0x80 => (x as char, 1),
                Some(_) => text
                    .get(b..)
                    .and_then(|t| t.chars().next())
                    .map_or((' ', 1), |c| (c, c.len_utf8())),
            }
        };
        // The character ending at byte `b` (a space at the start) and its length.
        let before = |b: usize| -> (char, usize) {
            if b == 0 {
                return (' ', 1);
            }
            match bytes[b - 1] {
                x if x < 0x80 => (x as char, 1),
                _ => text
                    .get(..b)
                    .and_then(|t| t.chars().next_back())
                    .map_or((' ', 1), |c| (c, c.len_utf8())),
            }
        };
        let chars_in = |from: usize, to: usize| -> u32 {
            bytes[from..to]
                .iter()
                .filter(|&&x| x & 0xC0 != 0x80)
                .count() as u32
        };
        let mut para = 0u32;
        let mut para_words = 0u32;
        let mut para_upper = 0u32;
        // A single opening mark not yet closed in this paragraph.
        let mut single_open = false;
        let mut i = 0;
        let mut ci = 0u32;
        while i < len {
            let (c, cl) = at(i);
            if c == '\n' && soft_break(bytes, i) {
                // A line break inside a sentence (hard-wrapped copy, a quote's attribution
                // broken onto the next line) does not end the paragraph.
                i += 1;
                ci += 1;
                continue;
            }
            if c == '\n' {
                self.caps_para
                    .push(para_words >= 3 && para_upper * 10 >= para_words * 6);
                para += 1;
                para_words = 0;
                para_upper = 0;
                single_open = false;
                i += 1;
                ci += 1;
                continue;
            }
            if c.is_whitespace() {
                i += cl;
                ci += 1;
                continue;
            }
            let start = i;
            let kind;
            if c.is_alphanumeric() {
                let mut j = i + cl;
                loop {
                    let (d, dl) = at(j);
                    if d.is_alphanumeric() {
                        j += dl;
                        continue;
                    }
                    let (e, el) = at(j + dl);
                    // `15.8`, `481,000`: a decimal point or a thousands separator between
                    // digits is inside the number (no sentence end, no clause break).
                    let in_number = matches!(d, '.' | ',')
                        && e.is_ascii_digit()
                        && before(j).0.is_ascii_digit();
                    let joined = (is_apostrophe(d) || is_hyphen(d) || d == '&')
                        && e.is_alphanumeric()
                        || in_number
                        || d == '.'
                            && e.is_alphabetic()
                            && (j - start == cl
                                || {
                                    // `U.S`, `I.K`: initials joined by full stops.
                                    let (p, pl) = before(j);
                                    p.is_alphabetic() && before(j - pl).0 == '.'
                                }
                                || {
                                    // `UOL.com.br`, `Amazon.com`: a web address is one word, not
                                    // a sentence end.
                                    e.is_ascii_lowercase()
                                        && c.is_alphabetic()
                                        && at(j + dl + el).0.is_ascii_lowercase()
                                }
                                // (`Halo.Bungie.Org`: in capitals too when it ends in a domain.)
                                || ends_in_domain(&text[j + dl..]));
                    if joined {
                        j += dl + el;
                    } else {
                        break;
                    }
                }
                // `Souness' remarks`: an apostrophe after a capitalised word ending in `s`, then
                // a space, is a possessive unless a single quote is open.
                if matches!(bytes.get(j), Some(b'\'' | 0xE2))
                    && matches!(bytes[j - 1], b's' | b'S')
                    && !single_open
                    && c.is_uppercase()
                {
                    let (a, al) = at(j);
                    if is_apostrophe(a) && at(j + al).0 == ' ' {
                        j += al;
                    }
                }
                // A trailing full stop after an initial, dotted initials or an abbreviation.
                if at(j).0 == '.' {
                    let w = &text[start..j];
                    let single = j - start == cl && c.is_uppercase();
                    let (p, pl) = before(j);
                    let dotted = p.is_alphabetic() && j - pl > start && before(j - pl).0 == '.';
                    let abbr = w.len() <= 6
                        && c.is_uppercase()
                        && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w));
                    if single || dotted || abbr {
                        j += 1;
                    }
                }
                kind = if c.is_ascii_digit() {
                    Kind::Num
                } else {
                    Kind::Word
                };
                i = j;
            } else if is_quote_char(c) {
                let mut j = i + cl;
                let mut double = matches!(
                    c,
                    '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{ab}' | '\u{bb}'
                );
                // `''` and ``` `` ``` stand for a double mark in some wire copy.
                if !double && (c == '\'' || c == '`') && at(j).0 == c {
                    double = true;
                    j += 1;
                }
                let before = before(start).0;
                let after = at(j).0;
                let space_before = before.is_whitespace()
                    || matches!(before, '(' | '[' | '\u{2014}' | '\u{2013}' | '-' | '/')
                    || is_quote_char(before);
                let space_after = after.is_whitespace()
                    || matches!(
                        after,
                        ',' | '.'
                            | ';'
                            | ':'
                            | '?'
                            | '!'
                            | ')'
                            | ']'
                            | '\u{2014}'
                            | '\u{2013}'
                            | '-'
                    )
                    || is_quote_char(after);
                let open = match c {
                    '\u{201c}' | '\u{201e}' | '\u{ab}' | '\u{2018}' => {
                        if space_after && !space_before {
                            Side::Close
                        } else {
                            Side::Open
                        }
                    }
                    '\u{201d}' | '\u{bb}' => {
                        if space_before && !space_after {
                            Side::Open
                        } else {
                            Side::Close
                        }
                    }
                    _ if double => match (space_before, space_after) {
                        (true, false) => Side::Open,
                        (false, true) => Side::Close,
                        _ => Side::Either,
                    },
                    _ => match (space_before, space_after) {
                        (true, false) if after.is_alphanumeric() => Side::Open,
                        (false, true) => Side::Close,
                        _ => Side::Neither,
                    },
                };
                kind = Kind::Mark { double, open };
                if !double {
                    single_open = open == Side::Open;
                }
                i = j;
            } else {
                kind = Kind::Punct(c);
                i += cl;
            }
            let bs = start;
            let be = i.min(len);
            let mut tok = Tok {
                bs: bs as u32,
                be: be as u32,
                cs: ci,
                para,
                kind,
                cap: false,
                upper: false,
                poss_len: 0,
                lex: Lex::default(),
                quote: 0,
            };
            ci += chars_in(bs, be);
            if kind == Kind::Word {
                let w = &text[bs..be];
                tok.cap = c.is_uppercase();
                let mut ascii = true;
                let (mut letters, mut uppers) = (0u32, 0u32);
                for &x in w.as_bytes() {
                    ascii &= x < 0x80;
                    letters += u32::from(x.is_ascii_alphabetic());
                    uppers += u32::from(x.is_ascii_uppercase());
                }
                let (letters, uppers) = if ascii {
                    (letters, uppers)
                } else {
                    w.chars().fold((0, 0), |(l, u), x| {
                        (
                            l + u32::from(x.is_alphabetic()),
                            u + u32::from(x.is_uppercase()),
                        )
                    })
                };
                tok.upper = letters >= 2 && letters == uppers;
                let stripped = strip_possessive(w);
                // (at most `’s`: four bytes)
                tok.poss_len = (w.len() - stripped.len()) as u8;
                tok.lex = lookup(stripped);
                if !tok.upper
                    && tok.lex.classes & class::ORG != 0
                    && lexicon::is_capitals_legal_form(stripped)
                {
                    tok.lex.classes &= !class::ORG;
                }
                if tok.lex.classes == 0 && tok.lex.verb.is_none() && stripped.contains('-') {
                    // `Lieutenant-Colonel`: every part a title makes a title.
                    if stripped
                        .split('-')
                        .all(|p| !p.is_empty() && lookup(p).classes & class::TITLE != 0)
                    {
                        tok.lex.classes |= class::TITLE;
                    } else if tok.cap
                        && stripped.rsplit('-').next().is_some_and(is_adjective_suffix)
                        && !is_arabic_article_name(stripped)
                    {
                        // `Top-seeded`, `Toronto-based`, `Fifth-seed`: an adjective.
                        tok.lex.classes |= class::STOP;
                    }
                }
                if !tok.cap && c.is_ascii_lowercase() && ascii {
                    let bits = self.lower.len() * 64;
                    for b in bloom_bits(fnv_lower(stripped), bits) {
                        self.lower[b / 64] |= 1 << (b % 64);
                    }
                }
                para_words += 1;
                if tok.upper {
                    para_upper += 1;
                }
            }
            self.toks.push(tok);
        }
        self.caps_para
            .push(para_words >= 3 && para_upper * 10 >= para_words * 6);
    }

    /// Marks paragraphs such as `Lynne O'Donnell` or `By Jane Smith`.
    fn find_bylines(&mut self) {
        self.byline = vec![false; self.caps_para.len()];
        let n = self.toks.len();
        let mut s = 0;
        while s < n {
            let para = self.toks[s].para;
            let mut e = s;
            while e < n && self.toks[e].para == para {
                e += 1;
            }
            let mut from = s;
            if self.word(s).eq_ignore_ascii_case("by") {
                from += 1;
            }
            let len = e - from;
            if (2..=5).contains(&len) && (from..e).all(|k| self.name_word(k) || self.particle(k)) {
                if let Some(b) = self.byline.get_mut(para as usize) {
                    *b = true;
                }
            }
            s = e;
        }
    }
}

/// What later stages ask about a token.
impl<'a> Doc<'a> {
    /// Whether tokens `a..b`, a description after a name and a comma (`X, the ...`) up to a
    /// verb, are a subject of their own rather than the name's appositive: with no preposition
    /// before it, they end in a body's noun (`Wang Lin, the group said`) or in a capitalised
    /// name right after a lower-case word (`the official news agency APS`, `the pressure group
    /// Rights in China`; not `an aide to minister Bo Li`, `the Labour MP`).
    pub(super) fn description_is_subject(&self, a: usize, b: usize) -> bool {
        if b <= a + 1 {
            return false;
        }
        let plain = |end: usize| {
            (a..end).all(|k| {
                (self.toks[k].is_word() || self.toks[k].is_punct('-'))
                    && !lexicon::is_preposition(self.word(k))
            })
        };
        // (a body's noun that is no person's post: not `the bank's senior economist`)
        let last = &self.toks[b - 1];
        let body = !last.cap
            && last.body_noun()
            && lexicon::role_gender(&self.word(b - 1).to_lowercase()) == 0;
        if body {
            return plain(b);
        }
        // Its own name: capitalised words (with `of`, `in`, `for`, `and` between them) after a
        // lower-case word that is no determiner.
        let cap = |k: usize| self.toks[k].is_word() && self.toks[k].cap;
        let mut r = b;
        while r > a + 1
            && (cap(r - 1)
                || r < b && cap(r) && matches!(self.word(r - 1), "of" | "in" | "for" | "and"))
        {
            r -= 1;
        }
        r < b
            && cap(r)
            && self.toks[r - 1].is_word()
            && !self.toks[r - 1].cap
            && !self.toks[r - 1].has(class::DET)
            && plain(r)
    }

    /// For a `<` at token `i`: the `>` closing a wire ticker (`<X>`, `<DBKG.F>`, `<BP.L>`: one to
    /// three tokens without lower-case letters in the same paragraph).
    pub(super) fn ticker_end(&self, i: usize) -> Option<usize> {
        let para = self.toks.get(i)?.para;
        (i + 2..(i + 5).min(self.toks.len()))
            .take_while(|&k| self.toks[k].para == para)
            .find(|&k| self.toks[k].is_punct('>'))
            .filter(|&close| {
                (i + 1..close).all(|k| {
                    let t = &self.toks[k];
                    (t.is_word() && t.cap && !self.word(k).chars().any(char::is_lowercase))
                        || t.is_punct('.')
                        || t.is_punct('-')
                })
            })
    }

    /// Whether quote span `q` ends a sentence: its last token is `.`, `?` or `!`, or one in
    /// brackets (`... may say[.]"`, an editor's restored full stop).
    pub(super) fn quote_ends_sentence(&self, q: usize) -> bool {
        let span = self.spans[q];
        let end = |k: usize| matches!(self.toks[k].kind, Kind::Punct('.' | '?' | '!'));
        span.last > span.first
            && (end(span.last - 1)
                || span.last >= span.first + 3
                    && self.toks[span.last - 1].is_punct(']')
                    && end(span.last - 2)
                    && self.toks[span.last - 3].is_punct('['))
    }

    /// Whether the text also writes this capitalised word in lower case (`Gender Equality`
    /// next to `equality`): evidence that it is a common word, not a name.
    pub(super) fn seen_lower(&self, i: usize) -> bool {
        self.seen_lower_word(self.word(i))
    }

    /// [`Doc::seen_lower`] for any word.
    pub(super) fn seen_lower_word(&self, w: &str) -> bool {
        if !w.is_ascii() {
            return false;
        }
        let h = fnv_lower(w);
        let bits = self.lower.len() * 64;
        bloom_bits(h, bits)
            .iter()
            .all(|&b| self.lower[b / 64] & (1 << (b % 64)) != 0)
    }

    /// Whether token `i` lies in a byline paragraph.
    pub(super) fn is_byline(&self, i: usize) -> bool {
        self.byline
            .get(self.toks[i].para as usize)
            .copied()
            .unwrap_or(false)
    }

    /// The text of token `i`, a possessive `'s` removed.
    pub(super) fn word(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        &self.text[t.bs as usize..t.be as usize - t.poss_len as usize]
    }

    /// Whether capitalisation says nothing at token `i`: a headline, or a paragraph mostly in
    /// capitals.
    pub(super) fn caps(&self, i: usize) -> bool {
        self.is_headline
            || self
                .caps_para
                .get(self.toks[i].para as usize)
                .copied()
                .unwrap_or(false)
    }

    /// Whether token `i` is the first of its paragraph.
    pub(super) fn opens_para(&self, i: usize) -> bool {
        i == 0 || self.toks[i - 1].para != self.toks[i].para
    }
}

/// Whether the line break at byte `i` falls inside a sentence: the next line opens in lower
/// case (`said Joseph, ...`) or with a name suffix, or this line ends with a comma (also inside a
/// closing quote: `...,”` then the attribution), a courtesy title (`Mr.`) or an initial
/// (`George W.`). A blank line always ends a paragraph.
fn soft_break(bytes: &[u8], i: usize) -> bool {
    let mut n = i + 1;
    while n < bytes.len() && matches!(bytes[n], b' ' | b'\t' | b'\r') {
        n += 1;
    }
    let Some(&next) = bytes.get(n) else {
        return false;
    };
    if next == b'\n' {
        return false;
    }
    let mut p = i;
    while p > 0 && matches!(bytes[p - 1], b' ' | b'\t' | b'\r') {
        p -= 1;
    }
    if p == 0 || bytes[p - 1] == b'\n' {
        return false;
    }
    if next.is_ascii_lowercase() {
        return true;
    }
    let rest = &bytes[n..];
    if (rest.starts_with(b"Jr") || rest.starts_with(b"Sr"))
        && matches!(rest.get(2), Some(b'.' | b','))
    {
        return true;
    }
    let line = &bytes[..p];
    // Strip closing quotes: `"`, `''`, `”`, `’`.
    let mut end = line.len();
    loop {
        if end >= 1 && matches!(line[end - 1], b'"' | b'\'') {
            end -= 1;
        } else if end >= 3
            && line[end - 3] == 0xE2
            && line[end - 2] == 0x80
            && matches!(line[end - 1], 0x9D | 0x99)
        {
            end -= 3;
        } else {
            break;
        }
    }
    if end >= 1 && line[end - 1] == b',' {
        return true;
    }
    if end != line.len() || line.last() != Some(&b'.') {
        return false;
    }
    // The last word before the full stop.
    let w_end = line.len() - 1;
    let mut w_start = w_end;
    while w_start > 0 && line[w_start - 1].is_ascii_alphabetic() {
        w_start -= 1;
    }
    let word = &line[w_start..w_end];
    let boundary = w_start == 0 || matches!(line[w_start - 1], b' ' | b'(' | b'\t');
    if !boundary || word.is_empty() {
        return false;
    }
    // An initial, or a title that is never the last word of a sentence.
    word.len() == 1 && word[0].is_ascii_uppercase()
        || [
            "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Prof",
            "Rev", "Sgt", "Adm", "Messrs", "Hon", "Msgr", "Supt", "Insp", "Brig", "Maj", "Cmdr",
            "Cpl", "Cdr", "Atty", "Pte", "Const", "Cst",
        ]
        .iter()
        .any(|t| t.as_bytes() == word)
}

/// Bloom filter size in 64-bit words: at least 8,192 bits, and about 32 bits per word of text
/// (a word takes six bytes on average), a power of two.
fn bloom_len(text_len: usize) -> usize {
    (text_len * 32 / 6 / 64).next_power_of_two().max(128)
}

/// FNV-1a of the ASCII-lower-cased word.
pub(super) fn fnv_lower(w: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in w.bytes() {
        h ^= u64::from(b.to_ascii_lowercase());
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn bloom_bits(h: u64, bits: usize) -> [usize; 3] {
    // `bits` is a power of two.
    let m = bits as u64 - 1;
    [
        (h & m) as usize,
        ((h >> 21) & m) as usize,
        (((h >> 42) ^ (h >> 11)) & m) as usize,
    ]
}

/// The last part of a hyphenated adjective (`Top-seeded`, `Toronto-based`, `Fifth-seed`),
/// unlike the lower-case second part of a Korean given name (`Geun-hye`).
pub(super) fn is_adjective_suffix(last: &str) -> bool {
    last.ends_with("ed")
        || matches!(
            last,
            "based"
                | "born"
                | "seed"
                | "old"
                | "year"
                | "style"
                | "speaking"
                | "run"
                | "made"
                | "owned"
                | "time"
                | "term"
                | "wing"
                | "class"
                | "level"
                | "scale"
                | "led"
        )
}

/// `al-Baghdadi`, `el-Sisi`: an Arabic article joined to a capitalised name.
pub(super) fn is_arabic_article_name(w: &str) -> bool {
    ["al-", "el-", "ad-", "ash-", "as-", "at-", "az-", "an-"]
        .iter()
        .any(|p| {
            w.len() > p.len() + 1
                && w.starts_with(p)
                && w[p.len()..].starts_with(|c: char| c.is_uppercase())
        })
}

fn strip_possessive(w: &str) -> &str {
    match w.as_bytes().last() {
        Some(b's' | b'S') => {
            for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
                if let Some(s) = w.strip_suffix(suffix) {
                    if !s.is_empty() {
                        return s;
                    }
                }
            }
            w
        }
        // (`Souness'`: the tokenizer keeps an apostrophe after a final `s` only as a
        // possessive.)
        Some(b'\'' | 0x99) => w.strip_suffix(is_apostrophe).unwrap_or(w),
        _ => w,
    }
}

/// Whether the run of letters, digits and full stops opening `rest` (what follows a full stop
/// inside a word) ends in a top-level domain (`Bungie.Org`, `Org`, `co.uk`): the rest of a web
/// address.
fn ends_in_domain(rest: &str) -> bool {
    let run = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
        .map_or(rest, |e| &rest[..e])
        .trim_end_matches('.');
    let tld = run.rsplit_once('.').map_or(run, |(_, t)| t);
    ["com", "org", "net", "edu", "gov", "uk", "info", "tv", "io"]
        .iter()
        .any(|t| t.eq_ignore_ascii_case(tld))
}

/// `Co`, `Inc`, `Corp`, ...: a capitalised company word at token `k` (`said lead manager Morgan
/// Stanley and Co Inc` closes a body's name).
pub(super) fn company_word(d: &Doc, k: usize) -> bool {
    k < d.toks.len() && d.toks[k].cap && {
        let w = d.word(k).trim_end_matches('.');
        [
            "co", "inc", "corp", "ltd", "plc", "llc", "sons", "partners", "company",
        ]
        .iter()
        .any(|c| w.eq_ignore_ascii_case(c))
    }
}
