//! Accusation and denial forms as reporters write them (issue 12), crossed: every accusation of one article meets every denial of the next day's, through extraction. Our own sentences.

use super::{detect, Options};
use crate::extract::{actors::Gazetteer, extract};
use crate::model::{ContradictionKind, DateValue, StoredClaim};

/// Ways a party is accused of an act.
const ACCUSATIONS: &[&str] = &[
    "U.S. officials accused Iran of attacking the two tankers.",
    "U.S. officials blamed Iran for the attack on the two tankers.",
    "U.S. officials said Iran was responsible for the attack on the tankers.",
    "U.S. officials said Iran carried out the attack on the tankers.",
    "U.S. officials said the attack on the tankers was carried out by Iran.",
    "U.S. officials said Iranian forces fired the missiles at the tankers.",
    "U.S. officials said the missiles that hit the tankers were fired by Iranian forces.",
    "U.S. officials said it was highly likely that Iran was behind the attack on the tankers.",
    "U.S. officials said they had evidence that Iran was involved in the attack on the tankers.",
    "The United States pointed the finger at Iran for the attack on the tankers.",
    "Pompeo said the attack on the tankers was an Iranian operation.",
];

/// Ways the accused denies it.
const DENIALS: &[&str] = &[
    "Iran denied involvement.",
    "Iran denied responsibility for the attack on the tankers.",
    "Iran rejected the accusation.",
    "Iran said it had nothing to do with the attack on the tankers.",
    "Iran called the accusations baseless.",
    "Iran dismissed the claims as lies.",
    "Iranian officials said the allegations were absurd.",
    "Iran said its forces did not fire any missiles at the tankers.",
    "Iran denied carrying out the attack on the tankers.",
    "Iran said it played no role in the attack on the tankers.",
    "Iran's foreign minister said the charges against Tehran were fabricated.",
];

/// The claims extracted from `body`, stored as article `article` of `day`.
fn stored(article: i64, day: (i32, u32, u32), body: &str) -> Vec<StoredClaim> {
    let date = chrono::NaiveDate::from_ymd_opt(day.0, day.1, day.2).expect("a valid day");
    let (ex, _) = extract(body, DateValue::day(date), &Gazetteer::builtin());
    ex.claims
        .into_iter()
        .enumerate()
        .map(|(n, claim)| StoredClaim {
            id: article * 100 + n as i64,
            article_id: article,
            threads: vec!["t".into()],
            article_title: String::new(),
            article_source: None,
            article_published: Some(date),
            claim,
        })
        .collect()
}

#[test]
fn every_accusation_form_meets_every_denial_form() {
    let mut missed = Vec::new();
    for a in ACCUSATIONS {
        for d in DENIALS {
            let mut claims = stored(1, (2019, 6, 14), a);
            claims.extend(stored(2, (2019, 6, 15), d));
            let found = detect("t", &claims, &[], &Options::default());
            let met = found.iter().any(|c| {
                matches!(
                    c.kind,
                    ContradictionKind::Denial | ContradictionKind::Opposing
                ) && c.a / 100 != c.b / 100
            });
            if !met {
                missed.push(format!("{a} / {d}"));
            }
        }
    }
    assert!(
        missed.is_empty(),
        "{} pairs missed:\n{}",
        missed.len(),
        missed.join("\n")
    );
}
