//! Sentences: reads a text (a body or a headline) as sentences of [`Item`]s (a token outside
//! quotes, or a whole quote span), split outside quotes and brackets, with bylines and party tags
//! (`, R-Ky.,`) left out, and hands each sentence to the cue finder (`State::sentence`, in `cues`).
//! Also the small readers of a sentence's items that the later stages share.
//!
//! Uses the tokens and quote spans.

use super::tokens::{Doc, Kind, Tok};
use super::State;

/// Items of a sentence: a token outside quotes, or a whole quote span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Item {
    T(usize),
    Q(usize),
}

/// The token of an item (0 for a quote span).
pub(super) fn items_tok(it: Item) -> usize {
    match it {
        Item::T(i) => i,
        Item::Q(_) => 0,
    }
}

impl Doc<'_> {
    /// For a comma before token `i`: the closing comma of a party tag opening at `i`
    /// (`, R-Ky.,`, `, D-N.Y.,`).
    fn party_tag_end(&self, i: usize) -> Option<usize> {
        let t = self.toks.get(i)?;
        let w = self.text.as_bytes().get(t.bs as usize..t.be as usize)?;
        let tag = t.is_word()
            && w.len() >= 3
            && matches!(w[0], b'R' | b'D' | b'I')
            && w[1] == b'-'
            && w[2].is_ascii_uppercase();
        if !tag {
            return None;
        }
        (i + 1..(i + 6).min(self.toks.len()))
            .take_while(|&k| self.toks[k].para == t.para && self.toks[k].quote == 0)
            .find(|&k| !(self.toks[k].is_word() || self.toks[k].is_punct('.')))
            .filter(|&k| self.toks[k].is_punct(','))
    }
}

impl<'d> State<'d> {
    /// Runs attribution over every sentence.
    pub(super) fn run(&mut self, with_quotes: bool) {
        let d = self.doc;
        let n = d.toks.len();
        let mut items: Vec<Item> = Vec::with_capacity(64);
        let mut i = 0;
        let mut cur_para = u32::MAX;
        // The number of quotes recorded when the paragraph began.
        let mut para_quotes = 0;
        while i < n {
            let para = d.toks[i].para;
            if para != cur_para {
                if cur_para != u32::MAX && !self.quotes[para_quotes..].iter().any(|q| q.direct) {
                    // A paragraph with no quote given to someone or continued ends any run of
                    // continued quotes (a title or scare quote no one says, `who hosts the show
                    // "Last Week"`, continues nothing), unless it announces one (`... said:`) or
                    // reports someone's words.
                    let ends_colon = i > 0 && d.toks[i - 1].is_punct(':');
                    let reported_here = self.last_quote.is_some_and(|(_, p)| p == cur_para);
                    if !ends_colon && !reported_here {
                        self.last_quote = None;
                    }
                }
                cur_para = para;
                para_quotes = self.quotes.len();
            }
            if d.is_byline(i) {
                i += 1;
                continue;
            }
            // Build one sentence (a full stop inside brackets does not end it: `(D-Wis.)`).
            items.clear();
            let mut depth = 0u32;
            while i < n && d.toks[i].para == para {
                let t = &d.toks[i];
                if t.quote != 0 {
                    let q = t.quote as usize - 1;
                    items.push(Item::Q(q));
                    i = d.spans[q].last;
                    continue;
                }
                i += 1;
                if matches!(t.kind, Kind::Mark { .. }) {
                    continue;
                }
                // `USX Corp <X>, a subsidiary`: a wire ticker in angle brackets is left out (in
                // a headline it still ends the name before it: `CAESARS WORLD <CAW> SAYS`).
                if t.is_punct('<') && !d.is_headline {
                    if let Some(close) = d.ticker_end(i - 1) {
                        i = close + 1;
                        continue;
                    }
                }
                // `Mitch McConnell, R-Ky., said`: a party tag between commas is left out.
                if t.is_punct(',') {
                    if let Some(close) = d.party_tag_end(i) {
                        i = close + 1;
                        continue;
                    }
                }
                items.push(Item::T(i - 1));
                match t.kind {
                    Kind::Punct('(') => depth += 1,
                    Kind::Punct(')') => depth = depth.saturating_sub(1),
                    Kind::Punct('.' | '?' | '!' | ';') if depth == 0 || items.len() > 80 => break,
                    // Text without sentence ends (tables, lists) is cut into bounded pieces.
                    _ if items.len() >= 400 => break,
                    _ => {}
                }
            }
            if !items.is_empty() {
                self.sentence(&items, with_quotes);
            }
        }
    }

    /// The token of an item, `None` for a quote span.
    pub(super) fn tok(&self, it: Item) -> Option<&Tok> {
        match it {
            Item::T(i) => Some(&self.doc.toks[i]),
            Item::Q(_) => None,
        }
    }

    /// The token of item `i` when it is a word (not a quote, a number or punctuation).
    pub(super) fn word_tok(&self, items: &[Item], i: usize) -> Option<usize> {
        match items.get(i) {
            Some(&Item::T(t)) if self.doc.toks[t].is_word() => Some(t),
            _ => None,
        }
    }

    /// Whether there is an item `k` and it is the word `w` (ASCII case ignored).
    #[inline]
    pub(super) fn word_at_is(&self, items: &[Item], k: usize, w: &str) -> bool {
        items.get(k).is_some_and(|&it| self.word_is(it, w))
    }

    /// Whether the item is the word `w` (ASCII case ignored).
    #[inline]
    pub(super) fn word_is(&self, it: Item, w: &str) -> bool {
        match it {
            Item::T(i) => self.doc.toks[i].is_word() && self.doc.word(i).eq_ignore_ascii_case(w),
            Item::Q(_) => false,
        }
    }

    /// The item that opens a new sentence after a quote ending one (`"... for good." Mr
    /// Holm was quoted ...`) at or before item `k`: the last such item, if any. Quote
    /// paragraphs run together in one line (`"..." "..."`) open none.
    pub(super) fn clause_start(&self, items: &[Item], k: usize) -> Option<usize> {
        let d = self.doc;
        (1..=k.min(items.len().saturating_sub(1))).rev().find(|&c| {
            let (Item::Q(q), Item::T(x)) = (items[c - 1], items[c]) else {
                return false;
            };
            d.quote_ends_sentence(q) && d.toks[x].is_word() && d.toks[x].cap
        })
    }

    /// One past the last plain token from item `s` on (names do not run into quotes).
    pub(super) fn item_tok_ceil(&self, items: &[Item], s: usize) -> usize {
        let mut k = s;
        while k + 1 < items.len() && matches!(items[k + 1], Item::T(_)) {
            k += 1;
        }
        match items[k] {
            Item::T(t) => t + 1,
            Item::Q(_) => 0,
        }
    }
}
