//! The threshold on real-style pairs written for these tests (wire copy style; no publisher text).

use super::*;
use crate::clean::clean_body;

/// A wire story of about 250 words, as the team writes fixtures.
const STORY: &str = "\
BEIRUT (AP) — Russia and the United States failed again on Monday to agree on a truce for the \
Syrian city of Aleppo, as government warplanes pounded rebel-held neighborhoods in the east of \
the city for a third straight day.

Russian Defense Minister Sergei Shoigu said in Moscow that talks with Washington were moving \
forward. \"Step by step, we are nearing an arrangement,\" Shoigu told reporters after a meeting \
of military commanders.

A U.S. official said, however, that \"no agreement is close\" and that serious differences \
remained over which rebel groups would be covered by a ceasefire and who would monitor it.

State Department spokeswoman Elizabeth Trudeau said \"we have nothing to announce\" when asked \
about the talks in Geneva, where Secretary of State John Kerry met Russian Foreign Minister \
Sergei Lavrov on Friday for more than nine hours.

The Syrian Observatory for Human Rights, a Britain-based monitoring group, said at least 20 \
people were killed in the strikes on Monday, among them four children, and that the death toll \
was likely to rise as rescuers searched the rubble of a collapsed apartment building.

Aid agencies have warned that food and medicine are running out in the besieged eastern \
districts, home to an estimated 250,000 people. The United Nations has called for weekly \
48-hour pauses in the fighting so that aid convoys can reach them, but no convoy has entered \
the area since early July.

Syria's government says the rebels in eastern Aleppo are terrorists and has vowed to retake \
the whole city, which was divided in 2012.";

fn sim(a: &str, b: &str) -> f64 {
    similarity(&clean_body(a).body, &clean_body(b).body)
}

/// (pair, expected copy?, similarity floor or ceiling) — the whole table in one place.
fn check(name: &str, a: &str, b: &str, copy: bool) -> f64 {
    let (a, b) = (clean_body(a).body, clean_body(b).body);
    let s = similarity(&a, &b);
    eprintln!("{name}: similarity {s:.3}");
    assert_eq!(
        is_copy(&sketch(&b), &a),
        copy,
        "{name}: similarity {s:.3}, threshold {THRESHOLD}"
    );
    // Copies must also be found through the index: they share at least one band.
    if copy {
        assert!(
            shared_bands(&sketch(&a), &sketch(&b)) > 0,
            "{name}: no band shared"
        );
    }
    s
}

#[test]
fn same_story_with_other_page_furniture_is_a_copy() {
    let page = format!(
        "Save Story\nShare this: Facebook Twitter Email\n\nAdvertisement\n\n{STORY}\n\n\
         Follow our Syria coverage at apnews.com/syria\n\n\
         Copyright © The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.\n\n\
         Most recent World stories\nItaly quake toll rises\nBrazil's Senate opens impeachment trial"
    );
    // Another site: its own furniture, and the paragraphs re-wrapped at other widths.
    let other = format!(
        "Tweet\n\nSign up for our newsletter to get updates in your inbox\n\n{}\n\n\
         Story continues below advertisement\n\nRelated stories\nAleppo: a city divided\n\n\
         Read more world news on our site.",
        STORY.replace(". ", ".\n").replace(", as", ",\nas")
    );
    let s = check("furniture", &page, &other, true);
    assert!(s >= 0.9, "furniture only: {s:.3}");
}

#[test]
fn one_line_update_is_a_copy() {
    // An updated version: a sentence added and the death toll changed.
    let updated = STORY.replace("at least 20", "at least 27").replace(
        "the city for a third straight day.",
        "the city for a third straight day. Residents said barrel bombs fell on two markets.",
    );
    let s = check("one-line update", STORY, &updated, true);
    assert!((THRESHOLD..0.95).contains(&s), "one-line update: {s:.3}");
}

#[test]
fn one_line_added_to_a_short_story_is_still_a_copy() {
    let short = STORY.split("\n\n").take(3).collect::<Vec<_>>().join("\n\n");
    let longer = format!("{short}\n\nThe Kremlin said President Vladimir Putin had been briefed on the talks and would speak to President Barack Obama by telephone later this week.");
    check("short story + one line", &short, &longer, true);
}

