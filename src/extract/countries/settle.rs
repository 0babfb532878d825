//! Settling: turns an article's mentions into countries, each once, in order of first mention —
//! names used for people dropped, `Korea`, `Congo` and `Georgia` settled from the rest of the
//! article, a shared place name given to the country the article mentions most (or to its clearly
//! biggest bearer), a capital explicit only when the government acts.
//!
//! Defines the public [`CountryRef`] and [`How`]; uses the gazetteer and the matching.

use serde::{Deserialize, Serialize};

use super::gazetteer::{Cx, Kind, Special, GAZ};
use super::scan::{scan, Mention, BIG_CITY};

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

/// A shared place name with no context goes to its most populous bearer only when that one is
/// this many times bigger than the next.
const CLEAR_LEAD: u64 = 2;

/// Detects the countries an article refers to, each once, in order of first mention; a country
/// referred to explicitly anywhere is `Explicit`, otherwise `Place`.
///
/// Context rules:
/// - a word that is also a personal name is not a country or place inside a longer name
///   ("Michael Jordan", "Chad Smith", "Paris Hilton", "Denzel Washington", "Philip French"), and
///   for the supplement's `person` words (and smaller places used as surnames, "Charles Rangel")
///   nowhere in an article that uses it so, datelines aside;
/// - a smaller place directly followed by another capitalised name is part of that name
///   ("Cambridge Analytica", "Lincoln County"), a big one is not ("Chicago Cubs");
/// - a place followed by ", `<state or province>`" (or a country name closing the phrase) belongs
///   there ("Paris, Texas", "Cambridge, Mass.", "Madrid, Philippines.");
/// - a shared place name goes to the country the article mentions most, a dateline city standing
///   alone to its most populous bearer, and otherwise to that bearer only when it is clearly the
///   biggest (bare "Newcastle" counts for nobody);
/// - a capital is explicit only when the government acts or is dealt with ("Beijing warned",
///   "talks with Moscow", "urges Ankara", "Pyongyang's appeals"), else it is a place;
/// - "Georgia" is the US state in an American context without a Georgian one; bare "Congo" is
///   DR Congo unless the article points to Brazzaville; "Korean" alone counts only for a Korea
///   the article otherwise makes clear (bare "Korea" is South Korea unless only North Korea is
///   named).
pub fn detect(headline: &str, dateline: Option<&str>, body: &str) -> Vec<CountryRef> {
    explain(headline, dateline, body)
        .into_iter()
        .map(|(c, _)| c)
        .collect()
}

