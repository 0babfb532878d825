//! Attribution: finds the source of a cue. To the left past adverbs, auxiliaries and a bracket
//! (`Gwen Moore (D-Wis.) said`); to the right after a quote or a clause and a comma (`"...," said
//! X`); the sentence's subject for participles, infinitives and `and`/`but` (`, adding that`); and
//! none for passives, negation, nouns (`Pyongyang's appeals`), `declined to comment`, intentions
//! and credit lines.
//!
//! Uses the tokens, sentences, names (through `person_part`), sources and the sentence subject.

use super::lexicon::{class, is_preposition, Form, Strength, Verb};
use super::sentences::{items_tok, Item};
use super::sources::Src;
use super::tokens::Kind;
use super::State;

impl<'d> State<'d> {
    /// Whether the body named before the bracket at item `open` is someone's affiliation
    /// (`Sam Vole of the Centre for Ocean Study (COS) said`, `X, from the Home Appliance Council
    /// (HAC) told`): its name follows `from`/`at`/`with` (and `the`), or `of` after a person's
    /// full name.
    fn affiliation_before(&self, items: &[Item], open: usize) -> bool {
        let d = self.doc;
        let mut m = open;
        while m > 0 && open - m < 12 {
            let Some(t) = self.tok(items[m - 1]) else {
                return false;
            };
            let w = d.word(items_tok(items[m - 1]));
            if t.is_word() && (t.cap || matches!(w, "for" | "and" | "of" | "on" | "the")) {
                m -= 1;
                continue;
            }
            break;
        }
        // `m` is the first item of the run; it may open with `of the` already.
        (m..open).any(|x| {
            let w = d.word(items_tok(items[x]));
            matches!(self.tok(items[x]), Some(t) if t.is_word() && !t.cap)
                && matches!(w, "of" | "from" | "at" | "with")
                && x > 0
                && matches!(items[x - 1], Item::T(p) if d.toks[p].is_word() && d.toks[p].cap && {
                    let s = self.name_start(p, 0);
                    self.person_part(s, p + 1).is_some_and(|(f, t, _)| t - f >= 2)
                })
        }) || m > 0
            && matches!(self.tok(items[m - 1]), Some(t) if t.is_word())
            && matches!(d.word(items_tok(items[m - 1])), "from" | "at" | "with")
    }

