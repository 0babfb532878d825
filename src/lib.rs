/*!
`newsdex` is a library for searching archives of news dispatches: it turns a folder of articles
into a tantivy index and answers ranked, faceted questions about it — which articles, who is
quoted and what they said, which countries they concern, and when.

# The pipeline

Each folder of `src/` is one stage; a stage uses only the stages above it in this list (a test,
`tests/layers.rs`, checks it, and `tools/module-graph` prints the graph):

- [`ingest`] — walking an archive, decoding files, splitting them into stories, datelines and
  dates, sentences;
- [`extract`] — per-article extraction: who is quoted ([`extract::speakers`]), which countries
  ([`extract::countries`]), the wire-copy signature ([`extract::signature`]);
- [`index`] — the schema, the analyzer, and the crash-safe incremental indexing run;
- [`query`] — an opened [`Archive`]: parsing queries, search with snippets, quotes, facets,
  single articles, name aliases, wire-copy grouping;
- [`analysis`] — timelines, co-occurrence, name-list batches, archive statistics;
- [`report`] — printing every result in text, JSON, NDJSON and CSV: the only stage that writes.

Every stage but `report` returns data (request and result types implement serde's `Serialize`
and `Deserialize`), so the command line (`src/cli/`) and any other front end sit on the same
calls. [`error`] is shared by all.

# Example

Index a folder and ask it questions:

```
use newsdex::index::{self, IndexOptions, Skipped};
use newsdex::query::{Archive, QuoteRequest, SearchRequest};

# fn main() -> Result<(), Box<dyn std::error::Error>> {
let dir = tempfile::tempdir()?;
let articles = dir.path().join("archive");
std::fs::create_dir(&articles)?;
std::fs::write(
    articles.join("veto.txt"),
    "Council fails to adopt sanctions\n\n\
     China and Russia vetoed the draft on Thursday. \"More sanctions are a path to a dead end,\" \
     said Zhang Jun, the Chinese ambassador. The vote followed launches by North Korea.\n",
)?;

// Build (or bring up to date) the index; problems with single files go to the observer.
let index_path = dir.path().join("index");
let summary = index::build(&articles, &index_path, &IndexOptions::default(), &|_: &Skipped| {})?;
assert_eq!(summary.articles, 1);

let archive = Archive::open(&index_path)?;
let mut request = SearchRequest::new("sanctions AND veto");
request.countries = vec!["North Korea".to_string()];
let results = archive.search(&request)?;
assert_eq!(results.total_hits, 1);
assert_eq!(results.hits[0].speakers, ["Zhang Jun"]);
assert_eq!(results.facets.country[0].code, "CN");

let quotes = archive.quotes(&QuoteRequest {
    query: Some("sanctions".to_string()),
    limit: 10,
    ..QuoteRequest::default()
})?;
assert_eq!(quotes.quotes[0].speaker.as_deref(), Some("Zhang Jun"));
assert!(quotes.quotes[0].text.starts_with("More sanctions"));
# Ok(())
# }
```
*/

pub mod analysis;
pub mod error;
pub mod extract;
pub mod index;
pub mod ingest;
pub mod query;
pub mod report;

pub use error::{Error, Result};
pub use query::Archive;
