/*!
Country detection: which present-day countries an article refers to, and how.

The gazetteer is generated from maintained open data by `tools/gazetteer/build.py` (see
`data/SOURCES.md`) and embedded at compile time:

* `data/countries.tsv`: one row per ISO 3166-1 country (plus Kosovo, `XK`) with its canonical
  name, UN M49 region and sub-region, aliases, demonyms, capitals and institutions;
* `data/places.tsv`: cities, US states and ISO 3166-2 subdivisions with their country (a name
  may belong to several countries; the rows carry populations to rank them);
* `data/supplement.tsv`: the hand-curated part; at run time only its `block` phrases (not a
  country: "Indian Ocean", "French fries") and `namelike` words (also personal names: "Jordan",
  "Chad", "Washington") are read here.

All phrases go into one ASCII-case-insensitive Aho-Corasick automaton (leftmost-longest, anchored):
an article is scanned once, with a search only where a word starts with a capital (or with the
few lower-case letters some phrase starts with, as in "the Netherlands"). Every hit is checked
for a word boundary and for letter case ("turkey" is not "Turkey", but an all-capitals headline
or dateline may say "TURKEY"), and the ambiguous ones are settled from the rest of the article
(see [`detect`]). About 60 MB/s on one core over the project's corpora, after a one-off 0.1 s
build of the automaton.
*/

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

/// How an article refers to a country.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum How {
    /// By name, alias, demonym, capital-as-government or institution.
    Explicit,
    /// Only through a place inside it (a city, region, or a dateline).
    Place,
}

/// A country an article refers to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountryRef {
    /// ISO 3166-1 alpha-2 code (`XK` for Kosovo).
    pub code: String,
    /// Canonical English short name ("United States", "North Korea").
    pub name: String,
    pub how: How,
}

/// A country of the gazetteer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Country {
    pub code: &'static str,
    pub name: &'static str,
    /// UN M49 region ("Asia") and sub-region ("Eastern Asia").
    pub region: &'static str,
    pub subregion: &'static str,
}

/// What a user's country name resolves to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolved {
    One(Country),
    Ambiguous(Vec<Country>),
    Unknown,
}

const COUNTRIES_TSV: &str = include_str!("../../../data/countries.tsv");
const PLACES_TSV: &str = include_str!("../../../data/places.tsv");
const SUPPLEMENT_TSV: &str = include_str!("../../../data/supplement.tsv");

/// Index into [`Gazetteer::countries`].
type Cx = u16;

/// What kind of reference a phrase is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
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
enum Special {
    None,
    /// "Korea", "Korean": only counted when the article makes clear which Korea.
    Korea,
    /// Bare "Congo", "Congolese": DR Congo unless the article points to Brazzaville.
    Congo,
    /// "Georgia": the country, or the US state in an American context.
    Georgia,
}

#[derive(Clone, Debug)]
struct Pattern {
    /// The phrase as written in the data (letter case matters for the case check).
    text: String,
    /// Not a country ("Indian Ocean"): matching it hides its words.
    block: bool,
    /// Explicit reference (name, demonym, institution, capital) if any.
    explicit: Option<(Cx, Kind)>,
    /// Place readings, most populous first.
    places: Vec<(Cx, u64)>,
    /// A state, province or region (can qualify a city: "Paris, Texas").
    region: bool,
    /// Also an ordinary English word ("Phoenix", "Surrey"): not trusted where every word is
    /// capitalised (a headline in capitals, a sentence start).
    word: bool,
    /// Also a personal name ("Jordan", "Chad", "Paris").
    namelike: bool,
    /// A personal name in the supplement's `person` list: once used for a person in an article,
    /// every bare use there is the person ("Michael Jordan ... Jordan said").
    propagate: bool,
    special: Special,
}

/// The country table alone (names, codes, regions and the user-value lookup), without the
/// detection automaton: `search` needs only this to resolve `--country` and to name facets, and
/// building it takes well under a millisecond where the whole gazetteer takes about 80 ms.
struct Table {
    countries: Vec<Country>,
    by_code: HashMap<&'static str, Cx>,
}

