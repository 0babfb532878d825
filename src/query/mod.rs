/*!
Answering questions over an index: opening an archive, parsing queries (prefixes,
suggestions), ranked search with snippets, quotes, facet counting, name aliases and wire-copy
grouping.
*/

pub mod aliases;
pub mod dupes;
pub mod facet_count;
pub mod facets;
pub mod search;
pub mod show;
pub mod snippet;
pub mod terms;
