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
//! 2. Blocking. Each claim sits in buckets keyed by (frame, actor or none, [`Class`]):
//!    its stance, "may deny", each figure quantity; buckets are sorted by date. Each
//!    rule says, for a claim, which partner classes it can pair with and within how
//!    many days ([`Rule::partners`]), and whether partners must share the actor
//!    ([`Block`]). A new claim is compared only with the claims found that way that
//!    come *before it* in the pool (all existing claims, then the new ones in the order
//!    given). So pairs among `existing` alone are never formed, each unordered pair is
//!    looked at once, and one call with a batch gives the same result as one call per
//!    claim in the batch's order. A test checks that blocking finds exactly what
//!    comparing every pair finds.
//! 3. Every rule in [`RULES`] checks each candidate pair, in registry order. Rules of
//!    one [`Group`] are alternatives: per pair only the first that fires is kept
//!    (that is how a denial is not also reported as opposing).
//! 4. With [`Options::strongest_per_counterpart`] (the default) a new claim reports,
//!    per kind, only its strongest pair with each counterpart (actor code, else
//!    speaker): a Russian claim contradicted by five USAGOV claims that week gives one
//!    contradiction, not five. This keeps a dense thread's output (and the explanation
//!    strings, the expensive part) proportional to its claims. Pairs are `a` < `b` by
//!    claim id.
//!
//! ## Adding a rule
//!
//! Copy `example_rule.rs`, fill in its doc comment, `partners`, `check` and `explain`,
//! add `mod` and a [`RULES`] entry, and add rows to the table in `tests.rs`.
//!
//! ## Windows (see [`Options`])
//!
//! opposing 7 days; denial 60 days (a denial may answer an accusation made weeks
//! before); numeric 3 days for event counts, 30 for stocks; reversal 1 to 60 days.
//! Only claims dated to a day or a week take part; unknown, month and year dates never
//! pair.

mod blame;
mod classes;
mod denial;
mod diagnose;
#[cfg(test)]
mod example_rule;
mod features;
mod figure_denial;
mod negated_fact;
mod numeric;
mod opposing;
pub mod proposition;
mod reversal;
mod select;
pub mod sides;
pub mod stream;
mod weight;
use weight::one_act;
pub use weight::{closeness, pair_weight};

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::OnceLock;

use chrono::Datelike;
use rayon::prelude::*;

use crate::extract::frames;
use crate::model::{Claim, Contradiction, ContradictionKind, Precision, Stance, StoredClaim};

use classes::{block_key, classes_of};
pub use diagnose::diagnose;
pub use features::Features;
use select::{content_stems, fit, select};
use sides::Side;

/// Tuning knobs of the detector.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Opposing claims must be said within this many days of each other.
    pub window_days: i64,
    /// A denial answers an assertion made at most this many days before or after it.
    pub denial_days: i64,
    /// Figures of an event (killed, wounded, violations ...) count as the same event when
    /// said within this many days (numeric rule).
    pub event_days: i64,
    /// Other figures (a force's strength, people trapped ...) change slowly: they are
    /// compared within this many days (numeric rule).
    pub stock_days: i64,
    /// A reversal pairs claims of one actor at most this many days apart.
    pub reversal_days: i64,
    /// Report, per new claim and kind, only the strongest pair with each counterpart
    /// (actor code, else speaker); false reports every contradicting pair.
    pub strongest_per_counterpart: bool,
    /// Blocking looks, per bucket (frame, side or actor, class), at no more than this many
    /// partners of a claim: the nearest in date (see [`collect`]). This bounds a claim's work
    /// in a dense thread (hundreds of claims a day); a thread with fewer claims per bucket
    /// within the windows is unaffected.
    pub nearest: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            window_days: 7,
            denial_days: 60,
            event_days: 3,
            stock_days: 30,
            reversal_days: 60,
            strongest_per_counterpart: true,
            nearest: NEAREST,
        }
    }
}

/// Default of [`Options::nearest`].
pub const NEAREST: usize = 24;

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
    /// Which claims share a block: all claims of a frame, or one actor's claims of a frame.
    pub block: Block,
    /// Blocking: the classes of claims this claim can pair with, and how many days
    /// around its date to look for each. `check` must never fire for a pair that
    /// `partners` (from either claim's side) would not propose; a test checks this
    /// against exhaustive comparison.
    pub partners: fn(&Item, &Options) -> Vec<(Class, i64)>,
    /// Cheap, runs on every candidate pair: the score (0..1) when the pair contradicts.
    /// `pair.x` has the smaller claim id.
    pub check: fn(&Pair, &Options) -> Option<f32>,
    /// Runs only on reported pairs: one line naming both speakers, their dates and the proposition.
    pub explain: fn(&Pair) -> String,
}

/// Which claims a rule compares: both always share the frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    Frame,
    /// And the actor: the same actor code, or the same named speaker; a claim about its own
    /// side's act also meets the side's other claims ([`reversal::own_act`]).
    Actor,
}

