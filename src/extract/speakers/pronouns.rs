//! Pronouns and roles: turns a cue's source into a speaker. A name resolves through the article's
//! names; a pronoun to the most recent salient person whose gender does not clash (an antecedent
//! older than the previous sentence yields to the first person of the pronoun's gender named in
//! that sentence); a role noun or a description through `roles`. Keeps the list of salient
//! people that pronouns resolve against.
//!
//! Uses the names, roles and sources.

use super::lexicon::{self, class, is_preposition};
use super::people::has_name_key;
use super::person::{courtesy_words, person_probability};
use super::sentences::Item;
use super::sources::Src;
use super::tokens::{company_word, Doc, Kind};
use super::{Confidence, Found, Link, State};

/// Below this probability from the person test a speaker's name is taken for a body or a
/// place. Low on purpose: a person the model doubts keeps the benefit of the doubt.
const NOT_PERSON_BELOW: f32 = 0.2;

impl<'d> State<'d> {
    /// Turns a source into a speaker and records the cue `at` (its speaker, link, source words
    /// and confidence filled in here).
    pub(super) fn record(&mut self, src: Src, mut at: Found, found: &mut Vec<Found>) {
        at.speaker = None;
        at.link = Link::None;
        at.confidence = Confidence::High;
        let speaker = match src {
            Src::Name { from, to, titled } => {
                at.source = Some((from, to));
                match self.resolve_source(from, to, titled) {
                    Some(p) if !self.is_person(p, from, to) => {
                        found.push(at);
                        return;
                    }
                    Some(p) => {
                        at.link = Link::Name;
                        Some(p)
                    }
                    None => {
                        found.push(at);
                        return;
                    }
                }
            }
            // `A ministry spokesman said ... "...," he said`: an unnamed person who spoke
            // after the last named one is who the pronoun means.
            Src::Pronoun(g, t)
                if self.doc.toks[t].has(class::PRONOUN)
                    && self.unnamed_voice.is_some_and(|(at, ug)| {
                        (ug == 0 || g == 0 || ug == g)
                            && self.salient.last().is_none_or(|&(_, s)| s < at)
                            && !self.named_since(at, t)
                    }) =>
            {
                at.source = Some((t, t + 1));
                at.link = Link::Pronoun;
                found.push(at);
                return;
            }
            Src::Pronoun(g, t) => match self.antecedent(g) {
                // A description (`the pop star ... his`) takes only a person whose gender the
                // article gave.
                Some(p)
                    if !self.doc.toks[t].has(class::PRONOUN)
                        && g != 0
                        && self.gender_of(p) != g =>
                {
                    found.push(at);
                    return;
                }
                Some(p) => {
                    at.source = Some((t, t + 1));
                    let d = self.doc;
                    at.link = if d.toks[t].has(class::PRONOUN) {
                        Link::Pronoun
                    } else {
                        Link::Role
                    };
                    at.confidence = Confidence::Medium;
                    Some(p)
                }
                // A description no one fits is someone unnamed; so is `she` when no woman was
                // named and the last quote's speaker is a man (`"...," Tom Hart said. One
                // member was less sure. "...," she said.`), or no one spoke before.
                None if !self.doc.toks[t].has(class::PRONOUN)
                    || g != 0
                        && self
                            .last_quote
                            .and_then(|(f, _)| f.speaker)
                            .is_none_or(|s| {
                                !matches!(self.gender_of(s), 0) && self.gender_of(s) != g
                            }) =>
                {
                    at.source = Some((t, t + 1));
                    found.push(at);
                    return;
                }
                None => return,
            },
            Src::Role(ti) | Src::Topic(ti) => {
                at.source = Some((ti, ti + 1));
                let person = if matches!(src, Src::Role(_)) {
                    self.role_in_passage(ti)
                } else {
                    self.topic_person(ti)
                };
                match person {
                    Some(p) => {
                        at.link = Link::Role;
                        at.confidence = Confidence::Medium;
                        Some(p)
                    }
                    None => {
                        found.push(at);
                        return;
                    }
                }
            }
            Src::Unnamed => {
                at.source = None;
                // (Not in a sentence where a named person speaks too: an appositive's post.)
                if !found.iter().any(|f| f.speaker.is_some()) {
                    if let Some(g) = self.unnamed_person_noun(at.cue_toks) {
                        self.unnamed_voice = Some((self.sent_start, g));
                    }
                }
                found.push(at);
                return;
            }
            Src::Nothing => return,
        };
        if let Some(mut p) = speaker {
            if self.headline_of.is_none() {
                p = self.canonical(p);
            }
            if self.speaker_set.insert(p) {
                self.speaker_order.push(p);
            }
            self.make_salient(p);
            if self
                .unnamed_voice
                .is_some_and(|(u, _)| u == self.sent_start)
            {
                self.unnamed_voice = None;
            }
            at.speaker = Some(p);
            found.push(at);
        }
    }
}

