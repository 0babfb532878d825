/*!
The index: its schema, its text analysis, and the indexing run that keeps an index in step with an
archive folder.

One tantivy document per article. Headline and body are analysed with the `news` analyzer
(lower-casing, accent folding, English stemming) so that `veto` finds "vetoed" and `Nebenzia`
finds "Nébenzia". Speakers and countries are stored twice: as facets (`speaker_facet`,
`country_facet`, `region_facet`) for counting and exact filtering, and as analysed text (`speaker`,
`country`) so that the query language can say `speaker:nebenzia`.

The files, in the order they build on each other: [`mod@analyzer`] (text analysis), [`mod@schema`]
(fields), [`info`] (`newsdex.json`: versions and roots, opening for reading), [`mod@document`] (an
article's document), [`summary`] (a run's request, options and report), [`state`] (what the index
knows of each file), `roots` (which roots a run walks, adds and removes), [`disk`] (why a write
failed, missing and damaged files), `file` (reading and extracting one file of a run), and
[`writer`] (the run itself, with its crash safety).

This stage uses [`crate::ingest`] and [`crate::extract`].
*/

pub mod analyzer;
pub mod disk;
pub mod document;
mod file;
pub mod info;
mod roots;
pub mod schema;
pub mod state;
pub mod summary;
pub mod writer;

pub use analyzer::{analyzer, ANALYZER};
pub use document::{document, restored, Placement};
pub use info::{exists, open, IndexInfo};
pub use schema::{
    date_time, fields, file_key, path_term, root_term, schema, Fields, Own, Record, FORMAT_VERSION,
    INFO_FILE,
};
pub use summary::{
    IndexOptions, Observer, RemovedRoot, RootRequest, Skipped, Summary, UpdateRequest,
    COMMIT_ARTICLES, COMMIT_BYTES,
};
pub use writer::{build, update, LOCK_FILE};
