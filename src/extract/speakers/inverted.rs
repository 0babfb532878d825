//! Inverted sources: the name or description that starts right of a cue whose source follows
//! it (`"...," said China's ambassador to the United Nations, Zhang Jun`, `said Standard
//! Chartered chief executive Mervyn Davies`, `said the coach`, `according to Secretary of State
//! Mike Pompeo`), a name starting exactly at an item, and the judgement of a named person
//! after a quote (`"...," is the dry assessment of X`).
//!
//! Uses the tokens, sentences, names and sources.

use super::lexicon::{self, class, is_preposition, Form};
use super::sentences::{items_tok, Item};
use super::sources::Src;
use super::tokens::Kind;
use super::State;

/// Words of the demonym list that are no nationality on their own (the first words of place
/// names, compass words, storms).
const NOT_NATIONALITIES: &[&str] = &[
    "western",
    "eastern",
    "northern",
    "southern",
    "new",
    "north",
    "south",
    "east",
    "west",
    "united",
    "great",
    "central",
    "latin",
    "los",
    "las",
    "costa",
    "puerto",
    "saint",
    "st",
    "fort",
    "port",
    "cape",
    "mount",
    "lake",
    "santa",
    "quintana",
    "hurricane",
    "typhoon",
    "cyclone",
    "storm",
    "tropical",
    "soviet",
    "arab",
];

/// A nationality standing for a person (`the Norwegian`, `the New Zealander`).
impl State<'_> {
    /// The item of a nationality noun after `the` at item `s` (past `New`, `South`, ...).
    pub(super) fn nationality_after_the(&self, items: &[Item], s: usize) -> Option<usize> {
        let d = self.doc;
        if !self.word_at_is(items, s, "the") {
            return None;
        }
        let two_words = matches!(items.get(s + 1), Some(&Item::T(x))
            if ["New", "South", "North", "Northern", "Sri", "Puerto", "Costa"].contains(&d.word(x)));
        let m = s + 1 + usize::from(two_words);
        let Some(&Item::T(x)) = items.get(m) else {
            return None;
        };
        let t = &d.toks[x];
        let w = d.word(x).to_ascii_lowercase();
        (t.has(class::DEMONYM)
            && t.cap
            && !t.poss()
            && !w.ends_with('s')
            && !NOT_NATIONALITIES.contains(&w.as_str()))
        .then_some(m)
    }
}

