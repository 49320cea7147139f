//! Frame flags: what the contradiction rules do differently for a frame, read from
//! `src/data/frame_flags.tsv` (so the rules match no frame names in Rust).
//!
//! Reached as [`crate::extract::frames::flags`]. A frame the table does not list (and the empty
//! frame) has no flags.

use std::collections::HashMap;

use once_cell::sync::Lazy;

/// The flags of one frame; see the header of `frame_flags.tsv` for what each one changes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FrameFlags {
    /// The frame says a party is to blame (responsibility).
    pub blame: bool,
    /// A denial cue on a claim with no stance rejects the frame's proposition.
    pub denial_target: bool,
    /// Two claims naming the party the frame is about meet only on the same party (ceasefire).
    pub party: bool,
    /// Claims of the frame are figures, not stances (casualties).
    pub figures: bool,
}

static TABLE: Lazy<HashMap<&'static str, FrameFlags>> = Lazy::new(|| {
    crate::data::FRAME_FLAGS
        .rows()
        .iter()
        .map(|row| {
            let mut f = FrameFlags::default();
            for word in row.col(1).split(',').map(str::trim) {
                let flag = match word {
                    "blame" => &mut f.blame,
                    "denial_target" => &mut f.denial_target,
                    "party" => &mut f.party,
                    "figures" => &mut f.figures,
                    other => panic!("frame_flags.tsv:{}: unknown flag {other:?}", row.line),
                };
                *flag = true;
            }
            (row.col(0).trim(), f)
        })
        .collect()
});

/// The flags of `frame` (none for a frame the table does not list).
pub fn flags(frame: &str) -> FrameFlags {
    TABLE.get(frame).copied().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_are_read_from_the_table() {
        let on = |frame: &str| {
            let f = flags(frame);
            [f.blame, f.denial_target, f.party, f.figures]
        };
        assert_eq!(on("responsibility"), [true, true, false, false]);
        assert_eq!(on("designation"), [false, true, false, false]);
        assert_eq!(on("ceasefire"), [false, false, true, false]);
        assert_eq!(on("casualties"), [false, false, false, true]);
        assert_eq!(on("agreement"), [false; 4]);
        assert_eq!(on(""), [false; 4]);
    }

    #[test]
    fn every_flagged_frame_is_a_frame() {
        let frames: Vec<&str> = crate::data::FRAMES
            .rows()
            .iter()
            .map(|r| r.col(0))
            .collect();
        for frame in TABLE.keys() {
            assert!(
                frames.contains(frame),
                "frame_flags.tsv: no frame {frame:?} in frames.tsv"
            );
        }
    }
}
