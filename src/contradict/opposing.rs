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
//! Rival doers are opposing too: two sides that each name a different doer of the same act
//! ("the Russian state is responsible" / "British special forces could have carried it out"),
//! within `Options::denial_days` (a counter-accusation may come weeks later), when one of them
//! names the other's side and neither names its own (a party reporting its own act, or two
//! parties naming two third parties, take no sides against each other).
//!
//! Both claims must be of one mode (`proposition::Mode`): a request to another party ("urged
//! the militias to respect the pause"), a party's own readiness or work ("we are ready to back
//! the plan", "experts have been meeting daily") or an objection to terms ("reservations about
//! the accord") is no position on whether the thing holds, and meets no claim that states it.
//!
//! A hedged claim weakens the pair; a claim whose words name no act (frame only) and carries a
//! hedge ("we have nothing to announce") takes part in no opposing pair.
//!
//! Score: geometric mean of the two confidences (a hedge multiplies by 0.7), times
//! 1 for the same day down to 0.5 at the edge of the window.

use super::numeric::{own_words, title_words};
use super::{
    closeness, pair_weight, proposition, same_target, shared_words, Block, Class, Group, Item,
    Options, Pair, Rule,
};
use crate::extract::timex::calendar::{MONTHS, WEEKDAYS};
use crate::model::{ContradictionKind, Stance};
use once_cell::sync::Lazy;
use std::collections::HashSet;

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
    let mut v = match it.stance {
        Stance::Neutral => vec![],
        s => vec![(Class::Stance(-s), opts.window_days)],
    };
    if blames(it).is_some() || asserted_place(it).is_some() {
        v.push((Class::Stance(Stance::Asserts), opts.denial_days));
    }
    v
}

/// Acts whose doer is the question ("who was behind it", "where did it come from"): two
/// parties naming different doers contradict each other.
const WHO_DID_IT: &[&str] = &["responsible", "originate"];

/// The act and doer a claim blames, when it asserts one of [`WHO_DID_IT`] of a named doer.
fn blames<'a>(it: &'a Item) -> Option<(&'a str, &'a str)> {
    let p = it.prop.as_ref()?;
    let agent = p.agent.as_deref()?;
    (it.stance == Stance::Asserts && WHO_DID_IT.contains(&p.act.as_str()))
        .then_some((p.act.as_str(), agent))
}

/// An alternative explanation: both sides assert the act of different doers ("the Russian
/// state is responsible" vs "British special forces carried it out").
fn rival_doers(p: &Pair, opts: &Options) -> Option<f32> {
    let ((act_x, doer_x), (act_y, doer_y)) = (blames(p.x)?, blames(p.y)?);
    if act_x != act_y || doer_x == doer_y || p.gap > opts.denial_days {
        return None;
    }
    if !p.x.other_side(p.y) || super::same_passage(p.x, p.y) {
        return None;
    }
    if !counter_accusation(p.x, p.y) {
        return None;
    }
    // A warning of what may yet happen names no doer of the act already done ("extremists
    // could carry out attacks"); two blames for two different things are no quarrel.
    if foretold(p) || !one_incident(p.x, p.y) {
        return None;
    }
    Some(0.8 * pair_weight(p) * closeness(p.gap, opts.denial_days))
}

/// The party whose territory a claim asserts the craft or the ground was in.
fn asserted_place<'a>(it: &'a Item) -> Option<&'a str> {
    let p = it.prop.as_ref()?;
    (it.stance == Stance::Asserts && p.act == "located")
        .then_some(p.agent.as_deref())
        .flatten()
}

/// Rival places: both sides assert the craft or the ground was inside a different party's
/// territory ("the destroyer entered our waters" vs "it was sailing in Ukrainian waters"), of
/// one incident in their own words (a shared word besides the waters: the craft, the spot),
/// within the denial window.
fn rival_places(p: &Pair, opts: &Options) -> Option<f32> {
    let (a, b) = (asserted_place(p.x)?, asserted_place(p.y)?);
    if a == b || p.gap > opts.denial_days || !p.x.other_side(p.y) {
        return None;
    }
    // Both name the waters or the airspace: the craft or the spot must be shared besides,
    // unless the reporter set the two accounts in one article (one incident there).
    let near = if p.x.same_article(p.y) { 1 } else { 2 };
    if super::same_passage(p.x, p.y) || !share_words(p.x, p.y, near) || foretold(p) {
        return None;
    }
    Some(0.8 * pair_weight(p) * closeness(p.gap, opts.denial_days))
}