/// The source right of a cue.
impl<'d> State<'d> {
    /// A source starting at item `s`: a name, a pronoun, or a description followed by
    /// `, Name`.
    pub(super) fn right_source(&self, items: &[Item], mut s: usize) -> Src {
        let d = self.doc;
        while let Some(&Item::T(ti)) = items.get(s) {
            let t = &d.toks[ti];
            if t.is_word() && !t.cap && t.lex.classes & class::AUX != 0 {
                s += 1;
            } else {
                break;
            }
        }
        // `said 20-year-old politics student Nick Vaughan`, `said 20 students`: an age or a
        // number before the source.
        if matches!(items.get(s), Some(&Item::T(x)) if d.toks[x].kind == Kind::Num) {
            s += 1;
            while let Some(&Item::T(x)) = items.get(s) {
                let w = d.word(x);
                if d.toks[x].is_punct('-') || !d.toks[x].cap && w.contains("-old") || w == "year" {
                    s += 1;
                } else {
                    break;
                }
            }
        }
        let Some(&Item::T(ti)) = items.get(s) else {
            return Src::Nothing;
        };
        let t = &d.toks[ti];
        if t.has(class::PRONOUN) {
            return Src::Pronoun(lexicon::gender(d.word(ti)), ti);
        }
        if !t.is_word() {
            return Src::Nothing;
        }
        // `said the 74-year-old comedian`: someone already named.
        if d.word(ti).eq_ignore_ascii_case("the")
            && matches!(items.get(s + 1), Some(&Item::T(x)) if self.describes_known(x))
            && !matches!(items.get(s + 2), Some(&Item::T(x)) if d.toks[x].poss())
        {
            return Src::Pronoun(0, items_tok(items[s + 1]));
        }
        // `said the Observer's Philip French`: a full name after a body's possessive.
        if d.word(ti).eq_ignore_ascii_case("the")
            && matches!(items.get(s + 1), Some(&Item::T(x)) if d.name_word(x))
        {
            let x = items_tok(items[s + 1]);
            let e = self.name_end(x, self.item_tok_ceil(items, s + 1));
            if d.toks[e - 1].poss() {
                if let Some(n @ Src::Name { from, to, .. }) =
                    self.right_name_only(items, s + 1 + (e - x))
                {
                    if to - from >= 2 {
                        return n;
                    }
                }
            }
        }
        if let Some(src) = self.post_source(items, s) {
            return src;
        }
        // `said the Lions coach`: a body's word and a post, the sentence ending there: the
        // person the article named with the same words (`Lions coach Clive Woodward`).
        if d.word(ti).eq_ignore_ascii_case("the") {
            if let (Some(&Item::T(body)), Some(&Item::T(role))) =
                (items.get(s + 1), items.get(s + 2))
            {
                if self.ends_sentence_at(items, s + 3)
                    && d.name_word(body)
                    && d.toks[role].is_word()
                    && !d.toks[role].cap
                    && d.toks[role].has(class::TITLE)
                {
                    if let Some(n) = self.named_with_post(body, role) {
                        return n;
                    }
                }
            }
        }
        if let Some(src) = self.description_source(items, s) {
            return src;
        }
        // `said the Reverend Adrian Rodgers`, `said the Prime Minister Tony Blair`: titles in
        // capitals between `the` and a full name.
        if d.word(ti).eq_ignore_ascii_case("the") {
            let mut k = s + 1;
            while k < s + 4
                && matches!(items.get(k), Some(&Item::T(x)) if d.toks[x].cap && !d.toks[x].upper && d.toks[x].has(class::TITLE))
            {
                k += 1;
            }
            if k > s + 1 {
                if let Some(n @ Src::Name { from, to, .. }) = self.right_name_only(items, k) {
                    if to - from >= 2 {
                        return n;
                    }
                }
            }
        }
        // `said the American`, `said the Dutchman`, `said the New Zealander`: a nationality
        // alone standing for someone already named (sports copy).
        if let Some(m) = self.nationality_after_the(items, s) {
            if !matches!(items.get(m + 1), Some(&Item::T(x)) if d.toks[x].is_word()) {
                return Src::Pronoun(0, items_tok(items[m]));
            }
        }
        // `said the 12th-ranked Washington`, `said the unseeded Jan Hollis`: modifiers in lower
        // case between `the` and a name (not a role noun: `said the firm Brush Wellman`).
        if d.word(ti).eq_ignore_ascii_case("the") {
            let mut k = s + 1;
            while k < s + 5 {
                match items.get(k) {
                    Some(&Item::T(x)) if d.toks[x].kind == Kind::Num || d.toks[x].is_punct('-') => {
                        k += 1
                    }
                    Some(&Item::T(x))
                        if d.toks[x].kind == Kind::Word
                            && !d.toks[x].cap
                            && d.toks[x].lex.verb.is_none()
                            && d.toks[x].lex.classes
                                & (class::ORG
                                    | class::TITLE
                                    | class::SOURCE_NOUN
                                    | class::STOP
                                    | class::DET)
                                == 0
                            && (d.word(x).contains('-') || d.word(x).ends_with("ed")) =>
                    {
                        k += 1
                    }
                    _ => break,
                }
            }
            if k > s + 1 {
                if let Some(Src::Name { from, to, titled }) = self.right_name_only(items, k) {
                    // A full name, or a surname the article gives in full elsewhere.
                    if to - from >= 2 || titled || self.names.has_full_surname(d.word(from)) {
                        return Src::Name { from, to, titled };
                    }
                }
            }
        }
        // `said Donaldson, Lufkin and Jenrette Inc analyst William Marcus`: a body whose name
        // has commas in it, lower-case post words, then a full name.
        if d.name_word(ti) {
            if let Some(n) = self.post_after_listed_body(items, s) {
                return n;
            }
        }
        if d.name_word(ti) {
            let ceil = self.item_tok_ceil(items, s);
            let e = self.name_end(ti, ceil);
            if !d.toks[e - 1].poss() {
                // `said Wallabies coach Eddie Jones`, `said Cebit organiser Gabriele Dorries`:
                // a body, one or two lower-case role words, then the name.
                let after = s + (e - ti);
                let single = e - ti == 1 || self.person_part(ti, e).is_none();
                // `said Mayor of London Sadiq Khan`, `according to Secretary of State Mike
                // Pompeo`: a post of a place or body, then its holder's full name.
                if single && d.toks[e - 1].has(class::TITLE) {
                    if let Some(n) = self.holder_after_post(e, ceil) {
                        return n;
                    }
                }
                // (`said Standard Chartered chief executive Mervyn Davies`: a body of two words
                // or more needs a post among the role words.)
                {
                    let mut k = after;
                    let mut post = single;
                    while k < items.len() && k < after + 2 {
                        match items[k] {
                            Item::T(x)
                                if d.toks[x].is_word()
                                    && !d.toks[x].cap
                                    && (d.toks[x].lex.verb.is_none()
                                        || self.modifier_verb(items, k))
                                    && d.toks[x].lex.classes
                                        & (class::STOP | class::DET | class::AUX | class::BE)
                                        == 0
                                    && !is_preposition(d.word(x)) =>
                            {
                                post |= d.toks[x].lex.classes & (class::TITLE | class::SOURCE_NOUN)
                                    != 0;
                                k += 1
                            }
                            _ => break,
                        }
                    }
                    if k > after && post {
                        if let Some(n @ Src::Name { from, to, .. }) = self.right_name_only(items, k)
                        {
                            if to - from >= 2 {
                                return n;
                            }
                        }
                    }
                }
                // `added Ernst and Young's Sanjay Mehta`: a body's name with `and` in it.
                if e - ti == 1
                    && (self.word_at_is(items, after, "and") || self.word_at_is(items, after, "&"))
                {
                    if let Some(n) = self.appositive_name(items, s) {
                        return n;
                    }
                }
                return match self.person_part(ti, e) {
                    Some((from, to, titled)) => Src::Name { from, to, titled },
                    None => self.appositive_name(items, s).unwrap_or(Src::Unnamed),
                };
            }
            // `noted NBC's Dante Chinni`: the name after the possessive.
            let after = s + (e - ti);
            if let Some(n @ Src::Name { .. }) = self.right_name_only(items, after) {
                return n;
            }
        }
        self.appositive_name(items, s).unwrap_or(Src::Unnamed)
    }

