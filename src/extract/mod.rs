//! Extraction: a pure function from (article body, publication date) to actors, time expressions, claims and events.
//!
//! Nothing here does I/O and nothing here fails: problems come back as diagnostics.
//! Stages, in order: `sentences` -> `timex` -> `actors` -> `claims` (uses `frames`) -> `context`
//! (speakers without a side take one from the article) -> `events`.

pub mod actors;
pub mod agencies;
pub mod cameo;
pub mod claims;
pub mod context;
pub mod events;
mod frame_flags;
pub mod frames;
mod fxhash;
pub mod sentences;
pub mod timex;
pub mod words;

use crate::model::{Article, DateValue, DiagCode, Diagnostic, Extraction};

pub use actors::Gazetteer;

/// Extract everything from one article body, resolving dates against `published`.
pub fn extract(
    body: &str,
    published: DateValue,
    gazetteer: &Gazetteer,
) -> (Extraction, Vec<Diagnostic>) {
    extract_with(body, published, None, gazetteer)
}

/// [`extract`] for an article read by the pipeline: its dateline city ("WASHINGTON") is where
/// unnamed officials with no country of their own speak from.
pub fn extract_article(article: &Article, gazetteer: &Gazetteer) -> (Extraction, Vec<Diagnostic>) {
    extract_with(
        &article.body,
        article.published,
        article.dateline.as_deref(),
        gazetteer,
    )
}

fn extract_with(
    body: &str,
    published: DateValue,
    dateline: Option<&str>,
    gazetteer: &Gazetteer,
) -> (Extraction, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let sentences = sentences::split(body);
    let timexes = timex::tag(body, published.date);
    let (mut actors, places) = actors::find_with_places(body, gazetteer, published.date);
    let redefined = actors::drop_redefined_acronyms(body, &mut actors);
    let mut claims = claims::find(
        body,
        &sentences,
        &actors,
        &timexes,
        published,
        gazetteer,
        &mut diagnostics,
    );
    // "The FSA said", "an FSA spokesman": a speaker written with the article's own acronym
    // is not the gazetteer's party of it.
    for c in claims.iter_mut() {
        let holds = |a: &String| {
            c.speaker
                .split(|ch: char| !ch.is_alphanumeric())
                .any(|w| w == a)
        };
        if redefined.iter().any(holds) {
            c.actor = None;
            c.actor_code = None;
            c.country = None;
        }
    }
    context::gate_generic(body, &places, &mut actors, &mut claims);
    let article = context::Article {
        body,
        actors: &actors,
        places: &places,
        gazetteer,
        date: published.date,
        dateline,
    };
    context::linked_parties(&article, &mut claims);
    context::resolve(&article, &mut claims);
    context::transcript_turns(&article, &mut claims);
    context::joint_speakers(&article, &mut claims);
    let events = events::find(body, &sentences, &actors, &timexes, &claims, published);
    if published.date.is_none() {
        diagnostics.push(Diagnostic {
            code: DiagCode::PublicationDateUnknown,
            message: "publication date unknown: relative dates were not resolved".into(),
            span: None,
        });
    }
    (
        Extraction {
            timexes,
            actors,
            claims,
            events,
        },
        diagnostics,
    )
}
