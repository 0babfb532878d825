//! The documented JSON formats, read back with unknown fields rejected.
//!
//! Every documented field is declared, so a missing one fails deserialisation, even where no
//! test reads it.
#![allow(dead_code)]

use serde::Deserialize;

use crate::util::Fixture;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Results {
    pub query: String,
    pub total_hits: usize,
    pub hits: Vec<Hit>,
    pub facets: Facets,
    /// Only with --since/--until.
    #[serde(default)]
    pub undated_excluded: Option<u64>,
    /// Only when nothing matched and a close word exists.
    #[serde(default)]
    pub did_you_mean: Option<String>,
    /// Only when there is something to say (a capped prefix).
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hit {
    pub rank: usize,
    pub score: f32,
    pub path: String,
    pub article: u64,
    pub headline: String,
    pub dateline: Option<String>,
    pub date: Option<String>,
    pub source: String,
    /// Only when the page or metadata gives one.
    #[serde(default)]
    pub url: Option<String>,
    pub speakers: Vec<String>,
    pub countries: Vec<Country>,
    pub snippets: Vec<Snippet>,
    /// Near-identical copies of the story (absent when none).
    #[serde(default)]
    pub copies: Vec<Copy>,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Copy {
    pub path: String,
    pub article: u64,
    pub headline: String,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Country {
    pub code: String,
    pub name: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<[usize; 2]>,
}

impl Snippet {
    /// The highlighted words.
    pub fn marked(&self) -> Vec<String> {
        self.highlights
            .iter()
            .map(|[a, b]| self.text.chars().skip(*a).take(b - a).collect())
            .collect()
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Facets {
    pub speaker: Vec<FacetCount>,
    pub country: Vec<CountryCount>,
    pub source: Vec<FacetCount>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FacetCount {
    pub value: String,
    pub count: u64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountryCount {
    pub value: String,
    pub code: String,
    pub count: u64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extracted {
    pub path: String,
    pub article: usize,
    pub headline: String,
    pub dateline: Option<String>,
    pub date: Option<String>,
    pub speakers: Vec<String>,
    pub countries: Vec<ExtractedCountry>,
    pub quotes: Vec<Quote>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtractedCountry {
    pub code: String,
    pub name: String,
    pub how: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub speaker: Option<String>,
    pub text: String,
    pub direct: bool,
    pub start: usize,
    pub end: usize,
    pub cue: String,
    pub cue_text: String,
    pub link: String,
    pub confidence: String,
    pub attribution: [usize; 2],
    pub source: Option<[usize; 2]>,
}

#[test]
fn search_json_has_the_documented_shape() {
    let fixture = Fixture::corpus();
    let results = fixture.search_json("sanctions", &["--limit", "3"]);
    assert_eq!(results.query, "sanctions");
    assert!(results.total_hits > 3, "{results:?}");
    assert_eq!(results.hits.len(), 3);
    let ranks: Vec<usize> = results.hits.iter().map(|h| h.rank).collect();
    assert_eq!(ranks, [1, 2, 3]);
    assert!(results.hits.windows(2).all(|w| w[0].score >= w[1].score));
    for hit in &results.hits {
        assert!(!hit.headline.is_empty() && !hit.path.is_empty());
        assert!(!hit.snippets.is_empty() && hit.snippets.len() <= 3);
    }
    let paged = fixture.search_json("sanctions", &["--limit", "2", "--offset", "1"]);
    assert_eq!(paged.hits[0].rank, 2);
    assert_eq!(paged.hits[0].path, results.hits[1].path);
    assert_eq!(paged.hits[0].article, results.hits[1].article);
}
