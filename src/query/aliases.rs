/*!
Name aliases: one speaker per person.

The extractor writes names as the articles spell them, so one person can appear as several
speakers ("Vassily Nebenzia", "Vasily Nebenzya", "V. Nebenzia"), and a few extracted "speakers"
are not people at all ("Time Warner"). An aliases file says which names are the same person and
which names to hide. It is applied when searching, not when indexing, so a changed file takes
effect on the next command without re-indexing.

# Format

A TOML file, `aliases.toml` in the index folder (`index/aliases.toml`, read automatically) or any
file given with `--aliases FILE`:

```toml
# The name to show = the other spellings of that person.
[speakers]
"Vassily Nebenzia" = ["Vasily Nebenzya", "V. Nebenzia"]
"Tony Blair" = ["Mr Blair"]

# Extracted names that are not speakers.
[hide]
speakers = ["Time Warner"]
```

Names are compared ignoring case, accents and repeated spaces, so `"jose barroso"` also covers
"José Barroso". A name can be the variant of one name only, and a name with variants cannot itself
be a variant; a hidden name cannot have or be a variant. Any other key or table is an error, so
typing mistakes do not pass silently.

# What it changes

- Facet counts (`search`, `facets speaker`, `cooccur`, `stats`) count each person once per article, under
  the name on the left: an article quoting "Vasily Nebenzya" and "V. Nebenzia" adds one to
  "Vassily Nebenzia". Hidden names are not counted.
- Speaker lists of hits, quotes and `show` show the name on the left, once; hidden names are left out
  (a quote of a hidden speaker is shown as unattributed).
- `--speaker` with any of the names matches the articles of all of them.

The `speaker:` field of the query language searches the names as extracted.

# Suggestions

[`suggest`] finds groups of names in an archive that are likely the same person (see its
documentation); `newsdex facets speaker --suggest-aliases` prints them in this format. They are
never applied on their own.
*/

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use tantivy::fastfield::FacetReader;
use tantivy::schema::Facet;

use crate::error::{Error, Result};
use crate::query::facet_count::FacetTop;
use crate::query::search::{fold, Archive, SearchRequest};
use crate::report::export::Table;
use crate::report::{sanitize, Report, Style};

/// The name of the aliases file read from the index folder.
pub const FILE_NAME: &str = "aliases.toml";

/// A loaded aliases file (or none: [`Aliases::default`] changes nothing).
#[derive(Clone, Debug, Default)]
pub struct Aliases {
    source: Option<PathBuf>,
    /// The names with variants, as the file writes them.
    canonical: Vec<String>,
    /// The key of every name with variants and of every variant → its index in `canonical`.
    by_key: HashMap<String, usize>,
    /// The keys of hidden names.
    hidden: HashSet<String>,
}

/// What an aliases file holds, as TOML.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AliasFile {
    #[serde(default)]
    speakers: BTreeMap<String, toml::Spanned<Vec<toml::Spanned<String>>>>,
    #[serde(default)]
    hide: Option<HideTable>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HideTable {
    #[serde(default)]
    speakers: Vec<toml::Spanned<String>>,
}

/// The form names are compared in: case and accents folded, spaces collapsed.
pub fn name_key(name: &str) -> String {
    let folded = fold(name);
    let mut key = String::with_capacity(folded.len());
    for word in folded.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(word);
    }
    key
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

impl Aliases {
    /// Reads an aliases file.
    ///
    /// # Errors
    ///
    /// [`Error::Aliases`] naming the file and the line when the file cannot be read, is not
    /// TOML, or does not follow the format (see the module documentation).
    pub fn load(path: &Path) -> Result<Aliases> {
        let text = std::fs::read_to_string(path).map_err(|err| Error::Aliases {
            path: path.to_path_buf(),
            line: None,
            message: format!("cannot read it: {err}"),
        })?;
        Aliases::parse(&text, path)
    }

    /// Reads `aliases.toml` from an index folder, if there is one.
    ///
    /// # Errors
    ///
    /// As [`Aliases::load`], when the file exists.
    pub fn next_to_index(index: &Path) -> Result<Option<Aliases>> {
        let path = index.join(FILE_NAME);
        if path.is_file() {
            Aliases::load(&path).map(Some)
        } else {
            Ok(None)
        }
    }

