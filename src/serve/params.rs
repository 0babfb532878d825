/*!
Query parameters: the command line's options as `?name=value` pairs, with the limits every
request is held to.

A parameter may repeat where its flag may (`speaker=A&speaker=B` is `--speaker A --speaker B`:
any of them), so the query string is read as a list of pairs with `form_urlencoded` rather than
into a struct. Empty values count as absent, so that an empty box of a form filters nothing.

The limits: the whole query string, the search query (`q`, 4 KiB like a long command line), each
other value, the number of values of one parameter, the page size (`limit`) and the page depth
(`offset + limit`) are bounded; past a bound the request gets 413, a malformed value 400, both
naming the parameter.

[`FILTERS`] lists the filters shared by search, facets, timeline and co-occurrence: a new facet
that can filter (issue 20's `source`) is one more entry there, and the page's chips and links
follow.
*/

use newsdex::analysis::timeline::Period;
use newsdex::ingest::dates::{Day, End};
use newsdex::query::request::{SearchRequest, Sort};

use crate::serve::error::ServeError;

/// Longest query string (all parameters together), in bytes.
pub const MAX_QUERY_STRING: usize = 16 * 1024;
/// Longest search query (`q`), in bytes.
pub const MAX_QUERY: usize = 4096;
/// Longest value of any other parameter, in bytes.
pub const MAX_VALUE: usize = 512;
/// Most values one parameter may have (`speaker=` repeated).
pub const MAX_VALUES: usize = 64;
/// Most hits, quotes, values or pairs one request may ask for.
pub const MAX_LIMIT: usize = 1000;
/// Deepest a page may go: `offset + limit`.
pub const MAX_DEPTH: usize = 10_000;

/// A filter of the search page and the API: its parameter, how a chip names it, and the list of
/// the request it fills.
pub struct Filter {
    pub param: &'static str,
    /// How a chip above the hits names it.
    pub label: &'static str,
    /// Whether it leaves articles out (`not_speaker`) rather than keeping them.
    pub exclude: bool,
    /// The request's values of this filter.
    pub values: fn(&mut SearchRequest) -> &mut Vec<String>,
}

/// Every list filter, in the order the page shows their chips. Repeating one means any of its
/// values; different filters all apply.
pub const FILTERS: &[Filter] = &[
    Filter {
        param: "speaker",
        label: "Speaker",
        exclude: false,
        values: |r| &mut r.speakers,
    },
    Filter {
        param: "country",
        label: "Country",
        exclude: false,
        values: |r| &mut r.countries,
    },
    Filter {
        param: "region",
        label: "Region",
        exclude: false,
        values: |r| &mut r.regions,
    },
    Filter {
        param: "source",
        label: "Source",
        exclude: false,
        values: |r| &mut r.sources,
    },
    Filter {
        param: "not_speaker",
        label: "Not speaker",
        exclude: true,
        values: |r| &mut r.not_speakers,
    },
    Filter {
        param: "not_country",
        label: "Not country",
        exclude: true,
        values: |r| &mut r.not_countries,
    },
    Filter {
        param: "not_source",
        label: "Not source",
        exclude: true,
        values: |r| &mut r.not_sources,
    },
];

/// The parameters of the filters and the date range.
pub fn filter_params() -> impl Iterator<Item = &'static str> {
    FILTERS.iter().map(|f| f.param).chain(["since", "until"])
}

