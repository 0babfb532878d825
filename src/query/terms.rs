/*!
Look-ups in the index's term dictionaries: prefix queries (`sanc*`) and "did you mean"
suggestions for words the archive does not hold.

**Prefixes.** tantivy's query parser reads `sanc*` as the word `sanc` and drops the `*`. newsdex
parses the query into tantivy's syntax tree first; a word ending in `*` is expanded over the term
dictionaries of the fields it searches into the indexed words that start with it (lower-cased and
accent-folded like the index, not stemmed), and the query becomes an OR of those words, each
ranked by BM25 like any other word (headline matches still weigh double). At most
[`MAX_EXPANSIONS`] words are kept, the most frequent ones, and a note says so; everything else
in the query (phrases, fields, `AND`/`OR`/`NOT`, groups) is left to tantivy. Because the expanded
words are ordinary terms, snippets highlight them like any other match. A stemmed form that
no longer starts with the prefix (`sanctions*` → `sanction`) is included too.

**Suggestions.** When a query finds nothing, each of its words that no article holds is looked
up with a Levenshtein automaton over the term dictionaries (tantivy's `FuzzyTermQuery`
automaton; one edit for words of up to four letters, two beyond, a transposition counting as one
edit). Indexed words are stems, so the closest ones (and the indexed words the typed word starts
with, for misspelt endings the stemmer does not strip) are spelt as the articles spell them, and
the spelling closest to what was typed wins, the more frequent word on a tie (`sanctoins` →
`sanctions`, not the stem `sanction`; `privatisaton` → `privatisation`).
*/

use std::collections::HashMap;
use std::ops::Bound;

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, FuzzyTermQuery, Occur, Query,
    QueryParser, QueryParserError, RangeQuery, TermQuery,
};
use tantivy::query_grammar::{Delimiter, UserInputAst, UserInputLeaf};
use tantivy::schema::{Field, IndexRecordOption, Schema};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, TokenStream,
};
use tantivy::{Searcher, TantivyDocument, Term};

use crate::error::{Error, Result};

/// How many indexed words a prefix expands to at most.
pub const MAX_EXPANSIONS: usize = 100;

/// The words a prefix expanded to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expansion {
    /// The analysed prefix (`sanc`).
    pub prefix: String,
    /// The indexed words kept, most frequent first.
    pub terms: Vec<String>,
    /// How many indexed words start with the prefix in all.
    pub matched: usize,
}

/// Rewrites the prefix words of a query; everything else goes through tantivy's parser.
pub struct PrefixRewriter<'a> {
    pub parser: &'a QueryParser,
    pub searcher: &'a Searcher,
    pub schema: &'a Schema,
    /// The fields a word without `field:` searches, with their boosts.
    pub default_fields: &'a [(Field, f32)],
    /// Notes for the user (prefixes that hit the cap or matched nothing).
    pub notes: Vec<String>,
}

/// Whether a query might hold a prefix word (cheap test that keeps plain queries on the fast
/// path).
pub fn may_have_prefix(query: &str) -> bool {
    query
        .as_bytes()
        .windows(2)
        .any(|w| w[1] == b'*' && (w[0].is_ascii_alphanumeric() || w[0] >= 0x80))
}

