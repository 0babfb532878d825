//! Quotation marks: pairs the marks the tokenizer classified into quote spans, paragraph by
//! paragraph (curly marks by shape, straight ones by which side touches a word, single marks only
//! when a closing one follows), and marks the tokens inside each span.
//!
//! Text rebuilt from tokens (wire copy detokenised by a program) may glue straight marks to the
//! wrong word from some point on: `time, "Rafter said."` for `time," Rafter said. "`. When the
//! words around the marks contradict their spacing more than once, the spacing is ignored and
//! each mark's role comes from the reporting clause next to it, the rest by alternation.
//!
//! Uses the tokens only.

use super::lexicon::{class, Form};
use super::tokens::{Doc, Kind, Side, Span};

impl<'a> Doc<'a> {
    /// Pairs quotation marks paragraph by paragraph into spans; marks tokens inside them.
    pub(super) fn pair_quotes(&mut self) {
        let n = self.toks.len();
        let detok = self.spacing_contradicted();
        // (detokenised text: whether the paragraph before ended inside a quote)
        let mut runs_on = false;
        let mut p_start = 0;
        while p_start < n {
            let para = self.toks[p_start].para;
            let mut p_end = p_start;
            while p_end < n && self.toks[p_end].para == para {
                p_end += 1;
            }
            if detok {
                runs_on = self.pair_by_roles(p_start, p_end, runs_on);
            } else {
                self.pair_paragraph(p_start, p_end);
            }
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

    /// Whether straight double marks are glued to the wrong side more than once: a mark the
    /// reporting clause next to it shows to close a quote whose spacing says it opens one
    /// (`time, "Rafter said`), or the reverse (`he joked," Today`).
    fn spacing_contradicted(&self) -> bool {
        let mut seen = 0;
        for i in 0..self.toks.len() {
            if let Kind::Mark { double: true, open } = self.toks[i].kind {
                let role = self.cue_role(i);
                if open == Side::Open && role == Some(Side::Close)
                    || open == Side::Close && role == Some(Side::Open)
                {
                    seen += 1;
                    if seen == 2 {
                        return true;
                    }
                }
            }
        }
        false
    }

    /// The role the words around a straight double mark give it, whatever its spacing: after a
    /// comma and before a reporting clause (`," said X`, `, "X said`, `," he added`) it closes;
    /// after a reporting verb and a comma or colon (`said, "`, `joked,"`) it opens.
    fn cue_role(&self, i: usize) -> Option<Side> {
        let t = &self.toks;
        if self.text.get(t[i].bs as usize..t[i].be as usize) != Some("\"") {
            return None;
        }
        let before = |k: usize| (k < i).then(|| &t[i - 1 - k]);
        // (`protests,"` ends a quote: a verb form that is also a noun needs a subject.)
        if before(0).is_some_and(|p| p.is_punct(',') || p.is_punct(':'))
            && before(1).is_some_and(|p| {
                !p.cap
                    && p.lex.verb.is_some_and(|v| {
                        v.form == Form::Past
                            || before(2).is_some_and(|s| s.cap || s.has(class::PRONOUN))
                    })
            })
        {
            return Some(Side::Open);
        }
        if !before(0).is_some_and(|p| p.is_punct(',') || p.is_punct('?') || p.is_punct('!')) {
            return None;
        }
        // Up to three name words or a pronoun, then a reporting verb.
        let mut k = i + 1;
        while k < t.len() && k <= i + 3 && t[k].para == t[i].para {
            let w = &t[k];
            if w.is_word() && !w.cap && w.lex.verb.is_some_and(|v| v.form != Form::Base) {
                return Some(Side::Close);
            }
            if !(self.name_word(k) || w.has(class::PRONOUN)) {
                break;
            }
            k += 1;
        }
        None
    }

    /// Pairs a paragraph's double marks by role (the reporting clause next to a mark, else
    /// alternation with its neighbours): a first closing mark closes a quote that `runs_on`
    /// from the paragraph before (else it is left alone: which words it closes is unknown); an
    /// opening mark left open runs to the paragraph's end. Returns whether one did.
    fn pair_by_roles(&mut self, from: usize, to: usize, runs_on: bool) -> bool {
        let marks: Vec<usize> = (from..to)
            .filter(|&k| matches!(self.toks[k].kind, Kind::Mark { double: true, .. }))
            .collect();
        if marks.is_empty() {
            // A paragraph inside a quote that runs on (its marks glued to the paragraphs
            // around it).
            if runs_on {
                self.push_run(from, to);
            }
            return runs_on;
        }
        let known: Vec<Option<Side>> = marks.iter().map(|&k| self.cue_role(k)).collect();
        let flip = |s: Side, odd: bool| match (s, odd) {
            (Side::Open, true) => Side::Close,
            (Side::Close, true) => Side::Open,
            (s, _) => s,
        };
        // The nearest known role after each mark, then before it (two passes: a paragraph of
        // many marks stays linear).
        let mut next: Vec<Option<(usize, Side)>> = vec![None; marks.len()];
        for j in (0..marks.len().saturating_sub(1)).rev() {
            next[j] = known[j + 1].map(|r| (j + 1, r)).or(next[j + 1]);
        }
        let mut prev: Option<(usize, Side)> = None;
        let mut roles: Vec<Side> = Vec::with_capacity(marks.len());
        for j in 0..marks.len() {
            let role = match (known[j], next[j], prev) {
                (Some(r), _, _) => r,
                (None, Some((n, r)), _) => flip(r, (n - j) % 2 == 1),
                (None, None, Some((p, r))) => flip(r, (j - p) % 2 == 1),
                // No clause to go by: alternate, from a close when a quote runs on into the
                // paragraph.
                (None, None, None) => {
                    flip(if runs_on { Side::Close } else { Side::Open }, j % 2 == 1)
                }
            };
            if let Some(r) = known[j] {
                prev = Some((j, r));
            }
            roles.push(role);
        }
        let mut open: Option<usize> = None;
        for (j, &m) in marks.iter().enumerate() {
            match (roles[j], open) {
                (Side::Close, Some(o)) => {
                    self.push_span(o, m, from, to);
                    open = None;
                }
                (Side::Close, None) if j == 0 && runs_on => {
                    // A quote running on from the paragraph before.
                    self.push_run(from, m);
                }
                (Side::Close, None) => {}
                (_, Some(o)) => {
                    self.push_span(o, m, from, to);
                    open = Some(m);
                }
                (_, None) => open = Some(m),
            }
        }
        if let Some(o) = open {
            self.push_span(o, to, from, to);
        }
        open.is_some()
    }

    fn opens_text(&self, i: usize, to: usize) -> bool {
        i + 1 < to
    }

    /// Records the quote between the mark at `open` and the token `close` (a closing mark or
    /// the paragraph end).
    fn push_span(&mut self, open: usize, close: usize, _from: usize, _to: usize) {
        self.push_run(open + 1, close);
    }

    /// Records the quote of tokens `first..close`.
    fn push_run(&mut self, first: usize, close: usize) {
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
            para: self.toks[first].para,
        });
    }
}
