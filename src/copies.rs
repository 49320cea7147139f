//! Syndicated copies: near-duplicate detection on cleaned bodies (MinHash over word shingles).
//!
//! The same wire story runs on dozens of sites, each with its own page furniture and now and
//! then a changed or added line. Such a copy is stored as an article (who ran the story, where
//! and when, is news) but linked to its original, and its claims take no part in
//! contradictions or counts: eight copies of a page must not give eight times the pairs.
//!
//! # How
//!
//! - A body is cut into **word 5-shingles**: runs of five consecutive words, a word being a run
//!   of letters or digits, compared without case. Punctuation and whitespace do not count, so
//!   re-wrapped lines, curly quotes or a different paragraph layout change nothing.
//! - Its **MinHash signature** ([`HASHES`] minimums of seeded hashes over the shingles) is cut
//!   into [`BANDS`] bands of [`ROWS`] values; the store indexes one key per band (`article_band`,
//!   schema/0007). Articles sharing a band key are candidates: at Jaccard 0.7 two articles share
//!   a band with probability 1 - (1 - 0.7^4)^16 = 0.99, at 0.8 with 0.9998.
//! - Candidates are then compared **exactly** ([`similarity`], the Jaccard index of the two
//!   shingle sets), so the estimate's noise never decides.
//!
//! # Threshold
//!
//! An article is a copy when the Jaccard similarity of its shingles with an original's is at
//! least [`THRESHOLD`] = 0.7 and both have at least [`MIN_SHINGLES`] shingles. What that means on a
//! wire story of 250 words (see the tests, on pairs written for them):
//!
//! - the same story with other page furniture (what `clean` misses: "Follow our coverage
//!   at ...", "Read more ...") and re-wrapped lines: 0.97, a copy;
//! - a one-line update (a sentence added, the death toll changed): 0.91, a copy; a 25-word
//!   sentence added to a 100-word story: 0.81, still a copy;
//! - a rewrite that adds new quotes (new lead, reworded paragraphs, three new quoted
//!   paragraphs, two paragraphs kept as they were): 0.26, not a copy, its claims count.
//!
//! # Before reading a candidate's body
//!
//! Most candidates share a band through stock wording and are far from the threshold. Each
//! original's **shingle profile** is stored with it (`article_shingle_profile`, schema/0011):
//! how many of its shingles fall in each of [`PROFILE`] buckets (by the hash's top byte). Two
//! sets share at most `sum(min(a[k], b[k]))` shingles (a shared shingle falls in the same
//! bucket in both), which bounds their Jaccard similarity from above; a candidate whose bound
//! is under the threshold cannot be a copy, and its body is never read ([`may_be_copy`]). The
//! bound is exact, so the links are the same as comparing every candidate.
//!
//! A copy links to the earliest stored original (by published date, then id); only originals
//! are indexed, so a copy never links to another copy. Which of two near-duplicates is the
//! original depends on what was stored first: a copy is never re-linked later.

use std::collections::HashSet;

use crate::extract::words::word_spans;

/// Words per shingle.
pub const SHINGLE: usize = 5;
/// Values in a MinHash signature.
pub const HASHES: usize = BANDS * ROWS;
/// Bands the signature is cut into (one index row each).
pub const BANDS: usize = 16;
/// Signature values per band.
pub const ROWS: usize = 4;
/// Jaccard similarity of shingle sets at or above which an article is a copy.
pub const THRESHOLD: f64 = 0.7;
/// Bodies with fewer shingles (a headline, a one-line summary) are never copies nor originals:
/// two short texts agree too easily.
pub const MIN_SHINGLES: usize = 10;

/// Buckets of a shingle profile (one byte each).
pub const PROFILE: usize = 256;

/// SplitMix64 finalizer: a fixed, well-mixed 64-bit hash step. Signatures are stored in the
/// database, so the hash must not change between builds (std's hasher may).
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Hash of each word (letters and digits, lowercased), without allocating.
fn word_hashes(body: &str) -> Vec<u64> {
    let mut out = Vec::with_capacity(body.len() / 6);
    for w in word_spans(body) {
        let mut h: u64 = 0xCBF2_9CE4_8422_2325;
        for l in body[w.start..w.end].chars().flat_map(char::to_lowercase) {
            // FNV-1a over the char's scalar value.
            h = (h ^ l as u64).wrapping_mul(0x0000_0100_0000_01B3);
        }
        out.push(mix(h));
    }
    out
}

