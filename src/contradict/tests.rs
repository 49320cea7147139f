//! Tests of the contradiction detector: one table-driven `check(claims, expected)` helper and many tiny cases.

use std::time::Instant;

use chrono::NaiveDate;

use super::*;
use crate::model::{Claim, ClaimKind, DateValue, Figure, Span, StoredClaim};

/// A stored claim by `code` on `date` ("" = unknown) about `frame` ("" = none).
pub(super) fn claim(id: i64, code: &str, date: &str, frame: &str, polarity: i8) -> StoredClaim {
    let date = match NaiveDate::parse_from_str(date, "%Y-%m-%d") {
        Ok(d) => DateValue::day(d),
        Err(_) => DateValue::unknown(),
    };
    StoredClaim {
        id,
        article_id: id,
        threads: vec!["t".into()],
        article_title: String::new(),
        article_source: None,
        article_published: None,
        claim: Claim {
            speaker: format!("speaker {id}"),
            speaker_span: None,
            actor: None,
            actor_code: (!code.is_empty()).then(|| code.to_string()),
            country: None,
            cue: "said".into(),
            cue_span: None,
            kind: ClaimKind::Indirect,
            text: String::new(),
            span: Span::default(),
            sentence: String::new(),
            sentence_span: Span::default(),
            date,
            frame: (!frame.is_empty()).then(|| frame.to_string()),
            polarity: Stance::from_i8(polarity).expect("polarity 1, -1 or 0"),
            hedge: None,
            target: None,
            figures: Vec::new(),
            denial: false,
            confidence: 0.8,
        },
    }
}

/// Builder helpers so table rows stay one line.
trait With {
    fn with(self, f: impl FnOnce(&mut Claim)) -> Self;
    fn speaker(self, s: &str) -> Self;
    fn target(self, t: &str) -> Self;
    fn denial(self) -> Self;
    fn figure(self, quantity: &str, value: f64) -> Self;
}

impl With for StoredClaim {
    fn with(mut self, f: impl FnOnce(&mut Claim)) -> Self {
        f(&mut self.claim);
        self
    }
    fn speaker(self, s: &str) -> Self {
        self.with(|c| c.speaker = s.into())
    }
    fn target(self, t: &str) -> Self {
        self.with(|c| c.target = Some(t.into()))
    }
    fn denial(self) -> Self {
        self.with(|c| {
            c.denial = true;
            c.cue = "denied".into();
        })
    }
    /// Also gives a claim without a sentence one naming an incident ("the market"), so figure
    /// claims of one table row count as the same incident unless a row says otherwise.
    fn figure(self, quantity: &str, value: f64) -> Self {
        self.with(|c| {
            if c.sentence.is_empty() {
                c.sentence = format!("The count after the market attack was {value} {quantity}.");
            }
            c.figures.push(Figure {
                quantity: quantity.into(),
                value,
                span: Span::default(),
            })
        })
    }
}

/// Detect over `claims` (all new) and compare "kind a b" lines with `expected`.
///
/// Also checks that the order the claims are given in does not matter.
fn check(claims: &[StoredClaim], expected: &[&str]) -> Vec<Contradiction> {
    let opts = Options::default();
    let found = detect("t", claims, &[], &opts);
    let lines = |cs: &[Contradiction]| -> Vec<String> {
        let mut v: Vec<String> = cs
            .iter()
            .map(|c| format!("{} {} {}", c.kind.as_str(), c.a, c.b))
            .collect();
        v.sort();
        v
    };
    let mut want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    want.sort();
    assert_eq!(lines(&found), want, "{found:#?}");
    for c in &found {
        assert!(c.a < c.b, "a is the smaller id: {c:?}");
        assert!((0.0..=1.0).contains(&c.score), "{c:?}");
        assert_eq!(c.thread, "t");
    }
    // Detection always runs over a thread's whole set of claims (issue 17): the same set in
    // another order gives the same pairs.
    let mut reversed = claims.to_vec();
    reversed.reverse();
    assert_eq!(
        lines(&detect("t", &reversed, &[], &opts)),
        want,
        "order changed the result"
    );
    found
}

#[test]
fn design_example_is_one_opposing_pair() {
    let found = check(
        &[
            claim(1, "RUSGOV", "2016-08-29", "agreement", 1).speaker("Sergei Shoigu"),
            claim(2, "USAGOV", "2016-08-29", "agreement", -1).speaker("a U.S. official"),
        ],
        &["opposing 1 2"],
    );
    assert_eq!(
        found[0].explanation,
        "Sergei Shoigu (RUSGOV, 2016-08-29) asserts that a US-Russia agreement is near; \
         a U.S. official (USAGOV, 2016-08-29) denies it"
    );
    assert!(found[0].score > 0.7, "{}", found[0].score);
}

/// An undated claim (a background position, "Moscow has denied any role") meets others on its
/// article's publication day; without one it meets none; it is never half of a reversal.
#[test]
fn undated_claims_stand_on_their_article_day() {
    let published = |mut c: StoredClaim, d: &str| {
        c.article_published = NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
        c
    };
    check(
        &[
            claim(1, "USAGOV", "2016-08-29", "agreement", 1),
            published(claim(2, "RUSGOV", "", "agreement", -1), "2016-08-30"),
        ],
        &["opposing 1 2"],
    );
    check(
        &[
            claim(1, "USAGOV", "2016-08-29", "agreement", 1),
            published(claim(2, "RUSGOV", "", "agreement", -1), "2016-09-30"),
        ],
        &[],
    );
    check(
        &[
            claim(1, "USAGOV", "2016-08-29", "agreement", 1),
            claim(2, "RUSGOV", "", "agreement", -1),
        ],
        &[],
    );
    check(
        &[
            claim(1, "USAGOV", "2016-08-20", "agreement", 1).speaker("John Kerry"),
            published(
                claim(2, "USAGOV", "", "agreement", -1).speaker("John Kerry"),
                "2016-09-10",
            ),
        ],
        &[],
    );
    check(
        &[
            claim(1, "USAGOV", "2016-08-20", "agreement", 1).speaker("John Kerry"),
            claim(2, "USAGOV", "2016-09-10", "agreement", -1).speaker("John Kerry"),
        ],
        &["reversal 1 2"],
    );
}

#[test]
fn opposing() {
    // Within the window, either order of ids and dates.
    check(
        &[
            claim(1, "USAGOV", "2016-09-02", "ceasefire", -1),
            claim(2, "RUSMIL", "2016-08-30", "ceasefire", 1),
        ],
        &["opposing 1 2"],
    );
    // A neutral body against a party.
    check(
        &[
            claim(1, "IGOUNO", "2016-09-14", "aid", -1),
            claim(2, "SYRGOV", "2016-09-14", "aid", 1),
        ],
        &["opposing 1 2"],
    );
    // Side from the country when the actor is unresolved.
    check(
        &[
            claim(1, "", "2016-09-14", "talks", 1).with(|c| c.country = Some("RUS".into())),
            claim(2, "USAGOV", "2016-09-14", "talks", -1),
        ],
        &["opposing 1 2"],
    );
    // Responsibility with the same target (codes of one side count as one target).
    check(
        &[
            claim(1, "USAGOV", "2016-09-20", "responsibility", 1).target("RUSMIL"),
            claim(2, "SYRGOV", "2016-09-20", "responsibility", -1).target("RUSGOV"),
        ],
        &["opposing 1 2"],
    );
    // Week precision overlapping a day.
    check(
        &[
            claim(1, "USAGOV", "2016-09-20", "talks", 1),
            claim(2, "RUSGOV", "", "talks", -1).with(|c| {
                c.date = DateValue {
                    date: NaiveDate::from_ymd_opt(2016, 9, 12),
                    precision: Precision::Week,
                }
            }),
        ],
        &["opposing 1 2"],
    );
}

