/*!
Running a search: BM25-ranked hits with snippets, wire copies collapsed under their story, and
facet counts over all matching articles, computed in one pass over the index.

Hits are ordered by score or by date (tantivy's sort-key collector on the date fast field, score
breaking ties; undated articles last). With a date filter, a second count over the same query says
how many matching articles have no date.
*/

use serde::{Deserialize, Serialize};
use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue};
use tantivy::collector::{Collector, Count, FacetCollector, TopDocs};
use tantivy::query::Query;
use tantivy::schema::{Facet, Value};
use tantivy::{DocAddress, Order, Searcher, TantivyDocument};

use crate::error::Result;
use crate::extract::countries;
use crate::query::archive::Archive;
use crate::query::dupes;
use crate::query::facet_count::FacetTop;
use crate::query::lookup::{last_step, region_names};
use crate::query::parse::DATE_FIELD;
use crate::query::request::{SearchRequest, Sort};
use crate::query::{snippet, terms};

/// Hits fetched beyond twice the page to find the copies of the page's stories.
const COPY_MARGIN: usize = 10;

/// How many values each facet lists.
pub const FACET_TOP: usize = 10;

/// The answer to a search.
///
/// # Wire format
///
/// `newsdex search --json` prints this as one JSON document:
///
/// ```text
/// {"query": "sanctions AND veto", "total_hits": 2,
///  "hits": [{"rank": 1, "score": 3.1, "path": "000_f539c37ecbe7f26d.txt", "article": 0,
///            "headline": "...", "dateline": "UNITED NATIONS (Dispatches)", "date": null,
///            "source": "corpus", "speakers": ["Zhang Jun"], "countries": [{"code": "CN", "name": "China"}],
///            "snippets": [{"text": "... vetoed ...", "highlights": [[4, 10]]}]}],
///  "facets": {"speaker": [{"value": "Zhang Jun", "count": 1}],
///             "country": [{"value": "China", "code": "CN", "count": 2}],
///             "source": [{"value": "corpus", "count": 2}]}}
/// ```
///
/// `source` is the outlet the article's metadata names, or the name of its archive root; a hit
/// also has `url` when its page or metadata gives one. `highlights` are `[start, end)` character
/// offsets into the snippet's `text`. Three keys
/// appear only when they apply: `undated_excluded` (with `--since`/`--until`: how many articles
/// matched but have no date), `did_you_mean` (when nothing matched: the query with its unknown
/// words replaced by the closest indexed ones) and `notes` (e.g. a prefix that hit the cap).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    pub query: String,
    pub total_hits: usize,
    pub hits: Vec<Hit>,
    pub facets: FacetCounts,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undated_excluded: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub did_you_mean: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// One ranked article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    pub rank: usize,
    pub score: f32,
    pub path: String,
    pub article: u64,
    pub headline: String,
    pub dateline: Option<String>,
    pub date: Option<String>,
    /// The outlet its metadata names, or its archive root's name.
    pub source: String,
    /// The article's web address, when its page or metadata gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub speakers: Vec<String>,
    pub countries: Vec<CountryName>,
    pub snippets: Vec<snippet::Snippet>,
    /// Near-identical copies of this story among the hits, collapsed under it (empty when none,
    /// and always with `all_copies`).
    #[serde(default)]
    pub copies: Vec<Copy>,
}

/// A near-identical copy of a hit's story.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Copy {
    pub path: String,
    pub article: u64,
    pub headline: String,
}

/// A country as shown in results.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountryName {
    pub code: String,
    pub name: String,
}

impl From<crate::extract::CountryRef> for CountryName {
    fn from(country: crate::extract::CountryRef) -> CountryName {
        CountryName {
            code: country.code,
            name: country.name,
        }
    }
}

/// Facet counts over all matching articles.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FacetCounts {
    pub speaker: Vec<FacetCount>,
    pub country: Vec<CountryCount>,
    /// Sources (outlets, or archive roots).
    #[serde(default)]
    pub source: Vec<FacetCount>,
    /// Regions with their sub-regions, when asked for (`--facet region`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Vec<RegionCount>>,
}

