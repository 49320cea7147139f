//! Tests of the numeric rule's "same quantity" qualifiers (issue 12): table rows in our own words, on an invented story.

use super::tests::claim;
use super::*;
use crate::model::{Figure, Span, StoredClaim};

/// A claim by `code` on `date` in article `article`, its sentence `sentence`, its own words
/// `text` (the sentence when empty), counting `value` of `quantity`.
fn count(
    (id, article): (i64, i64),
    code: &str,
    date: &str,
    (quantity, value): (&str, f64),
    sentence: &str,
    text: &str,
) -> StoredClaim {
    let mut c = claim(id, code, date, "", 0);
    c.article_id = article;
    c.claim.sentence = sentence.into();
    c.claim.text = if text.is_empty() { sentence } else { text }.into();
    c.claim.span = Span::new(id as usize * 100, id as usize * 100 + 10);
    c.claim.figures.push(Figure {
        quantity: quantity.into(),
        value,
        span: Span::default(),
    });
    c
}

/// Whether the two claims are reported as a numeric pair.
fn numeric_pair(a: StoredClaim, b: StoredClaim) -> bool {
    detect("t", &[a, b], &[], &Options::default())
        .iter()
        .any(|c| c.kind == ContradictionKind::Numeric)
}

const DAY: &str = "2023-04-11";

#[test]
fn one_sentence_two_tolls_of_two_causes_do_not_pair() {
    let s = "Medics said 14 people died in air strikes on the northern districts, while the \
             ministry said militia mortars killed three people in the harbour quarter.";
    let rows = [
        // Each claim's own words name its cause: air strikes vs mortars, two events.
        (
            "14 people died in air strikes on the northern districts",
            "militia mortars killed three people in the harbour quarter",
            false,
        ),
        // Same cause named in both halves: one event, two counts.
        (
            "14 people died in air strikes on the harbour quarter",
            "air strikes killed three people in the harbour quarter",
            true,
        ),
    ];
    for (a, b, want) in rows {
        let x = count((1, 7), "NGOMED", DAY, ("killed", 14.0), s, a);
        let y = count((2, 7), "GOVMIN", DAY, ("killed", 3.0), s, b);
        assert_eq!(numeric_pair(x, y), want, "{a} / {b}");
    }
}

#[test]
fn counts_over_different_windows_do_not_pair() {
    let rows = [
        // A count of the first 24 hours against one since the truce began: two periods.
        (
            "The navy said the militia had breached the truce 31 times in the first 24 hours.",
            "The monitor said it had recorded 9 violations over the same period.",
            false,
        ),
        // Both counts of the past 24 hours: one period.
        (
            "The navy said the militia had breached the truce 31 times in the past 24 hours.",
            "The monitor said it had recorded 9 violations by the militia in the last 24 hours.",
            true,
        ),
        // Two windows of one unit and different lengths.
        (
            "The navy counted 31 violations in the past two days.",
            "The monitor counted 9 violations in the past five days.",
            false,
        ),
    ];
    for (a, b, want) in rows {
        let x = count((1, 1), "NAVY", DAY, ("violations", 31.0), a, "");
        let y = count((2, 2), "MONITOR", DAY, ("violations", 9.0), b, "");
        assert_eq!(numeric_pair(x, y), want, "{a} / {b}");
    }
}

#[test]
fn a_nationwide_toll_and_a_local_toll_do_not_pair() {
    let local = "The monitor said 18 people were killed in strikes on the port, the worst toll since the truce began.";
    let rows = [
        (
            "At least 40 people have been killed across the country since the truce began, the relief agency said.",
            false,
        ),
        (
            "At least 40 people were killed in strikes on the port since the truce began, the relief agency said.",
            true,
        ),
    ];
    for (a, want) in rows {
        let x = count((1, 1), "RELIEF", DAY, ("killed", 40.0), a, "");
        let y = count((2, 1), "MONITOR", DAY, ("killed", 18.0), local, "");
        assert_eq!(numeric_pair(x, y), want, "{a}");
    }
}

