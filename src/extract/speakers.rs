/*!
Speaker attribution (placeholder until the speaker extractor lands).
*/

use serde::{Deserialize, Serialize};

/// A quote attributed in an article body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The fullest form of the speaker's name, or `None` for unnamed or organisational sources.
    pub speaker: Option<String>,
    /// The quoted or reported words.
    pub text: String,
    /// `true` for words inside quotation marks, `false` for reported speech.
    pub direct: bool,
    /// Character offset of `text` in the body.
    pub start: usize,
    /// Character offset of the end of `text` in the body (exclusive).
    pub end: usize,
}

/// The speakers and quotes of one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attribution {
    pub speakers: Vec<String>,
    pub quotes: Vec<Quote>,
}

/// Attributes the quotes of an article. `headline` counts for speakers but quotes' offsets refer
/// to `body` only.
pub fn attribute(_headline: &str, _body: &str) -> Attribution {
    Attribution::default()
}
