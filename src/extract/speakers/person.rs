//! The person test: whether a capitalised name is a person's, by a logistic regression learned
//! from the CoNLL-2003 named-entity annotation (PER against ORG, LOC, MISC and other capitalised
//! words). `tools/speakers/train_person.py` trains it and writes the weights to
//! `src/extract/data/models/person.tsv` (`feature<TAB>weight`), embedded here; the features
//! below must stay the ones that script computes: the name's words, its first and last word,
//! the last word's last three letters, two words either side (`p=<p>` at a paragraph start), its
//! length, all capitals, and whether the article puts a courtesy title before its last word.
//!
//! Uses the tokens and the lexicon (its hasher) only.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;
use std::sync::LazyLock;

use super::lexicon::FnvBuild;
use super::tokens::{Doc, Kind};

const WEIGHTS: &str = include_str!("../data/models/person.tsv");

static MODEL: LazyLock<HashMap<&'static str, f32, FnvBuild>> = LazyLock::new(|| {
    WEIGHTS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (k, v) = l.split_once('\t')?;
            Some((k, v.parse().ok()?))
        })
        .collect()
});

/// Lower-cased last words that follow `Mr`, `Mrs`, `Ms` or `Dr` somewhere in a text.
pub(super) fn courtesy_words(d: &Doc) -> HashSet<String, FnvBuild> {
    let mut out = HashSet::default();
    for k in 0..d.toks.len().saturating_sub(1) {
        if d.toks[k].is_word() && is_courtesy(d.word(k)) {
            out.insert(norm(raw(d, k + 1)));
        }
    }
    out
}

/// `norm(w)` is `mr`, `mrs`, `ms` or `dr`, without making it (this runs on every word).
fn is_courtesy(w: &str) -> bool {
    // (every one opens with `m` or `d`: most words stop at their first byte)
    if w.len() > 6 || !matches!(w.as_bytes().first(), Some(b'm' | b'M' | b'd' | b'D')) {
        return false;
    }
    let t = w.trim_end_matches('.');
    let t = t
        .strip_suffix("'s")
        .or_else(|| t.strip_suffix("\u{2019}s"))
        .filter(|r| !r.is_empty())
        .unwrap_or(t);
    ["mr", "mrs", "ms", "dr"]
        .iter()
        .any(|c| t.eq_ignore_ascii_case(c))
}

/// The probability that tokens `a..b` of `d` name a person; `courtesy` from [`courtesy_words`].
pub(super) fn person_probability(
    d: &Doc,
    a: usize,
    b: usize,
    courtesy: &HashSet<String, FnvBuild>,
) -> f32 {
    let model = &*MODEL;
    let mut z = 0.0f32;
    let mut buf = String::new();
    let mut add = |buf: &mut String| {
        z += model.get(buf.as_str()).copied().unwrap_or(0.0);
        buf.clear();
    };
    let words: Vec<String> = (a..b).map(|k| norm(raw(d, k))).collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return 0.0;
    };
    buf.push('b');
    add(&mut buf);
    let _ = write!(buf, "f={first}");
    add(&mut buf);
    let _ = write!(buf, "l={last}");
    add(&mut buf);
    let tail: String = {
        let cs: Vec<char> = last.chars().collect();
        cs[cs.len().saturating_sub(3)..].iter().collect()
    };
    let _ = write!(buf, "s3={tail}");
    add(&mut buf);
    let _ = write!(buf, "len={}", words.len().min(4));
    add(&mut buf);
    for w in &words {
        let _ = write!(buf, "w={w}");
        add(&mut buf);
    }
    let para = d.toks[a].para;
    if d.opens_para(a) {
        buf.push_str("p=<p>");
        add(&mut buf);
    } else {
        let _ = write!(buf, "p={}", norm(raw(d, a - 1)));
        add(&mut buf);
        if a >= 2 && d.toks[a - 2].para == para {
            let _ = write!(buf, "p2={}", norm(raw(d, a - 2)));
            add(&mut buf);
        }
    }
    if b < d.toks.len() && d.toks[b].para == d.toks[b - 1].para {
        let _ = write!(buf, "n={}", norm(raw(d, b)));
        add(&mut buf);
        if b + 1 < d.toks.len() && d.toks[b + 1].para == d.toks[b].para {
            let _ = write!(buf, "n2={}", norm(raw(d, b + 1)));
            add(&mut buf);
        }
    }
    let text: String = (a..b).map(|k| raw(d, k)).collect();
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters >= 2 && !text.chars().any(char::is_lowercase) {
        buf.push_str("caps");
        add(&mut buf);
    }
    if courtesy.contains(last) {
        buf.push_str("mr");
        add(&mut buf);
    }
    1.0 / (1.0 + (-z.clamp(-30.0, 30.0)).exp())
}

/// The token's text as written (a quotation mark as `"`).
fn raw<'a>(d: &Doc<'a>, k: usize) -> &'a str {
    let t = &d.toks[k];
    if let Kind::Mark { double: true, .. } = t.kind {
        return "\"";
    }
    d.word(k)
}

/// Lower case, `’` as `'`, no final full stop, no possessive `'s` (as the trainer does).
fn norm(w: &str) -> String {
    let mut s = w.to_lowercase().replace('\u{2019}', "'");
    while s.ends_with('.') {
        s.pop();
    }
    if s.len() > 2 && s.ends_with("'s") {
        s.truncate(s.len() - 2);
    }
    s
}
