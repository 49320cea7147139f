//! Temporal tagger for news: finds time expressions and normalizes them to TIMEX3 values against the publication date.
//!
//! One pass: the text is lowercased once (ASCII only, so byte offsets are kept), cut into
//! word, number and punctuation tokens, and at each token a small hand-written grammar
//! tries to read a time expression, keeping the longest. Spans follow TimeML: determiners
//! and modifiers ("the", "at least", "early") belong to the expression, prepositions do not.
//! Relative expressions are resolved against the document creation time (`dct`); weekdays
//! and bare months look at nearby tense cues ("will", "scheduled", "next") to pick a
//! direction. Nothing here allocates per token, and nothing panics.

use crate::model::{DateValue, Precision, Span, Timex, TimexType};
use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// Find and normalize time expressions in `text`; `dct` is the document creation (publication) date.
pub fn tag(text: &str, dct: Option<NaiveDate>) -> Vec<Timex> {
    let lc = text.to_ascii_lowercase();
    let toks = tokenize(text);
    let mut cx = Cx {
        text,
        lc: &lc,
        t: &toks,
        dct,
        last_quarter: None,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match cx.at(i) {
            Some(h) if h.end > i => {
                let (s, e) = (toks[i].s, toks[h.end - 1].e);
                if let Some(q) = h.quarter {
                    cx.last_quarter = Some(q);
                }
                out.push(Timex {
                    text: text[s..e].to_string(),
                    span: Span::new(s, e),
                    kind: h.kind,
                    value: h.value,
                    resolved: h.res,
                });
                i = h.end;
            }
            _ => i += 1,
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum K {
    Word,
    Num,
    Punct,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    s: usize,
    e: usize,
    k: K,
    /// Whitespace precedes this token.
    sp: bool,
    /// A line break precedes this token.
    nl: bool,
}

fn tokenize(text: &str) -> Vec<Tok> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 4);
    let (mut i, mut sp, mut nl) = (0, false, false);
    while i < b.len() {
        let c = b[i];
        let start = i;
        let k = if c.is_ascii_alphabetic() {
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            K::Word
        } else if c.is_ascii_digit() {
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            K::Num
        } else if c.is_ascii_whitespace() {
            sp = true;
            nl |= c == b'\n';
            i += 1;
            continue;
        } else if c < 0x80 {
            i += 1;
            K::Punct
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            i += ch.len_utf8();
            if ch.is_whitespace() {
                sp = true;
                continue;
            }
            K::Punct
        };
        out.push(Tok {
            s: start,
            e: i,
            k,
            sp,
            nl,
        });
        sp = false;
        nl = false;
    }
    out
}

// ---------------------------------------------------------------------------------------
// Matches

/// A time expression read from token `start` up to `end` (exclusive).
#[derive(Debug, Clone)]
struct Hit {
    end: usize,
    kind: TimexType,
    value: String,
    res: DateValue,
    /// TimeML puts a leading "the" inside this expression ("the third quarter").
    takes_the: bool,
    /// The quarter this expression names, remembered for "a year ago" in earnings copy.
    quarter: Option<(i32, u32)>,
}

impl Hit {
    fn new(end: usize, kind: TimexType, value: String, res: DateValue) -> Hit {
        Hit {
            end,
            kind,
            value,
            res,
            takes_the: false,
            quarter: None,
        }
    }
    fn date(end: usize, (value, res): (String, DateValue)) -> Hit {
        Hit::new(end, TimexType::Date, value, res)
    }
    fn reference(end: usize, value: &str) -> Hit {
        Hit::new(end, TimexType::Date, value.into(), DateValue::unknown())
    }
    fn duration(end: usize, value: String) -> Hit {
        Hit::new(end, TimexType::Duration, value, DateValue::unknown())
    }
    fn set(end: usize, value: &str) -> Hit {
        Hit::new(end, TimexType::Set, value.into(), DateValue::unknown())
    }
    fn the(mut self) -> Hit {
        self.takes_the = true;
        self
    }
}

fn longest(a: Option<Hit>, b: Option<Hit>) -> Option<Hit> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.end > a.end { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// Time units of durations and relative dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
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

fn unit(w: &str) -> Option<(Unit, bool)> {
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
enum Count {
    N(u32),
    /// n and a half ("5 1/2").
    Half(u32),
    X,
}

fn duration_value(n: Count, u: Unit) -> String {
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

fn ordinal(w: &str) -> Option<u32> {
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

fn month_of(w: &str) -> Option<u32> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

fn weekday_of(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" => Weekday::Mon,
        "tuesday" | "tues" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" | "thurs" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

fn season_of(w: &str) -> Option<(&'static str, u32)> {
    Some(match w {
        "spring" => ("SP", 3),
        "summer" => ("SU", 6),
        "fall" | "autumn" => ("FA", 9),
        "winter" => ("WI", 12),
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------
// Values

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn day_value(d: NaiveDate) -> (String, DateValue) {
    (d.format("%Y-%m-%d").to_string(), DateValue::day(d))
}

fn week_value(d: NaiveDate) -> (String, DateValue) {
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

fn month_value(y: i32, m: u32) -> (String, DateValue) {
    (
        format!("{y:04}-{m:02}"),
        DateValue {
            date: ymd(y, m, 1),
            precision: Precision::Month,
        },
    )
}

fn year_value(y: i32) -> (String, DateValue) {
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
fn in_year_value(y: i32, suffix: &str) -> (String, DateValue) {
    (
        format!("{y:04}-{suffix}"),
        DateValue {
            date: ymd(y, 1, 1),
            precision: Precision::Year,
        },
    )
}

fn unresolved(value: &str) -> (String, DateValue) {
    (value.into(), DateValue::unknown())
}

fn add_months(y: i32, m: u32, delta: i32) -> (i32, u32) {
    let idx = y * 12 + (m as i32 - 1) + delta;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

fn quarter_of(m: u32) -> u32 {
    m.div_ceil(3)
}

fn shift_quarter(y: i32, q: u32, delta: i32) -> (i32, u32) {
    let idx = y * 4 + (q as i32 - 1) + delta;
    (idx.div_euclid(4), (idx.rem_euclid(4) + 1) as u32)
}

fn shift_days(d: NaiveDate, days: i64) -> Option<NaiveDate> {
    d.checked_add_signed(Duration::try_days(days)?)
}

fn sane_year(y: i32) -> bool {
    (1000..=2999).contains(&y)
}

// ---------------------------------------------------------------------------------------
// The grammar

struct Cx<'a> {
    text: &'a str,
    lc: &'a str,
    t: &'a [Tok],
    dct: Option<NaiveDate>,
    last_quarter: Option<(i32, u32)>,
}

/// Tense direction of the clause around an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Past,
    Future,
}

impl<'a> Cx<'a> {
    fn w(&self, i: usize) -> &'a str {
        self.t.get(i).map_or("", |t| &self.lc[t.s..t.e])
    }
    fn kind(&self, i: usize) -> Option<K> {
        self.t.get(i).map(|t| t.k)
    }
    fn num(&self, i: usize) -> Option<u32> {
        let t = self.t.get(i)?;
        if t.k != K::Num || t.e - t.s > 6 {
            return None;
        }
        self.lc[t.s..t.e].parse().ok()
    }
    fn digits(&self, i: usize) -> usize {
        self.t
            .get(i)
            .filter(|t| t.k == K::Num)
            .map_or(0, |t| t.e - t.s)
    }
    /// Token `i` touches the previous token (no whitespace between).
    fn adj(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.sp)
    }
    fn cap(&self, i: usize) -> bool {
        self.t
            .get(i)
            .is_some_and(|t| self.text.as_bytes()[t.s].is_ascii_uppercase())
    }
    /// Token `i` is the punctuation `c` glued to the token before it.
    fn glued(&self, i: usize, c: &str) -> bool {
        self.adj(i) && self.w(i) == c
    }
    /// Skip an abbreviation period right after token `i - 1`.
    fn dot(&self, i: usize) -> usize {
        if self.glued(i, ".") {
            i + 1
        } else {
            i
        }
    }
    /// Skip a hyphen or whitespace between tokens: "seven-day", "seven day".
    fn hyphen(&self, i: usize) -> (usize, bool) {
        if self.glued(i, "-") && self.t.get(i + 1).is_some_and(|t| !t.sp) {
            (i + 1, true)
        } else {
            (i, false)
        }
    }

    fn dir(&self, i: usize, end: usize) -> Dir {
        // Look back within the sentence, then a few tokens forward.
        let mut j = i;
        let mut seen = 0;
        while j > 0 && seen < 10 {
            j -= 1;
            let w = self.w(j);
            if matches!(w, "." | "!" | "?" | ";" | "\"") || self.t[j + 1].nl {
                break;
            }
            let future = match w {
                "will" | "ll" | "shall" | "scheduled" | "expected" | "due" | "planned"
                | "plans" | "plan" | "upcoming" | "next" | "starting" | "slated" | "soon" => true,
                "set" | "going" => self.w(j + 1) == "to",
                // "given them until Tuesday", but not "Until Tuesday, they had ...".
                "until" | "till" => j > 0 && !matches!(self.w(j - 1), "." | "\"" | "`"),
                "as" => self.w(j + 1) == "early" && self.w(j + 2) == "as",
                _ => false,
            };
            if future {
                return Dir::Future;
            }
            if matches!(w, "said" | "was" | "were" | "had" | "did" | "ago") {
                break;
            }
            seen += 1;
        }
        for k in end..(end + 5).min(self.t.len()) {
            let w = self.w(k);
            if matches!(w, "." | "!" | "?" | ";") {
                break;
            }
            if matches!(
                w,
                "will" | "scheduled" | "expected" | "due" | "planned" | "slated"
            ) {
                return Dir::Future;
            }
        }
        Dir::Past
    }

    /// The expression starting at token `i`, if any.
    fn at(&self, i: usize) -> Option<Hit> {
        let t = self.t.get(i)?;
        if t.k == K::Punct {
            return self.apostrophe_decade(i);
        }
        let w = self.w(i);
        match w {
            "the" => {
                let inner = self.with_modifier(i + 1)?;
                if inner.takes_the {
                    Some(inner)
                } else {
                    None
                }
            }
            _ => self.with_modifier(i),
        }
    }

    /// "at least", "more than", "nearly", "early", "late", "mid-" + an expression.
    fn with_modifier(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        let (j, durational) = match w {
            "at" if self.w(i + 1) == "least" => (i + 2, true),
            "more" | "less" if self.w(i + 1) == "than" => (i + 2, true),
            "up" if self.w(i + 1) == "to" => (i + 2, true),
            "nearly" | "almost" | "roughly" | "approximately" => (i + 1, true),
            "right" if self.w(i + 1) == "now" => (i + 1, false),
            "early" | "late" | "mid" => {
                let j = if self.glued(i + 1, "-") { i + 2 } else { i + 1 };
                (j, false)
            }
            "end" | "beginning" | "start" | "middle" if self.w(i + 1) == "of" => {
                let j = if self.w(i + 2) == "the" { i + 3 } else { i + 2 };
                if self.w(j - 1) == "the" {
                    if let Some(dct) = self.dct {
                        let val = match self.w(j) {
                            "year" => Some(year_value(dct.year())),
                            "month" => Some(month_value(dct.year(), dct.month())),
                            "week" => Some(week_value(dct)),
                            _ => None,
                        };
                        if let Some(val) = val {
                            return Some(Hit::date(j + 1, val).the());
                        }
                    }
                }
                let mut h = self.core(j)?;
                if matches!(h.kind, TimexType::Date)
                    && matches!(
                        h.res.precision,
                        Precision::Year | Precision::Month | Precision::Week
                    )
                {
                    h.takes_the = true;
                    return Some(h);
                }
                return None;
            }
            _ => return self.core(i),
        };
        let base = self.core(i);
        let inner = if self.w(j) == "the" {
            self.core(j + 1).filter(|h| h.takes_the)
        } else {
            self.core(j)
        };
        let modified = inner.filter(|h| {
            if durational {
                matches!(h.kind, TimexType::Duration)
                    || h.value.starts_with("PAST") && self.w(h.end - 1) == "ago"
                    || self.w(h.end.saturating_sub(1)) == "ago"
            } else {
                matches!(h.kind, TimexType::Date | TimexType::Time)
                    && !h.value.ends_with("_REF")
                    && !matches!(self.w(j), "on" | "in")
            }
        });
        let modified = modified.map(|mut h| {
            h.takes_the = true;
            // A decade with early/mid/late is written without the X ("the late 1970s": 197).
            if !durational && h.value.len() == 4 && h.value.ends_with('X') {
                h.value.pop();
            }
            h
        });
        longest(base, modified)
    }

    fn core(&self, i: usize) -> Option<Hit> {
        let k = self.kind(i)?;
        if k == K::Num {
            let a = self.numeric_date(i);
            let b = self.number_unit(i);
            let c = self.clock(i);
            let d = self.year_or_decade(i);
            let e = self.ordinal_century(i);
            return longest(longest(longest(a, b), longest(c, d)), e);
        }
        if k != K::Word {
            return None;
        }
        let w = self.w(i);
        if let Some(m) = month_of(w) {
            return self.month_date(i, m);
        }
        if let Some(wd) = weekday_of(w) {
            return self.weekday_date(i, wd);
        }
        let mut best = self.word_expr(i);
        if small_number(w).is_some() || matches!(w, "several" | "few" | "many" | "some" | "couple")
        {
            best = longest(best, self.number_unit(i));
        }
        if ordinal(w).is_some() {
            best = longest(best, self.ordinal_expr(i));
        }
        best
    }

    // --- calendar dates -----------------------------------------------------------------

    /// Pick the year for a month (and day) without one: the nearest occurrence, nudged by tense.
    fn year_for(&self, m: u32, d: Option<u32>, dir: Dir) -> Option<i32> {
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
    fn month_date(&self, i: usize, m: u32) -> Option<Hit> {
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
    fn month_context(&self, i: usize) -> bool {
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

    fn weekday_date(&self, i: usize, wd: Weekday) -> Option<Hit> {
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
    fn weekday_resolve(&self, wd: Weekday, dir: Dir, shift: i32) -> Option<NaiveDate> {
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
    fn with_part_of_day(&self, end: usize, date: Option<NaiveDate>) -> Option<Hit> {
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
    fn numeric_date(&self, i: usize) -> Option<Hit> {
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
    fn year_or_decade(&self, i: usize) -> Option<Hit> {
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
    fn ordinal_century(&self, i: usize) -> Option<Hit> {
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
    fn apostrophe_decade(&self, i: usize) -> Option<Hit> {
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
    fn clock(&self, i: usize) -> Option<Hit> {
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
    fn day_after_clock(&self, start: usize, j: usize) -> (Option<NaiveDate>, usize) {
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

    // --- counts and units ---------------------------------------------------------------

    /// A count at `i`: (count, next token index).
    fn count(&self, i: usize) -> Option<(Count, usize)> {
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
    fn number_unit(&self, i: usize) -> Option<Hit> {
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

    /// "a year ago" -> last year (or the year-ago quarter in earnings copy).
    fn relative_date(&self, n: Count, u: Unit, back: bool, end: usize) -> Option<Hit> {
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

    /// "the first quarter", "third-quarter", "the sixth year".
    fn ordinal_expr(&self, i: usize) -> Option<Hit> {
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
    fn quarter_hit(&self, end: usize, n: Option<u32>, years_back: i32) -> Hit {
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

    fn half_hit(&self, end: usize, n: u32) -> Hit {
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

    // --- words --------------------------------------------------------------------------

    fn word_expr(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        let dct = self.dct;
        let rel_day = |off: i64, end: usize| -> Option<Hit> {
            let d = dct.and_then(|d| shift_days(d, off));
            self.with_part_of_day(end, d)
        };
        match w {
            // "today's world" is generic.
            "today" if self.w(i + 1) == "'" && self.w(i + 2) == "s" => return None,
            "today" => return rel_day(0, i + 1),
            "yesterday" => return rel_day(-1, i + 1),
            "tomorrow" => return rel_day(1, i + 1),
            // TimeBank dates "tonight" to the day.
            "tonight" => return rel_day(0, i + 1),
            // "Now, he says ..." opening a sentence is a discourse marker.
            "now" if self.cap(i) && self.w(i + 1) == "," => return None,
            "now" | "currently" | "nowadays" => return Some(Hit::reference(i + 1, "PRESENT_REF")),
            "these" if self.w(i + 1) == "days" => {
                return Some(Hit::reference(i + 2, "PRESENT_REF"))
            }
            // "previously", "formerly" and "soon" are mostly aspect, not dates.
            "recently" | "lately" => return Some(Hit::reference(i + 1, "PAST_REF")),
            "future" => {
                let prev = if i > 0 { self.w(i - 1) } else { "" };
                if prev == "the" {
                    return Some(Hit::reference(i + 1, "FUTURE_REF").the());
                }
                return None;
            }
            "near" | "short" if self.w(i + 1) == "future" || self.w(i + 1) == "term" => {
                if i > 0 && self.w(i - 1) == "the" {
                    return Some(Hit::reference(i + 2, "FUTURE_REF").the());
                }
                return None;
            }
            "nineteen" => {
                // Spelled years: "nineteen ninety-six".
                let tens = small_number(self.w(i + 1))
                    .filter(|&t| (20..=90).contains(&t) && t % 10 == 0)?;
                let (k, _) = self.hyphen(i + 2);
                let (y, end) = match small_number(self.w(k)).filter(|&u| (1..10).contains(&u)) {
                    Some(u) if !matches!(self.w(k), "a" | "an") => (1900 + tens + u, k + 1),
                    _ => (1900 + tens, i + 2),
                };
                return Some(Hit::date(end, year_value(y as i32)));
            }
            "two" if self.w(i + 1) == "thousand" && unit(self.w(i + 2)).is_none() => {
                return Some(Hit::date(i + 2, year_value(2000)));
            }
            "past"
                if !matches!(self.w(i + 1), "," | "." | "the" | "a" | "two" | "few")
                    || i > 0 && self.w(i - 1) == "the" =>
            {
                if let Some(h) = self.rel_unit(i) {
                    return Some(h);
                }
                if i > 0 && self.w(i - 1) == "the" && !unit_like(self.w(i + 1)) {
                    return Some(Hit::reference(i + 1, "PAST_REF").the());
                }
                return None;
            }
            "recent" => {
                if let Some((u, true)) = unit(self.w(i + 1)) {
                    let v = if u == Unit::Year {
                        return Some(Hit::reference(i + 2, "PAST_REF"));
                    } else {
                        duration_value(Count::X, u)
                    };
                    return Some(Hit::duration(i + 2, v));
                }
                return None;
            }
            "daily" => return Some(Hit::set(i + 1, "P1D")),
            "weekly" => return Some(Hit::set(i + 1, "P1W")),
            "monthly" => return Some(Hit::set(i + 1, "P1M")),
            "yearly" => return Some(Hit::set(i + 1, "P1Y")),
            "hourly" => return Some(Hit::set(i + 1, "PT1H")),
            "every" | "each" | "per" => {
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
                    let code = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
                        [wd.num_days_from_monday() as usize];
                    return Some(Hit::set(i + 2, &format!("XXXX-WXX-{}", day_digit(code))));
                }
                return None;
            }
            "noon" | "midday" | "midnight" => {
                // "High Noon" is a film.
                if self.cap(i)
                    && i > 0
                    && !self.t[i].nl
                    && !matches!(self.w(i - 1), "." | "\"" | "`")
                {
                    return None;
                }
                let hh = if w == "midnight" { "00:00" } else { "12:00" };
                let (date, end) = self.day_after_clock(i, i + 1);
                let v = match date {
                    Some(d) => format!("{}T{hh}", d.format("%Y-%m-%d")),
                    None => format!("XXXX-XX-XXT{hh}"),
                };
                let res = date.map_or(DateValue::unknown(), DateValue::day);
                return Some(Hit::new(end, TimexType::Time, v, res));
            }
            "fiscal" => {
                // "fiscal 1989", "fiscal year 1989", "fiscal 1990 first quarter", "the fiscal year".
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
                return None;
            }
            "latest" | "current" | "same" => {
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
                        let mut h =
                            Hit::date(j + 1, in_year_value(dct.year(), &format!("Q{q}"))).the();
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
                return None;
            }
            "quarter" => {
                if i > 0 && self.w(i - 1) == "the" && !self.glued(i + 1, "-") {
                    return Some(self.quarter_hit(i + 1, None, 0));
                }
                return None;
            }
            "year" => {
                // "year-earlier", "year-ago" (adjectives) and "year-end".
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
                return None;
            }
            "full" if self.w(i + 1) == "year" && i > 0 && self.w(i - 1) == "the" => {
                return Some(Hit::date(i + 2, year_opt(dct.map(|d| d.year()))).the());
            }
            "weekend" => {
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
                return None;
            }
            "christmas" => {
                let y = self.holiday_year(i, 12, 25);
                let mut end = i + 1;
                if matches!(self.w(end), "day" | "eve") {
                    end += 1;
                }
                let d = if self.w(i + 1) == "eve" { 24 } else { 25 };
                return Some(Hit::date(
                    end,
                    date_opt(y.and_then(|y| ymd(y, 12, d)), &format!("XXXX-12-{d}")),
                ));
            }
            "thanksgiving" => {
                let y = self.holiday_year(i, 11, 25);
                let end = if self.w(i + 1) == "day" { i + 2 } else { i + 1 };
                let d =
                    y.and_then(|y| NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Thu, 4));
                return Some(Hit::date(end, date_opt(d, "XXXX-11-XX")));
            }
            "election" if self.w(i + 1) == "day" && self.cap(i) => {
                let y = self.holiday_year(i, 11, 5);
                let d = y
                    .and_then(|y| NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Mon, 1))
                    .and_then(|d| shift_days(d, 1));
                return Some(Hit::date(i + 2, date_opt(d, "XXXX-11-XX")));
            }
            "earlier" | "later" => {
                // "earlier this month", "later this year".
                if matches!(self.w(i + 1), "this" | "last" | "next") {
                    if let Some(h) = self.rel_unit(i + 1) {
                        if h.kind == TimexType::Date {
                            return Some(h);
                        }
                    }
                }
                if self.w(i + 1) == "today" {
                    return rel_day(0, i + 2);
                }
                return None;
            }
            _ => {}
        }
        if let Some((u, true)) = unit(w) {
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            if self.w(i + 1) == "ago" {
                return Some(Hit::duration(i + 2, duration_value(Count::X, u)));
            }
            if matches!(prev, "for" | "within") && !matches!(u, Unit::Second | Unit::Quarter) {
                return Some(Hit::duration(i + 1, duration_value(Count::X, u)));
            }
            return None;
        }
        if let Some((code, _)) = season_of(w) {
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
            return None;
        }
        self.rel_unit(i)
    }

    /// The year of a yearly holiday around `m`/`d`: the nearest by tense.
    fn holiday_year(&self, i: usize, m: u32, d: u32) -> Option<i32> {
        self.year_for(m, Some(d), self.dir(i, i + 1))
    }

    /// "last week", "this year", "next month", "the past two weeks", "last Friday",
    /// "last November", "this summer", "coming days".
    fn rel_unit(&self, i: usize) -> Option<Hit> {
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
            return Some(Hit::date(j + 1, val).the());
        }
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

fn is_zone(w: &str) -> bool {
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

fn unit_like(w: &str) -> bool {
    unit(w).is_some() || small_number(w).is_some() || matches!(w, "several" | "few")
}

fn day_digit(code: &str) -> u32 {
    match code {
        "MO" => 1,
        "TU" => 2,
        "WE" => 3,
        "TH" => 4,
        "FR" => 5,
        "SA" => 6,
        _ => 7,
    }
}

fn year_opt(y: Option<i32>) -> (String, DateValue) {
    match y {
        Some(y) => year_value(y),
        None => unresolved("XXXX"),
    }
}

fn date_opt(d: Option<NaiveDate>, fallback: &str) -> (String, DateValue) {
    match d {
        Some(d) => day_value(d),
        None => unresolved(fallback),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    fn kind_name(k: TimexType) -> &'static str {
        match k {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }

    /// Tag `input` against `dct` ("" for none) and compare "text|TYPE|value" lines; also
    /// check that every span indexes the input exactly and spans are sorted and disjoint.
    fn check(input: &str, dct: &str, expected: &[&str]) {
        let dct = (!dct.is_empty()).then(|| date(dct));
        let got = tag(input, dct);
        let mut last_end = 0;
        for t in &got {
            assert_eq!(
                &input[t.span.start..t.span.end],
                t.text,
                "offsets in {input:?}"
            );
            assert!(t.span.start >= last_end, "overlap in {input:?}");
            last_end = t.span.end;
        }
        let got: Vec<String> = got
            .iter()
            .map(|t| format!("{}|{}|{}", t.text, kind_name(t.kind), t.value))
            .collect();
        assert_eq!(got, expected, "input: {input:?}");
    }

    /// Wednesday 31 August 2016: the reference date of most cases below.
    const WED: &str = "2016-08-31";

    #[test]
    fn table() {
        let cases: &[(&str, &str, &[&str])] = &[
            // Weekdays: past by default, the DCT itself on the same weekday, future by tense.
            (
                "The talks resumed Monday.",
                WED,
                &["Monday|DATE|2016-08-29"],
            ),
            (
                "The ministers met on Wednesday in Geneva.",
                WED,
                &["Wednesday|DATE|2016-08-31"],
            ),
            (
                "Kerry will meet Lavrov on Friday.",
                WED,
                &["Friday|DATE|2016-09-02"],
            ),
            (
                "Talks are scheduled to resume Friday.",
                WED,
                &["Friday|DATE|2016-09-02"],
            ),
            (
                "Friday's talks are scheduled in Geneva.",
                WED,
                &["Friday|DATE|2016-09-02"],
            ),
            (
                "Officials said Friday that no deal was close.",
                WED,
                &["Friday|DATE|2016-08-26"],
            ),
            (
                "The convoy left Thursday.",
                WED,
                &["Thursday|DATE|2016-08-25"],
            ),
            (
                "Shelling resumed last Friday.",
                WED,
                &["last Friday|DATE|2016-08-26"],
            ),
            (
                "They meet again next Tuesday.",
                WED,
                &["next Tuesday|DATE|2016-09-06"],
            ),
            (
                "Strikes hit Aleppo Monday night.",
                WED,
                &["Monday night|DATE|2016-08-29TNI"],
            ),
            (
                "Rebels shelled the city on Sunday, Aug. 28.",
                WED,
                &["Sunday, Aug. 28|DATE|2016-08-28"],
            ),
            // Calendar dates.
            (
                "The truce began Aug. 29.",
                WED,
                &["Aug. 29|DATE|2016-08-29"],
            ),
            (
                "The truce began August 29.",
                WED,
                &["August 29|DATE|2016-08-29"],
            ),
            (
                "Talks resume Sept. 9 in Geneva.",
                WED,
                &["Sept. 9|DATE|2016-09-09"],
            ),
            (
                "Signed Sep 9, 2016, in Geneva.",
                WED,
                &["Sep 9, 2016|DATE|2016-09-09"],
            ),
            (
                "It was signed on 29 August 2016.",
                WED,
                &["29 August 2016|DATE|2016-08-29"],
            ),
            (
                "Filed 2016-08-29 by the agency.",
                WED,
                &["2016-08-29|DATE|2016-08-29"],
            ),
            ("Dated 8/29/2016.", WED, &["8/29/2016|DATE|2016-08-29"]),
            (
                "The siege began Dec. 20.",
                "2017-01-10",
                &["Dec. 20|DATE|2016-12-20"],
            ),
            (
                "The deal was struck in August.",
                WED,
                &["August|DATE|2016-08"],
            ),
            ("Fighting flared in March.", WED, &["March|DATE|2016-03"]),
            ("Elections are due in May.", WED, &["May|DATE|2016-05"]),
            ("Officials may meet again.", WED, &[]),
            (
                "The talks collapsed in August 2015.",
                WED,
                &["August 2015|DATE|2015-08"],
            ),
            ("The war began in 2011.", WED, &["2011|DATE|2011"]),
            (
                "Russia joined the war in the 1990s era.",
                WED,
                &["1990s|DATE|199X"],
            ),
            (
                "Prices soared in the late 1970s.",
                WED,
                &["the late 1970s|DATE|197"],
            ),
            ("Output peaked in mid-2015.", WED, &["mid-2015|DATE|2015"]),
            (
                "The wall fell in nineteen eighty-nine.",
                WED,
                &["nineteen eighty-nine|DATE|1989"],
            ),
            (
                "Borders drawn in the 20th century.",
                WED,
                &["the 20th century|DATE|19"],
            ),
            // Relative dates.
            ("Shoigu spoke last week.", WED, &["last week|DATE|2016-W34"]),
            (
                "The envoy arrives this week.",
                WED,
                &["this week|DATE|2016-W35"],
            ),
            (
                "A meeting is planned next week.",
                WED,
                &["next week|DATE|2016-W36"],
            ),
            (
                "The offer was made last month.",
                WED,
                &["last month|DATE|2016-07"],
            ),
            ("Talks failed last year.", WED, &["last year|DATE|2015"]),
            (
                "Aid arrived earlier this month.",
                WED,
                &["earlier this month|DATE|2016-08"],
            ),
            (
                "A deal is possible early next year.",
                WED,
                &["early next year|DATE|2017"],
            ),
            (
                "Lavrov spoke yesterday.",
                WED,
                &["yesterday|DATE|2016-08-30"],
            ),
            ("Kerry speaks today.", WED, &["today|DATE|2016-08-31"]),
            ("The vote is tomorrow.", WED, &["tomorrow|DATE|2016-09-01"]),
            ("He will speak tonight.", WED, &["tonight|DATE|2016-08-31"]),
            (
                "He met rebels three weeks ago.",
                WED,
                &["three weeks ago|DATE|2016-W32"],
            ),
            (
                "A similar truce failed a year ago.",
                WED,
                &["a year ago|DATE|2015"],
            ),
            (
                "The ceasefire had begun two days earlier.",
                WED,
                &["two days earlier|DATE|2016-08-29"],
            ),
            (
                "Both sides rested over the weekend.",
                WED,
                &["the weekend|DATE|2016-W34-WE"],
            ),
            (
                "Fighting eased this summer.",
                WED,
                &["this summer|DATE|2016-SU"],
            ),
            (
                "The offensive began last fall.",
                WED,
                &["last fall|DATE|2015-FA"],
            ),
            (
                "Troops are now in the city.",
                WED,
                &["now|DATE|PRESENT_REF"],
            ),
            (
                "Aid is currently blocked.",
                WED,
                &["currently|DATE|PRESENT_REF"],
            ),
            (
                "The group recently withdrew.",
                WED,
                &["recently|DATE|PAST_REF"],
            ),
            (
                "Peace may come in the future.",
                WED,
                &["the future|DATE|FUTURE_REF"],
            ),
            (
                "It is the sixth year of the war.",
                WED,
                &["the sixth year|DATE|XXXX"],
            ),
            // Quarters and fiscal years.
            (
                "Profit rose in the third quarter.",
                WED,
                &["the third quarter|DATE|2016-Q3"],
            ),
            (
                "Third-quarter profit rose.",
                WED,
                &["Third-quarter|DATE|2016-Q3"],
            ),
            (
                "Sales fell in the first half.",
                WED,
                &["the first half|DATE|2016-H1"],
            ),
            (
                "Revenue grew in fiscal 2015.",
                WED,
                &["fiscal 2015|DATE|2015"],
            ),
            (
                "Profit rose in the quarter, up from the year-ago quarter.",
                WED,
                &[
                    "the quarter|DATE|2016-Q2",
                    "the year-ago quarter|DATE|2015-Q2",
                ],
            ),
            // Times of day.
            (
                "The truce starts at 7 p.m. local time.",
                WED,
                &["7 p.m. local time|TIME|2016-08-31T19:00"],
            ),
            (
                "Shelling stopped at 7 p.m. in the east.",
                WED,
                &["7 p.m.|TIME|2016-08-31T19:00"],
            ),
            (
                "The blast came at 10:35 a.m. Friday.",
                WED,
                &["10:35 a.m. Friday|TIME|2016-08-26T10:35"],
            ),
            (
                "The council will vote at 9 a.m. Tuesday.",
                WED,
                &["9 a.m. Tuesday|TIME|2016-09-06T09:00"],
            ),
            (
                "The deadline passed at noon.",
                WED,
                &["noon|TIME|2016-08-31T12:00"],
            ),
            (
                "The curfew begins at midnight.",
                WED,
                &["midnight|TIME|2016-08-31T00:00"],
            ),
            // Durations.
            (
                "A seven-day truce was agreed.",
                WED,
                &["seven-day|DURATION|P7D"],
            ),
            (
                "The lull lasted 48 hours.",
                WED,
                &["48 hours|DURATION|PT48H"],
            ),
            (
                "The siege lasted three years.",
                WED,
                &["three years|DURATION|P3Y"],
            ),
            (
                "Talks dragged on for several days.",
                WED,
                &["several days|DURATION|PXD"],
            ),
            (
                "Fighting raged for the past two weeks.",
                WED,
                &["the past two weeks|DURATION|P2W"],
            ),
            (
                "The truce may last up to 180 days.",
                WED,
                &["up to 180 days|DURATION|P180D"],
            ),
            (
                "The flight took 5 1/2 hours.",
                WED,
                &["5 1/2 hours|DURATION|PT5H30M"],
            ),
            (
                "Growth slowed in the first nine months.",
                WED,
                &["the first nine months|DURATION|P9M"],
            ),
            (
                "A twenty-four hour pause.",
                WED,
                &["twenty-four hour|DURATION|PT24H"],
            ),
            // Sets.
            ("Convoys will run every week.", WED, &["every week|SET|P1W"]),
            ("Observers report daily.", WED, &["daily|SET|P1D"]),
            // Not time expressions.
            ("A 44-year-old man was hurt.", WED, &[]),
            ("He is 52 years old.", WED, &[]),
            ("The deal saves $500 million a year.", WED, &[]),
            ("They bought 1,990 shares for $2016.", WED, &[]),
            ("They march on.", WED, &[]),
            // Offsets around multibyte characters.
            (
                "Geneva — Monday, the talks resumed.",
                WED,
                &["Monday|DATE|2016-08-29"],
            ),
            (
                "Zürich, 29 août — Aug. 29 « Friday »",
                WED,
                &["Aug. 29|DATE|2016-08-29", "Friday|DATE|2016-08-26"],
            ),
            (
                "日本 talks on Monday 日本",
                WED,
                &["Monday|DATE|2016-08-29"],
            ),
            // Without a reference date only absolute dates resolve.
            ("The talks resumed Monday.", "", &["Monday|DATE|XXXX-XX-XX"]),
            (
                "Signed August 29, 2016.",
                "",
                &["August 29, 2016|DATE|2016-08-29"],
            ),
            ("Shoigu spoke last week.", "", &["last week|DATE|XXXX-WXX"]),
        ];
        assert!(cases.len() >= 60);
        let failed: Vec<String> = cases
            .iter()
            .filter_map(|(input, dct, expected)| {
                std::panic::catch_unwind(|| check(input, dct, expected))
                    .err()
                    .map(|_| input.to_string())
            })
            .collect();
        assert!(failed.is_empty(), "failed cases: {failed:#?}");
    }

    #[test]
    fn resolved_dates_carry_precision() {
        let d = Some(date(WED));
        let one = |s: &str| tag(s, d).into_iter().next().expect("one timex").resolved;
        assert_eq!(one("It began Monday."), DateValue::day(date("2016-08-29")));
        let week = one("It began last week.");
        assert_eq!(
            (week.date, week.precision),
            (Some(date("2016-08-22")), Precision::Week)
        );
        let month = one("It began in August.");
        assert_eq!(
            (month.date, month.precision),
            (Some(date("2016-08-01")), Precision::Month)
        );
        let year = one("It began in 2011.");
        assert_eq!(
            (year.date, year.precision),
            (Some(date("2011-01-01")), Precision::Year)
        );
        assert_eq!(one("It lasted three years.").precision, Precision::Unknown);
        assert_eq!(one("It is now over.").date, None);
    }

    #[test]
    fn odd_input_never_panics() {
        let fixed = [
            "",
            "....!!!???",
            "11111111111111111111111111111111111111111111",
            "9999-99-99 0000-00-00 2016-02-30",
            "Aug. 99, 31 February 2016, Monday, Feb. 30, 2016",
            "日本語 Montag — Üß 2016年 \u{200B} ",
            "a.m. p.m. 12:99 p.m. 25 a.m. 0:00",
            "- ' '80 '8 the the the",
            "999999 years ago 999999 days later 999999 decades ago",
            "4294967296 years, 18446744073709551616 days",
            "every every each per the last the past the next",
            "mid- early late end of the beginning of",
            "\u{feff}Monday\u{a0}night",
        ];
        let dcts = [
            None,
            Some(date(WED)),
            Some(NaiveDate::MIN),
            Some(NaiveDate::MAX),
        ];
        // A small deterministic generator mixing trigger words, digits, punctuation and
        // multibyte characters.
        let pieces = [
            "Monday", "Aug", ".", "29", ",", "2016", "last", "week", "the", "-", "year", "ago",
            "a", "p", "m", ":", "é", "—", "日", " ", "  ", "\n", "'", "s", "quarter", "third",
            "1990", "fiscal", "noon", "every", "5", "1/2", "hours", "May", "in",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut random = Vec::new();
        for _ in 0..300 {
            let mut s = String::new();
            for _ in 0..(seed % 23) {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                s.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
                if seed & 1 == 0 {
                    s.push(' ');
                }
            }
            random.push(s);
        }
        for text in fixed.iter().map(|s| s.to_string()).chain(random) {
            for dct in dcts {
                let out = tag(&text, dct);
                let mut last_end = 0;
                for t in out {
                    assert_eq!(text.get(t.span.start..t.span.end), Some(t.text.as_str()));
                    assert!(t.span.start >= last_end && t.span.start < t.span.end);
                    last_end = t.span.end;
                }
            }
        }
    }
}
