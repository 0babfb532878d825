/*!
Word tables for speaker attribution: reporting verbs, titles, organisation and place words,
capitalised function words, given names. All are hand-written general English lists (no data
from the evaluation sets) and are built once into lower-case lookup maps.

The lists are plain text files under `src/extract/data/lexicon/`, embedded with `include_str!`
and parsed when a map is first used: one lower-case entry a line (a verb as
`base|third|past|ing`), blank lines and lines starting with `#` (comments) skipped. Each file
opens with a comment saying what it holds.
*/

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// A fast hash for short words, where SipHash's set-up cost dominates.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Words are short: mix the first and last eight bytes and the length with a few
        // multiplications instead of hashing byte by byte.
        let load = |s: &[u8]| {
            let mut buf = [0u8; 8];
            buf[..s.len()].copy_from_slice(s);
            u64::from_le_bytes(buf)
        };
        let n = bytes.len();
        let (a, b) = if n <= 8 {
            (load(bytes), 0)
        } else {
            (load(&bytes[..8]), load(&bytes[n - 8..]))
        };
        let mut h = self.0 ^ (n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        h = (h ^ a).wrapping_mul(0xff51_afd7_ed55_8ccd);
        h = (h ^ b ^ (h >> 29)).wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        self.0 = h ^ (h >> 32);
    }
}

/// A hasher builder for short-word tables.
pub type FnvBuild = BuildHasherDefault<Fnv>;

type Map = HashMap<&'static str, Lex, FnvBuild>;

/// How strongly a reporting verb signals speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strength {
    /// Speech on its own (`said`, `told`, `warned`).
    Strong,
    /// Speech only with a quote, `that`, or a colon nearby (`called`, `described`, `added`).
    Weak,
}

/// The grammatical form of a reporting-verb token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// `say`
    Base,
    /// `says`
    Third,
    /// `said` (past and past participle)
    Past,
    /// `saying`
    Ing,
}

/// A reporting verb form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verb {
    pub strength: Strength,
    pub form: Form,
    /// Its object is the addressee (`told reporters`), so it never inverts (`"..," told X`).
    pub takes_addressee: bool,
}

/// Lexical classes of a word (bit flags).
pub mod class {
    /// A courtesy or job title that may precede a name (`Mr`, `President`, `Minister`).
    pub const TITLE: u32 = 1;
    /// A word that marks an organisation (`Ministry`, `Bank`, `Council`).
    pub const ORG: u32 = 1 << 1;
    /// A place: country, region, city (`France`, `Texas`, `London`).
    pub const PLACE: u32 = 1 << 2;
    /// A nationality or demonym (`French`, `Chinese`).
    pub const DEMONYM: u32 = 1 << 3;
    /// A function word or adverb that is capitalised only at a sentence start.
    pub const STOP: u32 = 1 << 4;
    /// A month or weekday.
    pub const TIME: u32 = 1 << 5;
    /// A name particle (`van`, `der`, `de`, `bin`).
    pub const PARTICLE: u32 = 1 << 6;
    /// `he`, `she`.
    pub const PRONOUN: u32 = 1 << 7;
    /// Auxiliaries and adverbs that may sit between a subject and its verb.
    pub const AUX: u32 = 1 << 8;
    /// Forms of `be` (passive marker).
    pub const BE: u32 = 1 << 9;
    /// Nouns for unnamed human sources (`spokesman`, `official`).
    pub const SOURCE_NOUN: u32 = 1 << 10;
    /// Determiners (`the`, `a`, `an`).
    pub const DET: u32 = 1 << 11;
    /// Name suffixes (`Jr`, `III`).
    pub const SUFFIX: u32 = 1 << 12;
    /// Negation (`not`, `never`).
    pub const NEG: u32 = 1 << 13;
    /// Nouns for something said or written (`statement`, `remarks`).
    pub const SPEECH_NOUN: u32 = 1 << 14;
    /// `according` (as in `according to`).
    pub const ACCORDING: u32 = 1 << 15;
    /// A verb of a retort with `back` (`hit`, `shot`, `fired back`).
    pub const RETORT: u32 = 1 << 16;
}

