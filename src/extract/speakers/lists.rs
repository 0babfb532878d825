//! Lists: the people a source is named with in a list joined by `and` and commas (`A and B`,
//! `A, B of the Harbour Trust, and C`), who all speak with it.
//!
//! Uses the tokens, the lexicon, runs and sources.

use super::lexicon;
use super::sources::Src;
use super::State;

/// The people a source is listed with.
impl State<'_> {
    /// The names before the one starting at token `from` in a list joined by `and` and commas
    /// (`A and B`, `A, B and C`, `A, B of the Harbour Trust, and C`), nearest first; empty when
    /// the word before is no `and` or one of the list is no person's name.
    pub(super) fn coordinated_names(&self, from: usize) -> Vec<Src> {
        let d = self.doc;
        let word = |i: usize, w: &str| d.toks[i].is_word() && d.word(i) == w;
        let start = self.name_start(from, 0);
        if start < 2 || !word(start - 1, "and") {
            return Vec::new();
        }
        // (`A, B, and C`: a serial comma before `and`, not `since replacing Hughes, and Giggs
        // said`.)
        let mut end = start - 2;
        let serial = d.toks[end].is_punct(',') && end >= 1;
        if serial {
            end -= 1;
        }
        // (each name, and whether a title or a lower-case role goes with it)
        let mut out: Vec<(Src, bool)> = Vec::new();
        while out.len() < 12 && d.name_word(end) {
            let Some((
                n @ Src::Name {
                    from: f, titled, ..
                },
                affiliated,
            )) = self.listed_person(end)
            else {
                // (An item naming no one the person test takes ends a list of two or more read
                // so far: `A of X, B of Y, and C` after `Kaia Los Huertos of ...`.)
                if out.len() >= 2 {
                    break;
                }
                return Vec::new();
            };
            // The next one back follows a comma; the list's first has none before it.
            let s = self.name_start(f, 0);
            let Some(mut k) = s.checked_sub(1) else {
                // (A name opening the text is not held to the person test, as before.)
                out.push((n, true));
                break;
            };
            // (`antiwar activist Adam Kokesh`: a role in lower case before the name.)
            let mut role = 0;
            while k > 0 && role < 3 && d.toks[k].is_word() && !d.toks[k].cap {
                k -= 1;
                role += 1;
            }
            out.push((n, titled || affiliated || role > 0));
            if !(d.toks[k].is_punct(',') && k >= 1 && d.toks[k].para == d.toks[f].para) {
                break;
            }
            end = k - 1;
        }
        // A list of three or more holds people only: each has a title or role, a known given
        // name, or two words of a name (not `Deutsche Bahn, Deutsche Telekom and ...`).
        if out.len() >= 2 || serial {
            let person = |&(n, role): &(Src, bool)| {
                role || matches!(n, Src::Name { from, to, .. } if to - from >= 2 && lexicon::is_given(d.word(from)))
            };
            if out.len() < 2 || !out.iter().all(person) {
                return Vec::new();
            }
        }
        out.into_iter().map(|(n, _)| n).collect()
    }

    /// The person a list item ending at token `end` names: the name itself, or the full name
    /// before the `of`/`from`/`at` of its body (`Tom Hart of the Center for Science`), and
    /// whether it was that (a body someone belongs to says the name is a person's).
    fn listed_person(&self, end: usize) -> Option<(Src, bool)> {
        let d = self.doc;
        // (The name may end before the item does: `Tom Hart of Harbour News`.)
        if let n @ Src::Name { to, .. } = self.name_before(end, 1) {
            return Some((n, to <= end));
        }
        // (The first `of` of the item: `Kaia Los Huertos of the National Association of
        // Nonpartisan Reformers`.)
        let lo = end.saturating_sub(10);
        let p = (lo + 1..end).find(|&i| {
            d.toks[i].is_word()
                && matches!(d.word(i), "of" | "from" | "at")
                && (i + 1..end).all(|x| d.toks[x].is_word())
        })?;
        if !d.name_word(p - 1) {
            return None;
        }
        match self.name_before(p - 1, 0) {
            n @ Src::Name { from, to, .. } if to - from >= 2 => Some((n, true)),
            _ => None,
        }
    }
}
