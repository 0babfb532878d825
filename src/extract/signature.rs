/*!
The wire-copy signature: the same story printed several times, lightly edited (another headline,
a sentence more or less, another dateline), gets the same band keys.

Each article gets a MinHash signature of its body's 5-word shingles at index time (32 hash
functions, in the parallel extraction workers), kept as 8 locality-sensitive band keys of 4
minima each in a multi-valued fast field (`dup_band`, about 35 bytes an article). Two articles
sharing a band key are candidates (4 equal minima: likely for a Jaccard similarity of 0.7 and
more, rare below 0.3); a candidate pair is a copy only if checked exactly on the texts
([`same_story`]): shingle Jaccard ≥ 0.5 or ≥ 0.8 of the shorter body's shingles in the longer,
and the figures (words with digits) of the shorter all in the longer, so that two daily market
reports written on one template with other numbers stay two stories. Grouping search hits by
these keys is `query::dupes`'s.
*/

use std::collections::HashSet;

/// Bands of the signature, and minima per band.
pub const BANDS: usize = 8;
const ROWS: usize = 4;
const HASHES: usize = BANDS * ROWS;
/// Words per shingle.
const SHINGLE: usize = 5;

/// The words of a text as compared: lower-cased runs of letters and digits.
fn words(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    // Whether the character at `i` is a letter or digit, and its length in bytes.
    let at = move |i: usize| -> (bool, usize) {
        let b = bytes[i];
        if b.is_ascii() {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            text[i..]
                .chars()
                .next()
                .map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8()))
        }
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let (word, len) = at(i);
            if word {
                break;
            }
            i += len;
        }
        let start = i;
        while i < bytes.len() {
            let (word, len) = at(i);
            if !word {
                break;
            }
            i += len;
        }
        (i > start).then(|| &text[start..i])
    })
}

/// The hashes of a text's words, lower-cased. Words of ASCII letters and digits (nearly all of
/// a news text's) are lower-cased byte by byte; others go through `char::to_lowercase`, which
/// gives the same bytes for ASCII.
fn word_hashes(text: &str) -> Vec<u64> {
    let mut hashes = Vec::with_capacity(text.len() / 6);
    let mut lower = String::new();
    let mut buffer = [0u8; 32];
    for word in words(text) {
        let bytes = word.as_bytes();
        if bytes.len() <= buffer.len() && bytes.is_ascii() {
            let out = &mut buffer[..bytes.len()];
            for (o, b) in out.iter_mut().zip(bytes) {
                *o = b.to_ascii_lowercase();
            }
            hashes.push(xxhash_rust::xxh3::xxh3_64(out));
        } else {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            hashes.push(xxhash_rust::xxh3::xxh3_64(lower.as_bytes()));
        }
    }
    hashes
}

/// Hash of one shingle (a window of word hashes).
fn shingle_hash(words: &[u64]) -> u64 {
    words.iter().fold(0x9E37_79B9_7F4A_7C15_u64, |h, &w| {
        (h.rotate_left(23) ^ w).wrapping_mul(0xA076_1D64_78BD_642F)
    })
}

/// The hashes of a text's 5-word shingles, repeats included (the whole text as one shingle
/// when it is shorter).
fn shingle_hashes(words: &[u64]) -> impl Iterator<Item = u64> + '_ {
    let short = (!words.is_empty() && words.len() < SHINGLE).then(|| shingle_hash(words));
    short
        .into_iter()
        .chain(words.windows(SHINGLE).map(shingle_hash))
}

/// The set of a text's shingle hashes.
fn shingles(text: &str) -> HashSet<u64> {
    shingle_hashes(&word_hashes(text)).collect()
}

/// Odd multipliers and offsets of the hash functions (fixed: signatures are stored).
fn hash_function(i: usize) -> (u64, u64) {
    let a = xxhash_rust::xxh3::xxh3_64_with_seed(b"newsdex-minhash-a", i as u64) | 1;
    let b = xxhash_rust::xxh3::xxh3_64_with_seed(b"newsdex-minhash-b", i as u64);
    (a, b)
}

/// The hash functions, computed once.
fn functions() -> &'static [(u64, u64); HASHES] {
    static FUNCTIONS: std::sync::OnceLock<[(u64, u64); HASHES]> = std::sync::OnceLock::new();
    FUNCTIONS.get_or_init(|| std::array::from_fn(hash_function))
}

/// The band keys of a body: `band << 32 | hash of the band's minima`; none for an empty body.
pub fn band_keys(body: &str) -> Vec<u64> {
    let words = word_hashes(body);
    if words.is_empty() {
        return Vec::new();
    }
    // Minima over every shingle, repeats included: the same as over the set, without building it.
    signature_keys(shingle_hashes(&words))
}

