//! Reporting verbs ("said", "told reporters", "denied", "believes"): find the speaker before the
//! cue, after it (quote-first inversion) or as a passive agent, then the content: an adjacent
//! quotation, the clause before ", X said", or the `that`/`:` clause after the cue.
//!
//! [`verb_cue`] runs the phases in order: [`passive_agent`], [`speaker_before`] (a subject
//! phrase or an appositive), [`participle_subject`], [`inverted_speaker`], [`weak_cue_check`],
//! then the content: [`quote_before`], [`content_before`], [`content_after`].

use super::coref::{Ctx, Speaker};
use super::lexicon::{
    in_list, noun_after_plural, past_verb, role_of, CueKind, ADJECTIVE_ENDINGS,
    ADJECTIVE_PREPOSITIONS, ARMED_FORCES, AUXILIARIES, CHANNEL_NOUNS, CLAUSE_ONLY, EXHIBITS,
    LY_NOUNS, NOUN_DETERMINERS, PARTICIPLE_SUBORDINATORS, PHYSICAL_CUES, PRONOUNS,
    RELATION_PARTICIPLES, SAY_NOUN, SKIP_BEFORE_CUE,
};
use super::objects::toll_taken;
use super::phrase::{
    is_name_particle, name_then_circumstance, np_back, np_fwd_mode, pp_subject, relative_subject,
    sentence_subject, skip_back, skip_trailer,
};
use super::quotes::{clean_content, quote_at, quotes_near, Quote};
use super::rejected::{after_reported_thing, reported_thing_start};
use super::tokens::{is_cap, is_punct, tok_at, word, Tok, TokKind};
use super::{CueSite, Draft};
use crate::model::{ClaimKind, Span};

/// Where the cue sits: computed once, read by every phase.
struct At<'s> {
    text: &'s str,
    /// First token of the cue.
    ci: usize,
    /// First token after the cue.
    ce: usize,
    cue_word: String,
    /// "told", "tells": the addressee follows the cue.
    told: bool,
    /// First token of the cue after skipping adverbs and auxiliaries back from it.
    j: usize,
    /// The cue opens with a participle: "saying", "saying:", "calling on", "urging".
    participle: bool,
}

/// The speaker found so far and the first token of its phrase, when it stands before the cue.
#[derive(Default)]
struct Found {
    speaker: Option<Speaker>,
    first_tok: Option<usize>,
}

/// Claim with a reporting verb `site.cue`: speaker and content, or none.
pub(super) fn verb_cue(ctx: &mut Ctx, site: &CueSite) -> Option<Draft> {
    let text = ctx.text;
    let (toks, cue) = (site.toks, site.cue);
    let ci = tok_at(toks, cue.start);
    let cue_word = text[cue.start..cue.end].to_lowercase();
    let at = At {
        text,
        ci,
        ce: tok_at(toks, cue.end),
        told: matches!(cue_word.as_str(), "told" | "tells" | "tell" | "telling"),
        j: skip_back(text, toks, ci),
        participle: cue_word
            .split_whitespace()
            .next()
            .is_some_and(|w| w.trim_end_matches(':').ends_with("ing")),
        cue_word,
    };
    if super::objects::formula_after(text, cue.end, site.sent.end) {
        return None;
    }
    let passive = passive_agent(ctx, site, &at)?;
    let agent = passive.as_ref().and_then(|p| p.0.span);
    // "a peace deal narrowly rejected by voters": a participle straight before "by" with no
    // form of "be" is a reduced passive; the phrase before it is what was rejected.
    let by_next = toks
        .get(at.ce)
        .is_some_and(|t| word(text, t).eq_ignore_ascii_case("by"));
    if passive.is_none() && by_next && at.cue_word.ends_with("ed") {
        return None;
    }
    // "In a statement posted on social media, it dismissed …", "a video released online": a
    // participle straight after a channel noun and before a preposition modifies the noun;
    // the clause's own verb comes later.
    let channel_before = ci > 0
        && toks[ci - 1].k == TokKind::Word
        && in_list(&CHANNEL_NOUNS, word(text, &toks[ci - 1]));
    // "posted on social media", "released online"; not "insisted on Wednesday that …".
    let preposition_next = toks.get(at.ce).is_some_and(|t| {
        matches!(
            word(text, t).to_lowercase().as_str(),
            "on" | "in" | "online" | "to" | "at" | "via"
        )
    }) && !toks
        .get(at.ce + 1)
        .is_some_and(|t| is_cap(word(text, t)) || in_list(&SKIP_BEFORE_CUE, word(text, t)));
    if passive.is_none() && channel_before && preposition_next && at.cue_word.ends_with("ed") {
        return None;
    }
    let mut found = match &passive {
        Some((sp, _)) => Found {
            speaker: Some(sp.clone()),
            first_tok: None,
        },
        None => speaker_before(ctx, site, &at),
    };
    participle_subject(ctx, site, &at, &mut found);
    let (after, inverted) = inverted_speaker(ctx, site, &at, passive.map(|p| p.1), &mut found);
    let mut speaker = found.speaker?;
    if super::objects::event_speaker(text, speaker.span) {
        return None;
    }
    weak_cue_check(site, &at, found.first_tok, &mut speaker)?;
    if physical_act(site, &at, found.first_tok, agent) || toll_taken(text, toks, at.ce) {
        return None;
    }
    let attribution_start = if inverted {
        ci
    } else {
        found.first_tok.unwrap_or(ci)
    };
    let attribution_start_byte = toks
        .get(attribution_start)
        .map(|t| t.s)
        .unwrap_or(cue.start);
    let base_conf = speaker.confidence;
    let make = |c: (usize, usize, bool), kind: ClaimKind, speaker: Speaker, conf: f32| Draft {
        confidence: conf,
        speaker,
        cue,
        cue_kind: site.row.kind,
        kind,
        content: Span::new(c.0, c.1),
        sentence: site.sent,
    };
    if let Some(c) = found
        .first_tok
        .filter(|_| !inverted)
        .and_then(|st| super::rejected::relative_content(text, toks, st, at.ce, site.sent.end))
    {
        let c = clean_content(text, c.0, c.1);
        return c.map(|c| make(c, ClaimKind::Indirect, speaker, base_conf));
    }
    if let Some(c) = quote_before(site, &at, attribution_start_byte, inverted) {
        return Some(make(c, ClaimKind::Direct, speaker, base_conf));
    }
    // --- content before ", X said." when nothing but a trailer follows the cue.
    let cue_ends_pp = [" by", " with", " to", " on", " in"]
        .iter()
        .any(|p| at.cue_word.ends_with(p));
    let rest = skip_trailer(text, toks, after, at.told, cue_ends_pp);
    if let Some((c, kind)) = content_before(site, &at, rest, after, attribution_start_byte) {
        return Some(make(c, kind, speaker, base_conf));
    }
    if rest >= toks.len() {
        return None;
    }
    let (c, kind, scaled) = content_after(site, &at, rest)?;
    // "Moscow has not responded, officials said": what follows the verb is the sentence's own
    // attribution, not what was responded; the verb is no cue here, the later one is.
    if TRAILING_ATTRIBUTION.is_match(&text[c.0..c.1]) && text[..c.0].trim_end().ends_with(',') {
        return None;
    }
    let conf = if scaled { base_conf * 0.9 } else { base_conf };
    Some(make(c, kind, speaker, conf))
}