/// Buckets a claim sits in, so a rule looks only at claims that can pair with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// Asserts or denies (never neutral).
    Stance(Stance),
    /// May deny something: negative stance with a denial cue, or any negative
    /// responsibility claim (the rule decides).
    Denier,
    /// States a figure of this (interned) quantity.
    Quantity(u32),
    /// Says something in its own words no act row reads ([`proposition::of_claim_and_topic`]), asserting
    /// or denying it.
    Topic(Stance),
    /// Asserts something, whatever its frame: what a bare "denied the claim" may answer
    /// ([`denial`]).
    Asserted,
    /// Rejects a bare charge ("denied the claim"): it answers the statement right before it,
    /// whatever that statement's frame ([`denial`]).
    Reply,
    /// Blames another side, whatever the act ([`blame`]).
    Blame,
}

/// The ordered registry. Denial comes before opposing so that it wins within [`Group::Stance`].
pub static RULES: &[Rule] = &[
    denial::RULE,
    opposing::RULE,
    reversal::RULE,
    negated_fact::RULE,
    // An inference from two accusations: last of its group, so it never takes another's pair.
    blame::RULE,
    numeric::RULE,
];

/// A claim prepared for comparison.
#[derive(Debug, Clone)]
pub struct Item<'a> {
    pub id: i64,
    pub stored: &'a StoredClaim,
    pub claim: &'a Claim,
    pub frame: &'a str,
    /// What the claim says, read from its own words (act, doer, position), when the act
    /// tables know its predicate. Stance rules compare propositions, not frames, when both
    /// claims have one.
    pub prop: Option<proposition::Proposition>,
    /// What the claim says in its own words when no act row reads it
    /// ([`proposition::of_claim_and_topic`]): the `negated_fact` rule's proposition.
    pub topic: Option<proposition::Proposition>,
    /// First and last day (days from the common era) the claim date can denote.
    pub days: (i64, i64),
    /// The polarity, with a denial cue on a neutral claim counting as a denial.
    pub stance: Stance,
    /// Interned keys, so the hot loop compares numbers, not strings.
    pub ids: Ids,
    /// Confidence in 0.05..=1 (0.5 when missing), times [`HEDGE_FACTOR`] when hedged.
    pub weight: f32,
    /// `claim.denial`, copied here because the hot loop reads it.
    pub denial: bool,
    /// The buckets this claim sits in.
    pub classes: Vec<Class>,
    /// The counts the claim states ([`numeric::counts`]: its figures, and counts of none or
    /// some its words give without a number).
    pub counts: Vec<numeric::Count>,
    /// Interned quantity of each of `counts`.
    pub quantities: Vec<u32>,
    /// Per-claim cache for a rule's costly feature (the numeric rule's cause of harm,
    /// found by regex), computed at most once.
    pub cache: OnceLock<u8>,
    /// The reversal rule's "explicit change" wording in the claim, found at most once per
    /// claim (the check runs for every candidate pair).
    pub explicit: OnceLock<bool>,
    /// Features the rules read for every candidate pair, computed once per claim.
    pub features: Features,
    /// Whom the claim blames ([`blame::blamed`]), when it lays an act at another side's door.
    pub blames: Option<blame::Blamed>,
}

/// How many words of the sorted list `a` the sorted list `b` holds too.
pub(super) fn shared_words(a: &[String], b: &[String]) -> usize {
    a.iter().filter(|w| b.binary_search(w).is_ok()).count()
}

/// Interned keys of an [`Item`]: equal numbers mean equal strings (within one [`Interner`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ids {
    /// The block key: the proposition's act when there is one, else the frame.
    pub frame: u32,
    /// The proposition's doer (side), when named.
    pub agent: Option<u32>,
    /// The doer's party key ([`sides::side_of`]), comparable with `target_side`.
    pub agent_side: Option<u32>,
    /// Side key.
    pub side: Option<u32>,
    /// Target actor code and the target's side key.
    pub target: Option<u32>,
    pub target_side: Option<u32>,
    /// Actor code.
    pub code: Option<u32>,
    /// Lower-cased speaker when it is a proper name (not "a U.S. official").
    pub person: Option<u32>,
    /// Lower-cased speaker, whatever it is.
    pub speaker: u32,
    /// Who this claim is for [`Options::strongest_per_counterpart`]: actor code, else speaker.
    pub counterpart: u32,
}

/// Gives each distinct string a number.
#[derive(Debug, Default)]
pub struct Interner(HashMap<String, u32>);

impl Interner {
    pub fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.0.get(s) {
            return id;
        }
        let id = self.0.len() as u32;
        self.0.insert(s.to_string(), id);
        id
    }
}

/// Two claims of one thread, `x` with the smaller claim id.
#[derive(Debug, Clone, Copy)]
pub struct Pair<'a> {
    pub x: &'a Item<'a>,
    pub y: &'a Item<'a>,
    /// Days between the two claim dates (0 when their intervals touch).
    pub gap: i64,
}

impl<'a> Pair<'a> {
    pub fn new(a: &'a Item<'a>, b: &'a Item<'a>) -> Pair<'a> {
        let (x, y) = if a.id <= b.id { (a, b) } else { (b, a) };
        Pair {
            x,
            y,
            gap: gap(x.days, y.days),
        }
    }
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
    run(thread, new, existing, opts, false)
}

