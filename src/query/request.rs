/*!
A search request: the query, the page, the filters (speakers, countries, regions, sources,
exclusions, dates), the order and how wire copies are treated. Every question (search, facets, timeline,
co-occurrence) starts from one.
*/

use serde::{Deserialize, Serialize};

use crate::ingest::dates::Day;

/// A search to run. In JSON every field but `query` may be left out (the defaults of
/// [`SearchRequest::new`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchRequest {
    pub query: String,
    pub limit: usize,
    pub offset: usize,
    /// Speaker names; an article matches if it quotes any of them.
    pub speakers: Vec<String>,
    /// Country names, aliases or ISO codes; an article matches if it refers to any of them.
    pub countries: Vec<String>,
    /// UN M49 regions or sub-regions ("Asia", "Eastern Asia"); any of them.
    pub regions: Vec<String>,
    /// Speaker names; articles quoting any of them are left out.
    pub not_speakers: Vec<String>,
    /// Country names, aliases or ISO codes; articles referring to any of them are left out.
    pub not_countries: Vec<String>,
    /// Sources (outlets or root names, any case); an article matches if it has any of them.
    pub sources: Vec<String>,
    /// Sources; articles from any of them are left out.
    pub not_sources: Vec<String>,
    /// Also count hits by region and sub-region.
    pub region_facet: bool,
    /// Only articles dated on or after this day (undated articles are left out).
    pub since: Option<Day>,
    /// Only articles dated on or before this day (undated articles are left out).
    pub until: Option<Day>,
    /// The order of the hits.
    pub sort: Sort,
    /// Show every near-identical copy of a story as a hit of its own (see [`crate::query::dupes`]).
    pub all_copies: bool,
    /// Count speakers and countries once per story, not per article (copies together).
    pub dedupe: bool,
}

/// The order of search hits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// Best BM25 score first.
    #[default]
    Score,
    /// Oldest first; undated articles last.
    Date,
    /// Newest first; undated articles last.
    DateDesc,
}

impl Default for SearchRequest {
    /// Every article (`*`), first page.
    fn default() -> Self {
        SearchRequest::new("*")
    }
}

impl SearchRequest {
    /// A search for `query` (the query language of `newsdex search`), ten hits a page, no
    /// filter, best first, wire copies collapsed.
    pub fn new(query: impl Into<String>) -> Self {
        SearchRequest {
            query: query.into(),
            limit: 10,
            offset: 0,
            speakers: Vec::new(),
            countries: Vec::new(),
            regions: Vec::new(),
            not_speakers: Vec::new(),
            not_countries: Vec::new(),
            sources: Vec::new(),
            not_sources: Vec::new(),
            region_facet: false,
            since: None,
            until: None,
            sort: Sort::Score,
            all_copies: false,
            dedupe: false,
        }
    }

    /// Whether the request filters by date.
    pub fn has_date_filter(&self) -> bool {
        self.since.is_some() || self.until.is_some()
    }
}
