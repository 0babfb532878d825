/*!
Counting the values of a one-level facet field (`speaker_facet`, `country_facet`) over all
matching articles.

tantivy's `FacetCollector` turns each counted ordinal back into its facet with its own dictionary
look-up, and each look-up decompresses a (zstd-compressed) block of the dictionary and creates a
new decompression context: profiled on the 23k archive, that was 80% of a search for a common
word (about 190 ms for `the`, 19,000 hits, thousands of distinct speakers). [`FacetTop`] counts
the same way but resolves a segment's ordinals in one sorted pass over the dictionary
(`sorted_ords_to_term_cb`), so each block is read once. The result is the same as
`FacetCollector` + `top_k`: counts of articles (a value repeated in an article counts once),
highest first, ties by value.

With name aliases ([`FacetTop::with_names`], issue 8) the variants of a name are counted under
the canonical name, still once per article however many variants it quotes, and hidden names are
not counted.

[`NumberedFacet`] counts a two-level facet whose second step is a number (`speaker_quotes`,
`/speaker/N`: the article holds N quotes of the speaker) the same way, but keeps each segment's
counts as ordinals: only the values asked about afterwards are looked up in the dictionaries
([`NumberedCounts::total`]), or all of them in one pass when most are asked about
([`NumberedCounts::totals`]).
*/

use std::sync::Arc;

use rustc_hash::FxHashMap;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::column_index::MultiValueIndex;
use tantivy::columnar::{Column, ColumnIndex, StrColumn};
use tantivy::schema::Type;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::query::aliases::{NameMap, Names, HIDDEN, PLAIN};

/// A collector of value counts for a one-level facet field.
pub struct FacetTop {
    field: String,
    names: Names,
    limit: Option<usize>,
}

impl FacetTop {
    pub fn for_field(field: impl Into<String>) -> FacetTop {
        FacetTop {
            field: field.into(),
            names: None,
            limit: None,
        }
    }

    /// Keeps only the `limit` most frequent values (all are still counted exactly; only the
    /// values shown are turned into strings and sorted).
    pub fn top(mut self, limit: usize) -> FacetTop {
        self.limit = Some(limit);
        self
    }

    /// Counts the values through name aliases: variants under their canonical name (an article
    /// once per canonical name), hidden names not at all.
    pub fn with_names(mut self, names: Names) -> FacetTop {
        self.names = names;
        self
    }
}

pub struct FacetTopSegment {
    reader: tantivy::fastfield::FacetReader,
    /// The same column, whose dictionary outlives the segment's collection (see
    /// [`NumberedCounts`]).
    dictionary: StrColumn,
    /// The facet's column of term ordinals (the same column the reader reads).
    ords: Column<u64>,
    counts: Vec<u32>,
    merged: Option<Merged>,
    /// Documents collected and not counted yet (see [`BLOCK`]).
    pending: Vec<DocId>,
    scratch: Scratch,
}

/// Documents are counted in blocks of this many: their values are then read with one call into
/// the column for the whole block instead of a few calls a document. On a 1M-article archive,
/// reading the values one document at a time was half of a search for a common word.
const BLOCK: usize = 1024;

/// Buffers reused from block to block.
#[derive(Default)]
struct Scratch {
    docs: Vec<DocId>,
    rows: Vec<u32>,
    next_rows: Vec<u32>,
    starts: Vec<u32>,
    ends: Vec<u32>,
    values: Vec<u64>,
}

/// The alias groups of a segment: the slot of each ordinal and the articles of each group.
struct Merged {
    names: Arc<NameMap>,
    slots: Vec<u32>,
    counts: FxHashMap<u32, u32>,
    /// The groups of the current document.
    seen: Vec<u32>,
}

/// The last step of an encoded facet (`/speaker` -> `speaker`): steps are separated by a zero
/// byte in the encoding.
fn last_step(encoded: &[u8]) -> &[u8] {
    encoded.rsplit(|&b| b == 0).next().unwrap_or(encoded)
}

/// A segment's counts: its values laid end to end in one string, each with its count.
pub struct SegmentValues {
    text: String,
    values: Vec<(u32, u32, u64)>,
}

