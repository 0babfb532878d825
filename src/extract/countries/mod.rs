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

All phrases go into one Aho-Corasick automaton (leftmost-longest, anchored), in ASCII lower case,
which reads a lower-cased copy of the article (the same byte offsets): an article is scanned
once, with a search only where a word starts with a capital (or with the few lower-case letters
some phrase starts with, as in "the Netherlands"). Every hit is checked
for a word boundary and for letter case ("turkey" is not "Turkey", but an all-capitals headline
or dateline may say "TURKEY"), and the ambiguous ones are settled from the rest of the article
(see [`detect`]). About 60 MB/s on one core over the project's corpora, after a one-off build of
the gazetteer (about 240 million instructions, 0.05 s).

# Layout
One file per stage, each using only the ones before it: `gazetteer` (the data files read into
[`Country`] rows and the detection automaton), `context` (the words around a hit that say what it
is), `scan` (matching a text into mentions) and `settle` (an article's mentions settled into
[`CountryRef`]s: [`detect`] and `explain`). This file holds the table look-ups ([`all`],
[`by_code`], [`resolve`]) and re-exports the stages' public types; no stage file imports it.
*/

mod context;
mod gazetteer;
mod scan;
mod settle;

use gazetteer::{fold_query, LOOKUP, TABLE};

pub use gazetteer::Country;
pub use settle::{detect, explain, CountryRef, How};

/// What a user's country name resolves to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolved {
    One(Country),
    Ambiguous(Vec<Country>),
    Unknown,
}

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

#[cfg(test)]
mod tests;
