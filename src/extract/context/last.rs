//! Bare definite descriptions ("the diplomat", "the group", "the statement") and indefinite
//! roles ("an official", "a ministry spokeswoman") that refer back to a speaker coded earlier
//! in the article.

use super::roles::has_word;
use super::{nearest_coded, state_role, Found};

/// "the diplomat", "the group", "the release": the earlier speaker a bare definite description
/// refers to, tried as a person's role, a body, the document's issuer, then any last speaker.
pub(super) fn by_earlier_speaker(
    body: &str,
    coded: &[(usize, String, Found)],
    lower: &str,
    at: usize,
) -> Option<Found> {
    by_last_speaker(coded, lower, at, LastSpeaker::Person)
        .or_else(|| by_last_speaker(coded, lower, at, LastSpeaker::Body))
        .or_else(|| by_issuer(body, coded, lower, at))
        .or_else(|| by_last_speaker(coded, lower, at, LastSpeaker::Document))
}

/// Longest distance back to the speaker a bare definite description refers to, in bytes.
pub(super) const LAST_SPEAKER: usize = 600;

/// What a bare definite description names, for [`by_last_speaker`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum LastSpeaker {
    /// "the diplomat", "the official": one person's role noun; refers to a named person.
    Person,
    /// "the report", "the statement": a channel noun; refers to any speaker.
    Document,
    /// "the monitoring body", "the group": an organisation, modifiers allowed; refers to the
    /// last speaker written as a description ("the Syrian Observatory …") that is no
    /// government or military.
    Body,
}

/// "Russian Foreign Ministry spokeswoman Maria Zakharova said … The diplomat added …",
/// "Russian monitors … have recorded nine violations. They said … the report said": a bare
/// definite description that no mention explains is the last speaker shortly before (for a
/// person's role noun, the last named person).
fn by_last_speaker(
    coded: &[(usize, String, Found)],
    lower: &str,
    at: usize,
    kind: LastSpeaker,
) -> Option<Found> {
    let rest = lower.strip_prefix("the ")?;
    let head = rest.rsplit(' ').next().unwrap_or(rest);
    let fits = match kind {
        LastSpeaker::Person => !rest.contains(' ') && crate::extract::claims::person_role(rest),
        LastSpeaker::Document => !rest.contains(' ') && crate::extract::claims::channel_noun(rest),
        LastSpeaker::Body => {
            crate::extract::claims::org_role(head) && !rest.chars().any(|c| c.is_ascii_digit())
        }
    };
    if !fits {
        return None;
    }
    let named = |speaker: &str| {
        speaker.split_whitespace().count() >= 2
            && !["the ", "a ", "an "].iter().any(|d| speaker.starts_with(d))
    };
    let fits_speaker = |speaker: &str| match kind {
        LastSpeaker::Person => named(speaker),
        LastSpeaker::Document => true,
        LastSpeaker::Body => speaker.starts_with("the ") && !speaker.contains(" of the "),
    };
    // "the group", "the body" is a monitor, an agency or an armed group, not a state organ.
    let state = |f: &Found| state_role(&f.code);
    let (pos, _, found) = coded.iter().rev().find(|(pos, speaker, found)| {
        *pos < at && fits_speaker(speaker) && !(kind == LastSpeaker::Body && state(found))
    })?;
    (at - pos <= LAST_SPEAKER).then(|| found.clone())
}

/// Longest distance back to the speaker who issued the document a bare channel noun names,
/// in bytes: a report comes back to "the release" several paragraphs on.
const ISSUER: usize = 3000;

/// "Iran rejects the remarks, the Permanent Mission of Iran said in a press release. … the
/// release said": "the" and a channel noun refers to the last coded speaker whose attribution
/// issued that document ("said in a press release", "issued a statement", "in its report"),
/// however many other speakers stand between. The document must be named as the channel, not
/// as a thing the content talks of ("Lavrov said the report was false").
fn by_issuer(
    body: &str,
    coded: &[(usize, String, Found)],
    lower: &str,
    at: usize,
) -> Option<Found> {
    let noun = lower.strip_prefix("the ")?;
    if noun.contains(' ') || !crate::extract::claims::channel_noun(noun) {
        return None;
    }
    let channel = crate::extract::claims::issued_channel(noun)?;
    let names_noun = |pos: usize| {
        let end = body.floor_char_boundary((pos + 160).min(at));
        let end = body[pos..end].find('\n').map_or(end, |e| pos + e);
        channel.is_match(&body[pos..end])
    };
    coded
        .iter()
        .rev()
        .take_while(|(pos, _, _)| at.saturating_sub(*pos) <= ISSUER)
        .find(|(pos, speaker, _)| *pos < at && !speaker.ends_with(noun) && names_noun(*pos))
        .map(|(_, _, f)| f.clone())
}

/// "A senior US official said … Following the meeting, an official said …": an indefinite
/// person's role with no country ("an official", "a spokesman") speaks for the country of the
/// nearest earlier coded speaker written with the same role word and a country; the article
/// has been quoting that side's officials. An office written before the role ("a ministry
/// spokeswoman") is first the office of the nearest earlier coded speaker naming it. Nothing
/// earlier: no code.
pub(super) fn by_indefinite_role(
    coded: &[(usize, String, Found)],
    speaker: &str,
    at: usize,
) -> Option<Found> {
    let speaker = speaker.trim();
    // "an official", "one official", "another official" after "Chilean officials said".
    let rest = ["a ", "an ", "one ", "another "].iter().find_map(|d| {
        let head = speaker.get(..d.len())?;
        head.eq_ignore_ascii_case(d).then(|| &speaker[d.len()..])
    })?;
    let role = rest.rsplit(' ').next()?.to_lowercase();
    // "a Hezbollah spokesman": a capitalised word names another origin than the earlier side.
    if rest.contains(char::is_uppercase) || !crate::extract::claims::person_role(&role) {
        return None;
    }
    let with_country = |found: &Found| found.country.as_deref().is_some_and(|c| c.len() == 3);
    // "China's foreign ministry said … A ministry spokeswoman repeated": an office written
    // before the role ("ministry", "army") is the office of the nearest earlier coded
    // speaker that names it.
    let office = rest
        .split(' ')
        .rev()
        .skip(1)
        .map(str::to_lowercase)
        .find(|w| crate::extract::claims::dateline_role(w).is_some());
    office
        .and_then(|o| {
            nearest_coded(coded, at, |speaker, found| {
                has_word(speaker, &o) && with_country(found)
            })
        })
        .or_else(|| {
            nearest_coded(coded, at, |speaker, found| {
                has_word(speaker, &role) && with_country(found)
            })
        })
}
