//! Rule `numeric`: two sources give materially different figures for the same event.
//!
//! ## What it detects
//!
//! Two claims on the same frame that both state a figure of the same quantity
//! (`killed`, `violations`, `aid_trucks` ...), said within `Options::event_days` of
//! each other (same frame + same quantity + close dates is our stand-in for "the same
//! event"), whose values differ by at least 25 % of the larger one and by at least 2.
//! Any two sides qualify, and so do two speakers of one side; the same speaker of one
//! side restating a figure is an update, not a contradiction. A claim with a denial cue
//! ("denied that 20 were killed") does not assert its figures and never pairs here.
//! Polarity does not matter: "40 violations" backs "the truce is not holding" (-1), and
//! a plain count ("20 people were killed") often has no stance at all.
//!
//! ## Why it matters
//!
//! Casualty counts and violation tallies are where parties quietly disagree: Russian
//! monitors count nine violations, the opposition counts dozens.
//!
//! ## Example
//!
//! ```text
//! Russian military (RUSMIL, 2016-09-13): rebels violated the truce 9 times    violations 9
//! Syrian opposition (SYRREB, 2016-09-13): government forces violated it 40 times  violations 40
//! => numeric: Russian military (RUSMIL, 2016-09-13) reports 9 violations; Syrian
//!    opposition (SYRREB, 2016-09-13) reports 40 violations (ceasefire)
//! ```
//!
//! Known gap: a cumulative toll ("300 since March") and a single incident ("20 on
//! Monday") of the same quantity look alike. Score: confidences (hedges weaken) times
//! 0.5 + half the relative difference, times date closeness.

use super::{closeness, pair_weight, Group, Options, Pair, Rule};
use crate::model::{ContradictionKind, Figure};

pub const RULE: Rule = Rule {
    name: "numeric",
    kind: ContradictionKind::Numeric,
    group: Group::Figures,
    check,
    explain,
};

/// Smallest relative difference (of the larger value) that counts as material.
const MIN_RELATIVE: f64 = 0.25;
/// Smallest absolute difference that counts as material.
const MIN_ABSOLUTE: f64 = 2.0;

fn check(p: &Pair, opts: &Options) -> Option<f32> {
    let (x, y) = (p.x, p.y);
    let window = opts.event_days.min(opts.window_days);
    if x.ids.frame != y.ids.frame || p.gap > window || x.claim.denial || y.claim.denial {
        return None;
    }
    if x.claim.figures.is_empty() || y.claim.figures.is_empty() {
        return None;
    }
    let (_, _, rel) = most_different(&x.claim.figures, &y.claim.figures)?;
    if x.same_side(y) && x.ids.speaker == y.ids.speaker {
        return None;
    }
    Some(pair_weight(p) * (0.5 + 0.5 * rel.min(1.0) as f32) * closeness(p.gap, window))
}

fn explain(p: &Pair) -> String {
    let Some((fx, fy, _)) = most_different(&p.x.claim.figures, &p.y.claim.figures) else {
        return String::new();
    };
    format!(
        "{} reports {} {}; {} reports {} {} ({})",
        p.x.who(),
        number(fx.value),
        fx.quantity,
        p.y.who(),
        number(fy.value),
        fy.quantity,
        p.x.frame
    )
}

/// The pair of same-quantity figures with the largest material relative difference.
fn most_different<'a>(xs: &'a [Figure], ys: &'a [Figure]) -> Option<(&'a Figure, &'a Figure, f64)> {
    let mut best: Option<(&Figure, &Figure, f64)> = None;
    for fx in xs {
        for fy in ys.iter().filter(|fy| fy.quantity == fx.quantity) {
            let diff = (fx.value - fy.value).abs();
            let larger = fx.value.abs().max(fy.value.abs());
            if !diff.is_finite() || larger == 0.0 {
                continue;
            }
            let rel = diff / larger;
            if rel >= MIN_RELATIVE && diff >= MIN_ABSOLUTE && best.is_none_or(|b| rel > b.2) {
                best = Some((fx, fy, rel));
            }
        }
    }
    best
}

fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}