/// Two rival doers are a quarrel only when one side names the other as the doer and neither
/// names itself: "the Russian state is responsible" against "British special forces did it"
/// (each blames the other), or against "a rogue lab did it" (an alternative to the blame).
/// A party naming itself reports its own act ("our aircraft flew 42 sorties"), and two
/// parties blaming two third parties ("Russian jets struck" / "Syrian helicopters struck",
/// said by the US and by rebels) take no sides against each other.
fn counter_accusation(x: &Item, y: &Item) -> bool {
    let names = |it: &Item, side: Option<u32>| side.is_some() && it.ids.agent_side == side;
    let own = names(x, x.ids.side) || names(y, y.ids.side);
    let other = names(x, y.ids.side) || names(y, x.ids.side);
    other && !own
}

/// Two blames are of one incident when their own words share a word naming it (a place, a
/// target) or one of them names none ("Russia is responsible", "it was carried out by X"):
/// "responsible for the strike on the hospitals" and "sabotaged the agreement" blame two
/// parties for two different things, not for one act. Across articles and days one shared
/// word is often a coincidence (a city's name): there it takes two, as for tolls.
///
/// A blame that names its incident only by a bare reference ("responsible for the attack")
/// stands for the incident its article is about: its article's headline must share a word
/// with the other blame's own words (or headline, when both are bare). In a story of two
/// strikes, "the strike was proof of US support" under "Toll from coalition strike on Syrian
/// army rises" is not about "an aid convoy near Aleppo".
fn one_incident(x: &Item, y: &Item) -> bool {
    if own_words(x).is_empty() || own_words(y).is_empty() || share_words(x, y, 1) {
        return true;
    }
    match (stands_for(x), stands_for(y)) {
        (Some(a), Some(b)) => akin(a, b) || akin(a, own_words(y)) || akin(own_words(x), b),
        (Some(a), None) => akin(a, own_words(y)),
        (None, Some(b)) => akin(own_words(x), b),
        (None, None) => false,
    }
}

/// For a claim that names its incident only by a bare reference ([`refers_back`]), the
/// incident words of its headline, blame words left out; found at most once per claim.
fn stands_for<'a>(it: &'a Item) -> Option<&'a [String]> {
    it.features
        .stands_for
        .get_or_init(|| {
            refers_back(&it.claim.text).then(|| {
                title_words(it)
                    .into_iter()
                    .filter(|w| !blame_word(w))
                    .collect()
            })
        })
        .as_deref()
}

/// A headline word that says who blames or denies, not which incident ("Moscow says
/// Washington responsible for blast …"): `blame` rows of `incident_nouns.tsv`.
fn blame_word(w: &str) -> bool {
    INCIDENT_WORDS.blame.contains(w)
}

/// Some word of `a` and some word of `b` are one word or one stem: equal, or one opens the
/// other and the shorter has five letters or more ("poison" / "poisoning").
fn akin(a: &[String], b: &[String]) -> bool {
    a.iter().any(|v| {
        b.iter().any(|w| {
            let (short, long) = if v.len() <= w.len() { (v, w) } else { (w, v) };
            short == long || short.chars().count() >= 5 && long.starts_with(short.as_str())
        })
    })
}

/// The rows of `incident_nouns.tsv` by kind.
struct IncidentWords {
    nouns: HashSet<&'static str>,
    specifiers: HashSet<&'static str>,
    blame: HashSet<&'static str>,
    times: HashSet<&'static str>,
}

