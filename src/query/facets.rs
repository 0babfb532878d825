/*!
Facet listings (`newsdex facets`): the speakers, countries, regions or sources of the whole
archive or of a query's hits, with how many articles each has, most first ("who is quoted most about
sanctions?").

Article counts come from one pass over the matching articles, so they are exact for any number
of hits. Speakers also get the number of their attributed quotes in those articles, which orders
speakers quoted in as many articles; the index holds each article's count per speaker as a facet
(`speaker_quotes`, `/speaker/N`), counted in the same pass, so no stored article is read. Only
the speakers that can make the list (those with at least as many articles as the last one
listed) have their quotes added up.
*/

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, FacetCollector, FacetCounts};
use tantivy::query::Query;
use tantivy::schema::Facet;

use crate::error::Result;
use crate::extract::countries;
use crate::query::aliases::{NameMap, Names, HIDDEN, PLAIN};
use crate::query::archive::Archive;
use crate::query::facet_count::{FacetTop, NumberedCounts, NumberedFacet};
use crate::query::lookup::{fold, last_step, region_names};
use crate::query::request::SearchRequest;

/// Which facet to list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FacetKind {
    /// Quoted speakers, with article and quote counts.
    Speaker,
    /// Countries, with their ISO codes.
    Country,
    /// UN M49 regions, each with its sub-regions.
    Region,
    /// Sources: the outlet the metadata names, or the archive root's name.
    Source,
}

impl FacetKind {
    /// The facet's name as the command line and the JSON spell it.
    pub fn name(self) -> &'static str {
        match self {
            FacetKind::Speaker => "speaker",
            FacetKind::Country => "country",
            FacetKind::Region => "region",
            FacetKind::Source => "source",
        }
    }
}

/// A facet listing to compute.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FacetRequest {
    pub kind: FacetKind,
    /// The articles to count over: the query (`*` for all) and its filters; paging and sorting
    /// are ignored.
    pub search: SearchRequest,
    /// Whether the user gave a query (shown in the output).
    pub has_query: bool,
    /// How many values to list (for regions: regions, and sub-regions of each); 0: all.
    pub limit: usize,
    /// Only values containing this text, ignoring case and accents (countries: in the name or
    /// the code).
    pub matching: Option<String>,
}

/// A facet listing.
///
/// # Wire format
///
/// `newsdex facets speaker --query sanctions --json`:
///
/// ```text
/// {"facet": "speaker", "query": "sanctions", "total_articles": 5, "distinct_values": 9,
///  "values": [{"value": "Vassily Nebenzia", "articles": 1, "quotes": 3}, ...]}
/// ```
///
/// Countries carry `code`; regions carry `subregions` (the same shape, without `quotes`).
/// `query` is `null` over the whole archive. `undated_excluded` and `notes` appear as in
/// `search --json`. With `--match`, `distinct_values` counts the matching values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FacetResults {
    pub facet: FacetKind,
    pub query: Option<String>,
    /// How many articles were counted over.
    pub total_articles: usize,
    /// How many distinct values those articles have (before `--limit`).
    pub distinct_values: usize,
    pub values: Vec<FacetValue>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undated_excluded: Option<u64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// One value of a facet and its counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetValue {
    pub value: String,
    /// ISO code (countries only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Articles with this value.
    pub articles: u64,
    /// Attributed quotes of the speaker in those articles (speakers only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quotes: Option<u64>,
    /// Sub-regions (regions only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subregions: Option<Vec<FacetValue>>,
}

impl FacetValue {
    fn new(value: String, articles: u64) -> FacetValue {
        FacetValue {
            value,
            code: None,
            articles,
            quotes: None,
            subregions: None,
        }
    }
}

/// Most articles first, then by name.
fn sorted(mut values: Vec<FacetValue>, limit: usize) -> Vec<FacetValue> {
    values.sort_by(|a, b| {
        b.articles
            .cmp(&a.articles)
            .then_with(|| a.value.cmp(&b.value))
    });
    values.truncate(limit);
    values
}