    /// Finds the source of the cue at item `k`.
    pub(super) fn cue_source(
        &self,
        items: &[Item],
        k: usize,
        verb: Verb,
        subject: Option<Src>,
    ) -> Src {
        let d = self.doc;
        // `Julie Davis reported from Midway Atoll`, `X contributed reporting`: credit lines.
        if self.word_is(items[k], "reported") && self.word_at_is(items, k + 1, "from")
            || self.word_is(items[k], "reporting")
                && k > 0
                && (self.word_is(items[k - 1], "contributed")
                    || self.word_is(items[k - 1], "additional"))
        {
            return Src::Nothing;
        }
        // `pleaded guilty to`, `pleads not guilty`: a plea in court, not words reported.
        if d.word(items_tok(items[k]))
            .get(..5)
            .is_some_and(|w| w.eq_ignore_ascii_case("plead"))
            && (self.word_at_is(items, k + 1, "guilty")
                || self.word_at_is(items, k + 1, "innocent")
                || self.word_at_is(items, k + 1, "not") && self.word_at_is(items, k + 2, "guilty")
                || self.word_at_is(items, k + 1, "no") && self.word_at_is(items, k + 2, "contest"))
        {
            return Src::Nothing;
        }
        // `the ministry official quoted Garn as saying`: the one quoting is not the speaker.
        if verb.form != Form::Ing && {
            let w = d.word(items_tok(items[k])).to_ascii_lowercase();
            w.starts_with("quot") || w.starts_with("cit")
        } && (k + 1..(k + 8).min(items.len())).any(|m| {
            self.word_is(items[m], "as")
                && matches!(items.get(m + 1), Some(&Item::T(x)) if d.toks[x].lex.verb.is_some_and(|v| v.form == Form::Ing))
        }) {
            return Src::Nothing;
        }
        // Skip adverbs and auxiliaries to the left; note passives and negation.
        let mut j = k;
        let mut passive = false;
        // `Rep. Gwen Moore (D-Wis.) said`: skip a parenthesis before the verb.
        if j >= 2 && matches!(self.tok(items[j - 1]), Some(t) if t.is_punct(')')) {
            let mut m = j - 1;
            while m > 0 && j - m < 8 {
                m -= 1;
                if matches!(self.tok(items[m]), Some(t) if t.is_punct('(')) {
                    // `Bloomsbury Minerals Economics (BME) said`: an acronym names a body.
                    if j - m == 3 {
                        if let Item::T(a) = items[m + 1] {
                            let w = d.word(a);
                            if d.toks[a].upper
                                && !d.caps(a)
                                && !w.contains(['-', '.'])
                                && !self.affiliation_before(items, m)
                            {
                                return Src::Unnamed;
                            }
                        }
                    }
                    j = m;
                    break;
                }
            }
        }
        while j > 0 {
            let Some(t) = self.tok(items[j - 1]) else {
                break;
            };
            // `Boutros-Ghali on Wednesday said`, `Trump on Tuesday night told`: a day between
            // the subject and its verb.
            if let Some(s) = self.day_phrase_before(items, j) {
                j = s;
                continue;
            }
            // `X ... and on Twitter referred to`: a place or medium after `and`/`but`, when the
            // sentence has a subject to go back to (not `Traders here and in Paris said`).
            if j >= 3
                && subject.is_some()
                && matches!(items[j - 1], Item::T(n) if d.name_word(n))
                && matches!(items[j - 2], Item::T(p) if matches!(d.word(p), "on" | "in" | "at" | "via"))
                && matches!(items[j - 3], Item::T(c) if matches!(d.word(c), "and" | "but"))
            {
                j -= 2;
                continue;
            }
            if t.is_punct(')') && j >= 3 {
                // `Robert Menendez (D-N.J.) all suggested`
                let mut m = j - 1;
                let mut found = None;
                while m > 0 && j - m < 8 {
                    m -= 1;
                    if matches!(self.tok(items[m]), Some(t) if t.is_punct('(')) {
                        found = Some(m);
                        break;
                    }
                }
                match found {
                    Some(m) => {
                        j = m;
                        continue;
                    }
                    None => break,
                }
            }
            if !t.is_word() || t.cap && !d.caps(items_tok(items[j - 1])) {
                break;
            }
            if t.lex.classes & class::NEG != 0 {
                return Src::Nothing;
            }
            if t.lex.classes & class::BE != 0 {
                passive = true;
                j -= 1;
                continue;
            }
            if self.adverb_before_verb(items, j) {
                j -= 1;
                continue;
            }
            break;
        }
        if verb.form == Form::Ing
            || verb.form == Form::Base && j > 0 && self.word_is(items[j - 1], "to")
        {
            if verb.form == Form::Ing && j > 0 {
                if let Some(t) = self.tok(items[j - 1]) {
                    if t.has(class::DET) {
                        return Src::Nothing;
                    }
                }
                // `Gazeta Wyborcza quoted Rosati as saying ...`: the one quoted speaks (also
                // past an appositive: `quoted Tim Manning, formerly a deputy administrator at
                // FEMA, as saying`).
                if self.word_is(items[j - 1], "as") {
                    for m in (j.saturating_sub(16)..j - 1).rev() {
                        if let Item::T(q) = items[m] {
                            let w = d.word(q);
                            if w.starts_with("quot") || w.starts_with("cit") {
                                // `Wenger is quoted as saying`, `the boss was quoted as
                                // saying`: the subject of the passive speaks.
                                let passive = m >= 2
                                    && matches!(self.tok(items[m - 1]), Some(b) if b.has(class::BE));
                                if passive && m == j - 2 {
                                    return match self.left_np(items, m - 2) {
                                        n
                                        @ (Src::Name { .. } | Src::Pronoun(..) | Src::Role(_)) => n,
                                        _ => Src::Unnamed,
                                    };
                                }
                                return match self.right_source(items, m + 1) {
                                    n @ (Src::Name { .. } | Src::Pronoun(..)) => n,
                                    _ => Src::Unnamed,
                                };
                            }
                        }
                    }
                }
            }
            if verb.form == Form::Base {
                // `declined to comment`, `refused to say`
                if j >= 2 {
                    if let Some(t) = self.tok(items[j - 2]) {
                        let w = d.word(items_tok(items[j - 2])).to_ascii_lowercase();
                        if t.is_word()
                            && (w.starts_with("declin")
                                || w.starts_with("refus")
                                || w.starts_with("unable")
                                || w.starts_with("fail")
                                || w == "reached")
                        {
                            return Src::Nothing;
                        }
                        // `needs to tell the truth`, `plans to announce`: an intention, not
                        // something said.
                        if t.is_word() && is_intent_word(&w) {
                            return Src::Nothing;
                        }
                    }
                }
            }
            if verb.form == Form::Ing && j > 0 {
                // `his work in predicting`: a participle after a preposition is no speech.
                if matches!(self.tok(items[j - 1]), Some(t) if t.is_word() && !t.cap)
                    && matches!(
                        d.word(items_tok(items[j - 1])),
                        "in" | "of" | "about" | "at" | "on" | "into" | "from" | "to"
                    )
                {
                    return Src::Nothing;
                }
                // `with Zinichev describing the "threat"`: a participle after `with` and a
                // name takes the name.
                if let Some(&Item::T(p)) = items.get(j - 1) {
                    let s = self.name_start(p, 0);
                    let with = s > 0 && d.toks[s - 1].is_word() && d.word(s - 1) == "with";
                    if with && d.name_word(p) && !d.toks[p].poss() {
                        if let n @ Src::Name { .. } = self.left_np(items, j - 1) {
                            return n;
                        }
                    }
                }
            }
            // `comedian Chris Rock, who drew criticism for saying ...`: inside a relative
            // clause, the name it is about.
            if verb.form == Form::Ing {
                if let Some(n) = self.relative_subject(items, j) {
                    return n;
                }
            }
            // Participles and infinitives take the sentence subject.
            return subject.unwrap_or(Src::Nothing);
        }
        // `Pyongyang's appeals`, `the claims`, `his remarks`: nouns, not verbs.
        if j == k && k > 0 && matches!(verb.form, Form::Third | Form::Past | Form::Base) {
            if let Some(p) = self.tok(items[k - 1]) {
                if p.is_word() && (p.poss() || p.has(class::DET)) {
                    return Src::Nothing;
                }
                // `rejected calls for`, `amid claims that`, `guilty to fourteen felony
                // charges`: a verb's `-s` form right after a preposition or another verb, or
                // after a number above one, is a plural noun.
                if verb.form == Form::Third && self.plural_noun_context(items, k) {
                    return Src::Nothing;
                }
                // `the former secretary of state`, `a call for calm`: a bare form after a
                // preposition is a noun (after `to` it is an infinitive, read above).
                if verb.form == Form::Base
                    && p.is_word()
                    && !p.cap
                    && is_preposition(d.word(items_tok(items[k - 1])))
                {
                    return Src::Nothing;
                }
                // `the video signal`, `a phone call`: a weak verb's bare form after a singular
                // common noun is a compound noun (`officials say`, `they call` stay verbs).
                let w = d.word(items_tok(items[k - 1]));
                if verb.form == Form::Base
                    && verb.strength == Strength::Weak
                    && p.is_word()
                    && !p.cap
                    && p.lex.classes & (class::PRONOUN | class::AUX) == 0
                    && !matches!(w, "i" | "we" | "they" | "you" | "to" | "who" | "that")
                    && !w.ends_with('s')
                {
                    return Src::Nothing;
                }
                // `the Demos report looked at`, `domestic demand, increase`, `lower than
                // forecast because`: a bare form that no pronoun, modal or `to` introduces and
                // that a finite verb or a clause's end follows is a noun (not `They report.`,
                // `analysts forecast a rise`).
                if verb.form == Form::Base
                    && p.lex.classes & (class::PRONOUN | class::AUX) == 0
                    && !matches!(
                        w,
                        "i" | "we" | "they" | "you" | "to" | "who" | "that" | "and" | "or"
                    )
                    && self.noun_follows(items, k)
                {
                    return Src::Nothing;
                }
            }
        }
        if verb.form == Form::Past && self.word_at_is(items, k + 1, "by") {
            // `the opinion written by Stevens`, `a statement issued by Jane Smith`
            return match self.right_source(items, k + 2) {
                n @ Src::Name { .. } => n,
                _ => Src::Nothing,
            };
        }
        if passive && verb.form == Form::Past {
            return Src::Nothing;
        }
        if j == 0 {
            return self.invert(items, k, verb);
        }
        match items[j - 1] {
            Item::Q(_) => self.invert(items, k, verb),
            Item::T(ti) => {
                let t = &d.toks[ti];
                if t.is_punct(',') {
                    if j >= 2 {
                        match items[j - 2] {
                            Item::Q(_) => return self.invert(items, k, verb),
                            Item::T(_) => {
                                let src = self.appositive_subject(items, j - 1);
                                // `"..." for Clinton, said Mary Kunin`, `in Europe, said Bob
                                // Mertz`: a name ending a clause (a lower-case word before
                                // it) is no subject set off by the comma; the name after the
                                // verb is the source.
                                if let Src::Name { from, .. } = src {
                                    let in_clause = from > 0
                                        && d.toks[from - 1].is_word()
                                        && !d.toks[from - 1].cap
                                        && !d.toks[from - 1].has(class::DET)
                                        && from < items_tok(items[j - 1]);
                                    if let Some(inv @ Src::Name { to, .. }) =
                                        in_clause.then(|| self.invert(items, k, verb))
                                    {
                                        if self.ends_source(to) {
                                            return inv;
                                        }
                                    }
                                }
                                if matches!(src, Src::Name { .. } | Src::Pronoun(..) | Src::Role(_))
                                {
                                    return src;
                                }
                                // `It is not for the Court to opine, argued the government's
                                // lawyer, Richard Keen.`
                                let inv = self.invert(items, k, verb);
                                // (`A man, who lives nearby, said he was worried`, `An
                                // official, who asked not to be named, said Baker too had
                                // urged`: a pronoun or a name after the verb that a verb
                                // follows is the subject of what was said, not who said it.)
                                return match (inv, src) {
                                    (Src::Nothing, s) => s,
                                    (Src::Pronoun(_, t), s @ Src::Unnamed)
                                        if d.toks[t].has(class::PRONOUN) =>
                                    {
                                        s
                                    }
                                    (Src::Name { to, .. }, s @ Src::Unnamed)
                                        if self.predicate_at(to) =>
                                    {
                                        s
                                    }
                                    (Src::Unnamed, s @ Src::Unnamed) => s,
                                    (i, _) => i,
                                };
                            }
                        }
                    }
                    return Src::Nothing;
                }
                // (`the 34-year-old said`: an age as the subject's head.)
                if t.is_word() || t.kind == Kind::Num && self.describes_known(ti) {
                    let w = d.word(ti);
                    if w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("but") {
                        // `X backed the plan but said ...`
                        return subject.unwrap_or(Src::Nothing);
                    }
                    if w.eq_ignore_ascii_case("who") {
                        // `John Inienger, who told officers ...`
                        return match j.checked_sub(2).map(|c| items[c]) {
                            Some(Item::T(c)) if d.toks[c].is_punct(',') && j >= 3 => {
                                // (`led by Mark Hay, a marine ecologist at GT, who said`: the
                                // name before an appositive.)
                                // (Not after a plural: `from Fields' lawyers, who argued`.)
                                let plural = matches!(items[j - 3], Item::T(p) if !d.toks[p].cap && d.word(p).ends_with('s'));
                                match self.left_np(items, j - 3) {
                                    // (`Kenji Moriyama, Japan's chief cabinet secretary, who
                                    // said`: a post the article gave a name is read as before.)
                                    n @ (Src::Name { .. } | Src::Role(_) | Src::Pronoun(..)) => n,
                                    np if plural => np,
                                    np => match self.appositive_subject(items, j - 2) {
                                        n @ Src::Name { .. } => n,
                                        _ => np,
                                    },
                                }
                            }
                            _ => Src::Nothing,
                        };
                    }
                    let src = self.left_np(items, j - 1);
                    if matches!(src, Src::Unnamed | Src::Role(_)) {
                        // `Marc Ostwald, a strategist at Monument Securities told`, `X, head of
                        // sales at the firm says` (the appositive's closing comma missing).
                        if let Some(n) = self.unclosed_appositive(items, j - 1) {
                            return n;
                        }
                    }
                    return src;
                }
                Src::Nothing
            }
        }
    }
}