struct Gazetteer {
    countries: Vec<Country>,
    by_code: HashMap<&'static str, Cx>,
    patterns: Vec<Pattern>,
    automaton: AhoCorasick,
    /// Bytes a word worth an anchored search may start with: capitals, non-ASCII letters, and
    /// the lower-case letters that start some pattern ("the Netherlands", "guinea pig").
    first_byte: [bool; 256],
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
fn fold_query(s: &str) -> String {
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
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .start_kind(StartKind::Anchored)
            .build(patterns.iter().map(|p| p.text.as_str()))
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

    fn cx(&self, code: &str) -> Option<Cx> {
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

    /// Folded lower-case name/alias/demonym/code -> countries, for [`resolve`] (built on its
    /// first call: folding every alias is most of the table's cost, and a search without
    /// `--country` never needs it).
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

    fn cx(&self, code: &str) -> Option<Cx> {
        self.by_code.get(code).copied()
    }
}

/// The country table: cheap, loaded on first use by [`all`], [`by_code`] and [`resolve`].
static TABLE: LazyLock<Table> = LazyLock::new(Table::load);
/// The user-value lookup of [`resolve`]: built on its first call.
static LOOKUP: LazyLock<HashMap<String, Vec<Cx>>> = LazyLock::new(|| TABLE.lookup());
/// The detection gazetteer and its automaton: loaded on the first [`detect`].
static GAZ: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

/// Every country of the gazetteer, in ISO code order.
pub fn all() -> impl Iterator<Item = Country> {
    TABLE.countries.iter().cloned()
}

/// The country with this ISO 3166-1 alpha-2 code (any letter case).
pub fn by_code(code: &str) -> Option<Country> {
    let code = code.trim().to_ascii_uppercase();
    TABLE
        .cx(&code)
        .map(|cx| TABLE.countries[cx as usize].clone())
}

/// Resolves a user's country value: canonical name, alias, demonym or ISO alpha-2 code, in any
/// letter case and with or without accents and dots ("korea" is ambiguous).
pub fn resolve(query: &str) -> Resolved {
    let q = fold_query(query);
    let q = q.strip_prefix("the ").unwrap_or(&q);
    match LOOKUP.get(q) {
        Some(v) if v.len() == 1 => Resolved::One(TABLE.countries[v[0] as usize].clone()),
        Some(v) if !v.is_empty() => {
            let mut all: Vec<Country> = v
                .iter()
                .map(|&c| TABLE.countries[c as usize].clone())
                .collect();
            all.sort_by_key(|c| c.code);
            Resolved::Ambiguous(all)
        }
        _ => Resolved::Unknown,
    }
}

// ---------------------------------------------------------------------------------------------
// Detection

/// Capitalised words that may stand right before a country or place word without making it part
/// of a longer proper name ("In Paris", "The Hague" aside).
const FUNCTION_WORDS: &[&str] = &[
    "Former",
    "Many",
    "Most",
    "Several",
    "Top",
    "Leading",
    "Senior",
    "Veteran",
    "Fellow",
    "Two",
    "Three",
    "Four",
    "Five",
    "Other",
    "All",
    "Another",
    "Any",
    "Our",
    "Your",
    "His",
    "Her",
    "My",
    "We",
    "They",
    "He",
    "She",
    "I",
    "Young",
    "Old",
    "New",
    "Rival",
    "Ex",
    "Pro",
    "Anti",
    "A",
    "About",
    "Across",
    "After",
    "Against",
    "Along",
    "Also",
    "Although",
    "Among",
    "An",
    "And",
    "Around",
    "As",
    "At",
    "Because",
    "Before",
    "Behind",
    "Besides",
    "Between",
    "Beyond",
    "Both",
    "But",
    "By",
    "Despite",
    "During",
    "Each",
    "Either",
    "Even",
    "Every",
    "For",
    "From",
    "Had",
    "Has",
    "Have",
    "Here",
    "How",
    "If",
    "In",
    "Including",
    "Inside",
    "Into",
    "Is",
    "It",
    "Its",
    "Like",
    "Meanwhile",
    "Near",
    "Neither",
    "No",
    "Nor",
    "Not",
    "Now",
    "Of",
    "Off",
    "On",
    "Once",
    "Only",
    "Or",
    "Outside",
    "Over",
    "Since",
    "So",
    "Some",
    "Than",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "This",
    "Those",
    "Though",
    "Through",
    "Throughout",
    "To",
    "Today",
    "Toward",
    "Towards",
    "Under",
    "Unlike",
    "Until",
    "Up",
    "Upon",
    "Was",
    "Were",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Within",
    "Without",
    "Yesterday",
    "Yet",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "Greater",
    "Downtown",
    "Rural",
    "Urban",
    "Coastal",
];

/// Verbs after a capital that make it the government acting ("Beijing warned").
const GOV_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "warned",
    "warns",
    "insisted",
    "insists",
    "accused",
    "accuses",
    "denied",
    "denies",
    "announced",
    "announces",
    "wants",
    "wanted",
    "demanded",
    "demands",
    "urged",
    "urges",
    "rejected",
    "rejects",
    "agreed",
    "agrees",
    "responded",
    "responds",
    "threatened",
    "threatens",
    "has",
    "had",
    "have",
    "will",
    "would",
    "is",
    "was",
    "has",
    "must",
    "should",
    "could",
    "may",
    "might",
    "can",
    "hopes",
    "hoped",
    "believes",
    "fears",
    "sees",
    "considers",
    "claims",
    "claimed",
    "condemned",
    "condemns",
    "welcomed",
    "welcomes",
    "protested",
    "protests",
    "recognised",
    "recognized",
    "imposed",
    "lifted",
    "sent",
    "sends",
    "backed",
    "backs",
    "opposed",
    "opposes",
    "argued",
    "argues",
    "plans",
    "planned",
    "refused",
    "refuses",
    "vowed",
    "vows",
    "retaliated",
    "expelled",
    "recalled",
    "signed",
    "sought",
    "seeks",
    "decided",
    "ordered",
    "approved",
    "blamed",
    "blames",
    "called",
    "calls",
];

/// Words before a capital that make it the government dealt with ("urges Ankara", "talks with
/// Moscow").
const GOV_OBJECT: &[&str] = &[
    "with",
    "against",
    "between",
    "urged",
    "urges",
    "urging",
    "asked",
    "asks",
    "told",
    "tells",
    "pressed",
    "presses",
    "warned",
    "warns",
    "accused",
    "accuses",
    "criticised",
    "criticized",
    "condemned",
    "condemns",
    "blamed",
    "blames",
    "called",
    "calls",
    "persuade",
    "persuaded",
];

/// Nouns after a capital's possessive that make it the government ("Pyongyang's appeals").
const GOV_NOUNS: &[&str] = &[
    "government",
    "decision",
    "position",
    "policy",
    "policies",
    "appeal",
    "appeals",
    "demands",
    "demand",
    "response",
    "stance",
    "refusal",
    "support",
    "opposition",
    "plan",
    "plans",
    "proposal",
    "offer",
    "efforts",
    "relations",
    "ties",
    "ambassador",
    "envoy",
    "officials",
    "leaders",
    "leadership",
    "regime",
    "military",
    "allies",
    "interests",
    "claims",
    "move",
    "role",
    "influence",
    "approach",
    "strategy",
    "threat",
    "threats",
    "sanctions",
    "actions",
];

/// Titles and words that make the next capitalised word a person's name.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Lord", "Lady", "Dame", "Prof", "Rev", "Mr.", "Mrs.",
    "Ms.", "Dr.", "St", "St.", "Saint", "Fort", "Port", "Lake", "Mount", "Cape", "General", "Gen",
    "Gen.", "Senator", "Sen", "Sen.", "Rep", "Rep.", "Gov", "Gov.", "Coach", "Captain",
];

