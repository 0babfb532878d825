//! The gazetteer: the embedded data files read into the country [`Table`] of [`Country`] rows
//! (names, codes, regions, and the user-value lookup of `resolve`) and, for detection, the
//! [`Gazetteer`] of every phrase ([`Pattern`]) with its readings and one Aho-Corasick automaton
//! over them. Each is built once, on first use.
//!
//! Uses only the data files.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind, StartKind};
use unicode_normalization::UnicodeNormalization;

/// A country of the gazetteer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Country {
    pub code: &'static str,
    pub name: &'static str,
    /// UN M49 region ("Asia") and sub-region ("Eastern Asia").
    pub region: &'static str,
    pub subregion: &'static str,
}

const COUNTRIES_TSV: &str = include_str!("../../../data/countries.tsv");
const PLACES_TSV: &str = include_str!("../../../data/places.tsv");
const SUPPLEMENT_TSV: &str = include_str!("../../../data/supplement.tsv");

/// Index into [`Gazetteer::countries`].
pub(super) type Cx = u16;

/// What kind of reference a phrase is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Kind {
    /// Name or alias of the country.
    Name,
    /// Demonym or people noun.
    Demonym,
    /// Institution standing for the state.
    Institution,
    /// Capital or seat of government: explicit when it acts, a place when it is a location.
    Capital,
}

/// Special words settled from the whole article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Special {
    None,
    /// "Korea", "Korean": only counted when the article makes clear which Korea.
    Korea,
    /// Bare "Congo", "Congolese": DR Congo unless the article points to Brazzaville.
    Congo,
    /// "Georgia": the country, or the US state in an American context.
    Georgia,
}

/// A phrase of the gazetteer and what it may refer to.
#[derive(Clone, Debug)]
pub(super) struct Pattern {
    /// The phrase as written in the data (letter case matters for the case check).
    pub(super) text: String,
    /// Not a country ("Indian Ocean"): matching it hides its words.
    pub(super) block: bool,
    /// Explicit reference (name, demonym, institution, capital) if any.
    pub(super) explicit: Option<(Cx, Kind)>,
    /// Place readings, most populous first.
    pub(super) places: Vec<(Cx, u64)>,
    /// A state, province or region (can qualify a city: "Paris, Texas").
    pub(super) region: bool,
    /// Also an ordinary English word ("Phoenix", "Surrey"): not trusted where every word is
    /// capitalised (a headline in capitals, a sentence start).
    pub(super) word: bool,
    /// Also a personal name ("Jordan", "Chad", "Paris").
    pub(super) namelike: bool,
    /// A personal name in the supplement's `person` list: once used for a person in an article,
    /// every bare use there is the person ("Michael Jordan ... Jordan said").
    pub(super) propagate: bool,
    pub(super) special: Special,
}

/// The country table alone (names, codes, regions and the user-value lookup), without the
/// detection automaton: `search` needs only this to resolve `--country` and to name facets, and
/// building it takes well under a millisecond where the whole gazetteer takes about 50 ms.
pub(super) struct Table {
    pub(super) countries: Vec<Country>,
    by_code: HashMap<&'static str, Cx>,
}

/// The detection gazetteer: the country table, every phrase with its readings, and one
/// automaton over the phrases.
pub(super) struct Gazetteer {
    pub(super) countries: Vec<Country>,
    by_code: HashMap<&'static str, Cx>,
    pub(super) patterns: Vec<Pattern>,
    pub(super) automaton: AhoCorasick,
    /// Bytes a word worth an anchored search may start with: capitals, non-ASCII letters, and
    /// the lower-case letters that start some pattern ("the Netherlands", "guinea pig").
    pub(super) first_byte: [bool; 256],
}

fn split_list(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|x| !x.is_empty())
}