#[test]
fn counts_of_different_doers_do_not_pair() {
    let rows = [
        // One party's violations against the other party's: two quantities.
        (
            "The militia had violated the truce 50 times.",
            50.0,
            "The navy recorded 20 violations by the coastguard.",
            20.0,
            false,
        ),
        // One party's count above the count of all sides: the part exceeds the whole.
        (
            "The militia had violated the truce 50 times.",
            50.0,
            "The monitor recorded 20 violations by all sides.",
            20.0,
            true,
        ),
        // One party's count below the count of all sides: no disagreement.
        (
            "The militia had violated the truce 10 times.",
            10.0,
            "The monitor recorded 30 violations by all sides.",
            30.0,
            false,
        ),
        // The same party's violations counted twice.
        (
            "The militia had violated the truce 50 times.",
            50.0,
            "The navy recorded 20 violations by the militia.",
            20.0,
            true,
        ),
    ];
    for (a, va, b, vb, want) in rows {
        let x = count((1, 1), "PORTAUTH", DAY, ("violations", va), a, "");
        let y = count((2, 2), "MONITOR", DAY, ("violations", vb), b, "");
        assert_eq!(numeric_pair(x, y), want, "{a} / {b}");
    }
}

#[test]
fn truck_counts_pair_only_for_one_convoy() {
    let rows = [
        // Trucks waiting at a crossing and trucks on a coast road three days later: two convoys.
        (
            "About 40 trucks of food were waiting at the northern crossing.",
            "2023-04-08",
            "The agency said 15 trucks carrying flour were held on the coast road.",
            false,
        ),
        // One convoy through one crossing on one day, counted twice.
        (
            "About 40 trucks of food entered through the northern crossing.",
            DAY,
            "Only 15 trucks of food entered through the northern crossing, the agency said.",
            true,
        ),
    ];
    for (a, day_a, b, want) in rows {
        let x = count((1, 1), "FOODAID", day_a, ("aid_trucks", 40.0), a, "");
        let y = count((2, 2), "PORTAUTH", DAY, ("aid_trucks", 15.0), b, "");
        assert_eq!(numeric_pair(x, y), want, "{a} / {b}");
    }
}

#[test]
fn tolls_of_other_days_need_more_shared_words_the_further_apart() {
    // (second claim's day, its sentence, reported): the first is "Six sailors were wounded
    // when the patrol boat was rammed", on 11 April.
    let rows = [
        // the next day's reply names the sailors again: one incident
        (
            "2023-04-12",
            "The coast guard said three sailors were wounded.",
            true,
        ),
        // three days later one shared word is a coincidence
        (
            "2023-04-14",
            "The coast guard said three sailors were wounded.",
            false,
        ),
        // three days later the boat and the sailors: one incident
        (
            "2023-04-14",
            "The coast guard said three sailors on the patrol boat were wounded.",
            true,
        ),
        // the next day with nothing in common: not matched across articles
        (
            "2023-04-12",
            "The coast guard said three people were wounded.",
            false,
        ),
    ];
    for (day, b, want) in rows {
        let x = count(
            (1, 1),
            "NAVY",
            DAY,
            ("wounded", 6.0),
            "Six sailors were wounded when the patrol boat was rammed, the navy said.",
            "",
        );
        let y = count((2, 2), "COAST", day, ("wounded", 3.0), b, "");
        assert_eq!(numeric_pair(x, y), want, "{day} {b}");
    }
}