/// The person test: whether a speaker's name is a person's.
impl State<'_> {
    /// The person test for a speaker's name at tokens `from..to`: a name introduced with a
    /// title (`President Obama`) is a person; otherwise the learned model must not find it
    /// clearly a body or a place (`Brush Wellman said`).
    pub(super) fn is_person(&mut self, p: usize, from: usize, to: usize) -> bool {
        if self.headline_of.is_some() {
            return true;
        }
        let people = &self.names.people;
        let titled = people.get(p).is_some_and(|x| x.titled || x.gender != 0)
            || people
                .get(self.canonical(p))
                .is_some_and(|x| x.titled || x.gender != 0);
        let d = self.doc;
        // `said lead manager Morgan Stanley and Co Inc`: a name the article goes on to close
        // with a company's word is a body, title or not.
        let company = |k: usize| company_word(d, k);
        let and = |k: usize| k < d.toks.len() && matches!(d.word(k), "and" | "&");
        if company(to) || and(to) && company(to + 1) {
            return false;
        }
        // `George Wimpey said ... George Wimpey's profits`: a name no title introduced, whose
        // gender only its given name gave, is a body's when the article gives it what only a
        // body owns (read over the person's mentions, not the article's every token).
        let untitled = !people.get(p).is_some_and(|x| x.titled)
            && !people.get(self.canonical(p)).is_some_and(|x| x.titled);
        if titled && untitled && to - from >= 2 {
            let canon = self.canonical(p);
            let n = to - from;
            let owned = self.names.mentions.iter().any(|&(i, q)| {
                if self.canonical(q) != canon {
                    return false;
                }
                // (`Merrill Lynch and Co Inc is offering`, `Merrill Lynch, Pierce, Fenner and
                // Smith Inc said` elsewhere: the name in full, closed with a company's word)
                let same = i + n <= d.toks.len()
                    && (0..n).all(|j| {
                        d.toks[i + j].is_word()
                            && d.word(i + j).eq_ignore_ascii_case(d.word(from + j))
                    });
                if same && (company(i + n) || firm_list_from(d, i + n)) {
                    return true;
                }
                let mut e = i;
                while e < d.toks.len() && e - i < 6 && d.toks[e].is_word() && d.toks[e].cap {
                    e += 1;
                    // (the name in full, not a short form: `Salomon's stock` of Salomon
                    // Inc after `Robert Salomon`)
                    if d.toks[e - 1].poss() {
                        return e - i >= to - from && owned_by_body(d, e);
                    }
                }
                false
            });
            return !owned;
        }
        // `said lead manager Credit Suisse`: a securities issue's managers are banks.
        let issue_manager = from >= 2
            && matches!(d.word(from - 1), "manager" | "managers" | "co-manager")
            && matches!(d.word(from - 2), "lead" | "co-lead" | "joint" | "sole");
        if issue_manager {
            return false;
        }
        if titled {
            return true;
        }
        let canon = self.canonical(p);
        let mut key = String::new();
        for k in from..to {
            key.push_str(d.word(k));
            key.push(' ');
        }
        if let Some(&(.., verdict)) = self
            .person_verdicts
            .iter()
            .find(|(q, c, w, _)| *q == p && *c == canon && *w == key)
        {
            return verdict;
        }
        // `Hogue said` after `said Ilyse Hogue, president of ...`: a short form of a fuller name
        // the test already found a person's, which the article gives a post.
        let fuller_passed = self
            .person_verdicts
            .iter()
            .any(|(_, c, w, verdict)| *verdict && *c == canon && w.len() > key.len());
        if fuller_passed
            && self.names.roles.iter().any(|(r, at)| {
                lexicon::lookup(r).classes & class::TITLE != 0
                    && at.iter().any(|&(_, q)| self.canonical(q) == canon)
            })
        {
            return true;
        }
        let verdict = self.person_by_uses(p, from, to);
        self.person_verdicts.push((p, canon, key, verdict));
        verdict
    }

    /// The person test for a headline speaker, on the body's first use of the name (`... as Red
    /// Hat announces ...` where the body's `Red Hat` is a company). A one-word name, or one the
    /// body does not write out, stands.
    pub(super) fn headline_speaker_is_person(&mut self, display: &str) -> bool {
        let d = self.doc;
        let Some(p) = self.names.people.iter().position(|x| x.display == display) else {
            return true;
        };
        let words = &self.names.people[p].words;
        if words.len() < 2 {
            return true;
        }
        let len = words.len();
        let Some(from) = self
            .names
            .mentions
            .iter()
            .filter(|&&(_, q)| q == p)
            .find_map(|&(i, _)| {
                (i..(i + 6).min(d.toks.len())).find(|&k| {
                    k + len <= d.toks.len()
                        && (0..len).all(|j| has_name_key(d.word(k + j), &words[j]))
                })
            })
        else {
            return true;
        };
        self.is_person(p, from, from + len)
    }

    /// The person test by the model over every use of the name at tokens `from..to` (or of the
    /// full name it stands for).
    fn person_by_uses(&mut self, p: usize, from: usize, to: usize) -> bool {
        let d = self.doc;
        let people = &self.names.people;
        let company = |k: usize| company_word(d, k);
        let and = |k: usize| k < d.toks.len() && matches!(d.word(k), "and" | "&");
        // (a use followed by a company word, `and Co`, a firm's partners (`, Pierce, Fenner and
        // Smith Inc`), or a body's word: `Merrill Lynch and Co`,
        // `Morgan Stanley Group`; not an owner's: `Lasry's Avenue Capital Group`; or one the
        // article refers back to as a thing: `Laura Ashley, which floated`; not `said its`,
        // whose `its` is as often something the person spoke of)
        let thing = |e: usize| {
            e + 1 < d.toks.len()
                && d.toks[e].is_punct(',')
                && d.toks[e + 1].is_word()
                && d.word(e + 1) == "which"
        };
        let closes_body = |e: usize| {
            owned_by_body(d, e)
                || !d.toks[e - 1].poss()
                    && (company(e)
                        || and(e) && company(e + 1)
                        || firm_list_from(d, e)
                        || e < d.toks.len() && d.toks[e].cap && d.toks[e].has(class::ORG)
                        || thing(e))
        };
        // (a name opening with no known given name, whose sentence the next one takes up as
        // a body: `Freedom Mobile said ... The company has ...`, `Krispy Kreme said ... The
        // chain said`)
        // (nor someone the article gives a post: `Satya Nadal, chief executive, said ...`)
        let canon = self.canonical(p);
        let no_given = !lexicon::is_given(d.word(from))
            && !self
                .names
                .roles
                .values()
                .any(|at| at.iter().any(|&(_, q)| self.canonical(q) == canon));
        let taken_up =
            |k: usize, e: usize| no_given && (body_taken_up(d, k, e) || says_it_acts(d, e));
        let short: Vec<&str> = (from..to).map(|k| d.word(k)).collect();
        let full: Option<Vec<String>> = people
            .get(self.canonical(p))
            .filter(|x| {
                x.words.len() > short.len() && !x.birth_only && lexicon::is_given(&x.words[0])
            })
            .map(|x| x.words.clone());
        let courtesy = self.courtesy.get_or_insert_with(|| courtesy_words(d));
        // Every use of the name in the article counts (`Brush Wellman said` once, `Brush
        // Wellman Inc`, `Brush Wellman's customers` elsewhere): the mean probability. A short
        // form counts with the uses of the full name it stands for when that opens with a known
        // given name (`Morientes said:` after `striker Fernando Morientes`), in place of the
        // short form inside them.
        let (mut sum, mut n) = (0.0f32, 0u32);
        let words: Vec<&str> = match &full {
            Some(f) => f.iter().map(String::as_str).collect(),
            None => short.clone(),
        };
        let mut inside: Vec<(usize, usize)> = Vec::new();
        let len = words.len();
        // (a cheap test of the first word's length before its text: `word` strips possessives)
        let first_len = words.first().map_or(0, |w| w.len());
        let may_start = |k: usize| {
            let t = &d.toks[k];
            t.is_word()
                && (t.be - t.bs) as usize >= first_len
                && (t.be - t.bs) as usize <= first_len + 4
        };
        let mut k = 0;
        while full.is_some() && k + len <= d.toks.len() && n < 20 {
            if may_start(k)
                && (0..len).all(|i| {
                    d.toks[k + i].is_word() && d.word(k + i).eq_ignore_ascii_case(words[i])
                })
            {
                let e = k + len;
                if closes_body(e) || taken_up(k, e) {
                    return false;
                }
                sum += person_probability(d, k, e, courtesy);
                n += 1;
                inside.push((k, e));
                k += len;
            } else {
                k += 1;
            }
        }
        let len = to - from;
        let mut k = 0;
        while k + len <= d.toks.len() {
            if inside.iter().any(|&(a, b)| a <= k && k < b) {
                k += 1;
                continue;
            }
            if (0..len).all(|i| d.toks[k + i].is_word() && d.word(k + i) == short[i]) {
                // `Merrill Lynch and Co`, `Morgan Stanley Group` anywhere in the article: a
                // body (for a name no title or given name makes a person).
                let e = k + len;
                if closes_body(e) || taken_up(k, e) {
                    return false;
                }
                sum += person_probability(d, k, k + len, courtesy);
                n += 1;
                k += len;
            } else {
                k += 1;
            }
            if n >= 20 {
                break;
            }
        }
        n == 0 || sum / n as f32 >= NOT_PERSON_BELOW
    }

    /// Makes `p` the most recent salient person (the six most recent are kept).
    pub(super) fn make_salient(&mut self, p: usize) {
        self.salient.retain(|&(x, _)| x != p);
        self.salient.push((p, self.sent_start));
        if self.salient.len() > 6 {
            self.salient.remove(0);
        }
    }

    pub(super) fn gender_of(&self, p: usize) -> u8 {
        if self.headline_of.is_some() {
            return 0;
        }
        let g = self.names.people.get(p).map_or(0, |x| x.gender);
        if g != 0 {
            return g;
        }
        self.names
            .people
            .get(self.canonical(p))
            .map_or(0, |x| x.gender)
    }

    /// The most recent salient person whose gender does not clash with the pronoun's.
    /// Failing that, the most recently named person of the pronoun's gender in the sentences
    /// just before (`Crown Prince Mohammad bin Salman accepted ... Speaking to PBS, he said`).
    fn antecedent(&self, g: u8) -> Option<usize> {
        let salient = self.salient.iter().rev().copied().find(|&(p, _)| {
            let pg = self.gender_of(p);
            g == 0 || pg == 0 || pg == g
        });
        // A salient person from the sentence before or this one stands; an older one yields to
        // a person of the pronoun's gender named in the sentence before.
        let prev = self.prev_starts.last().copied().unwrap_or(0);
        if salient.is_some_and(|(_, at)| at >= prev) || g == 0 || self.headline_of.is_some() {
            return salient.map(|(p, _)| p);
        }
        // The first person of that gender named in the sentence before (the likely subject),
        // else in the one before that, when no salient person fits.
        let m = &self.names.mentions;
        let starts: &[usize] = if salient.is_some() {
            &self.prev_starts[self.prev_starts.len().saturating_sub(1)..]
        } else {
            &self.prev_starts
        };
        let mut hi = self.sent_start;
        for &lo in starts.iter().rev() {
            let a = m.partition_point(|&(pos, _)| pos < lo);
            let b = m.partition_point(|&(pos, _)| pos < hi);
            if let Some(p) = m[a..b]
                .iter()
                .map(|&(_, p)| self.canonical(p))
                .find(|&p| self.gender_of(p) == g)
            {
                return Some(p);
            }
            hi = lo;
        }
        salient.map(|(p, _)| p)
    }
}

