/*!
The search page: what it asks the archive ([`gather`], on a blocking thread) and how the answers
become the page ([`build`]): hits with snippets and copies, chips of the filters in force, facets
down the side, the timeline, paging, the order, downloads, did-you-mean and notes.

The facets down the side are the rows of [`PAGE_FACETS`]: counted together, in one pass over the
current query and filters (`facets`; speakers with their quote counts), listed short or at
length, and filtered by its box. Issue 20's sources are one more row.
*/

use newsdex::analysis::timeline::{Period, Timeline};
use newsdex::extract::countries;
use newsdex::query::archive::Archive;
use newsdex::query::facets::{FacetKind, FacetRequest, FacetResults, FacetValue};
use newsdex::query::request::SearchRequest;
use newsdex::query::search::{Hit, SearchResults};
use newsdex::query::snippet::Snippet;
use newsdex::report;

use crate::serve::error::ServeError;
use crate::serve::links::{article_href, filter_href, speaker_href, PageState};
use crate::serve::params::{FILTERS, MAX_DEPTH};
use crate::serve::timeline_svg;
use crate::serve::views::{Chip, Choice, FacetBox, FacetEntry, HitView, Link, SearchPage, Segment};

/// A facet down the side of the search page.
pub struct PageFacet {
    /// The facet's name, and the parameter of its filter.
    pub name: &'static str,
    pub title: &'static str,
    pub kind: FacetKind,
    /// The parameter that leaves its values out, if there is one.
    pub exclude: Option<&'static str>,
}

/// The facets down the side, in order.
pub const PAGE_FACETS: &[PageFacet] = &[
    PageFacet {
        name: "speaker",
        title: "Speakers",
        kind: FacetKind::Speaker,
        exclude: Some("not_speaker"),
    },
    PageFacet {
        name: "country",
        title: "Countries",
        kind: FacetKind::Country,
        exclude: Some("not_country"),
    },
    PageFacet {
        name: "region",
        title: "Regions",
        kind: FacetKind::Region,
        exclude: None,
    },
];

/// Values a facet lists, short and at length.
const FACET_SHORT: usize = 10;
const FACET_LONG: usize = 100;
/// Hits a download holds at most.
pub const DOWNLOAD_HITS: usize = 1000;

/// What the archive answered for the page.
pub struct Gathered {
    /// The search, or the message of a query the user has to fix.
    pub results: Result<SearchResults, String>,
    /// The counts of each of [`PAGE_FACETS`].
    pub facets: Vec<FacetResults>,
    pub timeline: Option<Timeline>,
}

/// Asks the archive everything the page shows.
///
/// # Errors
///
/// Index read errors (a bad query is part of the answer, shown on the page).
pub fn gather(
    archive: &Archive,
    state: &PageState,
    request: &SearchRequest,
) -> Result<Gathered, ServeError> {
    let results = match archive.search(request) {
        Ok(results) => results,
        Err(err) if err.is_usage() => {
            return Ok(Gathered {
                results: Err(err.to_string()),
                facets: Vec::new(),
                timeline: None,
            })
        }
        Err(err) => return Err(err.into()),
    };
    let has_query = state.query() != "*";
    // One pass over the hits for all the facets of the side bar.
    let requests: Vec<FacetRequest> = PAGE_FACETS
        .iter()
        .map(|facet| FacetRequest {
            kind: facet.kind,
            search: request.clone(),
            has_query,
            limit: if state.shows_more(facet.name) || state.matching(facet.name).is_some() {
                FACET_LONG
            } else {
                FACET_SHORT
            },
            matching: state.matching(facet.name).map(str::to_string),
        })
        .collect();
    let facets = archive.facets_together(&requests)?;
    let undated = SearchRequest {
        since: None,
        until: None,
        ..request.clone()
    };
    let timeline = Some(archive.timeline(&undated, Period::Month)?);
    Ok(Gathered {
        results: Ok(results),
        facets,
        timeline,
    })
}

