//! Rule `reversal`: one actor takes opposite stances on the same proposition on different days.
//!
//! ## What it detects
//!
//! Two claims of the same actor (the same actor code, or the same named speaker) on
//! the same frame with opposite non-zero stances, said at least one day and at most
//! `Options::reversal_days` apart. For `responsibility` both must blame the same party, and
//! the later claim must say the position changed ("no longer", "now says"): weeks apart, a
//! party blaming and clearing someone usually speaks of two incidents.
//!
//! An admission is a reversal too ([`admission`]): a party that denied its own act and later
//! admits it, or the other way round ("impossible that a missile hit the plane", then "the
//! air defence command accepts full responsibility"), said by any of its bodies (the actor
//! codes of one side), a day or more apart, the admitting claim saying so in its words and
//! firmly. Such claims ([`own_act`]) also sit in their side's bucket for this rule's blocking.
//!
//! ## Why it matters
//!
//! A government that said a deal was near and a week later says there is none has
//! changed position (or the talks failed): the analyst wants that on the timeline.
//! Claims of one side on the *same* day are not reported: that is more often two
//! officials quoted loosely than a change of position.
//!
//! ## Example
//!
//! ```text
//! Sergey Lavrov (RUSGOV, 2016-08-26): we are close to an agreement     agreement +1
//! Sergey Lavrov (RUSGOV, 2016-09-05): there is no agreement yet       agreement -1
//! => reversal: Sergey Lavrov (RUSGOV, 2016-08-26) asserts that an agreement is near;
//!    Sergey Lavrov (RUSGOV, 2016-09-05) now denies it
//! ```
//!
//! Both claims must be of one mode (`proposition::Mode`: readiness or a request is no
//! position), and neither may name a month outside the two claims' own months ("the truce
//! agreed in February", said in September, is February's truce, not the one judged later).
//!
//! Score: confidences (hedges weaken) times 0.7, plus 0.15 when the later claim says it
//! outright ("no longer", "reversed", "now says" ...), plus up to 0.15 as the gap grows
//! to 30 days (a change held for weeks is a position, not a slip).

use chrono::Datelike;
use once_cell::sync::Lazy;
use regex::Regex;

use super::{
    pair_weight, proposition, same_target, Block, Class, Group, Item, Options, Pair, Rule,
};
use crate::extract::timex::calendar::MONTHS;
use crate::extract::words::whole_word;
use crate::model::{ContradictionKind, Stance};

pub const RULE: Rule = Rule {
    name: "reversal",
    kind: ContradictionKind::Reversal,
    group: Group::Stance,
    block: Block::Actor,
    partners,
    check,
    explain,
};

static EXPLICIT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)\b(no longer|now says?|reversed?|reversal|backtrack\w*|back-?tracked|u-turn|changed (its|his|her|their) (mind|position|stance)|contrary to (earlier|previous))\b",
    )
    .expect("valid regex")
});

/// A change of position is read over at least this many days: within a few days the same
/// party's claims on a frame usually concern different parts of it ("the army observes the
/// truce", "the rebels violate it"), not a change of mind.
pub const MIN_GAP_DAYS: i64 = 5;

/// Claims attributed with less confidence than this never make a reversal.
pub const MIN_CONFIDENCE: f32 = 0.6;

fn partners(it: &Item, opts: &Options) -> Vec<(Class, i64)> {
    match it.stance {
        Stance::Neutral => vec![],
        s => vec![(Class::Stance(-s), opts.reversal_days)],
    }
}