#[test]
fn near_misses_are_not_flagged() {
    let day = "2016-08-29";
    // The same party's opposite stances three days apart are parts of one line, not a reversal.
    check(
        &[
            claim(1, "RUSGOV", "2016-09-13", "ceasefire", 1),
            claim(2, "RUSGOV", "2016-09-16", "ceasefire", -1),
        ],
        &[],
    );
    // "dismissed the plan": a denial cue on a neutral agreement claim is no stance.
    check(
        &[
            claim(1, "RUSGOV", day, "agreement", 1),
            claim(2, "SYRGOV", day, "agreement", 0).with(|c| c.denial = true),
        ],
        &[],
    );
    // A hedged or weakly attributed later claim is not a change of mind.
    check(
        &[
            claim(1, "RUSGOV", "2016-09-01", "agreement", 1),
            claim(2, "RUSGOV", "2016-09-20", "agreement", -1)
                .with(|c| c.hedge = Some("may".into())),
        ],
        &[],
    );
    check(
        &[
            claim(1, "RUSGOV", "2016-09-01", "agreement", 1),
            claim(2, "RUSGOV", "2016-09-20", "agreement", -1).with(|c| c.confidence = 0.45),
        ],
        &[],
    );
    // Casualty claims carry figures, not stances: never opposing.
    check(
        &[
            claim(1, "RUSGOV", day, "casualties", 1),
            claim(2, "USAGOV", day, "casualties", -1),
        ],
        &[],
    );
    // A hedged weak negative ("we have nothing to announce") does not oppose a firm claim.
    check(
        &[
            claim(1, "RUSGOV", day, "agreement", 1),
            claim(2, "USAGOV", day, "agreement", -1)
                .with(|c| c.hedge = Some("nothing to announce".into())),
        ],
        &[],
    );
    // Same side agreeing.
    check(
        &[
            claim(1, "RUSGOV", day, "agreement", 1),
            claim(2, "RUSMIL", day, "agreement", 1),
        ],
        &[],
    );
    // Different sides agreeing.
    check(
        &[
            claim(1, "RUSGOV", day, "agreement", 1),
            claim(2, "USAGOV", day, "agreement", 1),
        ],
        &[],
    );
    // Same side, opposite stance, same day, different actors: attribution noise, not reported.
    check(
        &[
            claim(1, "RUSGOV", day, "agreement", 1),
            claim(2, "RUSMIL", day, "agreement", -1),
        ],
        &[],
    );
    // Same side, different proposition.
    check(
        &[
            claim(1, "RUSGOV", day, "agreement", 1),
            claim(2, "RUSGOV", day, "ceasefire", -1),
        ],
        &[],
    );
    // Different sides, different frames.
    check(
        &[
            claim(1, "RUSGOV", day, "agreement", 1),
            claim(2, "USAGOV", day, "talks", -1),
        ],
        &[],
    );
    // Outside the 7-day window.
    check(
        &[
            claim(1, "RUSGOV", "2016-08-20", "agreement", 1),
            claim(2, "USAGOV", "2016-08-29", "agreement", -1),
        ],
        &[],
    );
    // Unknown date, month precision.
    check(
        &[
            claim(1, "RUSGOV", "", "agreement", 1),
            claim(2, "USAGOV", day, "agreement", -1),
        ],
        &[],
    );
    check(
        &[
            claim(1, "RUSGOV", day, "agreement", 1).with(|c| c.date.precision = Precision::Month),
            claim(2, "USAGOV", day, "agreement", -1),
        ],
        &[],
    );
    // Neutral polarity, no frame.
    check(
        &[
            claim(1, "RUSGOV", day, "agreement", 0),
            claim(2, "USAGOV", day, "agreement", -1),
        ],
        &[],
    );
    check(
        &[
            claim(1, "RUSGOV", day, "", 1),
            claim(2, "USAGOV", day, "", -1),
        ],
        &[],
    );
    // Unknown sides never oppose.
    check(
        &[
            claim(1, "", day, "agreement", 1),
            claim(2, "SYRCVL", day, "agreement", -1),
        ],
        &[],
    );
    // Responsibility blaming different parties.
    check(
        &[
            claim(1, "USAGOV", day, "responsibility", 1).target("RUSMIL"),
            claim(2, "RUSGOV", day, "responsibility", -1).target("SYRREB"),
        ],
        &[],
    );
    check(
        &[
            claim(1, "USAGOV", day, "responsibility", 1).target("RUSMIL"),
            claim(2, "RUSGOV", day, "responsibility", -1),
        ],
        &[],
    );
    // Ceasefire: one party observes it, another violates it; not one proposition.
    check(
        &[
            claim(1, "RUSMIL", day, "ceasefire", 1).target("SYRGOV"),
            claim(2, "USAGOV", day, "ceasefire", -1).target("SYRREB"),
        ],
        &[],
    );
}

/// Ceasefire claims about one party (codes of one side count as one), or one about the
/// truce as a whole, still oppose.
#[test]
fn ceasefire_same_target_opposes() {
    let day = "2016-09-15";
    check(
        &[
            claim(1, "RUSMIL", day, "ceasefire", 1).target("SYRMIL"),
            claim(2, "USAGOV", day, "ceasefire", -1).target("SYRGOV"),
        ],
        &["opposing 1 2"],
    );
    check(
        &[
            claim(1, "USAGOV", day, "ceasefire", 1),
            claim(2, "RUSMIL", day, "ceasefire", -1).target("SYRREB"),
        ],
        &["opposing 1 2"],
    );
}

