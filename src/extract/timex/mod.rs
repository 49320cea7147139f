//! Temporal tagger for news: finds time expressions and normalizes them to TIMEX3 values against the publication date.
//!
//! One pass: the text is lowercased once (ASCII only, so byte offsets are kept), cut into
//! word, number and punctuation tokens, and at each token a small hand-written grammar
//! tries to read a time expression, keeping the longest. Spans follow TimeML: determiners
//! and modifiers ("the", "at least", "early") belong to the expression, prepositions do not.
//! Relative expressions are resolved against the document creation time (`dct`); weekdays
//! and bare months look at nearby tense cues ("will", "scheduled", "next") to pick a
//! direction. Nothing here allocates per token, and nothing panics.
//!
//! Here: the entry [`tag`], the tokens, the match type and the grammar's dispatch. The
//! grammar's families live beside it: `absolute` (calendar dates, years, clock times),
//! `relative` ("a year ago", "last week"), `durations` (counts, units, quarters), `words`
//! (word-led expressions), `values` (units and TIMEX3 values) and `calendar` (the crate's
//! one table of month and weekday names).

mod absolute;
pub mod calendar;
mod durations;
mod relative;
mod values;
mod words;

pub(crate) use values::small_number;

use crate::model::{DateValue, Precision, Span, Timex, TimexType};
use calendar::{month_of, weekday_of};
use chrono::{Datelike, NaiveDate};
use values::{month_value, ordinal, week_value, year_value};

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
}

#[cfg(test)]
mod tests;
