//! Colon attributions: "Pence: ..." headlines, transcripts ("WALLACE: ...") and
//! "pollster Daron Shaw: “...”".

use super::coref::Ctx;
use super::lexicon::{role_of, CueKind, NP_STOP};
use super::phrase::np_back;
use super::quotes::{clean_content, inside_quote, quotes_near, Quote};
use super::tokens::{is_cap, is_punct, word, Tok, TokKind};
use super::Draft;
use crate::model::{ClaimKind, Span};

/// "Pence: ..." headlines, transcripts ("WALLACE: ...") and "pollster Daron Shaw: “...”".
pub(super) fn colon_claims(
    ctx: &mut Ctx,
    quotes: &[Quote],
    sent: Span,
    toks: &[Tok],
    drafts: &mut Vec<Draft>,
    first_new: usize,
) {
    let text = ctx.text;
    for c in 1..toks.len().saturating_sub(1) {
        if !is_punct(text, &toks[c], ":") || toks[c - 1].k != TokKind::Word {
            continue;
        }
        let colon = Span::new(toks[c].s, toks[c].e);
        if inside_quote(quotes, colon.start, colon.end)
            || drafts[first_new..].iter().any(|d| {
                d.content.overlaps(colon)
                    || d.cue.end + 1 >= colon.start && d.cue.end <= colon.start
            })
        {
            continue;
        }
        let prev = word(text, &toks[c - 1]);
        if !is_cap(prev) && role_of(prev).is_none() {
            continue;
        }
        let Some(st) = np_back(text, toks, c - 1, false) else {
            continue;
        };
        let first_word = toks.iter().position(|t| t.k == TokKind::Word).unwrap_or(0);
        let quote_next = toks[c + 1].k == TokKind::Quote;
        let after_prep = st > 0
            && toks[st - 1].k == TokKind::Word
            && NP_STOP.contains(&word(text, &toks[st - 1]).to_lowercase().as_str());
        if !(st == first_word || quote_next) || c - st > 6 || after_prep {
            continue;
        }
        let speaker = ctx.speaker_from_phrase(&toks[st..c], &toks[st..c]);
        let cs = toks[c + 1].s;
        let content = match quotes_near(quotes, cs, cs).iter().find(|q| q.open == cs) {
            Some(q) => clean_content(text, q.start, q.end),
            None => clean_content(text, cs, sent.end),
        };
        let Some(cn) = content else { continue };
        if text[cn.0..cn.1].split_whitespace().count() < 3 {
            continue;
        }
        drafts.push(Draft {
            confidence: speaker.confidence.min(0.6),
            speaker,
            cue: colon,
            cue_kind: CueKind::Speech,
            kind: if quote_next {
                ClaimKind::Direct
            } else {
                ClaimKind::Indirect
            },
            content: Span::new(cn.0, cn.1),
            sentence: sent,
        });
        return;
    }
}