#[test]
fn denial() {
    // "Russia denied that its warplanes struck the convoy" vs "U.S. officials said Russian jets struck it".
    let found = check(
        &[
            claim(1, "USAGOV", "2016-09-20", "responsibility", 1)
                .target("RUSMIL")
                .speaker("U.S. officials"),
            claim(2, "RUSGOV", "2016-09-21", "responsibility", -1)
                .denial()
                .speaker("Russia"),
        ],
        &["denial 1 2"],
    );
    assert_eq!(
        found[0].explanation,
        "U.S. officials (USAGOV, 2016-09-20) asserts that Russia (RUSMIL) is responsible; \
         Russia (RUSGOV, 2016-09-21) denied it"
    );
    // Self-exculpation without a denial cue: polarity -1 on one's own side.
    check(
        &[
            claim(1, "RUSMIL", "2016-09-20", "responsibility", -1).target("RUSMIL"),
            claim(2, "USAGOV", "2016-09-20", "responsibility", 1).target("RUSGOV"),
        ],
        &["denial 1 2"],
    );
    // "dismissed the name change as window-dressing": a denial cue on a neutral claim.
    let found = check(
        &[
            claim(7, "SYRNSA", "2016-07-28", "designation", 1).speaker("Abu Mohammed al-Golani"),
            claim(9, "USAGOV", "2016-07-29", "designation", 0)
                .denial()
                .with(|c| c.cue = "dismissed".into())
                .speaker("John Kirby"),
        ],
        &["denial 7 9"],
    );
    assert!(found[0]
        .explanation
        .ends_with("John Kirby (USAGOV, 2016-07-29) dismissed it"));
    // A denial cue against a claim of the same side is not a denial.
    check(
        &[
            claim(1, "RUSGOV", "2016-09-20", "responsibility", 1).target("SYRREB"),
            claim(2, "RUSMIL", "2016-09-20", "responsibility", -1)
                .denial()
                .target("SYRREB"),
        ],
        &[],
    );
    // Denying something nobody of another side asserted (both deny).
    check(
        &[
            claim(1, "RUSGOV", "2016-09-20", "talks", -1).denial(),
            claim(2, "USAGOV", "2016-09-20", "talks", -1),
        ],
        &[],
    );
}

/// Inside one article a reply answers one assertion and an assertion gets one reply per body:
/// a denial between two accusations answers the nearer one, at equal distance the one it
/// repeats most words of, else the one reported first; a denial repeated word for word answers
/// once; of one body's two replies to one accusation the nearer stands, another body's reply too.
#[test]
fn a_reply_inside_an_article_answers_one_assertion() {
    let in_article = |c: StoredClaim, at: usize, text: &str| {
        let mut c = c.with(|c| {
            c.text = text.into();
            c.span = Span::new(at, at + text.len());
        });
        c.article_id = 1;
        c
    };
    let accuse = |id, at, text| {
        in_article(
            claim(id, "GBRGOV", "2018-03-12", "responsibility", 1).target("RUSGOV"),
            at,
            text,
        )
    };
    let deny_by = |id, code, at, text| {
        in_article(
            claim(id, code, "2018-03-12", "responsibility", -1)
                .target("RUSGOV")
                .denial(),
            at,
            text,
        )
    };
    let deny = |id, at, text| deny_by(id, "RUSGOV", at, text);
    // The nearer accusation, though the other repeats more of the denial's words.
    check(
        &[
            accuse(1, 0, "Moscow was highly likely responsible"),
            accuse(2, 600, "Moscow was behind the pipeline blast"),
            deny(3, 100, "any role in the pipeline blast"),
        ],
        &["denial 1 3"],
    );
    // Both charges before the denial, about as near: it repeats the farther one's words
    // ("pipeline blast").
    check(
        &[
            accuse(1, 0, "Moscow was behind the pipeline blast"),
            accuse(2, 200, "Moscow was highly likely responsible"),
            deny(3, 393, "any role in the pipeline blast"),
        ],
        &["denial 1 3"],
    );
    // A denial between two charges about as near answers the one before it (the reporter
    // states the charge, then the reply), though the one after it is nearer and repeats its
    // words.
    check(
        &[
            accuse(1, 0, "Moscow was highly likely responsible"),
            deny(3, 250, "any role in the pipeline blast"),
            accuse(2, 300, "Moscow was behind the pipeline blast"),
        ],
        &["denial 1 3"],
    );
    // One denial the article repeats word for word (standfirst and body): one statement.
    check(
        &[
            accuse(1, 0, "Moscow was behind the pipeline blast"),
            deny(2, 100, "any role in the pipeline blast"),
            deny(3, 300, "any role in the pipeline blast"),
        ],
        &["denial 1 2"],
    );
    // Two replies of one body to one accusation: the nearer; a parliament's reply stands too.
    check(
        &[
            accuse(1, 0, "Moscow was behind the pipeline blast"),
            deny(2, 200, "any role in the blast"),
            deny(3, 300, "a role, calling the charge absurd"),
            deny_by(4, "RUSLEG", 400, "the charge as a provocation"),
        ],
        &["denial 1 2", "denial 1 4"],
    );
}

/// Positions on location from two sides of one article: "shot down over our territory" and
/// "it was over international waters" are one question (issue 12).
#[test]
fn positions_on_location_oppose() {
    let in_article = |c: StoredClaim, at: usize, text: &str| {
        let mut c = c.with(|c| {
            c.text = text.into();
            c.span = Span::new(at, at + text.len());
        });
        c.article_id = 1;
        c
    };
    check(
        &[
            in_article(
                claim(1, "VNMGOV", "2020-04-02", "", 1),
                0,
                "the fishing boat was rammed inside Vietnamese waters on Thursday",
            ),
            in_article(
                claim(2, "CHNGOV", "2020-04-02", "", 0),
                90,
                "the boat was in international waters when it was stopped",
            ),
        ],
        &["opposing 1 2"],
    );
    // One side only: no pair.
    check(
        &[
            in_article(
                claim(1, "VNMGOV", "2020-04-02", "", 1),
                0,
                "the fishing boat was rammed inside Vietnamese waters",
            ),
            in_article(
                claim(2, "VNMGOV", "2020-04-02", "", 0),
                90,
                "the trawler never left international waters",
            ),
        ],
        &[],
    );
}

/// "Oslo accused Moscow of hacking the ferry's radar, a charge Russia has denied": the denial's
/// content is the whole accusation, so the two claims overlap, yet they are an accusation and
/// its denial (issue 12, item 3). Two claims that quote the same words are still one report.
#[test]
fn a_charge_the_accused_denied_answers_the_accusation() {
    let at = |c: StoredClaim, text: &str, span: (usize, usize), cue: &str, cue_at: usize| {
        let mut c = c.with(|c| {
            c.text = text.into();
            c.span = Span::new(span.0, span.1);
            c.cue = cue.into();
            c.cue_span = Some(Span::new(cue_at, cue_at + cue.len()));
        });
        c.article_id = 1;
        c
    };
    let accusation = || {
        at(
            claim(1, "NORGOV", "2020-03-02", "", 0),
            "Moscow of hacking the ferry's radar",
            (13, 48),
            "accused",
            5,
        )
    };
    check(
        &[
            accusation(),
            at(
                claim(2, "RUSGOV", "2020-03-02", "responsibility", -1).denial(),
                "Oslo accused Moscow of hacking the ferry's radar",
                (0, 48),
                "denied",
                70,
            ),
        ],
        &["denial 1 2"],
    );
    // The same words claimed twice, neither holding the other's cue: one report.
    check(
        &[
            accusation(),
            at(
                claim(2, "RUSGOV", "2020-03-02", "responsibility", -1).denial(),
                "Moscow of hacking the ferry's radar",
                (13, 48),
                "denied",
                70,
            ),
        ],
        &[],
    );
}

