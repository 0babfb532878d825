//! Quotes: gives each quote span of a sentence to the nearest cue's speaker (or to the named
//! speaker whose reported clause holds that cue, when the cue has no one speaking; the quote right
//! after a subject's colon to that subject), or the reported clause after a finite cue when the
//! sentence has no quote, or when the clause after its last quote has none (`"..." Her lawyer, X,
//! says ...`, `"...," X said, adding that ...`); a sentence that opens with a quote and names no
//! one continues the speaker of the previous quote or reported clause (no one's after a sentence
//! about someone new and unnamed). Offsets are counted in characters.
//!
//! Uses the tokens, sentences, the lexicon and `is_preposition` of the names.

use super::lexicon::{self, class, is_preposition, Form, Strength};
use super::reported::Reach;
use super::sentences::{items_tok, Item};
use super::tokens::{is_quote_char, Doc, Kind};
use super::{Cue, Found, Link, Quote, State};

impl<'d> State<'d> {
    /// Records a sentence's quotes, given its cues `found`.
    pub(super) fn emit_quotes(&mut self, items: &[Item], found: &[Found]) {
        let d = self.doc;
        let para = match items[0] {
            Item::T(i) => d.toks[i].para,
            Item::Q(q) => d.spans[q].para,
        };
        let sentence = self.char_range(items);
        let mut any_q = false;
        let mut used: Option<Found> = None;
        // The cues that gave a quote its speaker (their words are the quote).
        let mut quoting: Vec<usize> = Vec::new();
        for (k, it) in items.iter().enumerate() {
            let Item::Q(q) = *it else { continue };
            any_q = true;
            // (The subject before a colon says the quote right after it, whatever cue comes
            // after a later quote: `Ann Bell disagreed: "We will lose." "She is wrong," Hart
            // added.`)
            let mut nearest = found
                .iter()
                .find(|f| f.cue == Cue::Colon && f.k + 1 == k)
                .or_else(|| {
                    found
                        .iter()
                        .filter(|f| self.cue_reaches(items, f, k))
                        .min_by_key(|f| f.k.abs_diff(k))
                });
            // `X says the movement ... appeals to the "bad angels"`: a cue with no named source
            // inside the clause a named speaker's verb reports is part of what they said.
            // (Not when that cue has a source of its own: `X said the police had said ...`.)
            if let Some(f) = nearest.filter(|f| {
                f.speaker.is_none()
                    && f.k < k
                    && !self.human_source_before(items, f.k)
                    && !self.modifier_term(items, k)
            }) {
                if let Some(outer) = found.iter().rev().find(|o| {
                    o.k < f.k
                        && o.finite
                        && o.speaker.is_some()
                        && !self.coordinated_between(items, o.k, f.k)
                }) {
                    nearest = Some(outer);
                }
            }
            let evidence = if let Some(f) = nearest {
                let mut f = *f;
                f.attribution = sentence;
                Some(f)
            } else if matches!(items[0], Item::Q(_)) {
                // A sentence that opens with a quote and names no one continues the last
                // quote's speaker; a scare quote inside a narrative sentence does not. After a
                // sentence about someone else (`"It works," he said. Councillor X was not
                // convinced. "It is a disaster."`) the quote is no longer surely theirs: it
                // goes to no one.
                let other = self.previous_subject().filter(|&p| {
                    self.last_quote
                        .and_then(|(prev, _)| prev.speaker)
                        .is_some_and(|s| self.canonical(s) != self.canonical(p))
                });
                // (Nor after a sentence about someone new and unnamed: `A Labour MP was less
                // convinced.`)
                let unnamed = other.is_none()
                    && self.unnamed_voice.is_some_and(|(at, _)| {
                        self.prev_starts.last() == Some(&at) && at < self.sent_start
                    });
                self.last_quote.map(|(prev, _)| Found {
                    cue: Cue::Continuation,
                    cue_toks: (0, 0),
                    link: if prev.speaker.is_some() && !unnamed {
                        Link::Previous
                    } else {
                        Link::None
                    },
                    speaker: if unnamed {
                        None
                    } else {
                        other.or(prev.speaker)
                    },
                    source: prev.source.filter(|_| !unnamed),
                    confidence: prev.confidence.continued(),
                    attribution: [prev.attribution[0].min(sentence[0]), sentence[1]],
                    ..prev
                })
            } else {
                None
            };
            let Some(evidence) = evidence else { continue };
            // (A continuation given to the person of the sentence before goes on with them.)
            let switched = evidence.cue == Cue::Continuation
                && self
                    .last_quote
                    .is_some_and(|(prev, _)| prev.speaker != evidence.speaker);
            if evidence.cue != Cue::Continuation || switched {
                used = Some(evidence);
            }
            if evidence.cue != Cue::Continuation {
                quoting.push(evidence.k);
            }
            let span = d.spans[q];
            self.push_quote(&evidence, span.bs, span.be, true);
        }
        // The next quote paragraph continues the cue of the sentence's last attributed quote,
        // or of a finite cue after the sentence's last quote that took no quote (`"..." X, who
        // ..., says the goal is Y. "..."`: X speaks next).
        let last_q = items.iter().rposition(|it| matches!(it, Item::Q(_)));
        let later = found.iter().rev().find(|f| {
            f.finite && last_q.is_some_and(|q| f.k > q) && used.is_none_or(|u| u.k != f.k)
        });
        if let Some(f) = later {
            let mut f = *f;
            f.attribution = sentence;
            self.last_quote = Some((f, para));
        } else if let Some(f) = used {
            // (A quote of someone inside what another reports goes on with the reporter: `X
            // reminded MPs that Y had called it a "disgrace". "..."` is X's.)
            let outer = found.iter().rev().find(|o| {
                o.k < f.k
                    && o.finite
                    && o.speaker.is_some_and(|s| f.speaker.is_some_and(|p| p != s))
                    && !quoting.contains(&o.k)
                    && !self.coordinated_between(items, o.k, f.k)
            });
            let mut f = outer.copied().unwrap_or(f);
            f.attribution = sentence;
            self.last_quote = Some((f, para));
        }
        // Reported speech: what follows a finite cue, when the sentence has no quote, or the
        // clause after a quote that ends a sentence has none (`"..." Her lawyer, X, says the
        // delay is unacceptable.`).
        if !any_q {
            self.reported_speech(items, false, found, sentence, para);
        } else if let Some(c) = self.clause_start(items, items.len() - 1) {
            if !items[c..].iter().any(|it| matches!(it, Item::Q(_))) {
                // (A weak verb is a cue there only by the quote: `"..." Nathan Douglas
                // continued his steady progress` reports nothing; nor does the cue of the
                // quote: `"...?" Trump asked, looking pleased`.)
                let weak = |f: &Found| {
                    matches!(self.tok(items[f.k]), Some(t) if t.lex.verb.is_some_and(|v| v.strength == Strength::Weak))
                        && !self.weak_ok(&items[c..], f.k - c, false)
                };
                let tail: Vec<Found> = found
                    .iter()
                    .filter(|f| f.k >= c && !weak(f) && !quoting.contains(&f.k))
                    .map(|f| Found { k: f.k - c, ..*f })
                    .collect();
                let clause = self.char_range(&items[c..]);
                self.reported_speech(&items[c..], true, &tail, clause, para);
            }
        } else if let Some(f) = self.adding_that(items, found) {
            // `"...," Tom Hart said, adding that the deal was dead.`
            let m = f.k;
            let f = Found { k: 0, ..f };
            let clause = self.char_range(&items[m..]);
            self.reported_speech(&items[m..], true, &[f], clause, para);
        }
    }
}

