//! Integration tests: they run the real `newsdex` binary on temporary copies of archives.

mod util;

mod corpora;
mod errors;
mod extract;
mod facets;
mod filters;
mod formats;
mod json;
mod quotes;
mod search;
mod show;
mod stats;