/// A news agency narrating takes no side; two claims that each name an act deny each other
/// only when the acts agree (issue 12).
#[test]
fn reporters_and_other_acts_take_no_position() {
    let said = |c: StoredClaim, text: &str| {
        c.with(|c| {
            c.text = text.into();
            c.span = Span::new(0, text.len());
        })
    };
    // "the talks ended without a deal, Xinhua reported" against a party's "a deal is close".
    check(
        &[
            said(
                claim(1, "CHNGOV", "2021-02-02", "", 0).speaker("China's Xinhua news agency"),
                "the talks in Doha ended without an agreement",
            ),
            said(
                claim(2, "QATGOV", "2021-02-02", "", 0).speaker("Qatar's envoy"),
                "the parties are close to a deal",
            ),
        ],
        &[],
    );
    // The same two claims from parties do oppose.
    check(
        &[
            said(
                claim(1, "AFGGOV", "2021-02-02", "", 0).speaker("Kabul's negotiator"),
                "the talks in Doha ended without an agreement",
            ),
            said(
                claim(2, "QATGOV", "2021-02-02", "", 0).speaker("Qatar's envoy"),
                "the parties are close to a deal",
            ),
        ],
        &["opposing 1 2"],
    );
    // "Belarus is responsible for the crash" is not denied by "Belarus never had such
    // missiles": another act, though the accuser names Belarus as the blamed party.
    check(
        &[
            said(
                claim(1, "LTUGOV", "2021-05-24", "responsibility", 1).target("BLRGOV"),
                "Belarus was responsible for the crash",
            ),
            said(
                claim(2, "BLRGOV", "2021-05-24", "", 0).denial(),
                "that Belarus ever had such missiles in its arsenal",
            ),
        ],
        &[],
    );
}

#[test]
fn numeric() {
    let day = "2016-09-13";
    // Russian monitors count 9 violations, the opposition 40.
    let found = check(
        &[
            claim(1, "RUSMIL", day, "ceasefire", 0)
                .figure("violations", 9.0)
                .speaker("Russian military"),
            claim(2, "SYRREB", day, "ceasefire", 0).figure("violations", 40.0),
        ],
        &["numeric 1 2"],
    );
    assert!(
        found[0].explanation.contains("reports 9 violations"),
        "{}",
        found[0].explanation
    );
    // Two sides; differences of exactly the thresholds.
    check(
        &[
            claim(1, "SYRNGO", day, "casualties", 1)
                .figure("killed", 3.0)
                .speaker("a medic"),
            claim(2, "SYRREB", "2016-09-15", "casualties", 1).figure("killed", 1.0),
        ],
        &["numeric 1 2"],
    );
    // One side, two speakers: its count as it grows ("two wounded", then "six wounded"), not
    // a dispute.
    check(
        &[
            claim(1, "SYRREB", day, "casualties", 1)
                .figure("killed", 3.0)
                .speaker("a medic"),
            claim(2, "SYRREB", "2016-09-15", "casualties", 1).figure("killed", 1.0),
        ],
        &[],
    );
    // Opposite stances and different figures: both kinds.
    check(
        &[
            claim(1, "RUSMIL", day, "ceasefire", 1).figure("violations", 9.0),
            claim(2, "USAGOV", day, "ceasefire", -1).figure("violations", 40.0),
        ],
        &["numeric 1 2", "opposing 1 2"],
    );
}

#[test]
fn numeric_near_misses() {
    // Two tolls of two incidents: nothing names the same place or target.
    check(
        &[
            claim(1, "RUSMIL", "2016-09-17", "casualties", 1)
                .figure("killed", 62.0)
                .with(|c| {
                    c.sentence =
                        "The strike near Deir el-Zour killed 62 soldiers, the ministry said.".into()
                }),
            claim(2, "USAGOV", "2016-09-19", "casualties", 1)
                .figure("killed", 20.0)
                .with(|c| {
                    c.sentence =
                        "About 20 people died when the aid convoy was hit near Urum al-Kubra."
                            .into()
                }),
        ],
        &[],
    );
    // Two tolls on different days that share only the parties' names (a country, a demonym)
    // and the reporting words: two incidents, not one.
    check(
        &[
            claim(1, "ARMGOV", "2021-05-03", "casualties", 1)
                .figure("killed", 14.0)
                .with(|c| {
                    c.sentence =
                        "Azerbaijani drones killed 14 Armenian soldiers near the ridge, Armenia said."
                            .into()
                }),
            claim(2, "AZEGOV", "2021-05-05", "casualties", 1)
                .figure("killed", 3.0)
                .with(|c| {
                    c.sentence =
                        "Armenian mortar fire killed 3 Azerbaijani shepherds at a farm, Azerbaijan said."
                            .into()
                }),
        ],
        &[],
    );
    // Two tolls of one town from two sources, for two named days: two counts, not a dispute.
    check(
        &[
            claim(1, "YEMGOV", "2019-03-11", "casualties", 1)
                .figure("killed", 30.0)
                .with(|c| {
                    c.sentence = "Shelling of the harbour killed 30 people on Saturday.".into()
                }),
            claim(2, "YEMREB", "2019-03-11", "casualties", 1)
                .figure("killed", 6.0)
                .with(|c| {
                    c.sentence = "Shelling of the harbour killed 6 people on Monday morning.".into()
                }),
        ],
        &[],
    );
    // The same day named twice: one count, two figures.
    check(
        &[
            claim(1, "YEMGOV", "2019-03-11", "casualties", 1)
                .figure("killed", 30.0)
                .with(|c| {
                    c.sentence = "Shelling of the harbour killed 30 people on Monday.".into()
                }),
            claim(2, "YEMREB", "2019-03-11", "casualties", 1)
                .figure("killed", 6.0)
                .with(|c| {
                    c.sentence = "Shelling of the harbour killed 6 people on Monday morning.".into()
                }),
        ],
        &["numeric 1 2"],
    );
    // One source raising its own toll the next day is an update.
    check(
        &[
            claim(1, "SYRNGO", "2016-09-21", "casualties", 1).figure("killed", 17.0),
            claim(2, "SYRNGO", "2016-09-22", "casualties", 1).figure("killed", 45.0),
        ],
        &[],
    );
    // A running total against one strike's toll.
    check(
        &[
            claim(1, "SYRNGO", "2016-09-28", "casualties", 1)
                .figure("killed", 338.0)
                .with(|c| {
                    c.sentence =
                        "At least 338 people have been killed since the offensive began.".into()
                }),
            claim(2, "SYRREB", "2016-09-28", "casualties", 1)
                .figure("killed", 2.0)
                .with(|c| c.sentence = "An airstrike on the hospital killed two patients.".into()),
        ],
        &[],
    );
    let day = "2016-09-13";
    let pair = |a: StoredClaim, b: StoredClaim| check(&[a, b], &[]);
    // Small relative difference; small absolute difference; different quantities.
    pair(
        claim(1, "RUSMIL", day, "casualties", 1).figure("killed", 20.0),
        claim(2, "SYRREB", day, "casualties", 1).figure("killed", 22.0),
    );
    pair(
        claim(1, "RUSMIL", day, "casualties", 1).figure("killed", 2.0),
        claim(2, "SYRREB", day, "casualties", 1).figure("killed", 1.0),
    );
    pair(
        claim(1, "RUSMIL", day, "casualties", 1).figure("killed", 20.0),
        claim(2, "SYRREB", day, "casualties", 1).figure("wounded", 80.0),
    );
    // More than 3 days apart: not the same event.
    pair(
        claim(1, "RUSMIL", "2016-09-13", "casualties", 1).figure("killed", 20.0),
        claim(2, "SYRREB", "2016-09-17", "casualties", 1).figure("killed", 80.0),
    );
    // The same speaker of one side updating a toll.
    pair(
        claim(1, "SYRREB", "2016-09-13", "casualties", 1)
            .figure("killed", 20.0)
            .speaker("SOHR"),
        claim(2, "SYRREB", "2016-09-14", "casualties", 1)
            .figure("killed", 35.0)
            .speaker("SOHR"),
    );
    // A claim that denies its figures does not assert them.
    pair(
        claim(1, "RUSMIL", day, "casualties", -1)
            .figure("killed", 20.0)
            .denial(),
        claim(2, "SYRREB", day, "casualties", 0).figure("killed", 80.0),
    );
    // Different frames are still compared: a toll is a toll whether the sentence also blames
    // someone ("the strike by coalition jets killed 62") or not.
    check(
        &[
            claim(1, "RUSMIL", day, "responsibility", 1).figure("killed", 20.0),
            claim(2, "SYRREB", day, "casualties", 1).figure("killed", 80.0),
        ],
        &["numeric 1 2"],
    );
}

