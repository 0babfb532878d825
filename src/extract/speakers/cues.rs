//! Cues: finds what marks speech in a sentence — a reporting verb (a weak one only next to a quote,
//! `that` or a colon), `according to`, a speech noun with its author (`a statement from Pope
//! Francis`), a quote signed `― Name`, a transcript line `PENCE: ...`, `X: "..."` and a headline
//! `Name: ...` — and records each cue's speaker, then the sentence's quotes.
//!
//! The top stage: uses sentences, names, sources, attribution, pronouns and quotes.

use super::lexicon::{self, class, is_preposition, Form, Strength, Verb};
use super::sentences::{items_tok, Item};
use super::sources::Src;
use super::tokens::Kind;
use super::{Confidence, Cue, Found, Link, State};

impl<'d> State<'d> {
    /// Finds the cues of one sentence and records their speakers, then (with `with_quotes`) the
    /// sentence's quotes.
    pub(super) fn sentence(&mut self, items: &[Item], with_quotes: bool) {
        let d = self.doc;
        let start = match items[0] {
            Item::T(i) => i,
            Item::Q(q) => d.spans[q].first,
        };
        if start > self.sent_start || self.prev_starts.is_empty() {
            if self.prev_starts.len() == 2 {
                self.prev_starts.remove(0);
            }
            self.prev_starts.push(self.sent_start);
        }
        self.sent_start = start;
        let has_q = items.iter().any(|it| matches!(it, Item::Q(_)));
        // (item index of the cue, speaker: Some(person) / None unnamed)
        let mut found: Vec<Found> = Vec::new();
        // The named or pronoun sources of the sentence's finite verb cues: (item, source).
        let mut finite_srcs: Vec<(usize, Src)> = Vec::new();
        let subject = self.subject(items);
        // `Fifty officials, including A and B, signed a letter saying ...`: the people listed
        // speak, but the words are the group's, and none of them is the one a later `he` means.
        let group = self
            .including_subject(items)
            .filter(|&g| subject == Some(g));
        if let Some(Src::Name { from, to, titled }) = subject.filter(|_| group.is_none()) {
            if let Some(p) = self.resolve(from, to, titled) {
                self.make_salient(p);
            }
        }
        // Interview transcripts: a paragraph opening `PENCE: ...` is Pence speaking, when the
        // article names a Pence.
        if let Some((src, colon, answer)) = self.transcript_speaker(items) {
            let at = cue_at(0, Cue::Transcript, (colon, colon + 1), false);
            self.record(src, at, &mut found);
            // An interview's answer is the speaker's own words; the quotes inside it are what
            // others said or wrote (`the rules were "no visits"`), not given to the speaker.
            if answer {
                found.clear();
                self.answer = Some((d.toks[start].para, src));
            }
        } else if !d.is_headline
            && d.opens_para(start)
            && matches!(self.doubled_brackets(start), Some((_, false)))
        {
            self.question = Some(d.toks[start].para);
        }
        let mut k = 0;
        while k < items.len() {
            let Item::T(ti) = items[k] else {
                k += 1;
                continue;
            };
            let t = &d.toks[ti];
            if !t.is_word() {
                k += 1;
                continue;
            }
            // `according to X`
            if t.lex.classes & class::ACCORDING != 0
                && matches!(items.get(k + 1), Some(&Item::T(j)) if d.word(j).eq_ignore_ascii_case("to"))
            {
                let src = match self.right_source(items, k + 2) {
                    // `according to a tweet on Monday by X`: the author of what is cited.
                    Src::Unnamed | Src::Nothing => {
                        self.author_of_cited(items, k + 2).unwrap_or(Src::Unnamed)
                    }
                    src => src,
                };
                let at = cue_at(
                    k,
                    Cue::AccordingTo,
                    (ti, items_tok(items[k + 1]) + 1),
                    false,
                );
                self.record(src, at, &mut found);
                k += 2;
                continue;
            }
            let Some(verb) = t.lex.verb.or_else(|| self.retort_verb(items, k)) else {
                k += 1;
                continue;
            };
            // (`Demand was strong, said X`: a sentence's first word before `was` is its subject.)
            let subject_noun = k == 0
                && matches!(items.get(1).and_then(|&it| self.tok(it)), Some(n) if n.has(class::BE | class::AUX));
            if t.cap && !d.caps(ti) && !(k == 0 && verb.form != Form::Ing)
                || t.cap && self.ends_body_name(items, k)
                || subject_noun
            {
                k += 1;
                continue;
            }
            if verb.strength == Strength::Weak && !self.weak_ok(items, k, has_q) {
                k += 1;
                continue;
            }
            // `as compared to`, `compared with`: a preposition, not a cue.
            if verb.form == Form::Past
                && matches!(items.get(k + 1), Some(&it) if self.word_is(it, "to") || self.word_is(it, "with"))
                && (d.word(ti).eq_ignore_ascii_case("compared")
                    || k > 0 && self.word_is(items[k - 1], "as"))
            {
                k += 1;
                continue;
            }
            // `the scheme, said to have been run by X`, `he is said to be ill`: hearsay in the
            // passive names no one who said it.
            if verb.form == Form::Past
                && matches!(items.get(k + 1), Some(&it) if self.word_is(it, "to"))
                && matches!(items.get(k + 2).and_then(|&it| self.tok(it)), Some(t) if !t.cap
                    && (t.has(class::BE | class::AUX) || t.lex.verb.is_some_and(|v| v.form == Form::Base)))
                && k.checked_sub(1).is_some_and(|p| {
                    matches!(self.tok(items[p]), Some(t) if t.is_punct(',') || t.has(class::BE))
                })
            {
                k += 1;
                continue;
            }
            if verb.form == Form::Past && self.attributive(items, k) {
                k += 1;
                continue;
            }
            if self.other_sense(items, k) {
                k += 1;
                continue;
            }
            // A cue in a sentence that opens after a quote ending the one before takes that
            // sentence's subject (`"..." Mr Holm was quoted saying: "..."`).
            let clause_start = self.clause_start(items, k);
            let mut clause_subject = match clause_start {
                Some(c) => self.subject(&items[c..]),
                None => subject,
            };
            // `X said ..., further saying "..."`: a participle goes on with the source of the
            // sentence's finite cue before it.
            if verb.form == Form::Ing {
                if let Some(&(_, s)) = finite_srcs
                    .iter()
                    .rev()
                    .find(|&&(fk, _)| clause_start.is_none_or(|c| fk >= c))
                {
                    clause_subject = Some(s);
                }
            }
            let mut src = self.cue_source(items, k, verb, clause_subject);
            // `Rocky Linux describes itself as "..."`: what speaks of itself is a thing.
            if matches!(src, Src::Name { .. }) && self.word_at_is(items, k + 1, "itself") {
                src = Src::Unnamed;
            }
            // In an interview, `I said "..."` is the one answering, `you said "..."` the one asked.
            if has_q && matches!(src, Src::Nothing | Src::Unnamed) && verb.form != Form::Ing {
                if let Some(voice) = self.interview_voice(items, k) {
                    src = voice;
                }
            }
            let at = cue_at(
                k,
                Cue::Verb,
                self.verb_toks(items, k, verb),
                verb.form != Form::Ing,
            );
            // `Gerhard Schroeder and Jacques Chirac have called for ...`, `Ann Lee, Tom Hart of
            // the Harbour Trust, and Jim Bell each asked ...`: all of them speak.
            let others = match src {
                Src::Name { from, .. } => self.coordinated_names(from),
                _ => Vec::new(),
            };
            if verb.form != Form::Ing && matches!(src, Src::Name { .. } | Src::Pronoun(..)) {
                finite_srcs.push((k, src));
            }
            // (A group's words are no one's: an unnamed source recorded first takes its quote.)
            let of_group = clause_start.is_none() && group.is_some_and(|g| g == src);
            // None of a list is the one a later `he` means more than the sentence's subject
            // (its first name) is: salience stays as it was.
            let salient = (!others.is_empty() || of_group).then(|| self.salient.clone());
            if of_group {
                self.record(Src::Unnamed, at, &mut found);
            }
            let n = found.len();
            for &other in others.iter().rev() {
                self.record(other, at, &mut found);
            }
            self.record(src, at, &mut found);
            // (Only when all are people: `Industry and Trade Secretary X` is one.)
            if let Some(salient) = salient {
                if found.len() == n + others.len() + 1
                    && found[n..].iter().all(|f| f.speaker.is_some())
                {
                    self.salient = salient;
                }
            }
            k += 1;
        }
        // `a statement from Pope Francis`, `Judge Miller's statement reads "..."`: speech nouns
        // with their author.
        let verb_cue = !found.is_empty();
        // (the first verb cue's item: a speech noun after it is inside what it reports or an
        // adjunct of it)
        let first_verb = found
            .iter()
            .filter(|f| f.cue != Cue::AccordingTo)
            .map(|f| f.k)
            .min();
        if let Some((k, ti)) = self.verdict_of(items) {
            if let Some(src @ Src::Name { .. }) = self.right_name_only(items, k + 2) {
                let at = cue_at(k, Cue::SpeechNoun, (ti, items_tok(items[k + 1]) + 1), false);
                self.record(src, at, &mut found);
            }
        }
        for k in 0..items.len() {
            let Item::T(ti) = items[k] else { continue };
            if d.toks[ti].lex.classes & class::SPEECH_NOUN == 0 || d.toks[ti].cap {
                continue;
            }
            let by = items
                .get(k + 1)
                .is_some_and(|&it| self.word_is(it, "from") || self.word_is(it, "by"));
            // (Not after a verb cue: `"...," he said in response to remarks by Souness`.)
            if by && first_verb.is_none_or(|v| k < v) {
                if let Some(src @ Src::Name { .. }) = self.right_name_only(items, k + 2) {
                    let at = cue_at(k, Cue::SpeechNoun, (ti, items_tok(items[k + 1]) + 1), false);
                    self.record(src, at, &mut found);
                    continue;
                }
            }
            // `X says Trump's tweets were "unhinged"`: the verb's subject speaks, not the owner.
            if has_q && k > 0 && !verb_cue {
                if let Item::T(pi) = items[k - 1] {
                    if d.toks[pi].poss() && d.name_word(pi) {
                        let src = self.name_before(pi, 1);
                        // `Y opposed X's statement: "..."`: the statement is the object of
                        // another person's act, and the colon's quote is Y's.
                        let object_of_subject = matches!(
                            (subject, src),
                            (Some(Src::Name { to, .. }), Src::Name { from, .. }) if to <= from
                                && !(to..from).any(|x| d.toks[x].is_punct(','))
                        );
                        if matches!(src, Src::Name { .. }) && !object_of_subject {
                            let at = cue_at(k, Cue::SpeechNoun, (ti, ti + 1), false);
                            self.record(src, at, &mut found);
                        }
                    }
                }
            }
        }
        // A headline `Blair: ...` quotes Blair.
        if found.is_empty() && d.is_headline {
            if let Some(src @ Src::Name { to, .. }) = subject {
                if to < d.toks.len() && d.toks[to].is_punct(':') {
                    let at = cue_at(0, Cue::Headline, (to, to + 1), false);
                    self.record(src, at, &mut found);
                }
            }
        }
        // `"..." ― Sonya Herridge`: a quote signed with a dash and a name.
        if found.is_empty() && has_q {
            for c in 1..items.len().saturating_sub(1) {
                let (Item::Q(_), Item::T(dash)) = (items[c - 1], items[c]) else {
                    continue;
                };
                if !matches!(
                    d.toks[dash].kind,
                    Kind::Punct('\u{2015}' | '\u{2014}' | '\u{2013}' | '-')
                ) {
                    continue;
                }
                if let Some(src @ Src::Name { .. }) = self.right_name_only(items, c + 1) {
                    let at = cue_at(c, Cue::Signed, (dash, dash + 1), false);
                    self.record(src, at, &mut found);
                }
            }
        }
        // A quote paragraph signed on the next line: `― Adriana Rodarte`.
        if found.is_empty() {
            if let Some(src @ Src::Name { to, .. }) = self.signature_line(items) {
                let last = items_tok(items[items.len() - 1]);
                if to > last || (to..=last).all(|k| !d.toks[k].is_word()) {
                    let dash = items_tok(items[0]);
                    let at = cue_at(0, Cue::Signed, (dash, dash + 1), false);
                    self.record(src, at, &mut found);
                }
            }
        }
        self.colon_cues(items, subject, has_q, &mut found);
        // `When Trump suggested that ..., Rubio fired back: "..."`: the main clause after a
        // fronted clause (or `, but Y ...:`) quotes its own subject, not the earlier cue's.
        if has_q && !found.is_empty() {
            if let Some((src, c)) = self.main_clause_colon(items, &found) {
                let colon = items_tok(items[c]);
                let at = cue_at(c, Cue::Colon, (colon, colon + 1), false);
                self.record(src, at, &mut found);
            }
        }
        if found.is_empty() && subject.is_none() {
            self.possessive_topic(items);
            // `But a spokesman for the party disagreed. "...," he said.`: someone new and
            // unnamed is who the next `he` means.
            if !has_q {
                if let Some(g) = self.unnamed_subject(items) {
                    self.unnamed_voice = Some((start, g));
                }
            }
        }
        if with_quotes {
            self.emit_quotes(items, &found);
        }
    }