impl PrefixRewriter<'_> {
    /// Parses `query`; `Ok(None)` when it holds no prefix word (parse it the usual way).
    ///
    /// # Errors
    ///
    /// tantivy's parser errors, and [`Error::Usage`]-style errors are reported as
    /// `QueryParserError::UnsupportedQuery`.
    pub fn rewrite(
        &mut self,
        query: &str,
    ) -> std::result::Result<Option<Box<dyn Query>>, QueryParserError> {
        let ast = tantivy::query_grammar::parse_query(query)
            .map_err(|_| QueryParserError::SyntaxError(query.to_string()))?;
        if !has_prefix(&ast) {
            return Ok(None);
        }
        self.build(ast, true).map(Some)
    }

    /// The query of `ast`; `top` for the whole query, which must search for something.
    fn build(
        &mut self,
        ast: UserInputAst,
        top: bool,
    ) -> std::result::Result<Box<dyn Query>, QueryParserError> {
        if !has_prefix(&ast) {
            return self.parser.build_query_from_user_input_ast(ast);
        }
        match ast {
            UserInputAst::Clause(children) => {
                let mut clauses = Vec::new();
                for (occur, child) in children {
                    // newsdex's parser joins words with AND by default.
                    clauses.push((occur.unwrap_or(Occur::Must), self.build(child, false)?));
                }
                if clauses.iter().all(|(occur, _)| *occur == Occur::MustNot) {
                    if top {
                        return Err(QueryParserError::AllButQueryForbidden);
                    }
                    // A group that only excludes (`NOT veto*` in `sanctions AND NOT veto*`)
                    // excludes from every article, as tantivy's own parser has it.
                    clauses.push((Occur::Must, Box::new(AllQuery)));
                }
                Ok(Box::new(BooleanQuery::new(clauses)))
            }
            UserInputAst::Boost(inner, boost) => Ok(Box::new(BoostQuery::new(
                self.build(*inner, top)?,
                boost.into_inner() as f32,
            ))),
            UserInputAst::Leaf(leaf) => match *leaf {
                UserInputLeaf::Literal(literal) => {
                    let word = literal.phrase.trim_end_matches('*');
                    let fields: Vec<(Field, f32)> = match &literal.field_name {
                        Some(name) => {
                            let field = self
                                .schema
                                .get_field(name)
                                .map_err(|_| QueryParserError::FieldDoesNotExist(name.clone()))?;
                            if is_raw(self.schema, field) {
                                return Ok(raw_prefix_query(field, word));
                            }
                            vec![(field, 1.0)]
                        }
                        None => self.default_fields.to_vec(),
                    };
                    self.prefix_query(word, &fields)
                }
                other => self
                    .parser
                    .build_query_from_user_input_ast(UserInputAst::Leaf(Box::new(other))),
            },
        }
    }

    fn prefix_query(
        &mut self,
        word: &str,
        fields: &[(Field, f32)],
    ) -> std::result::Result<Box<dyn Query>, QueryParserError> {
        let only: Vec<Field> = fields.iter().map(|(f, _)| *f).collect();
        let expansion = expand_prefix(self.searcher, &only, word).map_err(|e| match e {
            Error::Query { reason, .. } | Error::Usage(reason) => {
                QueryParserError::UnsupportedQuery(reason)
            }
            other => QueryParserError::UnsupportedQuery(other.to_string()),
        })?;
        if expansion.terms.is_empty() {
            self.notes
                .push(format!("no indexed word starts with `{word}`"));
            return Ok(Box::new(EmptyQuery));
        }
        if expansion.matched > expansion.terms.len() {
            self.notes.push(format!(
                "`{word}*` matches {} words; searched the {} most frequent (make the prefix longer to narrow it)",
                expansion.matched,
                expansion.terms.len()
            ));
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for term in &expansion.terms {
            for &(field, boost) in fields {
                let query: Box<dyn Query> = Box::new(TermQuery::new(
                    Term::from_field_text(field, term),
                    IndexRecordOption::WithFreqs,
                ));
                let query = if boost == 1.0 {
                    query
                } else {
                    Box::new(BoostQuery::new(query, boost))
                };
                clauses.push((Occur::Should, query));
            }
        }
        Ok(Box::new(BooleanQuery::new(clauses)))
    }
}

/// Whether a literal is a prefix word: `sanc*`, `headline:veto*` (not a quoted phrase, not `*`).
fn is_prefix_leaf(leaf: &UserInputLeaf) -> bool {
    match leaf {
        UserInputLeaf::Literal(literal) => {
            literal.delimiter == Delimiter::None
                && !literal.prefix
                && literal.phrase.len() > 1
                && literal.phrase.ends_with('*')
        }
        _ => false,
    }
}

