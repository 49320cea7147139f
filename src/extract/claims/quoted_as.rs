//! "X quoted Y as saying ...": the quoted person is the speaker; so is the subject of the
//! passive "Y was quoted by X as saying ...".

use super::coref::Ctx;
use super::lexicon::CueKind;
use super::phrase::{np_back, np_fwd};
use super::quotes::clean_content;
use super::tokens::{tok_at, word, TokKind};
use super::{CueSite, Draft};
use crate::model::{ClaimKind, Span};

pub(super) fn quoted_as(ctx: &mut Ctx, site: &CueSite) -> Option<Draft> {
    let CueSite {
        sent, toks, cue, ..
    } = *site;
    let text = ctx.text;
    let ci = tok_at(toks, cue.end);
    // Find "as saying" within a few tokens.
    let mut k = ci;
    while k + 1 < toks.len() && k < ci + 14 {
        if word(text, &toks[k]).eq_ignore_ascii_case("as")
            && word(text, &toks[k + 1]).eq_ignore_ascii_case("saying")
        {
            break;
        }
        k += 1;
    }
    if k + 1 >= toks.len() || k == ci || !word(text, &toks[k + 1]).eq_ignore_ascii_case("saying") {
        return None;
    }
    let mut e = k - 1;
    while e > ci && toks[e].k == TokKind::Punct {
        e -= 1;
    }
    let speaker = match passive_subject(text, toks, ci) {
        Some((s, e)) => ctx.speaker_from_phrase(&toks[s..=e], &toks[s..=e]),
        None => {
            let head_end = np_fwd(text, toks, ci).unwrap_or(e).min(e);
            ctx.speaker_from_phrase(&toks[ci..=e], &toks[ci..=head_end])
        }
    };
    let cue = Span::new(cue.start, toks[k + 1].e);
    let (cs, ce, quoted) = match clean_content(text, cue.end, sent.end) {
        Some(after) if after.1 > after.0 => after,
        // "<content>, the agency cited Y as saying.", '"…," Y was cited as saying.': with
        // nothing after the cue, the clause before the attribution's comma.
        _ => {
            let before = text.get(sent.start..cue.start)?;
            let comma = before.rfind(',')?;
            clean_content(text, sent.start, sent.start + comma)?
        }
    };
    if ce <= cs {
        return None;
    }
    Some(Draft {
        confidence: 0.85,
        speaker,
        cue,
        cue_kind: CueKind::Speech,
        kind: if quoted {
            ClaimKind::Direct
        } else {
            ClaimKind::Indirect
        },
        content: Span::new(cs, ce),
        sentence: sent,
    })
}

/// "An official was quoted by Reuters as saying": the noun phrase before the auxiliary that
/// precedes the cue (token `ci` is the first after the cue), as token bounds.
fn passive_subject(text: &str, toks: &[super::tokens::Tok], ci: usize) -> Option<(usize, usize)> {
    let cue_tok = ci.checked_sub(1)?;
    let aux = cue_tok.checked_sub(1)?;
    let is_aux = matches!(
        word(text, &toks[aux]).to_lowercase().as_str(),
        "was" | "were" | "is" | "are" | "been" | "being"
    );
    if !is_aux || aux == 0 {
        return None;
    }
    let end = aux - 1;
    let start = np_back(text, toks, end, false)?;
    Some((start, end))
}