/// Unnamed people who speak.
impl State<'_> {
    /// Whether a person is named from the sentence after the one starting at token `at` up to
    /// token `t` (`A spokesman said ... Man-of-the-match Stephen Jones was ecstatic. "...," he
    /// said`: `he` is Jones).
    fn named_since(&self, at: usize, t: usize) -> bool {
        let first_after = self
            .prev_starts
            .iter()
            .chain(std::iter::once(&self.sent_start))
            .copied()
            .filter(|&s| s > at)
            .min();
        let Some(lo) = first_after else {
            return false;
        };
        let m = &self.names.mentions;
        let a = m.partition_point(|&(pos, _)| pos < lo);
        a < m.len() && m[a].0 < t
    }

    /// The gender (0 unknown) of a singular person noun right before the cue's verb (`a
    /// ministry spokesman said`, `one official told`) or after `said a`/`said the` (`said a
    /// spokeswoman`); `None` for a body, a plural or anything else (`the ministry said`,
    /// `officials said`).
    fn unnamed_person_noun(&self, (v, e): (usize, usize)) -> Option<u8> {
        let d = self.doc;
        let person = |i: usize| person_noun_gender(d, i, false);
        if v > 0 {
            if let Some(g) = person(v - 1) {
                return Some(g);
            }
            // `One dealer for a U.S.-based bank noted`: the noun before the body's phrase.
            for p in (v.saturating_sub(7)..v - 1).rev() {
                let t = &d.toks[p];
                if !t.is_word() && !t.is_punct('-') {
                    break;
                }
                if !t.cap && matches!(d.word(p), "for" | "at" | "of" | "from" | "with") {
                    // (Not a named person's post: `James Fry, vice-president of GM said`.)
                    let mut q = p.checked_sub(1)?;
                    while q > 0
                        && (d.toks[q].is_word() && !d.toks[q].cap || d.toks[q].is_punct('-'))
                    {
                        q -= 1;
                    }
                    if d.toks[q].is_punct(',') && q > 0 && d.name_word(q - 1) {
                        return None;
                    }
                    return p.checked_sub(1).and_then(person);
                }
            }
        }
        let det = d.toks.get(e).filter(|t| t.is_word())?;
        if !det.has(class::DET) {
            return None;
        }
        // `said a spokesman for the company`: the first noun after the determiner.
        (e + 1..(e + 4).min(d.toks.len()))
            .take_while(|&i| d.toks[i].is_word() && !d.toks[i].cap && !is_preposition(d.word(i)))
            .last()
            .and_then(person)
    }
}

