//! Rule `opposing`: two parties take opposite stances on the same proposition within days of each other.
//!
//! ## What it detects
//!
//! Two claims of *different* sides (see `sides.tsv`) on the same frame, one asserting
//! the proposition (polarity +1) and one denying it (-1), said within
//! `Options::window_days` of each other. For `responsibility` both must blame the same
//! party (or both leave it unnamed). Claims without a known date never pair.
//!
//! ## Why it matters
//!
//! This is the core signal of a diplomatic story: one capital says a deal is near,
//! the other says it is not. Same-side disagreements are not opposing: over time they
//! are a `reversal`, on one day they are noise in attribution.
//!
//! ## Example
//!
//! ```text
//! Sergei Shoigu (RUSGOV, 2016-08-29): "step by step, we are nearing an arrangement"  agreement +1
//! a U.S. official (USAGOV, 2016-08-29): "no agreement is close"                     agreement -1
//! => opposing: Sergei Shoigu (RUSGOV, 2016-08-29) asserts that a US-Russia agreement
//!    is near; a U.S. official (USAGOV, 2016-08-29) denies it
//! ```
//!
//! A hedged claim ("we have nothing to announce", "the deal may collapse") is too weak to
//! oppose anything: it takes part in no opposing pair (it still counts for reversals).
//!
//! Score: geometric mean of the two confidences (a hedge multiplies by 0.7), times
//! 1 for the same day down to 0.5 at the edge of the window.

use super::{
    closeness, pair_weight, proposition, same_target, Block, Class, Group, Item, Options, Pair,
    Rule,
};
use crate::model::ContradictionKind;

pub const RULE: Rule = Rule {
    name: "opposing",
    kind: ContradictionKind::Opposing,
    group: Group::Stance,
    block: Block::Frame,
    partners,
    check,
    explain,
};

fn partners(it: &Item, opts: &Options) -> Vec<(Class, i64)> {
    match it.stance {
        0 => vec![],
        s => vec![(Class::Stance(-s), opts.window_days)],
    }
}

fn check(p: &Pair, opts: &Options) -> Option<f32> {
    let (x, y) = (p.x, p.y);
    if x.ids.frame != y.ids.frame
        || x.stance == 0
        || x.stance != -y.stance
        || p.gap > opts.window_days
    {
        return None;
    }
    if !x.other_side(y) || !same_target(x, y) || super::same_passage(x, y) {
        return None;
    }
    // A hedged claim weakens the pair (its weight), it does not erase it; a claim with no
    // proposition of its own keeps the older rule: a hedge takes it out.
    let frame_only = x.prop.is_none() || y.prop.is_none();
    if frame_only && (x.claim.hedge.is_some() || y.claim.hedge.is_some()) {
        return None;
    }
    if !super::pair_has_stance(p) {
        return None;
    }
    Some(pair_weight(p) * closeness(p.gap, opts.window_days))
}

fn explain(p: &Pair) -> String {
    let (pos, neg) = if p.x.stance > 0 {
        (p.x, p.y)
    } else {
        (p.y, p.x)
    };
    format!(
        "{} asserts that {}; {} denies it",
        pos.who(),
        proposition(p),
        neg.who()
    )
}
