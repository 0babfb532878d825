//! Affiliations: a person named with the body or place they belong to speaks, not the body or
//! the place (`Doug Miller of Milltech Marine told`, `Stacy Barker of Columbia, South Carolina
//! said`).
//!
//! Uses the tokens, sentences and sources.

use super::lexicon::{class, is_preposition};
use super::sentences::Item;
use super::sources::Src;
use super::State;

/// A person named before the body they speak for.
impl State<'_> {
    /// `Ruth Collin of Essex police said`, `Crystal Bell of the tribal preservation office
    /// told`: a full name before `of`/`from`/`at` and a body written in lower case ending at item
    /// `e` (a body word among them, or the name opening its clause: `Regina Ip from the
    /// pro-Beijing camp said`) speaks; not `a friend of the family said`.
    pub(super) fn person_of_body(&self, items: &[Item], e: usize) -> Option<Src> {
        let d = self.doc;
        let mut body = false;
        for m in (e.saturating_sub(9)..=e).rev() {
            let Item::T(p) = items[m] else { return None };
            let t = &d.toks[p];
            if !t.is_word() || t.lex.verb.is_some() && !t.cap {
                return None;
            }
            let w = d.word(p);
            if !t.cap && matches!(w, "of" | "from" | "at") {
                let Some(&Item::T(n)) = m.checked_sub(1).map(|x| &items[x]) else {
                    return None;
                };
                if !d.name_word(n) || d.toks[n].poss() {
                    return None;
                }
                // With no body word, the name must open its clause (`Regina Ip from the
                // pro-Beijing camp said`; not `accused Bill Clinton of rape said`).
                let opens = |from: usize| {
                    from == 0
                        || !d.toks[from - 1].is_word()
                        || d.toks[from - 1].para != d.toks[from].para
                };
                return match self.name_before(n, 0) {
                    src @ Src::Name { from, to, .. } if to - from >= 2 && (body || opens(from)) => {
                        Some(src)
                    }
                    _ => None,
                };
            }
            body |= t.has(class::ORG);
        }
        None
    }
}

impl State<'_> {
    /// `Stacy Baker of Columbia, South Carolina said`: a full name, `of`/`from`, a place, a
    /// comma and the place's state or country ending at item `e`, with no comma closing it
    /// before the cue: the person speaks, not the place.
    pub(super) fn person_of_place(&self, items: &[Item], e: usize) -> Option<Src> {
        let d = self.doc;
        // (the first item of the capitalised run ending at `end`; the state or country must be
        // a known place, the town need not be)
        let run = |end: usize| -> usize {
            let mut m = end + 1;
            while m > 0 && matches!(items[m - 1], Item::T(x) if d.name_word(x) && !d.toks[x].poss())
            {
                m -= 1;
            }
            m
        };
        let Item::T(last) = items[e] else {
            return None;
        };
        if !d.toks[last].has(class::PLACE) {
            return None;
        }
        let r1 = run(e);
        let comma = r1.checked_sub(1)?;
        if !matches!(items[comma], Item::T(c) if d.toks[c].is_punct(',')) {
            return None;
        }
        let r2 = run(comma.checked_sub(1)?);
        if r2 >= comma {
            return None;
        }
        let of = r2.checked_sub(1)?;
        if !matches!(items[of], Item::T(o) if matches!(d.word(o), "of" | "from")) {
            return None;
        }
        let Item::T(n) = items[of.checked_sub(1)?] else {
            return None;
        };
        if !d.name_word(n) || d.toks[n].poss() {
            return None;
        }
        // (not the object of a preposition: `a group led by Robert Bass of Fort Worth, Texas
        // said`)
        match self.name_before(n, 0) {
            src @ Src::Name { from, to, .. }
                if to - from >= 2
                    && !(from > 0
                        && d.toks[from - 1].is_word()
                        && is_preposition(d.word(from - 1))) =>
            {
                Some(src)
            }
            _ => None,
        }
    }
}
