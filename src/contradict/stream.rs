//! Whole-thread detection as a stream: claims arrive in date order, and only those a later
//! claim can still take as a candidate stay in memory.
//!
//! [`super::detect`] on a whole thread (no existing claims) holds every claim of the thread
//! at once: 1.15 million claims, 2 GB, for a 100,000-article thread. [`Stream`] finds the
//! same contradictions in chunks of complete days. The pool is in date order, so a claim
//! only pairs with claims before it; what it can take from a bucket is the `nearest` claims
//! with the smallest gap within the rules' windows. After a chunk, a claim stays (is
//! *carried*) only while some later claim could still take it from one of its buckets:
//!
//! - its last day is within the longest window of the day after the chunk, and
//! - fewer than `nearest` claims after it in the bucket end on its last day or later (those
//!   would all beat it for any later claim: a smaller or equal gap, and ties go to the
//!   later claim in the pool).
//!
//! Every claim gets the pool index it has in [`super::detect`] (claims in date order, each
//! day in canonical order), so ties are broken as there. Figure pairs a rule reports are
//! final; stance pairs wait for [`super::select`]'s choice, which looks at every pair of
//! both claims: pairs across articles are kept in a compact form ([`Cross`]), pairs inside
//! one article as [`LocalPair`]s, both chosen at the end ([`Stream::finish`]), and the caller
//! then explains the few kept with the two claims read again ([`explain_crossings`]).

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

use rayon::prelude::*;

use super::select::{answered_here, keep_cross, keep_local, small, Best, Cross, LocalPair, Meta};
use super::{
    canonical_key, index, proposition, Ctx, Found, Index, Interner, Item, Options, Pair, Stats,
    RULES,
};
use crate::model::{Contradiction, ContradictionKind, StoredClaim};

/// Claims detected at a time by default (complete days are gathered until there are at least
/// this many).
pub const CHUNK: usize = 8_192;

/// Contradiction detection over a thread's claims handed over in date order.
pub struct Stream<'o> {
    thread: String,
    opts: &'o Options,
    /// Claims per chunk, at least.
    chunk: usize,
    /// Longest window of any rule, in days.
    horizon: i64,
    strings: Interner,
    /// Claims of earlier chunks that later claims can still pair with, with their pool index,
    /// in pool order.
    carry: Vec<(usize, StoredClaim)>,
    /// Claims handed over and not yet detected; the last day may go on in the next call.
    buffer: Vec<StoredClaim>,
    /// Pool index of the next claim.
    next: usize,
    /// Per pool index: what `select` reads of the claim.
    meta: Vec<Meta>,
    cross: Vec<Cross>,
    /// Stance pairs inside one article, for [`keep_local`] at the end.
    local: Vec<LocalPair>,
    /// `cross.len()` after pairs that can no longer be chosen were last dropped.
    pruned: usize,
    stats: Stats,
}

/// A stance pair that was kept (inside one article or across articles): the caller reads its
/// claims again and writes its strings with [`explain_crossings`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Crossing {
    pub kind: ContradictionKind,
    pub score: f32,
    /// Claim ids, `a` < `b`.
    pub a: i64,
    pub b: i64,
}

