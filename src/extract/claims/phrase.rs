//! Speaker noun phrases: scanning a phrase backwards from a cue ("Sergei Lavrov, Russia's
//! foreign minister, said") or forwards after it ("said Lavrov"), its canonical name, and the
//! adverbs and trailers that may stand between a speaker, its cue and the content.

use super::lexicon::{
    in_list, role_of, ASIDES, BODY_HEADS, CAP_STOP, DETERMINERS, LY_NOUNS, MODIFIERS,
    NAME_LIKE_SKIPS, NP_STOP, PRONOUNS, QUANTIFIERS, SKIP_BEFORE_CUE, TIME_HEADS, TIME_PHRASE,
    TRAILER_WORDS,
};
use super::opens::{focus_opens, possessive_addressee, subject_after_day_or_name};
use super::tokens::{is_cap, is_punct, word, Tok, TokKind};

/// `NP who VERB ... <st>`: a relative clause between the subject and the phrase starting at
/// `st`. Returns the subject's first token and the index of "who". Only plain words between
/// "who" and `st`, and the subject must open the clause.
pub(super) fn relative_subject(text: &str, toks: &[Tok], st: usize) -> Option<(usize, usize)> {
    let mut w = st;
    while w > 0 && st - w < 12 {
        w -= 1;
        let t = &toks[w];
        if t.k != TokKind::Word {
            return None;
        }
        if is_relative(word(text, t)) {
            break;
        }
    }
    if w == 0 || !is_relative(word(text, &toks[w])) {
        return None;
    }
    let s2 = np_back(text, toks, w - 1, true)?;
    // "The company that owns the vessel said": "that"/"which" only after a determiner's
    // noun phrase ("the company"), never after a name or a verb.
    let who = word(text, &toks[w]).eq_ignore_ascii_case("who");
    // ("a fact that Russia said": "that" right before the subject is the object's.)
    if !who && (w + 1 >= st || !in_list(&["the", "a", "an"], word(text, &toks[s2]))) {
        return None;
    }
    let opens = s2 == 0
        || toks[s2 - 1].k != TokKind::Word
        || in_list(&["and", "but"], word(text, &toks[s2 - 1]));
    opens.then_some((s2, w))
}

/// `ROLE prep ... prep <st>`: the phrase starting at `st` is the object of a preposition
/// ("Observers of the vote in Ruritania said"), so the subject is the role noun further back
/// that opens the clause, not the place at the end. Returns the subject's first token and its
/// head (the role noun, inclusive). Only plain words between the role and `st`, at most ten,
/// and the role must be followed by a preposition itself.
pub(super) fn pp_subject(text: &str, toks: &[Tok], st: usize) -> Option<(usize, usize)> {
    if st == 0 || toks[st - 1].k != TokKind::Word || !pp_word(word(text, &toks[st - 1])) {
        return None;
    }
    let mut r = st - 1;
    // "Sergei Rudskoy of the General Staff said": a person's name (two capitalised words that
    // are no role) right before "of" speaks; the body after it is where he serves.
    let name_word = |k: usize| {
        let w = word(text, &toks[k]);
        toks[k].k == TokKind::Word && is_cap(w) && role_of(w).is_none() && !in_list(&CAP_STOP, w)
    };
    if st >= 3 && word(text, &toks[st - 1]) == "of" && name_word(st - 2) && name_word(st - 3) {
        r = st - 2;
    } else {
        loop {
            if r == 0 || st - r > 10 {
                return None;
            }
            r -= 1;
            let t = &toks[r];
            if t.k != TokKind::Word || is_relative(word(text, t)) {
                return None;
            }
            let w = word(text, t);
            if role_of(w).is_some_and(|role| !role.org)
                && toks.get(r + 1).is_some_and(|n| pp_word(word(text, n)))
            {
                break;
            }
        }
    }
    let s2 = np_back(text, toks, r, false)?;
    let opens = s2 == 0
        || toks[s2 - 1].k != TokKind::Word
        || in_list(&["and", "but"], word(text, &toks[s2 - 1]));
    opens.then_some((s2, r))
}

/// "Lavrov at a news conference in Moscow said", "Ana Ruiz on Friday at the council said": a
/// clause that opens with a name of one to three capitalised words (no determiner, no role)
/// and then a circumstance (a preposition of place or time and at most
/// [`NAME_CIRCUMSTANCE_WORDS`] words) before the verb has the name as its subject, not the noun that
/// ends the circumstance. Returns the name's first and last tokens.
pub(super) fn name_then_circumstance(
    text: &str,
    toks: &[Tok],
    st: usize,
) -> Option<(usize, usize)> {
    let open = (0..st)
        .rev()
        .find(|&k| toks[k].k != TokKind::Word)
        .map_or(0, |k| k + 1);
    let name_word = |k: usize| {
        let w = word(text, &toks[k]);
        is_cap(w) && role_of(w).is_none() && !in_list(&CAP_STOP, w) && !in_list(DETERMINERS, w)
    };
    let run = (open..st).take_while(|&k| name_word(k)).count();
    if run == 0 || run > 3 {
        return None;
    }
    // An adverb or a time noun opening the clause ("Late on Friday the Kremlin said", "Days after
    // the attack Syria said") and a plural of people ("Protesters in Minsk said") are no names.
    let lower = word(text, &toks[open]).to_ascii_lowercase();
    let plural_people = run == 1
        && ["ers", "ists", "ians", "ans", "men"]
            .iter()
            .any(|e| lower.ends_with(e));
    if lower.ends_with("ly") || NOT_NAMES.contains(&lower.as_str()) || plural_people {
        return None;
    }
    let circumstance = |k: usize| in_list(&CIRCUMSTANCE, word(text, &toks[k]));
    // The phrase before the verb must end the circumstance ("in Moscow said"), not be a subject
    // of its own ("… the Kremlin said").
    let governed =
        st > 0 && (circumstance(st - 1) || word(text, &toks[st - 1]).eq_ignore_ascii_case("of"));
    if !governed {
        return None;
    }
    let prep = open + run;
    (circumstance(prep) && st - prep <= NAME_CIRCUMSTANCE_WORDS).then_some((open, prep - 1))
}

