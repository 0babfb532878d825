/*!
Reading an archive: walking its folders, decoding each file's bytes to text, splitting a file
into stories, and reading each story's headline, dateline and date.

The files: [`walk`] finds the files, [`read`] reads one ([`decode`] makes text of its bytes,
[`stories`] splits the text into articles, [`dateline`] reads their datelines and dates),
[`dates`] is the calendar arithmetic every stage shares, and [`sentences`] splits a body into
sentences (for quote contexts and snippets).

This is the bottom stage of the pipeline: it uses nothing of the crate but [`crate::error`].
*/

pub mod dateline;
pub mod dates;
pub mod decode;
pub mod read;
pub mod sentences;
pub mod stories;
pub mod walk;