/// Most words of a subject before an attribution set in commas ("The talks, he said, were …").
const PARENTHETICAL_SUBJECT_WORDS: usize = 8;

/// "The talks, he said, were useful", "The truce, Lavrov said on Monday, was holding": an
/// attribution set in commas between the sentence's subject (a short phrase with no comma or
/// quote mark) and its verb (a form of be, have or a modal, or a past tense after the comma).
/// What was said is the whole clause around the attribution, subject included; the span runs
/// from the subject to the sentence's end.
fn parenthetical(
    site: &CueSite,
    at: &At,
    (after, rest): (usize, usize),
    attribution_start_byte: usize,
) -> Option<(usize, usize, bool)> {
    let (text, toks, sent) = (at.text, site.toks, site.sent);
    let subject = text.get(sent.start..attribution_start_byte)?.trim_end();
    let subject = subject.strip_suffix(',')?.trim();
    let words = subject.split_whitespace().count();
    if words == 0
        || words > PARENTHETICAL_SUBJECT_WORDS
        || subject.contains([',', ';', ':', '"', '“', '”', '(', '—'])
    {
        return None;
    }
    // The attribution (with its trailer: "on Monday") ends at a comma, and the clause's verb
    // follows it.
    let comma = (after..=rest).find(|&k| toks.get(k).is_some_and(|t| is_punct(text, t, ",")))?;
    let verb = toks.get(comma + 1).filter(|t| t.k == TokKind::Word)?;
    let v = word(text, verb);
    let past = v.ends_with("ed") && v.chars().all(|c| c.is_ascii_lowercase());
    if !(in_list(AUXILIARIES, v) || in_list(&["remains", "remained"], v) || past) {
        return None;
    }
    clean_content(text, sent.start, sent.end)
}

/// A few words ending in a reporting verb and nothing else ("a diplomat said", "the agency
/// reported on Monday"): an attribution of its own.
static TRAILING_ATTRIBUTION: once_cell::sync::Lazy<regex::Regex> = once_cell::sync::Lazy::new(
    || {
        regex::Regex::new(
        r"^(?:[\w'’.-]+ ){1,6}(?:said|says|told reporters|added|reported|stated|noted|confirmed|wrote)(?: on \w+| in a statement| late \w+)?\W*$",
    )
    .expect("valid regex")
    },
);

/// Passive ("was asked", "is expected", "is said to"): the subject is not the speaker. The
/// agent after "by" is, with the token after its phrase; `None` when a passive has no agent
/// (no claim), `Some(None)` when the cue is not passive.
fn passive_agent(ctx: &mut Ctx, site: &CueSite, at: &At) -> Option<Option<(Speaker, usize)>> {
    let (text, toks) = (at.text, site.toks);
    let (ci, ce) = (at.ci, at.ce);
    let be_forms = [
        "was", "is", "were", "are", "be", "been", "being", "get", "got", "gets",
    ];
    let passive_aux = (at.j..ci).any(|k| in_list(&be_forms, word(text, &toks[k])))
        || (ci > 0 && in_list(&be_forms, word(text, &toks[ci - 1])));
    let cue_word = at.cue_word.as_str();
    if !(passive_aux
        && (cue_word.ends_with("ed")
            || matches!(
                cue_word,
                "said"
                    | "told"
                    | "known"
                    | "seen"
                    | "thought"
                    | "shown"
                    | "found"
                    | "called"
                    | "cited"
                    | "quoted"
            )))
    {
        return Some(None);
    }
    // "was asked by host John Dickerson whether ...": the agent is the speaker.
    let by = toks
        .get(ce)
        .map(|t| word(text, t).eq_ignore_ascii_case("by"))
        .unwrap_or(false);
    let agent = if by {
        np_fwd_mode(text, toks, ce + 1, true)
    } else {
        None
    };
    let end = agent?;
    let mut sp = ctx.speaker_from_phrase(&toks[ce + 1..=end], &toks[ce + 1..=end]);
    sp.confidence = sp.confidence.min(0.6);
    Some(Some((sp, end + 1)))
}

/// The speaker before the cue: a subject phrase ending right before it, or a phrase with an
/// appositive between commas.
fn speaker_before(ctx: &mut Ctx, site: &CueSite, at: &At) -> Found {
    let (text, toks, j) = (at.text, site.toks, at.j);
    if j == 0 {
        return Found::default();
    }
    let p = &toks[j - 1];
    if p.k == TokKind::Word || is_punct(text, p, ")") {
        subject_before(ctx, site, at)
    } else if (is_punct(text, p, ",") || is_punct(text, p, "—"))
        && j >= 2
        && (toks[j - 2].k == TokKind::Word
            || short_quote_open(toks, j - 2).is_some()
            // "…, part of the State Committee for National Security (GKNB), said"
            || (j >= 3 && is_punct(text, &toks[j - 2], ")") && toks[j - 3].k == TokKind::Word))
        // ", saying ..." hangs on the clause's subject, never on the phrase before the
        // comma ("Haley called it a moment for Russia, a council member, saying ...").
        && !at.participle
    {
        appositive_before(ctx, site, at)
    } else {
        Found::default()
    }
}