/// The source right of a cue (`"...," said X`).
impl State<'_> {
    /// Whether a finite verb starts at token `t` or after one word (`Baker too had urged`).
    fn predicate_at(&self, t: usize) -> bool {
        let d = self.doc;
        (t..t + 2)
            .take_while(|&i| i < d.toks.len() && d.toks[i].is_word() && !d.toks[i].cap)
            .any(|i| self.finite_word(Item::T(i)))
    }

    /// Whether the words from token `t`, after a name right of a verb, only add to that name
    /// up to the clause's end (`said Bob Mertz.`, `said Bob Mertz of Lloyds,`), rather than
    /// make it the subject of what follows (`said Lin and Bode had talked`, `says Mr Hart went
    /// back on`, `says Vale "has ..."`, `claimed outfielder Tom Reyes on waivers and called
    /// up`).
    fn ends_source(&self, t: usize) -> bool {
        let d = self.doc;
        for i in t..(t + 12).min(d.toks.len()) {
            let tk = &d.toks[i];
            if tk.is_word() {
                if matches!(d.word(i), "and" | "or")
                    || self.finite_word(Item::T(i))
                    || self.past_word(Item::T(i))
                {
                    return false;
                }
            } else if tk.kind != Kind::Num {
                return !matches!(tk.kind, Kind::Mark { .. });
            }
        }
        true
    }

    /// The source after an inverted verb (`"...," said X`).
    fn invert(&self, items: &[Item], k: usize, verb: Verb) -> Src {
        if verb.takes_addressee || verb.form == Form::Ing {
            return Src::Nothing;
        }
        self.right_source(items, k + 1)
    }
}