/// Reported speech.
impl State<'_> {
    /// Records the reported clause of the first finite cue of `found` in a sentence (or clause)
    /// with no quote: what follows the cue, past its own words and an adverbial, or the clause
    /// before an inverted cue or an aside; or the clause a later cue closing the sentence
    /// reports around it ([`Self::outer_reach`]).
    fn reported_speech(
        &mut self,
        items: &[Item],
        after_quote: bool,
        found: &[Found],
        sentence: [usize; 2],
        para: u32,
    ) {
        let d = self.doc;
        for (i, f) in found.iter().enumerate() {
            // (`X echoed:` closing the paragraph: the next quote paragraph is X's.)
            if f.cue == Cue::Colon && f.k + 1 == items.len() && f.speaker.is_some() {
                let mut f = *f;
                f.attribution = sentence;
                self.last_quote = Some((f, para));
                break;
            }
            if !self.reports(f) {
                continue;
            }
            let (mut f, reach) = self.outer_reach(items, f, &found[i + 1..]);
            f.attribution = sentence;
            let (s, e) = match reach {
                Reach::Clause(s, e) => (s, e),
                Reach::Introduces => {
                    // `X said in a statement.` reports nothing itself: a quote after it is
                    // X's (not the previous speaker's).
                    self.last_quote = Some((f, para));
                    break;
                }
                Reach::Nothing => break,
            };
            // (After a quote, only a clause of its own: not `"...?" Trump asked, looking
            // pleased`, `Trump added during an interview`, `X said as he left`.)
            if e >= s + 3 && (!after_quote || self.own_clause_at(&items[s..e])) {
                if let (Item::T(a), Item::T(b)) = (items[s], items[e - 1]) {
                    self.push_quote(&f, d.toks[a].bs as usize, d.toks[b].be as usize, false);
                    // A quote paragraph after it goes on with this source
                    // (`X told the paper how it works. "It is simple."`).
                    self.last_quote = Some((f, para));
                }
            }
            break;
        }
    }
}