/// A subject phrase right before the cue: "Lavrov said", ", who said", "Officials who spoke
/// with the newspaper said".
fn subject_before(ctx: &mut Ctx, site: &CueSite, at: &At) -> Found {
    let (text, toks, j) = (at.text, site.toks, at.j);
    let mut found = Found::default();
    // ", which insists": the relative pronoun of a thing (a country, a ministry).
    let which = word(text, &toks[j - 1]).eq_ignore_ascii_case("which")
        && j >= 3
        && is_punct(text, &toks[j - 2], ",");
    let st = if which {
        Some(j - 1)
    } else {
        np_back(text, toks, j - 1, !site.row.weak)
    };
    let Some(st) = st else {
        return found;
    };
    // "who said": the relative pronoun refers to the phrase before ", who".
    let w = word(text, &toks[st]).to_lowercase();
    if w == "who" || which {
        let comma = usize::from(st >= 2 && is_punct(text, &toks[st - 1], ","));
        if st > comma {
            if let Some(s2) = np_back(text, toks, st - 1 - comma, true) {
                let e2 = st - 1 - comma;
                let sp = ctx.speaker_from_phrase(&toks[s2..=e2], &toks[s2..=e2]);
                found.speaker = Some(Speaker {
                    span: Some(Span::new(toks[st].s, toks[st].e)),
                    ..sp
                });
                found.first_tok = Some(st);
            }
        }
    } else if let Some((s2, w)) = relative_subject(text, toks, st) {
        // "Officials who spoke with the newspaper said ...": the speaker is the
        // phrase before "who", not the end of the relative clause.
        let sp = ctx.speaker_from_phrase(&toks[s2..w], &toks[s2..w]);
        found.speaker = Some(sp);
        found.first_tok = Some(s2);
    } else if let Some((s2, r)) = name_then_circumstance(text, toks, st) {
        // "Lavrov at a news conference in Moscow said": the name speaks, not "Moscow".
        let sp = ctx.speaker_from_phrase(&toks[s2..=r], &toks[s2..=r]);
        found.speaker = Some(sp);
        found.first_tok = Some(s2);
    } else if let Some((s2, r)) = pp_subject(text, toks, st) {
        // "Observers of the vote in Ruritania said": the place is inside the subject's
        // prepositional phrase; the observers speak, for the country before the preposition
        // or the body after it ("critics at the ministry").
        let sp = ctx.speaker_from_phrase(&toks[s2..j], &toks[s2..=r]);
        found.speaker = Some(sp);
        found.first_tok = Some(s2);
    } else if let Some(name) = after_reported_thing(
        text,
        toks,
        st,
        j,
        site.row.kind == CueKind::Denial && super::deny_verb(&at.cue_word),
    ) {
        // "…, a charge Lima has denied": the party after the noun speaks; the attribution
        // starts at the noun's determiner.
        let sp = ctx.speaker_from_phrase(&toks[name..j], &toks[name..j]);
        found.speaker = Some(sp);
        found.first_tok = Some(reported_thing_start(text, toks, st));
    } else {
        // "The chief of the General Staff of the navy, Ana Ruiz said": the description before
        // a name whose closing comma is missing is the speaker's too.
        let d = unclosed_appositive(text, toks, st, j).unwrap_or(st);
        let sp = ctx.speaker_from_phrase(&toks[d..j], &toks[st..j]);
        found.speaker = Some(sp);
        found.first_tok = Some(d);
    }
    found
}

/// "The chief of the General Staff of the Valdoran navy, Ana Ruiz said": a description with a
/// person's role that opens the sentence, a comma, and a name of two to five capitalised words
/// ending at the cue (token `j`) from `st`: an appositive whose closing comma is missing. Where
/// the description starts.
fn unclosed_appositive(text: &str, toks: &[Tok], st: usize, j: usize) -> Option<usize> {
    let name = &toks[st..j];
    if st < 2
        || !is_punct(text, &toks[st - 1], ",")
        || toks[st - 2].k != TokKind::Word
        || !(2..=5).contains(&name.len())
        || !name
            .iter()
            .all(|t| t.k == TokKind::Word && is_cap(word(text, t)))
    {
        return None;
    }
    let strict =
        np_back(text, toks, st - 2, false).or_else(|| np_back(text, toks, st - 2, true))?;
    let d = title_over_links(text, toks, strict).unwrap_or(strict);
    let opens = toks.iter().position(|t| t.k == TokKind::Word) == Some(d);
    let role = toks[d..st - 1]
        .iter()
        .any(|t| role_of(word(text, t)).is_some_and(|r| !r.org));
    (opens && role).then_some(d)
}

/// Where ", contradicting …", ", echoing …" ([`RELATION_PARTICIPLES`]) starts in `tail`.
fn relation_participle(tail: &str) -> Option<usize> {
    tail.match_indices(", ").find_map(|(i, _)| {
        let next = tail[i + 2..].split(' ').next()?;
        in_list(&RELATION_PARTICIPLES, next).then_some(i)
    })
}

/// Appositive: "Sergei Lavrov, Russia's foreign minister, said" / "a U.S. official, speaking
/// on condition of anonymity, said".
fn appositive_before(ctx: &mut Ctx, site: &CueSite, at: &At) -> Found {
    let (text, toks, j) = (at.text, site.toks, at.j);
    let p = &toks[j - 1];
    let delim = &text[p.s..p.e];
    // "Ahmad Hassan, an activist in Daraa — where the uprising began — said": the dashes
    // set off a parenthesis; the appositive before it closes where the first dash opens.
    if delim == "—" {
        let open = (j.saturating_sub(40)..j - 1)
            .rev()
            .take_while(|&k| {
                toks[k].k == TokKind::Word
                    || is_punct(text, &toks[k], "—")
                    || is_punct(text, &toks[k], ",")
            })
            .find(|&k| is_punct(text, &toks[k], "—"));
        if let Some(o) = open.filter(|&o| o > 2 && toks[o - 1].k == TokKind::Word) {
            let comma_before = (o.saturating_sub(30)..o).any(|k| is_punct(text, &toks[k], ","));
            if comma_before {
                return appositive_at(ctx, site, o + 1, ",");
            }
        }
    }
    appositive_at(ctx, site, j, delim)
}