impl State<'_> {
    /// The gender of the unnamed person a sentence opens with, followed by its verb (`But a
    /// spokesman for the party disagreed.`, `One councillor, who asked not to be named, was
    /// scathing.`, `Another resident was less kind.`): `a`/`an`/`one`/`another`, at most three
    /// modifiers, a singular person noun.
    pub(super) fn unnamed_subject(&self, items: &[Item]) -> Option<u8> {
        let d = self.doc;
        let word = |i: usize| self.word_tok(items, i);
        let mut i = 0;
        if word(0).is_some_and(|t| matches!(d.word(t), "But" | "And" | "Yet" | "However")) {
            i = 1;
        }
        if matches!(items.get(i), Some(&Item::T(t)) if d.toks[t].is_punct(',')) {
            i += 1;
        }
        let det = word(i)?;
        if !["a", "an", "one", "another"]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(d.word(det)))
        {
            return None;
        }
        let mut gender = None;
        let mut head = i;
        for n in i + 1..i + 5 {
            let Some(t) = word(n) else { break };
            let tok = &d.toks[t];
            let w = d.word(t);
            if tok.lex.verb.is_some() && !tok.cap || tok.has(class::BE) || is_preposition(w) {
                break;
            }
            gender = person_noun_gender(d, t, true);
            head = n;
        }
        let g = gender?;
        // The noun's verb follows, past a body's phrase or a relative clause.
        let rest = &items[head + 1..];
        let verb = rest
            .iter()
            .take(16)
            .any(|&it| self.finite_word(it) || self.past_word(it));
        verb.then_some(g)
    }
}