impl SegmentValues {
    /// Builds from `(bytes, count)` pairs, with one allocation for all the text (bytes that are
    /// not UTF-8, which a facet cannot hold, are replaced as `String::from_utf8_lossy` does).
    fn new<'a>(pairs: impl Iterator<Item = (&'a [u8], u64)> + Clone) -> SegmentValues {
        let mut bytes = Vec::new();
        let mut values = Vec::new();
        for (value, count) in pairs.clone() {
            let from = bytes.len() as u32;
            bytes.extend_from_slice(value);
            values.push((from, bytes.len() as u32, count));
        }
        match String::from_utf8(bytes) {
            Ok(text) => SegmentValues { text, values },
            Err(_) => {
                let mut text = String::new();
                values.clear();
                for (value, count) in pairs {
                    let from = text.len() as u32;
                    text.push_str(&String::from_utf8_lossy(value));
                    values.push((from, text.len() as u32, count));
                }
                SegmentValues { text, values }
            }
        }
    }

    fn iter(&self) -> impl Iterator<Item = (&str, u64)> + '_ {
        self.values.iter().map(|&(from, to, count)| {
            (
                self.text.get(from as usize..to as usize).unwrap_or(""),
                count,
            )
        })
    }
}

impl Collector for FacetTop {
    /// Every value (or the `limit` first) with its count, highest count first, ties by value.
    type Fruit = Vec<(String, u64)>;
    type Child = FacetTopSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<FacetTopSegment> {
        // What `SegmentReader::facet_reader` checks, without opening the column a second time.
        let schema = reader.schema();
        let field = schema.get_field(&self.field)?;
        if schema.get_field_entry(field).field_type().value_type() != Type::Facet {
            return Err(tantivy::TantivyError::SchemaError(format!(
                "`{}` is not a facet field",
                self.field
            )));
        }
        let column = reader.fast_fields().str(&self.field)?.ok_or_else(|| {
            tantivy::TantivyError::SchemaError(format!("no column for facet `{}`", self.field))
        })?;
        let ords = column.ords().clone();
        let dictionary = column.clone();
        let reader = tantivy::fastfield::FacetReader::new(column);
        let counts = vec![0; reader.num_facets()];
        let merged = self.names.as_ref().map(|names| Merged {
            slots: names.segment_slots(&reader),
            names: names.clone(),
            counts: FxHashMap::default(),
            seen: Vec::new(),
        });
        Ok(FacetTopSegment {
            reader,
            dictionary,
            ords,
            counts,
            merged,
            pending: Vec::with_capacity(BLOCK),
            scratch: Scratch::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<SegmentValues>) -> tantivy::Result<Self::Fruit> {
        let mut total: FxHashMap<&str, u64> = FxHashMap::default();
        for segment in &segments {
            for (value, count) in segment.iter() {
                *total.entry(value).or_default() += count;
            }
        }
        let mut all: Vec<(&str, u64)> = total.into_iter().collect();
        let order = |a: &(&str, u64), b: &(&str, u64)| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0));
        if let Some(limit) = self.limit {
            if limit == 0 {
                all.clear();
            } else if all.len() > limit {
                all.select_nth_unstable_by(limit - 1, order);
                all.truncate(limit);
            }
        }
        all.sort_by(order);
        Ok(all
            .into_iter()
            .map(|(value, count)| (value.to_string(), count))
            .collect())
    }
}