fn run(
    thread: &str,
    new: &[StoredClaim],
    existing: &[StoredClaim],
    opts: &Options,
    exhaustive: bool,
) -> (Vec<Contradiction>, Stats) {
    // Pool: existing claims first, then new ones in the given order; a claim passed in
    // both counts as new, a repeated id counts once.
    let new_ids: HashSet<i64> = new.iter().map(|c| c.id).collect();
    let mut strings = Interner::default();
    let mut items: Vec<Item> = Vec::new();
    for s in existing.iter().filter(|s| !new_ids.contains(&s.id)) {
        items.extend(Item::new(s, &mut strings));
    }
    let first_new = items.len();
    let mut seen = HashSet::new();
    // New claims in a canonical order (by what they say, not by id): the result does not
    // depend on the order in which articles were ingested or claims were passed.
    let mut fresh: Vec<&StoredClaim> = new.iter().filter(|s| seen.insert(s.id)).collect();
    fresh.sort_by(|x, y| canonical_key(x).cmp(&canonical_key(y)));
    for s in fresh {
        items.extend(Item::new(s, &mut strings));
    }

    let ctx = Ctx {
        items: &items,
        index: index(&items),
        // Existing claims come first in the pool: only without them is the pool in date order.
        date_sorted: items.windows(2).all(|w| w[0].days.0 <= w[1].days.0),
        opts,
        exhaustive,
    };
    let per_claim: Vec<(Vec<Found>, u64)> = (first_new..items.len())
        .into_par_iter()
        .map_init(Vec::new, |buf, i| ctx.against_earlier(i, buf))
        .collect();

    let mut stats = Stats {
        indexed: items.len(),
        ..Stats::default()
    };
    let mut out = Vec::new();
    for (found, comparisons) in per_claim {
        stats.comparisons += comparisons;
        out.extend(found);
    }
    out.sort_by_key(|c| (c.a, c.b, c.rule.kind));
    out.dedup_by(|p, q| (p.a, p.b, p.rule.kind) == (q.a, q.b, q.rule.kind));
    if opts.strongest_per_counterpart {
        out = select(out, &items);
    }
    stats.found = out.len();
    // The strings (the costly part) only for the pairs reported.
    let out = out
        .iter()
        .map(|f| stream::report(thread, f, &items))
        .collect();
    (out, stats)
}

/// A pair a rule reported, before [`select`] and before its strings are written.
struct Found {
    rule: &'static Rule,
    score: f32,
    /// Claim ids, `a` < `b`.
    a: i64,
    b: i64,
    /// Their pool indices.
    x: usize,
    y: usize,
    /// Content words the two claims share ([`fit`]); stance pairs inside one article only.
    fit: u16,
}

/// Everything one new claim needs to find its contradictions.
struct Ctx<'a> {
    items: &'a [Item<'a>],
    index: Index,
    /// The pool is in date order (no existing claims): a claim's earlier partners all come
    /// before it in its buckets.
    date_sorted: bool,
    opts: &'a Options,
    /// Compare with every earlier claim (tests: blocking must not change the result).
    exhaustive: bool,
}

/// A rule that fired for (new claim, partner): kept while looking for the strongest.
struct Hit {
    rule: &'static Rule,
    partner: usize,
    counterpart: u32,
    score: f32,
    gap: i64,
}

