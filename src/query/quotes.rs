/*!
Searching the attributed quotes (`newsdex quotes`): the query is matched against the sentences
that hold each quote; the articles are kept by the filters of `search` (countries, regions,
dates) and the quotes by speaker, by how sure their attribution is, and (by default) to named
people.

Every matching article is read, so totals are exact and pages reach every quote: the articles
are ordered first (by score or date: a few bytes each), then read one by one and their quotes
handed out in that order ([`Archive::quotes_each`]), which lets an export stream any number of
quotes in bounded memory.
*/

use std::collections::HashSet;
use std::hash::{Hash, Hasher};

use serde::{Deserialize, Serialize};
use tantivy::collector::Count;
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser};
use tantivy::schema::{Facet, Value};
use tantivy::TantivyDocument;

use crate::error::{Error, Result};
use crate::extract::speakers::Confidence;
use crate::index::Record;
use crate::ingest::dates::Day;
use crate::query::archive::Archive;
use crate::query::evidence::Evidence;
use crate::query::lookup::{any_facet, fold, last_step};
use crate::query::matches::Matches;
use crate::query::parse::query_error;
use crate::query::request::{SearchRequest, Sort};
use crate::query::search::CountryName;
use crate::query::{snippet, terms};

/// A search inside attributed quotes (`newsdex quotes`). In JSON every field may be left out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuoteRequest {
    /// Words to look for in and around the quotes; `None` (or `*`) lists every quote.
    pub query: Option<String>,
    /// Only quotes of these speakers (any of them).
    pub speakers: Vec<String>,
    /// Leave out the quotes of these speakers.
    pub not_speakers: Vec<String>,
    /// Only articles referring to any of these countries (names, aliases or ISO codes).
    pub countries: Vec<String>,
    /// Only articles about any of these UN M49 regions or sub-regions.
    pub regions: Vec<String>,
    /// Leave out articles referring to any of these countries.
    pub not_countries: Vec<String>,
    /// Only articles of any of these sources (outlets or root names).
    pub sources: Vec<String>,
    /// Leave out articles of these sources.
    pub not_sources: Vec<String>,
    /// Only articles dated on or after this day.
    pub since: Option<Day>,
    /// Only articles dated on or before this day.
    pub until: Option<Day>,
    /// The order: the article's score (quotes in article order), or its date.
    pub sort: Sort,
    /// A quote repeated word for word by the same speaker (wire copies, reprints) is listed once.
    pub dedupe: bool,
    /// Also list quotes with no named speaker (unnamed or organisational sources).
    pub unnamed: bool,
    /// Only quotes attributed at least this surely.
    pub min_confidence: Confidence,
    /// How many quotes to return; 0 means all.
    pub limit: usize,
    /// How many quotes to skip (paging).
    pub offset: usize,
}

impl Default for QuoteRequest {
    /// Every quote of a named speaker, twenty a page, best articles first.
    fn default() -> Self {
        QuoteRequest {
            query: None,
            speakers: Vec::new(),
            not_speakers: Vec::new(),
            countries: Vec::new(),
            regions: Vec::new(),
            not_countries: Vec::new(),
            sources: Vec::new(),
            not_sources: Vec::new(),
            since: None,
            until: None,
            sort: Sort::Score,
            dedupe: false,
            unnamed: false,
            min_confidence: Confidence::Low,
            limit: 20,
            offset: 0,
        }
    }
}

/// The answer to a quote search.
///
/// # Wire format
///
/// ```text
/// {"query": "sanctions", "total_quotes": 2, "offset": 0,
///  "quotes": [{"rank": 1, "speaker": "Vassily Nebenzia", "text": "a path to a dead end.",
///              "direct": true, "confidence": "high", "cue": "verb", "cue_text": "said",
///              "link": "name", "attribution": "...", "source": "Vassily Nebenzia",
///              "highlights": [[52, 68]], "context": "He went on to say that new sanctions ...",
///              "path": "000_f539c37ecbe7f26d.txt", "article": 0, "headline": "...",
///              "date": "2023-04-18", "countries": [{"code": "KP", "name": "North Korea"}],
///              "article_source": "corpus", "score": 2.1}]}
/// ```
///
/// `total_quotes` counts every quote that matches (exactly: every matching article is read);
/// `quotes` holds the page asked for. `score` is the BM25 score of the quote's article. Two keys
/// appear only when they apply: `undated_excluded` (with `since`/`until`: matching articles
/// with no date) and `notes` (a prefix that hit its cap, a speaker name taken as another).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteResults {
    pub query: Option<String>,
    pub total_quotes: usize,
    pub offset: usize,
    pub quotes: Vec<QuoteHit>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undated_excluded: Option<u64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// What a quote search found besides the quotes themselves (see [`Archive::quotes_each`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuoteSummary {
    pub total_quotes: usize,
    pub undated_excluded: Option<u64>,
    pub notes: Vec<String>,
}

