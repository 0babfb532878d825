/*!
Timelines (`newsdex timeline`): how many articles match a query in each day, week, month or
year, and what share of all the archive's articles of that period they are ("is coverage of
sanctions growing, or is the archive?").

Counts come from the fast `date` field, by day, in the same pass that counts the hits
(`DayCounts`); days are then rolled up into weeks (ISO weeks, from Monday), months or years. The
same count over every article gives each period's total, the denominator of the share. Matching articles without a
date cannot be placed on the timeline: they are counted apart and reported.
*/

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use tantivy::collector::{Collector, Count, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::query::AllQuery;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::error::Result;
use crate::ingest::dates::Day;
use crate::query::archive::Archive;
use crate::query::parse::DATE_FIELD;
use crate::query::request::SearchRequest;

/// The length of a timeline's periods.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Day,
    /// ISO weeks, Monday to Sunday.
    Week,
    #[default]
    Month,
    Year,
}

impl Period {
    /// The first day of the period holding `day`.
    fn start(self, day: Day) -> Day {
        match self {
            Period::Day => day,
            // Day 0 (1970-01-01) was a Thursday.
            Period::Week => Day(day.0 - (day.0 + 3).rem_euclid(7)),
            Period::Month => {
                let (y, m, _) = day.to_civil();
                Day::from_civil(y, m, 1)
            }
            Period::Year => {
                let (y, _, _) = day.to_civil();
                Day::from_civil(y, 1, 1)
            }
        }
    }

    /// The first day of the next period, from the first day of one.
    fn next(self, start: Day) -> Day {
        match self {
            Period::Day => Day(start.0 + 1),
            Period::Week => Day(start.0 + 7),
            Period::Month => {
                let (y, m, _) = start.to_civil();
                if m == 12 {
                    Day::from_civil(y + 1, 1, 1)
                } else {
                    Day::from_civil(y, m + 1, 1)
                }
            }
            Period::Year => {
                let (y, _, _) = start.to_civil();
                Day::from_civil(y + 1, 1, 1)
            }
        }
    }

    /// The period's name: `2023-04-18`, `2023-W16`, `2023-04`, `2023`.
    fn label(self, start: Day) -> String {
        let (y, m, d) = start.to_civil();
        match self {
            Period::Day => format!("{y:04}-{m:02}-{d:02}"),
            Period::Week => {
                // The ISO year and week are those of the week's Thursday.
                let thursday = Day(start.0 + 3);
                let (ty, _, _) = thursday.to_civil();
                let week = (thursday.0 - Day::from_civil(ty, 1, 1).0) / 7 + 1;
                format!("{ty:04}-W{week:02}")
            }
            Period::Month => format!("{y:04}-{m:02}"),
            Period::Year => format!("{y:04}"),
        }
    }
}

/// One period of a timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PeriodCount {
    /// `2023-04-18`, `2023-W16`, `2023-04` or `2023`.
    pub period: String,
    /// The period's first day.
    pub start: String,
    /// Matching articles dated in the period.
    pub hits: u64,
    /// All the archive's articles dated in the period.
    pub articles: u64,
    /// `hits / articles` (0 when the period has no article).
    pub share: f64,
}

/// A timeline.
///
/// # Wire format
///
/// `newsdex timeline sanctions --by year --json`:
///
/// ```text
/// {"query": "sanctions", "by": "year", "total_hits": 7, "undated_hits": 1,
///  "periods": [{"period": "2022", "start": "2022-01-01", "hits": 2, "articles": 9,
///               "share": 0.2222}, ...]}
/// ```
///
/// Periods run from the first to the last period with a hit, empty ones included.
/// `undated_hits` counts the matching articles that have no date (they are in `total_hits`, not
/// in any period). `notes` appears as in `search --json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    pub query: String,
    pub by: Period,
    pub total_hits: u64,
    pub undated_hits: u64,
    pub periods: Vec<PeriodCount>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// Counts the matching articles of each day (days since the Unix epoch) by the fast `date`
/// field; articles without a date are not counted. (tantivy's date histogram aggregation gave
/// the same counts through a JSON request and result, and was most of a timeline's time.)
pub(crate) struct DayCounts;