/// Capitalised words that open a clause as adverbs or time nouns, never as a speaker's name
/// ([`name_then_circumstance`]).
const NOT_NAMES: &[&str] = &[
    "late",
    "early",
    "soon",
    "back",
    "elsewhere",
    "right",
    "hours",
    "days",
    "weeks",
    "months",
    "minutes",
    "moments",
    "later",
    "then",
    "meanwhile",
];

/// How many words a circumstance between a name and its verb may run ([`name_then_circumstance`]):
/// "at the council's meeting on the chemical weapons of the region also" is ten.
const NAME_CIRCUMSTANCE_WORDS: usize = 12;

/// A preposition that hangs a phrase on the noun before it inside a subject.
fn pp_word(w: &str) -> bool {
    role_preposition(w)
        || ["on", "across", "near"]
            .iter()
            .any(|p| w.eq_ignore_ascii_case(p))
}

/// A relative pronoun that may open a clause between a subject and its verb.
fn is_relative(w: &str) -> bool {
    ["who", "that", "which"]
        .iter()
        .any(|r| w.eq_ignore_ascii_case(r))
}

/// Scan a speaker noun phrase ending at token `j` (inclusive), backwards. Returns the first
/// token. `loose` accepts any content word as the head (strong cues: "Former prosecutors
/// said"); otherwise the head must be a name, a pronoun, a role noun or follow a determiner.
pub(super) fn np_back(text: &str, toks: &[Tok], j: usize, loose: bool) -> Option<usize> {
    let t = toks.get(j)?;
    if is_punct(text, t, ")") && j > 1 {
        let o = (j.saturating_sub(10)..j)
            .rev()
            .find(|&o| is_punct(text, &toks[o], "("))?;
        return if o > 0 {
            np_back(text, toks, o - 1, loose)
        } else {
            None
        };
    }
    if t.k != TokKind::Word {
        return None;
    }
    let w = word(text, t);
    let lw = w.to_lowercase();
    if PRONOUNS.contains(&lw.as_str()) {
        return Some(j);
    }
    // "Several said ...", "Most say ...": a bare quantifier opening the clause.
    if in_list(QUANTIFIERS, w) && (j == 0 || toks[j - 1].k != TokKind::Word) {
        return Some(j);
    }
    if !head_ok(text, toks, j, loose) {
        return None;
    }
    Some(extend_back(text, toks, j, loose))
}

/// Can word `j` head a speaker phrase: a name, a role noun, a word after a determiner, or (when
/// `loose`) any content word.
fn head_ok(text: &str, toks: &[Tok], j: usize, loose: bool) -> bool {
    let w = word(text, &toks[j]);
    let lw = w.to_lowercase();
    let after_det = j > 0
        && toks[j - 1].k == TokKind::Word
        && (in_list(DETERMINERS, word(text, &toks[j - 1]))
            || word(text, &toks[j - 1]).bytes().all(|b| b.is_ascii_digit()));
    let head_ok = (is_cap(w) && !in_list(&CAP_STOP, w) && !in_list(DETERMINERS, w))
        || role_of(w).is_some()
        || (after_det && !in_list(&SKIP_BEFORE_CUE, w) && !in_list(DETERMINERS, w))
        || (loose
            && !lw.bytes().all(|b| b.is_ascii_digit())
            && !NP_STOP.contains(&lw.as_str())
            && !in_list(&SKIP_BEFORE_CUE, w)
            && !in_list(DETERMINERS, w)
            && !lw.ends_with("ly"));
    head_ok
}

/// Extend a speaker phrase headed by token `j` backwards through names, role nouns, modifiers,
/// a determiner, "a spokesman for", "sources close to" and short parentheses; returns its
/// first token.
fn extend_back(text: &str, toks: &[Tok], j: usize, loose: bool) -> usize {
    let mut start = j;
    let mut i = j;
    let mut loose_words = 0;
    while i > 0 {
        let p = &toks[i - 1];
        let pw = word(text, p);
        if p.k != TokKind::Word {
            // "Sen. Rand Paul (R-Ky.) said": step over a short parenthesis.
            if is_punct(text, p, ")") {
                if let Some(o) = (i.saturating_sub(10)..i - 1)
                    .rev()
                    .find(|&o| is_punct(text, &toks[o], "("))
                {
                    if o > 0 && toks[o - 1].k == TokKind::Word && is_cap(word(text, &toks[o - 1])) {
                        i = o;
                        start = o;
                        continue;
                    }
                }
            }
            break;
        }
        if pw == "that" || pw == "which" {
            break;
        }
        if in_list(DETERMINERS, pw) && !is_cap(pw) || matches!(pw, "The" | "A" | "An") {
            start = i - 1;
            match through_determiner(text, toks, i, j) {
                Some(n) => {
                    i = n;
                    start = i;
                    continue;
                }
                None => break,
            }
        }
        // "On June 13 Brown said", "In June Brown said": a date before the name is the
        // sentence's time, not the speaker's ("June Carter said" keeps her given name).
        if date_word(text, toks, i - 1) {
            break;
        }
        let lp = pw.to_lowercase();
        if let Some(n) = through_link(text, toks, i, &lp) {
            i = n;
            start = i;
            continue;
        }
        let strict_ok = (is_cap(pw) && !in_list(&CAP_STOP, pw))
            || role_of(pw).is_some()
            || MODIFIERS.contains(&lp.as_str())
            || participle_modifier(text, toks, i - 1)
            || pw.bytes().all(|b| b.is_ascii_digit())
            // "Abdulaziz bin Salman": a name particle between two capitalised words
            || (is_name_particle(pw)
                && (is_cap(word(text, &toks[i])) || is_name_particle(word(text, &toks[i])))
                && i >= 2
                && toks[i - 2].k == TokKind::Word
                && (is_cap(word(text, &toks[i - 2])) || is_name_particle(word(text, &toks[i - 2]))));
        let loose_ok = loose
            && loose_words < 3
            && !NP_STOP.contains(&lp.as_str())
            && !in_list(&SKIP_BEFORE_CUE, pw)
            && !lp.ends_with("ly")
            && !lp.ends_with("ed");
        if !strict_ok && !loose_ok {
            break;
        }
        if !strict_ok {
            loose_words += 1;
        }
        i -= 1;
        start = i;
    }
    start
}

