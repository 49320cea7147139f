//! Which role an actor named around an act plays: the subject that a demonym object or a
//! possessive refers back to, the object of a verb or a preposition, the place of the act, the
//! doer a passive verb names with "by", or the speaker referring to itself.

use once_cell::sync::Lazy;
use regex::Regex;

use super::{Doer, Found, SELF_REF, THAT};
use crate::extract::actors;
use crate::model::ActorMention;

/// The clause's subject when `m` is a demonym modifying a noun of the verb's object ("was
/// holding two Canadian academics", "expelled the Dutch diplomats"): the named party that opens
/// the clause, with a word between the two that is a verb form (ends in "-ed" or "-ing", or an
/// auxiliary).
pub(super) fn object_origin<'m>(
    text: &str,
    mentions: &'m [ActorMention],
    clause: usize,
    m: &'m ActorMention,
) -> Option<&'m ActorMention> {
    let next_word = |at: usize| text[at..].split_whitespace().next().unwrap_or("");
    // A demonym: one capitalised word, not the party's own name, before a lower-case noun.
    let word = m.text.trim();
    let demonym = !word.contains([' ', '.'])
        && word != m.name
        && word.chars().skip(1).all(char::is_lowercase)
        && DEMONYM_ENDINGS.iter().any(|e| word.ends_with(e));
    if !demonym || !next_word(m.span.end).starts_with(char::is_lowercase) {
        return None;
    }
    let subject = mentions.iter().find(|x| {
        x.span.start >= clause
            && x.span.end <= m.span.start
            && x.code != actors::UNKNOWN_CODE
            && text[clause..x.span.start].split_whitespace().count() <= 1
    })?;
    if std::ptr::eq(subject, m) {
        return None;
    }
    let between = &text[subject.span.end..m.span.start];
    // "the U.S. believed that Russian agents …": a new clause has its own subject.
    if between.contains(',') || between.split_whitespace().any(|w| w == "that") {
        return None;
    }
    let verb = between.split_whitespace().any(|w| {
        let w = w.to_lowercase();
        w.ends_with("ed") || w.ends_with("ing") || VERB_AUX.contains(&w.as_str())
    });
    verb.then_some(subject)
}

/// Whether mention `m` is named before the act at `start..end`: it ends before the act, or
/// its head noun opens the act's words while its party word comes first ("Russian troops
/// remained in the area": the title "troops" makes the mention and starts the act). One whose
/// party word is inside the act ("the Finnish drone crashed", read from "Finnish") is not.
pub(super) fn named_before(text: &str, m: &ActorMention, start: usize, end: usize) -> bool {
    let party_word = |w: &str| {
        w.starts_with(char::is_uppercase) && !matches!(w, "The" | "A" | "An" | "Its" | "Their")
    };
    m.span.end <= start
        || (m.span.start < start
            && m.span.end <= end
            && text[m.span.start..start].split_whitespace().any(party_word))
}

/// A party (or "our") at byte `at` inside the act's words is the object of a verb there, so
/// acted on, not the doer ("blocked the monitors from the depots", "denied our consul
/// access"), unless the act is about whose territory it is ("violated Ukraine's border").
pub(super) fn acted_on(text: &str, found: &Found, at: usize) -> bool {
    found.act.agent != Doer::Place && verb_object(&text[found.start..at])
}

/// Whether the words of an act before a mention end in a verb and at most a determiner
/// ("blocked the", "denied our"): the mention is the verb's object. "approved by the",
/// "involvement of", "over" end in a preposition or a noun and leave the mention the doer; so
/// does a verb that ties a party to an act ("linking Algeria to the bombing", "connect the
/// government to such acts": the party tied is the one said to have done it).
fn verb_object(lead: &str) -> bool {
    let mut words = lead.split_whitespace().rev();
    let mut w = words.next();
    // A determiner, then numbers ("released the 12", "seized two"), stand between the verb and
    // its object.
    if w.is_some_and(|x| {
        matches!(
            x.to_lowercase().as_str(),
            "the" | "a" | "an" | "our" | "its" | "their" | "his" | "her"
        )
    }) {
        w = words.next();
    }
    while w.is_some_and(|x| {
        (x.starts_with(|c: char| c.is_ascii_digit())
            && x.chars().all(|c| c.is_ascii_digit() || c == ','))
            || NUMBER_WORDS.contains(&x.to_lowercase().as_str())
    }) {
        w = words.next();
        if w.is_some_and(|x| matches!(x.to_lowercase().as_str(), "the" | "all" | "its" | "their")) {
            w = words.next();
        }
    }
    // A participle after an article is an adjective of the party's noun phrase ("caused by a
    // misfired Peruvian rocket", "destroyed an unarmed Norwegian drone"): the word before the
    // article decides.
    let mut before = words.clone();
    if before
        .next()
        .is_some_and(|d| matches!(d.to_lowercase().as_str(), "a" | "an" | "the"))
    {
        w = before.next();
    }
    w.is_some_and(|x| {
        let x = x.to_lowercase();
        if TIE_VERBS.iter().any(|t| x.starts_with(t)) {
            return false;
        }
        x.len() > 4 && (x.ends_with("ed") || x.ends_with("ing"))
            || matches!(x.as_str(), "bars" | "blocks" | "denies" | "let" | "lets")
    })
}

