//! Which tokens may be part of a person's name: a capitalised word that is no stop word, time
//! or pronoun (with the exceptions that names make: `Will Greenwood`, `said Said Kadhim`,
//! `Theresa May` and then `May said`), an `al-` name, or a particle inside a name.
//!
//! Uses the tokens and the lexicon.

use super::lexicon::{self, class};
use super::tokens::{is_arabic_article_name, Doc, Kind};

impl Doc<'_> {
    /// Could this token be part of a person's name?
    pub(super) fn name_word(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if !t.is_word() {
            return false;
        }
        if !t.cap {
            // Only `al-Baghdadi`-like words: a hyphen in the third or fourth byte.
            let b = self.text.as_bytes();
            let at = |k: usize| b.get(t.bs as usize + k).copied();
            return (at(2) == Some(b'-') || at(3) == Some(b'-'))
                && is_arabic_article_name(self.word(i));
        }
        if t.lex.classes & (class::STOP | class::TIME | class::PRONOUN) != 0
            && t.lex.classes & class::TITLE == 0
        {
            // `Henk Ten Bosch`: a capitalised particle between two capitalised words of a name.
            if t.lex.classes & class::PARTICLE != 0
                && i > 0
                && self.toks[i - 1].is_word()
                && self.toks[i - 1].cap
                && self.toks[i - 1].para == t.para
                && self.toks[i - 1].lex.classes & (class::STOP | class::TITLE) == 0
                && self
                    .toks
                    .get(i + 1)
                    .is_some_and(|n| n.is_word() && n.cap && n.para == t.para)
            {
                return true;
            }
            // `Will Greenwood`: the modal before a surname-like word (no lexicon class) is a
            // given name (not `Will Tory voters`, nor a question's `Will Smith be ...`).
            if self.word(i) == "Will" {
                return self.toks.get(i + 1).is_some_and(|n| {
                    n.is_word()
                        && n.cap
                        && !n.upper
                        && n.para == t.para
                        && n.lex.classes == 0
                        && n.lex.verb.is_none()
                }) && self.toks.get(i + 2).is_none_or(|a| {
                    a.lex.classes & (class::BE | class::AUX) == 0 || a.para != t.para
                });
            }
            // `Theresa May`: a month after a known given name or a courtesy title is a
            // surname, and so on its own outside a date in a text that names a `<given> May`
            // (`May said`, not `in May`, `May 5`).
            return self.word(i) == "May"
                && self.toks.get(i + 1).is_none_or(|n| n.kind != Kind::Num)
                && (self.names_a_may() && !self.in_date(i)
                    || i > 0
                        && self.toks[i - 1].para == t.para
                        && lexicon::is_courtesy_title(self.word(i - 1))
                    || self.given_may(i));
        }
        if let Some(v) = t.lex.verb {
            if self.caps(i) {
                return false;
            }
            // `said Said Kadhim`: a capitalised verb after a lower-case word is a name.
            if i > 0 && {
                let p = &self.toks[i - 1];
                p.is_word() && !p.cap && p.para == t.para
            } {
                return true;
            }
            // `Said Ellis: "..."` opens with an inverted verb, not a name.
            if v.strength == lexicon::Strength::Strong
                && matches!(v.form, lexicon::Form::Past | lexicon::Form::Third)
                && ["said", "says", "told", "asked", "added", "wrote"]
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(self.word(i)))
            {
                return false;
            }
        }
        true
    }

    /// A lower-case particle inside a name (`van der`, `de`, `bin`).
    pub(super) fn particle(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.is_word() && !t.cap && t.lex.classes & class::PARTICLE != 0
    }

    /// Whether the text names someone `<given name> May` (computed once, when needed).
    fn names_a_may(&self) -> bool {
        *self.may_surname.get_or_init(|| {
            (1..self.toks.len()).any(|i| self.word(i) == "May" && self.given_may(i))
        })
    }

    /// Whether token `i` follows a known given name (`Theresa May`).
    fn given_may(&self, i: usize) -> bool {
        i > 0
            && self.toks[i - 1].cap
            && self.toks[i - 1].para == self.toks[i].para
            && lexicon::is_given(self.word(i - 1))
    }

    /// Whether the month at token `i` is part of a date: after a number, a preposition or a
    /// word of time (`5 May`, `in May`, `last May`), or another month and `and` (`April and
    /// May`).
    fn in_date(&self, i: usize) -> bool {
        let before = |k: usize| {
            k.checked_sub(1)
                .filter(|&p| self.toks[p].para == self.toks[i].para)
        };
        let Some(p) = before(i) else { return false };
        let t = &self.toks[p];
        let month = |k: usize| {
            self.toks[k].has(class::TIME) || matches!(self.word(k), "April" | "June" | "August")
        };
        t.kind == Kind::Num
            || t.is_word() && !t.cap && {
                let w = self.word(p);
                lexicon::is_preposition(w)
                    || matches!(
                        w,
                        "since"
                            | "until"
                            | "till"
                            | "through"
                            | "during"
                            | "before"
                            | "after"
                            | "last"
                            | "next"
                            | "this"
                            | "early"
                            | "late"
                            | "mid"
                            | "between"
                    )
                    || matches!(w, "and" | "or") && before(p).is_some_and(month)
            }
    }
}
