//! Source phrases: "according to X", with the content before it or after the comma that closes
//! the source; "That's according to X" sources the sentence before.

use super::coref::Ctx;
use super::lexicon::CueKind;
use super::phrase::np_fwd;
use super::quotes::{clean_content, inside_quote};
use super::tokens::{is_punct, tok_at, TokKind};
use super::{CueSite, Draft};
use crate::model::{ClaimKind, Span};

pub(super) fn according_to(ctx: &mut Ctx, site: &CueSite) -> Option<Draft> {
    let CueSite {
        quotes,
        sent,
        toks,
        cue,
        ..
    } = *site;
    let text = ctx.text;
    let ci = tok_at(toks, cue.end);
    if ci >= toks.len() || toks[ci].k != TokKind::Word {
        return None;
    }
    let end = np_fwd(text, toks, ci).unwrap_or(ci);
    // The source phrase runs to the next comma or the sentence end (appositives included).
    let mut k = end;
    while k + 1 < toks.len()
        && !is_punct(text, &toks[k + 1], ",")
        && !is_punct(text, &toks[k + 1], ".")
        && toks[k + 1].k != TokKind::Quote
    {
        k += 1;
        if k - end > 12 {
            break;
        }
    }
    let spk_toks = &toks[ci..=k];
    let speaker = ctx.speaker_from_phrase(spk_toks, &toks[ci..=end]);
    let lead = text[sent.start..cue.start].trim();
    let lead_words = lead.split_whitespace().count();
    let mut sentence = sent;
    let (cs, ce) = if let Some(prev) = anaphoric_lead(lead).then(|| previous(ctx, sent)).flatten() {
        // "Obama and Putin agreed to keep talking. That's according to a senior official."
        sentence = Span::new(prev.start, sent.end);
        (prev.start, prev.end)
    } else if lead_words <= 1 {
        // "According to X, content." — content after the comma that closes the source.
        let after = toks.get(k + 1)?;
        (after.e, sent.end)
    } else {
        (sent.start, cue.start)
    };
    let (cs, ce, quoted) = clean_content(text, cs, ce)?;
    let kind = if quoted && inside_quote(quotes, cs, ce) {
        ClaimKind::Direct
    } else {
        ClaimKind::Indirect
    };
    Some(Draft {
        confidence: speaker.confidence.min(0.85),
        speaker,
        cue,
        cue_kind: CueKind::SourcePhrase,
        kind,
        content: Span::new(cs, ce),
        sentence,
    })
}

/// "That's", "That is", "This is": a lead that points back at the sentence before.
fn anaphoric_lead(lead: &str) -> bool {
    let l = lead.to_lowercase().replace('’', "'");
    matches!(l.as_str(), "that's" | "that is" | "this is" | "that was")
}

/// The sentence right before `sent` in the article.
fn previous(ctx: &Ctx, sent: Span) -> Option<Span> {
    ctx.sentences
        .iter()
        .rev()
        .find(|s| s.end <= sent.start && !s.is_empty())
        .copied()
}
