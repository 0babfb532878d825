//! Integration tests: they run the real `newsdex` binary on temporary copies of archives.

mod util;

mod aliases;
mod analysis;
mod badinput;
mod browser;
mod cooccur;
mod corpora;
mod crash;
mod damage;
mod dupes;
mod errors;
mod evidence;
mod extract;
mod facets;
mod filters;
mod formats;
mod fuzz;
mod hostile;
mod incremental;
mod json;
mod names;
mod quotes;
mod search;
mod serve;
mod show;
mod sources;
mod stats;
