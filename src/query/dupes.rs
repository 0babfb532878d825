/*!
Wire copies in search results: grouping ranked hits into stories by the articles' MinHash band
keys (see [`crate::extract::signature`]), checked exactly on the texts.

`search` collapses the copies among its best hits: a story is shown once, at its best-scoring
copy, with the others listed under it (`--all-copies` shows every article). Copies are sought
among the hits fetched for the page and a margin after it (wire copies of a story score almost
the same, so they rank next to each other). Facet counts with `--dedupe` ([`story_counts`])
group all the matching articles the same way and count each story's values once.
*/

use std::collections::HashMap;

use tantivy::collector::DocSetCollector;
use tantivy::fastfield::FacetReader;
use tantivy::query::Query;
use tantivy::schema::{Facet, Value};
use tantivy::{DocAddress, Searcher, TantivyDocument};

use crate::error::Result;
use crate::extract::signature::same_story;
use crate::query::archive::Archive;

/// The band keys of an article, read from the fast field.
pub fn article_bands(searcher: &Searcher, address: DocAddress) -> Vec<u64> {
    let segment = searcher.segment_reader(address.segment_ord);
    match segment.fast_fields().u64("dup_band") {
        Ok(column) => column.values_for_doc(address.doc_id).collect(),
        Err(_) => Vec::new(),
    }
}

/// Groups the ranked `hits` into stories: each entry is a story's best hit (its index in `hits`)
/// with the indexes of its copies. A hit joins the first earlier story whose best hit shares a
/// band key with it and passes [`same_story`]. `body` reads an article's body.
pub fn collapse(
    searcher: &Searcher,
    hits: &[DocAddress],
    mut body: impl FnMut(DocAddress) -> Option<String>,
) -> Vec<(usize, Vec<usize>)> {
    let mut stories: Vec<(usize, Vec<usize>)> = Vec::new();
    // Band key -> the stories whose best hit has it.
    let mut by_band: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut bodies: HashMap<usize, Option<String>> = HashMap::new();
    for (i, &address) in hits.iter().enumerate() {
        let bands = article_bands(searcher, address);
        let mut candidates: Vec<usize> = bands
            .iter()
            .filter_map(|k| by_band.get(k))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut joined = false;
        for story in candidates {
            let best = stories[story].0;
            for k in [best, i] {
                bodies.entry(k).or_insert_with(|| body(hits[k]));
            }
            if let (Some(Some(a)), Some(Some(b))) = (bodies.get(&best), bodies.get(&i)) {
                if same_story(a, b) {
                    stories[story].1.push(i);
                    joined = true;
                    break;
                }
            }
        }
        if !joined {
            for key in bands {
                by_band.entry(key).or_default().push(stories.len());
            }
            stories.push((i, Vec::new()));
        }
    }
    stories
}

/// The values of a one-level facet field (`speaker_facet`, `country_facet`) over the articles
/// `query` matches, each story counted once (its copies together hold a value once), most first,
/// ties by value. Speakers go through the archive's name aliases.
///
/// # Errors
///
/// Index read errors.
pub fn story_counts(
    archive: &Archive,
    query: &dyn Query,
    field: &str,
) -> Result<Vec<(String, u64)>> {
    let searcher = archive.searcher();
    let mut addresses: Vec<DocAddress> = searcher
        .search(query, &DocSetCollector)?
        .into_iter()
        .collect();
    addresses.sort_unstable();
    let body_field = archive.fields().body;
    let stories = collapse(&searcher, &addresses, |address| {
        let doc: TantivyDocument = searcher.doc(address).ok()?;
        doc.get_first(body_field)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    });
    let mut readers: HashMap<u32, FacetReader> = HashMap::new();
    let mut facet = Facet::root();
    let mut counts: HashMap<String, u64> = HashMap::new();
    let speakers = field == "speaker_facet";
    for (best, copies) in stories {
        let mut values: Vec<String> = Vec::new();
        for member in std::iter::once(best).chain(copies) {
            let address = addresses[member];
            let reader = match readers.entry(address.segment_ord) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(e) => e.insert(
                    searcher
                        .segment_reader(address.segment_ord)
                        .facet_reader(field)?,
                ),
            };
            let ords: Vec<u64> = reader.facet_ords(address.doc_id).collect();
            for ord in ords {
                reader.facet_from_ord(ord, &mut facet)?;
                if let Some(value) = facet.to_path().last() {
                    values.push(value.to_string());
                }
            }
        }
        if speakers {
            values = archive.aliases().apply(values);
        }
        values.sort_unstable();
        values.dedup();
        for value in values {
            *counts.entry(value).or_default() += 1;
        }
    }
    let mut all: Vec<(String, u64)> = counts.into_iter().collect();
    all.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(all)
}