    /// Parses the text of an aliases file; `path` is only used in error messages.
    ///
    /// # Errors
    ///
    /// [`Error::Aliases`] with the line of the first problem.
    pub fn parse(text: &str, path: &Path) -> Result<Aliases> {
        let error = |offset: Option<usize>, message: String| Error::Aliases {
            path: path.to_path_buf(),
            line: offset.map(|o| line_of(text, o)),
            message,
        };
        let file: AliasFile = toml::from_str(text).map_err(|err| {
            error(
                err.span().map(|s| s.start),
                err.message().trim().replace('\n', " "),
            )
        })?;
        let mut aliases = Aliases {
            source: Some(path.to_path_buf()),
            ..Aliases::default()
        };
        // Where each key was given, for the messages about names given twice.
        let mut given: HashMap<String, (String, usize)> = HashMap::new();
        let mut hidden_at: HashMap<String, usize> = HashMap::new();
        if let Some(hide) = &file.hide {
            for name in &hide.speakers {
                let key = name_key(name.get_ref());
                if key.is_empty() {
                    return Err(error(Some(name.span().start), "an empty name".to_string()));
                }
                hidden_at.insert(key.clone(), name.span().start);
                aliases.hidden.insert(key);
            }
        }
        // The names with variants first, so that a variant listed before its own entry is
        // still recognised as one.
        for (name, variants) in &file.speakers {
            let at = variants.span().start;
            let key = name_key(name);
            if key.is_empty() {
                return Err(error(Some(at), "an empty name".to_string()));
            }
            if aliases.hidden.contains(&key) {
                return Err(error(
                    Some(at),
                    format!("{name:?} is also hidden under [hide]; keep it in one place"),
                ));
            }
            let id = aliases.canonical.len();
            aliases.canonical.push(name.trim().to_string());
            aliases.by_key.insert(key.clone(), id);
            given.insert(key, (name.clone(), at));
        }
        for (name, variants) in &file.speakers {
            let own = name_key(name);
            let id = aliases.by_key.get(&own).copied().unwrap_or_default();
            for variant in variants.get_ref() {
                let at = variant.span().start;
                let key = name_key(variant.get_ref());
                if key.is_empty() {
                    return Err(error(Some(at), "an empty name".to_string()));
                }
                if key == own {
                    continue;
                }
                if aliases.hidden.contains(&key) {
                    return Err(error(
                        Some(at),
                        format!(
                            "{:?} is also hidden under [hide]; keep it in one place",
                            variant.get_ref()
                        ),
                    ));
                }
                if let Some((other, _)) = given.get(&key) {
                    if other == name && name_key(other) != key {
                        // The same variant twice under one name.
                        continue;
                    }
                    let message = if name_key(other) == key {
                        format!(
                            "{:?} has variants of its own; list them under {name:?} instead",
                            variant.get_ref()
                        )
                    } else {
                        format!(
                            "{:?} is listed under both {other:?} and {name:?}; keep it under one",
                            variant.get_ref()
                        )
                    };
                    return Err(error(Some(at), message));
                }
                given.insert(key.clone(), (name.clone(), at));
                aliases.by_key.insert(key, id);
            }
        }
        Ok(aliases)
    }

    /// Whether the aliases change nothing.
    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty() && self.hidden.is_empty()
    }

    /// The file the aliases were read from.
    pub fn source(&self) -> Option<&Path> {
        self.source.as_deref()
    }

    /// The name to show for a speaker: its canonical name, the name itself, or `None` when it
    /// is hidden.
    pub fn resolve<'a>(&'a self, name: &'a str) -> Option<&'a str> {
        if self.is_empty() {
            return Some(name);
        }
        let key = name_key(name);
        if self.hidden.contains(&key) {
            return None;
        }
        Some(match self.by_key.get(&key) {
            Some(&id) => self.canonical[id].as_str(),
            None => name,
        })
    }

    /// A speaker list with canonical names, each once, in order, without hidden names.
    pub fn apply(&self, names: Vec<String>) -> Vec<String> {
        if self.is_empty() {
            return names;
        }
        let mut out: Vec<String> = Vec::with_capacity(names.len());
        for name in &names {
            if let Some(shown) = self.resolve(name) {
                if !out.iter().any(|n| n == shown) {
                    out.push(shown.to_string());
                }
            }
        }
        out
    }

    /// The canonical name a name belongs to, if the file lists it (as a name or a variant).
    pub fn canonical_of(&self, name: &str) -> Option<&str> {
        self.by_key
            .get(&name_key(name))
            .map(|&id| self.canonical[id].as_str())
    }

    /// Resolves the aliases against the speakers of an index (`values`: every distinct
    /// `speaker_facet` value).
    pub fn names(&self, values: &[String]) -> NameMap {
        let mut exact = HashMap::new();
        let mut members = vec![Vec::new(); self.canonical.len()];
        for value in values {
            let key = name_key(value);
            if self.hidden.contains(&key) {
                exact.insert(value.clone(), HIDDEN);
            } else if let Some(&id) = self.by_key.get(&key) {
                exact.insert(value.clone(), id as u32);
                members[id].push(value.clone());
            }
        }
        NameMap {
            canonical: self.canonical.clone(),
            exact,
            members,
        }
    }
}

