//! Layout building blocks shared by the charts: pixel boxes, the date scale and its ticks,
//! stance, connectors, and greedy label placement.

use chrono::{Datelike, Duration, NaiveDate};

use super::{day_text, month_text, short_day_text};

/// An axis-aligned box in pixels, `x0 <= x1`, `y0 <= y1`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PxBox {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl PxBox {
    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> PxBox {
        PxBox {
            x0: x0.min(x1),
            y0: y0.min(y1),
            x1: x0.max(x1),
            y1: y0.max(y1),
        }
    }
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }
    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }
    /// True when the interiors intersect (touching edges do not count).
    pub fn overlaps(&self, o: &PxBox) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }
    pub fn inflate(&self, d: f64) -> PxBox {
        PxBox::new(self.x0 - d, self.y0 - d, self.x1 + d, self.y1 + d)
    }
    pub fn contains_box(&self, o: &PxBox) -> bool {
        self.x0 <= o.x0 && o.x1 <= self.x1 && self.y0 <= o.y0 && o.y1 <= self.y1
    }
}

/// The spacing of date ticks, chosen from the span shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TickUnit {
    Day,
    Week,
    Month,
}

impl TickUnit {
    /// Length in days, for bucketing (a month counts as 30.44 days).
    pub fn days(&self) -> f64 {
        match self {
            TickUnit::Day => 1.0,
            TickUnit::Week => 7.0,
            TickUnit::Month => 30.44,
        }
    }
    pub fn name(&self) -> &'static str {
        match self {
            TickUnit::Day => "day",
            TickUnit::Week => "week",
            TickUnit::Month => "month",
        }
    }
    /// The first day of the bucket holding `d`: the day, its ISO week's Monday, or the 1st.
    pub fn bucket_start(&self, d: NaiveDate) -> NaiveDate {
        match self {
            TickUnit::Day => d,
            TickUnit::Week => d - Duration::days(i64::from(d.weekday().num_days_from_monday())),
            TickUnit::Month => d.with_day(1).unwrap_or(d),
        }
    }
    /// The day after the bucket starting at `start` ends.
    pub fn bucket_end(&self, start: NaiveDate) -> NaiveDate {
        match self {
            TickUnit::Day => start + Duration::days(1),
            TickUnit::Week => start + Duration::days(7),
            TickUnit::Month => add_months(start, 1),
        }
    }
}

fn add_months(d: NaiveDate, n: u32) -> NaiveDate {
    let m0 = d.month0() + n;
    let y = d.year() + (m0 / 12) as i32;
    NaiveDate::from_ymd_opt(y, m0 % 12 + 1, 1).unwrap_or(d)
}

/// A labelled tick on the date axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub date: NaiveDate,
    pub x: f64,
    pub label: String,
}

/// Maps dates to x pixels: day `d` covers `[x(d), x(d + 1))`, its centre is `center(d)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DateScale {
    /// First and last day shown (inclusive).
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub x0: f64,
    pub x1: f64,
}

impl DateScale {
    /// A scale over `[from, to]` with a little padding so end marks are not cut.
    pub fn new(from: NaiveDate, to: NaiveDate, x0: f64, x1: f64) -> DateScale {
        let span = (to - from).num_days().max(0);
        let pad = (span / 40).max(1);
        DateScale {
            from: from - Duration::days(pad),
            to: to + Duration::days(pad),
            x0,
            x1,
        }
    }
    pub fn days(&self) -> f64 {
        ((self.to - self.from).num_days() + 1) as f64
    }
    pub fn px_per_day(&self) -> f64 {
        (self.x1 - self.x0) / self.days()
    }
    /// Left edge of day `d`.
    pub fn x(&self, d: NaiveDate) -> f64 {
        self.x0 + (d - self.from).num_days() as f64 * self.px_per_day()
    }
    pub fn center(&self, d: NaiveDate) -> f64 {
        self.x(d) + self.px_per_day() / 2.0
    }

