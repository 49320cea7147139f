//! Continuation claims: quotations nobody claimed that continue an attributed one (later
//! sentences of the same paragraph, or the next paragraph opening with a quotation), and
//! block quotations set off after an attribution that ends its paragraph with a colon.

use super::quotes::{clean_content, Quote};
use super::Draft;
use crate::model::{ClaimKind, Span};

/// Quotations nobody claimed that continue an attributed quotation of the same or the previous paragraph.
pub(super) fn add_continuations(
    text: &str,
    quotes: &[Quote],
    sentences: &[Span],
    drafts: &mut Vec<Draft>,
) {
    let mut extra = Vec::new();
    for q in quotes {
        if q.end <= q.start {
            continue;
        }
        let claimed = drafts
            .iter()
            .chain(extra.iter())
            .any(|d: &Draft| d.content.overlaps(Span::new(q.start, q.end)));
        if claimed {
            continue;
        }
        // Any cue-bearing draft whose sentence overlaps this quotation's sentence claims it.
        let Some(prev) = drafts
            .iter()
            .chain(extra.iter())
            .filter(|d| d.content.end <= q.open)
            .max_by_key(|d| d.content.end)
        else {
            continue;
        };
        let prev = prev.clone();
        let between = &text[prev.content.end..q.open];
        let same_para = q.para_start <= prev.content.start;
        let starts_para = text[q.para_start..q.open].trim().is_empty();
        let prev_para_is_last = !between.contains("\n\n") || {
            // Only one paragraph break between the attributed claim and this quotation.
            between.matches("\n\n").count() == 1 || between.trim().len() < 4
        };
        let sentence_gap = sentences
            .iter()
            .filter(|s| s.start >= prev.sentence.end && s.end <= q.open)
            .count();
        let ok = (same_para
            && (sentence_gap == 0 || prev.kind != ClaimKind::Indirect)
            && sentence_gap <= 1)
            || (starts_para && prev_para_is_last && sentence_gap <= 1);
        if !ok {
            continue;
        }
        let Some(c) = clean_content(text, q.start, q.end) else {
            continue;
        };
        let sentence = sentences
            .iter()
            .find(|s| s.start <= q.start && q.start < s.end.max(s.start + 1))
            .copied()
            .unwrap_or(Span::new(q.open, q.close_end));
        extra.push(continued(&prev, Span::new(c.0, c.1), sentence, 0.7));
    }
    drafts.extend(extra);
}

/// Longest block quotation read after a colon, in paragraphs.
const BLOCK_PARAGRAPHS: usize = 3;

/// "… Lavrov has kept up the pressure, accusing Washington of inaction:" then paragraphs
/// without quotation marks: a paragraph that ends with an attribution's colon introduces a
/// block quotation, and each sentence of the following paragraphs is the same speaker's,
/// up to a paragraph with a claim or a quotation mark of its own, a heading in capitals
/// ("UPDATE …") or [`BLOCK_PARAGRAPHS`].
pub(super) fn add_block_quotes(text: &str, sentences: &[Span], drafts: &mut Vec<Draft>) {
    let mut extra = Vec::new();
    for d in drafts.iter() {
        let Some(colon) = text
            .get(d.content.end..d.sentence.end)
            .map(str::trim_end)
            .and_then(|s| s.strip_suffix(':'))
            .map(|s| d.content.end + s.len())
        else {
            continue;
        };
        let Some(rest) = text.get(colon + 1..) else {
            continue;
        };
        if !rest.starts_with("\n\n") && !rest.starts_with("\r\n\r\n") {
            continue;
        }
        let mut at = colon + 1;
        for _ in 0..BLOCK_PARAGRAPHS {
            let start = at + (text[at..].len() - text[at..].trim_start().len());
            if start >= text.len() {
                break;
            }
            let end = text[start..].find("\n\n").map_or(text.len(), |i| start + i);
            let para = Span::new(start, end);
            let para_text = &text[start..end];
            let heading = para_text
                .split_whitespace()
                .next()
                .is_some_and(|w| w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase()));
            let quoted = para_text.contains(['"', '“', '”']);
            let claimed = drafts.iter().any(|o| o.sentence.overlaps(para));
            if heading || quoted || claimed {
                break;
            }
            for sent in sentences.iter().filter(|s| para.contains(**s)) {
                let Some(c) = clean_content(text, sent.start, sent.end) else {
                    continue;
                };
                extra.push(continued(d, Span::new(c.0, c.1), *sent, 0.6));
            }
            at = end;
        }
    }
    drafts.extend(extra);
}

/// A direct quotation continuing `prev`'s: same speaker (no span of its own) and cue, with
/// less confidence (at most `cap`).
fn continued(prev: &Draft, content: Span, sentence: Span, cap: f32) -> Draft {
    let mut speaker = prev.speaker.clone();
    speaker.span = None;
    Draft {
        confidence: (prev.confidence * 0.8).min(cap),
        speaker,
        cue: prev.cue,
        cue_kind: prev.cue_kind,
        kind: ClaimKind::Direct,
        content,
        sentence,
    }
}
