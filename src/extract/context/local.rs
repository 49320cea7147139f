//! Local officials: a mayor, a governor or a town's authorities speak for the country the article puts their place in.

use super::official::place_of_conflict;
use super::roles::title_words;
use super::{appositive_of, Article, Found};
use crate::extract::claims::{local_body, local_office};
use crate::model::{ActorKind, ActorMention};

/// "Kramatorsk Mayor Ana Ruiz said", "Ivan Petrov, the head of the Tula regional
/// administration, said": a name that nothing else codes, whose title or appositive names a
/// local office (`local-office` of `claim_words.tsv`) and no camp against the state
/// ([`camp_word`]), speaks for the government of the country the article puts the office's place
/// in ([`located`]: "the eastern Ruritanian city of Tula", "in Tula, Ruritania"), else of the
/// country the article reports the events in ([`place_of_conflict`]).
pub(super) fn named_local_official(
    article: &Article,
    name: &str,
    named_by: usize,
) -> Option<Found> {
    let body = article.body;
    let mut description = title_words(body, name, named_by).to_string();
    if let Some((s, e)) = appositive_of(body, name, named_by).and_then(|(_, a)| a) {
        description.push(' ');
        description.push_str(&body[s..e]);
    }
    described_office(article, &description)
}

/// "Local officials said", "the city administration said", "regional authorities said": an
/// unnamed speaker whose words name a local office speaks as [`named_local_official`] does.
pub(super) fn unnamed_local_office(article: &Article, speaker: &str) -> Option<Found> {
    described_office(article, speaker)
}