/// Nouns after a place that name something at or of that place, not a person or a company
/// ("Geneva Convention", "Heathrow Airport").
const NAME_HEADS: &[&str] = &[
    "Office",
    "Cup",
    "Open",
    "Government",
    "Parliament",
    "Assembly",
    "Ministry",
    "Army",
    "Navy",
    "Embassy",
    "Consulate",
    "National",
    "Nationals",
    "Rugby",
    "Football",
    "Cricket",
    "Airways",
    "Airlines",
    "Senate",
    "Legislature",
    "Secretary",
    "Minister",
    "President",
    "Prime",
    "Accord",
    "Accords",
    "Agreement",
    "Airport",
    "Conference",
    "Convention",
    "Conventions",
    "Declaration",
    "Protocol",
    "Summit",
    "Treaty",
    "Talks",
    "Process",
    "Talks",
    "Province",
    "State",
    "City",
    "Region",
    "District",
    "Valley",
    "Bay",
    "River",
    "Island",
    "Islands",
    "Harbour",
    "Harbor",
    "Port",
    "University",
    "Police",
    "Council",
    "Court",
    "Mayor",
    "Governor",
    "Metropolitan",
    "Municipal",
    "Stock",
    "Exchange",
    "Station",
];

/// A shared place name with no context goes to its most populous bearer only when that one is
/// this many times bigger than the next.
const CLEAR_LEAD: u64 = 2;

/// Places at least this populous keep a following capitalised name ("Chicago Cubs").
const BIG_CITY: u64 = 1_000_000;

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// The character before byte `start` is not a letter or digit.
fn boundary_before(text: &str, start: usize) -> bool {
    match text[..start].chars().next_back() {
        None => true,
        Some(c) => !c.is_alphanumeric(),
    }
}

fn boundary_after(text: &str, end: usize) -> bool {
    match text[end..].chars().next() {
        None => true,
        Some(c) => !c.is_alphanumeric(),
    }
}

/// The matched text agrees with the pattern's letter case: an upper-case letter of the pattern
/// must be upper-case in the text; a lower-case one may be capitalised at a word start, or when
/// the whole match is in capitals where capitals are usual (`caps_ok`: a headline in capitals or a
/// dateline at the start of a line: "CHINA", "LONDON").
fn case_ok(pattern: &str, text: &str, block: bool, caps_ok: bool) -> bool {
    if block {
        return true;
    }
    let (p, t) = (pattern.as_bytes(), text.as_bytes());
    if p.len() != t.len() {
        return false;
    }
    let all_caps = caps_ok && !t.iter().any(u8::is_ascii_lowercase);
    for i in 0..p.len() {
        if p[i] == t[i] {
            continue;
        }
        if p[i].is_ascii_uppercase() {
            return false;
        }
        let word_start = i == 0 || !is_word_byte(p[i - 1]);
        if !(all_caps || word_start) {
            return false;
        }
    }
    true
}

/// The word right before byte `start` (skipping one space), if directly adjacent.
fn prev_word(text: &str, start: usize) -> Option<&str> {
    let before = &text[..start];
    let before = before.strip_suffix(' ')?;
    let begin = before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.' || *c == '\'' || *c == '-'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let w = &before[begin..];
    (!w.is_empty()).then_some(w)
}

/// The word right after byte `end` (one space), if directly adjacent.
fn next_word(text: &str, end: usize) -> Option<&str> {
    let after = text[end..].strip_prefix(' ')?;
    let stop = after
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '-'))
        .map(|(i, _)| i)
        .unwrap_or(after.len());
    let w = &after[..stop];
    (!w.is_empty()).then_some(w)
}

/// Byte `s` starts a sentence (or a line).
fn sentence_start(line: &str, s: usize) -> bool {
    let before = line[..s].trim_end_matches([' ', '"', '\'', '\u{201c}', '\u{2018}', '(', '[']);
    before.is_empty() || before.ends_with(['.', '!', '?', ':', ';', '-', '\u{2014}', '\u{2013}'])
}

fn capitalised(w: &str) -> bool {
    let mut cs = w.chars();
    matches!(cs.next(), Some(c) if c.is_uppercase()) && cs.any(|c| c.is_lowercase())
}

/// A line in capitals (a CoNLL/Reuters headline or dateline): capitalisation tells nothing.
fn shouting(line: &str) -> bool {
    let (mut upper, mut lower) = (0usize, 0usize);
    for b in line.bytes() {
        upper += b.is_ascii_uppercase() as usize;
        lower += b.is_ascii_lowercase() as usize;
    }
    upper > 3 * lower.max(1)
}

/// Most words of the line are capitalised ("Third Paris Blast Victim Named").
fn title_case(line: &str) -> bool {
    let (mut words, mut caps) = (0usize, 0usize);
    for w in line.split_whitespace() {
        if let Some(c) = w.chars().find(|c| c.is_alphabetic()) {
            words += 1;
            caps += c.is_uppercase() as usize;
        }
    }
    words >= 3 && caps * 10 >= words * 6
}

#[derive(Clone, Copy, Debug)]
struct Mention {
    pat: usize,
    /// Capital used as a location, or a mention in the dateline.
    located: bool,
    /// Part of a longer personal name ("Michael Jordan", "Paris Hilton").
    person: bool,
    /// ... as its last word, after a first name or title ("John Bolton").
    surname: bool,
    /// After a locative preposition ("in Bolton").
    locative: bool,
    /// At the start of a line in capitals: a dateline city, which news style names alone only
    /// when it is the well-known one ("VANCOUVER" is Canada's, "Vancouver, Wash." is not).
    line_start: bool,
    /// "Paris, Texas": the country of the qualifying place that follows.
    qualifier: Option<usize>,
    /// The qualifier ends a phrase ("Madrid, Philippines,"), so a country name there qualifies.
    qual_closed: bool,
    in_dateline: bool,
    /// Position in the article, for first-mention order.
    pos: usize,
}

