//! Where a person is posted: the host an envoy is sent to, the body an unnamed official sits at, the noun a state adjective qualifies.

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
/// through a title word between the comma and the name ("The Saudi ambassador to Washington,
/// Prince Khalid …").
pub(super) fn lead_before_name(head: &str) -> Option<&str> {
    head.strip_suffix(", ").or_else(|| {
        let (rest, title) = head.strip_suffix(' ')?.rsplit_once(' ')?;
        let titled = title.chars().next().is_some_and(char::is_uppercase)
            && title.chars().all(char::is_alphabetic)
            && (crate::extract::claims::person_role(&title.to_lowercase())
                || crate::extract::actors::state_title_role(&[title]).is_some());
        titled.then_some(rest.strip_suffix(',')?)
    })
}
