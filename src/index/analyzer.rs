/*!
The `news` text analyzer: words, lower-cased, accents folded, English stems.

Its output is exactly that of tantivy's own chain (`SimpleTokenizer`, `RemoveLongFilter`,
`LowerCaser`, `AsciiFoldingFilter`, `Stemmer`), but lower-casing, folding and stemming run once
per distinct word rather than once per occurrence: [`Normalize`] keeps the answers in a table.
News text repeats its words (a few thousand distinct words make up most of an archive's
occurrences), and the Snowball stemmer was a fifth of the indexing time before the table.
*/

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer,
    Stemmer, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

/// The name the analyzer is registered under in the index.
pub const ANALYZER: &str = "news";

/// Longest word indexed, in bytes (longer ones are dropped, as tantivy's `RemoveLongFilter`).
const MAX_WORD: usize = 40;

/// How many distinct words a table holds before it starts over (bounds its memory to a few MB).
const MAX_CACHED: usize = 100_000;

/// The `news` analyzer: words, lower-cased, accents folded, English stems.
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_WORD))
        .filter(Normalize)
        .build()
}

/// The same analysis as tantivy's filters alone, with no table: what [`Normalize`] computes for
/// a word it has not seen, and the reference the tests compare [`analyzer`] with.
pub fn uncached_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_WORD))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// Lower-cases, folds and stems one word at a time.
fn word_normalizer() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// Token filter: lower-case, fold and stem each token, remembering the answer for each word.
#[derive(Clone, Copy, Debug, Default)]
pub struct Normalize;

impl TokenFilter for Normalize {
    type Tokenizer<T: Tokenizer> = NormalizeFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> NormalizeFilter<T> {
        NormalizeFilter {
            inner: tokenizer,
            normalizer: word_normalizer(),
            cache: FxHashMap::default(),
        }
    }
}

/// The tokenizer [`Normalize`] makes; each copy (tantivy keeps one per field and indexing
/// thread) has its own table.
#[derive(Clone)]
pub struct NormalizeFilter<T> {
    inner: T,
    normalizer: TextAnalyzer,
    cache: FxHashMap<u128, Short>,
}

/// Words of up to this many bytes are remembered (nearly all of them; longer ones are
/// normalised every time). A word is its own key, padded with zeros (words hold no zeros): the
/// table holds no pointers, so a lookup touches one line of memory.
const SHORT: usize = 16;

fn key(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.len() > SHORT {
        return None;
    }
    let mut padded = [0u8; SHORT];
    padded[..bytes.len()].copy_from_slice(bytes);
    Some(u128::from_le_bytes(padded))
}

/// A normalised word of up to 23 bytes, stored inline.
#[derive(Clone, Copy)]
struct Short {
    len: u8,
    bytes: [u8; 23],
}

impl Short {
    fn new(text: &str) -> Option<Short> {
        let len = text.len();
        let mut bytes = [0u8; 23];
        bytes.get_mut(..len)?.copy_from_slice(text.as_bytes());
        Some(Short {
            len: len as u8,
            bytes,
        })
    }

    fn as_str(&self) -> &str {
        // Always a whole `str`: copied from one in `new`.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl<T: Tokenizer> Tokenizer for NormalizeFilter<T> {
    type TokenStream<'a> = NormalizeStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        NormalizeStream {
            tail: self.inner.token_stream(text),
            normalizer: &mut self.normalizer,
            cache: &mut self.cache,
        }
    }
}

pub struct NormalizeStream<'a, T> {
    tail: T,
    normalizer: &'a mut TextAnalyzer,
    cache: &'a mut FxHashMap<u128, Short>,
}

impl<T: TokenStream> TokenStream for NormalizeStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        let key = key(&token.text);
        if let Some(normal) = key.and_then(|k| self.cache.get(&k)) {
            token.text.clear();
            token.text.push_str(normal.as_str());
            return true;
        }
        let word = std::mem::take(&mut token.text);
        let normal = {
            let mut one = self.normalizer.token_stream(&word);
            if one.advance() {
                std::mem::take(&mut one.token_mut().text)
            } else {
                word.clone()
            }
        };
        if let (Some(key), Some(short)) = (key, Short::new(&normal)) {
            if self.cache.len() >= MAX_CACHED {
                self.cache.clear();
            }
            self.cache.insert(key, short);
        }
        token.text = normal;
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            let t = stream.token();
            out.push((t.text.clone(), t.offset_from, t.offset_to, t.position));
        }
        out
    }

    #[test]
    fn same_tokens_as_tantivys_chain() {
        let text = "Vassily NEBENZIA vetoed the vetoes; Nébenzia's «veto» São Paulo ÉLYSÉE \
                    naïve façade Straße ﬁnancial running runs ran 1987 U.S. \
                    supercalifragilisticexpialidociouslylongwordthatisdropped ok";
        let mut cached = analyzer();
        let mut plain = uncached_analyzer();
        let expected = tokens(&mut plain, text);
        assert!(expected.iter().any(|t| t.0 == "veto"));
        assert!(expected.iter().any(|t| t.0 == "nebenzia"));
        // Twice: the second pass is answered from the table.
        assert_eq!(tokens(&mut cached, text), expected);
        assert_eq!(tokens(&mut cached, text), expected);
    }

    #[test]
    fn a_full_table_starts_over_and_stays_right() {
        let mut cached = analyzer();
        let mut plain = uncached_analyzer();
        let text: String = (0..MAX_CACHED + 10)
            .map(|i| format!("Word{i}ing "))
            .collect();
        assert_eq!(tokens(&mut cached, &text), tokens(&mut plain, &text));
    }

    fn stemmed(text: &str) -> Vec<String> {
        let mut analyzer = analyzer();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn analyzer_stems_and_folds() {
        assert_eq!(stemmed("vetoed vetoes veto"), ["veto", "veto", "veto"]);
        assert_eq!(stemmed("Sanctions"), ["sanction"]);
        assert_eq!(stemmed("Nébenzia"), stemmed("Nebenzia"));
    }
}
