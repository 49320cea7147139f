//! Why two claims make no contradiction: what each rule says of the pair, for `eval gold --misses`.

use super::{same_passage, Interner, Item, Options, Pair, RULES};
use crate::model::StoredClaim;

/// Why two claims make no pair, for `eval gold --misses`: each claim's stance and key, and
/// what every rule says of the pair ("denial -" when it does not fire). A claim no rule can
/// use is said so.
pub fn diagnose(a: &StoredClaim, b: &StoredClaim, opts: &Options) -> String {
    let mut strings = Interner::default();
    let (Some(x), Some(y)) = (Item::new(a, &mut strings), Item::new(b, &mut strings)) else {
        return "a claim no rule uses (hedged away, a rejected step or no stance)".into();
    };
    let pair = Pair::new(&x, &y);
    let rules: Vec<String> = RULES
        .iter()
        .map(|r| match (r.check)(&pair, opts) {
            Some(s) => format!("{} {s:.2}", r.name),
            None => format!("{} -", r.name),
        })
        .collect();
    format!(
        "stance {:+}/{:+}, same key {}, other side {}, gap {} days, same passage {}, denier {}/{}; {}",
        x.stance.as_i8(),
        y.stance.as_i8(),
        x.ids.frame == y.ids.frame,
        x.other_side(&y),
        pair.gap,
        same_passage(&x, &y),
        x.features.denier,
        y.features.denier,
        rules.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::diagnose;
    use crate::contradict::tests::claim;

    #[test]
    fn says_which_rule_fires_and_which_gate_shuts() {
        let accuse = claim(1, "USAGOV", "2016-09-20", "responsibility", 1);
        let mut deny = claim(2, "RUSGOV", "2016-09-21", "responsibility", -1);
        deny.claim.target = Some("RUSGOV".into());
        let mut accused = accuse.clone();
        accused.claim.target = Some("RUSMIL".into());
        deny.claim.denial = true;
        deny.claim.cue = "denied".into();
        let why = diagnose(&accused, &deny, &Default::default());
        assert!(why.contains("other side true"), "{why}");
        assert!(why.contains("denial 0."), "{why}");
        // one side's two claims: no rule takes them as a dispute
        let mut ally = deny.clone();
        ally.id = 3;
        ally.claim.actor_code = Some("USAGOV".into());
        let why = diagnose(&accused, &ally, &Default::default());
        assert!(why.contains("other side false"), "{why}");
        assert!(why.contains("denial -"), "{why}");
    }
}
