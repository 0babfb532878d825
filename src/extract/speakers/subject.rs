//! The subject a cue without its own source takes: the name or pronoun a sentence opens with,
//! after an introductory phrase (`In a statement, X ...`, `Later Tom Baker went on to say`), past
//! titles (`Tory leader Michael Howard ...`), and a group whose people are listed (`Fifty
//! officials, including A and B, signed a letter saying`).
//!
//! Uses the tokens, sentences, names and sources.

use super::lexicon::{self, class};
use super::sentences::{items_tok, Item};
use super::sources::Src;
use super::tokens::Kind;
use super::State;

/// The subject a cue without its own source takes.
impl<'d> State<'d> {
    /// The subject a sentence opens with, after an introductory phrase.
    pub(super) fn subject(&self, items: &[Item]) -> Option<Src> {
        let d = self.doc;
        // A title-cased run-in heading (`Limited Tools to Fight Terrorism: ...`) has no subject.
        if let Some(c) = items
            .iter()
            .take(10)
            .position(|&it| matches!(self.tok(it), Some(t) if t.is_punct(':')))
        {
            let heading = c >= 3
                && !matches!(items.get(c + 1), Some(Item::Q(_)))
                && items[..c].iter().all(|&it| {
                    matches!(self.tok(it), Some(t) if t.is_word()
                        && (t.cap || matches!(d.word(items_tok(it)), "to" | "of" | "the" | "and" | "for" | "in" | "on" | "a" | "an")))
                });
            if heading && !d.is_headline {
                return None;
            }
        }
        let mut s = 0;
        // `In a statement, X ...`, `Meanwhile, X ...`
        if let Some(c) = items
            .iter()
            .take(25)
            .position(|&it| matches!(self.tok(it), Some(t) if t.is_punct(',')))
        {
            // Only after an introductory phrase (`In a statement,`, `Meanwhile,`, `Asked ...,`).
            let intro = matches!(items[0], Item::T(i) if d.toks[i].is_word()
                && d.toks[i].lex.classes & (class::STOP | class::TIME) != 0
                && d.toks[i].lex.classes & (class::PRONOUN | class::DET) == 0
                || d.toks[i].kind == Kind::Num);
            if intro {
                s = c + 1;
            }
        }
        // `Later Tom Baker went on to say`, `But he went so far as to suggest`: one adverb or
        // conjunction before the subject, with no comma.
        if s == 0 {
            if let (Some(&Item::T(a)), Some(&Item::T(b))) = (items.first(), items.get(1)) {
                // (Not a subordinating word: `Since Mao died, ...`.)
                let lead = |w: &str| {
                    [
                        "and",
                        "but",
                        "so",
                        "yet",
                        "later",
                        "earlier",
                        "then",
                        "now",
                        "also",
                        "still",
                        "meanwhile",
                        "yesterday",
                        "today",
                        "instead",
                        "again",
                        "afterwards",
                        "separately",
                        "finally",
                        "nonetheless",
                    ]
                    .iter()
                    .any(|l| l.eq_ignore_ascii_case(w))
                };
                if d.toks[a].is_word()
                    && (d.name_word(b) || d.toks[b].has(class::PRONOUN))
                    && lead(d.word(a))
                {
                    s = 1;
                }
            }
        }
        let Some(&Item::T(mut ti)) = items.get(s) else {
            return None;
        };
        if d.toks[ti].has(class::PRONOUN) {
            return Some(Src::Pronoun(lexicon::gender(d.word(ti)), ti));
        }
        // `17-year-old Jared Potts echoed:`, `London-born singer X`: an age or origin first.
        if self.describes_known(ti) {
            if let Some(&Item::T(nx)) = items.get(s + 1) {
                if d.toks[nx].is_word() && d.toks[nx].cap {
                    s += 1;
                    ti = nx;
                }
            }
        }
        // `Tory leader Michael Howard ...`, `shadow chancellor Oliver Letwin ...`
        let mut skipped = 0;
        while skipped < 4
            && d.toks[ti].is_word()
            && d.toks[ti].lex.classes & (class::TITLE | class::DEMONYM | class::SOURCE_NOUN) != 0
            && !d.toks[ti].poss()
        {
            match items.get(s + 1) {
                Some(&Item::T(nx)) if d.toks[nx].is_word() => {
                    s += 1;
                    ti = nx;
                    skipped += 1;
                }
                _ => break,
            }
        }
        if let Some(n) = self.including_subject(items) {
            return Some(n);
        }
        if !d.name_word(ti) {
            return None;
        }
        let ceil = self.item_tok_ceil(items, s);
        let mut e = self.name_end(ti, ceil);
        // `Kenteris' lawyer Gregory Ioannidis`, `Barca midfielder Deco`: a name, one or two
        // role words, then the person's name.
        if let Some(n) = self.name_after_role(e, ceil) {
            ti = n;
            e = self.name_end(n, ceil);
        }
        // `Birmingham's Tom Baker`, `Microsoft's Bill Gates`: a name opening with a given name
        // after a possessive (not `London's Evening Standard`).
        if d.toks[e - 1].poss() && e < ceil && d.name_word(e) && lexicon::is_given(d.word(e)) {
            ti = e;
            e = self.name_end(e, ceil);
        }
        if d.toks[e - 1].poss() {
            return None;
        }
        // A heading (`Limited Tools to Fight Terrorism:`, `Gender Equality.`) is no subject,
        // but `Name: "quote"` and a headline's `Blair: ...` are.
        if e >= ceil || d.toks[e].is_punct('.') {
            return None;
        }
        if d.toks[e].is_punct(':') {
            let colon = items.iter().position(|&it| it == Item::T(e));
            let quote_follows = colon.is_some_and(|c| matches!(items.get(c + 1), Some(Item::Q(_))));
            if !(quote_follows || d.is_headline && s == 0) {
                return None;
            }
        }
        self.person_part(ti, e)
            .map(|(from, to, titled)| Src::Name { from, to, titled })
    }
}

