//! "X quoted Y as saying ...": the quoted person is the speaker; so is the subject of the
//! passive "Y was quoted by X as saying ...".

use super::coref::Ctx;
use super::lexicon::{in_list, CueKind, CONTENT_OPENERS, DETERMINERS};
use super::phrase::{is_day, is_month, np_back, np_fwd};
use super::quotes::clean_content;
use super::sentence::opening_circumstance;
use super::tokens::{is_cap, tok_at, word, TokKind};
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
            let head_end = head_end(text, toks, ci, e);
            ctx.speaker_from_phrase(&toks[ci..=e], &toks[ci..=head_end])
        }
    };
    let cue = Span::new(cue.start, toks[k + 1].e);
    let (cs, ce, quoted) = match clean_content(text, cue.end, sent.end) {
        // "… as saying on Monday.": a time alone is no content.
        Some(after) if after.1 > after.0 && !time_only(&text[after.0..after.1]) => after,
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

/// The last token of the quoted person's head: the noun phrase after the cue, or the whole
/// slot up to "as saying" (token `e`) when lower-case title words lead to a name that ends it
/// ("cited Russian human rights commissioner Tatyana Moskalkova as saying"), but not across a
/// preposition ("quoted him on Monday as saying").
fn head_end(text: &str, toks: &[super::tokens::Tok], ci: usize, e: usize) -> usize {
    let h = np_fwd(text, toks, ci).unwrap_or(e).min(e);
    if h >= e {
        return h;
    }
    let rest = &toks[h + 1..=e];
    let words_only = rest.iter().all(|t| t.k == TokKind::Word);
    // A name ends the slot, not a day or a month ("quoted the spokesman Tuesday").
    let ends_in_name = is_cap(word(text, &toks[e])) && !time_word(word(text, &toks[e]));
    // Only title words lead to it: no link word, no participle ("an official accompanying
    // Lavrov"), no day.
    let title_words = rest.iter().all(|t| {
        let w = word(text, t);
        if is_cap(w) {
            return !time_word(w);
        }
        !(in_list(&CONTENT_OPENERS, w)
            || in_list(DETERMINERS, w)
            || in_list(&["of", "for", "and", "by", "to", "from", "with"], w)
            || w.ends_with("ing"))
    });
    if words_only && ends_in_name && title_words {
        e
    } else {
        h
    }
}

/// A weekday or a month ("Tuesday", "Nov.").
fn time_word(w: &str) -> bool {
    is_day(w) || is_month(w)
}

/// The words after "as saying" are only a time: a circumstance ([`opening_circumstance`])
/// whose last word is a day, a month, a date's number or a time unit ("on Monday", "late on
/// Nov. 25", "last week"); "this was a provocation" is content.
fn time_only(after: &str) -> bool {
    let last = after
        .trim_end_matches(['.', ',', ';'])
        .rsplit(' ')
        .next()
        .unwrap_or("");
    let timeish = time_word(last)
        || (!last.is_empty() && last.len() <= 4 && last.bytes().all(|b| b.is_ascii_digit()))
        || in_list(
            &[
                "week",
                "month",
                "year",
                "morning",
                "afternoon",
                "evening",
                "night",
                "weekend",
            ],
            last,
        );
    timeish && opening_circumstance(after)
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