/// [`appositive_before`] for a cue whose appositive closes with `delim` at token `j - 1`.
fn appositive_at(ctx: &mut Ctx, site: &CueSite, j: usize, delim: &str) -> Found {
    let (text, toks) = (ctx.text, site.toks);
    let mut found = Found::default();
    let mut k = j - 2;
    let mut commas = Vec::new();
    while k > 0 && j - 2 - k < 40 {
        let t = &toks[k];
        if is_punct(text, t, delim) {
            commas.push(k);
            if delim != "," {
                break;
            }
        } else if let Some(open) = short_quote_open(toks, k) {
            // "The envoy, who wished them a “safe return”, said": a quoted phrase of a few
            // words inside the appositive.
            k = open;
        } else if t.k != TokKind::Word
            && !is_punct(text, t, "(")
            && !is_punct(text, t, ")")
            && !is_punct(text, t, ",")
        {
            break;
        }
        k -= 1;
    }
    // The earliest comma whose phrase before it opens a clause ("Clinton, during a
    // town hall meeting in Columbus, Ohio, said"), else the nearest one.
    let first_word = toks.iter().position(|t| t.k == TokKind::Word).unwrap_or(0);
    let opens_clause = |c: usize| {
        c > 0
            && toks[c - 1].k == TokKind::Word
            && np_back(text, toks, c - 1, false)
                .map(|st| {
                    st == first_word
                        || (st > 0
                            && (toks[st - 1].k == TokKind::Quote
                                || is_punct(text, &toks[st - 1], ",")
                                || is_punct(text, &toks[st - 1], "—")))
                })
                .unwrap_or(false)
    };
    let Some(c1) = commas
        .iter()
        .rev()
        .copied()
        .find(|&c| opens_clause(c))
        .or_else(|| commas.first().copied())
    else {
        return found;
    };
    // "Ana Ruiz (pictured), the envoy, said": a short bracket after the name is no part of it;
    // `ne` is where the name before the comma ends (exclusive).
    let ne = bracket_before(text, toks, c1).unwrap_or(c1);
    // "The committee on Tuesday, rejecting the claim, said": the day after the name is the
    // speaking's, no part of the name.
    let ne = day_after_name(text, toks, ne);
    if ne == 0 || toks[ne - 1].k != TokKind::Word || clause_between(text, &toks[c1 + 1..j - 1]) {
        return found;
    }
    let apposition = np_back(text, toks, j - 2, false)
        .map(|a| a == c1 + 1)
        .unwrap_or(false);
    // "One Republican hopeful, Carly Fiorina, says": a loose phrase before a name.
    // "The border service, which is part of the security committee, said": a plain noun
    // phrase with a determiner that opens the clause speaks through a relative clause or an
    // appositive after it.
    let opens_loose = |st: usize| {
        in_list(&["the", "a", "an"], word(text, &toks[st]))
            && (st == 0 || toks[st - 1].k != TokKind::Word)
    };
    let st = np_back(text, toks, ne - 1, false)
        .or_else(|| np_back(text, toks, ne - 1, true).filter(|&st| apposition || opens_loose(st)));
    if let Some(mut st) = st {
        let phrase_end = if apposition { j - 2 } else { ne - 1 };
        // "the deputy speaker of the Senate, Ana Ruiz, said": the description before the
        // name runs back over "of" to its role.
        let of_head = apposition
            .then(|| title_over_links(text, toks, st))
            .flatten();
        // "The head of the civil aviation organisation, Ali Abedzadeh, said": the strict phrase
        // stops on the body's word; the loose one runs back over "of" to the role.
        let loose = || np_back(text, toks, ne - 1, true).filter(|&l| apposition && l < st);
        let with_of = of_head.or_else(loose).unwrap_or(st);
        // "Syria's U.N. ambassador, Bashar Jaafari, said": the name is the head.
        let definite = word(text, &toks[with_of]).eq_ignore_ascii_case("the");
        let app_is_name = apposition
            && toks[c1 + 1..j - 1].iter().enumerate().all(|(i, t)| {
                let w = word(text, t);
                // "Prince Abdulaziz bin Salman": a particle inside the name, never first or last
                is_cap(w) || (i > 0 && c1 + 3 + i < j && is_name_particle(w))
            })
            && toks[with_of..ne].iter().any(|t| {
                let w = word(text, t);
                // "The Deputy Speaker of the Polish Parliament, Jan Nowak, said": a title
                // written in capitals inside a definite description is a role too.
                (!is_cap(w) || definite) && role_of(w).is_some_and(|r| !r.org)
                    // "the secretary-general of the …": a hyphenated title with a role part
                    || (w.contains('-') && w.split('-').any(|p| role_of(p).is_some_and(|r| !r.org)))
            });
        let head = if app_is_name {
            st = with_of;
            &toks[c1 + 1..j - 1]
        } else {
            &toks[st..ne]
        };
        let sp = ctx.speaker_from_phrase(&toks[st..=phrase_end], head);
        found.speaker = Some(sp);
        found.first_tok = Some(st);
    }
    found
}

/// "the deputy speaker of the Senate, Ana Ruiz, said", "Valdora's minister of state for
/// foreign affairs, Ana Ruiz, said": where a description before an appositive name starts when
/// it runs back from token `st` over "of" and "for" (at most three links) to its role.
fn title_over_links(text: &str, toks: &[Tok], st: usize) -> Option<usize> {
    let mut of_head = None;
    let mut s = st;
    for _ in 0..3 {
        if !(s >= 2 && matches!(word(text, &toks[s - 1]), "of" | "for")) {
            break;
        }
        match np_back(text, toks, s - 2, false).or_else(|| np_back(text, toks, s - 2, true)) {
            Some(b) => {
                s = b;
                of_head = Some(b);
            }
            None => break,
        }
    }
    of_head
}

/// Where a name ending at token `ne` (exclusive) ends without a day written after it ("on
/// Tuesday", "late on Monday", "Tuesday"), when a word stands before the day.
fn day_after_name(text: &str, toks: &[Tok], ne: usize) -> usize {
    if ne < 2
        || toks[ne - 1].k != TokKind::Word
        || !super::phrase::is_day(word(text, &toks[ne - 1]))
    {
        return ne;
    }
    let mut k = ne - 1;
    if k >= 1 && word(text, &toks[k - 1]).eq_ignore_ascii_case("on") {
        k -= 1;
        if k >= 1 && in_list(&["late", "early"], word(text, &toks[k - 1])) {
            k -= 1;
        }
    }
    if k >= 1 && toks[k - 1].k == TokKind::Word && !super::phrase::is_day(word(text, &toks[k - 1]))
    {
        k
    } else {
        ne
    }
}

/// When the comma at `c` follows a bracket of at most four words ("(pictured)", "(D-Md.)"), the
/// bracket's opening token: the name before the comma ends there.
fn bracket_before(text: &str, toks: &[Tok], c: usize) -> Option<usize> {
    if c < 3 || !is_punct(text, &toks[c - 1], ")") {
        return None;
    }
    (c.saturating_sub(6)..c - 1)
        .rev()
        .find(|&k| is_punct(text, &toks[k], "("))
        .filter(|&o| o > 0 && toks[o + 1..c - 1].iter().all(|t| t.k == TokKind::Word))
}

