/*!
Snippets: the sentences of a body that best show why it matched, with the matched words marked.

tantivy's `SnippetGenerator` returns a single window cut at arbitrary byte positions; readers of
news want whole sentences. So we run the body through the field's own analyzer (the words match
exactly as the index matched them, stemmed forms included: `vetoed` for `veto`), score each
sentence by the distinct query terms it holds, and keep up to three, in body order. Lengths and
highlight offsets are counted in characters, not bytes. The work is linear in the body and looks
at no more than [`MAX_MATCHES`] matches, so that no article, however it is shaped, stalls a
search.
*/

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::tokenizer::{TextAnalyzer, TokenStream};

use crate::ingest::sentences::sentences;

/// How many snippets a hit shows at most.
pub const MAX_SNIPPETS: usize = 3;
/// About how many characters a snippet holds.
pub const SNIPPET_CHARS: usize = 200;
/// How many matches of an article are examined at most: the first ones in the body. Enough to
/// find the best sentences of any real article, and a bound on the work for a pathological one
/// (a megabyte of `x` lines holds half a million matches of `x`).
pub const MAX_MATCHES: usize = 10_000;

/// A fragment of a body with the query's matches marked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    pub text: String,
    /// `[start, end)` character offsets into `text`.
    pub highlights: Vec<[usize; 2]>,
}

/// The indexed terms of a query that snippets should mark: exact terms and prefixes.
#[derive(Clone, Debug, Default)]
pub struct QueryTerms {
    terms: HashSet<String>,
    /// Terms that only occur in phrases: marked only next to another phrase word, so that the
    /// `a` of `"path to a dead end"` is not marked all over the body.
    phrase_only: HashSet<String>,
    prefixes: Vec<String>,
}

impl QueryTerms {
    /// The terms `query` looks for in `field`.
    pub fn of(query: &dyn Query, field: Field) -> Self {
        let mut terms = HashSet::new();
        let mut in_phrase = HashSet::new();
        query.query_terms(&mut |term, needs_positions| {
            if term.field() == field {
                if let Some(text) = term.value().as_str() {
                    if needs_positions {
                        in_phrase.insert(text.to_string());
                    } else {
                        terms.insert(text.to_string());
                    }
                }
            }
        });
        let phrase_only = in_phrase.difference(&terms).cloned().collect();
        terms.extend(in_phrase);
        QueryTerms {
            terms,
            phrase_only,
            prefixes: Vec::new(),
        }
    }

    /// Marks these indexed terms (analysed words: `sanction`, not `sanctions`).
    pub fn from_terms<S: Into<String>>(terms: impl IntoIterator<Item = S>) -> Self {
        QueryTerms {
            terms: terms.into_iter().map(Into::into).collect(),
            ..QueryTerms::default()
        }
    }

    /// Also marks every word starting with `prefix` (an analysed prefix).
    pub fn add_prefix(&mut self, prefix: String) {
        self.prefixes.push(prefix);
    }

    fn matches(&self, token: &str) -> bool {
        self.terms.contains(token) || self.prefixes.iter().any(|p| token.starts_with(p.as_str()))
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.prefixes.is_empty()
    }
}

/// Picks up to [`MAX_SNIPPETS`] snippets of `body` for `terms`. A body without any match (the
/// article matched on its headline or a facet) gets its opening.
pub fn snippets(body: &str, terms: &QueryTerms, analyzer: &mut TextAnalyzer) -> Vec<Snippet> {
    let matches = find_matches(body, terms, analyzer);
    if matches.is_empty() {
        return opening(body).into_iter().collect();
    }
    let sentences = sentences(body);
    // Score each sentence by the distinct terms it holds, then by how many matches. Sentences
    // and matches are both in body order: one walk over each (linear in the body).
    let mut scored: Vec<(usize, usize, usize)> = Vec::new(); // (distinct, count, sentence index)
    let mut next = 0;
    for (i, &(start, end)) in sentences.iter().enumerate() {
        while matches.get(next).is_some_and(|(s, _, _)| *s < start) {
            next += 1;
        }
        let mut distinct: HashSet<&str> = HashSet::new();
        let mut count = 0;
        while let Some((_, e, term)) = matches.get(next).filter(|(s, _, _)| *s < end) {
            if *e <= end {
                distinct.insert(term.as_str());
                count += 1;
            }
            next += 1;
        }
        if count > 0 {
            scored.push((distinct.len(), count, i));
        }
    }
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut chosen: Vec<usize> = scored.iter().take(MAX_SNIPPETS).map(|s| s.2).collect();
    chosen.sort_unstable();
    chosen
        .into_iter()
        .map(|i| {
            let (start, end) = sentences[i];
            fragment(body, start, end, &matches)
        })
        .collect()
}

