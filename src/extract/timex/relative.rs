//! Relative expressions resolved against the publication date: "a year ago", "two days
//! later", "last week", "this year", "the past two weeks", "last Friday", "next spring".

use chrono::Datelike;

use super::calendar::{month_of, part_of_day, season_of, weekday_of};
use super::values::{
    add_months, day_value, duration_value, in_year_value, month_value, ordinal, quarter_of,
    shift_days, shift_quarter, unit, unresolved, week_value, year_value, Count, Unit,
};
use super::{Cx, Dir, Hit};
use crate::model::{DateValue, TimexType};

impl<'a> Cx<'a> {
    /// "a year ago" -> last year (or the year-ago quarter in earnings copy).
    pub(super) fn relative_date(&self, n: Count, u: Unit, back: bool, end: usize) -> Option<Hit> {
        let Count::N(n) = n else {
            let v = if back { "PAST_REF" } else { "FUTURE_REF" };
            return Some(Hit::reference(end, v));
        };
        let sign: i64 = if back { -1 } else { 1 };
        let n = i64::from(n);
        let Some(dct) = self.dct else {
            let v = match u {
                Unit::Day => "XXXX-XX-XX",
                Unit::Week => "XXXX-WXX",
                Unit::Month => "XXXX-XX",
                _ => "XXXX",
            };
            return Some(Hit::date(end, unresolved(v)));
        };
        let val = match u {
            Unit::Day => day_value(shift_days(dct, sign * n)?),
            Unit::Week => week_value(shift_days(dct, sign * n * 7)?),
            Unit::Month => {
                let (y, m) = add_months(dct.year(), dct.month(), (sign * n) as i32);
                month_value(y, m)
            }
            Unit::Quarter => {
                let (y, q) = shift_quarter(dct.year(), quarter_of(dct.month()), (sign * n) as i32);
                in_year_value(y, &format!("Q{q}"))
            }
            Unit::Year => {
                if n == 1 && back {
                    if let Some((y, q)) = self.last_quarter {
                        let mut h = Hit::date(end, in_year_value(y - 1, &format!("Q{q}")));
                        h.quarter = None;
                        return Some(h);
                    }
                }
                let y = i64::from(dct.year()) + sign * n;
                if !(0..=9999).contains(&y) {
                    return Some(Hit::reference(
                        end,
                        if back { "PAST_REF" } else { "FUTURE_REF" },
                    ));
                }
                year_value(y as i32)
            }
            Unit::Decade => {
                let y = dct.year() + (sign * n * 10) as i32;
                (format!("{}X", y / 10), DateValue::unknown())
            }
            Unit::Century => {
                return Some(Hit::reference(
                    end,
                    if back { "PAST_REF" } else { "FUTURE_REF" },
                ))
            }
            Unit::Second | Unit::Minute | Unit::Hour => {
                return Some(Hit::reference(
                    end,
                    if back { "PAST_REF" } else { "FUTURE_REF" },
                ))
            }
        };
        Some(Hit::date(end, val))
    }

    /// "last week", "this year", "next month", "the past two weeks", "last Friday",
    /// "last November", "this summer", "coming days".
    pub(super) fn rel_unit(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        let shift: i32 = match w {
            "last" | "past" | "previous" | "prior" => -1,
            "this" | "current" => 0,
            "next" | "coming" | "following" => 1,
            _ => return None,
        };
        let j = i + 1;
        let wj = self.w(j);
        // "the past two weeks", "the last five years", "the next several days".
        if let Some((n, k)) = self.count(j).filter(|_| !matches!(wj, "a" | "an" | "one")) {
            if let Some((u, _)) = unit(self.w(k)) {
                return Some(Hit::duration(k + 1, duration_value(n, u)).the());
            }
        }
        if let Some((u, plural)) = unit(wj) {
            return self.rel_unit_of(i, w, shift, u, plural);
        }
        self.rel_named(i, w, shift)
    }

