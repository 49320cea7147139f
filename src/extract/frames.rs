//! Frames and stance: which proposition a claim is about (agreement, ceasefire, responsibility ...) and whether it asserts or denies it.

use crate::model::Figure;

/// The proposition a piece of text is about and its stance towards it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Stance {
    pub frame: Option<String>,
    pub polarity: i8,
    pub hedge: Option<String>,
    pub target: Option<String>,
    pub figures: Vec<Figure>,
}

/// Classify `content` (absolute offset `offset` in the body, for figure spans).
pub fn classify(_content: &str, _offset: usize) -> Stance {
    Stance::default()
}