/// A determiner at token `i - 1` before a speaker phrase's words, whose head is token `j`:
/// where the phrase goes on to ("diplomats familiar with the talks", "a spokesman for the
/// Kremlin", "The owner of the ship"), or `None` when it starts at the determiner.
fn through_determiner(text: &str, toks: &[Tok], i: usize, j: usize) -> Option<usize> {
    let lower = |n: usize| word(text, &toks[n]).to_lowercase();
    // "diplomats familiar with the talks", "sources close to the negotiations".
    if i >= 4
        && matches!(lower(i - 2).as_str(), "with" | "to")
        && matches!(lower(i - 3).as_str(), "familiar" | "close")
        && toks[i - 4].k == TokKind::Word
    {
        return Some(i - 3);
    }
    // "a spokesman for the Kremlin", "a source in the Egyptian delegation", "the Border
    // Service in the Crimea": continue through the preposition after a role noun or a
    // body's last word.
    if i >= 3
        && role_preposition(word(text, &toks[i - 2]))
        && role_or_body(word(text, &toks[i - 3]))
    {
        return Some(i - 3);
    }
    // "The owner of the ship said", "the organizer of the rally said": a noun after a
    // determiner, then "of", heads the phrase whatever the noun (the ship did not speak).
    if i >= 4 && i == j && of_phrase_head(text, toks, i - 3) {
        return Some(i - 2);
    }
    None
}

/// A lowercase link word `lp` at token `i - 1` inside a speaker phrase: where the phrase goes
/// on to, or `None` when the link ends it. "a spokesman for", "the Ministry of Defence",
/// "Minister of Culture and Tourism", "Minister of State for Foreign Affairs".
fn through_link(text: &str, toks: &[Tok], i: usize, lp: &str) -> Option<usize> {
    let is_word = |n: usize| toks[n].k == TokKind::Word;
    if role_preposition(lp) && i >= 2 && role_or_body(word(text, &toks[i - 2])) && is_word(i - 2) {
        return Some(i - 2);
    }
    // "the Board of Governors", "the Ministry of Defence": "of" between two capitalised
    // words is inside a name.
    if lp == "of"
        && i >= 2
        && is_word(i - 2)
        && is_cap(word(text, &toks[i - 2]))
        && is_cap(word(text, &toks[i]))
    {
        return Some(i - 1);
    }
    let portfolio_at = |n: usize| {
        toks.get(n).is_some_and(|t| {
            let w = word(text, t);
            t.k == TokKind::Word && is_cap(w) && crate::extract::actors::portfolio_word(w)
        })
    };
    // "Minister of Culture and Tourism Ana Ruiz": "and" between two words of a portfolio.
    if lp == "and" && i >= 2 && portfolio_at(i) && portfolio_at(i - 2) {
        return Some(i - 1);
    }
    // "Minister of State for Foreign Affairs Ali Khan": "for" between a portfolio word
    // and a capitalised word goes on towards the title.
    if (lp == "for" || lp == "of") && i >= 2 && portfolio_at(i - 2) && portfolio_at(i) {
        return Some(i - 2);
    }
    None
}

/// Token `k` is a lowercase noun between a determiner and "of" ("the owner of", "an organizer
/// of"): the head of a speaker phrase whose "of" phrase only says whose or of what.
fn of_phrase_head(text: &str, toks: &[Tok], k: usize) -> bool {
    let is_word = |n: usize| toks.get(n).is_some_and(|t| t.k == TokKind::Word);
    if k == 0 || !is_word(k - 1) || !is_word(k) || !is_word(k + 1) {
        return false;
    }
    let w = word(text, &toks[k]);
    // "On the eve of the summit diplomats said": a phrase after a preposition is a
    // circumstance, not a speaker.
    let after_preposition = k >= 2
        && toks[k - 2].k == TokKind::Word
        && (in_list(&super::lexicon::CONTENT_OPENERS, word(text, &toks[k - 2]))
            || pp_word(word(text, &toks[k - 2])));
    !after_preposition
        && word(text, &toks[k + 1]) == "of"
        && matches!(
            word(text, &toks[k - 1]),
            "the" | "The" | "a" | "A" | "an" | "An"
        )
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && !NP_STOP.contains(&w)
        && !in_list(&SKIP_BEFORE_CUE, w)
        && !w.ends_with("ly")
        && !w.ends_with("ing")
}

