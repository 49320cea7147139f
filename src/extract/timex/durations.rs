//! Counts and units: "three years", "48 hours", "seven-day", ordinals ("the first quarter"),
//! quarters and halves of a year.

use chrono::Datelike;

use super::values::{
    duration_value, in_year_value, ordinal, quarter_of, shift_quarter, small_number, unit,
    unresolved, Count, Unit,
};
use super::{Cx, Hit, K};
use crate::model::TimexType;

impl<'a> Cx<'a> {
    // --- counts and units ---------------------------------------------------------------

    /// A count at `i`: (count, next token index).
    pub(super) fn count(&self, i: usize) -> Option<(Count, usize)> {
        let w = self.w(i);
        if let Some(n) = self.num(i) {
            // "5 1/2".
            if self.digits(i + 1) == 1
                && self.w(i + 1) == "1"
                && self.glued(i + 2, "/")
                && self.w(i + 3) == "2"
            {
                return Some((Count::Half(n), i + 4));
            }
            if self.adj(i + 1)
                && matches!(self.w(i + 1), "," | ".")
                && self.kind(i + 2) == Some(K::Num)
            {
                return None;
            }
            return Some((Count::N(n), i + 1));
        }
        match w {
            "several" | "few" | "many" => return Some((Count::X, i + 1)),
            "a" if self.w(i + 1) == "few" => return Some((Count::X, i + 2)),
            "a" if self.w(i + 1) == "couple" && self.w(i + 2) == "of" => {
                return Some((Count::N(2), i + 3))
            }
            "couple" if self.w(i + 1) == "of" => return Some((Count::N(2), i + 2)),
            "some" => {
                return self.count(i + 1);
            }
            _ => {}
        }
        let n = small_number(w)?;
        // "twenty-four", "twenty four".
        if n >= 20 && n % 10 == 0 && n < 100 {
            let (k, _) = self.hyphen(i + 1);
            if let Some(u) = small_number(self.w(k)).filter(|&u| (1..10).contains(&u)) {
                if !matches!(self.w(k), "a" | "an") {
                    return Some((Count::N(n + u), k + 1));
                }
            }
        }
        if matches!(w, "a" | "an") && self.w(i + 1) == "hundred" {
            return Some((Count::N(100), i + 2));
        }
        if n < 100 && self.w(i + 1) == "hundred" {
            return Some((Count::N(n * 100), i + 2));
        }
        Some((Count::N(n), i + 1))
    }

    /// "three years", "48 hours", "seven-day", "a year ago", "two days earlier".
    pub(super) fn number_unit(&self, i: usize) -> Option<Hit> {
        let (n, j) = self.count(i)?;
        let (j, hyph) = self.hyphen(j);
        // "20 more years".
        let j = if !hyph && self.w(j) == "more" {
            j + 1
        } else {
            j
        };
        let (u, plural) = unit(self.w(j))?;
        // "a quarter of the market" is a fraction; "This Week" a TV show.
        if u == Unit::Quarter && self.w(j + 1) == "of" || self.cap(j) && self.cap(i) && j > i + 1 {
            return None;
        }
        let article = matches!(self.w(i), "a" | "an");
        // "a second" is rarely a duration; "one second" is.
        if article && u == Unit::Second {
            return None;
        }
        if hyph && plural {
            return None;
        }
        // "a year-earlier loss": the adjective is read from "year" on.
        if !hyph
            && self.glued(j + 1, "-")
            && matches!(self.w(j + 2), "earlier" | "ago" | "end" | "old")
        {
            return None;
        }
        // "1988 second quarter": a year, not a count.
        if !hyph && !plural && self.kind(i) == Some(K::Num) && n != Count::N(1) {
            return None;
        }
        // TV shows and titles: "60 Minutes".
        if self.cap(j) && self.kind(i) == Some(K::Num) {
            return None;
        }
        let mut end = j + 1;
        // Ages are not time expressions: "a 44-year-old", "52 years old".
        if self.w(end) == "old" || (self.glued(end, "-") && self.w(end + 1) == "old") {
            return None;
        }
        if hyph {
            if self.glued(end, "-") && self.w(end + 1) == "long" {
                end += 2;
            }
            return Some(Hit::duration(end, duration_value(n, u)));
        }
        match self.w(end) {
            "ago" | "earlier" | "previously" => {
                if let Some(h) = self.relative_date(n, u, true, end + 1) {
                    return Some(h);
                }
            }
            "later" => {
                if let Some(h) = self.relative_date(n, u, false, end + 1) {
                    return Some(h);
                }
            }
            "from" if self.w(end + 1) == "now" => {
                if let Some(h) = self.relative_date(n, u, false, end + 2) {
                    return Some(h);
                }
            }
            _ => {}
        }
        // A rate: "$500 million a year", "four flights a week", "24 hours a day".
        if article && !plural && i > 0 {
            let prev = self.w(i - 1);
            if self.kind(i - 1) == Some(K::Num)
                || matches!(
                    prev,
                    "million"
                        | "billion"
                        | "thousand"
                        | "dollars"
                        | "cents"
                        | "percent"
                        | "times"
                        | "flights"
                        | "seats"
                        | "hours"
                        | "days"
                        | "%"
                        | "barrels"
                        | "shares"
                        | "units"
                        | "tons"
                )
            {
                return None;
            }
        }
        let h = Hit::duration(end, duration_value(n, u));
        Some(if u == Unit::Month { h.the() } else { h })
    }

