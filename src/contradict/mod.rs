//! Contradiction detection: compare the claims of one thread and report where the parties contradict each other.
//!
//! Pure logic over plain data: [`detect`] takes the thread's new claims and the claims
//! already stored for it and returns [`Contradiction`]s; the store module saves them.
//!
//! ## Pipeline
//!
//! 1. Every claim becomes an [`Item`]: its side (from `sides.tsv`), its date as a day
//!    interval, its stance (polarity, with a bare denial cue counting as -1) and its
//!    speaker key. Claims without a frame, without a usable date (day or week
//!    precision), or with neither a stance nor figures are dropped: no rule can use them.
//! 2. Blocking. Items are indexed by frame, sorted by date, and by (frame, actor).
//!    A new claim is compared only with claims of its frame whose dates fall inside
//!    the widest window of the date-bound rules, plus claims of the same actor inside
//!    the reversal window. Pairs among `existing` alone are never formed, so calling
//!    [`detect`] again with more claims never re-reports old pairs.
//! 3. Every rule in [`RULES`] looks at each candidate pair, in registry order. Rules
//!    of one [`Group`] are alternatives: per pair only the first that fires is kept
//!    (that is how a denial is not also reported as opposing).
//!
//! ## Adding a rule
//!
//! Copy `example_rule.rs`, fill in its doc comment and `check`, add `mod` and a
//! [`RULES`] entry, and add rows to the test table below.

mod denial;
#[cfg(test)]
mod example_rule;
mod numeric;
mod opposing;
mod reversal;
pub mod sides;

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use crate::model::{Claim, Contradiction, ContradictionKind, Precision, StoredClaim};

use sides::Side;

/// Tuning knobs of the detector.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Opposing and denial claims must be said within this many days of each other.
    pub window_days: i64,
    /// Figures count as the same event when said within this many days (numeric rule).
    pub event_days: i64,
    /// A reversal pairs claims of one actor at most this many days apart.
    pub reversal_days: i64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            window_days: 7,
            event_days: 3,
            reversal_days: 60,
        }
    }
}

/// Counters of one [`detect_with_stats`] run, to check that blocking works.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stats {
    /// Claims that entered comparison (after dropping unusable ones), new and existing.
    pub indexed: usize,
    /// Candidate pairs the rules looked at.
    pub comparisons: u64,
    /// Contradictions returned.
    pub found: usize,
}

/// Per pair, only the first rule of a group that fires is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Claims that take opposite stances on one proposition: denial, opposing, reversal.
    Stance,
    /// Claims that give different figures for one event: numeric.
    Figures,
}

/// One contradiction rule: a plain registry entry with a check function.
pub struct Rule {
    pub name: &'static str,
    pub kind: ContradictionKind,
    pub group: Group,
    /// Returns a finding when the pair contradicts. `pair.x` has the smaller claim id.
    pub check: fn(&Pair, &Options) -> Option<Finding>,
}

/// What a rule reports for a pair; the detector fills in thread and claim ids.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub score: f32,
    pub explanation: String,
}

/// The ordered registry. Denial comes before opposing so that it wins within [`Group::Stance`].
pub static RULES: &[Rule] = &[denial::RULE, opposing::RULE, reversal::RULE, numeric::RULE];

/// A claim prepared for comparison.
#[derive(Debug, Clone)]
pub struct Item<'a> {
    pub id: i64,
    pub stored: &'a StoredClaim,
    pub claim: &'a Claim,
    pub frame: &'a str,
    pub side: Option<Side>,
    /// Side of `claim.target`, for responsibility claims.
    pub target_side: Option<Side>,
    /// First and last day (days from the common era) the claim date can denote.
    pub days: (i64, i64),
    /// -1, 0 or 1: the polarity, with a denial cue on a neutral claim counting as -1.
    pub stance: i8,
    /// Lower-cased speaker when it is a proper name (not "a U.S. official").
    pub person: Option<String>,
}