/// The page of a search.
pub fn build(state: &PageState, request: &SearchRequest, gathered: Gathered) -> SearchPage {
    let mut page = SearchPage {
        title: if state.q.is_empty() {
            "Search".to_string()
        } else {
            state.q.clone()
        },
        q: state.q.clone(),
        since: state.since.clone().unwrap_or_default(),
        until: state.until.clone().unwrap_or_default(),
        hidden: form_state(state),
        error: None,
        summary: String::new(),
        sorts: Vec::new(),
        copies_toggle: None,
        downloads: Vec::new(),
        did_you_mean: None,
        notes: Vec::new(),
        chips: chips(state),
        clear: None,
        timeline: None,
        hits: Vec::new(),
        pages: Vec::new(),
        facets: Vec::new(),
    };
    if !page.chips.is_empty() {
        let mut cleared = PageState {
            q: state.q.clone(),
            sort: state.sort.clone(),
            ..PageState::default()
        };
        cleared.all_copies = state.all_copies;
        page.clear = Some(cleared.href());
    }
    let results = match gathered.results {
        Ok(results) => results,
        Err(message) => {
            page.error = Some(message);
            return page;
        }
    };
    page.summary = summary(&results, request);
    if results.total_hits == 0 && !page.chips.is_empty() {
        page.summary.push_str(" with these filters (× removes one)");
    }
    if results.total_hits > 1 {
        page.sorts = sorts(state);
    }
    page.hits = results.hits.iter().map(hit_view).collect();
    page.pages = pages(state, request, results.total_hits);
    page.did_you_mean = results
        .did_you_mean
        .as_ref()
        .map(|suggestion| Link::new(suggestion.clone(), state.with_query(suggestion)));
    page.notes = report::undated_note(results.undated_excluded)
        .into_iter()
        .chain(results.notes.iter().cloned())
        .collect();
    if results.total_hits > 0 {
        page.downloads = vec![
            Link::new("CSV", state.download("csv", DOWNLOAD_HITS)),
            Link::new("NDJSON", state.download("ndjson", DOWNLOAD_HITS)),
        ];
    }
    page.copies_toggle = if state.all_copies {
        Some(Link::new(
            "Collapse near-identical copies under their story",
            state.with_all_copies(false),
        ))
    } else if results.hits.iter().any(|h| !h.copies.is_empty()) {
        Some(Link::new(
            "Show each near-identical copy as a hit of its own",
            state.with_all_copies(true),
        ))
    } else {
        None
    };
    page.facets = PAGE_FACETS
        .iter()
        .zip(&gathered.facets)
        .map(|(facet, results)| facet_box(state, facet, results))
        // An empty list says nothing, unless its filter box is what emptied it.
        .filter(|facet| !facet.entries.is_empty() || !facet.match_text.is_empty())
        .collect();
    page.timeline = gathered
        .timeline
        .as_ref()
        .and_then(|t| timeline_svg::view(t, state));
    page
}

/// The state the search form keeps when a new query is typed: the filters, the order, the
/// copies switch and the facets listed at length (not the page, nor the facets' boxes).
fn form_state(state: &PageState) -> Vec<(String, String)> {
    let mut hidden: Vec<(String, String)> = state
        .filters
        .iter()
        .map(|(p, v)| (p.to_string(), v.clone()))
        .collect();
    if let Some(sort) = &state.sort {
        hidden.push(("sort".to_string(), sort.clone()));
    }
    if state.all_copies {
        hidden.push(("all_copies".to_string(), "1".to_string()));
    }
    for facet in &state.more {
        hidden.push(("more".to_string(), facet.clone()));
    }
    hidden
}

/// "11–20 of 523 articles".
fn summary(results: &SearchResults, request: &SearchRequest) -> String {
    let articles = if results.total_hits == 1 {
        "article"
    } else {
        "articles"
    };
    match (results.total_hits, results.hits.len()) {
        (0, _) => "No article matches".to_string(),
        (total, 0) => format!("{total} {articles}; none on this page"),
        (total, shown) => format!(
            "{}–{} of {total} {articles}",
            request.offset + 1,
            request.offset + shown
        ),
    }
}