impl<'o> Stream<'o> {
    /// A stream for `thread`, detecting [`CHUNK`] claims at a time.
    pub fn new(thread: &str, opts: &'o Options) -> Stream<'o> {
        Stream::with_chunk(thread, opts, CHUNK)
    }

    /// A stream that detects at least `chunk` claims at a time (complete days).
    pub fn with_chunk(thread: &str, opts: &'o Options, chunk: usize) -> Stream<'o> {
        Stream {
            thread: thread.to_string(),
            opts,
            chunk: chunk.max(1),
            horizon: horizon(opts),
            strings: Interner::default(),
            carry: Vec::new(),
            buffer: Vec::new(),
            next: 0,
            meta: Vec::new(),
            cross: Vec::new(),
            local: Vec::new(),
            pruned: 0,
            stats: Stats::default(),
        }
    }

    /// Claims held for later chunks (carried, and handed over but not yet detected).
    pub fn held(&self) -> usize {
        self.carry.len() + self.buffer.len()
    }

    /// Hand over the next claims: dates never fall (claims without a date last), and within
    /// a date claims come by id. Returns the contradictions found final so far.
    pub fn push(&mut self, claims: Vec<StoredClaim>) -> Vec<Contradiction> {
        self.buffer.extend(claims);
        if self.buffer.len() < self.chunk {
            return Vec::new();
        }
        // The last day may go on in the next call: keep it back.
        let last = self.buffer.last().map(StoredClaim::detection_day);
        let cut = self
            .buffer
            .iter()
            .rposition(|c| Some(c.detection_day()) != last)
            .map_or(0, |p| p + 1);
        if cut == 0 {
            return Vec::new();
        }
        let rest = self.buffer.split_off(cut);
        let chunk = std::mem::replace(&mut self.buffer, rest);
        self.detect_chunk(chunk, true)
    }

    /// Detect what is left and choose among the stance pairs: the last contradictions, and
    /// the chosen stance pairs for [`explain_crossings`].
    pub fn finish(mut self) -> (Vec<Contradiction>, Vec<Crossing>, Stats) {
        let chunk = std::mem::take(&mut self.buffer);
        let out = self.detect_chunk(chunk, false);
        let crossings = self.select();
        self.stats.found += crossings.len();
        (out, crossings, self.stats)
    }

    /// Detection of one chunk of complete days against the carried claims.
    fn detect_chunk(&mut self, chunk: Vec<StoredClaim>, more: bool) -> Vec<Contradiction> {
        let carry = std::mem::take(&mut self.carry);
        let mut fresh = chunk;
        // Canonical order, as `detect` sorts the whole pool (date first).
        fresh.sort_by(|x, y| canonical_key(x).cmp(&canonical_key(y)));
        let mut items: Vec<Item> = Vec::with_capacity(carry.len() + fresh.len());
        // Per item: its pool index, and where its claim is (carried, else fresh).
        let mut pool: Vec<usize> = Vec::with_capacity(items.capacity());
        let mut origin: Vec<(bool, usize)> = Vec::with_capacity(items.capacity());
        for (k, (g, s)) in carry.iter().enumerate() {
            if let Some(it) = Item::new(s, &mut self.strings) {
                items.push(it);
                pool.push(*g);
                origin.push((true, k));
            }
        }
        let first_new = items.len();
        for (k, s) in fresh.iter().enumerate() {
            if let Some(it) = Item::new(s, &mut self.strings) {
                pool.push(self.next);
                origin.push((false, k));
                self.meta.push(Meta::of(&it));
                items.push(it);
                self.next += 1;
            }
        }
        let ctx = Ctx {
            items: &items,
            index: index(&items),
            date_sorted: items.windows(2).all(|w| w[0].days.0 <= w[1].days.0),
            opts: self.opts,
            exhaustive: false,
        };
        let per_claim: Vec<(Vec<Found>, u64)> = (first_new..items.len())
            .into_par_iter()
            .map_init(Vec::new, |buf, i| ctx.against_earlier(i, buf))
            .collect();
        self.stats.indexed += items.len() - first_new;
        let mut found = Vec::new();
        for (f, comparisons) in per_claim {
            self.stats.comparisons += comparisons;
            found.extend(f);
        }
        found.sort_by_key(|c| (c.a, c.b, c.rule.kind));
        found.dedup_by(|p, q| (p.a, p.b, p.rule.kind) == (q.a, q.b, q.rule.kind));
        let out = self.sort_found(found, &items, &pool);

        let live = if more {
            let reach = items.last().map_or(0, |it| it.days.0) + 1 - self.horizon;
            live(&items, &ctx.index, reach, self.opts.nearest.max(1))
        } else {
            Vec::new()
        };
        drop(ctx);
        drop(items);
        let mut keep_carry = vec![false; carry.len()];
        let mut keep_fresh = vec![None; fresh.len()];
        for ((&(carried, k), &g), _) in origin.iter().zip(&pool).zip(&live).filter(|x| *x.1) {
            if carried {
                keep_carry[k] = true;
            } else {
                keep_fresh[k] = Some(g);
            }
        }
        self.carry = carry
            .into_iter()
            .zip(keep_carry)
            .filter_map(|(c, keep)| keep.then_some(c))
            .chain(
                fresh
                    .into_iter()
                    .zip(keep_fresh)
                    .filter_map(|(s, g)| g.map(|g| (g, s))),
            )
            .collect();
        out
    }

    /// Report what is final now (figure pairs, everything without
    /// [`Options::strongest_per_counterpart`]); keep stance pairs for the choice at the end.
    fn sort_found(
        &mut self,
        found: Vec<Found>,
        items: &[Item],
        pool: &[usize],
    ) -> Vec<Contradiction> {
        let stance = |c: &Found| c.rule.kind != ContradictionKind::Numeric;
        let same_article = |c: &Found| items[c.x].same_article(&items[c.y]);
        let mut out = Vec::new();
        for c in found {
            if !self.opts.strongest_per_counterpart || !stance(&c) {
                out.push(report(&self.thread, &c, items));
                continue;
            }
            if same_article(&c) {
                let (x, y) = (&items[c.x], &items[c.y]);
                let (px, py) = (pool[c.x], pool[c.y]);
                self.local
                    .push(LocalPair::new(c.rule, (x, px), (y, py), c.fit, c.score));
                continue;
            }
            self.cross
                .push(Cross::new(c.rule.kind, c.score, pool[c.x], pool[c.y]));
        }
        // A pair across articles already beaten for both its claims can never be any claim's
        // best pair (a claim's best only gets better), so it neither is chosen nor keeps
        // another pair from being chosen: drop those now and then (each time the list has
        // grown by a quarter).
        if self.cross.len() > self.pruned + self.pruned / 4 + 1024 {
            self.prune();
            self.pruned = self.cross.len();
        }
        self.stats.found += out.len();
        out
    }

    /// Keep the pairs inside one article, and of the pairs across articles those that are,
    /// so far, the best pair of their kind for one of their claims at least.
    fn prune(&mut self) {
        let cross = std::mem::take(&mut self.cross);
        let best = Best::of(&cross, &self.meta);
        self.cross = cross
            .iter()
            .enumerate()
            .filter(|&(n, c)| best.of_either(c, small(n)))
            .map(|(_, c)| *c)
            .collect();
    }

    /// [`super::select`] on the stance pairs, with every pair of each claim known: the same
    /// choices ([`keep_local`], [`keep_cross`]).
    fn select(&mut self) -> Vec<Crossing> {
        let mut cross = std::mem::take(&mut self.cross);
        let meta = &self.meta;
        let id = |g: u32| meta[g as usize].id;
        // `keep_cross` wants pairs sorted by (a, b, kind) (each pair once), as `select` has them.
        cross.sort_unstable_by_key(|c| (id(c.x), id(c.y), c.kind));
        let local = std::mem::take(&mut self.local);
        let local_keep = keep_local(&local);
        let here = answered_here(&local, &local_keep);
        let mut kept: Vec<Crossing> = local
            .iter()
            .zip(local_keep)
            .filter(|(_, k)| *k)
            .map(|(p, _)| {
                let (a, b) = (meta[p.lo].id, meta[p.hi].id);
                Crossing {
                    kind: p.kind,
                    score: p.score,
                    a: a.min(b),
                    b: a.max(b),
                }
            })
            .collect();
        kept.extend(
            cross
                .iter()
                .zip(keep_cross(&cross, meta))
                .filter(|(c, k)| *k && !c.touches(&here))
                .map(|(c, _)| Crossing {
                    kind: c.kind,
                    score: c.score,
                    a: id(c.x),
                    b: id(c.y),
                }),
        );
        kept
    }
}

/// The contradiction a found pair reports, with its strings.
pub(super) fn report(thread: &str, f: &Found, items: &[Item]) -> Contradiction {
    let pair = Pair::new(&items[f.x], &items[f.y]);
    Contradiction {
        thread: thread.to_string(),
        kind: f.rule.kind,
        score: f.score,
        explanation: (f.rule.explain)(&pair),
        proposition: question(f.rule, &pair),
        a: f.a,
        b: f.b,
    }
}

/// The contradictions of kept stance pairs, given (at least) their claims. A pair
/// whose claims are missing is left out.
pub fn explain_crossings(
    thread: &str,
    pairs: &[Crossing],
    claims: &[StoredClaim],
) -> Vec<Contradiction> {
    let by_id: HashMap<i64, &StoredClaim> = claims.iter().map(|c| (c.id, c)).collect();
    let mut strings = Interner::default();
    let mut out = Vec::with_capacity(pairs.len());
    for p in pairs {
        let (Some(a), Some(b)) = (by_id.get(&p.a), by_id.get(&p.b)) else {
            continue;
        };
        let (Some(x), Some(y)) = (Item::new(a, &mut strings), Item::new(b, &mut strings)) else {
            continue;
        };
        let pair = Pair::new(&x, &y);
        // The rule of the pair's kind that finds it (the first of its kind when none does now).
        let opts = Options::default();
        let of_kind = || RULES.iter().filter(|r| r.kind == p.kind);
        let Some(rule) = of_kind()
            .find(|r| (r.check)(&pair, &opts).is_some())
            .or_else(|| of_kind().next())
        else {
            continue;
        };
        out.push(Contradiction {
            thread: thread.to_string(),
            kind: p.kind,
            score: p.score,
            explanation: (rule.explain)(&pair),
            proposition: question(rule, &pair),
            a: p.a,
            b: p.b,
        });
    }
    out
}

/// The claim ids of `pairs`, sorted, once each.
pub fn crossing_claims(pairs: &[Crossing]) -> Vec<i64> {
    let mut ids: Vec<i64> = pairs.iter().flat_map(|p| [p.a, p.b]).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The longest window (days) any rule looks back with these options.
pub(super) fn horizon(opts: &Options) -> i64 {
    [
        opts.window_days,
        opts.denial_days,
        opts.event_days,
        opts.stock_days,
        opts.reversal_days,
    ]
    .into_iter()
    .max()
    .unwrap_or(0)
    .max(0)
}

/// Which items a claim dated after them (first day at least `reach + horizon`) can still
/// take as a candidate: those whose last day is at least `reach`, in a bucket where fewer
/// than `n` items after them end on their last day or later.
fn live(items: &[Item], index: &Index, reach: i64, n: usize) -> Vec<bool> {
    let mut live = vec![false; items.len()];
    let mut top: BinaryHeap<Reverse<i64>> = BinaryHeap::new();
    for bucket in index.buckets.values() {
        top.clear();
        for &j in bucket.items.iter().rev() {
            let last = items[j].days.1;
            let beaten = top.len() >= n && top.peek().is_some_and(|&Reverse(m)| m >= last);
            if last >= reach && !beaten {
                live[j] = true;
            }
            top.push(Reverse(last));
            if top.len() > n {
                top.pop();
            }
        }
    }
    live
}

/// The question a reported pair answers apart: the proposition, or, for two accusations
/// ([`super::blame`]), who is at fault.
fn question(rule: &super::Rule, pair: &Pair) -> String {
    if rule.name == super::blame::RULE.name {
        super::blame::question(pair)
    } else {
        proposition(pair).into_owned()
    }
}