#[test]
fn stock_counts_need_no_shared_incident_word() {
    // Two estimates of a force's strength weeks apart name no incident: they still pair.
    let x = count(
        (1, 1),
        "PORTAUTH",
        "2023-04-01",
        ("fighters", 2400.0),
        "The militia has about 2,400 fighters, the port authority said.",
        "",
    );
    let y = count(
        (2, 2),
        "MILITIA",
        "2023-04-20",
        ("fighters", 6000.0),
        "Its commander put his strength at more than 6,000 men under arms.",
        "",
    );
    assert!(numeric_pair(x, y));
}

/// A claim by `code` in article `article` whose own words and sentence are `text`, with no
/// figure: its counts come from its words alone.
fn words(id: i64, article: i64, code: &str, text: &str) -> StoredClaim {
    words_on(DAY, id, article, code, text)
}

/// [`words`] said on `date`.
fn words_on(date: &str, id: i64, article: i64, code: &str, text: &str) -> StoredClaim {
    let mut c = claim(id, code, date, "", 0);
    c.article_id = article;
    c.claim.sentence = text.into();
    c.claim.text = text.into();
    c.claim.span = Span::new(id as usize * 100, id as usize * 100 + 10);
    c
}

#[test]
fn counts_without_a_number_are_read_from_the_claim_s_words() {
    use super::numeric::{counts, Amount};
    let zero = Some(Amount::Exact(0.0));
    let rows: &[(&str, &str, Option<Amount>)] = &[
        ("No one has died in the clashes since dawn", "killed", zero),
        ("nobody was hurt when the shells landed", "wounded", zero),
        (
            "it had not recorded a single civilian death overnight",
            "killed",
            zero,
        ),
        (
            "the guards did not register any violations of the truce",
            "violations",
            zero,
        ),
        (
            "there were no ceasefire breaches on the river front",
            "violations",
            zero,
        ),
        (
            "the truce was fully observed along the border",
            "violations",
            zero,
        ),
        ("not a single shot was fired on Friday", "violations", zero),
        (
            "militia shelling killed some civilians in the market",
            "killed",
            Some(Amount::Some),
        ),
        (
            "there were several violations near the bridge",
            "violations",
            Some(Amount::Some),
        ),
        (
            "the militia breached the truce dozens of times",
            "violations",
            Some(Amount::Some),
        ),
        // Not counts: an absence of reports, a comparison, a question of who.
        ("there were no reports of casualties", "killed", None),
        ("there were no immediate reports of deaths", "killed", None),
        ("no more than 12 people were killed", "killed", None),
        ("nobody knows who killed the guards", "killed", None),
        ("no deal was reached and the talks ended", "killed", None),
        // "some 20 people": the number is the count (a figure, read elsewhere).
        ("some 20 people were killed", "killed", None),
    ];
    for (text, quantity, want) in rows {
        let c = words(1, 1, "GUARD", text);
        let got = counts(&c.claim)
            .into_iter()
            .find(|k| k.quantity == *quantity)
            .map(|k| k.amount);
        assert_eq!(got, *want, "{text}");
    }
}

#[test]
fn a_count_of_none_pairs_with_another_source_s_count() {
    let rows = [
        // None against some, one window: the monitor's zero is belied.
        (
            "the monitor had not recorded a single civilian death since the truce began",
            "militia shelling killed some civilians in the villages this morning",
            true,
        ),
        // None against one: a difference of one is material when the other says none.
        (
            "No one has been killed on the border, the ministry said",
            "one guard was killed on the border",
            true,
        ),
        // None against a count over another window: two periods.
        (
            "No one has died over the past 12 hours",
            "nine people were killed in the past three days",
            false,
        ),
        // None in one named place against a count in another: two places.
        (
            "nobody was killed in Port Avra",
            "four people were killed in Lesno",
            false,
        ),
        // Some against some: no disagreement stated.
        (
            "shelling killed several civilians in the villages",
            "militia shelling killed some civilians in the villages",
            false,
        ),
        // None against none.
        (
            "No one has died since dawn",
            "nobody was killed since dawn",
            false,
        ),
        // None of one quantity against a count of another.
        (
            "there were no violations of the truce overnight",
            "four people were wounded overnight",
            false,
        ),
    ];
    for (a, b, want) in rows {
        let mut y = words(2, 2, "MILITIA", b);
        if let Some(n) = b.split(' ').next().and_then(|w| match w {
            "one" => Some(1.0),
            "nine" => Some(9.0),
            "four" => Some(4.0),
            _ => None,
        }) {
            let quantity = if b.contains("wounded") {
                "wounded"
            } else {
                "killed"
            };
            y.claim.figures.push(Figure {
                quantity: quantity.into(),
                value: n,
                span: Span::default(),
            });
        }
        let x = words(1, 1, "MONITOR", a);
        assert_eq!(numeric_pair(x, y), want, "{a} / {b}");
    }
}

