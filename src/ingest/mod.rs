/*!
Reading an archive: walking its folders, decoding each file's bytes to text, splitting a file
into stories, and reading each story's headline, dateline and date.

This is the bottom stage of the pipeline: it uses nothing of the crate but [`crate::error`].
*/

pub mod corpus;
pub mod dates;
pub mod read;