/// In [`NameMap::segment_slots`]: the value stands for itself.
pub const PLAIN: u32 = u32::MAX;
/// In [`NameMap::segment_slots`]: the value is hidden.
pub const HIDDEN: u32 = u32::MAX - 1;

/// Aliases resolved against the speakers of one index: which indexed names belong to which
/// canonical name, and which are hidden. Built once per opened archive.
#[derive(Clone, Debug, Default)]
pub struct NameMap {
    canonical: Vec<String>,
    /// Indexed name → canonical id, or [`HIDDEN`]. Names not in it stand for themselves.
    exact: HashMap<String, u32>,
    /// Canonical id → the indexed names that belong to it.
    members: Vec<Vec<String>>,
}

impl NameMap {
    /// The canonical name of a group.
    pub fn canonical(&self, id: u32) -> &str {
        self.canonical
            .get(id as usize)
            .map(String::as_str)
            .unwrap_or_default()
    }

    /// The indexed names shown as `canonical` (empty when it is not a canonical name).
    pub fn members(&self, canonical: &str) -> &[String] {
        match self.canonical.iter().position(|c| c == canonical) {
            Some(id) => &self.members[id],
            None => &[],
        }
    }

    /// The group of an indexed name: a canonical id, [`HIDDEN`] or [`PLAIN`].
    pub fn slot(&self, value: &str) -> u32 {
        self.exact.get(value).copied().unwrap_or(PLAIN)
    }

    /// The slot of every facet ordinal of a segment: a canonical id, [`HIDDEN`] or
    /// [`PLAIN`]. Only the aliased names are looked up in the segment's dictionary.
    pub fn segment_slots(&self, reader: &FacetReader) -> Vec<u32> {
        let mut slots = vec![PLAIN; reader.num_facets()];
        for (value, &slot) in &self.exact {
            let facet = Facet::from_path([value.as_str()]);
            if let Ok(Some(ord)) = reader.facet_dict().term_ord(facet.encoded_str()) {
                if let Some(s) = slots.get_mut(ord as usize) {
                    *s = slot;
                }
            }
        }
        slots
    }
}

/// A shared, resolved name map; `None` when there are no aliases.
pub type Names = Option<Arc<NameMap>>;

// ---------------------------------------------------------------------------------------------
// Suggestions.

/// Titles that can precede a surname ("Mr Blair"), lower-case, without the full stop.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "prof",
    "professor",
    "president",
    "senator",
    "sen",
    "rep",
    "gov",
    "governor",
    "gen",
    "general",
    "judge",
    "minister",
    "chancellor",
    "ambassador",
    "mayor",
    "rev",
    "prime",
    "secretary",
    "secretary-general",
];

/// Name suffixes that are not surnames.
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// How a name is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    /// A first name (or several) and a surname.
    Full,
    /// An initial and a surname ("V. Nebenzia").
    Initial,
    /// A title and a surname ("Mr Blair").
    Title,
}

/// A speaker name taken apart for comparing.
struct Parsed {
    form: Form,
    /// Normalised first name (for `Initial`: the letter).
    first: String,
    /// Normalised middle names.
    middles: Vec<String>,
    /// Normalised surname: the bucket.
    surname: String,
    /// Whether a title preceded a full name ("President Emmanuel Macron").
    titled: bool,
    /// First name and surname as written, case and accents folded (for saying how variants
    /// differ).
    written: (String, String),
}

