//! Sources: reads the phrase a cue's source is given by, as a [`Src`]: the name or noun phrase that
//! ends left of a cue, past appositives (`Jenny Town, director of ..., said`, nested ones too),
//! relatives and a person before the body they speak for (`Ruth Collin of Essex police said`).
//! The phrase right of an inverted cue is read in `inverted`.
//!
//! Uses the tokens, sentences and names.

use super::lexicon::{self, class, is_preposition, Form};
use super::sentences::{items_tok, Item};
use super::tokens::{fnv_lower, Kind};
use super::State;

/// Where a cue's source was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Src {
    /// A name: tokens `from..to` (titles already stripped), and whether a title was stripped.
    Name {
        from: usize,
        to: usize,
        titled: bool,
    },
    /// `he` (1) or `she` (2), or a description of someone already named (0: `the
    /// 74-year-old comedian`), and its token.
    Pronoun(u8, usize),
    /// `the minister`: a role noun that may refer back to a named person.
    Role(usize),
    /// `said the Sale player`, `the Texas Democrat said`: a description (its head noun's token)
    /// of the person the passage is about, or of the one named with that party and state.
    Topic(usize),
    /// A source that is not a named person.
    Unnamed,
    /// Nothing usable.
    Nothing,
}

/// Appositives: a source set off by commas before its cue.
impl<'d> State<'d> {
    /// The subject before a comma that precedes the verb: `X, the ..., said`,
    /// `the envoy, X, said`, `X, who ..., said`, `X, 45, said`.
    pub(super) fn appositive_subject(&self, items: &[Item], comma: usize) -> Src {
        let d = self.doc;
        let mut close = comma;
        let mut fallback = Src::Nothing;
        let mut first_open = None;
        // Appositives may nest: `Jean-Marc Ayrault, the foreign minister of France, a permanent
        // member of the Security Council, said`.
        for level in 0..3 {
            // The comma opening this appositive.
            let mut open = None;
            let mut m = close;
            while m > 0 && close - m < 45 {
                m -= 1;
                match items[m] {
                    Item::Q(_) => break,
                    Item::T(x) if d.toks[x].is_punct(',') => {
                        open = Some(m);
                        break;
                    }
                    // (`presenting his budget for fiscal 1987/88 to Parliament`: the slash of a
                    // figure does not end it.)
                    Item::T(x)
                        if !d.toks[x].is_word()
                            && d.toks[x].kind != Kind::Num
                            && !d.toks[x].is_punct('(')
                            && !d.toks[x].is_punct(')')
                            && !(d.toks[x].is_punct('/')
                                && x > 0
                                && d.toks[x - 1].kind == Kind::Num
                                && d.toks.get(x + 1).is_some_and(|n| n.kind == Kind::Num)) =>
                    {
                        break;
                    }
                    _ => {}
                }
            }
            let Some(o) = open.filter(|&o| o > 0 && o + 1 < close) else {
                break;
            };
            let Item::T(first) = items[o + 1] else {
                break;
            };
            // `A, B, and C, said`: the last of a list with a serial comma closes at the comma,
            // no appositive; the name before the comma speaks, with the ones listed before it.
            if level == 0
                && d.toks[first].is_word()
                && d.word(first) == "and"
                && matches!(items[close - 1], Item::T(x) if d.name_word(x))
                && matches!(self.left_name(items, close - 1), Src::Name { .. })
            {
                break;
            }
            // `The law, named after X, calls for`, `The commission, headed by X, said`: a past
            // participle and a preposition after a common noun describe the thing, which
            // speaks (not the one who wrote it: `The report, written by X, says`).
            if self.thing_described(items, o) {
                return self.left_np(items, o - 1);
            }
            // (`X, when asked what was wrong, responded`: an adverbial clause counts too.)
            let relative = d.toks[first].is_word()
                && [
                    "who", "whose", "whom", "when", "while", "after", "before", "asked",
                ]
                .iter()
                .any(|w| w.eq_ignore_ascii_case(d.word(first)));
            // A clause with its own verb is not an appositive (`..., were held, accused`).
            // (`X, an oncologist who advised the team, said`: the verb of a relative clause
            // inside the description does not count.)
            let has_verb = !relative
                && items[o + 1..close]
                    .iter()
                    .take_while(|&&it| {
                        !matches!(self.tok(it), Some(t) if t.is_word()
                            && matches!(self.doc.word(items_tok(it)), "who" | "whose" | "whom"))
                    })
                    .any(|&it| {
                        matches!(self.tok(it), Some(t) if t.lex.classes & class::BE != 0
                            || t.lex.verb.is_some_and(|v| v.form == Form::Past && !t.cap))
                    });
            if has_verb || close - o > 25 && !relative {
                break;
            }
            if level == 0 {
                first_open = Some(o);
            }
            if !d.name_word(first) || level > 0 {
                // `X, the lawyer for Y, said`: the name before the description (past a
                // bracket: `Claire Vole (D-Mo.), who ..., said`).
                let s = self.left_np(items, self.before_bracket(items, o - 1));
                if matches!(s, Src::Name { .. } | Src::Pronoun(..)) {
                    return s;
                }
                if level == 0 {
                    fallback = s;
                }
            }
            close = o;
        }
        // `X, said` and `John Vole (R-OH), said`
        let e = self.before_bracket(items, comma - 1);
        if matches!(items[e], Item::T(x) if d.name_word(x)) {
            let s = self.left_name(items, e);
            if matches!(s, Src::Name { .. }) {
                return s;
            }
        }
        // `Professor Greg Barton, Chair In Global Islamic Politics ..., said`
        if let Some(o) = first_open {
            let s = self.left_np(items, o - 1);
            if matches!(s, Src::Name { .. }) || fallback == Src::Nothing {
                return s;
            }
        }
        fallback
    }