/// Number words that may stand between a verb and its object ("detained two British sailors").
const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "dozens", "both", "all", "several",
];

/// Verbs that tie a party to an act: their object is the doer ([`verb_object`]).
const TIE_VERBS: &[&str] = &["link", "connect", "tie", "tying"];

/// Endings of a country's adjective ("Canadian", "Chinese", "British", "Iraqi", "Baltic", "Dutch").
const DEMONYM_ENDINGS: &[&str] = &["an", "ese", "ish", "i", "ic", "ch"];

/// Auxiliaries that mark a verb phrase between a subject and its object.
const VERB_AUX: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would",
];

/// Where a pronoun for the speaker stands between the last actor named before the act and the
/// act, when it wins over that actor: "British allegations that it was responsible" is about
/// the speaker, not Britain. First person ("our ships", "we") is the speaker; "it"/"its" is
/// the speaker only when it opens a clause after the last actor named, else it refers back to
/// that actor ("Moscow must disclose its …").
pub(super) fn self_reference(
    text: &str,
    found: &Found,
    clause: usize,
    before: Option<&ActorMention>,
) -> Option<usize> {
    let (act, start, end) = (found.act, found.start, found.end);
    SELF_REF
        .find_iter(&text[clause..end])
        .last()
        .filter(|m| {
            let at = clause + m.start();
            let third = matches!(m.as_str().to_lowercase().as_str(), "it" | "its" | "itself");
            let after_before = before.is_none_or(|b| at >= b.span.end);
            let reopened = || {
                before.is_none_or(|b| {
                    text.get(b.span.end..at)
                        .is_some_and(|gap| THAT.is_match(gap))
                })
            };
            // "it never left international waters": "it" there is the vessel, not the speaker;
            // but "its territorial waters" are a state's, the speaker's ("Ecuador said Peruvian
            // warships had entered its territorial waters"): a craft owns no waters.
            let territory =
                third && act.agent == Doer::Place && OWN_TERRITORY.is_match(&text[at..]);
            if territory {
                return after_before && start.saturating_sub(at) <= 30;
            }
            let state = third && act.agent == Doer::Place;
            let object = at >= start && acted_on(text, found, at);
            after_before
                && start.saturating_sub(at) <= 30
                && (!third || reopened())
                && !state
                && !object
        })
        .map(|m| clause + m.start())
}

/// "its" before a state's territory: "its territorial waters", "its own airspace", "its soil".
static OWN_TERRITORY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^its\s+(?:(?:own|territorial|national|sovereign)\s+)?(?:waters|airspace|territory|soil)\b")
        .expect("valid regex")
});

/// A preposition opening the gap between an act and the actor after it: the actor is the act's
/// object ("comply with Paris's demand", "an apology to Seoul").
pub(super) static OBJECT_PREPOSITION: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\W*(?:with|to|against|for|towards?|into|onto)\b").expect("valid regex")
});

/// "against" before a mention, with up to two words between ("the use of force against
/// Greek ships", "a crime against the Kurdish people"), or "into" ("tanks crossed the border
/// into Ruritania"): the party the act was done to or the place it went, never its doer when
/// no other party is named.
pub(super) static TARGETED: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:against|into|onto)\s+(?:[\w'’-]+\s+){0,2}$").expect("valid regex")
});

/// Fire aimed at a thing, up to five words before a party: "opened fire on a group of ships of",
/// "fired at the patrol of": the party owns the target, it did not fire.
pub(super) static FIRED_ON: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:fire|fired|firing|fires|shots?|shooting|shot)\s+(?:on|upon|at)\s+(?:[\w'’-]+\s+){0,5}$")
        .expect("valid regex")
});

/// A preposition of place before a mention, with up to two words between ("inside Pakistan",
/// "in northern Chile", "near the Syrian border"): the party names where the act happened, not
/// who did it.
pub(super) static LOCATIVE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)\b(?:in|inside|near|at|into|across|over|within|outside)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    )
        .expect("valid regex")
});

/// A preposition right before a mention: the actor is governed by it ("a request by the
/// government", "the talks with Moscow"), not the subject a possessive refers back to.
pub(super) static GOVERNED: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:by|of|from|to|with|against|on|at|for|in|into|towards?)\s+(?:the\s+)?$")
        .expect("valid regex")
});

