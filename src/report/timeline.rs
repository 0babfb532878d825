/*!
Printing timelines: one bar per period (text) and one row per period (CSV).
*/

use std::borrow::Cow;
use std::io::{self, Write};

use super::format::{Report, Style};
use super::table::{owned, Table};
use crate::analysis::timeline::{PeriodCount, Timeline};

/// The widest bar of a timeline, in characters.
const BAR: usize = 40;

/// A timeline for people: one line per period with a bar, the count and the share of the
/// period's articles.
pub fn timeline_text<W: Write + ?Sized>(
    out: &mut W,
    timeline: &crate::analysis::timeline::Timeline,
) -> io::Result<()> {
    let most = timeline.periods.iter().map(|p| p.hits).max().unwrap_or(0);
    let width = timeline
        .periods
        .iter()
        .map(|p| p.period.len())
        .max()
        .unwrap_or(0);
    let periods = &timeline.periods;
    let mut i = 0;
    while let Some(p) = periods.get(i) {
        // A run of three or more periods without a hit is one line.
        let empty = periods[i..].iter().take_while(|q| q.hits == 0).count();
        if empty >= 3 {
            let last = &periods[i + empty - 1];
            writeln!(
                out,
                "{:<width$}  (no hits from {} to {})",
                "", p.period, last.period
            )?;
            i += empty;
            continue;
        }
        i += 1;
        let bar = if most == 0 {
            0
        } else {
            // Any hit shows at least one block.
            ((p.hits as f64 / most as f64 * BAR as f64).round() as usize)
                .max(usize::from(p.hits > 0))
        };
        writeln!(
            out,
            "{:<width$}  {:<BAR$}  {:>6}  {:>5.1}% of {}",
            p.period,
            "█".repeat(bar),
            p.hits,
            p.share * 100.0,
            p.articles
        )?;
    }
    let dated = timeline.total_hits - timeline.undated_hits;
    writeln!(
        out,
        "{} matching article{} in {} {}{}",
        dated,
        if dated == 1 { "" } else { "s" },
        timeline.periods.len(),
        match (timeline.by, timeline.periods.len() == 1) {
            (crate::analysis::timeline::Period::Day, true) => "day",
            (crate::analysis::timeline::Period::Day, false) => "days",
            (crate::analysis::timeline::Period::Week, true) => "week",
            (crate::analysis::timeline::Period::Week, false) => "weeks",
            (crate::analysis::timeline::Period::Month, true) => "month",
            (crate::analysis::timeline::Period::Month, false) => "months",
            (crate::analysis::timeline::Period::Year, true) => "year",
            (crate::analysis::timeline::Period::Year, false) => "years",
        },
        if timeline.undated_hits > 0 {
            format!(
                "; {} more ha{} no date and {} not shown",
                timeline.undated_hits,
                if timeline.undated_hits == 1 {
                    "s"
                } else {
                    "ve"
                },
                if timeline.undated_hits == 1 {
                    "is"
                } else {
                    "are"
                }
            )
        } else {
            String::new()
        }
    )?;
    Ok(())
}

impl Report for Timeline {
    type Item = PeriodCount;

    fn items(&self) -> &[PeriodCount] {
        &self.periods
    }

    fn write_text(&self, out: &mut dyn Write, _style: Style) -> io::Result<()> {
        timeline_text(out, self)
    }

    fn write_csv(&self, out: &mut dyn Write, clean: bool) -> io::Result<()> {
        let mut table = Table::new(
            out,
            clean,
            &["period", "start", "hits", "articles", "share"],
        )?;
        for p in &self.periods {
            table.row(&[
                Cow::Borrowed(&p.period),
                Cow::Borrowed(&p.start),
                owned(p.hits.to_string()),
                owned(p.articles.to_string()),
                owned(format!("{:.4}", p.share)),
            ])?;
        }
        table.finish()
    }
}
