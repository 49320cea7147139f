//! The doer of a claim's act: the party its words name as the one that did it (subject, "by"
//! phrase, a party inside the act's words), or the speaker's own side when it speaks of itself.

use super::*;

/// The act's doer as (side, name), for an act that has one.
pub(super) fn doer(r: &Reading, found: &Found, clause: usize) -> Option<(String, String)> {
    let (text, mentions) = (r.text, &r.mentions);
    let (act, start, end) = (found.act, found.start, found.end);
    let subject_from = subject_clause(text, clause);
    // An anonymous source's title ("the most likely source of the leak") is no doer, before
    // the act or inside its words.
    let named = |m: &&ActorMention| m.code != actors::UNKNOWN_CODE;
    // "struck a camp inside Pakistan, killing …": a party named as the place of a harm is no
    // doer of it, nor the place of a deed said to be done by accident or on purpose ("the
    // flight over Chile was entirely accidental"); other acts read a capital so governed as
    // its state: "the silence in Tehran shows its responsibility".
    let placed = |m: &&ActorMention| {
        (act.act == HARM || act.act == "intend")
            && LOCATIVE.is_match(&text[subject_from..m.span.start])
    };
    let before = mentions
        .iter()
        .filter(named)
        .filter(|m| roles::named_before(text, m, start, end) && m.span.start >= subject_from)
        .filter(|m| !placed(m))
        .max_by_key(|m| m.span.end);
    let self_ref = self_reference(text, found, clause, before);
    // Only inside the act's clause: "the truce is holding, but some violations were blamed on
    // the rebels" does not make the rebels the doer of holding.
    let clause_end = clause_end(text, end);
    let after = mentions
        .iter()
        .filter(|m| m.span.start >= end && m.span.start <= end + 60 && m.span.start < clause_end)
        .filter(|m| !(act.act == HARM && LOCATIVE.is_match(&text[end..m.span.start])))
        .min_by_key(|m| m.span.start);
    // "comply with France's demand": an actor a preposition other than "of" or "by" governs
    // is the act's object, not its doer.
    let right_after = after.filter(|m| {
        m.span.start <= end + 20 && !OBJECT_PREPOSITION.is_match(&text[end..m.span.start])
    });
    let inside = mentions.iter().filter(named).find(|m| {
        m.span.start >= start && m.span.end <= end && !acted_on(text, found, m.span.start)
    });
    // "disclose its weapons programme": a possessive right before the act refers back to
    // the actor named before it.
    let possessed = POSSESSIVE.is_match(&text[clause..start]);
    // "the drone was shot down", "the convoy was attacked by rebels": what is named before a
    // passive verb was acted on; its doer follows "by", else is not named.
    // Where a thing was made is who made it: "was produced in Russia", "made from our stocks".
    if passive(text, clause, start, end) {
        let origin = act.act == "originate";
        let ends_by = text[start..end].to_lowercase().trim_end().ends_with(" by");
        let by = mentions
            .iter()
            .filter(|m| m.span.start >= end && m.span.start <= end + 60)
            .find(|m| {
                let gap = &text[end..m.span.start];
                BY.is_match(gap)
                    || (ends_by && (gap.trim().is_empty() || roles::MEMBERS_OF.is_match(gap)))
                    || (origin && ORIGIN.is_match(gap))
            });
        return by.map(|m| (mention_side(m), m.name.clone()));
    }
    // "Iran was holding two Canadian academics as hostages": a demonym inside the object's noun
    // phrase is where the object comes from; the doer is the clause's subject named before it.
    let before = before.map(|b| object_origin(text, mentions, subject_from, b).unwrap_or(b));
    let pick = if let Some(place) = launch_place(text, mentions, found, right_after) {
        Some(place)
    } else if possessed && before.is_some() {
        possessor(text, mentions, clause, start).or(before)
    } else if before.is_some()
        && inside.is_some_and(|m| {
            m.span.start > start
                && (act.act == "deploy"
                    || (act.act != "originate" && text[m.span.end..].starts_with('-')))
        })
    {
        // "Ankara has sent Syrian fighters to the front": the party that sends, masses or
        // hires is the subject; a demonym in the object says where the men come from. So does
        // a party joined by a hyphen inside the act's words ("used U.S.-supplied launchers to
        // strike"): it made or supplied the thing, the subject acted.
        before
    } else if inside.is_some() {
        // A party named inside the act's own words is its doer ("Russian-made", "approved by
        // the Russian leadership", "over Iranian territory").
        inside
    } else if act.agent == Doer::After {
        after.or(inside)
    } else if self_ref.is_some() {
        None
    } else if right_after.is_some_and(|m| {
        let gap = &text[end..m.span.start];
        !(OF_OR_BY.is_match(gap) || (act.act == "originate" && ORIGIN.is_match(gap)))
    }) && before.is_some_and(|b| !GOVERNED.is_match(&text[clause..b.span.start]))
    {
        // "Chinese troops attacked an Indian patrol": a verb's subject is its doer, the party
        // right after it the target. "The involvement of Russia" names the doer after "of";
        // "made in Russia" after "in"; "used in Salisbury" is no subject.
        before
    } else {
        // "no justification for the use of force against Greek ships": the party the act
        // was done to is not its doer.
        let after = after.filter(|m| {
            !TARGETED.is_match(&text[end..m.span.start])
                && !roles::FIRED_ON.is_match(&text[start..m.span.start])
        });
        right_after.or(before).or(inside).or(after)
    };
    let agent = pick.map(|m| (mention_side(m), m.name.clone()));
    agent.or_else(|| unnamed_doer(r, found, clause, self_ref.is_some()))
}

/// The doer of an act whose words name none: the speaker's own side when it speaks of itself
/// ("we", "our forces"), denies an act that needs a doer ("denied any involvement") or states
/// the act's opposite ("struck it by mistake"); else, for an accusation cue, the first party
/// the content names.
fn unnamed_doer(
    r: &Reading,
    found: &Found,
    clause: usize,
    self_ref: bool,
) -> Option<(String, String)> {
    let (text, pos, mentions, own) = (r.text, &*POSITIONS, &r.mentions, &r.own);
    let (act, start, end) = (found.act, found.start, found.end);
    let mut agent = None;
    if self_ref {
        agent = own.clone().map(|o| (o.clone(), display_name(&o)));
    }
    if agent.is_none() {
        let near = &text[text.floor_char_boundary(clause.max(start.saturating_sub(40)))..start];
        let negated = pos.negation.is_match(&text[clause..end]);
        // A denial or negation speaks for the speaker's own side when the act needs a doer
        // ("denied any involvement"); a state of affairs ("never left international waters")
        // has none.
        let needs = matches!(act.agent, Doer::Required | Doer::After);
        let speaks_of_self = SELF_REF.find_iter(near).any(|m| {
            act.agent != Doer::Place
                || !matches!(m.as_str().to_lowercase().as_str(), "it" | "its" | "itself")
        });
        // So does a row stating the act's opposite ("struck it by mistake", "crashed because of
        // a technical fault"): the innocent account is the speaker's own.
        let denied = r.claim.denial || r.dismissal || negated || act.sign == Stance::Denies;
        // "We have proof that …": who holds the evidence is not who did the act; only "we have
        // no evidence" speaks for the speaker.
        let holder = act.agent == Doer::After && !denied;
        if (speaks_of_self && !holder) || (needs && denied) {
            agent = own.clone().map(|o| (o.clone(), display_name(&o)));
        }
    }
    if agent.is_none() && r.accusation {
        agent = mentions.first().map(|m| (mention_side(m), m.name.clone()));
    }
    agent
}
