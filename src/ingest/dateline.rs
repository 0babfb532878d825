/*!
Datelines (`UNITED NATIONS (Dispatches) —`, `BRUSSELS 1996-08-22`, `LONDON, April 9 -`) and the
dates a story's text or its file's path give.
*/

/// A dateline found at the start of a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    pub text: String,
    pub date: Option<String>,
}

/// Recognises a dateline at the start of a body's first paragraph:
/// `UNITED NATIONS (Dispatches) —`, `NAIROBI, Kenya (Reuters) -`, `LONDON, April 9 -`, or a whole
/// paragraph such as `BRUSSELS 1996-08-22`.
pub fn parse_dateline(first: &str) -> Option<Dateline> {
    let first = first.trim();
    // The place: upper-case words (letters, spaces, dots, apostrophes, hyphens).
    let place_end = first
        .char_indices()
        .find(|&(_, c)| !(c.is_uppercase() || c == ' ' || c == '.' || c == '\'' || c == '-'))
        .map(|(i, _)| i)
        .unwrap_or(first.len());
    let place = first[..place_end].trim_end_matches([' ', '-']).trim();
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 {
        return None;
    }
    let rest = &first[place.len()..];
    // `BRUSSELS 1996-08-22` as a whole paragraph.
    let trimmed_rest = rest.trim();
    if let Some(date) = iso_date(trimmed_rest) {
        if trimmed_rest.len() == 10 {
            return Some(Dateline {
                text: first.to_string(),
                date: Some(date),
            });
        }
    }
    // Optional `, Something` (a country or a date), optional `(Agency)`, then a dash.
    let mut i = 0;
    if rest.starts_with(',') {
        i = rest
            .find(['(', '\u{2014}', '\u{2013}', '-'])
            .unwrap_or(rest.len());
        let qualifier = &rest[1..i];
        if qualifier.chars().count() > 30
            || qualifier.contains(['.', ',']) && !qualifier.ends_with('.')
        {
            return None;
        }
    }
    let after = &rest[i..];
    let after_agency = if after.trim_start().starts_with('(') {
        let open = after.find('(')?;
        let close = after[open..].find(')')? + open;
        if close - open > 40 {
            return None;
        }
        &after[close + 1..]
    } else {
        after
    };
    let stripped = after_agency.trim_start();
    let dash = ['\u{2014}', '\u{2013}', '-'];
    if !stripped.starts_with(dash) {
        return None;
    }
    let end = first.len() - stripped.len();
    let text = first[..end].trim().to_string();
    Some(Dateline { text, date: None })
}

/// `YYYY-MM-DD` at the start of `s`, validated.
fn iso_date(s: &str) -> Option<String> {
    let b = s.as_bytes();
    if b.len() < 10 {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)) {
        return None;
    }
    let year: u32 = s[0..4].parse().ok()?;
    let month: u32 = s[5..7].parse().ok()?;
    let day: u32 = s[8..10].parse().ok()?;
    if !super::dates::ARTICLE_YEARS.contains(&i64::from(year))
        || !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
    {
        return None;
    }
    Some(s[..10].to_string())
}

/// A header line `Date: 2022-05-27`.
pub(crate) fn parse_date_header(line: &str) -> Option<String> {
    let (key, value) = line.split_once(':')?;
    if !key.trim().eq_ignore_ascii_case("date") {
        return None;
    }
    let value = value.trim();
    iso_date(value).filter(|_| value.len() == 10)
}

/// A date in a file's path, such as `2019-01-04_Some_story.txt` or `2019/2019-01-04/x.txt`.
pub fn date_from_path(path: &str) -> Option<String> {
    let components: Vec<&str> = path.rsplit('/').collect();
    for component in components {
        for (i, _) in component.char_indices() {
            let rest = &component[i..];
            if let Some(date) = iso_date(rest) {
                let before_ok = component[..i]
                    .chars()
                    .last()
                    .is_none_or(|c| !c.is_ascii_digit());
                let after_ok = rest[10..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_ascii_digit());
                if before_ok && after_ok {
                    return Some(date);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        let d = parse_dateline("BRUSSELS 1996-08-22").unwrap();
        assert_eq!(d.date.as_deref(), Some("1996-08-22"));
        let d = parse_dateline("LONDON, April 9 - Shares fell sharply.").unwrap();
        assert_eq!(d.text, "LONDON, April 9");
        let d = parse_dateline("NAIROBI, Kenya (Dispatches) \u{2014} Rain fell.").unwrap();
        assert_eq!(d.text, "NAIROBI, Kenya (Dispatches)");
        assert_eq!(
            parse_dateline("China and Russia have vetoed a resolution."),
            None
        );
        assert_eq!(parse_dateline("UN officials said - quietly - that"), None);
    }

    #[test]
    fn dates_from_headers_and_paths() {
        assert_eq!(
            parse_date_header("Date: 2022-05-27").as_deref(),
            Some("2022-05-27")
        );
        assert_eq!(
            date_from_path("2019-01-04_Magnitogorsk_collapse.txt").as_deref(),
            Some("2019-01-04")
        );
        assert_eq!(date_from_path("reut2-00001.txt"), None);
        assert_eq!(date_from_path("x/2019-13-04_bad.txt"), None);
    }
}
