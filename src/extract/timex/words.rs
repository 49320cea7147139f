//! Word-led expressions: deictic days ("today"), references ("now", "recently"), spelled
//! years, sets ("every week"), times of day ("noon"), fiscal and quarter phrases, "year"
//! compounds, weekends, holidays, bare plural units and seasons; one named function per family.

use chrono::{Datelike, NaiveDate, Weekday};

use super::calendar::{season_of, weekday_of};
use super::values::{
    date_opt, duration_value, in_year_value, ordinal, quarter_of, shift_days, small_number, unit,
    unit_like, unresolved, week_value, year_opt, year_value, ymd, Count, Unit,
};
use super::{Cx, Dir, Hit};
use crate::model::{DateValue, TimexType};

impl<'a> Cx<'a> {
    /// A word that starts a time expression: dispatches to the family that reads it, else a
    /// bare plural unit, a season or a relative unit ("last week").
    pub(super) fn word_expr(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        match w {
            // "today's world" is generic.
            "today" if self.w(i + 1) == "'" && self.w(i + 2) == "s" => return None,
            "today" => return self.rel_day(0, i + 1),
            "yesterday" => return self.rel_day(-1, i + 1),
            "tomorrow" => return self.rel_day(1, i + 1),
            // TimeBank dates "tonight" to the day.
            "tonight" => return self.rel_day(0, i + 1),
            // "Now, he says ..." opening a sentence is a discourse marker.
            "now" if self.cap(i) && self.w(i + 1) == "," => return None,
            "now" | "currently" | "nowadays" => return Some(Hit::reference(i + 1, "PRESENT_REF")),
            "these" if self.w(i + 1) == "days" => {
                return Some(Hit::reference(i + 2, "PRESENT_REF"))
            }
            // "previously", "formerly" and "soon" are mostly aspect, not dates.
            "recently" | "lately" => return Some(Hit::reference(i + 1, "PAST_REF")),
            "future" => return self.future_word(i),
            "near" | "short" if self.w(i + 1) == "future" || self.w(i + 1) == "term" => {
                return self.near_future(i)
            }
            "nineteen" => return self.spelled_year(i),
            "two" if self.w(i + 1) == "thousand" && unit(self.w(i + 2)).is_none() => {
                return Some(Hit::date(i + 2, year_value(2000)));
            }
            "past"
                if !matches!(self.w(i + 1), "," | "." | "the" | "a" | "two" | "few")
                    || i > 0 && self.w(i - 1) == "the" =>
            {
                return self.past_word(i)
            }
            "recent" => return self.recent_word(i),
            "daily" => return Some(Hit::set(i + 1, "P1D")),
            "weekly" => return Some(Hit::set(i + 1, "P1W")),
            "monthly" => return Some(Hit::set(i + 1, "P1M")),
            "yearly" => return Some(Hit::set(i + 1, "P1Y")),
            "hourly" => return Some(Hit::set(i + 1, "PT1H")),
            "every" | "each" | "per" => return self.every_word(i, w),
            "noon" | "midday" | "midnight" => return self.noon_word(i, w),
            "fiscal" => return self.fiscal_word(i),
            "latest" | "current" | "same" => return self.latest_word(i, w),
            "quarter" => return self.quarter_word(i),
            "year" => return self.year_word(i),
            "full" if self.w(i + 1) == "year" && i > 0 && self.w(i - 1) == "the" => {
                return Some(Hit::date(i + 2, year_opt(self.dct.map(|d| d.year()))).the());
            }
            "weekend" => return self.weekend_word(i),
            "christmas" => return self.christmas(i),
            "thanksgiving" => return self.thanksgiving(i),
            "election" if self.w(i + 1) == "day" && self.cap(i) => return self.election_day(i),
            "earlier" | "later" => return self.earlier_later(i),
            _ => {}
        }
        if let Some((u, true)) = unit(w) {
            return self.plural_unit(i, u);
        }
        if let Some((code, _)) = season_of(w) {
            return self.season_word(i, w, code);
        }
        self.rel_unit(i)
    }

    /// The day `off` days from the DCT, ending at `end`, with a part of day if one follows.
    fn rel_day(&self, off: i64, end: usize) -> Option<Hit> {
        let d = self.dct.and_then(|d| shift_days(d, off));
        self.with_part_of_day(end, d)
    }