/// The counts of one pass over a search's articles, for the facets asked for.
struct Counted {
    total_articles: usize,
    /// Speakers' articles (through aliases).
    speakers: Option<Vec<(String, u64)>>,
    /// Speakers' quotes per article, by name as extracted.
    quotes: Option<NumberedCounts>,
    /// The name aliases the speakers were counted with.
    names: Names,
    countries: Option<Vec<(String, u64)>>,
    sources: Option<Vec<(String, u64)>>,
    /// Regions, and the sub-regions of each.
    regions: Option<(FacetCounts, FacetCounts)>,
}

impl Archive {
    /// Counts the values of a facet over the articles a request matches.
    ///
    /// # Errors
    ///
    /// Query and filter errors as for [`Archive::search`]; index read errors.
    pub fn facets(&self, request: &FacetRequest) -> Result<FacetResults> {
        let mut results = self.facets_together(std::slice::from_ref(request))?;
        results
            .pop()
            .ok_or_else(|| crate::error::Error::Usage("no facet listing was asked for".to_string()))
    }

    /// Counts several facets, one listing per request, in one pass over the articles when the
    /// requests share their search (the search page's side bar: speakers, countries and
    /// regions of one search); requests with different searches are counted one by one.
    ///
    /// # Errors
    ///
    /// As [`Archive::facets`].
    pub fn facets_together(&self, requests: &[FacetRequest]) -> Result<Vec<FacetResults>> {
        let Some(first) = requests.first() else {
            return Ok(Vec::new());
        };
        if requests.iter().any(|r| r.search != first.search) {
            return requests.iter().map(|r| self.facets(r)).collect();
        }
        let prepared = self.prepare(&first.search)?;
        let query = prepared.query;
        let searcher = self.searcher();
        let wants = |kind| requests.iter().any(|r| r.kind == kind);
        // With name aliases, speakers are counted under their canonical names (issue 8).
        let names = match wants(FacetKind::Speaker) {
            true => self.names()?,
            false => None,
        };
        // FacetTop, not tantivy's FacetCollector, for the one-level facets: the same counts
        // without a dictionary block decompressed per distinct value (see facet_count).
        let speakers = wants(FacetKind::Speaker).then(|| {
            (
                FacetTop::for_field("speaker_facet").with_names(names.clone()),
                NumberedFacet::for_field("speaker_quotes"),
            )
        });
        let countries = wants(FacetKind::Country).then(|| FacetTop::for_field("country_facet"));
        let sources = wants(FacetKind::Source).then(|| FacetTop::for_field("source_facet"));
        // tantivy counts one level below each facet added: one collector counts the regions,
        // another their sub-regions.
        let regions = wants(FacetKind::Region).then(|| {
            let mut top = FacetCollector::for_field("region_facet");
            top.add_facet(Facet::root());
            let mut below = FacetCollector::for_field("region_facet");
            for region in region_names() {
                below.add_facet(Facet::from_path([region]));
            }
            (top, below)
        });
        let (total_articles, (speakers, (countries, (sources, regions)))) = searcher.search(
            &*query,
            &(Count, (speakers, (countries, (sources, regions)))),
        )?;
        let (speakers, quotes) = speakers.unzip();
        let counted = Counted {
            total_articles,
            quotes,
            names,
            speakers,
            countries,
            sources,
            regions,
        };
        let undated_excluded = match &prepared.undated {
            Some(undated) => Some(searcher.search(&**undated, &Count)? as u64),
            None => None,
        };
        requests
            .iter()
            .map(|request| {
                let (distinct_values, values) = self.listing(request, &*query, &counted)?;
                Ok(FacetResults {
                    facet: request.kind,
                    query: request.has_query.then(|| request.search.query.clone()),
                    total_articles: counted.total_articles,
                    distinct_values,
                    values,
                    undated_excluded,
                    notes: prepared.notes.clone(),
                })
            })
            .collect()
    }

