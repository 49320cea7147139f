//! Propositions no act row reads: a negated fact ("there was no drone in his car") and the plain statements it can answer, matched by the words they share.
//!
//! A claim whose words name no act of `acts.tsv` still states something.
//! When its first clause is negated by a plain negator (`fact-negator` in `positions.tsv`),
//! it denies what that clause says: the first content word after the negator ("no flight
//! plan", "has never been detected") is what is denied, the clause's words what it is about. A modal before the negator makes the clause
//! a forecast, not a fact ("could not be eased"): no proposition. A denial cue or a dismissal
//! that names no act denies the whole report it rejects ("denied reports that …"). Any other
//! claim asserts what its words say, up to a condition ("if …" supposes). The two meet ([`same`]) when the asserting claim holds a word of what is
//! denied and at least two of the denied clause's words (a clause of one content word meets
//! nothing):
//! "the aircraft had filed a flight plan" against "it had filed no flight plan". Nothing here
//! names a story: the words are the claims' own.

use std::collections::HashMap;

use once_cell::sync::Lazy;

use super::clause::clause_start;
use super::doers::mention_side;
use super::{conditional, Proposition, Reading, POSITIONS};
use crate::model::{ActorMention, Stance};

/// The act of a proposition read from a claim's own words.
pub(super) const ABOUT: &str = "about";

/// Letters a stem keeps: the first five (as `select::content_stems`).
const STEM: usize = 5;

/// Most words of a claim's own clause shown as its proposition.
const WORDING_WORDS: usize = 14;

/// The claim's proposition from its own words, for a claim no act row reads: a negated clause
/// denies, anything else asserts.
pub(super) fn read(r: &Reading) -> Option<Proposition> {
    let text = r.text;
    if text.split_whitespace().count() < 3 {
        return None;
    }
    let pos = &*POSITIONS;
    if let Some(p) = counterfactual(r) {
        return Some(p);
    }
    let negator = pos.negating(&pos.fact_negator, text, |_| true);
    // "could not be eased", "will never accept": a modal makes the negated clause a forecast or
    // a resolve, not a fact.
    if negator.is_some_and(|m| pos.modal_before.is_match(&text[..m.start()])) {
        return None;
    }
    // "the footage is fake": an antonym of a class word denies the class ("authentic") as a
    // negator would; with a negator in its clause ("it is not fake") or the class word itself
    // ("peaceful until violent youths …") the clause is read as neither. A negator elsewhere
    // is read as before.
    if let Some((at, class)) = opposite(text, &r.mentions) {
        let (start, end) = clause(text, at);
        let negated = negator.is_some_and(|m| start <= m.start() && m.start() < end);
        if negated || names_class(&text[start..end], class) {
            return None;
        }
        if negator.is_none() {
            if conditional(&text[clause_start(text, start)..at]) {
                return None;
            }
            return Some(about(
                Stance::Denies,
                r.claim.denial,
                wording(&text[start..end]),
                vec![class_stem(class)],
                stems(text, start, end, &r.mentions),
                parties(&r.mentions, start, end),
            ));
        }
    }
    match negator {
        Some(m) => {
            let (start, end) = clause(text, m.start());
            // "if no agreement is reached": a condition takes no position.
            if conditional(&text[clause_start(text, start)..m.start()]) {
                return None;
            }
            let words = stems(text, start, end, &r.mentions);
            // "no flight plan", "not a single shot": what is denied is the noun after the
            // negator, its first content word; "the fruit fly has never been detected", "did not
            // receive any request": the verb after the negator, its first content word (light
            // verbs are no content words: "did not give details" denies details). The subject is
            // not what is denied: "the evacuation should not become a model" says nothing
            // against "the evacuation was discussed", and a subject is named in many ways ("it",
            // "the plane", "the aircraft") where the verb is the claim's own.
            let from = NOMINAL
                .find(&text[m.start()..])
                .map_or(m.end(), |lead| m.start() + lead.end())
                .min(end);
            denied_clause(r, (start, end), from, words)
        }
        None => {
            // "could face punishment if it is confirmed he was killed": a condition asserts
            // nothing of what it supposes, so only the words before it are asserted ("not
            // possible to tell whether …" asserts a doubt: "whether" supposes nothing).
            let until = pos
                .condition
                .find_iter(text)
                .find(|m| !m.as_str().eq_ignore_ascii_case("whether"))
                .map_or(text.len(), |m| m.start());
            let words = stems(text, 0, until, &r.mentions);
            if words.is_empty() {
                return None;
            }
            let (start, end) = clause(text, 0);
            Some(about(
                Stance::Asserts,
                false,
                wording(&text[start..end]),
                Vec::new(),
                words,
                parties(&r.mentions, 0, text.len()),
            ))
        }
    }
}