/// Whether `text` holds any of the terms.
pub fn contains_any(text: &str, terms: &QueryTerms, analyzer: &mut TextAnalyzer) -> bool {
    !find_matches(text, terms, analyzer).is_empty()
}

/// Byte ranges of the words of `body` that match, with the matched term.
fn find_matches(
    body: &str,
    terms: &QueryTerms,
    analyzer: &mut TextAnalyzer,
) -> Vec<(usize, usize, String)> {
    if terms.is_empty() {
        return Vec::new();
    }
    // (start, end, term, token position)
    let mut found: Vec<(usize, usize, String, usize)> = Vec::new();
    let mut stream = analyzer.token_stream(body);
    while stream.advance() && found.len() < MAX_MATCHES {
        let token = stream.token();
        if terms.matches(&token.text) {
            found.push((
                token.offset_from,
                token.offset_to,
                token.text.clone(),
                token.position,
            ));
        }
    }
    let phrase_word = |i: usize| {
        found
            .get(i)
            .is_some_and(|m| terms.phrase_only.contains(&m.2) || terms.terms.contains(&m.2))
    };
    let keep: Vec<bool> = (0..found.len())
        .map(|i| {
            if !terms.phrase_only.contains(&found[i].2) {
                return true;
            }
            let pos = found[i].3;
            let before = i > 0 && found[i - 1].3 + 1 == pos && phrase_word(i - 1);
            let after = found.get(i + 1).is_some_and(|m| m.3 == pos + 1) && phrase_word(i + 1);
            before || after
        })
        .collect();
    found
        .into_iter()
        .zip(keep)
        .filter(|(_, keep)| *keep)
        .map(|((s, e, t, _), _)| (s, e, t))
        .collect()
}

/// A snippet of the sentence `[start, end)`, cut to about [`SNIPPET_CHARS`] around its first
/// match when longer.
fn fragment(body: &str, start: usize, end: usize, matches: &[(usize, usize, String)]) -> Snippet {
    let sentence = &body[start..end];
    let (mut from, mut to) = (start, end);
    if sentence.chars().count() > SNIPPET_CHARS + SNIPPET_CHARS / 10 {
        let first = matches
            .iter()
            .find(|(s, e, _)| *s >= start && *e <= end)
            .map(|(s, _, _)| *s)
            .unwrap_or(start);
        // Keep the sentence's start when the match is near it; otherwise start about a quarter
        // of the window before the first match, at a word boundary.
        if body[start..first].chars().count() > SNIPPET_CHARS / 2 {
            from = back_chars(body, first, SNIPPET_CHARS / 4).max(start);
        }
        if from > start {
            from = body[from..first]
                .find(' ')
                .map(|p| from + p + 1)
                .unwrap_or(from);
        }
        to = forward_chars(body, from, SNIPPET_CHARS).min(end);
        if to < end {
            to = body[from..to].rfind(' ').map(|p| from + p).unwrap_or(to);
        }
    }
    let mut text = String::new();
    let mut offset = 0;
    if from > start {
        text.push('\u{2026}');
        offset = 1;
    }
    text.push_str(body[from..to].trim_end());
    let highlights = matches
        .iter()
        .filter(|(s, e, _)| *s >= from && *e <= to)
        .map(|(s, e, _)| {
            let s_chars = offset + body[from..*s].chars().count();
            let e_chars = s_chars + body[*s..*e].chars().count();
            [s_chars, e_chars]
        })
        .collect();
    if to < end {
        text.push('\u{2026}');
    }
    Snippet { text, highlights }
}