fn check(p: &Pair, opts: &Options) -> Option<f32> {
    let (x, y) = (p.x, p.y);
    if x.ids.frame != y.ids.frame || !x.stance.opposes(y.stance) {
        return None;
    }
    // A background position has no day of its own: it cannot come before or after another.
    if x.claim.date.date.is_none() || y.claim.date.date.is_none() {
        return None;
    }
    if let Some(score) = admission(p, opts) {
        return Some(score);
    }
    // Weeks apart, a frame shared by two claims that name no act is no question asked
    // twice ("the pauses are too short to bring trucks in" / "no convoy has entered") unless
    // their own words share what they speak of ("the plan can work" / "it cannot work").
    if x.prop.is_none() && y.prop.is_none() && super::opposing::frame_only_apart(x, y) {
        return None;
    }
    // A position is the claim's own reading: a claim the frame reading finds no stance in
    // ("described the deal as a real chance") changes nothing, whatever its act reads.
    let takes_position = |it: &Item| it.claim.polarity != Stance::Neutral || it.claim.denial;
    if !takes_position(x) || !takes_position(y) {
        return None;
    }
    if p.gap < MIN_GAP_DAYS || p.gap > opts.reversal_days || !x.same_actor(y) || !same_target(x, y)
    {
        return None;
    }
    // Readiness, a request or an objection is no position on whether the thing holds
    // (`proposition::Mode`); and a claim naming a month outside the two claims' own months
    // speaks of another period's thing ("the truce agreed in February" said in September).
    if x.features.mode != y.features.mode || other_period(x, p) || other_period(y, p) {
        return None;
    }
    // Two different named people of one government saying different things is not a change
    // of mind (Lavrov and a deputy minister): it needs the later claim saying that the
    // position changed. One person, or one institution or its unnamed officials, can reverse.
    let later = order(p).1;
    let explicit = || {
        *later.explicit.get_or_init(|| {
            EXPLICIT.is_match(&later.claim.sentence) || EXPLICIT.is_match(&later.claim.text)
        })
    };
    let two_people = x.ids.person != y.ids.person && x.features.named && y.features.named;
    if two_people && !explicit() {
        return None;
    }
    // Who did it: weeks apart, one party blaming or clearing someone usually speaks of two
    // incidents ("the strike on the convoy", "the shelling of the market"), not a change of
    // mind; it takes the later claim saying the position changed.
    if (about_blame(x) || about_blame(y)) && !explicit() {
        return None;
    }
    // A change of mind needs two firm statements: hedged or weakly attributed claims
    // ("may", a pronoun far from its antecedent) flip too easily to be a reversal.
    if !super::pair_has_stance(p) || !x.features.firm || !y.features.firm {
        return None;
    }
    let bonus = if explicit() { 0.15 } else { 0.0 };
    Some(pair_weight(p) * (0.7 + bonus + 0.15 * (p.gap as f32 / 30.0).min(1.0)))
}

/// What a party says of its own act ("we did not shoot down the airliner", "our forces
/// downed it by mistake"): asserts it or denies it. An act admitted with its intent denied
/// ("unintentionally shot down") admits the act.
pub(super) fn own_act(it: &Item) -> Option<Stance> {
    let p = it.prop.as_ref()?;
    if it.ids.side.is_none() || it.ids.agent_side != it.ids.side {
        return None;
    }
    match p.act.as_str() {
        "responsible" | "originate" => Some(p.position),
        "intend" => Some(Stance::Asserts),
        _ => None,
    }
}

/// Words that admit an act: "admitted", "acknowledged", "accepts full responsibility".
static ADMITS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(admit\w*|acknowledg\w*|accept\w* (?:full |all |the )?responsibility|t[ao]ke\w* (?:full |all |the )?responsibility|confess\w*|mistaken\w*|mistakenly|unintentional\w*|by mistake|in error|human error|accidental\w*)\b")
        .expect("valid regex")
});

