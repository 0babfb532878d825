//! Names: reads every capitalised run as a candidate name (which part of it is a person's name:
//! `runs`), registers the article's people in [`Names`] with their gender and roles, and
//! resolves a name in a sentence to a person (the short forms are linked to the fullest names in
//! `links`).
//!
//! Uses the tokens, the name runs, the people index and the lexicon.

use super::lexicon::{self, class, is_preposition, is_title_modifier};
use super::people::{has_name_key, name_key, surname, Names};
use super::person::{courtesy_words, person_probability};
use super::runs::opens_sentence;
use super::tokens::{company_word, Doc, Kind, Tok};
use super::State;

/// The article's people: registering the names of the body and the headline.
impl<'d> State<'d> {
    /// The gender a kinship or gendered role noun gives the name at tokens `i..e`: just
    /// before it (`his wife Laura`, `Mr Begg's father, Azmat,`) or heading an appositive after
    /// it (`Hatice Cengiz, fiancée of ...`).
    fn role_gender_near(&self, i: usize, e: usize) -> u8 {
        let d = self.doc;
        let n = d.toks.len();
        if e < n && d.toks[e].is_punct(',') {
            for k in e + 1..(e + 5).min(n) {
                let t = &d.toks[k];
                if !t.is_word() || t.cap {
                    break;
                }
                let w = d.word(k);
                let g = lexicon::role_gender(w);
                if g != 0 {
                    return g;
                }
                if t.lex.classes & class::DET == 0 || matches!(w, "his" | "her" | "their") {
                    break;
                }
            }
        }
        let mut k = i;
        if k > 0 && d.toks[k - 1].is_punct(',') {
            k -= 1;
        }
        if k > 0 && d.toks[k - 1].is_word() && !d.toks[k - 1].cap {
            return lexicon::role_gender(d.word(k - 1));
        }
        0
    }