    /// One facet's listing from the counts: how many values match, and the values to show.
    fn listing(
        &self,
        request: &FacetRequest,
        query: &dyn Query,
        counted: &Counted,
    ) -> Result<(usize, Vec<FacetValue>)> {
        let pairs = |counts: Option<&Vec<(String, u64)>>| -> Vec<FacetValue> {
            counts
                .into_iter()
                .flatten()
                .map(|(value, count)| FacetValue::new(value.clone(), *count))
                .collect()
        };
        let (field_name, mut all) = match request.kind {
            FacetKind::Speaker => ("speaker_facet", pairs(counted.speakers.as_ref())),
            FacetKind::Country => ("country_facet", pairs(counted.countries.as_ref())),
            FacetKind::Source => ("source_facet", pairs(counted.sources.as_ref())),
            FacetKind::Region => (
                "region_facet",
                counted
                    .regions
                    .iter()
                    .flat_map(|(top, _)| top.get(Facet::root()))
                    .map(|(facet, count)| FacetValue::new(last_step(facet), count))
                    .collect(),
            ),
        };
        if request.search.dedupe {
            if request.kind == FacetKind::Region {
                return Err(crate::error::Error::Usage(
                    "--dedupe counts speakers and countries; leave it out for regions".to_string(),
                ));
            }
            all = crate::query::dupes::story_counts(self, query, field_name)?
                .into_iter()
                .map(|(value, count)| FacetValue::new(value, count))
                .collect();
        }
        if let Some(text) = &request.matching {
            let wanted = fold(text);
            all.retain(|v| {
                let name = match request.kind {
                    FacetKind::Country => countries::by_code(&v.value)
                        .map_or_else(|| v.value.clone(), |c| format!("{} {}", c.name, v.value)),
                    _ => v.value.clone(),
                };
                fold(&name).contains(&wanted)
            });
        }
        let distinct_values = all.len();
        // 0: every value.
        let limit = match request.limit {
            0 => usize::MAX,
            n => n,
        };
        let mut values = match request.kind {
            // Speakers tied on articles are ordered by their quotes: count the quotes of every
            // speaker that could make the list, then cut.
            FacetKind::Speaker => {
                let mut all = sorted(all, usize::MAX);
                let cut = all.get(limit.saturating_sub(1)).map_or(0, |v| v.articles);
                all.retain(|v| v.articles >= cut);
                if let Some(quotes) = &counted.quotes {
                    fill_quotes(&mut all, quotes, counted.names.as_deref());
                }
                all.sort_by(|a, b| {
                    b.articles
                        .cmp(&a.articles)
                        .then(b.quotes.cmp(&a.quotes))
                        .then_with(|| a.value.cmp(&b.value))
                });
                all.truncate(limit);
                all
            }
            _ => sorted(all, limit),
        };
        match request.kind {
            FacetKind::Speaker | FacetKind::Source => {}
            FacetKind::Country => {
                for value in &mut values {
                    let code = std::mem::take(&mut value.value);
                    value.value = countries::by_code(&code)
                        .map(|c| c.name.to_string())
                        .unwrap_or_else(|| code.clone());
                    value.code = Some(code);
                }
            }
            FacetKind::Region => {
                for value in &mut values {
                    let subs = counted
                        .regions
                        .iter()
                        .flat_map(|(_, below)| below.get(Facet::from_path([value.value.as_str()])))
                        .map(|(facet, count)| FacetValue::new(last_step(facet), count))
                        .collect();
                    value.subregions = Some(sorted(subs, limit));
                }
            }
        }
        Ok((distinct_values, values))
    }
}

/// Above this many speakers to count, their quotes come from one pass over all the counted
/// values rather than a look-up each (a look-up reads a block of each segment's dictionary).
const MAX_LOOKED_UP: usize = 48;

/// Fills in the quotes of the listed speakers: the quotes of each name as extracted, and with
/// aliases of each canonical name's variants.
fn fill_quotes(values: &mut [FacetValue], quotes: &NumberedCounts, names: Option<&NameMap>) {
    if values.len() <= MAX_LOOKED_UP {
        for value in values {
            let mut total = quotes.total(&value.value);
            for member in names.map(|n| n.members(&value.value)).unwrap_or_default() {
                if *member != value.value {
                    total += quotes.total(member);
                }
            }
            value.quotes = Some(total);
        }
        return;
    }
    let counted = quotes.totals();
    let mut totals: HashMap<&str, u64> = HashMap::new();
    for (speaker, quotes) in &counted {
        let speaker = match names.map_or(PLAIN, |n| n.slot(speaker)) {
            PLAIN => speaker.as_str(),
            HIDDEN => continue,
            group => names.map_or(speaker.as_str(), |n| n.canonical(group)),
        };
        *totals.entry(speaker).or_default() += quotes;
    }
    for value in values {
        value.quotes = Some(totals.get(value.value.as_str()).copied().unwrap_or(0));
    }
}
