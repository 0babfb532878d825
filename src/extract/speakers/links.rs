//! Links: points each short form of a name at the fullest name the article gives for the same
//! person (`Trump` -> `Donald Trump`, `Mr Mukerjee` -> `Pranab Mukherjee`, not a birth name),
//! and makes a lone surname opening a sentence a mention of that person for pronouns.
//!
//! Uses the names the article registered.

use super::lexicon;
use super::people::{name_key, surname};
use super::State;

/// Linking short forms.
impl<'d> State<'d> {
    /// A one-word name outside quotes that is the surname of a full name (`Martin` after `Todd
    /// Martin`) is a mention of that person, for pronouns to find in the sentence before.
    pub(super) fn mention_lone_surnames(&mut self) {
        let d = self.doc;
        let mut added = false;
        // Surname -> the fullest person with it, found once per surname (an article repeating
        // one surname thousands of times stays linear).
        let mut fullest: std::collections::HashMap<String, Option<usize>, lexicon::FnvBuild> =
            Default::default();
        for &(i, s) in &self.lone {
            let w = name_key(d.word(s));
            if self.org_names.contains(&w) {
                continue;
            }
            let names = &self.names;
            let best = *fullest.entry(w).or_insert_with_key(|w| {
                let mut best: Option<usize> = None;
                for &m in names.with_surname(w) {
                    if names.people[m].words.len() >= 2 && best.is_none_or(|b| names.fuller(b, m)) {
                        best = Some(m);
                    }
                }
                best
            });
            if let Some(b) = best {
                self.names.mentions.push((i, b));
                added = true;
                // `Martin was pleased with his victory`: a pronoun of the subject's own
                // clause, before any other name, gives its gender.
                if self.names.people[b].gender == 0 {
                    let g = (s + 1..(s + 10).min(d.toks.len()))
                        .take_while(|&k| {
                            let t = &d.toks[k];
                            t.para == d.toks[s].para
                                && t.quote == 0
                                && !t.is_punct('.')
                                && !t.is_punct(';')
                                && !d.name_word(k)
                        })
                        .map(|k| match d.word(k) {
                            "he" | "his" | "him" | "himself" => 1,
                            "she" | "her" | "hers" | "herself" => 2,
                            _ => 0,
                        })
                        .find(|&g| g != 0);
                    if let Some(g) = g {
                        self.names.people[b].gender = g;
                    }
                }
            }
        }
        if added {
            self.names.mentions.sort_by_key(|&(t, _)| t);
        }
    }