/// A party denies its own act and later admits it: any of its bodies, a day or more apart,
/// the admitting claim saying so. Invented sentences.
#[test]
fn a_party_that_denied_its_own_act_and_then_admits_it_reverses() {
    let deny = |id, date| {
        claim(id, "ARDGOV", date, "", -1)
            .speaker("the aviation authority")
            .with(|c| c.text = "it is impossible that an Ardanian missile hit the airliner".into())
    };
    let admit = |id, date, text: &str| {
        let text = text.to_string();
        claim(id, "ARDMIL", date, "", 1)
            .speaker("the air defence command")
            .with(move |c| c.text = text)
    };
    let admits = "its air defence unit accepts full responsibility for shooting down the airliner";
    check(
        &[deny(1, "2026-01-10"), admit(2, "2026-01-12", admits)],
        &["reversal 1 2"],
    );
    // The admission must say so; the same day is no change of position; two parties are two.
    let plain = "an Ardanian missile hit the airliner";
    check(&[deny(1, "2026-01-10"), admit(2, "2026-01-12", plain)], &[]);
    check(
        &[deny(1, "2026-01-10"), admit(2, "2026-01-10", admits)],
        &[],
    );
    let other = claim(2, "VESGOV", "2026-01-12", "", 1)
        .speaker("the Veskan government")
        .with(|c| c.text = admits.into());
    check(&[deny(1, "2026-01-10"), other], &[]);
}

#[test]
fn reversal() {
    let found = check(
        &[
            claim(1, "RUSGOV", "2016-08-26", "agreement", 1).speaker("Sergey Lavrov"),
            claim(2, "RUSGOV", "2016-09-05", "agreement", -1).speaker("Sergey Lavrov"),
        ],
        &["reversal 1 2"],
    );
    assert_eq!(
        found[0].explanation,
        "Sergey Lavrov (RUSGOV, 2016-08-26) asserts that an agreement is near; \
         Sergey Lavrov (RUSGOV, 2016-09-05) now denies it"
    );
    // Same named speaker without a resolved code; explicit words score higher.
    let plain = check(
        &[
            claim(1, "", "2016-08-01", "talks", -1).speaker("John Kerry"),
            claim(2, "", "2016-08-20", "talks", 1).speaker("John Kerry"),
        ],
        &["reversal 1 2"],
    );
    let explicit = check(
        &[
            claim(1, "", "2016-08-01", "talks", -1).speaker("John Kerry"),
            claim(2, "", "2016-08-20", "talks", 1)
                .speaker("John Kerry")
                .with(|c| c.sentence = "Kerry now says talks will resume.".into()),
        ],
        &["reversal 1 2"],
    );
    assert!(explicit[0].score > plain[0].score);
    // Who did it: blaming and clearing a party weeks apart is two incidents, unless the later
    // claim says the position changed.
    let blame = |id, date, polarity| {
        claim(id, "RUSMIL", date, "responsibility", polarity)
            .target("SYRREB")
            .speaker("the defence ministry")
    };
    check(
        &[blame(1, "2016-08-20", 1), blame(2, "2016-09-15", -1)],
        &[],
    );
    check(
        &[
            blame(1, "2016-08-20", 1),
            blame(2, "2016-09-15", -1)
                .with(|c| c.sentence = "The ministry no longer blames the rebels.".into()),
        ],
        &["reversal 1 2"],
    );
    // Not: same day; beyond 60 days; same stance; anonymous speakers without a code; different actors of one side.
    check(
        &[
            claim(1, "RUSGOV", "2016-08-26", "agreement", 1),
            claim(2, "RUSGOV", "2016-08-26", "agreement", -1),
        ],
        &[],
    );
    check(
        &[
            claim(1, "RUSGOV", "2016-06-01", "agreement", 1),
            claim(2, "RUSGOV", "2016-09-05", "agreement", -1),
        ],
        &[],
    );
    check(
        &[
            claim(1, "RUSGOV", "2016-08-26", "agreement", 1),
            claim(2, "RUSGOV", "2016-09-05", "agreement", 1),
        ],
        &[],
    );
    check(
        &[
            claim(1, "", "2016-08-26", "agreement", 1).speaker("a U.S. official"),
            claim(2, "", "2016-09-05", "agreement", -1).speaker("a U.S. official"),
        ],
        &[],
    );
    check(
        &[
            claim(1, "RUSGOV", "2016-08-26", "agreement", 1),
            claim(2, "RUSMIL", "2016-09-05", "agreement", -1),
        ],
        &[],
    );
}

