//! Roles and descriptions: who `the minister`, `the finance minister`, `the Sale player`, `the
//! Texas Democrat` is. A role noun goes to the last person the article gave that role, the words
//! before it choosing among several; a description that names no post goes to the person the
//! sentences before are about; a party noun after a place to the legislator just named.
//!
//! Uses the tokens, the lexicon and the names.

use super::lexicon::{self, class};
use super::tokens::Kind;
use super::State;

/// Roles and descriptions.
impl<'d> State<'d> {
    /// The most recent person the article gave this role noun. Words between the role and its
    /// `the` or possessive (`the prime minister`, `China's finance minister`) choose among
    /// several people given the role: the last one named with those words near the name
    /// (`French President Jacques Chirac` for `the French president` after `President Bush`),
    /// else the one named with the most of them; when none or several were, the role names no
    /// one sure. With one person given the role, the words only describe them (`the USDA
    /// secretary` after `Agriculture Secretary Richard Lyng`).
    pub(super) fn role_person(&self, ti: usize) -> Option<usize> {
        let entries = self.role_entries(ti)?;
        let mods = self.role_modifiers(ti);
        let last = entries.last()?.1;
        if mods.is_empty() || entries.iter().all(|&(_, p)| p == last) {
            return Some(last);
        }
        if let Some(p) = self.named_with(entries, &mods) {
            return Some(p);
        }
        // Some of the words only (`the Senate Democratic leader` for `Senate Minority Leader
        // Harry Reid (D-Nev.)`): the one person named with the most of them.
        let score = |pos: usize| mods.iter().filter(|&&m| self.near_mention(pos, m)).count();
        let best = entries.iter().map(|&(pos, _)| score(pos)).max()?;
        let mut people = entries.iter().filter(|&&(pos, _)| score(pos) == best);
        let &(_, p) = people.next()?;
        (best > 0 && people.all(|&(_, q)| q == p)).then_some(p)
    }

    /// Like [`Self::role_person`], but the words before the role must stand near the
    /// person's name (`said the prime minister`, where the single word was all that was read
    /// before: `said the minister`).
    pub(super) fn described_role_person(&self, ti: usize) -> Option<usize> {
        let entries = self.role_entries(ti)?;
        self.named_with(entries, &self.role_modifiers(ti))
    }

    /// The article's mentions given role noun `ti` before it (text order).
    fn role_entries(&self, ti: usize) -> Option<&[(usize, usize)]> {
        if self.headline_of.is_some() {
            return None;
        }
        let w = self.doc.word(ti).to_lowercase();
        let all = self.names.roles.get(&w)?;
        // Entries are in text order.
        Some(&all[..all.partition_point(|&(pos, _)| pos < ti)])
    }

    /// The last of `entries` whose mention has all words `mods` near it.
    fn named_with(&self, entries: &[(usize, usize)], mods: &[usize]) -> Option<usize> {
        entries
            .iter()
            .rev()
            .find(|&&(pos, _)| mods.iter().all(|&m| self.near_mention(pos, m)))
            .map(|&(_, k)| k)
    }

    /// The person the passage is about, for a description at token `ti` that names no post
    /// (`"...," said the Sale player.`): in the sentence before, else the one before that, the
    /// first person named outside quotes as its subject: right before a verb (`Cueto was puzzled
    /// by referee Jon Kaplan`, `Even though the Fed chief joined Baker ..., Volcker was`) or
    /// opening it (not a possessor: `Steve Finnan's cross`); a sentence led by a pronoun is about
    /// someone before it. That person's gender must not clash with the noun's, and the
    /// article must show them a person (a title, a gender, a full name or words of their own),
    /// or the description stays unnamed.
    pub(super) fn topic_person(&mut self, ti: usize) -> Option<usize> {
        if self.describes_politician(ti) {
            return self.politician_person(ti);
        }
        let g = lexicon::role_gender(&self.doc.word(ti).to_lowercase());
        self.passage_subject()?.filter(|&p| {
            let pg = self.gender_of(p);
            g == 0 || pg == 0 || pg == g
        })
    }