    /// Whether the appositive after the comma at item `o` is a past participle and a
    /// preposition describing a common noun before the comma (`The law, named after`, `The
    /// commission, headed by`), other than its authorship (`written by`, `carried out by`).
    fn thing_described(&self, items: &[Item], o: usize) -> bool {
        let d = self.doc;
        let (Some(&Item::T(head)), Some(&Item::T(part)), Some(&Item::T(prep))) = (
            items.get(o.wrapping_sub(1)),
            items.get(o + 1),
            items.get(o + 2),
        ) else {
            return false;
        };
        let w = d.word(part);
        d.toks[head].is_word()
            && !d.toks[head].cap
            && d.toks[part].is_word()
            && !d.toks[part].cap
            && w.len() > 4
            && w.ends_with("ed")
            && d.toks[part].lex.verb.is_none()
            && !AUTHORED.contains(&w)
            && d.toks[prep].is_word()
            && (is_preposition(d.word(prep)) || d.word(prep) == "after")
    }

    /// `X, a strategist at Y told`: a name, a comma, then a description opened by `a`/`the`.
    pub(super) fn unclosed_appositive(&self, items: &[Item], e: usize) -> Option<Src> {
        let d = self.doc;
        let mut m = e;
        while m > 1 && e - m < 14 {
            m -= 1;
            let Item::T(x) = items[m] else { return None };
            let t = &d.toks[x];
            if t.is_punct(',') {
                let Item::T(first) = items[m + 1] else {
                    return None;
                };
                let w = d.word(first);
                // `Terry Hobbs, assistant vice president said`: lower-case words naming one
                // person's role (not `..., sources said`).
                let singular = !d.word(items_tok(items[e])).ends_with('s');
                // `after Coca Cola, another analyst noted`: a new, unnamed person.
                let fresh = matches!(
                    w.to_ascii_lowercase().as_str(),
                    "another" | "one" | "some" | "other" | "two" | "three"
                );
                // (`Brent Bozell, PTC president and conservative activist said`: the same after
                // up to three capitalised words of a body's name.)
                let words = &items[m + 1..=e];
                let caps = words
                    .iter()
                    .take_while(|&&it| matches!(self.tok(it), Some(t) if t.is_word() && t.cap && t.lex.verb.is_none()))
                    .count();
                let rest = &words[caps..];
                let role = (caps == 0 && e > m + 1 || (1..=3).contains(&caps))
                    && singular
                    && !fresh
                    && rest.iter().all(|&it| {
                        matches!(self.tok(it), Some(t) if t.is_word() && !t.cap && t.lex.verb.is_none())
                    })
                    && rest.iter().any(|&it| {
                        matches!(self.tok(it), Some(t) if t.lex.classes & (class::TITLE | class::SOURCE_NOUN) != 0)
                    });
                // `Colin Marsh, Harbour Hotel Association said`: a body's name, capitalised and
                // ending in an organisation word.
                let body = e > m + 1
                    && items[m + 1..=e]
                        .iter()
                        .all(|&it| matches!(self.tok(it), Some(t) if t.is_word() && t.cap))
                    && matches!(self.tok(items[e]), Some(t) if t.lex.classes & class::ORG != 0);
                // `Mary Stenholm, head of policy at the charity Harbour Trust said`: a role noun
                // (after up to two lower-case words: `senior research fellow`), `of` or `at`,
                // and the body it serves, in words without a verb.
                let role_of = e > m + 2
                    && (m + 1..=(m + 3).min(e - 1)).any(|r| {
                        matches!(self.tok(items[r]), Some(t) if !t.cap
                            && t.lex.classes & (class::TITLE | class::SOURCE_NOUN) != 0)
                            && items[m + 1..r]
                                .iter()
                                .all(|&it| matches!(self.tok(it), Some(t) if t.is_word() && !t.cap))
                            && matches!(self.tok(items[r + 1]), Some(t) if t.is_word()
                                && matches!(d.word(items_tok(items[r + 1])), "of" | "at"))
                    })
                    && items[m + 1..=e].iter().all(|&it| {
                        // (`networks` in `the mobile networks division` is a noun here.)
                        matches!(self.tok(it), Some(t) if t.is_word()
                            && t.lex.verb.is_none_or(|v| v.form == Form::Third && !t.cap)
                            && t.lex.classes & class::BE == 0)
                    });
                // `Lena Vortman, from the Home Appliance Council (HAC) told`: `from` and the
                // body, in capitalised words.
                let from_body = e > m + 2
                    && matches!(w, "from" | "of" | "at")
                    && matches!(self.tok(items[e]), Some(t) if t.is_word() && t.cap)
                    && items[m + 2..=e].iter().all(|&it| {
                        matches!(self.tok(it), Some(t) if t.is_word()
                            && (t.cap || matches!(d.word(items_tok(it)), "the" | "of" | "for" | "and")))
                    });
                // `Katie Vole, who is chairman of the group said`: a relative clause of `be`
                // and a role.
                let who_is = e > m + 2
                    && w.eq_ignore_ascii_case("who")
                    && matches!(self.tok(items[m + 2]), Some(t) if t.lex.classes & class::BE != 0)
                    && items[m + 3..=e]
                        .iter()
                        .any(|&it| matches!(self.tok(it), Some(t) if t.lex.classes & (class::TITLE | class::SOURCE_NOUN) != 0));
                // `Ali Nabil, the official news agency APS said`, `Wang Lin, the group said`: a
                // description that is a subject of its own.
                let own_subject = matches!(w.to_ascii_lowercase().as_str(), "a" | "an" | "the")
                    && d.description_is_subject(first, items_tok(items[e]) + 1);
                if own_subject {
                    return None;
                }
                if !(w.eq_ignore_ascii_case("a")
                    || who_is
                    || from_body
                    || w.eq_ignore_ascii_case("an")
                    || w.eq_ignore_ascii_case("the")
                    || role
                    || role_of
                    || body)
                {
                    return None;
                }
                return match self.left_np(items, m - 1) {
                    n @ Src::Name { .. } => Some(n),
                    _ => None,
                };
            }
            // (A plural noun that is also a verb, `networks`, may stand in a description.)
            let after_who = m > 0
                && matches!(self.tok(items[m - 1]), Some(p) if p.is_word()
                    && d.word(items_tok(items[m - 1])).eq_ignore_ascii_case("who"));
            if !t.is_word()
                || t.lex.classes & class::BE != 0 && !after_who
                || t.lex.verb.is_some_and(|v| v.form != Form::Third) && !t.cap
            {
                return None;
            }
        }
        None
    }
}