/// Token `k` belongs to a date: a day number next to a month's name ("June 13", "13 June"),
/// or a month's name after a preposition of time or before a day number ("in June").
fn date_word(text: &str, toks: &[Tok], k: usize) -> bool {
    let is_word = |n: usize| toks.get(n).is_some_and(|t| t.k == TokKind::Word);
    let month = |n: usize| {
        is_word(n)
            && is_cap(word(text, &toks[n]))
            && crate::extract::timex::calendar::month_of(&word(text, &toks[n]).to_ascii_lowercase())
                .is_some()
    };
    let day = |n: usize| {
        is_word(n) && {
            let w = word(text, &toks[n]);
            (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
        }
    };
    if day(k) {
        return (k > 0 && month(k - 1)) || month(k + 1);
    }
    month(k)
        && (day(k + 1)
            || (k > 0 && day(k - 1))
            || (k > 0
                && is_word(k - 1)
                && matches!(
                    word(text, &toks[k - 1]).to_ascii_lowercase().as_str(),
                    "in" | "on" | "since" | "by" | "until" | "from" | "early" | "late" | "mid"
                )))
}

/// "the internationally recognised government", "the newly elected president", "the
/// recently appointed envoy": a past participle right after a determiner, or after an "-ly"
/// adverb that follows one, is an adjective of the speaker phrase (token `k`), and so is the
/// adverb before it. Elsewhere an "-ed" word may be the verb of a clause ("officials
/// rejected"), so the determiner is required.
fn participle_modifier(text: &str, toks: &[Tok], k: usize) -> bool {
    let lower = |n: usize| {
        toks.get(n)
            .filter(|t| t.k == TokKind::Word)
            .map(|t| word(text, t).to_lowercase())
    };
    let is_det = |n: Option<usize>| {
        n.and_then(lower)
            .is_some_and(|w| matches!(w.as_str(), "the" | "a" | "an" | "its" | "their"))
    };
    let participle = |w: &str| w.len() > 4 && (w.ends_with("ed") || w.ends_with("en"));
    let Some(w) = lower(k) else {
        return false;
    };
    if w.len() > 4 && w.ends_with("ly") {
        return lower(k + 1).is_some_and(|n| participle(&n)) && is_det(k.checked_sub(1));
    }
    participle(&w)
        && (is_det(k.checked_sub(1))
            || (k
                .checked_sub(1)
                .and_then(lower)
                .is_some_and(|a| a.len() > 4 && a.ends_with("ly"))
                && is_det(k.checked_sub(2))))
}

/// A role noun ("spokesman", "embassy") or the last word of a body's name ("Service",
/// "guard"): either may take a preposition inside a speaker phrase.
fn role_or_body(w: &str) -> bool {
    // "Undersecretary-General for political affairs": a capitalised title of hyphenated
    // parts is a role when one part is.
    role_of(w).is_some() || in_list(&BODY_HEADS, w) || hyphenated_title(w)
}

/// A capitalised title of hyphenated parts one of which is a role ("Undersecretary-General").
fn hyphenated_title(w: &str) -> bool {
    w.contains('-') && is_cap(w) && w.split('-').any(|p| role_of(p).is_some())
}

/// A preposition that may follow a role noun inside a speaker phrase: "a spokesman for",
/// "a source in", "officials from", "a diplomat at", "the ambassador to London".
pub(super) fn role_preposition(w: &str) -> bool {
    ["for", "of", "at", "in", "from", "within", "to"]
        .iter()
        .any(|p| w.eq_ignore_ascii_case(p))
}

/// Scan a speaker noun phrase forward from token `i` (quote-first inversion: "said Lavrov").
pub(super) fn np_fwd(text: &str, toks: &[Tok], i: usize) -> Option<usize> {
    np_fwd_mode(text, toks, i, false)
}

/// As [`np_fwd`]; `loose` also accepts plain lowercase words after a determiner
/// ("said a former senior law enforcement official", "said the 46-year-old").
pub(super) fn np_fwd_mode(text: &str, toks: &[Tok], i: usize, loose: bool) -> Option<usize> {
    let t = toks.get(i)?;
    if t.k != TokKind::Word {
        return None;
    }
    let w = word(text, t);
    let first_ok = (is_cap(w) && !in_list(&CAP_STOP, w))
        || in_list(DETERMINERS, w)
        || in_list(PRONOUNS, w)
        || role_of(w).is_some()
        || MODIFIERS.contains(&w.to_lowercase().as_str());
    if !first_ok || in_list(&["that", "this", "it"], w) {
        return None;
    }
    if in_list(PRONOUNS, w) {
        return Some(i);
    }
    let mut end = i;
    let mut saw_head = false;
    let mut k = i;
    while k < toks.len() {
        let tk = &toks[k];
        if tk.k != TokKind::Word {
            break;
        }
        let tw = word(text, tk);
        let lw = tw.to_lowercase();
        let loose_ok = loose
            && k > i
            && k < i + 6
            && !NP_STOP.contains(&lw.as_str())
            && !in_list(&SKIP_BEFORE_CUE, tw)
            && !in_list(&TRAILER_WORDS, tw)
            && !lw.ends_with("ly")
            && !lw.ends_with("ing");
        let ok = (is_cap(tw) && !in_list(&CAP_STOP, tw))
            || (k == i && in_list(DETERMINERS, tw))
            || (k <= i + 2 && tw.bytes().all(|b| b.is_ascii_digit()))
            || loose_ok
            || role_of(tw).is_some()
            || MODIFIERS.contains(&lw.as_str())
            // A lower-case owner after the determiner: "the ministry's spokesman", "the rebels'
            // spokesman".
            || (k == i + 1
                && in_list(DETERMINERS, word(text, t))
                && (crate::extract::words::strip_possessive(&lw).is_some()
                    || lw.ends_with("s'")
                    || lw.ends_with("s’"))
                && toks.get(k + 1).is_some_and(|n| n.k == TokKind::Word))
            || (saw_head
                && matches!(lw.as_str(), "of" | "for" | "the")
                && toks
                    .get(k + 1)
                    .map(|n| n.k == TokKind::Word)
                    .unwrap_or(false));
        if !ok {
            break;
        }
        if is_cap(tw) || role_of(tw).is_some() || (loose_ok && !lw.ends_with("ed")) {
            saw_head = true;
        }
        end = k;
        k += 1;
    }
    if !saw_head {
        return None;
    }
    // Trailing "of"/"for"/"the" is not part of the phrase.
    while end > i && in_list(&["of", "for", "the"], word(text, &toks[end])) {
        end -= 1;
    }
    Some(end)
}

/// A lowercase particle inside a personal name: "Abdulaziz bin Salman", "Ursula von der Leyen".
pub(crate) fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "al"
            | "van"
            | "von"
            | "bin"
            | "ibn"
            | "el"
            | "da"
            | "di"
            | "du"
            | "la"
            | "le"
            | "der"
    )
}

