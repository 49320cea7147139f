//! Actor recognition: gazetteer matching of countries, capitals, institutions, groups, people and anonymous sources to CAMEO-style codes.

use crate::model::{ActorKind, ActorMention, GazetteerEntry};

/// The actor gazetteer: the seed in schema/gazetteer.tsv plus analysts' additions.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    pub entries: Vec<GazetteerEntry>,
}

impl Gazetteer {
    /// The seed gazetteer shipped in schema/gazetteer.tsv.
    pub fn builtin() -> Gazetteer {
        Gazetteer::default()
    }
    /// The seed plus extra entries (aliases analysts added).
    pub fn with_extra(extra: &[GazetteerEntry]) -> Gazetteer {
        let mut g = Gazetteer::builtin();
        g.entries.extend_from_slice(extra);
        g
    }
}

/// A speaker or name resolved to the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub name: String,
    pub code: String,
    pub country: Option<String>,
    pub kind: ActorKind,
}

/// Resolve a speaker phrase ("Russia's defense minister Sergei Shoigu", "a U.S. official",
/// "the State Department", "Moscow") to an actor, or None when nothing in it is known.
pub fn resolve_speaker(_speaker: &str, _gazetteer: &Gazetteer) -> Option<Resolved> {
    None
}

/// Every actor mention in `text`.
pub fn find(_text: &str, _gazetteer: &Gazetteer) -> Vec<ActorMention> {
    Vec::new()
}