/// Folds a word for comparing spellings: no case, accents or full stops, `y` read as `i`,
/// doubled letters single ("Vassily" and "Vasily" → "vasili").
fn spelling(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in fold(word).chars() {
        let c = if c == 'y' { 'i' } else { c };
        if c == '.' || c == ',' || out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}

fn is_initial(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() == 1 || (letters.len() == 2 && word.contains('-') && word.contains('.'))
}

fn parse_name(name: &str) -> Option<Parsed> {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    if words.len() > 2
        && words
            .last()
            .is_some_and(|w| SUFFIXES.contains(&fold(w).trim_end_matches('.')))
    {
        words.pop();
    }
    if words.len() < 2 {
        return None;
    }
    let mut titled = false;
    while words.len() > 1 && TITLES.contains(&fold(words[0]).trim_end_matches('.')) {
        words.remove(0);
        titled = true;
    }
    let surname = spelling(words.last()?);
    if surname.is_empty() {
        return None;
    }
    let written = (
        fold(words[0]).replace('.', ""),
        fold(words.last()?).replace('.', ""),
    );
    if words.len() == 1 {
        return titled.then_some(Parsed {
            form: Form::Title,
            first: String::new(),
            middles: Vec::new(),
            surname,
            titled,
            written: written.clone(),
        });
    }
    let first_word = words[0];
    let middles = words[1..words.len() - 1]
        .iter()
        .map(|w| spelling(w))
        .collect();
    if is_initial(first_word) {
        Some(Parsed {
            form: Form::Initial,
            first: spelling(first_word).chars().take(1).collect(),
            middles,
            surname,
            titled,
            written: written.clone(),
        })
    } else {
        Some(Parsed {
            form: Form::Full,
            first: spelling(first_word),
            middles,
            surname,
            titled,
            written,
        })
    }
}

/// Levenshtein distance of two short words (in chars).
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = if ca == cb {
                previous
            } else {
                1 + previous.min(row[j]).min(row[j + 1])
            };
            previous = current;
        }
    }
    row[b.len()]
}

/// Whether two full first names can be the same person's: equal once spelling is folded, or
/// the same initial and either one is a shortening of the other ("Alex"/"Alexander") or they
/// differ by a letter or two ("Mohamed"/"Mohammed").
fn first_names_match(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if a.chars().next() != b.chars().next() {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.chars().count() >= 3 && long.starts_with(short) {
        return true;
    }
    let allowed = if short.chars().count() <= 5 { 1 } else { 2 };
    distance(a, b) <= allowed
}

/// Whether middle names agree: either side without, or each pair equal or initial vs name.
fn middles_match(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() {
        return true;
    }
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            x == y
                || ((x.chars().count() == 1 || y.chars().count() == 1) && x.get(..1) == y.get(..1))
        })
}

/// Whether an initial form ("V. Nebenzia") can be a full name's. An initial followed by a
/// middle name in full ("F. Ross Johnson") is a person who goes by the middle name: it only
/// fits full names with that middle name.
fn initial_fits(initial: &Parsed, full: &Parsed) -> bool {
    let goes_by_middle = initial.middles.iter().any(|m| m.chars().count() > 1);
    full.first.starts_with(initial.first.as_str())
        && (!goes_by_middle || !full.middles.is_empty())
        && middles_match(&full.middles, &initial.middles)
}

fn full_names_match(a: &Parsed, b: &Parsed) -> bool {
    first_names_match(&a.first, &b.first) && middles_match(&a.middles, &b.middles)
}

/// One suggested group: the name to keep and its variants.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AliasGroup {
    pub name: String,
    /// Articles quoting the name (as extracted).
    pub articles: u64,
    pub variants: Vec<AliasVariant>,
}

/// A variant of a suggested group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AliasVariant {
    pub name: String,
    /// Articles quoting the variant.
    pub articles: u64,
    /// How it differs: `case or accents`, `initial`, `title`, `middle name`, `short first
    /// name`, `suffix or punctuation` or `spelling`.
    pub reason: String,
}

/// Suggested aliases (`newsdex facets speaker --suggest-aliases`).
///
/// # Wire format
///
/// ```text
/// {"aliases_file": "index/aliases.toml", "speakers": 4120, "groups": [
///   {"name": "Vassily Nebenzia", "articles": 41,
///    "variants": [{"name": "Vasily Nebenzya", "articles": 3, "reason": "spelling"},
///                 {"name": "V. Nebenzia", "articles": 1, "reason": "initial"}]}]}
/// ```
///
/// `speakers` is how many distinct names were compared. CSV: one row per variant, columns
/// `name, name_articles, variant, variant_articles, reason`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AliasSuggestions {
    /// The file the groups would go into.
    pub aliases_file: String,
    pub speakers: usize,
    pub groups: Vec<AliasGroup>,
}

