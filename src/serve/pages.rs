/*!
The HTML pages: the search page (`/`, built by [`crate::serve::search_page`]), an article
(`/article?path=...&article=N`, `show`) with every attributed quote marked in its text, and a
speaker (`/speaker?name=...`: `quotes` newest first, with `cooccur`'s countries and people).

Pages run their questions and render their template on a blocking thread, like the API. A
request the page cannot answer gets an error page with the API's status (400, 404, 413, 503);
a bad query or date on the search page keeps the form, with the message above it, so that it can
be fixed where it was typed.
*/

use std::sync::Arc;

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use newsdex::analysis::cooccur::{CooccurRequest, PairFacet};
use newsdex::query::archive::Archive;
use newsdex::query::facets::{FacetKind, FacetRequest};
use newsdex::query::lookup::fold;
use newsdex::query::quotes::QuoteRequest;
use newsdex::query::request::{SearchRequest, Sort};
use newsdex::query::show::FullArticle;

use crate::serve::api::{show_article, show_target};
use crate::serve::error::ServeError;
use crate::serve::links::{article_href, filter_href, href, speaker_href, PageState};
use crate::serve::marked::mark;
use crate::serve::params::{self, Params, MAX_DEPTH};
use crate::serve::search_page::{build, gather, Gathered};
use crate::serve::state::AppState;
use crate::serve::views::{
    ArticlePage, Choice, ErrorPage, Link, PieceView, QuoteMark, QuoteMarkText, Said, SaidIn,
    SpeakerLinks, SpeakerPage, WithCount,
};

type Shared = State<Arc<AppState>>;

/// Hits a search page shows at most (`limit`).
const MAX_PAGE_HITS: usize = 100;
/// Articles a speaker's page shows at once.
const SPEAKER_ARTICLES: usize = 10;
/// Countries and people a speaker's page lists.
const SPEAKER_WITH: usize = 15;

/// A rendered page and its status.
struct Html(StatusCode, String);

impl IntoResponse for Html {
    fn into_response(self) -> Response {
        (
            self.0,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            self.1,
        )
            .into_response()
    }
}

fn render(status: StatusCode, page: &impl Template) -> Result<Html, ServeError> {
    page.render()
        .map(|text| Html(status, text))
        .map_err(|err| ServeError::Internal(format!("rendering the page failed: {err}")))
}

/// The error page of a request.
pub fn error_page(err: ServeError) -> Response {
    let status = err.status();
    let page = ErrorPage {
        title: status.canonical_reason().unwrap_or("Error").to_string(),
        status: status.as_u16(),
        message: err.message().to_string(),
    };
    match render(status, &page) {
        Ok(html) => html.into_response(),
        Err(err) => err.into_response(),
    }
}

/// Answers a page, or its error page.
fn page(result: Result<Html, ServeError>) -> Response {
    match result {
        Ok(html) => html.into_response(),
        Err(err) => error_page(err),
    }
}

/// `/`: the search page.
pub async fn search(State(state): Shared, RawQuery(raw): RawQuery) -> Response {
    page(search_html(&state, raw.as_deref()).await)
}

async fn search_html(state: &AppState, raw: Option<&str>) -> Result<Html, ServeError> {
    let params = Params::parse(raw)?;
    let page = PageState::from_params(&params)?;
    let request = match params::search_request(&params, MAX_PAGE_HITS) {
        Ok(request) => request,
        // A bad date or order: the form, with the message, to fix it.
        Err(ServeError::BadRequest(message)) => {
            let gathered = Gathered {
                results: Err(message),
                facets: Vec::new(),
                timeline: None,
            };
            let built = build(&page, &SearchRequest::new(page.query()), gathered);
            return render(StatusCode::BAD_REQUEST, &built);
        }
        Err(err) => return Err(err),
    };
    state
        .run(move |archive| {
            let gathered = gather(archive, &page, &request)?;
            let status = if gathered.results.is_ok() {
                StatusCode::OK
            } else {
                StatusCode::BAD_REQUEST
            };
            render(status, &build(&page, &request, gathered))
        })
        .await
}

/// `/article?path=PATH&article=N`: one article.
pub async fn article(State(state): Shared, RawQuery(raw): RawQuery) -> Response {
    let work = async {
        let params = Params::parse(raw.as_deref())?;
        params.only(&["path", "article"])?;
        let target = show_target(&params)?;
        state
            .run(move |archive| {
                let article = show_article(archive, &target)?;
                render(StatusCode::OK, &article_page(&article))
            })
            .await
    };
    page(work.await)
}

/// The label of a quote: its speaker and page, or an unnamed source.
fn quote_mark(article: &FullArticle, i: usize) -> QuoteMark {
    let quote = &article.quotes[i];
    QuoteMark {
        speaker: quote
            .speaker
            .clone()
            .unwrap_or_else(|| "unnamed source".to_string()),
        href: quote.speaker.as_deref().map(speaker_href),
        direct: quote.direct,
        number: i + 1,
    }
}