    /// The holder named after a post's `of` at token `of` (`[Mayor] of London Sadiq Khan`,
    /// `[Director] of National Intelligence John Ratcliffe`): a full name at the end of the
    /// capitalised run after `of` (and `the`), read as the left side reads it.
    fn holder_after_post(&self, of: usize, ceil: usize) -> Option<Src> {
        let d = self.doc;
        let word = |i: usize, w: &str| i < ceil && d.toks[i].is_word() && d.word(i) == w;
        if !word(of, "of") {
            return None;
        }
        let mut m = of + 1;
        if word(m, "the") {
            m += 1;
        }
        if m >= ceil || !d.name_word(m) {
            return None;
        }
        let e = self.name_end(m, ceil);
        if d.toks[e - 1].poss() {
            return None;
        }
        match self.name_before(e - 1, 1) {
            n @ Src::Name { from, to, .. } if from > m && to - from >= 2 => Some(n),
            _ => None,
        }
    }

    /// The last person before token `body` the article named right after the same body word
    /// and post (`Lions coach Clive Woodward` for `the Lions coach` at `body`, `role`).
    fn named_with_post(&self, body: usize, role: usize) -> Option<Src> {
        let d = self.doc;
        let entries = self.names.roles.get(&d.word(role).to_lowercase())?;
        let &(pos, _) = entries.iter().rev().find(|&&(pos, _)| {
            pos >= 2
                && pos < body
                && d.toks[pos - 1].is_word()
                && d.word(pos - 1).eq_ignore_ascii_case(d.word(role))
                && d.toks[pos - 2].is_word()
                && d.word(pos - 2) == d.word(body)
        })?;
        let to = self.name_end(pos, d.toks.len());
        self.person_part(pos, to).map(|(from, to, _)| Src::Name {
            from,
            to,
            titled: true,
        })
    }

