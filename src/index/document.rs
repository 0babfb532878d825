/*!
The tantivy document of an article: its text fields, facets, wire-copy band keys, the sentences
around each quote, its root and source, and the stored [`Record`]; and the article back from a
stored document (to re-apply a changed sidecar without reading or extracting the file again).
*/

use std::collections::BTreeMap;
use tantivy::schema::Value;

use tantivy::TantivyDocument;

use super::schema::{date_time, file_key, Fields, Own, Record};
use crate::extract::{countries, Extraction};
use crate::ingest::metadata::Meta;
use crate::ingest::stories::Article;

/// Where an article's file sits and what its sidecar says of it.
#[derive(Clone, Copy, Debug)]
pub struct Placement<'a> {
    /// The root's name.
    pub root: &'a str,
    /// The sidecar's fields for the file, which take precedence over the file's own.
    pub sidecar: Option<&'a Meta>,
}

/// Builds the tantivy document of an article. `extraction` is that of the article's own text;
/// the sidecar's title, date and other fields take precedence over the article's.
pub fn document(
    fields: &Fields,
    article: &Article,
    extraction: Extraction,
    placement: &Placement,
) -> TantivyDocument {
    let sidecar = placement.sidecar.cloned().unwrap_or_default();
    let meta = sidecar.or(&article.meta);
    let headline = sidecar.title.as_deref().unwrap_or(&article.headline);
    let date = sidecar.date.clone().or_else(|| article.date.clone());
    let source = meta
        .source
        .clone()
        .unwrap_or_else(|| placement.root.to_string());
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.path, &article.path);
    doc.add_text(fields.root, placement.root);
    doc.add_text(fields.file, file_key(placement.root, &article.path));
    doc.add_u64(fields.article, article.article as u64);
    doc.add_text(fields.headline, headline);
    if let Some(dateline) = &article.dateline {
        doc.add_text(fields.dateline, dateline);
    }
    if let Some(date) = date.as_deref().and_then(date_time) {
        doc.add_date(fields.date, date);
    }
    doc.add_text(fields.body, &article.body);
    doc.add_facet(
        fields.source_facet,
        tantivy::schema::Facet::from_path([source.as_str()]),
    );
    doc.add_u64(
        fields.meta_hash,
        placement.sidecar.map_or(0, Meta::fingerprint),
    );
    for key in crate::extract::signature::band_keys(&article.body) {
        doc.add_u64(fields.dup_band, key);
    }
    for speaker in &extraction.speakers {
        doc.add_text(fields.speaker, speaker);
        doc.add_facet(
            fields.speaker_facet,
            tantivy::schema::Facet::from_path([speaker]),
        );
    }
    for country in &extraction.countries {
        doc.add_text(fields.country, &country.name);
        doc.add_text(fields.country, &country.code);
        doc.add_facet(
            fields.country_facet,
            tantivy::schema::Facet::from_path([country.code.as_str()]),
        );
        if let Some(c) = countries::by_code(&country.code) {
            doc.add_facet(
                fields.region_facet,
                tantivy::schema::Facet::from_path([c.region, c.subregion, c.name]),
            );
        }
    }
    let mut quotes: BTreeMap<&str, usize> = BTreeMap::new();
    for speaker in extraction
        .quotes
        .iter()
        .filter_map(|q| q.speaker.as_deref())
    {
        *quotes.entry(speaker).or_default() += 1;
    }
    for (speaker, count) in quotes {
        doc.add_facet(
            fields.speaker_quotes,
            tantivy::schema::Facet::from_path([speaker.to_string(), count.to_string()]),
        );
    }
    let contexts = quote_contexts(&article.body, &extraction.quotes);
    // Each stretch of the body indexed once: quotes in one sentence share their context, and
    // the contexts of neighbouring quotes overlap.
    for (from, to) in merged_ranges(&contexts) {
        doc.add_text(fields.quote, article.body.get(from..to).unwrap_or(""));
    }
    let own = placement.sidecar.map(|_| Own {
        headline: article.headline.clone(),
        date: article.date.clone(),
        meta: article.meta.clone(),
    });
    let record = Record {
        date,
        root: placement.root.to_string(),
        source,
        url: meta.url,
        author: meta.author,
        language: meta.language,
        id: meta.id,
        own,
        extraction,
        contexts,
    };
    doc.add_text(
        fields.record,
        serde_json::to_string(&record).unwrap_or_default(),
    );
    doc
}

