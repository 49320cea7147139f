//! A fast hash for the small word tables looked up per token (role nouns, alias lists by
//! code): the multiply-rotate hash of rustc's FxHasher, without a new dependency. The keys
//! are our own table words, not input an attacker picks, so no SipHash is needed.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The hasher: eight bytes folded in per step.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("eight bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            // The length keeps "ab" apart from "ab\0".
            self.add(u64::from_le_bytes(buf) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` hashed with [`FxHasher`].
pub type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_find_what_they_hold_and_nothing_else() {
        let words = [
            "",
            "a",
            "ab",
            "ab\0",
            "minister",
            "spokeswoman",
            "ministers",
            "é",
        ];
        let mut m: FxHashMap<String, usize> = FxHashMap::default();
        for (i, w) in words.iter().enumerate() {
            m.insert(w.to_string(), i);
        }
        assert_eq!(m.len(), words.len());
        for (i, w) in words.iter().enumerate() {
            assert_eq!(m.get(*w), Some(&i), "{w:?}");
        }
        assert_eq!(m.get("minister "), None);
        assert_eq!(m.get("Minister"), None);
    }
}