    /// The subject of a main clause that ends in a colon before a quote, with its item: the
    /// clause opens after a comma past every cue `found` (`When X suggested ..., Y fired back:`,
    /// `X claimed ..., but Y hit back:`), a name then a verb.
    fn main_clause_colon(&self, items: &[Item], found: &[Found]) -> Option<(Src, usize)> {
        let d = self.doc;
        let c = items
            .iter()
            .position(|&it| matches!(self.tok(it), Some(t) if t.is_punct(':')))?;
        if !matches!(items.get(c + 1), Some(Item::Q(_))) {
            return None;
        }
        let m = (0..c)
            .rev()
            .find(|&m| matches!(self.tok(items[m]), Some(t) if t.is_punct(',')))?;
        if !found.iter().all(|f| f.k < m) {
            return None;
        }
        let fronted = matches!(self.tok(items[0]), Some(t) if t.is_word() && matches!(
            d.word(items_tok(items[0])).to_ascii_lowercase().as_str(),
            "when" | "after" | "as" | "while" | "although" | "though" | "once" | "before"
                | "since" | "because" | "if"
        ));
        let mut s = m + 1;
        let but = items
            .get(s)
            .is_some_and(|&it| self.word_is(it, "but") || self.word_is(it, "and"));
        if but {
            s += 1;
        }
        if !(fronted || but) {
            return None;
        }
        let src @ Src::Name { to, .. } = self.right_name_only(items, s)? else {
            return None;
        };
        // (a lower-case word that is no function word: the lexicon knows speech verbs only)
        let verb = d.toks.get(to).is_some_and(|t| {
            t.is_word()
                && !t.cap
                && t.lex.classes & (class::STOP | class::DET | class::PRONOUN) == 0
                && !is_preposition(d.word(to))
        });
        (verb && items_tok(items[c]) > to).then_some((src, c))
    }

