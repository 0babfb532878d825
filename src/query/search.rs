/*!
Searching an index: the query language, facet filters, BM25-ranked hits with snippets, and facet
counts over all matching articles, computed in one pass over the index.

The query language is tantivy's (`AND`, `OR`, `NOT`, `+`/`-`, parentheses, `"phrases"`,
`field:term` for `headline`, `body`, `speaker`, `country`), with AND as the default operator and
headline matches weighted twice as much as body matches. `*` matches every article; a word
ending in `*` is a prefix, expanded over the term dictionary (see [`crate::query::terms`], which also
suggests corrections when nothing matches).

Filters: facets (speaker, country, region; any value of one facet, all facets together) and a
date range on the `date` fast field; articles without a date fall out of a date range, and a
second count over the same query says how many. Hits are ordered by score or by date (tantivy's
sort-key collector on the date fast field, score breaking ties; undated articles last).
*/

use std::collections::HashSet;
use std::ops::Bound;
use std::path::Path;

use serde::{Deserialize, Serialize};
use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue};
use tantivy::collector::{Collector, Count, FacetCollector, TopDocs};
use tantivy::query::{
    BooleanQuery, ExistsQuery, Occur, Query, QueryParser, QueryParserError, RangeQuery, TermQuery,
};
use tantivy::schema::{Facet, IndexRecordOption, Value};
use tantivy::{
    DocAddress, Index, IndexReader, Order, ReloadPolicy, Searcher, TantivyDocument, Term,
};

use crate::error::{Error, Result};
use crate::extract::countries::{self, Resolved};
use crate::index::{self, Fields, Record};
use crate::ingest::dates::Day;
use crate::query::aliases::{Aliases, Names};
use crate::query::dupes;
use crate::query::facet_count::FacetTop;
use crate::query::snippet;
use crate::query::terms;

/// The name of the schema's date field (a fast field: sorting and `--since`/`--until`).
const DATE_FIELD: &str = "date";

/// Hits fetched beyond twice the page to find the copies of the page's stories.
const COPY_MARGIN: usize = 10;

/// How many values each facet lists.
pub const FACET_TOP: usize = 10;
/// Archives with at least this many articles have their segments searched on several threads.
const PARALLEL_SEARCH_ARTICLES: u64 = 100_000;

/// A search to run.
#[derive(Clone, Debug)]
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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best BM25 score first.
    #[default]
    Score,
    /// Oldest first; undated articles last.
    Date,
    /// Newest first; undated articles last.
    DateDesc,
}

impl SearchRequest {
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
///            "speakers": ["Zhang Jun"], "countries": [{"code": "CN", "name": "China"}],
///            "snippets": [{"text": "... vetoed ...", "highlights": [[4, 10]]}]}],
///  "facets": {"speaker": [{"value": "Zhang Jun", "count": 1}],
///             "country": [{"value": "China", "code": "CN", "count": 2}]}}
/// ```
///
/// `highlights` are `[start, end)` character offsets into the snippet's `text`. Three keys
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
    pub speakers: Vec<String>,
    pub countries: Vec<CountryName>,
    pub snippets: Vec<snippet::Snippet>,
    /// Near-identical copies of this story among the hits, shown under it (absent when none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
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

/// A user query with its filters, ready to run.
pub struct PreparedQuery {
    /// The query and all filters.
    pub query: Box<dyn Query>,
    /// With a date filter: the same query without it, restricted to undated articles (to count
    /// what the date filter left out).
    pub undated: Option<Box<dyn Query>>,
    /// What the user should be told (prefixes capped or matching nothing).
    pub notes: Vec<String>,
}

/// An opened index, ready to answer queries. Open once, search many times.
pub struct Archive {
    path: std::path::PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    parser: QueryParser,
    /// Name aliases applied to speakers (issue 8); empty when there is no file.
    aliases: Aliases,
    /// The aliases resolved against the index's speakers, built on first use.
    names: std::sync::OnceLock<Names>,
}

impl Archive {
    /// Opens the index at `path`, with the aliases file in it (`aliases.toml`) if there is one.
    ///
    /// # Errors
    ///
    /// No index, an incompatible one, or an aliases file that does not parse.
    pub fn open(path: &Path) -> Result<Archive> {
        Archive::open_with_aliases(path, None)
    }