impl Ctx<'_> {
    /// Contradictions of item `i` with the items before it in the pool (all existing
    /// claims and the new ones given before it), and the number of pairs looked at.
    fn against_earlier(&self, i: usize, candidates: &mut Vec<usize>) -> (Vec<Found>, u64) {
        let (items, opts) = (self.items, self.opts);
        let it = &items[i];
        candidates.clear();
        if self.exhaustive {
            candidates.extend(0..i);
        }
        let mut near = Nearest::default();
        // A party's own act: any of its bodies may reverse it (`reversal::own_act`).
        let own_side = it.ids.side.filter(|_| reversal::own_act(it).is_some());
        for rule in RULES.iter().filter(|_| !self.exhaustive) {
            for (class, window) in (rule.partners)(it, opts) {
                let frame = frame_key(it, class);
                // Frame rules look at every side's bucket, actor rules at the claim's own.
                let sides = match rule.block {
                    Block::Frame => self.index.sides.get(&(frame, class)).map(Vec::as_slice),
                    Block::Actor => None,
                };
                let own = [it.ids.code, it.ids.person, own_side];
                let actors = sides.unwrap_or(&[]).iter().copied().chain(
                    own.into_iter()
                        .flatten()
                        .filter(|_| rule.block == Block::Actor),
                );
                for actor in actors {
                    let Some(bucket) = self.index.buckets.get(&(frame, actor, class)) else {
                        continue;
                    };
                    let window = window.max(0);
                    let bound = Bound {
                        window,
                        limit: i,
                        nearest: opts.nearest,
                        date_sorted: self.date_sorted,
                    };
                    collect(items, bucket, it, &bound, &mut near, candidates);
                }
            }
        }
        candidates.sort_unstable();
        candidates.dedup();

        let mut hits: Vec<Hit> = Vec::new();
        let mut comparisons = 0;
        for &j in candidates.iter() {
            let other = &items[j];
            if other.id == it.id {
                continue;
            }
            comparisons += 1;
            let pair = Pair::new(it, other);
            let mut fired: [Option<Group>; 2] = [None, None];
            for rule in RULES {
                if fired.contains(&Some(rule.group)) {
                    continue;
                }
                let Some(score) = (rule.check)(&pair, opts) else {
                    continue;
                };
                fired[usize::from(fired[0].is_some())] = Some(rule.group);
                // Within one article every claim is its own counterpart (a reporter sets each
                // reply against the accusations it answers); across articles the actor is.
                let counterpart = if other.same_article(it) {
                    u32::MAX - (j as u32)
                } else {
                    other.ids.counterpart
                };
                let hit = Hit {
                    rule,
                    partner: j,
                    counterpart,
                    score: score.clamp(0.0, 1.0),
                    gap: pair.gap,
                };
                let same = hits.iter_mut().find(|h| {
                    opts.strongest_per_counterpart
                        && h.rule.kind == rule.kind
                        && h.counterpart == hit.counterpart
                });
                match same {
                    Some(h) if stronger(&hit, h, items) => *h = hit,
                    Some(_) => {}
                    None => hits.push(hit),
                }
            }
        }
        let found = hits
            .into_iter()
            .map(|h| {
                let j = h.partner;
                let (x, y) = if it.id <= items[j].id { (i, j) } else { (j, i) };
                Found {
                    rule: h.rule,
                    score: h.score,
                    a: items[x].id,
                    b: items[y].id,
                    x,
                    y,
                    // Read only to choose among stance pairs inside one article.
                    fit: match h.rule.group {
                        Group::Stance if items[x].same_article(&items[y]) => {
                            fit(&items[x], &items[y])
                        }
                        _ => 0,
                    },
                }
            })
            .collect();
        (found, comparisons)
    }
}

/// Higher score, then the closer date, then the partner earlier in the pool (canonical order).
fn stronger(a: &Hit, b: &Hit, _items: &[Item]) -> bool {
    let key = |h: &Hit| (-h.score, h.gap, h.partner);
    key(a).partial_cmp(&key(b)) == Some(std::cmp::Ordering::Less)
}

/// A claim's place in the detection pool: its date, then its words and where they sit in
/// the article. Ids are left out on purpose: they depend on ingestion order.
fn canonical_key(c: &StoredClaim) -> (Option<chrono::NaiveDate>, &str, &str, &str, usize, &str) {
    (
        c.claim.date.date,
        c.claim.text.as_str(),
        c.claim.speaker.as_str(),
        c.claim.sentence.as_str(),
        c.claim.span.start,
        c.article_title.as_str(),
    )
}

/// Buckets of item indices by (frame, side or actor, class), sorted by first day, then pool
/// index; and per (frame, class) the side keys that have a bucket.
#[derive(Default)]
struct Index {
    buckets: HashMap<(u32, u32, Class), Bucket>,
    sides: HashMap<(u32, Class), Vec<u32>>,
}

/// One bucket's items, and the longest date interval among them (0 when all are days).
#[derive(Default)]
struct Bucket {
    items: Vec<usize>,
    span: i64,
}

/// Figures are compared across frames: "62 soldiers were killed" is a casualty count whether
/// the sentence blames someone (responsibility) or not. Their buckets ignore the frame.
const ANY_FRAME: u32 = u32::MAX;

fn frame_key(it: &Item, class: Class) -> u32 {
    match class {
        Class::Quantity(_) | Class::Topic(_) | Class::Asserted | Class::Reply | Class::Blame => {
            ANY_FRAME
        }
        _ => it.ids.frame,
    }
}

/// The side part of an index key for [`Block::Frame`] buckets of claims with no known side.
const NO_SIDE: u32 = u32::MAX;

fn index(items: &[Item]) -> Index {
    let mut idx = Index::default();
    for (i, it) in items.iter().enumerate() {
        let side = it.ids.side.unwrap_or(NO_SIDE);
        for &class in &it.classes {
            let frame = frame_key(it, class);
            let sides = idx.sides.entry((frame, class)).or_default();
            if !sides.contains(&side) {
                sides.push(side);
            }
            // Side keys ("side\t...") and actor keys ("code\t...", "speaker\t...") are
            // distinct interned strings, so they share the key's second slot.
            for actor in [Some(side), it.ids.code, it.ids.person]
                .into_iter()
                .flatten()
            {
                let bucket = idx.buckets.entry((frame, actor, class)).or_default();
                if bucket.items.last() != Some(&i) {
                    bucket.items.push(i);
                    bucket.span = bucket.span.max(it.days.1 - it.days.0);
                }
            }
        }
    }
    for b in idx.buckets.values_mut() {
        b.items.sort_by_key(|&i| (items[i].days.0, i));
    }
    for v in idx.sides.values_mut() {
        v.sort_unstable();
    }
    idx
}