    /// `Williams' track beat songs by ...`: in a sentence with no subject and no cue, a person
    /// opening it with a possessive is what it is about (for a `he said` after it), when the
    /// article names them in full and the person test agrees (not `Green Day's album`).
    fn possessive_topic(&mut self, items: &[Item]) {
        let d = self.doc;
        let Some(&Item::T(ti)) = items.first() else {
            return;
        };
        if !d.name_word(ti) {
            return;
        }
        let e = self.name_end(ti, self.item_tok_ceil(items, 0));
        if !d.toks[e - 1].poss() {
            return;
        }
        let Some((from, to, titled)) = self.person_part(ti, e) else {
            return;
        };
        let known = self.names.people.len();
        if let Some(p) = self.resolve(from, to, titled) {
            let full = self
                .names
                .people
                .get(self.canonical(p))
                .is_some_and(|x| x.words.len() >= 2);
            if p < known && full && self.is_person(p, from, to) {
                self.make_salient(p);
            }
        }
    }
}

/// A verb cue's own tokens, and the names the body gives.
impl<'d> State<'d> {
    /// The tokens of a verb cue: the verb, and the addressee of `told reporters` or `told us`
    /// (not `her`, which may open the words reported: `told her colleagues ...`).
    fn verb_toks(&self, items: &[Item], k: usize, verb: Verb) -> (usize, usize) {
        let d = self.doc;
        let v = items_tok(items[k]);
        if d.toks[v].lex.verb.is_none() {
            // (`hit back`)
            return (v, v + 2);
        }
        if verb.takes_addressee {
            if let Some(&Item::T(x)) = items.get(k + 1) {
                let t = &d.toks[x];
                let object = matches!(d.word(x), "him" | "them" | "us" | "me" | "you");
                if t.is_word()
                    && !t.cap
                    && (object
                        || t.lex.classes & (class::DET | class::PRONOUN) == 0
                            && t.lex.verb.is_none()
                            && !matches!(d.word(x), "that" | "it")
                            && !is_preposition(d.word(x)))
                {
                    return (v, x + 1);
                }
            }
            // `told Reuters that`, `told the BBC the plan`, `told CBC News on Monday that`,
            // `told Reuters news agency that`: after `tell`, a capitalised name (after `the`,
            // with a medium's noun) is whom it was told, when a clause, `that` or a time or
            // place follows.
            if lexicon::starts_with_ci(d.word(v), "tel") || d.word(v).eq_ignore_ascii_case("told") {
                let mut m = k + 1;
                if self.word_at_is(items, m, "the") || self.word_at_is(items, m, "The") {
                    m += 1;
                }
                let first = m;
                while m < first + 5
                    && matches!(items.get(m), Some(&Item::T(x)) if d.name_word(x) && !d.toks[x].poss())
                {
                    m += 1;
                }
                let named = m > first;
                while named
                    && items.get(m).is_some_and(|&it| {
                        [
                            "news",
                            "agency",
                            "newspaper",
                            "television",
                            "radio",
                            "magazine",
                        ]
                        .iter()
                        .any(|w| self.word_is(it, w))
                    })
                {
                    m += 1;
                }
                let clause_next = matches!(items.get(m), Some(&Item::T(x))
                    if d.toks[x].is_word() && !d.toks[x].cap
                        && (d.toks[x].has(class::DET | class::PRONOUN)
                            || matches!(d.word(x), "that" | "on" | "in" | "at" | "during" | "last"
                                | "this" | "yesterday" | "today" | "earlier")));
                if named && clause_next {
                    return (v, items_tok(items[m - 1]) + 1);
                }
            }
        }
        (v, v + 1)
    }

