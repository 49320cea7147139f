//! Absolute and calendar expressions: month and weekday dates, numeric dates, years and
//! decades, centuries, clock times and the day a clock time names.

use chrono::{Datelike, NaiveDate, Weekday};

use super::calendar::{month_of, part_of_day, weekday_of};
use super::values::{
    day_value, in_year_value, is_zone, month_value, ordinal, sane_year, shift_days, unresolved,
    year_value, ymd,
};
use super::{Cx, Dir, Hit, K};
use crate::model::{DateValue, Precision, TimexType};

impl<'a> Cx<'a> {
    // --- calendar dates -----------------------------------------------------------------

    /// Pick the year for a month (and day) without one: the nearest occurrence, nudged by tense.
    pub(super) fn year_for(&self, m: u32, d: Option<u32>, dir: Dir) -> Option<i32> {
        let dct = self.dct?;
        let cands = [dct.year() - 1, dct.year(), dct.year() + 1];
        // Days from the DCT; a month alone counts from its middle.
        let dist = |y: i32| -> Option<i64> {
            let date = ymd(y, m, d.unwrap_or(15))?;
            Some((date - dct).num_days())
        };
        let slack = if d.is_some() { 0 } else { 16 };
        cands
            .iter()
            .filter_map(|&y| dist(y).map(|x| (y, x)))
            .min_by_key(|&(_, x)| {
                // Against the tense, a date counts twice as far.
                match dir {
                    Dir::Past if x > slack => 2 * x,
                    Dir::Future if x < -slack => -2 * x,
                    _ => x.abs(),
                }
            })
            .map(|(y, _)| y)
    }

    /// "Aug. 29", "August 29, 2016", "August 2016", "August", "Monday, Aug. 29".
    pub(super) fn month_date(&self, i: usize, m: u32) -> Option<Hit> {
        let w = self.w(i);
        // Month names that are also ordinary words must be capitalized; "may" needs more.
        if !self.cap(i) {
            return None;
        }
        let abbr = w.len() <= 4 && !matches!(w, "may" | "june" | "july");
        let mut j = i + 1;
        if abbr {
            j = self.dot(j);
        }
        let day = self
            .num(j)
            .filter(|&d| (1..=31).contains(&d) && self.digits(j) <= 2);
        if let Some(d) = day {
            let mut k = j + 1;
            if matches!(self.w(k), "st" | "nd" | "rd" | "th") && self.adj(k) {
                k += 1;
            }
            // Optional ", 2016" or " 2016".
            let mut yk = k;
            if self.w(yk) == "," {
                yk += 1;
            }
            let year = self
                .num(yk)
                .filter(|_| self.digits(yk) == 4)
                .map(|y| y as i32)
                .filter(|&y| sane_year(y));
            let (end, y) = match year {
                Some(y) => (yk + 1, Some(y)),
                None => (k, None),
            };
            let y = y.or_else(|| self.year_for(m, Some(d), self.dir(i, end)));
            let val = match y.and_then(|y| ymd(y, m, d)) {
                Some(date) => day_value(date),
                None => unresolved(&format!("XXXX-{m:02}-{d:02}")),
            };
            return Some(Hit::date(end, val));
        }
        // "August 2016", "August of 2016".
        let mut yk = j;
        if self.w(yk) == "of" || self.w(yk) == "," {
            yk += 1;
        }
        if self.digits(yk) == 4 {
            if let Some(y) = self.num(yk).map(|y| y as i32).filter(|&y| sane_year(y)) {
                return Some(Hit::date(yk + 1, month_value(y, m)));
            }
        }
        // "January this year", "April next year".
        if let Some(shift) = match self.w(j) {
            "last" => Some(-1),
            "this" => Some(0),
            "next" => Some(1),
            _ => None,
        } {
            if self.w(j + 1) == "year" {
                if let Some(dct) = self.dct {
                    return Some(Hit::date(j + 2, month_value(dct.year() + shift, m)));
                }
            }
        }
        if m == 5 && !self.month_context(i) {
            return None;
        }
        if abbr && w.len() == 3 && !self.glued(i + 1, ".") && m != 5 {
            // "Mar", "Jan" alone are too ambiguous without a day.
            return None;
        }
        let y = self.year_for(m, None, self.dir(i, j));
        let val = match y {
            Some(y) => month_value(y, m),
            None => unresolved(&format!("XXXX-{m:02}")),
        };
        Some(Hit::date(j, val))
    }