/// The words between two commas before a cue make a clause of their own, not an appositive: an
/// auxiliary or copula with no relative pronoun, subordinating conjunction, preposition or
/// participle before it ("In Marovka, the plant is hanging on, said its manager"; but "Ana Ruiz,
/// who is a member of the union, said", "an official, speaking because he was not authorized to
/// …, said", "Ana Ruiz, envoy for what has been two years, said").
fn clause_between(text: &str, toks: &[Tok]) -> bool {
    const OPENERS: &[&str] = &[
        "who", "which", "that", "whose", "whom", "where", "what", "whatever", "how", "because",
        "as", "since", "although", "though", "while", "when", "after", "before", "if", "until",
        "unless", "in", "of", "for", "to", "at", "on", "from", "with", "by", "into", "over",
        "under", "about",
    ];
    for t in toks {
        let w = word(text, t).to_ascii_lowercase();
        if in_list(OPENERS, &w) || w.ends_with("ing") {
            return false;
        }
        if AUXILIARIES.contains(&w.as_str()) {
            return true;
        }
    }
    false
}

/// When token `k` closes a quoted phrase of one to four words that a word precedes (not a
/// quotation opening the clause), the token that opens it.
fn short_quote_open(toks: &[Tok], k: usize) -> Option<usize> {
    if toks[k].k != TokKind::Quote {
        return None;
    }
    let open = (k.saturating_sub(5)..k)
        .rev()
        .find(|&o| toks[o].k != TokKind::Word)?;
    (toks[open].k == TokKind::Quote
        && open + 1 < k
        && open > 0
        && toks[open - 1].k == TokKind::Word)
        .then_some(open)
}

/// Participle cues with no subject ("He dismissed the report, saying ...", "The navy spoke
/// after denying claims that ...") take the sentence's speaker, or the subject that opens the
/// sentence; so do coordinated verbs ("... and said").
fn participle_subject(ctx: &mut Ctx, site: &CueSite, at: &At, found: &mut Found) {
    let (text, toks, j) = (at.text, site.toks, at.j);
    // "Outrightly dismissing US claims, the minister said …": a manner adverb opening the
    // sentence before a participle is no speaker; the participle belongs to the main clause.
    if at.participle && found.first_tok == Some(0) && at.ci == 1 && manner_adverb(text, &toks[0]) {
        found.speaker = None;
        found.first_tok = None;
    }
    // "Drach, aboard the gunboat, is shown saying": the subject of a passive verb of
    // perception before the participle is the speaker.
    if at.participle {
        if let Some((k0, end)) = super::objects::perceived_subject(text, toks, j) {
            found.speaker = Some(ctx.speaker_from_phrase(&toks[k0..=end], &toks[k0..=end]));
            found.first_tok = Some(k0);
            return;
        }
    }
    let channel_noun = j > 0
        && toks[j - 1].k == TokKind::Word
        && in_list(&CHANNEL_NOUNS, word(text, &toks[j - 1]));
    // "after denying", "before saying": the participle's subject is the
    // clause's, never the words before the preposition (unless the sentence already has a
    // claim, whose content the participle is part of: "called on the U.N. to investigate
    // before blaming anyone").
    let after_subordinator = j > 1
        && site.earlier.is_empty()
        && toks[j - 1].k == TokKind::Word
        && in_list(&PARTICIPLE_SUBORDINATORS, word(text, &toks[j - 1]));
    // "The North quickly responded claiming …": a verb in "-ed" straight before the
    // participle is the clause's own verb, never its subject.
    let after_verb = j > 1 && toks[j - 1].k == TokKind::Word && past_verb(word(text, &toks[j - 1]));
    let after_subordinator = after_subordinator || after_verb;
    // "Iran sent a letter to the Security Council on Friday accusing …": a speaker phrase that
    // is a channel ("a letter to X", "a statement") sent by someone is no speaker; the
    // participle's subject is the sender's clause, not the addressee.
    let channel_noun = channel_noun
        || (at.participle && super::objects::channel_phrase(text, toks, found.first_tok));
    if (channel_noun || after_subordinator) && at.participle {
        found.speaker = None;
        found.first_tok = None;
    }
    let coordinated = found.speaker.is_none()
        && j > 0
        && toks[j - 1].k == TokKind::Word
        && matches!(
            word(text, &toks[j - 1]).to_lowercase().as_str(),
            "and" | "but"
        );
    let comma_before = j > 0
        && (is_punct(text, &toks[j - 1], ",")
            || (j > 1 && toks[j - 1].k == TokKind::Quote && is_punct(text, &toks[j - 2], ",")));
    let participle = at.participle && (comma_before || channel_noun || after_subordinator);
    if found.speaker.is_none() && (participle || coordinated) {
        if let Some(prev) = site.earlier.last() {
            // Same speaker, named earlier in this sentence ("he said, adding that ...").
            found.speaker = Some(prev.speaker.clone());
        } else if let Some((k0, end)) = sentence_subject(text, toks).filter(|&(_, e)| e < at.ci) {
            let mut sp = ctx.speaker_from_phrase(&toks[k0..=end], &toks[k0..=end]);
            sp.confidence = sp.confidence.min(0.7);
            found.speaker = Some(sp);
            found.first_tok = Some(k0);
        }
    }
}

/// A word capitalised only by its place at the sentence's start and shaped like a manner
/// adverb ("Outrightly", "Flatly", "Strongly"): six letters or more ending in "ly", the rest
/// lower case (a short name such as "Italy" or "Kelly" is left alone), and no noun in "-ly"
/// (`ly-noun` in claim_words.tsv: "Family", "Assembly").
fn manner_adverb(text: &str, t: &Tok) -> bool {
    let w = word(text, t);
    t.k == TokKind::Word
        && w.len() >= 6
        && w.ends_with("ly")
        && w.chars().skip(1).all(|c| c.is_ascii_lowercase())
        && !in_list(&LY_NOUNS, w)
}

