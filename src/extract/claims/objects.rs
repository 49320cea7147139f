//! What a cue's object says of the cue: a death toll taken ("the blast claimed 20 lives") is no speech.

use super::lexicon::{in_list, TOLL_OBJECTS};
use super::tokens::{word, Tok, TokKind};

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
