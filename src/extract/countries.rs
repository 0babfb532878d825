/*!
Country detection (placeholder until the gazetteer-based detector lands).
*/

use serde::{Deserialize, Serialize};

/// How an article refers to a country.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum How {
    /// By name, alias, demonym, capital-as-government or institution.
    Explicit,
    /// Only through a place inside it (a city, region, or a dateline).
    Place,
}

/// A country an article refers to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountryRef {
    /// ISO 3166-1 alpha-2 code (`XK` for Kosovo).
    pub code: String,
    /// Canonical English short name ("United States", "North Korea").
    pub name: String,
    pub how: How,
}

/// A country of the gazetteer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Country {
    pub code: &'static str,
    pub name: &'static str,
    /// UN M49 region ("Asia") and sub-region ("Eastern Asia").
    pub region: &'static str,
    pub subregion: &'static str,
}

const PLACEHOLDER: &[(&str, &str, &str, &str, &[&str])] = &[
    (
        "CN",
        "China",
        "Asia",
        "Eastern Asia",
        &["China", "Chinese", "Beijing"],
    ),
    (
        "RU",
        "Russia",
        "Europe",
        "Eastern Europe",
        &["Russia", "Russian", "Moscow", "Kremlin"],
    ),
    (
        "US",
        "United States",
        "Americas",
        "Northern America",
        &["United States", "U.S.", "American", "Washington"],
    ),
    (
        "KP",
        "North Korea",
        "Asia",
        "Eastern Asia",
        &["North Korea", "Pyongyang"],
    ),
    (
        "UA",
        "Ukraine",
        "Europe",
        "Eastern Europe",
        &["Ukraine", "Ukrainian", "Kyiv"],
    ),
];

/// Detects the countries an article refers to.
pub fn detect(headline: &str, dateline: Option<&str>, body: &str) -> Vec<CountryRef> {
    let text = format!("{headline}\n{}\n{body}", dateline.unwrap_or(""));
    PLACEHOLDER
        .iter()
        .filter(|(_, _, _, _, names)| names.iter().any(|n| text.contains(n)))
        .map(|(code, name, ..)| CountryRef {
            code: code.to_string(),
            name: name.to_string(),
            how: How::Explicit,
        })
        .collect()
}

/// What a user's country name resolves to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolved {
    One(Country),
    Ambiguous(Vec<Country>),
    Unknown,
}

/// Resolves a name, alias, demonym or ISO code, case-insensitively.
pub fn resolve(query: &str) -> Resolved {
    let q = query.trim();
    for (code, name, region, subregion, names) in PLACEHOLDER {
        if code.eq_ignore_ascii_case(q)
            || name.eq_ignore_ascii_case(q)
            || names.iter().any(|n| n.eq_ignore_ascii_case(q))
        {
            return Resolved::One(Country {
                code,
                name,
                region,
                subregion,
            });
        }
    }
    Resolved::Unknown
}

/// The country with this ISO code.
pub fn by_code(code: &str) -> Option<Country> {
    PLACEHOLDER
        .iter()
        .find(|(c, ..)| c.eq_ignore_ascii_case(code))
        .map(|(code, name, region, subregion, _)| Country {
            code,
            name,
            region,
            subregion,
        })
}
