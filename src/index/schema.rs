/*!
The index's schema: one tantivy document per article, its fields and how each is analysed, and
the index settings. Uses [`mod@super::analyzer`] and the extraction's types.
*/
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use tantivy::schema::{
    DateOptions, FacetOptions, Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing,
    TextOptions, FAST, INDEXED, STORED, STRING,
};
use tantivy::{DateTime, Index, Term};

use super::analyzer::{analyzer, ANALYZER};
use crate::error::{Error, Result};
use crate::extract::Extraction;

/// Version of the schema and of the way documents are laid out in it.
pub const FORMAT_VERSION: u32 = 6;

/// The file next to tantivy's that describes the index.
pub const INFO_FILE: &str = "newsdex.json";

/// The fields of the schema.
#[derive(Clone, Copy, Debug)]
pub struct Fields {
    pub path: Field,
    pub article: Field,
    pub headline: Field,
    pub dateline: Field,
    pub date: Field,
    pub body: Field,
    pub speaker: Field,
    pub country: Field,
    /// The sentences around each attributed quote, for `newsdex quotes`.
    pub quote: Field,
    pub speaker_facet: Field,
    pub country_facet: Field,
    pub region_facet: Field,
    /// Stored JSON of the [`Record`].
    pub record: Field,
    /// The file's size in bytes (fast field; the same on every article of the file).
    pub file_size: Field,
    /// The file's modification time in nanoseconds since the epoch, 0 when not to be trusted.
    pub file_mtime: Field,
    /// xxh3 hash of the file's bytes.
    pub file_hash: Field,
    /// The body's MinHash band keys (fast, several values; see [`crate::query::dupes`]).
    pub dup_band: Field,
}

/// What is stored per article besides its text: the extraction and the date as written.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Record {
    pub date: Option<String>,
    #[serde(flatten)]
    pub extraction: Extraction,
    /// For each quote, the byte range of the body's sentences that hold it (kept as ranges:
    /// the body is stored already).
    #[serde(default)]
    pub contexts: Vec<(usize, usize)>,
}

/// Builds the schema.
pub fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let analysed = TextFieldIndexing::default()
        .set_tokenizer(ANALYZER)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let text_stored = TextOptions::default()
        .set_indexing_options(analysed.clone())
        .set_stored();
    let text = TextOptions::default().set_indexing_options(analysed);
    let fields = Fields {
        path: builder.add_text_field("path", STRING | STORED | FAST),
        article: builder.add_u64_field("article", INDEXED | STORED),
        headline: builder.add_text_field("headline", text_stored.clone()),
        dateline: builder.add_text_field("dateline", STORED),
        date: builder.add_date_field(
            "date",
            DateOptions::default().set_indexed().set_fast().set_stored(),
        ),
        body: builder.add_text_field("body", text_stored),
        speaker: builder.add_text_field("speaker", text.clone()),
        country: builder.add_text_field("country", text.clone()),
        quote: builder.add_text_field("quote", text),
        speaker_facet: builder.add_facet_field("speaker_facet", FacetOptions::default()),
        country_facet: builder.add_facet_field("country_facet", FacetOptions::default()),
        region_facet: builder.add_facet_field("region_facet", FacetOptions::default()),
        record: builder.add_text_field("record", STORED),
        file_size: builder.add_u64_field("file_size", NumericOptions::default().set_fast()),
        file_mtime: builder.add_i64_field("file_mtime", NumericOptions::default().set_fast()),
        file_hash: builder.add_u64_field("file_hash", NumericOptions::default().set_fast()),
        dup_band: builder.add_u64_field("dup_band", NumericOptions::default().set_fast()),
    };
    (builder.build(), fields)
}

/// Looks the fields up in an opened index's schema.
pub fn fields(schema: &Schema) -> Result<Fields> {
    let get = |name: &str| {
        schema
            .get_field(name)
            .map_err(|_| Error::IncompatibleIndex {
                path: PathBuf::new(),
                found: format!("no field {name:?}"),
            })
    };
    Ok(Fields {
        path: get("path")?,
        article: get("article")?,
        headline: get("headline")?,
        dateline: get("dateline")?,
        date: get("date")?,
        body: get("body")?,
        speaker: get("speaker")?,
        country: get("country")?,
        quote: get("quote")?,
        speaker_facet: get("speaker_facet")?,
        country_facet: get("country_facet")?,
        region_facet: get("region_facet")?,
        record: get("record")?,
        file_size: get("file_size")?,
        file_mtime: get("file_mtime")?,
        file_hash: get("file_hash")?,
        dup_band: get("dup_band")?,
    })
}

/// Index settings: the document store is compressed with zstd (level 3) rather than tantivy's
/// default lz4. The store holds the headline, body and extraction of every article; zstd makes
/// it about a third smaller, which keeps the index under 1.5x the text (issue 6), and costs
/// little: searches decompress only the blocks of the hits they show.
pub(crate) fn settings() -> tantivy::IndexSettings {
    tantivy::IndexSettings {
        docstore_compression: tantivy::store::Compressor::Zstd(tantivy::store::ZstdCompressor {
            compression_level: Some(3),
        }),
        ..tantivy::IndexSettings::default()
    }
}

pub(crate) fn register_analyzer(index: &Index) {
    index.tokenizers().register(ANALYZER, analyzer());
}

/// The term that selects every article of a file (used to replace or delete a file's articles).
pub fn path_term(fields: &Fields, path: &str) -> Term {
    Term::from_field_text(fields.path, path)
}

/// Converts `YYYY-MM-DD` into a tantivy date (midnight UTC).
pub fn date_time(date: &str) -> Option<DateTime> {
    let year: i64 = date.get(0..4)?.parse().ok()?;
    let month: i64 = date.get(5..7)?.parse().ok()?;
    let day: i64 = date.get(8..10)?.parse().ok()?;
    Some(DateTime::from_timestamp_secs(
        crate::ingest::dates::Day::from_civil(year, month, day).timestamp(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(crate::ingest::dates::Day::from_civil(1970, 1, 1).0, 0);
        assert_eq!(crate::ingest::dates::Day::from_civil(2000, 3, 1).0, 11_017);
        assert_eq!(
            date_time("2022-05-27").map(|d| d.into_timestamp_secs()),
            Some(1_653_609_600)
        );
        assert_eq!(date_time("20x2-05-27"), None);
    }
}
