//! Where a clause of a claim's content begins and ends: the stops, dashes, ", but" and sentence ends that bound what a negator or a modal governs.

use once_cell::sync::Lazy;
use regex::Regex;

/// Where `head` continues after its last stop of `marks`, past the stop itself (a dash is
/// three bytes); 0 when it holds none.
pub(super) fn after_last(head: &str, marks: &[char]) -> usize {
    after_last_where(head, |c| marks.contains(&c))
}

/// Where `head` continues after its last character that `stop` accepts, past it; 0 when none.
fn after_last_where(head: &str, stop: impl FnMut(char) -> bool) -> usize {
    head.rfind(stop).map_or(0, |i| {
        i + head[i..].chars().next().map_or(1, char::len_utf8)
    })
}

/// Where the clause holding byte `at` begins: after the last ';', ':', '(', ", but" or the
/// end of a sentence (a quote of two sentences is two clauses: "This is not their fault.
/// Russia bears responsibility" negates nothing in the second).
pub(super) fn clause_start(text: &str, at: usize) -> usize {
    let head = &text[..at];
    let mut start = after_last(head, &[';', ':', '(', '—']);
    if let Some(i) = head.rfind(", but ") {
        start = start.max(i + 6);
    }
    // The sentence's capital may be the act's own first letter: look at the whole text.
    if let Some(next) = sentence_ends(text)
        .map(|m| m.end() - 1)
        .take_while(|&s| s <= at)
        .last()
    {
        start = start.max(next);
    }
    start
}

/// Where the clause holding byte `at` ends: at the next ';', ':', '(', '—', ", but" or the
/// end of a sentence (its stop included).
pub(super) fn clause_end(text: &str, at: usize) -> usize {
    let tail = &text[at..];
    let mut end = at + tail.find([';', ':', '(', '—']).unwrap_or(tail.len());
    if let Some(i) = tail.find(", but ") {
        end = end.min(at + i);
    }
    // An act may end on the stop itself ("… who is responsible. Iran called for calm").
    if let Some(stop) = sentence_ends(text)
        .map(|m| m.start() + 4)
        .find(|&stop| stop > at)
    {
        end = end.min(stop);
    }
    end
}

/// Each sentence end in `text`, in order ([`SENTENCE_END`] less titles written short): the
/// stop is 3 bytes after the match's start, the next sentence's capital its last byte.
fn sentence_ends(text: &str) -> impl Iterator<Item = regex::Match<'_>> + '_ {
    SENTENCE_END
        .find_iter(text)
        .filter(move |m| !abbreviation(text, m.start()))
}

/// The word ending at the stop after byte `at + 3` is a title or a month written short
/// ("Brig. Gen. Hajizadeh", "Capt. Lee", "Sept. 5"): no sentence ends there.
fn abbreviation(text: &str, at: usize) -> bool {
    const SHORT: &[&str] = &[
        "brig", "gen", "capt", "col", "maj", "sgt", "adm", "cmdr", "cpl", "pvt", "prof", "gov",
        "sen", "rep", "rev", "hon", "insp", "supt", "det", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec", "corp", "inc", "ltd", "est", "approx",
        "etc", "dept", "univ", "ave", "blvd",
    ];
    let head = &text[..at + 3];
    let word_start = after_last_where(head, |c| !c.is_alphabetic());
    SHORT.contains(&head[word_start..].to_lowercase().as_str())
}

/// The end of a sentence inside a claim: a lower-case word of three letters or more (not a
/// title written short, [`abbreviation`]), a full stop, question or exclamation mark (and a
/// closing quote), a space and a capital. An initial or a title ("U.S. President", "Gen.
/// Smith") ends no sentence.
static SENTENCE_END: Lazy<Regex> =
    Lazy::new(|| Regex::new(r#"[a-z]{3}[.?!]["”’']? ["“‘']?[A-Z]"#).expect("valid regex"));
