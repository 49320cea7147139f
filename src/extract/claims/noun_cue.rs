//! Noun cues after a possessive: "Moscow's claim that ...", "his support for the truce".

use super::coref::Ctx;
use super::lexicon::{in_list, CueKind};
use super::phrase::np_back;
use super::quotes::{clean_content, quotes_near};
use super::tokens::{tok_at, word, TokKind};
use super::{CueSite, Draft};
use crate::model::{ClaimKind, Span};

/// "Moscow's claim that its jets ...", "Lavrov's criticism of the plan", "his support for the
/// truce": the possessive is the speaker, the noun the cue.
pub(super) fn noun_cue(ctx: &mut Ctx, site: &CueSite) -> Option<Draft> {
    let CueSite {
        quotes,
        sent,
        toks,
        cue,
        row,
        ..
    } = *site;
    let text = ctx.text;
    let ci = tok_at(toks, cue.start);
    let ce = tok_at(toks, cue.end);
    let p = ci.checked_sub(1)?;
    let pw = word(text, &toks[p]);
    // "the outrageous claim that …": a lower-case word with no possessive before the noun
    // is its adjective, and names no speaker ("the Russian claim", "Moscow's claim" do).
    let owner = pw.ends_with("'s")
        || pw.ends_with("\u{2019}s")
        || pw.starts_with(char::is_uppercase)
        || toks[p].k != TokKind::Word;
    let (st, head_end) = if in_list(&["his", "her", "their", "its"], pw) {
        (p, p)
    } else if !owner {
        return None;
    } else {
        (np_back(text, toks, p, false).unwrap_or(p), p)
    };
    let nxt = toks.get(ce)?;
    let nw = word(text, nxt).to_lowercase();
    let (cs, end) = match nw.as_str() {
        // "Moscow's claim that the plane ignored warnings was untrue, according to the
        // minister": the sentence is the minister's, about Moscow's claim.
        "that" if text[cue.end..sent.end].contains(", according to ") => return None,
        "that" => (toks.get(ce + 1)?.s, sent.end),
        "of" | "for" | "to" | "on" | "about" | "with" => {
            // A short object: up to the next punctuation or clause word.
            let mut k = ce + 1;
            while k < toks.len()
                && k < ce + 9
                && toks[k].k == TokKind::Word
                && !in_list(
                    &[
                        "that", "which", "who", "is", "was", "has", "had", "and", "but",
                    ],
                    word(text, &toks[k]),
                )
            {
                k += 1;
            }
            if k == ce + 1 {
                return None;
            }
            (toks[ce + 1].s, toks[k - 1].e)
        }
        _ => return None,
    };
    let c = clean_content(text, cs, end)?;
    let mut speaker = ctx.speaker_from_phrase(&toks[st..=head_end], &toks[st..=head_end]);
    speaker.confidence = speaker.confidence.min(0.5);
    let has_quote = quotes_near(quotes, c.0, c.1)
        .iter()
        .any(|q| q.open >= c.0 && q.open < c.1);
    Some(Draft {
        confidence: speaker.confidence,
        speaker,
        cue,
        cue_kind: if row.kind == CueKind::Noun {
            CueKind::Speech
        } else {
            row.kind
        },
        kind: if has_quote {
            ClaimKind::Mixed
        } else {
            ClaimKind::Indirect
        },
        content: Span::new(c.0, c.1),
        sentence: sent,
    })
}