/// The body's set of word [`SHINGLE`]-shingles, as sorted distinct hashes.
pub fn shingles(body: &str) -> Vec<u64> {
    let words = word_hashes(body);
    let mut out: Vec<u64> = words
        .windows(SHINGLE)
        .map(|w| mix(w.iter().fold(0u64, |acc, &x| acc.rotate_left(17) ^ x)))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Jaccard similarity of two sorted distinct hash lists.
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    ratio(a.len(), b.len(), shared(a, b))
}

/// Jaccard similarity of two sets of sizes `a` and `b` sharing `both` elements. Monotone in
/// `both` (the division of exact integers rounds monotonically), so a bound on `both` bounds
/// the result.
fn ratio(a: usize, b: usize, both: usize) -> f64 {
    both as f64 / (a + b - both) as f64
}

/// Elements two sorted distinct hash lists share.
fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    both
}

/// Exact Jaccard similarity of two bodies' shingle sets (0.0 ..= 1.0).
pub fn similarity(a: &str, b: &str) -> f64 {
    jaccard(&shingles(a), &shingles(b))
}

/// A body prepared for copy detection: its shingles and the band keys the store indexes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sketch {
    pub shingles: Vec<u64>,
    /// One key per band; empty when the body is too short to take part ([`MIN_SHINGLES`]).
    pub bands: Vec<i64>,
    /// The shingles' [`profile`] (empty without bands, or when a bucket overflows a byte).
    pub profile: Vec<u8>,
}

/// How many of the sorted distinct `shingles` fall in each of [`PROFILE`] buckets (the hash's
/// top byte), one byte a bucket; empty when a bucket holds more than 255 (tens of thousands
/// of words), which [`may_be_copy`] takes as "unknown".
pub fn profile(shingles: &[u64]) -> Vec<u8> {
    let mut counts = [0u32; PROFILE];
    for &s in shingles {
        counts[(s >> 56) as usize] += 1;
    }
    if counts.iter().any(|&c| c > u32::from(u8::MAX)) {
        return Vec::new();
    }
    counts.iter().map(|&c| c as u8).collect()
}

/// False only when the stored original with this [`profile`] cannot be a copy's original for
/// `new`: an upper bound of their Jaccard similarity is under [`THRESHOLD`] (or the original
/// is too short). True when it might be (compare exactly), and whenever either profile is
/// unknown. Never false for a pair [`is_copy_of_shingles`] accepts.
pub fn may_be_copy(new: &Sketch, original: &[u8]) -> bool {
    if new.profile.len() != PROFILE || original.len() != PROFILE {
        return true;
    }
    let (mut n, mut both) = (0usize, 0usize);
    for (&a, &b) in new.profile.iter().zip(original) {
        n += usize::from(b);
        both += usize::from(a.min(b));
    }
    !new.bands.is_empty() && n >= MIN_SHINGLES && ratio(new.shingles.len(), n, both) >= THRESHOLD
}

/// Shingle a body and compute its band keys.
pub fn sketch(body: &str) -> Sketch {
    let shingles = shingles(body);
    if shingles.len() < MIN_SHINGLES {
        return Sketch {
            shingles,
            bands: Vec::new(),
            profile: Vec::new(),
        };
    }
    let mut sig = [u64::MAX; HASHES];
    for &s in &shingles {
        for (i, m) in sig.iter_mut().enumerate() {
            let h = mix(s ^ mix(i as u64 + 1));
            if h < *m {
                *m = h;
            }
        }
    }
    let bands = sig
        .chunks(ROWS)
        .enumerate()
        .map(|(b, rows)| {
            let h = rows
                .iter()
                .fold(mix(b as u64), |acc, &x| mix(acc.rotate_left(23) ^ x));
            h as i64
        })
        .collect();
    let profile = profile(&shingles);
    Sketch {
        shingles,
        bands,
        profile,
    }
}

/// Whether a body with sketch `new` is a copy of the stored body `original`.
pub fn is_copy(new: &Sketch, original: &str) -> bool {
    is_copy_of_shingles(new, &shingles(original))
}

/// [`is_copy`] against the original's [`shingles`], computed earlier.
pub fn is_copy_of_shingles(new: &Sketch, original: &[u64]) -> bool {
    !new.bands.is_empty()
        && original.len() >= MIN_SHINGLES
        && jaccard(&new.shingles, original) >= THRESHOLD
}

/// Distinct band keys shared by two sketches (for tests and diagnostics).
pub fn shared_bands(a: &Sketch, b: &Sketch) -> usize {
    let a: HashSet<i64> = a.bands.iter().copied().collect();
    b.bands.iter().filter(|k| a.contains(k)).count()
}

#[cfg(test)]
mod tests;