/// Everything known about a lower-cased word.
#[derive(Clone, Copy, Debug, Default)]
pub struct Lex {
    pub classes: u32,
    pub verb: Option<Verb>,
}

// The word lists: `src/extract/data/lexicon/*.txt`, one entry a line (see the module doc).
const STRONG_VERBS: &str = include_str!("../data/lexicon/strong_verbs.txt");
const WEAK_VERBS: &str = include_str!("../data/lexicon/weak_verbs.txt");
const ADDRESSEE_VERBS: &str = include_str!("../data/lexicon/addressee_verbs.txt");
const TITLES: &str = include_str!("../data/lexicon/titles.txt");
const ORG_WORDS: &str = include_str!("../data/lexicon/org_words.txt");
const PLACES: &str = include_str!("../data/lexicon/places.txt");
const DEMONYMS: &str = include_str!("../data/lexicon/demonyms.txt");
const STOPWORDS: &str = include_str!("../data/lexicon/stopwords.txt");
const TIMES: &str = include_str!("../data/lexicon/times.txt");
const PARTICLES: &str = include_str!("../data/lexicon/particles.txt");
const AUXES: &str = include_str!("../data/lexicon/auxes.txt");
const BE: &str = include_str!("../data/lexicon/be.txt");
const SOURCE_NOUNS: &str = include_str!("../data/lexicon/source_nouns.txt");
const DETS: &str = include_str!("../data/lexicon/dets.txt");
const SUFFIXES: &str = include_str!("../data/lexicon/suffixes.txt");
const NEGS: &str = include_str!("../data/lexicon/negs.txt");
const PRONOUNS: &str = include_str!("../data/lexicon/pronouns.txt");
const SPEECH_NOUNS: &str = include_str!("../data/lexicon/speech_nouns.txt");

/// The entries of a word list: its lines, trimmed, without blank lines and `#` comments.
fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The lookup table, built once.
pub static LEXICON: LazyLock<Map> = LazyLock::new(build);

fn build() -> Map {
    let mut m: Map = Map::with_capacity_and_hasher(4096, Default::default());
    let addressee: Vec<&str> = entries(ADDRESSEE_VERBS).collect();
    let mut add = |w: &'static str, c: u32| m.entry(w).or_default().classes |= c;
    for (list, c) in [
        (TITLES, class::TITLE),
        (ORG_WORDS, class::ORG),
        (PLACES, class::PLACE),
        (DEMONYMS, class::DEMONYM),
        (STOPWORDS, class::STOP),
        (TIMES, class::TIME),
        (PARTICLES, class::PARTICLE),
        (AUXES, class::AUX),
        (BE, class::BE),
        (SOURCE_NOUNS, class::SOURCE_NOUN),
        (DETS, class::DET),
        (SUFFIXES, class::SUFFIX),
        (NEGS, class::NEG),
        (PRONOUNS, class::PRONOUN),
        (SPEECH_NOUNS, class::SPEECH_NOUN),
        ("according", class::ACCORDING),
        ("shot\nfired\nhit\nsnapped\nstruck", class::RETORT),
    ] {
        for w in entries(list) {
            add(w, c);
        }
    }
    // Past participles that differ from the past tense.
    for (w, base) in [
        ("written", "write"),
        ("spoken", "speak"),
        ("sworn", "swear"),
    ] {
        m.entry(w).or_default().verb = Some(Verb {
            strength: Strength::Strong,
            form: Form::Past,
            takes_addressee: addressee.contains(&base),
        });
    }
    for (list, strength) in [
        (STRONG_VERBS, Strength::Strong),
        (WEAK_VERBS, Strength::Weak),
    ] {
        for entry in entries(list) {
            let mut forms = entry.split('|');
            let base = forms.next().unwrap_or("");
            let takes_addressee = addressee.contains(&base);
            for (form, w) in [Form::Base, Form::Third, Form::Past, Form::Ing]
                .into_iter()
                .zip(std::iter::once(base).chain(forms))
            {
                let e = m.entry(w).or_default();
                // A word that is both (e.g. `state`, `report`) keeps the first, strongest entry.
                if e.verb.is_none() {
                    e.verb = Some(Verb {
                        strength,
                        form,
                        takes_addressee,
                    });
                }
            }
        }
    }
    m
}