/// A minimal union-find over name indices.
struct Groups(Vec<usize>);

impl Groups {
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

fn reason(variant: &str, v: &Parsed, name: &str, n: &Parsed) -> &'static str {
    if name_key(variant) == name_key(name) {
        "case or accents"
    } else if v.form == Form::Title {
        "title"
    } else if v.form == Form::Initial && n.form != Form::Initial {
        "initial"
    } else if v.written != n.written {
        let (a, b) = (&v.written.0, &n.written.0);
        let shortened = a.len().abs_diff(b.len()) >= 2
            && (a.starts_with(b.as_str()) || b.starts_with(a.as_str()));
        if v.written.1 == n.written.1 && shortened {
            "short first name"
        } else {
            "spelling"
        }
    } else if v.middles != n.middles {
        "middle name"
    } else if v.titled {
        "title"
    } else {
        "suffix or punctuation"
    }
}

/// Groups the names of an archive that are likely one person. `counts` holds every speaker
/// with its number of articles; `aliases` are the ones already in use (groups they already
/// merge are left out, hidden names too).
///
/// Names are bucketed by surname (the last word; spelling folded: case, accents, `y`/`i`,
/// doubled letters), so the work is linear in the number of names. Within a bucket:
/// - full names merge when their first names match: same after folding, or same initial and a
///   shortening ("Alex"/"Alexander") or a letter or two apart ("Vasily"/"Vassily"); middle
///   names must agree when both have them;
/// - an initial ("V. Nebenzia") joins the one group whose first name starts with it, and is
///   left alone when several do;
/// - a title with a surname ("Mr Blair") joins the bucket's group only when there is exactly
///   one group of full names.
///
/// The name kept is the group's full name with the most articles.
pub fn suggest(counts: &[(String, u64)], aliases: &Aliases) -> Vec<AliasGroup> {
    let mut parsed: Vec<(usize, Parsed)> = Vec::new();
    let mut buckets: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, (name, _)) in counts.iter().enumerate() {
        if aliases.resolve(name).is_none() {
            continue;
        }
        if let Some(p) = parse_name(name) {
            buckets
                .entry(p.surname.clone())
                .or_default()
                .push(parsed.len());
            parsed.push((i, p));
        }
    }
    let mut groups = Groups((0..parsed.len()).collect());
    for members in buckets.values() {
        if members.len() < 2 {
            continue;
        }
        let of = |form: Form| -> Vec<usize> {
            members
                .iter()
                .copied()
                .filter(|&m| parsed[m].1.form == form)
                .collect()
        };
        let full = of(Form::Full);
        let initials = of(Form::Initial);
        let titles = of(Form::Title);
        for (k, &a) in full.iter().enumerate() {
            for &b in &full[k + 1..] {
                if full_names_match(&parsed[a].1, &parsed[b].1) {
                    groups.union(a, b);
                }
            }
        }
        let mut full_groups: Vec<usize> = full.iter().map(|&m| groups.find(m)).collect();
        full_groups.sort_unstable();
        full_groups.dedup();
        for &i in &initials {
            let letter = &parsed[i].1.first;
            let mut fits: Vec<usize> = full
                .iter()
                .copied()
                .filter(|&f| initial_fits(&parsed[i].1, &parsed[f].1))
                .map(|f| groups.find(f))
                .collect();
            fits.sort_unstable();
            fits.dedup();
            if let [only] = fits[..] {
                groups.union(only, i);
            } else if fits.is_empty() {
                // "V. Nebenzia" and "V Nebenzia" with no full name: still one person.
                for &j in &initials {
                    if parsed[j].1.first == *letter && parsed[j].1.middles == parsed[i].1.middles {
                        groups.union(i, j);
                    }
                }
            }
        }
        if let [only] = full_groups[..] {
            for &t in &titles {
                groups.union(only, t);
            }
        }
    }
    let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for m in 0..parsed.len() {
        let root = groups.find(m);
        by_root.entry(root).or_default().push(m);
    }
    let mut out = Vec::new();
    for members in by_root.into_values() {
        if members.len() < 2 {
            continue;
        }
        let names: Vec<&str> = members
            .iter()
            .map(|&m| counts[parsed[m].0].0.as_str())
            .collect();
        // Already one person in the aliases file.
        let first = aliases.resolve(names[0]);
        if names.iter().all(|n| aliases.resolve(n) == first)
            && names.iter().any(|n| aliases.canonical_of(n).is_some())
        {
            continue;
        }
        let rank = |&m: &usize| {
            let (index, p) = &parsed[m];
            let (name, articles) = &counts[*index];
            (
                p.form == Form::Full && !p.titled,
                *articles,
                !name.is_ascii(),
                name.chars().count(),
                std::cmp::Reverse(name.clone()),
            )
        };
        let Some(&keep) = members.iter().max_by_key(|m| rank(m)) else {
            continue;
        };
        let (keep_index, keep_parsed) = &parsed[keep];
        let (name, articles) = &counts[*keep_index];
        let mut variants: Vec<AliasVariant> = members
            .iter()
            .filter(|&&m| m != keep)
            .map(|&m| {
                let (index, p) = &parsed[m];
                let (variant, count) = &counts[*index];
                AliasVariant {
                    name: variant.clone(),
                    articles: *count,
                    reason: reason(variant, p, name, keep_parsed).to_string(),
                }
            })
            .collect();
        variants.sort_by(|a, b| b.articles.cmp(&a.articles).then(a.name.cmp(&b.name)));
        out.push(AliasGroup {
            name: name.clone(),
            articles: *articles,
            variants,
        });
    }
    out.sort_by(|a, b| {
        let total =
            |g: &AliasGroup| g.articles + g.variants.iter().map(|v| v.articles).sum::<u64>();
        total(b).cmp(&total(a)).then(a.name.cmp(&b.name))
    });
    out
}

