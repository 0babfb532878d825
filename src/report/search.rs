/*!
Printing search results: ranked hits with highlighted snippets, copies, facets and notes (text), and one row per hit (CSV).
*/

use std::borrow::Cow;
use std::io::{self, Write};

use super::format::{sanitize, sanitize_line, Report, Style, BOLD, BOLD_RED, DIM};
use super::table::{owned, Table};
use crate::query::search::{Hit, SearchResults};
use crate::query::snippet::Snippet;

/// A snippet with its highlights painted, on one line.
fn snippet_text(snippet: &Snippet, style: Style) -> String {
    let chars: Vec<char> = snippet.text.chars().collect();
    let piece = |from: usize, to: usize| -> String {
        let text: String = chars[from..to].iter().collect();
        sanitize(&text.replace('\n', " ")).into_owned()
    };
    let mut out = String::new();
    let mut at = 0;
    for &[start, end] in &snippet.highlights {
        if start < at || start > end || end > chars.len() {
            continue;
        }
        out.push_str(&piece(at, start));
        out.push_str(&style.paint(BOLD_RED, &piece(start, end)));
        at = end;
    }
    out.push_str(&piece(at, chars.len()));
    out
}

/// Prints search results for people.
pub fn search_text<W: Write + ?Sized>(
    out: &mut W,
    results: &SearchResults,
    style: Style,
) -> io::Result<()> {
    for hit in &results.hits {
        writeln!(
            out,
            "{}. {}",
            hit.rank,
            style.paint(BOLD, &sanitize(&hit.headline))
        )?;
        let mut meta = vec![format!("{}#{}", hit.path, hit.article), hit.source.clone()];
        if let Some(dateline) = &hit.dateline {
            meta.push(dateline.clone());
        }
        if let Some(date) = &hit.date {
            meta.push(date.clone());
        }
        meta.push(format!("score {:.2}", hit.score));
        writeln!(
            out,
            "   {}",
            style.paint(DIM, &sanitize_line(&meta.join(" \u{b7} ")))
        )?;
        if let Some(url) = &hit.url {
            writeln!(out, "   {}", style.paint(DIM, &sanitize(url)))?;
        }
        if !hit.speakers.is_empty() {
            writeln!(out, "   speakers: {}", sanitize(&hit.speakers.join(", ")))?;
        }
        if !hit.countries.is_empty() {
            let names: Vec<&str> = hit.countries.iter().map(|c| c.name.as_str()).collect();
            writeln!(out, "   countries: {}", names.join(", "))?;
        }
        for snippet in &hit.snippets {
            writeln!(out, "   | {}", snippet_text(snippet, style))?;
        }
        if !hit.copies.is_empty() {
            let n = hit.copies.len();
            writeln!(
                out,
                "   {}",
                style.paint(
                    DIM,
                    &format!(
                        "and {n} near-identical cop{}: {}",
                        if n == 1 { "y" } else { "ies" },
                        sanitize_line(
                            &hit.copies
                                .iter()
                                .map(|c| format!("{}#{}", c.path, c.article))
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    )
                )
            )?;
        }
        writeln!(out)?;
    }
    let shown = if results.hits.is_empty() {
        String::new()
    } else {
        let first = results.hits[0].rank;
        format!(" (showing {}-{})", first, first + results.hits.len() - 1)
    };
    let noun = if results.total_hits == 1 {
        "hit"
    } else {
        "hits"
    };
    writeln!(
        out,
        "{} {noun} for {:?}{shown}",
        results.total_hits, results.query
    )?;
    if let Some(note) = undated_note(results.undated_excluded) {
        writeln!(out, "{note}")?;
    }
    for note in &results.notes {
        writeln!(out, "note: {}", sanitize(note))?;
    }
    if let Some(suggestion) = &results.did_you_mean {
        writeln!(out, "did you mean `{}`?", sanitize(suggestion))?;
    }
    if !results.facets.speaker.is_empty() {
        let list: Vec<String> = results
            .facets
            .speaker
            .iter()
            .map(|f| format!("{} ({})", sanitize(&f.value), f.count))
            .collect();
        writeln!(out, "speakers:  {}", list.join(", "))?;
    }
    if let Some(regions) = &results.facets.region {
        writeln!(out, "regions:")?;
        for region in regions {
            writeln!(out, "  {} ({})", region.value, region.count)?;
            for sub in &region.subregions {
                writeln!(out, "    {} ({})", sub.value, sub.count)?;
            }
        }
    }
    if !results.facets.country.is_empty() {
        let list: Vec<String> = results
            .facets
            .country
            .iter()
            .map(|f| format!("{} ({})", f.value, f.count))
            .collect();
        writeln!(out, "countries: {}", list.join(", "))?;
    }
    // Sources are listed when the hits come from more than one.
    if results.facets.source.len() > 1 {
        let list: Vec<String> = results
            .facets
            .source
            .iter()
            .map(|f| format!("{} ({})", sanitize(&f.value), f.count))
            .collect();
        writeln!(out, "sources:   {}", list.join(", "))?;
    }
    Ok(())
}

/// The note about articles a date filter left out, if any.
pub fn undated_note(undated: Option<u64>) -> Option<String> {
    match undated {
        Some(0) | None => None,
        Some(1) => Some("1 undated article left out by the date filter".to_string()),
        Some(n) => Some(format!("{n} undated articles left out by the date filter")),
    }
}

fn hit_row(hit: &Hit) -> Vec<Cow<'_, str>> {
    let countries: Vec<&str> = hit.countries.iter().map(|c| c.name.as_str()).collect();
    let snippets: Vec<&str> = hit.snippets.iter().map(|s| s.text.as_str()).collect();
    let copies: Vec<String> = hit
        .copies
        .iter()
        .map(|c| format!("{}#{}", c.path, c.article))
        .collect();
    vec![
        owned(hit.rank.to_string()),
        owned(format!("{:.3}", hit.score)),
        Cow::Borrowed(&hit.path),
        owned(hit.article.to_string()),
        Cow::Borrowed(&hit.headline),
        Cow::Borrowed(hit.dateline.as_deref().unwrap_or("")),
        Cow::Borrowed(hit.date.as_deref().unwrap_or("")),
        owned(hit.speakers.join("; ")),
        owned(countries.join("; ")),
        owned(snippets.join(" ")),
        owned(copies.join("; ")),
        Cow::Borrowed(&hit.source),
        Cow::Borrowed(hit.url.as_deref().unwrap_or("")),
    ]
}