fn described_office(article: &Article, description: &str) -> Option<Found> {
    let words: Vec<&str> = description
        .split(|ch: char| !(ch.is_alphanumeric() || ch == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let office = lower.iter().any(|w| local_office(w));
    if !office && !lower.iter().any(|w| local_body(w)) {
        return None;
    }
    if lower.iter().any(|w| camp_word(w)) {
        return None;
    }
    let place = words
        .iter()
        .zip(&lower)
        .filter(|(w, l)| {
            w.starts_with(char::is_uppercase)
                && w.chars().count() > 2
                && !local_office(l)
                && !local_body(l)
                && !crate::extract::claims::person_role(l)
        })
        .find_map(|(w, _)| located(article, w));
    // "the administration said" is no town's: a body alone needs its place.
    let country = place.or_else(|| office.then(|| place_of_conflict(article)).flatten())?;
    Some(Found::of_country(country, "GOV"))
}

/// A word that makes an office no state's own: an occupation's, a breakaway region's, a former
/// holder's (`non-state` of `claim_words.tsv` but the plain local ones, which are this rule's).
fn camp_word(w: &str) -> bool {
    crate::extract::actors::non_state(w) && !local_office(w)
}

/// The country the article puts `place` in, by the way reporters locate a town: "the eastern
/// Ruritanian city of Tula", "the Ruritanian city, Tula", "in Tula, eastern Ruritania", "Tula in
/// Ruritania", "the Tula region of Ruritania". The country is a mention the gazetteer codes as a
/// country, written where the pattern puts it.
fn located(article: &Article, place: &str) -> Option<String> {
    let body = article.body;
    let countries: Vec<&ActorMention> = article
        .actors
        .iter()
        .chain(article.places)
        .filter(|m| {
            m.kind == ActorKind::Country && m.country.as_deref().is_some_and(|c| c.len() == 3)
        })
        .collect();
    let starting = |at: usize| {
        countries
            .iter()
            .find(|m| m.span.start == at)
            .and_then(|m| m.country.clone())
    };
    let ending = |at: usize| {
        countries
            .iter()
            .find(|m| m.span.end == at)
            .and_then(|m| m.country.clone())
    };
    for (i, _) in body.match_indices(place) {
        let end = i + place.len();
        let bounded = !body[..i].ends_with(char::is_alphanumeric)
            && !body[end..].starts_with(char::is_alphanumeric);
        if !bounded {
            continue;
        }
        // After the place: ", Ruritania", " in eastern Ruritania", " region of Ruritania".
        let after = &body[end..];
        for link in AFTER_PLACE {
            if let Some(rest) = after.strip_prefix(link) {
                let rest_at = body.len() - rest.len();
                let skip = compass_len(rest);
                if let Some(c) = starting(rest_at + skip) {
                    return Some(c);
                }
            }
        }
        // Before the place: "the Ruritanian city of ", "the Ruritanian city, ".
        let before = &body[..i];
        for link in BEFORE_PLACE {
            if let Some(head) = before.strip_suffix(link) {
                if let Some(c) = ending(head.len()) {
                    return Some(c);
                }
            }
        }
    }
    None
}

/// What may join a place to its country after it.
const AFTER_PLACE: &[&str] = &[
    ", ",
    ", in ",
    " in ",
    " region of ",
    " province of ",
    " oblast of ",
    " district of ",
    " region, ",
    " region in ",
];

/// What may join a country's adjective to a place after it.
const BEFORE_PLACE: &[&str] = &[
    " city of ",
    " town of ",
    " village of ",
    " port of ",
    " region of ",
    " province of ",
    " city, ",
    " town, ",
];

/// The length of a compass word and its space at the start of `s` ("eastern "), else 0.
fn compass_len(s: &str) -> usize {
    const COMPASS: &[&str] = &[
        "eastern ",
        "western ",
        "northern ",
        "southern ",
        "northeastern ",
        "northwestern ",
        "southeastern ",
        "southwestern ",
        "central ",
        "north-eastern ",
        "south-eastern ",
        "north-western ",
        "south-western ",
    ];
    COMPASS
        .iter()
        .find(|c| s.starts_with(*c))
        .map_or(0, |c| c.len())
}

#[cfg(test)]
mod tests {
    use crate::extract::{extract, Gazetteer};
    use crate::model::DateValue;

    fn side(body: &str, speaker: &str) -> Option<String> {
        let date = chrono::NaiveDate::from_ymd_opt(2022, 4, 8).unwrap();
        let (x, _) = extract(body, DateValue::day(date), &Gazetteer::builtin());
        x.claims
            .iter()
            .find(|c| c.speaker.contains(speaker))
            .unwrap_or_else(|| panic!("no claim of {speaker} in {body}"))
            .actor_code
            .clone()
    }

    /// Local offices, written by us: who speaks, and for which state.
    #[test]
    fn local_officials_table() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            // the place located by the pattern "the <adjective> city of <place>"
            (
                "A missile hit a station in the eastern Ukrainian city of Tulchyn on Friday.\n\nTulchyn Mayor Ivan Sobko said 30 people were wounded.",
                "Ivan Sobko",
                Some("UKRGOV"),
            ),
            // "<place>, <country>" and a head of a regional administration in an appositive
            (
                "Shells fell on Ostrava, Czech Republic, overnight.\n\nJan Dvorak, the head of the Ostrava regional administration, said the damage was heavy.",
                "Jan Dvorak",
                Some("CZEGOV"),
            ),
            // no pattern locates the place: the country the article reports fighting in
            (
                "Fighting went on in eastern Ukraine on Friday.\n\nLocal officials said five children were among the dead.",
                "Local officials",
                Some("UKRGOV"),
            ),
            // an occupation's official is no state's own by this rule
            (
                "Fighting went on in eastern Ukraine on Friday.\n\nThe occupation administration said five children were among the dead.",
                "occupation administration",
                None,
            ),
            // a body alone, its place not located: no town's
            (
                "Fighting went on in eastern Ukraine on Friday.\n\nThe administration said five children were among the dead.",
                "administration",
                None,
            ),
            // no local office: the rule says nothing
            (
                "Fighting went on in eastern Ukraine on Friday.\n\nIvan Sobko said five children were among the dead.",
                "Ivan Sobko",
                None,
            ),
        ];
        for (body, speaker, want) in cases {
            assert_eq!(side(body, speaker).as_deref(), *want, "{body}");
        }
    }
}
