/*!
Answering questions over an index: opening an archive, parsing queries (prefixes,
suggestions), ranked search with snippets, quotes, facet counting, name aliases and wire-copy
grouping.

The files, each using only those before it: [`lookup`] (countries, regions, facet values,
folding), [`aliases`] (the aliases file), [`facet_count`] (a facet-counting collector),
[`archive`] (an opened index), [`request`] (a search request), [`terms`] (prefixes and
suggestions), [`parse`] (a request as a tantivy query), [`snippet`] (highlighted sentences),
[`dupes`] (wire copies among hits), [`search`], [`quotes`], [`facets`], [`show`] (one article)
and [`alias_suggest`] (proposed aliases).

This stage uses [`crate::index`], [`crate::extract`] and [`crate::ingest`]; it returns data and
never prints.
*/

pub mod alias_suggest;
pub mod aliases;
pub mod archive;
pub mod dupes;
pub mod evidence;
pub mod facet_count;
pub mod facets;
pub mod lookup;
pub(crate) mod matches;
pub mod parse;
pub mod quotes;
pub mod request;
pub mod search;
pub mod show;
pub mod snippet;
pub mod terms;

pub use archive::Archive;
pub use quotes::{QuoteHit, QuoteRequest, QuoteResults};
pub use request::{SearchRequest, Sort};
pub use search::{Hit, SearchResults};