/// A counterfactual ("if it were a military-grade agent, people would have died on the spot",
/// `counterfactual` in `positions.tsv`): the consequent did not happen, so the claim denies
/// its antecedent, read in its own words: what is denied is the first content word after the
/// antecedent's verb ("military"), the clause's words what it is about.
fn counterfactual(r: &Reading) -> Option<Proposition> {
    let text = r.text;
    let caps = POSITIONS.counterfactual.captures(text)?;
    let ante = caps.name("ante").or_else(|| caps.name("inv"))?;
    let (start, end) = (ante.start(), ante.end());
    // "if the rebels had not been stopped, they would have reached the capital", "if it were
    // not for the mission": a negated antecedent asserts its positive, not read here.
    if POSITIONS.fact_negator.is_match(ante.as_str()) {
        return None;
    }
    let verb = ante
        .as_str()
        .find(" were ")
        .or_else(|| ante.as_str().find(" been "))
        .or_else(|| ante.as_str().find(" had "))
        .map_or(start, |v| start + v + 1);
    let words = stems(text, start, end, &r.mentions);
    if words.len() < MIN_DENIED_WORDS {
        return None;
    }
    denied_clause(r, (start, end), verb, words)
}

/// The clause `start..end` of a claim denied in its own words: what is denied is its first
/// content word from `from` on (none: no proposition), `words` what the clause is about.
fn denied_clause(
    r: &Reading,
    (start, end): (usize, usize),
    from: usize,
    words: Vec<String>,
) -> Option<Proposition> {
    let text = r.text;
    let scope: Vec<String> = first_stem(text, from, end, &r.mentions)
        .into_iter()
        .collect();
    if scope.is_empty() {
        return None;
    }
    Some(about(
        Stance::Denies,
        r.claim.denial,
        wording(&text[start..end]),
        scope,
        words,
        parties(&r.mentions, start, end),
    ))
}

/// Fewest content words a negated clause must have to meet a claim in its own words ([`same`]):
/// "it was not guaranteed" (one word) meets any claim that names a guarantee.
const MIN_DENIED_WORDS: usize = 2;

/// Fewest content words a rejected content ([`rejected`]) must have to be read in its own
/// words: "denied the accusations" (one word) says nothing of what was alleged.
const REJECTED_MIN_WORDS: usize = 3;

/// What a claim that rejects with no act named ("denied reports that the writer had been
/// killed at the consulate", "dismissed claims that the ship entered its waters as lies")
/// denies in its own words: its whole content, when a denial cue or a dismissal rejects a
/// report of something ("reports …", "claims that …", "accusations that …", or any "that"
/// clause), not a step ("rejected the border fence plan" rejects a plan, it denies no fact),
/// and no plain negator already negates a clause of it ([`read`] reads that one). All its
/// content words are what is denied; an asserting claim meets it when it holds a third of
/// them, two at least ([`same`]).
pub(super) fn rejected(r: &Reading) -> Option<Proposition> {
    if !(r.claim.denial || r.dismissal) {
        return None;
    }
    let text = r.text;
    if POSITIONS.fact_negator.is_match(text) || !(REPORTED.is_match(text) || after_that(r.claim)) {
        return None;
    }
    let words = stems(text, 0, text.len(), &r.mentions);
    if words.len() < REJECTED_MIN_WORDS {
        return None;
    }
    let (start, end) = clause(text, 0);
    Some(about(
        Stance::Denies,
        true,
        wording(&text[start..end]),
        words.clone(),
        words,
        parties(&r.mentions, 0, text.len()),
    ))
}