    /// `"...," Ann Bell hit back.`, `shot back`, `fired back`: a retort, a weak verb of speech
    /// (a cue only next to a quote, `that` or a colon: not `the troops fired back`).
    fn retort_verb(&self, items: &[Item], k: usize) -> Option<Verb> {
        // (the lexicon's mark first: this runs on every word that is no verb)
        let Item::T(v) = items[k] else { return None };
        (self.doc.toks[v].has(class::RETORT)
            && matches!(items.get(k + 1), Some(&it) if self.word_is(it, "back")))
        .then_some(Verb {
            strength: Strength::Weak,
            form: Form::Past,
            takes_addressee: false,
        })
    }

    /// `Grand Slam` in a title-case headline: a capitalised verb that ends a name of two or
    /// three words the body gives is that name, not a verb.
    fn ends_body_name(&self, items: &[Item], k: usize) -> bool {
        let d = self.doc;
        let mut key = d.word(items_tok(items[k])).to_lowercase();
        for back in 1..=2 {
            let Some(&Item::T(p)) = k.checked_sub(back).and_then(|j| items.get(j)) else {
                return false;
            };
            if !d.toks[p].is_word() || !d.toks[p].cap {
                return false;
            }
            key = format!("{} {key}", d.word(p).to_lowercase());
            if self.body_names().by_key.contains_key(&key) {
                return true;
            }
        }
        false
    }
}