    /// "last week", "this year", "coming days": `shift` units from the DCT, or a duration.
    pub(super) fn rel_unit_of(
        &self,
        i: usize,
        w: &str,
        shift: i32,
        u: Unit,
        plural: bool,
    ) -> Option<Hit> {
        let j = i + 1;
        if plural {
            // "coming years", "past weeks": unspecified durations.
            return Some(Hit::duration(j + 1, duration_value(Count::X, u)).the());
        }
        let prev_the = i > 0 && self.w(i - 1) == "the";
        if prev_the && w == "past" && u != Unit::Year {
            return Some(Hit::duration(j + 1, duration_value(Count::N(1), u)).the());
        }
        let Some(dct) = self.dct else {
            let v = match u {
                Unit::Day => "XXXX-XX-XX",
                Unit::Week => "XXXX-WXX",
                Unit::Month => "XXXX-XX",
                Unit::Quarter => "XXXX-QX",
                _ => "XXXX",
            };
            return Some(Hit::date(j + 1, unresolved(v)).the());
        };
        let val = match u {
            Unit::Day => day_value(shift_days(dct, i64::from(shift))?),
            Unit::Week => week_value(shift_days(dct, i64::from(shift) * 7)?),
            Unit::Month => {
                let (y, m) = add_months(dct.year(), dct.month(), shift);
                month_value(y, m)
            }
            Unit::Quarter => {
                let (y, q) = shift_quarter(dct.year(), quarter_of(dct.month()), shift);
                let mut h = Hit::date(j + 1, in_year_value(y, &format!("Q{q}"))).the();
                h.quarter = Some((y, q));
                return Some(h);
            }
            Unit::Year => {
                // "this year's third quarter", "next year's first quarter".
                if self.w(j + 1) == "'" && self.w(j + 2) == "s" {
                    if let Some(n) = ordinal(self.w(j + 3)).filter(|n| (1..=4).contains(n)) {
                        let (k, _) = self.hyphen(j + 4);
                        if self.w(k) == "quarter" {
                            let y = dct.year() + shift;
                            let mut h = Hit::date(k + 1, in_year_value(y, &format!("Q{n}")));
                            h.quarter = Some((y, n));
                            return Some(h);
                        }
                    }
                }
                year_value(dct.year() + shift)
            }
            Unit::Decade => {
                let y = dct.year() + shift * 10;
                (format!("{}X", y / 10), DateValue::unknown())
            }
            Unit::Century if shift == 0 => {
                return Some(Hit::duration(j + 1, "P100Y".into()));
            }
            Unit::Century => (
                format!("{}", (dct.year() + shift * 100) / 100),
                DateValue::unknown(),
            ),
            _ => return None,
        };
        Some(Hit::date(j + 1, val).the())
    }

    /// "last night", "next weekend", "last Friday", "last November", "this summer",
    /// "this morning".
    pub(super) fn rel_named(&self, i: usize, w: &str, shift: i32) -> Option<Hit> {
        let j = i + 1;
        let wj = self.w(j);
        if wj == "night" && w == "last" {
            let d = self.dct.and_then(|d| shift_days(d, -1));
            let v = match d {
                Some(d) => format!("{}TNI", d.format("%Y-%m-%d")),
                None => "XXXX-XX-XXTNI".into(),
            };
            let res = d.map_or(DateValue::unknown(), DateValue::day);
            return Some(Hit::new(j + 1, TimexType::Time, v, res));
        }
        if wj == "weekend" {
            let d = self.dct.and_then(|d| shift_days(d, i64::from(shift) * 7));
            let v = match d {
                Some(d) => format!("{}-WE", week_value(d).0),
                None => "XXXX-WXX-WE".into(),
            };
            return Some(Hit::new(j + 1, TimexType::Date, v, DateValue::unknown()).the());
        }
        if let Some(wd) = weekday_of(wj) {
            let dir = if shift > 0 { Dir::Future } else { Dir::Past };
            let d = if shift == 0 {
                self.weekday_resolve(wd, self.dir(i, j + 1), 0)
            } else {
                self.weekday_resolve(wd, dir, shift)
            };
            return self.with_part_of_day(j + 1, d);
        }
        if let Some(m) = month_of(wj).filter(|_| self.cap(j) && (wj.len() > 3 || wj == "may")) {
            let val = match self.dct {
                Some(dct) => {
                    let y = match shift {
                        // "last February" in March is a year back, as TimeBank reads it.
                        -1 if m + 1 >= dct.month() => dct.year() - 1,
                        1 if m <= dct.month() => dct.year() + 1,
                        _ => dct.year(),
                    };
                    month_value(y, m)
                }
                None => unresolved(&format!("XXXX-{m:02}")),
            };
            return Some(Hit::date(j + 1, val));
        }
        if let Some((code, start)) = season_of(wj) {
            let val = match self.dct {
                Some(dct) => {
                    let m = dct.month();
                    let cur_start = match m {
                        3..=5 => 3,
                        6..=8 => 6,
                        9..=11 => 9,
                        _ => 12,
                    };
                    let y = match shift {
                        // "last spring", "last fall": the previous calendar year's.
                        -1 => dct.year() - 1,
                        1 if start <= cur_start => dct.year() + 1,
                        _ => dct.year(),
                    };
                    in_year_value(y, code)
                }
                None => unresolved(&format!("XXXX-{code}")),
            };
            return Some(Hit::date(j + 1, val));
        }
        if matches!(wj, "morning" | "afternoon" | "evening") && w == "this" {
            let p = part_of_day(wj)?;
            let v = match self.dct {
                Some(d) => format!("{}T{p}", d.format("%Y-%m-%d")),
                None => format!("XXXX-XX-XXT{p}"),
            };
            let res = self.dct.map_or(DateValue::unknown(), DateValue::day);
            return Some(Hit::new(j + 1, TimexType::Time, v, res));
        }
        None
    }
}
