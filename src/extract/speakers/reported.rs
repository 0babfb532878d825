//! Reported clauses: where the words a reported cue reports begin and end (past an adverbial, a
//! wire dateline, or the subject of an inverted cue set off by commas), and the signs of a finite
//! clause the rest of the quote stage reads.
//!
//! Uses the tokens, sentences, the lexicon and `is_preposition` of the names.

use super::lexicon::{class, is_preposition, Form};
use super::sentences::{items_tok, Item};
use super::tokens::Kind;
use super::{Found, Link, State};

/// What a finite cue reports in a sentence (or clause) with no quote.
pub(super) enum Reach {
    /// The items from the first index to before the second.
    Clause(usize, usize),
    /// Nothing itself, but a quote after it is its source's (`X said in a statement.`).
    Introduces,
    /// Nothing.
    Nothing,
}

/// What a reported cue reports.
impl State<'_> {
    /// Whether the cue can report a clause: a finite one, but not a `he said` that no one fits
    /// (it only keeps a quote from going to the last speaker).
    pub(super) fn reports(&self, f: &Found) -> bool {
        let lost_pronoun = f.speaker.is_none()
            && f.link == Link::None
            && f.source
                .is_some_and(|(a, _)| self.doc.toks[a].has(class::PRONOUN));
        f.finite && !lost_pronoun
    }

    /// What the finite cue `f` reports: what follows it, past its own words and an
    /// adverbial, or the clause before an inverted cue or an aside.
    pub(super) fn reach(&self, items: &[Item], f: &Found) -> Reach {
        // After the cue's own words: `told reporters the ship was lost` reports `the ship was
        // lost`.
        let mut s = f.k + 1;
        while matches!(items.get(s), Some(&Item::T(t)) if t < f.cue_toks.1) {
            s += 1;
        }
        // (`terms proposed by X, he ...`: a passive reports nothing after its agent.)
        let passive = self.word_at_is(items, s, "by")
            && matches!(self.tok(items[f.k]), Some(t) if t.lex.verb.is_some_and(|v| v.form == Form::Past));
        s = self.past_adverbial(items, s);
        if matches!(items.get(s), Some(&it) if self.word_is(it, "that")) {
            s += 1;
        }
        let mut e = items.len();
        // `Sales will rise, said Stuart Hensel of the EIU`, `..., said a spokesman for the
        // firm`: after an inverted verb come its source's words; what it reports is the clause
        // before it (nothing when no comma sets that clause off).
        if let Some((a, b)) = self.aside_clause(items, f) {
            s = a;
            e = b;
        } else if self.inverted(items, f) {
            if f.k < 4 || !matches!(self.tok(items[f.k - 1]), Some(t) if t.is_punct(',')) {
                return Reach::Nothing;
            }
            s = self.after_dateline(items);
            e = f.k - 1;
        } else if let Some(before) = self.clause_before_subject(items, f, s) {
            // `The two have agreed to end the war, Minister X said today.`; after the cue only
            // a few words with no verb (`in a statement`), which report nothing.
            let Some(c) = before else {
                return Reach::Introduces;
            };
            s = self.after_dateline(items);
            e = c;
        } else if passive {
            return Reach::Nothing;
        }
        while e > s
            && matches!(self.tok(items[e - 1]), Some(t) if !t.is_word() && t.kind != Kind::Num)
        {
            e -= 1;
        }
        Reach::Clause(s, e)
    }

    /// The cue that reports the clause holding the finite cue `f`, and what it reports: a cue
    /// of `later` (the sentence's cues after `f`) with a person, a body or a source noun as its
    /// source, that ends the sentence and reports the clause before it, `f` included. A cue
    /// there with no source of its own is part of what the later one reports (`X thrilled the
    /// crowds with speeches and promises to fight, Sam Reed said.`, `Stocks fell on fresh
    /// demand worries, dealers said.`: nouns read as verbs), and so is one with an unnamed
    /// source when the later one names its speaker; one whose speaker is named keeps its words,
    /// up to the later cue's comma (`X said sales rose, the paper reported.`).
    pub(super) fn outer_reach(&self, items: &[Item], f: &Found, later: &[Found]) -> (Found, Reach) {
        let reach = self.reach(items, f);
        let Reach::Clause(s, e) = reach else {
            return (*f, reach);
        };
        let outer = later
            .iter()
            .rev()
            .filter(|g| self.reports(g))
            .find_map(|g| {
                let inverted = self.inverted(items, g);
                // (nothing but its source after it: not `his contacts, criticised by Kinshasa,
                // with the rebels amounted to talks`)
                let last = !inverted
                    || !items[g.k + 1..]
                        .iter()
                        .any(|&it| self.finite_word(it) || self.past_word(it));
                let human = g.speaker.is_some() || inverted || self.human_source_before(items, g.k);
                match self.reach(items, g) {
                    // (and a short source: not `..., he said, Congress cannot back away from the
                    // goals set by law he said`)
                    Reach::Clause(a, b)
                        if a <= f.k && f.k < b && b < g.k && g.k - b <= 10 && last && human =>
                    {
                        Some((g, a, b))
                    }
                    _ => None,
                }
            });
        match outer {
            // (an unnamed source inside a named speaker's clause is part of what they said:
            // `Doctors had concluded he was unstable, Tom Gjona said.`)
            Some((g, a, b))
                if f.speaker.is_none()
                    && (g.speaker.is_some() || !self.human_source_before(items, f.k)) =>
            {
                (*g, Reach::Clause(a, b))
            }
            Some((_, _, b)) if f.speaker.is_some() => (*f, Reach::Clause(s, b.min(e))),
            _ => (*f, Reach::Clause(s, e)),
        }
    }
}