/// Canonical speaker name from a phrase: the trailing capitalized run after the last title word
/// ("Russia's defense minister Sergei Shoigu" -> "Sergei Shoigu"), else the whole phrase.
pub(super) fn canonical_name(text: &str, toks: &[Tok]) -> (String, bool) {
    let words: Vec<&str> = toks.iter().map(|t| word(text, t)).collect();
    let mut k = words.len();
    while k > 0
        && (is_cap(words[k - 1]) || (k < words.len() && k >= 2 && is_name_particle(words[k - 1])))
        && role_of(words[k - 1]).is_none()
    {
        let lw = words[k - 1].to_lowercase();
        if lw.ends_with("'s") || lw.ends_with("’s") {
            break;
        }
        k -= 1;
    }
    // "Challenging Putin, who …": an opening participle is no first name.
    if words.len() - k >= 2 && opening_participle(words[k]) {
        k += 1;
    }
    // "Minister of State for Foreign Affairs Ali Khan", "Secretary of State Tom Kerrigan": a
    // title whose portfolio follows "of" or "for"; the name is what follows the portfolio.
    let portfolio = portfolio_words(&words, k);
    if portfolio > 0 {
        let s = toks[k + portfolio].s;
        let e = toks[toks.len() - 1].e;
        return (text[s..e].to_string(), true);
    }
    let run = &words[k..];
    // "Undersecretary-General for political affairs Rosemary DiCarlo": a title may end in a
    // lower-case portfolio; a run of two capitalised words after it is the name.
    let after_portfolio = k > 0
        && run.len() >= 2
        && words[k - 1].chars().all(|c| c.is_lowercase())
        && !role_preposition(words[k - 1])
        && !in_list(DETERMINERS, words[k - 1])
        && words[..k - 1]
            .iter()
            .any(|w| is_cap(w) && (role_of(w).is_some() || hyphenated_title(w)));
    let preceded_by_title = k > 0 && (role_of(words[k - 1]).is_some() || after_portfolio);
    let at_start = k == 0 || (k == 1 && in_list(DETERMINERS, words[0]));
    if !run.is_empty() && (preceded_by_title || at_start) && k < words.len() {
        // A lone country/organisation ("Russia") stays a name too.
        let named = run.len() >= 2 || preceded_by_title || at_start;
        let s = toks[k].s;
        let e = toks[toks.len() - 1].e;
        return (text[s..e].to_string(), named);
    }
    if toks.is_empty() {
        return (String::new(), false);
    }
    (text[toks[0].s..toks[toks.len() - 1].e].to_string(), false)
}

/// How many words of the capitalised run `words[k..]` are a portfolio after a title's "of" or
/// "for" ("Minister of | Energy Bill Moss", "Minister of State for | Foreign Affairs Ali Khan"),
/// leaving at least one word of a name; 0 when the run does not follow such a title.
fn portfolio_words(words: &[&str], k: usize) -> usize {
    let link = |w: &str| w == "of" || w == "for";
    let portfolio = |w: &&&str| crate::extract::actors::portfolio_word(w) || **w == "and";
    // "Minister of Culture and Tourism Ana Ruiz": the run may start after an "and" inside
    // the portfolio.
    let j = k - words[..k].iter().rev().take_while(portfolio).count();
    if j < 2 || !link(words[j - 1]) {
        return 0;
    }
    // The title: a capitalised role word before the link, with only capitalised words and
    // links between ("Minister of State for").
    let titled = words[..j - 1]
        .iter()
        .rev()
        .take_while(|w| is_cap(w) || link(w))
        .any(|w| is_cap(w) && role_of(w).is_some());
    if !titled {
        return 0;
    }
    let n = words[k..].iter().take_while(portfolio).count();
    if n < words.len() - k {
        n
    } else {
        0
    }
}

/// A capitalised participle of eight letters or more ("Challenging", "Addressing"): a clause
/// opening, not a first name (names in "-ing" are short: "Ewing", "Beijing").
fn opening_participle(w: &str) -> bool {
    w.len() >= 8
        && w.ends_with("ing")
        && w.starts_with(|c: char| c.is_ascii_uppercase())
        && w[1..].bytes().all(|b| b.is_ascii_lowercase())
}

/// The subject phrase that opens a sentence, skipping a leading adverbial clause ("In an
/// interview Thursday, the senator criticized ... and said ...").
pub(super) fn sentence_subject(text: &str, toks: &[Tok]) -> Option<(usize, usize)> {
    let mut k0 = toks.iter().position(|t| t.k == TokKind::Word)?;
    // "However, Lavrov said", "In a statement, the ministry said": skip the opener up to its
    // comma; "But Moscow hit back, claiming ...": a bare conjunction is skipped below, and the
    // comma after the verb phrase is no opener's.
    if in_list(&CAP_STOP, word(text, &toks[k0])) || opening_modifier(text, toks, k0) {
        let comma = (k0..toks.len().min(k0 + 16)).find(|&k| is_punct(text, &toks[k], ","));
        let conjunction = matches!(
            word(text, &toks[k0]).to_lowercase().as_str(),
            "but" | "and" | "yet" | "so"
        );
        if let Some(c) = comma.filter(|_| !conjunction) {
            k0 = c + 1;
            // "Later, at a campaign event in Hesse, Merkel said": a second opener, a
            // preposition and its phrase up to the next comma, sets the scene too.
            let next = (k0..toks.len().min(k0 + 2)).find(|&k| toks[k].k == TokKind::Word);
            if let Some(k) = next.filter(|&k| SCENE_PREPOSITIONS.contains(&word(text, &toks[k]))) {
                if let Some(c) =
                    (k..toks.len().min(k + 16)).find(|&k| is_punct(text, &toks[k], ","))
                {
                    k0 = c + 1;
                }
            }
        }
    }
    while k0 < toks.len()
        && (toks[k0].k != TokKind::Word || in_list(&CAP_STOP, word(text, &toks[k0])))
        && k0 < 20
    {
        k0 += 1;
    }
    let end = np_fwd(text, toks, k0)?;
    Some((k0, end))
}

/// Prepositions that open a scene-setting phrase after an opener ("Later, at a rally …,").
const SCENE_PREPOSITIONS: [&str; 5] = ["at", "in", "during", "on", "after"];