/// One attributed quote, the evidence for its speaker, and the article it comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteHit {
    pub rank: usize,
    /// `None` for unnamed or organisational sources (listed with `unnamed` only).
    pub speaker: Option<String>,
    pub text: String,
    pub direct: bool,
    #[serde(flatten)]
    pub evidence: Evidence,
    /// The sentences of the body that hold the quote (what the query is matched against).
    pub context: String,
    pub path: String,
    pub article: u64,
    pub headline: String,
    pub date: Option<String>,
    pub countries: Vec<CountryName>,
    /// The article's source (its outlet, or its archive root's name); `source` is the
    /// attribution's (the evidence).
    #[serde(default)]
    pub article_source: String,
    pub score: f32,
}

/// The quote query, its filters and the speakers it keeps or leaves out, ready to run.
struct Plan {
    articles: Box<dyn Query>,
    undated: Option<Box<dyn Query>>,
    terms: Option<snippet::QueryTerms>,
    wanted: HashSet<String>,
    unwanted: HashSet<String>,
    notes: Vec<String>,
}

impl Archive {
    /// Searches the attributed quotes and returns one page of them with the exact total; see
    /// [`Archive::quotes_each`].
    ///
    /// # Errors
    ///
    /// Query, filter and name errors as for [`Archive::search`]; index read errors.
    pub fn quotes(&self, request: &QuoteRequest) -> Result<QuoteResults> {
        let mut quotes = Vec::new();
        let summary = self.quotes_each(request, |hit| {
            quotes.push(hit);
            Ok(())
        })?;
        Ok(QuoteResults {
            query: request.query.clone(),
            total_quotes: summary.total_quotes,
            offset: request.offset,
            quotes,
            undated_excluded: summary.undated_excluded,
            notes: summary.notes,
        })
    }