    /// Collects every person name the body gives, fullest forms first found.
    pub(super) fn register_names(&mut self) {
        let d = self.doc;
        let n = d.toks.len();
        let mut i = 0;
        while i < n {
            if !d.name_word(i) || d.is_byline(i) {
                i += 1;
                continue;
            }
            let end = self.name_end(i, n);
            // `O Globo daily`, `the newspaper Yedioth Ahronoth`: a body's name.
            let org_noun = |k: usize| {
                d.toks.get(k).is_some_and(|t| {
                    t.is_word()
                        && !t.cap
                        && !t.poss()
                        && matches!(
                            d.word(k),
                            "daily"
                                | "newspaper"
                                | "weekly"
                                | "paper"
                                | "magazine"
                                | "tabloid"
                                | "agency"
                                | "firm"
                                | "company"
                                | "bank"
                                | "broadcaster"
                                | "network"
                                | "channel"
                                | "website"
                                | "group"
                                | "club"
                        )
                })
            };
            // `Velvet Harbour frontwoman Tessa Lind`: a band, team or body before a role
            // noun and a name (not a person's name: `Hart adviser Tom Bell` names Hart
            // elsewhere).
            let affiliation = !d.toks[end - 1].poss()
                && !lexicon::is_given(d.word(i))
                && d.toks.get(end).is_some_and(|t| {
                    t.is_word()
                        && !t.cap
                        && t.lex.classes & (class::TITLE | class::SOURCE_NOUN) != 0
                })
                && d.toks
                    .get(end + 1)
                    .is_some_and(|t| t.cap && d.name_word(end + 1));
            if affiliation {
                i = end;
                continue;
            }
            // `the aerospace group EADS Philippe Camus`: the body's acronym, then a person's
            // name (a known given name, a surname the article writes after `Mr`, or a name the
            // person test believes).
            if i > 0 && org_noun(i - 1) && end - i >= 3 {
                if let Some(g) = (i + 1..end - 1).find(|&g| {
                    d.toks[g - 1].upper
                        && !d.caps(g)
                        && !d.toks[g].upper
                        && (g..end).all(|x| {
                            d.toks[x].lex.classes & (class::ORG | class::PLACE | class::TIME) == 0
                        })
                        && (lexicon::is_given(d.word(g)) || {
                            let courtesy = self.courtesy.get_or_insert_with(|| courtesy_words(d));
                            let last = name_key(d.word(end - 1));
                            courtesy.contains(&last)
                                || person_probability(d, g, end, courtesy) >= 0.5
                        })
                }) {
                    for k in i..g {
                        self.org_names.insert(name_key(d.word(k)));
                    }
                    i = g;
                    continue;
                }
            }
            // (`Caesars World Inc <CAW>`, `CAESARS WORLD <CAW> SAYS`: a wire ticker after a
            // name makes it a body's.)
            let ticker =
                d.toks.get(end).is_some_and(|t| t.is_punct('<')) && d.ticker_end(end).is_some();
            // (`Cheung Kong (Holdings) Ltd`: a body's word alone in a bracket after the name.)
            let bracketed_body = end + 2 < d.toks.len()
                && d.toks[end].is_punct('(')
                && d.toks[end + 1].cap
                && d.toks[end + 1].has(class::ORG)
                && d.toks[end + 2].is_punct(')');
            // (`the official Tanjug news agency`: `news` before a body's noun.)
            let news_body = d.toks.get(end).is_some_and(|t| t.is_word() && !t.cap)
                && d.word(end) == "news"
                && org_noun(end + 1);
            // (`General Harbour Co`: a company's word ends a run of three words or more that
            // opens with no given name, initial or `Mr`/`Mrs`; `General Harbour said` elsewhere is the
            // same body. Not `Campeau Corp`, `H.J. Heinz Co`, `Mrs Fields Inc`: a founder's name.)
            let company_end = end - i >= 3
                && company_word(d, end - 1)
                && !lexicon::is_given(d.word(i))
                && !lexicon::is_courtesy_title(d.word(i))
                && !d.word(i).contains('.');
            if company_end {
                self.org_names.insert(name_key(d.word(end - 2)));
            }
            if !d.toks[end - 1].poss()
                && (org_noun(end)
                    || news_body
                    || ticker
                    || bracketed_body
                    || i > 0 && org_noun(i - 1) && !d.toks[i].has(class::TITLE))
            {
                let last = name_key(d.word(end - 1));
                self.org_names.insert(last);
                i = end;
                continue;
            }
            if let Some((s, e, titled)) = self.person_part(i, end) {
                // `midfielder Deco`, `a student named Wong`: one name after a role noun.
                let titled = titled || e - s == 1 && s == i && self.role_named(i);
                if e - s == 1 && !titled && d.toks[i].quote == 0 && opens_sentence(d, i) {
                    self.lone.push((i, s));
                }
                if e - s >= 2 || titled {
                    let idx = self.add_person(s, e);
                    self.names.people[idx].titled |= titled;
                    // (a gendered title before the name, `Mrs`, `Lady`: not a place that is
                    // also a given name, `Virginia Gov. Terry McAuliffe`)
                    let mut g = 0;
                    for k in i..s {
                        if d.toks[k].lex.classes & class::PLACE == 0 {
                            g = g.max(lexicon::gender(d.word(k)));
                        }
                    }
                    if g == 0 && e - s >= 2 {
                        g = lexicon::gender(d.word(s));
                    }
                    if g == 0 {
                        g = self.role_gender_near(i, e);
                    }
                    if d.toks[i].quote == 0 {
                        self.names.mentions.push((i, idx));
                    }
                    if g != 0 && self.names.people[idx].gender == 0 {
                        self.names.people[idx].gender = g;
                    }
                    // Roles: the titles stripped, and role nouns just before the name.
                    let mut roles: Vec<String> = Vec::new();
                    for k in i..s {
                        roles.push(d.word(k).to_lowercase());
                        for &t in lexicon::title_nouns(d.word(k)) {
                            self.names
                                .title_roles
                                .entry(t.to_string())
                                .or_default()
                                .push((i, idx));
                        }
                    }
                    let mut k = i;
                    while k > 0 && i - k < 5 {
                        let t = &d.toks[k - 1];
                        if t.is_word() && !t.cap && person_role(t) {
                            roles.push(d.word(k - 1).to_lowercase());
                            k -= 1;
                        } else if t.is_word() && !t.cap && t.lex.classes & class::STOP == 0 {
                            k -= 1;
                        } else {
                            break;
                        }
                    }
                    // An appositive after the name: `Smith, the foreign minister,`
                    if e < n && d.toks[e].is_punct(',') {
                        let mark = roles.len();
                        let mut k = e + 1;
                        while k < n && k < e + 10 && d.toks[k].is_word() {
                            let t = &d.toks[k];
                            // Only the head: `deputy to the U.S. Ambassador` is a deputy.
                            if is_preposition(d.word(k)) {
                                break;
                            }
                            if person_role(t) {
                                roles.push(d.word(k).to_lowercase());
                            }
                            if t.lex.verb.is_some() && !t.cap {
                                break;
                            }
                            k += 1;
                        }
                        // (none from a description that is a subject of its own before its
                        // verb: `Wang Lin, the pressure group Rights Watch said`)
                        let verb = (e + 1..n.min(e + 14))
                            .take_while(|&k| d.toks[k].is_word() || d.toks[k].is_punct('-'))
                            .find(|&k| d.toks[k].lex.verb.is_some() && !d.toks[k].cap);
                        if verb.is_some_and(|v| d.description_is_subject(e + 1, v)) {
                            roles.truncate(mark);
                        }
                    }
                    // An appositive before the name: `Russia's ambassador, Vassily Nebenzia,`
                    if s == i && i >= 2 && d.toks[i - 1].is_punct(',') {
                        let mut k = i - 1;
                        let mark = roles.len();
                        while k > 0 && i - k < 8 && d.toks[k - 1].is_word() {
                            let t = &d.toks[k - 1];
                            if is_preposition(d.word(k - 1)) {
                                // What came after the preposition was its object.
                                roles.truncate(mark);
                            } else if person_role(t) {
                                roles.push(d.word(k - 1).to_lowercase());
                            }
                            k -= 1;
                        }
                    }
                    for r in roles {
                        self.names.roles.entry(r).or_default().push((i, idx));
                    }
                }
            }
            i = end.max(i + 1);
        }
    }