/// "Reacting to the sanctions, Iran vowed …", "Addressing the nation, Lee warned …",
/// "Recently, Washington sent …": a sentence that opens with a participle and "to" or its
/// object's determiner, or an adverb in "-ally"/"-ly" (not a name in "-lly":
/// "Donnelly, who …") and a comma, sets the scene; the subject comes after the comma. A place
/// in "-ing" takes neither after it ("Beijing on Monday summoned …" keeps its subject).
fn opening_modifier(text: &str, toks: &[Tok], k0: usize) -> bool {
    let w = word(text, &toks[k0]);
    let lower = w.to_ascii_lowercase();
    if !is_cap(w) || lower.len() < 6 {
        return false;
    }
    let next = toks.get(k0 + 1);
    if manner_adverb(&lower) {
        let name = lower.ends_with("lly") && !lower.ends_with("ally");
        return !name && next.is_some_and(|t| is_punct(text, t, ","));
    }
    // "Addressing the nation, Lee said …": a participle and its object's determiner; a place
    // in "-ing" is never followed by one.
    let opens_object = |w: &str| {
        matches!(
            w,
            "to" | "the" | "a" | "an" | "his" | "her" | "its" | "their" | "reporters"
        )
    };
    lower.ends_with("ing") && next.is_some_and(|t| opens_object(word(text, t)))
}

/// Skip adverbs, auxiliaries and time words between a speaker and its cue, backwards from token `j`.
pub(super) fn skip_back(text: &str, toks: &[Tok], mut j: usize) -> usize {
    while j > 0 {
        let t = &toks[j - 1];
        let w = word(text, t);
        // "on 25 May said": a date, before the modal-surname check below reads "May".
        if let Some(on) = date_before(text, toks, j) {
            j = on;
            continue;
        }
        // A capitalised modal that is also a surname ("May said", "Theresa May told") is the
        // speaker: before a cue a modal is never capitalised, a name always is.
        if is_cap(w) && in_list(NAME_LIKE_SKIPS, w) {
            break;
        }
        // "have all rejected", "They both said": a floating quantifier after the subject.
        let floating = matches!(w, "all" | "both") && j >= 2 && toks[j - 2].k == TokKind::Word;
        // "The ministry late on Thursday said": a time of day before a day.
        let time_of_day =
            matches!(w, "late" | "early") && time_of_day_unit(text, toks, j - 1).is_some();
        if t.k == TokKind::Word
            && (in_list(&SKIP_BEFORE_CUE, w) || manner_adverb(w) || floating || time_of_day)
        {
            j -= 1;
        } else if let Some(open) = aside_before(text, toks, j) {
            j = open;
        } else if let Some(prep) = phrase_after_auxiliary(text, toks, j) {
            j = prep;
        } else {
            break;
        }
    }
    j
}

/// "Ana Ruiz on November 25 accused", "… on 25 May said", "… on Nov. 25 said": a date after
/// "on" straight before token `j`; the index of "on", so the walk reaches the speaker.
fn date_before(text: &str, toks: &[Tok], j: usize) -> Option<usize> {
    let digits = |k: usize| {
        let w = word(text, &toks[k]);
        toks[k].k == TokKind::Word
            && !w.is_empty()
            && w.len() <= 2
            && w.bytes().all(|b| b.is_ascii_digit())
    };
    let month = |k: usize| toks[k].k == TokKind::Word && is_month(word(text, &toks[k]));
    // The month may carry an abbreviation's stop as a token of its own ("Nov .").
    let month_at = |k: usize| -> Option<usize> {
        if month(k) {
            Some(k)
        } else if k >= 1 && is_punct(text, &toks[k], ".") && month(k - 1) {
            Some(k - 1)
        } else {
            None
        }
    };
    let last = j.checked_sub(1)?;
    let first = if digits(last) {
        month_at(last.checked_sub(1)?)?
    } else {
        let m = month_at(last)?;
        let d = m.checked_sub(1)?;
        digits(d).then_some(d)?
    };
    let on = first.checked_sub(1)?;
    word(text, &toks[on])
        .eq_ignore_ascii_case("on")
        .then_some(on)
}

/// "Russia has in addition said", "Moscow has in the last days accused": a short prepositional
/// phrase with no commas between an auxiliary and its cue (adverbs may follow it): the index of
/// its preposition, so the auxiliary and the speaker before it are reached. Only after an
/// auxiliary: "talks in Geneva said" has no speaker "Geneva".
fn phrase_after_auxiliary(text: &str, toks: &[Tok], j: usize) -> Option<usize> {
    const PREPOSITIONS: [&str; 6] = ["in", "on", "at", "over", "during", "for"];
    const AUXILIARIES: [&str; 7] = ["has", "have", "had", "is", "was", "are", "were"];
    let mut k = j;
    while k > 0 && j - k < PHRASE_AFTER_AUXILIARY_WORDS {
        let t = &toks[k - 1];
        if t.k != TokKind::Word {
            return None;
        }
        let w = word(text, t);
        if PREPOSITIONS.contains(&w) {
            let aux = k >= 2 && toks[k - 2].k == TokKind::Word && {
                let a = word(text, &toks[k - 2]);
                AUXILIARIES.iter().any(|x| a.eq_ignore_ascii_case(x))
            };
            return aux.then_some(k - 1);
        }
        k -= 1;
    }
    None
}

/// The longest phrase [`phrase_after_auxiliary`] skips, preposition included: "in the last
/// few days".
const PHRASE_AFTER_AUXILIARY_WORDS: usize = 5;

/// A lowercase manner adverb ("abruptly", "bluntly") between a speaker and its cue, unless it
/// is one of the few nouns in "-ly" ("the daily said").
fn manner_adverb(w: &str) -> bool {
    w.len() >= 5
        && w.ends_with("ly")
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && !in_list(&LY_NOUNS, w)
}

