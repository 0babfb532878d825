//! Quotes: gives each quote span of a sentence to the nearest cue's speaker, or the reported clause
//! after a finite cue when the sentence has no quote; a sentence that opens with a quote and names
//! no one continues the previous quote's speaker. Offsets are counted in characters.
//!
//! Uses the tokens and sentences.

use super::sentences::Item;
use super::tokens::{is_quote_char, Doc, Kind};
use super::{Quote, State};

impl<'d> State<'d> {
    /// Records a sentence's quotes, given its cues `found` (item, speaker, finite).
    pub(super) fn emit_quotes(&mut self, items: &[Item], found: &[(usize, Option<usize>, bool)]) {
        let d = self.doc;
        let para = match items[0] {
            Item::T(i) => d.toks[i].para,
            Item::Q(q) => d.spans[q].para,
        };
        let mut any_q = false;
        for (k, it) in items.iter().enumerate() {
            let Item::Q(q) = *it else { continue };
            any_q = true;
            let speaker =
                if let Some(&(_, sp, _)) = found.iter().min_by_key(|(c, _, _)| c.abs_diff(k)) {
                    Some(sp)
                } else if matches!(items[0], Item::Q(_)) {
                    // A sentence that opens with a quote and names no one continues the last
                    // quote's speaker; a scare quote inside a narrative sentence does not.
                    self.last_quote.map(|(sp, _)| sp)
                } else {
                    None
                };
            let Some(speaker) = speaker else { continue };
            let span = d.spans[q];
            self.push_quote(speaker, span.bs, span.be, true);
        }
        if let Some(&(_, sp, _)) = found.first() {
            if any_q {
                self.last_quote = Some((sp, para));
            }
        }
        // Reported speech: what follows a finite cue, when the sentence has no quote.
        if !any_q {
            for &(k, sp, finite) in found {
                if !finite {
                    continue;
                }
                let mut s = k + 1;
                if matches!(items.get(s), Some(&it) if self.word_is(it, "that")) {
                    s += 1;
                }
                let mut e = items.len();
                while e > s
                    && matches!(self.tok(items[e - 1]), Some(t) if !t.is_word() && t.kind != Kind::Num)
                {
                    e -= 1;
                }
                if e >= s + 3 {
                    if let (Item::T(a), Item::T(b)) = (items[s], items[e - 1]) {
                        self.push_quote(sp, d.toks[a].bs as usize, d.toks[b].be as usize, false);
                    }
                }
                break;
            }
        }
    }

    fn push_quote(&mut self, speaker: Option<usize>, bs: usize, be: usize, direct: bool) {
        let d = self.doc;
        let Some(raw) = d.text.get(bs..be) else {
            return;
        };
        let text = raw.trim_matches(|c: char| c.is_whitespace() || is_quote_char(c));
        if text.is_empty() {
            return;
        }
        let lead = raw.len()
            - raw
                .trim_start_matches(|c: char| c.is_whitespace() || is_quote_char(c))
                .len();
        let start_b = bs + lead;
        // Character offsets: count from a token we know.
        let start = char_offset(d, start_b);
        let end = start + text.chars().count();
        self.quotes.push(Quote {
            speaker: speaker.map(|p| self.names.people[p].display.clone()),
            text: text.to_string(),
            direct,
            start,
            end,
        });
    }
}

/// Character offset of a byte offset that lies inside or at the start of a token.
fn char_offset(d: &Doc, b: usize) -> usize {
    let k = d.toks.partition_point(|t| (t.bs as usize) <= b);
    if k == 0 {
        return d.text.get(..b).map_or(0, |s| s.chars().count());
    }
    let t = &d.toks[k - 1];
    let extra = d
        .text
        .get(t.bs as usize..b)
        .map_or(0, |s| s.chars().count());
    t.cs as usize + extra
}