fn data_lines(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

/// Lower-cases and strips accents and dots, for user queries.
pub(super) fn fold_query(s: &str) -> String {
    s.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .filter(|c| *c != '.')
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let countries = TABLE.countries.clone();
        let by_code = TABLE.by_code.clone();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<Pattern> = Vec::new();

        fn slot(
            index: &mut HashMap<String, usize>,
            patterns: &mut Vec<Pattern>,
            text: &str,
        ) -> usize {
            *index.entry(text.to_string()).or_insert_with(|| {
                patterns.push(Pattern {
                    text: text.to_string(),
                    block: false,
                    explicit: None,
                    places: Vec::new(),
                    region: false,
                    word: false,
                    namelike: false,
                    propagate: false,
                    special: Special::None,
                });
                patterns.len() - 1
            })
        }
        // Rows in the order of [`Table::load`], so a row's position is its `Cx`.
        for (cx, f) in data_lines(COUNTRIES_TSV).enumerate() {
            let cx = cx as Cx;
            let field = |i: usize| f.get(i).copied().unwrap_or("");
            for (col, kind) in [
                (4, Kind::Name),
                (5, Kind::Demonym),
                (6, Kind::Capital),
                (7, Kind::Institution),
            ] {
                for phrase in split_list(field(col)) {
                    let (phrase, personal) = match phrase.strip_suffix('~') {
                        Some(p) => (p, true),
                        None => (phrase, false),
                    };
                    let i = slot(&mut index, &mut patterns, phrase);
                    let p = &mut patterns[i];
                    p.namelike |= personal;
                    // the first (strongest) reading of a phrase wins
                    if p.explicit.is_none_or(|(_, k)| kind < k) {
                        p.explicit = Some((cx, kind));
                    }
                }
            }
        }
        for f in data_lines(PLACES_TSV) {
            let (Some(name), Some(code), Some(pop)) = (f.first(), f.get(1), f.get(2)) else {
                continue;
            };
            let Some(&cx) = by_code.get(code) else {
                continue;
            };
            let pop = pop.parse().unwrap_or(0);
            let i = slot(&mut index, &mut patterns, name);
            let p = &mut patterns[i];
            if f.get(3)
                .is_some_and(|k| k.starts_with("state") || k.starts_with("subdivision"))
            {
                p.region = true;
            }
            if f.get(3).is_some_and(|k| k.contains("+word")) {
                p.word = true;
            }
            if f.get(3).is_some_and(|k| k.contains("+person")) {
                p.namelike = true;
            }
            if !p.places.iter().any(|(c, _)| *c == cx) {
                p.places.push((cx, pop));
            }
        }
        for f in data_lines(SUPPLEMENT_TSV) {
            let (Some(kind), Some(phrase)) = (f.first(), f.get(2)) else {
                continue;
            };
            match *kind {
                "block" => {
                    let i = slot(&mut index, &mut patterns, phrase);
                    patterns[i].block = true;
                }
                "namelike" | "person" => {
                    if let Some(&i) = index.get(*phrase) {
                        patterns[i].namelike = true;
                        patterns[i].propagate = *kind == "person";
                    }
                }
                _ => {}
            }
        }
        for (word, special) in [
            ("Korea", Special::Korea),
            ("Korean", Special::Korea),
            ("Koreans", Special::Korea),
            ("Congo", Special::Congo),
            ("Congolese", Special::Congo),
            ("Georgia", Special::Georgia),
        ] {
            let i = slot(&mut index, &mut patterns, word);
            patterns[i].special = special;
        }
        for p in &mut patterns {
            p.places.sort_by_key(|x| std::cmp::Reverse(x.1));
        }
        // Case-insensitive by lowering both sides (the scan searches the text lowered the same
        // way) rather than with `ascii_case_insensitive`: the same matches, and the automaton
        // builds in a third of the instructions (its case-insensitive build keeps a B-tree of
        // visited states and twice the transitions; the build is paid by every process).
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .start_kind(StartKind::Anchored)
            .build(patterns.iter().map(|p| p.text.to_ascii_lowercase()))
            .expect("country gazetteer automaton");
        let mut first_byte = [false; 256];
        for (b, slot) in first_byte.iter_mut().enumerate() {
            *slot = (b as u8).is_ascii_uppercase() || b >= 0xC0;
        }
        for p in &patterns {
            if let Some(&b) = p.text.as_bytes().first() {
                if b.is_ascii_lowercase() {
                    first_byte[b as usize] = true;
                }
            }
        }
        Gazetteer {
            countries,
            by_code,
            patterns,
            automaton,
            first_byte,
        }
    }

    /// The index of the country with this ISO code (in capitals).
    pub(super) fn cx(&self, code: &str) -> Option<Cx> {
        self.by_code.get(code).copied()
    }
}

impl Table {
    fn load() -> Table {
        let mut countries = Vec::new();
        let mut by_code = HashMap::new();
        for f in data_lines(COUNTRIES_TSV) {
            let field = |i: usize| f.get(i).copied().unwrap_or("");
            let country = Country {
                code: field(0),
                name: field(1),
                region: field(2),
                subregion: field(3),
            };
            by_code.insert(country.code, countries.len() as Cx);
            countries.push(country);
        }
        Table { countries, by_code }
    }

    /// Folded lower-case name/alias/demonym/code -> countries, for [`resolve`](super::resolve)
    /// (built on its first call: folding every alias is most of the table's cost, and a search
    /// without `--country` never needs it).
    fn lookup(&self) -> HashMap<String, Vec<Cx>> {
        let mut lookup: HashMap<String, Vec<Cx>> = HashMap::new();
        let mut add_lookup = |key: &str, cx: Cx| {
            let k = fold_query(key);
            let v = lookup.entry(k).or_default();
            if !v.contains(&cx) {
                v.push(cx);
            }
        };
        for (cx, f) in data_lines(COUNTRIES_TSV).enumerate() {
            let cx = cx as Cx;
            let field = |i: usize| f.get(i).copied().unwrap_or("");
            add_lookup(field(0), cx);
            add_lookup(field(1), cx);
            for col in [4, 5] {
                for phrase in split_list(field(col)) {
                    add_lookup(phrase.strip_suffix('~').unwrap_or(phrase), cx);
                }
            }
        }
        // "Korea"/"Congo" are ambiguous for a user query too
        for (word, codes) in [("korea", ["KP", "KR"]), ("congo", ["CD", "CG"])] {
            let v: Vec<Cx> = codes.iter().filter_map(|c| self.cx(c)).collect();
            lookup.insert(word.to_string(), v);
        }
        if let Some(korea) = lookup.get("korea").cloned() {
            lookup.insert("korean".to_string(), korea);
        }
        lookup
    }

    /// The index of the country with this ISO code (in capitals).
    pub(super) fn cx(&self, code: &str) -> Option<Cx> {
        self.by_code.get(code).copied()
    }
}

/// The country table: cheap, loaded on first use by [`all`](super::all),
/// [`by_code`](super::by_code) and [`resolve`](super::resolve).
pub(super) static TABLE: LazyLock<Table> = LazyLock::new(Table::load);
/// The user-value lookup of [`resolve`](super::resolve): built on its first call.
pub(super) static LOOKUP: LazyLock<HashMap<String, Vec<Cx>>> = LazyLock::new(|| TABLE.lookup());
/// The detection gazetteer and its automaton: loaded on the first [`detect`](super::detect).
pub(super) static GAZ: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);
