//! Propositions: what a claim says (act, doer, position), read from the claim's own words so any story's contradictions can be found.
//!
//! A claim's content is matched against the act classes of `acts.tsv` ("was behind",
//! "involvement", "produced", "violated the truce", "nearing an arrangement" …). The doer of an
//! act is the actor named next to it (resolved through the gazetteer: "the Russian government"
//! -> RUS), or the speaker's own side when the speaker refers to itself ("it was not
//! responsible", "denied any involvement"). The position is +1, flipped by a negator before the
//! act in the same clause, by a denial cue ("denied that …") and by an antonym row; a dismissal
//! of the accusation ("nonsense", "a provocation-based campaign") denies the act, and with no
//! act named it denies the speaker's own side's responsibility. Nothing here names a story's
//! people or places: the vocabulary is in `acts.tsv` and `positions.tsv`.

use once_cell::sync::Lazy;
use regex::Regex;

use crate::extract::actors;
use crate::model::{ActorMention, Claim, Stance};

mod clause;
mod doer;
mod doers;
mod roles;
mod topic;
use clause::{clause_end, clause_start};
use doer::doer;
use doers::{camp, display_name, mention_side, mentions_in, speaker_side};
use roles::{
    acted_on, object_origin, passive, possessor, self_reference, BY, GOVERNED, LOCATIVE,
    OBJECT_PREPOSITION, OF_OR_BY, ORIGIN, TARGETED,
};

/// What a claim asserts or denies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposition {
    /// Act class from `acts.tsv`: responsible, originate, hold, agree …
    pub act: String,
    /// The frame the act belongs to (responsibility, ceasefire, agreement …): a label, and the
    /// block a claim shares with frame-only claims.
    pub frame: String,
    /// The doer's side (ISO alpha-3 or an international body's code), when the act has one.
    pub agent: Option<String>,
    /// Asserts or denies the act (in its positive form); never neutral.
    pub position: Stance,
    /// The claim rejects something: a denial cue, a denial verb or a dismissal.
    pub denial: bool,
    /// The proposition in plain words: "Russia is responsible".
    pub wording: String,
    /// Further doers when the claim names several in a list ("the navy and the coast guard
    /// seized it", "these countries are A, B and C"): the proposition holds of each.
    pub others: Vec<String>,
    /// The claim names no act of its own, only parties: a bare list ("the culprits are A and
    /// B"). Inside one article it continues the claim it stands next to, whatever act that one
    /// names ([`same_question`]).
    pub bare: bool,
    /// Read from the claim's own words ([`topic`], act `about`): the stems of what a negated
    /// clause denies ("no flight plan"); empty when the claim asserts.
    pub scope: Vec<String>,
    /// Read from the claim's own words: the stems of the negated clause, or of the whole
    /// asserting claim (sorted).
    pub words: Vec<String>,
    /// Read from the claim's own words: the sides of the parties those words name.
    pub parties: Vec<String>,
}

impl Proposition {
    /// Every doer the proposition names: the agent, then the others of a list.
    pub fn doers(&self) -> impl Iterator<Item = &str> {
        self.agent
            .as_deref()
            .into_iter()
            .chain(self.others.iter().map(String::as_str))
    }
}

/// Whether two propositions are about one question, so that opposite positions on them
/// contradict: the same act, and a doer in common when both name one (a list names several:
/// "A, B and C are behind it" meets "B had nothing to do with it"). Inside one article
/// (`local`) a bare list of parties meets any act of its frame: a reporter sets the list right
/// after the sentence it completes ("the source is the countries that … These countries are A,
/// B and C"), and each party's reply beside it.
pub fn same_question(p: &Proposition, q: &Proposition, local: bool) -> bool {
    if p.act == topic::ABOUT || q.act == topic::ABOUT {
        return p.act == q.act && topic::same(p, q);
    }
    let shared = |p: &Proposition, q: &Proposition| p.doers().any(|a| q.doers().any(|b| a == b));
    if p.act != q.act && !(local && (p.bare || q.bare)) && joined_by_denial(p, q) {
        // Acts joined by an inference meet only on one named doer: "the drones were launched
        // from Iran" is answered by "Iran had no role in it", not by any party's denial.
        return shared(p, q);
    }
    let acts = p.act == q.act || (local && (p.bare || q.bare));
    acts && (p.agent.is_none() || q.agent.is_none() || shared(p, q))
}

/// Pairs of acts (asserted, denied) where denying the second answers an assertion of the
/// first: "the drones were launched from Iranian territory" (the attack came from Iran) is
/// answered by "Tehran had no role in the attack". Not the other way round: "Russia never had
/// a weapons programme" does not answer "Russia is responsible". The two must name one doer
/// ([`same_question`]).
const ANSWERED_BY_DENIAL: &[(&str, &str)] = &[("originate", "responsible")];

/// The two propositions name different acts joined by [`ANSWERED_BY_DENIAL`], either way round.
pub fn joined_by_denial(p: &Proposition, q: &Proposition) -> bool {
    denial_answers(p, q) || denial_answers(q, p)
}

/// `asserted` asserts an act whose denial in `denied` answers it ([`ANSWERED_BY_DENIAL`]).
fn denial_answers(asserted: &Proposition, denied: &Proposition) -> bool {
    asserted.position == Stance::Asserts
        && denied.position == Stance::Denies
        && ANSWERED_BY_DENIAL
            .iter()
            .any(|&(a, d)| asserted.act == a && denied.act == d)
}

/// Whether an act has a doer, from the `agent` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Doer {
    Required,
    /// Required, looked for after the act first (the accused of "evidence of X's involvement").
    After,
    Optional,
    /// Optional, and the party is whose territory the act is in: a third-person "it" there is
    /// the craft or vessel, never the speaker ("it never left international waters").
    Place,
    None,
}

struct Act {
    act: String,
    frame: String,
    /// The act row's own stance: an antonym row ("ended without agreement") denies.
    sign: Stance,
    agent: Doer,
    wording: String,
    re: Regex,
    /// The pattern spells a negator of its own ("never left international waters", "ended
    /// without agreement"): a negator inside its match is the row's, not the sentence's.
    own_negator: bool,
}

fn word_regex(pattern: &str) -> Regex {
    let pattern = quotes_between_words(pattern);
    Regex::new(&format!(r"(?i)\b(?:{pattern})\b")).expect("valid pattern in acts/positions table")
}

/// A table pattern whose spaces between words also match a quote mark at either side of the
/// space: reporters quote a fragment mid-phrase (`had "nothing to do with" the blasts`), and
/// the phrase is the same. Spaces inside a character class (`[- ]`) stay as they are.
fn quotes_between_words(pattern: &str) -> String {
    const SPACE: &str = "(?: [\"“”]?|[\"“”] )";
    let mut out = String::with_capacity(pattern.len() * 2);
    let (mut in_class, mut escaped) = (false, false);
    for c in pattern.chars() {
        match c {
            ' ' if !in_class && !escaped => out.push_str(SPACE),
            _ => out.push(c),
        }
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '[' {
            in_class = true;
        } else if c == ']' {
            in_class = false;
        }
    }
    out
}

fn rows(text: &str, ncols: usize, file: &str) -> Vec<Vec<String>> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(n, l)| {
            let cols: Vec<String> = l.split('\t').map(str::to_string).collect();
            assert!(
                cols.len() == ncols,
                "{file}:{}: expected {ncols} columns, found {}",
                n + 1,
                cols.len()
            );
            cols
        })
        .collect()
}

static ACTS: Lazy<Vec<Act>> = Lazy::new(|| {
    rows(crate::data::ACTS.text, 6, "acts.tsv")
        .into_iter()
        .map(|c| Act {
            act: c[0].clone(),
            frame: c[1].clone(),
            sign: if c[2] == "-1" {
                Stance::Denies
            } else {
                Stance::Asserts
            },
            agent: match c[3].as_str() {
                "yes" => Doer::Required,
                "after" => Doer::After,
                "optional" => Doer::Optional,
                "place" => Doer::Place,
                _ => Doer::None,
            },
            wording: c[4].clone(),
            re: word_regex(&c[5]),
            own_negator: POSITIONS
                .negation
                .is_match(&c[5].replace(['(', ')', '?', ':', '|'], " ")),
        })
        .collect()
});

struct Positions {
    negation: Regex,
    dismissal: Regex,
    ridicule: Regex,
    /// The accusation named anywhere in the claim (the `accused` rows, unanchored).
    names_charge: Regex,
    conduct: Regex,
    litotes: Regex,
    /// A plain negator of a fact ([`topic`]).
    fact_negator: Regex,
    /// Words with a negator that negate nothing ("no more than 65", "not only").
    not_negating: Regex,
    /// A modal right before a negator ("could not", "will never").
    modal_before: Regex,
    accusation: Regex,
    incident: Regex,
    condition: Regex,
    accused: Regex,
    concession: Regex,
    correction: Regex,
    modal: Regex,
    /// A whole cue that asks another party to act (`directive`).
    directive: Regex,
    /// A whole cue that sizes a thing up (`appraisal`).
    appraisal: Regex,
    /// A whole noun naming a charge or an act (`charge` and `incident` rows).
    charge_or_act: Regex,
    /// A whole noun naming a charge (`charge` rows).
    charge: Regex,
    /// The main predicate, near the content's start, of effort or objection.
    effort: Regex,
    objection: Regex,
    second: Regex,
    /// "if it were X, Y would have …": the antecedent (group `ante` or `inv`) is denied.
    counterfactual: Regex,
    /// Words right before "provocation" by which the speaker's side answered one (`answered`).
    answered: Regex,
}

static POSITIONS: Lazy<Positions> = Lazy::new(|| {
    let table = rows(crate::data::POSITIONS.text, 2, "positions.tsv");
    // Every row of one kind as one alternation.
    let alternatives = |kind: &str| {
        table
            .iter()
            .filter(|c| c[0] == kind)
            .map(|c| c[1].as_str())
            .collect::<Vec<_>>()
            .join("|")
    };
    let join = |kind: &str| word_regex(&alternatives(kind));
    // The rows of one kind between `before` and `after` (case-insensitive).
    let framed = |kind: &str, before: &str, after: &str| {
        Regex::new(&format!("(?i){before}(?:{}){after}", alternatives(kind)))
            .unwrap_or_else(|e| panic!("valid {kind} pattern in positions.tsv: {e}"))
    };
    Positions {
        negation: join("negation"),
        dismissal: join("dismissal"),
        ridicule: join("ridicule"),
        names_charge: join("accused"),
        conduct: join("conduct"),
        litotes: join("litotes"),
        fact_negator: join("fact-negator"),
        not_negating: join("not-negating"),
        modal_before: framed("modal", "\\b", "\\s*$"),
        accusation: join("accusation"),
        incident: join("incident"),
        condition: join("condition"),
        concession: join("concession"),
        correction: join("correction"),
        directive: framed("directive", "^", "$"),
        appraisal: framed("appraisal", "^", "$"),
        charge_or_act: Regex::new(&format!(
            "(?i)^(?:{}|{})$",
            alternatives("charge"),
            alternatives("incident")
        ))
        .expect("valid charge and incident patterns in positions.tsv"),
        charge: Regex::new(&format!("(?i)^(?:{})$", alternatives("charge")))
            .expect("valid charge patterns in positions.tsv"),
        effort: opening(&alternatives("effort")),
        objection: opening(&alternatives("objection")),
        second: join("second"),
        counterfactual: framed("counterfactual", "\\b", ""),
        answered: framed(
            "answered",
            "\\b",
            "(?: (?:an?|the|this|that|their|its|another))?(?: [\\w-]+)?\\s*$",
        ),
        modal: framed("modal", "\\b", "\\s+(?:not\\s+|also\\s+)?([a-z]+)"),
        accused: framed("accused", "^\\W*", ""),
    }
});

/// The text grants part of the other position (a `concession` of `positions.tsv`: "there are
/// some incidents, but the pause is largely respected"): it takes neither side of it.
pub fn concedes(text: &str) -> bool {
    // "they were not spies but reporters": a "but" that corrects what "not" denies grants
    // nothing.
    let mut grants = POSITIONS.concession.find_iter(text).peekable();
    if grants.peek().is_none() {
        return false;
    }
    let corrections: Vec<(usize, usize)> = POSITIONS
        .correction
        .find_iter(text)
        .map(|c| (c.start(), c.end()))
        .collect();
    grants.any(|m| {
        !corrections
            .iter()
            .any(|&(start, end)| start <= m.start() && m.end() <= end)
    })
}

/// Whether the whole word `noun` names a charge ("the accusation", `charge` rows of
/// `positions.tsv`) or an act (`incident` rows: "the attack").
pub(super) fn names_charge_or_act(noun: &str) -> bool {
    POSITIONS.charge_or_act.is_match(noun)
}

/// Whether the claim's content names a party of the side `key` ([`crate::contradict::sides`]),
/// as an actor or a demonym ("its navy sank two Ecuadorean boats" names Ecuador).
pub fn names_side(claim: &Claim, key: &str) -> bool {
    mentions_in(claim)
        .iter()
        .any(|m| crate::contradict::sides::side_of(&mention_side(m)).is_some_and(|s| s.key == key))
}

/// Whether the whole word `noun` names a charge ("the claim", "the allegations": `charge` rows
/// of `positions.tsv`), not an act.
pub(super) fn names_charge(noun: &str) -> bool {
    POSITIONS.charge.is_match(noun)
}

/// The text speaks of what may yet happen: a `modal` of `positions.tsv` before a bare verb
/// ("militants could strike again"), not before a perfect ("could have ordered it"). Only the
/// claim's first clause counts: a modal after a contrast ("… is responsible for the attack,
/// but it remains unclear if the bloc will back joint action") is about something else.
pub fn foretells(text: &str) -> bool {
    // A "while …" or "though …" closed by a later comma is an aside ("agents, while few in
    // number, could carry out attacks"), not the end of the first clause.
    let first = FIRST_CLAUSE_END
        .find_iter(text)
        .find(|m| {
            let cut = m.as_str().to_ascii_lowercase();
            let closing = cut.ends_with(';') || cut.ends_with("but") || cut.ends_with("yet");
            closing || !text[m.end()..].contains(',')
        })
        .map_or(text, |m| &text[..m.start()]);
    POSITIONS
        .modal
        .captures_iter(first)
        .any(|c| !c[1].eq_ignore_ascii_case("have"))
}

/// Where a claim's first clause ends: a comma or semicolon before a contrasting conjunction,
/// or a semicolon.
static FIRST_CLAUSE_END: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)[,;]\s*(?:but|while|although|though|whereas|yet)\b|;").expect("valid contrast")
});

/// The predicate opens the content: at most [`OPENING_WORDS`] plain words (its subject, an
/// auxiliary, an adjective) before it, with no comma or quote between, so a later clause's verb
/// ("the truce holds, and we are ready to …") is not read as the claim's own.
fn opening(pattern: &str) -> Regex {
    Regex::new(&format!(
        "(?i)^\\W*(?:[\\w'’.-]+\\s+){{0,{OPENING_WORDS}}}?(?:{pattern})\\b"
    ))
    .expect("valid effort or objection pattern in positions.tsv")
}

/// Words allowed before an effort's or objection's predicate ("Russian and American experts
/// had been meeting", "they had serious reservations about").
const OPENING_WORDS: usize = 6;

/// What a claim does with the thing it speaks of. Only a `Fact` states whether the thing
/// holds; the others speak of a party's conduct towards it, and meet only claims of their own
/// mode: "we are ready to back the corridor plan" does not answer "no lorry has got through",
/// and "they have reservations about the accord" grants that the accord was reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Fact,
    /// The cue asks another party to act ("urged the militias to respect the pause").
    Directive,
    /// The speaker's side's readiness, support or work towards it.
    Effort,
    /// An objection to its terms.
    Objection,
    /// The cue sizes it up ("described the accord as a real chance"): it exists.
    Appraisal,
}

/// The claim's [`Mode`], from its cue (`directive`, `appraisal` but for a dismissal, of
/// `positions.tsv`) and its content's main
/// predicate (`effort`, `objection`). A content of two statements ("experts have been meeting
/// and that an accord is within reach", two sentences of a quote) states more than its first
/// clause: it is read as a fact.
pub fn mode(claim: &Claim) -> Mode {
    let pos = &*POSITIONS;
    if pos.directive.is_match(claim.cue.trim()) {
        return Mode::Directive;
    }
    let text = claim.text.as_str();
    if pos.appraisal.is_match(claim.cue.trim()) && !pos.dismissal.is_match(text) {
        return Mode::Appraisal;
    }
    if pos.second.is_match(text) || two_sentences(text) {
        return Mode::Fact;
    }
    if pos.effort.is_match(text) {
        Mode::Effort
    } else if pos.objection.is_match(text) {
        Mode::Objection
    } else {
        Mode::Fact
    }
}