fn article_page(article: &FullArticle) -> ArticlePage {
    let texts: Vec<&str> = article.quotes.iter().map(|q| q.text.as_str()).collect();
    let (paragraphs, missing) = mark(&article.body, &texts);
    let paragraphs = paragraphs
        .into_iter()
        .map(|pieces| {
            pieces
                .into_iter()
                .map(|piece| PieceView {
                    quote: piece.quote.map(|i| quote_mark(article, i)),
                    label: piece.label.map(|i| quote_mark(article, i)),
                    text: piece.text,
                })
                .collect()
        })
        .collect();
    let unplaced = missing
        .into_iter()
        .map(|i| QuoteMarkText {
            mark: quote_mark(article, i),
            text: article.quotes[i].text.clone(),
        })
        .collect();
    let headline = if article.headline.trim().is_empty() {
        "(no headline)".to_string()
    } else {
        article.headline.clone()
    };
    ArticlePage {
        title: headline.clone(),
        headline,
        target: format!("{}#{}", article.path, article.article),
        dateline: article.dateline.clone(),
        date: article.date.clone(),
        speakers: article
            .speakers
            .iter()
            .map(|name| SpeakerLinks {
                name: name.clone(),
                page: speaker_href(name),
                search: filter_href("speaker", name),
            })
            .collect(),
        countries: article
            .countries
            .iter()
            .map(|c| Link::new(c.name.clone(), filter_href("country", &c.name)))
            .collect(),
        paragraphs,
        quote_count: article.quotes.len(),
        unplaced,
        stories: stories(article),
        json: href(
            "/api/show",
            &[
                ("path".to_string(), article.path.clone()),
                ("article".to_string(), article.article.to_string()),
            ],
        ),
    }
}

/// Links to the other stories of a file: the first, the last and ten around this one.
fn stories(article: &FullArticle) -> Vec<Choice> {
    let count = article.articles_in_file;
    if count <= 1 {
        return Vec::new();
    }
    let near = article.article.saturating_sub(10)..(article.article + 11).min(count);
    let mut numbers: Vec<u64> = std::iter::once(0)
        .chain(near)
        .chain(std::iter::once(count - 1))
        .collect();
    numbers.dedup();
    numbers
        .into_iter()
        .map(|n| Choice {
            link: Link::new(format!("#{n}"), article_href(&article.path, n)),
            current: n == article.article,
        })
        .collect()
}

/// `/speaker?name=NAME`: what a person said, newest first, and who and what they appear with.
pub async fn speaker(State(state): Shared, RawQuery(raw): RawQuery) -> Response {
    let work = async {
        let params = Params::parse(raw.as_deref())?;
        params.only(&["name", "offset"])?;
        let Some(name) = params.one("name")?.map(str::to_string) else {
            return Err(ServeError::BadRequest(
                "give the speaker as name=NAME, as search results and facets print it".to_string(),
            ));
        };
        let offset = params.number("offset", 0, MAX_DEPTH - SPEAKER_ARTICLES)?;
        state
            .run(move |archive| render(StatusCode::OK, &speaker_page(archive, &name, offset)?))
            .await
    };
    page(work.await)
}

