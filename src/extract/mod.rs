/*!
Extraction: what an article says beyond its words. Two facets come out of it: the **speakers**
(named people the article quotes, directly or in reported speech; see [`speakers`]) and the
**countries** it refers to (see [`countries`]).

Both extractors are plain functions over the article text with no index involved, so that
`newsdex extract` can show exactly what the indexer would store and the gold scorer can measure it.
*/

pub mod countries;
pub mod signature;
pub mod speakers;

use serde::{Deserialize, Serialize};

use crate::ingest::stories::Article;

pub use countries::{CountryRef, How};
pub use speakers::Quote;

/// Bumped whenever an extractor changes its output, so that an index built by an older
/// extractor can be recognised.
pub const EXTRACTION_VERSION: u32 = 71;

/// Everything extracted from one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// Named speakers, fullest form of each name, in order of first attribution.
    pub speakers: Vec<String>,
    /// The attributed quotes, in body order.
    pub quotes: Vec<Quote>,
    /// The countries the article refers to, each once.
    pub countries: Vec<CountryRef>,
}

/// Runs both extractors over an article.
pub fn extract(article: &Article) -> Extraction {
    let attribution = speakers::attribute(&article.headline, &article.body);
    let countries = countries::detect(
        &article.headline,
        article.dateline.as_deref(),
        &article.body,
    );
    Extraction {
        speakers: attribution.speakers,
        quotes: attribution.quotes,
        countries,
    }
}

/// An article with its extraction, as `newsdex extract --json` prints it (one line each).
///
/// # Wire format
///
/// ```text
/// {"path": "corpus/000_f539c37ecbe7f26d.txt", "article": 0, "headline": "...",
///  "dateline": "UNITED NATIONS (Dispatches)", "date": null,
///  "speakers": ["Zhang Jun", "Vassily Nebenzia"],
///  "countries": [{"code": "CN", "name": "China", "how": "explicit"}],
///  "quotes": [{"speaker": "Zhang Jun", "text": "...", "direct": true, "start": 10, "end": 42,
///              "cue": "verb", "cue_text": "said", "link": "name", "confidence": "high",
///              "attribution": [9, 60], "source": [45, 54]}]}
/// ```
///
/// Quote offsets are character offsets into the article body; see [`Quote`] for the evidence
/// fields.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleExtraction {
    pub path: String,
    pub article: usize,
    pub headline: String,
    pub dateline: Option<String>,
    pub date: Option<String>,
    pub speakers: Vec<String>,
    pub countries: Vec<CountryRef>,
    pub quotes: Vec<Quote>,
}

impl ArticleExtraction {
    pub fn new(article: &Article, extraction: Extraction) -> Self {
        ArticleExtraction {
            path: article.path.clone(),
            article: article.article,
            headline: article.headline.clone(),
            dateline: article.dateline.clone(),
            date: article.date.clone(),
            speakers: extraction.speakers,
            countries: extraction.countries,
            quotes: extraction.quotes,
        }
    }
}