impl FacetTopSegment {
    /// Counts the pending documents.
    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let s = &mut self.scratch;
        match &self.ords.index {
            // Documents come in increasing order within a segment; the batch calls need that.
            ColumnIndex::Multivalued(MultiValueIndex::MultiValueIndexV2(index))
                if self.pending.is_sorted() =>
            {
                s.docs.clear();
                s.rows.clear();
                index
                    .optional_index
                    .rank_if_exists_batch(&self.pending, &mut s.docs, &mut s.rows);
                // The values of the document of row `r` are `start[r]..start[r + 1]`.
                s.next_rows.clear();
                s.next_rows.extend(s.rows.iter().map(|r| r + 1));
                s.starts.resize(s.rows.len(), 0);
                s.ends.resize(s.rows.len(), 0);
                index.start_index_column.get_vals(&s.rows, &mut s.starts);
                index.start_index_column.get_vals(&s.next_rows, &mut s.ends);
                // When the block's documents hold most of the values between its first and its
                // last (a common word), read them all at once; otherwise document by document.
                let (first, last) = (s.starts.first(), s.ends.last());
                let span = first.zip(last).map_or(0, |(f, l)| l.saturating_sub(*f)) as usize;
                let wanted: usize = s
                    .starts
                    .iter()
                    .zip(&s.ends)
                    .map(|(f, t)| t.saturating_sub(*f) as usize)
                    .sum();
                if let (Some(&first), true) = (first, span <= 2 * wanted + 64) {
                    s.values.resize(span, 0);
                    self.ords.values.get_range(u64::from(first), &mut s.values);
                    for (&start, &end) in s.starts.iter().zip(&s.ends) {
                        let from = start.saturating_sub(first) as usize;
                        let to = end.saturating_sub(first) as usize;
                        let ords = s.values.get(from..to).unwrap_or_default();
                        count_doc(&mut self.counts, &mut self.merged, ords.iter().copied());
                    }
                } else {
                    for (&start, &end) in s.starts.iter().zip(&s.ends) {
                        s.values.resize(end.saturating_sub(start) as usize, 0);
                        self.ords.values.get_range(u64::from(start), &mut s.values);
                        count_doc(&mut self.counts, &mut self.merged, s.values.iter().copied());
                    }
                }
            }
            _ => {
                for &doc in &self.pending {
                    count_doc(
                        &mut self.counts,
                        &mut self.merged,
                        self.reader.facet_ords(doc),
                    );
                }
            }
        }
        self.pending.clear();
    }
}

/// Counts one document's values (its term ordinals, in increasing order).
fn count_doc(counts: &mut [u32], merged: &mut Option<Merged>, ords: impl Iterator<Item = u64>) {
    if let Some(merged) = merged {
        merged.seen.clear();
        let mut previous = u64::MAX;
        for ord in ords {
            match merged.slots.get(ord as usize).copied().unwrap_or(PLAIN) {
                PLAIN => {
                    if ord != previous {
                        if let Some(count) = counts.get_mut(ord as usize) {
                            *count += 1;
                        }
                    }
                }
                HIDDEN => {}
                group => {
                    if !merged.seen.contains(&group) {
                        merged.seen.push(group);
                        *merged.counts.entry(group).or_default() += 1;
                    }
                }
            }
            previous = ord;
        }
        return;
    }
    let mut previous = u64::MAX;
    for ord in ords {
        if ord != previous {
            if let Some(count) = counts.get_mut(ord as usize) {
                *count += 1;
            }
        }
        previous = ord;
    }
}

impl SegmentCollector for FacetTopSegment {
    type Fruit = SegmentValues;

    fn collect(&mut self, doc: DocId, _: Score) {
        self.pending.push(doc);
        if self.pending.len() >= BLOCK {
            self.flush();
        }
    }

    fn harvest(mut self) -> Self::Fruit {
        self.flush();
        let ords: Vec<u64> = (0..self.counts.len() as u64)
            .filter(|&ord| self.counts[ord as usize] > 0)
            .collect();
        let mut steps: Vec<u8> = Vec::new();
        let mut ends: Vec<usize> = Vec::with_capacity(ords.len());
        // A dictionary that cannot be read leaves the counts empty rather than failing the
        // search (FacetCollector does the same).
        let read = self
            .reader
            .facet_dict()
            .sorted_ords_to_term_cb(&ords, |bytes| {
                steps.extend_from_slice(last_step(bytes));
                ends.push(steps.len());
            });
        if read.is_err() {
            ends.clear();
        }
        let counts = &self.counts;
        let plain = ends.iter().zip(&ords).scan(0, |from, (&end, &ord)| {
            let value = steps.get(*from..end).unwrap_or_default();
            *from = end;
            Some((value, u64::from(counts[ord as usize])))
        });
        let groups = self.merged.iter().flat_map(|merged| {
            merged.counts.iter().map(|(&group, &count)| {
                (merged.names.canonical(group).as_bytes(), u64::from(count))
            })
        });
        SegmentValues::new(plain.chain(groups))
    }
}

/// A collector of the counts of a two-level facet field whose second step is a number
/// (`/speaker/N`), kept per segment as ordinals (see [`NumberedCounts`]).
pub struct NumberedFacet {
    counter: FacetTop,
}