    /// Searches the attributed quotes: the query is matched against each quote's sentences, so
    /// `sanctions` finds "a path to a dead end" when that sentence is about sanctions. Hands the
    /// quotes of the page (`offset`, `limit`; limit 0: all) to `each` in order, as they are
    /// found, and counts every matching quote. Memory stays bounded by the number of matching
    /// articles (a few bytes each), whatever the number of quotes.
    ///
    /// # Errors
    ///
    /// Query, filter and name errors as for [`Archive::search`]; index read errors; the first
    /// error `each` returns (which stops the search).
    pub fn quotes_each(
        &self,
        request: &QuoteRequest,
        mut each: impl FnMut(QuoteHit) -> Result<()>,
    ) -> Result<QuoteSummary> {
        let plan = self.plan(request)?;
        let searcher = self.searcher();
        let mut order = searcher.search(&*plan.articles, &Matches(self.fields().date))?;
        match request.sort {
            Sort::Score => order.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.at.cmp(&b.at))),
            // Undated articles last either way.
            Sort::Date => order.sort_by_key(|m| (m.date.is_none(), m.date, m.at)),
            Sort::DateDesc => {
                order.sort_by_key(|m| (m.date.is_none(), std::cmp::Reverse(m.date), m.at))
            }
        }
        let mut analyzer = self.analyzer();
        let mut seen: HashSet<u64> = HashSet::new();
        let mut total = 0usize;
        let end = match request.limit {
            0 => usize::MAX,
            limit => request.offset.saturating_add(limit),
        };
        for m in order {
            let doc: TantivyDocument = searcher.doc(m.at)?;
            let text = |field| {
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
            };
            let record: Record = text(self.fields().record)
                .and_then(|json| serde_json::from_str(&json).ok())
                .unwrap_or_default();
            let body = text(self.fields().body).unwrap_or_default();
            let mut article = None;
            for (i, quote) in record.extraction.quotes.iter().enumerate() {
                let speaker = quote
                    .speaker
                    .as_deref()
                    .and_then(|s| self.aliases().resolve(s));
                let keep = match speaker {
                    Some(name) => {
                        (plan.wanted.is_empty() || plan.wanted.contains(name))
                            && !plan.unwanted.contains(name)
                    }
                    None => request.unnamed && plan.wanted.is_empty(),
                };
                if !keep || quote.confidence < request.min_confidence {
                    continue;
                }
                let context = record
                    .contexts
                    .get(i)
                    .and_then(|&(from, to)| body.get(from..to))
                    .unwrap_or_default();
                if let Some(terms) = &plan.terms {
                    let haystack = format!("{context}\n{}", quote.text);
                    if !snippet::contains_any(&haystack, terms, &mut analyzer) {
                        continue;
                    }
                }
                if request.dedupe {
                    let mut hasher = std::collections::hash_map::DefaultHasher::new();
                    (speaker, fold(&quote.text)).hash(&mut hasher);
                    if !seen.insert(hasher.finish()) {
                        continue;
                    }
                }
                total += 1;
                if total <= request.offset || total > end {
                    continue;
                }
                let (path, number, headline) = article.get_or_insert_with(|| {
                    (
                        text(self.fields().path).unwrap_or_default(),
                        doc.get_first(self.fields().article)
                            .and_then(|v| v.as_u64())
                            .unwrap_or(0),
                        text(self.fields().headline).unwrap_or_default(),
                    )
                });
                each(QuoteHit {
                    rank: total,
                    speaker: speaker.map(str::to_string),
                    text: quote.text.clone(),
                    direct: quote.direct,
                    evidence: Evidence::of(quote, &body),
                    context: context.to_string(),
                    path: path.clone(),
                    article: *number,
                    headline: headline.clone(),
                    date: record.date.clone(),
                    countries: record
                        .extraction
                        .countries
                        .iter()
                        .cloned()
                        .map(CountryName::from)
                        .collect(),
                    article_source: record.source.clone(),
                    score: m.score,
                })?;
            }
        }
        let undated_excluded = match &plan.undated {
            Some(undated) => Some(searcher.search(&**undated, &Count)? as u64),
            None => None,
        };
        Ok(QuoteSummary {
            total_quotes: total,
            undated_excluded,
            notes: plan.notes,
        })
    }

    /// The articles to read and what to keep of their quotes.
    fn plan(&self, request: &QuoteRequest) -> Result<Plan> {
        // The article filters of `search`, over every article.
        let filters = SearchRequest {
            countries: request.countries.clone(),
            regions: request.regions.clone(),
            not_countries: request.not_countries.clone(),
            sources: request.sources.clone(),
            not_sources: request.not_sources.clone(),
            since: request.since,
            until: request.until,
            ..SearchRequest::new("*")
        };
        let prepared = self.prepare(&filters)?;
        let mut notes = prepared.notes;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, prepared.query)];
        let mut terms = None;
        if let Some(query) = request.query.as_deref().filter(|q| q.trim() != "*") {
            let (parsed, query_notes) = self.parse_quote_query(query)?;
            notes.extend(query_notes);
            terms = Some(snippet::QueryTerms::of(&*parsed, self.fields().quote));
            clauses.push((Occur::Must, parsed));
        }
        let searcher = self.searcher();
        let mut names = |list: &[String]| -> Result<(Vec<Facet>, HashSet<String>)> {
            let mut facets = Vec::new();
            let mut names = HashSet::new();
            for name in list {
                let (found, note) = self.speaker_facets_noted(&searcher, name)?;
                notes.extend(note);
                for facet in found {
                    let value = last_step(&facet);
                    names.insert(
                        self.aliases()
                            .resolve(&value)
                            .unwrap_or(value.as_str())
                            .to_string(),
                    );
                    facets.push(facet);
                }
            }
            Ok((facets, names))
        };
        let (facets, wanted) = names(&request.speakers)?;
        let (_, unwanted) = names(&request.not_speakers)?;
        if !request.speakers.is_empty() {
            clauses.push((Occur::Must, any_facet(self.fields().speaker_facet, &facets)));
        }
        let undated = prepared.undated.map(|undated| {
            let mut with_words: Vec<(Occur, Box<dyn Query>)> = clauses[1..]
                .iter()
                .map(|(occur, query)| (*occur, query.box_clone()))
                .collect();
            with_words.push((Occur::Must, undated));
            Box::new(BooleanQuery::new(with_words)) as Box<dyn Query>
        });
        Ok(Plan {
            articles: Box::new(BooleanQuery::new(clauses)),
            undated,
            terms,
            wanted,
            unwanted,
            notes,
        })
    }

    /// Parses the words of a quote search against the quote field (prefixes expanded).
    fn parse_quote_query(&self, query: &str) -> Result<(Box<dyn Query>, Vec<String>)> {
        if query.trim().is_empty() {
            return Err(Error::Query {
                query: query.to_string(),
                reason: "the query is empty; leave it out to list every quote".to_string(),
            });
        }
        let query = &self.check_query(query)?;
        let mut parser = QueryParser::for_index(self.index(), vec![self.fields().quote]);
        parser.set_conjunction_by_default();
        if terms::may_have_prefix(query) {
            let searcher = self.searcher();
            let schema = self.index().schema();
            let default_fields = [(self.fields().quote, 1.0)];
            let mut rewriter = terms::PrefixRewriter {
                parser: &parser,
                searcher: &searcher,
                schema: &schema,
                default_fields: &default_fields,
                notes: Vec::new(),
            };
            if let Some(parsed) = rewriter
                .rewrite(query)
                .map_err(|err| query_error(query, err))?
            {
                return Ok((parsed, rewriter.notes));
            }
        }
        let parsed = parser
            .parse_query(query)
            .map_err(|err| query_error(query, err))?;
        Ok((parsed, Vec::new()))
    }
}
