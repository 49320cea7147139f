//! Where a clause of a claim's content begins and ends: the stops, dashes, ", but" and sentence ends that bound what a negator or a modal governs.

use once_cell::sync::Lazy;
use regex::Regex;

/// Where `head` continues after its last stop of `marks`, past the stop itself (a dash is
/// three bytes); 0 when it holds none.
pub(super) fn after_last(head: &str, marks: &[char]) -> usize {
    head.rfind(marks).map_or(0, |i| {
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
    if let Some(m) = SENTENCE_END.find_iter(head).last() {
        start = start.max(m.end() - 1);
    }
    start
}

/// Where the clause holding byte `at` ends: at the next ';', ':', '(', '—', ", but" or the
/// end of a sentence.
pub(super) fn clause_end(text: &str, at: usize) -> usize {
    let tail = &text[at..];
    let mut end = tail.find([';', ':', '(', '—']).unwrap_or(tail.len());
    if let Some(i) = tail.find(", but ") {
        end = end.min(i);
    }
    if let Some(m) = SENTENCE_END.find(tail) {
        end = end.min(m.start() + 4);
    }
    at + end
}

/// The end of a sentence inside a claim: a lower-case word of three letters or more, a full
/// stop, question or exclamation mark (and a closing quote), a space and a capital. An
/// initial or a title ("U.S. President", "Gen. Smith") ends no sentence.
static SENTENCE_END: Lazy<Regex> =
    Lazy::new(|| Regex::new(r#"[a-z]{3}[.?!]["”’']? ["“‘']?[A-Z]"#).expect("valid regex"));
