//! Attribution: direct, indirect and mixed quotes with their speaker, cue, content, date and stance.

use crate::extract::actors::Gazetteer;
use crate::model::{ActorMention, Claim, DateValue, Diagnostic, Span, Timex};

/// Find claims in `text` given its sentences, actor mentions and time expressions.
#[allow(clippy::too_many_arguments)]
pub fn find(
    _text: &str,
    _sentences: &[Span],
    _actors: &[ActorMention],
    _timexes: &[Timex],
    _published: DateValue,
    _gazetteer: &Gazetteer,
    _diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Claim> {
    Vec::new()
}