    /// The person a role noun at token `ti` stands for: [`Self::role_person`], else, when the
    /// article gave the role to no one in words, a person an abbreviated title gave it (`the
    /// senator` for `Sen. Jake Garn`), only if the sentences before are about that person
    /// ([`Self::passage_subject`]): in a story of several senators, `Rubio sought ... the
    /// senator said` is not the `Sen. Bernie Sanders` named elsewhere.
    pub(super) fn role_in_passage(&mut self, ti: usize) -> Option<usize> {
        if let Some(p) = self.role_person(ti) {
            return Some(p);
        }
        self.title_role_person(ti)
    }

    /// Someone holds role noun `ti` before it: [`Self::role_person`] names them, or an
    /// abbreviated title gave it (read then by [`Self::role_in_passage`]).
    pub(super) fn post_held(&self, ti: usize) -> bool {
        self.role_person(ti).is_some() || self.has_title_role(ti)
    }

    /// An abbreviated title gave role noun `ti` to someone before it (`Sen.` for `the
    /// senator`).
    pub(super) fn has_title_role(&self, ti: usize) -> bool {
        let w = self.doc.word(ti).to_lowercase();
        self.names
            .title_roles
            .get(&w)
            .is_some_and(|e| e.first().is_some_and(|&(pos, _)| pos < ti))
    }

    /// The abbreviated-title fallback of [`Self::role_in_passage`].
    fn title_role_person(&mut self, ti: usize) -> Option<usize> {
        if self.headline_of.is_some() || !self.has_title_role(ti) {
            return None;
        }
        let w = self.doc.word(ti).to_lowercase();
        let held = |s: &Self, p: usize| {
            s.names
                .title_roles
                .get(&w)
                .is_some_and(|e| e.iter().any(|&(pos, q)| pos < ti && s.canonical(q) == p))
        };
        let subject = self.passage_subject()??;
        held(self, subject).then_some(subject)
    }

    /// The person the sentences before the current one are about: `None` when neither names a
    /// subject, `Some(None)` when the one that does names someone the article does not show a
    /// person (see [`Self::topic_person`]).
    fn passage_subject(&mut self) -> Option<Option<usize>> {
        let d = self.doc;
        let mut hi = self.sent_start;
        for lo in self.prev_starts.clone().into_iter().rev() {
            let sentence = lo..hi;
            hi = lo;
            let first_word = sentence.clone().find(|&k| d.toks[k].is_word());
            if first_word.is_some_and(|k| d.toks[k].has(class::PRONOUN)) {
                continue;
            }
            // A verb: a reporting verb, `be`, an auxiliary, or a lower-case word in `-s` or `-ed`
            // (`Robinson believes`, `Gardener clocked`).
            let verbal = |k: usize| {
                let t = &d.toks[k];
                let w = d.word(k);
                t.is_word()
                    && (t.lex.verb.is_some()
                        || t.has(class::BE | class::AUX)
                        || !t.cap
                            && w.len() > 3
                            && !t.has(class::STOP)
                            && (w.ends_with('s') && !w.ends_with("ss") || w.ends_with("ed")))
            };
            // Names right before a verb, and a name that opens the sentence (`The versatile
            // Finnan, who starred ..., is`), in text order; not a possessor.
            let mut named = Vec::new();
            let mut opening = true;
            let mut k = sentence.start;
            while k < sentence.end {
                if d.toks[k].quote != 0 || !d.name_word(k) || d.is_byline(k) {
                    // (a few words and no verb, or an adverb and its comma: `The versatile
                    // Finnan`, `However, Mr Johnson`)
                    opening &= (d.toks[k].is_word() && !verbal(k) || d.toks[k].is_punct(','))
                        && k < sentence.start + 3;
                    k += 1;
                    continue;
                }
                let end = self.name_end(k, sentence.end);
                let name = self.person_part(k, end);
                k = end.max(k + 1);
                let subject = opening || end < sentence.end && verbal(end);
                opening = false;
                if let Some(name) = name.filter(|_| subject && !d.toks[end - 1].poss()) {
                    named.push(name);
                }
            }
            // The first that is a person; if the article does not show that one a person of
            // the right gender, no one.
            let mut people = Vec::new();
            for (from, to, titled) in named {
                if let Some(p) = self.resolve(from, to, titled) {
                    people.push((self.canonical(p), from, to));
                }
            }
            let Some(&(p, from, to)) = people.first() else {
                continue;
            };
            return Some((self.shown_a_person(p) && self.is_person(p, from, to)).then_some(p));
        }
        None
    }