impl State<'_> {
    /// The name a relative clause still open at item `j` is about, where a participle follows
    /// a preposition there (`X, who drew criticism for`, `X, who has filed lawsuits after`):
    /// `who` after a comma and a name, with only words between it and `j`. (Not a participle
    /// as an adjective: `Y, who was at the heart of the attacking play`.)
    fn relative_subject(&self, items: &[Item], j: usize) -> Option<Src> {
        let d = self.doc;
        let Some(Item::T(p)) = j.checked_sub(1).map(|p| items[p]) else {
            return None;
        };
        if !matches!(
            d.word(p),
            "for" | "by" | "after" | "before" | "while" | "when" | "without"
        ) {
            return None;
        }
        let mut m = j;
        while m > 2 && j - m < 15 {
            m -= 1;
            let Item::T(x) = items[m] else { return None };
            if !d.toks[x].is_word() {
                return None;
            }
            if d.word(x) == "who" {
                let comma = matches!(items[m - 1], Item::T(c) if d.toks[c].is_punct(','));
                return match self.left_name(items, m - 2) {
                    n @ Src::Name { .. } if comma => Some(n),
                    _ => None,
                };
            }
        }
        None
    }

    /// Whether what follows the bare form at item `k` shows it to be a noun: a comma, a full
    /// stop or a semicolon, or a verb's past form or a form of `be` or `have` (`the report
    /// looked at`, `the forecast was`, `the Tower report made public`).
    fn noun_follows(&self, items: &[Item], k: usize) -> bool {
        let d = self.doc;
        match items.get(k + 1) {
            None => true,
            Some(Item::Q(_)) => false,
            Some(&Item::T(n)) => {
                let t = &d.toks[n];
                matches!(t.kind, Kind::Punct(',' | '.' | ';'))
                    || t.is_word()
                        && !t.cap
                        && (t.has(class::BE)
                            || matches!(d.word(n), "has" | "had" | "have")
                            || d.word(n).len() > 3 && d.word(n).ends_with("ed")
                            // (irregular: `the Tower report made public today`)
                            || matches!(
                                d.word(n),
                                "made" | "held" | "given" | "taken" | "sent" | "shown"
                                    | "known" | "written" | "kept" | "left" | "brought" | "done"
                                    | "led" | "won" | "lost" | "paid" | "sold" | "built" | "seen"
                            ))
            }
        }
    }
}