/// The text holds a sentence break: a stop after a lower-case letter or digit, then a capital
/// ("… with the Americans. The accord is not dead"); "U.S. officials" is no break.
fn two_sentences(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(3).enumerate().any(|(i, w)| {
        matches!(w[0], b'.' | b'!' | b'?')
            && i > 0
            && (b[i - 1].is_ascii_lowercase() || b[i - 1].is_ascii_digit())
            && w[1] == b' '
            && (w[2].is_ascii_uppercase() || matches!(w[2], b'"' | b'\''))
    })
}

/// Words that refer the act back to the speaker ("it was not responsible", "our forces").
static SELF_REF: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:it|its|itself|we|our|ours|us|ourselves|my country|my government)\b")
        .expect("valid regex")
});

/// A possessive pronoun just before an act ("its programme", "their stocks of the agent").
static POSSESSIVE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:its|their|his|her)\s+(?:[\w-]+\s+){0,3}$").expect("valid regex")
});

/// A side clause after an accusation's charge ("… while blaming …", "… as …").
static SIDE_CLAUSE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:while|whilst|whereas|as|after|when|because|since)\b")
        .expect("valid regex")
});

/// A complementizer: what follows is a new clause with its own subject.
static THAT: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\b(?:that|whether)\b").expect("valid regex"));

/// Whether the act after `head` (its clause up to the act) sits in a relative clause that
/// "which" opens and no comma closes before the act: "the process which has been stalling".
fn in_relative_clause(head: &str) -> bool {
    static WHICH: Lazy<Regex> = Lazy::new(|| word_regex("which"));
    WHICH
        .find_iter(head)
        .last()
        .is_some_and(|m| !head[m.end()..].contains(','))
}

/// What [`of_claim`] reads once from a claim and each phase uses.
struct Reading<'a> {
    claim: &'a Claim,
    text: &'a str,
    /// Actors named in the claim, in text order.
    mentions: Vec<ActorMention>,
    /// The speaker's own side.
    own: Option<String>,
    /// The claim dismisses an accusation ("nonsense", "a provocation").
    dismissal: bool,
    /// The cue accuses ("accused Russia of …").
    accusation: bool,
}

/// The act a claim names: its row, its byte range, and where the evidence framing it starts.
struct Found<'a> {
    act: &'a Act,
    start: usize,
    end: usize,
    framed_at: Option<usize>,
}

/// The claim's proposition, or `None` when its words name no act the tables know.
pub fn of_claim(claim: &Claim) -> Option<Proposition> {
    of_claim_and_topic(claim).0
}

/// The claim's proposition ([`of_claim`]), and what it says in its own words ([`topic`]): when
/// its words name no act and no other reading gives a proposition, a negated clause denies
/// that clause and anything else asserts its words; when a denial or dismissal with no act
/// gives the proposition, it also denies the report it rejects in its own words
/// ([`topic::rejected`]). The topic is `None` when the words name an act other than a harm, or
/// when they state no fact (a modal's negation, too few words). One reading of the claim (its actors, its acts)
/// serves both.
pub fn of_claim_and_topic(claim: &Claim) -> (Option<Proposition>, Option<Proposition>) {
    let text = claim.text.as_str();
    if text.trim().is_empty() {
        return (None, None);
    }
    let pos = &*POSITIONS;
    let r = Reading {
        claim,
        text,
        mentions: mentions_in(claim),
        own: speaker_side(claim),
        // "their expulsions are a provocation" condemns a step, it rejects no accusation.
        // "the hearing was a circus" mocks the proceedings; "the charges are a farce" rejects them.
        // A bare word ("perverse") dismisses what its sentence names: "their proposal is
        // perverse" condemns a step too.
        dismissal: (dismisses(text)
            || (pos.ridicule.is_match(text) && pos.names_charge.is_match(text)))
            && !pos.conduct.is_match(text)
            && !(text.split_whitespace().count() < 4 && pos.conduct.is_match(&claim.sentence)),
        accusation: pos.accusation.is_match(&claim.cue),
    };
    match main_act(text, 0) {
        // Harm is a coarse question ("were people killed?"): the claim's own words say which
        // killing, so a rejected report of one meets its assertion by them.
        Some(found) if found.act.act == HARM => match other_than_harm(text, found.end) {
            // "the strike that killed 20 was carried out by Russian jets": the other act is
            // the claim's.
            Some(other) => (with_act(&r, other), None),
            None => {
                let topic = topic::rejected(&r).or_else(|| topic::read(&r));
                (with_act(&r, found), topic)
            }
        },
        Some(found) => (with_act(&r, found), None),
        None => match without_act(&r) {
            // A denial or dismissal that names no act ("denied reports that the writer had
            // been killed at the consulate") also denies, in its own words, what it rejects;
            // one that denies in its own words ("the video of the strike was fake") that.
            Some(p) => (
                Some(p),
                topic::rejected(&r)
                    .or_else(|| topic::read(&r).filter(|t| t.position == Stance::Denies)),
            ),
            None => (None, topic::read(&r)),
        },
    }
}

/// The text holds a `dismissal` of `positions.tsv` not right after "without" (or "without
/// any"): "pure
/// provocation" dismisses, "attacked the post without provocation" calls the attack unprovoked.
fn dismisses(text: &str) -> bool {
    POSITIONS.dismissal.find_iter(text).any(|m| {
        // "without provocation", "without any provocation"; not "were without doubt absurd"
        let mut before = text[..m.start()]
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .rev();
        let is = |w: Option<&str>, v: &str| w.is_some_and(|w| w.eq_ignore_ascii_case(v));
        let last = before.next();
        let unprovoked = is(last, "without")
            || (["any", "a", "an"].iter().any(|d| is(last, d)) && is(before.next(), "without"));
        let provocation = m.as_str().to_ascii_lowercase().starts_with("provocat");
        let staged = provocation && laid_at_a_door(&text[m.end()..]);
        let answered = provocation && POSITIONS.answered.is_match(&text[..m.start()]);
        !(unprovoked || staged || answered)
    })
}

/// What follows "provocation" names who staged it ("a provocation planned by the navy", "the
/// provocation was coordinated by two officers", "a provocation by the navy"): an accusation
/// (the `responsible` row of `acts.tsv` that reads the same words), not a dismissal. "Condemned
/// by", "by any standard" name no stager; "an unfounded allegation by the ministry" still
/// dismisses (only "provocation" is read so).
fn laid_at_a_door(after: &str) -> bool {
    static STAGED_BY: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"(?i)^(?:s?|\w*)(?: [\w'’-]+){0,2}? (?:(?:was|were|had been|has been|have been|is|are) )?(?:planned|staged|prepared|organi[sz]ed|orchestrated|coordinated|devised|masterminded|ordered|carried out|committed|conducted|okayed|sanctioned|approved|instigated|engineered) by\b|^s? by (?:the |its |their )?(?-i:[A-Z])")
            .expect("valid regex")
    });
    STAGED_BY.is_match(after)
}

/// The first act after byte `from` that is not a harm, if the claim names one.
fn other_than_harm(text: &str, mut from: usize) -> Option<Found<'static>> {
    while let Some(next) = main_act(text, from) {
        if next.act.act != HARM {
            return Some(next);
        }
        from = next.end.max(from + 1);
    }
    None
}

/// The proposition of a claim whose words name act `found` first.
fn with_act(r: &Reading, mut found: Found<'static>) -> Option<Proposition> {
    let text = r.text;
    // "the two sides held talks but failed to reach an agreement": a state of affairs set
    // against another act by "but" is background; the claim's point is the act after it.
    if found.act.agent == Doer::None {
        if let Some(next) = CONTRAST
            .find_at(text, found.end)
            .and_then(|b| main_act(text, b.end()))
            .filter(|next| next.act.act != found.act.act)
        {
            found = next;
        }
    }
    loop {
        match read_act(r, &found) {
            Read::Done(Some(p)) if own_act(r, &p) => {
                return Some(reason_after(r, found.end).unwrap_or(p))
            }
            Read::Done(p) => return p,
            // The act's doer is not named ("the drone was shot down over our territory"): the
            // claim may still state a later act ("over our territory").
            Read::Next => match main_act(text, found.end) {
                Some(next) => found = next,
                None => return None,
            },
        }
    }
}

/// The speaker's side asserts its own act ("our jets shot down the bomber"): no one disputes
/// that it was done, only why.
fn own_act(r: &Reading, p: &Proposition) -> bool {
    p.act == "responsible"
        && p.position == Stance::Asserts
        && !p.denial
        && p.agent.is_some()
        && p.agent == r.own
}

/// "our jets shot down the bomber after it violated our airspace": a side reporting its own act
/// gives the reason in a clause after it, and the reason is what the claim puts forward (and
/// what the other side disputes): the proposition of the first act the clause names, when
/// it has one. With no reason given, where the act was done is what is disputed ("our navy
/// seized the trawler inside our economic zone"): a place named after the act.
fn reason_after(r: &Reading, from: usize) -> Option<Proposition> {
    let reason = REASON.find_at(r.text, from).and_then(|at| {
        match read_act(r, &main_act(r.text, at.end())?) {
            Read::Done(Some(q)) if q.act != "responsible" => Some(q),
            _ => None,
        }
    });
    reason.or_else(|| match read_act(r, &main_act(r.text, from)?) {
        Read::Done(Some(q)) if q.act == "located" => Some(q),
        _ => None,
    })
}

/// What opens the reason for an act: "after it violated …", "because it ignored …", "for
/// violating …" ("since" and "as" open a time as often as a reason: "since troops entered").
static REASON: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\b(?:after|because|for)\b").expect("valid regex"));

/// A contrast that makes what precedes it background ("…, but …", "… yet …").
static CONTRAST: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\b(?:but|yet)\b").expect("valid regex"));

/// What [`read_act`] made of one act of a claim.
enum Read {
    /// The claim's proposition (or none: an open question, a condition).
    Done(Option<Proposition>),
    /// The act says nothing of the claim's own: it needs a doer and the claim names none for
    /// it, or it tells of a noun in a relative clause. A later act may.
    Next,
}

/// The proposition a claim states with act `found`.
fn read_act(r: &Reading, found: &Found) -> Read {
    let text = r.text;
    // The doer: the actor named closest before the act in its clause, else right after it
    // ("involvement of the Russian government"), else the speaker when it speaks of itself.
    let clause = clause_start(text, found.start);
    // "if evidence of state responsibility emerges", "whether Russia was behind it": an
    // open question or a condition takes no position.
    if conditional(&text[clause..found.start]) {
        return Read::Done(None);
    }
    let act = found.act;
    // "the political process which has been stalling for a long time": a state of affairs
    // told of a noun in a relative clause is background the claim takes for granted, not its
    // position; a later act of the claim may state it.
    if act.agent == Doer::None && in_relative_clause(&text[clause..found.start]) {
        return Read::Next;
    }
    let mut agent: Option<(String, String)> = None;
    if act.agent != Doer::None {
        agent = doer(r, found, clause);
        // "no shots were fired at the ship", "the drone was not shot down": a negated passive
        // denies the act whoever would have done it; it meets any claim naming its doer.
        let denied_passive = agent.is_none()
            && passive(text, clause, found.start, found.end)
            && (r.claim.denial || POSITIONS.negation.is_match(&text[clause..found.end]));
        if agent.is_none() && matches!(act.agent, Doer::Required | Doer::After) && !denied_passive {
            return Read::Next;
        }
    }
    let (position, denial) = stance(r, found, clause, agent.as_ref());
    let (agent_side, agent_name) = match agent {
        Some((s, n)) => (Some(s), n),
        None => (None, "someone".to_string()),
    };
    let others = match &agent_side {
        Some(side) => coordinated(r, side, clause, found.end),
        None => Vec::new(),
    };
    Read::Done(Some(Proposition {
        act: act.act.clone(),
        frame: act.frame.clone(),
        wording: act.wording.replace("{agent}", &agent_name),
        agent: agent_side,
        position,
        denial,
        others,
        bare: false,
        scope: Vec::new(),
        words: Vec::new(),
        parties: Vec::new(),
    }))
}

/// A modal in a main clause: "if they do it, we will hold them responsible" stays conditional.
static MODAL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:would|could|might|may|will|shall|\w+'ll|wo?n't)\b").expect("valid regex")
});

/// Whether a condition or open question in `head` (the act's clause up to the act) governs
/// the act. A condition closed by a comma ("if they want better relations, they first need to
/// acknowledge responsibility") governs only its own clause: the act in the main clause after it
/// is stated, unless a modal makes the main clause a consequence ("…, we will conclude that").
fn conditional(head: &str) -> bool {
    let Some(last) = POSITIONS.condition.find_iter(head).last() else {
        return false;
    };
    match head[last.end()..].rfind(',') {
        Some(comma) => MODAL.is_match(&head[last.end() + comma..]),
        None => true,
    }
}

/// Where the subject of the act's clause is looked for. A predicate coordinated without a
/// subject of its own ("X has not only been testing it, but has also been stockpiling it")
/// shares the subject of the clause before it.
fn subject_clause(text: &str, clause: usize) -> usize {
    static SUBJECTLESS: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"(?i)^\s*(?:also\s+)?(?:has|have|had|is|was|were|are|will|would|did|does)\b")
            .expect("valid regex")
    });
    let coordinated = clause >= 6 && text.get(clause - 6..clause) == Some(", but ");
    if coordinated && SUBJECTLESS.is_match(&text[clause..]) {
        clause_start(text, clause - 6)
    } else {
        clause
    }
}

/// The act the claim's content names first, from byte `from` on.
fn main_act(text: &str, from: usize) -> Option<Found<'static>> {
    // The act named first in the content is its main predicate ("sporadic violence carried
    // out by both sides" is about violations, not about who carried something out); at one
    // position the earlier row of the table wins.
    let found = ACTS
        .iter()
        .enumerate()
        .filter_map(|(n, a)| a.re.find_at(text, from).map(|m| (m.start(), n, a, m.end())))
        .min_by_key(|&(start, n, _, _)| (start, n))
        .map(|(start, _, a, end)| (a, start, end));
    // "evidence that Russia has been stockpiling it": evidence frames the act after it; the
    // inner act is the proposition, negated when the evidence is ("no evidence that …").
    let found = match found {
        Some((a, start, end)) if a.agent == Doer::After => ACTS
            .iter()
            .enumerate()
            .filter(|(_, b)| b.agent != Doer::After)
            .filter_map(|(n, b)| b.re.find_at(text, end).map(|m| (m.start(), n, b, m.end())))
            .min_by_key(|&(s, n, _, _)| (s, n))
            .map(|(s, _, b, e)| (b, s, e, Some(start)))
            .or(Some((a, start, end, None))),
        Some((a, start, end)) => Some((a, start, end, None)),
        None => None,
    };
    found.map(|(act, start, end, framed_at)| Found {
        act,
        start,
        end,
        framed_at,
    })
}

