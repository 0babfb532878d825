/*!
The fixed query set (`bench/queries.txt`) and its forms for each engine.

One query a line, five tab-separated columns (`#` starts a comment line):

    id    newsdex query    filters    FTS5 MATCH expression    ripgrep terms

`filters` is `-` or `;`-separated `speaker=NAME`, `country=NAME`, `region=NAME`. The peers have no
speaker or country extraction, so their columns approximate a filter with the name as text (plain
tantivy then runs the FTS5 column, see [`BenchQuery::plain`]).
ripgrep terms are ANDed: `word` (matched case-insensitively at a word start, so `sanction` also
finds "sanctions"), `"a phrase"` (words separated by any white space), `a|b` (either, in one
ripgrep run) and `-word` (files holding it are removed). Each term is one `rg -l` run over the
archive; the file lists are intersected.
*/

use std::path::Path;

use anyhow::Context;

#[derive(Clone, Debug)]
pub struct BenchQuery {
    pub id: String,
    pub newsdex: String,
    pub speakers: Vec<String>,
    pub countries: Vec<String>,
    pub regions: Vec<String>,
    pub fts5: String,
    pub rg: Vec<RgTerm>,
}

impl BenchQuery {
    pub fn has_filters(&self) -> bool {
        !(self.speakers.is_empty() && self.countries.is_empty() && self.regions.is_empty())
    }

    /// The query for plain tantivy, which has no speaker or country fields: the newsdex query,
    /// or for queries that filter or use those fields, the peers' text approximation (the FTS5
    /// column, which such rows write in syntax both engines read).
    pub fn plain(&self) -> &str {
        let extracted = ["speaker:", "country:"]
            .iter()
            .any(|f| self.newsdex.contains(f));
        if self.has_filters() || extracted {
            &self.fts5
        } else {
            &self.newsdex
        }
    }

    /// The `newsdex search` arguments after the query.
    pub fn filter_args(&self) -> Vec<String> {
        let mut args = Vec::new();
        for (flag, values) in [
            ("--speaker", &self.speakers),
            ("--country", &self.countries),
            ("--region", &self.regions),
        ] {
            for v in values {
                args.push(flag.to_string());
                args.push(v.clone());
            }
        }
        args
    }
}

/// One ripgrep run: a regular expression, and whether files matching it are kept or removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RgTerm {
    pub regex: String,
    pub exclude: bool,
}

fn escape_word(word: &str) -> String {
    word.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == ' ' {
                c.to_string()
            } else {
                format!("\\{c}")
            }
        })
        .collect()
}

/// Parses the ripgrep column.
pub fn rg_terms(spec: &str) -> anyhow::Result<Vec<RgTerm>> {
    let mut terms = Vec::new();
    let mut rest = spec.trim();
    while !rest.is_empty() {
        let (exclude, after) = match rest.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let (regex, next) = if let Some(quoted) = after.strip_prefix('"') {
            let end = quoted
                .find('"')
                .with_context(|| format!("unclosed phrase in ripgrep terms {spec:?}"))?;
            let words: Vec<String> = quoted[..end].split_whitespace().map(escape_word).collect();
            (format!(r"\b{}\b", words.join(r"\s+")), &quoted[end + 1..])
        } else {
            let end = after.find(char::is_whitespace).unwrap_or(after.len());
            let alternatives: Vec<String> = after[..end].split('|').map(escape_word).collect();
            let regex = if alternatives.len() == 1 {
                format!(r"\b{}", alternatives[0])
            } else {
                format!(r"\b(?:{})", alternatives.join("|"))
            };
            (regex, &after[end..])
        };
        terms.push(RgTerm { regex, exclude });
        rest = next.trim_start();
    }
    anyhow::ensure!(
        terms.iter().any(|t| !t.exclude),
        "ripgrep terms {spec:?} need at least one term to look for"
    );
    Ok(terms)
}

pub fn read(path: &Path) -> anyhow::Result<Vec<BenchQuery>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading the query set {}", path.display()))?;
    let mut queries = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [id, newsdex, filters, fts5, rg] = cols[..] else {
            anyhow::bail!(
                "{}:{}: expected 5 tab-separated columns (id, newsdex query, filters, FTS5, ripgrep), found {}",
                path.display(),
                n + 1,
                cols.len()
            );
        };
        let mut query = BenchQuery {
            id: id.trim().to_string(),
            newsdex: newsdex.trim().to_string(),
            speakers: Vec::new(),
            countries: Vec::new(),
            regions: Vec::new(),
            fts5: fts5.trim().to_string(),
            rg: rg_terms(rg).with_context(|| format!("{}:{}", path.display(), n + 1))?,
        };
        for filter in filters.split(';').map(str::trim) {
            if filter.is_empty() || filter == "-" {
                continue;
            }
            match filter.split_once('=') {
                Some(("speaker", v)) => query.speakers.push(v.to_string()),
                Some(("country", v)) => query.countries.push(v.to_string()),
                Some(("region", v)) => query.regions.push(v.to_string()),
                _ => anyhow::bail!(
                    "{}:{}: unknown filter {filter:?}; use speaker=NAME, country=NAME or region=NAME",
                    path.display(),
                    n + 1
                ),
            }
        }
        queries.push(query);
    }
    Ok(queries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ripgrep_terms() {
        let t = rg_terms(r#"sanction -veto "security council" coffee|cocoa"#).unwrap();
        assert_eq!(
            t,
            [
                RgTerm {
                    regex: r"\bsanction".into(),
                    exclude: false
                },
                RgTerm {
                    regex: r"\bveto".into(),
                    exclude: true
                },
                RgTerm {
                    regex: r"\bsecurity\s+council\b".into(),
                    exclude: false
                },
                RgTerm {
                    regex: r"\b(?:coffee|cocoa)".into(),
                    exclude: false
                },
            ]
        );
        assert!(rg_terms("-veto").is_err());
        assert_eq!(rg_terms("u.s.").unwrap()[0].regex, r"\bu\.s\.");
    }
}