/// Whether a verb is a cue at all: attributive participles and weak verbs.
impl<'d> State<'d> {
    /// `the nine-year recommended term`, `the widely stated aim`: a participle after a
    /// determiner and one modifier (a number, a hyphenated word, an adverb), before a lower-case
    /// noun, describes the noun; it reports no speech. (Right after the determiner, `the stated
    /// aim`, `cue_source` already takes it for a noun.)
    fn attributive(&self, items: &[Item], k: usize) -> bool {
        let d = self.doc;
        let word_at = |m: usize| match items.get(m) {
            Some(&Item::T(x)) if d.toks[x].is_word() => Some(x),
            _ => None,
        };
        let Some(next) = word_at(k + 1) else {
            return false;
        };
        let n = &d.toks[next];
        // (`term` may be a verb's base form too, `termed`.)
        if n.cap
            || n.lex.verb.is_some_and(|v| v.form != Form::Base)
            || n.lex.classes & (class::DET | class::PRONOUN | class::AUX | class::BE | class::STOP)
                != 0
            || is_preposition(d.word(next))
        {
            return false;
        }
        let det = |x: usize| {
            let t = &d.toks[x];
            t.poss() || !t.cap && t.has(class::DET)
        };
        match (
            k.checked_sub(1).and_then(word_at),
            k.checked_sub(2).and_then(word_at),
        ) {
            // Only a modifier that cannot be the subject: `nine-year`, `widely`, `2019`.
            (Some(p), Some(pp)) => {
                let t = &d.toks[p];
                let w = d.word(p);
                !t.cap && (t.kind == Kind::Num || w.contains('-') || w.ends_with("ly")) && det(pp)
            }
            _ => false,
        }
    }

