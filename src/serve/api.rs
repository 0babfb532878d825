/*!
The JSON API under `/api/`: one address per command, taking the command's options as query
parameters and answering with the JSON its `--json` prints (the same serde types, printed by
[`newsdex::report`]). Lists can also come as NDJSON or CSV (`format=ndjson|csv`, the files
`--format` writes), as downloads.

| address | command |
|---|---|
| `/api/search?q=...` | `newsdex search` |
| `/api/quotes?q=...&speaker=...` | `newsdex quotes` |
| `/api/facets/{speaker,country,region,source}?q=...` | `newsdex facets` |
| `/api/timeline?q=...&by=month` | `newsdex timeline` |
| `/api/cooccur/{speaker,country}?with=...` | `newsdex cooccur` |
| `/api/show?path=...&article=N` | `newsdex show` |
| `/api/stats` | `newsdex stats` |

Errors are `{"error": "..."}` with 400 (a bad query or parameter), 404 (an unknown article or
address), 413 (past a limit) or 503 (past the time limit); see [`crate::serve::error`].
*/

use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use newsdex::analysis::cooccur::{CooccurRequest, PairFacet};
use newsdex::extract::speakers::Confidence;
use newsdex::query::facets::{FacetKind, FacetRequest};
use newsdex::query::quotes::QuoteRequest;
use newsdex::query::request::SearchRequest;
use newsdex::query::show::parse_target;
use newsdex::report::{self, Format, Report, Style};

use crate::serve::error::ServeError;
use crate::serve::params::{self, filter_params, Params, MAX_LIMIT};
use crate::serve::state::AppState;

type Shared = State<Arc<AppState>>;

/// An encoded answer: its content type, a file name when it is a download, and the bytes.
pub struct Encoded {
    content_type: &'static str,
    download: Option<String>,
    body: Vec<u8>,
}

impl IntoResponse for Encoded {
    fn into_response(self) -> Response {
        let mut response = ([(header::CONTENT_TYPE, self.content_type)], self.body).into_response();
        if let Some(name) = self.download {
            if let Ok(value) = format!("attachment; filename=\"{name}\"").parse() {
                response
                    .headers_mut()
                    .insert(header::CONTENT_DISPOSITION, value);
            }
        }
        response
    }
}

/// The format a list is asked for in: `json` (default), `ndjson` or `csv`.
fn format(params: &Params) -> Result<Format, ServeError> {
    Ok(match params.one("format")? {
        None | Some("json") => Format::Json,
        Some("ndjson") => Format::Ndjson,
        Some("csv") => Format::Csv,
        Some(other) => {
            return Err(ServeError::BadRequest(format!(
                "format must be json, ndjson or csv, not {other:?}"
            )))
        }
    })
}

/// Prints a report in `format`, as `--format` would; NDJSON and CSV are downloads named after
/// the command.
pub fn encode<R: Report>(report: &R, format: Format, command: &str) -> Result<Encoded, ServeError> {
    let mut body = Vec::new();
    report::print(&mut body, report, format, Style::default())
        .map_err(|err| ServeError::Internal(format!("printing the answer failed: {err}")))?;
    let (content_type, download) = match format {
        Format::Ndjson => (
            "application/x-ndjson",
            Some(format!("newsdex-{command}.ndjson")),
        ),
        Format::Csv => (
            "text/csv; charset=utf-8",
            Some(format!("newsdex-{command}.csv")),
        ),
        Format::Json | Format::Text => ("application/json", None),
    };
    Ok(Encoded {
        content_type,
        download,
        body,
    })
}

/// One JSON document, as `show --json` and `stats --json` print it.
fn encode_json<T: serde::Serialize>(value: &T) -> Result<Encoded, ServeError> {
    let mut body = Vec::new();
    report::json(&mut body, value)
        .map_err(|err| ServeError::Internal(format!("printing the answer failed: {err}")))?;
    Ok(Encoded {
        content_type: "application/json",
        download: None,
        body,
    })
}