/// Looks a word up, lower-casing it without allocating for short ASCII words.
pub fn lookup(word: &str) -> Lex {
    let bytes = word.as_bytes();
    let mut buf = [0u8; 32];
    if bytes.len() > buf.len() {
        return Lex::default();
    }
    // One pass: lower-case ASCII into a stack buffer, `’` read as `'`.
    let mut n = 0;
    let mut i = 0;
    let mut changed = false;
    while i < bytes.len() {
        let x = bytes[i];
        if x < 0x80 {
            let l = x.to_ascii_lowercase();
            changed |= l != x;
            buf[n] = l;
            n += 1;
            i += 1;
        } else if bytes[i..].starts_with("\u{2019}".as_bytes()) {
            buf[n] = b'\'';
            n += 1;
            i += 3;
            changed = true;
        } else {
            let lower = word.to_lowercase().replace('\u{2019}', "'");
            return LEXICON.get(lower.as_str()).copied().unwrap_or_default();
        }
    }
    let key = if changed {
        std::str::from_utf8(&buf[..n]).unwrap_or("")
    } else {
        word
    };
    LEXICON.get(key).copied().unwrap_or_default()
}

// Common given names with their usual gender (one list per gender), for pronoun agreement
// and for finding where a name starts after a long capitalised title.
const MALE_NAMES: &str = include_str!("../data/lexicon/male_names.txt");
const FEMALE_NAMES: &str = include_str!("../data/lexicon/female_names.txt");
// Given names of no stated gender, for name boundaries only (generated by
// tools/speakers/build_given.py from the US Census 1990 and CoNLL-2003 `train` lists).
const GIVEN_NAMES: &str = include_str!("../data/lexicon/given_names.txt");

/// Flag in the name table: a title or pronoun, not a given name.
const NOT_GIVEN: u8 = 4;
/// Gender bits for a name used for both (`jean`).
const BOTH: u8 = 3;

fn name_table() -> &'static HashMap<&'static str, u8, BuildHasherDefault<Fnv>> {
    static G: LazyLock<HashMap<&'static str, u8, BuildHasherDefault<Fnv>>> = LazyLock::new(|| {
        let mut m = HashMap::default();
        for w in entries(MALE_NAMES) {
            m.insert(w, 1);
        }
        for w in entries(FEMALE_NAMES) {
            let e = m.entry(w).or_insert(2);
            if *e == 1 {
                *e = BOTH;
            }
        }
        for w in entries(GIVEN_NAMES) {
            m.entry(w).or_insert(0);
        }
        for w in [
            "mr", "mr.", "sir", "lord", "king", "prince", "father", "brother", "baron", "duke",
            "he",
        ] {
            m.insert(w, 1 | NOT_GIVEN);
        }
        for w in [
            "mrs", "mrs.", "ms", "ms.", "miss", "lady", "dame", "queen", "princess", "baroness",
            "sister", "mother", "duchess", "she",
        ] {
            m.insert(w, 2 | NOT_GIVEN);
        }
        m
    });
    &G
}

fn name_entry(word: &str) -> Option<u8> {
    let g = name_table();
    let mut buf = [0u8; 32];
    if word.len() > buf.len() || !word.is_ascii() {
        let lower = word.to_lowercase();
        return g.get(lower.as_str()).copied();
    }
    let b = &mut buf[..word.len()];
    b.copy_from_slice(word.as_bytes());
    b.make_ascii_lowercase();
    std::str::from_utf8(b).ok().and_then(|l| g.get(l).copied())
}

