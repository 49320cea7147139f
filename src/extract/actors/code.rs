//! Actor codes as a type: the one place that reads a CAMEO-style code's parts (its country, its
//! three-letter prefix, whether it is the unknown code).
//!
//! A code is an ISO 3166 alpha-3 side plus a role (`RUSGOV`, `SYRREB`), or a body prefix plus a
//! name (`IGOUNO`, `NGOMSF`, `IMGISI`), or `UNKNWN` (see `schema/gazetteer/seed.tsv`). The party a
//! code speaks for is [`ActorCode::side`], implemented beside the sides table in
//! `contradict::sides`.

use super::{builtin_ref, UNKNOWN_CODE};

/// The roles of an armed camp against its state (CAMEO rebels, insurgents, non-state armed
/// groups): the sides table's "rebels", the gold's `REB`, a doer of its own in propositions.
pub const ARMED_CAMP_ROLES: [&str; 3] = ["REB", "INS", "NSA"];

/// A CAMEO-style actor code, kept as written (`Claim::actor_code` and the store hold the same
/// text as a plain `String`; wrap it with [`ActorCode::new`] to ask about its parts).
///
/// - [`country`](Self::country): the state the code speaks for, checked against the gazetteer
///   (`RUSMIL` -> `RUS`, `IGOUNO` -> none, `UNKNWN` -> none);
/// - [`prefix`](Self::prefix): its first three characters whatever they name (`IGOUNO` -> `IGO`);
/// - [`side`](Self::side): the party it speaks for, from `sides.tsv`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActorCode(String);

impl ActorCode {
    /// Wraps a code as written (no case or space change).
    pub fn new(code: impl Into<String>) -> ActorCode {
        ActorCode(code.into())
    }

    /// The code as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this is the anonymous source whose side the text does not state (`UNKNWN`).
    pub fn is_unknown(&self) -> bool {
        self.0 == UNKNOWN_CODE
    }

    /// The first three characters as written, whatever they name: `RUSGOV` -> `RUS`, `IGOUNO` ->
    /// `IGO`; none when the code is shorter.
    pub fn prefix(&self) -> Option<&str> {
        self.0.get(..3)
    }

    /// The code split after its third character: the side slot and the role (`FRAGOV` ->
    /// (`FRA`, `GOV`); a shorter code is all side slot: `RU` -> (`RU`, ``)).
    pub fn split(&self) -> (&str, &str) {
        let at = self
            .0
            .char_indices()
            .nth(3)
            .map_or(self.0.len(), |(i, _)| i);
        self.0.split_at(at)
    }

    /// The prefix when it is three ASCII letters (what `actor add` and a dictionary import store
    /// as an analyst-added actor's country: `IGOUNO` -> `IGO`, `123ABC` -> none).
    pub fn letter_prefix(&self) -> Option<&str> {
        self.prefix()
            .filter(|c| c.chars().all(|ch| ch.is_ascii_alphabetic()))
    }

    /// The state (ISO alpha-3) the code speaks for: its prefix (case and surrounding space
    /// ignored) when the gazetteer knows it as a state. `RUSMIL` -> `RUS`, bare `RUS` -> `RUS`,
    /// `IGOUNO`, `NGOHRW` and `UNKNWN` -> none.
    pub fn country(&self) -> Option<&'static str> {
        let code = self.0.trim().to_ascii_uppercase();
        if code == UNKNOWN_CODE {
            return None;
        }
        builtin_ref().state(code.get(..3)?)
    }
}

impl From<&str> for ActorCode {
    fn from(code: &str) -> ActorCode {
        ActorCode::new(code)
    }
}

impl std::fmt::Display for ActorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