    /// The named author after `by`/`from` of a speech noun opening the phrase at item `s`
    /// (`a tweet on Monday by X`, `a statement from X`), within a few words of it.
    fn author_of_cited(&self, items: &[Item], s: usize) -> Option<Src> {
        let d = self.doc;
        let word = |m: usize| match items.get(m) {
            Some(&Item::T(t)) if d.toks[t].is_word() => Some(t),
            _ => None,
        };
        let mut m = s;
        if word(m).is_some_and(|t| d.toks[t].has(class::DET)) {
            m += 1;
        }
        if !word(m).is_some_and(|t| d.toks[t].has(class::SPEECH_NOUN) && !d.toks[t].cap) {
            return None;
        }
        let by = (m + 1..(m + 6).min(items.len()))
            .take_while(|&b| word(b).is_some())
            .find(|&b| word(b).is_some_and(|t| matches!(d.word(t), "by" | "from")))?;
        match self.right_source(items, by + 1) {
            n @ Src::Name { .. } => Some(n),
            _ => None,
        }
    }

    /// Whether a weak verb has a quote, `that` or a colon nearby.
    pub(super) fn weak_ok(&self, items: &[Item], k: usize, has_q: bool) -> bool {
        if has_q {
            return true;
        }
        let d = self.doc;
        let Some(&Item::T(j)) = items.get(k + 1) else {
            return false;
        };
        let next = d.word(j);
        // `called for calm`: a public demand.
        let call_for = next.eq_ignore_ascii_case("for")
            && matches!(items[k], Item::T(v) if d.word(v).to_ascii_lowercase().starts_with("call"));
        next.eq_ignore_ascii_case("that")
            || d.toks[j].is_punct(':')
            || call_for
            || self.bare_clause_after(items, k)
    }

    /// `indicated on Monday the chances of those trapped were diminishing`, `agreed the deal
    /// was fair`: a verb that reports a clause without `that` (`indicate`, `signal`, `agree`,
    /// `observe`) followed, past an adverbial, by words and a finite verb with no punctuation
    /// or relative word between (not `observed trading this morning`, `agreed terms, which
    /// were`).
    fn bare_clause_after(&self, items: &[Item], k: usize) -> bool {
        let d = self.doc;
        let w = d.word(items_tok(items[k]));
        if !["indicat", "signal", "agree", "observ"]
            .iter()
            .any(|p| lexicon::starts_with_ci(w, p))
        {
            return false;
        }
        let s = self.past_adverbial(items, k + 1);
        for (m, &it) in items.iter().enumerate().skip(s).take(10) {
            let Item::T(t) = it else { return false };
            if !d.toks[t].is_word() {
                return false;
            }
            if matches!(
                d.word(t),
                "which" | "who" | "whom" | "whose" | "that" | "to"
            ) {
                return false;
            }
            if m > s && self.finite_word(it) {
                return true;
            }
        }
        false
    }
}

