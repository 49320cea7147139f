//! Rule `blame`: inside one article, each side lays the incident at the other's door.
//!
//! ## What it detects
//!
//! Two claims of one article, of two known sides, where each blames the other: it asserts
//! the other side did the act ("X's navy opened fire", "X of military aggression"), denies that the other side acted lawfully or kept a truce ("X violated
//! international law"), or says the craft was inside its own territory (an intruder's fault:
//! "the boats illegally entered our waters"). The two propositions differ (each names its own
//! culprit), so no other rule sees them; the question is the one a reporter sets them
//! side by side for: who is at fault.
//!
//! ## Why it matters
//!
//! After a clash at sea or on a border both capitals speak at once, and neither denies the
//! other's words: each accuses. An analyst wants the two accounts set against each other.
//!
//! ## Example
//!
//! ```text
//! Peru (PERGOV): Chilean gunboats opened fire on our patrol          responsible(CHL) +1
//! Chile (CHLGOV): the Peruvian boats illegally entered our waters    located(CHL) +1
//! => opposing: Peru (PERGOV) blames Chile; Chile (CHLGOV) blames Peru
//! ```
//!
//! Only inside one article, where the reporter put the accounts together; across articles the
//! same two accusations meet dozens of others of the week. A claim the article already sets
//! against another (a denial, an opposing pair) is not reported again here
//! (`select::keep_local`). Score: confidences times 0.5 (an inference from two accusations,
//! weaker than a claim and its denial).

use super::{pair_weight, Block, Class, Group, Item, Options, Pair, Rule};
use crate::model::{ContradictionKind, Stance};

pub const RULE: Rule = Rule {
    name: "blame",
    kind: ContradictionKind::Opposing,
    group: Group::Stance,
    block: Block::Frame,
    partners,
    check,
    explain,
};

/// Whom a claim blames (interned side keys, as [`super::Ids`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blamed {
    /// This side did the act, misbehaved, broke the law or the truce.
    Party(u32),
    /// Whoever was inside the speaker's own territory (the intruder the claim does not name).
    Intruder,
}

/// Whom the claim blames, from its proposition: an act asserted of another side
/// (`responsible`, `intend`, `harm`), another side's lawfulness or truce-keeping
/// denied (`lawful`, `hold`), or a craft said to be inside the speaker's own territory
/// (`located`). A treaty kept or broken (`comply`) and other misconduct ("shielding the
/// militants", "ignoring the attacks") are a row of their own, not the incident's fault. `agent_side` and `own` are interned side keys.
pub fn blamed(
    act: &str,
    position: Stance,
    stance: Stance,
    agent_side: Option<u32>,
    own: Option<u32>,
) -> Option<Blamed> {
    let own = own?;
    let other = agent_side.filter(|a| *a != own);
    match (act, position) {
        ("responsible" | "intend" | "harm", Stance::Asserts) if stance == Stance::Asserts => {
            other.map(Blamed::Party)
        }
        ("lawful" | "hold", Stance::Denies) if stance == Stance::Denies => other.map(Blamed::Party),
        ("located", Stance::Asserts) if stance == Stance::Asserts && agent_side == Some(own) => {
            Some(Blamed::Intruder)
        }
        _ => None,
    }
}

fn partners(it: &Item, opts: &Options) -> Vec<(Class, i64)> {
    match it.blames {
        Some(_) => vec![(Class::Blame, opts.window_days)],
        None => vec![],
    }
}

/// `it` blames the side `of` speaks for. An intruder is a party to the dispute: never a
/// neutral body, and, when the claim names parties other than its own side, one of them.
fn blames_side_of(it: &Item, of: &Item) -> bool {
    match it.blames {
        Some(Blamed::Party(s)) => of.ids.side == Some(s),
        Some(Blamed::Intruder) => {
            let Some(side) = of.side().filter(|s| s.key != "neutral") else {
                return false;
            };
            let own = it.side().map(|s| s.key);
            let named: Vec<String> = it
                .prop
                .iter()
                .flat_map(|p| p.parties.iter())
                .filter_map(|party| super::sides::side_of(party).map(|s| s.key))
                .filter(|k| Some(k) != own.as_ref())
                .collect();
            named.is_empty() || named.contains(&side.key)
        }
        None => false,
    }
}

fn check(p: &Pair, opts: &Options) -> Option<f32> {
    let (x, y) = (p.x, p.y);
    if p.gap > opts.window_days {
        return None;
    }
    if !x.same_article(y) || !x.other_side(y) || super::same_passage(x, y) {
        return None;
    }
    // Two intruders named by no one blame no one in particular.
    if x.blames == Some(Blamed::Intruder) && y.blames == Some(Blamed::Intruder) {
        return None;
    }
    if !blames_side_of(x, y) || !blames_side_of(y, x) {
        return None;
    }
    if !x.features.firm || !y.features.firm {
        return None;
    }
    Some(pair_weight(p) * 0.5)
}

/// How a side is named in an explanation.
fn side(it: &Item) -> String {
    it.side()
        .map(|s| s.label.clone())
        .unwrap_or_else(|| "the other side".into())
}

/// The question the two accusations answer apart: "who is at fault, Peru or Chile".
pub fn question(p: &Pair) -> String {
    format!("who is at fault, {} or {}", side(p.x), side(p.y))
}

fn explain(p: &Pair) -> String {
    format!(
        "each side blames the other: {} lays it at the door of {}; {} at the door of {}",
        p.x.who(),
        side(p.y),
        p.y.who(),
        side(p.x)
    )
}