/// ", however," / ", for its part," / ", in a statement," right before token `j` with a word
/// before its opening comma: the opening comma's index, to skip the aside. An aside is up to
/// two discourse words (`aside` in `claim_words.tsv`), or a prepositional phrase of up to
/// [`CIRCUMSTANCE_WORDS`] words that opens with a preposition of circumstance ("in a
/// statement", "on Monday", "at a news conference in Lima").
fn aside_before(text: &str, toks: &[Tok], j: usize) -> Option<usize> {
    if j < 3 || !is_punct(text, &toks[j - 1], ",") {
        return None;
    }
    let mut k = j - 1;
    let mut plain = true;
    while k > 0 && j - 1 - k <= CIRCUMSTANCE_WORDS {
        let t = &toks[k - 1];
        if is_punct(text, t, ",") {
            let words = j - 1 - k;
            let before_word = k >= 2 && toks[k - 2].k == TokKind::Word;
            let first = word(text, &toks[k]);
            let circumstance = CIRCUMSTANCE.iter().any(|p| first.eq_ignore_ascii_case(p));
            let fits = (plain && words <= 2) || (circumstance && words >= 2);
            return (words > 0 && before_word && fits).then_some(k - 1);
        }
        if t.k != TokKind::Word {
            return None;
        }
        plain &= in_list(&ASIDES, word(text, t));
        k -= 1;
    }
    None
}

/// Prepositions that open a circumstance set off by commas between a speaker and its cue.
const CIRCUMSTANCE: [&str; 5] = ["in", "on", "at", "during", "after"];

/// The longest circumstance set off by commas, in words: "at a news conference in Lima on
/// Monday" is eight.
const CIRCUMSTANCE_WORDS: usize = 8;

/// A month's name or its abbreviation, with or without its stop ("November", "Nov.", "Sept").
pub(super) fn is_month(w: &str) -> bool {
    crate::extract::timex::calendar::month_of(&w.trim_end_matches('.').to_ascii_lowercase())
        .is_some()
}

/// A day as a trailer names it: a weekday, a month, a number, "today", "yesterday".
pub(super) fn is_day(w: &str) -> bool {
    use crate::extract::timex::calendar::{MONTHS, WEEKDAYS};
    const DEICTIC: [&str; 3] = ["today", "yesterday", "tonight"];
    w.bytes().all(|b| b.is_ascii_digit())
        || WEEKDAYS
            .iter()
            .chain(&MONTHS)
            .chain(&DEICTIC)
            .any(|d| w.eq_ignore_ascii_case(d))
}

/// The longest occasion between a cue and its "that", in words: "in an interview published
/// on the ministry's website on Sunday" is ten.
const OCCASION_WORDS: usize = 10;

/// The "that" opening the content after an addressee ("told the Interfax news agency that
/// …") or an occasion ("said in comments broadcast by state radio that …") starting at token `k`.
fn that_after_occasion(text: &str, toks: &[Tok], k: usize, told: bool) -> Option<usize> {
    // "admitted this week that …", "said two weeks ago that …": a time phrase (time-phrase and
    // time-head words of claim_words.tsv, one head at least) runs to the "that" of the content.
    let mut i = k;
    let mut head = false;
    while let Some(t) = toks.get(i).filter(|t| t.k == TokKind::Word && i < k + 5) {
        let w = word(text, t);
        if in_list(&TIME_HEADS, w) {
            head = true;
        } else if !in_list(&TIME_PHRASE, w) {
            break;
        }
        i += 1;
    }
    if head
        && toks
            .get(i)
            .is_some_and(|t| word(text, t).eq_ignore_ascii_case("that"))
    {
        return Some(i);
    }
    // "said, without presenting any evidence, that …": an aside between commas, opened by a
    // preposition, runs to the "that" of the content.
    if let Some(that) = aside_then_that(text, toks, k) {
        return Some(that);
    }
    // "told the Interfax news agency that ...": the addressee runs to "that".
    if told {
        let that = (k..toks.len().min(k + 8))
            .take_while(|&i| toks[i].k == TokKind::Word)
            .find(|&i| i > k && word(text, &toks[i]).eq_ignore_ascii_case("that"));
        if that.is_some() {
            return that;
        }
    }
    // "said in comments broadcast by state radio that ...", "said in an interview published
    // on Sunday that ...": an occasion opened by a preposition runs to the "that" of the
    // content, whatever words describe it.
    // The channel may be the cue's own ("said in an interview" + "published on Sunday that").
    // A preposition must open a common noun: "said on Wednesday the U.S. believed that …" is a
    // day and then the content.
    let is_word = |i: usize, list: &[&str]| {
        toks.get(i)
            .is_some_and(|t| t.k == TokKind::Word && in_list(list, word(text, t)))
    };
    let common_next = toks.get(k + 1).is_some_and(|t| {
        t.k == TokKind::Word && word(text, t).starts_with(|c: char| c.is_lowercase())
    });
    let opens_occasion = (is_word(k, &["in", "at", "during", "on", "via", "through"])
        && common_next)
        || is_word(
            k,
            &[
                "published",
                "broadcast",
                "aired",
                "televised",
                "posted",
                "carried",
                "released",
                "issued",
            ],
        );
    if !opens_occasion {
        return None;
    }
    (k + 1..toks.len().min(k + 1 + OCCASION_WORDS))
        .take_while(|&i| toks[i].k == TokKind::Word)
        .find(|&i| word(text, &toks[i]).eq_ignore_ascii_case("that"))
}

/// Prepositions that open an aside between a cue and its "that" ("said, without giving
/// evidence, that …", "said, in a rare interview, that …").
const ASIDE_OPENERS: &[&str] = &[
    "without", "despite", "in", "at", "on", "during", "after", "before", "with", "for",
];

/// The token of "that" after an aside between commas at token `k` (", without presenting any
/// evidence, that"): a comma, a preposition of [`ASIDE_OPENERS`], at most eight plain words,
/// a comma, then "that".
fn aside_then_that(text: &str, toks: &[Tok], k: usize) -> Option<usize> {
    if !toks.get(k).is_some_and(|t| is_punct(text, t, ",")) {
        return None;
    }
    let opener = toks.get(k + 1).filter(|t| t.k == TokKind::Word)?;
    if !ASIDE_OPENERS.contains(&word(text, opener)) {
        return None;
    }
    let close = (k + 2..toks.len().min(k + 11)).find(|&i| toks[i].k != TokKind::Word)?;
    let that = toks.get(close + 1)?;
    (is_punct(text, &toks[close], ",") && word(text, that).eq_ignore_ascii_case("that"))
        .then_some(close + 1)
}