/// The fields of the `field:*` leaves of a query ("has any value"), which tantivy answers only
/// for fast fields.
pub fn exists_fields(ast: &UserInputAst) -> Vec<&str> {
    match ast {
        UserInputAst::Clause(children) => children
            .iter()
            .flat_map(|(_, child)| exists_fields(child))
            .collect(),
        UserInputAst::Boost(inner, _) => exists_fields(inner),
        UserInputAst::Leaf(leaf) => match &**leaf {
            UserInputLeaf::Exists { field } => vec![field.as_str()],
            _ => Vec::new(),
        },
    }
}

fn has_prefix(ast: &UserInputAst) -> bool {
    match ast {
        UserInputAst::Clause(children) => children.iter().any(|(_, child)| has_prefix(child)),
        UserInputAst::Boost(inner, _) => has_prefix(inner),
        UserInputAst::Leaf(leaf) => is_prefix_leaf(leaf),
    }
}

/// The analyser of prefixes: the index's, without stemming (a stemmer would turn `sanctio`
/// into something no indexed word starts with).
fn prefix_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

fn analyse(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// Expands a prefix (as typed, without the `*`) into the indexed words of `fields` that start
/// with it, keeping the [`MAX_EXPANSIONS`] most frequent.
///
/// # Errors
///
/// [`Error::Query`] when the prefix is not one word; index read errors.
pub fn expand_prefix(searcher: &Searcher, fields: &[Field], word: &str) -> Result<Expansion> {
    let tokens = analyse(&mut prefix_analyzer(), word);
    let [prefix] = tokens.as_slice() else {
        return Err(Error::Query {
            query: format!("{word}*"),
            reason: format!(
                "a prefix must be one word of letters or digits before the `*`, e.g. `sanc*`; `{word}*` is not"
            ),
        });
    };
    let mut frequency: HashMap<String, u64> = HashMap::new();
    let upper = successor(prefix.as_bytes());
    let stemmed = analyse(&mut crate::index::analyzer(), word);
    for segment in searcher.segment_readers() {
        for &field in fields {
            let inverted = segment.inverted_index(field)?;
            let dictionary = inverted.terms();
            let mut range = dictionary.range().ge(prefix.as_bytes());
            if let Some(upper) = &upper {
                range = range.lt(upper);
            }
            let mut stream = range.into_stream().map_err(tantivy::TantivyError::from)?;
            while stream.advance() {
                if let Ok(term) = std::str::from_utf8(stream.key()) {
                    *frequency.entry(term.to_string()).or_default() +=
                        u64::from(stream.value().doc_freq);
                }
            }
            // `sanctions*`: the stem `sanction` does not start with `sanctions`.
            if let [stem] = stemmed.as_slice() {
                if !stem.starts_with(prefix.as_str()) {
                    let info = dictionary
                        .get(stem.as_bytes())
                        .map_err(tantivy::TantivyError::from)?;
                    if let Some(info) = info {
                        *frequency.entry(stem.clone()).or_default() += u64::from(info.doc_freq);
                    }
                }
            }
        }
    }
    let matched = frequency.len();
    let mut terms: Vec<(String, u64)> = frequency.into_iter().collect();
    terms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    terms.truncate(MAX_EXPANSIONS);
    Ok(Expansion {
        prefix: prefix.clone(),
        terms: terms.into_iter().map(|(t, _)| t).collect(),
        matched,
    })
}

/// Whether a field is indexed whole, not as words (`path`): its prefixes are exact.
fn is_raw(schema: &Schema, field: Field) -> bool {
    match schema.get_field_entry(field).field_type() {
        tantivy::schema::FieldType::Str(options) => options
            .get_indexing_options()
            .is_some_and(|indexing| indexing.tokenizer() == "raw"),
        _ => false,
    }
}

/// Every value of a whole-value field that starts with `prefix` (as typed: `path:bbc*`), however
/// many there are: a range over the term dictionary, not an expansion into words.
fn raw_prefix_query(field: Field, prefix: &str) -> Box<dyn Query> {
    let lower = Bound::Included(Term::from_field_text(field, prefix));
    let upper = match successor(prefix.as_bytes()) {
        Some(upper) => {
            // A text term holding the bytes as they are (they may end inside a character).
            let mut term = Term::from_field_text(field, "");
            term.append_bytes(&upper);
            Bound::Excluded(term)
        }
        None => Bound::Unbounded,
    };
    Box::new(ConstScoreQuery::new(
        Box::new(RangeQuery::new(lower, upper)),
        1.0,
    ))
}

/// The smallest byte string greater than every string starting with `prefix`.
fn successor(prefix: &[u8]) -> Option<Vec<u8>> {
    let mut bytes = prefix.to_vec();
    while let Some(last) = bytes.pop() {
        if last < u8::MAX {
            bytes.push(last + 1);
            return Some(bytes);
        }
    }
    None
}

/// A word of the user's query: where it is and what it is.
struct QueryWord {
    start: usize,
    end: usize,
    text: String,
}

/// The plain words of a query string: not field names, operators or prefix words.
fn query_words(query: &str) -> Vec<QueryWord> {
    let mut words = Vec::new();
    let mut start = None;
    let chars: Vec<(usize, char)> = query.char_indices().collect();
    for i in 0..=chars.len() {
        let c = chars.get(i).map(|&(_, c)| c);
        let is_word = c.is_some_and(char::is_alphanumeric);
        match (start, is_word) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let from = chars[s].0;
                let to = chars.get(i).map_or(query.len(), |&(p, _)| p);
                let text = &query[from..to];
                let next = c;
                let operator = matches!(text, "AND" | "OR" | "NOT");
                if !operator && !matches!(next, Some(':') | Some('*') | Some('^') | Some('~')) {
                    words.push(QueryWord {
                        start: from,
                        end: to,
                        text: text.to_string(),
                    });
                }
                start = None;
            }
            _ => {}
        }
    }
    words
}

