/*!
Co-occurrence (`newsdex cooccur`): the pairs of speakers and countries that appear together in
the most articles ("which countries are mentioned with Vassily Nebenzia", "which speakers appear
with North Korea").

Pairs are counted in articles: an article adds one to each distinct pair of its values, however
often they occur in it. Pairs of one facet (speaker × speaker, country × country) are unordered
and never pair a value with itself. Speakers go through the name aliases ([`crate::query::aliases`]):
variants count as their canonical name (so two variants of one person in an article are not a
pair) and hidden names are left out.

Counting is one pass over the matching articles with a tantivy collector that reads the facet
ordinals of each article from the fast-field columns; ordinals are turned into values once per
segment, at the end, and only for the ordinals that were counted.

A filter on one of the paired facets pins that side: `cooccur speaker --with country --speaker
"Vassily Nebenzia"` lists Nebenzia's countries only, not the pairs of the other speakers of his
articles; with a one-facet pair (`cooccur country --country KP`), the pinned value is shown first.
*/

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use tantivy::collector::{Collector, Count, SegmentCollector};
use tantivy::fastfield::FacetReader;
use tantivy::schema::Facet;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::error::Result;
use crate::extract::countries;
use crate::query::aliases::{NameMap, Names, HIDDEN, PLAIN};
use crate::query::archive::Archive;
use crate::query::lookup::country_code;
use crate::query::request::SearchRequest;

/// A facet that can be paired.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PairFacet {
    /// Quoted speakers (through the name aliases).
    Speaker,
    /// Countries referred to.
    Country,
}

impl PairFacet {
    fn field(self) -> &'static str {
        match self {
            PairFacet::Speaker => "speaker_facet",
            PairFacet::Country => "country_facet",
        }
    }

    /// The facet's name as the command line and the JSON spell it.
    pub fn name(self) -> &'static str {
        match self {
            PairFacet::Speaker => "speaker",
            PairFacet::Country => "country",
        }
    }
}

/// A co-occurrence count to compute.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CooccurRequest {
    /// The first value of each pair.
    pub facet: PairFacet,
    /// The second value of each pair (the same facet for speaker × speaker pairs).
    pub with: PairFacet,
    /// The articles to count over: the query (`*` for all) and its filters; paging and sorting
    /// are ignored.
    pub search: SearchRequest,
    /// Whether the user gave a query (shown in the output).
    pub has_query: bool,
    /// How many pairs to list (0: all).
    pub limit: usize,
}

/// The pairs that appear together in the most articles.
///
/// # Wire format
///
/// `newsdex cooccur speaker --with country --json`:
///
/// ```text
/// {"facet": "speaker", "with": "country", "query": null, "total_articles": 31,
///  "distinct_pairs": 57,
///  "pairs": [{"a": "Vassily Nebenzia", "b": "North Korea", "b_code": "KP", "articles": 2}]}
/// ```
///
/// `a` is a value of `facet` and `b` of `with`; countries carry their ISO code in `a_code` /
/// `b_code`. `total_articles` counts the matching articles, `distinct_pairs` the pairs before
/// `--limit`. `undated_excluded` and `notes` appear as in `search --json`.
///
/// CSV: `a,a_code,b,b_code,articles` (codes empty for speakers).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CooccurResults {
    pub facet: PairFacet,
    pub with: PairFacet,
    pub query: Option<String>,
    pub total_articles: usize,
    pub distinct_pairs: usize,
    pub pairs: Vec<Pair>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undated_excluded: Option<u64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// Two values and the number of articles that have both.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pair {
    pub a: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub a_code: Option<String>,
    pub b: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub b_code: Option<String>,
    pub articles: u64,
}

/// Counts pairs of values of two one-level facet fields (or of one field with itself).
pub struct PairCount {
    a: &'static str,
    /// `None`: pairs within `a`.
    b: Option<&'static str>,
    a_names: Names,
    b_names: Names,
}

/// One side of the pairs in a segment.
struct SideReader {
    reader: FacetReader,
    /// The alias slot of each ordinal (speakers with aliases only).
    slots: Option<Vec<u32>>,
    names: Option<Arc<NameMap>>,
}

impl SideReader {
    fn new(segment: &SegmentReader, field: &str, names: &Names) -> tantivy::Result<SideReader> {
        let reader = segment.facet_reader(field)?;
        let slots = names.as_ref().map(|n| n.segment_slots(&reader));
        Ok(SideReader {
            reader,
            slots,
            names: names.clone(),
        })
    }

