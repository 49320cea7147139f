//! Per-claim features the contradiction rules read for every candidate pair, computed once per claim.

use std::sync::OnceLock;

use super::{content_stems, personal_name, proposition, reversal, Ids};
use crate::extract::frames;
use crate::model::{Claim, Stance};

/// Per-claim features of the rules, read once per claim instead of once per pair.
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// `frames::flags(frame)`.
    pub flags: frames::FrameFlags,
    /// The speaker reads as a person's name ([`personal_name`]).
    pub named: bool,
    /// Not hedged, attributed with at least the reversal rule's confidence.
    pub firm: bool,
    /// The claim carries a hedge.
    pub hedged: bool,
    /// The denial rule's denier: negative stance with a denial cue, or self-exculpating.
    pub denier: bool,
    /// The numeric rule's incident words (sorted), found at most once.
    pub incident: OnceLock<Vec<String>>,
    /// The same words of the claim's own content, not its sentence (`numeric::own_words`),
    /// found at most once: the opposing, reversal and numeric rules read them per pair.
    pub own: OnceLock<Vec<String>>,
    /// [`cumulative`] on the claim's sentence, found at most once.
    pub cumulative: OnceLock<bool>,
    /// The claim's content stems ([`content_stems`]), found at most once.
    pub stems: OnceLock<Vec<String>>,
    /// Whether it states a fact or speaks of a party's conduct ([`proposition::mode`]).
    pub mode: proposition::Mode,
    /// [`proposition::concedes`] on the claim's content, found at most once.
    pub concedes: OnceLock<bool>,
    /// [`proposition::foretells`] on the claim's content, found at most once.
    pub foretells: OnceLock<bool>,
    /// The months the claim's content names as whole words, one bit each (bit 0 January),
    /// found at most once: the reversal rule reads them per pair.
    pub months: OnceLock<u16>,
    /// For a claim that names its incident by a bare reference ("responsible for the
    /// attack"), its headline's incident words (`opposing::stands_for`), found at most once.
    pub stands_for: OnceLock<Option<Vec<String>>>,
}

impl Features {
    /// The features of a claim with this frame, stance, denial flag and keys.
    pub(super) fn of(
        claim: &Claim,
        frame: &str,
        stance: Stance,
        denial: bool,
        ids: &Ids,
    ) -> Features {
        let flags = frames::flags(frame);
        // A responsibility claim denied for the speaker's own side exculpates it.
        let own_side = matches!((ids.side, ids.target_side), (Some(s), Some(t)) if s == t);
        Features {
            flags,
            named: personal_name(&claim.speaker),
            firm: claim.hedge.is_none() && claim.confidence >= reversal::MIN_CONFIDENCE,
            hedged: claim.hedge.is_some(),
            denier: stance == Stance::Denies && (denial || (flags.blame && own_side)),
            incident: OnceLock::new(),
            own: OnceLock::new(),
            cumulative: OnceLock::new(),
            stems: OnceLock::new(),
            mode: proposition::mode(claim),
            concedes: OnceLock::new(),
            foretells: OnceLock::new(),
            months: OnceLock::new(),
            stands_for: OnceLock::new(),
        }
    }

    /// The claim's content stems, found at most once.
    pub(super) fn stems(&self, claim: &Claim) -> &[String] {
        self.stems.get_or_init(|| content_stems(&claim.text))
    }

    /// Whether the claim grants part of the other position, found at most once.
    pub(super) fn concedes(&self, claim: &Claim) -> bool {
        *self
            .concedes
            .get_or_init(|| proposition::concedes(&claim.text))
    }

    /// The months the claim's content names ([`reversal::months_named`]), found at most once.
    pub(super) fn months(&self, claim: &Claim) -> u16 {
        *self
            .months
            .get_or_init(|| reversal::months_named(&claim.text))
    }

    /// Whether the claim speaks of what may yet happen, found at most once.
    pub(super) fn foretells(&self, claim: &Claim) -> bool {
        *self
            .foretells
            .get_or_init(|| proposition::foretells(&claim.text))
    }
}