fn scan(
    text: &str,
    base: usize,
    dateline: Option<(usize, usize)>,
    headline: bool,
    out: &mut Vec<Mention>,
) {
    let g = &*GAZ;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let shout = shouting(line);
        // a headline in Title Case: capitals there say nothing about names either
        let titled = headline && title_case(line);
        // a line's leading run in capitals ("NORTHBROOK, ILL., March 2 -"): a dateline
        let caps_prefix = line
            .bytes()
            .position(|b| b.is_ascii_lowercase())
            .unwrap_or(line.len());
        let mut last: Option<usize> = None;
        let bytes = line.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // next word start worth an anchored search
            if !g.first_byte[bytes[at] as usize] {
                at += 1;
                continue;
            }
            let starts_word = at == 0
                || !is_word_byte(bytes[at - 1])
                || (bytes[at - 1] >= 0x80 && boundary_before(line, at));
            if !starts_word {
                at += 1;
                continue;
            }
            let input = Input::new(line).range(at..).anchored(Anchored::Yes);
            let Some(m) = g.automaton.find(input) else {
                at += 1;
                continue;
            };
            let (s, e) = (m.start(), m.end());
            // unless a match is taken below, the search goes on at the next word
            at = s + 1;
            let pat = &g.patterns[m.pattern().as_usize()];
            if !line.is_char_boundary(e) || !boundary_after(line, e) {
                continue;
            }
            let matched = &line[s..e];
            if !case_ok(&pat.text, matched, pat.block, shout || s < caps_prefix) {
                continue;
            }
            if pat.block {
                last = None;
                at = e;
                continue;
            }
            // the pronoun "US" in a headline in capitals
            if shout && matched == "US" {
                if let Some(p) = prev_word(line, s) {
                    if matches!(
                        p,
                        "LET"
                            | "TO"
                            | "FOR"
                            | "WITH"
                            | "OF"
                            | "FROM"
                            | "TELL"
                            | "TELLS"
                            | "GIVE"
                            | "HELP"
                            | "JOIN"
                            | "BY"
                            | "AGAINST"
                            | "ABOUT"
                            | "ALL"
                    ) {
                        continue;
                    }
                }
            }
            let prev = prev_word(line, s);
            let next = next_word(line, e);
            let pure_place = pat.explicit.is_none() && !pat.places.is_empty();
            if pure_place && pat.word && (shout || titled || sentence_start(line, s)) {
                continue;
            }
            // "Bristol-Myers", "Kimberly-Clark": a compound name, not the place
            if pure_place
                && line[e..].starts_with('-')
                && line[e + 1..].starts_with(|c: char| c.is_uppercase())
            {
                continue;
            }
            // "Lincoln County", "Nassau County": a county named after somebody or something else
            if (pure_place || pat.explicit.is_some_and(|(_, k)| k == Kind::Capital))
                && next == Some("County")
            {
                continue;
            }
            let weak = pat.namelike || (pat.explicit.is_none() && !pat.places.is_empty());
            let mut person = false;
            // after a first name or title ("John Bolton"), not before a name ("Geneva Motor Show")
            let mut surname = false;
            if weak && !shout && !titled {
                if let Some(p) = prev {
                    let title = TITLES.contains(&p);
                    let name_before = capitalised(p)
                        && !FUNCTION_WORDS.contains(&p)
                        && !p.ends_with('.')
                        && !line[..s - 1].ends_with(['.', ':', '"']);
                    // a preceding capitalised word that is itself a place ("Kansas City") was
                    // consumed by the automaton as one pattern; anything else marks a longer name
                    if title || (name_before && last.is_none_or(|l| l + 1 < s)) {
                        person = true;
                        surname = true;
                    }
                }
                let name_after = next.is_some_and(|n| {
                    capitalised(n) && !FUNCTION_WORDS.contains(&n) && !NAME_HEADS.contains(&n)
                });
                if name_after {
                    let demonym = pat.explicit.is_some_and(|(_, k)| k == Kind::Demonym);
                    if (pat.namelike && !demonym) || (pure_place && pat.word) {
                        person = true;
                    } else if pat.places.first().is_some_and(|x| x.1 < BIG_CITY) {
                        // "Cambridge Analytica", "Moro Islamic Liberation Front": part of a
                        // longer name, not a location (big cities keep "Chicago Cubs")
                        last = Some(e);
                        at = e;
                        continue;
                    }
                }
            }
            // "American-style options", "Soviet-style": a manner, not the country
            if pat.explicit.is_some_and(|(_, k)| k == Kind::Demonym)
                && line[e..].starts_with("-style")
            {
                continue;
            }
            // a capital is the government only when it acts or is dealt with ("Washington said",
            // "talks with Moscow", "Pyongyang's appeals"); otherwise it is a location
            let agent = next.is_some_and(|n| GOV_VERBS.contains(&n))
                || prev.is_some_and(|p| GOV_OBJECT.contains(&p))
                || (line[e..].starts_with("'s ") || line[e..].starts_with("\u{2019}s ")) && {
                    let rest = line[e..].split_once(' ').map_or("", |x| x.1);
                    let word = rest
                        .split(|c: char| !c.is_alphabetic())
                        .next()
                        .unwrap_or("");
                    GOV_NOUNS.contains(&word)
                };
            let located = !agent;
            let locative = prev.is_some_and(|p| {
                matches!(
                    p,
                    "in" | "at"
                        | "from"
                        | "to"
                        | "near"
                        | "outside"
                        | "across"
                        | "around"
                        | "into"
                        | "In"
                        | "At"
                        | "From"
                        | "To"
                        | "Near"
                        | "Outside"
                )
            });
            let pos = base + line_start + s;
            let in_dateline = dateline.is_some_and(|(a, b)| pos >= a && pos < b);
            // "Paris, Texas": qualified by the next match when it follows ", "
            if let Some(q) = out.last_mut() {
                let q_end = q.pos + g.patterns[q.pat].text.len();
                if q_end + 2 == pos && line[..s].ends_with(", ") && !person {
                    q.qualifier = Some(m.pattern().as_usize());
                    // "Madrid, Philippines." but not "In Madrid, Britain said"
                    q.qual_closed = line[e..]
                        .chars()
                        .next()
                        .is_none_or(|c| matches!(c, ',' | '.' | ';' | ')' | '\n' | '\r'));
                }
            }
            out.push(Mention {
                pat: m.pattern().as_usize(),
                located,
                person,
                qualifier: None,
                qual_closed: false,
                surname,
                locative,
                line_start: !headline && s == 0 && caps_prefix > e,
                in_dateline,
                pos,
            });
            last = Some(e);
            at = e;
        }
        line_start += line.len();
    }
}