pub(crate) struct SegmentDays {
    dates: Option<Column<tantivy::DateTime>>,
    days: BTreeMap<i64, u64>,
}

impl Collector for DayCounts {
    type Fruit = BTreeMap<i64, u64>;
    type Child = SegmentDays;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentDays> {
        Ok(SegmentDays {
            // A segment without dated articles has no column.
            dates: reader.fast_fields().date(DATE_FIELD).ok(),
            days: BTreeMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<BTreeMap<i64, u64>>) -> tantivy::Result<Self::Fruit> {
        let mut days = BTreeMap::new();
        for segment in segments {
            for (day, count) in segment {
                *days.entry(day).or_default() += count;
            }
        }
        Ok(days)
    }
}

impl SegmentCollector for SegmentDays {
    type Fruit = BTreeMap<i64, u64>;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(date) = self.dates.as_ref().and_then(|column| column.first(doc)) {
            let day = Day::of_timestamp(date.into_timestamp_secs());
            *self.days.entry(day.0).or_default() += 1;
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.days
    }
}

/// Rolls day counts up into periods (first day -> count).
fn roll_up(days: &BTreeMap<i64, u64>, by: Period) -> BTreeMap<i64, u64> {
    let mut periods = BTreeMap::new();
    for (&day, &count) in days {
        *periods.entry(by.start(Day(day)).0).or_default() += count;
    }
    periods
}

impl Archive {
    /// The timeline of the articles a request matches (its paging and sort are ignored).
    ///
    /// # Errors
    ///
    /// Query and filter errors as for [`Archive::search`]; index read errors.
    pub fn timeline(&self, request: &SearchRequest, by: Period) -> Result<Timeline> {
        let prepared = self.prepare(request)?;
        let searcher = self.searcher();
        let (total_hits, hit_days) = searcher.search(&*prepared.query, &(Count, DayCounts))?;
        let total_hits = total_hits as u64;
        let hits = roll_up(&hit_days, by);
        let dated: u64 = hits.values().sum();
        let mut periods = Vec::new();
        if let (Some(&first), Some(&last)) = (hits.keys().next(), hits.keys().next_back()) {
            let all = roll_up(&searcher.search(&AllQuery, &DayCounts)?, by);
            let mut start = Day(first);
            while start.0 <= last {
                let hits = hits.get(&start.0).copied().unwrap_or(0);
                let articles = all.get(&start.0).copied().unwrap_or(0);
                let share = if articles == 0 {
                    0.0
                } else {
                    (hits as f64 / articles as f64 * 1e4).round() / 1e4
                };
                periods.push(PeriodCount {
                    period: by.label(start),
                    start: Period::Day.label(start),
                    hits,
                    articles,
                    share,
                });
                start = by.next(start);
            }
        }
        Ok(Timeline {
            query: request.query.clone(),
            by,
            total_hits,
            undated_hits: total_hits.saturating_sub(dated),
            periods,
            notes: prepared.notes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i64, m: i64, d: i64) -> Day {
        Day::from_civil(y, m, d)
    }

    #[test]
    fn periods_start_and_end_where_the_calendar_says() {
        // 2023-04-18 was a Tuesday, in ISO week 16.
        let tuesday = day(2023, 4, 18);
        assert_eq!(Period::Week.start(tuesday), day(2023, 4, 17));
        assert_eq!(Period::Week.label(Period::Week.start(tuesday)), "2023-W16");
        assert_eq!(Period::Month.start(tuesday), day(2023, 4, 1));
        assert_eq!(Period::Month.next(day(2023, 12, 1)), day(2024, 1, 1));
        assert_eq!(Period::Year.label(Period::Year.start(tuesday)), "2023");
        // 2021-01-03 (a Sunday) belongs to ISO week 53 of 2020.
        let sunday = day(2021, 1, 3);
        assert_eq!(Period::Week.label(Period::Week.start(sunday)), "2020-W53");
        assert_eq!(Period::Day.label(sunday), "2021-01-03");
    }
}
