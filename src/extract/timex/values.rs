//! Units, counts, number words and the TIMEX3 values built from dates: the vocabulary and
//! arithmetic the grammar shares.

use chrono::{Datelike, Duration, NaiveDate};

use crate::model::{DateValue, Precision};

/// Time units of durations and relative dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

pub(super) fn unit(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "second" => (Unit::Second, false),
        "seconds" => (Unit::Second, true),
        "minute" => (Unit::Minute, false),
        "minutes" => (Unit::Minute, true),
        "hour" => (Unit::Hour, false),
        "hours" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// A count: a number, or unspecified ("several", "a few").
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Count {
    N(u32),
    /// n and a half ("5 1/2").
    Half(u32),
    X,
}

pub(super) fn duration_value(n: Count, u: Unit) -> String {
    let (t, letter, mult) = match u {
        Unit::Second => ("T", "S", 1),
        Unit::Minute => ("T", "M", 1),
        Unit::Hour => ("T", "H", 1),
        Unit::Day => ("", "D", 1),
        Unit::Week => ("", "W", 1),
        Unit::Month => ("", "M", 1),
        // TimeBank writes quarters as months: "the next three quarters" is P9M.
        Unit::Quarter => ("", "M", 3),
        Unit::Year => ("", "Y", 1),
        Unit::Decade => ("", "Y", 10),
        Unit::Century => ("", "Y", 100),
    };
    match n {
        Count::N(n) => format!("P{t}{}{letter}", n.saturating_mul(mult)),
        Count::Half(n) => match u {
            Unit::Hour => format!("PT{n}H30M"),
            Unit::Day => format!("P{n}DT12H"),
            Unit::Year => format!("P{n}Y6M"),
            Unit::Minute => format!("PT{n}M30S"),
            _ => format!("P{t}{}{letter}", n.saturating_mul(mult)),
        },
        Count::X => match u {
            Unit::Decade => "PXDE".into(),
            Unit::Century => "PXCE".into(),
            _ => format!("P{t}X{letter}"),
        },
    }
}

/// Number words up to "hundred" ("one" … "ninety"); shared with the figures of `frames`.
pub(crate) fn small_number(w: &str) -> Option<u32> {
    Some(match w {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        _ => return None,
    })
}

pub(super) fn ordinal(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        _ => return None,
    })
}

pub(super) fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

pub(super) fn day_value(d: NaiveDate) -> (String, DateValue) {
    (d.format("%Y-%m-%d").to_string(), DateValue::day(d))
}

pub(super) fn week_value(d: NaiveDate) -> (String, DateValue) {
    let w = d.iso_week();
    let monday = shift_days(d, -i64::from(d.weekday().num_days_from_monday()));
    (
        format!("{:04}-W{:02}", w.year(), w.week()),
        DateValue {
            date: monday,
            precision: Precision::Week,
        },
    )
}

pub(super) fn month_value(y: i32, m: u32) -> (String, DateValue) {
    (
        format!("{y:04}-{m:02}"),
        DateValue {
            date: ymd(y, m, 1),
            precision: Precision::Month,
        },
    )
}

pub(super) fn year_value(y: i32) -> (String, DateValue) {
    (
        format!("{y:04}"),
        DateValue {
            date: ymd(y, 1, 1),
            precision: Precision::Year,
        },
    )
}

/// A period coarser than a month but inside one year (quarter, half, season): the date is
/// given at year precision, since the first day would claim more than the text says.
pub(super) fn in_year_value(y: i32, suffix: &str) -> (String, DateValue) {
    (
        format!("{y:04}-{suffix}"),
        DateValue {
            date: ymd(y, 1, 1),
            precision: Precision::Year,
        },
    )
}

pub(super) fn unresolved(value: &str) -> (String, DateValue) {
    (value.into(), DateValue::unknown())
}

pub(super) fn add_months(y: i32, m: u32, delta: i32) -> (i32, u32) {
    let idx = y * 12 + (m as i32 - 1) + delta;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

pub(super) fn quarter_of(m: u32) -> u32 {
    m.div_ceil(3)
}

pub(super) fn shift_quarter(y: i32, q: u32, delta: i32) -> (i32, u32) {
    let idx = y * 4 + (q as i32 - 1) + delta;
    (idx.div_euclid(4), (idx.rem_euclid(4) + 1) as u32)
}

pub(super) fn shift_days(d: NaiveDate, days: i64) -> Option<NaiveDate> {
    d.checked_add_signed(Duration::try_days(days)?)
}

pub(super) fn sane_year(y: i32) -> bool {
    (1000..=2999).contains(&y)
}

pub(super) fn is_zone(w: &str) -> bool {
    matches!(
        w,
        "gmt"
            | "utc"
            | "est"
            | "edt"
            | "cst"
            | "cdt"
            | "pst"
            | "pdt"
            | "mst"
            | "mdt"
            | "bst"
            | "cet"
            | "cest"
    )
}

pub(super) fn unit_like(w: &str) -> bool {
    unit(w).is_some() || small_number(w).is_some() || matches!(w, "several" | "few")
}

pub(super) fn year_opt(y: Option<i32>) -> (String, DateValue) {
    match y {
        Some(y) => year_value(y),
        None => unresolved("XXXX"),
    }
}

pub(super) fn date_opt(d: Option<NaiveDate>, fallback: &str) -> (String, DateValue) {
    match d {
        Some(d) => day_value(d),
        None => unresolved(fallback),
    }
}