/// Optimal string alignment distance (Levenshtein with adjacent transpositions), on characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev2: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (prev[j] + 1).min(row[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(prev2[j - 2] + 1);
            }
        }
        prev2 = std::mem::replace(&mut prev, row);
    }
    prev[b.len()]
}

/// Suggests a corrected query when some of its words are in no article: `Ok(None)` when every
/// word is indexed or nothing close is.
///
/// `fields` are the fields the words are looked up in, `text_fields` the stored fields whose
/// text shows how a suggested word is spelt.
///
/// # Errors
///
/// Index read errors.
pub fn suggest(
    searcher: &Searcher,
    fields: &[Field],
    text_fields: &[Field],
    query: &str,
) -> Result<Option<String>> {
    let mut analyzer = crate::index::analyzer();
    let mut replacements: Vec<(usize, usize, String)> = Vec::new();
    for word in query_words(query) {
        let tokens = analyse(&mut analyzer, &word.text);
        let [term] = tokens.as_slice() else { continue };
        if doc_freq(searcher, fields, term)? > 0 {
            continue;
        }
        let folded = analyse(&mut prefix_analyzer(), &word.text);
        let [typed] = folded.as_slice() else { continue };
        let Some(mut spelling) =
            best_spelling(searcher, fields, text_fields, term, typed, &mut analyzer)?
        else {
            continue;
        };
        if word.text.chars().next().is_some_and(char::is_uppercase) {
            let mut chars = spelling.chars();
            if let Some(first) = chars.next() {
                spelling = first.to_uppercase().chain(chars).collect();
            }
        }
        replacements.push((word.start, word.end, spelling));
    }
    if replacements.is_empty() {
        return Ok(None);
    }
    let mut out = String::new();
    let mut at = 0;
    for (start, end, text) in replacements {
        out.push_str(&query[at..start]);
        out.push_str(&text);
        at = end;
    }
    out.push_str(&query[at..]);
    Ok(Some(out))
}

fn doc_freq(searcher: &Searcher, fields: &[Field], term: &str) -> Result<u64> {
    let mut total = 0;
    for &field in fields {
        total += searcher.doc_freq(&Term::from_field_text(field, term))?;
    }
    Ok(total)
}