/// Inverted speaker after the cue ("...," said Lavrov, Russia's foreign minister.). Returns
/// the first token after the speaker (the cue's end when none) and whether it is inverted.
fn inverted_speaker(
    ctx: &mut Ctx,
    site: &CueSite,
    at: &At,
    passive_end: Option<usize>,
    found: &mut Found,
) -> (usize, bool) {
    let (text, toks, j) = (at.text, site.toks, at.j);
    let mut after = passive_end.unwrap_or(at.ce);
    let mut inverted = passive_end.is_some();
    let left_open = j == 0
        || toks[j - 1].k == TokKind::Quote
        || is_punct(text, &toks[j - 1], ",")
        || is_punct(text, &toks[j - 1], "—");
    // A participle never inverts: ", claiming the statement was ..." has the sentence's
    // subject as its speaker, not "the statement".
    let participle = at.participle;
    if found.speaker.is_none() && !site.row.weak && left_open && !at.told && !participle {
        let mut k = at.ce;
        while k < toks.len()
            && toks[k].k == TokKind::Word
            && in_list(&SKIP_BEFORE_CUE, word(text, &toks[k]))
        {
            k += 1;
        }
        let loose =
            j > 0 && toks[j - 1].k == TokKind::Quote || (j > 1 && toks[j - 2].k == TokKind::Quote);
        // "…, said the envoys were unaware": a phrase followed by an auxiliary opens the
        // reported clause; it is no inverted speaker.
        let opens_clause = |end: usize| {
            toks.get(end + 1).is_some_and(|t| {
                let w = word(text, t);
                t.k == TokKind::Word && AUXILIARIES.contains(&w)
            })
        };
        if let Some(end) = np_fwd_mode(text, toks, k, loose).filter(|&e| !opens_clause(e)) {
            let mut phrase_end = end;
            // Appositive to the end of the sentence: ", Russia's foreign minister."
            if end + 2 < toks.len() && is_punct(text, &toks[end + 1], ",") {
                let mut m = end + 2;
                while m < toks.len() && toks[m].k == TokKind::Word {
                    m += 1;
                }
                if m >= toks.len() || is_punct(text, &toks[m], ".") {
                    phrase_end = m - 1;
                }
            }
            let sp = ctx.speaker_from_phrase(&toks[k..=phrase_end], &toks[k..=end]);
            found.speaker = Some(sp);
            after = phrase_end + 1;
            inverted = true;
        }
    }
    (after, inverted)
}

/// Weak cues (nouns too: "claims", "reports") need a plain subject right before them, a cue
/// of showing needs a speaker that is no picture or record, and weak and belief cues cap the
/// confidence. `None`: no claim.
fn weak_cue_check(
    site: &CueSite,
    at: &At,
    first_tok: Option<usize>,
    speaker: &mut Speaker,
) -> Option<()> {
    let (text, toks, j) = (at.text, site.toks, at.j);
    let before = word_before_cue(site, at).unwrap_or("");
    // "a tweet", "their states": a cue straight after an article or a possessive is a noun.
    // "the final say on state matters", "no say in it": a share in a decision, not speech.
    // "two member states of the European Union", "reports of shelling": a weak cue (a noun
    // too) straight before "of" is the noun.
    let of_after = site.row.weak
        && site.row.kind != CueKind::Belief
        && at.cue_word.ends_with('s')
        && !at.cue_word.contains(' ')
        && toks
            .get(at.ce)
            .is_some_and(|n| n.k == TokKind::Word && word(text, n).eq_ignore_ascii_case("of"));
    let noun = in_list(NOUN_DETERMINERS, before)
        || (at.cue_word == "say" && in_list(&SAY_NOUN, before))
        || of_after
        || (site.row.weak && noun_after_plural(&at.cue_word, before));
    // "had come under repeated fire", "amid reported clashes": a participle straight after a
    // preposition modifies a noun.
    // "the vessel had ignored repeated warnings": after an auxiliary and a past participle,
    // a second "-ed" word before a plain noun is an adjective too.
    let after_perfect = before.ends_with("ed")
        && before != "indeed"
        && at.ci >= 2
        && toks[at.ci - 2].k == TokKind::Word
        && in_list(AUXILIARIES, word(text, &toks[at.ci - 2]))
        && toks.get(at.ce).is_some_and(|n| {
            let w = word(text, n);
            n.k == TokKind::Word && !is_cap(w) && !in_list(PRONOUNS, w) && w != "that"
        });
    let adjective =
        at.cue_word.ends_with("ed") && (in_list(ADJECTIVE_PREPOSITIONS, before) || after_perfect);
    // "a patrol ship fired warning shots": an "-ing" cue straight after a past verb and
    // before a plain noun modifies the noun.
    let modifier = at.participle
        && before.ends_with("ed")
        && toks.get(at.ce).is_some_and(|n| {
            let w = word(text, n);
            n.k == TokKind::Word
                && !is_cap(w)
                && !in_list(PRONOUNS, w)
                && !in_list(NOUN_DETERMINERS, w)
                && !in_list(&["that", "of", "about", "against", "to", "on", "in"], w)
        });
    // "the outrageous claim that …", "a baseless charge": an article and an adjective (by its
    // ending) before the cue make it a noun.
    let bare = !at.cue_word.contains(' ')
        && !at.cue_word.ends_with(['s', 'd'])
        && at.cue_word.chars().all(|c| c.is_ascii_lowercase());
    let after_adjective = bare
        && !is_cap(before)
        && ADJECTIVE_ENDINGS.iter().any(|e| before.ends_with(e))
        && at.ci >= 2
        && toks[at.ci - 2].k == TokKind::Word
        && in_list(NOUN_DETERMINERS, word(text, &toks[at.ci - 2]));
    // "Footage showed a helicopter over the deck": a picture or a record speaks for no one.
    let exhibit = at.cue_word.starts_with("show")
        && in_list(&EXHIBITS, speaker.name.rsplit(' ').next().unwrap_or(""));
    let object_says_no = super::objects::no_claim_after(text, toks, &at.cue_word, at.ce);
    if noun || adjective || modifier || exhibit || after_adjective || object_says_no {
        return None;
    }
    if site.row.weak {
        first_tok?;
        // "his amorphous support", "That longtime support", "the outrageous claim": a
        // modifier, not a subject.
        if j > 0 && toks[j - 1].k == TokKind::Word {
            let head = word(text, &toks[j - 1]);
            if !is_cap(head)
                && role_of(head).is_none()
                && !in_list(PRONOUNS, head)
                && (!head.ends_with('s') || head.ends_with("ss") || head.ends_with("ous"))
            {
                return None;
            }
        }
        speaker.confidence = speaker.confidence.min(0.6);
    }
    if site.row.kind == CueKind::Belief {
        speaker.confidence = speaker.confidence.min(0.5);
    }
    Some(())
}

/// The word token straight before the cue, if the token there is a word.
fn word_before_cue<'t>(site: &CueSite, at: &At<'t>) -> Option<&'t str> {
    let t = site.toks.get(at.ci.checked_sub(1)?)?;
    (t.k == TokKind::Word).then(|| word(at.text, t))
}