/// Where the words a reported cue reports begin and end.
impl State<'_> {
    /// The item after an adverbial that opens what a cue reports, from item `s`: a phrase
    /// opened by a preposition or a time word, with no verb, before `that` (`said on Tuesday
    /// that`, `said in a report published last week that`; not the relative `that` of `said in
    /// the areas that were flooded`), or a day on its own (`said on Sunday it had`); else `s`.
    pub(super) fn past_adverbial(&self, items: &[Item], s: usize) -> usize {
        let d = self.doc;
        let word = |m: usize| match items.get(m) {
            Some(&Item::T(t)) if d.toks[t].is_word() => Some(t),
            _ => None,
        };
        let Some(first) = word(s) else { return s };
        let opens = |t: usize| {
            !d.toks[t].cap
                && (is_preposition(d.word(t))
                    || matches!(
                        d.word(t),
                        "during"
                            | "through"
                            | "via"
                            | "after"
                            | "before"
                            | "late"
                            | "early"
                            | "earlier"
                            | "last"
                            | "this"
                            | "yesterday"
                            | "today"
                            | "later"
                    ))
        };
        // (`said Tuesday that`, `told reporters Monday the plan`: a weekday alone, North
        // American style, is read as `on Tuesday` below.)
        // (the lexicon's time words ending in `day` are the weekdays)
        let weekday = d.toks[first].has(class::TIME)
            && d.toks[first].cap
            && d.word(first).ends_with("day")
            && !d.toks[first].poss();
        if !opens(first) && !weekday {
            return s;
        }
        let that = (s + 1..(s + 8).min(items.len())).find(|&m| self.word_is(items[m], "that"));
        if let Some(t) = that.filter(|_| {
            is_preposition(d.word(first)) || matches!(d.word(first), "during" | "through" | "via")
        }) {
            let adverbial = items[s..t].iter().all(|&it| {
                matches!(self.tok(it), Some(x) if (x.is_word() || x.kind == Kind::Num) && !self.finite_word(it))
            });
            // (`in line with that of`, `the services that Harbour provides`: no clause.)
            let clause = items
                .get(t + 1)
                .is_some_and(|&n| !self.finite_word(n) && !self.word_is(n, "of"))
                && items.len() > t + 3;
            if adverbial && clause {
                return t;
            }
        }
        // `on Sunday`, `on Friday night`, `yesterday`, `last week`
        let mut m = s;
        if matches!(d.word(first), "on" | "last" | "this" | "late" | "early") {
            m += 1;
        }
        let Some(day) = word(m) else { return s };
        if !(d.toks[day].has(class::TIME) && d.toks[day].cap
            || matches!(
                d.word(day),
                "week" | "month" | "year" | "yesterday" | "today"
            ))
        {
            return s;
        }
        m += 1;
        if let Some(t) =
            word(m).filter(|&t| matches!(d.word(t), "night" | "morning" | "afternoon" | "evening"))
        {
            // (not `said Monday night's attack was`)
            if d.toks[t].poss() {
                return s;
            }
            m += 1;
        }
        // (the clause must follow at once: not `said on Monday, adding`; nor a verb, which
        // makes the day its subject: `what he said Sunday morning was`)
        match word(m) {
            Some(_) if weekday && self.finite_word(items[m]) => s,
            // (`said Sunday on CNN that ...`: a second adverbial)
            Some(t) if is_preposition(d.word(t)) && !d.toks[t].cap && d.word(t) != "of" => {
                match self.past_adverbial(items, m) {
                    n if n > m => n,
                    _ => m,
                }
            }
            Some(_) => m,
            None => s,
        }
    }

    /// The item after a wire dateline opening the sentence (`TOKYO, March 30 - `, `RABAT
    /// (Dispatches) - `: a dash within the first ten items after a number or only capitalised
    /// words), else 0.
    pub(super) fn after_dateline(&self, items: &[Item]) -> usize {
        let (mut num, mut lower) = (false, false);
        for (k, &it) in items.iter().enumerate().take(10) {
            let Some(t) = self.tok(it) else { return 0 };
            if k > 0 && matches!(t.kind, Kind::Punct('-' | '\u{2013}' | '\u{2014}')) {
                return if num || !lower { k + 1 } else { 0 };
            }
            num |= t.kind == Kind::Num;
            lower |= t.is_word() && !t.cap;
        }
        0
    }

    /// Whether the item is a lower-case auxiliary, a form of `be`, or a speech verb's past or
    /// `-s` form: a sign of a finite clause (the lexicon knows no other verbs).
    pub(super) fn finite_word(&self, it: Item) -> bool {
        let Some(t) = self.tok(it) else { return false };
        t.is_word()
            && !t.cap
            && (t.has(class::BE)
                || t.lex
                    .verb
                    .is_some_and(|v| matches!(v.form, Form::Past | Form::Third))
                || t.has(class::AUX)
                    && matches!(
                        self.doc.word(items_tok(it)),
                        "has"
                            | "had"
                            | "have"
                            | "would"
                            | "will"
                            | "could"
                            | "should"
                            | "might"
                            | "may"
                            | "must"
                            | "can"
                            | "did"
                            | "does"
                            | "do"
                    ))
    }

    /// Whether the item is a lower-case word in `-ed` or a common irregular past (`Sales rose`,
    /// `prices slumped`, `a spokesman disagreed`).
    pub(super) fn past_word(&self, it: Item) -> bool {
        matches!(self.tok(it), Some(t) if t.is_word() && !t.cap && {
            let w = self.doc.word(items_tok(it));
            w.len() > 3 && w.ends_with("ed") || IRREGULAR_PAST.contains(&w)
        })
    }

    /// `The two have agreed to end the war, UAE Minister X said today on return from Belgrade.`:
    /// a cue whose subject follows a comma and whose own words after it (from item `after`) are
    /// a few with no verb reports the clause before that comma (item index of the comma), when
    /// that clause has a finite verb (not `In a statement on Monday, X said.`). `None` when the
    /// words after the cue may be what it reports; `Some(None)` when they are not and no clause
    /// comes before.
    pub(super) fn clause_before_subject(
        &self,
        items: &[Item],
        f: &Found,
        after: usize,
    ) -> Option<Option<usize>> {
        let finite = |it: Item| self.finite_word(it);
        // (a clause: a finite verb, or a past form: `Sales rose 5 pct`, `prices slumped`)
        let past = |it: Item| self.past_word(it);
        let tail = &items[after.min(items.len())..];
        let tail_words = tail
            .iter()
            .filter(|&&it| matches!(self.tok(it), Some(t) if t.is_word()))
            .count();
        // (`said he wanted to write books`, `said in a statement the price totalled ...`,
        // `told the paper how it works`: only a time or place phrase after the cue)
        let adverbial = match tail
            .iter()
            .find(|&&it| matches!(self.tok(it), Some(t) if t.is_word()))
        {
            None => true,
            Some(&it) => {
                let w = self.doc.word(items_tok(it));
                self.tok(it).is_some_and(|t| t.has(class::TIME))
                    || is_preposition(w)
                    || matches!(w, "today" | "yesterday" | "tonight" | "earlier" | "later")
            }
        };
        if !adverbial
            || tail_words > 6
            || tail.iter().any(|&it| {
                finite(it)
                    || past(it)
                    || self.word_is(it, "that")
                    || matches!(self.tok(it), Some(t) if t.has(class::PRONOUN))
            })
        {
            return None;
        }
        // The subject: back from the cue to a comma, over at most 14 items and no verb.
        let mut c = f.k;
        while c > 0 && f.k - c < 14 {
            let it = items[c - 1];
            if matches!(self.tok(it), Some(t) if t.is_punct(',')) {
                break;
            }
            if c < f.k && finite(it) || !matches!(it, Item::T(_)) {
                return Some(None);
            }
            c -= 1;
        }
        // (no comma within reach: no clause set off before the subject)
        let Some(c) = c
            .checked_sub(1)
            .filter(|&c| matches!(self.tok(items[c]), Some(t) if t.is_punct(',')))
        else {
            return Some(None);
        };
        let words = items[..c]
            .iter()
            .filter(|&&it| matches!(self.tok(it), Some(t) if t.is_word()))
            .count();
        let clause = items[..c].iter().any(|&it| finite(it) || past(it));
        Some((c + 1 < f.k && words >= 3 && clause).then_some(c))
    }
}