/// The gender (0 unknown) of a singular person noun at token `i` that names no body (`spokesman`,
/// `councillor`; with `capitals`, also one in capitals: `MP`); `None` for any other word.
fn person_noun_gender(d: &Doc, i: usize, capitals: bool) -> Option<u8> {
    let t = &d.toks[i];
    let w = d.word(i);
    (t.is_word()
        && (!t.cap || capitals && t.upper)
        && t.lex.classes & (class::SOURCE_NOUN | class::TITLE) != 0
        && t.lex.classes & class::ORG == 0
        && !w.ends_with('s'))
    .then(|| lexicon::role_gender(w))
}

/// Whether tokens from `k` are the partners of a firm's name and its company word, the last
/// partner after `and`: `and Co Inc`, `, Pierce, Fenner and Smith Inc` (one capitalised word
/// each; not `, Bond Corp's finance director`, an employer).
fn firm_list_from(d: &Doc, k: usize) -> bool {
    let and =
        |k: usize| k < d.toks.len() && d.toks[k].is_word() && matches!(d.word(k), "and" | "&");
    let mut k = k;
    for _ in 0..5 {
        let comma = k < d.toks.len() && d.toks[k].is_punct(',');
        if !comma && !and(k) {
            return false;
        }
        // (`, and Smith Inc` too)
        let after_and = !comma || and(k + 1);
        k += if comma && after_and { 2 } else { 1 };
        if after_and && company_word(d, k) {
            return true;
        }
        if !(k < d.toks.len() && d.toks[k].is_word() && d.toks[k].cap) || company_word(d, k) {
            return false;
        }
        k += 1;
        if after_and {
            return company_word(d, k);
        }
    }
    false
}