/// "The rebels attacked the convoy", "crossed the line and attacked a patrol", "were
/// attacked by coastguard ships", "Russia attacked three Ukrainian ships": a cue of verbal
/// attack ([`PHYSICAL_CUES`]) whose subject, passive agent (at `passive`) or object is an
/// armed force or a craft ([`ARMED_FORCES`]), or that is the second verb of a predicate,
/// names a physical attack.
fn physical_act(site: &CueSite, at: &At, first_tok: Option<usize>, passive: Option<Span>) -> bool {
    let (text, toks) = (at.text, site.toks);
    if !in_list(&PHYSICAL_CUES, &at.cue_word) {
        return false;
    }
    let second_verb = word_before_cue(site, at).is_some_and(|w| in_list(&["and", "then"], w));
    second_verb
        || super::objects::armed_agent(text, passive)
        || (passive.is_none() && super::objects::armed_object(text, toks, at.ce))
        || first_tok.is_some_and(|st| {
            toks[st..at.ci]
                .iter()
                .any(|t| t.k == TokKind::Word && in_list(&ARMED_FORCES, word(text, t)))
        })
}

/// Content: an adjacent quotation before the attribution ("...," Lavrov said). Only commas
/// and spaces may lie between it and the attribution: look no further back.
fn quote_before(
    site: &CueSite,
    at: &At,
    attribution_start_byte: usize,
    inverted: bool,
) -> Option<(usize, usize, bool)> {
    let (text, sent) = (at.text, site.sent);
    let gap_lo = attribution_start_byte
        - text[..attribution_start_byte]
            .chars()
            .rev()
            .take_while(|&c| c == ',' || (c.is_whitespace() && c != '\n'))
            .map(char::len_utf8)
            .sum::<usize>();
    let q = quotes_near(site.quotes, gap_lo, attribution_start_byte)
        .iter()
        .filter(|q| q.closed && q.close_end <= attribution_start_byte)
        .filter(|q| {
            let between = &text[q.close_end..attribution_start_byte];
            let gap_ok =
                between.trim().trim_matches(',').trim().is_empty() && !between.contains('\n');
            let interior = text[q.start..q.end]
                .trim_end()
                .trim_end_matches(['’', '\'', '"', '”']);
            gap_ok
                && (between.contains(',')
                    || interior.ends_with([',', '?', '!', '—', '-'])
                    || (inverted && q.close_end >= sent.start)
                    || q.close_end >= sent.start && q.open < sent.start)
        })
        .max_by_key(|q| q.close_end)?;
    clean_content(text, q.start, q.end)
}

/// Content before ", X said." when nothing but a trailer (ending at token `rest`) follows the
/// cue: the clause before the attribution, direct, mixed or indirect; or the clause around an
/// attribution set in commas ([`parenthetical`]).
fn content_before(
    site: &CueSite,
    at: &At,
    rest: usize,
    after: usize,
    attribution_start_byte: usize,
) -> Option<((usize, usize, bool), ClaimKind)> {
    // "The talks, he said, were useful": the clause around the attribution.
    if let Some(c) = parenthetical(site, at, (after, rest), attribution_start_byte) {
        return Some((c, ClaimKind::Indirect));
    }
    let (text, toks, sent, quotes) = (at.text, site.toks, site.sent, site.quotes);
    // "…, the minister said, adding that …": a participle after a comma opens a claim of
    // its own; the attribution ends before it.
    let participle_next = rest < toks.len()
        && rest > after
        && toks[rest].k == TokKind::Word
        && word(text, &toks[rest]).ends_with("ing")
        && is_punct(text, &toks[rest - 1], ",");
    // "…, the ministry said on Tuesday, the deadliest clash in decades": an apposition or a
    // circumstance after the trailer's comma describes the event reported before.
    let apposition_next = rest < toks.len()
        && rest > after
        && text[sent.start..attribution_start_byte]
            .split_whitespace()
            .count()
            >= 3
        && is_punct(text, &toks[rest - 1], ",")
        && in_list(
            &[
                "the", "a", "an", "its", "their", "in", "amid", "as", "despite", "after",
            ],
            word(text, &toks[rest]),
        );
    let ends_here = participle_next
        || apposition_next
        || rest >= toks.len()
        || (is_punct(text, &toks[rest], ".") && rest + 1 >= toks.len())
        || is_punct(text, &toks[rest], ",")
        || (toks[rest].k == TokKind::Punct && rest + 1 >= toks.len())
        // "…, X said [on Monday] during a meeting", "…, X told reporters before leaving for
        // Baku": a circumstance in the trailer.
        || ((after..=rest).any(|k| {
            toks.get(k).is_some_and(|t| {
                t.k == TokKind::Word
                    && in_list(
                        &[
                            "in", "during", "while", "adding", "citing", "referring", "before",
                            "after", "ahead",
                        ],
                        word(text, t),
                    )
            })
        }) && !toks[after.min(toks.len())..]
                .iter()
                .any(|t| word(text, t).eq_ignore_ascii_case("that")));
    let before = text[sent.start..attribution_start_byte].trim_end();
    if !(before.ends_with(',') && ends_here && before.len() > 1) {
        return None;
    }
    let c = clean_content(text, sent.start, sent.start + before.len() - 1)?;
    let opened_here = quotes_near(quotes, c.0, c.1)
        .iter()
        .any(|q| q.open >= c.0 && q.open < c.1);
    let kind = if quote_at(quotes, c.0).is_some() && !opened_here {
        ClaimKind::Direct
    } else if opened_here {
        ClaimKind::Mixed
    } else {
        ClaimKind::Indirect
    };
    Some((c, kind))
}

/// The cue at token `ci` is negated or refused: "did not say", "would not say", "declined to
/// say", "refused to confirm".
fn withheld(text: &str, toks: &[Tok], ci: usize) -> bool {
    let w = |k: usize| {
        ci.checked_sub(k)
            .and_then(|i| toks.get(i))
            .map_or(String::new(), |t| word(text, t).to_ascii_lowercase())
    };
    matches!(w(1).as_str(), "not" | "never")
        || w(1).ends_with("n't")
        || (w(1) == "to"
            && matches!(
                w(2).as_str(),
                "declined" | "declines" | "refused" | "refuses" | "declining" | "refusing"
            ))
}

/// Prepositions in "-ing" (closed class): "that, according to …" opens no participle.
const ING_PREPOSITIONS: &[&str] = &[
    "according",
    "during",
    "following",
    "including",
    "regarding",
    "concerning",
    "pending",
    "considering",
    "notwithstanding",
    "barring",
    "excluding",
];