/// Words a cue's form could take that are no cue here.
impl State<'_> {
    /// Whether the `-s` form at item `k` reads as a plural noun: right after a preposition, a
    /// speech verb's past or `-s` form (`denies charges`) or a lower-case `-ed` or `-ing` word
    /// (`giving states more power`), after a possessive pronoun (`his earnings estimates`), or
    /// after a number other than one with at most one lower-case word between.
    fn plural_noun_context(&self, items: &[Item], k: usize) -> bool {
        let d = self.doc;
        let Some(Item::T(p)) = k.checked_sub(1).map(|x| items[x]) else {
            return false;
        };
        let t = &d.toks[p];
        let w = d.word(p);
        if t.is_word()
            && !t.cap
            && (is_preposition(w)
                || matches!(w, "amid" | "about" | "against")
                || t.lex
                    .verb
                    .is_some_and(|v| matches!(v.form, Form::Past | Form::Third))
                || w.ends_with("ed")
                || w.ends_with("ing") && !w.ends_with("thing") && w.len() > 5)
        {
            return true;
        }
        // `his earnings estimates`, `their own reports`: after a possessive pronoun and at most
        // one more word.
        let possessive = |x: usize| matches!(items[x], Item::T(q) if matches!(d.word(q), "his" | "her" | "its" | "their" | "our" | "my" | "your"));
        if possessive(k - 1)
            || k >= 2 && t.is_word() && !t.cap && t.lex.verb.is_none() && possessive(k - 2)
        {
            return true;
        }
        let number = |x: usize| {
            let w = d.word(x);
            d.toks[x].kind == Kind::Num && w != "1"
                || matches!(
                    w,
                    "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "seven"
                        | "eight"
                        | "nine"
                        | "ten"
                        | "eleven"
                        | "twelve"
                        | "thirteen"
                        | "fourteen"
                        | "fifteen"
                        | "twenty"
                        | "dozens"
                        | "hundreds"
                        | "thousands"
                        | "several"
                        | "many"
                        | "numerous"
                )
        };
        number(p)
            || t.is_word()
                && !t.cap
                && matches!(k.checked_sub(2).map(|x| items[x]), Some(Item::T(q)) if number(q))
    }
}

