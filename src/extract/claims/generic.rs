//! Low-confidence fallbacks for verbs outside the lexicon: `"...," Trump boasted.` and
//! "Trump boasted that ...".

use super::coref::Ctx;
use super::lexicon::{in_list, role_of, CueKind, DETERMINERS, NP_STOP, PRONOUNS, SKIP_BEFORE_CUE};
use super::phrase::{np_back, np_fwd, np_fwd_mode, skip_back};
use super::quotes::{clean_content, inside_quote, quotes_near, Quote};
use super::tokens::{is_cap, tok_at, word, Tok, TokKind};
use super::Draft;
use crate::model::{ClaimKind, Span};

/// `"...," Trump boasted.` / `"...," quipped the senator.`: a quotation ending in a comma (or
/// ? !) followed by a subject and any verb outside the lexicon. Low confidence.
pub(super) fn generic_quote_first(
    ctx: &mut Ctx,
    quotes: &[Quote],
    sent: Span,
    toks: &[Tok],
    drafts: &mut Vec<Draft>,
    first_new: usize,
) {
    let text = ctx.text;
    for q in quotes_near(quotes, sent.start, sent.end)
        .iter()
        .filter(|q| q.closed && q.close_end > sent.start && q.close_end < sent.end)
    {
        let interior = text[q.start..q.end].trim_end();
        if !interior.ends_with([',', '?', '!']) {
            continue;
        }
        let qs = Span::new(q.start, q.end);
        if drafts.iter().any(|d| d.content.overlaps(qs)) {
            continue;
        }
        let t0 = tok_at(toks, q.close_end);
        let is_verb = |t: &Tok| {
            let w = word(text, t);
            t.k == TokKind::Word
                && !is_cap(w)
                && (w.ends_with("ed") || w.ends_with('s'))
                && !NP_STOP.contains(&w.to_lowercase().as_str())
        };
        let (spk, cue) =
            if let Some(e) = np_fwd(text, toks, t0).filter(|&e| e + 1 < toks.len() && e < t0 + 6) {
                if !is_verb(&toks[e + 1]) {
                    continue;
                }
                ((t0, e), e + 1)
            } else if t0 + 1 < toks.len() && is_verb(&toks[t0]) {
                match np_fwd_mode(text, toks, t0 + 1, true) {
                    Some(e) => ((t0 + 1, e), t0),
                    None => continue,
                }
            } else {
                continue;
            };
        let Some(c) = clean_content(text, q.start, q.end) else {
            continue;
        };
        let mut speaker = ctx.speaker_from_phrase(&toks[spk.0..=spk.1], &toks[spk.0..=spk.1]);
        speaker.confidence = speaker.confidence.min(0.5);
        drafts.push(Draft {
            confidence: speaker.confidence,
            speaker,
            cue: Span::new(toks[cue].s, toks[cue].e),
            cue_kind: CueKind::Speech,
            kind: ClaimKind::Direct,
            content: Span::new(c.0, c.1),
            sentence: sent,
        });
    }
    let _ = first_new;
}

/// Forms of "be" that make a participle after them passive.
const BE_FORMS: &[&str] = &["is", "was", "are", "were", "be", "been", "being"];

/// "Trump boasted that ...": a verb outside the lexicon, right before "that", after a plain
/// subject phrase (name, pronoun, role noun). Low confidence.
pub(super) fn generic_that(
    ctx: &mut Ctx,
    quotes: &[Quote],
    sent: Span,
    toks: &[Tok],
    drafts: &mut Vec<Draft>,
    first_new: usize,
) {
    let text = ctx.text;
    for t in 2..toks.len().saturating_sub(1) {
        if !word(text, &toks[t]).eq_ignore_ascii_case("that") || toks[t - 1].k != TokKind::Word {
            continue;
        }
        let v = word(text, &toks[t - 1]);
        let lv = v.to_lowercase();
        if is_cap(v)
            || !(lv.ends_with("ed") || lv.ends_with('s'))
            || lv.ends_with("ss")
            || NP_STOP.contains(&lv.as_str())
            || in_list(&SKIP_BEFORE_CUE, v)
            || role_of(v).is_some()
            || matches!(
                lv.as_str(),
                "so" | "such"
                    | "is"
                    | "was"
                    | "has"
                    | "does"
                    | "means"
                    | "ensured"
                    | "ensures"
                    | "needed"
                    | "needs"
                    | "seems"
                    | "appears"
                    | "proved"
                    | "happened"
            )
        {
            continue;
        }
        let cue = Span::new(toks[t - 1].s, toks[t - 1].e);
        if inside_quote(quotes, cue.start, cue.end)
            || drafts[first_new..]
                .iter()
                .any(|d| d.content.overlaps(cue) || d.cue.overlaps(cue))
        {
            continue;
        }
        let j = skip_back(text, toks, t - 1);
        if j == 0 || toks[j - 1].k != TokKind::Word {
            continue;
        }
        // "It was revealed that ...": an agentless passive names no one who said it.
        let passive = lv.ends_with("ed")
            && toks[j..t - 1]
                .iter()
                .any(|x| in_list(BE_FORMS, word(text, x)));
        if passive {
            continue;
        }
        let Some(st) = np_back(text, toks, j - 1, false) else {
            continue;
        };
        // A bare name or pronoun, or a determiner phrase headed by a role or a name
        // ("the senator", "a Clinton aide").
        let person = |x: &Tok| {
            let w = word(text, x);
            is_cap(w) || in_list(PRONOUNS, w) || role_of(w).is_some()
        };
        let bare = (toks[st..j].iter().all(person) && !in_list(DETERMINERS, word(text, &toks[st])))
            || (j - st >= 2
                && in_list(&["the", "a", "an"], word(text, &toks[st]))
                && role_of(word(text, &toks[j - 1])).is_some());
        let opens = st == 0
            || toks[st - 1].k != TokKind::Word
            || in_list(
                &["and", "but", "as", "because", "while"],
                word(text, &toks[st - 1]),
            );
        if !bare || !opens {
            continue;
        }
        let Some(c) = clean_content(text, toks[t + 1].s, sent.end) else {
            continue;
        };
        if drafts[first_new..]
            .iter()
            .any(|d| d.content.overlaps(Span::new(c.0, c.1)))
        {
            continue;
        }
        let mut speaker = ctx.speaker_from_phrase(&toks[st..j], &toks[st..j]);
        speaker.confidence = speaker.confidence.min(0.45);
        drafts.push(Draft {
            confidence: speaker.confidence,
            speaker,
            cue,
            cue_kind: CueKind::Speech,
            kind: ClaimKind::Indirect,
            content: Span::new(c.0, c.1),
            sentence: sent,
        });
    }
}