/// The actor a possessive before the act ("… underlines its responsibility") refers back to:
/// the last actor named in the clause before the act that no preposition governs ("Russia's
/// failure to answer the request by the government underlines its responsibility" is about
/// Russia), when there is one.
pub(super) fn possessor<'m>(
    text: &str,
    mentions: &'m [ActorMention],
    clause: usize,
    start: usize,
) -> Option<&'m ActorMention> {
    mentions
        .iter()
        .filter(|m| m.span.end <= start && m.span.start >= clause)
        .filter(|m| !GOVERNED.is_match(&text[clause..m.span.start]))
        .max_by_key(|m| m.span.end)
}

/// Participles not ending in "-ed" that close a passive act ("were still being held").
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "held", "kept", "taken", "seen", "hidden", "stolen", "thrown",
];

/// A form of "to be" right before a verb: the verb is passive. A negator or an adverb may
/// stand between ("were not attacked", "was never fired on"), and so may a first participle
/// the verb is coordinated with ("were rammed and then fired on"), and an opening quote
/// ("was \"premeditated\"").
static PASSIVE_AUX: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r#"(?i)\b(?:was|were|been|being|is|are|be|get|got)(?:n't|n’t)?\s+(?:(?:not|never|also|then|\w+ly)\s+)*(?:\w+(?:ed|en)\s+(?:(?:on|at|upon|down)\s+)?,?\s*(?:and|or)\s+(?:then\s+)?)?["“]?$"#,
    )
    .expect("valid regex")
});

/// "of", "by" opening the gap between an act and the actor after it: that actor is the doer
/// ("the involvement of Russia", "an attack by rebels").
pub(super) static OF_OR_BY: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^\W*(?:of|by)\b").expect("valid regex"));

/// "by", introducing the doer of a passive verb.
pub(super) static BY: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)\bby\b").expect("valid regex"));

/// The words between "by" and a party whose members are the doers: "coordinated by two officers
/// of the", "carried out by fighters from"; not its adversaries ("by enemies of").
pub(super) static MEMBERS_OF: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*(?:[\w'’-]+ ){0,2}(?:officers?|agents?|members?|operatives?|officials?|servicem[ae]n|soldiers|sailors|fighters|units?|commanders?|staff|employees|personnel) (?:of|from) (?:the )?$").expect("valid regex")
});

/// "in", "from", introducing where a passive verb of origin took place ("produced in Russia").
pub(super) static ORIGIN: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\b(?:in|from)\b").expect("valid regex"));

/// The act at `start..end` is a verb's participle ("attacked", "shot down", "carried out") in
/// the passive ("was attacked"). Adjectives of state ("was involved", "was responsible") are
/// not: their subject is the doer.
pub(super) fn passive(text: &str, clause: usize, start: usize, end: usize) -> bool {
    let words = text[start..end].to_lowercase();
    let last = words.split_whitespace().last().unwrap_or("");
    // "was shot down", "were carried out", "had been fired at the ship": the participle ends
    // the act's words or opens them before a preposition.
    let first = words.split_whitespace().next().unwrap_or("");
    let at_target = matches!(last, "at" | "on" | "upon");
    let participle = (last.ends_with("ed") && last != "involved")
        || matches!(last, "down" | "out" | "made")
        || IRREGULAR_PARTICIPLES.contains(&last)
        || (first.ends_with("ed") && at_target);
    // "shots were directed at the ship": the auxiliary inside the act's own words.
    let inner = at_target
        && [" was ", " were ", " been "]
            .iter()
            .any(|a| words.contains(a));
    // "missiles supplied by Venezuela": a row whose words end in the agent's "by" after a
    // participle; "abided by" is a verb and its preposition, not a passive.
    let by_agent = last == "by" && {
        let before = words.split_whitespace().rev().nth(1).unwrap_or("");
        (before.ends_with("ed") || matches!(before, "sent" | "sold" | "made" | "built" | "given"))
            && !before.starts_with("abid")
    };
    // "have not been released": the auxiliary right before the participle, inside the act's
    // own words (a row that spells its own negator).
    let own_aux = participle && {
        let cut = words.trim_end().len() - last.len();
        PASSIVE_AUX.is_match(&words[..cut])
    };
    inner || by_agent || own_aux || (participle && PASSIVE_AUX.is_match(&text[clause..start]))
}

#[cfg(test)]
mod tests {
    use super::verb_object;

    #[test]
    fn a_verb_before_a_party_acts_on_it() {
        for (lead, object) in [
            ("blocked the", true),
            ("denied our", true),
            ("released the 12", true),
            ("approved by the", false),
            ("involvement of", false),
            ("linking", false),
            // a participle after an article is the party's adjective
            ("caused by a misfired", false),
            ("attacked by the retreating", false),
            ("destroyed an unarmed", true),
        ] {
            assert_eq!(verb_object(lead), object, "{lead}");
        }
    }
}