/// Quotes a colon introduces.
impl State<'_> {
    /// `X ...: "quote"` with no verb of speech, or with verbs only after a later quote; and a
    /// paragraph ending in a colon before a quote paragraph.
    fn colon_cues(
        &mut self,
        items: &[Item],
        subject: Option<Src>,
        has_q: bool,
        found: &mut Vec<Found>,
    ) {
        let d = self.doc;
        // `Hillary shot back, "..."`, `Y hit back, "..."`: a retort's subject says the quote
        // after the comma.
        if has_q {
            let retort = (1..items.len().saturating_sub(3)).find(|&v| {
                matches!(items[v + 3], Item::Q(_))
                    && matches!(self.tok(items[v + 2]), Some(t) if t.is_punct(','))
                    && self.retort_verb(items, v).is_some()
            });
            if let Some(v) = retort {
                if let src @ (Src::Name { .. } | Src::Pronoun(..)) = self.left_np(items, v - 1) {
                    let comma = items_tok(items[v + 2]);
                    let at = cue_at(v + 2, Cue::Colon, (comma, comma + 1), false);
                    self.record(src, at, found);
                }
            }
        }
        // `X ...: "quote"` with no verb, or with verbs only after a later quote (`Ann Bell
        // disagreed: "We will lose." "She is wrong," Hart added.`).
        if has_q {
            if let Some(c) = items
                .iter()
                .position(|&it| matches!(self.tok(it), Some(t) if t.is_punct(':')))
            {
                // (Or in the sentence after a quote that ends one: `X addressed the public:
                // "We are ready." He said ...`.)
                let later = |f: &Found| {
                    f.k > c + 1
                        && (items[c + 2..f.k].iter().any(|it| matches!(it, Item::Q(_)))
                            || self.clause_start(items, f.k).is_some_and(|s| s > c + 1))
                };
                if matches!(items.get(c + 1), Some(Item::Q(_))) && found.iter().all(later) {
                    if let Some(src @ Src::Name { .. }) = subject {
                        let colon = items_tok(items[c]);
                        let at = cue_at(c, Cue::Colon, (colon, colon + 1), false);
                        let before = found.len();
                        self.record(src, at, found);
                        // (The speakers of the later verbs stay the most recent.)
                        let later: Vec<usize> =
                            found[..before].iter().filter_map(|f| f.speaker).collect();
                        for p in later {
                            self.make_salient(p);
                        }
                    }
                }
            }
        }
        // `17-year-old Jared Potts echoed:` ending a paragraph with no verb of speech: the
        // quote paragraph after it is his.
        if !has_q && found.is_empty() && items.len() > 2 {
            let c = items.len() - 1;
            let colon = items_tok(items[c]);
            // (Only before a quote: not `Super G:` heading a list of results.)
            if !matches!(self.tok(items[c]), Some(t) if t.is_punct(':'))
                || !(colon + 1..(colon + 3).min(d.toks.len())).any(|k| d.toks[k].quote != 0)
            {
                return;
            }
            // (`Frank quotes former adviser Alfred Kahn:`: the one quoted.)
            let quoted = items[..c]
                .iter()
                .position(|&it| {
                    ["quotes", "quoted", "cites", "cited"]
                        .iter()
                        .any(|w| self.word_is(it, w))
                })
                .map(|v| self.right_source(items, v + 1));
            let src = match quoted {
                Some(n @ Src::Name { .. }) => Some(n),
                Some(_) => None,
                None => subject,
            };
            if let Some(src @ Src::Name { .. }) = src {
                let at = cue_at(c, Cue::Colon, (colon, colon + 1), false);
                self.record(src, at, found);
            }
        }
    }
}

/// A cue at item `k` with its tokens, before its source is known.
fn cue_at(k: usize, cue: Cue, cue_toks: (usize, usize), finite: bool) -> Found {
    Found {
        k,
        speaker: None,
        finite,
        cue,
        cue_toks,
        link: Link::None,
        source: None,
        confidence: Confidence::High,
        attribution: [0, 0],
    }
}
