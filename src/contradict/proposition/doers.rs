//! Who a proposition is about: the actors a claim's content names and the side each speaks
//! for (a country, an international body, or an armed camp against its state).

use crate::extract::actors;
use crate::model::{ActorKind, ActorMention, Claim};

/// The doer an armed camp against its state is: its six-letter code ("YEMREB"), so the
/// rebels' acts are never their state's ("the rebels shelled the town" vs "government forces
/// shelled it" name two doers, not one country twice).
pub(super) fn camp(code: &str) -> Option<String> {
    let code = actors::ActorCode::new(code);
    let (country, role) = code.split();
    (country.len() == 3 && actors::ARMED_CAMP_ROLES.iter().any(|r| role.starts_with(r)))
        .then(|| format!("{country}{}", &role[..3]))
}

/// The speaker's side as a country code: the claim's country, else its actor code's first
/// letters; an armed camp against its state is its own doer ([`camp`]).
pub(super) fn speaker_side(claim: &Claim) -> Option<String> {
    if let Some(c) = claim.actor_code.as_deref().and_then(camp) {
        return Some(c);
    }
    if let Some(c) = claim.country.as_deref().filter(|c| !c.is_empty()) {
        return Some(c.to_string());
    }
    let code = actors::ActorCode::new(claim.actor_code.as_deref()?);
    if code.is_unknown() {
        return None;
    }
    code.prefix().map(str::to_string)
}

/// How a side code reads in a proposition: "RUS" -> "Russia".
pub(super) fn display_name(code: &str) -> String {
    actors::country_name(code)
        .or_else(|| {
            camp(code)
                .and_then(|c| crate::contradict::sides::side_of(&c))
                .map(|s| s.label)
        })
        .unwrap_or_else(|| code.to_string())
}

/// A mention's side: its country, else its code (international bodies); an armed camp
/// against its state is its own doer ([`camp`]).
pub(super) fn mention_side(m: &ActorMention) -> String {
    if let Some(c) = camp(&m.code) {
        return c;
    }
    m.country.clone().unwrap_or_else(|| {
        if m.code.len() >= 6 {
            m.code.get(..6).unwrap_or(&m.code).to_string()
        } else {
            m.code.clone()
        }
    })
}

/// The actors the claim names, in text order.
pub(super) fn mentions_in(claim: &Claim) -> Vec<ActorMention> {
    let text = claim.text.as_str();
    let gaz = actors::builtin_ref();
    let mut mentions = actors::find_all(text, gaz, claim.date.date);
    // "Russian-made", "U.S.-backed": a hyphen joins an actor to a word; the same text with
    // hyphens as spaces (same byte offsets) finds it.
    if text.contains('-') {
        let spaced = text.replace('-', " ");
        for m in actors::find_all(&spaced, gaz, claim.date.date) {
            let overlaps = mentions
                .iter()
                .any(|n| n.span.start < m.span.end && m.span.start < n.span.end);
            if !overlaps {
                mentions.push(m);
            }
        }
        mentions.sort_by_key(|m| m.span.start);
    }
    anchor_generic(claim, &mut mentions);
    named_after_description(text, &mut mentions);
    for m in &mut mentions {
        if let Some(code) = camp_after(text, m) {
            m.code = code;
        }
    }
    mentions
}

/// "the Palestinian militant group Hamas", "the state energy firm Petrolera": a description
/// followed, after at most one body noun ("group", "firm"), by a name the gazetteer knows is
/// that name: the described party is dropped so the name stands for it.
fn named_after_description(text: &str, mentions: &mut Vec<ActorMention>) {
    let described = |i: usize| {
        let (m, n) = (&mentions[i], mentions.get(i + 1));
        let named =
            |n: &&ActorMention| matches!(n.kind, ActorKind::Organisation | ActorKind::Person);
        let Some(n) = n.filter(|n| named(n) && n.span.start >= m.span.end) else {
            return false;
        };
        let gap = text.get(m.span.end..n.span.start).unwrap_or(",");
        let words: Vec<&str> = gap.split_whitespace().collect();
        // Only a body's noun may stand between ("militant group Hamas"): a verb or "and"
        // ("the army attacked Hamas", "the navy and Hamas") joins two parties.
        const BODY: &[&str] = &[
            "group",
            "movement",
            "organisation",
            "organization",
            "militia",
            "faction",
            "party",
            "company",
            "firm",
            "agency",
        ];
        m.kind != ActorKind::Country
            && m.code != n.code
            && words.len() <= 1
            && gap.starts_with(' ')
            && words.iter().all(|w| BODY.contains(w))
    };
    let drop: Vec<bool> = (0..mentions.len()).map(described).collect();
    let mut drop = drop.into_iter();
    mentions.retain(|_| !drop.next().unwrap_or(false));
}

/// "Malian rebels", "Yemeni separatist fighters": a country's word before a word naming an
/// armed camp against the state (`dateline-reb` words, one other word allowed between) names
/// that camp, not the state.
fn camp_after(text: &str, m: &ActorMention) -> Option<String> {
    let country = m.country.as_deref().filter(|c| c.len() == 3)?;
    if camp(&m.code).is_some() || m.code.starts_with("IGO") {
        return None;
    }
    // "Russian-backed separatists", "Pakistan-based militants": a compound names a backer or
    // a base, not the camp's own state.
    let rest = text.get(m.span.end..)?;
    if rest.starts_with('-') {
        return None;
    }
    let words = rest.split_whitespace().take(2);
    for (k, w) in words.enumerate() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        // "militants" of a country may be anyone's fighters crossing from it: only a word
        // that names a camp against its own state ("rebels", "separatists") makes one.
        let lower = w.to_lowercase();
        if crate::extract::claims::dateline_role(&lower) == Some("REB")
            && !lower.starts_with("militant")
        {
            return Some(format!("{country}REB"));
        }
        if k == 0 && (w.is_empty() || w.starts_with(char::is_uppercase)) {
            return None;
        }
    }
    None
}

/// Drop mentions that rest on a generic lower-case alias ("the rebels", "the army") tied to one
/// story's party, when the claim's sentence never names that party's country with a capital:
/// a story's "rebels" are not another story's (the extraction stage gates speakers so, by
/// article, in `context::gate_generic`).
fn anchor_generic(claim: &Claim, mentions: &mut Vec<ActorMention>) {
    let generic = |m: &ActorMention| {
        let t = m.text.trim();
        let rest = ["the ", "The ", "a ", "A ", "an ", "An "]
            .iter()
            .find_map(|d| t.strip_prefix(d))
            .unwrap_or(t);
        // "Government forces shelled …" opens a sentence with a capital and is as generic.
        m.country.is_some()
            && (!rest.chars().any(char::is_uppercase)
                || crate::extract::context::generic_based(&claim.text, m))
    };
    if !mentions.iter().any(generic) {
        return;
    }
    let gaz = actors::builtin_ref();
    let named: Vec<String> = actors::find_all(&claim.sentence, gaz, claim.date.date)
        .iter()
        .chain(mentions.iter())
        .filter(|m| !generic(m))
        .filter_map(|m| m.country.clone())
        .collect();
    mentions.retain(|m| !generic(m) || m.country.as_ref().is_some_and(|c| named.contains(c)));
}
