//! People: the [`Person`]s an article names and the [`Names`] index over them (by surname,
//! given name and full name, plus the role nouns given to them and where each is named), so that
//! articles with thousands of names stay linear.
//!
//! Uses the lexicon (its hasher) only.

use super::lexicon;

/// A person the article names.
#[derive(Clone, Debug)]
pub(super) struct Person {
    pub(super) display: String,
    /// Lower-cased name words.
    pub(super) words: Vec<String>,
    /// 1 male, 2 female, 0 unknown (from titles and given names).
    pub(super) gender: u8,
    /// A fuller name of the same person (`Trump` → `Donald Trump`).
    pub(super) alias: Option<usize>,
    /// Named once after a title (`President Obama`): a person even when the article never
    /// gives a fuller name.
    pub(super) titled: bool,
    /// Written only after `born` or `née` (`Ginger Baker was born Peter Edward Baker`): not
    /// the name the article calls the person by.
    pub(super) birth_only: bool,
}

type FastMap<K, V> = std::collections::HashMap<K, V, lexicon::FnvBuild>;

/// The people an article names, indexed by surname, given name and full name (articles with
/// thousands of names stay linear).
#[derive(Default)]
pub(super) struct Names {
    pub(super) people: Vec<Person>,
    pub(super) by_surname: FastMap<String, Vec<usize>>,
    pub(super) by_first: FastMap<String, Vec<usize>>,
    pub(super) by_key: FastMap<String, usize>,
    /// The word before the last of names of three or more words (`vega` in `Julio Cesar Vega
    /// Rojas`), for a lone name that is no one's last word.
    pub(super) by_inner: FastMap<String, Vec<usize>>,
    /// Role noun → (token position, person), in text order.
    pub(super) roles: FastMap<String, Vec<(usize, usize)>>,
    /// The same for the nouns of abbreviated titles (`Sen.` → `senator`): weaker evidence,
    /// read only where `roles` has no entry (see `State::role_in_passage`).
    pub(super) title_roles: FastMap<String, Vec<(usize, usize)>>,
    /// Every registered name: (first token, person), in text order.
    pub(super) mentions: Vec<(usize, usize)>,
}

impl Names {
    pub(super) fn with_surname(&self, w: &str) -> &[usize] {
        self.by_surname.get(w).map_or(&[], |v| v.as_slice())
    }

    /// `with_surname(&name_key(w))`, without building the key for a short ASCII word.
    pub(super) fn with_surname_of(&self, w: &str) -> &[usize] {
        let mut buf = [0u8; 32];
        if w.is_ascii() && w.len() <= buf.len() {
            let key = &mut buf[..w.len()];
            key.copy_from_slice(w.as_bytes());
            key.make_ascii_lowercase();
            if let Ok(key) = std::str::from_utf8(key) {
                return self.with_surname(key);
            }
        }
        self.with_surname(&name_key(w))
    }

    pub(super) fn with_first(&self, w: &str) -> &[usize] {
        self.by_first.get(w).map_or(&[], |v| v.as_slice())
    }

    /// Whether someone with two or more name words has this surname (any case).
    pub(super) fn has_full_surname(&self, w: &str) -> bool {
        self.with_surname_of(w)
            .iter()
            .any(|&p| self.people[p].words.len() >= 2)
    }

    /// Whether person `m` is a better target than `b` for a shorter form of a name: a name
    /// in use before a birth name, then the one with more words.
    pub(super) fn fuller(&self, b: usize, m: usize) -> bool {
        let (pb, pm) = (&self.people[b], &self.people[m]);
        pb.birth_only && !pm.birth_only
            || pb.birth_only == pm.birth_only && pb.words.len() < pm.words.len()
    }

    pub(super) fn add(&mut self, key: String, words: Vec<String>, display: String) -> usize {
        let k = self.people.len();
        if let Some(last) = surname(&words) {
            self.by_surname.entry(last.clone()).or_default().push(k);
        }
        // `Julio Cesar Vega Rojas` ... `Vega said`: in a name of three or more words the word
        // before the last, when it is no given name and no particle, is a surname the article may
        // use alone (a father's surname before a mother's).
        if let [.., w2, _] = words.as_slice() {
            let lex = lexicon::lookup(w2);
            if words.len() >= 3
                && w2.chars().count() >= 3
                && !lexicon::is_given(w2)
                && lex.classes & (lexicon::class::PARTICLE | lexicon::class::TITLE) == 0
                && surname(&words) != Some(w2)
            {
                self.by_inner.entry(w2.clone()).or_default().push(k);
            }
        }
        if words.len() >= 2 {
            self.by_first.entry(words[0].clone()).or_default().push(k);
        }
        self.by_key.insert(key, k);
        self.people.push(Person {
            display,
            words,
            gender: 0,
            alias: None,
            titled: false,
            birth_only: false,
        });
        k
    }
}

/// The last word of a name before a suffix (`Roberts` in `John G. Roberts Jr.`).
pub(super) fn surname(words: &[String]) -> Option<&String> {
    let is_suffix = |w: &String| {
        matches!(
            w.as_str(),
            "jr" | "jr." | "sr" | "sr." | "ii" | "iii" | "iv"
        )
    };
    match words.last() {
        Some(w) if is_suffix(w) && words.len() > 1 => words.get(words.len() - 2),
        w => w,
    }
}

/// A name word as the name index keys it: lower case, with a typographic apostrophe read as a
/// straight one (`O’Neill` is `O'Neill`: web copy mixes the two).
pub(super) fn name_key(w: &str) -> String {
    // (most words are ASCII: one pass, no character decoding)
    if w.is_ascii() {
        return w.to_ascii_lowercase();
    }
    key_chars(w).collect()
}

/// Whether `name_key(w) == key`, without building the key.
pub(super) fn has_name_key(w: &str, key: &str) -> bool {
    if w.is_ascii() {
        return w.len() == key.len()
            && w.bytes()
                .zip(key.bytes())
                .all(|(a, b)| a.to_ascii_lowercase() == b);
    }
    key_chars(w).eq(key.chars())
}

/// The characters of a word's name key: lower case, curly apostrophes straight.
fn key_chars(w: &str) -> impl Iterator<Item = char> + '_ {
    w.chars().flat_map(char::to_lowercase).map(|c| {
        if matches!(c, '\u{2019}' | '\u{2018}') {
            '\''
        } else {
            c
        }
    })
}