/// The parameters an address takes: `extra` and, with `filters`, the filters and dates.
fn known(extra: &[&'static str], filters: bool) -> Vec<&'static str> {
    let mut names = extra.to_vec();
    if filters {
        names.extend(filter_params());
    }
    names
}

/// `/api/search`: `newsdex search --json`.
pub async fn search(State(state): Shared, RawQuery(raw): RawQuery) -> Result<Encoded, ServeError> {
    let params = Params::parse(raw.as_deref())?;
    params.only(&known(
        &[
            "q",
            "sort",
            "limit",
            "offset",
            "all_copies",
            "dedupe",
            "facet",
            "format",
        ],
        true,
    ))?;
    let format = format(&params)?;
    let request = params::search_request(&params, MAX_LIMIT)?;
    state
        .run(move |archive| encode(&archive.search(&request)?, format, "search"))
        .await
}

/// `/api/quotes`: `newsdex quotes --json`, with the filters of search, `sort`, paging, `dedupe`,
/// `unnamed` (quotes without a named speaker too) and `min_confidence` (`low`, `medium`, `high`).
pub async fn quotes(State(state): Shared, RawQuery(raw): RawQuery) -> Result<Encoded, ServeError> {
    let params = Params::parse(raw.as_deref())?;
    params.only(&known(
        &[
            "q",
            "sort",
            "limit",
            "offset",
            "dedupe",
            "unnamed",
            "min_confidence",
            "format",
        ],
        true,
    ))?;
    let format = format(&params)?;
    let (limit, offset) = params::page(&params, 20, MAX_LIMIT)?;
    let mut filters = SearchRequest::new("*");
    params::apply_filters(&params, &mut filters)?;
    let min_confidence = match params.one("min_confidence")? {
        None | Some("low") => Confidence::Low,
        Some("medium") => Confidence::Medium,
        Some("high") => Confidence::High,
        Some(other) => {
            return Err(ServeError::BadRequest(format!(
                "min_confidence must be low, medium or high, not {other:?}"
            )))
        }
    };
    let request = QuoteRequest {
        query: params.one("q")?.map(str::to_string),
        speakers: filters.speakers,
        not_speakers: filters.not_speakers,
        countries: filters.countries,
        regions: filters.regions,
        not_countries: filters.not_countries,
        sources: filters.sources,
        not_sources: filters.not_sources,
        since: filters.since,
        until: filters.until,
        sort: params::sort(&params)?.unwrap_or_default(),
        dedupe: params.flag("dedupe")?,
        unnamed: params.flag("unnamed")?,
        min_confidence,
        limit,
        offset,
    };
    state
        .run(move |archive| encode(&archive.quotes(&request)?, format, "quotes"))
        .await
}

/// The articles a listing counts over: `q` (every article without it) and the filters; and
/// whether a query was given.
fn counted(params: &Params) -> Result<(SearchRequest, bool), ServeError> {
    let query = params.one("q")?;
    let mut search = SearchRequest::new(query.unwrap_or("*"));
    params::apply_filters(params, &mut search)?;
    Ok((search, query.is_some()))
}

/// `/api/facets/{speaker,country,region,source}`: `newsdex facets KIND --json`.
pub async fn facets(
    State(state): Shared,
    Path(kind): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Encoded, ServeError> {
    let kind = match kind.as_str() {
        "speaker" => FacetKind::Speaker,
        "country" => FacetKind::Country,
        "region" => FacetKind::Region,
        "source" => FacetKind::Source,
        other => {
            return Err(ServeError::NotFound(format!(
                "no facet {other:?}; the facets are speaker, country, region and source"
            )))
        }
    };
    let params = Params::parse(raw.as_deref())?;
    params.only(&known(&["q", "limit", "match", "dedupe", "format"], true))?;
    let format = format(&params)?;
    let (mut search, has_query) = counted(&params)?;
    search.dedupe = params.flag("dedupe")?;
    let request = FacetRequest {
        kind,
        search,
        has_query,
        limit: params.number("limit", 20, MAX_LIMIT)?,
        matching: params.one("match")?.map(str::to_string),
    };
    state
        .run(move |archive| encode(&archive.facets(&request)?, format, "facets"))
        .await
}

/// `/api/timeline`: `newsdex timeline --json`.
pub async fn timeline(
    State(state): Shared,
    RawQuery(raw): RawQuery,
) -> Result<Encoded, ServeError> {
    let params = Params::parse(raw.as_deref())?;
    params.only(&known(&["q", "by", "format"], true))?;
    let format = format(&params)?;
    let by = params::period(&params)?;
    let (request, _) = counted(&params)?;
    state
        .run(move |archive| encode(&archive.timeline(&request, by)?, format, "timeline"))
        .await
}

/// A facet `cooccur` pairs, by name.
fn pair_facet(name: &str) -> Option<PairFacet> {
    match name {
        "speaker" => Some(PairFacet::Speaker),
        "country" => Some(PairFacet::Country),
        _ => None,
    }
}

/// `/api/cooccur/{speaker,country}`: `newsdex cooccur FACET --json`.
pub async fn cooccur(
    State(state): Shared,
    Path(facet): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Encoded, ServeError> {
    let Some(facet) = pair_facet(&facet) else {
        return Err(ServeError::NotFound(format!(
            "no facet {facet:?} to pair; cooccur pairs speaker and country"
        )));
    };
    let params = Params::parse(raw.as_deref())?;
    params.only(&known(&["q", "with", "limit", "format"], true))?;
    let format = format(&params)?;
    let with = match params.one("with")? {
        None => facet,
        Some(name) => pair_facet(name).ok_or_else(|| {
            ServeError::BadRequest(format!("with must be speaker or country, not {name:?}"))
        })?,
    };
    let limit = params.number("limit", 20, MAX_LIMIT)?;
    if limit == 0 {
        return Err(ServeError::BadRequest(format!(
            "limit=0 (every pair) is for the command line; ask for at most {MAX_LIMIT}"
        )));
    }
    let (search, has_query) = counted(&params)?;
    let request = CooccurRequest {
        facet,
        with,
        search,
        has_query,
        limit,
    };
    state
        .run(move |archive| encode(&archive.cooccur(&request)?, format, "cooccur"))
        .await
}

/// The `PATH#N` an article page or `/api/show` names: `path`, and `article` (or the path's own
/// `#N`).
pub fn show_target(params: &Params) -> Result<String, ServeError> {
    let Some(path) = params.one("path")? else {
        return Err(ServeError::BadRequest(
            "give the article as path=PATH (as search results print it), and article=N for the N-th story of a file".to_string(),
        ));
    };
    let target = match params.one("article")? {
        Some(_) => format!("{path}#{}", params.number("article", 0, u32::MAX as usize)?),
        None => path.to_string(),
    };
    parse_target(&target)?;
    Ok(target)
}

/// Shows an article; the library's "no such file or story" is a 404 here (the target itself
/// was checked by [`show_target`]), without the index's place on the server's disk.
pub fn show_article(
    archive: &newsdex::Archive,
    target: &str,
) -> Result<newsdex::query::show::FullArticle, ServeError> {
    archive.show(target).map_err(|err| match err {
        newsdex::Error::Usage(message) => ServeError::NotFound(message.replace(
            &format!(" in the index at {}", archive.path().display()),
            " in this archive",
        )),
        other => ServeError::from(other),
    })
}

/// `/api/show`: `newsdex show PATH#N --json`.
pub async fn show(State(state): Shared, RawQuery(raw): RawQuery) -> Result<Encoded, ServeError> {
    let params = Params::parse(raw.as_deref())?;
    params.only(&["path", "article"])?;
    let target = show_target(&params)?;
    state
        .run(move |archive| encode_json(&show_article(archive, &target)?))
        .await
}

/// `/api/stats`: `newsdex stats --json`.
pub async fn stats(State(state): Shared, RawQuery(raw): RawQuery) -> Result<Encoded, ServeError> {
    Params::parse(raw.as_deref())?.only(&[])?;
    state
        .run(move |archive| encode_json(&archive.stats()?))
        .await
}

/// Any other address under `/api/`.
pub async fn not_found() -> ServeError {
    ServeError::NotFound(
        "no such API address; the addresses are /api/search, /api/quotes, /api/facets/{speaker,country,region,source}, /api/timeline, /api/cooccur/{speaker,country}, /api/show and /api/stats".to_string(),
    )
}