/// The parameters of one request, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Reads a query string (without the `?`), holding it to the limits.
    ///
    /// # Errors
    ///
    /// [`ServeError::TooLarge`] for a query string, a value or a repetition past the limits.
    pub fn parse(raw: Option<&str>) -> Result<Params, ServeError> {
        let raw = raw.unwrap_or_default();
        if raw.len() > MAX_QUERY_STRING {
            return Err(ServeError::TooLarge(format!(
                "the request's parameters are {} bytes; the limit is {MAX_QUERY_STRING}",
                raw.len()
            )));
        }
        let mut pairs: Vec<(String, String)> = Vec::new();
        for (name, value) in form_urlencoded::parse(raw.as_bytes()) {
            let limit = if name == "q" { MAX_QUERY } else { MAX_VALUE };
            if value.len() > limit {
                return Err(ServeError::TooLarge(format!(
                    "parameter {name} is {} bytes; the limit is {limit}",
                    value.len()
                )));
            }
            if pairs.iter().filter(|(n, _)| *n == name).count() >= MAX_VALUES {
                return Err(ServeError::TooLarge(format!(
                    "parameter {name} is repeated more than {MAX_VALUES} times"
                )));
            }
            pairs.push((name.into_owned(), value.into_owned()));
        }
        Ok(Params { pairs })
    }

    /// Refuses parameters that are not in `known` (a typo such as `speakers=` would otherwise
    /// silently filter nothing).
    ///
    /// # Errors
    ///
    /// [`ServeError::BadRequest`] naming the parameter and the known ones.
    pub fn only(&self, known: &[&str]) -> Result<(), ServeError> {
        match self
            .pairs
            .iter()
            .find(|(n, _)| !known.contains(&n.as_str()))
        {
            Some((name, _)) => Err(ServeError::BadRequest(format!(
                "unknown parameter {name:?}; this address takes {}",
                if known.is_empty() {
                    "none".to_string()
                } else {
                    known.join(", ")
                }
            ))),
            None => Ok(()),
        }
    }

    /// The non-empty values of a parameter, trimmed, in order.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
            .collect()
    }

    /// The value of a parameter that may be given once; `None` when absent or empty.
    ///
    /// # Errors
    ///
    /// [`ServeError::BadRequest`] when it is given twice with different values.
    pub fn one(&self, name: &str) -> Result<Option<&str>, ServeError> {
        let values = self.all(name);
        match values.as_slice() {
            [] => Ok(None),
            [first, rest @ ..] if rest.iter().all(|v| v == first) => Ok(Some(first)),
            _ => Err(ServeError::BadRequest(format!(
                "parameter {name} is given {} times; give it once",
                values.len()
            ))),
        }
    }

    /// A count: `default` when absent, at most `max`.
    ///
    /// # Errors
    ///
    /// [`ServeError::BadRequest`] for anything but digits, [`ServeError::TooLarge`] past `max`.
    pub fn number(&self, name: &str, default: usize, max: usize) -> Result<usize, ServeError> {
        let Some(value) = self.one(name)? else {
            return Ok(default);
        };
        let n: usize = value
            .parse()
            .ok()
            .filter(|_| value.bytes().all(|b| b.is_ascii_digit()))
            .ok_or_else(|| {
                ServeError::BadRequest(format!(
                    "parameter {name} must be a whole number, not {value:?}"
                ))
            })?;
        if n > max {
            return Err(ServeError::TooLarge(format!(
                "{name}={n} is past the limit of {max}"
            )));
        }
        Ok(n)
    }

    /// A switch: absent is off; `name`, `name=1`, `=true`, `=yes` or `=on` is on.
    ///
    /// # Errors
    ///
    /// [`ServeError::BadRequest`] for another value.
    pub fn flag(&self, name: &str) -> Result<bool, ServeError> {
        if !self.pairs.iter().any(|(n, _)| n == name) {
            return Ok(false);
        }
        match self.one(name)?.map(str::to_ascii_lowercase).as_deref() {
            None | Some("1" | "true" | "yes" | "on") => Ok(true),
            Some("0" | "false" | "no" | "off") => Ok(false),
            Some(other) => Err(ServeError::BadRequest(format!(
                "parameter {name} is a switch: give 1 or 0, not {other:?}"
            ))),
        }
    }

    /// The pairs, in order.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.pairs
    }
}

/// Fills the filters and the date range of a request from its parameters.
///
/// # Errors
///
/// [`ServeError::BadRequest`] for a date that does not parse, naming the parameter.
pub fn apply_filters(params: &Params, request: &mut SearchRequest) -> Result<(), ServeError> {
    for filter in FILTERS {
        let values = (filter.values)(request);
        values.extend(params.all(filter.param).into_iter().map(str::to_string));
    }
    request.since = day(params, "since", End::First)?;
    request.until = day(params, "until", End::Last)?;
    Ok(())
}

/// A date parameter, as `--since` / `--until` take it: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
fn day(params: &Params, name: &str, end: End) -> Result<Option<Day>, ServeError> {
    params
        .one(name)?
        .map(|value| {
            Day::parse(value, end).map_err(|err| ServeError::BadRequest(format!("{name}: {err}")))
        })
        .transpose()
}

/// The order of hits: `score`, `date` (oldest first) or `-date` (newest first).
///
/// # Errors
///
/// [`ServeError::BadRequest`] for another value.
pub fn sort(params: &Params) -> Result<Option<Sort>, ServeError> {
    Ok(match params.one("sort")? {
        None => None,
        Some("score") => Some(Sort::Score),
        Some("date") => Some(Sort::Date),
        Some("-date") => Some(Sort::DateDesc),
        Some(other) => {
            return Err(ServeError::BadRequest(format!(
                "sort must be score, date (oldest first) or -date (newest first), not {other:?}"
            )))
        }
    })
}

/// The length of timeline periods: `day`, `week`, `month` or `year`.
///
/// # Errors
///
/// [`ServeError::BadRequest`] for another value.
pub fn period(params: &Params) -> Result<Period, ServeError> {
    Ok(match params.one("by")? {
        None | Some("month") => Period::Month,
        Some("day") => Period::Day,
        Some("week") => Period::Week,
        Some("year") => Period::Year,
        Some(other) => {
            return Err(ServeError::BadRequest(format!(
                "by must be day, week, month or year, not {other:?}"
            )))
        }
    })
}

