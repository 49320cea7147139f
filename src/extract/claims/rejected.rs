//! Appositions naming another party's claim that a party then rejects ("…, a charge Lima has denied", "…, which Moscow denies"), and a claim inside a relative clause ("…, which Quito says was a weather craft, …").

use super::lexicon::{
    in_list, past_verb, AUXILIARIES, REPORTED_THINGS, REPORTED_THING_DETERMINERS,
    REPORTED_THING_RELATIVES,
};
use super::tokens::{is_punct, word, Tok, TokKind};

/// "…, a charge Lima has denied", "…, a claim that New Delhi rejected": the subject phrase
/// from `st` to the cue at `j` opens with (or follows) a determiner and a noun of what another
/// party said ([`REPORTED_THINGS`]) right after a comma; returns the first token of the party.
/// With a cue of denial (`denial`), a relative pronoun after the comma does as well: "the
/// attacks, which Tehran denies" (the pronoun is the object of the denial).
pub(super) fn after_reported_thing(
    text: &str,
    toks: &[Tok],
    st: usize,
    j: usize,
    denial: bool,
) -> Option<usize> {
    let is = |i: usize, list: &[&str]| {
        toks.get(i)
            .is_some_and(|t| t.k == TokKind::Word && in_list(list, word(text, t)))
    };
    let (det, rel) = (&REPORTED_THING_DETERMINERS, &REPORTED_THING_RELATIVES);
    // The noun inside the phrase: "a charge Lima".
    if is(st, det) && is(st + 1, &REPORTED_THINGS) && st >= 1 && is_punct(text, &toks[st - 1], ",")
    {
        let name = st + 2 + usize::from(is(st + 2, rel));
        return (name < j).then_some(name);
    }
    if denial && relative_after_comma(text, toks, st) {
        // "…, which it denies": the pronoun is the accused only when a passive made the
        // accused the sentence's subject ("Iran was blamed for …"); after an active accusation
        // ("Lima blames Quito …") it would be read as the accuser.
        let pronoun = word(text, &toks[st]).eq_ignore_ascii_case("it");
        let passive = super::coref::PASSIVE_ACCUSATION.is_match(&text[toks[0].s..toks[st].s]);
        return (st < j && (!pronoun || passive)).then_some(st);
    }
    // The phrase stopped at the relative pronoun or at the party's own determiner: "a claim
    // that | New Delhi", "a claim | the rebels".
    let r = usize::from(st >= 1 && is(st - 1, rel));
    (st >= 3 + r
        && is(st - 1 - r, &REPORTED_THINGS)
        && is(st - 2 - r, det)
        && is_punct(text, &toks[st - 3 - r], ","))
    .then_some(st)
}

/// "…, which | Tehran denies": token `st` follows "which" right after a comma.
fn relative_after_comma(text: &str, toks: &[Tok], st: usize) -> bool {
    st >= 2
        && toks[st - 1].k == TokKind::Word
        && word(text, &toks[st - 1]).eq_ignore_ascii_case("which")
        && is_punct(text, &toks[st - 2], ",")
}

/// "The craft, which Beijing says was a weather airship, was shot down": a cue whose
/// speaker (from token `st`) follows ", which" reports the rest of the relative clause, from
/// the cue's end (token `ce`, a "that" skipped) to the clause's closing comma or the
/// sentence's end (`sent_end`), not the sentence's main clause. Byte bounds of the content.
pub(super) fn relative_content(
    text: &str,
    toks: &[Tok],
    st: usize,
    ce: usize,
    sent_end: usize,
) -> Option<(usize, usize)> {
    if !relative_after_comma(text, toks, st) {
        return None;
    }
    let first = match toks.get(ce) {
        Some(t) if word(text, t).eq_ignore_ascii_case("that") => ce + 1,
        _ => ce,
    };
    // The clause's subject is the relative pronoun: its verb comes first ("says was …",
    // "says killed …"); "which the rebels blamed on it" has the pronoun as its object.
    let start = toks.get(first).filter(|t| {
        let w = word(text, t);
        t.k == TokKind::Word && (in_list(AUXILIARIES, w) || past_verb(w))
    })?;
    let end = toks[first..]
        .iter()
        .take_while(|t| t.s < sent_end)
        .find(|t| {
            t.k == TokKind::Punct && matches!(word(text, t), "," | ";" | ":" | "—" | "–" | "(")
        })
        .map_or(sent_end, |t| t.s);
    (end > start.e).then_some((start.s, end))
}

/// Where the apposition [`after_reported_thing`] found starts: its determiner, or the
/// relative pronoun after the comma.
pub(super) fn reported_thing_start(text: &str, toks: &[Tok], st: usize) -> usize {
    if st < 2 {
        return st;
    }
    if relative_after_comma(text, toks, st) {
        return st - 1;
    }
    let prev = word(text, &toks[st - 1]);
    if in_list(&REPORTED_THING_RELATIVES, prev) {
        st - 3
    } else if in_list(&REPORTED_THINGS, prev) {
        st - 2
    } else {
        st
    }
}

/// Where a trailing ", a charge", ", a claim that", ", the account which", ", which" starts in
/// `piece` (a determiner, a noun of [`REPORTED_THINGS`], a relative pronoun or none; or a
/// relative pronoun alone, left dangling when the rejection after it was cut off).
pub(super) fn reported_thing_tail(piece: &str) -> Option<usize> {
    let comma = piece.rfind(", ")?;
    let words: Vec<&str> = piece[comma + 2..].split(' ').collect();
    let (det, rel) = (&REPORTED_THING_DETERMINERS, &REPORTED_THING_RELATIVES);
    let fits = match words.as_slice() {
        [r] => r.eq_ignore_ascii_case("which"),
        [d, n] => in_list(det, d) && in_list(&REPORTED_THINGS, n),
        [d, n, r] => in_list(det, d) && in_list(&REPORTED_THINGS, n) && in_list(rel, r),
        _ => false,
    };
    fits.then_some(comma)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reported_thing_tail_table() {
        // (content piece, where the tail starts)
        let cases: &[(&str, Option<usize>)] = &[
            ("Russia was behind the attack, a charge", Some(28)),
            ("Russia was behind the attack, a claim that", Some(28)),
            ("Russia was behind the attack, which", Some(28)),
            ("Russia was behind the attack, the rebels", None),
            ("Russia was behind the attack", None),
        ];
        for (piece, want) in cases {
            assert_eq!(reported_thing_tail(piece), *want, "{piece}");
        }
    }
}