/// Two claims of one thread, `x` with the smaller claim id.
#[derive(Debug, Clone, Copy)]
pub struct Pair<'a> {
    pub x: &'a Item<'a>,
    pub y: &'a Item<'a>,
    /// Days between the two claim dates (0 when their intervals touch).
    pub gap: i64,
}

/// Find contradictions between `new` claims and the thread's `existing` claims, and among the new ones.
pub fn detect(
    thread: &str,
    new: &[StoredClaim],
    existing: &[StoredClaim],
    opts: &Options,
) -> Vec<Contradiction> {
    detect_with_stats(thread, new, existing, opts).0
}

/// [`detect`], also returning how much work blocking left to do.
pub fn detect_with_stats(
    thread: &str,
    new: &[StoredClaim],
    existing: &[StoredClaim],
    opts: &Options,
) -> (Vec<Contradiction>, Stats) {
    // Pool: existing claims first, then new ones; a claim passed in both counts as new.
    let new_ids: std::collections::HashSet<i64> = new.iter().map(|c| c.id).collect();
    let mut items: Vec<Item> = Vec::new();
    for s in existing.iter().filter(|s| !new_ids.contains(&s.id)) {
        items.extend(Item::new(s));
    }
    let first_new = items.len();
    let mut seen = std::collections::HashSet::new();
    for s in new.iter().filter(|s| seen.insert(s.id)) {
        items.extend(Item::new(s));
    }

    let by_frame = index(&items, |it| vec![it.frame.to_string()]);
    let by_actor = index(&items, actor_keys);
    let near = opts.window_days.max(opts.event_days).max(0);
    let far = opts.reversal_days.max(0);

    let mut stats = Stats {
        indexed: items.len(),
        ..Stats::default()
    };
    let mut out = Vec::new();
    let mut candidates: Vec<usize> = Vec::new();
    for i in first_new..items.len() {
        candidates.clear();
        let it = &items[i];
        collect(&items, &by_frame, it.frame, it, near, &mut candidates);
        for key in actor_keys(it) {
            collect(&items, &by_actor, &key, it, far, &mut candidates);
        }
        candidates.sort_unstable();
        candidates.dedup();
        for &j in &candidates {
            // Each unordered pair once: new-new pairs only from their first member.
            if j == i || (j >= first_new && j < i) {
                continue;
            }
            stats.comparisons += 1;
            let (x, y) = if items[i].id <= items[j].id {
                (&items[i], &items[j])
            } else {
                (&items[j], &items[i])
            };
            if x.id == y.id {
                continue;
            }
            let pair = Pair {
                x,
                y,
                gap: gap(x.days, y.days),
            };
            let mut fired: Vec<Group> = Vec::new();
            for rule in RULES {
                if fired.contains(&rule.group) {
                    continue;
                }
                if let Some(f) = (rule.check)(&pair, opts) {
                    fired.push(rule.group);
                    out.push(Contradiction {
                        thread: thread.to_string(),
                        kind: rule.kind,
                        score: f.score.clamp(0.0, 1.0),
                        explanation: f.explanation,
                        a: x.id,
                        b: y.id,
                    });
                }
            }
        }
    }
    out.sort_by(|p, q| (p.a, p.b, p.kind).cmp(&(q.a, q.b, q.kind)));
    out.dedup_by(|p, q| (p.a, p.b, p.kind) == (q.a, q.b, q.kind));
    stats.found = out.len();
    (out, stats)
}

/// Buckets of item indices sorted by first day, then id.
type Index = HashMap<String, Vec<usize>>;

fn index(items: &[Item], keys: impl Fn(&Item) -> Vec<String>) -> Index {
    let mut idx: Index = HashMap::new();
    for (i, it) in items.iter().enumerate() {
        for k in keys(it) {
            idx.entry(k).or_default().push(i);
        }
    }
    for v in idx.values_mut() {
        v.sort_by_key(|&i| (items[i].days.0, items[i].id));
    }
    idx
}