/// The usual gender of a given name or personal title: 1 male, 2 female, 0 unknown (also for
/// names used for both, like `jean`).
pub fn gender(word: &str) -> u8 {
    match name_entry(word).map(|v| v & BOTH) {
        Some(g) if g != BOTH => g,
        _ => 0,
    }
}

/// Whether `word` starts with `prefix`, ignoring ASCII case, without a lower-cased copy.
pub fn starts_with_ci(word: &str, prefix: &str) -> bool {
    word.get(..prefix.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(prefix))
}

/// Whether the word is a known given name of either gender (`Melanie`, `Jordan`, `Todd`).
pub fn is_given(word: &str) -> bool {
    name_entry(word).is_some_and(|v| v & NOT_GIVEN == 0)
}

/// Whether the word is one of the common given names of the gender lists (`Melanie`), enough on
/// its own to make a lone capitalised word a person; the longer boundary list (`Lorenzo`, a
/// hurricane's name too) is not.
pub fn is_common_given(word: &str) -> bool {
    name_entry(word).is_some_and(|v| v & NOT_GIVEN == 0 && v & BOTH != 0)
}

/// The gender a kinship or gendered role noun gives a person (`wife`, `fiancée`, `son`,
/// `spokeswoman`): 1 male, 2 female, 0 none.
pub fn role_gender(word: &str) -> u8 {
    match word {
        "spokesman" | "chairman" | "congressman" | "businessman" | "councilman" | "actor" => 1,
        "spokeswoman" | "chairwoman" | "congresswoman" | "businesswoman" | "councilwoman"
        | "actress" => 2,
        _ => kin_gender(word),
    }
}

/// The gender a kinship noun gives a person (`wife`, `fiancée`, `son`): 1 male, 2 female, 0
/// none (also for a post: `chairman`).
pub fn kin_gender(word: &str) -> u8 {
    match word {
        "husband" | "father" | "son" | "brother" | "grandfather" | "grandson" | "uncle"
        | "nephew" | "boyfriend" | "fiancé" | "widower" | "stepfather" | "stepson" | "dad" => 1,
        "wife" | "mother" | "daughter" | "sister" | "grandmother" | "granddaughter" | "aunt"
        | "niece" | "girlfriend" | "fiancée" | "fiancee" | "widow" | "stepmother"
        | "stepdaughter" | "mom" | "mum" => 2,
        _ => 0,
    }
}

/// The nouns a later sentence uses for the post an abbreviated title names (`Sen.` → `the
/// senator`, `the lawmaker`; `Gov.` → `the governor`), in lower case; none for other words.
pub(super) fn title_nouns(title: &str) -> &'static [&'static str] {
    match title.trim_end_matches('.').to_ascii_lowercase().as_str() {
        "sen" | "sens" => &["senator", "lawmaker"],
        "rep" | "reps" => &["representative", "congressman", "congresswoman", "lawmaker"],
        "gov" => &["governor"],
        "gen" => &["general"],
        "lt" => &["lieutenant"],
        "col" => &["colonel"],
        "maj" => &["major"],
        "capt" => &["captain"],
        "sgt" => &["sergeant"],
        "cmdr" => &["commander"],
        "adm" => &["admiral"],
        "pres" => &["president"],
        "prof" => &["professor"],
        "supt" => &["superintendent"],
        "insp" => &["inspector"],
        "det" => &["detective"],
        "msgr" => &["monsignor"],
        _ => &[],
    }
}

/// A place word that names a place only next to its partner (`Kong` in `Hong Kong`; alone it is a
/// name's syllable: `Tan Kong Yam`, `Hong Lei`): the partner, and whether it comes first.
pub(super) fn place_partner(w: &str) -> Option<(&'static str, bool)> {
    match w.to_ascii_lowercase().as_str() {
        "hong" => Some(("kong", false)),
        "kong" => Some(("hong", true)),
        "lanka" => Some(("sri", true)),
        _ => None,
    }
}

