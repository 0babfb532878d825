/*!
From a user's query to a tantivy query: parsing with AND as the default operator, headline
matches weighted twice, prefix words expanded (see [`crate::query::terms`]), a one-line message
that says how to fix a query that does not parse, and the filters of a [`SearchRequest`] (facets,
sources and the date range) added as clauses.
*/

use std::ops::Bound;

use tantivy::query::{BooleanQuery, ExistsQuery, Occur, Query, QueryParserError, RangeQuery};
use tantivy::schema::Facet;
use tantivy::Term;

use crate::error::{Error, Result};
use crate::ingest::dates::Day;
use crate::query::archive::Archive;
use crate::query::lookup::{any_facet, country_code, region_facet, source_facets};
use crate::query::request::SearchRequest;
use crate::query::terms;

/// The name of the schema's date field (a fast field: sorting and `--since`/`--until`).
pub(crate) const DATE_FIELD: &str = "date";

/// A user query with its filters, ready to run.
pub struct PreparedQuery {
    /// The query and all filters.
    pub query: Box<dyn Query>,
    /// With a date filter: the same query without it, restricted to undated articles (to count
    /// what the date filter left out).
    pub undated: Option<Box<dyn Query>>,
    /// What the user should be told (prefixes capped or matching nothing).
    pub notes: Vec<String>,
}

impl Archive {
    /// Parses a user query, with a message that says how to fix it when it does not parse.
    pub fn parse(&self, query: &str) -> Result<Box<dyn Query>> {
        self.parse_with_notes(query).map(|(query, _)| query)
    }

    /// Parses a user query, expanding prefix words (`sanc*`, see [`crate::query::terms`]); the notes
    /// say when a prefix was capped or matched nothing.
    pub fn parse_with_notes(&self, query: &str) -> Result<(Box<dyn Query>, Vec<String>)> {
        if query.trim().is_empty() {
            return Err(Error::Query {
                query: query.to_string(),
                reason: "the query is empty; use '*' to match every article".to_string(),
            });
        }
        let normalized = self.check_query(query)?;
        let query = normalized.as_str();
        if terms::may_have_prefix(query) {
            let searcher = self.searcher();
            let schema = self.index().schema();
            let default_fields = [(self.fields().headline, 2.0), (self.fields().body, 1.0)];
            let mut rewriter = terms::PrefixRewriter {
                parser: self.parser(),
                searcher: &searcher,
                schema: &schema,
                default_fields: &default_fields,
                notes: Vec::new(),
            };
            if let Some(parsed) = rewriter
                .rewrite(query)
                .map_err(|err| query_error(query, err))?
            {
                return Ok((with_positive_clauses(parsed), rewriter.notes));
            }
        }
        self.parser()
            .parse_query(query)
            .map(|parsed| (with_positive_clauses(parsed), Vec::new()))
            .map_err(|err| query_error(query, err))
    }

    /// Checks a user query and returns it in Unicode's composed form (NFC), the form the
    /// index's analyzer folds: `Franc\u{327}ois` (a `c` and a combining cedilla) is searched as
    /// `François`, which the index holds as `francois`.
    ///
    /// Refused are what no parser should see or what only fails once the search runs: a query
    /// too long or too deeply nested (see [`check_shape`]), and `field:*` on a field that cannot
    /// answer it (`speaker:*`: tantivy would fail the search as if the index were broken).
    ///
    /// # Errors
    ///
    /// [`Error::Query`] saying what to write instead.
    pub fn check_query(&self, query: &str) -> Result<String> {
        use unicode_normalization::UnicodeNormalization;
        check_shape(query)?;
        let query: String = query.nfc().collect();
        // A query that does not parse gets its message from the parser.
        let Ok(ast) = tantivy::query_grammar::parse_query(&query) else {
            return Ok(query);
        };
        let schema = self.index().schema();
        for name in terms::exists_fields(&ast) {
            let fast = schema
                .get_field(name)
                .is_ok_and(|field| schema.get_field_entry(field).is_fast());
            if !fast {
                return Err(Error::Query {
                    query: query.clone(),
                    reason: format!(
                        "`{name}:*` (any value) is not supported; search the field for a word, e.g. `speaker:nebenzia`, or use `*` for every article"
                    ),
                });
            }
        }
        Ok(query)
    }

