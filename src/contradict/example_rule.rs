//! Rule `example`: a copy-me template for a new contradiction rule (not in the registry).
//!
//! ## What it detects
//!
//! Say in one or two sentences which pairs of claims fire: which frames, sides,
//! stances, dates. This example fires for two claims of different sides on the same
//! frame and day where both are hedged ("may", "could") but in opposite directions.
//!
//! ## Why it matters
//!
//! Say why an analyst wants to see this pair, and why it is not already covered by
//! another rule (here: hedged claims are weak, so `opposing` scores them low).
//!
//! ## Example
//!
//! ```text
//! a Russian diplomat (RUSGOV, 2016-09-01): a deal may come this week         agreement +1, hedge "may"
//! a U.S. official (USAGOV, 2016-09-01): a deal could still fall through     agreement -1, hedge "could"
//! => example: ... both hedge, in opposite directions
//! ```
//!
//! To add a rule: copy this file to `src/contradict/<name>.rs`, change the doc comment,
//! `RULE` and `check`, declare the module in `mod.rs`, put `<name>::RULE` in `RULES`
//! (order matters within a `Group`: the first rule that fires wins), add table rows in
//! `tests.rs` (one that fires, near-misses that must not) and a `ContradictionKind`
//! variant if the kind is new.

use super::{pair_weight, proposition, Block, Class, Group, Item, Options, Pair, Rule};
use crate::model::{ContradictionKind, Stance};

pub const RULE: Rule = Rule {
    name: "example",
    kind: ContradictionKind::Opposing,
    group: Group::Stance,
    block: Block::Frame,
    partners,
    check,
    explain,
};

/// Blocking: which claims (by class) within how many days this claim can pair with.
/// Keep it tight: it decides how many pairs `check` sees.
fn partners(it: &Item, _opts: &Options) -> Vec<(Class, i64)> {
    match (it.stance, &it.claim.hedge) {
        (Stance::Neutral, _) | (_, None) => vec![],
        (s, Some(_)) => vec![(Class::Stance(-s), 0)],
    }
}

/// Cheap: runs on every candidate pair. Return the score (0..1) when the pair fires.
fn check(p: &Pair, _opts: &Options) -> Option<f32> {
    let (x, y) = (p.x, p.y);
    let both_hedged = x.claim.hedge.is_some() && y.claim.hedge.is_some();
    if x.ids.frame != y.ids.frame || p.gap > 0 || !both_hedged || !x.stance.opposes(y.stance) {
        return None;
    }
    if !x.other_side(y) {
        return None;
    }
    Some(pair_weight(p))
}

/// Runs only for pairs that are reported: one line naming both speakers, dates and the proposition.
fn explain(p: &Pair) -> String {
    format!(
        "{} and {} both hedge, in opposite directions, on whether {}",
        p.x.who(),
        p.y.who(),
        proposition(p)
    )
}

#[cfg(test)]
mod tests {
    use super::super::tests::claim;
    use super::super::{Interner, Item, Pair};
    use super::*;

    #[test]
    fn example_rule_fires_on_opposite_hedges() {
        let mut a = claim(1, "RUSGOV", "2016-09-01", "agreement", 1);
        a.claim.hedge = Some("may".into());
        let mut b = claim(2, "USAGOV", "2016-09-01", "agreement", -1);
        b.claim.hedge = Some("could".into());
        let mut strings = Interner::default();
        let x = Item::new(&a, &mut strings).unwrap();
        let y = Item::new(&b, &mut strings).unwrap();
        let opts = Options::default();
        assert!((RULE.check)(&Pair::new(&x, &y), &opts).is_some());
        assert!((RULE.explain)(&Pair::new(&x, &y)).contains("both hedge"));
        b.claim.hedge = None;
        let y = Item::new(&b, &mut strings).unwrap();
        assert!((RULE.check)(&Pair::new(&x, &y), &opts).is_none());
    }
}