    /// "May" is a month only after a temporal preposition or modifier.
    pub(super) fn month_context(&self, i: usize) -> bool {
        i > 0
            && matches!(
                self.w(i - 1),
                "in" | "since"
                    | "until"
                    | "by"
                    | "last"
                    | "next"
                    | "this"
                    | "early"
                    | "late"
                    | "mid"
                    | "of"
                    | "from"
                    | "through"
                    | "during"
                    | "before"
                    | "after"
                    | "-"
            )
    }

    pub(super) fn weekday_date(&self, i: usize, wd: Weekday) -> Option<Hit> {
        if !self.cap(i) {
            return None;
        }
        // "Monday, Aug. 29" -> one date.
        let mut j = i + 1;
        if self.w(j) == "," {
            j += 1;
        }
        if let Some(m) = month_of(self.w(j)) {
            if let Some(h) = self.month_date(j, m) {
                if h.res.precision == Precision::Day || h.value.len() == 10 {
                    return Some(h);
                }
            }
        }
        let end = i + 1;
        let date = self.weekday_resolve(wd, self.dir(i, end), 0);
        self.with_part_of_day(end, date)
    }

    /// Resolve a weekday: `shift` -1 for "last Friday", 1 for "next Friday", 0 by tense.
    pub(super) fn weekday_resolve(&self, wd: Weekday, dir: Dir, shift: i32) -> Option<NaiveDate> {
        let dct = self.dct?;
        let cur = dct.weekday().num_days_from_monday() as i64;
        let want = wd.num_days_from_monday() as i64;
        let back = (cur - want).rem_euclid(7);
        let fwd = (want - cur).rem_euclid(7);
        let days = match (shift, dir) {
            (-1, _) => -(if back == 0 { 7 } else { back }),
            (1, _) => {
                if fwd == 0 {
                    7
                } else {
                    fwd
                }
            }
            (_, Dir::Future) => fwd,
            _ => -back,
        };
        shift_days(dct, days)
    }

    /// A day, optionally followed by "morning"/"night" (TIME with a part of day).
    pub(super) fn with_part_of_day(&self, end: usize, date: Option<NaiveDate>) -> Option<Hit> {
        if let Some(p) = part_of_day(self.w(end)) {
            let value = match date {
                Some(d) => format!("{}T{p}", d.format("%Y-%m-%d")),
                None => format!("XXXX-XX-XXT{p}"),
            };
            let res = date.map_or(DateValue::unknown(), DateValue::day);
            // TimeBank types "Friday night" as a DATE.
            return Some(Hit::new(end + 1, TimexType::Date, value, res));
        }
        Some(Hit::date(
            end,
            match date {
                Some(d) => day_value(d),
                None => unresolved("XXXX-XX-XX"),
            },
        ))
    }

