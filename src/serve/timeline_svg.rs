/*!
The search page's timeline: the current query's hits per month (per year over more than four
years), as bars of an inline SVG drawn on the server. Each bar links to the page narrowed to its
period; bars outside the dates in force are drawn paler, so that the rest of the timeline stays
in view and one click moves to another period.

The timeline counts the query's hits with its filters but without its dates (which would leave a
single bar after a click).
*/

use newsdex::analysis::timeline::{PeriodCount, Timeline};
use newsdex::ingest::dates::{Day, End};

use crate::serve::links::PageState;
use crate::serve::views::{Bar, TimelineView};

/// The drawing's size, in SVG units.
const WIDTH: f32 = 720.0;
const HEIGHT: f32 = 84.0;
/// The height left for the labels under the bars.
const LABELS: f32 = 16.0;
/// Months shown as such; more are rolled up into years.
const MAX_MONTHS: usize = 48;
/// Labels under the axis, at most.
const MAX_LABELS: usize = 8;

/// Per-month counts rolled up into years (`2004-03` into `2004`).
fn by_year(months: &[PeriodCount]) -> Vec<(String, u64)> {
    let mut years: Vec<(String, u64)> = Vec::new();
    for month in months {
        let year = month.period.get(..4).unwrap_or(&month.period).to_string();
        match years.last_mut() {
            Some((last, hits)) if *last == year => *hits += month.hits,
            _ => years.push((year, month.hits)),
        }
    }
    years
}

/// The timeline of a month timeline (`None` when no hit has a date).
pub fn view(timeline: &Timeline, state: &PageState) -> Option<TimelineView> {
    if timeline.periods.is_empty() {
        return None;
    }
    let (periods, by): (Vec<(String, u64)>, &str) = if timeline.periods.len() > MAX_MONTHS {
        (by_year(&timeline.periods), "by year")
    } else {
        (
            timeline
                .periods
                .iter()
                .map(|p| (p.period.clone(), p.hits))
                .collect(),
            "by month",
        )
    };
    let since = state
        .since
        .as_deref()
        .and_then(|d| Day::parse(d, End::First).ok());
    let until = state
        .until
        .as_deref()
        .and_then(|d| Day::parse(d, End::Last).ok());
    let max = periods
        .iter()
        .map(|(_, hits)| *hits)
        .max()
        .unwrap_or(0)
        .max(1);
    let slot = WIDTH / periods.len() as f32;
    let gap = if slot > 4.0 { 1.0 } else { 0.0 };
    let area = HEIGHT - LABELS;
    let bars = periods
        .iter()
        .enumerate()
        .map(|(i, (period, hits))| {
            let height = if *hits == 0 {
                0.0
            } else {
                (*hits as f32 / max as f32 * area).max(1.5)
            };
            let start = Day::parse(period, End::First).ok();
            let end = Day::parse(period, End::Last).ok();
            let outside = matches!((since, end), (Some(s), Some(e)) if e < s)
                || matches!((until, start), (Some(u), Some(s)) if s > u);
            Bar {
                x: round(i as f32 * slot),
                y: round(area - height),
                width: round((slot - gap).max(0.5)),
                height: round(height),
                href: state.with_dates(Some(period), Some(period)),
                title: format!(
                    "{period}: {hits} {}",
                    if *hits == 1 { "article" } else { "articles" }
                ),
                outside,
            }
        })
        .collect();
    let step = periods.len().div_ceil(MAX_LABELS).max(1);
    let labels = periods
        .iter()
        .enumerate()
        .filter(|(i, _)| i % step == 0)
        .map(|(i, (period, _))| (round(i as f32 * slot), period.clone()))
        .collect();
    let undated = match timeline.undated_hits {
        0 => None,
        1 => Some("1 hit has no date.".to_string()),
        n => Some(format!("{n} hits have no date.")),
    };
    Some(TimelineView {
        width: WIDTH,
        height: HEIGHT,
        bars,
        labels,
        by: by.to_string(),
        max,
        undated,
    })
}

/// Two decimals are plenty for a 720-unit drawing, and keep the page short.
fn round(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsdex::analysis::timeline::Period;

    fn month(period: &str, hits: u64) -> PeriodCount {
        PeriodCount {
            period: period.to_string(),
            start: format!("{period}-01"),
            hits,
            articles: hits * 2,
            share: 0.5,
        }
    }

    fn timeline(periods: Vec<PeriodCount>) -> Timeline {
        Timeline {
            query: "x".to_string(),
            by: Period::Month,
            total_hits: periods.iter().map(|p| p.hits).sum::<u64>() + 3,
            undated_hits: 3,
            periods,
            notes: Vec::new(),
        }
    }

    #[test]
    fn bars_link_to_their_month_and_the_tallest_fills_the_height() {
        let state = PageState {
            q: "veto".to_string(),
            since: Some("2023-02".to_string()),
            ..PageState::default()
        };
        let view = view(
            &timeline(vec![
                month("2023-01", 2),
                month("2023-02", 4),
                month("2023-03", 0),
            ]),
            &state,
        )
        .unwrap_or_else(|| panic!("a timeline"));
        assert_eq!(view.by, "by month");
        assert_eq!(view.bars.len(), 3);
        assert_eq!(view.bars[1].href, "/?q=veto&since=2023-02&until=2023-02");
        assert_eq!(view.bars[1].height, HEIGHT - LABELS);
        assert_eq!(view.bars[0].height, (HEIGHT - LABELS) / 2.0);
        assert_eq!(view.bars[2].height, 0.0);
        assert!(view.bars[0].outside, "January is before the dates in force");
        assert!(!view.bars[1].outside);
        assert_eq!(view.bars[1].title, "2023-02: 4 articles");
        assert_eq!(view.undated.as_deref(), Some("3 hits have no date."));
    }

    #[test]
    fn many_months_become_years() {
        let months: Vec<PeriodCount> = (2000..2010)
            .flat_map(|y| (1..=12).map(move |m| month(&format!("{y}-{m:02}"), 1)))
            .collect();
        let view =
            view(&timeline(months), &PageState::default()).unwrap_or_else(|| panic!("a timeline"));
        assert_eq!(view.by, "by year");
        assert_eq!(view.bars.len(), 10);
        assert_eq!(view.bars[0].title, "2000: 12 articles");
        assert_eq!(view.bars[0].href, "/?since=2000&until=2000");
    }
}