#[test]
fn rewrite_that_adds_new_quotes_is_not_a_copy() {
    // Another agency's rewrite: new lead, reworded paragraphs, three new quoted paragraphs;
    // the Observatory and aid paragraphs kept as they were.
    let paras: Vec<&str> = STORY.split("\n\n").collect();
    let rewrite = format!(
        "MOSCOW (Reuters) — Moscow said on Monday it was closing in on a deal with Washington over \
         Aleppo, while U.S. officials played down any breakthrough as air strikes hit the city again.\n\n\
         \"Step by step, we are nearing an arrangement,\" Defense Minister Sergei Shoigu said, \
         adding that Russian and American military experts were in contact every day.\n\n\
         \"We are not there yet,\" a senior U.S. official told Reuters on condition of anonymity. \
         \"The gaps on monitoring are real and they are not small.\"\n\n\
         Foreign Ministry spokeswoman Maria Zakharova accused Washington of dragging its feet. \
         \"Our American partners keep asking for more time,\" she said.\n\n\
         Rebel commander Abu Ahmad said his fighters would not leave eastern Aleppo. \"We will not \
         surrender the city to Assad,\" he said by telephone.\n\n{}\n\n{}",
        paras[4], paras[5]
    );
    let s = check("rewrite with new quotes", STORY, &rewrite, false);
    assert!(s < 0.5, "rewrite: {s:.3}");
}

#[test]
fn different_stories_share_nothing() {
    let other =
        "GENEVA (AP) — The U.N. envoy for Syria, Staffan de Mistura, said on Thursday that \
                 aid convoys were ready to move into eastern Aleppo as soon as a 48-hour pause was \
                 agreed, and urged both sides to let the trucks through without delay.";
    assert!(sim(STORY, other) < 0.05);
    assert!(!is_copy(&sketch(other), STORY));
}

#[test]
fn short_texts_are_never_copies() {
    let line = "Russia and the United States failed again to agree.";
    assert!(sketch(line).bands.is_empty());
    assert!(!is_copy(&sketch(line), line));
}

#[test]
fn shingles_ignore_case_punctuation_and_wrapping() {
    let a = "Step by step, we are nearing an arrangement, Shoigu said on Monday.";
    let b = "step by step\nwe are NEARING an arrangement — Shoigu said on Monday";
    assert_eq!(shingles(a), shingles(b));
    assert_eq!(sketch(STORY).bands.len(), BANDS);
    assert_eq!(sketch(STORY), sketch(STORY));
}

/// The profile bound never turns away a pair the exact comparison takes, over mixes of the
/// story's paragraphs with lines added, dropped and changed (near and far from the
/// threshold); and it turns away unrelated and partly shared bodies before any body is read.
#[test]
fn profile_bound_keeps_every_copy_and_drops_far_candidates() {
    let paras: Vec<&str> = STORY.split("\n\n").collect();
    let extra = [
        "The ministry said on Tuesday that the convoy had reached the city after a long wait.",
        "Officials in Geneva declined to comment on the report, citing the talks.",
        "Witnesses said the shelling continued until late in the evening on both sides.",
    ];
    let mut bodies = Vec::new();
    for mask in 1u32..(1 << paras.len()) {
        let mut body: Vec<&str> = (0..paras.len())
            .filter(|i| mask & (1 << i) != 0)
            .map(|i| paras[i])
            .collect();
        body.extend(extra.iter().take((mask % 4) as usize));
        bodies.push(body.join("\n\n"));
    }
    let (mut copies, mut kept, mut dropped) = (0, 0, 0);
    for (i, a) in bodies.iter().enumerate().step_by(3) {
        let new = sketch(a);
        for b in bodies.iter().skip(i % 7).step_by(5) {
            let original = shingles(b);
            let exact = is_copy_of_shingles(&new, &original);
            let may = may_be_copy(&new, &profile(&original));
            assert!(may || !exact, "bound drops a copy:\n{a}\n---\n{b}");
            copies += usize::from(exact);
            kept += usize::from(may);
            dropped += usize::from(!may);
        }
    }
    assert!(copies > 10, "{copies} copies");
    assert!(kept > copies, "{kept} kept, {copies} copies");
    assert!(dropped > kept, "{dropped} dropped, {kept} kept");
    // Two paragraphs of seven in common: far from a copy, and turned away.
    let new = sketch(&paras[..4].join("\n\n"));
    let far = shingles(&paras[2..].join("\n\n"));
    assert!(!may_be_copy(&new, &profile(&far)));
}

/// A profile holds one count per bucket summing to the shingles; an unknown profile (empty)
/// or a body without bands decides nothing against an exact comparison.
#[test]
fn profile_counts_every_shingle_and_unknown_means_compare() {
    let s = sketch(STORY);
    assert_eq!(s.profile.len(), PROFILE);
    let total: usize = s.profile.iter().map(|&c| usize::from(c)).sum();
    assert_eq!(total, s.shingles.len());
    assert!(may_be_copy(&s, &[]));
    assert!(may_be_copy(
        &Sketch {
            profile: Vec::new(),
            ..s.clone()
        },
        &profile(&shingles(
            "an unrelated text of a few words about nothing at all here"
        ))
    ));
    let short = sketch("Too short to count.");
    assert!(short.profile.is_empty() && short.bands.is_empty());
    // A bucket over 255 shingles: no profile (a byte would saturate and weaken the bound).
    let crowded: Vec<u64> = (0..300u64).collect();
    assert!(profile(&crowded).is_empty());
}