#[test]
fn demo_corpus_cases() {
    // A denial may answer an accusation made 12 days earlier (contradictions.tsv: Lavrov / Kirby).
    check(
        &[
            claim(1, "RUSGOV", "2016-09-16", "cooperation", 1).speaker("Sergey Lavrov"),
            claim(2, "USAGOV", "2016-09-28", "cooperation", -1)
                .denial()
                .with(|c| c.cue = "rejected".into())
                .speaker("John Kirby"),
        ],
        &["denial 1 2"],
    );
    // A force's strength is compared across weeks (Villegas Aug 29 / Lozada Sept 17).
    check(
        &[
            claim(1, "COLGOV", "2016-08-29", "casualties", 0).figure("fighters", 5800.0),
            claim(2, "COLREB", "2016-09-17", "casualties", 0).figure("fighters", 7000.0),
        ],
        &[],
    );
    check(
        &[
            claim(1, "COLGOV", "2016-08-29", "casualties", 0).figure("fighters", 5800.0),
            claim(2, "COLREB", "2016-09-17", "casualties", 0).figure("fighters", 9000.0),
        ],
        &["numeric 1 2"],
    );
    // Same day, same quantity, but air strikes on the east vs rebel shelling of the west:
    // two events (near_misses.tsv, feed item 2).
    check(
        &[
            claim(1, "SYRREB", "2016-09-27", "casualties", 1)
                .figure("killed", 20.0)
                .with(|c| {
                    c.sentence = "at least 20 people were killed in air strikes on the east".into()
                }),
            claim(2, "SYRGOV", "2016-09-27", "casualties", 1)
                .figure("killed", 12.0)
                .with(|c| {
                    c.sentence =
                        "12 people were killed by rebel shelling of government-held districts"
                            .into()
                }),
        ],
        &[],
    );
    // Tolls told on different days in different articles: one shared word ("four children")
    // is a coincidence, the place and the target named twice are one incident.
    let toll = |id, date: &str, value, sentence: &'static str| {
        let code = if id == 1 { "SYRNGO" } else { "SYRGOV" };
        claim(id, code, date, "casualties", 1)
            .figure("killed", value)
            .with(|c| c.sentence = sentence.into())
    };
    check(
        &[
            toll(
                1,
                "2016-08-28",
                15.0,
                "a strike on a market in Hamra killed 15, four children",
            ),
            toll(
                2,
                "2016-08-30",
                11.0,
                "strikes on the town of Zaytun killed 11, four children",
            ),
        ],
        &[],
    );
    check(
        &[
            toll(
                1,
                "2016-08-28",
                15.0,
                "a strike on the market in Hamra killed 15",
            ),
            toll(
                2,
                "2016-08-30",
                31.0,
                "the strike on the Hamra market killed 31, activists said",
            ),
        ],
        &["numeric 1 2"],
    );
    // One names a cause, the other does not: still comparable (convoy: U.N. 20 vs Red Crescent 12).
    check(
        &[
            claim(1, "IGOUNO", "2016-09-20", "casualties", 1)
                .figure("killed", 20.0)
                .with(|c| {
                    c.sentence =
                        "about 20 civilians were killed in the air strikes on the convoy".into()
                }),
            claim(2, "SYRNGO", "2016-09-20", "casualties", 1)
                .with(|c| c.sentence = "Twelve people died when the convoy was hit.".into())
                .figure("killed", 12.0),
        ],
        &["numeric 1 2"],
    );
}

#[test]
fn ids_not_dates_order_the_pair_and_each_pair_is_reported_once() {
    check(
        &[
            claim(5, "RUSGOV", "2016-08-20", "talks", 1),
            claim(3, "USAGOV", "2016-08-22", "talks", -1),
            claim(4, "SYRREB", "2016-08-21", "talks", -1),
        ],
        // Three articles: across articles a claim keeps its strongest partner of each kind
        // (the closer date), and only when that choice is mutual.
        &["opposing 4 5"],
    );
    // In one article the reporter set all three side by side: both pairs.
    check(
        &[
            claim(5, "RUSGOV", "2016-08-20", "talks", 1).with(|_| {}),
            claim(3, "USAGOV", "2016-08-22", "talks", -1),
            claim(4, "SYRREB", "2016-08-21", "talks", -1),
        ]
        .map(|mut c| {
            c.article_id = 1;
            c.claim.sentence_span = Span::new(c.id as usize * 100, c.id as usize * 100 + 50);
            c
        }),
        &["opposing 3 5", "opposing 4 5"],
    );
}

#[test]
fn incremental_never_rereports_existing_pairs() {
    let opts = Options::default();
    let existing = vec![
        claim(1, "RUSGOV", "2016-08-29", "agreement", 1),
        claim(2, "USAGOV", "2016-08-29", "agreement", -1),
    ];
    // An unrelated new claim: nothing, although the existing pair contradicts.
    let unrelated = vec![claim(3, "SYRGOV", "2016-08-29", "aid", 1)];
    assert!(detect("t", &unrelated, &existing, &opts).is_empty());
    // A new claim opposing one existing claim: only the new pair.
    let new = vec![claim(4, "IGOUNO", "2016-08-30", "agreement", -1)];
    let found: Vec<(i64, i64)> = detect("t", &new, &existing, &opts)
        .iter()
        .map(|c| (c.a, c.b))
        .collect();
    assert_eq!(found, vec![(1, 4)]);
    // A claim passed both as new and existing counts once, as new.
    let found = detect("t", &existing[1..], &existing, &opts);
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].a, found[0].b), (1, 2));
}

/// A deterministic spread of claims: `n` claims over 8 frames, 365 days, 12 actors.
fn spread(n: usize) -> Vec<StoredClaim> {
    const FRAMES: &[&str] = &[
        "agreement",
        "ceasefire",
        "responsibility",
        "casualties",
        "talks",
        "aid",
        "designation",
        "cooperation",
    ];
    const CODES: &[&str] = &[
        "RUSGOV", "RUSMIL", "USAGOV", "USAMIL", "SYRGOV", "SYRMIL", "SYRREB", "SYRNSA", "IGOUNO",
        "TURGOV", "IRNGOV", "FRAGOV",
    ];
    let start = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap();
    let mut seed: u64 = 0x2016_0829;
    let mut next = move |m: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % m
    };
    (0..n)
        .map(|i| {
            let frame = FRAMES[next(FRAMES.len() as u64) as usize];
            let code = CODES[next(CODES.len() as u64) as usize];
            let date = start + chrono::Days::new(next(365));
            let polarity = next(3) as i8 - 1;
            let mut c = claim(i as i64 + 1, code, "", frame, polarity);
            c.claim.date = DateValue::day(date);
            if frame == "casualties" || next(10) == 0 {
                let quantity = ["killed", "wounded", "fighters"][next(3) as usize];
                c.claim.figures.push(Figure {
                    quantity: quantity.into(),
                    value: next(100) as f64,
                    span: Span::default(),
                });
            }
            if polarity < 0 && next(4) == 0 {
                c.claim.denial = true;
            }
            c.claim.hedge = (next(5) == 0).then(|| "may".to_string());
            c.claim.speaker = [
                "Sergey Lavrov",
                "a U.S. official",
                "John Kerry",
                "an activist",
            ][next(4) as usize]
                .to_string();
            if frame == "responsibility" {
                c.claim.target = Some(CODES[next(CODES.len() as u64) as usize].to_string());
            }
            c
        })
        .collect()
}

#[test]
fn blocking_finds_what_comparing_every_pair_finds() {
    let claims = spread(1_500);
    for strongest in [true, false] {
        let opts = Options {
            strongest_per_counterpart: strongest,
            ..Options::default()
        };
        let (old, new) = claims.split_at(700);
        let (blocked, stats) = run("t", new, old, &opts, false);
        let (all, full) = run("t", new, old, &opts, true);
        assert_eq!(blocked, all, "strongest_per_counterpart = {strongest}");
        assert!(!blocked.is_empty());
        assert!(
            stats.comparisons * 10 < full.comparisons,
            "{stats:?} {full:?}"
        );
    }
}