    /// The distinct values of a document, as local ids: an ordinal, or `num_facets + group`
    /// for a canonical name; sorted.
    fn ids(&self, doc: DocId, out: &mut Vec<u64>) {
        out.clear();
        let groups_from = self.reader.num_facets() as u64;
        for ord in self.reader.facet_ords(doc) {
            let id = match self.slots.as_ref().and_then(|s| s.get(ord as usize)) {
                None | Some(&PLAIN) => ord,
                Some(&HIDDEN) => continue,
                Some(&group) => groups_from + u64::from(group),
            };
            out.push(id);
        }
        out.sort_unstable();
        out.dedup();
    }

    /// The values of local ids.
    fn values(&self, ids: &HashSet<u64>) -> HashMap<u64, String> {
        let groups_from = self.reader.num_facets() as u64;
        let mut ords: Vec<u64> = ids.iter().copied().filter(|&id| id < groups_from).collect();
        ords.sort_unstable();
        let mut values = HashMap::with_capacity(ids.len());
        let mut found = Vec::with_capacity(ords.len());
        // An unreadable dictionary leaves the pairs without values (dropped) rather than
        // failing the count, as FacetTop does.
        let _ = self
            .reader
            .facet_dict()
            .sorted_ords_to_term_cb(&ords, |bytes| found.push(last_step(bytes)));
        values.extend(ords.into_iter().zip(found));
        if let Some(names) = &self.names {
            for &id in ids.iter().filter(|&&id| id >= groups_from) {
                let group = u32::try_from(id - groups_from).unwrap_or(HIDDEN);
                values.insert(id, names.canonical(group).to_string());
            }
        }
        values
    }
}

/// The last step of an encoded facet.
fn last_step(encoded: &[u8]) -> String {
    Facet::from_encoded(encoded.to_vec())
        .ok()
        .and_then(|f| f.to_path().last().map(|s| s.to_string()))
        .unwrap_or_default()
}

/// The per-segment part of [`PairCount`].
pub struct PairCountSegment {
    a: SideReader,
    b: Option<SideReader>,
    counts: FxHashMap<(u64, u64), u32>,
    a_ids: Vec<u64>,
    b_ids: Vec<u64>,
}

/// Pair counts keyed by values; for one-facet pairs the smaller value first.
type PairCounts = HashMap<(String, String), u64>;