impl Archive {
    /// Suggests aliases for the speakers of the articles a request matches (`*`: the whole
    /// archive), leaving out what the aliases in use already merge; see [`suggest`].
    ///
    /// # Errors
    ///
    /// Query and filter errors as for [`Archive::search`]; index read errors.
    pub fn suggest_aliases(&self, request: &SearchRequest) -> Result<AliasSuggestions> {
        let query = self.prepare(request)?.query;
        let counts = self
            .searcher()
            .search(&*query, &FacetTop::for_field("speaker_facet"))?;
        let groups = suggest(&counts, self.aliases());
        let file = match self.aliases().source() {
            Some(file) => file.to_path_buf(),
            None => self.path().join(FILE_NAME),
        };
        Ok(AliasSuggestions {
            aliases_file: file.display().to_string(),
            speakers: counts.len(),
            groups,
        })
    }
}

/// A name as a TOML basic string.
pub fn toml_string(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 2);
    out.push('"');
    for c in name.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn articles(n: u64) -> String {
    format!("{n} article{}", if n == 1 { "" } else { "s" })
}

impl Report for AliasSuggestions {
    type Item = AliasGroup;

    fn items(&self) -> &[AliasGroup] {
        &self.groups
    }

    /// The groups as an aliases file, with the counts in comments.
    fn write_text(&self, out: &mut dyn Write, _: Style) -> io::Result<()> {
        writeln!(
            out,
            "# {} group{} of name variants among {} speakers. Nothing is merged until you copy",
            self.groups.len(),
            if self.groups.len() == 1 { "" } else { "s" },
            self.speakers
        )?;
        writeln!(
            out,
            "# the groups you agree with into {} (or a file given with --aliases).",
            sanitize(&self.aliases_file)
        )?;
        writeln!(out, "[speakers]")?;
        for group in &self.groups {
            let mut comment = format!("# {}: {}", group.name, articles(group.articles));
            for v in &group.variants {
                comment.push_str(&format!(
                    "; {}: {} ({})",
                    v.name,
                    articles(v.articles),
                    v.reason
                ));
            }
            writeln!(out, "{}", sanitize(&comment))?;
            let variants: Vec<String> = group
                .variants
                .iter()
                .map(|v| toml_string(&v.name))
                .collect();
            writeln!(
                out,
                "{} = [{}]",
                toml_string(&group.name),
                variants.join(", ")
            )?;
        }
        Ok(())
    }