    /// The user query combined with the facet filters and the date range.
    pub fn build_query(&self, request: &SearchRequest) -> Result<Box<dyn Query>> {
        Ok(self.prepare(request)?.query)
    }

    /// The user query combined with the filters, plus what the user should be told about it.
    pub fn prepare(&self, request: &SearchRequest) -> Result<PreparedQuery> {
        let (user, mut notes) = self.parse_with_notes(&request.query)?;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, user)];
        let searcher = self.searcher();
        // Keeping and leaving out resolve names the same way.
        let speakers = |names: &[String], notes: &mut Vec<String>| -> Result<Vec<Facet>> {
            let mut facets = Vec::new();
            for name in names {
                let (found, note) = self.speaker_facets_noted(&searcher, name)?;
                facets.extend(found);
                notes.extend(note);
            }
            Ok(facets)
        };
        let countries = |names: &[String]| -> Result<Vec<Facet>> {
            names
                .iter()
                .map(|name| Ok(Facet::from_path([country_code(name)?])))
                .collect()
        };
        let fields = self.fields();
        if !request.speakers.is_empty() {
            let facets = speakers(&request.speakers, &mut notes)?;
            clauses.push((Occur::Must, any_facet(fields.speaker_facet, &facets)));
        }
        if !request.countries.is_empty() {
            let facets = countries(&request.countries)?;
            clauses.push((Occur::Must, any_facet(fields.country_facet, &facets)));
        }
        if !request.regions.is_empty() {
            let facets = request
                .regions
                .iter()
                .map(|name| region_facet(name))
                .collect::<Result<Vec<Facet>>>()?;
            clauses.push((Occur::Must, any_facet(fields.region_facet, &facets)));
        }
        if !request.not_speakers.is_empty() {
            let facets = speakers(&request.not_speakers, &mut notes)?;
            clauses.push((Occur::MustNot, any_facet(fields.speaker_facet, &facets)));
        }
        if !request.not_countries.is_empty() {
            let facets = countries(&request.not_countries)?;
            clauses.push((Occur::MustNot, any_facet(fields.country_facet, &facets)));
        }
        if !request.sources.is_empty() {
            let facets = source_facets(&searcher, fields.source_facet, &request.sources)?;
            clauses.push((Occur::Must, any_facet(fields.source_facet, &facets)));
        }
        if !request.not_sources.is_empty() {
            let facets = source_facets(&searcher, fields.source_facet, &request.not_sources)?;
            clauses.push((Occur::MustNot, any_facet(fields.source_facet, &facets)));
        }
        let mut undated = None;
        if request.has_date_filter() {
            if let (Some(since), Some(until)) = (request.since, request.until) {
                if since > until {
                    return Err(Error::Usage(format!(
                        "--since {since} is after --until {until}; swap them"
                    )));
                }
            }
            let mut without_date: Vec<(Occur, Box<dyn Query>)> = clauses
                .iter()
                .map(|(occur, query)| (*occur, query.box_clone()))
                .collect();
            without_date.push((
                Occur::MustNot,
                Box::new(ExistsQuery::new(DATE_FIELD.to_string(), false)),
            ));
            undated = Some(Box::new(BooleanQuery::new(without_date)) as Box<dyn Query>);
            // Clamped: the stored nanoseconds would wrap around beyond 1677-2262.
            let bound = |day: Day| {
                Term::from_field_date_for_search(
                    self.fields().date,
                    tantivy::DateTime::from_timestamp_secs(day.clamp_to_articles().timestamp()),
                )
            };
            let lower = request
                .since
                .map_or(Bound::Unbounded, |d| Bound::Included(bound(d)));
            let upper = request
                .until
                .map_or(Bound::Unbounded, |d| Bound::Excluded(bound(d.next())));
            clauses.push((Occur::Must, Box::new(RangeQuery::new(lower, upper))));
        }
        let query = if clauses.len() == 1 {
            clauses.remove(0).1
        } else {
            Box::new(BooleanQuery::new(clauses))
        };
        Ok(PreparedQuery {
            query,
            undated,
            notes,
        })
    }
}