    /// Opens the index at `path` with the aliases of `aliases`, or (`None`) of the index's own
    /// `aliases.toml` if there is one.
    ///
    /// # Errors
    ///
    /// As [`Archive::open`]; the given file must exist.
    pub fn open_with_aliases(path: &Path, aliases: Option<&Path>) -> Result<Archive> {
        let aliases = match aliases {
            Some(file) => Aliases::load(file)?,
            None => Aliases::next_to_index(path)?.unwrap_or_default(),
        };
        let mut archive = Archive::open_index(path)?;
        archive.set_aliases(aliases);
        Ok(archive)
    }

    /// Replaces the name aliases.
    pub fn set_aliases(&mut self, aliases: Aliases) {
        self.aliases = aliases;
        self.names = std::sync::OnceLock::new();
    }

    /// The name aliases in use (empty without a file).
    pub fn aliases(&self) -> &Aliases {
        &self.aliases
    }

    /// The aliases resolved against the speakers of the index; `None` without aliases.
    ///
    /// # Errors
    ///
    /// Index read errors.
    pub fn names(&self) -> Result<Names> {
        if self.aliases.is_empty() {
            return Ok(None);
        }
        if let Some(names) = self.names.get() {
            return Ok(names.clone());
        }
        let values = facet_values(&self.searcher(), self.fields.speaker_facet)?;
        let names = Some(std::sync::Arc::new(self.aliases.names(&values)));
        Ok(self.names.get_or_init(|| names).clone())
    }

    /// The speaker facets `--speaker NAME` matches: with aliases, those of every name of the
    /// person; else the one of [`Archive::speaker_facet`].
    fn speaker_facets(&self, searcher: &Searcher, name: &str) -> Result<Vec<Facet>> {
        if let (Some(canonical), Some(names)) = (self.aliases.canonical_of(name), self.names()?) {
            let members = names.members(canonical);
            if !members.is_empty() {
                return Ok(members
                    .iter()
                    .map(|m| Facet::from_path([m.as_str()]))
                    .collect());
            }
        }
        Ok(vec![self.speaker_facet(searcher, name)?])
    }

    /// The indexed speaker name `--speaker NAME` stands for (see [`Archive::speaker_facet`]).
    pub(crate) fn speaker_value(&self, searcher: &Searcher, name: &str) -> Result<String> {
        Ok(last_step(&self.speaker_facet(searcher, name)?))
    }

    fn open_index(path: &Path) -> Result<Archive> {
        let (mut index, fields) = index::open(path)?;
        // Segments are searched in parallel when there are several (an archive indexed in many
        // runs, or a large one: segments stop growing at the merge cap) and enough articles to
        // be worth a thread pool: on a 23k archive a search takes 1-2 ms, and starting the pool
        // and waiting on it cost a whole `newsdex search` process more than that.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        let metas = index.searchable_segment_metas()?;
        let articles: u64 = metas.iter().map(|m| u64::from(m.num_docs())).sum();
        if threads > 1 && metas.len() > 1 && articles >= PARALLEL_SEARCH_ARTICLES {
            index.set_multithread_executor(threads)?;
        }
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let mut parser = QueryParser::for_index(&index, vec![fields.headline, fields.body]);
        parser.set_conjunction_by_default();
        parser.set_field_boost(fields.headline, 2.0);
        Ok(Archive {
            path: path.to_path_buf(),
            index,
            reader,
            fields,
            parser,
            aliases: Aliases::default(),
            names: std::sync::OnceLock::new(),
        })
    }

    /// The folder the index was opened from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// Parses a user query, with a message that says how to fix it when it does not parse.
    pub fn parse(&self, query: &str) -> Result<Box<dyn Query>> {
        self.parse_with_notes(query).map(|(query, _)| query)
    }

    /// Parses a user query, expanding prefix words (`sanc*`, see [`crate::query::terms`]); the notes
    /// say when a prefix was capped or matched nothing.
    pub fn parse_with_notes(&self, query: &str) -> Result<(Box<dyn Query>, Vec<String>)> {
        if query.trim().is_empty() {
            return Err(Error::Query {
                query: query.to_string(),
                reason: "the query is empty; use '*' to match every article".to_string(),
            });
        }
        if terms::may_have_prefix(query) {
            let searcher = self.searcher();
            let schema = self.index.schema();
            let default_fields = [(self.fields.headline, 2.0), (self.fields.body, 1.0)];
            let mut rewriter = terms::PrefixRewriter {
                parser: &self.parser,
                searcher: &searcher,
                schema: &schema,
                default_fields: &default_fields,
                notes: Vec::new(),
            };
            if let Some(parsed) = rewriter
                .rewrite(query)
                .map_err(|err| query_error(query, err))?
            {
                return Ok((with_positive_clauses(parsed), rewriter.notes));
            }
        }
        self.parser
            .parse_query(query)
            .map(|parsed| (with_positive_clauses(parsed), Vec::new()))
            .map_err(|err| query_error(query, err))
    }

