//! Joint statements: a speaker coordinated with parties of other sides ("Norway and Iceland
//! said …", "Sweden, Finland and Norway said …") speaks with each of them, one claim per party.

use crate::model::{ActorMention, Claim};

use super::{usable, Article};

/// "The United States and Russia failed to close a deal, saying they still have issues to
/// resolve", "Norway, Denmark and Iceland said in a joint statement …": a speaker coordinated
/// with other parties of other sides speaks jointly with them, so the claim is recorded once
/// per party (a joint statement is each signatory's claim). The copies follow the original,
/// each with one partner as its speaker; parties of one side stay one claim.
pub fn joint_speakers(article: &Article, claims: &mut Vec<Claim>) {
    let near = Adjacent::of(article.actors);
    let mut out = Vec::with_capacity(claims.len());
    for mut c in claims.drain(..) {
        // "Both sides accused each other …": the claim is each of the two parties', the first
        // taking the original.
        let both = both_parties(&near, &c);
        let parties: Vec<&ActorMention> = if both.is_empty() {
            conjuncts(article, &near, &c)
        } else {
            let first = both[0];
            c.actor = Some(first.name.clone());
            c.actor_code = Some(first.code.clone());
            c.country = first.country.clone();
            both[1..].to_vec()
        };
        let copies: Vec<Claim> = parties
            .into_iter()
            .map(|m| Claim {
                speaker: m.name.clone(),
                speaker_span: Some(m.span),
                actor: Some(m.name.clone()),
                actor_code: Some(m.code.clone()),
                country: m.country.clone(),
                ..c.clone()
            })
            .collect();
        out.push(c);
        out.extend(copies);
    }
    *claims = out;
}

/// The longest stretch before a "both sides" speaker, in bytes (a few paragraphs), in which
/// its two parties are looked for.
const BOTH_REACH: usize = 1500;

/// "Both sides accused each other of violating the truce", "the two countries blamed each
/// other": a speaker with no code of its own that names the two parties together
/// (`both-parties` in `claim_words.tsv`) is the two states (or camps) of different sides last
/// named before it, nearest first, within [`BOTH_REACH`] bytes; none when fewer than two are
/// named there.
fn both_parties<'a>(near: &Adjacent<'a>, c: &Claim) -> Vec<&'a ActorMention> {
    let Some(span) = c.speaker_span else {
        return Vec::new();
    };
    let coded = c
        .actor_code
        .as_deref()
        .is_some_and(|k| !k.is_empty() && k != crate::extract::actors::UNKNOWN_CODE);
    if coded || !names_both(&c.speaker) {
        return Vec::new();
    }
    let from = near
        .by_end
        .partition_point(|&i| near.mentions[i].span.end < span.start.saturating_sub(BOTH_REACH));
    let to = near
        .by_end
        .partition_point(|&i| near.mentions[i].span.end <= span.start);
    let mut found: Vec<&ActorMention> = Vec::new();
    let mut sides = Vec::new();
    for &i in near.by_end[from..to].iter().rev() {
        let m = &near.mentions[i];
        let state = m.country.as_deref().is_some_and(|k| k.len() == 3);
        match side_key(&m.code) {
            Some(k) if state && usable(m) && !sides.contains(&k) => {
                sides.push(k);
                found.push(m);
            }
            _ => {}
        }
        if found.len() == 2 {
            break;
        }
    }
    if found.len() < 2 {
        return Vec::new();
    }
    // In the order the article named them.
    found.sort_by_key(|m| m.span.start);
    found
}

/// The side a code speaks for, as the key sides are compared by.
fn side_key(code: &str) -> Option<String> {
    crate::extract::actors::ActorCode::new(code)
        .side()
        .map(|s| s.key)
}

/// The speaker names two parties together: "both sides", "the two countries", "both warring
/// nations" (a `both-parties` head after "both", "(the) two" or "each", one adjective between).
fn names_both(speaker: &str) -> bool {
    let lower = speaker.trim().to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    let rest = ["both ", "two ", "each "]
        .iter()
        .find_map(|p| lower.strip_prefix(p));
    let Some(rest) = rest else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    matches!(words.len(), 1 | 2)
        && words
            .last()
            .is_some_and(|w| crate::extract::claims::both_parties_head(w))
}

/// A mention that can be a party to a joint statement: a named one, or an unnamed source of
/// a state ("Turkey's defence minister", "US officials").
fn party(m: &ActorMention) -> bool {
    let state_source =
        m.kind == crate::model::ActorKind::Anonymous && m.country.is_some() && m.text.contains(' ');
    usable(m) || state_source
}

/// What may join two coordinated parties: "A and B", "A, B and C", "A, B, and the C".
const AND: [&str; 2] = [" and ", ", and "];
const LIST: &str = ", ";

/// The longest gap between two conjuncts, in bytes: ", and " then "the ".
const LONGEST_GAP: usize = 10;

/// The longest gap when the party before "and" owns a role: "NATO's secretary general and".
const LONGEST_ROLE_GAP: usize = 40;