impl State<'_> {
    /// After the last quote of a sentence, a participle after a comma that reports a clause
    /// with `that` (`"...," Tom Hart said, adding that the deal was dead.`), as a finite cue of
    /// the speaker of the verb before it.
    fn adding_that(&self, items: &[Item], found: &[Found]) -> Option<Found> {
        let last_q = items.iter().rposition(|it| matches!(it, Item::Q(_)))?;
        let f = found.iter().find(|f| {
            f.k > last_q + 1
                && self.word_at_is(items, f.k + 1, "that")
                && matches!(self.tok(items[f.k - 1]), Some(t) if t.is_punct(','))
                && matches!(self.tok(items[f.k]), Some(t) if t.lex.verb.is_some_and(|v| v.form == Form::Ing))
        })?;
        let speaker = f.speaker.or_else(|| {
            found
                .iter()
                .filter(|o| o.k < f.k && o.finite)
                .max_by_key(|o| o.k)
                .and_then(|o| o.speaker)
        })?;
        Some(Found {
            speaker: Some(speaker),
            finite: true,
            ..*f
        })
    }

    /// Whether the items open a clause of their own: not with a preposition, a subordinating
    /// word, an adverb in `-ly` or a participle, and with a finite verb before any comma.
    fn own_clause_at(&self, items: &[Item]) -> bool {
        let d = self.doc;
        let Some(first) = items.first().and_then(|&it| self.tok(it)) else {
            return false;
        };
        let w = d.word(items_tok(items[0]));
        if !first.is_word()
            || !first.cap
                && (is_preposition(w)
                    || w.ends_with("ly")
                    || w.ends_with("ing")
                    || matches!(
                        w,
                        "as" | "when" | "while" | "if" | "because" | "after" | "before"
                    ))
        {
            return false;
        }
        items
            .iter()
            .skip(1)
            .take_while(|&&it| !matches!(self.tok(it), Some(t) if t.is_punct(',')))
            .any(|&it| self.finite_word(it) || self.past_word(it))
    }
}