/// Asides: an inverted cue set off by commas inside the clause it reports.
impl State<'_> {
    /// `The tone of the campaign, said Mr Milburn, would be ...`, `Currently, says Dr X, the
    /// equipment is ...`: an inverted cue between commas with a finite clause after its source
    /// (and after the source's appositive: `said Paul King, a consultant at Cisco, because ...`).
    /// What it reports, as a range of items: the whole sentence when a subject stands before the
    /// cue (`The tone of the campaign`, `What this means`), else the words after the source (not
    /// the source's name, as read before); the clause before the cue when it has a finite verb.
    /// `None` when the cue is no such aside.
    pub(super) fn aside_clause(&self, items: &[Item], f: &Found) -> Option<(usize, usize)> {
        let d = self.doc;
        let (a, b) = f.source?;
        let comma = |m: usize| matches!(items.get(m), Some(&Item::T(t)) if d.toks[t].is_punct(','));
        if f.k < 2 || !comma(f.k - 1) || a < f.cue_toks.1 {
            return None;
        }
        if items.iter().any(|it| matches!(it, Item::Q(_))) {
            return None;
        }
        // The comma closing the source, then an appositive with no verb up to the next comma.
        let m = items
            .iter()
            .position(|&it| matches!(it, Item::T(t) if t >= b))?;
        if !comma(m) {
            return None;
        }
        let mut s = m + 1;
        if let Some(n) = (s..items.len().min(s + 12)).find(|&n| comma(n)) {
            let appositive = items[s..n]
                .iter()
                .all(|&it| matches!(self.tok(it), Some(t) if t.is_word() && !self.finite_word(it)))
                && matches!(self.tok(items[s]), Some(t) if !t.cap || t.has(class::DET));
            if appositive && n > s {
                s = n + 1;
            }
        }
        let rest = &items[s.min(items.len())..];
        let words = rest
            .iter()
            .filter(|&&it| matches!(self.tok(it), Some(t) if t.is_word()))
            .count();
        if words < 3 || !rest.iter().any(|&it| self.finite_word(it)) {
            return None;
        }
        // (a dash after the cue is no dateline: `In 2004, said X, it was - sadly - over`)
        let start = self.after_dateline(items).min(f.k - 1);
        let before: Vec<usize> = items[start..f.k - 1]
            .iter()
            .filter_map(|&it| match it {
                Item::T(t) if d.toks[t].is_word() => Some(t),
                _ => None,
            })
            .collect();
        // (`One analyst, who declined to be named, said X ... is likely to`, `Hoechst Celanese,
        // a unit of Hoechst AG, said X has been named`: the comma before the cue closes a phrase
        // set in the subject, so the cue is the subject's own verb, no aside.)
        if let Some(c) = (start..f.k - 1).rev().find(|&m| comma(m)) {
            let seg = &items[c + 1..f.k - 1];
            let relative = matches!(seg.first(), Some(&it) if matches!(d.word(items_tok(it)), "who" | "which" | "whose"));
            if relative || !seg.iter().any(|&it| self.finite_word(it)) {
                return None;
            }
        }
        // (`Sales will rise, said X, who added that ...`: a clause before the cue is what it
        // reports, as for any inverted cue; what follows its source has a cue of its own.)
        if items[start..f.k - 1].iter().any(|&it| self.finite_word(it)) {
            return (before.len() >= 3).then_some((start, f.k - 1));
        }
        let subject = before.len() >= 3
            || before.first().is_some_and(|&t| {
                d.toks[t].has(class::DET)
                    || ["what", "how", "why", "where", "whether"]
                        .iter()
                        .any(|w| w.eq_ignore_ascii_case(d.word(t)))
            });
        Some((if subject { start } else { s }, items.len()))
    }
}

/// Common irregular past forms, the sign of a clause where the lexicon knows no verb.
const IRREGULAR_PAST: &[&str] = &[
    "rose",
    "fell",
    "grew",
    "won",
    "lost",
    "cut",
    "set",
    "put",
    "hit",
    "led",
    "paid",
    "sold",
    "bought",
    "held",
    "kept",
    "left",
    "met",
    "ran",
    "sent",
    "spent",
    "stood",
    "went",
    "came",
    "became",
    "began",
    "brought",
    "built",
    "chose",
    "drew",
    "fought",
    "found",
    "got",
    "knew",
    "made",
    "took",
    "gave",
    "saw",
    "shot",
    "slid",
    "struck",
    "thought",
    "understood",
    "sank",
    "shrank",
    "swung",
    "broke",
    "beat",
    "froze",
    "rang",
    "withdrew",
    "overtook",
];