    /// "2016-08-29", "8/29/2016", "29 August 2016".
    pub(super) fn numeric_date(&self, i: usize) -> Option<Hit> {
        let a = self.num(i)?;
        // ISO 2016-08-29.
        if self.digits(i) == 4
            && self.glued(i + 1, "-")
            && self.digits(i + 2) == 2
            && self.glued(i + 3, "-")
            && self.digits(i + 4) == 2
            && self.adj(i + 2)
            && self.adj(i + 4)
        {
            let date = ymd(a as i32, self.num(i + 2)?, self.num(i + 4)?)?;
            return Some(Hit::date(i + 5, day_value(date)));
        }
        // US 8/29/2016.
        if self.digits(i) <= 2
            && self.glued(i + 1, "/")
            && self.digits(i + 2) <= 2
            && self.glued(i + 3, "/")
            && self.digits(i + 4) == 4
            && self.adj(i + 2)
            && self.adj(i + 4)
        {
            let date = ymd(self.num(i + 4)? as i32, a, self.num(i + 2)?)?;
            return Some(Hit::date(i + 5, day_value(date)));
        }
        // 29 August [2016].
        if self.digits(i) <= 2 && (1..=31).contains(&a) {
            let mut j = i + 1;
            if matches!(self.w(j), "st" | "nd" | "rd" | "th") && self.adj(j) {
                j += 1;
            }
            if self.w(j) == "of" {
                j += 1;
            }
            let m = month_of(self.w(j)).filter(|_| self.cap(j))?;
            let mut k = self.dot(j + 1);
            let year = if self.digits(k) == 4 {
                self.num(k).map(|y| y as i32).filter(|&y| sane_year(y))
            } else {
                None
            };
            if year.is_some() {
                k += 1;
            }
            let y = year.or_else(|| self.year_for(m, Some(a), self.dir(i, k)));
            let val = match y.and_then(|y| ymd(y, m, a)) {
                Some(d) => day_value(d),
                None => unresolved(&format!("XXXX-{m:02}-{a:02}")),
            };
            return Some(Hit::date(k, val));
        }
        None
    }

    /// "2011", "1990s", "fiscal 1989" is handled in `word_expr`.
    pub(super) fn year_or_decade(&self, i: usize) -> Option<Hit> {
        if self.digits(i) != 4 {
            return None;
        }
        let y = self.num(i)? as i32;
        if !(1800..=2099).contains(&y) {
            return None;
        }
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        if i > 0 && self.adj(i) && matches!(prev, "$" | "#" | "," | "." | "/" | ":") {
            return None;
        }
        if i > 0 && self.adj(i) && prev == "-" && self.kind(i.wrapping_sub(2)) == Some(K::Num) {
            return None;
        }
        let next = self.w(i + 1);
        // "the 1988 third quarter", "the 1989 period" (the same quarter that year).
        if i > 0 && self.w(i - 1) == "the" {
            if let Some(n) = ordinal(next).filter(|n| (1..=4).contains(n)) {
                let (k, _) = self.hyphen(i + 2);
                if self.w(k) == "quarter" {
                    let mut h = Hit::date(k + 1, in_year_value(y, &format!("Q{n}"))).the();
                    h.quarter = Some((y, n));
                    return Some(h);
                }
            }
            if matches!(next, "quarter" | "period") {
                if let Some((_, q)) = self.last_quarter {
                    return Some(Hit::date(i + 2, in_year_value(y, &format!("Q{q}"))).the());
                }
            }
        }
        // A decade: "1990s".
        if next == "s" && self.adj(i + 1) {
            return Some(Hit::date(
                i + 2,
                (format!("{}X", y / 10), DateValue::unknown()),
            ));
        }
        if self.adj(i + 1)
            && matches!(next, "," | "." | "%" | "-" | ":" | "/")
            && self.kind(i + 2) == Some(K::Num)
            && self.adj(i + 2)
        {
            return None;
        }
        if self.adj(i + 1) && matches!(next, "%") {
            return None;
        }
        if matches!(
            next,
            "percent"
                | "shares"
                | "people"
                | "units"
                | "cars"
                | "tons"
                | "miles"
                | "feet"
                | "points"
                | "troops"
                | "workers"
                | "employees"
                | "jobs"
                | "votes"
                | "pounds"
                | "acres"
        ) {
            return None;
        }
        Some(Hit::date(i + 1, year_value(y)))
    }

    /// "20th century" -> 19.
    pub(super) fn ordinal_century(&self, i: usize) -> Option<Hit> {
        let n = self
            .num(i)
            .filter(|&n| (1..=30).contains(&n) && self.digits(i) <= 2)?;
        if !(matches!(self.w(i + 1), "st" | "nd" | "rd" | "th") && self.adj(i + 1)) {
            return None;
        }
        let (k, _) = self.hyphen(i + 2);
        if self.w(k) != "century" {
            return None;
        }
        Some(Hit::date(k + 1, (format!("{:02}", n - 1), DateValue::unknown())).the())
    }