impl Report for SearchResults {
    type Item = Hit;

    fn items(&self) -> &[Hit] {
        &self.hits
    }

    fn write_text(&self, out: &mut dyn Write, style: Style) -> io::Result<()> {
        search_text(out, self, style)
    }

    fn write_csv(&self, out: &mut dyn Write, clean: bool) -> io::Result<()> {
        let mut table = Table::new(
            out,
            clean,
            &[
                "rank",
                "score",
                "path",
                "article",
                "headline",
                "dateline",
                "date",
                "speakers",
                "countries",
                "snippet",
                "copies",
                "source",
                "url",
            ],
        )?;
        for hit in &self.hits {
            table.row(&hit_row(hit))?;
        }
        table.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::search::FacetCounts;
    use crate::query::snippet::Snippet;
    use crate::report::format::{print, Format};

    fn results() -> SearchResults {
        SearchResults {
            query: "veto".to_string(),
            total_hits: 1,
            hits: vec![Hit {
                rank: 1,
                score: 2.5,
                path: "a.txt".to_string(),
                article: 0,
                headline: "Veto, \"again\"\nand again".to_string(),
                dateline: None,
                date: Some("2023-06-02".to_string()),
                source: "wire".to_string(),
                url: None,
                speakers: vec!["Zhang Jun".to_string(), "Ann Lee".to_string()],
                countries: Vec::new(),
                snippets: vec![Snippet {
                    text: "They \u{1b}[31mvetoed it.".to_string(),
                    highlights: vec![[5, 11]],
                }],
                copies: Vec::new(),
            }],
            facets: FacetCounts::default(),
            undated_excluded: None,
            did_you_mean: None,
            notes: Vec::new(),
        }
    }

    fn csv_of(clean: bool) -> String {
        let mut out = Vec::new();
        let style = Style {
            color: false,
            terminal: clean,
        };
        print(&mut out, &results(), Format::Csv, style).expect("writes");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn csv_quotes_commas_quotes_and_line_breaks() {
        assert_eq!(
            csv_of(false),
            "rank,score,path,article,headline,dateline,date,speakers,countries,snippet,copies,source,url\n\
             1,2.500,a.txt,0,\"Veto, \"\"again\"\"\nand again\",,2023-06-02,Zhang Jun; Ann Lee,,They \u{1b}[31mvetoed it.,,wire,\n"
        );
    }

    #[test]
    fn csv_to_a_terminal_is_sanitised() {
        assert!(!csv_of(true).contains('\u{1b}'));
    }

    #[test]
    fn snippets_are_highlighted_only_in_colour() {
        let snippet = Snippet {
            text: "they vetoed it".to_string(),
            highlights: vec![[5, 11]],
        };
        assert_eq!(
            snippet_text(
                &snippet,
                Style {
                    color: false,
                    terminal: false
                }
            ),
            "they vetoed it"
        );
        assert_eq!(
            snippet_text(
                &snippet,
                Style {
                    color: true,
                    terminal: false
                }
            ),
            "they \x1b[1;31mvetoed\x1b[0m it"
        );
    }
}