/// How long a query may be, in bytes.
pub const MAX_QUERY_BYTES: usize = 10_000;
/// How deeply groups may nest in a query (`((a OR b) AND c)` nests 2 deep).
pub const MAX_QUERY_DEPTH: usize = 50;

/// Refuses a query that is too long or nests groups too deeply, before any parser sees it: the
/// parsers recurse once per level, and thousands of `(` overflowed the stack (a crash of the
/// whole process, not an error).
///
/// # Errors
///
/// [`Error::Query`] saying what the limit is.
pub fn check_shape(query: &str) -> Result<()> {
    let refuse = |reason: String| Error::Query {
        query: if query.len() > 80 {
            let mut cut = 80;
            while !query.is_char_boundary(cut) {
                cut -= 1;
            }
            format!("{}…", &query[..cut])
        } else {
            query.to_string()
        },
        reason,
    };
    let (mut depth, mut deepest, mut in_phrase, mut escaped) = (0usize, 0usize, false, false);
    for c in query.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => in_phrase = !in_phrase,
            '(' | '[' | '{' if !in_phrase => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ')' | ']' | '}' if !in_phrase => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if deepest > MAX_QUERY_DEPTH {
        return Err(refuse(format!(
            "groups nest {deepest} deep; newsdex takes up to {MAX_QUERY_DEPTH} levels of parentheses"
        )));
    }
    if query.len() > MAX_QUERY_BYTES {
        return Err(refuse(format!(
            "the query is {} bytes long; newsdex takes queries of up to {MAX_QUERY_BYTES} bytes",
            query.len()
        )));
    }
    Ok(())
}

/// Turns a parser error into a one-line message that says how to write the query.
/// Gives every boolean group that only excludes (`NOT veto`, as in `sanctions AND NOT veto`) an
/// all-articles clause to exclude from. tantivy's parser turns `a AND NOT b` into `+a +(-b)` with
/// more than one default field, and a group of `MustNot` clauses alone matches nothing
/// (quickwit-oss/tantivy#1980, #2584), so without this the whole query found no article.
fn with_positive_clauses(query: Box<dyn Query>) -> Box<dyn Query> {
    let Some(boolean) = query.downcast_ref::<BooleanQuery>() else {
        return query;
    };
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = boolean
        .clauses()
        .iter()
        .map(|(occur, sub)| (*occur, with_positive_clauses(sub.box_clone())))
        .collect();
    if clauses.iter().all(|(occur, _)| *occur == Occur::MustNot) {
        clauses.push((Occur::Must, Box::new(tantivy::query::AllQuery)));
    }
    Box::new(BooleanQuery::new(clauses))
}

pub(crate) fn query_error(query: &str, err: QueryParserError) -> Error {
    let reason = match err {
        QueryParserError::SyntaxError(_) => {
            let opens = query.matches('(').count();
            let closes = query.matches(')').count();
            let quotes = query.matches('"').count();
            if opens != closes {
                format!(
                    "unbalanced parentheses ({opens} '(' and {closes} ')'); close each group, e.g. `sanctions AND (veto OR vetoed)`"
                )
            } else if quotes % 2 == 1 {
                "unclosed quote; phrases need a closing '\"', e.g. `\"path to a dead end\"`"
                    .to_string()
            } else {
                "syntax error; write terms joined by AND / OR / NOT, `\"phrases\"`, `(groups)` or `field:term`".to_string()
            }
        }
        QueryParserError::FieldDoesNotExist(field) => format!(
            "unknown field '{field}'; the fields are headline, body, speaker and country (e.g. `headline:veto`)"
        ),
        QueryParserError::UnsupportedQuery(reason) => reason,
        QueryParserError::AllButQueryForbidden => {
            "a query cannot only exclude terms; add a term to search for, e.g. `sanctions -veto`"
                .to_string()
        }
        other => other.to_string(),
    };
    Error::Query {
        query: query.to_string(),
        reason,
    }
}