    /// Short forms (`President Trump`) point at the fullest name with the same last word.
    pub(super) fn link_short_forms(&mut self) {
        let prefixed: Vec<Option<usize>> = (0..self.names.people.len())
            .map(|k| self.prefixed_name(k))
            .collect();
        // The surnames of full names and each with one letter dropped: near spellings meet
        // in this map without comparing every pair of names (made only when a lone surname
        // needs it).
        let mut deleted: Option<std::collections::HashMap<String, Vec<usize>, lexicon::FnvBuild>> =
            None;
        // `Ginger Baker was born Peter Edward Baker`: a name written only after `born` or
        // `née` is not the one the article calls the person by.
        // (mentions, mentions after `born`)
        let mut birth = vec![(0u32, 0u32); self.names.people.len()];
        for &(t, p) in &self.names.mentions {
            let after_born = t > 0
                && self.doc.toks[t - 1].is_word()
                && matches!(
                    self.doc.word(t - 1).to_lowercase().as_str(),
                    "born" | "née" | "nee"
                );
            birth[p].0 += 1;
            birth[p].1 += u32::from(after_born);
        }
        for (p, (all, born)) in self.names.people.iter_mut().zip(birth) {
            p.birth_only = all > 0 && born == all;
        }
        for k in 0..self.names.people.len() {
            if let Some(m) = prefixed[k] {
                self.names.people[k].alias = Some(m);
                continue;
            }
            let words = &self.names.people[k].words;
            let mut best: Option<usize> = None;
            let Some(last) = surname(words) else { continue };
            for &m in self.names.with_surname(last) {
                let p = &self.names.people[m];
                if m != k
                    && prefixed[m].is_none()
                    && p.words.len() > words.len()
                    && surname(&p.words) == surname(words)
                    && words.iter().all(|w| p.words.contains(w))
                    && best.is_none_or(|b| self.names.fuller(b, m))
                {
                    best = Some(m);
                }
            }
            // `Mr Mukerjee` after `Pranab Mukherjee`: a lone surname one letter away from the
            // surname of exactly one fuller name is that person, misspelt.
            if best.is_none() && words.len() == 1 && last.chars().count() >= 6 {
                let people = &self.names.people;
                let deleted = deleted.get_or_insert_with(|| {
                    let mut map: std::collections::HashMap<_, Vec<usize>, lexicon::FnvBuild> =
                        Default::default();
                    for (m, p) in people.iter().enumerate() {
                        if p.words.len() < 2 {
                            continue;
                        }
                        if let Some(s) = surname(&p.words).filter(|s| s.chars().count() >= 6) {
                            for v in one_deletions(s) {
                                map.entry(v).or_default().push(m);
                            }
                        }
                    }
                    map
                });
                let mut near: Vec<usize> = one_deletions(last)
                    .iter()
                    .flat_map(|v| deleted.get(v).map_or(&[][..], Vec::as_slice))
                    .copied()
                    .filter(|&m| {
                        m != k
                            && prefixed[m].is_none()
                            && surname(&self.names.people[m].words)
                                .is_some_and(|s| one_edit_apart(s, last))
                    })
                    .collect();
                near.sort_unstable();
                near.dedup();
                if let [m] = near[..] {
                    best = Some(m);
                }
            }
            self.names.people[k].alias = best;
            if let Some(b) = best {
                if self.names.people[b].gender == 0 {
                    self.names.people[b].gender = self.names.people[k].gender;
                }
            }
        }
    }

    /// `Laureate Anselm Okoro`, `Miss Arcadia Lena Voss`: a name of three or more
    /// words that ends with another full name the article writes on its own, after words the
    /// article also writes without that name (so not given names: `Chandler Van Voorhis`), is
    /// that name with an honour or a role in front.
    fn prefixed_name(&self, k: usize) -> Option<usize> {
        let words = &self.names.people[k].words;
        if words.len() < 3 {
            return None;
        }
        let last = surname(words)?;
        self.names.with_surname(last).iter().copied().find(|&m| {
            let p = &self.names.people[m].words;
            m != k
                && p.len() >= 2
                && p.len() < words.len()
                && words.ends_with(p)
                && !words[..words.len() - p.len()]
                    .iter()
                    .any(|w| lexicon::is_given(w))
                && self.written_apart(&words[..words.len() - p.len()], &p[0])
        })
    }

    /// Whether the text writes the words `prefix` (lower-cased) somewhere not followed by
    /// `next`.
    fn written_apart(&self, prefix: &[String], next: &str) -> bool {
        let d = self.doc;
        let n = prefix.len();
        (0..d.toks.len().saturating_sub(n - 1)).any(|i| {
            (0..n)
                .all(|j| d.toks[i + j].is_word() && d.word(i + j).eq_ignore_ascii_case(&prefix[j]))
                && !(i + n < d.toks.len() && d.word(i + n).eq_ignore_ascii_case(next))
        })
    }
}

/// Whether two surnames of six letters or more, with the same first letter, differ by one
/// letter added, dropped, changed or swapped with the next (`Mukerjee`, `Mukherjee`).
fn one_edit_apart(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len() < 6 || b.len() < 6 || a == b || a[0] != b[0] || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let p = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[p..], &b[p..]);
    match ra.len().cmp(&rb.len()) {
        std::cmp::Ordering::Equal => {
            ra[1..] == rb[1..]
                || ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..]
        }
        std::cmp::Ordering::Less => ra == &rb[1..],
        std::cmp::Ordering::Greater => &ra[1..] == rb,
    }
}

/// The word itself and the word with each one letter dropped.
fn one_deletions(w: &str) -> Vec<String> {
    let mut out = vec![w.to_string()];
    for (i, c) in w.char_indices() {
        out.push(format!("{}{}", &w[..i], &w[i + c.len_utf8()..]));
    }
    out
}
