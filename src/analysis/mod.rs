/*!
Questions about many articles at once: timelines, co-occurrence, name-list batches and archive
statistics.
*/

pub mod batch;
pub mod cooccur;
pub mod stats;
pub mod timeline;