/// The noun phrase or name left of a cue.
impl<'d> State<'d> {
    /// The noun phrase ending at item `e`.
    pub(super) fn left_np(&self, items: &[Item], e: usize) -> Src {
        let d = self.doc;
        let Item::T(ti) = items[e] else {
            return Src::Nothing;
        };
        let t = &d.toks[ti];
        // `"...," the 34-year-old told the website`: an age alone, in a sentence with a quote
        // or opening one (`The 23-year-old said he was delighted`), stands for someone already
        // named.
        if t.kind == Kind::Num
            && self.describes_known(ti)
            && e > 0
            && self.word_is(items[e - 1], "the")
            && (e == 1 || items.iter().any(|it| matches!(it, Item::Q(_))))
        {
            return Src::Pronoun(0, ti);
        }
        if !t.is_word() {
            return Src::Nothing;
        }
        if t.has(class::PRONOUN) {
            return Src::Pronoun(lexicon::gender(d.word(ti)), ti);
        }
        if self.describes_politician(ti) {
            return Src::Topic(ti);
        }
        // `"...," the Norwegian said`: a nationality alone, in a sentence with a quote, stands
        // for someone already named (as `said the Norwegian` does). (Only before a finite verb:
        // not `the Armenian term for`, `the Argentine state would`.)
        if items.iter().any(|it| matches!(it, Item::Q(_)))
            && matches!(items.get(e + 1), Some(&Item::T(v)) if d.toks[v].lex.verb.is_some_and(|v| matches!(v.form, Form::Past | Form::Third)))
            && (e >= 1 && self.nationality_after_the(items, e - 1) == Some(e)
                || e >= 2 && self.nationality_after_the(items, e - 2) == Some(e))
        {
            return Src::Pronoun(0, ti);
        }
        if d.name_word(ti) {
            if let Some(n) = self.person_of_place(items, e) {
                return n;
            }
            return self.left_name(items, e);
        }
        // `It added: "..."`: a body or a group speaks, whoever it is. (Only with a quote to
        // keep: what `They said` reports is too often no one's in particular.)
        if t.cap
            && matches!(d.word(ti), "It" | "They" | "We")
            && items.iter().any(|it| matches!(it, Item::Q(_)))
        {
            return Src::Unnamed;
        }
        if t.cap && !d.caps(ti) {
            return Src::Nothing;
        }
        if let Some(n) = self.person_of_body(items, e) {
            return n;
        }
        // `Mr Tanzi's statement said`: a person's own statement, letter or tweet speaks for them.
        // (Only as the verb's own subject: not `Asked about Sir Ian's comments, the spokesman
        // said`.)
        let verb_next = || {
            matches!(items.get(e + 1), Some(&Item::T(v)) if d.toks[v].lex.verb.is_some()
                || d.toks[v].has(class::AUX))
        };
        if t.has(class::SPEECH_NOUN) && e > 0 && verb_next() {
            if let Item::T(p) = items[e - 1] {
                if d.toks[p].poss() && d.name_word(p) {
                    // (A full name or a titled one: not a club's `Chelsea's statement`.)
                    if let n @ Src::Name { from, to, titled } = self.name_before(p, 2) {
                        if to - from >= 2 || titled {
                            return n;
                        }
                    }
                }
            }
        }
        // `the 74-year-old comedian said`: a description of someone already named.
        let mut m = e;
        while m > 0 && e - m < 3 {
            let Item::T(p) = items[m - 1] else { break };
            if !d.toks[p].is_word() && !self.describes_known(p) {
                break;
            }
            if d.word(p).eq_ignore_ascii_case("the") {
                // `the 60-year-old actor`: the person the article calls an actor.
                if t.lex.classes & (class::SOURCE_NOUN | class::TITLE) != 0 && self.post_held(ti) {
                    return Src::Role(ti);
                }
                // The descriptions below are taken for someone already named only in a
                // sentence with a quote (`"...," the 47-year-old director said`); a clause of
                // reported speech as often brings in someone new (`The 40-year-old comic has
                // promised`, after another man spoke).
                let quoted = || items.iter().any(|it| matches!(it, Item::Q(_)));
                if let Some(q) = (m..=e).find(|&q| {
                    let x = items_tok(items[q]);
                    self.describes_known(x) && (d.toks[x].is_word() || quoted())
                }) {
                    return Src::Pronoun(0, items_tok(items[q]));
                }
                // `The pop star said ... his own genre`: a person noun that is no source's
                // role (`the spokesman`), given to no one named and not introduced as someone
                // unnamed (`a banker`), refers back to the person of its pronoun's gender.
                if t.lex.classes & (class::SOURCE_NOUN | class::ORG) == 0
                    && t.has(class::TITLE)
                    && quoted()
                    && self.role_person(ti).is_none()
                    && !self.introduced_unnamed(ti)
                {
                    if let Some(g) = self.clause_gender(items, e + 1) {
                        return Src::Pronoun(g, ti);
                    }
                }
                break;
            }
            if d.toks[p].cap {
                break;
            }
            m -= 1;
        }
        if t.lex.classes & (class::SOURCE_NOUN | class::TITLE) != 0 {
            // `the minister`, `China's envoy`: may refer to a named person.
            let mut m = e;
            while m > 0 && e - m < 4 {
                let Some(p) = self.tok(items[m - 1]) else {
                    break;
                };
                if p.poss() || d.word(items_tok(items[m - 1])).eq_ignore_ascii_case("the") {
                    // `"...," the Sale player said`: in a sentence with a quote, a person noun
                    // that is no post the article gave is the person the passage is about.
                    if !p.poss()
                        && items.iter().any(|it| matches!(it, Item::Q(_)))
                        && self.describes_topic(ti)
                    {
                        return Src::Topic(ti);
                    }
                    return Src::Role(ti);
                }
                if !p.is_word() {
                    break;
                }
                m -= 1;
            }
        }
        Src::Unnamed
    }

