/*!
The search page's state as its URL holds it ([`PageState`]), and the links that change it: add
or remove a filter, set the dates, the order or the page. Every state is a URL, so that a search
can be bookmarked, shared and reloaded; links are built from the state, never by editing strings.

The parameters are those of `/api/search` (see [`crate::serve::params`]), plus two that only the
page has: `{facet}_match` (the text in a facet's filter box) and `more={facet}` (a facet listed
at length).
*/

use crate::serve::error::ServeError;
use crate::serve::params::{Params, FILTERS};

/// What the search page shows, as its URL says it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageState {
    /// The query as typed (empty: every article).
    pub q: String,
    /// `(parameter, value)` of each filter, in the URL's order.
    pub filters: Vec<(&'static str, String)>,
    pub since: Option<String>,
    pub until: Option<String>,
    /// `score`, `date` or `-date`; `None` for the default.
    pub sort: Option<String>,
    pub offset: usize,
    /// Hits a page; `None` for the default (10).
    pub limit: Option<usize>,
    /// Show wire copies as hits of their own.
    pub all_copies: bool,
    /// `(facet, text)` of the facets' filter boxes.
    pub matches: Vec<(String, String)>,
    /// Facets listed at length.
    pub more: Vec<String>,
}

impl PageState {
    /// The state of a page's URL (the values are checked when the request is built from them).
    ///
    /// # Errors
    ///
    /// A parameter given twice where it may be given once, a malformed switch.
    pub fn from_params(params: &Params) -> Result<PageState, ServeError> {
        let mut state = PageState {
            q: params.one("q")?.unwrap_or_default().to_string(),
            since: params.one("since")?.map(str::to_string),
            until: params.one("until")?.map(str::to_string),
            sort: params.one("sort")?.map(str::to_string),
            all_copies: params.flag("all_copies")?,
            more: params.all("more").into_iter().map(str::to_string).collect(),
            ..PageState::default()
        };
        for (name, value) in params.pairs() {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            if let Some(filter) = FILTERS.iter().find(|f| f.param == name) {
                if !state.has(filter.param, value) {
                    state.filters.push((filter.param, value.to_string()));
                }
            } else if let Some(facet) = name.strip_suffix("_match") {
                state.matches.push((facet.to_string(), value.to_string()));
            }
        }
        if let Some(offset) = params.one("offset")? {
            state.offset = offset.parse().unwrap_or(0);
        }
        if let Some(limit) = params.one("limit")? {
            state.limit = limit.parse().ok();
        }
        Ok(state)
    }

    /// Whether a filter has a value.
    pub fn has(&self, param: &str, value: &str) -> bool {
        self.filters.iter().any(|(p, v)| *p == param && v == value)
    }

    /// The text of a facet's filter box.
    pub fn matching(&self, facet: &str) -> Option<&str> {
        self.matches
            .iter()
            .find(|(f, _)| f == facet)
            .map(|(_, text)| text.as_str())
    }

    /// Whether a facet is listed at length.
    pub fn shows_more(&self, facet: &str) -> bool {
        self.more.iter().any(|f| f == facet)
    }

    /// The parameters of the state, in a fixed order, leaving out defaults.
    pub fn pairs(&self) -> Vec<(String, String)> {
        let mut pairs = self.search_pairs();
        if let Some(limit) = self.limit {
            pairs.push(pair("limit", limit.to_string()));
        }
        if self.offset > 0 {
            pairs.push(pair("offset", self.offset.to_string()));
        }
        for facet in &self.more {
            pairs.push(pair("more", facet.clone()));
        }
        for (facet, text) in &self.matches {
            pairs.push((format!("{facet}_match"), text.clone()));
        }
        pairs
    }