impl NumberedFacet {
    pub fn for_field(field: impl Into<String>) -> NumberedFacet {
        NumberedFacet {
            counter: FacetTop::for_field(field),
        }
    }
}

pub struct NumberedSegment(FacetTopSegment);

impl Collector for NumberedFacet {
    type Fruit = NumberedCounts;
    type Child = NumberedSegment;

    fn for_segment(
        &self,
        ordinal: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<NumberedSegment> {
        Ok(NumberedSegment(self.counter.for_segment(ordinal, reader)?))
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        segments: Vec<(StrColumn, Vec<u32>)>,
    ) -> tantivy::Result<NumberedCounts> {
        Ok(NumberedCounts { segments })
    }
}

impl SegmentCollector for NumberedSegment {
    /// The segment's column (for its dictionary), and the articles counted at each ordinal.
    type Fruit = (StrColumn, Vec<u32>);

    fn collect(&mut self, doc: DocId, score: Score) {
        self.0.collect(doc, score);
    }

    fn harvest(mut self) -> Self::Fruit {
        self.0.flush();
        (self.0.dictionary, self.0.counts)
    }
}

/// The counts of a [`NumberedFacet`]: for each segment, its dictionary and the articles counted
/// at each ordinal.
pub struct NumberedCounts {
    segments: Vec<(StrColumn, Vec<u32>)>,
}

impl NumberedCounts {
    /// The sum of N × articles over the values `/first/N`, over all segments (the quotes of a
    /// speaker). A dictionary that cannot be read counts nothing, as in [`FacetTop`].
    pub fn total(&self, first: &str) -> u64 {
        // A facet's steps are separated by a zero byte: the values below `first` are the keys
        // from `first\0` (included) to `first\1` (excluded).
        let from = [first.as_bytes(), &[0]].concat();
        let to = [first.as_bytes(), &[1]].concat();
        let mut total = 0;
        for (column, counts) in &self.segments {
            let Ok(mut keys) = column.dictionary().range().ge(&from).lt(&to).into_stream() else {
                continue;
            };
            while keys.advance() {
                let articles = counts.get(keys.term_ord() as usize).copied().unwrap_or(0);
                if articles > 0 {
                    total += u64::from(articles) * number(last_step(keys.key()));
                }
            }
        }
        total
    }

    /// [`NumberedCounts::total`] of every first step counted, in one pass over each dictionary.
    pub fn totals(&self) -> FxHashMap<String, u64> {
        let mut totals: FxHashMap<String, u64> = FxHashMap::default();
        for (column, counts) in &self.segments {
            let ords: Vec<u64> = (0..counts.len() as u64)
                .filter(|&ord| counts[ord as usize] > 0)
                .collect();
            // Called once per ordinal, in order. A dictionary that cannot be read counts what
            // was read before (as FacetTop, the search does not fail).
            let mut at = ords.iter();
            let _ = column.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
                let articles = at.next().map_or(0, |&ord| counts[ord as usize]);
                let Some(split) = bytes.iter().rposition(|&b| b == 0) else {
                    return;
                };
                let first = String::from_utf8_lossy(&bytes[..split]);
                let quotes = u64::from(articles) * number(&bytes[split + 1..]);
                match totals.get_mut(first.as_ref()) {
                    Some(total) => *total += quotes,
                    None => {
                        totals.insert(first.into_owned(), quotes);
                    }
                }
            });
        }
        totals
    }
}