/// Where a cue stands against its source and the other cues.
impl State<'_> {
    /// Whether the cue `f` comes before its source (`said Stuart Hensel`, `said a spokesman
    /// for the firm`, `written by Mike Read`): a named source after the verb, or, for an
    /// unnamed one, a determiner and within three words a source noun or post right after it.
    pub(super) fn inverted(&self, items: &[Item], f: &Found) -> bool {
        let d = self.doc;
        // (Only when no verb follows: `said Robert Stearns has joined the firm` reports.)
        let verb_after = items[f.k + 1..].iter().any(|&it| self.finite_word(it));
        if verb_after {
            return false;
        }
        if let Some((a, _)) = f.source {
            return a >= f.cue_toks.1;
        }
        if !matches!(self.tok(items[f.k.saturating_sub(1)]), Some(t) if t.is_punct(',')) {
            return false;
        }
        let mut k = f.k + 1;
        while matches!(items.get(k), Some(&Item::T(t)) if t < f.cue_toks.1) {
            k += 1;
        }
        if matches!(items.get(k), Some(&it) if self.word_is(it, "by")) {
            k += 1;
        }
        let det = matches!(items.get(k).and_then(|&it| self.tok(it)), Some(t) if t.has(class::DET));
        det && items[k + 1..]
            .iter()
            .take(3)
            .map_while(|&it| self.tok(it).filter(|t| t.is_word()))
            .any(|t| t.has(class::SOURCE_NOUN | class::TITLE) && t.lex.verb.is_none())
            && !d.toks[items_tok(items[k])].cap
    }

    /// Whether the words before the cue at item `k` (past auxiliaries and adverbs) end in a
    /// person, a body or a source noun (`the police had said`, `an official called`, `Iran
    /// warned`), not a thing (`the movement ... appeals to`).
    pub(super) fn human_source_before(&self, items: &[Item], k: usize) -> bool {
        let d = self.doc;
        let mut m = k;
        while m > 0 {
            let Some(t) = self.tok(items[m - 1]) else {
                return true;
            };
            if t.is_word()
                && !t.cap
                && (t.has(class::AUX | class::BE)
                    || d.word(items_tok(items[m - 1])).ends_with("ly"))
            {
                m -= 1;
                continue;
            }
            return !t.is_word()
                || t.cap
                || t.has(class::SOURCE_NOUN | class::TITLE | class::PRONOUN | class::ORG)
                || lexicon::role_gender(d.word(items_tok(items[m - 1]))) != 0
                || matches!(
                    d.word(items_tok(items[m - 1])),
                    "i" | "we" | "you" | "they" | "it" | "who" | "which" | "that"
                );
        }
        true
    }

    /// Whether the quote at item `k` is a term of one or two words that modifies the noun
    /// after it (`"B" shares`, `"when issued" trading`).
    fn modifier_term(&self, items: &[Item], k: usize) -> bool {
        let d = self.doc;
        self.quote_words(items, k).is_some_and(|w| w <= 2)
            && matches!(items.get(k + 1), Some(&Item::T(x)) if d.toks[x].is_word()
                && !d.toks[x].cap
                && !is_preposition(d.word(x))
                && !matches!(d.word(x), "and" | "or" | "but" | "as" | "that" | "about"))
    }

    /// The number of words in the quote at item `k` (`None` if it is no quote).
    fn quote_words(&self, items: &[Item], k: usize) -> Option<usize> {
        let d = self.doc;
        let Item::Q(q) = items[k] else { return None };
        let span = d.spans[q];
        Some(
            (span.first..span.last)
                .filter(|&i| d.toks[i].is_word())
                .count(),
        )
    }

    /// Whether a new clause starts between items `a` and `b`: a quote, `;`, or `and`/`but`
    /// after a comma.
    fn coordinated_between(&self, items: &[Item], a: usize, b: usize) -> bool {
        let d = self.doc;
        (a + 1..b).any(|m| match items[m] {
            Item::Q(_) => true,
            Item::T(x) => {
                d.toks[x].is_punct(';')
                    || d.toks[x].is_word()
                        && matches!(d.word(x), "and" | "but" | "while" | "whereas")
                        && matches!(items[m - 1], Item::T(c) if d.toks[c].is_punct(','))
            }
        })
    }

    /// Whether the quote at item `k` is a term of at most three words between a determiner and
    /// a word of the same noun phrase (`the "full" £7.4m`, `an "injury audit" to`).
    fn term_in_noun_phrase(&self, items: &[Item], k: usize) -> bool {
        let Some(words) = self.quote_words(items, k) else {
            return false;
        };
        let det_before = k > 0
            && matches!(self.tok(items[k - 1]), Some(t) if t.is_word() && !t.cap && t.has(class::DET));
        // (a lower-case word, a number or an amount: `£7.4m`)
        let word_after = matches!(items.get(k + 1).and_then(|&it| self.tok(it)),
            Some(t) if t.kind == Kind::Num || t.is_word() && !t.cap
                || [',', '.', ';', ':', '!', '?', ')', '(', '-'].iter().all(|&c| !t.is_punct(c)) && !t.is_word());
        (1..=3).contains(&words) && det_before && word_after
    }
}