/// Whether the name at tokens `k..e` opens its sentence and the next sentence opens with `The`,
/// at most two words and a body's noun (`The company`, `The coffee chain`), or is a quote whose
/// source is such a noun (`"...," the company said`): the article takes the name up as a body.
fn body_taken_up(d: &Doc, k: usize, e: usize) -> bool {
    const BODIES: &[&str] = &[
        "company",
        "firm",
        "chain",
        "carrier",
        "retailer",
        "charity",
        "airline",
        "brand",
        "insurer",
        "operator",
        "manufacturer",
        "maker",
        "automaker",
        "carmaker",
        "franchise",
        "network",
        "broadcaster",
        "newspaper",
        "magazine",
        "website",
        "publisher",
        "studio",
        "label",
        "utility",
        "provider",
        "restaurant",
        "shelter",
    ];
    if !super::runs::opens_sentence(d, k) {
        return false;
    }
    let Some(stop) = (e..(e + 80).min(d.toks.len()))
        .find(|&i| d.toks[i].is_punct('.') || d.toks[i].para != d.toks[k].para)
    else {
        return false;
    };
    let mut j = stop + usize::from(d.toks[stop].is_punct('.'));
    while j < d.toks.len() && !d.toks[j].is_word() && d.toks[j].para == d.toks[stop].para {
        j += 1;
    }
    if j >= d.toks.len() {
        return false;
    }
    // `The <body>` opening the next sentence, or naming the source of its quote (`"...," the
    // company said`).
    let body_after = |t: usize| {
        (t + 1..(t + 4).min(d.toks.len()))
            .take_while(|&i| d.toks[i].is_word() && !d.toks[i].cap)
            .find(|&i| BODIES.contains(&d.word(i)))
    };
    let noun = if d.word(j) == "The" {
        body_after(j)
    } else if j > stop && matches!(d.toks[j - 1].kind, Kind::Mark { double: true, .. }) {
        (j..(j + 80).min(d.toks.len()))
            .take_while(|&i| d.toks[i].para == d.toks[j].para)
            .find(|&i| {
                matches!(d.toks[i - 1].kind, Kind::Mark { double: true, .. }) && d.word(i) == "the"
            })
            .and_then(body_after)
            .filter(|&n| n + 1 < d.toks.len() && d.toks[n + 1].lex.verb.is_some())
    } else {
        None
    };
    let Some(noun) = noun else {
        return false;
    };
    // (not a body the name's own sentence names: `Lusser said the National Bank ... The bank`)
    !(e..stop).any(|i| {
        d.toks[i].is_word()
            && (d.toks[i].cap && d.toks[i].has(class::ORG)
                || d.word(i).eq_ignore_ascii_case(d.word(noun)))
    })
}

