//! How strong a pair of claims is: the claims' own weights, an inference between two acts, and the days between them.

use super::{Item, Pair};

/// Geometric mean of the two claims' weights, less for a pair joined by an inference ([`INFERRED`]).
pub fn pair_weight(p: &Pair) -> f32 {
    let inferred = if one_act(p.x, p.y) { 1.0 } else { INFERRED };
    inferred * (p.x.weight * p.y.weight).sqrt()
}

/// The weight of a pair joined by an inference between two acts (a denial of any role
/// answering where the attack came from, [`super::proposition::joined_by_denial`]): a pair on
/// the very act is stronger, and is kept first.
const INFERRED: f32 = 0.8;

/// The two claims are not joined by such an inference: one act, one of them names none, or
/// two acts some other rule compares.
pub fn one_act(x: &Item, y: &Item) -> bool {
    match (&x.prop, &y.prop) {
        (Some(p), Some(q)) => p.act == q.act || !super::proposition::joined_by_denial(p, q),
        _ => true,
    }
}

/// 1 for claims on the same day, down to 0.5 at the edge of the window.
pub fn closeness(gap: i64, window: i64) -> f32 {
    if window <= 0 {
        return 1.0;
    }
    (1.0 - 0.5 * gap as f32 / window as f32).clamp(0.5, 1.0)
}