    /// "'80s".
    pub(super) fn apostrophe_decade(&self, i: usize) -> Option<Hit> {
        if !matches!(self.w(i), "'" | "\u{2019}") {
            return None;
        }
        if self.digits(i + 1) == 2 && self.glued(i + 2, "s") && self.adj(i + 1) {
            let d = self.num(i + 1)?;
            let century = if d >= 30 { 19 } else { 20 };
            return Some(Hit::date(
                i + 3,
                (format!("{century}{}X", d / 10), DateValue::unknown()),
            ));
        }
        None
    }

    /// "7 p.m.", "10:35 a.m.", "9 a.m. Tuesday".
    pub(super) fn clock(&self, i: usize) -> Option<Hit> {
        let h = self.num(i).filter(|&h| h <= 24 && self.digits(i) <= 2)?;
        let mut j = i + 1;
        let mut min = 0;
        if self.glued(j, ":") && self.digits(j + 1) == 2 && self.adj(j + 1) {
            min = self.num(j + 1)?;
            if min > 59 {
                return None;
            }
            j += 2;
        }
        let hour = match (self.w(j), self.w(j + 1), self.w(j + 2)) {
            ("a", ".", "m") | ("am", _, _) if h <= 12 => {
                let step = if self.w(j) == "am" { 1 } else { 3 };
                j += step;
                if h == 12 {
                    0
                } else {
                    h
                }
            }
            ("p", ".", "m") | ("pm", _, _) if h <= 12 => {
                let step = if self.w(j) == "pm" { 1 } else { 3 };
                j += step;
                if h == 12 {
                    12
                } else {
                    h + 12
                }
            }
            // "14:00 GMT".
            _ if min > 0 && matches!(self.w(j), "gmt" | "utc") => h,
            _ => return None,
        };
        // "a.m." ends with a period glued to "m": keep it unless it ends the sentence.
        if self.w(j - 1) == "m" && self.glued(j, ".") {
            let next = self.w(j + 1);
            let continues = weekday_of(next).is_some()
                || month_of(next).is_some()
                || is_zone(next)
                || matches!(
                    next,
                    "today" | "tomorrow" | "yesterday" | "tonight" | "local"
                );
            let ends = self
                .t
                .get(j + 1)
                .is_none_or(|t| self.text.as_bytes()[t.s].is_ascii_uppercase() || t.nl);
            if continues || !ends {
                j += 1;
            }
        }
        // Time zone and "local time".
        if is_zone(self.w(j)) {
            j += 1;
        }
        if self.w(j) == "local" && self.w(j + 1) == "time" {
            j += 2;
        }
        let (date, j) = self.day_after_clock(i, j);
        let value = match date {
            Some(d) => format!("{}T{hour:02}:{min:02}", d.format("%Y-%m-%d")),
            None => format!("XXXX-XX-XXT{hour:02}:{min:02}"),
        };
        let res = date.map_or(DateValue::unknown(), DateValue::day);
        Some(Hit::new(j, TimexType::Time, value, res))
    }

    /// The day a clock time names when one follows it ("9 a.m. Tuesday", "noon today",
    /// "5 p.m. EST, Nov. 6"): (date, end); the DCT otherwise.
    pub(super) fn day_after_clock(&self, start: usize, j: usize) -> (Option<NaiveDate>, usize) {
        let wj = self.w(j);
        if let Some(wd) = weekday_of(wj).filter(|_| self.cap(j)) {
            return (self.weekday_resolve(wd, self.dir(start, j + 1), 0), j + 1);
        }
        if let Some(off) = match wj {
            "today" | "tonight" => Some(0),
            "yesterday" => Some(-1),
            "tomorrow" => Some(1),
            _ => None,
        } {
            return (self.dct.and_then(|d| shift_days(d, off)), j + 1);
        }
        let k = if wj == "," { j + 1 } else { j };
        if let Some(m) = month_of(self.w(k)) {
            if let Some(h) = self.month_date(k, m) {
                if h.res.precision == Precision::Day {
                    return (h.res.date, h.end);
                }
            }
        }
        (self.dct, j)
    }
}