/// Whether the use of a name ending at token `e` says what `it` did or does (`Ask Jeeves said
/// it was not planning to`, `Deutsche Boerse said on Monday it would lift its dividend`), or
/// what is `its` (`Sun Dance said its board ...`): the article speaks of the name as a thing.
/// An `it` that opens a judgement (`said it was important`, `said it would be premature`,
/// `said it's hard`) or a verb any `it` takes (`said it seemed`) says nothing of the speaker.
fn says_it_acts(d: &Doc, e: usize) -> bool {
    /// Verbs whose subject `it` is as often no one's (`it seems`, `it took years`).
    const EMPTY_IT: &[&str] = &[
        "seem", "seems", "seemed", "appear", "appears", "appeared", "remain", "remains",
        "remained", "take", "takes", "took", "make", "makes", "made", "mean", "means", "meant",
        "depend", "depends", "happen", "happens", "happened", "feel", "feels", "felt", "look",
        "looks", "looked", "sound", "sounds", "sounded", "matter", "matters", "mattered", "come",
        "comes", "came", "go", "goes", "went",
    ];
    let word = |k: usize| (k < d.toks.len() && d.toks[k].is_word()).then(|| d.word(k));
    let skip = |mut k: usize, c: u32| {
        while k < d.toks.len() && d.toks[k].has(c) && !d.toks[k].cap {
            k += 1;
        }
        k
    };
    if e == 0 || d.toks[e - 1].poss() {
        return false;
    }
    let mut k = skip(e, class::AUX);
    if !matches!(word(k), Some("said" | "says")) {
        return false;
    }
    k += 1;
    // (a day, `that`, `in a statement` between the verb and `it`)
    for _ in 0..4 {
        match word(k) {
            Some("that" | "on" | "late" | "early" | "last" | "week") => k += 1,
            Some(_) if d.toks[k].has(class::TIME) => k += 1,
            Some("in") if word(k + 1) == Some("a") && word(k + 2) == Some("statement") => k += 3,
            _ => break,
        }
    }
    // (`Sun Dance said its board has extended the date`: a body's own)
    if word(k) == Some("its") {
        return true;
    }
    if word(k) != Some("it") {
        return false;
    }
    // (`it's` is `it is`)
    let contracted = d.toks[k].poss();
    let k = skip(k + 1, class::AUX | class::NEG);
    let Some(w) = word(k).filter(|_| !d.toks[k].cap) else {
        return false;
    };
    let progressive = |n: usize| {
        word(n).is_some_and(|v| {
            v.len() > 5 && v.ends_with("ing") && !matches!(v, "nothing" | "something" | "going")
        })
    };
    if contracted {
        return progressive(k);
    }
    if d.toks[k].has(class::BE) {
        // (`it is investigating`, `it was not planning`; not `it was important`)
        return progressive(skip(k + 1, class::AUX | class::NEG));
    }
    !EMPTY_IT.contains(&w)
}

/// Whether the use of a name ending at token `e` is possessive and owns what only a body owns
/// (`George Wimpey's profits`, `Tim Hortons' chief executive`).
fn owned_by_body(d: &Doc, e: usize) -> bool {
    const OWNED: &[&str] = &[
        "shareholders",
        "stores",
        "customers",
        "revenue",
        "revenues",
        "earnings",
        "profits",
        "profit",
        "subscribers",
        "outlets",
        "restaurants",
        "board",
        "chairman",
        "shares",
        "stock",
        "subsidiary",
        "headquarters",
    ];
    d.toks[e - 1].poss()
        && e < d.toks.len()
        && d.toks[e].is_word()
        && (OWNED.contains(&d.word(e))
            || e + 1 < d.toks.len() && d.word(e) == "chief" && d.word(e + 1) == "executive")
}