    /// The year of a yearly holiday around `m`/`d`: the nearest by tense.
    fn holiday_year(&self, i: usize, m: u32, d: u32) -> Option<i32> {
        self.year_for(m, Some(d), self.dir(i, i + 1))
    }

    /// "the future".
    fn future_word(&self, i: usize) -> Option<Hit> {
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        if prev == "the" {
            return Some(Hit::reference(i + 1, "FUTURE_REF").the());
        }
        None
    }

    /// "the near future", "the short term".
    fn near_future(&self, i: usize) -> Option<Hit> {
        if i > 0 && self.w(i - 1) == "the" {
            return Some(Hit::reference(i + 2, "FUTURE_REF").the());
        }
        None
    }

    /// Spelled years: "nineteen ninety-six".
    fn spelled_year(&self, i: usize) -> Option<Hit> {
        // Spelled years: "nineteen ninety-six".
        let tens =
            small_number(self.w(i + 1)).filter(|&t| (20..=90).contains(&t) && t % 10 == 0)?;
        let (k, _) = self.hyphen(i + 2);
        let (y, end) = match small_number(self.w(k)).filter(|&u| (1..10).contains(&u)) {
            Some(u) if !matches!(self.w(k), "a" | "an") => (1900 + tens + u, k + 1),
            _ => (1900 + tens, i + 2),
        };
        Some(Hit::date(end, year_value(y as i32)))
    }

    /// "the past two weeks", "the past" (PAST_REF).
    fn past_word(&self, i: usize) -> Option<Hit> {
        if let Some(h) = self.rel_unit(i) {
            return Some(h);
        }
        if i > 0 && self.w(i - 1) == "the" && !unit_like(self.w(i + 1)) {
            return Some(Hit::reference(i + 1, "PAST_REF").the());
        }
        None
    }

    /// "recent days" (an unspecified duration), "recent years" (PAST_REF).
    fn recent_word(&self, i: usize) -> Option<Hit> {
        if let Some((u, true)) = unit(self.w(i + 1)) {
            let v = if u == Unit::Year {
                return Some(Hit::reference(i + 2, "PAST_REF"));
            } else {
                duration_value(Count::X, u)
            };
            return Some(Hit::duration(i + 2, v));
        }
        None
    }

    /// Sets: "every two weeks", "each Monday", "per year".
    fn every_word(&self, i: usize, w: &str) -> Option<Hit> {
        let (n, j) = match self.count(i + 1) {
            Some((Count::N(n), j)) => (n, j),
            _ => (1, i + 1),
        };
        if let Some((u, _)) = unit(self.w(j)) {
            if u != Unit::Quarter || w != "per" {
                return Some(Hit::set(j + 1, &duration_value(Count::N(n), u)));
            }
        }
        if let Some(wd) = weekday_of(self.w(i + 1)) {
            return Some(Hit::set(
                i + 2,
                &format!("XXXX-WXX-{}", wd.number_from_monday()),
            ));
        }
        None
    }

    /// "noon", "midday", "midnight", with the day that may follow.
    fn noon_word(&self, i: usize, w: &str) -> Option<Hit> {
        // "High Noon" is a film.
        if self.cap(i) && i > 0 && !self.t[i].nl && !matches!(self.w(i - 1), "." | "\"" | "`") {
            return None;
        }
        let hh = if w == "midnight" { "00:00" } else { "12:00" };
        let (date, end) = self.day_after_clock(i, i + 1);
        let v = match date {
            Some(d) => format!("{}T{hh}", d.format("%Y-%m-%d")),
            None => format!("XXXX-XX-XXT{hh}"),
        };
        let res = date.map_or(DateValue::unknown(), DateValue::day);
        Some(Hit::new(end, TimexType::Time, v, res))
    }

    /// "fiscal 1989", "fiscal year 1989", "fiscal 1990 first quarter", "the fiscal year".
    fn fiscal_word(&self, i: usize) -> Option<Hit> {
        let mut j = i + 1;
        if self.w(j) == "year" {
            j += 1;
        }
        if self.digits(j) == 4 {
            let y = self.num(j)? as i32;
            if let Some(n) = ordinal(self.w(j + 1)) {
                let (k, _) = self.hyphen(j + 2);
                if self.w(k) == "quarter" && (1..=4).contains(&n) {
                    let mut h = Hit::date(k + 1, in_year_value(y, &format!("Q{n}")));
                    h.quarter = Some((y, n));
                    return Some(h);
                }
            }
            return Some(Hit::date(j + 1, year_value(y)));
        }
        if let Some(n) = ordinal(self.w(j)) {
            let (k, _) = self.hyphen(j + 1);
            if self.w(k) == "quarter" && (1..=4).contains(&n) {
                return Some(self.quarter_hit(k + 1, Some(n), 0));
            }
        }
        if j == i + 2 && i > 0 && self.w(i - 1) == "the" {
            return Some(Hit::duration(j, "P1Y".into()).the());
        }
        None
    }