/// Longest interval a claim date can span (week precision), for the index look-behind.
const MAX_SPAN: i64 = 6;

/// Push the items of bucket `key` whose dates can be within `window` days of `it`.
fn collect(items: &[Item], idx: &Index, key: &str, it: &Item, window: i64, out: &mut Vec<usize>) {
    let Some(bucket) = idx.get(key) else { return };
    let lo = it.days.0 - window - MAX_SPAN;
    let hi = it.days.1 + window;
    let start = bucket.partition_point(|&j| items[j].days.0 < lo);
    for &j in &bucket[start..] {
        if items[j].days.0 > hi {
            break;
        }
        if gap(items[j].days, it.days) <= window {
            out.push(j);
        }
    }
}

/// Index keys under which one actor's claims meet: its code and, for named people, its name.
fn actor_keys(it: &Item) -> Vec<String> {
    let mut keys = Vec::new();
    if let Some(code) = it.claim.actor_code.as_deref().filter(|c| !c.is_empty()) {
        keys.push(format!("{}\tcode\t{}", it.frame, code));
    }
    if let Some(p) = &it.person {
        keys.push(format!("{}\tname\t{}", it.frame, p));
    }
    keys
}

fn gap(a: (i64, i64), b: (i64, i64)) -> i64 {
    (a.0.max(b.0) - a.1.min(b.1)).max(0)
}