    /// Picks the tick unit from the span and makes ticks at least `min_gap` pixels apart.
    pub fn ticks(&self, min_gap: f64) -> (TickUnit, Vec<Tick>) {
        let ppd = self.px_per_day();
        let span = self.days();
        let unit = if span <= 21.0 {
            TickUnit::Day
        } else if span <= 120.0 {
            TickUnit::Week
        } else {
            TickUnit::Month
        };
        let mut ticks = Vec::new();
        match unit {
            TickUnit::Day | TickUnit::Week => {
                let step_days: i64 = if unit == TickUnit::Day { 1 } else { 7 };
                let mut step = step_days;
                while (step as f64) * ppd < min_gap {
                    step += step_days;
                }
                let mut d = unit.bucket_start(self.from);
                if d < self.from {
                    d += Duration::days(step_days);
                }
                let mut last_year = None;
                while d <= self.to {
                    let label = if last_year != Some(d.year()) {
                        last_year = Some(d.year());
                        day_text(d)
                    } else {
                        short_day_text(d)
                    };
                    ticks.push(Tick {
                        date: d,
                        x: self.x(d),
                        label,
                    });
                    d += Duration::days(step);
                }
            }
            TickUnit::Month => {
                let mut step = 1u32;
                while f64::from(step) * 30.44 * ppd < min_gap {
                    step += 1;
                }
                let mut d = TickUnit::Month.bucket_start(self.from);
                if d < self.from {
                    d = add_months(d, 1);
                }
                let mut last_year = None;
                while d <= self.to {
                    let label = if last_year != Some(d.year()) || d.month() == 1 {
                        last_year = Some(d.year());
                        month_text(d)
                    } else {
                        d.format("%b").to_string()
                    };
                    ticks.push(Tick {
                        date: d,
                        x: self.x(d),
                        label,
                    });
                    d = add_months(d, step);
                }
            }
        }
        (unit, ticks)
    }
}

/// A visible link between the two claims of a contradiction.
#[derive(Debug, Clone, PartialEq)]
pub struct Connector {
    pub contradiction_id: i64,
    pub kind: crate::model::ContradictionKind,
    pub from: (f64, f64),
    pub to: (f64, f64),
    /// Polyline to draw (a gentle arc from `from` to `to`).
    pub path: Vec<(f64, f64)>,
}

/// A quadratic arc from `a` to `b`, bulging by `bulge` pixels to the left of the direction
/// of travel (upwards for a left-to-right pair on one row).
pub fn arc(a: (f64, f64), b: (f64, f64), bulge: f64) -> Vec<(f64, f64)> {
    let (mx, my) = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = (dx * dx + dy * dy).sqrt().max(1e-6);
    let (nx, ny) = (dy / len, -dx / len);
    let c = (mx + nx * bulge, my + ny * bulge);
    (0..=24)
        .map(|i| {
            let t = f64::from(i) / 24.0;
            let u = 1.0 - t;
            (
                u * u * a.0 + 2.0 * u * t * c.0 + t * t * b.0,
                u * u * a.1 + 2.0 * u * t * c.1 + t * t * b.1,
            )
        })
        .collect()
}

/// Greedy non-overlapping placement: keeps boxes placed so far and refuses any candidate
/// that intersects one of them or an obstacle, or leaves the allowed area.
#[derive(Debug, Default)]
pub struct Placer {
    pub placed: Vec<PxBox>,
    pub obstacles: Vec<PxBox>,
}

impl Placer {
    pub fn fits(&self, b: &PxBox, area: &PxBox) -> bool {
        area.contains_box(b)
            && !self.placed.iter().any(|p| p.overlaps(b))
            && !self.obstacles.iter().any(|p| p.overlaps(b))
    }
    pub fn take(&mut self, b: PxBox) {
        self.placed.push(b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn tick_unit_follows_span() {
        let days = DateScale::new(d("2016-08-29"), d("2016-09-05"), 0.0, 1400.0);
        assert_eq!(days.ticks(60.0).0, TickUnit::Day);
        let weeks = DateScale::new(d("2016-08-01"), d("2016-10-15"), 0.0, 1400.0);
        let (unit, ticks) = weeks.ticks(60.0);
        assert_eq!(unit, TickUnit::Week);
        assert!(ticks
            .iter()
            .all(|t| t.date.weekday() == chrono::Weekday::Mon));
        let months = DateScale::new(d("2016-01-01"), d("2016-12-31"), 0.0, 1400.0);
        let (unit, ticks) = months.ticks(60.0);
        assert_eq!(unit, TickUnit::Month);
        assert!(ticks.iter().all(|t| t.date.day() == 1));
        assert!(ticks.windows(2).all(|w| w[1].x - w[0].x >= 60.0));
    }

    #[test]
    fn boxes_touching_do_not_overlap() {
        let a = PxBox::new(0.0, 0.0, 10.0, 10.0);
        assert!(!a.overlaps(&PxBox::new(10.0, 0.0, 20.0, 10.0)));
        assert!(a.overlaps(&PxBox::new(9.0, 9.0, 20.0, 20.0)));
    }

    #[test]
    fn arc_ends_on_both_points() {
        let p = arc((0.0, 0.0), (100.0, 0.0), 20.0);
        assert_eq!(p.first(), Some(&(0.0, 0.0)));
        assert_eq!(p.last(), Some(&(100.0, 0.0)));
        assert!(p.iter().any(|&(_, y)| y < -5.0), "bulges upwards");
    }
}
