/*!
Facet listings (`newsdex facets`): the speakers, countries, regions or sources of the whole
archive or of a query's hits, with how many articles each has, most first ("who is quoted most about
sanctions?").

Article counts come from tantivy's `FacetCollector` in one pass over the matching articles, so
they are exact for any number of hits. Speakers also get the number of their attributed quotes in
those articles, which orders speakers quoted in as many articles. Quotes need the stored
extraction of each article, so it is read only for the articles of the speakers that can make the
list (those with at least as many articles as the last one listed), not for the whole archive.
*/

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, DocSetCollector, FacetCollector};
use tantivy::query::{BooleanQuery, Occur, Query};
use tantivy::schema::{Facet, Value};
use tantivy::TantivyDocument;

use crate::error::Result;
use crate::extract::countries;
use crate::index::Record;
use crate::query::aliases::NameMap;
use crate::query::archive::Archive;
use crate::query::facet_count::FacetTop;
use crate::query::lookup::{any_facet, fold, last_step, region_names};
use crate::query::request::SearchRequest;

/// Up to how many speakers the quote count reads only their own articles.
const MAX_SPEAKER_CLAUSES: usize = 256;

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

impl Archive {
    /// Counts the values of a facet over the articles a request matches.
    ///
    /// # Errors
    ///
    /// Query and filter errors as for [`Archive::search`]; index read errors.
    pub fn facets(&self, request: &FacetRequest) -> Result<FacetResults> {
        let prepared = self.prepare(&request.search)?;
        let query = prepared.query;
        let searcher = self.searcher();
        let field_name = match request.kind {
            FacetKind::Speaker => "speaker_facet",
            FacetKind::Country => "country_facet",
            FacetKind::Region => "region_facet",
            FacetKind::Source => "source_facet",
        };
        let mut top = FacetCollector::for_field(field_name);
        top.add_facet(Facet::root());
        let mut below = FacetCollector::for_field(field_name);
        if request.kind == FacetKind::Region {
            for region in region_names() {
                below.add_facet(Facet::from_path([region]));
            }
        }
        // With name aliases, speakers are counted under their canonical names (issue 8).
        let names = match request.kind {
            FacetKind::Speaker => self.names()?,
            _ => None,
        };
        let merged = names
            .clone()
            .map(|names| FacetTop::for_field(field_name).with_names(Some(names)));
        let top = merged.is_none().then_some(top);
        let (total_articles, ((counts, sub_counts), merged)) =
            searcher.search(&*query, &(Count, ((top, below), merged)))?;
        let mut all: Vec<FacetValue> = match (merged, counts) {
            (Some(merged), _) => merged
                .into_iter()
                .map(|(value, count)| FacetValue::new(value, count))
                .collect(),
            (None, Some(counts)) => counts
                .get(Facet::root())
                .map(|(facet, count)| FacetValue::new(last_step(facet), count))
                .collect(),
            (None, None) => Vec::new(),
        };
        if request.search.dedupe {
            if request.kind == FacetKind::Region {
                return Err(crate::error::Error::Usage(
                    "--dedupe counts speakers and countries; leave it out for regions".to_string(),
                ));
            }
            all = crate::query::dupes::story_counts(self, &*query, field_name)?
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
                self.count_quotes(&*query, &mut all, names.as_deref())?;
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
                    let subs = sub_counts
                        .get(Facet::from_path([value.value.as_str()]))
                        .map(|(facet, count)| FacetValue::new(last_step(facet), count))
                        .collect();
                    value.subregions = Some(sorted(subs, limit));
                }
            }
        }
        let undated_excluded = match &prepared.undated {
            Some(undated) => Some(searcher.search(&**undated, &Count)? as u64),
            None => None,
        };
        Ok(FacetResults {
            facet: request.kind,
            query: request.has_query.then(|| request.search.query.clone()),
            total_articles,
            distinct_values,
            values,
            undated_excluded,
            notes: prepared.notes,
        })
    }

    /// Fills in the quote counts of the listed speakers, reading only their articles.
    fn count_quotes(
        &self,
        query: &dyn Query,
        values: &mut [FacetValue],
        names: Option<&NameMap>,
    ) -> Result<()> {
        if values.is_empty() {
            return Ok(());
        }
        let searcher = self.searcher();
        let fields = self.fields();
        // Each listed name, as extracted → as listed (with aliases, a canonical name stands
        // for all of its variants).
        let mut listed: HashMap<String, String> = HashMap::new();
        for value in values.iter() {
            listed.insert(value.value.clone(), value.value.clone());
            for member in names.map(|n| n.members(&value.value)).unwrap_or_default() {
                listed.insert(member.clone(), value.value.clone());
            }
        }
        let facets: Vec<Facet> = listed
            .keys()
            .map(|name| Facet::from_path([name.as_str()]))
            .collect();
        // Read only the listed speakers' articles; when they are many, all matching articles.
        let theirs: Box<dyn Query> = if facets.len() <= MAX_SPEAKER_CLAUSES {
            Box::new(BooleanQuery::new(vec![
                (Occur::Must, query.box_clone()),
                (Occur::Must, any_facet(fields.speaker_facet, &facets)),
            ]))
        } else {
            query.box_clone()
        };
        let mut quotes: HashMap<String, u64> = HashMap::new();
        for address in searcher.search(&*theirs, &DocSetCollector)? {
            let doc: TantivyDocument = searcher.doc(address)?;
            let record: Record = doc
                .get_first(fields.record)
                .and_then(|v| v.as_str())
                .and_then(|json| serde_json::from_str(json).ok())
                .unwrap_or_default();
            for quote in record.extraction.quotes {
                if let Some(speaker) = quote.speaker.and_then(|s| listed.get(&s)) {
                    *quotes.entry(speaker.clone()).or_default() += 1;
                }
            }
        }
        for value in values {
            value.quotes = Some(quotes.get(&value.value).copied().unwrap_or(0));
        }
        Ok(())
    }
}