    /// Whether the word before token `i` is a singular role noun in lower case (`midfielder
    /// Deco`) or `named`, so that the one capitalised word at `i` is a person's name.
    fn role_named(&self, i: usize) -> bool {
        let d = self.doc;
        if i == 0 {
            return false;
        }
        let p = &d.toks[i - 1];
        let w = d.word(i - 1);
        p.is_word()
            && !p.cap
            && p.para == d.toks[i].para
            && (w == "named"
                || p.lex.classes & (class::TITLE | class::SOURCE_NOUN) != 0
                    && !w.ends_with('s')
                    && !is_title_modifier(w)
                    // after a determiner or a name (`Barca midfielder Deco`), not after more
                    // title words (`senior vice president Boeing`)
                    && i >= 2
                    && {
                        let b = &d.toks[i - 2];
                        b.is_word() && (b.cap || b.poss() || b.has(class::DET))
                    })
            && !d.toks[i].upper
    }

    /// Names the headline gives in full that the body shortens (`Hillary Clinton Goes After
    /// ...` over a body that only says `Clinton`): a run from a known given name whose last
    /// word the body also writes as a name.
    pub(super) fn register_headline_names(&mut self, head: &Doc) {
        let d = self.doc;
        let n = head.toks.len();
        // Whether the body writes this word capitalised, and never in lower case.
        let in_body = |w: &str| {
            !d.seen_lower_word(w)
                && d.toks
                    .iter()
                    .enumerate()
                    .any(|(k, t)| t.cap && d.word(k).eq_ignore_ascii_case(w))
        };
        let mut i = 0;
        while i < n {
            if !head.name_word(i) {
                i += 1;
                continue;
            }
            let mut e = i;
            while e < n && head.name_word(e) && head.toks[e].quote == head.toks[i].quote {
                e += 1;
                if head.toks[e - 1].poss() {
                    break;
                }
            }
            // From a known given name, or from the word after a title (`Coach Diego Ferraz`).
            let start = (i..e).find(|&k| {
                !head.toks[k].has(class::TITLE)
                    && (lexicon::is_given(head.word(k))
                        || k > i && head.toks[k - 1].has(class::TITLE))
            });
            if let Some(g) = start {
                let clean = |k: usize| {
                    let t = &head.toks[k];
                    t.lex.classes & (class::ORG | class::PLACE | class::DEMONYM | class::TIME) == 0
                        && (!t.upper || head.word(k).contains('.'))
                };
                // After a title only a two-word name (`Coach Diego Ferraz`, not `Star Mom
                // Corners Obama`).
                let longest = if lexicon::is_given(head.word(g)) {
                    g + 4
                } else {
                    g + 2
                };
                let best = (g + 2..=e.min(longest))
                    .take_while(|&end| clean(end - 1))
                    .filter(|&end| in_body(head.word(end - 1)))
                    .last();
                if let Some(end) = best {
                    let words: Vec<String> = (g..end).map(|k| name_key(head.word(k))).collect();
                    let key = words.join(" ");
                    if !self.names.by_key.contains_key(&key) {
                        let display = name_text(head, g, end);
                        self.names.add(key, words, display);
                    }
                }
            }
            i = e.max(i + 1);
        }
    }
}