/// Which quotes a cue reaches.
impl State<'_> {
    /// Whether the cue `f` may attribute the quote at item `k`. A cue inside dashes or brackets
    /// (`X commented — which the BBC noted — "..."`) reaches only quotes inside them; a quote
    /// that ends a sentence (`"...heads."`) is not the content of a later verb that has its own
    /// clause (`"..." And Mr Goodridge said best film was ...`).
    fn cue_reaches(&self, items: &[Item], f: &Found, k: usize) -> bool {
        let d = self.doc;
        // `the "full" £7.4m ... announced by X`: a term quoted inside a noun phrase is no one's
        // words for a cue that comes after it.
        if f.k > k && self.term_in_noun_phrase(items, k) {
            return false;
        }
        // A colon's subject says what follows the colon, not a term quoted before it (`X, one
        // of the so-called "Blair Babes", told researchers: "..."`).
        if f.k > k && f.cue == Cue::Colon {
            return false;
        }
        if let Some((a, b)) = self.aside(items, f.k) {
            if k < a || k > b {
                return false;
            }
        }
        // A cue does not reach past the end of its sentence into the next one, which opens
        // after a quote ending a sentence (`He told X: "...". Y was quoted saying: "..."`).
        if f.k < k && self.clause_start(items, k).is_some_and(|c| c > f.k) {
            return false;
        }
        // Nor back from deep inside the next sentence (`"...". The charity plans to buy kits
        // and add more lessons.`); `"...". Smith said.` still reaches.
        if f.k > k
            && self
                .clause_start(items, f.k)
                .is_some_and(|c| c > k && f.k - c > 6)
        {
            return false;
        }
        // `"... campaign." According to the Post, officials warned ...`: `according to` opening
        // the next sentence cites for what follows it, not for the quote before it.
        if f.k > k
            && f.cue == Cue::AccordingTo
            && self
                .clause_start(items, f.k)
                .is_some_and(|c| c > k && f.k - c <= 1)
        {
            return false;
        }
        if f.k > k && f.finite {
            if !matches!(items[k], Item::Q(_)) {
                return true;
            }
            // This quote or a later one before the verb ends a sentence (`X explained that
            // "...", in order to "... time." Y told ...`).
            let ends = items[k..f.k].iter().any(|&it| {
                let Item::Q(q) = it else { return false };
                d.quote_ends_sentence(q)
            });
            if ends {
                // `"... fighting." Sharapova said: "In Beijing ..."`: the verb introduces a quote
                // of its own after a colon or comma.
                // (Only for a quote opening the sentence, which then continues the last
                // speaker: one inside a narrative clause stays with the later cue.)
                // (And for any quote before a verb with `back`: `X responds to Y with, "...?"
                // Y then writes back, "..."`.)
                let back = usize::from(self.word_at_is(items, f.k + 1, "back"));
                let own_quote = (k == 0 || back == 1)
                    && items.get(f.k + 1 + back).is_some_and(
                        |&it| matches!(self.tok(it), Some(t) if t.is_punct(':') || t.is_punct(',')),
                    )
                    && matches!(items.get(f.k + 2 + back), Some(Item::Q(_)));
                if own_quote {
                    return false;
                }
                // Words of the verb's own clause after it, up to the sentence end.
                let clause = items[f.k + 1..]
                    .iter()
                    .take_while(|it| matches!(it, Item::T(_)))
                    .filter(|&&it| matches!(self.tok(it), Some(t) if t.is_word() || t.kind == Kind::Num))
                    .count();
                // (Only whom and where for a verb whose subject follows this quote: `"... who
                // knows?" Trump told Britain's ITV television station in an interview`.)
                let next_to = f.k - k <= 5
                    && items[k + 1..f.k].iter().all(|&it| {
                        matches!(self.tok(it), Some(t) if t.is_word()
                            && (t.cap || t.has(class::PRONOUN) || t.lex.classes & class::AUX != 0))
                    })
                    && !self.word_at_is(items, f.k + 1, "by");
                // (Nor for an inverted verb right after the quote, whose words are its source:
                // `"...!" said the 37-year-old veteran.`)
                let inverted = || {
                    items[k + 1..f.k]
                        .iter()
                        .all(|&it| matches!(self.tok(it), Some(t) if !t.is_word()))
                        && self.inverted(items, f)
                };
                if clause >= 3 && (!next_to || self.own_clause(items, f.k)) && !inverted() {
                    return false;
                }
                // (`"... must go." Hart rejected that.`: a verb with a thing for its object
                // answers the quote; it is not its source.)
                let object = items.get(f.k + 1).is_some_and(|&it| {
                    matches!(self.tok(it), Some(t) if t.is_word() && !t.cap)
                        && matches!(
                            d.word(items_tok(it)),
                            "that" | "this" | "it" | "these" | "those" | "them"
                        )
                });
                if object && clause <= 2 {
                    return false;
                }
            }
        }
        true
    }

    /// Whether the words after the cue at item `k` say something of their own (`Y told
    /// reporters the ship was lost`, `Smith called the case "odd"`), rather than only whom it
    /// was said to and where: nothing, a time or place (`said in an interview`), or after a
    /// verb of telling a short noun phrase and then a time or place or nothing (`Trump told
    /// Britain's ITV television station in an interview aired on Monday`).
    fn own_clause(&self, items: &[Item], k: usize) -> bool {
        let d = self.doc;
        // (Verbs of telling someone, not of judging them: `praised Bell's endorsement`.)
        let verb = d.word(items_tok(items[k]));
        let addressee = [
            "told", "tell", "ask", "inform", "assur", "reassur", "remind", "advis", "brief",
            "email", "e-mail", "promis",
        ]
        .iter()
        .any(|p| lexicon::starts_with_ci(verb, p));
        let mut n = 0;
        for (m, &it) in items.iter().enumerate().skip(k + 1) {
            let Item::T(t) = it else {
                return true;
            };
            let tok = &d.toks[t];
            if !tok.is_word() {
                return !tok.is_punct('.');
            }
            let w = d.word(t);
            // (A time or place, not `of`/`about` a topic or `to` an infinitive.)
            if !tok.cap
                && matches!(
                    w,
                    "in" | "on" | "at" | "during" | "after" | "before" | "while" | "via"
                )
            {
                // ... unless a clause of its own follows the adjunct (`had said before the
                // game he would leave`; not a subordinate one: `in an interview aired on
                // Monday when asked how ties would fare`).
                return items[m + 1..]
                    .iter()
                    .take_while(|&&it| {
                        !matches!(self.tok(it), Some(t) if t.is_punct(',') || t.is_word() && matches!(
                            d.word(items_tok(it)),
                            "when" | "if" | "as" | "because" | "while" | "where" | "how" | "whether" | "asked" | "after" | "before" | "since" | "until"
                        ))
                    })
                    .any(|&it| {
                        matches!(it, Item::T(t) if d.toks[t].is_word()
                            && (d.toks[t].lex.classes & (class::AUX | class::PRONOUN) != 0
                                || d.word(t) == "that"))
                    });
            }
            // The addressee: a determiner, possessive, name or plural noun first (`told
            // reporters`, not `asked not to be named`), then names or common nouns.
            let np_word = tok.cap && !tok.has(class::PRONOUN)
                || n == 0
                    && (tok.has(class::DET)
                        || matches!(w, "his" | "her" | "their" | "its")
                        || w.ends_with('s') && tok.lex.classes & class::NEG == 0)
                || n > 0
                    && tok.lex.classes & (class::AUX | class::BE | class::PRONOUN | class::NEG)
                        == 0
                    && tok.lex.verb.is_none()
                    && !is_preposition(w)
                    && w != "that"
                    && !w.ends_with("ed");
            n += 1;
            if !addressee || !np_word || n > 5 {
                return true;
            }
        }
        false
    }

    /// The items of a dash or bracket aside around item `k`: (opening, closing).
    fn aside(&self, items: &[Item], k: usize) -> Option<(usize, usize)> {
        let is_dash = |it: Item| matches!(self.tok(it), Some(t) if matches!(t.kind, Kind::Punct('\u{2014}' | '\u{2013}')));
        let is_open = |it: Item| matches!(self.tok(it), Some(t) if t.is_punct('('));
        let is_close = |it: Item| matches!(self.tok(it), Some(t) if t.is_punct(')'));
        let a = (0..k)
            .rev()
            .find(|&m| is_dash(items[m]) || is_open(items[m]) || is_close(items[m]))?;
        if is_close(items[a]) {
            return None;
        }
        let want_dash = is_dash(items[a]);
        let b = (k + 1..items.len()).find(|&m| {
            if want_dash {
                is_dash(items[m])
            } else {
                is_close(items[m])
            }
        })?;
        // An aside holds no quote of its own between its marks and is short.
        (b - a <= 20 && !items[a..b].iter().any(|it| matches!(it, Item::Q(_)))).then_some((a, b))
    }
}

