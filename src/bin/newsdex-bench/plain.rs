/*!
The floor newsdex is measured against: a minimal plain-tantivy indexer and searcher.

The same tokens as newsdex (tantivy's own filter chain, which newsdex's `news` analyzer reproduces
with a table of words it has already stemmed: that table is newsdex's work, not the floor's), the same writer memory budget and
threads, headline and body indexed with positions and stored (a search engine must show what it
found), the path stored. No story splitting, no extraction, no facets, no snippets: the headline
is the first non-empty line of a file, the body the rest.
*/

use newsdex::ingest::walk;
use std::path::Path;
use std::time::Instant;

use anyhow::Context;
use rayon::prelude::*;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::QueryParser;
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions, STORED, STRING};
use tantivy::{Index, IndexWriter, TantivyDocument};

use newsdex::index::analyzer::{uncached_analyzer, ANALYZER};
use newsdex::ingest::walk::Found;

const WRITER_MEMORY: usize = 128 * 1024 * 1024;

fn schema() -> Schema {
    let mut builder = Schema::builder();
    let text = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(ANALYZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    builder.add_text_field("path", STRING | STORED);
    builder.add_text_field("headline", text.clone());
    builder.add_text_field("body", text);
    builder.build()
}

/// Indexes every `.txt` file under `dir` into a new index at `out`; returns the article count.
pub fn build(dir: &Path, out: &Path) -> anyhow::Result<usize> {
    if out.exists() {
        std::fs::remove_dir_all(out).with_context(|| format!("removing {}", out.display()))?;
    }
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let schema = schema();
    let index = Index::create_in_dir(out, schema.clone())?;
    index.tokenizers().register(ANALYZER, uncached_analyzer());
    let (path_f, headline_f, body_f) = (
        schema.get_field("path")?,
        schema.get_field("headline")?,
        schema.get_field("body")?,
    );
    let mut writer: IndexWriter = index.writer(WRITER_MEMORY)?;
    let writer_ref = &writer;
    // The file list is read first, like newsdex's own walk.
    let walk_options = Default::default();
    let count = walk::walk(dir, &walk_options)?
        .into_iter()
        .par_bridge()
        .map(|found| -> anyhow::Result<usize> {
            let Found::File { path, relative } = found else {
                return Ok(0);
            };
            let Ok(bytes) = std::fs::read(&path) else {
                return Ok(0);
            };
            let text = String::from_utf8_lossy(&bytes);
            let text = text.trim_start();
            let (headline, body) = text.split_once('\n').unwrap_or((text, ""));
            let mut doc = TantivyDocument::default();
            doc.add_text(path_f, &relative);
            doc.add_text(headline_f, headline.trim());
            doc.add_text(body_f, body);
            writer_ref.add_document(doc)?;
            Ok(1)
        })
        .try_reduce(|| 0, |a, b| Ok(a + b))?;
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(count)
}

/// An opened plain index.
pub struct Plain {
    reader: tantivy::IndexReader,
    parser: QueryParser,
}

impl Plain {
    pub fn open(dir: &Path) -> anyhow::Result<Plain> {
        let index =
            Index::open_in_dir(dir).with_context(|| format!("opening {}", dir.display()))?;
        index.tokenizers().register(ANALYZER, uncached_analyzer());
        let schema = index.schema();
        let (headline, body) = (schema.get_field("headline")?, schema.get_field("body")?);
        let mut parser = QueryParser::for_index(&index, vec![headline, body]);
        parser.set_conjunction_by_default();
        parser.set_field_boost(headline, 2.0);
        let reader = index.reader()?;
        Ok(Plain { reader, parser })
    }

    /// Runs a query (top 10 with their stored fields, and the total); returns seconds and hits.
    pub fn search(&self, query: &str) -> anyhow::Result<(f64, usize)> {
        let started = Instant::now();
        let query = self
            .parser
            .parse_query(query)
            .with_context(|| format!("plain tantivy cannot parse {query:?}"))?;
        let searcher = self.reader.searcher();
        let (top, total) =
            searcher.search(&query, &(TopDocs::with_limit(10).order_by_score(), Count))?;
        for (_, address) in top {
            let _doc: TantivyDocument = searcher.doc(address)?;
        }
        Ok((started.elapsed().as_secs_f64(), total))
    }
}