/// A UN M49 region and the counts of its sub-regions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionCount {
    pub value: String,
    pub count: u64,
    pub subregions: Vec<FacetCount>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount {
    pub value: String,
    pub count: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountryCount {
    pub value: String,
    pub code: String,
    pub count: u64,
}

impl Archive {
    /// Runs a search: one pass collects the page of hits, the total and the facet counts.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let prepared = self.prepare(request)?;
        let query = prepared.query;
        let searcher = self.searcher();
        // tantivy's top-N collector allocates for the whole page up front: a page is never
        // larger than the index, whatever the user asked for.
        let articles = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX);
        // 0: every hit.
        let limit = match request.limit {
            0 => articles,
            limit => limit.min(articles),
        };
        let offset = request.offset.min(articles);
        // Copies are collapsed among the page and a margin after it: fetch from the start.
        let top = if request.all_copies {
            TopDocs::with_limit(limit.max(1)).and_offset(offset)
        } else {
            TopDocs::with_limit(((offset + limit.max(1)) * 2 + COPY_MARGIN).min(articles.max(1)))
        };
        let (top_docs, total_hits, mut facets) = match request.sort {
            Sort::Score => self.collect(
                &searcher,
                &*query,
                top.order_by_score(),
                request.region_facet,
            )?,
            Sort::Date | Sort::DateDesc => {
                let order = if request.sort == Sort::Date {
                    Order::Asc
                } else {
                    Order::Desc
                };
                let by_date = top.order_by((
                    (
                        SortByStaticFastValue::<tantivy::DateTime>::for_field(DATE_FIELD),
                        order,
                    ),
                    SortBySimilarityScore,
                ));
                let (docs, total, facets) =
                    self.collect(&searcher, &*query, by_date, request.region_facet)?;
                let docs = docs
                    .into_iter()
                    .map(|((_, score), address)| (score, address))
                    .collect();
                (docs, total, facets)
            }
        };
        if request.dedupe {
            facets.speaker = dupes::story_counts(self, &*query, "speaker_facet")?
                .into_iter()
                .take(FACET_TOP)
                .map(|(value, count)| FacetCount { value, count })
                .collect();
            facets.country = dupes::story_counts(self, &*query, "country_facet")?
                .into_iter()
                .take(FACET_TOP)
                .map(|(code, count)| CountryCount {
                    value: countries::by_code(&code)
                        .map_or_else(|| code.clone(), |c| c.name.to_string()),
                    code,
                    count,
                })
                .collect();
        }

        let terms = snippet::QueryTerms::of(&*query, self.fields().body);
        let mut analyzer = self.analyzer();
        let stories: Vec<(usize, Vec<usize>)> = if request.all_copies {
            (0..top_docs.len()).map(|i| (i, Vec::new())).collect()
        } else {
            let addresses: Vec<DocAddress> = top_docs.iter().map(|(_, a)| *a).collect();
            let mut stories = dupes::collapse(&searcher, &addresses, |address| {
                self.body(&searcher, address).ok().flatten()
            });
            stories.drain(..offset.min(stories.len()));
            stories
        };
        let mut hits = Vec::new();
        for (i, (best, copies)) in stories.into_iter().enumerate() {
            if hits.len() >= limit {
                break;
            }
            let (score, address) = top_docs[best];
            let (mut hit, body) = self.hit_and_body(&searcher, address, score, offset + i + 1)?;
            if let Some(body) = body {
                hit.snippets = snippet::snippets(&body, &terms, &mut analyzer);
            }
            for copy in copies {
                let copy = self.hit(&searcher, top_docs[copy].1, 0.0, 0)?;
                hit.copies.push(Copy {
                    path: copy.path,
                    article: copy.article,
                    headline: copy.headline,
                });
            }
            hits.push(hit);
        }
        let undated_excluded = match &prepared.undated {
            Some(undated) => Some(searcher.search(&**undated, &Count)? as u64),
            None => None,
        };
        let did_you_mean = if total_hits == 0 && request.query.trim() != "*" {
            self.suggest(&request.query)?
        } else {
            None
        };
        Ok(SearchResults {
            query: request.query.clone(),
            total_hits,
            hits,
            facets,
            undated_excluded,
            did_you_mean,
            notes: prepared.notes,
        })
    }

    /// A corrected query when some words of `query` are in no article (see [`crate::query::terms`]).
    pub fn suggest(&self, query: &str) -> Result<Option<String>> {
        let fields = [self.fields().headline, self.fields().body];
        terms::suggest(&self.searcher(), &fields, &fields, query)
    }

    /// One pass over the matching articles: the page of hits (by `top`), the total and the
    /// facet counts.
    fn collect<C>(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        top: C,
        region_facet: bool,
    ) -> Result<(C::Fruit, usize, FacetCounts)>
    where
        C: Collector,
    {
        // FacetTop, not tantivy's FacetCollector, for the two facets counted on every search:
        // same counts, without a dictionary block decompressed per distinct value (issue 6).
        let speakers = FacetTop::for_field("speaker_facet")
            .with_names(self.names()?)
            .top(FACET_TOP);
        let countries = FacetTop::for_field("country_facet").top(FACET_TOP);
        let sources = FacetTop::for_field("source_facet").top(FACET_TOP);
        // tantivy counts one level below each facet added, and refuses a facet next to its
        // descendant: one collector counts regions, another their sub-regions. Only collected
        // when asked for (`--facet region`): listing the regions loads the gazetteer.
        let region_collectors = region_facet.then(|| {
            let mut regions = FacetCollector::for_field("region_facet");
            regions.add_facet(Facet::root());
            let mut subregions = FacetCollector::for_field("region_facet");
            for region in region_names() {
                subregions.add_facet(Facet::from_path([region]));
            }
            (regions, subregions)
        });
        let (
            (top_docs, total_hits),
            (speaker_counts, country_counts, source_counts),
            region_counts,
        ) = searcher.search(
            query,
            &(
                (top, Count),
                (speakers, countries, sources),
                region_collectors,
            ),
        )?;
        let facets = FacetCounts {
            speaker: speaker_counts
                .into_iter()
                .take(FACET_TOP)
                .map(|(value, count)| FacetCount { value, count })
                .collect(),
            country: country_counts
                .into_iter()
                .take(FACET_TOP)
                .map(|(code, count)| {
                    let value = countries::by_code(&code)
                        .map(|c| c.name.to_string())
                        .unwrap_or_else(|| code.clone());
                    CountryCount { value, code, count }
                })
                .collect(),
            source: source_counts
                .into_iter()
                .take(FACET_TOP)
                .map(|(value, count)| FacetCount { value, count })
                .collect(),
            region: region_counts.map(|(region_counts, sub_counts)| {
                region_counts
                    .get(Facet::root())
                    .map(|(facet, count)| {
                        let value = last_step(facet);
                        let subregions = sub_counts
                            .get(facet.clone())
                            .map(|(sub, count)| FacetCount {
                                value: last_step(sub),
                                count,
                            })
                            .collect();
                        RegionCount {
                            value,
                            count,
                            subregions,
                        }
                    })
                    .collect()
            }),
        };
        Ok((top_docs, total_hits, facets))
    }

    /// The stored fields of a hit (snippets are added by the caller).
    pub fn hit(
        &self,
        searcher: &Searcher,
        address: DocAddress,
        score: f32,
        rank: usize,
    ) -> Result<Hit> {
        Ok(self.hit_and_body(searcher, address, score, rank)?.0)
    }

    /// [`Archive::hit`] and the article's body, from one read of the stored document.
    fn hit_and_body(
        &self,
        searcher: &Searcher,
        address: DocAddress,
        score: f32,
        rank: usize,
    ) -> Result<(Hit, Option<String>)> {
        let doc: TantivyDocument = searcher.doc(address)?;
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let record: HitRecord = doc
            .get_first(self.fields().record)
            .and_then(|v| v.as_str())
            .and_then(|json| serde_json::from_str(json).ok())
            .unwrap_or_default();
        let hit = Hit {
            rank,
            score,
            path: text(self.fields().path).unwrap_or_default(),
            article: doc
                .get_first(self.fields().article)
                .and_then(|v| v.as_u64())
                .unwrap_or(0),
            headline: text(self.fields().headline).unwrap_or_default(),
            dateline: text(self.fields().dateline),
            date: record.date,
            source: record.source,
            url: record.url,
            speakers: self.aliases().apply(record.speakers),
            countries: record
                .countries
                .into_iter()
                .map(CountryName::from)
                .collect(),
            snippets: Vec::new(),
            copies: Vec::new(),
        };
        Ok((hit, text(self.fields().body)))
    }
}

