//! Events: dated happenings that are not speech (strikes, truces starting, talks suspended), typed by CAMEO root code.

use crate::model::{ActorMention, Claim, DateValue, Event, Span, Timex};

/// Find events in `text`.
pub fn find(
    _text: &str,
    _sentences: &[Span],
    _actors: &[ActorMention],
    _timexes: &[Timex],
    _claims: &[Claim],
    _published: DateValue,
) -> Vec<Event> {
    Vec::new()
}