/// Detects the countries an article refers to, each once, in order of first mention; a country
/// referred to explicitly anywhere is `Explicit`, otherwise `Place`.
///
/// Context rules:
/// - a word that is also a personal name is not a country or place inside a longer name
///   ("Michael Jordan", "Chad Smith", "Paris Hilton", "Denzel Washington", "Philip French"), and
///   for the supplement's `person` words (and smaller places used as surnames, "Charles Rangel")
///   nowhere in an article that uses it so, datelines aside;
/// - a smaller place directly followed by another capitalised name is part of that name
///   ("Cambridge Analytica", "Lincoln County"), a big one is not ("Chicago Cubs");
/// - a place followed by ", <state or province>" (or a country name closing the phrase) belongs
///   there ("Paris, Texas", "Cambridge, Mass.", "Madrid, Philippines.");
/// - a shared place name goes to the country the article mentions most, a dateline city standing
///   alone to its most populous bearer, and otherwise to that bearer only when it is clearly the
///   biggest (bare "Newcastle" counts for nobody);
/// - a capital is explicit only when the government acts or is dealt with ("Beijing warned",
///   "talks with Moscow", "urges Ankara", "Pyongyang's appeals"), else it is a place;
/// - "Georgia" is the US state in an American context without a Georgian one; bare "Congo" is
///   DR Congo unless the article points to Brazzaville; "Korean" alone counts only for a Korea
///   the article otherwise makes clear (bare "Korea" is South Korea unless only North Korea is
///   named).
pub fn detect(headline: &str, dateline: Option<&str>, body: &str) -> Vec<CountryRef> {
    explain(headline, dateline, body)
        .into_iter()
        .map(|(c, _)| c)
        .collect()
}

