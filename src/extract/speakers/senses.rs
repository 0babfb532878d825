//! Senses: a speech verb used in a sense that reports no speech (`wrote and produced the
//! series`, `added to his tally`, `claimed the title`, `swore in four secretaries`, `asked not
//! to be named`).
//!
//! Uses the tokens, sentences and the lexicon.

use super::lexicon::{self, class, Form};
use super::sentences::{items_tok, Item};
use super::tokens::Kind;
use super::State;

/// Speech verbs used in a sense that reports no speech.
impl State<'_> {
    /// `wrote and produced the series`, `added to his tally`, `claimed the title`: a verb
    /// joined to the next one by `and`/`or`, `add` before `to`, and `claim` with a noun phrase
    /// and no clause (`claimed the vote was rigged` stays speech).
    pub(super) fn other_sense(&self, items: &[Item], k: usize) -> bool {
        let d = self.doc;
        let w = d.word(items_tok(items[k]));
        let starts = |p: &str| lexicon::starts_with_ci(w, p);
        let next = |n: usize| match items.get(k + n) {
            Some(&Item::T(j)) if d.toks[j].is_word() => Some(j),
            _ => None,
        };
        let Some(j) = next(1) else {
            return false;
        };
        let nw = d.word(j);
        if matches!(nw, "and" | "or") {
            return true;
        }
        // `has since responded with impressive performances` (not `responded with a statement`,
        // `with a phrase`, `with chants of`).
        let said_thing = |a: usize| {
            d.toks[a].has(class::SPEECH_NOUN)
                || matches!(
                    d.word(a),
                    "phrase"
                        | "chant"
                        | "chants"
                        | "words"
                        | "question"
                        | "questions"
                        | "quip"
                        | "retort"
                        | "joke"
                        | "jibe"
                        | "barb"
                        | "answer"
                        | "reply"
                        | "line"
                )
        };
        if starts("respond") && nw == "with" && !(2..=4).any(|n| next(n).is_some_and(said_thing)) {
            return true;
        }
        // `often referred to as "The Lion Man"`: a name others use, no one speaking (not
        // `which Ross has referred to as "a stunt"`).
        if starts("refer") && nw == "to" && next(2).is_some_and(|a| d.word(a) == "as") {
            let have = |w: &str| matches!(w, "has" | "have" | "had");
            let mut b = k;
            while b > 0
                && matches!(self.tok(items[b - 1]), Some(t) if t.is_word() && !t.cap && {
                    let w = d.word(items_tok(items[b - 1]));
                    (w.ends_with("ly") || t.has(class::AUX)) && !have(w)
                })
            {
                b -= 1;
            }
            let active = b > 0
                && matches!(self.tok(items[b - 1]), Some(t) if t.is_word()
                    && (t.has(class::PRONOUN) || have(d.word(items_tok(items[b - 1]))) || d.name_word(items_tok(items[b - 1]))));
            if !active {
                return true;
            }
        }
        if starts("add") && nw == "to" {
            return true;
        }
        // `Y will continue to be "a champion"`, `the city must continue to cut its "wasteful"
        // costs`: `continue to` goes on doing, it says nothing (`he continued:`
        // and `"...," he continued.` stay speech).
        if starts("continu") && nw == "to" {
            return true;
        }
        // `who asked not to be named`, `requested anonymity`: a condition of speaking, not
        // what was said.
        if starts("ask") || starts("request") {
            let word = |i: usize| next(i).map(|t| d.word(t).to_ascii_lowercase());
            let anonymous = (1..=4).any(|i| word(i).is_some_and(|w| w.starts_with("anonym")));
            let not_named = matches!(
                (word(1).as_deref(), word(2).as_deref(), word(3).as_deref()),
                (Some("not"), Some("to"), Some("be")) | (Some("to"), Some("not"), Some("be"))
            ) && word(4).is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "named" | "identified" | "quoted" | "used" | "publicly"
                )
            });
            if anonymous || not_named {
                return true;
            }
        }
        // `swore in four new secretaries`, `swore her in at a ceremony`: an oath given, not
        // words said (not `swore in court that ...`).
        if starts("swor") || starts("swear") {
            let oath = (1..=4).any(|i| {
                next(i).is_some_and(|t| d.word(t) == "in")
                    && (1..i).all(|b| next(b).is_some_and(|t| d.word(t) != "that"))
                    && match items.get(k + i + 1) {
                        Some(&Item::T(a)) => {
                            let t = &d.toks[a];
                            !t.is_word()
                                || t.cap
                                || t.kind == Kind::Num
                                || t.has(class::DET)
                                || matches!(d.word(a), "at" | "as" | "on" | "by")
                        }
                        Some(Item::Q(_)) => false,
                        None => true,
                    }
            });
            // (`swore in four new secretaries`: right after the verb, when no `that` follows.)
            let right_after =
                nw == "in" && !items[k + 1..].iter().any(|&it| self.word_is(it, "that"));
            if oath || right_after {
                return true;
            }
        }
        if starts("claim")
            && (d.toks[j].has(class::DET) || matches!(nw, "his" | "her" | "their" | "its"))
        {
            // No finite verb or quote before the clause ends: a thing won, not a claim made.
            let mut clause = items[k + 1..].iter().take_while(|&&it| match it {
                Item::Q(_) => true,
                Item::T(t) => d.toks[t].is_word(),
            });
            return !clause.any(|&it| {
                let Item::T(ti) = it else {
                    return true;
                };
                let t = &d.toks[ti];
                let w = d.word(ti);
                t.lex.classes & (class::AUX | class::BE) != 0
                    || t.lex
                        .verb
                        .is_some_and(|v| matches!(v.form, Form::Past | Form::Third))
                    || w == "that"
                    || w.len() > 3 && w.ends_with("ed")
            });
        }
        false
    }
}