impl Collector for PairCount {
    type Fruit = PairCounts;
    type Child = PairCountSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<PairCountSegment> {
        Ok(PairCountSegment {
            a: SideReader::new(segment, self.a, &self.a_names)?,
            b: match self.b {
                Some(field) => Some(SideReader::new(segment, field, &self.b_names)?),
                None => None,
            },
            counts: FxHashMap::default(),
            a_ids: Vec::new(),
            b_ids: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<PairCounts>) -> tantivy::Result<PairCounts> {
        let mut segments = segments.into_iter();
        let mut total = segments.next().unwrap_or_default();
        for segment in segments {
            for (pair, count) in segment {
                *total.entry(pair).or_default() += count;
            }
        }
        Ok(total)
    }
}

impl SegmentCollector for PairCountSegment {
    type Fruit = PairCounts;

    fn collect(&mut self, doc: DocId, _: Score) {
        self.a.ids(doc, &mut self.a_ids);
        if self.a_ids.is_empty() {
            return;
        }
        match &self.b {
            None => {
                for (i, &x) in self.a_ids.iter().enumerate() {
                    for &y in &self.a_ids[i + 1..] {
                        *self.counts.entry((x, y)).or_default() += 1;
                    }
                }
            }
            Some(b) => {
                b.ids(doc, &mut self.b_ids);
                for &x in &self.a_ids {
                    for &y in &self.b_ids {
                        *self.counts.entry((x, y)).or_default() += 1;
                    }
                }
            }
        }
    }

    fn harvest(self) -> PairCounts {
        let mut a_used = HashSet::new();
        let mut b_used = HashSet::new();
        for &(x, y) in self.counts.keys() {
            a_used.insert(x);
            if self.b.is_some() {
                b_used.insert(y);
            } else {
                a_used.insert(y);
            }
        }
        let a_values = self.a.values(&a_used);
        let b_values = match &self.b {
            Some(b) => b.values(&b_used),
            None => HashMap::new(),
        };
        let b_values = if self.b.is_some() {
            &b_values
        } else {
            &a_values
        };
        let mut out = HashMap::with_capacity(self.counts.len());
        for ((x, y), count) in self.counts {
            let (Some(x), Some(y)) = (a_values.get(&x), b_values.get(&y)) else {
                continue;
            };
            let key = if self.b.is_none() && y < x {
                (y.clone(), x.clone())
            } else {
                (x.clone(), y.clone())
            };
            *out.entry(key).or_default() += u64::from(count);
        }
        out
    }
}

/// The values a filter pins on one side of the pairs (empty: none).
fn pinned(archive: &Archive, facet: PairFacet, request: &SearchRequest) -> Result<HashSet<String>> {
    let mut pinned = HashSet::new();
    match facet {
        PairFacet::Speaker => {
            let searcher = archive.searcher();
            for name in &request.speakers {
                let exact = archive.speaker_value(&searcher, name)?;
                let aliases = archive.aliases();
                let shown = aliases
                    .canonical_of(name)
                    .or_else(|| aliases.resolve(&exact))
                    .unwrap_or(&exact);
                pinned.insert(shown.to_string());
            }
        }
        PairFacet::Country => {
            for name in &request.countries {
                pinned.insert(country_code(name)?);
            }
        }
    }
    Ok(pinned)
}

fn country_name(code: &str) -> String {
    countries::by_code(code)
        .map(|c| c.name.to_string())
        .unwrap_or_else(|| code.to_string())
}

impl Archive {
    /// Counts the pairs of values that appear together in the articles a request matches.
    ///
    /// # Errors
    ///
    /// Query and filter errors as for [`Archive::search`]; index read errors.
    pub fn cooccur(&self, request: &CooccurRequest) -> Result<CooccurResults> {
        let prepared = self.prepare(&request.search)?;
        let searcher = self.searcher();
        let names_of = |facet: PairFacet| -> Result<Names> {
            match facet {
                PairFacet::Speaker => self.names(),
                PairFacet::Country => Ok(None),
            }
        };
        let same = request.facet == request.with;
        let collector = PairCount {
            a: request.facet.field(),
            b: (!same).then(|| request.with.field()),
            a_names: names_of(request.facet)?,
            b_names: names_of(request.with)?,
        };
        let (total_articles, counts) = searcher.search(&*prepared.query, &(Count, collector))?;
        let pin_a = pinned(self, request.facet, &request.search)?;
        let pin_b = if same {
            pin_a.clone()
        } else {
            pinned(self, request.with, &request.search)?
        };
        let mut pairs: Vec<Pair> = Vec::with_capacity(counts.len());
        for ((a, b), articles) in counts {
            let (a, b) = if same && !pin_a.is_empty() {
                // One side must be pinned; show it first.
                match (pin_a.contains(&a), pin_a.contains(&b)) {
                    (true, _) => (a, b),
                    (false, true) => (b, a),
                    (false, false) => continue,
                }
            } else {
                if (!pin_a.is_empty() && !pin_a.contains(&a))
                    || (!pin_b.is_empty() && !pin_b.contains(&b))
                {
                    continue;
                }
                (a, b)
            };
            let named = |facet: PairFacet, value: String| match facet {
                PairFacet::Speaker => (value, None),
                PairFacet::Country => (country_name(&value), Some(value)),
            };
            let (mut a, mut a_code) = named(request.facet, a);
            let (mut b, mut b_code) = named(request.with, b);
            // Unpinned one-facet pairs read in alphabetical order of the names shown.
            if same && pin_a.is_empty() && b < a {
                std::mem::swap(&mut a, &mut b);
                std::mem::swap(&mut a_code, &mut b_code);
            }
            pairs.push(Pair {
                a,
                a_code,
                b,
                b_code,
                articles,
            });
        }
        pairs.sort_by(|x, y| {
            y.articles
                .cmp(&x.articles)
                .then_with(|| x.a.cmp(&y.a))
                .then_with(|| x.b.cmp(&y.b))
        });
        let distinct_pairs = pairs.len();
        if request.limit > 0 {
            pairs.truncate(request.limit);
        }
        let undated_excluded = match &prepared.undated {
            Some(undated) => Some(searcher.search(&**undated, &Count)? as u64),
            None => None,
        };
        Ok(CooccurResults {
            facet: request.facet,
            with: request.with,
            query: request.has_query.then(|| request.search.query.clone()),
            total_articles,
            distinct_pairs,
            pairs,
            undated_excluded,
            notes: prepared.notes,
        })
    }
}