/// Words before `to` + infinitive that make it an intention or obligation (`needs to say`,
/// `is going to announce`, `has to explain`), lower-cased.
fn is_intent_word(w: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "want", "need", "plan", "hope", "hoping", "expect", "intend", "wish", "seek", "aim",
        "prepar", "tries", "tried", "trying", "likely", "unlikely", "sought", "yet",
    ];
    PREFIXES.iter().any(|p| w.starts_with(p))
        || matches!(
            w,
            "try" | "going" | "ought" | "able" | "has" | "have" | "had" | "about" | "set" | "due"
        )
}

/// Time phrases, auxiliaries and adverbs between a subject and its verb.
impl State<'_> {
    /// Whether item `j - 1` is an auxiliary or an adverb between a subject and its verb
    /// (`has`, `also`, `repeatedly`, `has since`, `has long`).
    fn adverb_before_verb(&self, items: &[Item], j: usize) -> bool {
        let d = self.doc;
        let Some(t) = self.tok(items[j - 1]) else {
            return false;
        };
        let w = d.word(items_tok(items[j - 1]));
        t.lex.classes & class::AUX != 0
            || w.ends_with("ly")
            || matches!(
                w,
                "now"
                    | "also"
                    | "then"
                    | "later"
                    | "again"
                    | "still"
                    | "once"
                    | "often"
                    | "never"
                    | "always"
                    | "already"
                    | "just"
                    | "even"
                    | "soon"
                    | "too"
                    | "each"
                    | "both"
            )
            // (`has since said`, `has long argued`)
            || matches!(w, "since" | "long")
                && j >= 2
                && matches!(self.tok(items[j - 2]), Some(a) if a.has(class::AUX) && !a.cap)
    }

    /// The item where `on Wednesday`, `on Tuesday night`, `last week` or `in a statement`
    /// starts, when it ends just before item `j` and follows a word of the subject (a name, a
    /// pronoun, a noun: `The council on Wednesday called`), not a preposition or a determiner.
    fn day_phrase_before(&self, items: &[Item], j: usize) -> Option<usize> {
        let d = self.doc;
        let word = |m: usize| match items.get(m) {
            Some(&Item::T(t)) if d.toks[t].is_word() => Some(t),
            _ => None,
        };
        let mut m = j.checked_sub(1)?;
        let last = word(m)?;
        // (a name, a pronoun or a person's noun: not `protests after last week`)
        let subject_at = |s: usize| {
            s.checked_sub(1).and_then(word).is_some_and(|x| {
                let t = &d.toks[x];
                !t.has(class::TIME)
                    && (t.cap || t.has(class::PRONOUN | class::SOURCE_NOUN | class::TITLE))
            })
        };
        // `X last week said`, `X this month told`, `X in a statement said`, `X in an
        // interview told`.
        if m >= 2 {
            let (a, b) = (word(m - 2), word(m - 1));
            let time = !d.toks[last].poss()
                && (matches!(d.word(last), "week" | "month" | "year" | "weekend")
                    || d.toks[last].has(class::TIME));
            if b.is_some_and(|b| matches!(d.word(b), "last" | "this") && !d.toks[b].cap) && time {
                return subject_at(m - 1).then_some(m - 1);
            }
            if a.is_some_and(|a| d.word(a) == "in")
                && b.is_some_and(|b| matches!(d.word(b), "a" | "an" | "his" | "her" | "their"))
                && d.toks[last].has(class::SPEECH_NOUN)
            {
                return subject_at(m - 2).then_some(m - 2);
            }
        }
        if matches!(d.word(last), "night" | "morning" | "afternoon" | "evening") {
            m = m.checked_sub(1)?;
        }
        let day = word(m)?;
        let is_day = d.toks[day].cap
            && d.toks[day].has(class::TIME)
            && d.word(day)
                .len()
                .checked_sub(3)
                .and_then(|n| d.word(day).get(n..))
                .is_some_and(|t| t.eq_ignore_ascii_case("day"));
        let on = m.checked_sub(1).and_then(word)?;
        let subject = m.checked_sub(2).and_then(word)?;
        (is_day
            && d.word(on) == "on"
            && !is_preposition(d.word(subject))
            && !d.toks[subject].has(class::DET))
        .then_some(m - 1)
    }
}
