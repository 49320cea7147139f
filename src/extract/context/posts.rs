//! Where a person is posted: the host an envoy is sent to, the body an unnamed official sits at, the noun a state adjective qualifies, the description before a name.

use crate::extract::actors::UNKNOWN_CODE;
use crate::model::{ActorKind, ActorMention};

/// "The Saudi ambassador to Washington", "Peru's envoy to the UN": the place an envoy is sent
/// to is the host, never whose side the envoy or a role word near it speaks for.
pub(super) fn hosted(body: &str, m: &ActorMention) -> bool {
    let before = body[..m.span.start].trim_end();
    let before = before
        .strip_suffix("the")
        .or_else(|| before.strip_suffix("The"))
        .map_or(before, str::trim_end);
    let Some(before) = before.strip_suffix(" to") else {
        return false;
    };
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    ENVOY_WORDS.contains(&word.as_str())
}

/// Role nouns of a person or mission sent to another state or body ([`hosted`]).
const ENVOY_WORDS: &[&str] = &[
    "ambassador",
    "ambassadors",
    "envoy",
    "envoys",
    "representative",
    "representatives",
    "emissary",
    "delegate",
    "delegation",
    "mission",
    "consul",
    "attache",
];

/// "An official at the consulate", "a source in the ministry": the body an unnamed person is
/// posted at, as a definite description ("the consulate") that `by_role` reads.
pub(super) fn posted_at(speaker: &str) -> Option<&str> {
    let lower = speaker.to_ascii_lowercase();
    let indefinite = ["a ", "an ", "one ", "two ", "three ", "some ", "several "]
        .iter()
        .any(|d| lower.starts_with(d));
    if !indefinite {
        return None;
    }
    [
        " at the ",
        " in the ",
        " from the ",
        " of the ",
        " with the ",
    ]
    .iter()
    .find_map(|p| lower.find(p).map(|i| i + p.len() - "the ".len()))
    .map(|i| &speaker[i..])
}

/// "the Saudi consulate", "the Bolivian foreign ministry": the two words right after a state's
/// name or adjective, when no punctuation comes between (the noun it qualifies).
pub(super) fn noun_after(body: &str, m: &ActorMention) -> String {
    if m.kind == ActorKind::Person {
        return String::new();
    }
    let rest = &body[m.span.end..];
    let rest = &rest[..rest
        .find(|c: char| !(c.is_alphanumeric() || c == ' ' || c == '-'))
        .unwrap_or(rest.len())];
    rest.split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The description before a name and its comma ("Peru's envoy to the UN, Ana Ruiz"), read
/// through a title word or the given name between the comma and the name ("The Saudi
/// ambassador to Washington, Prince Khalid …"; "…, Boris Babin" for "Babin").
pub(super) fn lead_before_name(head: &str) -> Option<&str> {
    head.strip_suffix(", ").or_else(|| {
        let (rest, title) = head.strip_suffix(' ')?.rsplit_once(' ')?;
        let titled = title.chars().next().is_some_and(char::is_uppercase)
            && title.chars().all(char::is_alphabetic)
            && (crate::extract::claims::person_role(&title.to_lowercase())
                || crate::extract::actors::state_title_role(&[title]).is_some());
        // "…, Boris Babin" when the speaker is written by the surname alone: the given name.
        let given = title.len() >= 2 && title.chars().skip(1).all(|c| c.is_lowercase());
        (titled || given).then_some(rest.strip_suffix(',')?)
    })
}

/// How far back a description before a name and its comma is read ("the representative of
/// the Ukrainian President in the Autonomous Republic of Crimea, Boris Babin").
const DESCRIPTION: usize = 96;

/// "Iran's navy commander, Ali Karimi, said": a name set off by a comma right after a
/// description that ends in one person's role noun is that description's person; the last
/// mention with a country inside the description gives the code (an anonymous one too:
/// "Egypt's deputy foreign minister, Omar Nabil,").
pub(super) fn by_description_before<'a>(
    body: &str,
    actors: &'a [ActorMention],
    first: usize,
) -> Option<&'a ActorMention> {
    let lead = lead_before_name(body.get(..first)?)?;
    let lo = body.floor_char_boundary(lead.len().saturating_sub(DESCRIPTION));
    let desc = super::clause_tail(&lead[lo..]);
    // The role ends the description, or is followed by its post ("ambassador to Washington").
    let words: Vec<&str> = desc.split_whitespace().collect();
    let role_at = words
        .iter()
        .rposition(|w| crate::extract::claims::person_role(&w.to_lowercase()))?;
    let post = &words[role_at + 1..];
    // The post may name where the role is held at some length ("the representative of the
    // Ukrainian President in the Autonomous Republic of Crimea").
    let long = if matches!(post.first(), Some(&"in")) {
        8
    } else {
        4
    };
    if !(post.is_empty() || (post.len() <= long && matches!(post[0], "to" | "at" | "in"))) {
        return None;
    }
    let start = lead.len() - desc.len();
    // Where the post begins: a party written before it owns the role; the post's own place
    // lends a side only when none is ("a diplomat at the Russian embassy").
    let post_at = lead.len()
        - post
            .iter()
            .map(|w| w.len() + 1)
            .sum::<usize>()
            .min(lead.len() - start);
    let lends = |m: &&ActorMention| {
        m.span.start >= start
            && m.span.end <= lead.len()
            && m.code != UNKNOWN_CODE
            && !m.code.is_empty()
            && m.country.is_some()
            && !hosted(body, m)
    };
    let before_post = actors
        .iter()
        .filter(lends)
        .filter(|m| m.span.end <= post_at)
        .max_by_key(|m| m.span.start);
    before_post.or_else(|| actors.iter().filter(lends).max_by_key(|m| m.span.start))
}
