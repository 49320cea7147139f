//! Calendar names: the one table of month and weekday names in the crate, and the readers
//! the temporal tagger uses for them, parts of day and seasons.
//!
//! Other modules that need month or weekday names should read [`MONTHS`] and [`WEEKDAYS`]
//! rather than keep their own copy.

use chrono::Weekday;

/// Month names, January first; a month's number is its index + 1.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Three-letter month abbreviations, January first: the first three letters of [`MONTHS`].
pub const MONTH_ABBREVIATIONS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Month names as news copy (AP style) prints them before a day, January first: "Aug. 29",
/// "March 3", "Sept. 9".
pub const AP_MONTHS: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

/// Weekday names, Monday first (ISO order, as `Weekday::num_days_from_monday`).
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// `chrono` weekdays in the order of [`WEEKDAYS`].
const WEEKDAY_VALUES: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// The month (1-12) a lower-case word names: a full name, its first three letters, or "sept".
pub fn month_of(w: &str) -> Option<u32> {
    if w == "sept" {
        return Some(9);
    }
    // Every name is 3 to 9 letters long and opens with one of "jfmasond": the tagger asks
    // this of every word, and most are turned away here without twelve comparisons.
    let opens = w.as_bytes().first().map(u8::to_ascii_lowercase);
    if !(3..=9).contains(&w.len())
        || !matches!(
            opens,
            Some(b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd')
        )
    {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(w) || w.len() == 3 && m[..3].eq_ignore_ascii_case(w))
        .map(|i| i as u32 + 1)
}

/// The weekday a lower-case word names: a full name, or "tues", "thurs".
pub fn weekday_of(w: &str) -> Option<Weekday> {
    match w {
        "tues" => return Some(Weekday::Tue),
        "thurs" => return Some(Weekday::Thu),
        // Every full name is 6 to 9 letters long.
        _ if !(6..=9).contains(&w.len()) => return None,
        _ => {}
    }
    WEEKDAYS
        .iter()
        .position(|d| d.eq_ignore_ascii_case(w))
        .map(|i| WEEKDAY_VALUES[i])
}

/// The TIMEX3 part-of-day code of "morning", "afternoon", "evening", "night".
pub(super) fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

/// The TIMEX3 season code of a season word and the month it starts in.
pub(super) fn season_of(w: &str) -> Option<(&'static str, u32)> {
    Some(match w {
        "spring" => ("SP", 3),
        "summer" => ("SU", 6),
        "fall" | "autumn" => ("FA", 9),
        "winter" => ("WI", 12),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_short_forms_match_the_full_names() {
        for (i, m) in MONTHS.iter().enumerate() {
            assert_eq!(MONTH_ABBREVIATIONS[i], &m[..3]);
            assert!(m.starts_with(AP_MONTHS[i].trim_end_matches('.')), "{m}");
            assert_eq!(
                month_of(&MONTH_ABBREVIATIONS[i].to_lowercase()),
                Some(i as u32 + 1)
            );
        }
    }
}