impl<'a> Item<'a> {
    /// Prepare a stored claim, or `None` when no rule could use it.
    pub fn new(stored: &'a StoredClaim) -> Option<Item<'a>> {
        let claim = &stored.claim;
        let frame = claim.frame.as_deref().filter(|f| !f.is_empty())?;
        let date = claim.date.date?;
        let len = match claim.date.precision {
            Precision::Day => 0,
            Precision::Week => MAX_SPAN,
            // A month or a year cannot be placed within a window of days.
            _ => return None,
        };
        let stance = match claim.polarity.signum() {
            0 if claim.denial => -1,
            p => p,
        };
        if stance == 0 && claim.figures.is_empty() {
            return None;
        }
        let start = i64::from(date.num_days_from_ce());
        let side = claim
            .actor_code
            .as_deref()
            .or(claim.country.as_deref())
            .and_then(sides::side_of);
        Some(Item {
            id: stored.id,
            stored,
            claim,
            frame,
            side,
            target_side: claim.target.as_deref().and_then(sides::side_of),
            days: (start, start + len),
            stance,
            person: person_key(&claim.speaker),
        })
    }

    /// Both sides known and different.
    pub fn other_side(&self, other: &Item) -> bool {
        match (&self.side, &other.side) {
            (Some(a), Some(b)) => a.key != b.key,
            _ => false,
        }
    }

    /// The same actor: same actor code, or the same named person.
    pub fn same_actor(&self, other: &Item) -> bool {
        let code = |it: &Item| it.claim.actor_code.clone().filter(|c| !c.is_empty());
        match (code(self), code(other)) {
            (Some(a), Some(b)) if a == b => true,
            _ => self.person.is_some() && self.person == other.person,
        }
    }

    /// "Sergei Shoigu (RUSGOV, 2016-08-29)".
    pub fn who(&self) -> String {
        let speaker = match self.claim.speaker.trim() {
            "" => "an unnamed source",
            s => s,
        };
        let code = self
            .claim
            .actor_code
            .as_deref()
            .or(self.claim.country.as_deref())
            .unwrap_or("unknown actor");
        format!("{speaker} ({code}, {})", date_text(self.claim))
    }

    /// Confidence in 0.05..=1, halved-ish by a hedge: the weight this claim brings to a score.
    pub fn weight(&self) -> f32 {
        let c = if self.claim.confidence.is_finite() && self.claim.confidence > 0.0 {
            self.claim.confidence.clamp(0.05, 1.0)
        } else {
            0.5
        };
        if self.claim.hedge.is_some() {
            c * HEDGE_FACTOR
        } else {
            c
        }
    }
}

/// How much a hedge ("may", "nothing to announce") weakens a claim.
pub const HEDGE_FACTOR: f32 = 0.7;

fn date_text(c: &Claim) -> String {
    match (c.date.date, c.date.precision) {
        (Some(d), Precision::Day) => d.format("%Y-%m-%d").to_string(),
        (Some(d), Precision::Week) => format!("week of {}", d.format("%Y-%m-%d")),
        (Some(d), Precision::Month) => d.format("%Y-%m").to_string(),
        (Some(d), Precision::Year) => d.format("%Y").to_string(),
        _ => "undated".to_string(),
    }
}

/// A speaker name usable to recognise the same person across articles.
fn person_key(speaker: &str) -> Option<String> {
    let s = speaker.trim();
    let first = s.split_whitespace().next()?;
    if !first.chars().next()?.is_uppercase() {
        return None;
    }
    const NOT_NAMES: &[&str] = &[
        "a",
        "an",
        "the",
        "one",
        "two",
        "some",
        "several",
        "officials",
        "sources",
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
    ];
    if NOT_NAMES.contains(&first.to_lowercase().as_str()) {
        return None;
    }
    Some(s.to_lowercase())
}

/// Geometric mean of the two claims' weights.
pub fn pair_weight(p: &Pair) -> f32 {
    (p.x.weight() * p.y.weight()).sqrt()
}

/// 1 for claims on the same day, down to 0.5 at the edge of the window.
pub fn closeness(gap: i64, window: i64) -> f32 {
    if window <= 0 {
        return 1.0;
    }
    (1.0 - 0.5 * gap as f32 / window as f32).clamp(0.5, 1.0)
}

/// Targets agree: outside responsibility always; otherwise both unnamed or both on one side.
pub fn same_target(a: &Item, b: &Item) -> bool {
    if a.frame != "responsibility" {
        return true;
    }
    match (&a.claim.target, &b.claim.target) {
        (None, None) => true,
        (Some(ta), Some(tb)) => {
            ta == tb
                || matches!((&a.target_side, &b.target_side), (Some(x), Some(y)) if x.key == y.key)
        }
        _ => false,
    }
}

/// The proposition a frame asserts, as a clause: "a US-Russia agreement is near".
pub fn proposition(p: &Pair) -> String {
    let x = p.x;
    match x.frame {
        "agreement" => {
            let mut parties: Vec<&Side> = [&p.x.side, &p.y.side]
                .into_iter()
                .flatten()
                .filter(|s| s.key != "neutral")
                .collect();
            parties.sort_by_key(|s| s.rank);
            parties.dedup_by(|a, b| a.key == b.key);
            if parties.len() == 2 {
                format!(
                    "a {}-{} agreement is near",
                    parties[0].label, parties[1].label
                )
            } else {
                "an agreement is near".to_string()
            }
        }
        "ceasefire" => "the ceasefire is holding".to_string(),
        "responsibility" => {
            let target = [p.x, p.y].into_iter().find_map(|it| {
                let code = it.claim.target.as_deref()?;
                Some(match &it.target_side {
                    Some(s) if s.rank != usize::MAX => format!("{} ({code})", s.label),
                    _ => code.to_string(),
                })
            });
            match target {
                Some(t) => format!("{t} is responsible"),
                None => "the accused party is responsible".to_string(),
            }
        }
        "casualties" => "people were killed or wounded".to_string(),
        "talks" => "talks are going ahead".to_string(),
        "aid" => "aid is getting through".to_string(),
        "designation" => "the group's designation or change of affiliation is genuine".to_string(),
        "cooperation" => "the parties are cooperating".to_string(),
        other => format!("the {other} proposition holds"),
    }
}

/// Day number helper for tests and callers: days from the common era.
pub fn day_number(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

#[cfg(test)]
mod tests;