    /// The name ending at item `e` (a name word).
    pub(super) fn left_name(&self, items: &[Item], e: usize) -> Src {
        let d = self.doc;
        let Item::T(ti) = items[e] else {
            return Src::Nothing;
        };
        if d.toks[ti].poss() {
            return Src::Unnamed;
        }
        self.name_before(ti, 2)
    }

    /// The name ending at token `ti`. A name that follows `of`/`for`/`on`/`from`/`at` after
    /// another capitalised word is part of a longer name: `Arnel dela Vega of the army's
    /// Western Mindanao Command`, `the Commission on Presidential Debates`.
    pub(super) fn name_before(&self, ti: usize, depth: u32) -> Src {
        let d = self.doc;
        let s = self.name_start(ti, 0);
        let mut k = s;
        let mut skipped = 0;
        while k > 0 && skipped < 3 {
            let t = &d.toks[k - 1];
            // (`of The Rolling Stones`: a capitalised article inside a body's name.)
            let cap_det = t.cap
                && t.has(class::DET)
                && k >= 2
                && matches!(d.word(k - 2), "of" | "from" | "at" | "for");
            // (`of the UK's National Crime Agency`, `of the Foreign Ministry's North American
            // Division`: a place's or a body's possessive inside it.)
            if t.cap && t.poss() && t.is_word() {
                let mut m = k - 1;
                while m > 0 && k - 1 - m < 3 && d.toks[m - 1].is_word() && d.toks[m - 1].cap {
                    m -= 1;
                }
                if m > 0 && d.toks[m - 1].is_word() && matches!(d.word(m - 1), "the" | "of") {
                    k = m;
                    skipped += 1;
                    continue;
                }
            }
            if t.is_word() && (!t.cap && (t.has(class::DET) || t.poss()) || cap_det) {
                k -= 1;
                skipped += 1;
            } else {
                break;
            }
        }
        // `the Polish daily Zycie Warszawy`, `the firm Brush Wellman`: a name given to a body
        // (not `director of television Jana Bennett`: there the body word ends a role).
        if s > 0 {
            let p = &d.toks[s - 1];
            // (Not a role that is also a paper's name: `economist Philip Shaw`, `observer`.)
            if p.is_word()
                && !p.cap
                && !p.poss()
                && p.lex.classes & class::ORG != 0
                && !p.has(class::TITLE)
                && !d.toks[s].has(class::TITLE)
                && !(s >= 2 && d.toks[s - 2].is_word() && d.word(s - 2) == "of")
                // (`speaker of the parliament Ali Larijani`: a post of the body, then its holder.)
                && !(s >= 4
                    && d.toks[s - 2].has(class::DET)
                    && d.word(s - 3) == "of"
                    && d.toks[s - 4].has(class::TITLE))
            {
                return Src::Unnamed;
            }
        }
        // `Farmers' associations in Mato Grosso said`: a place after `in` is no speaker.
        if s > 0 && d.toks[s - 1].is_word() && d.word(s - 1) == "in" {
            return Src::Unnamed;
        }
        // `a spokesman for Merrill Lynch`, `the mother of John Smith`: the noun speaks.
        if k >= 2 && d.toks[k - 1].is_word() && d.toks[k - 2].is_word() {
            let prep = d.word(k - 1);
            let noun = &d.toks[k - 2];
            // (`an aide to Nakasone`, `adviser to the president`: `to` too.)
            if matches!(prep, "of" | "for" | "at" | "from" | "with" | "to")
                && (!noun.cap || noun.lex.classes & class::STOP != 0)
                && noun.lex.classes & (class::SOURCE_NOUN | class::TITLE) != 0
            {
                // ... but `chairman of the Export Council Paul Sarji`: a post of a body whose
                // name runs into the holder's name; the holder speaks (not `a spokesman for
                // Foreign Minister Wang Yi`, where a title, not a body, comes before the name).
                // (`director of Amnesty International Man-kei Tam`: with no known given name,
                // the body's name ends at its last organisation word.)
                let holder = || {
                    if let Some((from, to, true)) = self.person_part(s, ti + 1) {
                        if from > s
                            && (s..from).any(|i| d.toks[i].has(class::ORG))
                            && !d.toks[from - 1].has(class::TITLE)
                        {
                            return Some((from, to));
                        }
                    }
                    let o = (s..ti).rev().find(|&i| d.toks[i].has(class::ORG))?;
                    self.person_part(o + 1, ti + 1)
                        .filter(|&(from, to, _)| from == o + 1 && to - from >= 2)
                        .map(|(from, to, _)| (from, to))
                };
                if matches!(prep, "of" | "to") && noun.has(class::TITLE) {
                    if let Some((from, to)) = holder() {
                        return Src::Name {
                            from,
                            to,
                            titled: true,
                        };
                    }
                }
                return Src::Unnamed;
            }
        }
        // `Doug Miller of Milltech Marine told`: a person's full name before `of`/`from`/`at`
        // speaks for the body after it.
        if depth > 0 && k >= 2 && d.toks[k - 1].is_word() && d.toks[k - 1].para == d.toks[ti].para {
            let p = &d.toks[k - 2];
            if matches!(d.word(k - 1), "of" | "from" | "at")
                && d.name_word(k - 2)
                && !p.poss()
                && p.lex.classes & (class::ORG | class::TITLE) == 0
            {
                if let n @ Src::Name { from, to, titled } = self.name_before(k - 2, 0) {
                    // (`Ferris of Dunmore Futures said` after `Anna Ferris, analyst for ...`:
                    // the short form of someone the article names in full.)
                    if to - from >= 2 || titled || self.short_form_of_person(from, to) {
                        return n;
                    }
                }
            }
        }
        let own = self.person_part(s, ti + 1);
        let mut org_before = false;
        let mut title_before = false;
        if k >= 2 && d.toks[k - 1].is_word() && d.toks[k - 1].para == d.toks[ti].para {
            let prep = d.word(k - 1);
            if matches!(prep, "of" | "for" | "on" | "from" | "at") && d.name_word(k - 2) {
                org_before = d.toks[k - 2].has(class::ORG);
                title_before = d.toks[k - 2].has(class::TITLE) && !org_before;
            }
        }
        // After `Association of`, the run is part of the organisation's name (`the Association
        // of Flight Attendants`); whoever speaks stands before it.
        // `House of Commons Speaker John Bercow`: a title then a full name is a person.
        if let Some((from, to, titled)) = own.filter(|&(f, t, titled)| {
            (!org_before || titled && t - f >= 2) && (t - f >= 2 || title_before)
        }) {
            // `Special Representative for Iran Brian Hook`
            return Src::Name { from, to, titled };
        }
        if k >= 2 && d.toks[k - 1].is_word() && d.toks[k - 1].para == d.toks[ti].para {
            let prep = d.word(k - 1);
            if matches!(prep, "of" | "for" | "on" | "from" | "at") && d.name_word(k - 2) {
                if depth == 0 || d.toks[k - 2].poss() {
                    return Src::Unnamed;
                }
                return match self.name_before(k - 2, depth - 1) {
                    n @ Src::Name { .. } => n,
                    _ => Src::Unnamed,
                };
            }
        }
        match own {
            Some((from, to, titled)) => Src::Name { from, to, titled },
            None => Src::Unnamed,
        }
    }
}

