//! Quotation marks: pairs the marks the tokenizer classified into quote spans, paragraph by
//! paragraph (curly marks by shape, straight ones by which side touches a word, single marks only
//! when a closing one follows), and marks the tokens inside each span.
//!
//! Uses the tokens only.

use super::tokens::{Doc, Kind, Side, Span};

impl<'a> Doc<'a> {
    /// Pairs quotation marks paragraph by paragraph into spans; marks tokens inside them.
    pub(super) fn pair_quotes(&mut self) {
        let n = self.toks.len();
        let mut p_start = 0;
        while p_start < n {
            let para = self.toks[p_start].para;
            let mut p_end = p_start;
            while p_end < n && self.toks[p_end].para == para {
                p_end += 1;
            }
            self.pair_paragraph(p_start, p_end);
            p_start = p_end;
        }
        for (k, s) in self.spans.iter().enumerate() {
            for t in &mut self.toks[s.first..s.last] {
                t.quote = k as u32 + 1;
            }
        }
    }

    fn pair_paragraph(&mut self, from: usize, to: usize) {
        // (token index of the opening mark, double)
        let mut open: Option<(usize, bool)> = None;
        // The last closing single mark, found once (no rescans: long paragraphs stay linear).
        let last_single_close = (from..to).rev().find(|&k| {
            matches!(
                self.toks[k].kind,
                Kind::Mark {
                    double: false,
                    open: Side::Close
                }
            )
        });
        let mut i = from;
        while i < to {
            let Kind::Mark { double, open: side } = self.toks[i].kind else {
                i += 1;
                continue;
            };
            match open {
                Some((o, true)) if double => {
                    self.push_span(o, i, from, to);
                    open = if side == Side::Open && self.opens_text(i, to) {
                        // An opening mark inside an open quote: a new quoted paragraph.
                        Some((i, true))
                    } else {
                        None
                    };
                }
                Some((_, true)) => {} // a single mark nested in a double quote
                Some((o, false)) => {
                    if double {
                        // The single mark was an apostrophe after all.
                        open = matches!(side, Side::Open | Side::Either).then_some((i, true));
                    } else if side == Side::Close {
                        self.push_span(o, i, from, to);
                        open = None;
                    }
                }
                None => {
                    if double {
                        if matches!(side, Side::Open | Side::Either) {
                            open = Some((i, true));
                        }
                    } else if side == Side::Open && last_single_close.is_some_and(|c| c > i) {
                        open = Some((i, false));
                    }
                }
            }
            i += 1;
        }
        if let Some((o, _)) = open {
            self.push_span(o, to, from, to);
        }
    }

    fn opens_text(&self, i: usize, to: usize) -> bool {
        i + 1 < to
    }

    /// Records the quote between the mark at `open` and the token `close` (a closing mark or
    /// the paragraph end).
    fn push_span(&mut self, open: usize, close: usize, _from: usize, _to: usize) {
        let first = open + 1;
        if first >= close {
            return;
        }
        let bs = self.toks[first].bs as usize;
        let be = self.toks[close - 1].be as usize;
        self.spans.push(Span {
            first,
            last: close,
            bs,
            be,
            para: self.toks[open].para,
        });
    }
}