/// [`detect`], with the phrase of each country's first mention (for debugging the gazetteer).
#[doc(hidden)]
pub fn explain(headline: &str, dateline: Option<&str>, body: &str) -> Vec<(CountryRef, String)> {
    let g = &*GAZ;
    let mut mentions = Vec::new();
    scan(headline, 0, None, true, &mut mentions);
    let base = headline.len() + 1;
    let dl = dateline.and_then(|d| {
        let d = d.trim();
        (!d.is_empty()).then(|| body.find(d).map(|i| (base + i, base + i + d.len())))?
    });
    scan(body, base, dl, false, &mut mentions);

    // names used for people in this article ("Michael Jordan" -> every bare "Jordan" too)
    // (a plain place is a surname here too, unless the article also uses it as a location:
    // "Charles Rangel ... Rangel said", but "John Bolton ... flights from Bolton")
    let located_words: Vec<usize> = mentions
        .iter()
        .filter(|m| m.locative)
        .map(|m| m.pat)
        .collect();
    let person_words: Vec<&str> = mentions
        .iter()
        .filter(|m| {
            let p = &g.patterns[m.pat];
            let plain_place = p.explicit.is_none()
                && !located_words.contains(&m.pat)
                && p.places.first().is_some_and(|x| x.1 < BIG_CITY);
            m.person && (p.propagate || (m.surname && plain_place))
        })
        .map(|m| g.patterns[m.pat].text.as_str())
        .collect();
    let mentions: Vec<Mention> = mentions
        .into_iter()
        .filter(|m| {
            !m.person
                && (m.line_start
                    || m.in_dateline
                    || !person_words.contains(&g.patterns[m.pat].text.as_str()))
        })
        .collect();

    // first pass: unambiguous evidence
    let mut explicit: Vec<Cx> = Vec::new();
    let mut placed: Vec<Cx> = Vec::new();
    for m in &mentions {
        let p = &g.patterns[m.pat];
        if p.special != Special::None {
            continue;
        }
        if let Some((cx, _)) = p.explicit {
            explicit.push(cx);
        } else if p.places.len() == 1 {
            placed.push(p.places[0].0);
        }
    }
    let evidence = |cx: Cx| explicit.contains(&cx) || placed.contains(&cx);
    let weight = |cx: Cx| {
        explicit.iter().filter(|&&c| c == cx).count() + placed.iter().filter(|&&c| c == cx).count()
    };
    let us = g.cx("US").unwrap_or(0);
    // an American setting: the US named, or a place whose best reading is American
    let us_context = mentions.iter().any(|m| {
        let p = &g.patterns[m.pat];
        p.special == Special::None
            && (p.explicit.map(|x| x.0) == Some(us) || p.places.first().map(|x| x.0) == Some(us))
    });

    let mut found: Vec<(Cx, How, usize, usize)> = Vec::new();
    let mut note = |cx: Cx, how: How, pos: usize, pat: usize| {
        if let Some(f) = found.iter_mut().find(|f| f.0 == cx) {
            if how == How::Explicit {
                f.1 = How::Explicit;
            }
        } else {
            found.push((cx, how, pos, pat));
        }
    };
    for m in &mentions {
        let p = &g.patterns[m.pat];
        match p.special {
            Special::Korea => {
                let (kp, kr) = (g.cx("KP").unwrap_or(0), g.cx("KR").unwrap_or(0));
                let bare_korea = p.text == "Korea";
                match (evidence(kp), evidence(kr)) {
                    (true, false) => note(kp, How::Explicit, m.pos, m.pat),
                    (false, true) => note(kr, How::Explicit, m.pos, m.pat),
                    (false, false) if bare_korea => note(kr, How::Explicit, m.pos, m.pat),
                    _ => {}
                }
                continue;
            }
            Special::Congo => {
                let (cd, cg) = (g.cx("CD").unwrap_or(0), g.cx("CG").unwrap_or(0));
                let cx = if evidence(cg) && !evidence(cd) {
                    cg
                } else {
                    cd
                };
                note(cx, How::Explicit, m.pos, m.pat);
                continue;
            }
            Special::Georgia => {
                let ge = g.cx("GE").unwrap_or(0);
                if !evidence(ge) && us_context {
                    note(us, How::Place, m.pos, m.pat);
                } else {
                    note(ge, How::Explicit, m.pos, m.pat);
                }
                continue;
            }
            Special::None => {}
        }
        // "Paris, Texas", "Athens, Georgia": a capital's namesake in another country
        let qualified_elsewhere = p.explicit.and_then(|(cx, kind)| {
            let q = &g.patterns[m.qualifier?];
            if kind != Kind::Capital {
                return None;
            }
            let qc = if q.special == Special::Georgia && us_context {
                us
            } else if q.explicit.is_none() && q.region {
                q.places.first()?.0
            } else if let Some((qc, Kind::Name)) = q.explicit.filter(|_| m.qual_closed) {
                qc
            } else {
                return None;
            };
            (qc != cx).then_some(qc)
        });
        if let Some(qc) = qualified_elsewhere {
            note(qc, How::Place, m.pos, m.pat);
            continue;
        }
        if let Some((cx, kind)) = p.explicit {
            let how = if kind == Kind::Capital && (m.located || m.in_dateline) {
                How::Place
            } else {
                How::Explicit
            };
            note(cx, how, m.pos, m.pat);
            continue;
        }
        if p.places.is_empty() {
            continue;
        }
        // "Paris, Texas": the qualifier's country decides
        let qual_country = m.qualifier.and_then(|q| {
            let qp = &g.patterns[q];
            if qp.special == Special::Georgia {
                // "Atlanta, Georgia": the state, unless Georgia is the country here
                return p.places.iter().find(|(c, _)| *c == us).map(|x| x.0);
            }
            qp.explicit
                .filter(|(_, k)| *k == Kind::Name)
                .map(|(c, _)| c)
                .or_else(|| qp.places.first().filter(|_| qp.region).map(|x| x.0))
        });
        let cx = match qual_country {
            Some(c) => c,
            // the bearer whose country the article mentions most ("Newcastle" in an article
            // about England's rugby side that names Australia once)
            None if m.line_start || m.in_dateline => p.places[0].0,
            None => match p
                .places
                .iter()
                .filter(|(c, _)| evidence(*c))
                .max_by_key(|(c, pop)| (weight(*c), *pop))
            {
                Some(x) => x.0,
                // no context: the most populous bearer, unless another is nearly as big
                // ("Newcastle": Australia's, South Africa's or England's)
                None if p
                    .places
                    .get(1)
                    .is_some_and(|x| x.1 * CLEAR_LEAD > p.places[0].1) =>
                {
                    continue
                }
                None => p.places[0].0,
            },
        };
        note(cx, How::Place, m.pos, m.pat);
    }
    found.sort_by_key(|f| f.2);
    found
        .into_iter()
        .map(|(cx, how, _, pat)| {
            let c = &g.countries[cx as usize];
            let r = CountryRef {
                code: c.code.to_string(),
                name: c.name.to_string(),
                how,
            };
            (r, g.patterns[pat].text.clone())
        })
        .collect()
}
