//! Role words: an earlier coded speaker written with the same role word, the word that
//! qualifies a role ("foreign" in "the foreign ministry"), the title words before a name, and
//! the state roles and ranks of `state_roles.tsv`.

use super::{clause_tail, head_of_title, nearest_coded, Found, TITLE};
use crate::extract::actors;

/// An earlier coded speaker with the same role word ("the foreign ministry said" before
/// "ministry spokesman Jan Kovac added").
/// The word before the role in `phrase` must be in the earlier speaker's words too: "the
/// foreign ministry" and "Foreign Ministry spokeswoman X" are not "the defence ministry".
pub(super) fn by_coded_role(
    coded: &[(usize, String, Found)],
    role: Option<String>,
    phrase: &str,
    at: usize,
) -> Option<Found> {
    let role = role?;
    let qualifier = role_qualifier(phrase, &role);
    nearest_coded(coded, at, |speaker, _| {
        has_word(speaker, &role) && qualifier.as_deref().is_none_or(|q| has_word(speaker, q))
    })
}

/// How far back before the speaker's sentence "his" or "her" looks for its person, in bytes:
/// about one sentence.
const OWNER_PERSON: usize = 400;

/// The party a speaker opening with a possessive belongs to, when no earlier mention is
/// written with its role:
///
/// - "its" or "their" ("Russia will ban the imports from Monday, its agriculture watchdog
///   said"): the party that opens its sentence, not a person;
/// - "his" or "her" ("President Jan Roe called a meeting of his cabinet, his spokesperson
///   said"): the person who opens its sentence (the subject, not a person named after it:
///   "Roe spoke with Lavrov, his spokesman said" is Roe's), else the person named last in
///   the 400 bytes before the sentence.
///
/// Only a party with a side is taken.
pub(super) fn owner<'a>(
    body: &str,
    actors: &'a [crate::model::ActorMention],
    speaker: &str,
    sentence_start: usize,
    at: usize,
) -> Option<&'a crate::model::ActorMention> {
    use crate::model::{ActorKind, ActorMention};
    let lower = speaker.trim_start().to_lowercase();
    let coded = |m: &&ActorMention| !m.code.is_empty() && m.code != actors::UNKNOWN_CODE;
    if lower.starts_with("its ") || lower.starts_with("their ") {
        let head = body.get(sentence_start..at)?;
        let opening = sentence_start + (head.len() - head.trim_start().len());
        return actors
            .iter()
            .filter(coded)
            .find(|m| m.span.start == opening && m.span.end <= at && m.kind != ActorKind::Person);
    }
    if !(lower.starts_with("his ") || lower.starts_with("her ")) {
        return None;
    }
    let lo = body.floor_char_boundary(sentence_start.saturating_sub(OWNER_PERSON));
    let person =
        |m: &&ActorMention| m.kind == ActorKind::Person && m.span.end <= at && m.span.start >= lo;
    let in_sentence = actors
        .iter()
        .filter(person)
        .find(|m| m.span.start >= sentence_start);
    in_sentence
        .or_else(|| actors.iter().rev().find(person))
        .filter(coded)
}

/// The word that qualifies `role` in `phrase` ("foreign" in "the foreign ministry",
/// "Foreign Ministry spokeswoman"), lower case; none after a determiner or a rank ("the
/// ministry", "its senior ministry").
pub(super) fn role_qualifier(phrase: &str, role: &str) -> Option<String> {
    let words: Vec<String> = phrase
        .split(|ch: char| !ch.is_alphanumeric() && ch != '\'' && ch != '’')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let role = role.to_lowercase();
    let at = words.iter().rposition(|w| has_word(w, &role))?;
    let before = words.get(at.checked_sub(1)?)?;
    (before.len() > 2
        && before.chars().all(char::is_alphabetic)
        && !crate::extract::claims::role_determiner(before))
    .then(|| before.clone())
}

/// The title words right before a name's first occurrence, back to the last clause break.
pub(super) fn title_words<'b>(body: &'b str, speaker: &str, named_by: usize) -> &'b str {
    let Some(first) = body.find(speaker.trim()).filter(|&f| f <= named_by) else {
        return "";
    };
    let lo = body.floor_char_boundary(first.saturating_sub(TITLE));
    clause_tail(&body[lo..first])
}

/// Whether `words` holds `role` as a word, singular or plural.
pub(super) fn has_word(words: &str, role: &str) -> bool {
    words
        .split(|ch: char| !ch.is_alphanumeric())
        .any(|w| w == role || w.strip_suffix('s') == Some(role))
}

/// The description in a name's title words ([`title_words`]): "ministry spokesman Jan
/// Kovac" -> "ministry".
pub(super) fn title_head(title: &str) -> Option<String> {
    let head = head_of_title(title)?.to_lowercase();
    (head.len() > 3 && head.chars().all(char::is_alphabetic)).then_some(head)
}

