/*!
Looking up what users type: country names, aliases and codes, UN M49 regions, sources, the
values of a facet field, and the folding of case and accents names are compared in.
*/

use std::collections::HashSet;

use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption};
use tantivy::{Searcher, Term};

use crate::error::{Error, Result};
use crate::extract::countries::{self, Resolved};

/// Resolves a `--country` value to an ISO code, or says why it cannot.
pub fn country_code(name: &str) -> Result<String> {
    match countries::resolve(name) {
        Resolved::One(country) => Ok(country.code.to_string()),
        Resolved::Ambiguous(candidates) => {
            let list: Vec<String> = candidates
                .iter()
                .map(|c| format!("{} ({})", c.name, c.code))
                .collect();
            Err(Error::Usage(format!(
                "country {name:?} is ambiguous: it could be {}; name one of them",
                list.join(" or ")
            )))
        }
        Resolved::Unknown => Err(Error::Usage(format!(
            "unknown country {name:?}; give a country name, alias, demonym or ISO code such as \"North Korea\" or KP"
        ))),
    }
}

/// The UN M49 regions of the gazetteer ("Africa", "Americas", ...), sorted.
pub fn region_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = countries::all()
        .map(|c| c.region)
        .filter(|r| !r.is_empty())
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// The region facet of a `--region` value: a region ("Asia") or a sub-region ("Eastern Asia"),
/// any case.
pub fn region_facet(name: &str) -> Result<Facet> {
    let wanted = fold(name);
    for country in countries::all() {
        if fold(country.region) == wanted {
            return Ok(Facet::from_path([country.region]));
        }
        if fold(country.subregion) == wanted {
            return Ok(Facet::from_path([country.region, country.subregion]));
        }
    }
    Err(Error::Usage(format!(
        "unknown region {name:?}; give a UN M49 region ({}) or sub-region such as \"Eastern Asia\"",
        region_names().join(", ")
    )))
}

/// The source facets of `--source` values: each value names the sources it equals, ignoring
/// case and accents.
///
/// # Errors
///
/// [`Error::Usage`] naming a value that is no source of the index, with the sources it has.
pub fn source_facets(
    searcher: &Searcher,
    field: tantivy::schema::Field,
    names: &[String],
) -> Result<Vec<Facet>> {
    let sources = facet_values(searcher, field)?;
    let mut facets = Vec::new();
    for name in names {
        let wanted = fold(name);
        let before = facets.len();
        facets.extend(
            sources
                .iter()
                .filter(|source| fold(source) == wanted)
                .map(|source| Facet::from_path([source.as_str()])),
        );
        if facets.len() == before {
            return Err(Error::Usage(format!(
                "no source {name:?} in the index; its sources are {} (see `newsdex facets source`)",
                if sources.is_empty() {
                    "none".to_string()
                } else {
                    sources.join(", ")
                }
            )));
        }
    }
    Ok(facets)
}

/// A query matching articles that carry any of `facets`.
pub(crate) fn any_facet(field: tantivy::schema::Field, facets: &[Facet]) -> Box<dyn Query> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = facets
        .iter()
        .map(|facet| {
            let query: Box<dyn Query> = Box::new(TermQuery::new(
                Term::from_facet(field, facet),
                IndexRecordOption::Basic,
            ));
            (Occur::Should, query)
        })
        .collect();
    if clauses.len() == 1 {
        clauses.remove(0).1
    } else {
        Box::new(BooleanQuery::new(clauses))
    }
}

/// Every value of a one-level facet field, from the term dictionaries.
pub fn facet_values(searcher: &Searcher, field: tantivy::schema::Field) -> Result<Vec<String>> {
    let mut values = HashSet::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut stream = inverted
            .terms()
            .stream()
            .map_err(tantivy::TantivyError::from)?;
        while stream.advance() {
            // The root facet (`/`) is indexed too, as an empty value: not one of the values.
            if let Ok(facet) = Facet::from_encoded(stream.key().to_vec()) {
                let value = last_step(&facet);
                if !value.is_empty() {
                    values.insert(value);
                }
            }
        }
    }
    let mut values: Vec<String> = values.into_iter().collect();
    values.sort();
    Ok(values)
}

pub(crate) fn last_step(facet: &Facet) -> String {
    facet
        .to_path()
        .last()
        .map(|s| s.to_string())
        .unwrap_or_default()
}

/// Lower-cases and strips accents, for comparing names the way users type them.
pub fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.trim()
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}
