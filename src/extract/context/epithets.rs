//! State epithets: "the country's", "the kingdom's", "the emirate" speak for the last state named before them that the epithet may stand for (`state_epithets.tsv`).

use crate::model::{ActorKind, Claim};

use super::{state_role, Article, Found};

/// A state epithet (`state_epithets.tsv`): a noun written after "the" for a state named
/// earlier ("the kingdom"), its possessive forms as written ("the kingdom's", "the kingdom’s"),
/// and the states it may stand for (`None`: any state).
struct Epithet {
    noun: &'static str,
    possessives: [String; 2],
    allowed: Option<Vec<&'static str>>,
}

static EPITHETS: once_cell::sync::Lazy<Vec<Epithet>> = once_cell::sync::Lazy::new(|| {
    crate::data::STATE_EPITHETS
        .rows()
        .into_iter()
        .map(|r| {
            let noun = r.col(0).trim();
            let states = r.col(1).trim();
            Epithet {
                noun,
                possessives: [format!("the {noun}'s"), format!("the {noun}’s")],
                allowed: (states != "*").then(|| states.split_whitespace().collect()),
            }
        })
        .collect()
});

/// The first "the <epithet>'s" in `lower` (lowercased text): its byte offset and the states the
/// epithet may stand for.
fn epithet_possessive(lower: &str) -> Option<(usize, Option<&'static [&'static str]>)> {
    EPITHETS
        .iter()
        .filter_map(|e| {
            e.possessives
                .iter()
                .filter_map(|p| lower.find(p.as_str()))
                .min()
                .map(|p| (p, e.allowed.as_deref()))
        })
        .min_by_key(|(p, _)| *p)
}

/// "Prague rejected it. The country's defence minister Jana Novak and presidential spokesman
/// Petr Dvorak also denounced …": a name after "the country's" (or another epithet: "the
/// kingdom's") in its sentence speaks for the last country named before that phrase that the
/// epithet may stand for.
pub(super) fn the_countrys(article: &Article, sentence: usize, at: usize) -> Option<Found> {
    let lead = article.body.get(sentence..at)?.to_lowercase();
    let (p, allowed) = epithet_possessive(&lead)?;
    last_state_before(article, sentence + p, allowed)
}

/// The government of the last state named before byte `p` (among `allowed`, when given).
fn last_state_before(article: &Article, p: usize, allowed: Option<&[&str]>) -> Option<Found> {
    let m = article
        .actors
        .iter()
        // a country, or a mention that speaks for a state ("Kenya's president", a titled
        // mention, names Kenya too; "Russian journalists" name no state)
        .filter(|m| {
            m.span.end <= p
                && m.kind != ActorKind::Person
                && (m.kind == ActorKind::Country || state_role(&m.code))
        })
        .filter(|m| {
            m.country
                .as_deref()
                .is_some_and(|c| c.len() == 3 && allowed.is_none_or(|a| a.contains(&c)))
        })
        .max_by_key(|m| m.span.start)?;
    let country = m.country.clone()?;
    Some(Found::of_country(country, "GOV"))
}

/// "The country's state security chief accused …": a description that opens with "the
/// country's" (or "the kingdom's" …) speaks for the state named last before it
/// ([`the_countrys`]). The role is the description's own when it names one ("the country's
/// opposition leader": OPP; "army": MIL), else GOV. "The emirate said …": the epithet alone
/// is that state's government.
pub(super) fn the_countrys_description(article: &Article, c: &Claim) -> Option<Found> {
    let lower = c.speaker.to_lowercase();
    let span = c.speaker_span?;
    if let Some(e) = lower
        .strip_prefix("the ")
        .and_then(|rest| EPITHETS.iter().find(|e| e.noun == rest))
    {
        return last_state_before(article, span.start, e.allowed.as_deref());
    }
    let found = epithet_possessive(&lower)
        .filter(|(p, _)| *p == 0)
        .and_then(|_| the_countrys(article, c.sentence_span.start, span.end))?;
    let role = lower
        .split_whitespace()
        .skip(2)
        .find_map(crate::extract::claims::dateline_role)
        .unwrap_or("GOV");
    Some(Found::of_country(found.country?, role))
}