/// The title words before a name ([`title_words`]), read through a military rank between the
/// title and the name ("Defence Minister Col. Ana Ruiz", "Defense Minister Lt. Gen. Jo Park":
/// the defence minister), unless the words are a title as they stand ("Attorney General").
pub(super) fn title_through_ranks<'b>(
    body: &'b str,
    speaker: &str,
    named_by: usize,
) -> Vec<&'b str> {
    let words: Vec<&str> = title_words(body, speaker, named_by)
        .split_whitespace()
        .collect();
    if state_title_of(&words).is_some() {
        return words;
    }
    let Some(first) = body.find(speaker.trim()).filter(|&f| f <= named_by) else {
        return words;
    };
    // Peel the ranks off the text before the name (an abbreviation's period is no clause
    // break here), then read the title words before them.
    let mut end = first;
    loop {
        let t = body[..end].trim_end();
        let w = t.rsplit(char::is_whitespace).next().unwrap_or("");
        if w.is_empty() || !is_rank(w) {
            break;
        }
        end = t.len() - w.len();
    }
    if end == first {
        return words;
    }
    let lo = body.floor_char_boundary(end.saturating_sub(TITLE));
    let before: Vec<&str> = clause_tail(&body[lo..end]).split_whitespace().collect();
    if state_title_of(&before).is_some() {
        before
    } else {
        words
    }
}

/// The state title that ends `words` as written (capitalised words only), if any.
pub(super) fn state_title_of(words: &[&str]) -> Option<&'static str> {
    actors::state_title_role(&words[words.len() - title_run(words)..])
}

/// How many words of a title as written end `words`: a capitalised run ([`capitalised_run`]),
/// reaching back over "of" or "for" before a portfolio word (`portfolio` in claim_words.tsv),
/// or "and" between two, to the capitalised words before it ("Minister for Information",
/// "Minister of State for Foreign Affairs", "Minister of Culture and Tourism").
pub(super) fn title_run(words: &[&str]) -> usize {
    let portfolio = actors::portfolio_word;
    let mut run = capitalised_run(words);
    while run > 0 && run + 1 < words.len() {
        let at = words.len() - run;
        let link = words[at - 1];
        // Only a portfolio follows the link ("Minister for | Information"); "and" joins two
        // of its words ("Culture and Tourism"), never two people ("Mayor Ana Ruiz and Health
        // Minister …").
        let joins = match link {
            "of" | "for" => portfolio(words[at]),
            "and" => portfolio(words[at]) && at >= 2 && portfolio(words[at - 2]),
            _ => false,
        };
        let before = capitalised_run(&words[..at - 1]);
        if !joins || before == 0 {
            break;
        }
        run += 1 + before;
    }
    run
}

/// How many capitalised words of letters (and inner hyphens) end `words` (a title as written: "Deputy
/// Defence Minister").
pub(super) fn capitalised_run(words: &[&str]) -> usize {
    words
        .iter()
        .rev()
        .take_while(|w| {
            w.starts_with(char::is_uppercase)
                && w.chars().all(|ch| ch.is_alphabetic() || ch == '-')
                && !w.ends_with('-')
        })
        .count()
}

/// Whether `word` is a military rank, abbreviated ("Lt.", "Col") or written in full
/// ("Colonel", the `full` column of `state_roles.tsv`): read through between a state title
/// and a name ([`title_through_ranks`]).
pub(super) fn is_rank(word: &str) -> bool {
    rank_role(word) == Some("MIL") || STATE_ROLES.iter().any(|r| r.full_ranks.contains(&word))
}

/// A row of `state_roles.tsv`: a state organ's role suffix, the abbreviated ranks that carry
/// it, and the ranks written in full.
pub(super) struct StateRole {
    pub(super) role: &'static str,
    pub(super) ranks: Vec<&'static str>,
    pub(super) full_ranks: Vec<&'static str>,
}

/// The rows of `state_roles.tsv`, read once.
pub(super) static STATE_ROLES: once_cell::sync::Lazy<Vec<StateRole>> =
    once_cell::sync::Lazy::new(|| {
        let list = |s: &'static str| s.split('|').filter(|x| *x != "-").collect();
        crate::data::STATE_ROLES
            .rows()
            .into_iter()
            .map(|r| StateRole {
                role: r.col(0),
                ranks: list(r.col(2)),
                full_ranks: list(r.col(4)),
            })
            .collect()
    });

/// The role an abbreviated title opening a name carries ("Cmdr. Ana Ruiz" -> MIL, "Sen. Jo
/// Park" -> LEG), from `state_roles.tsv`.
pub(super) fn rank_role(name: &str) -> Option<&'static str> {
    let first = name.split_whitespace().next()?.trim_end_matches('.');
    STATE_ROLES
        .iter()
        .find(|r| r.ranks.contains(&first))
        .map(|r| r.role)
}