impl State<'_> {
    /// `Fifty former officials, including A, B and C, signed a letter saying`: a subject in
    /// lower-case words whose people are listed between `including` and a closing comma gives
    /// the list (the name before the comma, with those listed before it).
    pub(super) fn including_subject(&self, items: &[Item]) -> Option<Src> {
        let d = self.doc;
        let word = |m: usize| self.word_tok(items, m);
        // the head: a few words or a number, no verb and none capitalised but the sentence's
        // first, then `, including`
        let mut m = 0;
        while m < 6
            && matches!(items.get(m), Some(&Item::T(x)) if (d.toks[x].is_word() || d.toks[x].kind == Kind::Num)
                && (m == 0 || !d.toks[x].cap)
                && d.toks[x].lex.verb.is_none())
        {
            m += 1;
        }
        let comma = |m: usize| matches!(items.get(m), Some(&Item::T(x)) if d.toks[x].is_punct(','));
        if m == 0 || !comma(m) || word(m + 1).is_none_or(|x| d.word(x) != "including") {
            return None;
        }
        // the list: words and commas up to a comma after a name, then a lower-case word
        let close = (m + 2..(m + 40).min(items.len())).find(|&c| {
            comma(c)
                && word(c - 1).is_some_and(|x| d.name_word(x))
                && word(c + 1).is_some_and(|x| !d.toks[x].cap && d.word(x) != "and")
        })?;
        if (m + 2..close).any(|c| word(c).is_none() && !comma(c)) {
            return None;
        }
        // (The list is all there is between `including` and the comma: the name before the
        // comma opens it or ends a list: not `including X, president of Harbour Futures,`.)
        match self.left_name(items, close - 1) {
            n @ Src::Name { from, .. }
                if items
                    .iter()
                    .position(|&it| it == Item::T(from))
                    .is_some_and(|f| {
                        f == m + 2
                            || f > m + 2 && matches!(items[f - 1], Item::T(a) if d.word(a) == "and")
                    }) =>
            {
                Some(n)
            }
            _ => None,
        }
    }
}

impl State<'_> {
    /// After a name run ending at token `e` (a possessive, a bare `'` or a body's name): one or
    /// two lower-case words, the last a role noun, then a capitalised word; returns that word.
    fn name_after_role(&self, e: usize, ceil: usize) -> Option<usize> {
        let d = self.doc;
        let mut k = e;
        // `Kenteris'`: a possessive apostrophe after an s.
        if k < ceil && matches!(d.toks[k].kind, Kind::Mark { double: false, .. }) {
            k += 1;
        }
        let from = k;
        while k < ceil && k < from + 2 {
            let t = &d.toks[k];
            if t.is_word()
                && !t.cap
                && t.lex.verb.is_none()
                && t.lex.classes
                    & (class::STOP | class::DET | class::AUX | class::BE | class::PRONOUN)
                    == 0
            {
                k += 1;
            } else {
                break;
            }
        }
        let role = k > from && d.toks[k - 1].lex.classes & (class::TITLE | class::SOURCE_NOUN) != 0;
        (role && k < ceil && d.name_word(k) && d.toks[k].para == d.toks[e - 1].para).then_some(k)
    }
}