    /// The parameters that say which articles match and in what order.
    fn search_pairs(&self) -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        if !self.q.is_empty() {
            pairs.push(pair("q", self.q.clone()));
        }
        for (param, value) in &self.filters {
            pairs.push(pair(param, value.clone()));
        }
        for (name, value) in [
            ("since", &self.since),
            ("until", &self.until),
            ("sort", &self.sort),
        ] {
            if let Some(value) = value {
                pairs.push(pair(name, value.clone()));
            }
        }
        if self.all_copies {
            pairs.push(pair("all_copies", "1".to_string()));
        }
        pairs
    }

    /// The page's address.
    pub fn href(&self) -> String {
        href("/", &self.pairs())
    }

    /// The address of the first page of a changed state.
    fn first_page(&self, change: impl FnOnce(&mut PageState)) -> String {
        let mut state = self.clone();
        state.offset = 0;
        change(&mut state);
        state.href()
    }

    /// Adds a filter value (any of the values of one filter; all filters).
    pub fn with_filter(&self, param: &'static str, value: &str) -> String {
        self.first_page(|s| {
            if !s.has(param, value) {
                s.filters.push((param, value.to_string()));
            }
        })
    }

    /// Removes a filter value.
    pub fn without_filter(&self, param: &str, value: &str) -> String {
        self.first_page(|s| s.filters.retain(|(p, v)| !(*p == param && v == value)))
    }

    /// Sets the date range.
    pub fn with_dates(&self, since: Option<&str>, until: Option<&str>) -> String {
        self.first_page(|s| {
            s.since = since.map(str::to_string);
            s.until = until.map(str::to_string);
        })
    }

    /// Sets the order (`None`: best first).
    pub fn with_sort(&self, sort: Option<&str>) -> String {
        self.first_page(|s| s.sort = sort.map(str::to_string))
    }

    /// Another query with the same filters.
    pub fn with_query(&self, q: &str) -> String {
        self.first_page(|s| s.q = q.to_string())
    }

    /// Shows wire copies as hits of their own, or collapsed.
    pub fn with_all_copies(&self, all_copies: bool) -> String {
        self.first_page(|s| s.all_copies = all_copies)
    }

    /// Lists a facet at length, or short again.
    pub fn with_more(&self, facet: &str, more: bool) -> String {
        self.first_page(|s| {
            s.more.retain(|f| f != facet);
            if more {
                s.more.push(facet.to_string());
            }
        })
    }

    /// Another page of the same search.
    pub fn with_offset(&self, offset: usize) -> String {
        let mut state = self.clone();
        state.offset = offset;
        state.href()
    }

    /// `/api/search` with the same query, filters, dates and order, as a download of up to
    /// `limit` hits in `format`.
    pub fn download(&self, format: &str, limit: usize) -> String {
        let mut pairs = self.search_pairs();
        pairs.retain(|(name, _)| name != "q");
        pairs.insert(0, pair("q", self.query().to_string()));
        pairs.push(pair("limit", limit.to_string()));
        pairs.push(pair("format", format.to_string()));
        href("/api/search", &pairs)
    }

    /// The query to run: `*` for an empty box.
    pub fn query(&self) -> &str {
        match self.q.trim() {
            "" => "*",
            q => q,
        }
    }
}

fn pair(name: &str, value: String) -> (String, String) {
    (name.to_string(), value)
}

/// `path?name=value&...`, form-encoded.
pub fn href(path: &str, pairs: &[(String, String)]) -> String {
    if pairs.is_empty() {
        return path.to_string();
    }
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (name, value) in pairs {
        query.append_pair(name, value);
    }
    format!("{path}?{}", query.finish())
}

/// The address of an article page.
pub fn article_href(path: &str, article: u64) -> String {
    href(
        "/article",
        &[
            pair("path", path.to_string()),
            pair("article", article.to_string()),
        ],
    )
}

/// The address of a speaker's page.
pub fn speaker_href(name: &str) -> String {
    href("/speaker", &[pair("name", name.to_string())])
}

/// The address of a search with one filter value (links of an article's speakers and
/// countries).
pub fn filter_href(param: &str, value: &str) -> String {
    href("/", &[pair(param, value.to_string())])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(raw: &str) -> PageState {
        let params = Params::parse(Some(raw)).unwrap_or_else(|e| panic!("{e:?}"));
        PageState::from_params(&params).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn a_state_survives_its_own_url() {
        let s = state("q=veto+%26+more&speaker=Zhang+Jun&not_country=RU&since=2023&sort=-date&offset=20&speaker_match=neb&more=country");
        let again = state(s.href().trim_start_matches("/?"));
        assert_eq!(again, s);
        assert_eq!(
            s.filters,
            [
                ("speaker", "Zhang Jun".to_string()),
                ("not_country", "RU".to_string())
            ]
        );
        assert_eq!(s.matching("speaker"), Some("neb"));
    }

    #[test]
    fn filters_are_added_once_removed_alone_and_go_back_to_the_first_page() {
        let s = state("q=veto&speaker=A&offset=10");
        let added = s.with_filter("speaker", "B Person");
        assert_eq!(added, "/?q=veto&speaker=A&speaker=B+Person");
        assert_eq!(s.with_filter("speaker", "A"), "/?q=veto&speaker=A");
        assert_eq!(s.without_filter("speaker", "A"), "/?q=veto");
        assert_eq!(s.with_offset(20), "/?q=veto&speaker=A&offset=20");
    }

    #[test]
    fn downloads_ask_the_api_for_the_same_search() {
        let s = state("speaker=A&until=2024-02&offset=10");
        assert_eq!(
            s.download("csv", 1000),
            "/api/search?q=*&speaker=A&until=2024-02&limit=1000&format=csv"
        );
    }
}
