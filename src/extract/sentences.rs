//! Sentence splitting for wire copy: abbreviations (U.S., Gen., Sept., a.m.), quotes spanning sentences, one-sentence paragraphs.

use crate::model::Span;

/// Split `text` into sentence spans (byte offsets, trimmed of surrounding whitespace).
pub fn split(text: &str) -> Vec<Span> {
    // Placeholder until the sentence splitter lands: one span per non-empty paragraph.
    let mut out = Vec::new();
    let mut start = 0;
    for para in text.split("\n\n") {
        let trimmed = para.trim();
        if !trimmed.is_empty() {
            let off = start + (para.len() - para.trim_start().len());
            out.push(Span::new(off, off + trimmed.len()));
        }
        start += para.len() + 2;
    }
    out
}