    /// "the latest quarter", "the current quarter", "the same period", "the latest nine months".
    fn latest_word(&self, i: usize, w: &str) -> Option<Hit> {
        let dct = self.dct;
        if w == "latest" {
            if let Some(h) = self
                .number_unit(i + 1)
                .filter(|h| h.kind == TimexType::Duration)
            {
                return Some(h.the());
            }
        }
        let mut j = i + 1;
        if self.w(j) == "fiscal" {
            j += 1;
        }
        match self.w(j) {
            "quarter" | "period" if w != "current" => {
                return Some(self.quarter_hit(j + 1, None, 0))
            }
            "quarter" => {
                let dct = dct?;
                let q = quarter_of(dct.month());
                let mut h = Hit::date(j + 1, in_year_value(dct.year(), &format!("Q{q}"))).the();
                h.quarter = Some((dct.year(), q));
                return Some(h);
            }
            "year" if w == "current" => {
                return Some(Hit::date(j + 1, year_opt(dct.map(|d| d.year()))).the())
            }
            _ => {}
        }
        // "current" alone ("current talks") is left untagged: TimeBank marks it
        // only about half the time.
        None
    }

    /// "the quarter": the latest one reported.
    fn quarter_word(&self, i: usize) -> Option<Hit> {
        if i > 0 && self.w(i - 1) == "the" && !self.glued(i + 1, "-") {
            return Some(self.quarter_hit(i + 1, None, 0));
        }
        None
    }

    /// "year-earlier", "year-ago" (adjectives), "year-end", "the year ended".
    fn year_word(&self, i: usize) -> Option<Hit> {
        let dct = self.dct;
        let (j, hyph) = self.hyphen(i + 1);
        let prev_the = i > 0 && self.w(i - 1) == "the";
        if hyph && matches!(self.w(j), "earlier" | "ago") {
            let k = j + 1;
            if matches!(self.w(k), "quarter" | "period") {
                return Some(self.quarter_hit(k + 1, None, 1));
            }
            if let Some(n) = ordinal(self.w(k)).filter(|n| (1..=4).contains(n)) {
                let (k2, _) = self.hyphen(k + 1);
                if self.w(k2) == "quarter" {
                    let mut h = self.quarter_hit(k2 + 1, Some(n), 1);
                    h.quarter = None;
                    return Some(h);
                }
            }
            if let Some(h) = self
                .number_unit(k)
                .filter(|h| h.kind == TimexType::Duration)
            {
                return Some(h.the());
            }
            if let Some((y, q)) = self.last_quarter {
                return Some(Hit::date(k, in_year_value(y - 1, &format!("Q{q}"))));
            }
            return Some(Hit::date(k, year_opt(dct.map(|d| d.year() - 1))));
        }
        if hyph && self.w(j) == "end" || self.w(i + 1) == "end" && !self.adj(i + 1) {
            return Some(Hit::date(j + 1, year_opt(dct.map(|d| d.year()))));
        }
        if self.w(i + 1) == "'" && self.w(i + 2) == "s" && self.w(i + 3) == "end" {
            return Some(Hit::date(i + 4, year_opt(dct.map(|d| d.year()))));
        }
        if prev_the && matches!(self.w(i + 1), "ended" | "ending") {
            return Some(Hit::duration(i + 1, "P1Y".into()).the());
        }
        if prev_the && i > 1 && self.w(i - 2) == "for" && self.w(i + 1) == "," {
            return Some(Hit::date(i + 1, year_opt(dct.map(|d| d.year()))).the());
        }
        if prev_the && self.w(i + 1) == "two" && self.w(i + 2) == "thousand" {
            return Some(Hit::date(i + 3, year_value(2000)).the());
        }
        None
    }

