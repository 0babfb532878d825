/*!
The evidence of an attributed quote as results show it: the attribution sentence read back from
the article's body, the words in it that name the source (as offsets to highlight), the cue that
tied the quote and how sure the tie is. Shared by `quotes` and `show`.
*/

use serde::{Deserialize, Serialize};

use crate::extract::speakers::{Confidence, Cue, Link, Quote};

/// How a quote was attributed, with the sentence that says so.
///
/// # Wire format (flattened into each quote)
///
/// ```text
/// "confidence": "high", "cue": "verb", "cue_text": "said", "link": "name",
/// "attribution": "\"We will not move,\" Ana Ruiz said on Monday.",
/// "source": "Ana Ruiz", "highlights": [[20, 28]]
/// ```
///
/// `highlights` are `[start, end)` character offsets into `attribution` of the words that name
/// the source (the name, or the pronoun or role noun that stands for it).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// `high`: the name is in the quote's own sentence; `medium`: one step away (a pronoun, a
    /// role noun, a paragraph continuing a `high` quote); `low`: further.
    pub confidence: Confidence,
    /// What tied the quote to its source: `verb`, `according_to`, `colon`, `signed`,
    /// `transcript`, `speech_noun`, `continuation`, `headline` or `none`.
    pub cue: Cue,
    /// The cue's words as written (`said`, `told reporters`, `:`); empty when there are none.
    pub cue_text: String,
    /// How the name was reached from the cue: `name`, `pronoun`, `role`, `previous` or `none`.
    pub link: Link,
    /// The attribution sentence or sentences: the quote with the words that name its source.
    pub attribution: String,
    /// The words of `attribution` that name the source, when there are any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Where `source` is in `attribution` (character offsets).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<[usize; 2]>,
}

/// The byte offset in `text` of each character offset of `offsets`; `None` when one lies past
/// the end.
fn byte_offsets<const N: usize>(text: &str, offsets: [usize; N]) -> Option<[usize; N]> {
    let last = offsets.iter().copied().max().unwrap_or(0);
    let mut out = [usize::MAX; N];
    let mut count = 0;
    for (n, (b, _)) in text.char_indices().enumerate() {
        if n > last {
            break;
        }
        for (slot, &offset) in out.iter_mut().zip(&offsets) {
            if offset == n {
                *slot = b;
            }
        }
        count = n + 1;
    }
    for (slot, &offset) in out.iter_mut().zip(&offsets) {
        if *slot == usize::MAX && offset == count {
            *slot = text.len();
        }
    }
    out.iter().all(|&b| b != usize::MAX).then_some(out)
}

impl Evidence {
    /// The evidence of `quote`, read from the body it was extracted from. Offsets that do not
    /// fit the body (an index written by an older extractor) give an empty attribution.
    pub fn of(quote: &Quote, body: &str) -> Evidence {
        let [a0, a1] = quote.attribution;
        let mut evidence = Evidence {
            confidence: quote.confidence,
            cue: quote.cue,
            cue_text: quote.cue_text.clone(),
            link: quote.link,
            ..Evidence::default()
        };
        if a1 <= a0 {
            return evidence;
        }
        let [s0, s1] = quote.source.unwrap_or([a0, a0]);
        let Some([b0, b1, c0, c1]) = byte_offsets(body, [a0, a1, s0, s1]) else {
            return evidence;
        };
        let Some(attribution) = body.get(b0..b1) else {
            return evidence;
        };
        // Leading and trailing white space trimmed; highlights shifted to match.
        let lead = attribution.len() - attribution.trim_start().len();
        let lead_chars = attribution[..lead].chars().count();
        evidence.attribution = attribution.trim().to_string();
        if quote.source.is_some() && a0 <= s0 && s0 < s1 && s1 <= a1 {
            if let Some(source) = body.get(c0..c1) {
                evidence.source = Some(source.to_string());
                let start = (s0 - a0).saturating_sub(lead_chars);
                evidence.highlights = vec![[start, start + (s1 - s0)]];
            }
        }
        evidence
    }

    /// Whether the evidence was recorded (indexes written before it was have none).
    pub fn is_recorded(&self) -> bool {
        !self.attribution.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(body: &str, text: &str, source: Option<&str>, sentence: &str) -> Quote {
        let chars = |needle: &str| {
            let b = body.find(needle).unwrap_or(0);
            let start = body[..b].chars().count();
            [start, start + needle.chars().count()]
        };
        let [start, end] = chars(text);
        Quote {
            speaker: source.map(str::to_string),
            text: text.to_string(),
            direct: true,
            start,
            end,
            cue: Cue::Verb,
            cue_text: "said".to_string(),
            link: Link::Name,
            confidence: Confidence::High,
            attribution: chars(sentence),
            source: source.map(chars),
        }
    }

    #[test]
    fn evidence_reads_the_sentence_and_highlights_the_name() {
        let body =
            "Rain fell. \u{201c}We will not move,\u{201d} said Ana Ruíz, the mayor. More rain.";
        let sentence = "\u{201c}We will not move,\u{201d} said Ana Ruíz, the mayor.";
        let q = quote(body, "We will not move,", Some("Ana Ruíz"), sentence);
        let evidence = Evidence::of(&q, body);
        assert_eq!(evidence.attribution, sentence);
        assert_eq!(evidence.source.as_deref(), Some("Ana Ruíz"));
        let [[a, b]] = evidence.highlights[..] else {
            panic!("one highlight expected: {:?}", evidence.highlights);
        };
        let highlighted: String = sentence.chars().skip(a).take(b - a).collect();
        assert_eq!(highlighted, "Ana Ruíz");
        assert!(evidence.is_recorded());
    }

    #[test]
    fn offsets_outside_the_body_give_no_evidence_text() {
        let body = "Short.";
        let mut q = quote(body, "Short.", None, "Short.");
        q.attribution = [40, 90];
        let evidence = Evidence::of(&q, body);
        assert!(!evidence.is_recorded());
        assert_eq!(evidence.confidence, Confidence::High);
        q.attribution = [0, 0];
        assert!(!Evidence::of(&q, body).is_recorded());
    }
}