/// Longest interval a claim date can span (week precision).
const MAX_SPAN: i64 = 6;

/// What [`collect`] may take from one bucket for one claim.
struct Bound {
    /// Days between the two claims' dates, at most.
    window: i64,
    /// Only items before this pool index (the claim's own).
    limit: usize,
    /// At most this many: those with the smallest gap, ties to the later in the pool.
    nearest: usize,
    /// The pool is in date order, so everything after the claim in the bucket is later in
    /// the pool too.
    date_sorted: bool,
}

/// The nearest candidates of one bucket: a max-heap on (gap, earlier in the pool).
#[derive(Default)]
struct Nearest(std::collections::BinaryHeap<(i64, std::cmp::Reverse<usize>)>);

impl Nearest {
    /// Offer a candidate; keep the `n` best.
    fn offer(&mut self, gap: i64, j: usize, n: usize) {
        self.0.push((gap, std::cmp::Reverse(j)));
        if self.0.len() > n {
            self.0.pop();
        }
    }

    /// The walk can stop once an item at least `lb` days away could not get in.
    fn closed(&self, lb: i64, n: usize, strict: bool) -> bool {
        self.0.len() >= n
            && self
                .0
                .peek()
                .is_some_and(|&(worst, _)| lb > worst || (!strict && lb == worst))
    }
}

/// Push the items of `bucket` before pool index `bound.limit` whose dates are within
/// `bound.window` days of `it`: the `bound.nearest` of them with the smallest gap (ties to the
/// later in the pool). The walk starts at the claim's place in the bucket and goes outwards,
/// so a dense bucket costs about `nearest` steps, not the whole window.
fn collect(
    items: &[Item],
    bucket: &Bucket,
    it: &Item,
    bound: &Bound,
    near: &mut Nearest,
    out: &mut Vec<usize>,
) {
    let (b, n, window) = (&bucket.items, bound.nearest.max(1), bound.window);
    near.0.clear();
    let here = (it.days.0, bound.limit);
    let p = b.partition_point(|&j| (items[j].days.0, j) < here);
    // Backward: the gap is at least the distance of first days less the bucket's span. In a
    // date-sorted pool the pool index falls as the walk goes, so an equal gap cannot win.
    for &j in b[..p].iter().rev() {
        let lb = it.days.0 - items[j].days.0 - bucket.span;
        if lb > window || near.closed(lb, n, !bound.date_sorted) {
            break;
        }
        let g = gap(items[j].days, it.days);
        if j < bound.limit && g <= window {
            near.offer(g, j, n);
        }
    }
    // Forward (items dated after the claim that come before it in the pool: existing
    // claims); the gap only grows.
    if !bound.date_sorted {
        for &j in &b[p..] {
            let g = gap(items[j].days, it.days);
            if g > window || near.closed(g, n, true) {
                break;
            }
            if j < bound.limit {
                near.offer(g, j, n);
            }
        }
    }
    out.extend(near.0.drain().map(|(_, std::cmp::Reverse(j))| j));
}

/// The side a claim's speaker speaks for: its actor code's, else its country's. An anonymous
/// source whose side the text does not state has no side: it never opposes anyone.
fn claim_side(claim: &Claim) -> Option<sides::Side> {
    claim
        .actor_code
        .as_deref()
        .filter(|c| *c != crate::extract::actors::UNKNOWN_CODE)
        .or(claim.country.as_deref())
        .and_then(sides::side_of)
}

fn gap(a: (i64, i64), b: (i64, i64)) -> i64 {
    (a.0.max(b.0) - a.1.min(b.1)).max(0)
}