fn sorts(state: &PageState) -> Vec<Choice> {
    let current = state.sort.as_deref().unwrap_or("score");
    [
        ("best first", "score"),
        ("newest", "-date"),
        ("oldest", "date"),
    ]
    .into_iter()
    .map(|(text, sort)| Choice {
        link: Link::new(text, state.with_sort((sort != "score").then_some(sort))),
        current: current == sort,
    })
    .collect()
}

fn chips(state: &PageState) -> Vec<Chip> {
    let mut chips: Vec<Chip> = state
        .filters
        .iter()
        .map(|(param, value)| {
            let filter = FILTERS.iter().find(|f| f.param == *param);
            Chip {
                label: filter.map_or(*param, |f| f.label).to_string(),
                value: chip_value(param, value),
                remove: state.without_filter(param, value),
                exclude: filter.is_some_and(|f| f.exclude),
            }
        })
        .collect();
    if let Some(since) = &state.since {
        chips.push(Chip {
            label: "From".to_string(),
            value: since.clone(),
            remove: state.with_dates(None, state.until.as_deref()),
            exclude: false,
        });
    }
    if let Some(until) = &state.until {
        chips.push(Chip {
            label: "To".to_string(),
            value: until.clone(),
            remove: state.with_dates(state.since.as_deref(), None),
            exclude: false,
        });
    }
    chips
}

/// A filter's value as a chip shows it: a country's name rather than its code.
fn chip_value(param: &str, value: &str) -> String {
    match param {
        "country" | "not_country" => countries::by_code(value)
            .map_or_else(|| value.to_string(), |country| country.name.to_string()),
        _ => value.to_string(),
    }
}

/// Previous, a window of page numbers with the first and the last, next.
fn pages(state: &PageState, request: &SearchRequest, total: usize) -> Vec<Choice> {
    let size = request.limit.max(1);
    let count = total.min(MAX_DEPTH).div_ceil(size);
    if count <= 1 {
        return Vec::new();
    }
    let current = request.offset / size;
    let link = |n: usize, text: String| Choice {
        link: Link::new(text, state.with_offset(n * size)),
        current: n == current,
    };
    let mut out = Vec::new();
    if current > 0 {
        out.push(Choice {
            current: false,
            ..link(current - 1, "‹ previous".to_string())
        });
    }
    let window = current.saturating_sub(3)..(current + 4).min(count);
    if window.start > 0 {
        out.push(link(0, "1".to_string()));
    }
    for n in window.clone() {
        out.push(link(n, (n + 1).to_string()));
    }
    if window.end < count {
        out.push(link(count - 1, count.to_string()));
    }
    if current + 1 < count {
        out.push(Choice {
            current: false,
            ..link(current + 1, "next ›".to_string())
        });
    }
    out
}

/// A snippet cut at its highlights (character offsets).
fn segments(snippet: &Snippet) -> Vec<Segment> {
    let chars: Vec<char> = snippet.text.chars().collect();
    let piece = |from: usize, to: usize| -> String { chars[from..to].iter().collect() };
    let mut out = Vec::new();
    let mut at = 0;
    for &[start, end] in &snippet.highlights {
        if start < at || start > end || end > chars.len() {
            continue;
        }
        if start > at {
            out.push((piece(at, start), false));
        }
        out.push((piece(start, end), true));
        at = end;
    }
    if at < chars.len() {
        out.push((piece(at, chars.len()), false));
    }
    out
}

