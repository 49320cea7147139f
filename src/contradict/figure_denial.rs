//! The `denial` rule's second reading: one party rejects the very figure another party gives.
//!
//! ## What it detects
//!
//! A claim with a denial cue that names a figure ("rejected the figure of 46 civilian dead as
//! propaganda", "denied that 300 people had died") and a claim of another side that states
//! the same figure of the same quantity (`figures.tsv`) without a denial cue, within the
//! quantity's window (`Options::event_days` for counts of events, `Options::stock_days` for
//! stocks). The numbers must be the same number: a different one is the `numeric` rule's
//! disagreement, and `numeric` never reads a denier's figures, since a denied figure is not
//! asserted.
//!
//! ## Why it matters
//!
//! Tolls are disputed by rejecting them: the accused party rarely gives a count of its own,
//! it calls the other side's number inflated or invented. Without this rule such a denial
//! meets the figure it rejects only when the two sentences also share an act.
//!
//! ## Example
//!
//! ```text
//! Afghan health ministry (AFGGOV, 2025-03-18): the strike killed 46 civilians     killed 46
//! Pakistani military (PAKMIL, 2025-03-19) rejected the figure of 46 dead          killed 46, denial
//! => denial: Afghan health ministry (AFGGOV, 2025-03-18) reports 46 killed; Pakistani
//!    military (PAKMIL, 2025-03-19) rejects the figure
//! ```
//!
//! Score: like `denial` (confidences, hedges, date distance within the window). The pair is
//! reported as a denial ([`super::denial`] calls these functions), so one kind keeps one rule.

use super::numeric::{self, Count};
use super::{closeness, pair_weight, Class, Item, Options, Pair};

/// Every figure's quantity, for the denier and for the asserter alike.
pub(super) fn partners(it: &Item, opts: &Options) -> Vec<(Class, i64)> {
    numeric::quantity_partners(it, opts)
}

pub(super) fn check(p: &Pair, opts: &Options) -> Option<f32> {
    let (denier, asserter) = roles(p)?;
    if asserter.claim.date.date.is_none() || denier.claim.date.date.is_none() {
        return None;
    }
    if !denier.other_side(asserter) {
        return None;
    }
    let (f, _) = same_figure(denier, asserter, p.gap, opts)?;
    let window = numeric::figure_days(&f.quantity, opts);
    Some(pair_weight(p) * closeness(p.gap, window))
}

/// The denier (a denial cue) and the asserter (none) of the pair, in that order.
fn roles<'a>(p: &Pair<'a>) -> Option<(&'a Item<'a>, &'a Item<'a>)> {
    match (p.x.claim.denial, p.y.claim.denial) {
        (true, false) => Some((p.x, p.y)),
        (false, true) => Some((p.y, p.x)),
        _ => None,
    }
}

/// The denier's count and the asserter's count that give one number of one quantity, said
/// within the quantity's window.
fn same_figure<'a>(
    denier: &'a Item,
    asserter: &'a Item,
    gap: i64,
    opts: &Options,
) -> Option<(&'a Count, &'a Count)> {
    denier.counts.iter().find_map(|f| {
        let n = f.amount.stated()?;
        if n <= 0.0 || gap > numeric::figure_days(&f.quantity, opts) {
            return None;
        }
        asserter
            .counts
            .iter()
            .find(|g| g.quantity == f.quantity && g.amount.stated() == Some(n))
            .map(|g| (f, g))
    })
}

pub(super) fn explain(p: &Pair) -> String {
    let Some((denier, asserter)) = roles(p) else {
        return String::new();
    };
    let Some((_, g)) = same_figure(denier, asserter, p.gap, &Options::default()) else {
        return String::new();
    };
    format!(
        "{} reports {} {}; {} rejects the figure",
        asserter.who(),
        numeric::number(g.amount),
        g.quantity,
        denier.who(),
    )
}