/// A participle after a comma opens a clause of its own ("…, saying the claim was absurd"): a
/// lower-case word of five letters or more in "-ing" that is no preposition
/// ([`ING_PREPOSITIONS`]: "according to").
pub(super) fn participle(w: &str) -> bool {
    w.len() > 4
        && w.ends_with("ing")
        && w.starts_with(|c: char| c.is_ascii_lowercase())
        && !in_list(ING_PREPOSITIONS, w)
}

/// Where an indirect content opening at byte `cs` ends: its sentence's end, or the end of a
/// quotation running past it, or before a source phrase, a relation participle, or (for a
/// rejected or charged thing with no "that") a clause joined on.
fn content_end(site: &CueSite, text: &str, cs: usize, via_that: bool) -> usize {
    let (sent, quotes) = (site.sent, site.quotes);
    let mut end = sent.end;
    // A quotation opened in the content and running past the sentence keeps its own end.
    let runs_past = quotes_near(quotes, cs, sent.end)
        .iter()
        .find(|q| q.open >= cs && q.open < sent.end && q.end > sent.end)
        .map(|q| q.end);
    if let Some(q_end) = runs_past {
        end = q_end;
    } else if let Some(i) = text[cs..end].find(", according to ") {
        // "dismissed the deal as a conspiracy, according to a statement": the source phrase
        // names the channel of this attribution, not the content.
        end = cs + i;
    } else if let Some(i) = relation_participle(&text[cs..end]) {
        // "… was not premeditated, contradicting Turkish officials": the relation to another
        // party's claim is the reporter's, not the content.
        end = cs + i;
    } else if !via_that && matches!(site.row.kind, CueKind::Denial | CueKind::Accusation) {
        // "denied any involvement, and on Monday its spokesman called …", "accused Lima of
        // spying; the envoy …": the rejected or charged thing ends where a new clause is
        // joined on, or where the sentence's own verb of saying follows a participle's
        // object ("The committee on Tuesday, rejecting the claim of a raid, said …").
        let tail = &text[cs..end];
        if let Some(i) = [
            ", and ", ", but ", "; ", ", said ", ", says ", ", added ", ", told ",
        ]
        .iter()
        .filter_map(|j| tail.find(j))
        .min()
        {
            end = cs + i;
        }
    }
    end
}

/// Content after the cue, from token `rest`: a "that" clause, a colon, a quotation, or a bare
/// clause. The flag says the confidence drops (a bare clause, no "that").
fn content_after(
    site: &CueSite,
    at: &At,
    rest: usize,
) -> Option<((usize, usize, bool), ClaimKind, bool)> {
    let (text, toks, sent, quotes) = (at.text, site.toks, site.sent, site.quotes);
    let t = &toks[rest];
    let (start_tok, via_that) =
        if t.k == TokKind::Word && word(text, t).eq_ignore_ascii_case("that") {
            (rest + 1, true)
        } else if is_punct(text, t, ":") {
            (rest + 1, false)
        } else {
            (rest, false)
        };
    // "has denied that, saying …", "said that.": "that" before a comma and a participle, or
    // before a stop, is the pronoun: the thing denied was told before, and the participle
    // after it speaks for itself. "said that, if asked, …" and "said that, according to its
    // data, …" (a preposition in "-ing") keep the conjunction. A denial keeps the pronoun
    // before a stop as its content ("Moscow denied that."), which `find` keeps for "deny".
    let pronoun_that = via_that
        && toks.get(start_tok).is_some_and(|n| {
            let after = toks.get(start_tok + 1).map(|a| word(text, a)).unwrap_or("");
            n.k == TokKind::Punct
                && ((matches!(word(text, n), "." | ";" | "!") && site.row.kind != CueKind::Denial)
                    || (word(text, n) == "," && participle(after)))
        });
    let start_tok = if via_that
        && !pronoun_that
        && toks
            .get(start_tok)
            .is_some_and(|n| n.k == TokKind::Punct && matches!(word(text, n), "." | ";" | "!"))
    {
        // "Moscow denied that.": the pronoun is the content.
        rest
    } else {
        start_tok
    };
    if pronoun_that {
        return None;
    }
    // "said that, during the talks, …": the comma after the conjunction opens an aside.
    let start_tok = if via_that && toks.get(start_tok).is_some_and(|n| is_punct(text, n, ",")) {
        start_tok + 1
    } else {
        start_tok
    };
    let cs = toks.get(start_tok)?.s;
    // "did not say whether …", "declined to say whether …": a question left open is no
    // position ("was asked whether …" reports the question).
    if word(text, &toks[start_tok]).eq_ignore_ascii_case("whether") && withheld(text, toks, at.ci) {
        return None;
    }
    // "continued" / "went on" speak only before a quotation, a colon or "that"; so do the
    // cues whose plain object is a topic ("discussed the incident", `clause-only`).
    // A demand ("asked for a sample") is a position, and a question put ("asked whether the
    // convoy was hit") is the asker's: both stay.
    let first_word = at.cue_word.split_whitespace().next().unwrap_or("");
    let demand = in_list(
        &[
            "for", "whether", "if", "why", "how", "what", "who", "when", "where",
        ],
        word(text, &toks[rest]),
    );
    if (matches!(at.cue_word.as_str(), "continued" | "went on")
        || (in_list(&CLAUSE_ONLY, first_word) && !demand))
        && !via_that
        && start_tok == rest
        && toks[rest].k != TokKind::Quote
    {
        return None;
    }
    // Direct or mixed: the content opens with a quotation.
    // A quoted word the clause runs on from ('that "moderate" groups had violated ...') is
    // the clause's, not the whole content.
    let runs_on = |q: &Quote| {
        let rest = text[q.close_end.min(sent.end)..sent.end].trim_start();
        let next = rest
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        !next.is_empty() && !in_list(&["and", "but", "or", "as", "because"], next)
    };
    if let Some(q) = quotes_near(quotes, cs, cs)
        .iter()
        .find(|q| q.open == cs && !(via_that && runs_on(q)))
    {
        let kind = if via_that {
            ClaimKind::Mixed
        } else {
            ClaimKind::Direct
        };
        if let Some(c) = clean_content(text, q.start, q.end) {
            // '"no agreement is close" and that Kerry ...' — the tail is not part of the quote.
            return Some((c, kind, false));
        }
    }
    let end = content_end(site, text, cs, via_that);
    let c = clean_content(text, cs, end)?;
    let has_quote = quotes_near(quotes, c.0, c.1)
        .iter()
        .any(|q| q.open >= c.0 && q.open < c.1);
    let kind = if has_quote {
        ClaimKind::Mixed
    } else {
        ClaimKind::Indirect
    };
    Some((c, kind, !via_that))
}
