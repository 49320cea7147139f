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
/// A transcript's turn: "Lin Mao: The vessels intruded into our waters. The coast guard took
/// necessary measures. We urge them to stop." A colon attribution that opens its line speaks
/// every later sentence of that line (paragraph): a sentence nobody claimed is the same
/// speaker's, and one whose speaker is "we" or "I" is the turn's speaker, not a party named
/// in the question before it.
pub(super) fn add_turns(text: &str, sentences: &[Span], drafts: &mut Vec<Draft>) {
    // Only a dialogue is a transcript ([`dialogue`]): a lone "CORRECTION:" line is page
    // furniture, a "Name:" line a form, "Jeb Bush: Student loans" a section's heading. Most
    // pages have no colon attribution at all, and are not scanned line by line.
    let colon = |d: &Draft| d.cue.slice(text) == ":" && d.kind == ClaimKind::Indirect;
    if !drafts.iter().any(colon) || !dialogue(text) {
        return;
    }
    let mut extra = Vec::new();
    let mut first_person = Vec::new();
    for (n, d) in drafts.iter().enumerate() {
        if !colon(d) {
            continue;
        }
        let line_start = text[..d.sentence.start].rfind('\n').map_or(0, |i| i + 1);
        let opens = d
            .speaker
            .span
            .is_some_and(|s| text[line_start..s.start].trim().is_empty());
        if !opens {
            continue;
        }
        let line_end = text[d.content.end..]
            .find('\n')
            .map_or(text.len(), |i| d.content.end + i);
        for sent in sentences
            .iter()
            .filter(|s| s.start >= d.sentence.end && s.end <= line_end)
        {
            let mut claimed = false;
            for (m, o) in drafts.iter().enumerate() {
                if m == n || !o.content.overlaps(*sent) {
                    continue;
                }
                claimed = true;
                let pronoun = o.speaker.span.map(|s| s.slice(text).to_lowercase());
                if matches!(pronoun.as_deref(), Some("we" | "i")) {
                    first_person.push((m, n));
                }
            }
            if claimed {
                continue;
            }
            if let Some(c) = clean_content(text, sent.start, sent.end) {
                extra.push(continued(d, Span::new(c.0, c.1), *sent, 0.6));
            }
        }
    }
    for (m, n) in first_person {
        let mut speaker = drafts[n].speaker.clone();
        speaker.span = drafts[m].speaker.span;
        drafts[m].speaker = speaker;
    }
    drafts.extend(extra);
}

/// Whether the article is a dialogue: lines opened by speaker labels and a colon ("Q:", "JAKE
/// TAPPER:", "Lin Mao:"), two different labels at least and one of them opening two lines or
/// more. A label is written in capitals, or is a name of two to four capitalised words: "Name:",
/// "CORRECTION" alone, "Why she's protesting:" are no dialogue.
fn dialogue(text: &str) -> bool {
    let mut labels: Vec<&str> = text
        .lines()
        .filter_map(|line| {
            let (label, rest) = line.trim_start().split_once(':')?;
            let words: Vec<&str> = label.split_whitespace().collect();
            let capitals =
                label.chars().any(char::is_alphabetic) && !label.chars().any(char::is_lowercase);
            let name = (2..=4).contains(&words.len())
                && words
                    .iter()
                    .all(|w| w.starts_with(|c: char| c.is_uppercase()));
            let plain = label
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '-' | '\'' | '’'));
            ((capitals && words.len() <= 4) || name)
                .then_some(label)
                .filter(|_| plain && rest.starts_with(' '))
        })
        .collect();
    labels.sort_unstable();
    let lines = labels.len();
    labels.dedup();
    labels.len() >= 2 && lines > labels.len()
}

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