fn hit_view(hit: &Hit) -> HitView {
    HitView {
        rank: hit.rank,
        headline: if hit.headline.trim().is_empty() {
            "(no headline)".to_string()
        } else {
            hit.headline.clone()
        },
        href: article_href(&hit.path, hit.article),
        target: format!("{}#{}", hit.path, hit.article),
        dateline: hit.dateline.clone(),
        date: hit.date.clone(),
        speakers: hit
            .speakers
            .iter()
            .map(|name| Link::new(name.clone(), speaker_href(name)))
            .collect(),
        countries: hit
            .countries
            .iter()
            .map(|c| Link::new(c.name.clone(), filter_href("country", &c.name)))
            .collect(),
        snippets: hit.snippets.iter().map(segments).collect(),
        copies: hit
            .copies
            .iter()
            .map(|copy| {
                Link::new(
                    format!("{}#{} — {}", copy.path, copy.article, copy.headline),
                    article_href(&copy.path, copy.article),
                )
            })
            .collect(),
    }
}

/// A facet value as a line of its box: adding it as a filter, or removing it when it is one.
fn entry(
    state: &PageState,
    param: &'static str,
    exclude: Option<&'static str>,
    value: &FacetValue,
) -> FacetEntry {
    let selected = state.has(param, &value.value);
    FacetEntry {
        label: value.value.clone(),
        count: match value.quotes {
            Some(quotes) => format!("{} · {quotes}", value.articles),
            None => value.articles.to_string(),
        },
        href: if selected {
            state.without_filter(param, &value.value)
        } else {
            state.with_filter(param, &value.value)
        },
        exclude: exclude
            .filter(|_| !selected)
            .map(|not| state.with_filter(not, &value.value)),
        selected,
        children: value
            .subregions
            .iter()
            .flatten()
            .map(|sub| entry(state, param, None, sub))
            .collect(),
    }
}

fn facet_box(state: &PageState, facet: &PageFacet, results: &FacetResults) -> FacetBox {
    let match_param = format!("{}_match", facet.name);
    let mut hidden_state = state.clone();
    hidden_state.offset = 0;
    hidden_state.matches.retain(|(f, _)| f != facet.name);
    let listed = results.values.len();
    let matching = state.matching(facet.name);
    let long = state.shows_more(facet.name);
    let note = match (matching, results.distinct_values) {
        (Some(text), 0) => Some(format!("None matches “{text}”.")),
        (Some(_), n) if n > listed => Some(format!("{listed} of {n} matching.")),
        (None, 0) => Some("None.".to_string()),
        (None, n) if n > listed => Some(format!("{listed} of {n}.")),
        _ => None,
    };
    let more = if long {
        Some(Link::new("fewer", state.with_more(facet.name, false)))
    } else if matching.is_none() && results.distinct_values > listed {
        Some(Link::new("more", state.with_more(facet.name, true)))
    } else {
        None
    };
    FacetBox {
        name: facet.name.to_string(),
        title: facet.title.to_string(),
        counts: if facet.kind == FacetKind::Speaker {
            "articles · quotes".to_string()
        } else {
            "articles".to_string()
        },
        entries: results
            .values
            .iter()
            .map(|v| entry(state, facet.name, facet.exclude, v))
            .collect(),
        match_param,
        match_text: matching.unwrap_or_default().to_string(),
        hidden: hidden_state.pairs(),
        more,
        note,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_are_cut_at_their_highlights_in_characters() {
        let snippet = Snippet {
            text: "Le véto «net» est tombé".to_string(),
            highlights: vec![[3, 7], [18, 23]],
        };
        assert_eq!(
            segments(&snippet),
            [
                ("Le ".to_string(), false),
                ("véto".to_string(), true),
                (" «net» est ".to_string(), false),
                ("tombé".to_string(), true),
            ]
        );
    }

    #[test]
    fn pages_show_a_window_with_the_ends() {
        let state = PageState::default();
        let request = SearchRequest {
            offset: 50,
            ..SearchRequest::new("*")
        };
        let texts: Vec<String> = pages(&state, &request, 200)
            .iter()
            .map(|c| format!("{}{}", c.link.text, if c.current { "*" } else { "" }))
            .collect();
        assert_eq!(
            texts,
            [
                "‹ previous",
                "1",
                "3",
                "4",
                "5",
                "6*",
                "7",
                "8",
                "9",
                "20",
                "next ›"
            ]
        );
    }
}
