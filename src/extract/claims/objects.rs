//! What the words around a cue say of it: a death toll taken ("the blast claimed 20 lives"), an event called ("called an emergency meeting"), a fight ("attacked three ships"), an event as speaker or a no-comment formula is no speech; a passive verb of perception ("is shown saying") names the speaker.

use super::lexicon::{
    in_list, past_verb, ANONYMITY, ANONYMITY_MAX_LEN, APPEARANCES, ARMED_FORCES, ATTEMPTS,
    CHANNEL_NOUNS, CONVENED, EVENT_HEADS, PERCEIVED, REFLEXIVES, SELF_LABELS, TOLL_OBJECTS,
};
use super::phrase::np_back;
use super::tokens::{is_punct, word, Tok, TokKind};
use crate::model::Span;

/// Closed-class words that may stand before a toll's noun: determiners and quantity words
/// ("the lives of", "at least 20 lives", "more than a dozen lives", "dozens of lives").
const BEFORE_TOLL_NOUN: &[&str] = &[
    "the",
    "a",
    "an",
    "at",
    "least",
    "more",
    "than",
    "over",
    "nearly",
    "almost",
    "about",
    "some",
    "around",
    "up",
    "to",
    "dozens",
    "hundreds",
    "thousands",
    "scores",
    "of",
    "many",
    "several",
    "dozen",
    "hundred",
    "thousand",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
];

/// Most words read after the cue for the toll's noun.
const TOLL_WORDS_AHEAD: usize = 6;

/// The cue's first object noun, from token `ce` on (numbers, determiners and quantity words
/// skipped), is a toll's ("lives", `toll-object` in `claim_words.tsv`): "the fighting claimed
/// the life of a nurse" tells a death, not what anyone claimed.
pub(super) fn toll_taken(text: &str, toks: &[Tok], ce: usize) -> bool {
    for t in toks.iter().skip(ce).take(TOLL_WORDS_AHEAD) {
        if t.k != TokKind::Word {
            // digits and their separators ("1,200") are skipped; other punctuation ends the
            // object
            let w = word(text, t);
            if w.chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            {
                continue;
            }
            return false;
        }
        let w = word(text, t);
        if w.chars().all(|c| c.is_ascii_digit() || c == ',') {
            continue;
        }
        if in_list(&TOLL_OBJECTS, w) {
            return !clause_goes_on(text, toks, t);
        }
        if !in_list(BEFORE_TOLL_NOUN, w) {
            return false;
        }
    }
    false
}

/// Forms of "be", "have" and modals: after the toll's noun in its clause, the noun is a
/// clause's subject ("claimed the lives of its members were at risk"), not a toll.
const CLAUSE_VERBS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "would", "will", "could",
    "might", "may", "must", "should", "can",
];

/// A verb of [`CLAUSE_VERBS`] follows the noun token `noun` before the clause's next
/// punctuation.
fn clause_goes_on(text: &str, toks: &[Tok], noun: &Tok) -> bool {
    toks.iter()
        .skip_while(|t| t.s <= noun.s)
        .take_while(|t| t.k == TokKind::Word)
        .any(|t| in_list(CLAUSE_VERBS, word(text, t)))
}

/// Prepositions of place or occasion (closed class) after which a verb of appearing is being
/// somewhere: "appeared in court", "appeared at a rally", "appeared before the committee".
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "on",
    "before",
    "with",
    "alongside",
    "outside",
    "inside",
    "during",
    "for",
];

/// The words right after a cue (token `ce` on) make it no claim: "sought to use the clash"
/// (an attempt, `attempt`), "identified himself as a commander" (the speaker names themself,
/// `self-label`), "a suspect identified as Ali Hassan" (a name given), "appeared in court" (being
/// somewhere, `appearance`), "called an emergency meeting" (an event convened, `convened`).
pub(super) fn no_claim_after(text: &str, toks: &[Tok], cue_word: &str, ce: usize) -> bool {
    let next_is = |list: &[&str]| {
        toks.get(ce)
            .is_some_and(|n| n.k == TokKind::Word && in_list(list, word(text, n)))
    };
    (in_list(&ATTEMPTS, cue_word) && next_is(&["to"]))
        || (in_list(&SELF_LABELS, cue_word) && (next_is(REFLEXIVES) || next_is(&["as"])))
        || (in_list(&APPEARANCES, cue_word) && next_is(PLACE_PREPOSITIONS))
        || (matches!(cue_word, "called" | "calls") && convened_object(text, toks, ce))
}

/// What follows a cue (from byte `from` to the sentence's end `to`) opens a formula of an
/// anonymous source or of no comment ("who asked not to be named", "did not respond to a
/// request for comment"): no claim. Only the phrases' length (and one char more) is read:
/// lowercase that, not the rest of the sentence. A char lowercases to one or more, so the
/// same prefixes match (the list is ASCII, tested in `lexicon`).
pub(super) fn formula_after(text: &str, from: usize, to: usize) -> bool {
    let rest = text[from..to].trim_start();
    let cut = rest
        .char_indices()
        .nth(*ANONYMITY_MAX_LEN + 1)
        .map_or(rest.len(), |(i, _)| i);
    let after_cue = rest[..cut].to_lowercase();
    ANONYMITY.iter().any(|p| {
        after_cue
            .strip_prefix(p)
            .is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric()))
    })
}

