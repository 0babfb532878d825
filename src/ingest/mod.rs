/*!
Reading an archive: walking its folders, decoding each file's bytes to text, splitting a file
into stories, and reading each story's headline, dateline and date.

The files: [`roots`] names the folders an index holds, [`walk`] finds their files, [`read`]
reads one ([`decode`] makes text of its bytes, [`formats`] picks the reader by extension:
[`stories`] splits plain text into articles, [`html`] reads a saved web page, [`jsonl`] a
JSON-lines export; [`dateline`] reads datelines and dates), [`metadata`] reads sidecar metadata
files, [`pubdate`] the dates they and pages write, [`dates`] is the calendar arithmetic every
stage shares, and [`sentences`] splits a body into sentences (for quote contexts and snippets).

This is the bottom stage of the pipeline: it uses nothing of the crate but [`crate::error`].
*/

pub mod dateline;
pub mod dates;
pub mod decode;
pub mod formats;
pub mod html;
pub mod jsonl;
pub mod metadata;
pub mod pubdate;
pub mod read;
pub mod roots;
pub mod sentences;
pub mod stories;
pub mod walk;