/// How many of the closest indexed words are spelt out and compared with what was typed.
const SPELLED_CANDIDATES: usize = 5;

/// The best correction of a word that no article holds, as the articles spell it.
///
/// Candidates are the indexed words within one or two edits of the word's stem `term` (the
/// closest and most frequent first), and the indexed words that the typed word starts with (a
/// misspelt ending can keep the stemmer from reducing a word: `privatisaton` stays as it is, while
/// "privatisation" is indexed as `privatis`). Each candidate is spelt as the articles spell it,
/// closest to `typed` (the typed word, folded); the spelling closest to `typed` wins, the more
/// frequent word on a tie. A candidate of the second kind must be spelt within the edit budget.
fn best_spelling(
    searcher: &Searcher,
    fields: &[Field],
    text_fields: &[Field],
    term: &str,
    typed: &str,
    analyzer: &mut TextAnalyzer,
) -> Result<Option<String>> {
    let budget = if typed.chars().count() <= 4 { 1 } else { 2 };
    let mut candidates: Vec<(String, u64, bool)> = close_terms(searcher, fields, term, budget)?
        .into_iter()
        .take(SPELLED_CANDIDATES)
        .map(|(candidate, freq)| (candidate, freq, true))
        .collect();
    for (end, _) in typed.char_indices().skip(4) {
        let start = &typed[..end];
        if start != term && !candidates.iter().any(|(c, _, _)| c == start) {
            let freq = doc_freq(searcher, fields, start)?;
            if freq > 0 {
                candidates.push((start.to_string(), freq, false));
            }
        }
    }
    let mut best: Option<(usize, u64, String)> = None;
    for (candidate, freq, close) in candidates {
        let spelling = spelling_of(searcher, fields, text_fields, &candidate, typed, analyzer)?
            .unwrap_or(candidate);
        let distance = edit_distance(&spelling, typed);
        if !close && distance > usize::from(budget) {
            continue;
        }
        let better = best.as_ref().is_none_or(|(d, f, s)| {
            (distance, std::cmp::Reverse(freq), &spelling) < (*d, std::cmp::Reverse(*f), s)
        });
        if better {
            best = Some((distance, freq, spelling));
        }
    }
    Ok(best.map(|(_, _, spelling)| spelling))
}

/// The indexed words within `budget` edits of `term` (an analysed word), closest and most
/// frequent first, with their document frequencies.
fn close_terms(
    searcher: &Searcher,
    fields: &[Field],
    term: &str,
    budget: u8,
) -> Result<Vec<(String, u64)>> {
    let mut found: HashMap<String, u64> = HashMap::new();
    for &field in fields {
        let automaton =
            FuzzyTermQuery::new(Term::from_field_text(field, term), budget, true).automaton()?;
        for segment in sample_segments(searcher) {
            let inverted = segment.inverted_index(field)?;
            let mut stream = inverted
                .terms()
                .search(&automaton)
                .into_stream()
                .map_err(tantivy::TantivyError::from)?;
            while stream.advance() {
                if let Ok(candidate) = std::str::from_utf8(stream.key()) {
                    *found.entry(candidate.to_string()).or_default() +=
                        u64::from(stream.value().doc_freq);
                }
            }
        }
    }
    found.remove(term);
    let mut ranked: Vec<(usize, u64, String)> = found
        .into_iter()
        .map(|(candidate, freq)| (edit_distance(term, &candidate), freq, candidate))
        .collect();
    ranked.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(b.1.cmp(&a.1))
            .then_with(|| a.2.cmp(&b.2))
    });
    Ok(ranked.into_iter().map(|(_, f, c)| (c, f)).collect())
}

/// How many articles' words are searched for corrections: enough for any word worth suggesting;
/// a large archive's other segments would only repeat them (each segment's dictionary is walked
/// with the edit automaton: all 63 segments of a 1M-article index took 60 ms).
const SUGGEST_SAMPLE_DOCS: u32 = 200_000;