/// A company's legal form that is written in capitals (`Norsk Hydro ASA`, `Volvo AB`, `Aker
/// AS`): otherwise it is a given name or a word (`Asa Khalif`, `even as Trump claimed`), not a
/// body's.
pub(super) fn is_capitals_legal_form(w: &str) -> bool {
    ["asa", "ab", "bv", "kk", "as"]
        .iter()
        .any(|f| f.eq_ignore_ascii_case(w))
}

/// `Mr`, `Mrs.`, `Dr`, `Sir`: titles that only ever precede a person's name.
pub(super) fn is_courtesy_title(w: &str) -> bool {
    let w = w.strip_suffix('.').unwrap_or(w);
    [
        "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "messrs", "mme", "mlle",
    ]
    .iter()
    .any(|t| t.eq_ignore_ascii_case(w))
}

/// Title words that modify a role rather than name one (`former`, `acting`, `deputy`; `U.S.`,
/// `National`, `First` in `U.S. Trade Representative`, `First Minister`), and `St`/`Saint`:
/// `former Patriot mine` does not make `Patriot` a person, nor `First Interstate said`, `the U.S.
/// Mint` or `In St Louis` one of `Interstate`, `Mint` or `Louis`. Any case.
pub(super) fn is_title_modifier(w: &str) -> bool {
    [
        "former",
        "acting",
        "deputy",
        "vice",
        "senior",
        "late",
        "then",
        "chief",
        "ex",
        "u.s.",
        "us",
        "u.k.",
        "uk",
        "un",
        "eu",
        "nato",
        "national",
        "international",
        "federal",
        "first",
        "st",
        "st.",
        "saint",
    ]
    .iter()
    .any(|m| w.eq_ignore_ascii_case(m))
}

/// Letters written after a name for a seat, a rank at the bar or an honour (`MP`, `QC`, `OBE`).
pub(super) fn is_postnominal(w: &str) -> bool {
    [
        "MP", "MEP", "MSP", "MLA", "MPP", "MNA", "QC", "KC", "OBE", "CBE", "MBE", "KBE", "DBE",
    ]
    .contains(&w)
}

/// A common preposition (`to`, `of`, `for`, ...), in lower case.
pub(super) fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "to" | "of" | "at" | "for" | "in" | "with" | "from" | "on" | "by" | "under" | "over"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-edited lists keep their format: verbs in four forms, entries in lower case
    /// (`lookup` lower-cases the word it looks up).
    #[test]
    fn word_lists_are_well_formed() {
        for list in [STRONG_VERBS, WEAK_VERBS] {
            for entry in entries(list) {
                assert_eq!(entry.split('|').count(), 4, "{entry:?}");
            }
        }
        for list in [
            STRONG_VERBS,
            WEAK_VERBS,
            ADDRESSEE_VERBS,
            TITLES,
            ORG_WORDS,
            PLACES,
            DEMONYMS,
            STOPWORDS,
            TIMES,
            PARTICLES,
            AUXES,
            BE,
            SOURCE_NOUNS,
            DETS,
            SUFFIXES,
            NEGS,
            PRONOUNS,
            SPEECH_NOUNS,
            MALE_NAMES,
            FEMALE_NAMES,
        ] {
            for entry in entries(list) {
                assert_eq!(entry, entry.to_lowercase(), "{entry:?}");
            }
        }
        assert!(lookup("Said").verb.is_some_and(|v| v.form == Form::Past));
        assert!(lookup("told").verb.is_some_and(|v| v.takes_addressee));
        assert_ne!(lookup("Ministry").classes & class::ORG, 0);
        assert_eq!((gender("Jean"), is_given("Jean")), (0, true));
        assert_eq!(gender("Mary"), 2);
    }
}