    /// The full name after a body named with commas (`Donaldson, Lufkin and Jenrette Inc`)
    /// from item `s` and one or two lower-case words with a post among them (`analyst`,
    /// `chief economist`).
    fn post_after_listed_body(&self, items: &[Item], s: usize) -> Option<Src> {
        let d = self.doc;
        let tok = |m: usize| match items.get(m) {
            Some(&Item::T(t)) => Some(t),
            _ => None,
        };
        let mut m = s;
        let mut comma = false;
        while let Some(t) = tok(m).filter(|_| m < s + 10) {
            if d.toks[t].is_punct(',') {
                comma = true;
            } else if !(d.toks[t].is_word() && (d.toks[t].cap || matches!(d.word(t), "and" | "&")))
            {
                break;
            }
            m += 1;
        }
        if !comma || m == s || tok(m - 1).is_none_or(|t| !d.toks[t].is_word()) {
            return None;
        }
        let mut post = false;
        let mut k = m;
        while let Some(t) = tok(k).filter(|_| k < m + 2) {
            if !(d.toks[t].is_word() && !d.toks[t].cap && d.toks[t].lex.verb.is_none()) {
                break;
            }
            post |= d.toks[t].has(class::TITLE | class::SOURCE_NOUN);
            k += 1;
        }
        if !post {
            return None;
        }
        match self.right_name_only(items, k)? {
            n @ Src::Name { from, to, .. } if to - from >= 2 => Some(n),
            _ => None,
        }
    }

    /// A name starting exactly at item `s`.
    pub(super) fn right_name_only(&self, items: &[Item], s: usize) -> Option<Src> {
        let d = self.doc;
        let Some(&Item::T(ti)) = items.get(s) else {
            return None;
        };
        if !d.name_word(ti) {
            return None;
        }
        let e = self.name_end(ti, self.item_tok_ceil(items, s));
        if d.toks[e - 1].poss() {
            return None;
        }
        self.person_part(ti, e)
            .map(|(from, to, titled)| Src::Name { from, to, titled })
    }
}

