//! Local officials: a mayor, a governor or a town's authorities speak for the country the article puts their place in.

use super::official::{place_of_conflict, COMPASS};
use super::roles::title_words;
use super::{appositive_of, Article, Found};
use crate::extract::claims::{local_body, local_modifier, local_office};
use crate::model::{ActorKind, ActorMention};

/// "Marovka Mayor Ana Ruiz said", "Ivan Sobko, the head of the Marovka regional
/// administration, said": a name that nothing else codes, whose title or appositive names a
/// local office ([`described_office`]), speaks for the government of the country the article
/// puts the office's place in.
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

/// "Local officials said", "the city administration said", "Marovka officials said": an
/// unnamed speaker whose words name a local office speaks as [`named_local_official`] does.
pub(super) fn unnamed_local_office(article: &Article, speaker: &str) -> Option<Found> {
    described_office(article, speaker)
}

/// The words name a local office: a mayor or a governor (`local-office` of `claim_words.tsv`),
/// a local body ("local officials", "the city administration": `local-modifier` before
/// `local-body`), or a body of a place the article locates ("Marovka officials"). They must name
/// no state's own government ("the Tigray regional government" is a government of its own) and
/// no camp against the state ([`camp_word`]). The country is the one the article puts the named
/// place in ([`located`]); with no place named ("local officials"), the country the article
/// reports the events in ([`place_of_conflict`]); a region of `regions.tsv` written as the
/// office's place names its state ("Texas Governor Ana Ruiz"); another place named but not
/// located codes nothing ("Marovka Governor Ana Ruiz" in copy that never locates Marovka).
fn described_office(article: &Article, description: &str) -> Option<Found> {
    let words: Vec<&str> = description
        .split(|ch: char| !(ch.is_alphanumeric() || ch == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    if lower.iter().any(|w| w == "government" || camp_word(w)) {
        return None;
    }
    let office = lower.iter().any(|w| local_office(w));
    let local_body_after_modifier = lower
        .iter()
        .position(|w| local_modifier(w))
        .is_some_and(|m| lower[m + 1..].iter().any(|w| local_body(w)));
    // A local body after a modifier is a body word too: with neither, no office.
    if !office && !lower.iter().any(|w| local_body(w)) {
        return None;
    }
    let local_word = |l: &str| local_office(l) || local_body(l) || local_modifier(l);
    let places: Vec<&str> = words
        .iter()
        .zip(&lower)
        .enumerate()
        .filter(|(k, (w, l))| {
            w.starts_with(char::is_uppercase)
                && w.chars().count() > 2
                && !local_word(l)
                && !crate::extract::claims::person_role(l)
                && !(*k == 0 && matches!(l.as_str(), "the" | "a" | "an"))
        })
        .map(|(_, (w, _))| *w)
        .collect();
    let country = if places.is_empty() {
        // "the administration said" is no town's: a body alone needs a place or a local word.
        (office || local_body_after_modifier)
            .then(|| place_of_conflict(article))
            .flatten()
    } else {
        // "Gov. Jane Doe of Montana": a region names the state of a local office
        // (`regions.tsv`); a body alone in a region ("a trades council in New Jersey", "The
        // New Hampshire Union Leader") is no office.
        (office || local_body_after_modifier)
            .then(|| super::regions::office_region(description))
            .flatten()
            .map(str::to_string)
            .or_else(|| places.iter().find_map(|w| located(article, w)))
    }?;
    Some(Found::of_country(country, "GOV"))
}

/// A word that makes an office no state's own: an occupation's, a breakaway region's, a former
/// holder's (`non-state` of `claim_words.tsv` but the plain local words, which are this rule's).
fn camp_word(w: &str) -> bool {
    crate::extract::actors::non_state(w) && !local_modifier(w)
}

/// The country the article puts `place` in, by the way reporters locate a town: "the eastern
/// Ruritanian city of Marovka", "the Ruritanian city, Marovka", "in Marovka, Ruritania.",
/// "Marovka in eastern Ruritania", "the Marovka region of Ruritania". The country is a mention
/// the gazetteer codes as a country, written where the pattern puts it; after a bare comma only
/// the country's own name closing the phrase counts ("Marovka, Ruritania," but not "Marovka,
/// Ruritania's second city").
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
    let starting = |at: usize, closed: bool| {
        countries
            .iter()
            .find(|m| {
                m.span.start == at
                    && (!closed
                        || (m.text == m.name
                            && body[m.span.end..]
                                .chars()
                                .next()
                                .is_none_or(|c| matches!(c, ',' | '.' | ';' | ')' | '\n'))))
            })
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
                // After a bare comma the words may start a new clause: only the country's own
                // name, closing the phrase, locates the place.
                let closed = link.starts_with(',') && !link.contains(" in ");
                if let Some(c) = starting(rest_at + skip, closed) {
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

/// The length of a compass word and its space at the start of `s` ("eastern ", "north-eastern
/// "), else 0: [`COMPASS`], a "north"/"south" compound written with or without its hyphen.
fn compass_len(s: &str) -> usize {
    let Some((word, _)) = s.split_once(' ') else {
        return 0;
    };
    let joined = match word.split_once('-') {
        Some((half @ ("north" | "south"), rest)) => format!("{half}{rest}"),
        Some(_) => return 0,
        None => word.to_string(),
    };
    if COMPASS.contains(&joined.as_str()) {
        word.len() + 1
    } else {
        0
    }
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

    /// Compass words before a country: plain, or a north/south compound with its hyphen.
    #[test]
    fn compass_words_table() {
        let cases = [
            ("eastern Ukraine", 8),
            ("north-eastern Ukraine", 14),
            ("northeastern Ukraine", 13),
            ("east-ern Ukraine", 0),
            ("Eastern Ukraine", 0),
            ("Ukraine", 0),
        ];
        for (s, want) in cases {
            assert_eq!(super::compass_len(s), want, "{s}");
        }
    }

    /// Local offices, written by us with invented towns: who speaks, and for which state.
    #[test]
    fn local_officials_table() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            // the place located by "the <adjective> city of <place>"
            (
                "A missile hit a station in the eastern Ukrainian city of Marovka on Friday.\n\nMarovka Mayor Ivan Sobko said 30 people were wounded.",
                "Ivan Sobko",
                Some("UKRGOV"),
            ),
            // "<place>, <country>," and the head of a regional administration in an appositive
            (
                "Shells fell on Kestrava, Ukraine, overnight.\n\nJan Dvorak, the head of the Kestrava regional administration, said the damage was heavy.",
                "Jan Dvorak",
                Some("UKRGOV"),
            ),
            // a comma then a clause about another country locates nothing
            (
                "Marovka Mayor Ivan Sobko said three people were killed. Overnight in Marovka, Russian missiles hit a school.",
                "Ivan Sobko",
                None,
            ),
            // no place named: the country the article reports fighting in
            (
                "Fighting went on in eastern Ukraine on Friday.\n\nLocal officials said five children were among the dead.",
                "Local officials",
                Some("UKRGOV"),
            ),
            // a place named that the article does not locate: nothing
            (
                "Fighting went on in eastern Ukraine on Friday.\n\nKestrava Governor Ana Ruiz said the state would send no aid.",
                "Ana Ruiz",
                None,
            ),
            // a local word before no government body: no office
            (
                "Fighting went on in eastern Ukraine on Friday.\n\nLocal media said two drones were shot down.",
                "Local media",
                None,
            ),
            // a regional government is a government of its own
            (
                "Fighting went on in eastern Ukraine on Friday.\n\nThe regional government said federal troops had shelled the town.",
                "regional government",
                None,
            ),
            // an occupation's administration is no state's own by this rule
            (
                "Fighting went on in eastern Ukraine on Friday.\n\nThe occupation administration said five children were among the dead.",
                "occupation administration",
                None,
            ),
            // a body alone, its place not named: no town's
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