/// The claim's content is the clause after a "that" that follows its cue ("denied that the
/// writer had been killed"): the words between the cue and the content hold "that".
fn after_that(claim: &crate::model::Claim) -> bool {
    let Some(cue) = claim.cue_span else {
        return false;
    };
    let base = claim.sentence_span.start;
    let (from, to) = (
        cue.end.saturating_sub(base),
        claim.span.start.saturating_sub(base),
    );
    claim.sentence.get(from..to).is_some_and(|between| {
        between
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case("that"))
    })
}

/// A rejected content that reports something: a report noun opening it, or a "that" clause.
static REPORTED: once_cell::sync::Lazy<regex::Regex> = once_cell::sync::Lazy::new(|| {
    regex::Regex::new(
        r"(?i)^(?:the |these |those |any |all |such )?(?:reports?|claims?|allegations?|accusations?|suggestions?|charges?|rumou?rs?|assertions?)\b|\bthat\b",
    )
    .expect("valid regex")
});

/// A negator that negates the noun after it: "no", "none of", "not a", "not any", "not a
/// single", "not one".
static NOMINAL: once_cell::sync::Lazy<regex::Regex> = once_cell::sync::Lazy::new(|| {
    regex::Regex::new(r"(?i)^(?:no|none|not (?:a single|an|any|one|a))\b").expect("valid regex")
});

fn about(
    position: Stance,
    denial: bool,
    wording: String,
    scope: Vec<String>,
    words: Vec<String>,
    parties: Vec<String>,
) -> Proposition {
    Proposition {
        act: ABOUT.into(),
        frame: ABOUT.into(),
        agent: None,
        position,
        denial,
        wording,
        others: Vec::new(),
        bare: false,
        scope,
        words,
        parties,
    }
}

/// Whether two propositions read from claims' own words are about one thing: one denies, the
/// other asserts; the asserting claim holds a word of what is denied and at least two of the
/// denied clause's words (all of them when it has fewer; a third of them, two at least, when
/// the whole of a rejected content is denied, [`rejected`]), and names a party the denied
/// clause names when it holds only one word of it.
pub(super) fn same(p: &Proposition, q: &Proposition) -> bool {
    let (n, a) = match (p.position, q.position) {
        (Stance::Denies, Stance::Asserts) => (p, q),
        (Stance::Asserts, Stance::Denies) => (q, p),
        _ => return false,
    };
    let holds = |w: &String| a.words.binary_search(w).is_ok();
    // A whole rejected content ([`rejected`]: what is denied is all its words) is met by any of
    // them, a negated clause by its noun or verb.
    let whole = n.scope.len() == n.words.len() && n.words.len() > 2;
    // "it was not guaranteed", "it does not help anyone": a denied clause of one content word
    // says too little of what it denies to meet anything but a claim of that word.
    if n.words.len() < MIN_DENIED_WORDS || !n.scope.iter().any(holds) {
        return false;
    }
    // Two parties of one story are named on both sides of most of its claims: a shared party
    // counts only beside the words.
    let shared = n.words.iter().filter(|w| holds(w)).count();
    // A whole rejected content ([`rejected`]: what is denied is all its words) is met by a
    // third of its words at least: two words of fifteen are any two claims of one story.
    let need = if whole {
        n.words.len().div_ceil(3).max(2)
    } else {
        2.min(n.words.len())
    };
    shared >= need
        && (n.parties.is_empty() || n.parties.iter().any(|s| a.parties.contains(s)) || shared >= 2)
}

/// The clause around byte `at`: between the nearest sentence or clause marks (. ; : ! ? , —
/// and brackets) on either side.
fn clause(text: &str, at: usize) -> (usize, usize) {
    const MARKS: &[char] = &['.', ';', ':', '!', '?', ',', '—', '(', ')'];
    let start = super::clause::after_last(&text[..at], MARKS);
    let end = text[at..].find(MARKS).map_or(text.len(), |i| at + i);
    (start, end)
}