/// The band keys of the MinHash signature of some shingle hashes (at least one).
fn signature_keys(shingles: impl Iterator<Item = u64>) -> Vec<u64> {
    let functions = functions();
    let mut minima = [u64::MAX; HASHES];
    for x in shingles {
        for (min, &(a, b)) in minima.iter_mut().zip(functions) {
            *min = (*min).min(x.wrapping_mul(a).wrapping_add(b));
        }
    }
    minima
        .chunks(ROWS)
        .enumerate()
        .map(|(band, rows)| {
            let bytes: Vec<u8> = rows.iter().flat_map(|r| r.to_le_bytes()).collect();
            let hash = xxhash_rust::xxh3::xxh3_64_with_seed(&bytes, band as u64) & 0xFFFF_FFFF;
            ((band as u64) << 32) | hash
        })
        .collect()
}

/// The figures of a text: its words holding a digit.
fn figures(text: &str) -> HashSet<&str> {
    words(text)
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .collect()
}

/// Whether two bodies are copies of one story (see the module documentation).
pub fn same_story(a: &str, b: &str) -> bool {
    let (sa, sb) = (shingles(a), shingles(b));
    if sa.is_empty() || sb.is_empty() {
        return false;
    }
    let common = sa.intersection(&sb).count();
    let union = sa.len() + sb.len() - common;
    let jaccard = common as f64 / union as f64;
    let containment = common as f64 / sa.len().min(sb.len()) as f64;
    if jaccard < 0.5 && containment < 0.8 {
        return false;
    }
    let (short, long) = if sa.len() <= sb.len() { (a, b) } else { (b, a) };
    figures(short).is_subset(&figures(long))
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "The Security Council failed on Thursday to adopt a resolution that would \
        have tightened sanctions on North Korea after China and Russia cast vetoes, the first \
        serious split among the five permanent members over the country since 2006. Thirteen \
        members voted in favour of the draft, which the United States wrote after a string of \
        missile launches this year. The ambassador of China said more sanctions would lead \
        nowhere and called for talks. Russia's envoy said the draft ignored the humanitarian \
        situation in the country.";

    #[test]
    fn a_lightly_edited_copy_is_the_same_story() {
        let edited = STORY.replace("on Thursday", "on Thursday in New York")
            + " Diplomats said talks would go on.";
        assert!(same_story(STORY, &edited));
        let a = band_keys(STORY);
        let b = band_keys(&edited);
        assert_eq!(a.len(), BANDS);
        assert!(a.iter().any(|k| b.contains(k)), "a copy shares a band");
        assert_eq!(band_keys(STORY), a, "signatures are deterministic");
    }

    /// The signature as first defined: words split by `char`, lower-cased by `char`, minima
    /// over the set of shingles (the keys of the minima are `signature_keys` either way).
    /// Stored signatures must not change without a format bump.
    fn reference_band_keys(body: &str) -> Vec<u64> {
        let words: Vec<u64> = body
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| {
                let lower: String = w.chars().flat_map(char::to_lowercase).collect();
                xxhash_rust::xxh3::xxh3_64(lower.as_bytes())
            })
            .collect();
        let set: HashSet<u64> = if words.len() < SHINGLE {
            words
                .first()
                .map(|_| shingle_hash(&words))
                .into_iter()
                .collect()
        } else {
            words.windows(SHINGLE).map(shingle_hash).collect()
        };
        if set.is_empty() {
            return Vec::new();
        }
        signature_keys(set.into_iter())
    }

    #[test]
    fn signatures_match_the_reference_definition() {
        let texts = [
            STORY,
            "",
            "Only four words here",
            "  ¡Señor Ñúñez! said ÉCOLE: «ça va» — 2,000 ÅNGSTRÖM-long İstanbul ǅemal ß ẞ …",
            "Short, with repeats: the the the the the the the the the the the.",
            "a b c d e",
        ];
        for text in texts {
            assert_eq!(band_keys(text), reference_band_keys(text), "{text:?}");
        }
        let ascii_words: Vec<&str> = words("it's U.S.-led, 3-to-1; Zürich").collect();
        assert_eq!(
            ascii_words,
            ["it", "s", "U", "S", "led", "3", "to", "1", "Zürich"]
        );
    }

    #[test]
    fn other_figures_or_other_stories_are_not_copies() {
        let report = "Gold closed at 1,812 dollars an ounce on Monday, up 3 dollars, and silver \
                      at 22.10 dollars, traders in London said. Volume was thin ahead of the \
                      holiday and dealers expected little change before the data.";
        let next_day = report.replace("1,812", "1,790").replace("up 3", "down 22");
        assert!(!same_story(report, &next_day));
        assert!(!same_story(STORY, report));
        assert!(same_story(report, report));
        assert!(band_keys("").is_empty());
    }
}