impl<'a> Item<'a> {
    /// Prepare a stored claim, or `None` when no rule could use it.
    pub fn new(stored: &'a StoredClaim, strings: &mut Interner) -> Option<Item<'a>> {
        let claim = &stored.claim;
        let (prop, topic) = proposition::of_claim_and_topic(claim);
        let counts = numeric::counts(claim);
        // A claim without a frame can still state a figure ("they counted 21 bodies") or a
        // proposition its words name ("Russia had nothing to do with the attack").
        let frame = match claim.frame.as_deref().filter(|f| !f.is_empty()) {
            Some(f) => f,
            None if !counts.is_empty() || prop.is_some() || topic.is_some() => "",
            None => return None,
        };
        // An undated claim (a background position) stands on the day it is reported.
        let date = stored.detection_day()?;
        let len = match (claim.date.date, claim.date.precision) {
            (None, _) | (Some(_), Precision::Day) => 0,
            (Some(_), Precision::Week) => MAX_SPAN,
            // A month or a year cannot be placed within a window of days.
            (Some(_), _) => return None,
        };
        let stance = stance_of(claim, prop.as_ref(), frame);
        // A rejection of a step or an announcement ("rejected the rebranding") takes no position
        // on what another party asserts ([`denial::rejects_a_thing`]).
        let thing = stance == Stance::Denies && denial::rejects_a_thing(claim);
        if (stance.is_neutral() || thing) && counts.is_empty() && topic.is_none() {
            return None;
        }
        let denial = claim.denial || prop.as_ref().is_some_and(|p| p.denial);
        // Claims meet by frame; two claims that both name an act must also share it (see
        // `same_target`).
        let block = block_key(prop.as_ref(), topic.as_ref(), frame, strings);
        let agent = prop
            .as_ref()
            .and_then(|p| p.agent.as_deref())
            .map(|a| strings.id(&format!("agent\t{a}")));
        let agent_side = prop
            .as_ref()
            .and_then(|p| p.agent.as_deref())
            .and_then(sides::side_of)
            .map(|s| strings.id(&format!("side\t{}", s.key)));
        let start = i64::from(date.num_days_from_ce());
        let side = claim_side(claim);
        let target_side = claim.target.as_deref().and_then(sides::side_of);
        let quantities: Vec<u32> = counts
            .iter()
            .map(|f| strings.id(&format!("quantity\t{}", f.quantity)))
            .collect();
        let mut classes = classes_of(
            claim,
            stance,
            frame,
            prop.is_some(),
            denial,
            topic.as_ref(),
            &quantities,
        );
        let code = claim.actor_code.as_deref().filter(|c| !c.is_empty());
        let speaker = claim.speaker.trim().to_lowercase();
        let ids = Ids {
            frame: block,
            agent,
            agent_side,
            side: side
                .as_ref()
                .map(|s| strings.id(&format!("side\t{}", s.key))),
            target: claim
                .target
                .as_deref()
                .map(|t| strings.id(&format!("code\t{t}"))),
            target_side: target_side
                .as_ref()
                .map(|s| strings.id(&format!("side\t{}", s.key))),
            code: code.map(|c| strings.id(&format!("code\t{c}"))),
            person: person_key(&claim.speaker).map(|p| strings.id(&format!("speaker\t{p}"))),
            speaker: strings.id(&format!("speaker\t{speaker}")),
            counterpart: match code {
                Some(c) => strings.id(&format!("code\t{c}")),
                None => strings.id(&format!("speaker\t{speaker}")),
            },
        };
        let features = Features::of(claim, frame, stance, denial, &ids);
        let blames = prop
            .as_ref()
            .and_then(|p| blame::blamed(&p.act, p.position, stance, ids.agent_side, ids.side));
        if blames.is_some() {
            classes.push(Class::Blame);
        }
        Some(Item {
            id: stored.id,
            stored,
            claim,
            frame,
            prop,
            topic,
            days: (start, start + len),
            stance,
            ids,
            weight: weight(claim),
            denial,
            classes,
            counts,
            quantities,
            cache: OnceLock::new(),
            explicit: OnceLock::new(),
            features,
            blames,
        })
    }

    /// The side this claim speaks for (from its actor code, else its country).
    pub fn side(&self) -> Option<Side> {
        self.claim
            .actor_code
            .as_deref()
            .or(self.claim.country.as_deref())
            .and_then(sides::side_of)
    }

    /// Both sides known and different.
    pub fn other_side(&self, other: &Item) -> bool {
        matches!((self.ids.side, other.ids.side), (Some(a), Some(b)) if a != b)
    }

    /// Both sides known and equal, or both unknown.
    pub fn same_side(&self, other: &Item) -> bool {
        self.ids.side == other.ids.side
    }

    /// Both claims come from one article.
    pub fn same_article(&self, other: &Item) -> bool {
        self.stored.article_id == other.stored.article_id
    }

    /// The same actor: same actor code, or the same named person.
    pub fn same_actor(&self, other: &Item) -> bool {
        let (a, b) = (self.ids, other.ids);
        (a.code.is_some() && a.code == b.code) || (a.person.is_some() && a.person == b.person)
    }

    /// "Sergei Shoigu (RUSGOV, 2016-08-29)", formatted without allocating.
    pub fn who(&self) -> Who<'_> {
        Who(self.claim)
    }
}

/// Displays a claim's speaker, actor code and date: "Sergei Shoigu (RUSGOV, 2016-08-29)".
pub struct Who<'a>(&'a Claim);

impl fmt::Display for Who<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = self.0;
        let speaker = match c.speaker.trim() {
            "" => "an unnamed source",
            s => s,
        };
        let code = c
            .actor_code
            .as_deref()
            .or(c.country.as_deref())
            .unwrap_or("unknown actor");
        write!(f, "{speaker} ({code}, ")?;
        match (c.date.date, c.date.precision) {
            (Some(d), Precision::Day) => write!(f, "{d}")?,
            (Some(d), Precision::Week) => write!(f, "week of {d}")?,
            (Some(d), Precision::Month) => write!(f, "{}", d.format("%Y-%m"))?,
            (Some(d), Precision::Year) => write!(f, "{}", d.format("%Y"))?,
            _ => f.write_str("undated")?,
        }
        f.write_str(")")
    }
}

