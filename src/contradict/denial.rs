//! Rule `denial`: one party explicitly rejects what another party asserts.
//!
//! ## What it detects
//!
//! A *denier* claim, and a claim of another side asserting (+1) the same frame within
//! `Options::denial_days` (60) before or after it: a denial may answer an accusation
//! made weeks earlier. A claim is a denier when
//!
//! - its cue rejects something (`denial`: denied, dismissed, rejected) and its stance
//!   is negative (a denial cue on a neutral claim counts as negative), or
//! - it is a `responsibility` claim with polarity -1 whose target is the speaker's own
//!   side ("our forces did not strike the convoy").
//!
//! A short rejection of a named thing ("rejected the rebranding", "dismissed the announcement
//! as propaganda") denies only when the thing is a charge (`charge` rows of `positions.tsv`:
//! the claim, the accusation, the report) or an act (`incident`: the attack): a party that
//! rejects a step or an announcement answers no one's assertion ([`rejects_a_thing`]; such a
//! claim is left out when claims are prepared, so no other stance rule takes it either).
//!
//! A bare "denied the claim" ("rejected the allegations") answers the statement of the same
//! or the previous sentence of its article that names the denier's side, in any frame
//! ([`answers_the_last`]: classes `Asserted` and `Reply`).
//!
//! A denier that names another side's very figure ("rejected the figure of 46 dead as
//! propaganda") denies the claim that gives it, whatever the two claims' acts
//! ([`super::figure_denial`]).
//!
//! For `responsibility` the blamed party must match: both targets on one side, or the
//! denier names no target and the asserter blames the denier's side ("Russia denied
//! it" against "Russian jets struck the convoy").
//!
//! ## Why it matters
//!
//! An explicit rejection is the strongest form of contradiction: the denier is
//! answering the other party, not just disagreeing. It comes before `opposing` in the
//! registry and shares its group, so such a pair is reported once, as a denial.
//!
//! ## Example
//!
//! ```text
//! U.S. officials (USAGOV, 2016-09-20): Russian jets struck the aid convoy   responsibility +1, target RUSMIL
//! Russia (RUSGOV, 2016-09-20) denied that its warplanes struck the convoy    responsibility -1, denial
//! => denial: U.S. officials (USAGOV, 2016-09-20) asserts that Russia (RUSMIL) is
//!    responsible; Russia (RUSGOV, 2016-09-20) denied it
//! ```
//!
//! Score: like `opposing` (confidences, hedges, date distance) but not discounted,
//! since the denial is explicit; `opposing` pairs get the same formula.

use super::{
    closeness, figure_denial, pair_weight, proposition, same_target, Block, Class, Group, Item,
    Options, Pair, Rule,
};
use crate::model::{ContradictionKind, Stance};
use once_cell::sync::Lazy;
use regex::Regex;

pub const RULE: Rule = Rule {
    name: "denial",
    kind: ContradictionKind::Denial,
    group: Group::Stance,
    block: Block::Frame,
    partners,
    check,
    explain,
};

/// A possible denier looks at assertions, an assertion at possible deniers; a figure at the
/// same quantity's figures ([`figure_denial`]).
fn partners(it: &Item, opts: &Options) -> Vec<(Class, i64)> {
    let mut v = figure_denial::partners(it, opts);
    if it.classes.contains(&Class::Denier) {
        v.push((Class::Stance(Stance::Asserts), opts.denial_days));
    }
    if it.stance == Stance::Asserts {
        v.push((Class::Denier, opts.denial_days));
    }
    if it.classes.contains(&Class::Asserted) {
        v.push((Class::Reply, REPLY_DAYS));
    }
    if it.classes.contains(&Class::Reply) {
        v.push((Class::Asserted, REPLY_DAYS));
    }
    v
}

/// Days between a statement and the bare "denied the claim" that answers it in the same
/// article: the claims of one article may carry different days ("said on Friday").
const REPLY_DAYS: i64 = 7;

fn check(p: &Pair, opts: &Options) -> Option<f32> {
    stance_check(p, opts).or_else(|| figure_denial::check(p, opts))
}