#[test]
fn a_count_of_none_keeps_the_doer_guard_and_the_update_rule() {
    // The border guard's zero for its own side against the militia's count of the guard's
    // violations: one doer, a disagreement; against a count of the militia's: two doers.
    let rows = [
        (
            "there were no violations by the guards overnight",
            "the guards violated the truce several times overnight",
            true,
        ),
        (
            "there were no violations by the guards overnight",
            "the militia violated the truce several times overnight",
            false,
        ),
    ];
    for (a, b, want) in rows {
        let x = words(1, 1, "GUARD", a);
        let y = words(2, 2, "MILITIA", b);
        assert_eq!(numeric_pair(x, y), want, "{a} / {b}");
    }
    // One source saying none on one day and some the next updates its count.
    let x = words(
        1,
        1,
        "MONITOR",
        "it had not recorded a single death in the villages",
    );
    let later = "shelling killed some civilians in the villages";
    assert!(!numeric_pair(
        x.clone(),
        words_on("2023-04-12", 2, 2, "MONITOR", later)
    ));
    // The same two counts by two sources disagree.
    assert!(numeric_pair(
        x,
        words_on("2023-04-12", 2, 2, "MILITIA", later)
    ));
}

/// [`count`] whose figure's span is `figure` in its own words (the extractor's span may hold
/// the qualifier: "at least 14").
fn figure_at(
    (id, article): (i64, i64),
    code: &str,
    (quantity, value): (&str, f64),
    text: &str,
    figure: &str,
) -> StoredClaim {
    let mut c = count((id, article), code, DAY, (quantity, value), text, "");
    let at = text.find(figure).expect("figure in text");
    let start = 1000 * id as usize;
    c.claim.span = Span::new(start, start + text.len());
    c.claim.sentence_span = c.claim.span;
    c.claim.figures[0].span = Span::new(start + at, start + at + figure.len());
    c
}

#[test]
fn a_floor_or_a_ceiling_disagrees_only_with_counts_outside_it() {
    let rows = [
        // A floor and a larger count: both can be true.
        (
            "At least 14 violations were recorded since the truce began",
            "At least 14",
            14.0,
            23.0,
            false,
        ),
        (
            "More than 14 violations were recorded since the truce began",
            "14",
            14.0,
            23.0,
            false,
        ),
        // A floor and a smaller count: the count is too low.
        (
            "At least 40 violations were recorded since the truce began",
            "At least 40",
            40.0,
            23.0,
            true,
        ),
        // A ceiling and a larger count: the count is too high.
        (
            "No more than 14 violations were recorded since the truce began",
            "14",
            14.0,
            23.0,
            true,
        ),
        (
            "Up to 30 violations were recorded since the truce began",
            "30",
            30.0,
            23.0,
            false,
        ),
        // Plain figures as before.
        (
            "Some 14 violations were recorded since the truce began",
            "14",
            14.0,
            23.0,
            true,
        ), // An earlier reading is no count of the claim's own.
        (
            "Violations rose to 23 since the truce began, up from 14 in the first week",
            "14",
            14.0,
            23.0,
            false,
        ),
    ];
    let other = "The guards counted 23 violations by the militia since the truce began";
    for (a, number, va, vb, want) in rows {
        let x = figure_at((1, 1), "MONITOR", ("violations", va), a, number);
        let y = figure_at((2, 2), "GUARD", ("violations", vb), other, "23");
        assert_eq!(numeric_pair(x, y), want, "{a}");
    }
}