    fn write_csv(&self, out: &mut dyn Write, clean: bool) -> io::Result<()> {
        let header = [
            "name",
            "name_articles",
            "variant",
            "variant_articles",
            "reason",
        ];
        let mut table = Table::new(out, clean, &header)?;
        for group in &self.groups {
            for v in &group.variants {
                table.row(&[
                    Cow::Borrowed(group.name.as_str()),
                    Cow::Owned(group.articles.to_string()),
                    Cow::Borrowed(v.name.as_str()),
                    Cow::Owned(v.articles.to_string()),
                    Cow::Borrowed(v.reason.as_str()),
                ])?;
            }
        }
        table.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Aliases> {
        Aliases::parse(text, Path::new("aliases.toml"))
    }

    #[test]
    fn variants_map_to_their_name_ignoring_case_and_accents() {
        let a = parse(
            "[speakers]\n\"Vassily Nebenzia\" = [\"Vasily Nebenzya\", \"V. Nebenzia\", \"v. nebenzia\"]\n\
             \"José Barroso\" = [\"Mr Barroso\"]\n[hide]\nspeakers = [\"Time Warner\"]\n",
        )
        .unwrap();
        assert_eq!(a.resolve("vasily  NEBENZYA"), Some("Vassily Nebenzia"));
        assert_eq!(a.resolve("Vassily Nebenzia"), Some("Vassily Nebenzia"));
        assert_eq!(a.resolve("Jose Barroso"), Some("José Barroso"));
        assert_eq!(a.resolve("Zhang Jun"), Some("Zhang Jun"));
        assert_eq!(a.resolve("time warner"), None);
        assert_eq!(
            a.apply(vec![
                "V. Nebenzia".into(),
                "Time Warner".into(),
                "Zhang Jun".into(),
                "Vassily Nebenzia".into()
            ]),
            ["Vassily Nebenzia", "Zhang Jun"]
        );
    }

    #[test]
    fn mistakes_name_the_line() {
        let cases = [
            ("[speakers]\n\"A B\" = [\"C D\"\n", 2),
            ("[speakers]\n\"A B\" = \"C D\"\n", 2),
            ("[speaker]\n\"A B\" = [\"C D\"]\n", 1),
            (
                "[speakers]\n\"A B\" = [\"C D\"]\n\"E F\" = [\n  \"X\",\n  \"c d\"]\n",
                5,
            ),
            ("[speakers]\n\"A B\" = [\"C D\"]\n\"E F\" = [\"a b\"]\n", 3),
            (
                "[speakers]\n\"A B\" = [\"C D\"]\n[hide]\nspeakers = [\"C D\"]\n",
                2,
            ),
        ];
        for (text, line) in cases {
            match parse(text) {
                Err(Error::Aliases {
                    line: Some(got), ..
                }) => assert_eq!(got, line, "{text}"),
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    fn names(list: &[(&str, u64)]) -> Vec<(String, u64)> {
        list.iter().map(|(n, c)| (n.to_string(), *c)).collect()
    }

    #[test]
    fn suggestions_group_obvious_variants_only() {
        let counts = names(&[
            ("Vassily Nebenzia", 40),
            ("Vasily Nebenzya", 3),
            ("V. Nebenzia", 1),
            ("José Manuel Barroso", 5),
            ("Jose Manuel Barroso", 2),
            ("Tony Blair", 9),
            ("Mr Blair", 4),
            ("John Smith", 3),
            ("Jane Smith", 2),
            ("J. Smith", 1),
            ("Mr Smith", 1),
            ("Fannie Johnson", 1),
            ("F. Ross Johnson", 2),
            ("Associates II", 1),
            ("A. Malachi Mixon III", 1),
        ]);
        let groups = suggest(&counts, &Aliases::default());
        let got: Vec<(String, Vec<(String, String)>)> = groups
            .iter()
            .map(|g| {
                (
                    g.name.clone(),
                    g.variants
                        .iter()
                        .map(|v| (v.name.clone(), v.reason.clone()))
                        .collect(),
                )
            })
            .collect();
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            got,
            [
                (
                    "Vassily Nebenzia".to_string(),
                    vec![
                        pair("Vasily Nebenzya", "spelling"),
                        pair("V. Nebenzia", "initial")
                    ]
                ),
                ("Tony Blair".to_string(), vec![pair("Mr Blair", "title")]),
                (
                    "José Manuel Barroso".to_string(),
                    vec![pair("Jose Manuel Barroso", "case or accents")]
                ),
            ]
        );
    }

    #[test]
    fn suggestions_leave_out_what_the_file_already_merges() {
        let counts = names(&[("Tony Blair", 9), ("Mr Blair", 4)]);
        let aliases = parse("[speakers]\n\"Tony Blair\" = [\"Mr Blair\"]\n").unwrap();
        assert!(suggest(&counts, &aliases).is_empty());
    }
}