/// An asserter (+1) and a denier (< 0) of one proposition: the cheap test. A bare "denied the
/// claim" meets the statement before it in any frame ([`answers_the_last`]).
fn opposite_on_one_frame(p: &Pair) -> bool {
    (p.x.stance.opposes(p.y.stance) && p.x.ids.frame == p.y.ids.frame)
        || answers_the_last(p.x, p.y)
        || answers_the_last(p.y, p.x)
}

fn stance_check(p: &Pair, opts: &Options) -> Option<f32> {
    if !opposite_on_one_frame(p) {
        return None;
    }
    if p.gap > opts.denial_days
        || !p.x.other_side(p.y)
        || !super::pair_has_stance(p)
        || (super::same_passage(p.x, p.y)
            && !super::reports_the_other(p.x, p.y)
            && !super::reports_the_other(p.y, p.x))
    {
        return None;
    }
    roles(p)?;
    Some(pair_weight(p) * closeness(p.gap, opts.denial_days))
}

fn explain(p: &Pair) -> String {
    let Some((asserter, denier)) = roles(p).filter(|_| opposite_on_one_frame(p)) else {
        return figure_denial::explain(p);
    };
    format!(
        "{} asserts that {}; {} {} it",
        asserter.who(),
        proposition(p),
        denier.who(),
        verb(denier)
    )
}

/// (asserter, denier) when one of the pair denies what the other asserts.
fn roles<'a>(p: &Pair<'a>) -> Option<(&'a Item<'a>, &'a Item<'a>)> {
    if answers_the_last(p.x, p.y) {
        return Some((p.x, p.y));
    }
    if answers_the_last(p.y, p.x) {
        return Some((p.y, p.x));
    }
    let (a, d) = if p.x.stance == Stance::Asserts {
        (p.x, p.y)
    } else {
        (p.y, p.x)
    };
    (a.stance == Stance::Asserts && is_denier(d) && targets_match(a, d)).then_some((a, d))
}

/// "It said its forces had shot down a jet, but Ecuador denied the claim": a denial whose
/// whole content is a bare charge ("the claim", "the allegations": [`bare_charge`]) answers the
/// statement written right before it in the same article (earlier in its sentence, or in the
/// sentence right before it), whoever that statement names as the doer, when it names the
/// denier's side ("its forces shot down an Ecuadorean jet"): the charge denied is that
/// statement. A statement further back, with another sentence between ("… said Monday that a
/// deal was near. A US official said no deal was close. The State Department rejected the
/// charge."), or one that does not concern the denier ("300 families had fled the area"), is
/// not the one answered.
fn answers_the_last(asserter: &Item, denier: &Item) -> bool {
    let (a, d) = (&asserter.claim, &denier.claim);
    let (sa, sd) = (&a.sentence_span, &d.sentence_span);
    let adjacent =
        sa.start == sd.start || (sa.end <= sd.start && sd.start - sa.end <= MAX_SENTENCE_GAP);
    asserter.classes.contains(&Class::Asserted)
        && denier.classes.contains(&Class::Reply)
        && denier.stance == Stance::Denies
        && asserter.same_article(denier)
        && a.span.end <= d.span.start
        && adjacent
        && concerns(asserter, denier)
}

/// The statement names the denier's side: as the doer of its act, or in its words.
fn concerns(asserter: &Item, denier: &Item) -> bool {
    if denier.ids.side.is_some() && asserter.ids.agent_side == denier.ids.side {
        return true;
    }
    super::claim_side(denier.claim)
        .is_some_and(|side| proposition::names_side(asserter.claim, &side.key))
}

/// Most bytes between the end of one sentence and the start of the next (spaces, a line
/// break, a closing quote).
const MAX_SENTENCE_GAP: usize = 4;