impl State<'_> {
    /// Whether the one-word name at tokens `from..to` is the last word of someone the article
    /// names in full with a title, a known given name or a post, or whom the person test has
    /// already found a person (`Ferris` after `Anna Ferris`, `Mats Lindqvist, an analyst at ...`).
    fn short_form_of_person(&self, from: usize, to: usize) -> bool {
        if to != from + 1 {
            return false;
        }
        let people = &self.names.people;
        let has_post = |p: usize| {
            self.names
                .roles
                .values()
                .any(|at| at.iter().any(|&(_, q)| self.canonical(q) == p))
        };
        self.names
            .with_surname_of(self.doc.word(from))
            .iter()
            .any(|&p| {
                people.get(p).is_some_and(|x| {
                    x.words.len() >= 2
                        && (x.titled
                            || x.gender != 0
                            || lexicon::is_given(&x.words[0])
                            || has_post(self.canonical(p))
                            || self
                                .person_verdicts
                                .iter()
                                .any(|&(_, c, _, person)| person && c == self.canonical(p)))
                })
            })
    }
}

/// Descriptions and brackets around a source: whether `the pop star` stands for someone named,
/// and where a name before a bracket ends.
impl<'d> State<'d> {
    /// Whether the noun at token `ti` was used before with `a`/`an` (`a Western banker said`):
    /// `the banker` is then that unnamed person. (Each word's first such use is found once per
    /// text.)
    pub(super) fn introduced_unnamed(&self, ti: usize) -> bool {
        let d = self.doc;
        // (Keyed by the word's case-blind hash: no allocation per word.)
        let first = self.indefinite.get_or_init(|| {
            let mut m: std::collections::HashMap<u64, usize, lexicon::FnvBuild> =
                Default::default();
            for k in 0..d.toks.len() {
                if d.toks[k].is_word()
                    && (k.saturating_sub(3)..k).any(|a| {
                        d.toks[a].is_word()
                            && matches!(d.word(a), "a" | "an" | "A" | "An" | "one" | "One")
                    })
                {
                    m.entry(fnv_lower(d.word(k))).or_insert(k);
                }
            }
            m
        });
        first.get(&fnv_lower(d.word(ti))).is_some_and(|&k| k < ti)
    }