/// Where a quote is recorded.
impl State<'_> {
    /// Character range of a sentence's items, quotation marks included.
    fn char_range(&self, items: &[Item]) -> [usize; 2] {
        let d = self.doc;
        let first = match items[0] {
            Item::T(i) => i,
            // The opening mark.
            Item::Q(q) => d.spans[q].first.saturating_sub(1),
        };
        let last = match items[items.len() - 1] {
            Item::T(i) => i,
            Item::Q(q) => {
                let s = d.spans[q];
                // The closing mark, or the last token when the quote runs to the paragraph end.
                if s.last < d.toks.len()
                    && d.toks[s.last].para == s.para
                    && matches!(d.toks[s.last].kind, Kind::Mark { .. })
                {
                    s.last
                } else {
                    s.last - 1
                }
            }
        };
        [d.toks[first].cs as usize, tok_char_end(d, last)]
    }

    fn push_quote(&mut self, evidence: &Found, bs: usize, be: usize, direct: bool) {
        let d = self.doc;
        let Some(raw) = d.text.get(bs..be) else {
            return;
        };
        let edge = |c: char| c.is_whitespace() || is_quote_char(c);
        // A reported clause does not open with the punctuation after its cue (`told him, in
        // effect, ...`).
        let lead_edge = |c: char| {
            edge(c) || !direct && matches!(c, ',' | ';' | ':' | '-' | '\u{2013}' | '\u{2014}')
        };
        let text = raw.trim_start_matches(lead_edge).trim_end_matches(edge);
        if text.is_empty() {
            return;
        }
        let lead = raw.len() - raw.trim_start_matches(lead_edge).len();
        let start_b = bs + lead;
        // Character offsets: count from a token we know.
        let start = char_offset(d, start_b);
        let end = start + text.chars().count();
        let (ca, cb) = evidence.cue_toks;
        let cue_text = if cb > ca {
            d.text
                .get(d.toks[ca].bs as usize..d.toks[cb - 1].be as usize)
                .unwrap_or("")
                .to_string()
        } else {
            String::new()
        };
        // The source's words, without a possessive `'s` (`Pope Francis's statement`).
        let source = evidence.source.map(|(a, b)| {
            let poss = if d.toks[b - 1].poss() { 2 } else { 0 };
            [d.toks[a].cs as usize, tok_char_end(d, b - 1) - poss]
        });
        self.quotes.push(Quote {
            speaker: evidence
                .speaker
                .map(|p| self.names.people[p].display.clone()),
            text: text.to_string(),
            direct,
            start,
            end,
            cue: evidence.cue,
            cue_text,
            link: evidence.link,
            confidence: evidence.confidence,
            attribution: [
                evidence.attribution[0].min(start),
                evidence.attribution[1].max(end),
            ],
            source,
        });
    }
}