/// "late on Thursday", "early Monday", "late last week" at token `k`: the token after the
/// unit. A phrase after it is the content's ("agreed early on Saturday on a plan").
fn time_of_day_unit(text: &str, toks: &[Tok], k: usize) -> Option<usize> {
    let at = |i: usize| toks.get(i).map(|t| word(text, t));
    let lw = at(k)?.to_ascii_lowercase();
    let next = at(k + 1)?;
    let opens = in_list(&["on", "in", "last", "this"], next);
    if !matches!(lw.as_str(), "late" | "early") || !(opens || is_day(next)) {
        return None;
    }
    let period = |w: &str| {
        is_day(w)
            || in_list(
                &["week", "month", "night", "morning", "evening", "afternoon"],
                w,
            )
    };
    let end = if opens && at(k + 2).is_some_and(period) {
        k + 3
    } else if is_day(next) {
        k + 2
    } else {
        k + 1
    };
    // "late on November 25", "early on 25 May", "late on Nov. 25": a month and its day are
    // one day.
    let digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let pair = match (at(end - 1), at(end)) {
        (Some(a), Some(b)) => (is_month(a) && digits(b)) || (digits(a) && is_month(b)),
        _ => false,
    };
    Some(if pair { end + 1 } else { end })
}

/// "agreed early on Saturday on a plan": in a circumstance a determiner goes with a name or a
/// trailer's noun ("in a statement", "at the United Nations"); before any other noun (token
/// `i` + 1) it opens the content.
fn determiner_before_noun(text: &str, toks: &[Tok], i: usize) -> bool {
    matches!(
        word(text, &toks[i]).to_ascii_lowercase().as_str(),
        "a" | "an" | "the"
    ) && toks.get(i + 1).is_some_and(|n| {
        let nw = word(text, n);
        n.k == TokKind::Word && !is_cap(nw) && !TRAILER_WORDS.contains(&nw.to_lowercase().as_str())
    })
}

/// Skip a trailer after the cue; returns the first token of what follows it.
pub(super) fn skip_trailer(
    text: &str,
    toks: &[Tok],
    mut k: usize,
    told: bool,
    in_pp: bool,
) -> usize {
    let start = k;
    if let Some(that) = that_after_occasion(text, toks, k, told) {
        return that;
    }
    let mut in_pp = in_pp;
    k = possessive_addressee(text, toks, k, told);
    while k < toks.len() && k < start + 14 {
        let t = &toks[k];
        let w = word(text, t);
        let lw = w.to_lowercase();
        if is_punct(text, t, ",") {
            k += 1;
            // "on Aug. 29, 2016 that": the year continues the date.
            let year_next = toks
                .get(k)
                .map(|n| {
                    word(text, n).len() == 4 && word(text, n).bytes().all(|b| b.is_ascii_digit())
                })
                .unwrap_or(false);
            // "said late Tuesday, June 6, that": a date set off by commas after the day
            // restates it.
            let date_next = toks.get(k).is_some_and(|n| {
                crate::extract::timex::calendar::month_of(&word(text, n).to_ascii_lowercase())
                    .is_some()
                    && is_cap(word(text, n))
                    && toks.get(k + 1).is_some_and(|d| {
                        let d = word(text, d);
                        !d.is_empty() && d.len() <= 2 && d.bytes().all(|b| b.is_ascii_digit())
                    })
            });
            in_pp = (in_pp && year_next) || date_next;
            continue;
        }
        if t.k != TokKind::Word {
            break;
        }
        // "said late on Thursday that …", "agreed early on Saturday on a plan": the time of day
        // and its day are one unit of the circumstance ("said early elections …" is not).
        if let Some(after) = time_of_day_unit(text, toks, k) {
            k = after;
            in_pp = false;
            continue;
        }
        let determiner_of_content =
            |i: usize| i >= start + 2 && determiner_before_noun(text, toks, i);
        // "said at least 300 were killed": "at least"/"at most" opens the content's figure.
        let figure_floor = lw == "at"
            && toks.get(k + 1).is_some_and(|n| {
                matches!(
                    word(text, n).to_ascii_lowercase().as_str(),
                    "least" | "most"
                )
            });
        if figure_floor {
            break;
        }
        if matches!(
            lw.as_str(),
            "in" | "at" | "to" | "on" | "with" | "during" | "from"
        ) {
            in_pp = true;
            k += 1;
            continue;
        }
        if k > start && subject_after_day_or_name(text, toks, k) {
            break;
        }
        if focus_opens(text, toks, k) {
            break;
        }
        if in_list(&SKIP_BEFORE_CUE, w)
            || (in_pp
                && (is_cap(w)
                    || (TRAILER_WORDS.contains(&lw.as_str()) && !determiner_of_content(k))
                    || lw.bytes().all(|b| b.is_ascii_digit())))
            || (told
                && k < start + 6
                && (is_cap(w)
                    || (k == start
                        && matches!(lw.as_str(), "the" | "a" | "an")
                        && toks.get(k + 1).is_some_and(|n| {
                            let nw = word(text, n);
                            is_cap(nw) || TRAILER_WORDS.contains(&nw.to_lowercase().as_str())
                        }))
                    // "told the newspaper", "told a daily briefing": an outlet or an occasion
                    // named by its kind: the occasion named by its kind
                    || (k > start
                        && matches!(
                            word(text, &toks[start]).to_ascii_lowercase().as_str(),
                            "the" | "a" | "an"
                        )
                        && !matches!(lw.as_str(), "the" | "a" | "an" | "it" | "them" | "us")
                        && TRAILER_WORDS.contains(&lw.as_str()))
                    || matches!(
                        lw.as_str(),
                        "him" | "her" | "them" | "us" | "me" | "reporters" | "journalists"
                    )))
            || matches!(lw.as_str(), "however" | "reporters" | "journalists")
        {
            k += 1;
            continue;
        }
        break;
    }
    k
}