/// Resolving a name in a sentence to a registered person.
impl<'d> State<'d> {
    /// The fullest name of person `p`: its aliases followed (at most four links).
    pub(super) fn canonical(&self, mut p: usize) -> usize {
        for _ in 0..4 {
            match self.names.people.get(p).and_then(|x| x.alias) {
                Some(a) => p = a,
                None => break,
            }
        }
        p
    }

    fn add_person(&mut self, s: usize, e: usize) -> usize {
        let d = self.doc;
        let mut key = std::mem::take(&mut self.key_buf);
        key.clear();
        for k in s..e {
            if k > s {
                key.push(' ');
            }
            // (as `name_key` does, without a string per word)
            for c in d.word(k).chars().flat_map(char::to_lowercase) {
                key.push(if matches!(c, '\u{2019}' | '\u{2018}') {
                    '\''
                } else {
                    c
                });
            }
        }
        if let Some(&k) = self.names.by_key.get(key.as_str()) {
            self.key_buf = key;
            return k;
        }
        let words: Vec<String> = key.split(' ').map(str::to_string).collect();
        let display = name_text(d, s, e);
        let k = self.names.add(key.clone(), words, display);
        self.key_buf = key;
        k
    }

    /// Resolves name tokens to a registered person (the fullest name with the same last word
    /// that contains every word of this one).
    pub(super) fn resolve(&mut self, from: usize, to: usize, titled: bool) -> Option<usize> {
        let d = self.doc;
        let words: Vec<String> = (from..to).map(|k| name_key(d.word(k))).collect();
        let last = surname(&words)?;
        if self.org_names.contains(last) {
            return None;
        }
        let names: &Names = match self.headline_of {
            Some(p) => p,
            None => &self.names,
        };
        let pool = &names.people;
        let mut best: Option<usize> = None;
        for &k in names.with_surname(last) {
            let p = &pool[k];
            if !words.iter().all(|w| p.words.contains(w)) {
                continue;
            }
            if best.is_none_or(|b| names.fuller(b, k)) {
                best = Some(k);
            }
        }
        // A lone surname matching only itself is a person when a title introduced it
        // (`President Obama` ... `Obama said`), after first names (`Sir John`).
        let mut titled_single = None;
        if words.len() == 1 && best.is_some_and(|b| pool[b].words.len() == 1) {
            titled_single = best.filter(|&b| pool[b].titled);
            best = None;
        }
        if best.is_none() && words.len() == 1 {
            // `Sir John`, `Mr Begg's father, Azmat,`: a first name of exactly one person.
            if let [k] = names.with_first(last) {
                best = Some(*k);
            }
        }
        // `Vega said` after `Julio Cesar Vega Rojas`: the inner surname of exactly one name,
        // when no name ends with it.
        if best.is_none() && titled_single.is_none() && words.len() == 1 {
            if let Some([k]) = names.by_inner.get(last).map(Vec::as_slice) {
                best = Some(*k);
            }
        }
        best = best.or(titled_single);
        if self.headline_of.is_some() {
            // The headline only names people the body also names.
            let b = best?;
            let name = pool[b].display.clone();
            return Some(self.headline_person(name));
        }
        if let Some(b) = best {
            return Some(b);
        }
        if titled || words.len() >= 2 || self.lone_given_name(from, to) {
            return Some(self.add_person(from, to));
        }
        None
    }