/// Character offset of the end of token `i`.
fn tok_char_end(d: &Doc, i: usize) -> usize {
    let t = &d.toks[i];
    t.cs as usize
        + d.text
            .get(t.bs as usize..t.be as usize)
            .map_or(0, |s| s.chars().count())
}

/// Character offset of a byte offset that lies inside or at the start of a token.
fn char_offset(d: &Doc, b: usize) -> usize {
    let k = d.toks.partition_point(|t| (t.bs as usize) <= b);
    if k == 0 {
        return d.text.get(..b).map_or(0, |s| s.chars().count());
    }
    let t = &d.toks[k - 1];
    let extra = d
        .text
        .get(t.bs as usize..b)
        .map_or(0, |s| s.chars().count());
    t.cs as usize + extra
}

impl State<'_> {
    /// The person the sentence before this one is about: its named subject or speaker
    /// (`Councillor X was not convinced.`, `X, however, was emphatic.`), the last to become
    /// salient there, when that sentence quotes no one and the article shows the subject a
    /// person (a title, a gender, or a full name opening with a known given name; not `Strong
    /// Oscar contenders Million Dollar Baby and ...`).
    fn previous_subject(&self) -> Option<usize> {
        let d = self.doc;
        let prev = *self.prev_starts.last()?;
        let p = self
            .salient
            .last()
            .filter(|&&(_, at)| at == prev && prev < self.sent_start)
            .map(|&(p, _)| p)?;
        // (quote spans are in text order)
        let i = d.spans.partition_point(|sp| sp.first < prev);
        if d.spans.get(i).is_some_and(|sp| sp.first < self.sent_start) {
            return None;
        }
        let canon = self.canonical(p);
        let person = self.names.people.get(canon)?;
        let shown = person.titled
            || person.gender != 0
            || person.words.len() >= 2 && lexicon::is_given(&person.words[0]);
        shown.then_some(p)
    }
}
