//! What opens a claim's content after its cue's trailer: a subject after the day or a name ("said on Saturday Ecuador has not …", "said Monday the army …"), a focus word, an addressee's possessive.

use super::lexicon::{in_list, FOCUS, TIME_HEADS, TRAILER_WORDS};
use super::phrase::is_day;
use super::tokens::{is_cap, is_punct, word, Tok, TokKind};

/// Determiners, subject pronouns and possessives (closed class) that open a content after a
/// trailer (a possessive right after "told" is its addressee, [`possessive_addressee`]):
/// "said on Tuesday the plan …", "told his council it would …".
const POSSESSIVES: &[&str] = &["its", "their", "his", "her", "our"];

/// See above: the closed class, possessives ([`POSSESSIVES`]) included.
const CONTENT_OPENERS: &[&str] = &[
    "the", "a", "an", "it", "he", "she", "they", "we", "its", "their", "his", "her", "our",
];

/// "said on Wednesday the government believed …", "said on Monday a deal was near", "said at
/// the United Nations the plan was dead", "said on Tuesday it was absurd": a determiner or a
/// subject pronoun (token `k`) after a day or a name closes the circumstance and opens the
/// content; so does a name or demonym right after a day ([`named_subject_after_day`]).
pub(super) fn subject_after_day_or_name(text: &str, toks: &[Tok], k: usize) -> bool {
    let w = word(text, &toks[k]);
    let opens = in_list(CONTENT_OPENERS, w) || w.eq_ignore_ascii_case("i");
    let prev = &toks[k - 1];
    let pw = word(text, prev);
    if prev.k != TokKind::Word {
        return false;
    }
    opens && (is_day(pw) || is_cap(pw)) || named_subject_after_day(text, toks, k)
}

/// "said on Saturday Ecuador has not sent troops", "said on Monday Armenian forces had
/// shelled the town": a capitalised word right after a day, followed by a lower-case word
/// that is no preposition or trailer word ("on Saturday in Geneva", "on Monday local time"),
/// opens the content: a name or demonym as its subject, not more of the circumstance (a date
/// after the day, "Monday, June 6", or a name run, "Foreign Minister Lavrov", goes on).
fn named_subject_after_day(text: &str, toks: &[Tok], k: usize) -> bool {
    let w = word(text, &toks[k]);
    let pw = word(text, &toks[k - 1]);
    let calendar = |x: &str| !x.bytes().all(|b| b.is_ascii_digit()) && is_day(x);
    let day_before = pw.bytes().any(|b| b.is_ascii_alphabetic()) && calendar(pw);
    if !day_before || !is_cap(w) || calendar(w) {
        return false;
    }
    toks.get(k + 1).is_some_and(|n| {
        let nw = word(text, n);
        let lower = nw.to_lowercase();
        n.k == TokKind::Word
            && !is_cap(nw)
            && !nw.bytes().all(|b| b.is_ascii_digit())
            && !TRAILER_WORDS.contains(&lower.as_str())
            && !matches!(
                lower.as_str(),
                "in" | "at" | "to" | "on" | "with" | "during" | "from" | "and" | "that" | "of"
            )
    })
}

/// "…, the minister told his counterpart, according to …", "told their supporters that": a
/// possessive and its noun right after "told" (token `k`) are the addressee; returns the token
/// after them, or `k`.
pub(super) fn possessive_addressee(text: &str, toks: &[Tok], k: usize, told: bool) -> usize {
    let addressee =
        told && toks.get(k).is_some_and(|t| {
            matches!(
                word(text, t).to_ascii_lowercase().as_str(),
                "his" | "her" | "their" | "its" | "our"
            )
        }) && toks
            .get(k + 1)
            .is_some_and(|t| t.k == TokKind::Word && !is_cap(word(text, t)))
            && toks.get(k + 2).is_none_or(|t| {
                is_punct(text, t, ",")
                    || is_punct(text, t, ".")
                    || in_list(CONTENT_OPENERS, word(text, t))
                    || word(text, t).eq_ignore_ascii_case("that")
            });
    if addressee {
        k + 2
    } else {
        k
    }
}

/// Token `k` is a focus word that opens the content ("said on Friday only Ecuadorean jets were
/// flying"): not before "that" ("said only that …") or a circumstance ("said only hours
/// before …", "told reporters only on Monday that …").
pub(super) fn focus_opens(text: &str, toks: &[Tok], k: usize) -> bool {
    in_list(&FOCUS, word(text, &toks[k]))
        && toks.get(k + 1).is_some_and(|n| {
            let nw = word(text, n).to_ascii_lowercase();
            n.k == TokKind::Word
                && nw != "that"
                && (!in_list(CONTENT_OPENERS, &nw) || POSSESSIVES.contains(&nw.as_str()))
                && !in_list(&TIME_HEADS, &nw)
                && !matches!(nw.as_str(), "hours" | "minutes" | "moments")
        })
}