    /// [`Self::resolve`] for a cue's source, which may also be a one-word name the story
    /// never completes (`Parry said`) when its own words show a person
    /// ([`Self::one_name_person`]; asked only here, where it matters, as it reads the text).
    pub(super) fn resolve_source(&mut self, from: usize, to: usize, titled: bool) -> Option<usize> {
        if let Some(p) = self.resolve(from, to, titled) {
            return Some(p);
        }
        if to != from + 1
            || self.headline_of.is_some()
            || self.org_names.contains(&name_key(self.doc.word(from)))
            || !self.one_name_person(from)
        {
            return None;
        }
        let p = self.add_person(from, to);
        self.show_one_name_person(p);
        Some(p)
    }

    /// `Melanie said`: a known given name on its own, not also a place, body or month.
    fn lone_given_name(&self, from: usize, to: usize) -> bool {
        let d = self.doc;
        let t = &d.toks[from];
        to == from + 1
            && t.cap
            && !t.upper
            && t.lex.classes
                & (class::PLACE
                    | class::ORG
                    | class::DEMONYM
                    | class::TIME
                    | class::TITLE
                    | class::STOP)
                == 0
            && lexicon::is_common_given(d.word(from))
    }

    fn headline_person(&mut self, name: String) -> usize {
        if let Some(k) = self.resolved_names.iter().position(|n| n == &name) {
            return k;
        }
        self.resolved_names.push(name);
        self.resolved_names.len() - 1
    }
}

/// The name as the article writes it, possessive removed.
fn name_text(d: &Doc, s: usize, e: usize) -> String {
    let mut out = String::new();
    for k in s..e {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(d.word(k));
    }
    out
}

