/*!
Printing archive statistics (`stats`): counts, dates, speakers, countries, size, roots and
sources.
*/

use std::io::{self, Write};

use super::format::sanitize;
use crate::analysis::stats::Stats;

/// Prints archive statistics for people.
pub fn stats_text<W: Write + ?Sized>(out: &mut W, stats: &Stats) -> io::Result<()> {
    writeln!(out, "articles:      {}", stats.articles)?;
    writeln!(out, "files:         {}", stats.files)?;
    match &stats.date_range {
        Some(range) => writeln!(
            out,
            "dates:         {} to {} ({} dated, {} undated)",
            range.from,
            range.to,
            range.dated_articles,
            stats.articles.saturating_sub(range.dated_articles)
        )?,
        None => writeln!(out, "dates:         none")?,
    }
    let speakers: Vec<String> = stats
        .top_speakers
        .iter()
        .map(|f| format!("{} ({})", sanitize(&f.value), f.count))
        .collect();
    writeln!(out, "top speakers:  {}", speakers.join(", "))?;
    let countries: Vec<String> = stats
        .top_countries
        .iter()
        .map(|f| format!("{} ({})", f.value, f.count))
        .collect();
    writeln!(out, "top countries: {}", countries.join(", "))?;
    writeln!(
        out,
        "index size:    {} ({} bytes)",
        human_bytes(stats.index_bytes),
        stats.index_bytes
    )?;
    writeln!(
        out,
        "indexed at:    {}",
        stats.indexed_at.as_deref().unwrap_or("unknown")
    )?;
    for (i, root) in stats.roots.iter().enumerate() {
        let label = if i == 0 { "roots:" } else { "" };
        writeln!(
            out,
            "{label:<15}{} ({})",
            sanitize(&root.name),
            sanitize(&root.path)
        )?;
    }
    for (i, source) in stats.sources.iter().enumerate() {
        let label = if i == 0 { "sources:" } else { "" };
        writeln!(
            out,
            "{label:<15}{} ({} articles, {} dated)",
            sanitize(&source.value),
            source.articles,
            source.dated_articles
        )?;
    }
    Ok(())
}

/// A byte count for people: `36.2 MB`.
fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["kB", "MB", "GB", "TB"];
    if bytes < 1000 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64;
    let mut unit = "B";
    for next in UNITS {
        if value < 1000.0 {
            break;
        }
        value /= 1000.0;
        unit = next;
    }
    format!("{value:.1} {unit}")
}
