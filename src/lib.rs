/*!
`newsdex` is a library for searching archives of news dispatches.

It reads a folder of plain-text articles ([`corpus`]), extracts who is quoted and which
countries each article refers to ([`extract`]), keeps them in a tantivy index ([`index`]) and
answers ranked, faceted queries with highlighted snippets ([`search`]), printed for people or as
JSON for scripts ([`output`]). Queries can expand prefixes and suggest corrections ([`terms`]) and
filter by date ([`dates`]); facet listings ([`facets`]), single articles ([`show`]) and archive
statistics ([`stats`]) complete the browsing, timelines ([`timeline`]) and name-list searches
([`batch`]) analyse the archive, and [`export`] writes NDJSON and CSV. Name aliases
([`aliases`]) merge the spellings of one speaker at query time, and [`cooccur`] counts which
speakers and countries appear together. The `newsdex`
binary is a thin command-line layer over these.
*/

pub mod error;
pub mod extract;
pub mod index;
pub mod ingest;

pub use error::{Error, Result};
/// The paths `src/extract` used before the ingest stage was split (until its branch is merged).
#[allow(unused_imports)]
pub(crate) mod corpus {
    pub use crate::ingest::decode::decode;
    pub use crate::ingest::stories::{split_articles, Article};
    pub use crate::ingest::walk::{walk, Found};
}
pub mod analysis;
pub mod query;
pub mod report;