/// A name after role and body words right of an inverted verb (`said currency economist Klaus
/// Baader`, `said the ambassador to the UN, Zhang Jun`).
impl State<'_> {
    /// `state archivist`, `report author`: a bare verb form before a lower-case noun is a
    /// noun's modifier, not a verb.
    fn modifier_verb(&self, items: &[Item], j: usize) -> bool {
        let d = self.doc;
        matches!(self.tok(items[j]), Some(t) if t.lex.verb.is_some_and(|v| v.form == Form::Base))
            && matches!(items.get(j + 1).and_then(|&it| self.tok(it)), Some(n) if n.is_word()
                && !n.cap
                && n.lex.verb.is_none()
                && n.lex.classes & (class::STOP | class::DET | class::AUX | class::BE | class::PRONOUN) == 0
                && !is_preposition(d.word(items_tok(items[j + 1]))))
    }

    /// `the ambassador to the UN, Zhang Jun`: the name after the description's comma.
    fn appositive_name(&self, items: &[Item], s: usize) -> Option<Src> {
        let d = self.doc;
        let mut k = s;
        // The description must name a role (`the ambassador`, `the government's lawyer`), not
        // just any phrase (`according to exit polls, Mitt Romney had ...`).
        let mut role = false;
        while k < items.len() && k < s + 14 {
            let Item::T(ti) = items[k] else { return None };
            let t = &d.toks[ti];
            role |= t.lex.classes & (class::TITLE | class::SOURCE_NOUN) != 0;
            if t.is_punct(',') {
                if !role {
                    return None;
                }
                let Some(&Item::T(ni)) = items.get(k + 1) else {
                    return None;
                };
                if !d.name_word(ni) {
                    return None;
                }
                let ceil = self.item_tok_ceil(items, k + 1);
                let e = self.name_end(ni, ceil);
                if d.toks[e - 1].poss() {
                    return None;
                }
                return self.person_part(ni, e).map(|(from, to, titled)| Src::Name {
                    from,
                    to,
                    titled,
                });
            }
            if !t.is_word() && !t.is_punct('-')
                || t.lex.verb.is_some() && !t.cap && !self.modifier_verb(items, k)
            {
                return None;
            }
            // `said currency economist Klaus Baader`: a role noun, then the name.
            if k > s && d.name_word(ti) {
                let Item::T(pi) = items[k - 1] else {
                    return None;
                };
                let p = &d.toks[pi];
                // (`former` only modifies a role: `said former Olympian and BBC pundit X`.)
                let role = p.lex.classes & (class::TITLE | class::SOURCE_NOUN) != 0
                    && !d.word(pi).eq_ignore_ascii_case("former");
                // `said entrepreneur Drayton Vale`: right after the cue, a role noun the
                // lexicon lacks, before a full name.
                let plain_word = |j: usize| {
                    let it = items[j];
                    matches!(self.tok(it), Some(w) if w.is_word()
                        && !w.cap
                        && (w.lex.verb.is_none() || self.modifier_verb(items, j))
                        && w.lex.classes
                            & (class::STOP
                                | class::DET
                                | class::AUX
                                | class::BE
                                | class::PRONOUN
                                | class::TIME
                                | class::NEG)
                            == 0
                        && !is_preposition(d.word(items_tok(it)))
                        && !d.word(items_tok(it)).ends_with("ly"))
                };
                let plain = plain_word(k - 1) && k <= s + 2;
                // `said former Olympian and BBC pundit Steve Cram`, `added Ernst and Young's
                // Sanjay Mehta`, `said his longtime tag team partner Erick Rowan`: up to eight
                // words of lower-case role words, capitalised body words, `and` and
                // possessives, a role word or a possessive last, before a full name.
                let desc_word = |j: usize| {
                    plain_word(j)
                        || self.word_is(items[j], "and")
                        || j == s
                            && matches!(self.tok(items[j]), Some(w) if w.is_word()
                                && (w.poss() || matches!(d.word(items_tok(items[j])), "his" | "her" | "their")))
                        || matches!(self.tok(items[j]), Some(w) if w.is_word()
                            && w.cap
                            && w.lex.verb.is_none()
                            && w.lex.classes & (class::STOP | class::DET | class::PRONOUN | class::TIME) == 0)
                };
                let described = k > s + 1
                    && k - s <= 8
                    && (plain_word(k - 1) || p.cap && p.poss())
                    && (s..k).all(desc_word);
                let basic = p.is_word() && !p.cap && (role || plain);
                if basic || described {
                    let ceil = self.item_tok_ceil(items, k);
                    let e = self.name_end(ti, ceil);
                    if d.toks[e - 1].poss() {
                        return None;
                    }
                    // (A description's words may hold a name of their own: go on to the next.)
                    if let Some((from, to, titled)) = self
                        .person_part(ti, e)
                        .filter(|&(from, to, titled)| basic && role || to - from >= 2 || titled)
                    {
                        return Some(Src::Name { from, to, titled });
                    }
                    if !(described || basic && plain) {
                        return None;
                    }
                }
            }
            k += 1;
        }
        None
    }
}