/// The stems of the content words of `text[start..end]` (three letters or more: "gas", "fly";
/// no function or reporting word), leaving out the words of actor mentions: a party's name says who, not
/// what. Sorted, each once.
fn stems(text: &str, start: usize, end: usize, mentions: &[ActorMention]) -> Vec<String> {
    let named = |at: usize| {
        mentions
            .iter()
            .any(|m| m.span.start <= at && at < m.span.end)
    };
    let mut out: Vec<String> = Vec::new();
    let piece = &text[start..end];
    for w in crate::extract::words::word_spans(piece) {
        let (word, at) = (w.slice(piece), start + w.start);
        // Only a mention's names: "the Peruvian ambassador" is about an ambassador.
        let name = word.chars().next().is_some_and(char::is_uppercase) && named(at);
        if word.chars().count() < 3 || !word.chars().all(char::is_alphabetic) || name {
            continue;
        }
        let lower = word.to_lowercase();
        if crate::thread::is_stopword(&lower) {
            continue;
        }
        // "footage" is a video, "rigged" names fairness (denied, [`opposite`]); a class word is
        // kept whole ("peaceful" is not "peace").
        out.push(match CLASSES.get(&lower) {
            Some((class, _)) => class_stem(class),
            None => lower.chars().take(STEM).collect(),
        });
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Word classes (`word_classes.tsv`): a word's class word and whether it names the class (1)
/// or its opposite (-1).
static CLASSES: Lazy<HashMap<String, (String, i8)>> = Lazy::new(|| {
    let table = &crate::data::WORD_CLASSES;
    crate::data::rows(table.file, table.text, table.min_cols, table.max_cols)
        .unwrap_or_else(|e| panic!("{e}"))
        .iter()
        .map(|row| {
            let sign = if row.col(2) == "-1" { -1 } else { 1 };
            (row.col(0).to_string(), (row.col(1).to_string(), sign))
        })
        .collect()
});

/// A class word as a stem: whole, marked so that no cut word equals it ("=peaceful").
fn class_stem(class: &str) -> String {
    format!("={class}")
}

/// Whether `clause` holds a word naming `class` itself ("peaceful" for class "peaceful").
fn names_class(clause: &str, class: &str) -> bool {
    clause
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| matches!(CLASSES.get(&w.to_lowercase()), Some((c, 1)) if c == class))
}

/// The first word of `text` that states a class's opposite ("fake", "rigged"), outside actor
/// mentions: its byte offset and its class word.
fn opposite(text: &str, mentions: &[ActorMention]) -> Option<(usize, &'static str)> {
    crate::extract::words::word_spans(text).find_map(|w| {
        let named = mentions
            .iter()
            .any(|m| m.span.start <= w.start && w.start < m.span.end);
        match CLASSES.get(&w.slice(text).to_lowercase()) {
            Some((class, -1)) if !named => Some((w.start, class.as_str())),
            _ => None,
        }
    })
}

/// The stem of the first content word of `text[start..end]` ([`stems`]).
fn first_stem(text: &str, start: usize, end: usize, mentions: &[ActorMention]) -> Option<String> {
    let mut from = start;
    while from < end {
        let rest = &text[from..end];
        let Some(skip) = rest.find(char::is_alphanumeric) else {
            break;
        };
        let word_end = rest[skip..]
            .find(|c: char| !c.is_alphanumeric())
            .map_or(end, |i| from + skip + i);
        if let Some(stem) = stems(text, from + skip, word_end, mentions).pop() {
            return Some(stem);
        }
        from = word_end;
    }
    None
}

/// The sides of the parties named in `start..end`, each once.
fn parties(mentions: &[ActorMention], start: usize, end: usize) -> Vec<String> {
    let mut out: Vec<String> = mentions
        .iter()
        .filter(|m| m.span.start >= start && m.span.end <= end)
        .filter(|m| m.code != crate::extract::actors::UNKNOWN_CODE)
        .map(mention_side)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A clause as a proposition's wording: its first words, trimmed.
fn wording(clause: &str) -> String {
    let words: Vec<&str> = clause.split_whitespace().collect();
    let mut s = words[..words.len().min(WORDING_WORDS)].join(" ");
    if words.len() > WORDING_WORDS {
        s.push('…');
    }
    s.trim_matches(|c: char| c == '"' || c == '“' || c == '”' || c == '\'')
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::super::tests::claim;
    use super::super::{of_claim_and_topic, same_question, Proposition};

    /// What a claim said by `code` says in its own words.
    fn topic_of(code: &str, text: &str) -> Option<Proposition> {
        of_claim_and_topic(&claim(Some(code), "said", text, false)).1
    }

    /// (negated claim, asserting claim, same question). Invented sentences of other stories.
    #[test]
    fn negated_facts_meet_the_statements_they_answer() {
        let cases: &[(&str, &str, bool)] = &[
            // what is denied, in the other's words
            (
                "the pilot had filed no flight plan",
                "The aircraft had filed a flight plan with air traffic control",
                true,
            ),
            (
                "There was no drone in his car",
                "a drone and encrypted radios had been found in his car",
                true,
            ),
            // words, not meanings: "car" and "vehicle" are two words (a limit of the rule)
            (
                "There was no drone in his car",
                "a drone and encrypted radios had been found in his vehicle",
                false,
            ),
            (
                "The fruit fly has never been detected in our orchards",
                "inspectors detected larvae of the fruit fly in a consignment of plums",
                true,
            ),
            // what a verbal negator denies is its verb: "found" is not "detected" (words, not
            // meanings), and the subject alone is no question
            (
                "The fruit fly has never been detected in our orchards",
                "inspectors found larvae of the fruit fly in a consignment of plums",
                false,
            ),
            (
                "the Daraya evacuation should not become a model for other besieged areas",
                "the ministers discussed the evacuation of Daraya, a besieged suburb",
                false,
            ),
            // one word denied is too little to be a question
            (
                "it was not guaranteed",
                "the envoy pushed for guarantees that aid would reach the city",
                false,
            ),
            (
                "Not a single protester was detained",
                "police detained dozens of protesters outside the court",
                true,
            ),
            // the thing denied is not what the other speaks of
            (
                "There was no drone in his car",
                "his car was stopped at the border crossing",
                false,
            ),
            // one word of three in common is no shared question
            (
                "No alarm was received from any station",
                "alarms were issued on the radio",
                false,
            ),
            // both deny
            (
                "There was no drone in his car",
                "No drone was ever found",
                false,
            ),
            // an antonym denies its class word ("word_classes.tsv"); two names of one thing
            // are one word
            (
                "the election had been rigged in dozens of districts",
                "the vote was free and fair",
                true,
            ),
            (
                "the protest turned violent after dark",
                "the rally had been entirely peaceful",
                true,
            ),
            (
                "the photos of the camp were doctored",
                "the images of the camp are authentic",
                true,
            ),
            // a party's name inside a mention says who; its title word says what
            (
                "the Peruvian ambassador had not been recalled",
                "the ambassador had been recalled to Lima",
                true,
            ),
            // an effect named in other words, denied by a negator
            (
                "the sanctions had no effect on the economy",
                "the sanctions had a severe impact on the economy",
                true,
            ),
            (
                "the sanctions had no effect on the economy",
                "the storm damaged the port",
                false,
            ),
            // a class word is whole: "peaceful" is not "peace"
            (
                "the protest turned violent after dark",
                "UN peacekeepers were deployed to the protest site",
                false,
            ),
            // the class alone is no shared question: another thing called fair
            (
                "the election had been rigged",
                "the price offered for the trawler was fair",
                false,
            ),
            // a counterfactual denies its antecedent: the consequent did not happen
            (
                "if it were a military-grade nerve agent, people would have died on the spot",
                "tests showed it was a military-grade nerve agent",
                true,
            ),
            (
                "had the envoy been invited to the meeting, he would have attended",
                "the envoy had been invited to the meeting",
                true,
            ),
            (
                "if it were a military-grade nerve agent, people would have died on the spot",
                "the victims were taken to the district hospital",
                false,
            ),
            // the noun denied must be the other's: "alerts" is not in the other claim
            (
                "no alerts concerning the fresh produce had been recorded",
                "the ban on fresh produce is a political reprisal",
                false,
            ),
        ];
        for &(neg, pos, expect) in cases {
            let n = topic_of("VENGOV", neg).expect(neg);
            let p = topic_of("GUYGOV", pos).expect(pos);
            assert_eq!(same_question(&n, &p, false), expect, "{neg} / {pos}");
        }
    }

    /// What the reader takes as a negated fact, an assertion, or nothing.
    #[test]
    fn what_is_a_negated_fact() {
        let cases: &[(&str, Option<i8>)] = &[
            ("Gas supply to the city has not been disrupted", Some(-1)),
            // an antonym denies as a negator does; with a negator too, neither
            ("the footage of the clash was doctored", Some(-1)),
            ("the footage of the clash was not doctored", None),
            // the class word and its antonym in one clause: neither
            (
                "the rally was peaceful until violent youths threw stones",
                None,
            ),
            // a negator in another clause is read as before
            (
                "There was no drone in his car, and the photos were doctored",
                Some(-1),
            ),
            (
                "the ministry didn't receive any request from the embassy",
                Some(-1),
            ),
            // a counterfactual denies its antecedent; a plain condition takes no position
            (
                "if the envoy had been invited, he would have attended the meeting",
                Some(-1),
            ),
            ("if it is confirmed, we will respond firmly", None),
            // a negated antecedent asserts its positive: not read as a counterfactual denial
            (
                "if the rebels had not been stopped at the bridge, they would have reached the capital",
                None,
            ),
            // a ceiling is no negation
            (
                "the trade is worth no more than 65 million dollars a year",
                Some(1),
            ),
            // an uncertainty is no negated fact
            (
                "it was not possible to tell whether the fire started inside",
                Some(1),
            ),
            // a ballot's "no" and a contrast negate no fact
            (
                "the minister warned that a \"no\" vote would wreck the accord",
                Some(1),
            ),
            ("the city voted for a better treaty, not for war", Some(1)),
            ("we want a settlement, but not this settlement", Some(1)),
            (
                "the ministry had seen \"only promises, not deeds\" from the other side",
                Some(1),
            ),
            // a modal's negation forecasts, it states no fact
            ("the crisis could not be solved by more talks", None),
            ("the two sides will never accept the ruling", None),
            // a condition takes no position
            (
                "talks will collapse if no agreement on the water quota is reached",
                None,
            ),
        ];
        for &(text, expect) in cases {
            let got = topic_of("ETHGOV", text).map(|p| p.position.as_i8());
            assert_eq!(got, expect, "{text}");
        }
    }

    /// A denial cue that names no act denies its whole content in its own words, and meets an
    /// assertion holding a third of those words (two at least); an assertion inside a
    /// condition asserts nothing. (denied content, asserting claim, same question). Invented
    /// sentences of other stories.
    #[test]
    fn rejected_contents_meet_the_statements_they_reject() {
        let rejected = |text: &str| {
            let c = claim(Some("GUYGOV"), "denied", text, true);
            of_claim_and_topic(&c).1
        };
        let cases: &[(&str, &str, bool)] = &[
            (
                "reports that the missing reporter had been killed inside the embassy",
                "the reporter was killed inside the embassy by a team flown in",
                true,
            ),
            (
                "claims that its trawlers had been fishing inside the reserve",
                "the trawlers were fishing inside the reserve on Tuesday",
                true,
            ),
            // one shared word of many is not the same question
            (
                "reports that the missing reporter had been killed inside the embassy",
                "the embassy will reopen its visa section next week",
                false,
            ),
            // a supposed fact is no assertion of it
            (
                "reports that the missing reporter had been killed inside the embassy",
                "there will be consequences if the reporter was killed inside the embassy",
                false,
            ),
        ];
        for &(denied, asserted, expect) in cases {
            let n = rejected(denied).expect(denied);
            assert_eq!(n.position.as_i8(), -1, "{denied}");
            let got = topic_of("VENGOV", asserted).is_some_and(|a| same_question(&n, &a, false));
            assert_eq!(got, expect, "{denied} / {asserted}");
        }
        // a condition after the assertion leaves the assertion standing
        let n = rejected("reports that the missing reporter had been killed inside the embassy")
            .expect("rejected");
        let a = topic_of(
            "VENGOV",
            "the reporter was killed inside the embassy, and the ministry will act if needed",
        )
        .expect("asserts");
        assert!(same_question(&n, &a, false));
        // too few words to say what was alleged
        assert!(rejected("the accusations").is_none());
        // a step rejected is no report denied
        assert!(rejected("the new border fence plan for the valley").is_none());
    }
}
