//! Speakers named by the layout rather than a verb: a quote signed `― Name`, a transcript line
//! `PENCE: ...`, an interview's answer `((Jane Doe)) ...` and question `((WN)) ...`, and who
//! `I` and `you` are inside them.
//!
//! Uses the tokens, the lexicon, the sentences, the sources and the names the body gives.

use super::lexicon::class;
use super::sentences::{items_tok, Item};
use super::sources::Src;
use super::tokens::Kind;
use super::State;

/// Paragraphs that name their speaker without a verb (signature lines, interview transcripts).
impl<'d> State<'d> {
    /// `((Jane Doe)) ... that's why I said "..."`: in an interview answer, `I` before the verb
    /// at item `k` is the one answering; in a question (`((WN)) Previously you said "..."`),
    /// `you` is the one asked. (`I also said`, `you had mentioned`; not `I can tell you "..."`
    /// nor a question's own `what would you say "..."`.)
    pub(super) fn interview_voice(&self, items: &[Item], k: usize) -> Option<Src> {
        let d = self.doc;
        let para = d.toks[items_tok(items[k])].para;
        let between_ok = |j: usize| {
            matches!(self.tok(items[j]), Some(t) if t.is_word() && !t.cap && {
                let w = d.word(items_tok(items[j]));
                w.ends_with("ly") || matches!(w, "also" | "once" | "then" | "just" | "already" | "have" | "had")
            })
        };
        let by = |who: &str| {
            (1..=2.min(k))
                .map(|b| k - b)
                .find(|&p| self.word_is(items[p], who) && (p + 1 == k || between_ok(p + 1)))
        };
        if let Some((p, answerer)) = self.answer {
            if p == para && by("I").is_some() {
                return Some(answerer);
            }
        }
        let you = by("you").filter(|_| self.question == Some(para))?;
        let asks = you.checked_sub(1).is_some_and(|j| {
            [
                "would", "did", "do", "does", "can", "could", "will", "should", "have", "had",
                "were",
            ]
            .iter()
            .any(|w| self.word_is(items[j], w))
        });
        (!asks)
            .then(|| self.interviewee(items_tok(items[k])))
            .flatten()
    }

    /// `― Name` opening a paragraph right after a quote.
    pub(super) fn signature_line(&self, items: &[Item]) -> Option<Src> {
        let d = self.doc;
        let (Some(&Item::T(dash)), true) = (items.first(), items.len() >= 2) else {
            return None;
        };
        if d.is_headline
            || dash == 0
            || !matches!(
                d.toks[dash].kind,
                Kind::Punct('\u{2015}' | '\u{2014}' | '\u{2013}')
            )
            || !d.opens_para(dash)
        {
            return None;
        }
        let after_quote = (dash.saturating_sub(2)..dash).any(|k| {
            matches!(d.toks[k].kind, Kind::Mark { .. }) && d.toks[k].para + 1 == d.toks[dash].para
        });
        if !after_quote {
            return None;
        }
        self.right_name_only(items, 1)
    }

    /// `WALLACE: But, Governor, ...` or `((Jane Doe)) Well, ...` (an interview's answer) at the
    /// start of a paragraph.
    pub(super) fn transcript_speaker(&self, items: &[Item]) -> Option<(Src, usize, bool)> {
        let d = self.doc;
        let Item::T(first) = items[0] else {
            return None;
        };
        if d.is_headline || !d.opens_para(first) {
            return None;
        }
        // `((Jane Doe))`: the name between doubled brackets, then the answer.
        if let Some((close, named)) = self.doubled_brackets(first) {
            return named.then_some((
                Src::Name {
                    from: first + 2,
                    to: close,
                    titled: false,
                },
                close,
                true,
            ));
        }
        let colon = items
            .iter()
            .take(4)
            .position(|&it| matches!(self.tok(it), Some(t) if t.is_punct(':')))?;
        if colon == 0 || d.caps(first) {
            return None;
        }
        let upper_words = items[..colon].iter().all(|&it| {
            matches!(self.tok(it), Some(t) if t.is_word() && t.upper && t.lex.classes & class::STOP == 0)
        });
        let Item::T(last) = items[colon - 1] else {
            return None;
        };
        (upper_words
            && d.toks[last].para == d.toks[first].para
            && self.body_names().has_full_surname(d.word(last)))
        .then_some((
            Src::Name {
                from: last,
                to: last + 1,
                titled: false,
            },
            items_tok(items[colon]),
            false,
        ))
    }

    /// `((Jane Doe))` or `((WN))` opening a paragraph at token `first`: the closing bracket's
    /// token, and whether the brackets hold a name (an answer) rather than the interviewer's
    /// mark (a question).
    pub(super) fn doubled_brackets(&self, first: usize) -> Option<(usize, bool)> {
        let d = self.doc;
        let is = |k: usize, c: char| d.toks.get(k).is_some_and(|t| t.is_punct(c));
        if !(is(first, '(') && is(first + 1, '(')) {
            return None;
        }
        let close = (first + 3..first + 8).find(|&k| is(k, ')'))?;
        let para = d.toks[first].para;
        if !is(close + 1, ')') || d.toks[close + 1].para != para || close + 2 >= d.toks.len() {
            return None;
        }
        let words = first + 2..close;
        let named = words.len() >= 2
            && d.toks[close + 2].para == para
            && words.clone().all(|k| d.toks[k].is_word() && d.toks[k].cap)
            && d.name_word(first + 2);
        Some((close, named))
    }

    /// The one a question of an interview (`((WN)) Previously you said "..."`) is put to: the
    /// one who answered last, or before any answer the one who answers next.
    fn interviewee(&self, from: usize) -> Option<Src> {
        let d = self.doc;
        if let Some((_, src)) = self.answer {
            return Some(src);
        }
        (from..d.toks.len())
            .filter(|&k| d.opens_para(k))
            .find_map(|k| match self.doubled_brackets(k)? {
                (close, true) => Some(Src::Name {
                    from: k + 2,
                    to: close,
                    titled: false,
                }),
                _ => None,
            })
    }
}