/// [`detect`], with the phrase of each country's first mention (for debugging the gazetteer).
#[doc(hidden)]
pub fn explain(headline: &str, dateline: Option<&str>, body: &str) -> Vec<(CountryRef, String)> {
    let g = &*GAZ;
    let mut mentions = Vec::new();
    scan(headline, 0, None, true, &mut mentions);
    let base = headline.len() + 1;
    let dl = dateline.and_then(|d| {
        let d = d.trim();
        (!d.is_empty()).then(|| body.find(d).map(|i| (base + i, base + i + d.len())))?
    });
    scan(body, base, dl, false, &mut mentions);

    // names used for people in this article ("Michael Jordan" -> every bare "Jordan" too)
    // (a plain place is a surname here too, unless the article also uses it as a location:
    // "Charles Rangel ... Rangel said", but "John Bolton ... flights from Bolton")
    let located_words: Vec<usize> = mentions
        .iter()
        .filter(|m| m.locative)
        .map(|m| m.pat)
        .collect();
    let person_words: Vec<&str> = mentions
        .iter()
        .filter(|m| {
            let p = &g.patterns[m.pat];
            let plain_place = p.explicit.is_none()
                && !located_words.contains(&m.pat)
                && p.places.first().is_some_and(|x| x.1 < BIG_CITY);
            m.person && (p.propagate || (m.surname && plain_place))
        })
        .map(|m| g.patterns[m.pat].text.as_str())
        .collect();
    let mentions: Vec<Mention> = mentions
        .into_iter()
        .filter(|m| {
            !m.person
                && (m.line_start
                    || m.in_dateline
                    || !person_words.contains(&g.patterns[m.pat].text.as_str()))
        })
        .collect();

    // first pass: unambiguous evidence
    let mut explicit: Vec<Cx> = Vec::new();
    let mut placed: Vec<Cx> = Vec::new();
    for m in &mentions {
        let p = &g.patterns[m.pat];
        if p.special != Special::None {
            continue;
        }
        if let Some((cx, _)) = p.explicit {
            explicit.push(cx);
        } else if p.places.len() == 1 {
            placed.push(p.places[0].0);
        }
    }
    let evidence = |cx: Cx| explicit.contains(&cx) || placed.contains(&cx);
    let weight = |cx: Cx| {
        explicit.iter().filter(|&&c| c == cx).count() + placed.iter().filter(|&&c| c == cx).count()
    };
    let us = g.cx("US").unwrap_or(0);
    // an American setting: the US named, or a place whose best reading is American
    let us_context = mentions.iter().any(|m| {
        let p = &g.patterns[m.pat];
        p.special == Special::None
            && (p.explicit.map(|x| x.0) == Some(us) || p.places.first().map(|x| x.0) == Some(us))
    });

    let mut found: Vec<(Cx, How, usize, usize)> = Vec::new();
    let mut note = |cx: Cx, how: How, pos: usize, pat: usize| {
        if let Some(f) = found.iter_mut().find(|f| f.0 == cx) {
            if how == How::Explicit {
                f.1 = How::Explicit;
            }
        } else {
            found.push((cx, how, pos, pat));
        }
    };
    for m in &mentions {
        let p = &g.patterns[m.pat];
        match p.special {
            Special::Korea => {
                let (kp, kr) = (g.cx("KP").unwrap_or(0), g.cx("KR").unwrap_or(0));
                let bare_korea = p.text == "Korea";
                match (evidence(kp), evidence(kr)) {
                    (true, false) => note(kp, How::Explicit, m.pos, m.pat),
                    (false, true) => note(kr, How::Explicit, m.pos, m.pat),
                    (false, false) if bare_korea => note(kr, How::Explicit, m.pos, m.pat),
                    _ => {}
                }
                continue;
            }
            Special::Congo => {
                let (cd, cg) = (g.cx("CD").unwrap_or(0), g.cx("CG").unwrap_or(0));
                let cx = if evidence(cg) && !evidence(cd) {
                    cg
                } else {
                    cd
                };
                note(cx, How::Explicit, m.pos, m.pat);
                continue;
            }
            Special::Georgia => {
                let ge = g.cx("GE").unwrap_or(0);
                if !evidence(ge) && us_context {
                    note(us, How::Place, m.pos, m.pat);
                } else {
                    note(ge, How::Explicit, m.pos, m.pat);
                }
                continue;
            }
            Special::None => {}
        }
        // "Paris, Texas", "Athens, Georgia": a capital's namesake in another country
        let qualified_elsewhere = p.explicit.and_then(|(cx, kind)| {
            let q = &g.patterns[m.qualifier?];
            if kind != Kind::Capital {
                return None;
            }
            let qc = if q.special == Special::Georgia && us_context {
                us
            } else if q.explicit.is_none() && q.region {
                q.places.first()?.0
            } else if let Some((qc, Kind::Name)) = q.explicit.filter(|_| m.qual_closed) {
                qc
            } else {
                return None;
            };
            (qc != cx).then_some(qc)
        });
        if let Some(qc) = qualified_elsewhere {
            note(qc, How::Place, m.pos, m.pat);
            continue;
        }
        if let Some((cx, kind)) = p.explicit {
            let how = if kind == Kind::Capital && (m.located || m.in_dateline) {
                How::Place
            } else {
                How::Explicit
            };
            note(cx, how, m.pos, m.pat);
            continue;
        }
        if p.places.is_empty() {
            continue;
        }
        // "Paris, Texas": the qualifier's country decides
        let qual_country = m.qualifier.and_then(|q| {
            let qp = &g.patterns[q];
            if qp.special == Special::Georgia {
                // "Atlanta, Georgia": the state, unless Georgia is the country here
                return p.places.iter().find(|(c, _)| *c == us).map(|x| x.0);
            }
            qp.explicit
                .filter(|(_, k)| *k == Kind::Name)
                .map(|(c, _)| c)
                .or_else(|| qp.places.first().filter(|_| qp.region).map(|x| x.0))
        });
        let cx = match qual_country {
            Some(c) => c,
            // the bearer whose country the article mentions most ("Newcastle" in an article
            // about England's rugby side that names Australia once)
            None if m.line_start || m.in_dateline => p.places[0].0,
            None => match p
                .places
                .iter()
                .filter(|(c, _)| evidence(*c))
                .max_by_key(|(c, pop)| (weight(*c), *pop))
            {
                Some(x) => x.0,
                // no context: the most populous bearer, unless another is nearly as big
                // ("Newcastle": Australia's, South Africa's or England's)
                None if p
                    .places
                    .get(1)
                    .is_some_and(|x| x.1 * CLEAR_LEAD > p.places[0].1) =>
                {
                    continue
                }
                None => p.places[0].0,
            },
        };
        note(cx, How::Place, m.pos, m.pat);
    }
    found.sort_by_key(|f| f.2);
    found
        .into_iter()
        .map(|(cx, how, _, pat)| {
            let c = &g.countries[cx as usize];
            let r = CountryRef {
                code: c.code.to_string(),
                name: c.name.to_string(),
                how,
            };
            (r, g.patterns[pat].text.clone())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(headline: &str, body: &str) -> Vec<(String, How)> {
        detect(headline, None, body)
            .into_iter()
            .map(|c| (c.code, c.how))
            .collect()
    }

    fn code_list(body: &str) -> Vec<String> {
        codes("", body).into_iter().map(|(c, _)| c).collect()
    }

    /// Table rows: (text, codes that must be found, codes that must not be).
    fn check(table: &[(&str, &[&str], &[&str])]) {
        for (text, yes, no) in table {
            let got = code_list(text);
            for c in *yes {
                assert!(
                    got.iter().any(|g| g == c),
                    "{text:?}: expected {c}, got {got:?}"
                );
            }
            for c in *no {
                assert!(
                    !got.iter().any(|g| g == c),
                    "{text:?}: unexpected {c}, got {got:?}"
                );
            }
        }
    }

    #[test]
    fn loads() {
        assert!(all().count() > 240);
        assert_eq!(by_code("us").unwrap().name, "United States");
        assert_eq!(by_code("XK").unwrap().name, "Kosovo");
        let cn = by_code("CN").unwrap();
        assert_eq!((cn.region, cn.subregion), ("Asia", "Eastern Asia"));
        for c in all() {
            assert!(!c.name.is_empty() && c.code.len() == 2, "{c:?}");
        }
    }

    #[test]
    fn canonical_names() {
        for (code, name) in [
            ("US", "United States"),
            ("GB", "United Kingdom"),
            ("RU", "Russia"),
            ("KP", "North Korea"),
            ("KR", "South Korea"),
            ("IR", "Iran"),
            ("SY", "Syria"),
            ("VN", "Vietnam"),
            ("BO", "Bolivia"),
            ("TZ", "Tanzania"),
            ("VE", "Venezuela"),
            ("LA", "Laos"),
            ("MD", "Moldova"),
            ("TW", "Taiwan"),
            ("PS", "Palestine"),
            ("VA", "Vatican City"),
            ("CZ", "Czechia"),
            ("XK", "Kosovo"),
        ] {
            assert_eq!(by_code(code).unwrap().name, name);
        }
    }

    #[test]
    fn resolves_user_values() {
        let one = |q: &str| match resolve(q) {
            Resolved::One(c) => c.code,
            other => panic!("{q}: {other:?}"),
        };
        assert_eq!(one("United States"), "US");
        assert_eq!(one("u.s."), "US");
        assert_eq!(one("usa"), "US");
        assert_eq!(one("America"), "US");
        assert_eq!(one("american"), "US");
        assert_eq!(one("britain"), "GB");
        assert_eq!(one("UK"), "GB");
        assert_eq!(one("british"), "GB");
        assert_eq!(one("Holland"), "NL");
        assert_eq!(one("the netherlands"), "NL");
        assert_eq!(one("cote d'ivoire"), "CI");
        assert_eq!(one("Côte d'Ivoire"), "CI");
        assert_eq!(one("fr"), "FR");
        assert_eq!(one("Chinese"), "CN");
        assert_eq!(one("North Korea"), "KP");
        assert_eq!(one("kosovo"), "XK");
        match resolve("korea") {
            Resolved::Ambiguous(v) => {
                let c: Vec<_> = v.iter().map(|c| c.code).collect();
                assert_eq!(c, ["KP", "KR"]);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(resolve("Atlantis"), Resolved::Unknown);
        assert_eq!(resolve(""), Resolved::Unknown);
    }

    #[test]
    fn explicit_and_place() {
        let got = codes(
            "",
            "Chinese officials met their counterparts in Lyon. The Kremlin said nothing.",
        );
        assert_eq!(
            got,
            [
                ("CN".to_string(), How::Explicit),
                ("FR".to_string(), How::Place),
                ("RU".to_string(), How::Explicit)
            ]
        );
        // explicit anywhere wins over place, order is first mention
        let got = codes(
            "",
            "Flights to Lyon resumed.\nFrance said the strike was over.",
        );
        assert_eq!(got, [("FR".to_string(), How::Explicit)]);
        // dateline city is a place
        let got = detect(
            "",
            Some("BRUSSELS 1996-08-22"),
            "BRUSSELS 1996-08-22\nPrices rose.",
        );
        assert_eq!(got[0].code, "BE");
        assert_eq!(got[0].how, How::Place);
        // capital standing for the government
        check(&[
            ("Washington said it would respond.", &["US"], &[]),
            ("Beijing warned against the move.", &["CN"], &[]),
            (
                "Talks with Moscow stalled over Pyongyang's appeals.",
                &["RU", "KP"],
                &[],
            ),
            (
                "Downing Street and the White House agreed.",
                &["GB", "US"],
                &[],
            ),
            ("The Bundestag voted.", &["DE"], &[]),
            ("The U.S. and the UK sent troops.", &["US", "GB"], &[]),
            ("A French company bought British lamb.", &["FR", "GB"], &[]),
            ("Holland beat Brazil.", &["NL", "BR"], &[]),
        ]);
        let got = codes("", "He flew to Moscow.");
        assert_eq!(got, [("RU".to_string(), How::Place)]);
        let got = codes("", "The Brussels, Paris and Amsterdam exchanges merged.");
        assert!(got.iter().all(|(_, h)| *h == How::Place), "{got:?}");
        let got = codes(
            "",
            "Ties between Moscow and Pyongyang's envoy. Istanbul urges Ankara to act.",
        );
        assert!(got.iter().all(|(_, h)| *h == How::Explicit), "{got:?}");
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn not_countries() {
        check(&[
            ("The Soviet Union and the USSR collapsed.", &[], &["RU"]),
            ("Europe and the EU, the Middle East and the West.", &[], &[]),
            ("Tension on the Korean peninsula rose.", &[], &["KP", "KR"]),
            ("The United Nations met.", &[], &["US"]),
            (
                "Ships crossed the Indian Ocean and the Persian Gulf.",
                &[],
                &["IN", "IR"],
            ),
            ("Patrols in the South China Sea.", &[], &["CN"]),
            ("She served French fries on fine china.", &[], &["FR", "CN"]),
            ("He wore a Panama hat.", &[], &["PA"]),
            ("Let us go.", &[], &["US"]),
            ("Options were American-style.", &[], &["US"]),
        ]);
        assert!(code_list("Europe and the EU, the Middle East and the West.").is_empty());
    }

    #[test]
    fn uk_constituent_countries() {
        let got = codes("", "Rain fell across Scotland and Wales.");
        assert_eq!(got, [("GB".to_string(), How::Place)]);
        let got = codes("", "English cricket fans cheered.");
        assert_eq!(got, [("GB".to_string(), How::Place)]);
        let got = codes("", "Rain fell across Scotland. Britain's economy slowed.");
        assert_eq!(got, [("GB".to_string(), How::Explicit)]);
    }

    #[test]
    fn georgia() {
        check(&[
            (
                "Georgia's president met officials in Tbilisi.",
                &["GE"],
                &["US"],
            ),
            (
                "Georgian troops withdrew from South Ossetia.",
                &["GE"],
                &["US"],
            ),
            ("Russia and Georgia fought a war.", &["GE", "RU"], &["US"]),
            (
                "He won the Republican primary in Georgia after rallies in Atlanta.",
                &["US"],
                &["GE"],
            ),
            (
                "She moved from Atlanta, Georgia to Texas.",
                &["US"],
                &["GE"],
            ),
        ]);
    }

    #[test]
    fn jordan() {
        check(&[
            (
                "King Abdullah of Jordan met Iraqi officials.",
                &["JO", "IQ"],
                &[],
            ),
            ("Refugees crossed into Jordan.", &["JO"], &[]),
            ("Michael Jordan scored 40 points.", &[], &["JO"]),
            (
                "Michael Jordan retired. Jordan said he was tired.",
                &[],
                &["JO"],
            ),
            ("Jordan Henderson captained the side.", &[], &["JO"]),
            (
                "Critic Philip French and Dawn French laughed.",
                &[],
                &["FR"],
            ),
            (
                "French Foreign Minister Michel Barnier spoke.",
                &["FR"],
                &[],
            ),
            (
                "Tom Holland and Jimmy Wales spoke; Cuba Gooding Jr. laughed.",
                &[],
                &["NL", "GB", "CU"],
            ),
            (
                "Holland and Wales drew; Cuba voted.",
                &["NL", "GB", "CU"],
                &[],
            ),
            (
                "The Wales Office and the Ireland Rugby Football Union.",
                &["GB", "IE"],
                &[],
            ),
        ]);
    }

    #[test]
    fn turkey_chad_niger_guinea() {
        check(&[
            ("Turkey closed its border.", &["TR"], &[]),
            ("Families ate roast turkey at Thanksgiving.", &[], &["TR"]),
            ("Chad and Sudan signed a deal.", &["TD", "SD"], &[]),
            ("Chad Smith played drums.", &[], &["TD"]),
            ("Niger held elections.", &["NE"], &["NG"]),
            ("Nigeria held elections.", &["NG"], &["NE"]),
            ("Oil spills in the Niger Delta.", &["NG"], &["NE"]),
            (
                "Guinea-Bissau and Equatorial Guinea.",
                &["GW", "GQ"],
                &["GN"],
            ),
            ("Papua New Guinea voted.", &["PG"], &["GN"]),
            ("Guinea's junta spoke.", &["GN"], &[]),
            ("The children kept a guinea pig.", &[], &["GN"]),
        ]);
    }

    #[test]
    fn congo_and_dominica() {
        check(&[
            (
                "Fighting in the Democratic Republic of Congo.",
                &["CD"],
                &["CG"],
            ),
            ("DR Congo's army advanced.", &["CD"], &["CG"]),
            ("Officials in Kinshasa said.", &["CD"], &["CG"]),
            ("The Republic of Congo held a vote.", &["CG"], &["CD"]),
            ("Congo-Brazzaville's president spoke.", &["CG"], &["CD"]),
            ("Rebels in Congo advanced.", &["CD"], &["CG"]),
            ("In Brazzaville, Congo's president spoke.", &["CG"], &["CD"]),
            ("Dominica was hit by a hurricane.", &["DM"], &["DO"]),
            ("The Dominican Republic was spared.", &["DO"], &["DM"]),
        ]);
    }

    #[test]
    fn shared_and_nested_names() {
        check(&[
            ("Voters in New Mexico.", &["US"], &["MX"]),
            ("Mexico City was quiet.", &["MX"], &[]),
            ("A storm in New Jersey.", &["US"], &["JE"]),
            ("Tax rules in Jersey and Guernsey.", &["JE", "GG"], &["US"]),
            ("He grew up in Paris, Texas.", &["US"], &["FR"]),
            ("Typhoon hits Madrid, Philippines.", &["PH"], &["ES"]),
            (
                "After talks in Madrid, Britain said no.",
                &["ES", "GB"],
                &[],
            ),
            (
                "Flights from Moscow, Kiev and Minsk.",
                &["RU", "UA", "BY"],
                &[],
            ),
            ("A march in Birmingham, Alabama.", &["US"], &["GB"]),
            ("Paris Hilton arrived.", &[], &["FR"]),
            ("Denzel Washington starred.", &[], &["US"]),
            ("George Washington crossed the river.", &[], &["US"]),
            ("Rain in Seattle, Washington.", &["US"], &[]),
            ("Dispatches from Hong Kong.", &["CN"], &["HK"]),
            ("Newcastle won at home.", &[], &["AU", "ZA", "GB"]),
            (
                "VANCOUVER, March 17 - A firm filed with the U.S. SEC.",
                &["CA", "US"],
                &[],
            ),
            (
                "GENEVA, March 3 - The Geneva Motor Show opens.",
                &["CH"],
                &[],
            ),
            ("John Bolton spoke. Bolton said no.", &[], &["GB"]),
            ("Rep. Charles Rangel spoke. Rangel said no.", &[], &["AO"]),
            ("John Bolton spoke of flights from Bolton.", &["GB"], &[]),
            (
                "Newcastle won at home, the best result in England this week.",
                &["GB"],
                &["AU"],
            ),
        ]);
    }

    #[test]
    fn korean_needs_context() {
        check(&[
            ("Korean shoppers were out.", &[], &["KP", "KR"]),
            (
                "North Korean and South Korean envoys met.",
                &["KP", "KR"],
                &[],
            ),
            ("Seoul said Korean exports rose.", &["KR"], &["KP"]),
        ]);
    }

    #[test]
    fn letter_case_and_capitals_lines() {
        check(&[
            ("CHINA SAYS TAIWAN TALKS STALLED", &["CN", "TW"], &[]),
            ("SOCCER - JORDAN BEAT IRAQ", &["JO", "IQ"], &[]),
            ("Trading in china and turkey.", &[], &["CN", "TR"]),
            ("A PR firm in NICE.", &[], &["FR"]),
        ]);
        let got = detect(
            "MARKETS RALLY",
            Some("LONDON, April 9 -"),
            "LONDON, April 9 - Shares rose.",
        );
        assert_eq!(got[0].code, "GB");
    }

    #[test]
    fn never_panics_on_odd_text() {
        for t in [
            "",
            "\n\n",
            "é",
            "Zürich – São Paulo — Bogotá’s",
            "日本 中国 Россия",
            "U.S.",
            "(U.S.)",
            "Côte d’Ivoire",
            "🇺🇸 America🇺🇸",
        ] {
            let _ = detect(t, Some(t), t);
        }
        assert_eq!(code_list("Zürich and Bogotá"), ["CH", "CO"]);
        assert_eq!(code_list("“China” —Russia «Iran»"), ["CN", "RU", "IR"]);
    }

    /// Throughput over a folder of text files (`NEWSDEX_CORPORA`, default `../shared/corpora`):
    /// `cargo test --release --lib countries::tests::throughput -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn throughput() {
        let root = std::env::var("NEWSDEX_CORPORA").unwrap_or("../shared/corpora".into());
        let mut texts = Vec::new();
        let mut stack = vec![std::path::PathBuf::from(root)];
        while let Some(p) = stack.pop() {
            if p.is_dir() {
                stack.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
            } else if p.extension().is_some_and(|e| e == "txt") {
                texts.push(String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned());
            }
        }
        let _ = detect("", None, "");
        let bytes: usize = texts.iter().map(String::len).sum();
        let t = std::time::Instant::now();
        let found: usize = texts.iter().map(|t| detect("", None, t).len()).sum();
        let secs = t.elapsed().as_secs_f64();
        eprintln!(
            "{} files, {:.1} MB, {found} countries, {:.3} s, {:.1} MB/s",
            texts.len(),
            bytes as f64 / 1e6,
            secs,
            bytes as f64 / 1e6 / secs
        );
    }
}