/// The weight a claim brings to a score: its confidence, weakened by a hedge.
fn weight(claim: &Claim) -> f32 {
    let c = if claim.confidence.is_finite() && claim.confidence > 0.0 {
        claim.confidence.clamp(0.05, 1.0)
    } else {
        0.5
    };
    if claim.hedge.is_some() {
        c * HEDGE_FACTOR
    } else {
        c
    }
}

/// Frames that carry a stance worth opposing, denying or reversing. Casualty claims are
/// figures, not stances ("20 people were killed" asserts nothing anyone denies by saying
/// "12"): only the numeric rule compares them.
pub fn has_stance(frame: &str) -> bool {
    !frames::flags(frame).figures
}

/// [`has_stance`] for a pair: claims whose words state a proposition always carry a stance.
pub fn pair_has_stance(p: &Pair) -> bool {
    (p.x.prop.is_some() && p.y.prop.is_some()) || !p.x.features.flags.figures
}

/// Counts that add up over time ("since the offensive began", "so far") against counts of one
/// incident are two different quantities, not a dispute.
pub fn cumulative(text: &str) -> bool {
    static CUMULATIVE: once_cell::sync::Lazy<regex::Regex> = once_cell::sync::Lazy::new(|| {
        regex::Regex::new(r"(?i)\b(since the (offensive|war|conflict|start|beginning|uprising|campaign)|so far this|in total|to date|altogether|of the war|of the conflict|since (19|20)\d\d)\b")
            .expect("valid regex")
    });
    CUMULATIVE.is_match(text)
}

/// How much a hedge ("may", "nothing to announce") weakens a claim.
pub const HEDGE_FACTOR: f32 = 0.7;

/// Whether a speaker reads as a person's name ("Sergei Lavrov", "Abu Mohammed al-Golani"):
/// two to five words, capitalised but for name particles, none of them an institution word.
pub fn personal_name(speaker: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "al", "al-", "de", "da", "van", "von", "bin", "ibn", "el", "la", "le", "di",
    ];
    const INSTITUTIONS: &[&str] = &[
        "The",
        "Ministry",
        "Department",
        "Office",
        "Council",
        "Government",
        "Army",
        "Forces",
        "Command",
        "Agency",
        "Committee",
        "House",
        "Kremlin",
        "Embassy",
        "Mission",
        "Observatory",
        "Center",
        "Centre",
        "Coalition",
        "Front",
        "Union",
        "Nations",
        "Organisation",
        "Organization",
        "State",
        "Officials",
        "Sources",
        "Media",
        "News",
        "Press",
        "Foreign",
    ];
    let words: Vec<&str> = speaker.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && words.iter().all(|w| {
            PARTICLES.contains(&w.to_lowercase().as_str())
                || ["al-", "el-", "ad-", "as-", "ash-"].iter().any(|p| {
                    w.strip_prefix(p)
                        .is_some_and(|r| r.chars().next().is_some_and(char::is_uppercase))
                })
                || (w.chars().next().is_some_and(char::is_uppercase)
                    && !INSTITUTIONS.contains(w)
                    && !w.contains('.'))
        })
}

/// A claim's stance for the rules. With a proposition its position is the stance. Otherwise a
/// denial cue on a neutral claim rejects an accusation ("denied involvement in the strike"); on
/// other frames ("dismissed the plan") it says too little about which proposition is rejected.
/// A news agency reporting ("China's official Xinhua news agency reported", "Interfax said")
/// narrates what others said: it takes no position of its own (its figures still count).
fn stance_of(claim: &Claim, prop: Option<&proposition::Proposition>, frame: &str) -> Stance {
    if reporter(&claim.speaker) {
        return Stance::Neutral;
    }
    match (prop, claim.polarity) {
        (Some(p), _) => p.position,
        (None, Stance::Neutral) if claim.denial && frames::flags(frame).denial_target => {
            Stance::Denies
        }
        (None, p) => p,
    }
}