    /// "the weekend".
    fn weekend_word(&self, i: usize) -> Option<Hit> {
        let dct = self.dct;
        if i > 0 && self.w(i - 1) == "the" {
            let v = match dct {
                Some(d) => {
                    // On a weekday, "the weekend" is the one before unless the
                    // tense points ahead.
                    let weekday = d.weekday().num_days_from_monday() < 5;
                    let d = if weekday && self.dir(i, i + 1) == Dir::Past {
                        shift_days(d, -7).unwrap_or(d)
                    } else {
                        d
                    };
                    let (wv, _) = week_value(d);
                    format!("{wv}-WE")
                }
                None => "XXXX-WXX-WE".into(),
            };
            return Some(Hit::new(i + 1, TimexType::Date, v, DateValue::unknown()).the());
        }
        None
    }

    /// "Christmas", "Christmas Day", "Christmas Eve".
    fn christmas(&self, i: usize) -> Option<Hit> {
        let y = self.holiday_year(i, 12, 25);
        let mut end = i + 1;
        if matches!(self.w(end), "day" | "eve") {
            end += 1;
        }
        let d = if self.w(i + 1) == "eve" { 24 } else { 25 };
        Some(Hit::date(
            end,
            date_opt(y.and_then(|y| ymd(y, 12, d)), &format!("XXXX-12-{d}")),
        ))
    }

    /// "Thanksgiving", "Thanksgiving Day".
    fn thanksgiving(&self, i: usize) -> Option<Hit> {
        let y = self.holiday_year(i, 11, 25);
        let end = if self.w(i + 1) == "day" { i + 2 } else { i + 1 };
        let d = y.and_then(|y| NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Thu, 4));
        Some(Hit::date(end, date_opt(d, "XXXX-11-XX")))
    }

    /// "Election Day": the Tuesday after the first Monday of November.
    fn election_day(&self, i: usize) -> Option<Hit> {
        let y = self.holiday_year(i, 11, 5);
        let d = y
            .and_then(|y| NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Mon, 1))
            .and_then(|d| shift_days(d, 1));
        Some(Hit::date(i + 2, date_opt(d, "XXXX-11-XX")))
    }

    /// "earlier this month", "later this year", "later today".
    fn earlier_later(&self, i: usize) -> Option<Hit> {
        if matches!(self.w(i + 1), "this" | "last" | "next") {
            if let Some(h) = self.rel_unit(i + 1) {
                if h.kind == TimexType::Date {
                    return Some(h);
                }
            }
        }
        if self.w(i + 1) == "today" {
            return self.rel_day(0, i + 2);
        }
        None
    }

    /// A bare plural unit: "years ago", "for months".
    fn plural_unit(&self, i: usize, u: Unit) -> Option<Hit> {
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        if self.w(i + 1) == "ago" {
            return Some(Hit::duration(i + 2, duration_value(Count::X, u)));
        }
        if matches!(prev, "for" | "within") && !matches!(u, Unit::Second | Unit::Quarter) {
            return Some(Hit::duration(i + 1, duration_value(Count::X, u)));
        }
        None
    }

    /// "the summer of 2016", "summer 2016", "the early winter".
    fn season_word(&self, i: usize, w: &str, code: &str) -> Option<Hit> {
        if i > 0 && self.w(i - 1) == "the" && self.w(i + 1) == "of" && self.digits(i + 2) == 4 {
            let y = self.num(i + 2)? as i32;
            return Some(Hit::date(i + 3, in_year_value(y, code)).the());
        }
        if self.digits(i + 1) == 4 {
            let y = self.num(i + 1)? as i32;
            return Some(Hit::date(i + 2, in_year_value(y, code)));
        }
        // "the summer", "the early winter": the latest one, or the next by tense.
        // "the fall" is too often a noun ("the fall of Aleppo") to read alone.
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        if matches!(prev, "the" | "early" | "late" | "mid")
            && w != "fall"
            && !matches!(self.w(i + 1), "of" | "-")
        {
            let (_, start) = season_of(w)?;
            let val = match self.dct {
                Some(dct) => {
                    let m = dct.month();
                    let y = match self.dir(i, i + 1) {
                        Dir::Future if start < m && start != 12 => dct.year() + 1,
                        Dir::Past if start > m => dct.year() - 1,
                        _ => dct.year(),
                    };
                    in_year_value(y, code)
                }
                None => unresolved(&format!("XXXX-{code}")),
            };
            return Some(Hit::date(i + 1, val).the());
        }
        None
    }
}