/// A claim that names no act.
fn without_act(r: &Reading) -> Option<Proposition> {
    let (text, pos) = (r.text, &*POSITIONS);
    // No act named. An accusation cue asserts responsibility for an incident it names
    // ("accused Russia of attempted murder") or misconduct of the accused ("accused
    // Britain of hysteria"); a dismissal ("it's another provocation") or a bare denial
    // ("denied any involvement") rejects the accusation against the speaker's own side.
    if r.accusation {
        // "blaming the Iran-backed Huthi rebels": a backer joined to the accused by a hyphen
        // qualifies it; the accused is the head after it.
        let backer = |m: &&ActorMention| {
            let after = &text[m.span.end.min(text.len())..];
            BACKED.is_match(after)
                && r.mentions.iter().any(|n| {
                    n.span.start > m.span.end && n.code != crate::extract::actors::UNKNOWN_CODE
                })
        };
        let m = r.mentions.iter().find(|m| !backer(m))?;
        // The charge is what follows "of" up to a side clause: "accused Britain of lies while
        // blaming the attack on Moscow" charges lies, the attack is the other side's charge.
        let charge = SIDE_CLAUSE.find(text).map_or(text, |m| &text[..m.start()]);
        // "…, the government said, blaming the rebels": a blame with no charge of its own
        // blames what its sentence tells.
        let blame = r.claim.cue.to_lowercase().starts_with("blam") && !charge.contains(" for ");
        let (act, wording) = if blame || pos.incident.is_match(charge) {
            ("responsible", format!("{} is responsible", m.name))
        } else {
            ("misconduct", format!("{} is guilty of misconduct", m.name))
        };
        return Some(Proposition {
            act: act.into(),
            frame: if act == "responsible" {
                "responsibility"
            } else {
                "accusation"
            }
            .into(),
            wording,
            agent: Some(mention_side(m)),
            position: Stance::Asserts,
            denial: false,
            others: Vec::new(),
            bare: false,
            scope: Vec::new(),
            words: Vec::new(),
            parties: Vec::new(),
        });
    }
    let words = text.split_whitespace().count();
    if r.dismissal || (r.claim.denial && (1..=12).contains(&words)) {
        let agent = r.own.clone()?;
        return Some(Proposition {
            act: "responsible".into(),
            frame: "responsibility".into(),
            wording: format!("{} is responsible", display_name(&agent)),
            agent: Some(agent),
            position: Stance::Denies,
            denial: true,
            others: Vec::new(),
            // A bare dismissal stays a denial of its own side's responsibility. Let meet any
            // act beside it, it was set against the nearest charge rather than the one it
            // answers (one gold pair fewer on the development pages).
            bare: false,
            scope: Vec::new(),
            words: Vec::new(),
            parties: Vec::new(),
        });
    }
    listed(r)
}

/// A hyphened participle that makes the actor before it a backer of the noun after it:
/// "Iran-backed", "Saudi-led", "Western-funded".
static BACKED: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^-(?:backed|led|allied|aligned|funded|supported|sponsored|armed|trained)\b")
        .expect("valid regex")
});

/// Separators inside a list of parties: commas, "and", "or", "as well as", an article.
static LIST_GAP: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:\s|,|\band\b|\bor\b|\bas well as\b|\bthe\b)*$").expect("valid regex")
});

/// A copular lead before a list of parties: "these countries are", "the culprits were", "they
/// include".
static LIST_LEAD: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^\W*(?:[\w'’-]+\s+){0,3}(?:are|were|is|was|include|included|includes)\s+(?:the\s+)?$",
    )
    .expect("valid regex")
});

/// A claim that is only a list of parties after a copula ("These countries are A, B, C and D."):
/// it asserts of each what the claim before it said of "these countries" ([`same_question`]).
fn listed(r: &Reading) -> Option<Proposition> {
    let text = r.text;
    let first = r.mentions.first()?;
    if !LIST_LEAD.is_match(&text[..first.span.start]) {
        return None;
    }
    let mut sides = vec![mention_side(first)];
    let mut last = first;
    for m in &r.mentions[1..] {
        if m.span.start < last.span.end || !LIST_GAP.is_match(&text[last.span.end..m.span.start]) {
            break;
        }
        sides.push(mention_side(m));
        last = m;
    }
    // The list ends the sentence: "are A and B." (not "are A and B, which have …").
    let rest = text[last.span.end..].trim_start();
    let ends = rest.is_empty() || rest.starts_with(['.', '!', ';']);
    sides.dedup();
    if sides.len() < 2 || !ends {
        return None;
    }
    let agent = sides.remove(0);
    let mut names: Vec<String> = std::iter::once(display_name(&agent))
        .chain(sides.iter().map(|s| display_name(s)))
        .collect();
    let tail = names.pop().unwrap_or_default();
    Some(Proposition {
        act: "responsible".into(),
        frame: "responsibility".into(),
        wording: format!("{} or {tail} is responsible", names.join(", ")),
        agent: Some(agent),
        position: Stance::Asserts,
        denial: false,
        others: sides,
        bare: true,
        scope: Vec::new(),
        words: Vec::new(),
        parties: Vec::new(),
    })
}

/// A bare word for the state coordinated right before its armed camp: "government and ",
/// "both regime and ".
static STATE_BEFORE_CAMP: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:government|regime|state|army|military)\s+(?:forces\s+)?(?:and|or)\s+$")
        .expect("valid regex")
});

/// The other parties coordinated with the doer `side` in the act's clause ("Russia and
/// Hezbollah violated the truce": Russia with Hezbollah), by "and", "or" or commas.
fn coordinated(r: &Reading, side: &str, clause: usize, end: usize) -> Vec<String> {
    let (text, mentions) = (r.text, &r.mentions);
    let Some(at) = mentions
        .iter()
        .position(|m| m.span.start >= clause && m.span.end <= end + 60 && mention_side(m) == side)
    else {
        return Vec::new();
    };
    let joined = |a: &ActorMention, b: &ActorMention| {
        a.span.end <= b.span.start && {
            let gap = &text[a.span.end..b.span.start];
            !gap.trim().is_empty() && LIST_GAP.is_match(gap)
        }
    };
    let mut out = Vec::new();
    let mut k = at;
    while k > 0 && mentions[k - 1].span.start >= clause && joined(&mentions[k - 1], &mentions[k]) {
        k -= 1;
        out.push(mention_side(&mentions[k]));
    }
    let mut k = at;
    while k + 1 < mentions.len() && joined(&mentions[k], &mentions[k + 1]) {
        k += 1;
        out.push(mention_side(&mentions[k]));
    }
    // "both government and rebel forces": the state, written as a bare word the gazetteer
    // does not code, coordinated before its own rebels.
    if let Some(state) = camp(side).map(|c| c[..3].to_string()) {
        let head = &text[clause.min(mentions[at].span.start)..mentions[at].span.start];
        if STATE_BEFORE_CAMP.is_match(head) {
            out.push(state);
        }
    }
    out.retain(|s| s != side);
    out.sort();
    out.dedup();
    out
}

/// "they launched the drones from Venezuela": where a launch came from is the place named right
/// after "from", whoever launched it. The place may be read into a mention that starts inside
/// the act ("the drones from Venezuela").
fn launch_place<'m>(
    text: &str,
    mentions: &'m [ActorMention],
    found: &Found,
    right_after: Option<&'m ActorMention>,
) -> Option<&'m ActorMention> {
    let (start, end) = (found.start, found.end);
    let words = &text[start..end];
    let from = found.act.act == "originate"
        && words
            .len()
            .checked_sub(4)
            .and_then(|k| words.get(k..))
            .is_some_and(|w| w.eq_ignore_ascii_case("from"));
    if !from {
        return None;
    }
    right_after.or_else(|| {
        mentions.iter().find(|m| {
            m.code != actors::UNKNOWN_CODE
                && m.span.start > start
                && m.span.start < end
                && m.span.end > end
        })
    })
}

/// The act class of `acts.tsv` for killing, hurting and destroying: read with its topic too.
pub const HARM: &str = "harm";

/// Acts with no doer whose claims must share a word of their own to be about one step
/// (`acts.tsv`): advance notice and leaving a place; [`one_step`] keeps two notices about
/// different steps, or two departures from different places, apart.
pub const ONE_STEP_ACTS: &[&str] = &["notify", "leave"];

/// Stems (first five letters, as [`super::select::content_stems`] cuts them) of the words that
/// say a party was or was not told, or that someone left or stayed: every such claim has
/// them, so they say nothing of which step or which place the claim is about.
const STEP_STEMS: &[&str] = &[
    "notif", "infor", "warni", "notic", "advan", "prior", "never", "recei", "given", "befor",
    "left", "leave", "leavi", "exite", "exits", "walke", "emerg", "depar", "still", "insid",
    "remai", "staye", "stays", "withi", "later", "after", "hours", "minut", "warne", "ignor",
    "issue", "radio", "repea",
];

/// Advance notice has no doer: "we informed Lima of the exercise" meets "we were never
/// notified of the exercise" only when the two claims share a content word besides the
/// notice's own ("exercise"), not every other notice of that week; so with leaving a place
/// ("the consulate"). Other acts: always. `stems` gives the two claims' sorted content stems,
/// read only for such acts.
pub fn one_step<'s>(
    p: &Proposition,
    q: &Proposition,
    stems: impl FnOnce() -> (&'s [String], &'s [String]),
) -> bool {
    if p.act != q.act || !ONE_STEP_ACTS.contains(&p.act.as_str()) {
        return true;
    }
    let (x, y) = stems();
    x.iter()
        .any(|s| !STEP_STEMS.contains(&s.as_str()) && y.binary_search(s).is_ok())
}

/// The claim's position on the act (+1 or -1) and whether it rejects something.
fn stance(
    r: &Reading,
    found: &Found,
    clause: usize,
    agent: Option<&(String, String)>,
) -> (Stance, bool) {
    let (text, pos, claim) = (r.text, &*POSITIONS, r.claim);
    let (act, start, end) = (found.act, found.start, found.end);
    let (dismissal, accusation) = (r.dismissal, r.accusation);
    let lo = text.ceil_char_boundary(match found.framed_at {
        Some(at) => clause_start(text, at).max(at.saturating_sub(60)),
        None => clause.max(start.saturating_sub(60)),
    });
    // A negator inside an act's own words counts ("had nothing to do with"); an antonym row
    // that spells its negative ("ended without agreement") already states it, so only what
    // precedes it does ("our soldiers did not cross the border" is the sentence's negator).
    let window = if act.sign == Stance::Denies && act.own_negator {
        &text[lo..start]
    } else {
        &text[lo..end]
    };
    // "I do not rule out that …" is a weak assertion, not a negation; "there is no doubt",
    // "not only" negate nothing (`not-negating`). "It is not clear whether …" keeps its
    // negator here, as before; an open question is turned away earlier (`conditional`).
    let negator = pos
        .negating(&pos.negation, window, |n| !UNCERTAIN.is_match(n))
        .is_some();
    let negated = (negator && !pos.litotes.is_match(window))
        || NEGATIVE_SUBJECT.is_match(&text[clause..start]);
    let mut position = act.sign;
    if negated {
        position = -position;
    }
    if claim.denial {
        position = -position;
    }
    if dismissal
        && !accusation
        && matches!(act.agent, Doer::Required | Doer::Optional)
        && position == Stance::Asserts
    {
        position = Stance::Denies;
    }
    // "allegations of Putin's involvement", said by the accused's side: a rejection.
    let object_of_charge = pos.accused.is_match(text)
        && agent.is_some_and(|(side, _)| r.own.as_deref() == Some(side.as_str()));
    if object_of_charge && position == Stance::Asserts {
        position = Stance::Denies;
    }
    let denial = claim.denial
        || (dismissal && !accusation)
        || (negated && act.agent != Doer::None)
        || object_of_charge;
    (position, denial)
}

/// A `not-negating` phrase of uncertainty ("not clear whether", "not known if"): it states no
/// position, so an act row reads it as the negator it spells.
static UNCERTAIN: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^not (?:possible|clear|known|immediately clear|yet clear)\b")
        .expect("valid regex")
});

impl Positions {
    /// The first match of `negators` in `text` that no `not-negating` phrase holds ("no
    /// doubt", "not only"), among the phrases `counts` accepts.
    pub(super) fn negating<'t>(
        &self,
        negators: &Regex,
        text: &'t str,
        counts: impl Fn(&str) -> bool,
    ) -> Option<regex::Match<'t>> {
        let phrases: Vec<(usize, usize)> = self
            .not_negating
            .find_iter(text)
            .filter(|n| counts(n.as_str()))
            .map(|n| (n.start(), n.end()))
            .collect();
        negators.find_iter(text).find(|m| {
            !phrases
                .iter()
                .any(|&(s, e)| s <= m.start() && m.start() < e)
        })
    }
}