static INCIDENT_WORDS: Lazy<IncidentWords> = Lazy::new(|| {
    let rows = crate::data::INCIDENT_NOUNS.rows();
    let of = |kind: &str| -> HashSet<&'static str> {
        rows.iter()
            .filter(|r| r.col(1) == kind)
            .map(|r| r.col(0))
            .collect()
    };
    IncidentWords {
        nouns: of("noun"),
        specifiers: of("specifier"),
        blame: of("blame"),
        times: of("time"),
    }
});

/// The blame names its incident only by a bare definite reference ("responsible for the
/// attack", "the poisoning could have been carried out by …", "behind this week's
/// bombing"): a determiner, at most one modifier, an incident noun, and no place or target
/// after it. Such a reference points back to the incident the story is about.
pub(super) fn refers_back(text: &str) -> bool {
    let spans: Vec<(usize, usize)> = crate::extract::words::word_spans(text)
        .map(|sp| (sp.start, sp.end))
        .collect();
    let word = |j: usize| text[spans[j].0..spans[j].1].to_ascii_lowercase();
    // "the", "this", "that", or a possessive ("Monday's", "last week's": its "s" after an
    // apostrophe).
    let definite = |j: usize| {
        let w = word(j);
        let possessive =
            w == "s" && matches!(text[..spans[j].0].chars().next_back(), Some('\'' | '’'));
        possessive || matches!(w.as_str(), "the" | "this" | "that")
    };
    (0..spans.len()).any(|i| {
        if !INCIDENT_WORDS.nouns.contains(word(i).as_str()) {
            return false;
        }
        // One modifier may stand between ("this latest attack", "the chemical attack"), not a
        // subject noun before a verb ("the rebels attack convoys": a noun in -s).
        let modifier = |j: usize| {
            let w = word(j);
            w.chars().all(|c| c.is_ascii_lowercase()) && !w.ends_with('s')
        };
        let determined =
            (i >= 1 && definite(i - 1)) || (i >= 2 && definite(i - 2) && modifier(i - 1));
        // "the clash on Monday", "the strike in June", "the attack on Monday night": a day,
        // a month or a time of day after the specifier dates the incident, it names no other.
        let dated = |j: usize| {
            j < spans.len() && {
                let w = word(j);
                INCIDENT_WORDS.times.contains(w.as_str())
                    || WEEKDAYS
                        .iter()
                        .chain(MONTHS.iter())
                        .any(|d| d.eq_ignore_ascii_case(&w))
            }
        };
        let bare = i + 1 >= spans.len()
            || !INCIDENT_WORDS.specifiers.contains(word(i + 1).as_str())
            || dated(i + 2);
        determined && bare
    })
}

/// The two claims' own words share at least `near` words inside one article or on one day,
/// one more apart.
fn share_words(x: &Item, y: &Item, near: usize) -> bool {
    let needed = if x.same_article(y) || x.days == y.days {
        near
    } else {
        near + 1
    };
    shared_words(own_words(x), own_words(y)) >= needed
}

/// Either claim warns of what may yet happen ("extremists could carry out attacks").
fn foretold(p: &Pair) -> bool {
    p.x.features.foretells(p.x.claim) || p.y.features.foretells(p.y.claim)
}

/// A claim whose words name no act (its frame only) is tied to another claim by the frame
/// alone: across articles that joins claims about different things that share a frame ("the
/// convoys will resume" / "the attack raises doubts"). Inside one article the reporter sets
/// the reply beside the claim it answers, so there the frame may stand for the proposition;
/// across articles the two claims' own words must share what they speak of ("the plan can
/// work" / "the plan cannot work").
pub fn frame_only_apart(x: &Item, y: &Item) -> bool {
    if x.prop.is_some() && y.prop.is_some() || x.same_article(y) {
        return false;
    }
    let (a, b) = (own_words(x), own_words(y));
    !a.is_empty() && !b.is_empty() && shared_words(a, b) == 0
}