/// The claim rejects a bare charge: a rejecting cue, and a content of a determiner and a
/// noun naming a charge (`charge` rows of `positions.tsv`), nothing more ("the claim", "the
/// allegations"; not "the allegations were absurd", which [`super::proposition`] reads).
pub(super) fn bare_charge(claim: &crate::model::Claim) -> bool {
    let text = claim.text.trim();
    let words: Vec<&str> = text.split_whitespace().collect();
    claim.denial
        && words.len() == 2
        && matches!(
            words[0].to_lowercase().as_str(),
            "the" | "this" | "that" | "these" | "those" | "such" | "its" | "their"
        )
        && super::proposition::names_charge(
            words[1].trim_end_matches(|c: char| !c.is_alphanumeric()),
        )
}

/// Most words a bare object rejected has ("the announcement as propaganda").
const BARE_OBJECT_WORDS: usize = 5;

/// A determiner and the noun of a bare object, with the rest of it ("as propaganda", "on
/// Twitter"): "the rebranding", "their latest announcement as propaganda".
static BARE_OBJECT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^\W*(?:the|this|that|these|those|its|their|his|her|our|[\w-]+['’]s)\s+((?:[\w-]+\s+){0,2}?[\w-]+)\b(?:\s+(?:as|on|by|from|in|of|over|at)\b.*)?\W*$",
    )
    .expect("valid bare object pattern")
});

/// The denier's content is a bare object (a determiner and a noun, a few words at most) none
/// of whose words names a charge or an act: "Russia rejected the rebranding", "rebels
/// dismissed the announcement as propaganda" reject a step, not what another party asserts;
/// "called the accusations baseless", "the allegations were absurd" reject a charge.
pub(super) fn rejects_a_thing(claim: &crate::model::Claim) -> bool {
    let text = claim.text.trim();
    // Only the object of a rejecting cue is a thing rejected: "the talks had stalled", said,
    // is a clause of its own.
    if !claim.denial || text.split_whitespace().count() > BARE_OBJECT_WORDS {
        return false;
    }
    BARE_OBJECT
        .captures(text)
        .and_then(|c| c.get(1))
        .is_some_and(|phrase| {
            !phrase
                .as_str()
                .split_whitespace()
                .any(super::proposition::names_charge_or_act)
        })
}

/// A negative stance with a denial cue, or responsibility denied for the speaker's own side
/// (read once per claim: [`super::Features::denier`]).
fn is_denier(d: &Item) -> bool {
    d.features.denier
}

fn targets_match(asserter: &Item, denier: &Item) -> bool {
    if same_target(asserter, denier) {
        return true;
    }
    // "Russia denied it": no target named, the asserter blames the denier's own side. Two
    // claims whose words each name an act are compared by their acts (`same_target`): "Russia
    // is responsible" is not denied by "Russia never had a weapons programme".
    let both_acts = asserter.prop.is_some() && denier.prop.is_some();
    !both_acts
        && denier.ids.target.is_none()
        && matches!((asserter.ids.target_side, denier.ids.side), (Some(t), Some(s)) if t == s)
}

/// The cue when it is one rejecting verb ("dismissed"), else "denies".
fn verb(d: &Item) -> String {
    let cue = d.claim.cue.trim();
    if d.claim.denial && !cue.is_empty() && cue.chars().all(|c| c.is_ascii_alphabetic()) {
        cue.to_lowercase()
    } else {
        "denies".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::rejects_a_thing;

    #[test]
    fn a_rejected_thing_is_a_step_unless_a_word_of_it_names_a_charge_or_an_act() {
        // (the denier's content, whether it rejects a step rather than an assertion)
        let rows = [
            ("the rebranding", true),
            ("the announcement as propaganda", true),
            ("their latest proposal", true),
            ("the accusation", false),
            ("the accusations baseless", false),
            ("the allegations were absurd", false),
            ("the attack", false),
            // not a bare object: a clause, read by the proposition
            ("its forces did not fire on the port", false),
        ];
        for (text, want) in rows {
            let mut c = super::super::tests::claim(1, "IRNGOV", "2019-06-14", "", -1).claim;
            c.text = text.into();
            c.denial = true;
            assert_eq!(rejects_a_thing(&c), want, "{text}");
            // said, not rejected: a short clause of its own ("the talks had stalled")
            c.denial = false;
            assert!(!rejects_a_thing(&c), "{text}");
        }
    }
}