    /// The gender of the first `he`/`his`/`she`/`her` outside quotes in the clause from item
    /// `s` on (before any name or full stop): 1 or 2.
    fn clause_gender(&self, items: &[Item], s: usize) -> Option<u8> {
        let d = self.doc;
        items[s.min(items.len())..]
            .iter()
            .filter_map(|&it| match it {
                Item::T(k) => Some(k),
                Item::Q(_) => None,
            })
            .take(16)
            .take_while(|&k| !d.toks[k].is_punct('.') && !d.toks[k].is_punct(';'))
            .take_while(|&k| !d.name_word(k))
            .map(|k| match d.word(k) {
                "he" | "his" | "him" | "himself" => 1,
                "she" | "her" | "hers" | "herself" => 2,
                // `The retailer said its sales`: no person.
                "its" | "their" => 3,
                _ => 0,
            })
            .find(|&g| g != 0)
            .filter(|&g| g != 3)
    }

    /// `74-year-old`, `Newport-based`, `London-born`: an adjective that describes a person the
    /// article has already named (after `the`).
    pub(super) fn describes_known(&self, ti: usize) -> bool {
        let w = self.doc.word(ti);
        matches!(self.doc.toks[ti].kind, Kind::Word | Kind::Num)
            && ["-old", "-based", "-born"].iter().any(|x| w.ends_with(x))
    }