/// The largest segments, until they hold [`SUGGEST_SAMPLE_DOCS`] articles.
fn sample_segments(searcher: &Searcher) -> Vec<&tantivy::SegmentReader> {
    let mut segments: Vec<&tantivy::SegmentReader> = searcher.segment_readers().iter().collect();
    segments.sort_by_key(|s| std::cmp::Reverse(s.max_doc()));
    let mut covered = 0u32;
    segments
        .into_iter()
        .take_while(|s| {
            let take = covered < SUGGEST_SAMPLE_DOCS;
            covered = covered.saturating_add(s.max_doc());
            take
        })
        .collect()
}

/// How the articles spell the indexed word `term`, choosing the spelling closest to `typed`:
/// the stem `sanction` is spelt "sanctions" for someone who typed `sanctoins`.
fn spelling_of(
    searcher: &Searcher,
    fields: &[Field],
    text_fields: &[Field],
    term: &str,
    typed: &str,
    analyzer: &mut TextAnalyzer,
) -> Result<Option<String>> {
    use tantivy::collector::TopDocs;
    use tantivy::schema::Value;
    let clauses: Vec<(Occur, Box<dyn Query>)> = fields
        .iter()
        .map(|&field| {
            let query: Box<dyn Query> = Box::new(TermQuery::new(
                Term::from_field_text(field, term),
                IndexRecordOption::Basic,
            ));
            (Occur::Should, query)
        })
        .collect();
    let query = BooleanQuery::new(clauses);
    let docs = searcher.search(&query, &TopDocs::with_limit(3).order_by_score())?;
    let mut spellings: HashMap<String, usize> = HashMap::new();
    for (_, address) in docs {
        let doc: TantivyDocument = searcher.doc(address)?;
        for &field in text_fields {
            for value in doc.get_all(field) {
                let Some(text) = value.as_str() else { continue };
                let mut stream = analyzer.token_stream(text);
                while stream.advance() {
                    let token = stream.token();
                    if token.text == term {
                        if let Some(original) = text.get(token.offset_from..token.offset_to) {
                            *spellings.entry(original.to_lowercase()).or_default() += 1;
                        }
                    }
                }
            }
        }
    }
    Ok(spellings
        .into_iter()
        .map(|(spelling, count)| (edit_distance(&spelling, typed), count, spelling))
        .min_by(|a, b| {
            a.0.cmp(&b.0)
                .then(b.1.cmp(&a.1))
                .then_with(|| a.2.cmp(&b.2))
        })
        .map(|(_, _, spelling)| spelling))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distances_count_transpositions_once() {
        assert_eq!(edit_distance("sanctions", "sanctoins"), 1);
        assert_eq!(edit_distance("veto", "vote"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn query_words_skip_fields_operators_and_prefixes() {
        let words: Vec<String> = query_words("headline:vetoo AND sanc* OR \"dead endd\" -Nébenzia")
            .into_iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(words, ["vetoo", "dead", "endd", "Nébenzia"]);
    }

    #[test]
    fn successor_bounds_a_prefix() {
        assert_eq!(successor(b"san"), Some(b"sao".to_vec()));
        assert_eq!(successor(&[b'a', 0xff]), Some(b"b".to_vec()));
        assert_eq!(successor(&[0xff]), None);
    }

    #[test]
    fn prefix_words_are_found_in_the_syntax_tree() {
        let ast = |q: &str| tantivy::query_grammar::parse_query(q).expect("parses");
        assert!(has_prefix(&ast("sanc*")));
        assert!(has_prefix(&ast("veto AND headline:sanc*")));
        assert!(has_prefix(&ast("(veto OR sanc*) -china")));
        assert!(!has_prefix(&ast("*")));
        assert!(!has_prefix(&ast("\"big bad wo\"*")));
        assert!(!has_prefix(&ast("sanctions veto")));
        assert!(may_have_prefix("veto sanc*"));
        assert!(!may_have_prefix("*"));
        assert!(!may_have_prefix("veto"));
    }
}