/// A number step of a facet (`2` of `/speaker/2`); anything else counts as 0.
fn number(step: &[u8]) -> u64 {
    std::str::from_utf8(step)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::FacetCollector;
    use tantivy::query::{AllQuery, TermQuery};
    use tantivy::schema::Facet;
    use tantivy::schema::{FacetOptions, IndexRecordOption, Schema, STRING};
    use tantivy::{doc, Index, IndexWriter, Term};

    /// Same counts and order as tantivy's FacetCollector + top_k, over several segments, with a
    /// value repeated in a document and ties.
    #[test]
    fn matches_facet_collector() {
        let mut builder = Schema::builder();
        let facet = builder.add_facet_field("speaker_facet", FacetOptions::default());
        let tag = builder.add_text_field("tag", STRING);
        let index = Index::create_in_ram(builder.build());
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let names = ["Zhang Jun", "Ann", "Bob", "Émile", "Ann Lee", "Cy"];
        for segment in 0..3 {
            // More documents than a block (BLOCK), so that counting runs block by block.
            for i in 0..(BLOCK + 300) {
                let mut d = doc!(tag => if i % 3 == 0 { "x" } else { "y" });
                for k in 0..(i % 4) {
                    let name = names[(i * 7 + k * 3 + segment) % names.len()];
                    d.add_facet(facet, Facet::from_path([name]));
                    if k == 1 {
                        d.add_facet(facet, Facet::from_path([name]));
                    }
                }
                writer.add_document(d).unwrap();
            }
            writer.commit().unwrap();
        }
        let searcher = index.reader().unwrap().searcher();
        assert!(searcher.segment_readers().len() > 1);
        let x = TermQuery::new(Term::from_field_text(tag, "x"), IndexRecordOption::Basic);
        for query in [&AllQuery as &dyn tantivy::query::Query, &x] {
            let mut theirs = FacetCollector::for_field("speaker_facet");
            theirs.add_facet(Facet::root());
            let (theirs, ours) = searcher
                .search(query, &(theirs, FacetTop::for_field("speaker_facet")))
                .unwrap();
            for k in [1, 3, 10] {
                let expected: Vec<(String, u64)> = theirs
                    .top_k(Facet::root(), k)
                    .into_iter()
                    .map(|(f, c)| (f.to_path()[0].to_string(), c))
                    .collect();
                let got: Vec<(String, u64)> = ours.iter().take(k).cloned().collect();
                assert_eq!(got, expected, "top {k}");
                let limited = searcher
                    .search(query, &FacetTop::for_field("speaker_facet").top(k))
                    .unwrap();
                assert_eq!(limited, expected, "FacetTop::top({k})");
            }
        }
    }

    /// The quotes of each name: N × articles summed over `/name/N`, over several segments, by
    /// look-up and in one pass; a name that is the start of another (`Ann`, `Ann Lee`) keeps
    /// its own.
    #[test]
    fn numbered_counts_add_up_each_name() {
        let mut builder = Schema::builder();
        let facet = builder.add_facet_field("speaker_quotes", FacetOptions::default());
        let tag = builder.add_text_field("tag", STRING);
        let index = Index::create_in_ram(builder.build());
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        // (tag, [(name, quotes)]) per article, two segments.
        type Quoted<'a> = &'a [(&'a str, u64)];
        let segments: [&[(&str, Quoted)]; 2] = [
            &[
                ("x", &[("Ann", 2), ("Bo", 1)]),
                ("y", &[("Ann", 1)]),
                ("x", &[("Ann Lee", 3)]),
            ],
            &[("x", &[("Ann", 2)]), ("y", &[("Bo", 4), ("Ann Lee", 1)])],
        ];
        for articles in segments {
            for (t, quoted) in articles {
                let mut d = doc!(tag => *t);
                for (name, n) in *quoted {
                    d.add_facet(facet, Facet::from_path([name.to_string(), n.to_string()]));
                }
                writer.add_document(d).unwrap();
            }
            writer.commit().unwrap();
        }
        let searcher = index.reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), 2);
        let x = TermQuery::new(Term::from_field_text(tag, "x"), IndexRecordOption::Basic);
        let expected: [(&dyn tantivy::query::Query, Quoted); 2] = [
            (&AllQuery, &[("Ann", 5), ("Ann Lee", 4), ("Bo", 5)]),
            (&x, &[("Ann", 4), ("Ann Lee", 3), ("Bo", 1)]),
        ];
        for (query, totals) in expected {
            let counts = searcher
                .search(query, &NumberedFacet::for_field("speaker_quotes"))
                .unwrap();
            for (name, total) in totals {
                assert_eq!(counts.total(name), *total, "{name}");
            }
            assert_eq!(counts.total("An"), 0);
            let mut all: Vec<(String, u64)> = counts.totals().into_iter().collect();
            all.sort();
            let wanted: Vec<(String, u64)> =
                totals.iter().map(|(n, t)| (n.to_string(), *t)).collect();
            assert_eq!(all, wanted);
        }
    }
}
