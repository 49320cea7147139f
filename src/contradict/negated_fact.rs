//! Rule `negated_fact`: one party denies, in its own words, a fact another party states ("it had filed no flight plan" / "the aircraft had filed a flight plan").
//!
//! ## What it detects
//!
//! Two claims of *different* sides whose words name no act the tables know, or only a harm
//! (`proposition::of_claim_and_topic`), one with its clause negated by a plain negator (or a
//! report it rejects with a denial cue or a dismissal: "denied reports that …") and one
//! asserting, said within `Options::window_days` of each other, where the asserting claim
//! holds what is denied and at least two of the denied clause's words (all of them when it has
//! fewer). This is how a story of a kind no act row was written for still shows its
//! quarrels: the propositions are the claims' own words.
//!
//! ## Example
//!
//! ```text
//! a defence ministry (VENMIL, 2026-04-15): "the plane had filed no flight plan"
//! a civil aviation authority (GUYGOV, 2026-04-16): "the aircraft had filed a flight plan"
//! => opposing: … asserts that the aircraft had filed a flight plan; … denies it
//! ```
//!
//! Guards: one claim must not quote the other's words (same passage); a modal's negation
//! ("could not be eased") or a condition states no fact and is not read; the two claims must be
//! of one mode (a request or a party's own readiness is no fact). Score: 0.8 of the opposing
//! rule's (the words, not an act row, tie the two claims).

use super::{closeness, pair_weight, proposition, Block, Class, Group, Item, Options, Pair, Rule};
use crate::model::{ContradictionKind, Stance};

pub const RULE: Rule = Rule {
    name: "negated_fact",
    kind: ContradictionKind::Opposing,
    group: Group::Stance,
    block: Block::Frame,
    partners,
    check,
    explain,
};

/// How much less a pair tied by the claims' words counts than one tied by an act row.
const WORDS_ONLY: f32 = 0.8;

fn partners(it: &Item, opts: &Options) -> Vec<(Class, i64)> {
    match &it.topic {
        Some(t) => vec![(Class::Topic(-t.position), opts.window_days)],
        None => vec![],
    }
}

fn check(p: &Pair, opts: &Options) -> Option<f32> {
    let (x, y) = (p.x, p.y);
    let (tx, ty) = (x.topic.as_ref()?, y.topic.as_ref()?);
    if !tx.position.opposes(ty.position) || p.gap > opts.window_days || !x.other_side(y) {
        return None;
    }
    if super::same_passage(x, y) || x.features.mode != y.features.mode {
        return None;
    }
    if !proposition::same_question(tx, ty, x.same_article(y)) {
        return None;
    }
    // A harm's own words are one incident's, as its act is.
    if !super::one_incident(x, y) {
        return None;
    }
    Some(WORDS_ONLY * pair_weight(p) * closeness(p.gap, opts.window_days))
}

fn explain(p: &Pair) -> String {
    explain_words(p).unwrap_or_default()
}

/// "X asserts that <the asserting claim's words>; Y denies it", when both claims are read in
/// their own words with opposite positions. Pairs across articles are explained by their
/// kind's first rule (`opposing`), which hands such a pair here.
pub(super) fn explain_words(p: &Pair) -> Option<String> {
    let (tx, ty) = (p.x.topic.as_ref()?, p.y.topic.as_ref()?);
    if !tx.position.opposes(ty.position) {
        return None;
    }
    let (pos, neg, wording) = match tx.position {
        Stance::Asserts => (p.x, p.y, &tx.wording),
        _ => (p.y, p.x, &ty.wording),
    };
    Some(format!(
        "{} asserts that {wording}; {} denies it",
        pos.who(),
        neg.who()
    ))
}