/// One-name people (`Parry said` in a story that never gives a first name or a title).
impl State<'_> {
    /// Whether the article's words show the one-word name at token `from` a person's: after it,
    /// outside quotes, a reporting or thinking verb whose clause opens with `he` or `she`
    /// (`Parry claims he will ...`), `, who` and a singular verb (not `Rover, who have been
    /// accused`), an age (`, 27,`), `himself` or `herself`, or a possessive before a family
    /// noun (`Parry's wife`); and nowhere `it`, `its` or `they` after such a verb, `, which` or
    /// `itself` (`Texaco said it would ...`). Only for a capitalised word the lexicon does not
    /// know, not in capitals; asked once per word.
    fn one_name_person(&mut self, from: usize) -> bool {
        let d = self.doc;
        let first = &d.toks[from];
        if first.upper || first.lex.classes != 0 || !first.cap || self.inside_phrase(from) {
            return false;
        }
        let key = name_key(d.word(from));
        if let Some((_, v, _)) = self.one_name.iter().find(|(w, ..)| *w == key) {
            return *v;
        }
        let (mut yes, mut no, mut genders) = (0u32, 0u32, 0u8);
        for k in 0..d.toks.len() {
            let t = &d.toks[k];
            if !t.is_word()
                || !t.cap
                || t.quote != 0
                || ((t.be - t.bs) as usize) < key.len()
                || !has_name_key(d.word(k), &key)
            {
                continue;
            }
            if self.inside_phrase(k) {
                continue;
            }
            let word = |j: usize| {
                d.toks
                    .get(j)
                    .filter(|u| u.para == t.para && u.quote == 0 && u.is_word())
                    .map(|_| d.word(j))
            };
            let comma = d.toks.get(k + 1).is_some_and(|u| u.is_punct(','));
            let family = t.poss()
                && word(k + 1).is_some_and(|w| {
                    lexicon::kin_gender(w) != 0 || matches!(w, "parents" | "children" | "family")
                });
            // (`, who has`, `, who plays`; not `Leicester, who beat`, `Others, who are`.)
            let who = comma
                && word(k + 2) == Some("who")
                && word(k + 3).is_some_and(|w| {
                    matches!(w, "is" | "was" | "has") || w.ends_with('s') && !w.ends_with("ss")
                });
            let age = comma
                && d.toks.get(k + 2).is_some_and(|u| u.kind == Kind::Num)
                && d.toks.get(k + 3).is_some_and(|u| u.is_punct(','));
            match word(k + 1) {
                Some("himself") => genders |= 1,
                Some("herself") => genders |= 2,
                Some("itself") => no += 1,
                _ if comma && word(k + 2) == Some("which") => no += 1,
                _ => {}
            }
            yes += u32::from(
                family || who || age || matches!(word(k + 1), Some("himself" | "herself")),
            );
            // The verb after an adverb or auxiliary (`Parry also revealed`, `has said`).
            let mut v = k + 1;
            while word(v).is_some_and(|w| {
                matches!(w, "also" | "has" | "had" | "later" | "then" | "again")
                    || w.ends_with("ly")
            }) {
                v += 1;
            }
            let thinks =
                word(v).is_some_and(|w| {
                    // (Not a plural's bare form, `Associates say he is likely to run`, nor a verb
                    // chain opening a list's line, `Keeps saying she opposed the war`.)
                    d.toks[v].lex.verb.is_some_and(|f| {
                        !matches!(f.form, lexicon::Form::Base | lexicon::Form::Ing)
                    }) || matches!(
                        w,
                        "thinks"
                            | "thought"
                            | "believes"
                            | "believed"
                            | "feels"
                            | "felt"
                            | "hopes"
                            | "hoped"
                            | "knows"
                            | "knew"
                    )
                });
            if !thinks {
                continue;
            }
            let mut c = v + 1;
            if word(c) == Some("that") {
                c += 1;
            }
            match word(c) {
                Some("he") => {
                    yes += 1;
                    genders |= 1;
                }
                Some("she") => {
                    yes += 1;
                    genders |= 2;
                }
                Some("it" | "its" | "they" | "their") => no += 1,
                _ => {}
            }
        }
        let person = yes > 0 && no == 0;
        let gender = if matches!(genders, 1 | 2) { genders } else { 0 };
        self.one_name.push((key, person, gender));
        person
    }

    /// Token `k` is inside a longer name or a phrase, not a name on its own: after a
    /// capitalised word not opening the sentence (`Black Eyed Peas`), a number (`50 Cent`), or
    /// a lower-case word other than a conjunction or a reporting verb (`Trade and Industry said
    /// he`, `last April said he`, `the news site Pando said he`, `after BuzzFeed reported`).
    fn inside_phrase(&self, k: usize) -> bool {
        let d = self.doc;
        let Some(p) = k
            .checked_sub(1)
            .map(|j| &d.toks[j])
            .filter(|p| p.para == d.toks[k].para)
        else {
            return false;
        };
        let w = d.word(k - 1);
        p.kind == Kind::Num
            || p.is_word()
                && (p.cap && !opens_sentence(d, k - 1)
                    || !p.cap
                        && !matches!(
                            w,
                            "but"
                                | "said"
                                | "says"
                                | "told"
                                | "added"
                                | "when"
                                | "while"
                                | "as"
                                | "because"
                                | "if"
                                | "that"
                                | "so"
                                | "then"
                                | "yet"
                                | "where"
                                | "whereas"
                        ))
    }

    /// Marks person `p`, a one-word name [`Self::one_name_person`] accepted, as titled (a
    /// person in the headline too) and gives it the gender its pronouns showed.
    fn show_one_name_person(&mut self, p: usize) {
        let Some(x) = self.names.people.get_mut(p) else {
            return;
        };
        let g = self
            .one_name
            .iter()
            .find(|(w, ..)| x.words.first() == Some(w))
            .map_or(0, |&(.., g)| g);
        x.titled = true;
        if x.gender == 0 {
            x.gender = g;
        }
    }
}

/// Whether a word describing a name is a person's role (`minister`, `spokesman`, `economist`),
/// not a body's noun read as one (`company president Ann Reyes`: `the company said` is not
/// hers).
fn person_role(t: &Tok) -> bool {
    t.lex.classes & (class::TITLE | class::SOURCE_NOUN) != 0 && !t.body_noun()
}
