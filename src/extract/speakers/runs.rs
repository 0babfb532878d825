//! Name runs: where a capitalised run starts and ends, and which part of it is a person's name
//! (leading titles, places and acronyms stripped; organisations, common phrases and lone titles
//! rejected).
//!
//! Uses the tokens, the people index and the lexicon.

use super::lexicon::{self, class, is_courtesy_title, is_postnominal, is_title_modifier};
use super::people::{name_key, surname};
use super::tokens::{is_adjective_suffix, Doc, Kind};
use super::State;

/// Name runs: where a name starts and ends, and what part of a run is a person's name.
impl<'d> State<'d> {
    /// Extends a name leftwards from `end` (inclusive); returns the first token.
    pub(super) fn name_start(&self, end: usize, floor: usize) -> usize {
        let d = self.doc;
        let mut s = end;
        while s > floor {
            let p = s - 1;
            if d.toks[p].para != d.toks[end].para || d.toks[p].quote != d.toks[end].quote {
                break;
            }
            if d.name_word(p) && !d.toks[p].poss() {
                s = p;
            } else if d.particle(p) {
                // `van der`: particles, then a name word before them.
                let mut q = p;
                while q > floor && d.particle(q - 1) {
                    q -= 1;
                }
                if q > floor && d.name_word(q - 1) && !d.toks[q - 1].poss() {
                    s = q - 1;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        s
    }

    /// Extends a name rightwards from `start`; returns one past the last token.
    pub(super) fn name_end(&self, start: usize, ceil: usize) -> usize {
        let d = self.doc;
        let mut e = start;
        while e < ceil {
            if d.toks[e].para != d.toks[start].para || d.toks[e].quote != d.toks[start].quote {
                break;
            }
            if d.name_word(e) {
                e += 1;
                if d.toks[e - 1].poss() {
                    break;
                }
            } else if e > start && d.particle(e) {
                let mut q = e;
                while q < ceil && d.particle(q) {
                    q += 1;
                }
                if q < ceil && d.name_word(q) {
                    e = q;
                } else {
                    break;
                }
            } else if e > start && d.toks[e].has(class::SUFFIX) {
                e += 1;
            } else {
                break;
            }
        }
        e
    }

    /// Strips leading titles from a name run and checks that what is left may be a person.
    /// Returns the name tokens and whether a title was stripped.
    pub(super) fn person_part(&self, from: usize, to: usize) -> Option<(usize, usize, bool)> {
        let d = self.doc;
        if from >= to {
            return None;
        }
        let caps = d.caps(from);
        // `John Smith MP`, `Jane Doe QC`: post-nominal letters end a name without being part
        // of it.
        let mut to = to;
        while to - from >= 3 && d.toks[to - 1].upper && !caps && is_postnominal(d.word(to - 1)) {
            to -= 1;
        }
        let mut s = from;
        let mut titled = false;
        for i in from..to - 1 {
            if d.toks[i].has(class::TITLE) {
                s = i + 1;
                titled = true;
            }
        }
        // `First Interstate said`, `the U.S. Mint`, `US Sprint`, `In St Louis`: words that only
        // qualify a title (`U.S. Trade Representative`, `First Minister`) or a saint's name are no
        // title of one word after them.
        if titled && to - s == 1 && (from..s).all(|i| is_title_modifier(d.word(i))) {
            titled = false;
        }
        // Places, demonyms and acronyms in front of a name: `Iran Brian Hook` (after `for`),
        // `MSP Mark Ballard`, `French Jacques Chirac`.
        while s + 1 < to {
            let t = &d.toks[s];
            let acronym = t.upper && !caps && !d.word(s).contains('.');
            // `Paris Ngata`: a given name that is also a place opens the name, unless another
            // given name follows (`Georgia Brian Kemp`).
            let given_place = t.lex.classes & class::PLACE != 0
                && lexicon::is_given(d.word(s))
                && !lexicon::is_given(d.word(s + 1));
            if t.lex.classes & (class::PLACE | class::DEMONYM) != 0 && !given_place || acronym {
                s += 1;
            } else {
                break;
            }
        }
        // `... and Families Margaret Hodge`: a known given name inside a run of three or more
        // starts the name when the words before it are not known names.
        let coordinated = from >= 1
            && d.toks[from - 1].is_word()
            && matches!(d.word(from - 1), "and" | "of" | "for" | "&");
        // `Crooked Hillary Clinton`, `Outspoken Andrei Medvedev`: a word the text also writes in
        // lower case, or an adjective, before a known given name.
        // `Filmmaker Jack Marino`, `Historian Anna Reid`: a word shaped like a role noun.
        // (`Comedians Matt Lucas and ...`: a plural role before a list too.)
        let role_shaped = |w: &str| {
            let b = w.as_bytes();
            let b = match b {
                [.., b'n' | b'r' | b't', b's'] if b.len() > 5 => &b[..b.len() - 1],
                _ => b,
            };
            b.len() > 4
                && [
                    "er", "or", "ist", "man", "woman", "ian", "ess", "ant", "ent", "eur",
                ]
                .iter()
                .any(|x| {
                    b.len() > x.len() && b[b.len() - x.len()..].eq_ignore_ascii_case(x.as_bytes())
                })
        };
        // `Co-author Jing-Shan Zhao`, `Man-of-the-match Damien Duff`, `Ex-minister`: a
        // capitalised word joined by a hyphen to a lower-case role word or function word is a
        // role (not `Pei-yuan Chia`).
        if to - s >= 2 && {
            let w = d.word(s);
            w.split('-').nth(1).is_some_and(|b| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && b.chars().next().is_some_and(char::is_lowercase)
                    && (role_shaped(b)
                        || lexicon::lookup(b).classes
                            & (class::STOP | class::TITLE | class::SOURCE_NOUN)
                            != 0)
            })
        } {
            s += 1;
            titled = true;
        }
        // `Broadcaster Piers Morgan commented`: a long role-shaped word opening a sentence
        // before a two-word name, even when the given name is not a known one.
        if to - s == 3
            && s == from
            && d.word(s).len() >= 8
            && role_shaped(d.word(s))
            && !lexicon::is_given(d.word(s))
            && opens_sentence(d, s)
            && d.toks[s].lex.classes & (class::ORG | class::PLACE | class::DEMONYM) == 0
        {
            s += 1;
            titled = true;
        }
        if to - s >= 3 && !lexicon::is_given(d.word(s)) && lexicon::is_given(d.word(s + 1)) {
            if (3..=4).contains(&(to - s)) && role_shaped(d.word(s)) {
                // (a role: `the Exchequer Nigel Lawson` is no body named with `the`; `Goalscorer
                // Pierre van Hooijdonk`)
                s += 1;
                titled = true;
            } else if d.seen_lower(s) || is_adjective_suffix(&d.word(s).to_lowercase()) {
                s += 1;
            }
        }
        if coordinated && to - s >= 3 && !lexicon::is_given(d.word(s)) {
            if let Some(g) = (s + 1..to - 1).find(|&k| lexicon::is_given(d.word(k))) {
                s = g;
            }
        }
        // `Senate Minority Whip Dick Durbin`, `United Auto Workers Secretary-Treasurer Gary
        // Casteel`: a known given name with one to three words after it, after words that name a
        // body, a place or a post, starts the name; the words before it are a role.
        if to - s >= 3 && !lexicon::is_given(d.word(s)) {
            let role_word = |k: usize| {
                let t = &d.toks[k];
                t.lex.classes & (class::ORG | class::PLACE | class::TITLE | class::DEMONYM) != 0
                    || d.seen_lower(k)
                    || d.word(k).contains('-')
            };
            if let Some(g) = (s + 1..to - 1).find(|&k| lexicon::is_given(d.word(k))) {
                if to - g <= 4 && (s..g).any(role_word) {
                    s = g;
                    titled = true;
                }
            }
        }
        // `Der Spiegel`, `Le Monde`: an article opens a title, not a name.
        let first = d.word(s);
        if [
            "der", "die", "das", "le", "la", "les", "il", "el", "los", "las",
        ]
        .iter()
        .any(|a| a.eq_ignore_ascii_case(first))
        {
            // ... unless it ends a fuller name the article gives (`La Mesa` after `Gloria La
            // Mesa`).
            let run: Vec<String> = (s..to).map(|i| name_key(d.word(i))).collect();
            let ends_name = run.len() >= 2
                && surname(&run).is_some_and(|last| {
                    self.names.with_surname(last).iter().any(|&p| {
                        let w = &self.names.people[p].words;
                        w.len() > run.len() && w.ends_with(&run)
                    })
                });
            if !ends_name {
                return None;
            }
        }
        // In upper-case text (tables, telex headers) a run is a name only if it opens with a
        // known given name, follows a title (`INTERIOR MINISTER MAHAMAT ABAKAR`) or the article
        // names that person in ordinary case.
        let titled_run = titled && (2..=3).contains(&(to - s));
        if caps && !d.is_headline && !lexicon::is_given(d.word(s)) && !titled_run {
            let last = d.word(to - 1);
            if self.names.with_surname_of(last).is_empty() {
                return None;
            }
        }
        // Every word also used in lower case: a common phrase (`Gender Equality`), unless it
        // opens with a known given name (`Bill Green`), or is the surname of a fuller name the
        // article gives a person's title or gender, or whose first word is a given name or one
        // the text never writes in lower case, in a sentence's middle or before a reporting verb
        // (`Young told` after `prop Dai Young` in a story about `a young man`; not `Angels adds`
        // after `Whilst Angels`).
        let surname_of_fuller = || {
            to - s == 1
                && (d
                    .toks
                    .get(to)
                    .is_some_and(|t| t.is_word() && t.lex.verb.is_some())
                    || s > 0 && (d.toks[s - 1].is_word() || d.toks[s - 1].is_punct(',')))
                && self.names.with_surname_of(d.word(s)).iter().any(|&k| {
                    let p = &self.names.people[k];
                    p.words.len() >= 2
                        && (p.titled
                            || p.gender != 0
                            || lexicon::is_given(&p.words[0])
                            || !d.seen_lower_word(&p.words[0])
                                && lexicon::lookup(&p.words[0]).classes & class::STOP == 0)
                })
        };
        if !caps
            && (s..to).all(|i| d.seen_lower(i))
            && !lexicon::is_given(d.word(s))
            && !surname_of_fuller()
        {
            return None;
        }
        // `Health Minister`, `Commerce and Industry Minister`: a title after words the text
        // also writes in lower case, or after a portfolio joined by `and`, ends a description,
        // not a name (`Howard Dean`, `John Major`).
        if !titled
            && to - s >= 2
            && d.toks[to - 1].has(class::TITLE)
            && ((s..to - 1).all(|k| d.seen_lower(k))
                || coordinated && !(s..to).any(|k| lexicon::is_given(d.word(k))))
        {
            return None;
        }
        // `U.K. Chancellor of the Exchequer`, `Minister of Finance`: a post, not a name.
        if !titled
            && d.toks[to - 1].has(class::TITLE)
            && !lexicon::is_given(d.word(s))
            && to < d.toks.len()
            && d.toks[to].is_word()
            && d.word(to) == "of"
        {
            return None;
        }
        if (s..to).all(|i| d.toks[i].has(class::TITLE)) {
            // `Dean said` is a person when the article names a Howard Dean.
            let last = d.word(to - 1);
            let named = to - s == 1 && d.toks[to - 1].cap && self.names.has_full_surname(last);
            if !named {
                return None;
            }
        }
        // (`the United Nations Nikki Haley`: the article belongs to a body's words, in lower case
        // elsewhere in the text or an organisation's, before a known given name that opens what
        // is left of the run; not `the San Jose Communique`.)
        let body_before_given = || {
            s > from
                && (from..s).any(|k| d.seen_lower(k) || d.toks[k].has(class::ORG))
                && lexicon::is_given(d.word(s))
        };
        if !titled && !body_before_given() {
            // `the Kremlin`, `The Rolling Stones`, `a Grand Slam` (not `an Alan Shearer
            // strike`)
            if from > 0
                && d.toks[from - 1].is_word()
                && (d.word(from - 1).eq_ignore_ascii_case("the")
                    || ["a", "an"]
                        .iter()
                        .any(|a| d.word(from - 1).eq_ignore_ascii_case(a))
                        && !lexicon::is_given(d.word(s)))
            {
                return None;
            }
        }
        // A known given name opens a name even if it is also a word (`Bill`, `Jordan`).
        let given = to - s >= 2 && lexicon::is_given(d.word(s));
        // After a courtesy title any word is a surname (`Mr Pound`, `Mrs May`).
        let courtesy = s > from && is_courtesy_title(d.word(s - 1)) && to - s <= 3;
        // `Kanye West`, `Oliver North`: a compass word after a known given name ends a name.
        let compass = |i: usize| {
            ["north", "south", "east", "west"]
                .iter()
                .any(|c| c.eq_ignore_ascii_case(d.word(i)))
        };
        // `said Washington` after `MaliVai Washington`, `Cuban said` after `Mark Cuban`: a lone
        // place word or demonym that is the surname of someone the article names in full.
        let surname_of_named = to - s == 1
            && d.toks[s].lex.classes & (class::PLACE | class::DEMONYM) != 0
            && d.toks[s].lex.classes & class::TIME == 0
            && (d.toks[s].lex.classes & class::ORG == 0 || compass(s))
            && self.names.has_full_surname(d.word(s));
        // `Actor Denzel Washington`: after a title, a place word may end a name whose other
        // words name no place or body.
        let place_surname = |i: usize| {
            titled
                && i > s
                && i + 1 == to
                && d.toks[i].lex.classes & (class::ORG | class::TIME | class::DEMONYM) == 0
                && (s..i).all(|k| {
                    d.toks[k].lex.classes
                        & (class::ORG | class::PLACE | class::TIME | class::DEMONYM | class::TITLE)
                        == 0
                        && d.toks[k].lex.verb.is_none()
                        && !d.seen_lower(k)
                })
        };
        // `Tan Kong Yam`: half of a two-word place without its partner is no place.
        let half_place_alone = |i: usize| {
            lexicon::place_partner(d.word(i)).is_some_and(|(partner, before)| {
                let j = if before {
                    i.checked_sub(1)
                } else {
                    Some(i + 1)
                };
                !j.is_some_and(|j| j < d.toks.len() && d.word(j).eq_ignore_ascii_case(partner))
            })
        };
        for i in s..to {
            let t = &d.toks[i];
            if t.lex.classes & (class::ORG | class::PLACE | class::TIME | class::DEMONYM) != 0
                && !(t.lex.classes & (class::ORG | class::TIME | class::DEMONYM) == 0
                    && half_place_alone(i))
                && t.lex.classes & class::PARTICLE == 0
                && !courtesy
                && !surname_of_named
                && !(given
                    && (i == s || t.lex.classes & class::ORG == 0 || i + 1 == to && compass(i)))
                && !place_surname(i)
            {
                return None;
            }
            // `Texas Commerce Bank-Houston`: a hyphenated word with a body's word in it.
            let w = d.word(i);
            if t.cap
                && w.contains('-')
                && w.split('-').any(|p| {
                    // (not the prefix of `Co-author`)
                    p.len() > 2
                        && p.chars().next().is_some_and(char::is_uppercase)
                        && lexicon::lookup(p).classes & class::ORG != 0
                })
            {
                return None;
            }
            // Acronyms (`NATO`, `BBC`) are organisations, unless the whole text shouts.
            if t.upper && !caps && t.lex.classes & class::SUFFIX == 0 && d.word(i).len() > 1 {
                let w = d.word(i);
                // initials like `I.K.` are fine
                if !w.contains('.') {
                    return None;
                }
            }
        }
        if d.toks[to - 1].has(class::PARTICLE) {
            return None;
        }
        Some((s, to, titled))
    }
}

/// Whether token `i` starts a sentence (a paragraph, or after a full stop, `?`, `!` and any
/// closing marks), where a name is the likely subject.
pub(super) fn opens_sentence(d: &Doc, i: usize) -> bool {
    let mut k = i;
    while k > 0 && matches!(d.toks[k - 1].kind, Kind::Mark { .. }) {
        k -= 1;
    }
    k == 0
        || d.toks[k - 1].para != d.toks[i].para
        || ['.', '?', '!'].iter().any(|&c| d.toks[k - 1].is_punct(c))
}
