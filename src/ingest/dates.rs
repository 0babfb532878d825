/*!
Calendar dates for filters and reports: `--since` / `--until` values, the days of the index's
`date` field, and times shown by `newsdex stats`.

Article dates are days (the index stores them as midnight UTC). A filter value may name a day
(`2023-06-02`), a month (`2023-06`) or a year (`2023`): `--since` starts at the first day of that
period and `--until` ends with its last day, so `--since 2023 --until 2023` is the whole year.
*/

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, Result};

/// The years an article's date may have (a date outside them is not taken as the article's
/// date). The index stores dates as nanoseconds in 64 bits, which only reach 1677-2262: filter
/// values beyond these years are clamped to them (`--since 0000` is the beginning of the
/// archive, `--until 9999` its end, `--since 9999` finds nothing) instead of wrapping around.
pub const ARTICLE_YEARS: std::ops::RangeInclusive<i64> = 1800..=2200;

/// A day of the proleptic Gregorian calendar, as days since 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i64);

/// Which end of a period a filter value stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// The first day (`--since`).
    First,
    /// The last day (`--until`).
    Last,
}

impl Day {
    /// The day of a year, month and day of month (not validated).
    pub fn from_civil(year: i64, month: i64, day: i64) -> Day {
        // Howard Hinnant's days_from_civil.
        let y = if month <= 2 { year - 1 } else { year };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let mp = (month + 9) % 12;
        let doy = (153 * mp + 2) / 5 + day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Day(era * 146_097 + doe - 719_468)
    }

    /// Year, month and day of month.
    pub fn to_civil(self) -> (i64, i64, i64) {
        // Howard Hinnant's civil_from_days.
        let z = self.0 + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        (year, month, day)
    }

    /// The day holding a Unix timestamp (seconds, UTC).
    pub fn of_timestamp(secs: i64) -> Day {
        Day(secs.div_euclid(86_400))
    }

    /// Midnight UTC of the day, as a Unix timestamp.
    pub fn timestamp(self) -> i64 {
        self.0 * 86_400
    }

    /// Parses a filter value: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, taking the first or the last
    /// day of a month or year as `end` says.
    ///
    /// # Errors
    ///
    /// [`Error::Usage`] naming the value and the accepted forms.
    pub fn parse(value: &str, end: End) -> Result<Day> {
        let bad = || {
            Error::Usage(format!(
                "invalid date {value:?}; write YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2023-06-02"
            ))
        };
        let parts: Vec<&str> = value.trim().split('-').collect();
        let number = |s: &str, digits: usize| -> Result<i64> {
            if s.len() == digits && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let (year, month, day) = match parts.as_slice() {
            [y] => (number(y, 4)?, None, None),
            [y, m] => (number(y, 4)?, Some(number(m, 2)?), None),
            [y, m, d] => (number(y, 4)?, Some(number(m, 2)?), Some(number(d, 2)?)),
            _ => return Err(bad()),
        };
        if month.is_some_and(|m| !(1..=12).contains(&m)) {
            return Err(bad());
        }
        let first_month = month.unwrap_or(1);
        let last_month = month.unwrap_or(12);
        Ok(match (day, end) {
            (Some(d), _) => {
                if d < 1 || d > days_in_month(year, first_month) {
                    return Err(bad());
                }
                Day::from_civil(year, first_month, d)
            }
            (None, End::First) => Day::from_civil(year, first_month, 1),
            (None, End::Last) => Day::from_civil(year, last_month, days_in_month(year, last_month)),
        })
    }

    /// The next day.
    pub fn next(self) -> Day {
        Day(self.0 + 1)
    }

    /// The day moved into the range of article dates ([`ARTICLE_YEARS`]) widened by one day on
    /// each side: as a filter bound it selects the same articles, and it can be stored.
    pub fn clamp_to_articles(self) -> Day {
        let first = Day::from_civil(*ARTICLE_YEARS.start(), 1, 1).0 - 1;
        let last = Day::from_civil(*ARTICLE_YEARS.end() + 1, 1, 1).0;
        Day(self.0.clamp(first, last))
    }
}

/// A day is written `YYYY-MM-DD` in JSON.
impl Serialize for Day {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A day is read from `YYYY-MM-DD` (a whole day: months and years are for the command line,
/// where it is known which end of the period is meant).
impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Day, D::Error> {
        let text = String::deserialize(deserializer)?;
        if text.len() != 10 {
            return Err(serde::de::Error::custom(format!(
                "{text:?} is not a day; write YYYY-MM-DD"
            )));
        }
        Day::parse(&text, End::First).map_err(serde::de::Error::custom)
    }
}

impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (y, m, d) = self.to_civil();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A Unix timestamp as an RFC 3339 UTC time (`2026-11-28T12:57:25Z`).
pub fn rfc3339(secs: i64) -> String {
    let day = Day::of_timestamp(secs);
    let rest = secs - day.timestamp();
    format!(
        "{day}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (1996, 3, 3), (2023, 12, 31)] {
            assert_eq!(Day::from_civil(y, m, d).to_civil(), (y, m, d));
        }
        assert_eq!(Day::from_civil(2000, 3, 1), Day(11_017));
    }

    #[test]
    fn periods_take_their_first_or_last_day() {
        let p = |v, e| Day::parse(v, e).map(|d| d.to_string()).ok();
        assert_eq!(p("2023", End::First).as_deref(), Some("2023-01-01"));
        assert_eq!(p("2023", End::Last).as_deref(), Some("2023-12-31"));
        assert_eq!(p("2024-02", End::Last).as_deref(), Some("2024-02-29"));
        assert_eq!(p("2023-06-02", End::Last).as_deref(), Some("2023-06-02"));
        for bad in ["23", "2023-13", "2023-02-30", "June", "2023/06/02", ""] {
            assert!(Day::parse(bad, End::First).is_err(), "{bad}");
        }
    }

    #[test]
    fn filter_days_beyond_article_years_are_clamped() {
        let day = |v| Day::parse(v, End::First).expect("parses");
        assert_eq!(day("2023-06-02").clamp_to_articles(), day("2023-06-02"));
        assert_eq!(day("9999").clamp_to_articles(), day("2201-01-01"));
        assert_eq!(day("0000").clamp_to_articles(), day("1799-12-31"));
    }

    #[test]
    fn rfc3339_times() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_653_609_600 + 3_661), "2022-05-27T01:01:01Z");
    }
}