    /// The article shows person `p` a person: a gender, words of their own already, a title, or
    /// a full name whose first word is a given name (not `Economic Policy`, `Bofors Nobel`).
    fn shown_a_person(&self, p: usize) -> bool {
        self.gender_of(p) != 0
            || self.speaker_set.contains(&p)
            || self
                .names
                .people
                .get(p)
                .is_some_and(|x| x.titled || x.words.len() >= 2 && lexicon::is_given(&x.words[0]))
    }

    /// The words between role noun `ti` and its `the` or possessive (up to three, a possessive
    /// included: `China's`), ages and the like aside (`the 60-year-old actor`); none without
    /// such a determiner.
    fn role_modifiers(&self, ti: usize) -> Vec<usize> {
        let d = self.doc;
        let mut out = Vec::new();
        let mut k = ti;
        while k > 0 && ti - k < 4 {
            let t = &d.toks[k - 1];
            if d.word(k - 1).eq_ignore_ascii_case("the") {
                return out;
            }
            if !(t.is_word() || self.describes_known(k - 1)) {
                break;
            }
            if !self.describes_known(k - 1) {
                out.push(k - 1);
            }
            if t.poss() {
                return out;
            }
            k -= 1;
        }
        Vec::new()
    }

    /// The tokens near the person mention starting at token `pos`: a few words either side of
    /// the name, in its sentence.
    fn mention_window(&self, pos: usize) -> std::ops::Range<usize> {
        let d = self.doc;
        let n = d.toks.len();
        let para = d.toks[pos].para;
        let stops = |k: usize| {
            d.toks[k].para != para || matches!(d.toks[k].kind, Kind::Punct('.' | '!' | '?'))
        };
        let mut lo = pos;
        while lo > 0 && pos - lo < 8 && !stops(lo - 1) {
            lo -= 1;
        }
        let end = self.name_end(pos, n);
        let mut hi = end;
        while hi < n && hi - end < 12 && !stops(hi) {
            hi += 1;
        }
        lo..hi
    }

    /// [`Self::mention_window`] without the words of the names before and after it (`House
    /// Speaker James Wright said President Reagan should`: no `Speaker` for Reagan).
    fn own_window(&self, pos: usize) -> std::ops::Range<usize> {
        let w = self.mention_window(pos);
        let m = &self.names.mentions;
        let i = m.partition_point(|&(p, _)| p < pos);
        let lo = match i.checked_sub(1).map(|j| m[j].0) {
            Some(prev) => w.start.max(self.name_end(prev, self.doc.toks.len())),
            None => w.start,
        };
        let hi = match m.get(i + 1) {
            Some(&(next, _)) => w.end.min(next),
            None => w.end,
        };
        lo..hi.max(lo)
    }