/// "The incident is threatening to reignite the tensions": a speaker phrase whose head noun is
/// an event's (`event-head`) speaks for no one.
pub(super) fn event_speaker(text: &str, span: Option<Span>) -> bool {
    span.is_some_and(|sp| in_list(&EVENT_HEADS, head_noun(sp.slice(text))))
}

/// "were attacked by Russian coastguard ships": the passive agent of a physical cue whose head
/// noun is an armed force or a craft fights, it does not speak ("slammed by the ship's
/// captain" speaks).
pub(super) fn armed_agent(text: &str, agent: Option<Span>) -> bool {
    agent.is_some_and(|sp| in_list(&ARMED_FORCES, head_noun(sp.slice(text))))
}

/// "Russia attacked a group of Ukrainian ships": the object of a physical cue from token `k`
/// names an armed force or a craft ([`ARMED_FORCES`]) within its first words, and no "for",
/// "as" or "over" follows before the clause ends (a verbal attack gives its grounds: "slammed
/// the navy for its silence", "attacked the plan as unworkable").
pub(super) fn armed_object(text: &str, toks: &[Tok], k: usize) -> bool {
    let clause: Vec<&str> = toks
        .iter()
        .skip(k)
        .take_while(|t| t.k == TokKind::Word)
        .map(|t| word(text, t))
        .collect();
    if clause.iter().any(|w| in_list(&["for", "as", "over"], w)) {
        return false;
    }
    clause
        .iter()
        .take(OBJECT_WORDS)
        .take_while(|w| !in_list(OBJECT_ENDS, w))
        .any(|w| in_list(&ARMED_FORCES, w))
}

/// Most words of a physical cue's object read for its head ("a group of Ukrainian naval ships").
const OBJECT_WORDS: usize = 7;

/// Words that end a physical cue's object: a clause or a circumstance begins.
const OBJECT_ENDS: &[&str] = &[
    "that", "which", "who", "in", "on", "at", "near", "off", "with", "after", "when", "while",
    "because",
];

/// The words from token `k` are an indefinite event called into being: "a", "an" or
/// "another", at most two modifiers, then a noun of [`CONVENED`] ("an emergency meeting").
pub(super) fn convened_object(text: &str, toks: &[Tok], k: usize) -> bool {
    let is_word = |i: usize| toks.get(i).is_some_and(|t| t.k == TokKind::Word);
    if !is_word(k) || !in_list(&["a", "an", "another"], word(text, &toks[k])) {
        return false;
    }
    (k + 1..=k + 3)
        .take_while(|&i| is_word(i))
        .any(|i| in_list(&CONVENED, word(text, &toks[i])))
}

/// "X is shown saying", "X, aboard the boat, was heard saying": the noun phrase before the
/// auxiliary of a passive verb of perception (`perceived` in claim_words.tsv) standing right
/// before the participle at token `j`, skipping one appositive between commas; token bounds.
pub(super) fn perceived_subject(text: &str, toks: &[Tok], j: usize) -> Option<(usize, usize)> {
    let verb = j.checked_sub(1)?;
    let aux = verb.checked_sub(1)?;
    let is_word =
        |k: usize, list: &[&str]| toks[k].k == TokKind::Word && in_list(list, word(text, &toks[k]));
    if !is_word(verb, &PERCEIVED) || !is_word(aux, &["is", "was", "were", "are", "been", "being"]) {
        return None;
    }
    let mut end = aux.checked_sub(1)?;
    if is_punct(text, &toks[end], ",") {
        let open = (end.saturating_sub(12)..end)
            .rev()
            .find(|&o| is_punct(text, &toks[o], ","))?;
        end = open.checked_sub(1)?;
    }
    let start = np_back(text, toks, end, false)?;
    Some((start, end))
}

/// The speaker phrase starting at token `first` is a channel the clause's verb sent or issued:
/// a determiner, at most one modifier, a channel noun ([`CHANNEL_NOUNS`]: "a letter", "an
/// official note"), with a verb in "-ed" or "sent"/"wrote" right before it.
pub(super) fn channel_phrase(text: &str, toks: &[Tok], first: Option<usize>) -> bool {
    let Some(k) = first.filter(|&k| k > 0) else {
        return false;
    };
    let before = word(text, &toks[k - 1]).to_lowercase();
    let sent = toks[k - 1].k == TokKind::Word
        && (past_verb(&before) || matches!(before.as_str(), "sent" | "wrote" | "sends" | "writes"));
    let det = |t: &Tok| {
        t.k == TokKind::Word
            && matches!(
                word(text, t).to_lowercase().as_str(),
                "a" | "an" | "the" | "its" | "their" | "his" | "her"
            )
    };
    let noun = |t: Option<&Tok>| {
        t.is_some_and(|t| t.k == TokKind::Word && in_list(&CHANNEL_NOUNS, word(text, t)))
    };
    sent && det(&toks[k]) && (noun(toks.get(k + 1)) || noun(toks.get(k + 2)))
}

/// The head noun of a noun phrase: its last word before a preposition or a comma, a
/// possessive's owner skipped ("Russian coastguard ships" -> "ships", "the ship's captain" ->
/// "captain", "the commander of the fleet" -> "commander").
pub(super) fn head_noun(phrase: &str) -> &str {
    let cut = [" of ", " for ", " in ", " at ", " from ", " with ", ","]
        .iter()
        .filter_map(|p| phrase.find(p))
        .min()
        .unwrap_or(phrase.len());
    phrase[..cut]
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
}