/// A denier that names another side's very figure rejects it (a denial); a different number,
/// the same side, a figure outside the quantity's window or two deniers do not pair, and a
/// denied figure never pairs as a numeric disagreement. Invented flood-relief dispute.
#[test]
fn a_rejected_figure_is_denied() {
    let asserted = "The provincial office said the dam collapse killed 46 villagers.";
    /// The denier's code, date, figure, sentence, denial cue, and the kind expected.
    type Row<'a> = (
        &'a str,
        &'a str,
        f64,
        &'a str,
        bool,
        Option<ContradictionKind>,
    );
    let rows: &[Row] = &[
        (
            "KGZGOV",
            "2023-04-12",
            46.0,
            "The ministry rejected the figure of 46 dead as invented.",
            true,
            Some(ContradictionKind::Denial),
        ),
        // Another number: a numeric disagreement only when neither is denied.
        (
            "KGZGOV",
            "2023-04-12",
            12.0,
            "The ministry rejected the figure of 12 dead as invented.",
            true,
            None,
        ),
        // The same side rejecting its own office's figure is no cross-side denial.
        (
            "TJKGOV",
            "2023-04-12",
            46.0,
            "The ministry rejected the figure of 46 dead as invented.",
            true,
            None,
        ),
        // A week later: outside the window of a count of events.
        (
            "KGZGOV",
            "2023-04-18",
            46.0,
            "The ministry rejected the figure of 46 dead as invented.",
            true,
            None,
        ),
        // The same number stated, not denied: agreement, no contradiction.
        (
            "KGZGOV",
            "2023-04-12",
            46.0,
            "The ministry said 46 villagers had died.",
            false,
            None,
        ),
    ];
    for &(code, date, value, sentence, denial, want) in rows {
        let x = count((1, 7), "TJKGOV", DAY, ("killed", 46.0), asserted, "");
        let mut y = count((2, 8), code, date, ("killed", value), sentence, "");
        y.claim.denial = denial;
        let found = detect("t", &[x, y], &[], &Options::default());
        let kinds: Vec<ContradictionKind> = found.iter().map(|c| c.kind).collect();
        assert_eq!(
            kinds,
            want.into_iter().collect::<Vec<_>>(),
            "{sentence} ({code}, {date})"
        );
    }
}

#[test]
fn stock_counts_an_order_apart_are_two_groups() {
    // A patrol of a dozen soldiers and the thousands massed behind it are two groups; two
    // estimates of the thousands are one.
    let patrol = |id: i64, n: f64| {
        count(
            (id, id),
            "PORTAUTH",
            DAY,
            ("fighters", n),
            "A patrol of soldiers crossed the line near the quarry, the port authority said.",
            "",
        )
    };
    let massed = |id: i64, n: f64| {
        count(
            (id, id),
            "MILITIA",
            DAY,
            ("fighters", n),
            "The militia said its troops massed behind the line number far fewer.",
            "",
        )
    };
    assert!(!numeric_pair(patrol(1, 12.0), massed(2, 4000.0)));
    assert!(numeric_pair(patrol(1, 1200.0), massed(2, 4000.0)));
    // counts of people held differ by more in real disputes: still a pair
    let held = |id: i64, code: &str, n: f64| {
        count(
            (id, id),
            code,
            DAY,
            ("detained", n),
            "Police detained protesters in the capital, the group said.",
            "",
        )
    };
    assert!(numeric_pair(
        held(1, "PORTAUTH", 12.0),
        held(2, "MILITIA", 300.0)
    ));
}