/// The speaker is a news agency (`agencies.tsv`, or "… news agency"): a reporter, not a party.
fn reporter(speaker: &str) -> bool {
    crate::meta::agency_in(speaker).is_some() || speaker.to_lowercase().contains("news agency")
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

/// A harm is one incident's: a claim that names one ("dozens were killed") meets another
/// ("no one was hurt") only in one article or on one day, not every other strike of a war.
pub(super) fn one_incident(a: &Item, b: &Item) -> bool {
    let harm = |it: &Item| it.prop.as_ref().is_some_and(|q| q.act == proposition::HARM);
    !(harm(a) || harm(b)) || a.same_article(b) || gap(a.days, b.days) == 0
}

/// Targets agree: outside blame frames (`frame_flags.tsv`) always; otherwise both unnamed or
/// both on one side.
pub fn same_target(a: &Item, b: &Item) -> bool {
    match (&a.prop, &b.prop) {
        (Some(p), Some(q)) => {
            let stems = || (a.features.stems(a.claim), b.features.stems(b.claim));
            // Two notices: "the boats were sent after notifying" / "Kiev did not inform Russia
            // of the ships passing" are one step when both name the same kind of craft.
            let same_craft = || {
                p.act == "notify"
                    && numeric::craft_classes(&a.claim.text)
                        .any(|c| numeric::craft_classes(&b.claim.text).any(|d| c == d))
            };
            return one_incident(a, b)
                && (proposition::one_step(p, q, stems) || same_craft())
                && proposition::same_question(p, q, a.same_article(b));
        }
        // A harm meets only another claim that names one: a frame's word alone ("premature
        // to declare the ceasefire dead") says nothing of who was killed.
        (Some(p), None) | (None, Some(p)) if p.act == proposition::HARM => return false,
        // One names the act's doer, the other only blames a party (its frame's target): the
        // doer and the blamed party must be one side ("rebel shelling killed 12" does not meet
        // "our aircraft do not strike hospitals").
        (Some(_), None) => return same_agent(a, b) && doer_is_blamed(a, b),
        (None, Some(_)) => return same_agent(a, b) && doer_is_blamed(b, a),
        (None, None) => {}
    }
    let same = |ta: u32, tb: u32| {
        ta == tb || matches!((a.ids.target_side, b.ids.target_side), (Some(x), Some(y)) if x == y)
    };
    let flags = a.features.flags;
    match (a.ids.target, b.ids.target) {
        (None, None) => true,
        // Blame needs the same blamed party on both sides; so do two party claims: "The
        // government observes the truce" and "the rebels violate it" are one consistent line.
        (Some(ta), Some(tb)) if flags.blame || flags.party => same(ta, tb),
        // One names a blamed party, the other none: not one accusation. A claim about the
        // truce as a whole may still meet one about a party.
        _ => !flags.blame,
    }
}

/// The doer `with_act` names is the party `blaming` blames, or one of them is unknown.
fn doer_is_blamed(with_act: &Item, blaming: &Item) -> bool {
    match (with_act.ids.agent_side, blaming.ids.target_side) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// Propositions name the same doer, or one of them names none.
pub fn same_agent(a: &Item, b: &Item) -> bool {
    match (a.ids.agent, b.ids.agent) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// Two claims quote overlapping words of one article: one report, not two. (Two claims of
/// one sentence with their own words, "X accused Y of the attack; Y denied it", can meet.)
pub fn same_passage(a: &Item, b: &Item) -> bool {
    a.same_article(b)
        && a.claim.span.start < b.claim.span.end
        && b.claim.span.start < a.claim.span.end
}

/// "X accused Y of the attack, a charge Y has denied": the denial's content is the whole
/// accusation, its cue included, while the denial's own cue stands outside the accusation's
/// words. The two overlap yet are two reports, an accusation and its denial.
pub fn reports_the_other(outer: &Item, inner: &Item) -> bool {
    let (Some(inner_cue), Some(outer_cue)) = (inner.claim.cue_span, outer.claim.cue_span) else {
        return false;
    };
    outer.claim.span.contains(inner_cue) && !inner.claim.span.contains(outer_cue)
}

/// The proposition in plain words: the claims' own (act + doer) when they have one, else what
/// the frame asserts, as a clause: "a US-Russia agreement is near".
pub fn proposition(p: &Pair) -> Cow<'static, str> {
    let x = p.x;
    let prop = [p.x, p.y]
        .into_iter()
        .find_map(|it| it.prop.as_ref().filter(|q| q.agent.is_some()))
        // A proposition read from the claims' own words is worded by the claim that asserts it.
        .or(p.x.prop.as_ref())
        // Not a claim that denies by its stance: "it was 'simply false' that the accord granted
        // impunity" asserts its own words, but denies the impunity.
        .or_else(|| {
            [p.x, p.y].into_iter().find_map(|it| {
                it.topic
                    .as_ref()
                    .filter(|q| q.position == Stance::Asserts && it.stance != Stance::Denies)
            })
        });
    let frame = match prop {
        // A deal has parties, not a doer: name the two sides, as the agreement frame does.
        Some(q) if q.act == "agree" => "agreement",
        Some(q) => return q.wording.clone().into(),
        None => x.frame,
    };
    match frame {
        "agreement" => {
            let mut parties: Vec<Side> = [p.x.side(), p.y.side()]
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
                .into()
            } else {
                "an agreement is near".into()
            }
        }
        "ceasefire" => "the ceasefire is holding".into(),
        "responsibility" => {
            let target = [p.x, p.y].into_iter().find_map(|it| {
                let code = it.claim.target.as_deref()?;
                Some(match sides::side_of(code) {
                    Some(s) if s.rank != usize::MAX => format!("{} ({code})", s.label),
                    _ => code.to_string(),
                })
            });
            match target {
                Some(t) => format!("{t} is responsible").into(),
                None => "the accused party is responsible".into(),
            }
        }
        "casualties" => "people were killed or wounded".into(),
        "talks" => "talks are going ahead".into(),
        "aid" => "aid is getting through".into(),
        "designation" => "the group's designation or change of affiliation is genuine".into(),
        "cooperation" => "the parties are cooperating".into(),
        other => format!("the {other} proposition holds").into(),
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_forms;
#[cfg(test)]
mod tests_numeric;
#[cfg(test)]
mod tests_opp;
#[cfg(test)]
mod tests_pairs;
