//! The side of a speaker written as a description, not a name ("the foreign ministry", "a senior official"): the chain of rules read in turn.

use super::epithets::the_countrys_description;
use super::names::{introduced, one_word_name, same_speaker};
use super::roles::{by_coded_role, owner};
use super::{
    by_described_source, by_previous_subject, by_role, by_title_alias, last, local, official,
    opening_place, posts, regions, role_word, subject_head, Article, Found,
};
use crate::model::Claim;

/// The code of a speaker written as a description, not a name ("the foreign ministry", "a
/// senior official", "its agriculture watchdog"): a mention written with its role, the office
/// it is posted at, an owner, the place its sentence opens on, an earlier coded speaker of the
/// same role, the home country, and the last fallbacks.
pub(super) fn by_description(
    article: &Article,
    coded: &[(usize, String, Found)],
    before: Option<&Claim>,
    c: &Claim,
    at: usize,
    lower: &str,
    home: impl FnOnce(&str) -> Option<String>,
) -> Option<Found> {
    let (body, actors) = (article.body, article.actors);
    by_role(body, actors, &c.speaker, at)
        .or_else(|| {
            let place = posts::posted_at(&c.speaker)?;
            by_role(body, actors, place, at)
        })
        .or_else(|| owner(body, actors, &c.speaker, c.sentence_span.start, at))
        .or_else(|| by_described_source(actors, &c.speaker, at))
        .or_else(|| by_title_alias(article, &c.speaker, at))
        .or_else(|| by_previous_subject(body, actors, &c.speaker, at))
        .map(Found::from)
        .or_else(|| regions::legislator(&c.speaker))
        .or_else(|| opening_place(article, at))
        .or_else(|| the_countrys_description(article, c))
        .or_else(|| by_coded_role(coded, role_word(&c.speaker), &c.speaker, at))
        .or_else(|| last::by_indefinite_role(coded, &c.speaker, at))
        .or_else(|| last::by_earlier_speaker(body, coded, lower, at))
        .or_else(|| official::via_state_media(article, c.sentence_span, c.speaker_span))
        .or_else(|| official::at_institution(article, c))
        .or_else(|| official::by_dateline(&c.speaker, home))
        .or_else(|| official::by_regime(article, &c.speaker))
        .or_else(|| official::compass_state(article, &c.speaker))
        .or_else(|| local::unnamed_local_office(article, &c.speaker))
        .or_else(|| {
            // "A pro-regime website says … Al-Masdar said": an unknown one-word name
            // right after a claim by an indefinite description is that description;
            // later, the same name coded so.
            one_word_name(&c.speaker)
                .then(|| {
                    introduced(body, before, c.sentence_span.start, &c.speaker)
                        .or_else(|| same_speaker(coded, lower))
                })
                .flatten()
        })
        .or_else(|| subject_head(article, c.speaker_span?, c.sentence_span.start))
        .or_else(|| own_side_subject(article, c))
}

/// Bodies that speak of their own state as "the <state> side" in diplomatic copy.
const DIPLOMATIC_BODIES: &[&str] = &["embassy", "ministry", "consulate", "mission", "delegation"];

/// "The Chinese side firmly opposes the U.S. move, the embassy said": a diplomatic body that
/// nothing else codes, whose words open with "the <state> side" as their subject, speaks for that
/// side, the way a ministry speaks of its own state in diplomatic copy. A side named anywhere
/// else in the words ("we urged the Chinese side to …") is the other party.
fn own_side_subject(article: &Article, c: &Claim) -> Option<Found> {
    // Only a diplomatic body speaks of its state so ("The Russian side has not replied,
    // officials said" is the other party's silence).
    let speaker = c.speaker.to_lowercase();
    if !speaker
        .split_whitespace()
        .any(|w| DIPLOMATIC_BODIES.contains(&w))
    {
        return None;
    }
    let body = article.body;
    let content = body.get(c.span.start..c.span.end)?;
    let lead = content.len() - content.trim_start_matches(['"', '\u{201C}', ' ']).len();
    let rest = &content[lead..];
    let det = ["The ", "the "]
        .iter()
        .find(|d| rest.starts_with(**d))
        .map_or(0, |d| d.len());
    // The gazetteer may hold the phrase whole ("the Chinese side") or the state alone.
    let m = article.actors.iter().find(|m| {
        let whole = m.span.start == c.span.start + lead && m.text.to_lowercase().ends_with(" side");
        let state = m.span.start == c.span.start + lead + det
            && det > 0
            && body[m.span.end..].starts_with(" side ");
        (whole || state) && m.country.as_deref().is_some_and(|x| x.len() == 3)
    })?;
    Some(Found::of_country(m.country.clone()?, "GOV"))
}