/// The article and its extraction as a stored document holds them, with the headline, date and
/// metadata of the file itself (not those a sidecar gave). `None` when the document has no
/// readable record.
pub fn restored(fields: &Fields, doc: &TantivyDocument) -> Option<(Article, Extraction)> {
    let text = |field| {
        doc.get_first(field)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    let record: Record = serde_json::from_str(&text(fields.record)?).ok()?;
    let own = match record.own {
        Some(own) => own,
        None => Own {
            headline: text(fields.headline).unwrap_or_default(),
            date: record.date,
            meta: Meta {
                title: None,
                date: None,
                // The root's name is the default source, not one the file gave.
                source: (record.source != record.root).then_some(record.source),
                url: record.url,
                author: record.author,
                language: record.language,
                id: record.id,
            },
        },
    };
    let article = Article {
        path: text(fields.path)?,
        article: doc.get_first(fields.article).and_then(|v| v.as_u64())? as usize,
        headline: own.headline,
        dateline: text(fields.dateline),
        date: own.date,
        body: text(fields.body).unwrap_or_default(),
        meta: own.meta,
    };
    Some((article, record.extraction))
}

/// The byte ranges of the sentences of `body` that hold each quote (quote offsets are in
/// characters).
fn quote_contexts(body: &str, quotes: &[crate::extract::Quote]) -> Vec<(usize, usize)> {
    if quotes.is_empty() {
        return Vec::new();
    }
    let mut wanted: Vec<usize> = quotes.iter().flat_map(|q| [q.start, q.end]).collect();
    wanted.sort_unstable();
    wanted.dedup();
    let bytes = byte_offsets(body, &wanted);
    let byte_at = |char_offset: usize| {
        wanted
            .binary_search(&char_offset)
            .ok()
            .and_then(|i| bytes.get(i).copied())
            .unwrap_or(body.len())
    };
    let sentences = crate::ingest::sentences::sentences(body);
    quotes
        .iter()
        .map(|quote| {
            let start = byte_at(quote.start);
            let end = byte_at(quote.end);
            let from = sentences
                .iter()
                .rev()
                .find(|(s, _)| *s <= start)
                .map_or(start, |(s, _)| *s);
            let to = sentences
                .iter()
                .find(|(_, e)| *e >= end)
                .map_or(end, |(_, e)| *e);
            clamp_context(body, from, to.max(from), start, end)
        })
        .collect()
}

/// The union of byte ranges, as sorted disjoint ranges (touching ranges joined).
fn merged_ranges(ranges: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut sorted = ranges.to_vec();
    sorted.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(sorted.len());
    for (from, to) in sorted {
        match merged.last_mut() {
            Some(last) if from <= last.1 => last.1 = last.1.max(to),
            _ => merged.push((from, to)),
        }
    }
    merged
}

/// The byte offsets of the character offsets `chars` (sorted) in `text`, in one pass over the
/// text up to the last of them; offsets past the end give `text.len()`.
fn byte_offsets(text: &str, chars: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(chars.len());
    let mut wanted = chars.iter().copied().peekable();
    for (n, (b, _)) in text.char_indices().enumerate() {
        while wanted.next_if(|&c| c == n).is_some() {
            out.push(b);
        }
        if wanted.peek().is_none() {
            return out;
        }
    }
    out.resize(chars.len(), text.len());
    out
}

/// The longest quote context kept, in bytes. A "sentence" can be a whole paragraph of a
/// badly punctuated file (one 300 KB line with thousands of quotes would otherwise store
/// thousands of copies of itself).
const MAX_CONTEXT: usize = 2_000;

/// Narrows a context `from..to` around the quote `start..end` to at most [`MAX_CONTEXT`] bytes,
/// on character boundaries.
fn clamp_context(body: &str, from: usize, to: usize, start: usize, end: usize) -> (usize, usize) {
    if to - from <= MAX_CONTEXT {
        return (from, to);
    }
    let floor = |mut i: usize| {
        i = i.min(body.len());
        while !body.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let from = floor(from.max(start.saturating_sub(MAX_CONTEXT / 4)));
    let to = floor(
        to.min(end.saturating_add(MAX_CONTEXT / 4))
            .min(from + MAX_CONTEXT),
    );
    (from, to.max(from))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_contexts_are_indexed_once() {
        assert_eq!(
            merged_ranges(&[(10, 20), (0, 5), (10, 20), (15, 30), (30, 32), (40, 41)]),
            [(0, 5), (10, 32), (40, 41)]
        );
        assert!(merged_ranges(&[]).is_empty());
    }

    #[test]
    fn char_offsets_become_byte_offsets() {
        let text = "a\u{e9}b\u{201c}c";
        assert_eq!(
            byte_offsets(text, &[0, 1, 2, 3, 4, 5, 9]),
            [0, 1, 3, 4, 7, 8, 8]
        );
        assert_eq!(byte_offsets(text, &[]), Vec::<usize>::new());
        assert_eq!(byte_offsets("", &[0]), [0]);
    }

    #[test]
    fn quote_contexts_are_capped() {
        let body = "ä".repeat(10_000);
        let (from, to) = clamp_context(&body, 0, body.len(), 8_001, 8_101);
        assert!(to - from <= MAX_CONTEXT);
        assert!(from <= 8_001 && to >= 8_101);
        assert!(body.get(from..to).is_some());
        assert_eq!(clamp_context(&body, 10, 20, 12, 14), (10, 20));
    }
}