/// A page of a search: `limit` (default `default_limit`, at most `max_limit`) and `offset`, with
/// `offset + limit` at most [`MAX_DEPTH`].
///
/// # Errors
///
/// As [`Params::number`]; [`ServeError::TooLarge`] past the depth.
pub fn page(
    params: &Params,
    default_limit: usize,
    max_limit: usize,
) -> Result<(usize, usize), ServeError> {
    let limit = params.number("limit", default_limit, max_limit)?;
    let offset = params.number("offset", 0, MAX_DEPTH)?;
    if offset + limit > MAX_DEPTH {
        return Err(ServeError::TooLarge(format!(
            "offset={offset} with limit={limit} goes past hit {MAX_DEPTH}; narrow the search instead"
        )));
    }
    Ok((limit, offset))
}

/// The search query `q`; `*` (every article) when absent or empty.
pub fn query(params: &Params) -> Result<String, ServeError> {
    Ok(params.one("q")?.unwrap_or("*").to_string())
}

/// A search request from the parameters of `newsdex search`: `q`, the filters, `sort`, `limit`,
/// `offset`, `all_copies`, `dedupe` and `facet=region`.
///
/// # Errors
///
/// As the parts: a malformed value, a value past the limits.
pub fn search_request(params: &Params, max_limit: usize) -> Result<SearchRequest, ServeError> {
    let (limit, offset) = page(params, 10, max_limit)?;
    let mut request = SearchRequest {
        limit,
        offset,
        sort: sort(params)?.unwrap_or_default(),
        all_copies: params.flag("all_copies")?,
        dedupe: params.flag("dedupe")?,
        ..SearchRequest::new(query(params)?)
    };
    for facet in params.all("facet") {
        match facet {
            "region" => request.region_facet = true,
            other => {
                return Err(ServeError::BadRequest(format!(
                    "facet={other:?}: the extra facet search counts is region"
                )))
            }
        }
    }
    apply_filters(params, &mut request)?;
    Ok(request)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(raw: &str) -> Params {
        Params::parse(Some(raw)).unwrap_or_else(|e| panic!("{raw}: {e:?}"))
    }

    #[test]
    fn repeated_filters_are_any_of_them_and_empty_boxes_filter_nothing() {
        let p =
            params("q=veto&speaker=Zhang+Jun&speaker=Vassily%20Nebenzia&country=&since=2023-04");
        let request = search_request(&p, 100).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(request.query, "veto");
        assert_eq!(request.speakers, ["Zhang Jun", "Vassily Nebenzia"]);
        assert!(request.countries.is_empty());
        assert_eq!(
            request.since.map(|d| d.to_string()).as_deref(),
            Some("2023-04-01")
        );
        assert_eq!(request.until, None);
    }

    #[test]
    fn until_a_month_means_its_last_day_and_sort_takes_the_command_lines_words() {
        let p = params("until=2024-02&sort=-date");
        let request = search_request(&p, 100).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            request.until.map(|d| d.to_string()).as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(request.sort, Sort::DateDesc);
        assert_eq!(request.query, "*");
    }

    #[test]
    fn malformed_values_are_bad_requests_naming_the_parameter() {
        let bad = |raw: &str| match search_request(&params(raw), 100) {
            Err(ServeError::BadRequest(message)) => message,
            other => panic!("{raw}: {other:?}"),
        };
        assert!(bad("limit=ten").contains("limit"));
        assert!(bad("limit=-1").contains("limit"));
        assert!(bad("since=yesterday").starts_with("since: invalid date"));
        assert!(bad("sort=best").contains("sort must be"));
        assert!(bad("dedupe=maybe").contains("dedupe"));
        assert!(bad("q=a&q=b").contains("give it once"));
    }

    #[test]
    fn oversize_requests_are_too_large() {
        let long_query = format!("q={}", "a".repeat(MAX_QUERY + 1));
        assert!(matches!(
            Params::parse(Some(&long_query)),
            Err(ServeError::TooLarge(_))
        ));
        let long_name = format!("speaker={}", "b".repeat(MAX_VALUE + 1));
        assert!(matches!(
            Params::parse(Some(&long_name)),
            Err(ServeError::TooLarge(_))
        ));
        let many = vec!["speaker=x"; MAX_VALUES + 1].join("&");
        assert!(matches!(
            Params::parse(Some(&many)),
            Err(ServeError::TooLarge(_))
        ));
        assert!(matches!(
            search_request(&params("limit=5000"), 100),
            Err(ServeError::TooLarge(_))
        ));
        assert!(matches!(
            search_request(&params("limit=100&offset=9950"), 100),
            Err(ServeError::TooLarge(_))
        ));
    }

    #[test]
    fn unknown_parameters_are_named() {
        let p = params("q=x&speakers=A");
        match p.only(&["q", "speaker"]) {
            Err(ServeError::BadRequest(message)) => {
                assert!(
                    message.starts_with("unknown parameter \"speakers\""),
                    "{message}"
                )
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn switches() {
        assert_eq!(params("all_copies").flag("all_copies"), Ok(true));
        assert_eq!(params("all_copies=0").flag("all_copies"), Ok(false));
        assert_eq!(params("").flag("all_copies"), Ok(false));
    }
}