/// The words of a role a party owns, at the start of a gap ("'s chief and " -> " and "):
/// a possessive, then one to three lower-case words. The gap unchanged otherwise.
fn past_owned_role(gap: &str) -> &str {
    let Some(rest) = gap
        .strip_prefix("'s ")
        .or_else(|| gap.strip_prefix("\u{2019}s "))
    else {
        return gap;
    };
    let mut at = 0;
    for (n, w) in rest.split(' ').enumerate() {
        let plain = !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c == '-');
        if n >= 3 || !plain || w == "and" {
            break;
        }
        at += w.len() + 1;
    }
    // Only a role owned ("Russia's western border regions and" joins no one).
    let last = rest[..at.saturating_sub(1)]
        .rsplit(' ')
        .next()
        .unwrap_or("");
    if at == 0 || !crate::extract::claims::person_role(last) {
        return gap;
    }
    &rest[at - 1..]
}

/// The article's mentions by where they end and where they start, so the mention right
/// before or after a speaker is found by a binary search, not a walk over all of them (a long
/// page has thousands of mentions and claims).
struct Adjacent<'a> {
    mentions: &'a [ActorMention],
    /// Mention indices sorted by (end, index) and by (start, index).
    by_end: Vec<usize>,
    by_start: Vec<usize>,
}

impl<'a> Adjacent<'a> {
    fn of(mentions: &'a [ActorMention]) -> Adjacent<'a> {
        let mut by_end: Vec<usize> = (0..mentions.len()).collect();
        by_end.sort_by_key(|&i| (mentions[i].span.end, i));
        let mut by_start: Vec<usize> = (0..mentions.len()).collect();
        by_start.sort_by_key(|&i| (mentions[i].span.start, i));
        Adjacent {
            mentions,
            by_end,
            by_start,
        }
    }

    /// The first mention, in the article's order, that ends within `gap` bytes before `at`
    /// and passes `ok`.
    fn ending_before(
        &self,
        at: usize,
        gap: usize,
        ok: impl Fn(&ActorMention) -> bool,
    ) -> Option<&'a ActorMention> {
        let end = |m: &ActorMention| m.span.end;
        self.first_in(&self.by_end, end, at.saturating_sub(gap)..at, ok)
    }

    /// The first mention, in the article's order, that starts within [`LONGEST_GAP`] bytes
    /// after `at` and passes `ok`.
    fn starting_after(
        &self,
        at: usize,
        ok: impl Fn(&ActorMention) -> bool,
    ) -> Option<&'a ActorMention> {
        let start = |m: &ActorMention| m.span.start;
        self.first_in(&self.by_start, start, at + 1..at + LONGEST_GAP + 1, ok)
    }

    /// Of the mentions whose `key` lies in `keys` (`order` sorted by that key, then index),
    /// the first in the article's order that passes `ok`.
    fn first_in(
        &self,
        order: &[usize],
        key: impl Fn(&ActorMention) -> usize,
        keys: std::ops::Range<usize>,
        ok: impl Fn(&ActorMention) -> bool,
    ) -> Option<&'a ActorMention> {
        let from = order.partition_point(|&i| key(&self.mentions[i]) < keys.start);
        order[from..]
            .iter()
            .take_while(|&&i| key(&self.mentions[i]) < keys.end)
            .filter(|&&i| ok(&self.mentions[i]))
            .min()
            .map(|&i| &self.mentions[i])
    }
}

/// The parties coordinated with a claim's coded speaker, of sides other than its own and each
/// other's, in text order: "and" right before or after the speaker, and a list's commas
/// before that "and" ("Sweden, Finland and Norway": from "Norway" back to "Sweden"). A comma
/// alone never joins ("In Oslo, Iceland said" is no joint statement).
fn conjuncts<'a>(article: &Article, near: &Adjacent<'a>, c: &Claim) -> Vec<&'a ActorMention> {
    let (Some(span), Some(own)) = (c.speaker_span, c.actor_code.as_deref().and_then(side_key))
    else {
        return Vec::new();
    };
    let body = article.body;
    let mut sides = vec![own];
    let mut take = |m: &'a ActorMention, found: &mut Vec<&'a ActorMention>| {
        let k = side_key(&m.code);
        match k {
            Some(k) if party(m) && !c.span.overlaps(m.span) && !sides.contains(&k) => {
                sides.push(k);
                found.push(m);
            }
            _ => {}
        }
    };
    // The gap between two conjuncts: one of `seps`, then an optional "the ".
    let joins = |gap: &str, seps: &[&str]| {
        let gap = gap.strip_suffix("the ").unwrap_or(gap);
        seps.contains(&gap)
    };
    let mut found = Vec::new();
    // Backward: the first gap is "and", the next ones list commas.
    // "NATO's chief and Poland's president said": the first party may own a role.
    let mut start = span.start;
    let mut seps: &[&str] = &AND;
    let mut reach = LONGEST_ROLE_GAP;
    while let Some(m) = near.ending_before(start, reach, |m| {
        body.get(m.span.end..start).is_some_and(|gap| {
            joins(gap, seps) || (reach > LONGEST_GAP && joins(past_owned_role(gap), seps))
        })
    }) {
        reach = LONGEST_GAP;
        take(m, &mut found);
        start = m.span.start;
        seps = std::slice::from_ref(&LIST);
    }
    found.reverse();
    // Forward: "A and B" with the speaker first.
    if let Some(m) = near.starting_after(span.end, |m| {
        body.get(span.end..m.span.start)
            .is_some_and(|gap| joins(gap, &AND))
    }) {
        take(m, &mut found);
    }
    found
}