/// What a hit shows of the stored [`crate::index::Record`]: its date, speakers and countries.
/// The quotes (most of a record) are skipped without being built, and without `Record`'s
/// flattened extraction, which serde reads through an intermediate copy of the whole record.
#[derive(Debug, Default, Deserialize)]
struct HitRecord {
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    speakers: Vec<String>,
    #[serde(default)]
    countries: Vec<crate::extract::CountryRef>,
    #[serde(default)]
    source: String,
    #[serde(default)]
    url: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::Record;
    use crate::ingest::stories::Article;

    /// A hit reads its date, speakers and countries from a stored record, quotes and all.
    #[test]
    fn a_hit_record_reads_what_a_record_stores() {
        let article = Article {
            path: "north/ferry.txt".to_string(),
            article: 0,
            headline: "Ferry talks stall".to_string(),
            dateline: None,
            date: Some("2024-03-01".to_string()),
            body: "\"Norway will not sign the ferry deal this winter,\" said Ada Quill, the \
                   transport minister. \"We need more time,\" Quill added."
                .to_string(),
            meta: Default::default(),
        };
        let extraction = crate::extract::extract(&article);
        assert_eq!(extraction.speakers, ["Ada Quill"]);
        assert_eq!(extraction.quotes.len(), 2);
        let record = Record {
            date: article.date.clone(),
            extraction,
            contexts: vec![(0, 10), (11, 20)],
            source: "north".to_string(),
            url: Some("https://example.org/ferry".to_string()),
            ..Default::default()
        };
        let json = serde_json::to_string(&record).expect("a record serialises");
        let hit: HitRecord = serde_json::from_str(&json).expect("a hit record reads it");
        assert_eq!(hit.date.as_deref(), Some("2024-03-01"));
        assert_eq!(hit.speakers, ["Ada Quill"]);
        let codes: Vec<&str> = hit.countries.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(codes, ["NO"]);
        assert_eq!(hit.source, "north");
        assert_eq!(hit.url.as_deref(), Some("https://example.org/ferry"));
    }
}