/// The byte position `n` characters before `pos`.
fn back_chars(body: &str, pos: usize, n: usize) -> usize {
    body[..pos]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map(|(p, _)| p)
        .unwrap_or(0)
}

/// The byte position `n` characters after `pos`.
fn forward_chars(body: &str, pos: usize, n: usize) -> usize {
    body[pos..]
        .char_indices()
        .nth(n)
        .map(|(p, _)| pos + p)
        .unwrap_or(body.len())
}

/// The opening of a body, for hits that matched only elsewhere.
fn opening(body: &str) -> Option<Snippet> {
    let (start, end) = *sentences(body).first()?;
    let mut snippet = fragment(body, start, end, &[]);
    if snippet.text.chars().count() > SNIPPET_CHARS + 1 {
        let cut: String = snippet.text.chars().take(SNIPPET_CHARS).collect();
        let cut = cut
            .rfind(' ')
            .map(|p| &cut[..p])
            .unwrap_or(&cut)
            .to_string();
        snippet.text = format!("{cut}\u{2026}");
    }
    Some(snippet)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::analyzer;

    fn terms(words: &[&str]) -> QueryTerms {
        QueryTerms {
            terms: words.iter().map(|w| w.to_string()).collect(),
            ..QueryTerms::default()
        }
    }

    fn marked(s: &Snippet) -> Vec<String> {
        s.highlights
            .iter()
            .map(|[a, b]| s.text.chars().skip(*a).take(b - a).collect())
            .collect()
    }

    #[test]
    fn highlights_stemmed_forms_in_whole_sentences() {
        let body = "UNITED NATIONS \u{2014} China and Russia have vetoed a resolution. The vote was 13-2.\nOthers oppose sanctions.";
        let got = snippets(body, &terms(&["veto", "sanction"]), &mut analyzer());
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[0].text,
            "UNITED NATIONS \u{2014} China and Russia have vetoed a resolution."
        );
        assert_eq!(marked(&got[0]), ["vetoed"]);
        assert_eq!(got[1].text, "Others oppose sanctions.");
        assert_eq!(marked(&got[1]), ["sanctions"]);
    }

    #[test]
    fn offsets_are_characters() {
        let body = "Le d\u{e9}l\u{e9}gu\u{e9} Nébenzia a parlé.";
        let got = snippets(body, &terms(&["nebenzia"]), &mut analyzer());
        assert_eq!(marked(&got[0]), ["Nébenzia"]);
    }

    #[test]
    fn long_sentences_are_cut_with_ellipses() {
        let body = format!("{} veto {}.", "word ".repeat(100), "more ".repeat(100));
        let got = snippets(&body, &terms(&["veto"]), &mut analyzer());
        let text = &got[0].text;
        assert!(
            text.starts_with('\u{2026}') && text.ends_with('\u{2026}'),
            "{text}"
        );
        assert!(text.chars().count() <= SNIPPET_CHARS + 2);
        assert_eq!(marked(&got[0]), ["veto"]);
    }

    #[test]
    fn no_match_gives_the_opening() {
        let got = snippets(
            "First sentence here. Second one.",
            &terms(&["zzz"]),
            &mut analyzer(),
        );
        assert_eq!(got[0].text, "First sentence here.");
        assert!(got[0].highlights.is_empty());
    }

    #[test]
    fn phrase_words_are_marked_only_inside_the_phrase() {
        let mut t = terms(&[]);
        for w in ["path", "to", "a", "dead", "end"] {
            t.terms.insert(w.to_string());
            t.phrase_only.insert(w.to_string());
        }
        let body = "It was a bad day. He called it \u{201c}a path to a dead end.\u{201d}";
        let got = snippets(body, &t, &mut analyzer());
        assert_eq!(got.len(), 1);
        assert_eq!(marked(&got[0]), ["a", "path", "to", "a", "dead", "end"]);
    }
}