/// Claims about a party's own act (denied, then admitted) by several bodies of one side
/// (`reversal::admission`): blocking must still find exactly what comparing every pair finds,
/// the admission reversals across actor codes included.
#[test]
fn blocking_finds_own_act_reversals_as_comparing_every_pair_does() {
    // Denials by a government, admissions by its army: every reversal joins two actor codes.
    const TEXTS: &[(&str, i8, &str)] = &[
        (
            "it is impossible that a missile hit the airliner",
            -1,
            "GOV",
        ),
        (
            "its air defence unit accepts full responsibility for shooting down the airliner",
            1,
            "MIL",
        ),
        ("our forces mistakenly shot down the airliner", 1, "MIL"),
        (
            "we had nothing to do with the downing of the airliner",
            -1,
            "GOV",
        ),
    ];
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let claims: Vec<StoredClaim> = (0..240usize)
        .map(|i| {
            let (text, polarity, role) = TEXTS[i % TEXTS.len()];
            let code = format!("{}{role}", ["IRN", "RUS"][(i / 4) % 2]);
            let mut c = claim(i as i64 + 1, &code, "", "", polarity)
                .speaker(["the ministry", "the army", "a spokesman"][i % 3])
                .with(|c| c.text = text.into());
            c.claim.date = DateValue::day(start + chrono::Days::new(((i * 13) % 90) as u64));
            c
        })
        .collect();
    // Buckets here are denser than `nearest` bounds (a claim's 24 nearest per bucket): lift the
    // bound, so blocking must find every pair exhaustive comparison finds.
    let opts = Options {
        nearest: usize::MAX,
        ..Options::default()
    };
    let (old, new) = claims.split_at(100);
    let (blocked, _) = run("t", new, old, &opts, false);
    let (all, _) = run("t", new, old, &opts, true);
    assert_eq!(blocked, all);
    assert!(blocked
        .iter()
        .any(|c| c.kind == ContradictionKind::Reversal));
}

#[test]
fn blocking_keeps_comparisons_far_below_all_pairs() {
    let claims = spread(20_000);
    let t = Instant::now();
    let (found, stats) = detect_with_stats("t", &claims, &[], &Options::default());
    let elapsed = t.elapsed();
    let all_pairs = (claims.len() as u64 * (claims.len() as u64 - 1)) / 2;
    println!(
        "20000 claims: {} indexed, {} comparisons ({:.3}% of {} pairs), {} found, {:?}",
        stats.indexed,
        stats.comparisons,
        100.0 * stats.comparisons as f64 / all_pairs as f64,
        all_pairs,
        found.len(),
        elapsed
    );
    assert!(stats.comparisons * 50 < all_pairs, "{stats:?}");
    assert_eq!(stats.found, found.len());
    // Incrementally adding 100 claims looks only at their neighbourhoods.
    let (old, new) = claims.split_at(claims.len() - 100);
    let (_, inc) = detect_with_stats("t", new, old, &Options::default());
    assert!(inc.comparisons < 100 * 2_000, "{inc:?}");
}

/// A more realistic thread: each side holds a line per frame (90 % of its claims follow
/// it, 40 % of claims are neutral), figures only on casualty claims, over two years.
fn story(n: usize) -> Vec<StoredClaim> {
    let mut claims = spread(n);
    let mut seed: u64 = 7;
    let mut next = move |m: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % m
    };
    let start = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
    for c in &mut claims {
        let code = c.claim.actor_code.clone().unwrap_or_default();
        let frame = c.claim.frame.clone().unwrap_or_default();
        let line = if (code.len() + frame.len() + code.as_bytes()[0] as usize).is_multiple_of(2) {
            1
        } else {
            -1
        };
        c.claim.polarity = Stance::of_sign(match next(10) {
            0..=3 => 0,
            4 => -line,
            _ => line,
        });
        c.claim.denial = c.claim.polarity == Stance::Denies && next(10) == 0;
        if frame != "casualties" {
            c.claim.figures.clear();
        }
        c.claim.date = DateValue::day(start + chrono::Days::new(next(730)));
    }
    claims
}

/// CPU seconds this process has used (Linux; 0 elsewhere).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit(')')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

/// Timing of 50,000-claim threads; run with
/// `cargo test --lib contradict -- --ignored --nocapture big_thread`.
#[test]
#[ignore]
fn big_thread_timing() {
    for (name, claims) in [
        ("dense random", spread(50_000)),
        ("story-like", story(50_000)),
    ] {
        let (t, cpu) = (Instant::now(), cpu_seconds());
        let (found, stats) = detect_with_stats("t", &claims, &[], &Options::default());
        println!(
            "50000 claims, {name}: {stats:?}, {} found, {:?} wall, {:.2} s CPU",
            found.len(),
            t.elapsed(),
            cpu_seconds() - cpu
        );
    }
}

#[test]
fn personal_names_are_told_from_institutions() {
    for (speaker, expect) in [
        ("Sergei Lavrov", true),
        ("Abu Mohammed al-Golani", true),
        ("Russia", false),
        ("U.S. officials", false),
        ("The Kremlin", false),
        ("the Syrian army", false),
        ("Russian Foreign Ministry", false),
        ("A senior State Department official", false),
    ] {
        assert_eq!(personal_name(speaker), expect, "{speaker}");
    }
}

/// Issue 14: blocking looks at no more than [`Options::nearest`] partners per bucket, and those
/// are the nearest: the smallest gap, ties to the later claim in the pool. Checked against
/// sorting every earlier claim of the bucket, for pools in date order (ingest) and not (existing
/// claims first), with week-long dates whose gap is not their distance in first days.
#[test]
fn nearest_bound_keeps_the_nearest_candidates() {
    let mut claims = spread(300);
    for c in claims.iter_mut().step_by(7) {
        c.claim.date.precision = Precision::Week;
    }
    for sorted in [false, true] {
        let mut strings = Interner::default();
        let mut items: Vec<Item> = claims
            .iter()
            .filter_map(|s| Item::new(s, &mut strings))
            .collect();
        if sorted {
            items.sort_by_key(|it| (it.days.0, it.id));
        }
        let idx = index(&items);
        let date_sorted = items.windows(2).all(|w| w[0].days.0 <= w[1].days.0);
        assert_eq!(date_sorted, sorted);
        let mut near = Nearest::default();
        let mut bounded = 0;
        for n in [1, 4] {
            for (i, it) in items.iter().enumerate() {
                for bucket in idx.buckets.values() {
                    let window = 20;
                    let bound = Bound {
                        window,
                        limit: i,
                        nearest: n,
                        date_sorted,
                    };
                    let mut got = Vec::new();
                    collect(&items, bucket, it, &bound, &mut near, &mut got);
                    let mut all: Vec<(i64, std::cmp::Reverse<usize>)> = bucket
                        .items
                        .iter()
                        .filter(|&&j| j < i)
                        .map(|&j| (gap(items[j].days, it.days), std::cmp::Reverse(j)))
                        .filter(|&(g, _)| g <= window)
                        .collect();
                    all.sort();
                    bounded += usize::from(all.len() > n);
                    let mut want: Vec<usize> = all.iter().take(n).map(|&(_, r)| r.0).collect();
                    want.sort_unstable();
                    got.sort_unstable();
                    assert_eq!(got, want, "claim {i}, nearest {n}, sorted {sorted}");
                }
            }
        }
        assert!(bounded > 100, "the bound was hardly used: {bounded}");
    }
}

