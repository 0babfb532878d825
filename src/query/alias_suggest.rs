/*!
Alias suggestions: groups of speaker names in an archive that are likely the same person (see
[`suggest`]). They are never applied on their own.
*/

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::ingest::dates::Day;
use crate::query::aliases::{name_key, Aliases, FILE_NAME};
use crate::query::archive::Archive;
use crate::query::facet_count::FacetTop;
use crate::query::lookup::fold;
use crate::query::matches::Matches;
use crate::query::request::SearchRequest;

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
    /// A surname alone ("Blair").
    Surname,
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
    /// Surnames quoted alone that could be several people of the archive: not suggested.
    #[serde(default)]
    pub ambiguous: Vec<AmbiguousSurname>,
}

/// A surname quoted alone ("Bush") when several full names of the archive end with it in the
/// same years ("George Bush", "George W Bush"): left for a person to decide.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AmbiguousSurname {
    pub name: String,
    pub articles: u64,
    /// The full names it could be, most quoted first.
    pub candidates: Vec<String>,
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
    } else if v.form == Form::Surname {
        "surname only"
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
///   one group of full names;
/// - a surname alone ("Blair") joins the one group of full names that has a name quoted in the
///   same years (`same_years(surname, full name)`); when several groups do, it is listed in the
///   second vector instead, with their names.
///
/// The name kept is the group's full name with the most articles.
pub fn suggest(
    counts: &[(String, u64)],
    aliases: &Aliases,
    same_years: &mut dyn FnMut(&str, &str) -> bool,
) -> (Vec<AliasGroup>, Vec<AmbiguousSurname>) {
    let mut parsed: Vec<(usize, Parsed)> = Vec::new();
    let mut buckets: HashMap<String, Vec<usize>> = HashMap::new();
    let mut ambiguous = Vec::new();
    for (i, (name, _)) in counts.iter().enumerate() {
        if aliases.resolve(name).is_none() {
            continue;
        }
        if let Some(p) = parse_name(name).or_else(|| parse_surname(name)) {
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
        for &alone in &of(Form::Surname) {
            let name = &counts[parsed[alone].0].0;
            let mut fits: Vec<usize> = full
                .iter()
                .copied()
                // The same surname as written (accents and case aside: "Renard" is not
                // "Rennard") and the same years. (How often each is quoted says nothing:
                // "Reagan" is quoted far more than "Ronald Reagan".)
                .filter(|&f| {
                    parsed[f].1.written.1 == parsed[alone].1.written.1
                        && same_years(name, &counts[parsed[f].0].0)
                })
                .map(|f| groups.find(f))
                .collect();
            fits.sort_unstable();
            fits.dedup();
            match fits[..] {
                [] => {}
                [only] => groups.union(only, alone),
                _ => {
                    // Each candidate group by its most quoted full name.
                    let mut candidates: Vec<(u64, String)> = fits
                        .iter()
                        .filter_map(|&root| {
                            full.iter()
                                .copied()
                                .filter(|&f| groups.find(f) == root)
                                .map(|f| (counts[parsed[f].0].1, counts[parsed[f].0].0.clone()))
                                .max()
                        })
                        .collect();
                    candidates.sort_by(|a, b| b.cmp(a));
                    ambiguous.push(AmbiguousSurname {
                        name: name.clone(),
                        articles: counts[parsed[alone].0].1,
                        candidates: candidates.into_iter().map(|(_, n)| n).collect(),
                    });
                }
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
    ambiguous.sort_by(|a, b| b.articles.cmp(&a.articles).then(a.name.cmp(&b.name)));
    (out, ambiguous)
}

/// A one-word name that looks like a surname ("Blair", "O'Neill"): letters, capitalised.
fn parse_surname(name: &str) -> Option<Parsed> {
    let word = name.trim();
    let mut chars = word.chars();
    let first = chars.next()?;
    if !first.is_uppercase()
        || word.chars().count() < 3
        || word.contains(char::is_whitespace)
        || !word
            .chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '-')
        || word.chars().skip(1).all(char::is_uppercase)
    {
        return None;
    }
    let surname = spelling(word);
    Some(Parsed {
        form: Form::Surname,
        first: String::new(),
        middles: Vec::new(),
        surname: surname.clone(),
        titled: false,
        written: (String::new(), fold(word).replace('.', "")),
    })
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
        let searcher = self.searcher();
        let counts = searcher.search(&*query, &FacetTop::for_field("speaker_facet"))?;
        // The years each name is quoted in, looked up for the names a surname alone could be.
        let mut years: HashMap<String, BTreeSet<i32>> = HashMap::new();
        let mut failed = None;
        let mut year_set = |name: &str| -> BTreeSet<i32> {
            if let Some(set) = years.get(name) {
                return set.clone();
            }
            let set = match self.speaker_years(&searcher, name) {
                Ok(set) => set,
                Err(err) => {
                    failed.get_or_insert(err);
                    BTreeSet::new()
                }
            };
            years.insert(name.to_string(), set.clone());
            set
        };
        // Undated on either side: the years cannot tell them apart.
        let mut same_years = |a: &str, b: &str| {
            let (a, b) = (year_set(a), year_set(b));
            a.is_empty() || b.is_empty() || !a.is_disjoint(&b)
        };
        let (groups, ambiguous) = suggest(&counts, self.aliases(), &mut same_years);
        if let Some(err) = failed {
            return Err(err);
        }
        let file = match self.aliases().source() {
            Some(file) => file.to_path_buf(),
            None => self.path().join(FILE_NAME),
        };
        Ok(AliasSuggestions {
            aliases_file: file.display().to_string(),
            speakers: counts.len(),
            groups,
            ambiguous,
        })
    }
}

impl Archive {
    /// The years of the dated articles quoting `name` (as extracted).
    fn speaker_years(&self, searcher: &tantivy::Searcher, name: &str) -> Result<BTreeSet<i32>> {
        let term = tantivy::Term::from_facet(
            self.fields().speaker_facet,
            &tantivy::schema::Facet::from_path([name]),
        );
        let query = tantivy::query::TermQuery::new(term, tantivy::schema::IndexRecordOption::Basic);
        let found = searcher.search(&query, &Matches(self.fields().date))?;
        Ok(found
            .iter()
            .filter_map(|m| m.date)
            .map(|secs| Day::of_timestamp(secs).to_civil().0 as i32)
            .collect())
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

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
        let (groups, _) = suggest(&counts, &Aliases::default(), &mut |_, _| true);
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
        let aliases = Aliases::parse(
            "[speakers]\n\"Tony Blair\" = [\"Mr Blair\"]\n",
            Path::new("aliases.toml"),
        )
        .unwrap();
        assert!(suggest(&counts, &aliases, &mut |_, _| true).0.is_empty());
    }
}
