/*!
The one-line summary of an indexing run.
*/

use super::format::sanitize;
use crate::index::Summary;

/// The one-line summary of an indexing run.
pub fn summary_line(summary: &Summary) -> String {
    let secs = summary.elapsed.as_secs_f64();
    let mut line = format!(
        "indexed {} articles from {} files in {:.2}s ({} added, {} updated, {} removed, {} unchanged)",
        summary.articles,
        summary.files,
        secs,
        summary.added,
        summary.updated,
        summary.removed,
        summary.unchanged
    );
    if summary.decoded > 0 {
        line.push_str(&format!(
            "; {} files decoded from another encoding",
            summary.decoded
        ));
    }
    if summary.truncated > 0 {
        line.push_str(&format!("; {} long articles cut", summary.truncated));
    }
    if summary.reapplied > 0 {
        line.push_str(&format!(
            "; metadata applied anew to {} unchanged files",
            summary.reapplied
        ));
    }
    for root in &summary.removed_roots {
        line.push_str(&format!(
            "; removed root {} ({} articles from {} files)",
            sanitize(&root.name),
            root.articles,
            root.files
        ));
    }
    if !summary.bad_lines.is_empty() {
        line.push_str(&format!(
            "; {} bad metadata or export lines skipped (file:line on stderr)",
            summary.bad_lines.len()
        ));
    }
    // Group the reasons by their gist: "skipped 3 files (2 empty file, 1 binary data)"; the
    // details (in parentheses or after a `;`) are on stderr with each path.
    let mut reasons: Vec<(&str, usize)> = Vec::new();
    for skipped in &summary.skipped {
        let reason = skipped.reason.split([';', '(']).next().unwrap_or("").trim();
        match reasons.iter_mut().find(|(r, _)| *r == reason) {
            Some((_, n)) => *n += 1,
            None => reasons.push((reason, 1)),
        }
    }
    reasons.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let reasons: Vec<String> = reasons.iter().map(|(r, n)| format!("{n} {r}")).collect();
    if reasons.is_empty() {
        line.push_str("; skipped 0 files");
    } else {
        line.push_str(&format!(
            "; skipped {} files ({}; paths on stderr)",
            summary.skipped.len(),
            reasons.join(", ")
        ));
    }
    line
}
