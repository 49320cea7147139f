//! The buckets a prepared claim sits in: its classes (stance, denier, words, figures, a bare reply) and its block key (the proposition's frame), so a rule looks only at claims that can pair with it.

use super::*;

/// The buckets a prepared claim sits in ([`Class`]), from its stance, frame, proposition,
/// words and figures.
pub(super) fn classes_of(
    claim: &Claim,
    stance: Stance,
    frame: &str,
    has_prop: bool,
    denial: bool,
    topic: Option<&proposition::Proposition>,
    quantities: &[u32],
) -> Vec<Class> {
    let mut classes = Vec::new();
    if !stance.is_neutral() && (!frame.is_empty() || has_prop) {
        classes.push(Class::Stance(stance));
    }
    if stance == Stance::Denies && (denial || frames::flags(frame).blame) {
        classes.push(Class::Denier);
    }
    if let Some(t) = topic {
        classes.push(Class::Topic(t.position));
    }
    let states_in_words = topic.is_some_and(|t| t.position == Stance::Asserts);
    if stance == Stance::Asserts || (stance.is_neutral() && states_in_words) {
        classes.push(Class::Asserted);
    }
    if denial::bare_charge(claim) {
        classes.push(Class::Reply);
    }
    for &q in quantities {
        if !classes.contains(&Class::Quantity(q)) {
            classes.push(Class::Quantity(q));
        }
    }
    classes
}

/// The block key of a claim that asserts something only in its own words ([`Item::topic`]):
/// a pair it forms is reported under the key of the clause that denies it.
const TOPIC_ASSERTS: u32 = u32::MAX - 1;

/// The block key of a claim: its proposition's frame, else its own frame. A claim read only
/// in its own words is its own question: a denied clause is keyed by what it denies, so that
/// reports keep one pair per denied thing ([`select`]); an asserting one by
/// [`TOPIC_ASSERTS`].
pub(super) fn block_key(
    prop: Option<&proposition::Proposition>,
    topic: Option<&proposition::Proposition>,
    frame: &str,
    strings: &mut Interner,
) -> u32 {
    match (prop, topic) {
        (Some(p), _) => strings.id(&p.frame),
        (None, Some(t)) if frame.is_empty() => match t.position {
            Stance::Denies => strings.id(&format!("topic\t{}", t.scope.join(" "))),
            _ => TOPIC_ASSERTS,
        },
        (None, _) => strings.id(frame),
    }
}