    /// The user query combined with the facet filters and the date range.
    pub fn build_query(&self, request: &SearchRequest) -> Result<Box<dyn Query>> {
        Ok(self.prepare(request)?.query)
    }

    /// The user query combined with the filters, plus what the user should be told about it.
    pub fn prepare(&self, request: &SearchRequest) -> Result<PreparedQuery> {
        let (user, notes) = self.parse_with_notes(&request.query)?;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, user)];
        let searcher = self.searcher();
        // Keeping and leaving out resolve names the same way.
        let speakers = |names: &[String]| -> Result<Vec<Facet>> {
            let mut facets = Vec::new();
            for name in names {
                facets.extend(self.speaker_facets(&searcher, name)?);
            }
            Ok(facets)
        };
        let countries = |names: &[String]| -> Result<Vec<Facet>> {
            names
                .iter()
                .map(|name| Ok(Facet::from_path([country_code(name)?])))
                .collect()
        };
        let fields = &self.fields;
        if !request.speakers.is_empty() {
            let facets = speakers(&request.speakers)?;
            clauses.push((Occur::Must, any_facet(fields.speaker_facet, &facets)));
        }
        if !request.countries.is_empty() {
            let facets = countries(&request.countries)?;
            clauses.push((Occur::Must, any_facet(fields.country_facet, &facets)));
        }
        if !request.regions.is_empty() {
            let facets = request
                .regions
                .iter()
                .map(|name| region_facet(name))
                .collect::<Result<Vec<Facet>>>()?;
            clauses.push((Occur::Must, any_facet(fields.region_facet, &facets)));
        }
        if !request.not_speakers.is_empty() {
            let facets = speakers(&request.not_speakers)?;
            clauses.push((Occur::MustNot, any_facet(fields.speaker_facet, &facets)));
        }
        if !request.not_countries.is_empty() {
            let facets = countries(&request.not_countries)?;
            clauses.push((Occur::MustNot, any_facet(fields.country_facet, &facets)));
        }
        let mut undated = None;
        if request.has_date_filter() {
            if let (Some(since), Some(until)) = (request.since, request.until) {
                if since > until {
                    return Err(Error::Usage(format!(
                        "--since {since} is after --until {until}; swap them"
                    )));
                }
            }
            let mut without_date: Vec<(Occur, Box<dyn Query>)> = clauses
                .iter()
                .map(|(occur, query)| (*occur, query.box_clone()))
                .collect();
            without_date.push((
                Occur::MustNot,
                Box::new(ExistsQuery::new(DATE_FIELD.to_string(), false)),
            ));
            undated = Some(Box::new(BooleanQuery::new(without_date)) as Box<dyn Query>);
            let bound = |day: Day| {
                Term::from_field_date_for_search(
                    self.fields.date,
                    tantivy::DateTime::from_timestamp_secs(day.timestamp()),
                )
            };
            let lower = request
                .since
                .map_or(Bound::Unbounded, |d| Bound::Included(bound(d)));
            let upper = request
                .until
                .map_or(Bound::Unbounded, |d| Bound::Excluded(bound(d.next())));
            clauses.push((Occur::Must, Box::new(RangeQuery::new(lower, upper))));
        }
        let query = if clauses.len() == 1 {
            clauses.remove(0).1
        } else {
            Box::new(BooleanQuery::new(clauses))
        };
        Ok(PreparedQuery {
            query,
            undated,
            notes,
        })
    }

    /// The facet of a speaker: the exact name if the index has it, else the one name that
    /// matches ignoring case and accents.
    fn speaker_facet(&self, searcher: &Searcher, name: &str) -> Result<Facet> {
        let exact = Facet::from_path([name.trim()]);
        // A term look-up first: listing every speaker of a 1M-article index took ~50 ms a query.
        if searcher.doc_freq(&Term::from_facet(self.fields.speaker_facet, &exact))? > 0 {
            return Ok(exact);
        }
        let values = facet_values(searcher, self.fields.speaker_facet)?;
        let wanted = fold(name);
        Ok(match values.iter().find(|v| fold(v) == wanted) {
            Some(value) => Facet::from_path([value.as_str()]),
            None => exact,
        })
    }

    /// Runs a search: one pass collects the page of hits, the total and the facet counts.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let prepared = self.prepare(request)?;
        let query = prepared.query;
        let searcher = self.searcher();
        // Copies are collapsed among the page and a margin after it: fetch from the start.
        let top = if request.all_copies {
            TopDocs::with_limit(request.limit.max(1)).and_offset(request.offset)
        } else {
            TopDocs::with_limit((request.offset + request.limit.max(1)) * 2 + COPY_MARGIN)
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

        let terms = snippet::QueryTerms::of(&*query, self.fields.body);
        let mut analyzer = index::analyzer();
        let stories: Vec<(usize, Vec<usize>)> = if request.all_copies {
            (0..top_docs.len()).map(|i| (i, Vec::new())).collect()
        } else {
            let addresses: Vec<DocAddress> = top_docs.iter().map(|(_, a)| *a).collect();
            let mut stories = dupes::collapse(&searcher, &addresses, |address| {
                self.body(&searcher, address).ok().flatten()
            });
            stories.drain(..request.offset.min(stories.len()));
            stories
        };
        let mut hits = Vec::new();
        for (i, (best, copies)) in stories.into_iter().enumerate() {
            if hits.len() >= request.limit {
                break;
            }
            let (score, address) = top_docs[best];
            let mut hit = self.hit(&searcher, address, score, request.offset + i + 1)?;
            if let Some(body) = self.body(&searcher, address)? {
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
        let fields = [self.fields.headline, self.fields.body];
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
        let ((top_docs, total_hits), (speaker_counts, country_counts), region_counts) = searcher
            .search(
                query,
                &((top, Count), (speakers, countries), region_collectors),
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

    fn body(&self, searcher: &Searcher, address: DocAddress) -> Result<Option<String>> {
        let doc: TantivyDocument = searcher.doc(address)?;
        Ok(doc
            .get_first(self.fields.body)
            .and_then(|v| v.as_str())
            .map(str::to_string))
    }

    /// The stored fields of a hit (snippets are added by the caller).
    pub fn hit(
        &self,
        searcher: &Searcher,
        address: DocAddress,
        score: f32,
        rank: usize,
    ) -> Result<Hit> {
        let doc: TantivyDocument = searcher.doc(address)?;
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let record: Record = text(self.fields.record)
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default();
        Ok(Hit {
            rank,
            score,
            path: text(self.fields.path).unwrap_or_default(),
            article: doc
                .get_first(self.fields.article)
                .and_then(|v| v.as_u64())
                .unwrap_or(0),
            headline: text(self.fields.headline).unwrap_or_default(),
            dateline: text(self.fields.dateline),
            date: record.date,
            speakers: self.aliases.apply(record.extraction.speakers),
            countries: record
                .extraction
                .countries
                .into_iter()
                .map(CountryName::from)
                .collect(),
            snippets: Vec::new(),
            copies: Vec::new(),
        })
    }
}

/// Resolves a `--country` value to an ISO code, or says why it cannot.
pub fn country_code(name: &str) -> Result<String> {
    match countries::resolve(name) {
        Resolved::One(country) => Ok(country.code.to_string()),
        Resolved::Ambiguous(candidates) => {
            let list: Vec<String> = candidates
                .iter()
                .map(|c| format!("{} ({})", c.name, c.code))
                .collect();
            Err(Error::Usage(format!(
                "country {name:?} is ambiguous: it could be {}; name one of them",
                list.join(" or ")
            )))
        }
        Resolved::Unknown => Err(Error::Usage(format!(
            "unknown country {name:?}; give a country name, alias, demonym or ISO code such as \"North Korea\" or KP"
        ))),
    }
}

/// The UN M49 regions of the gazetteer ("Africa", "Americas", ...), sorted.
pub fn region_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = countries::all()
        .map(|c| c.region)
        .filter(|r| !r.is_empty())
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// The region facet of a `--region` value: a region ("Asia") or a sub-region ("Eastern Asia"),
/// any case.
pub fn region_facet(name: &str) -> Result<Facet> {
    let wanted = fold(name);
    for country in countries::all() {
        if fold(country.region) == wanted {
            return Ok(Facet::from_path([country.region]));
        }
        if fold(country.subregion) == wanted {
            return Ok(Facet::from_path([country.region, country.subregion]));
        }
    }
    Err(Error::Usage(format!(
        "unknown region {name:?}; give a UN M49 region ({}) or sub-region such as \"Eastern Asia\"",
        region_names().join(", ")
    )))
}

/// A query matching articles that carry any of `facets`.
pub(crate) fn any_facet(field: tantivy::schema::Field, facets: &[Facet]) -> Box<dyn Query> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = facets
        .iter()
        .map(|facet| {
            let query: Box<dyn Query> = Box::new(TermQuery::new(
                Term::from_facet(field, facet),
                IndexRecordOption::Basic,
            ));
            (Occur::Should, query)
        })
        .collect();
    if clauses.len() == 1 {
        clauses.remove(0).1
    } else {
        Box::new(BooleanQuery::new(clauses))
    }
}

/// Every value of a one-level facet field, from the term dictionaries.
pub fn facet_values(searcher: &Searcher, field: tantivy::schema::Field) -> Result<Vec<String>> {
    let mut values = HashSet::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut stream = inverted
            .terms()
            .stream()
            .map_err(tantivy::TantivyError::from)?;
        while stream.advance() {
            if let Ok(facet) = Facet::from_encoded(stream.key().to_vec()) {
                values.insert(last_step(&facet));
            }
        }
    }
    let mut values: Vec<String> = values.into_iter().collect();
    values.sort();
    Ok(values)
}

pub(crate) fn last_step(facet: &Facet) -> String {
    facet
        .to_path()
        .last()
        .map(|s| s.to_string())
        .unwrap_or_default()
}

/// Lower-cases and strips accents, for comparing names the way users type them.
pub fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.trim()
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Turns a parser error into a one-line message that says how to write the query.
/// Gives every boolean group that only excludes (`NOT veto`, as in `sanctions AND NOT veto`) an
/// all-articles clause to exclude from. tantivy's parser turns `a AND NOT b` into `+a +(-b)` with
/// more than one default field, and a group of `MustNot` clauses alone matches nothing
/// (quickwit-oss/tantivy#1980, #2584), so without this the whole query found no article.
fn with_positive_clauses(query: Box<dyn Query>) -> Box<dyn Query> {
    let Some(boolean) = query.downcast_ref::<BooleanQuery>() else {
        return query;
    };
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = boolean
        .clauses()
        .iter()
        .map(|(occur, sub)| (*occur, with_positive_clauses(sub.box_clone())))
        .collect();
    if clauses.iter().all(|(occur, _)| *occur == Occur::MustNot) {
        clauses.push((Occur::Must, Box::new(tantivy::query::AllQuery)));
    }
    Box::new(BooleanQuery::new(clauses))
}

fn query_error(query: &str, err: QueryParserError) -> Error {
    let reason = match err {
        QueryParserError::SyntaxError(_) => {
            let opens = query.matches('(').count();
            let closes = query.matches(')').count();
            let quotes = query.matches('"').count();
            if opens != closes {
                format!(
                    "unbalanced parentheses ({opens} '(' and {closes} ')'); close each group, e.g. `sanctions AND (veto OR vetoed)`"
                )
            } else if quotes % 2 == 1 {
                "unclosed quote; phrases need a closing '\"', e.g. `\"path to a dead end\"`"
                    .to_string()
            } else {
                "syntax error; write terms joined by AND / OR / NOT, `\"phrases\"`, `(groups)` or `field:term`".to_string()
            }
        }
        QueryParserError::FieldDoesNotExist(field) => format!(
            "unknown field '{field}'; the fields are headline, body, speaker and country (e.g. `headline:veto`)"
        ),
        QueryParserError::UnsupportedQuery(reason) => reason,
        QueryParserError::AllButQueryForbidden => {
            "a query cannot only exclude terms; add a term to search for, e.g. `sanctions -veto`"
                .to_string()
        }
        other => other.to_string(),
    };
    Error::Query {
        query: query.to_string(),
        reason,
    }
}

/// A search inside attributed quotes (`newsdex quotes`).
#[derive(Clone, Debug, Default)]
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
            let mut parser = QueryParser::for_index(&self.index, vec![self.fields.quote]);
            parser.set_conjunction_by_default();
            if query.trim().is_empty() {
                return Err(Error::Query {
                    query: query.to_string(),
                    reason: "the query is empty; leave it out to list every quote".to_string(),
                });
            }
            let rewritten = if terms::may_have_prefix(query) {
                let schema = self.index.schema();
                let default_fields = [(self.fields.quote, 1.0)];
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
            terms = Some(snippet::QueryTerms::of(&*parsed, self.fields.quote));
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
            clauses.push((Occur::Must, any_facet(self.fields.speaker_facet, &facets)));
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
            let record: Record = text(self.fields.record)
                .and_then(|json| serde_json::from_str(&json).ok())
                .unwrap_or_default();
            let path = text(self.fields.path).unwrap_or_default();
            let headline = text(self.fields.headline).unwrap_or_default();
            let body = text(self.fields.body).unwrap_or_default();
            let article = doc
                .get_first(self.fields.article)
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
                        .and_then(|s| self.aliases.resolve(&s).map(str::to_string)),
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