    /// "the first quarter", "third-quarter", "the sixth year".
    pub(super) fn ordinal_expr(&self, i: usize) -> Option<Hit> {
        let n = ordinal(self.w(i))?;
        // "the first nine months", "the first two years".
        if n == 1 && i > 0 && self.w(i - 1) == "the" {
            if let Some(h) = self
                .number_unit(i + 1)
                .filter(|h| h.kind == TimexType::Duration)
            {
                return Some(h.the());
            }
        }
        let (j, _) = self.hyphen(i + 1);
        match self.w(j) {
            "quarter" if (1..=4).contains(&n) => Some(self.quarter_hit(j + 1, Some(n), 0)),
            "half" if (1..=2).contains(&n) => Some(self.half_hit(j + 1, n)),
            "year" | "day" | "week" | "month" => Some(
                Hit::date(
                    j + 1,
                    unresolved(match self.w(j) {
                        "year" => "XXXX",
                        "month" => "XXXX-XX",
                        "week" => "XXXX-WXX",
                        _ => "XXXX-XX-XX",
                    }),
                )
                .the(),
            ),
            _ => None,
        }
    }

    /// A quarter ending at `end`; `n` None is "the quarter" (the latest one reported),
    /// `years_back` 1 is "the year-ago quarter". An "of 1998"/"of fiscal 1998" may follow.
    pub(super) fn quarter_hit(&self, end: usize, n: Option<u32>, years_back: i32) -> Hit {
        let mut end = end;
        let mut year = None;
        if self.w(end) == "of" {
            let k = if self.w(end + 1) == "fiscal" {
                end + 2
            } else {
                end + 1
            };
            if self.digits(k) == 4 {
                year = self.num(k).map(|y| y as i32);
                end = k + 1;
            } else if self.w(k) == "the" && self.w(k + 1) == "year" {
                end = k + 2;
            }
        } else if self.digits(end) == 4 && !self.adj(end) {
            year = self.num(end).map(|y| y as i32);
            end += 1;
        }
        let Some(dct) = self.dct.filter(|_| year.is_none()) else {
            return match year {
                Some(y) => {
                    let q = n.map_or("QX".to_string(), |q| format!("Q{q}"));
                    let mut h = Hit::date(end, in_year_value(y, &q)).the();
                    h.quarter = n.map(|q| (y, q));
                    h
                }
                None => Hit::date(end, unresolved("XXXX-QX")).the(),
            };
        };
        let cur = quarter_of(dct.month());
        let (y, q) = match n {
            Some(q) => (if q > cur { dct.year() - 1 } else { dct.year() }, q),
            None => shift_quarter(dct.year(), cur, -1),
        };
        let mut h = Hit::date(end, in_year_value(y - years_back, &format!("Q{q}"))).the();
        // The quarter under discussion stays this year's, even after "the year-ago quarter".
        h.quarter = Some((y, q));
        h
    }

    pub(super) fn half_hit(&self, end: usize, n: u32) -> Hit {
        let mut end = end;
        let mut year = self.dct.map(|d| d.year());
        if self.w(end) == "of" && self.digits(end + 1) == 4 {
            year = self.num(end + 1).map(|y| y as i32);
            end += 2;
        }
        match year {
            Some(y) => Hit::date(end, in_year_value(y, &format!("H{n}"))).the(),
            None => Hit::date(end, unresolved(&format!("XXXX-H{n}"))).the(),
        }
    }
}
