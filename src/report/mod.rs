/*!
Printing: every result type in every format, for people (text, with highlights in colour only
when asked to) or for scripts (JSON, NDJSON and CSV). This is the only stage that writes to a
terminal or a file; printers take any writer, so tests print into a `Vec<u8>` and compare
strings.

The files: [`mod@format`] (the formats, the [`Report`] trait, styles, sanitising), [`table`] (CSV),
then one file per result: [`search`], [`quotes`], [`facets`], [`article`] (`show`), [`stats`],
[`timeline`], [`batch`], [`cooccur`], [`aliases`] (suggestions), [`extract`] and [`index`] (a
run's summary).

This stage uses every stage below it ([`crate::analysis`], [`crate::query`], [`crate::index`],
[`crate::extract`]).
*/

pub mod aliases;
pub mod article;
pub mod batch;
pub mod cooccur;
pub mod extract;
pub mod facets;
pub mod format;
pub mod index;
pub mod quotes;
pub mod search;
pub mod stats;
pub mod table;
pub mod timeline;

pub use article::article_text;
pub use extract::extraction_text;
pub use format::{json, json_line, print, sanitize, Format, Report, Style};
pub use index::summary_line;
pub use quotes::QuoteStream;
pub use search::undated_note;
pub use stats::stats_text;