fn speaker_page(archive: &Archive, name: &str, offset: usize) -> Result<SpeakerPage, ServeError> {
    let quoting = SearchRequest {
        speakers: vec![name.to_string()],
        ..SearchRequest::new("*")
    };
    let results = archive.search(&SearchRequest {
        sort: Sort::DateDesc,
        limit: SPEAKER_ARTICLES,
        offset,
        ..quoting.clone()
    })?;
    if results.total_hits == 0 {
        return Err(ServeError::NotFound(format!(
            "no article quotes {name:?}; names are as search results and facets print them"
        )));
    }
    // The name as the index (and its aliases) spells it, and the speaker's quote count.
    let counts = archive.facets(&FacetRequest {
        kind: FacetKind::Speaker,
        search: quoting.clone(),
        has_query: false,
        limit: 5,
        matching: None,
    })?;
    let wanted = fold(name);
    let own = counts.values.iter().find(|v| fold(&v.value) == wanted);
    let shown_name = own.map_or(name, |v| v.value.as_str()).to_string();
    // What they said, with its context, by article; an article past the quote search's reach
    // (its best 1,000 articles) is read in full.
    #[allow(clippy::needless_update)] // Issue 18 adds fields, which keep their defaults.
    let request = QuoteRequest {
        speakers: vec![name.to_string()],
        limit: usize::MAX,
        ..QuoteRequest::default()
    };
    let quotes = archive.quotes(&request)?;
    let mut said = Vec::new();
    for hit in &results.hits {
        let mut in_article: Vec<(&str, &str, bool)> = quotes
            .quotes
            .iter()
            .filter(|q| q.path == hit.path && q.article == hit.article)
            .map(|q| (q.text.as_str(), q.context.as_str(), q.direct))
            .collect();
        let shown;
        if in_article.is_empty() {
            shown = show_article(archive, &format!("{}#{}", hit.path, hit.article))?;
            in_article = shown
                .quotes
                .iter()
                .filter(|q| {
                    q.speaker
                        .as_deref()
                        .is_some_and(|s| fold(s) == wanted || s == shown_name)
                })
                .map(|q| (q.text.as_str(), "", q.direct))
                .collect();
        }
        said.push(SaidIn {
            headline: hit.headline.clone(),
            href: article_href(&hit.path, hit.article),
            date: hit.date.clone(),
            dateline: hit.dateline.clone(),
            quotes: in_context(&in_article),
        });
    }
    let pairs = |with: PairFacet| {
        archive.cooccur(&CooccurRequest {
            facet: PairFacet::Speaker,
            with,
            search: quoting.clone(),
            has_query: false,
            limit: SPEAKER_WITH,
        })
    };
    let countries = pairs(PairFacet::Country)?
        .pairs
        .into_iter()
        .map(|pair| WithCount {
            link: Link::new(
                pair.b.clone(),
                href(
                    "/",
                    &[
                        ("speaker".to_string(), shown_name.clone()),
                        ("country".to_string(), pair.b),
                    ],
                ),
            ),
            articles: pair.articles,
        })
        .collect();
    let people = pairs(PairFacet::Speaker)?
        .pairs
        .into_iter()
        .map(|pair| {
            let other = if fold(&pair.a) == wanted {
                pair.b
            } else {
                pair.a
            };
            WithCount {
                link: Link::new(other.clone(), speaker_href(&other)),
                articles: pair.articles,
            }
        })
        .collect();
    let articles = results.total_hits;
    let summary = match own.and_then(|v| v.quotes) {
        Some(quotes) => format!(
            "{quotes} {} in {articles} {}, newest first",
            if quotes == 1 { "quote" } else { "quotes" },
            if articles == 1 { "article" } else { "articles" }
        ),
        None => format!("{articles} articles, newest first"),
    };
    let pages = speaker_pages(&shown_name, offset, articles);
    Ok(SpeakerPage {
        title: shown_name.clone(),
        search: filter_href("speaker", &shown_name),
        json: href(
            "/api/quotes",
            &[("speaker".to_string(), shown_name.clone())],
        ),
        name: shown_name,
        summary,
        said,
        pages,
        countries,
        people,
    })
}

/// Quotes `(text, context, direct)` in the sentences that hold them: quotes of one context
/// together, marked in it (a quote alone when its context does not hold it).
fn in_context(quotes: &[(&str, &str, bool)]) -> Vec<Said> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < quotes.len() {
        let context = quotes[i].1;
        let same = quotes[i..]
            .iter()
            .take_while(|q| q.1 == context)
            .count()
            .max(1);
        let group = &quotes[i..i + same];
        i += same;
        let texts: Vec<&str> = group.iter().map(|q| q.0).collect();
        let (paragraphs, missing) = mark(context, &texts);
        let mut said: Said = paragraphs
            .into_iter()
            .flatten()
            .map(|piece| (piece.text, piece.quote.map(|q| group[q].2)))
            .collect();
        if context.trim().is_empty() || !missing.is_empty() {
            said = group.iter().map(|q| (q.0.to_string(), Some(q.2))).collect();
        }
        out.push(said);
    }
    out
}

/// Newer and older articles of a speaker's page.
fn speaker_pages(name: &str, offset: usize, total: usize) -> Vec<Choice> {
    let at = |offset: usize| {
        let mut pairs = vec![("name".to_string(), name.to_string())];
        if offset > 0 {
            pairs.push(("offset".to_string(), offset.to_string()));
        }
        href("/speaker", &pairs)
    };
    let mut pages = Vec::new();
    if offset > 0 {
        pages.push(Choice {
            link: Link::new("‹ newer", at(offset.saturating_sub(SPEAKER_ARTICLES))),
            current: false,
        });
    }
    pages.push(Choice {
        link: Link::new(
            format!("{}–{}", offset + 1, (offset + SPEAKER_ARTICLES).min(total)),
            at(offset),
        ),
        current: true,
    });
    if offset + SPEAKER_ARTICLES < total.min(MAX_DEPTH) {
        pages.push(Choice {
            link: Link::new("older ›", at(offset + SPEAKER_ARTICLES)),
            current: false,
        });
    }
    pages
}

/// Any other address.
pub async fn not_found() -> Response {
    error_page(ServeError::NotFound(
        "no such page; the pages are / (search), /article and /speaker".to_string(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_of_one_sentence_are_marked_together_in_it() {
        let context = "\"Yes,\" she said, \"and no.\"";
        let said = in_context(&[
            ("Yes,", context, true),
            ("and no.", context, true),
            ("later, perhaps", "", false),
        ]);
        let plain = |t: &str| (t.to_string(), None);
        let quote = |t: &str, direct| (t.to_string(), Some(direct));
        assert_eq!(
            said,
            [
                vec![
                    plain("\""),
                    quote("Yes,", true),
                    plain("\" she said, "),
                    plain("\""),
                    quote("and no.", true),
                    plain("\""),
                ],
                vec![quote("later, perhaps", false)],
            ]
        );
    }
}
