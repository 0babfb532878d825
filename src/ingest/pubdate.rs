/*!
Publication dates as news data writes them, read into the `YYYY-MM-DD` of the index: sidecar
metadata, JSON-lines exports and the metadata of saved web pages (issue 20).

The parsing is the `time` crate's: RFC 3339 (`2019-01-04T10:00:00Z`), RFC 2822 (`Fri, 04 Jan 2019
10:00:00 GMT`), and a short list of format descriptions for the rest (`26-FEB-1987 15:01:01.79`,
`January 4, 2019`, `4 January 2019`, `2019/01/04`). A time of day after the date is dropped; the
day is the one written, not its UTC equivalent (a story filed at 23:30 in New York is dated that
day).
*/

use time::format_description::well_known::{Rfc2822, Rfc3339};
use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::{Date, OffsetDateTime};

/// The day forms tried once the time of day is cut off.
const DAY_FORMATS: &[&[BorrowedFormatItem<'static>]] = &[
    format_description!("[year]-[month]-[day]"),
    format_description!("[year]/[month]/[day]"),
    format_description!("[year][month][day]"),
    format_description!("[day padding:none]-[month repr:short case_sensitive:false]-[year]"),
    format_description!("[day padding:none] [month repr:short case_sensitive:false] [year]"),
    format_description!("[day padding:none] [month repr:long case_sensitive:false] [year]"),
    format_description!("[month repr:long case_sensitive:false] [day padding:none], [year]"),
    format_description!("[month repr:long case_sensitive:false] [day padding:none] [year]"),
    format_description!("[month repr:short case_sensitive:false] [day padding:none], [year]"),
    format_description!("[month repr:short case_sensitive:false] [day padding:none] [year]"),
    format_description!("[month repr:short case_sensitive:false]. [day padding:none], [year]"),
];

/// The forms [`parse_date`] reads, for messages.
pub const DATE_FORMS: &str =
    "2019-01-04, 2019-01-04T10:00:00Z, Fri, 04 Jan 2019 10:00:00 GMT, 26-FEB-1987 15:01:01.79 or January 4, 2019";

/// Reads a publication date into `YYYY-MM-DD`; `None` when the text is no date newsdex knows.
pub fn parse_date(text: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty() || text.len() > 64 {
        return None;
    }
    let date = OffsetDateTime::parse(text, &Rfc3339)
        .or_else(|_| OffsetDateTime::parse(text, &Rfc2822))
        .map(|t| t.date())
        .ok()
        .or_else(|| iso_prefix(text))
        .or_else(|| day_of(text))?;
    Some(format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    ))
}

/// `2019-01-04` at the start of an ISO date-time without a zone (`2019-01-04T10:00`,
/// `2019-01-04 10:00:00`).
fn iso_prefix(text: &str) -> Option<Date> {
    let (day, rest) = (text.get(..10)?, text.get(10..)?);
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    Date::parse(day, format_description!("[year]-[month]-[day]")).ok()
}

/// The day of a text such as `26-FEB-1987 15:01:01.79` or `Friday, January 4, 2019, 10:00 AM`:
/// a leading weekday and everything from the time of day on are dropped.
fn day_of(text: &str) -> Option<Date> {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    if let Some(first) = words.first() {
        if first.ends_with(',') && is_weekday(first.trim_end_matches(',')) {
            words.remove(0);
        }
    }
    if let Some(time) = words
        .iter()
        .position(|w| w.contains(':') || w.eq_ignore_ascii_case("at"))
    {
        words.truncate(time);
    }
    let day = words.join(" ");
    let day = day.trim_end_matches([',', ' ']);
    DAY_FORMATS
        .iter()
        .find_map(|format| Date::parse(day, format).ok())
}

fn is_weekday(word: &str) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let word = word.to_ascii_lowercase();
    word.len() >= 3 && DAYS.iter().any(|d| d.starts_with(&word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forms_news_data_uses() {
        let cases = [
            ("2019-01-04", "2019-01-04"),
            ("26-FEB-1987 15:01:01.79", "1987-02-26"),
            ("Fri, 04 Jan 2019 10:00:00 GMT", "2019-01-04"),
            ("January 4, 2019", "2019-01-04"),
            ("2019-01-04T23:30:00-05:00", "2019-01-04"),
            ("2019-01-04T10:00:00.000Z", "2019-01-04"),
            ("2019-01-04T10:00", "2019-01-04"),
            ("2019-01-04 10:00:00", "2019-01-04"),
            ("2019/01/04", "2019-01-04"),
            ("20190104", "2019-01-04"),
            ("4 January 2019", "2019-01-04"),
            ("Jan. 4, 2019", "2019-01-04"),
            ("Friday, January 4, 2019, 10:00 AM", "2019-01-04"),
            ("  Jan 4 2019  ", "2019-01-04"),
        ];
        for (text, want) in cases {
            assert_eq!(parse_date(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn what_is_not_a_day() {
        for text in [
            "",
            "yesterday",
            "2019-02-30",
            "February 30, 2019",
            "2019-13-01",
            "2019",
            "01/04/2019",
            "2019-01-04x",
        ] {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }
}