/// A party that denied its own act and later admits it (or the other way round), said by any
/// of its bodies on different days: "Tehran denied a missile hit the plane" then "the Guards
/// accept full responsibility; the operator mistook the airliner for a cruise missile". The
/// admitting claim must say so in its words ([`ADMITS`]); the two need not be one speaker
/// (a ministry denies, the military admits) nor five days apart (a denial falls within days).
fn admission(p: &Pair, opts: &Options) -> Option<f32> {
    let (x, y) = (p.x, p.y);
    let (sx, sy) = (own_act(x)?, own_act(y)?);
    // One doer: `own_act` makes it each claim's own side, so the sides agree too.
    if !sx.opposes(sy) || x.ids.agent != y.ids.agent {
        return None;
    }
    // A request ("urged Tehran to accept responsibility") is nobody's admission; the party's
    // own taking of responsibility may read as its work (`Mode::Effort`).
    let asks = |it: &Item| it.features.mode == proposition::Mode::Directive;
    if p.gap < 1 || p.gap > opts.reversal_days || asks(x) || asks(y) {
        return None;
    }
    let admits = if sx == Stance::Asserts { x } else { y };
    let says = |it: &Item| ADMITS.is_match(&it.claim.text) || ADMITS.is_match(&it.claim.sentence);
    // A hedged or weakly attributed admission ("may have been hit by mistake") flips too easily.
    if !says(admits) || !admits.features.firm || !super::pair_has_stance(p) {
        return None;
    }
    Some(pair_weight(p) * (0.85 + 0.15 * (p.gap as f32 / 30.0).min(1.0)))
}

fn explain(p: &Pair) -> String {
    let (first, later) = order(p);
    let (verb, now) = if first.stance == Stance::Asserts {
        ("asserts", "now denies it")
    } else {
        ("denies", "now asserts it")
    };
    format!(
        "{} {verb} that {}; {} {now}",
        first.who(),
        proposition(p),
        later.who()
    )
}

/// The claim is about who did something: its act's frame, else its own frame, blames.
fn about_blame(it: &Item) -> bool {
    match &it.prop {
        Some(p) => crate::extract::frames::flags(&p.frame).blame,
        None => it.features.flags.blame,
    }
}

/// The claim's own words name a month that is neither of the two claims' months nor one
/// between them: "violations under the truce agreed in February" (said in September) speaks of
/// February's truce, not of the one the later claim judges. "May" is left out (a modal).
fn other_period(it: &Item, p: &Pair) -> bool {
    let (Some(a), Some(b)) = (p.x.claim.date.date, p.y.claim.date.date) else {
        return false;
    };
    let (from, to) = if a <= b { (a, b) } else { (b, a) };
    let index = |d: chrono::NaiveDate| d.year() as i64 * 12 + d.month0() as i64;
    let (lo, hi) = (index(from), index(to));
    let covered = (lo..=hi.min(lo + 11)).fold(0u16, |m, k| m | 1 << k.rem_euclid(12));
    it.features.months(it.claim) & !covered != 0
}

/// The months `text` names as whole words, one bit each (bit 0 January); "May" is left out
/// (a modal as often as a month).
pub(super) fn months_named(text: &str) -> u16 {
    MONTHS.iter().enumerate().fold(0, |mask, (m, name)| {
        let named = *name != "May"
            && text
                .match_indices(name)
                .any(|(i, _)| whole_word(text, i, name.len()));
        if named {
            mask | 1 << m
        } else {
            mask
        }
    })
}

/// (earlier, later) by date, then id.
fn order<'a>(p: &Pair<'a>) -> (&'a Item<'a>, &'a Item<'a>) {
    if (p.x.days.0, p.x.id) <= (p.y.days.0, p.y.id) {
        (p.x, p.y)
    } else {
        (p.y, p.x)
    }
}

#[cfg(test)]
mod tests {
    use super::months_named;

    /// The months a claim names, as whole words; "May" (a modal as often) and words that
    /// only start with a month's name are not months.
    #[test]
    fn months_named_as_whole_words() {
        let cases: &[(&str, u16)] = &[
            ("the truce agreed in February", 1 << 1),
            ("talks in March and again in September", 1 << 2 | 1 << 8),
            ("it may hold until May", 0),
            ("a Marchand said Junebug", 0),
            ("no month at all", 0),
        ];
        for (text, want) in cases {
            assert_eq!(months_named(text), *want, "{text}");
        }
    }
}
