//! Dates as Jekyll accepts them: `2024-02-01`, `2024-02-01 10:00`, `2024-02-01 10:00:00 -0500`,
//! RFC 3339, and the `YYYY-MM-DD-` prefix of a file name. A date without a zone is UTC.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// Parses a front matter date.
pub fn parse(text: &str) -> Option<DateTime<FixedOffset>> {
    let text = text.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(text) {
        return Some(d);
    }
    for fmt in [
        "%Y-%m-%d %H:%M:%S %z",
        "%Y-%m-%d %H:%M %z",
        "%Y-%m-%dT%H:%M:%S%z",
        "%Y-%m-%d %H:%M:%S%.f %z",
    ] {
        if let Ok(d) = DateTime::parse_from_str(text, fmt) {
            return Some(d);
        }
    }
    for fmt in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(d) = NaiveDateTime::parse_from_str(text, fmt) {
            return Some(utc(d));
        }
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(utc)
}

/// Why a text shaped as a date (`YYYY-MM-DD`, with or without a time after it) is none:
/// "there is no month 13", "February 2024 has 29 days". None where it is not so shaped,
/// or its day exists.
pub fn no_such_day(text: &str) -> Option<String> {
    let head = text.trim().get(..10)?;
    let b = head.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        (b[r.clone()].iter().all(u8::is_ascii_digit)).then(|| head[r].parse::<u32>().ok())?
    };
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let first = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, 1);
    let Some(first) = first else {
        return Some(format!("there is no month {month}"));
    };
    // The last day of the month is the day before the first of the next.
    let next = first.checked_add_months(chrono::Months::new(1))?;
    let days = next.signed_duration_since(first).num_days();
    (day == 0 || i64::from(day) > days).then(|| format!("{} {year} has {days} days", first.format("%B")))
}

fn utc(d: NaiveDateTime) -> DateTime<FixedOffset> {
    Utc.from_utc_datetime(&d).fixed_offset()
}

/// Splits a `YYYY-MM-DD-` prefix off a file stem: `2024-02-01-q4-call` → (date, "q4-call").
pub fn from_file_stem(stem: &str) -> (Option<DateTime<FixedOffset>>, &str) {
    if stem.len() > 11
        && stem.as_bytes()[10] == b'-'
        && let Some(date) = stem.get(..10).and_then(parse)
    {
        return (Some(date), &stem[11..]);
    }
    (None, stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_jekyll_forms() {
        for text in [
            "2024-02-01",
            "2024-02-01 10:00:00 -0500",
            "2024-02-01T10:00:00Z",
            "2024-02-01 10:00",
        ] {
            assert!(parse(text).is_some(), "{text}");
        }
        assert_eq!(
            parse("2024-02-01 10:00:00 -0500").unwrap().to_rfc3339(),
            "2024-02-01T10:00:00-05:00"
        );
        assert!(parse("2024-13-01").is_none());
        assert!(parse("yesterday").is_none());
    }

    #[test]
    fn file_prefix() {
        let (d, rest) = from_file_stem("2024-02-01-amzn-call");
        assert_eq!(rest, "amzn-call");
        assert_eq!(d.unwrap().date_naive().to_string(), "2024-02-01");
        assert_eq!(from_file_stem("about").1, "about");
    }
}