/// A negative quantifier as the clause's subject negates its predicate however far the act is
/// ("Neither of them has ever been employed by any intelligence service", "None of the crew
/// was armed").
static NEGATIVE_SUBJECT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\W*(?:neither|none|no one|nobody|not one|not a single one) (?:of|has|have|had|is|was|were|did|will)\b")
        .expect("valid regex")
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, DateValue, Span};

    #[test]
    fn foretelling_is_read_in_the_first_clause() {
        for (text, want) in [
            ("militants could strike again", true),
            ("the rebels will attack the town", true),
            ("the government could have ordered the attack", false),
            (
                "the state is responsible for the attack, but it remains unclear if the bloc will back joint action",
                false,
            ),
            ("the state is responsible; the bloc may act", false),
            ("they may strike again, but not soon", true),
            ("agents, while few in number, could carry out attacks on the harbour", true),
        ] {
            assert_eq!(foretells(text), want, "{text}");
        }
    }

    pub(super) fn claim(code: Option<&str>, cue: &str, text: &str, denial: bool) -> Claim {
        Claim {
            speaker: "someone".into(),
            speaker_span: None,
            actor: None,
            actor_code: code.map(str::to_string),
            country: code.and_then(|c| actors::ActorCode::new(c).prefix().map(str::to_string)),
            cue: cue.into(),
            cue_span: None,
            kind: crate::model::ClaimKind::Indirect,
            text: text.into(),
            span: Span::new(0, text.len()),
            sentence: text.into(),
            sentence_span: Span::new(0, text.len()),
            date: DateValue::unknown(),
            frame: None,
            polarity: Stance::Neutral,
            hedge: None,
            target: None,
            figures: vec![],
            denial,
            confidence: 0.9,
        }
    }

    /// A clause starts after its stop, a dash (three bytes) included, and ends at the next one:
    /// real copy sets a dash between two clauses ("a crew of 23 — and no injuries").
    #[test]
    fn clause_bounds_past_a_dash() {
        let text = "The ferry has a crew of 23 — and there were no reports of injuries";
        let at = text.find("no reports").unwrap();
        assert_eq!(
            &text[clause_start(text, at)..],
            " and there were no reports of injuries"
        );
        let at = text.find("crew").unwrap();
        assert_eq!(&text[..clause_end(text, at)], "The ferry has a crew of 23 ");
        assert_eq!(clause_start("no stop here", 5), 0);
        // A whole claim with a dash reads without a panic.
        let _ = of_claim(&claim(Some("GBRGOV"), "said", text, false));
    }

    /// A claim of two sentences is two clauses: a negator in the first negates nothing in the
    /// second. An initial or a title ("U.S. President", "Gen. Lee") ends no sentence.
    #[test]
    fn a_sentence_ends_a_clause() {
        let text = "This was not the crew's fault. Moscow bears full responsibility";
        let at = text.find("responsibility").unwrap();
        assert_eq!(
            &text[clause_start(text, at)..],
            "Moscow bears full responsibility"
        );
        let at = text.find("fault").unwrap();
        assert_eq!(
            &text[..clause_end(text, at)],
            "This was not the crew's fault."
        );
        let text = "the U.S. President and Gen. Lee did not order the strike";
        let at = text.find("order").unwrap();
        assert_eq!(clause_start(text, at), 0);
        // The act may open the sentence, or end on its stop; a title written short ends none.
        let text = "This was not our doing. Responsibility lies with Moscow";
        let at = text.find("Responsibility").unwrap();
        assert_eq!(clause_start(text, at), at);
        let text = "We do not know who is responsible. Iran called for calm";
        let end = text.find("responsible").unwrap() + "responsible".len();
        assert_eq!(
            &text[..clause_end(text, end)],
            "We do not know who is responsible."
        );
        let text = "It was not the unit under Brig. Gen. Hajizadeh that fired";
        assert_eq!(clause_start(text, text.find("fired").unwrap()), 0);
        let r = "responsible";
        let cases: &[Case] = &[
            (
                "IGONAT",
                "said",
                "This is not the pilots' fault. Moscow bears ultimate responsibility for the blast",
                false,
                Some((r, Some("RUS"), 1)),
            ),
            (
                "IGONAT",
                "said",
                "Moscow bears no responsibility. The pilots are at fault",
                false,
                Some((r, Some("RUS"), -1)),
            ),
        ];
        check_table(cases);
    }

    /// Blame for an event is blame for the act: "blamed Moscow for the incident" asserts
    /// responsibility, as "for the attack" does; calling the other account a conspiracy
    /// theory or a mantra rejects it. Invented sentences.
    #[test]
    fn blame_for_an_event_and_accounts_dismissed() {
        let r = "responsible";
        let cases: &[Case] = &[
            (
                "POLGOV",
                "blamed",
                "Moscow for the incident",
                false,
                Some((r, Some("RUS"), 1)),
            ),
            (
                "POLGOV",
                "blamed",
                "Moscow for the tragedy at the border",
                false,
                Some((r, Some("RUS"), 1)),
            ),
            (
                "RUSGOV",
                "said",
                "Western capitals keep repeating a mantra that Moscow is to blame",
                false,
                Some((r, Some("RUS"), -1)),
            ),
            (
                "UKRGOV",
                "said",
                "Moscow now promotes a conspiracy theory that Kyiv was involved",
                false,
                Some((r, Some("UKR"), -1)),
            ),
        ];
        check_table(cases);
    }

    /// Whose weapon did it: the party named on the weapon is the doer of what it did, in the
    /// passive ("brought down by a Chilean missile") and as the subject ("Chilean rockets struck
    /// the depot"); "it was not our missile" denies it for the speaker; "impossible that" negates.
    /// Invented sentences.
    #[test]
    fn the_party_named_on_a_weapon_did_what_it_did() {
        let r = "responsible";
        let cases: &[Case] = &[
            (
                "PERGOV",
                "said",
                "the airliner was most likely brought down by a Chilean surface-to-air missile",
                false,
                Some((r, Some("CHL"), 1)),
            ),
            (
                "PERGOV",
                "said",
                "the blast at the depot was caused by a Chilean air defence missile",
                false,
                Some((r, Some("CHL"), 1)),
            ),
            (
                "PERGOV",
                "said",
                "Chilean rockets struck the depot, killing two guards",
                false,
                Some((r, Some("CHL"), 1)),
            ),
            (
                "PERGOV",
                "said",
                "a Chilean interceptor went astray and landed across the border",
                false,
                Some((r, Some("CHL"), 1)),
            ),
            (
                "CHLGOV",
                "said",
                "I have no doubt that this was not our missile",
                false,
                Some((r, Some("CHL"), -1)),
            ),
            (
                "CHLGOV",
                "said",
                "it is impossible that a missile hit the airliner",
                false,
                Some((r, Some("CHL"), -1)),
            ),
            (
                "CHLGOV",
                "said",
                "the airliner was not hit by a missile",
                false,
                Some((r, Some("CHL"), -1)),
            ),
            (
                "CHLGOV",
                "said",
                "it wasn't our missile",
                false,
                Some((r, Some("CHL"), -1)),
            ),
            // No party named on the weapon: no doer, and the speaker is not taken for one.
            (
                "CANGOV",
                "said",
                "our intelligence shows a missile hit the plane",
                false,
                None,
            ),
            (
                "UKRGOV",
                "said",
                "It was a missile strike, not a gas leak",
                false,
                None,
            ),
        ];
        check_table(cases);
    }

    /// (speaker code, cue, content, denial cue) -> (act, agent, position)
    fn check(
        code: &str,
        cue: &str,
        text: &str,
        denial: bool,
        expect: Option<(&str, Option<&str>, i8)>,
    ) {
        let p = of_claim(&claim(Some(code), cue, text, denial));
        let got = p
            .as_ref()
            .map(|p| (p.act.as_str(), p.agent.as_deref(), p.position.as_i8()));
        assert_eq!(got, expect, "{text}");
    }

    /// Harm rows: whether an attack killed, hurt or destroyed; the killed written before a
    /// passive verb are no doer, a party named as the place is none, a subject of an active
    /// verb or a party after "by" is. Invented sentences.
    #[test]
    fn harm_claims() {
        let h = "harm";
        let cases: &[Case] = &[
            (
                "PERGOV",
                "said",
                "a large number of militants were killed in the raid",
                false,
                Some((h, None, 1)),
            ),
            (
                "PERGOV",
                "said",
                "the training camp was destroyed",
                false,
                Some((h, None, 1)),
            ),
            (
                "PERMIL",
                "said",
                "our jets hit their intended targets",
                false,
                Some((h, Some("PER"), 1)),
            ),
            (
                "CHLGOV",
                "said",
                "there were no casualties or damage on the ground",
                false,
                Some((h, None, -1)),
            ),
            (
                "CHLGOV",
                "denied",
                "that anyone had been killed",
                true,
                Some((h, None, -1)),
            ),
            (
                "CHLGOV",
                "said",
                "nobody was hurt and the school remains intact",
                false,
                Some((h, None, -1)),
            ),
            (
                "PERMIL",
                "said",
                "its jets struck only rebel positions and no civilians were harmed",
                false,
                Some((h, None, -1)),
            ),
            (
                "CHLGOV",
                "said",
                "the bombs missed their target and fell in a forest",
                false,
                Some((h, None, -1)),
            ),
            (
                "CHLGOV",
                "said",
                "Peruvian jets killed two shepherds near the village",
                false,
                Some((h, Some("PER"), 1)),
            ),
            (
                "PERGOV",
                "said",
                "its warplanes struck a camp inside Chile, killing dozens of fighters",
                false,
                Some((h, None, 1)),
            ),
            (
                "CHLGOV",
                "said",
                "three farmers were wounded by Peruvian shelling",
                false,
                Some((h, Some("PER"), 1)),
            ),
            // an agreement's "dead" is no harm, nor an active "destroyed" (a demolition)
            (
                "PERGOV",
                "said",
                "the agreement is not dead as far as we are concerned",
                false,
                None,
            ),
            (
                "PERGOV",
                "said",
                "the army destroyed the old customs sheds",
                false,
                None,
            ),
        ];
        check_table(cases);
    }

    /// Responsibility rows added in the thirty-fifth round: a party's operation or plot names
    /// the doer by its demonym; a negated "fire" at a target denies the act. Invented sentences.
    #[test]
    fn operations_and_negated_fire() {
        let cases: &[Case] = &[
            (
                "PERGOV",
                "said",
                "the raid on the depot was an Ecuadorian operation",
                false,
                Some(("responsible", Some("ECU"), 1)),
            ),
            (
                "ECUGOV",
                "said",
                "the raid on the depot was not an Ecuadorian operation",
                false,
                Some(("responsible", Some("ECU"), -1)),
            ),
            (
                "ECUGOV",
                "said",
                "its forces did not fire any missiles at the depot",
                false,
                Some(("responsible", Some("ECU"), -1)),
            ),
            (
                "ECUGOV",
                "said",
                "its ships did not fire on the fishing boats",
                false,
                Some(("responsible", Some("ECU"), -1)),
            ),
            // an operation under way names no act of which it is the doer
            (
                "PERGOV",
                "said",
                "there is an Ecuadorian operation under way near the border",
                false,
                None,
            ),
            // an operation of one's own army that names no act on anyone: no party named
            (
                "PERGOV",
                "said",
                "the army began a military operation in the north",
                false,
                None,
            ),
        ];
        check_table(cases);
    }

    /// A truce that collapsed is the opposite of one holding; talks making progress move
    /// towards the agreement that stalled talks do not. Invented sentences.
    #[test]
    fn truce_collapse_and_talks_progress() {
        let cases: &[Case] = &[
            (
                "PERGOV",
                "said",
                "the ceasefire has collapsed",
                false,
                Some(("hold", None, -1)),
            ),
            (
                "PERGOV",
                "said",
                "the truce broke down within hours",
                false,
                Some(("hold", None, -1)),
            ),
            (
                "PERGOV",
                "said",
                "the collapse of the ceasefire was the rebels' doing",
                false,
                Some(("hold", None, -1)),
            ),
            (
                "PERGOV",
                "said",
                "the ceasefire is largely holding",
                false,
                Some(("hold", None, 1)),
            ),
            (
                "PERGOV",
                "said",
                "the talks were making good progress",
                false,
                Some(("agree", None, 1)),
            ),
            (
                "PERGOV",
                "said",
                "it will be hard for the talks to make progress",
                false,
                None,
            ),
            (
                "PERGOV",
                "said",
                "aid will enter before the end of the ceasefire on Sunday",
                false,
                None,
            ),
            (
                "ECUGOV",
                "said",
                "the talks had stalled",
                false,
                Some(("agree", None, -1)),
            ),
        ];
        check_table(cases);
    }

    /// Detention rows: spying as the predicate (not a noun naming someone), hostage-taking
    /// with the clause's subject as the holder (a demonym in the object is the captives'
    /// origin), and a negative subject negating however far the act is. Invented sentences.
    #[test]
    fn spying_and_hostage_charges() {
        let cases: &[Case] = &[
            ("VENGOV", "said", "the two Spaniards were caught spying near an oil refinery", false, Some(("spy", None, 1))),
            ("ESPGOV", "rejected", "the espionage charge as baseless", true, Some(("spy", None, -1))),
            ("ESPGOV", "said", "Neither of the engineers has ever worked for any Spanish government body, let alone an intelligence agency", false, Some(("spy", None, -1))),
            ("VENGOV", "said", "the men are foreign intelligence officers", false, Some(("spy", None, 1))),
            ("ESPGOV", "said", "Venezuela is holding three Spanish engineers as bargaining chips", false, Some(("hostage", Some("VEN"), 1))),
            ("VENGOV", "said", "Venezuela does not take hostages", false, Some(("hostage", Some("VEN"), -1))),
            // a noun naming someone states nothing about spying
            ("LTUGOV", "said", "the former spy was found unconscious in Vilnius", false, None),
            ("USAGOV", "said", "the expelled intelligence officers had left the country", false, None),
            // a craft's errand is no charge of spying: where it flew is the question
            // "its territory" is a state's, the speaker's: a craft owns no territory
            ("GRCGOV", "said", "the plane was on a spy mission over its territory", false, Some(("located", Some("GRC"), 1))),
            ("ECUGOV", "said", "Peruvian warships had entered its territorial waters", false, Some(("located", Some("ECU"), 1))),
            ("GRCGOV", "said", "the engineer was a spy for Ankara", false, Some(("spy", None, 1))),
            ("GRCGOV", "said", "the two men were spies", false, Some(("spy", None, 1))),
            ("GRCGOV", "said", "the patrol boat penetrated Greek territorial waters", false, Some(("located", Some("GRC"), 1))),
            // a new clause after "that" has its own subject
            ("USAGOV", "said", "Washington believed that Russian agents carried out the attack", false, Some(("responsible", Some("RUS"), 1))),
            // complicity, launching an attack and firing a missile name the doer too
            ("ESPGOV", "said", "Venezuelan troops were complicit in the shelling", false, Some(("responsible", Some("VEN"), 1))),
            ("VENGOV", "said", "it did not launch any rocket attack on the port", false, Some(("responsible", Some("VEN"), -1))),
            ("VENGOV", "said", "Caracas had not initiated an attack on the refinery", false, Some(("responsible", Some("VEN"), -1))),
            ("ESPGOV", "said", "Venezuela fired the missile from a ship", false, Some(("responsible", Some("VEN"), 1))),
            // a missile fired at no named doer states no one's act; an investigation or a
            // labour strike launched is no attack
            ("ESPGOV", "said", "a missile was fired at the port", false, None),
            ("ESPGOV", "said", "Venezuela launched an investigation into attacks on the port", false, None),
            ("ESPGOV", "said", "the dockers launched a strike at the port", false, None),
            // using banned weapons, or a missile to strike, names the doer; a use written as a
            // noun ("over the alleged use of chemical agents") names none
            ("ESPGOV", "said", "Venezuelan forces used chemical weapons in the port", false, Some(("responsible", Some("VEN"), 1))),
            ("ESPGOV", "said", "Caracas used a short-range ballistic missile to strike the port", false, Some(("responsible", Some("VEN"), 1))),
            ("ESPGOV", "said", "it would act over the alleged use of chemical agents in the port", false, None),
            // any weapon used to strike, a cleft naming the doer, a strike delivered
            ("ESPGOV", "said", "Venezuela's military used U.S.-supplied rocket launchers to strike the camp", false, Some(("responsible", Some("VEN"), 1))),
            ("ESPGOV", "said", "it was the Venezuelan army who hit the camp with rockets", false, Some(("responsible", Some("VEN"), 1))),
            ("ESPGOV", "said", "Venezuela delivered a missile strike on the depot", false, Some(("responsible", Some("VEN"), 1))),
            ("ESPGOV", "said", "the dockers used the weekend to strike for higher pay", false, None),
            // an intention to use them is no act; a denial of use is
            ("ESPGOV", "said", "Venezuela was preparing to use chemical weapons in the port", false, None),
            ("VENGOV", "said", "Venezuela did not use chemical weapons", false, Some(("responsible", Some("VEN"), -1))),
            // who holds the proof is no doer; "we have no evidence" speaks for the speaker
            ("ESPGOV", "said", "We have proof that the port was shelled", false, None),
        ];
        check_table(cases);
    }

    /// People held and let go (the holder is the doer when named; a statement or a video
    /// released is no release), armed groups sheltered, a meeting denied, a planned event put off, a place closed. Invented sentences.
    #[test]
    fn people_held_and_released_sheltered_and_met() {
        let r = "release";
        let cases: &[Case] = &[
            (
                "AZEGOV",
                "said",
                "Azerbaijan released the 12 Armenian soldiers on Thursday",
                false,
                Some((r, Some("AZE"), 1)),
            ),
            (
                "ARMMIL",
                "said",
                "the soldiers were still being held in Baku",
                false,
                Some((r, None, -1)),
            ),
            // the nationality of people still held is theirs, not the holder's
            (
                "AZEGOV",
                "said",
                "two Azerbaijani civilians remain detained in Armenia",
                false,
                Some((r, None, -1)),
            ),
            // not people: names, villages, an evacuation
            (
                "ARMGOV",
                "said",
                "the names of the soldiers were not released",
                false,
                None,
            ),
            (
                "SYRGOV",
                "said",
                "villages still held by Turkish troops were shelled",
                false,
                None,
            ),
            (
                "INDGOV",
                "said",
                "India returned 324 nationals from Wuhan",
                false,
                None,
            ),
            (
                "NORGOV",
                "said",
                "they have not been released",
                false,
                Some((r, None, -1)),
            ),
            (
                "ECUGOV",
                "said",
                "the crew members were freed on Sunday",
                false,
                Some((r, None, 1)),
            ),
            (
                "RUSGOV",
                "said",
                "Russia released a video of the soldiers",
                false,
                None,
            ),
            (
                "RUSGOV",
                "said",
                "the ministry released a statement on the prisoners",
                false,
                None,
            ),
            // sheltering armed groups: the host is the doer
            (
                "AFGGOV",
                "accused",
                "Pakistan of sheltering the militants",
                false,
                Some(("harbour", Some("PAK"), 1)),
            ),
            (
                "PAKGOV",
                "said",
                "there are no militants on Pakistani territory",
                false,
                Some(("harbour", Some("PAK"), -1)),
            ),
            (
                "PAKGOV",
                "said",
                "the army will protect civilians from the militants",
                false,
                None,
            ),
            (
                "PAKGOV",
                "said",
                "the camps are safe havens for refugees",
                false,
                None,
            ),
            (
                "PAKGOV",
                "said",
                "families sheltered from the militants in the mosque",
                false,
                None,
            ),
            // no such meeting; a meeting of minds is none
            (
                "ECUGOV",
                "said",
                "no such meeting had taken place",
                false,
                Some(("meet", None, -1)),
            ),
            (
                "ECUGOV",
                "said",
                "there was no meeting of minds on the border",
                false,
                None,
            ),
            // a planned event put off or held as planned
            (
                "PERGOV",
                "said",
                "the peace talks with Ecuador had been postponed",
                false,
                Some(("schedule", None, -1)),
            ),
            (
                "ECUGOV",
                "said",
                "the talks would go ahead as planned",
                false,
                Some(("schedule", None, 1)),
            ),
            (
                "ECUGOV",
                "said",
                "the summit remains on schedule",
                false,
                Some(("schedule", None, 1)),
            ),
            (
                "ECUGOV",
                "said",
                "the talks took place in a good atmosphere",
                false,
                None,
            ),
            // a place closed or open
            (
                "PERGOV",
                "said",
                "Ecuador had closed the border crossing at Huaquillas",
                false,
                Some(("closed", Some("ECU"), 1)),
            ),
            (
                "ECUGOV",
                "said",
                "the border crossing at Huaquillas remained open",
                false,
                Some(("closed", None, -1)),
            ),
            (
                "ECUGOV",
                "said",
                "the talks were held behind closed doors",
                false,
                None,
            ),
            (
                "ECUGOV",
                "said",
                "Ecuador backs an open border policy",
                false,
                None,
            ),
            (
                "ECUGOV",
                "said",
                "factories in the economic zone near the port were closed",
                false,
                None,
            ),
        ];
        check_table(cases);
    }

    /// Arming another party and keeping forces in a place: the supplier and the troops' owner
    /// are the doers, whoever receives the weapons or whose land it is. Invented sentences.
    #[test]
    fn arming_and_forces_in_place() {
        let (s, d) = ("supply", "deploy");
        let cases: &[Case] = &[
            // arming, asserted and denied
            (
                "COLGOV",
                "said",
                "Venezuela has been shipping drones and rifles to the guerrillas",
                false,
                Some((s, Some("VEN"), 1)),
            ),
            (
                "COLGOV",
                "said",
                "arms deliveries from Venezuela reached the rebels every week",
                false,
                Some((s, Some("VEN"), 1)),
            ),
            (
                "VENGOV",
                "said",
                "Venezuela has never sent a single rifle to any armed group",
                false,
                Some((s, Some("VEN"), -1)),
            ),
            // a party's weapons reaching a group
            (
                "PERGOV",
                "insisted",
                "no Peruvian weapons had reached the rebels",
                false,
                Some((s, Some("PER"), -1)),
            ),
            (
                "ECUGOV",
                "said",
                "Peruvian rifles had ended up in the hands of the rebels",
                false,
                Some((s, Some("PER"), 1)),
            ),
            (
                "VENGOV",
                "denied",
                "arming the guerrillas",
                true,
                Some((s, Some("VEN"), -1)),
            ),
            (
                "VENGOV",
                "said",
                "we do not supply weapons to anyone fighting in Colombia",
                false,
                Some((s, Some("VEN"), -1)),
            ),
            // irregulars sent or hired are the sender's forces; a demonym before them is where
            // the men come from
            (
                "PERGOV",
                "said",
                "Ecuador had sent 2,000 Syrian fighters to the front",
                false,
                Some((d, Some("ECU"), 1)),
            ),
            (
                "ECUGOV",
                "said",
                "Ecuador has never sent Syrian mercenaries to the region",
                false,
                Some((d, Some("ECU"), -1)),
            ),
            (
                "PERGOV",
                "said",
                "Ecuador is using mercenaries in the conflict",
                false,
                Some((d, Some("ECU"), 1)),
            ),
            // the receiver is no supplier
            (
                "COLGOV",
                "said",
                "the rebels received missiles supplied by Venezuela",
                false,
                Some((s, Some("VEN"), 1)),
            ),
            // forces in place, and withdrawal
            (
                "GEOGOV",
                "said",
                "Russia has massed thousands of troops along the frontier",
                false,
                Some((d, Some("RUS"), 1)),
            ),
            (
                "GEOGOV",
                "said",
                "Russian tanks are still inside the valley",
                false,
                Some((d, Some("RUS"), 1)),
            ),
            (
                "AZEGOV",
                "said",
                "Armenian troops remained in the border area",
                false,
                Some((d, Some("ARM"), 1)),
            ),
            (
                "ARMMIL",
                "said",
                "Armenia withdrew its troops from the border area on Thursday",
                false,
                Some((d, Some("ARM"), -1)),
            ),
            (
                "RUSGOV",
                "said",
                "Russian units have returned to their permanent bases",
                false,
                Some((d, Some("RUS"), -1)),
            ),
            (
                "RUSGOV",
                "said",
                "Russia completed the withdrawal of its battalions on Sunday",
                false,
                Some((d, Some("RUS"), -1)),
            ),
            (
                "RUSGOV",
                "said",
                "there are no Russian soldiers in the valley",
                false,
                Some((d, Some("RUS"), -1)),
            ),
            (
                "RUSGOV",
                "said",
                "we have pulled our forces back after the drills",
                false,
                Some((d, Some("RUS"), -1)),
            ),
            (
                "RUSGOV",
                "said",
                "the Russian battalions have gone back to their places of permanent deployment",
                false,
                Some((d, Some("RUS"), -1)),
            ),
            // "have not left" is not read: a negator inside an antonym row's words does not
            // count (the row's own negative, "ended without agreement"), so "left" would read
            // the denial as a withdrawal; the row leaves it out
            // withdrawing a diplomat or from a treaty moves no forces
            (
                "RUSGOV",
                "said",
                "Russia withdrew its ambassador from Tbilisi",
                false,
                None,
            ),
            (
                "IRNGOV",
                "said",
                "Iran has completed the withdrawal of its ambassador",
                false,
                None,
            ),
            (
                "GBRGOV",
                "said",
                "Britain completed its withdrawal from the customs union",
                false,
                None,
            ),
            // people in hospital or a verb "forces" are no forces in place
            (
                "UKRGOV",
                "said",
                "two Ukrainian soldiers remain in hospital",
                false,
                None,
            ),
            (
                "UKRGOV",
                "said",
                "a Russian move that forces Ukraine to respond",
                false,
                None,
            ),
            // weapons inspectors, information or supplies running low are no arms delivered
            (
                "SYRGOV",
                "said",
                "Syria provided information on chemical weapons to the inspectors",
                false,
                None,
            ),
            (
                "IGOUNO",
                "said",
                "the UN sent weapons inspectors to Baghdad",
                false,
                None,
            ),
            // a list after the weapons is still a delivery
            (
                "VENGOV",
                "said",
                "Venezuela has never supplied weapons, equipment or training to any armed group",
                false,
                Some((s, Some("VEN"), -1)),
            ),
            (
                "UKRGOV",
                "said",
                "Ukraine is running low on missile supplies",
                false,
                None,
            ),
            // "abided by" is no passive: its subject keeps the truce
            (
                "RUSGOV",
                "said",
                "Russia has strictly abided by the ceasefire",
                false,
                Some(("hold", Some("RUS"), 1)),
            ),
            // a generic camp names no country: not the rebels or army of another story
            (
                "MLIGOV",
                "said",
                "the rebels had attacked a convoy near the river",
                false,
                None,
            ),
            (
                "MLIGOV",
                "said",
                "government forces shelled the village",
                false,
                None,
            ),
            (
                "MLIGOV",
                "said",
                "Government forces shelled the village",
                false,
                None,
            ),
        ];
        check_table(cases);
    }

    /// Whether a party was told of a step in advance: the telling, not who told, is the
    /// question. Invented sentences.
    #[test]
    fn advance_notice_given_and_denied() {
        let n = "notify";
        let cases: &[Case] = &[
            // "inform X of" in any form; "did not inform" denies
            (
                "PERGOV",
                "said",
                "Santiago did not inform Lima of the warships sailing through the channel",
                false,
                Some((n, None, -1)),
            ),
            (
                "CHLGOV",
                "said",
                "the ministry informed the port authority of the transit",
                false,
                Some((n, None, 1)),
            ),
            (
                "CHLGOV",
                "said",
                "the navy will inform the families of the crew",
                false,
                None,
            ),
            // warnings given or ignored, a passive "warned"; the active verb is a threat
            (
                "PERGOV",
                "said",
                "the ships ignored repeated radio warnings",
                false,
                Some((n, None, 1)),
            ),
            (
                "CHLGOV",
                "said",
                "its ships were never warned",
                false,
                Some((n, None, -1)),
            ),
            (
                "CHLGOV",
                "said",
                "the crew received no warning",
                false,
                Some((n, None, -1)),
            ),
            (
                "PERGOV",
                "said",
                "Lima had warned Santiago against the exercise",
                false,
                None,
            ),
            (
                "PERGOV",
                "said",
                "Santiago was warned against further exercises",
                false,
                None,
            ),
            (
                "PERGOV",
                "said",
                "Lima issued a stern warning to Santiago",
                false,
                None,
            ),
            (
                "CHLGOV",
                "said",
                "it had informed Lima of the naval exercise in advance",
                false,
                Some((n, None, 1)),
            ),
            (
                "PERGOV",
                "said",
                "it was never notified of the exercise",
                false,
                Some((n, None, -1)),
            ),
            (
                "PERGOV",
                "said",
                "the ships entered the bay without any warning",
                false,
                Some((n, None, -1)),
            ),
            (
                "PERMIL",
                "said",
                "the navy received no advance notice of the manoeuvres",
                false,
                Some((n, None, -1)),
            ),
            (
                "CHLGOV",
                "said",
                "the embassy had been informed beforehand",
                false,
                Some((n, None, 1)),
            ),
            // a threat is no notice; "informed sources" tell nobody anything
            (
                "CHLGOV",
                "said",
                "it warned Lima against any incursion",
                false,
                None,
            ),
            (
                "CHLGOV",
                "said",
                "well-informed sources expect a deal",
                false,
                None,
            ),
        ];
        check_table(cases);
    }

    /// Two notices meet only about one step: a content word besides the notice's own words.
    #[test]
    fn notices_about_one_step() {
        let cases: &[(&str, &str, bool)] = &[
            (
                "it had informed Lima of the naval exercise in advance",
                "it was never notified of the exercise",
                true,
            ),
            (
                "it had informed its partners of the decision in advance",
                "it was never notified of the naval exercise",
                false,
            ),
        ];
        for (a, b, want) in cases {
            let p = of_claim(&claim(Some("CHLGOV"), "said", a, false)).expect(a);
            let q = of_claim(&claim(Some("PERGOV"), "said", b, false)).expect(b);
            let (x, y) = (
                super::super::select::content_stems(a),
                super::super::select::content_stems(b),
            );
            assert_eq!(one_step(&p, &q, || (&x, &y)), *want, "{a} / {b}");
        }
    }

    /// Whether a person left a building: no doer, the place says which departure.
    #[test]
    fn leaving_a_place() {
        let l = "leave";
        let cases: &[Case] = &[
            (
                "PERGOV",
                "said",
                "the colonel left the embassy by a side door",
                false,
                Some((l, None, 1)),
            ),
            (
                "ECUGOV",
                "said",
                "the colonel never came out of the embassy",
                false,
                Some((l, None, -1)),
            ),
            (
                "ECUGOV",
                "said",
                "the colonel is still inside the embassy",
                false,
                Some((l, None, -1)),
            ),
            // leaving talks or a country's politics is no departure from a building
            (
                "ECUGOV",
                "said",
                "the delegation left the talks early",
                false,
                None,
            ),
        ];
        check_table(cases);
        let stems = super::super::select::content_stems;
        let (a, b, c) = (
            "the colonel left the embassy by a side door",
            "the colonel never came out of the embassy",
            "the envoy never left the consulate",
        );
        let prop = |t: &str| of_claim(&claim(Some("PERGOV"), "said", t, false)).expect(t);
        let (sa, sb, sc) = (stems(a), stems(b), stems(c));
        assert!(one_step(&prop(a), &prop(b), || (&sa, &sb)));
        assert!(!one_step(&prop(a), &prop(c), || (&sa, &sc)));
    }

    /// Whether the parties met at all, and whether people were in danger: states of affairs
    /// with no doer, asserted and denied. Invented sentences.
    #[test]
    fn meetings_held_and_people_in_danger() {
        let (m, d) = ("meet", "danger");
        let cases: &[Case] = &[
            (
                "PERGOV",
                "said",
                "the two delegations had held four rounds of talks in Quito since March",
                false,
                Some((m, None, 1)),
            ),
            (
                "ECUGOV",
                "said",
                "officials of both countries have met twice this month",
                false,
                Some((m, None, 1)),
            ),
            (
                "PERGOV",
                "said",
                "there have been no meetings, not in Quito and not anywhere else",
                false,
                Some((m, None, -1)),
            ),
            (
                "PERGOV",
                "said",
                "Lima is not engaged in negotiations of any kind with Quito",
                false,
                Some((m, None, -1)),
            ),
            (
                "ITAGOV",
                "said",
                "the passengers were in grave danger when the boat was found",
                false,
                Some((d, None, 1)),
            ),
            (
                "MLTGOV",
                "said",
                "the fishing boat was never in distress",
                false,
                Some((d, None, -1)),
            ),
            (
                "ITAGOV",
                "said",
                "the crew had been left to drown",
                false,
                Some((d, None, 1)),
            ),
            // a truce or a plan at risk is no people in danger; "met" with resistance is no
            // meeting; talks held but failed: the failure is the point
            ("ITAGOV", "said", "the ceasefire is at risk", false, None),
            (
                "ITAGOV",
                "said",
                "the proposal has met with fierce resistance",
                false,
                None,
            ),
            (
                "ITAGOV",
                "said",
                "the two sides held talks in Rome but failed to reach an agreement",
                false,
                Some(("agree", None, -1)),
            ),
        ];
        check_table(cases);
    }

    /// Access and keeping an agreement: rows of their own, so a nuclear or aid dispute is not
    /// read as a truce, and "comply with the ultimatum" stays a demand. Invented sentences.
    #[test]
    fn access_and_keeping_agreements() {
        let cases: &[Case] = &[
            (
                "NORGOV",
                "said",
                "Russia had blocked the monitors from two depots",
                false,
                Some(("access", Some("RUS"), -1)),
            ),
            (
                "NORGOV",
                "said",
                "Moscow denied our consul access to the crew",
                false,
                Some(("access", Some("RUS"), -1)),
            ),
            (
                "RUSGOV",
                "said",
                "the monitors had full and unhindered access to every depot",
                false,
                Some(("access", None, 1)),
            ),
            (
                "RUSGOV",
                "said",
                "Russia has granted the observers access to the port",
                false,
                Some(("access", Some("RUS"), 1)),
            ),
            // a consul seeing a detainee is access too; the party named is the one whose
            // diplomats go in, on both sides of the dispute
            (
                "RUSGOV",
                "said",
                "Norwegian diplomats had been allowed a consular meeting with the detainee",
                false,
                Some(("access", Some("NOR"), 1)),
            ),
            // access granted, said in the passive with no party named
            (
                "RUSGOV",
                "said",
                "consular access had been granted to the detained engineer",
                false,
                Some(("access", None, 1)),
            ),
            (
                "NORGOV",
                "said",
                "our Norwegian embassy has not been able to visit him",
                false,
                Some(("access", Some("NOR"), -1)),
            ),
            (
                "NORGOV",
                "said",
                "Russia is in clear breach of its obligations under the treaty",
                false,
                Some(("comply", Some("RUS"), -1)),
            ),
            (
                "RUSGOV",
                "said",
                "Russia had not violated the fisheries agreement",
                false,
                Some(("comply", Some("RUS"), 1)),
            ),
            (
                "RUSGOV",
                "said",
                "every step we have taken is within the terms of the agreement",
                false,
                Some(("comply", Some("RUS"), 1)),
            ),
            (
                "NORGOV",
                "said",
                "Russia refused to comply with the ultimatum",
                false,
                Some(("answer", Some("RUS"), -1)),
            ),
            // unfair trade, and a dismissal of it
            (
                "EUGOV",
                "said",
                "Turkish steelmakers benefit from unfair subsidies",
                false,
                Some(("subsidise", Some("TUR"), 1)),
            ),
            (
                "TURGOV",
                "said",
                "the so-called subsidies are a fabrication",
                false,
                Some(("subsidise", None, -1)),
            ),
            (
                "TURGOV",
                "said",
                "our cost advantage is down to scale, not state aid",
                false,
                Some(("subsidise", None, -1)),
            ),
            // a truce is still a truce
            (
                "NORGOV",
                "said",
                "the ceasefire was violated twice overnight",
                false,
                Some(("hold", None, -1)),
            ),
        ];
        check_table(cases);
    }

    /// A craft's errand (spying or civilian) and a use of force judged excessive or a
    /// sovereignty violated: the rows that read them, and the words they leave to others.
    /// Invented copy.
    #[test]
    fn errands_of_crafts_and_excess_of_force() {
        let cases: &[Case] = &[
            (
                "PERGOV",
                "said",
                "the aircraft was a spy plane",
                false,
                Some(("purpose", None, 1)),
            ),
            (
                "PERGOV",
                "said",
                "the drone had been gathering intelligence on our bases",
                false,
                Some(("purpose", None, 1)),
            ),
            // a platform is a craft too, and a craft may be one of a fleet
            (
                "PERGOV",
                "said",
                "there was no doubt the craft was a surveillance platform",
                false,
                Some(("purpose", None, 1)),
            ),
            (
                "PERGOV",
                "said",
                "the airship was part of a fleet of surveillance balloons run by the navy",
                false,
                Some(("purpose", None, 1)),
            ),
            // antennas that collect signals gather intelligence; a civilian platform is a
            // business, and equipment "for surveillance" needs a craft named
            (
                "PERGOV",
                "said",
                "the balloon had antennas capable of collecting communications signals",
                false,
                Some(("purpose", None, 1)),
            ),
            (
                "ECUGOV",
                "said",
                "the app is a commercial platform used by millions",
                false,
                None,
            ),
            // an open question takes no position
            (
                "PERGOV",
                "said",
                "it was not immediately clear whether the craft was a surveillance platform",
                false,
                None,
            ),
            (
                "PERGOV",
                "said",
                "the new cameras are for surveillance of the border crossings",
                false,
                None,
            ),
            // the place a deed was done in is no doer of it: the speaker's own flight
            (
                "ECUGOV",
                "said",
                "the flight over Peru was entirely accidental",
                false,
                Some(("intend", Some("ECU"), -1)),
            ),
            (
                "ECUGOV",
                "said",
                "the balloon is a civilian airship used mainly for meteorological research",
                false,
                Some(("purpose", None, -1)),
            ),
            (
                "ECUGOV",
                "said",
                "the trawler was an ordinary fishing boat",
                false,
                Some(("purpose", None, -1)),
            ),
            // a negation turns the civilian errand
            (
                "PERGOV",
                "said",
                "the object was not a weather balloon",
                false,
                Some(("purpose", None, 1)),
            ),
            // a craft named by its errand on the way to another point states no errand
            (
                "PERGOV",
                "said",
                "the surveillance drone crashed into the sea",
                false,
                None,
            ),
            // civilians are not a craft
            (
                "PERGOV",
                "said",
                "there were civilian casualties in the town",
                false,
                Some(("harm", None, 1)),
            ),
            (
                "ECUGOV",
                "said",
                "Peru clearly overreacted by shooting down the drone",
                false,
                Some(("lawful", Some("PER"), -1)),
            ),
            (
                "ECUGOV",
                "said",
                "the flight was a violation of Ecuador's sovereignty",
                false,
                Some(("located", Some("ECU"), 1)),
            ),
            (
                "GBRGOV",
                "said",
                "it showed Peruvian contempt for international norms",
                false,
                Some(("lawful", Some("PER"), -1)),
            ),
        ];
        check_table(cases);
    }

    /// (speaker code, cue, content, denial cue, expected (act, agent, position)).
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        bool,
        Option<(&'static str, Option<&'static str>, i8)>,
    );

    fn check_table(cases: &[Case]) {
        for (code, cue, text, denial, want) in cases {
            check(code, cue, text, *denial, *want);
        }
    }

    #[test]
    fn accusations_and_denials_of_responsibility() {
        let r = "responsible";
        check(
            "GBRGOV",
            "said",
            "Russia was behind the attack on the pipeline",
            false,
            Some((r, Some("RUS"), 1)),
        );
        check(
            "IRNGOV",
            "said",
            "Iran had no role in the bombing of the pipeline",
            false,
            Some((r, Some("IRN"), -1)),
        );
        check(
            "USAGOV",
            "said",
            "Iran played a role in the attacks",
            false,
            Some((r, Some("IRN"), 1)),
        );
        check(
            "RUSGOV",
            "denied",
            "the involvement of the Russian government",
            true,
            Some((r, Some("RUS"), -1)),
        );
        check(
            "GBRGOV",
            "said",
            "it was overwhelmingly likely that the Russian president had personally handed down orders to use the agent",
            false,
            Some((r, Some("RUS"), 1)),
        );
        check(
            "RUSGOV",
            "said",
            "Russia has nothing to do with this story",
            false,
            Some((r, Some("RUS"), -1)),
        );
        check(
            "RUSGOV",
            "said",
            "it was not responsible for the sinking",
            false,
            Some((r, Some("RUS"), -1)),
        );
        // Evidence found wanting doubts the act it was to prove.
        check(
            "DEUGOV",
            "said",
            "a video released by Washington is insufficient evidence to prove Russia was behind the attack",
            false,
            Some((r, Some("RUS"), -1)),
        );
        check(
            "CHNGOV",
            "dismissed",
            "the report as a smear campaign",
            true,
            Some((r, Some("CHN"), -1)),
        );
        // Ridicule of the proceedings takes no position on the act; of the charge itself it
        // rejects it.
        check(
            "IRNGOV",
            "said",
            "this is pure theatre in the Security Council",
            false,
            None,
        );
        check(
            "IRNGOV",
            "said",
            "the allegations are a farce",
            false,
            Some((r, Some("IRN"), -1)),
        );
        check(
            "RUSGOV",
            "said",
            "it's nonsense that Russia would do such a thing",
            false,
            Some((r, Some("RUS"), -1)),
        );
        check(
            "USAGOV",
            "accused",
            "Iran of the attack on the tanker",
            false,
            Some((r, Some("IRN"), 1)),
        );
        check(
            "FRAGOV",
            "said",
            "there is no plausible alternative explanation",
            false,
            None,
        );
        check(
            "GBRGOV",
            "said",
            "a robust response if evidence of state responsibility emerges",
            false,
            None,
        );
        check(
            "USAGOV",
            "expressed",
            "skepticism that the two could reach a deal",
            false,
            Some(("agree", None, -1)),
        );
    }

    #[test]
    fn a_correction_is_no_concession() {
        let cases: &[(&str, bool)] = &[
            (
                "there are some incidents, but the pause is largely respected",
                true,
            ),
            ("the talks are difficult but still going", true),
            ("the truce is not flawless but largely holding", true),
            ("they were not spies, but journalists", false),
            (
                "the building was not a military target but a hospital",
                false,
            ),
            ("the men were not Ecuadorean agents but smugglers", false),
            ("the truce is not perfect but largely holding", true),
            (
                "the two journalists were not spies but reporters on assignment",
                false,
            ),
            ("the blast was not an attack but an accident", false),
            // a correction and a concession in one claim: the concession counts
            (
                "they were not spies but reporters, although one had served in the army",
                true,
            ),
            // an adjective in -ous is no plural noun
            ("the situation is not dangerous but tense", true),
        ];
        for &(text, expect) in cases {
            assert_eq!(concedes(text), expect, "{text}");
        }
    }

    #[test]
    fn harm_done_by_a_named_party() {
        let r = "responsible";
        // Saying a party attacked, seized, shot down or hacked something holds it responsible.
        type Expect<'a> = Option<(&'a str, Option<&'a str>, i8)>;
        let cases: &[(&str, &str, &str, Expect)] = &[
            (
                "USAGOV",
                "said",
                "Iranian forces seized the freighter in the strait",
                Some((r, Some("IRN"), 1)),
            ),
            (
                "IRNGOV",
                "said",
                "our navy never fired on the patrol boat",
                Some((r, Some("IRN"), -1)),
            ),
            (
                "UKRGOV",
                "said",
                "Russian hackers attacked the power grid",
                Some((r, Some("RUS"), 1)),
            ),
            (
                "CHNGOV",
                "said",
                "China did not shoot down the balloon",
                Some((r, Some("CHN"), -1)),
            ),
            (
                "CHNGOV",
                "said",
                "China has not shot down any aircraft",
                Some((r, Some("CHN"), -1)),
            ),
            // A bare verb after a negation or an auxiliary.
            (
                "VENGOV",
                "said",
                "Venezuela did not attack any fishing boat",
                Some((r, Some("VEN"), -1)),
            ),
            (
                "VENGOV",
                "said",
                "Venezuela didn't attack the trawler",
                Some((r, Some("VEN"), -1)),
            ),
            (
                "ETHGOV",
                "said",
                "Ethiopian jets would never strike a clinic",
                Some((r, Some("ETH"), -1)),
            ),
            // A quoted fragment inside the phrase is the same phrase.
            (
                "VENGOV",
                "said",
                "Caracas had \"nothing to do with\" the sinking",
                Some((r, Some("VEN"), -1)),
            ),
            (
                "VENGOV",
                "said",
                "Caracas had “nothing to do” with the sinking",
                Some((r, Some("VEN"), -1)),
            ),
            // "destroyed" and "planted" with a craft or a device after them.
            (
                "NORGOV",
                "said",
                "Russian air defences destroyed an unarmed Norwegian drone",
                Some((r, Some("RUS"), 1)),
            ),
            (
                "ESTGOV",
                "said",
                "Russian agents had planted malicious code in the rail network",
                Some((r, Some("RUS"), 1)),
            ),
            (
                "SRBGOV",
                "said",
                "the army destroyed the old barracks",
                None,
            ),
            // An innocent account clears the speaker, not the craft's owner.
            (
                "RUSGOV",
                "said",
                "the Finnish drone crashed into the sea after a technical malfunction",
                Some((r, Some("RUS"), -1)),
            ),
            (
                "IRNGOV",
                "said",
                "the tanker's engine failure caused the blast",
                Some((r, Some("IRN"), -1)),
            ),
            (
                "RUSGOV",
                "said",
                "the Finnish airliner came down because of a technical fault",
                Some((r, Some("RUS"), -1)),
            ),
            // "attack" alone is a noun: no act.
            (
                "TURGOV",
                "said",
                "the attack on the convoy came at dawn",
                None,
            ),
            // No doer named: no proposition.
            ("TURGOV", "said", "the convoy was attacked at dawn", None),
            // A passive verb: the party named before it was acted on, the doer follows "by".
            (
                "GEOGOV",
                "said",
                "the Georgian patrol was attacked by Russian troops",
                Some((r, Some("RUS"), 1)),
            ),
            (
                "ARMGOV",
                "said",
                "the Armenian helicopter was shot down",
                None,
            ),
            // A passive accusation: the party right after "by"; none named, no proposition.
            (
                "COLGOV",
                "said",
                "the poisoned journalist had been targeted by Ecuadorean agents",
                Some((r, Some("ECU"), 1)),
            ),
            (
                "PERGOV",
                "said",
                "the patrol was ambushed by Ecuadorian troops near the river",
                Some((r, Some("ECU"), 1)),
            ),
            (
                "PERGOV",
                "said",
                "the patrol was ambushed by unknown gunmen",
                None,
            ),
            (
                "COLGOV",
                "said",
                "hackers from Venezuela broke into the electoral commission's servers",
                Some((r, Some("VEN"), 1)),
            ),
            (
                "VENGOV",
                "said",
                "Venezuela never broke into any computer systems",
                Some((r, Some("VEN"), -1)),
            ),
            // A deal is not harm: "struck" stays the agreement's verb.
            (
                "RUSGOV",
                "said",
                "the two sides struck a deal",
                Some(("agree", None, 1)),
            ),
            // A demand to agree, or agreeing to discuss, is no agreement.
            (
                "ECUGOV",
                "said",
                "the rebels must agree to a ceasefire",
                None,
            ),
            (
                "ECUGOV",
                "said",
                "the two sides agreed to discuss a truce next week",
                None,
            ),
            // A passive's "by" needs a doer: sanctions accuse no one.
            (
                "VENGOV",
                "said",
                "the bank was targeted by U.S. sanctions",
                None,
            ),
            (
                "PERGOV",
                "said",
                "protesters broke into the embassy and smashed computers",
                None,
            ),
            // A party agreeing to a truce: the agreement's question, denied or not.
            (
                "PERGOV",
                "said",
                "Ecuador had agreed to a ceasefire",
                Some(("agree", None, 1)),
            ),
            (
                "ECUGOV",
                "said",
                "Quito had never agreed to any ceasefire",
                Some(("agree", None, -1)),
            ),
        ];
        for &(code, cue, text, expect) in cases {
            check(code, cue, text, false, expect);
        }
    }

    #[test]
    fn charges_named_by_the_accused_and_counter_accusations() {
        let r = "responsible";
        // Dismissing a party's step or threat condemns it; it rejects no accusation.
        check(
            "IRNGOV",
            "said",
            "the expulsion of our envoys was an unacceptable provocation",
            false,
            None,
        );
        check(
            "IRNGOV",
            "warned",
            "London against any further provocation",
            false,
            None,
        );
        check(
            "IRNGOV",
            "said",
            "the report was a fabrication",
            false,
            Some((r, Some("IRN"), -1)),
        );
        // The accused side names the charge: it rejects it.
        check(
            "RUSGOV",
            "slammed",
            "allegations of the Russian president's involvement in the case",
            false,
            Some((r, Some("RUS"), -1)),
        );
        // "denials of X's involvement" reports a denial.
        check(
            "USAGOV",
            "noted",
            "repeated denials of Russian involvement",
            false,
            Some((r, Some("RUS"), -1)),
        );
        // A rival doer: asserted of another party.
        check(
            "RUSGOV",
            "said",
            "British special forces could have carried out the poisoning",
            false,
            Some((r, Some("GBR"), 1)),
        );
        // Two parties linked: "connected to", "Russian-made".
        check(
            "SVKGOV",
            "rejected",
            "claims that Slovakia is connected to the attack",
            true,
            Some((r, Some("SVK"), -1)),
        );
        check(
            "GBRGOV",
            "said",
            "the poison was a Russian-made nerve agent",
            false,
            Some(("originate", Some("RUS"), 1)),
        );
    }

    #[test]
    fn a_state_told_of_a_noun_in_a_relative_clause_is_background() {
        let a = "agree";
        // The relative clause describes the process; the claim's own predicate is elsewhere.
        check(
            "PERGOV",
            "said",
            "the accord opens the way back to the border talks which have been stalled since March",
            false,
            None,
        );
        // A comma closes the relative clause: the main clause's act is the claim's own.
        check(
            "PERGOV",
            "said",
            "the border talks, which began in March, have stalled",
            false,
            Some((a, None, -1)),
        );
        // Without "which" the act is the claim's own.
        check(
            "PERGOV",
            "said",
            "the border talks have stalled",
            false,
            Some((a, None, -1)),
        );
    }

    #[test]
    fn coordination_condition_scope_and_accounts() {
        let r = "responsible";
        // A predicate coordinated without a subject shares the clause's subject; "not only …
        // but also" asserts both.
        check(
            "USAGOV",
            "said",
            "we have proof that Tehran has not only been testing the launchers, but has also been stockpiling the missiles",
            false,
            Some(("originate", Some("IRN"), 1)),
        );
        // A condition closed by a comma does not govern the main clause after it …
        check(
            "USAGOV",
            "said",
            "if Tehran wants the sanctions lifted, it first has to admit responsibility for the tanker seizure",
            false,
            Some((r, Some("IRN"), 1)),
        );
        // … unless a modal makes the main clause its consequence; an act inside the condition
        // stays open.
        check(
            "USAGOV",
            "said",
            "if the inquiry finds a link, we will hold Tehran responsible",
            false,
            None,
        );
        check(
            "FRAGOV",
            "said",
            "sanctions will follow if Tehran was behind the seizure",
            false,
            None,
        );
        // A demand for an explanation and its refusal are one proposition; the party after
        // "with" is the object, not the doer.
        check(
            "FRAGOV",
            "said",
            "Tehran must provide a full and credible explanation of the tanker seizure",
            false,
            Some(("answer", Some("IRN"), 1)),
        );
        check(
            "IRNGOV",
            "said",
            "Tehran refused to comply with the French demand for answers",
            false,
            Some(("answer", Some("IRN"), -1)),
        );
        // A counter-charge of misconduct beside the other side's charge of an incident is
        // not a charge of the incident.
        check(
            "IRNGOV",
            "accused",
            "Paris of spreading lies while it blames the tanker seizure on Tehran",
            false,
            Some(("misconduct", Some("FRA"), 1)),
        );
        // Not accepting the other side's account dismisses the accusation.
        check(
            "IRNGOV",
            "said",
            "independent experts were not convinced by the version offered by Washington",
            false,
            Some((r, Some("IRN"), -1)),
        );
        check(
            "CHNGOV",
            "said",
            "nobody believes the story the coast guard tells",
            false,
            Some((r, Some("CHN"), -1)),
        );
    }

    #[test]
    fn origin_possession_and_evidence() {
        check(
            "GBRGOV",
            "said",
            "the agent was produced in Russia",
            false,
            Some(("originate", Some("RUS"), 1)),
        );
        check(
            "RUSGOV",
            "said",
            "Russia never had such a programme",
            false,
            Some(("originate", Some("RUS"), -1)),
        );
        check(
            "GBRGOV",
            "said",
            "we have evidence that Russia has been stockpiling it",
            false,
            Some(("originate", Some("RUS"), 1)),
        );
        check(
            "GBRGOV",
            "said",
            "Moscow must disclose its weapons programme",
            false,
            Some(("originate", Some("RUS"), 1)),
        );
        check(
            "COLREB",
            "said",
            "the drones were launched from Venezuela",
            false,
            Some(("originate", Some("VEN"), 1)),
        );
        check(
            "COLREB",
            "said",
            "they launched the drones from Venezuela",
            false,
            Some(("originate", Some("VEN"), 1)),
        );
        check(
            "COLGOV",
            "said",
            "the drones did not come from Venezuela",
            false,
            Some(("originate", Some("VEN"), -1)),
        );
        check(
            "SAUGOV",
            "said",
            "the debris recovered at the refinery was of Iranian origin",
            false,
            Some(("originate", Some("IRN"), 1)),
        );
        // A possessive refers back to the subject, not to an actor a preposition governs.
        check(
            "USAGOV",
            "said",
            "Tehran's refusal to answer the questions put by the French government shows its responsibility",
            false,
            Some(("responsible", Some("IRN"), 1)),
        );
        check(
            "USAGOV",
            "said",
            "Tehran's refusal to answer the questions shows its responsibility",
            false,
            Some(("responsible", Some("IRN"), 1)),
        );
        check(
            "FRAGOV",
            "said",
            "the silence in Tehran about the tanker shows its responsibility",
            false,
            Some(("responsible", Some("IRN"), 1)),
        );
        check(
            "RUSGOV",
            "said",
            "Britain has no evidence",
            false,
            Some(("responsible", Some("RUS"), -1)),
        );
        check(
            "GBRGOV",
            "said",
            "the evidence is overwhelming that it is Russia",
            false,
            Some(("responsible", Some("RUS"), 1)),
        );
        check(
            "RUSGOV",
            "denied",
            "British allegations that it was responsible for the attack",
            true,
            Some(("responsible", Some("RUS"), -1)),
        );
        check(
            "SWEGOV",
            "rejected",
            "the allegation that the agent might originate in Sweden",
            true,
            Some(("originate", Some("SWE"), -1)),
        );
    }

    /// A verb's subject is its doer, the party after it the target; "lies with" is the verb,
    /// not a dismissal; "nobody" negates; self-defence grants the act and denies the blame;
    /// a side of a border or line is a place.
    #[test]
    fn subjects_sides_of_a_line_and_innocent_accounts() {
        let (r, l) = ("responsible", "located");
        type Case<'a> = (
            &'a str,
            &'a str,
            &'a str,
            bool,
            Option<(&'a str, Option<&'a str>, i8)>,
        );
        let cases: [Case; 17] = [
            // a description then the name the gazetteer knows: the name is the doer
            (
                "CHLGOV",
                "said",
                "the rocket fire came from the Palestinian militant group Hamas",
                false,
                Some(("originate", Some("PSENSA"), 1)),
            ),
            (
                "PERGOV",
                "said",
                "Chilean troops attacked a Peruvian border post",
                false,
                Some((r, Some("CHL"), 1)),
            ),
            (
                "CHLGOV",
                "said",
                "the blame lies entirely with the Peruvian side",
                false,
                Some((r, Some("PER"), 1)),
            ),
            (
                "CHLGOV",
                "said",
                "these accusations are lies",
                false,
                Some((r, Some("CHL"), -1)),
            ),
            (
                "ARMGOV",
                "said",
                "nobody has crossed into Armenian territory",
                false,
                Some((l, Some("ARM"), -1)),
            ),
            (
                "AZEGOV",
                "said",
                "our guards fired in self-defence",
                false,
                Some((r, Some("AZE"), -1)),
            ),
            (
                "AZEGOV",
                "said",
                "the village has always been on the Azerbaijani side of the line",
                false,
                Some((l, Some("AZE"), 1)),
            ),
            (
                "ARMGOV",
                "said",
                "our soldiers were nowhere near the Azerbaijani side of the border",
                false,
                Some((l, Some("AZE"), -1)),
            ),
            (
                "NORGOV",
                "rejected",
                "the claim by the Russian embassy that the drones came from Norway",
                true,
                Some(("originate", Some("NOR"), -1)),
            ),
            (
                "NORGOV",
                "rejected",
                "the suggestion by Russian diplomats that the agent might originate in Norway",
                true,
                Some(("originate", Some("NOR"), -1)),
            ),
            (
                "PERGOV",
                "said",
                "the clash happened as a result of an attempt by the Chilean side",
                false,
                Some((r, Some("CHL"), 1)),
            ),
            (
                "NORGOV",
                "said",
                "the frigate had violated the state border and entered Norwegian waters",
                false,
                Some((l, Some("NOR"), 1)),
            ),
            (
                "NORGOV",
                "said",
                "a Norwegian coastguard cutter fired warning shots across the trawler's bow",
                false,
                Some((r, Some("NOR"), 1)),
            ),
            // a passive act with no "by": its doer is not named, and a denial does not make
            // it the speaker's own; denied, it meets any claim of the act whoever its doer
            (
                "ISLGOV",
                "denied",
                "any shots had been fired at the trawler",
                true,
                Some((r, None, -1)),
            ),
            (
                "ISLGOV",
                "said",
                "no warning shots were directed at the trawler",
                false,
                Some((r, None, -1)),
            ),
            (
                "ISLGOV",
                "said",
                "shots had been fired at the trawler",
                false,
                None,
            ),
            (
                "ISLGOV",
                "said",
                "shots were fired at the trawler by Norwegian sailors",
                false,
                Some((r, Some("NOR"), 1)),
            ),
        ];
        for (code, cue, text, denial, expect) in cases {
            check(code, cue, text, denial, expect);
        }
    }

    #[test]
    fn truces_deals_intent_and_place() {
        check(
            "RUSMIL",
            "said",
            "all sides are abiding by the ceasefire",
            false,
            Some(("hold", None, 1)),
        );
        // A generic alias ("rebel groups") is one story's party only where the sentence names
        // that party's country; elsewhere the doer is unnamed.
        check(
            "RUSMIL",
            "said",
            "rebel groups repeatedly violated the truce in Syria",
            false,
            // the rebels are a doer of their own, not the Syrian state
            Some(("hold", Some("SYRREB"), -1)),
        );
        check(
            "RUSMIL",
            "said",
            "rebel groups repeatedly violated the truce",
            false,
            Some(("hold", None, -1)),
        );
        check(
            "RUSGOV",
            "said",
            "we are nearing an arrangement on the city",
            false,
            Some(("agree", None, 1)),
        );
        check(
            "USAGOV",
            "said",
            "the talks ended without agreement",
            false,
            Some(("agree", None, -1)),
        );
        check(
            "USAGOV",
            "said",
            "no agreement is close",
            false,
            Some(("agree", None, -1)),
        );
        // A negated negative verb asserts: "does not rule out" a deal.
        check(
            "TURGOV",
            "said",
            "he did not rule out that the two sides could soon reach an agreement",
            false,
            Some(("agree", None, 1)),
        );
        check(
            "TURMIL",
            "said",
            "its jets struck the village by mistake",
            false,
            Some(("intend", Some("TUR"), -1)),
        );
        check(
            "IRNMIL",
            "said",
            "the drone was inside our airspace",
            false,
            Some(("located", Some("IRN"), 1)),
        );
        check(
            "USAMIL",
            "said",
            "the drone was flying over international waters",
            false,
            Some(("located", None, -1)),
        );
        // The act whose doer is not named gives way to the place it names: whose territory is
        // the party named inside the words.
        check(
            "GRCGOV",
            "said",
            "the Turkish jet was shot down over Greek territory",
            false,
            Some(("located", Some("GRC"), 1)),
        );
        check(
            "VNMGOV",
            "said",
            "the Chinese survey ship was intercepted over Vietnamese waters",
            false,
            Some(("located", Some("VNM"), 1)),
        );
        check(
            "CHNGOV",
            "said",
            "the survey ship never left international waters",
            false,
            Some(("located", None, -1)),
        );
        // The limit of territorial waters written as a distance.
        check(
            "PRTMIL",
            "said",
            "the boats were attacked as they were leaving the 12-mile zone",
            false,
            Some(("located", None, -1)),
        );
        // Where the crossers went is no doer of the crossing.
        check(
            "UKRGOV",
            "said",
            "tanks crossed the border into Ukraine",
            false,
            Some(("located", None, -1)),
        );
        // A business zone is no party's waters.
        check(
            "OMNGOV",
            "said",
            "factories in the economic zone near the port were closed",
            false,
            None,
        );
        // An exclusive economic zone is a party's waters too.
        check(
            "ECUMIL",
            "said",
            "it had seized a Peruvian trawler fishing illegally inside Ecuador's exclusive economic zone",
            false,
            Some(("located", Some("ECU"), 1)),
        );
        check(
            "VNMGOV",
            "said",
            "the survey ship entered our exclusive economic zone",
            false,
            Some(("located", Some("VNM"), 1)),
        );
        // Leaving a party's airspace is the opposite of being inside it; a negator flips it.
        check(
            "GRCGOV",
            "said",
            "the bomber had left Greek airspace before it was hit",
            false,
            Some(("located", Some("GRC"), -1)),
        );
        check(
            "TURMIL",
            "said",
            "the bomber never left Syrian airspace",
            false,
            Some(("located", Some("SYR"), 1)),
        );
        // A side's own act is not in dispute; the reason it gives after it is.
        check(
            "GRCMIL",
            "said",
            "Greek jets shot down the bomber after it violated Greek airspace",
            false,
            Some(("located", Some("GRC"), 1)),
        );
        check(
            "GRCMIL",
            "said",
            "Greek jets shot down the bomber near the border",
            false,
            Some(("responsible", Some("GRC"), 1)),
        );
        check(
            "TURMIL",
            "said",
            "Greek jets shot down the bomber after it violated Greek airspace",
            false,
            Some(("responsible", Some("GRC"), 1)),
        );
        check(
            "GRCMIL",
            "said",
            "the bomber had violated Greek air space",
            false,
            Some(("located", Some("GRC"), 1)),
        );
        // Straying into a party's airspace is being inside it; "violated Syria's ceasefire" and
        // "convoys entered Aleppo" name no territory.
        check(
            "GRCGOV",
            "said",
            "the Turkish drone strayed into Greek airspace on Monday",
            false,
            Some(("located", Some("GRC"), 1)),
        );
        check(
            "RUSMIL",
            "said",
            "rebels had violated Syria's ceasefire 60 times",
            false,
            Some(("hold", Some("SYRREB"), -1)),
        );
    }

    /// Lawfulness: whether a party's act was lawful or justified. Invented sentences.
    #[test]
    fn lawfulness_of_an_act() {
        let l = "lawful";
        check_table(&[
            (
                "TURGOV",
                "said",
                "the actions of Turkish border guards were absolutely correct",
                false,
                Some((l, Some("TUR"), 1)),
            ),
            // The party the force was used against is no doer.
            (
                "GRCGOV",
                "said",
                "there is no justification for the use of military force against Greek ships",
                false,
                Some((l, None, -1)),
            ),
            (
                "GRCGOV",
                "said",
                "the Turkish action was lawless and unacceptable",
                false,
                Some((l, Some("TUR"), -1)),
            ),
            (
                "GRCGOV",
                "said",
                "our navy adhered to international law",
                false,
                Some((l, Some("GRC"), 1)),
            ),
            (
                "GRCGOV",
                "said",
                "the seizure of the trawler was a gross violation of international law",
                false,
                Some((l, None, -1)),
            ),
            // An adverb is the place claim's, not a claim of lawfulness.
            (
                "TURGOV",
                "said",
                "the vessels had illegally entered Turkish waters",
                false,
                Some(("located", Some("TUR"), 1)),
            ),
            // A truce violation stays the truce's.
            (
                "TURGOV",
                "said",
                "rebel groups repeatedly violated the truce",
                false,
                Some(("hold", None, -1)),
            ),
            // A party right, or within its rights, to act acted lawfully.
            (
                "TURGOV",
                "said",
                "Turkish forces were right to detain the boats",
                false,
                Some((l, Some("TUR"), 1)),
            ),
            (
                "TURGOV",
                "said",
                "the Turkish coast guard had every right to stop them",
                false,
                Some((l, Some("TUR"), 1)),
            ),
        ]);
    }

    /// The passive's subject was acted on; its doer follows "by" or is not named. Coming under
    /// fire names the party the fire came from. Occupying land puts the occupier inside the
    /// land's owner's territory. Invented sentences.
    #[test]
    fn who_was_acted_on_and_whose_land() {
        let r = "responsible";
        check_table(&[
            // a negated passive denies the act whoever would have done it
            (
                "TURGOV",
                "said",
                "the Greek boats were not attacked",
                false,
                Some((r, None, -1)),
            ),
            // an asserted passive with no doer named states no proposition (not "Greece did it")
            (
                "GRCGOV",
                "said",
                "our boats were rammed and then fired on",
                false,
                None,
            ),
            (
                "GRCGOV",
                "said",
                "our boats were rammed and then fired on by Turkish gunboats",
                false,
                Some((r, Some("TUR"), 1)),
            ),
            (
                "GRCMIL",
                "said",
                "its patrol boats came under fire from Turkish gunboats",
                false,
                Some((r, Some("TUR"), 1)),
            ),
            (
                "USALEG",
                "said",
                "the incident was a brazen violation of U.S. sovereignty",
                false,
                Some(("located", Some("USA"), 1)),
            ),
            (
                "ARMGOV",
                "said",
                "Azerbaijan had occupied about 10 square kilometres of Armenian territory",
                false,
                Some(("located", Some("ARM"), 1)),
            ),
            (
                "PHLMIL",
                "said",
                "Chinese ships fired water cannon at its supply boat",
                false,
                Some((r, Some("CHN"), 1)),
            ),
            // seizing boats is no land
            (
                "ARMGOV",
                "said",
                "Azerbaijan had seized three Armenian boats",
                false,
                Some((r, Some("AZE"), 1)),
            ),
        ]);
    }

    /// Blame that does not lie with a party clears it; an act called premeditated by a party
    /// is its intent, through a quoted passive. Invented sentences.
    #[test]
    fn blame_not_lying_and_premeditation() {
        check_table(&[
            (
                "CHNGOV",
                "said",
                "the responsibility does not lie with China",
                false,
                Some(("responsible", Some("CHN"), -1)),
            ),
            (
                "INDGOV",
                "said",
                "the clash was \"premeditated and planned\" by China",
                false,
                Some(("intend", Some("CHN"), 1)),
            ),
        ]);
    }

    /// An act traced to a party names it; an accusation called part of an "anti-…" campaign
    /// is dismissed. Invented sentences.
    #[test]
    fn traced_acts_and_campaigns() {
        check_table(&[
            (
                "DEUGOV",
                "said",
                "investigators had traced the intrusion to Russian military intelligence",
                false,
                Some(("responsible", Some("RUS"), 1)),
            ),
            (
                "RUSGOV",
                "said",
                "the allegations that Russia was behind the attack were part of an anti-Russian campaign",
                false,
                Some(("responsible", Some("RUS"), -1)),
            ),
        ]);
    }

    /// "Provocation" after words by which the speaker's side answered one is the other side's
    /// act, not a dismissal: the claim's own act is read. Invented sentences.
    #[test]
    fn an_answered_provocation_dismisses_nothing() {
        check_table(&[(
            "AZEMIL",
            "said",
            "its units had responded to a provocation and that Armenian forces had shelled its positions first",
            false,
            Some(("responsible", Some("ARM"), 1)),
        )]);
    }

    #[test]
    fn stance_as_reporters_write_it() {
        let r = "responsible";
        // Denials governing their complement.
        check(
            "CHNGOV",
            "denied",
            "that its coast guard vessels were responsible for the collision",
            true,
            Some((r, Some("CHN"), -1)),
        );
        check(
            "CHNGOV",
            "rejected",
            "accusations that its hackers broke into the ministry's servers",
            true,
            Some((r, Some("CHN"), -1)),
        );
        // Negated facts.
        check(
            "CHNGOV",
            "said",
            "the crew of the trawler was not at fault",
            false,
            Some((r, Some("CHN"), -1)),
        );
        check(
            "TURGOV",
            "said",
            "our aircraft did not carry out any strikes near the border town",
            false,
            Some((r, Some("TUR"), -1)),
        );
        // A party named after a clause break is not the doer of the act before it.
        check(
            "RUSMIL",
            "said",
            "on the whole the truce is holding, but several breaches were blamed on the rebels",
            false,
            Some(("hold", None, 1)),
        );
        // An innocent cause or a mistake denies the act for the speaker's side.
        check(
            "IRNGOV",
            "said",
            "the airliner came down because of a technical fault",
            false,
            Some((r, Some("IRN"), -1)),
        );
        check(
            "TURGOV",
            "said",
            "the village was hit by mistake",
            false,
            Some(("intend", Some("TUR"), -1)),
        );
        // Presence as an accusation.
        check(
            "GBRGOV",
            "said",
            "only Iranian boats were operating in the strait at the time",
            false,
            Some((r, Some("IRN"), 1)),
        );
        // Positions on location: a vessel's "it" is not the speaker, and a state of affairs
        // ("never left international waters") has no doer to name.
        check(
            "IRNGOV",
            "said",
            "the tanker was inside our territorial waters",
            false,
            Some(("located", Some("IRN"), 1)),
        );
        check(
            "GBRGOV",
            "said",
            "it never left international waters",
            false,
            Some(("located", None, -1)),
        );
    }

    /// Where it happened and who fired first, as any border quarrel words them: a country
    /// word of any spelling before "territory", "on … territory", a crossing of the line
    /// (no party named: the crosser does not own the ground), and firing first.
    #[test]
    fn borders_crossed_and_who_fired_first() {
        let l = "located";
        // The party owning what was fired on did not fire: with no subject the claim names
        // no doer; with one, the subject fired.
        check(
            "PERMIL",
            "said",
            "opened fire on two patrol boats of the Peruvian navy",
            false,
            None,
        );
        check(
            "PERMIL",
            "said",
            "Chilean gunboats opened fire on two patrol boats of the Peruvian navy",
            false,
            Some(("responsible", Some("CHL"), 1)),
        );
        check(
            "TJKGOV",
            "said",
            "Kyrgyz soldiers advanced 300 metres into Tajik territory",
            false,
            Some((l, Some("TJK"), 1)),
        );
        check(
            "KGZGOV",
            "said",
            "the patrol remained on Kyrgyz territory throughout",
            false,
            Some((l, Some("KGZ"), 1)),
        );
        check(
            "KGZGOV",
            "said",
            "our servicemen did not cross the line",
            false,
            Some((l, Some("KGZ"), 1)),
        );
        check(
            "TJKGOV",
            "said",
            "Kyrgyz soldiers crossed the border near the reservoir",
            false,
            Some((l, Some("KGZ"), -1)),
        );
        check(
            "TJKGOV",
            "said",
            "troops in unmarked uniforms crossed the border",
            false,
            Some((l, None, -1)),
        );
        check(
            "KGZGOV",
            "said",
            "our guards did not shoot first",
            false,
            Some(("responsible", Some("KGZ"), -1)),
        );
        check(
            "KGZGOV",
            "said",
            "Tajik border guards fired first",
            false,
            Some(("responsible", Some("TJK"), 1)),
        );
        // Aid trucks, refugees or "a red line" crossed raise no question of territory, and
        // "a shot at the presidency" is no shooting.
        check(
            "KGZGOV",
            "said",
            "aid trucks crossed the border into Kyrgyzstan",
            false,
            None,
        );
        check(
            "KGZGOV",
            "said",
            "Tajikistan has crossed a red line",
            false,
            None,
        );
        check(
            "KGZGOV",
            "said",
            "he would never get a shot at the presidency",
            false,
            None,
        );
        // A lower-case word before "territory" is no party.
        check(
            "KGZGOV",
            "said",
            "the patrol stayed in disputed territory",
            false,
            None,
        );
    }

    #[test]
    fn a_dismissal_word_after_without_dismisses_nothing() {
        for (text, want) in [
            ("the accusations are pure provocation", true),
            ("it was a provocation", true),
            ("troops attacked the post without provocation", false),
            ("troops attacked the post without any provocation", false),
            (
                "troops attacked the post without provocation, which is propaganda",
                true,
            ),
            // "provocation" with its stager named after it accuses; any other dismissal word
            // followed by "by" still dismisses
            ("a provocation staged by the coast guard", false),
            (
                "the provocation was organised by two agents of the service",
                false,
            ),
            ("an unfounded allegation by the foreign ministry", true),
            ("a provocation, as the ministry put it by phone", true),
            ("it was a provocation by any standard", true),
            ("the provocation was condemned by the United States", true),
            ("a provocation by the Chilean navy", false),
            // a provocation the speaker's side answered is the other side's act
            ("our units responded to a provocation", false),
            ("the border guards repelled an armed provocation", false),
            ("our forces retaliated for the provocation", false),
            (
                "the response to the charge was that it is a provocation",
                true,
            ),
        ] {
            assert_eq!(dismisses(text), want, "{text}");
        }
        // The stager is the doer, also when its members are named ("two officers of the X");
        // a bare provocation denies the speaker's own side's responsibility.
        for (code, text, want) in [
            (
                "PERGOV",
                "the incident was a provocation planned by the Chilean navy",
                Some(("responsible", Some("CHL"), 1)),
            ),
            (
                "PERGOV",
                "the provocation was coordinated by three officers of the Chilean navy",
                Some(("responsible", Some("CHL"), 1)),
            ),
            (
                "PERGOV",
                "the whole affair is a provocation",
                Some(("responsible", Some("PER"), -1)),
            ),
        ] {
            check(code, "said", text, false, want);
        }
        check(
            "PERGOV",
            "said",
            "Ecuadorean troops attacked the border post without provocation",
            false,
            Some(("responsible", Some("ECU"), 1)),
        );
    }

    /// A weapon or an act named by its doer's demonym is that party's, with an article and a
    /// participle before it ("a misfired Peruvian rocket" is Peru's, not a rocket acted on);
    /// sabotage and arson name the doer before them or after "by".
    #[test]
    fn misfires_air_strikes_and_sabotage_name_their_doer() {
        let r = "responsible";
        for (code, text, doer) in [
            (
                "ECUMIL",
                "the blast was caused by a misfired Peruvian rocket",
                "PER",
            ),
            (
                "PERGOV",
                "the explosion was caused by an Ecuadorean air strike",
                "ECU",
            ),
            (
                "PERGOV",
                "Ecuadorean saboteurs blew up the gas pipeline",
                "ECU",
            ),
            (
                "PERGOV",
                "the pipeline was sabotaged by Ecuadorean agents",
                "ECU",
            ),
        ] {
            check(code, "said", text, false, Some((r, Some(doer), 1)));
        }
        // the talks blowing up is no sabotage
        check(
            "PERGOV",
            "said",
            "the talks blew up over the fishing quotas",
            false,
            None,
        );
        // an alternative cause with no doer clears the speaker
        for text in [
            "the warehouse burned by accident",
            "the blast came from an ammunition depot inside the town",
        ] {
            check("ECUMIL", "said", text, false, Some((r, Some("ECU"), -1)));
        }
        // a cause with a party after it clears no one; talks blown up are no sabotage; a
        // labour strike is no air strike
        for (code, text) in [
            (
                "UKRGOV",
                "the fire started in a fuel depot after Russian shelling",
            ),
            ("RUSGOV", "Russia blew up the peace talks in Geneva"),
            (
                "BELGOV",
                "exports through the port were hit by a French dockers strike",
            ),
        ] {
            assert!(
                of_claim(&claim(Some(code), "said", text, false))
                    .is_none_or(|p| p.act != "responsible"),
                "{text}"
            );
        }
        // an alibi
        check(
            "ECUMIL",
            "said",
            "its ships were nowhere near the port",
            false,
            Some((r, Some("ECU"), -1)),
        );
        // a party's own act by mistake is the intent row's
        check(
            "ECUMIL",
            "said",
            "its jets struck the village by mistake",
            false,
            Some(("intend", Some("ECU"), -1)),
        );
    }

    /// An armed camp against its state is a doer of its own, never its state: its denial
    /// speaks for the camp, a blame names the camp, a hyphened backer is no accused, and
    /// "government and rebel forces" names both.
    #[test]
    fn armed_camps_are_doers_of_their_own() {
        let r = "responsible";
        check(
            "MLIREB",
            "said",
            "our fighters did not carry out the attack",
            false,
            Some((r, Some("MLIREB"), -1)),
        );
        check(
            "MLIGOV",
            "said",
            "Malian rebels carried out the attack on the convoy",
            false,
            Some((r, Some("MLIREB"), 1)),
        );
        check(
            "MLIGOV",
            "blaming",
            "Malian rebels",
            false,
            Some((r, Some("MLIREB"), 1)),
        );
        check(
            "MLIGOV",
            "blaming",
            "the Algeria-backed Malian rebels",
            false,
            Some((r, Some("MLIREB"), 1)),
        );
        check(
            "MLIGOV",
            "blaming",
            "Algeria",
            false,
            Some((r, Some("DZA"), 1)),
        );
        // A backer before a head the gazetteer does not code stays the accused; a compound
        // ("Algerian-backed separatists") names no camp of the backer's own.
        check(
            "MLIGOV",
            "blaming",
            "Algeria-backed militias",
            false,
            Some((r, Some("DZA"), 1)),
        );
        check(
            "MLIGOV",
            "said",
            "Algerian-backed separatists attacked the convoy",
            false,
            Some((r, Some("DZA"), 1)),
        );
        // A blame with a charge of its own that names no incident is misconduct.
        check(
            "MLIGOV",
            "blamed",
            "Algeria for the delays",
            false,
            Some(("misconduct", Some("DZA"), 1)),
        );
        let p = of_claim(&claim(
            Some("NGOCVL"),
            "reported",
            "violations of the truce carried out by both government and Malian rebel forces",
            false,
        ))
        .expect("a proposition");
        assert_eq!(
            (p.agent.as_deref(), p.others.as_slice()),
            (Some("MLIREB"), &["MLI".to_string()][..])
        );
    }

    /// A charge of crimes against people names an incident (responsibility, not misconduct),
    /// and a tie between a party and an act is a claim of its responsibility, its doer the
    /// party tied, not the subject that reports the tie. Invented sentences.
    #[test]
    fn crimes_and_ties_are_charges_of_responsibility() {
        let r = "responsible";
        let cases: &[Case] = &[
            // Crimes named by their kind.
            (
                "PERGOV",
                "accused",
                "Algerian troops of committing war crimes in the valley",
                false,
                Some((r, Some("DZA"), 1)),
            ),
            (
                "PERGOV",
                "accused",
                "the Algerian army of atrocities against villagers",
                false,
                Some((r, Some("DZA"), 1)),
            ),
            // A charge of something else stays misconduct.
            (
                "PERGOV",
                "accused",
                "Algeria of hysteria",
                false,
                Some(("misconduct", Some("DZA"), 1)),
            ),
            // A tie between the party and the act: the party is the doer.
            (
                "PERGOV",
                "said",
                "Peruvian investigators are pursuing credible reports of a potential link between agents of the Algerian government and the shooting",
                false,
                Some((r, Some("DZA"), 1)),
            ),
            (
                "PERGOV",
                "said",
                "there is evidence linking Algeria to the bombing",
                false,
                Some((r, Some("DZA"), 1)),
            ),
            // The tied party rejecting the tie denies for itself.
            (
                "DZAGOV",
                "said",
                "we reject any attempts to connect the Algerian government to such acts",
                false,
                Some((r, Some("DZA"), -1)),
            ),
            // A link between a party and anything but an act is no tie: no doer.
            (
                "PERGOV",
                "said",
                "the rail link between Algeria and Morocco would reopen next year",
                false,
                None,
            ),
            (
                "PERGOV",
                "said",
                "a new cable was connecting Algeria to the European grid",
                false,
                None,
            ),
        ];
        check_table(cases);
    }

    #[test]
    fn a_bare_dismissal_of_a_proposal_rejects_no_charge() {
        let said = |sentence: &str| {
            let mut c = claim(Some("IRNGOV"), "said", "absurd", false);
            c.sentence = sentence.into();
            of_claim(&c).map(|p| (p.act, p.agent, p.position.as_i8()))
        };
        assert_eq!(
            said("Paris's proposal for a joint inquiry is \"absurd\", the envoy said"),
            None
        );
        assert_eq!(
            said("The charges are \"absurd\", the envoy said"),
            Some(("responsible".to_string(), Some("IRN".to_string()), -1))
        );
    }

    /// (speaker code, content) -> (act, doers, position, bare)
    fn doers_of(code: &str, text: &str) -> Option<(String, Vec<String>, i8, bool)> {
        of_claim(&claim(Some(code), "said", text, false)).map(|p| {
            let doers = p.doers().map(str::to_string).collect();
            (p.act, doers, p.position.as_i8(), p.bare)
        })
    }

    #[test]
    fn a_bare_list_of_parties_names_each_as_a_doer() {
        let list = doers_of(
            "IRNGOV",
            "These states are Israel, Saudi Arabia and the United States.",
        );
        assert_eq!(
            list,
            Some((
                "responsible".to_string(),
                vec!["ISR".to_string(), "SAU".to_string(), "USA".to_string()],
                1,
                true
            ))
        );
        // Several parties with more said about them is no bare list; one party is no list.
        assert_eq!(
            doers_of(
                "IRNGOV",
                "They are Israel and Saudi Arabia, which have long wanted a war"
            ),
            None
        );
        assert_eq!(doers_of("IRNGOV", "The main suspect is Israel."), None);
    }

    #[test]
    fn coordinated_doers_share_the_act() {
        let got = doers_of(
            "USAGOV",
            "Iran and Syria were behind the cyber attack on the port",
        );
        let (act, mut doers, position, bare) = got.expect("a proposition");
        doers.sort();
        assert_eq!(
            (act.as_str(), doers, position, bare),
            (
                "responsible",
                vec!["IRN".to_string(), "SYR".to_string()],
                1,
                false
            )
        );
        // One doer named alone has no others.
        let one = of_claim(&claim(
            Some("USAGOV"),
            "said",
            "Iran was behind the cyber attack",
            false,
        ));
        assert_eq!(one.map(|p| p.others), Some(vec![]));
    }

    #[test]
    fn a_list_meets_the_denial_of_each_party_it_names() {
        let prop = |code: &str, text: &str, denial: bool| {
            of_claim(&claim(Some(code), "said", text, denial)).expect("a proposition")
        };
        let list = prop(
            "IRNGOV",
            "These states are Israel, Saudi Arabia and the United States.",
            false,
        );
        let saudi = prop(
            "SAUGOV",
            "Saudi Arabia had nothing to do with the explosion",
            false,
        );
        let origin = prop(
            "USAGOV",
            "the drones were not made in the United States",
            false,
        );
        let qatar = prop(
            "QATGOV",
            "Qatar had nothing to do with the explosion",
            false,
        );
        assert_eq!(saudi.position, Stance::Denies);
        // Same act, a doer in common: in one article and across articles.
        assert!(same_question(&list, &saudi, true));
        assert!(same_question(&list, &saudi, false));
        // Another act: only the reply beside the list in its own article.
        assert!(same_question(&list, &origin, true));
        assert!(!same_question(&list, &origin, false));
        // A party the list does not name.
        assert!(!same_question(&list, &qatar, true));
        // A bare dismissal denies its own side's responsibility, and only that.
        let dismissal = prop("USAGOV", "the accusation as absurd", true);
        assert!(!dismissal.bare);
        assert!(!same_question(&dismissal, &origin, true));
    }

    /// A modal inside what a speaker rejects hedges nothing of the rejection (issue 12 item 4,
    /// `hedges.tsv` rows of frame `complement`): "we reject that X would be connected" is a firm
    /// denial, and the claim carries no hedge.
    #[test]
    fn a_modal_inside_a_rejected_complement_hedges_nothing() {
        // Our own wire-style sentences, an airspace and a sabotage story.
        let cases: [(&str, Option<&str>); 7] = [
            (
                "we firmly deny that our navy would ever board a civilian ship",
                None,
            ),
            (
                "the ministry rejected that its jets could have entered the neighbouring airspace",
                None,
            ),
            (
                "the government refutes that the pipeline might have been damaged by its divers",
                None,
            ),
            (
                "reject the allegation by the defence ministry that the drones could have come from our factories",
                None,
            ),
            (
                "the suggestion from Athens that the patrol boat may have strayed is groundless",
                None,
            ),
            // A modal of the speaker's own still hedges the claim.
            ("our jets may have entered the neighbouring airspace", Some("may")),
            (
                "the drones could have come from a factory near the border",
                Some("could"),
            ),
        ];
        let failures: Vec<String> = cases
            .iter()
            .filter_map(|(c, want)| {
                let got = crate::extract::frames::classify(c, 0).hedge;
                (got.as_deref() != *want).then(|| format!("{c:?}: got {got:?}, want {want:?}"))
            })
            .collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn an_anonymous_source_is_no_doer() {
        // "source" is a title of anonymous speakers; here it is the act's own word.
        assert_eq!(
            doers_of(
                "IRNGOV",
                "The most likely source of the leak are the states that have long spied on us"
            ),
            None
        );
        assert_eq!(
            doers_of("IRNGOV", "The source of the leak was Israel"),
            Some(("originate".to_string(), vec!["ISR".to_string()], 1, false))
        );
    }

    #[test]
    fn the_tables_load() {
        assert!(ACTS.len() >= 10);
        let _ = &POSITIONS.negation;
    }
}
