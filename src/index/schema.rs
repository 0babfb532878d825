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
use crate::ingest::metadata::Meta;

/// Version of the schema and of the way documents are laid out in it.
///
/// 7: several roots in one index (`root`, `file`), the `source` facet, sidecar metadata
/// (`meta_hash`; url, author, language in the record) (issue 20).
/// 8: each article's quotes per speaker as the `speaker_quotes` facet (issue 19).
pub const FORMAT_VERSION: u32 = 8;

/// The file next to tantivy's that describes the index.
pub const INFO_FILE: &str = "newsdex.json";

/// The fields of the schema.
#[derive(Clone, Copy, Debug)]
pub struct Fields {
    /// The file's path relative to its root (what results print).
    pub path: Field,
    /// The name of the root the file is in (fast: the incremental state of one root).
    pub root: Field,
    /// `ROOT/PATH`: the one term naming a file in an index of several roots (its articles are
    /// replaced and deleted by it; fast: the incremental state).
    pub file: Field,
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
    /// The article's source: its metadata's outlet, or its root's name.
    pub source_facet: Field,
    /// `/speaker/N`: the article holds N attributed quotes of the speaker (counted from the
    /// index by `facets speaker`, without reading stored records).
    pub speaker_quotes: Field,
    /// Stored JSON of the [`Record`].
    pub record: Field,
    /// The file's size in bytes (fast field; the same on every article of the file).
    pub file_size: Field,
    /// The file's modification time in nanoseconds since the epoch, 0 when not to be trusted.
    pub file_mtime: Field,
    /// xxh3 hash of the file's bytes.
    pub file_hash: Field,
    /// The body's MinHash band keys (fast, several values; see `query::dupes`, which reads them).
    pub dup_band: Field,
    /// [`crate::ingest::metadata::Meta::fingerprint`] of the sidecar entry applied to the
    /// file, 0 when none (fast: a changed sidecar is re-applied without reading the file).
    pub meta_hash: Field,
}

/// What is stored per article besides its text: the extraction, the date and the metadata.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Record {
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The root's name.
    #[serde(default)]
    pub root: String,
    /// The source (the outlet its metadata names, or the root's name).
    #[serde(default)]
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The article's identifier in its export.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What the file itself says (headline, date, metadata), kept when a sidecar overrode it:
    /// a changed sidecar is then re-applied from the stored article, without reading the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own: Option<Own>,
    #[serde(flatten)]
    pub extraction: Extraction,
    /// For each quote, the byte range of the body's sentences that hold it (kept as ranges:
    /// the body is stored already).
    #[serde(default)]
    pub contexts: Vec<(usize, usize)>,
}

/// The headline, date and metadata of an article as its file gives them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Own {
    pub headline: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Meta::is_empty")]
    pub meta: Meta,
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
        path: builder.add_text_field("path", STRING | STORED),
        root: builder.add_text_field("root", STRING | FAST),
        file: builder.add_text_field("file", STRING | FAST),
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
        source_facet: builder.add_facet_field("source_facet", FacetOptions::default()),
        speaker_quotes: builder.add_facet_field("speaker_quotes", FacetOptions::default()),
        record: builder.add_text_field("record", STORED),
        file_size: builder.add_u64_field("file_size", NumericOptions::default().set_fast()),
        file_mtime: builder.add_i64_field("file_mtime", NumericOptions::default().set_fast()),
        file_hash: builder.add_u64_field("file_hash", NumericOptions::default().set_fast()),
        dup_band: builder.add_u64_field("dup_band", NumericOptions::default().set_fast()),
        meta_hash: builder.add_u64_field("meta_hash", NumericOptions::default().set_fast()),
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
        root: get("root")?,
        file: get("file")?,
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
        source_facet: get("source_facet")?,
        speaker_quotes: get("speaker_quotes")?,
        record: get("record")?,
        file_size: get("file_size")?,
        file_mtime: get("file_mtime")?,
        file_hash: get("file_hash")?,
        dup_band: get("dup_band")?,
        meta_hash: get("meta_hash")?,
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

/// The term that selects every article of a file of a root (used to replace or delete a file's
/// articles).
pub fn path_term(fields: &Fields, root: &str, path: &str) -> Term {
    Term::from_field_text(fields.file, &file_key(root, path))
}

/// The `file` value of a file of a root: `ROOT/PATH` (root names hold no `/`).
pub fn file_key(root: &str, path: &str) -> String {
    format!("{root}/{path}")
}

/// The term that selects every article of a root.
pub fn root_term(fields: &Fields, root: &str) -> Term {
    Term::from_field_text(fields.root, root)
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