    /// Word `m` (a possessive read without its `'s`) stands near the person mention starting at
    /// token `pos` (`D-Ohio` gives `Ohio`).
    fn near_mention(&self, pos: usize, m: usize) -> bool {
        let d = self.doc;
        let bare = |w: &'d str| {
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("\u{2019}s"))
                .unwrap_or(w)
        };
        let key = bare(d.word(m));
        // (another token than the description's own word)
        self.mention_window(pos).any(|k| {
            k != m
                && d.toks[k].is_word()
                && (bare(d.word(k)).eq_ignore_ascii_case(key)
                    || d.word(k).split('-').any(|x| x.eq_ignore_ascii_case(key)))
        })
    }

    /// `"...," the Maryland Democrat said` (the party noun at token `ti`): the person named
    /// with that party and place (see [`Self::party_person`]), else the first one named in this
    /// sentence, else the one before, else the one before that, with a legislator's post or a
    /// party near the name (`Committee chairman Sen. Paul Sarbanes said`, `House Speaker James
    /// Wright`), not of the other party anywhere in the article. (A passage's subject is no
    /// test here: `Asked if Baldrige intended ..., Sen. Pete Wilson told reporters`.)
    fn politician_person(&self, ti: usize) -> Option<usize> {
        if let Some(p) = self.party_person(ti) {
            return Some(p);
        }
        let d = self.doc;
        let (own, other) = party_marks(d.word(ti))?;
        // (not the description's own words: `Channing D. Phillips - the Utah Republican asks`)
        let the = self
            .party_places(ti)
            .into_iter()
            .min()
            .unwrap_or(ti)
            .saturating_sub(1);
        let window = |pos: usize| {
            let w = self.own_window(pos);
            w.start..w.end.min(the).max(w.start)
        };
        let near = |pos: usize, marks: &[&str]| {
            window(pos)
                .any(|k| d.toks[k].is_word() && marks.iter().any(|m| d.word(k).starts_with(m)))
        };
        let post = |pos: usize| {
            window(pos).any(|k| {
                let w = d.word(k).trim_end_matches('.').to_ascii_lowercase();
                d.toks[k].is_word()
                    && matches!(
                        w.as_str(),
                        "sen"
                            | "senator"
                            | "rep"
                            | "representative"
                            | "congressman"
                            | "congresswoman"
                            | "gov"
                            | "governor"
                            | "speaker"
                            | "leader"
                            | "chairman"
                            | "chairwoman"
                            | "lawmaker"
                            | "legislator"
                            | "whip"
                    )
            })
        };
        // This sentence, then the one before, then the one before that; the first in each.
        let m = &self.names.mentions;
        let mut hi = ti;
        let starts = std::iter::once(self.sent_start).chain(self.prev_starts.iter().rev().copied());
        let p = starts.into_iter().find_map(|lo| {
            let (a, b) = (
                m.partition_point(|&(pos, _)| pos < lo),
                m.partition_point(|&(pos, _)| pos < hi),
            );
            hi = lo;
            m[a..b]
                .iter()
                .map(|&(pos, p)| (pos, self.canonical(p)))
                .find(|&(pos, p)| self.shown_a_person(p) && (post(pos) || near(pos, own)))
                .map(|(_, p)| p)
        })?;
        let other_party = m
            .iter()
            .any(|&(pos, q)| self.canonical(q) == p && near(pos, other));
        (!other_party).then_some(p)
    }

    /// The capitalised words between `the` and a party noun at token `ti` (`Texas` in `the
    /// Texas Democrat`); none for another word.
    fn party_places(&self, ti: usize) -> Vec<usize> {
        let d = self.doc;
        if party_marks(d.word(ti)).is_none() {
            return Vec::new();
        }
        let mut mods = self.role_modifiers(ti);
        mods.retain(|&m| d.toks[m].cap);
        mods
    }

    /// `"...," the Texas Democrat said`: a party noun after a place, a description of a
    /// politician the article has named (see [`Self::politician_person`]).
    pub(super) fn describes_politician(&self, ti: usize) -> bool {
        !self.party_places(ti).is_empty()
    }

    /// `the Texas Democrat`, `the Ohio Republican` (the party noun at token `ti`): the last
    /// person named with that party and the description's other capitalised words near the
    /// name (`Sen. Lloyd Bentsen (D-Texas)`, `Jim Wright, a Texas Democrat,`).
    fn party_person(&self, ti: usize) -> Option<usize> {
        let d = self.doc;
        let (own, _) = party_marks(d.word(ti))?;
        let mods = self.party_places(ti);
        if mods.is_empty() {
            return None;
        }
        let party_near = |pos: usize| {
            self.mention_window(pos).any(|k| {
                k != ti && d.toks[k].is_word() && own.iter().any(|m| d.word(k).starts_with(m))
            })
        };
        let m = &self.names.mentions;
        m[..m.partition_point(|&(pos, _)| pos < ti)]
            .iter()
            .rev()
            .find(|&&(pos, _)| party_near(pos) && mods.iter().all(|&x| self.near_mention(pos, x)))
            .map(|&(_, p)| self.canonical(p))
    }
}

/// A party noun's marks (its name, and its letter in `D-Ohio`) and the other party's; none for
/// another word.
fn party_marks(w: &str) -> Option<(&'static [&'static str], &'static [&'static str])> {
    const DEMOCRAT: &[&str] = &["Democrat", "D-"];
    const REPUBLICAN: &[&str] = &["Republican", "R-"];
    match w {
        "Democrat" => Some((DEMOCRAT, REPUBLICAN)),
        "Republican" => Some((REPUBLICAN, DEMOCRAT)),
        _ => None,
    }
}