fn check(p: &Pair, opts: &Options) -> Option<f32> {
    let (x, y) = (p.x, p.y);
    // Rival doers or places are read off the claims' propositions: a frame label on one of
    // them (and none on the other) does not keep them apart.
    if x.stance == Stance::Asserts && y.stance == Stance::Asserts {
        return rival_doers(p, opts).or_else(|| rival_places(p, opts));
    }
    if x.ids.frame != y.ids.frame || !x.stance.opposes(y.stance) || p.gap > opts.window_days {
        return None;
    }
    if !x.other_side(y) || !same_target(x, y) || super::same_passage(x, y) {
        return None;
    }
    // A request to another party, a party's own readiness or work, or an objection to terms
    // takes no side on whether the thing holds: it meets only a claim of its own mode.
    if x.features.mode != y.features.mode {
        return None;
    }
    // A claim that grants part of the other position ("there are violations, but they are
    // limited") takes neither side against it.
    if frame_only_apart(x, y) || x.features.concedes(x.claim) || y.features.concedes(y.claim) {
        return None;
    }
    // A hedged claim weakens the pair (its weight), it does not erase it; a claim with no
    // proposition of its own keeps the older rule: a hedge takes it out.
    let frame_only = x.prop.is_none() || y.prop.is_none();
    if frame_only && (x.features.hedged || y.features.hedged) {
        return None;
    }
    if !super::pair_has_stance(p) {
        return None;
    }
    Some(pair_weight(p) * closeness(p.gap, opts.window_days))
}

fn explain(p: &Pair) -> String {
    let rivals = blames(p.x).is_some() && blames(p.y).is_some()
        || asserted_place(p.x).is_some() && asserted_place(p.y).is_some();
    if rivals && p.x.stance == Stance::Asserts && p.y.stance == Stance::Asserts {
        let says = |it: &Item| {
            it.prop
                .as_ref()
                .map_or(String::new(), |q| q.wording.clone())
        };
        return format!(
            "{} says {}; {} says {}",
            p.x.who(),
            says(p.x),
            p.y.who(),
            says(p.y)
        );
    }
    // A pair tied by the claims' own words (`negated_fact`, reported under this kind): the
    // positions are their words', not their stances.
    if !p.x.stance.opposes(p.y.stance) {
        if let Some(line) = super::negated_fact::explain_words(p) {
            return line;
        }
    }
    let (pos, neg) = if p.x.stance == Stance::Asserts {
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

#[cfg(test)]
mod refer_tests {
    use super::{blame_word, refers_back, INCIDENT_WORDS};

    #[test]
    fn incident_word_kinds_are_known_and_filled() {
        for row in crate::data::INCIDENT_NOUNS.rows() {
            assert!(
                ["noun", "specifier", "blame", "time"].contains(&row.col(1)),
                "line {}: {:?}",
                row.line,
                row.col(1)
            );
        }
        let w = &*INCIDENT_WORDS;
        assert!(w.nouns.contains("poisoning") && w.specifiers.contains("on"));
        assert!(blame_word("responsible") && !blame_word("pipeline"));
    }

    #[test]
    fn a_bare_definite_incident_refers_back_to_the_story() {
        for (text, want) in [
            (
                "the Russian state is responsible for the attack as there is no other explanation",
                true,
            ),
            (
                "the poisoning could have been carried out by special forces",
                true,
            ),
            ("Russia was behind Monday's bombing", true),
            ("Russia was behind Monday’s bombing", true),
            ("they carried out this latest attack", true),
            // a subject noun before a verb is no modifier of an incident
            ("the rebels attack convoys every week", false),
            ("Russia is responsible for the attack", true),
            // a reference with its own target or place names an incident of its own
            (
                "Russia is responsible for the attack on the aid convoy",
                false,
            ),
            (
                "the strike in Deir ez-Zor was carried out by the coalition",
                false,
            ),
            // no determiner: a kind of act, not the story's incident
            ("they have carried out attacks for years", false),
            // a day after "on" dates the incident; a place names another
            ("India is to blame for the clash on Monday", true),
            ("the strike on Tuesday night was theirs", true),
            ("they are behind the clash on the bridge", false),
            (
                "the government ordered a poison attack on a former agent",
                false,
            ),
            ("the rebels are responsible", false),
        ] {
            assert_eq!(refers_back(text), want, "{text}");
        }
    }
}
