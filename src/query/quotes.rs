/*!
Searching the attributed quotes (`newsdex quotes`): the query is matched against the sentences
that hold each quote, and quotes can be kept to some speakers.
*/

use serde::{Deserialize, Serialize};
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser};
use tantivy::schema::Value;
use tantivy::TantivyDocument;

use crate::error::{Error, Result};
use crate::index::{self, Record};
use crate::query::archive::Archive;
use crate::query::lookup::{any_facet, last_step};
use crate::query::parse::query_error;
use crate::query::{snippet, terms};

/// A search inside attributed quotes (`newsdex quotes`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuoteRequest {
    /// Words to look for around the quotes; `None` lists every quote.
    pub query: Option<String>,
    /// Only quotes of these speakers (any of them).
    pub speakers: Vec<String>,
    pub limit: usize,
}

/// The answer to a quote search.
///
/// # Wire format
///
/// ```text
/// {"query": "sanctions", "total_quotes": 2,
///  "quotes": [{"rank": 1, "speaker": "Vassily Nebenzia", "text": "a path to a dead end.",
///              "direct": true, "context": "He went on to say that new sanctions ...",
///              "path": "000_f539c37ecbe7f26d.txt", "article": 0, "headline": "...",
///              "score": 2.1}]}
/// ```
///
/// `total_quotes` counts every matching quote (in the best 1,000 articles), `quotes` holds the
/// first `--limit` of them; `score` is the BM25 score of the quote's article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteResults {
    pub query: Option<String>,
    pub total_quotes: usize,
    pub quotes: Vec<QuoteHit>,
}

/// One attributed quote and where it comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteHit {
    pub rank: usize,
    pub speaker: Option<String>,
    pub text: String,
    pub direct: bool,
    /// The sentences of the body that hold the quote.
    pub context: String,
    pub path: String,
    pub article: u64,
    pub headline: String,
    pub score: f32,
}

/// How many articles a quote search looks into at most.
const QUOTE_ARTICLES: usize = 1000;

impl Archive {
    /// Searches the attributed quotes: the query is matched against each quote's sentences, so
    /// `sanctions` finds "a path to a dead end" when that sentence is about sanctions.
    pub fn quotes(&self, request: &QuoteRequest) -> Result<QuoteResults> {
        let searcher = self.searcher();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut terms = None;
        if let Some(query) = request.query.as_deref().filter(|q| q.trim() != "*") {
            let mut parser = QueryParser::for_index(self.index(), vec![self.fields().quote]);
            parser.set_conjunction_by_default();
            if query.trim().is_empty() {
                return Err(Error::Query {
                    query: query.to_string(),
                    reason: "the query is empty; leave it out to list every quote".to_string(),
                });
            }
            let query = &self.check_query(query)?;
            let rewritten = if terms::may_have_prefix(query) {
                let schema = self.index().schema();
                let default_fields = [(self.fields().quote, 1.0)];
                let mut rewriter = terms::PrefixRewriter {
                    parser: &parser,
                    searcher: &searcher,
                    schema: &schema,
                    default_fields: &default_fields,
                    notes: Vec::new(),
                };
                rewriter
                    .rewrite(query)
                    .map_err(|err| query_error(query, err))?
            } else {
                None
            };
            let parsed = match rewritten {
                Some(parsed) => parsed,
                None => parser
                    .parse_query(query)
                    .map_err(|err| query_error(query, err))?,
            };
            terms = Some(snippet::QueryTerms::of(&*parsed, self.fields().quote));
            clauses.push((Occur::Must, parsed));
        }
        let mut wanted_speakers = Vec::new();
        if !request.speakers.is_empty() {
            let mut facets = Vec::new();
            for name in &request.speakers {
                for facet in self.speaker_facets(&searcher, name)? {
                    wanted_speakers.push(last_step(&facet));
                    facets.push(facet);
                }
            }
            clauses.push((Occur::Must, any_facet(self.fields().speaker_facet, &facets)));
        }
        let query: Box<dyn Query> = if clauses.is_empty() {
            Box::new(tantivy::query::AllQuery)
        } else {
            Box::new(BooleanQuery::new(clauses))
        };
        let top = TopDocs::with_limit(QUOTE_ARTICLES).order_by_score();
        let docs = searcher.search(&*query, &top)?;
        let mut analyzer = index::analyzer();
        let mut quotes = Vec::new();
        for (score, address) in docs {
            let doc: TantivyDocument = searcher.doc(address)?;
            let text = |field| {
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
            };
            let record: Record = text(self.fields().record)
                .and_then(|json| serde_json::from_str(&json).ok())
                .unwrap_or_default();
            let path = text(self.fields().path).unwrap_or_default();
            let headline = text(self.fields().headline).unwrap_or_default();
            let body = text(self.fields().body).unwrap_or_default();
            let article = doc
                .get_first(self.fields().article)
                .and_then(|v| v.as_u64())
                .unwrap_or(0);
            for (i, quote) in record.extraction.quotes.into_iter().enumerate() {
                if !wanted_speakers.is_empty()
                    && !quote
                        .speaker
                        .as_ref()
                        .is_some_and(|s| wanted_speakers.contains(s))
                {
                    continue;
                }
                let context = record
                    .contexts
                    .get(i)
                    .and_then(|&(from, to)| body.get(from..to))
                    .unwrap_or_default()
                    .to_string();
                if let Some(terms) = &terms {
                    let haystack = format!("{context}\n{}", quote.text);
                    if !snippet::contains_any(&haystack, terms, &mut analyzer) {
                        continue;
                    }
                }
                quotes.push(QuoteHit {
                    rank: quotes.len() + 1,
                    speaker: quote
                        .speaker
                        .and_then(|s| self.aliases().resolve(&s).map(str::to_string)),
                    text: quote.text,
                    direct: quote.direct,
                    context,
                    path: path.clone(),
                    article,
                    headline: headline.clone(),
                    score,
                });
            }
        }
        let total_quotes = quotes.len();
        quotes.truncate(request.limit);
        Ok(QuoteResults {
            query: request.query.clone(),
            total_quotes,
            quotes,
        })
    }
}