/// Issue 14: in a dense thread, where the bound drops candidates, the result is still a
/// function of the claims: the order in which they are passed does not change it.
#[test]
fn dense_thread_result_does_not_depend_on_claim_order() {
    // 3,000 claims over 30 days: a hundred a day, far more per bucket than `nearest`.
    let mut claims = spread(3_000);
    let start = NaiveDate::from_ymd_opt(2016, 9, 1).unwrap();
    for (i, c) in claims.iter_mut().enumerate() {
        c.claim.date = DateValue::day(start + chrono::Days::new(i as u64 % 30));
        c.claim.text = format!("claim {i}");
    }
    let key = |found: Vec<Contradiction>| -> Vec<(i64, i64, ContradictionKind)> {
        let mut v: Vec<_> = found.into_iter().map(|c| (c.a, c.b, c.kind)).collect();
        v.sort();
        v
    };
    let opts = Options::default();
    let expect = key(detect("t", &claims, &[], &opts));
    assert!(expect.len() > 100, "{}", expect.len());
    let mut shuffled = claims.clone();
    shuffled.reverse();
    shuffled.rotate_left(1_234);
    assert_eq!(key(detect("t", &shuffled, &[], &opts)), expect);
    // The bound is at work here: without it more pairs are compared.
    let (_, bounded) = detect_with_stats("t", &claims, &[], &opts);
    let unbounded = Options {
        nearest: usize::MAX,
        ..Options::default()
    };
    let (_, all) = detect_with_stats("t", &claims, &[], &unbounded);
    assert!(bounded.comparisons < all.comparisons, "{bounded:?} {all:?}");
}

/// [`stream::Stream`] over `claims` handed over in date order (then id), `push` at a time,
/// detecting at least `chunk` claims at a time; the kept cross-article pairs explained with
/// the claims. Sorted like `detect`'s result. Also returns the most claims held at once.
fn streamed(
    claims: &[StoredClaim],
    opts: &Options,
    chunk: usize,
    push: usize,
) -> (Vec<Contradiction>, usize) {
    let mut sorted = claims.to_vec();
    sorted.sort_by_key(|c| (c.claim.date.date.is_none(), c.claim.date.date, c.id));
    let mut stream = stream::Stream::with_chunk("t", opts, chunk);
    let mut out = Vec::new();
    let mut held = 0;
    for part in sorted.chunks(push) {
        out.extend(stream.push(part.to_vec()));
        held = held.max(stream.held());
    }
    let (rest, crossings, stats) = stream.finish();
    out.extend(rest);
    out.extend(stream::explain_crossings("t", &crossings, claims));
    assert_eq!(stats.found, out.len());
    out.sort_by_key(|c| (c.a, c.b, c.kind));
    (out, held)
}

/// Issue 14: streaming a whole thread in date order, a chunk of days at a time, finds what
/// `detect` finds on all its claims at once (same pairs, scores and strings), whatever the
/// chunk size; on a dense thread, week-long dates, claims sharing an article, and without
/// the strongest-per-counterpart choice.
#[test]
fn streamed_detection_finds_what_detect_finds() {
    let start = NaiveDate::from_ymd_opt(2016, 9, 1).unwrap();
    // Dense: 4,000 claims over 40 days, some dated to a week, three claims an article.
    let mut dense = spread(4_000);
    for (i, c) in dense.iter_mut().enumerate() {
        c.claim.date = DateValue::day(start + chrono::Days::new(i as u64 % 40));
        if i % 17 == 0 {
            c.claim.date.precision = Precision::Week;
        }
        c.claim.text = format!("claim {i}");
        c.article_id = c.id / 3;
    }
    // Sparse: 1,500 claims over a year, one an article.
    let sparse = spread(1_500);
    let every = Options {
        strongest_per_counterpart: false,
        ..Options::default()
    };
    for (claims, opts) in [
        (&dense, Options::default()),
        (&sparse, Options::default()),
        (&dense, every),
    ] {
        let expect = detect("t", claims, &[], &opts);
        assert!(expect.len() > 100, "{}", expect.len());
        for (chunk, push) in [(1, 1), (150, 64), (1_000, 333), (100_000, 5_000)] {
            let (got, _) = streamed(claims, &opts, chunk, push);
            assert_eq!(got, expect, "chunk {chunk}, push {push}");
        }
    }
}

/// Issue 14: on a dense thread the stream holds a few days of claims, not the thread.
#[test]
fn streamed_detection_holds_few_claims_of_a_dense_thread() {
    let start = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap();
    // 200 claims a day for 150 days.
    let mut claims = spread(30_000);
    for (i, c) in claims.iter_mut().enumerate() {
        c.claim.date = DateValue::day(start + chrono::Days::new(i as u64 % 150));
        c.claim.text = format!("claim {i}");
    }
    let (found, held) = streamed(&claims, &Options::default(), 1_000, 500);
    assert!(!found.is_empty());
    assert!(held < claims.len() / 5, "held {held} of {}", claims.len());
}

/// The stream drops a claim once it is beyond every rule's window: the longest window it
/// assumes covers every window a rule asks for.
#[test]
fn stream_horizon_covers_every_rule_window() {
    let opts = Options::default();
    let horizon = stream::horizon(&opts);
    let claims = spread(2_000);
    let mut strings = Interner::default();
    let mut asked = 0;
    for c in &claims {
        let Some(it) = Item::new(c, &mut strings) else {
            continue;
        };
        for rule in RULES {
            for (_, window) in (rule.partners)(&it, &opts) {
                assert!(window <= horizon, "{} asks for {window} days", rule.name);
                asked = asked.max(window);
            }
        }
    }
    assert_eq!(asked, horizon);
}

/// A harm is one incident's: "dozens were killed" meets "there were no casualties" from the
/// other side on the same day, not a toll of a strike days later, and never a claim whose
/// frame word alone speaks of death ("premature to declare the truce dead").
#[test]
fn harm_meets_harm_of_one_day() {
    let harm = |id: i64, code: &str, day: &str, text: &str| {
        claim(id, code, day, "casualties", 1).with(|c| {
            c.text = text.into();
            c.sentence = format!("{text}, the speaker said.");
        })
    };
    let killed = "a large number of fighters were killed in the raid";
    let none = "there were no casualties on the ground";
    let cases: &[(&str, &str, &str, &[&str])] = &[
        (killed, "2026-03-02", none, &["denial 1 2"]),
        (killed, "2026-03-06", none, &[]),
        (
            "it was premature to declare the truce dead",
            "2026-03-02",
            "a depot was damaged by strikes",
            &[],
        ),
    ];
    for &(a, day, b, expect) in cases {
        check(
            &[
                harm(1, "PERGOV", "2026-03-02", a),
                harm(2, "CHLGOV", day, b),
            ],
            expect,
        );
    }
    // a frame-only claim that denies (its frame word "dead" names no harm act) meets no harm
    let frame_only = claim(1, "PERGOV", "2026-03-02", "casualties", -1).with(|c| {
        c.text = "it was premature to declare the truce dead".into();
        c.sentence = "It was premature to declare the truce dead, he said.".into();
    });
    let depot = harm(2, "CHLGOV", "2026-03-02", "a depot was damaged by strikes");
    check(&[frame_only, depot], &[]);
}