    /// The item before a bracket that closes at item `e` and holds a person's party and state
    /// or age (`Claire Vole (D-Mo.)`, `Ann Bell (R-OH)`, `Ann Bell (45)`), or `e`. (A bracket
    /// after a body holds its short name: `Petroleos Mexicanos (Pemex)`.)
    pub(super) fn before_bracket(&self, items: &[Item], e: usize) -> usize {
        let d = self.doc;
        if e < 2 || !matches!(self.tok(items[e]), Some(t) if t.is_punct(')')) {
            return e;
        }
        let Some(open) = (e.saturating_sub(6)..e)
            .rev()
            .find(|&m| matches!(self.tok(items[m]), Some(t) if t.is_punct('(')))
        else {
            return e;
        };
        let inside: String = (open + 1..e)
            .filter_map(|m| match items[m] {
                Item::T(x) => Some(d.word(x)),
                Item::Q(_) => None,
            })
            .collect();
        let party = inside.len() <= 10
            && matches!(inside.as_bytes(), [b'R' | b'D' | b'I', b'-', c, ..] if c.is_ascii_uppercase());
        let age =
            !inside.is_empty() && inside.len() <= 3 && inside.bytes().all(|b| b.is_ascii_digit());
        if (party || age) && open > 0 {
            open - 1
        } else {
            e
        }
    }
}

/// Participles that name who made a text (`The report, written by X, says`): its words are that
/// person's.
const AUTHORED: &[&str] = &[
    "authored",
    "written",
    "conducted",
    "carried",
    "presented",
    "prepared",
    "compiled",
    "published",
    "drafted",
    "penned",
    "edited",
];