/// Descriptions right of a cue that end the sentence: `said the prime minister.`, `said the
/// Sale player.`
impl State<'_> {
    /// The head noun's item of a description of one to three words after `the` at item `s` that
    /// ends the sentence.
    fn sentence_final_description(&self, items: &[Item], s: usize) -> Option<usize> {
        let d = self.doc;
        let Some(&Item::T(ti)) = items.get(s) else {
            return None;
        };
        if !d.word(ti).eq_ignore_ascii_case("the") {
            return None;
        }
        let word = |m: usize| matches!(items.get(m), Some(&Item::T(x)) if d.toks[x].is_word());
        (s + 1..s + 4)
            .take_while(|&m| word(m))
            .find(|&m| self.ends_sentence_at(items, m + 1))
    }

    /// The sentence ends at item `m`: a full stop, `!` or `?`, or no item.
    fn ends_sentence_at(&self, items: &[Item], m: usize) -> bool {
        items.get(m).is_none_or(
            |&it| matches!(self.tok(it), Some(t) if matches!(t.kind, Kind::Punct('.' | '!' | '?'))),
        )
    }

    /// `said the coach`, `said the prime minister`: the person the article gave that post (with
    /// the same words: see `role_person`), when the sentence ends there (not `said the minister
    /// of ...`, `said the spokesman, Hamid Ibrahimi`; not a source noun that is no post: `said
    /// the spokesman`).
    fn post_source(&self, items: &[Item], s: usize) -> Option<Src> {
        let d = self.doc;
        let h = self.sentence_final_description(items, s)?;
        let x = items_tok(items[h]);
        let held = || {
            if h > s + 1 {
                self.described_role_person(x).is_some()
            } else {
                self.post_held(x)
            }
        };
        ((!d.toks[x].cap || h > s + 1)
            && d.toks[x].has(class::TITLE)
            && !d.word(x).starts_with("spokes")
            && held())
        .then_some(Src::Role(x))
    }

    /// `said the Sale player.`, `said the two-time champion.`: a description by a person noun
    /// that is no post the article gave anyone before nor a source's generic noun (`official`,
    /// `spokesman`), the sentence ending there: the person the passage is about.
    fn description_source(&self, items: &[Item], s: usize) -> Option<Src> {
        let x = items_tok(items[self.sentence_final_description(items, s)?]);
        (self.describes_topic(x) || self.describes_politician(x)).then_some(Src::Topic(x))
    }

    /// Token `x` is a person noun (a title, not a source's generic noun such as `official` or
    /// `spokesman`, nor a body's) that the article gave no one as a post before it and did not
    /// bring in as someone unnamed (`A Sale player was hurt`).
    pub(super) fn describes_topic(&self, x: usize) -> bool {
        let d = self.doc;
        let lower = d.word(x).to_lowercase();
        let no_post = self
            .names
            .roles
            .get(&lower)
            .is_none_or(|e| e.first().is_none_or(|&(pos, _)| pos > x))
            && !self.has_title_role(x);
        // (not a plural: `the judges said`, `The ministers' statement`)
        let plural = lower.ends_with('s') && !lower.ends_with("ss") || lower.ends_with('\'');
        d.toks[x].has(class::TITLE)
            && !plural
            && !d.toks[x].poss()
            && !d.toks[x].has(class::SOURCE_NOUN | class::ORG)
            && no_post
            && !self.introduced_unnamed(x)
    }
}

impl State<'_> {
    /// `"...," is the dry assessment of Graham Lane`, `"...," was the verdict of X`: a quote,
    /// a form of `be`, `the`, at most two words, then a noun for a judgement said aloud and
    /// `of`: the noun's item and token.
    pub(super) fn verdict_of(&self, items: &[Item]) -> Option<(usize, usize)> {
        let d = self.doc;
        let q = items.iter().position(|it| matches!(it, Item::Q(_)))?;
        let mut k = q + 1;
        if matches!(self.tok(*items.get(k)?), Some(t) if t.is_punct(',')) {
            k += 1;
        }
        let be = items_tok(*items.get(k)?);
        if !matches!(self.tok(items[k]), Some(t) if t.is_word() && t.has(class::BE) && !t.cap)
            || !matches!(d.word(be), "is" | "was")
            || !self.word_at_is(items, k + 1, "the")
        {
            return None;
        }
        (k + 2..(k + 5).min(items.len())).find_map(|m| {
            let Item::T(ti) = items[m] else { return None };
            let noun = d.toks[ti].is_word()
                && !d.toks[ti].cap
                && (d.toks[ti].has(class::SPEECH_NOUN)
                    || matches!(
                        d.word(ti),
                        "assessment"
                            | "verdict"
                            | "view"
                            | "opinion"
                            | "conclusion"
                            | "advice"
                            | "reaction"
                            | "response"
                            | "prediction"
                            | "diagnosis"
                    ));
            (noun && self.word_at_is(items, m + 1, "of")).then_some((m, ti))
        })
    }
}
