//! Tests of which found pairs are reported (issue 12): table rows in our own words, on an invented story.

use super::tests::claim;
use super::*;
use crate::model::{Span, StoredClaim};

/// A claim of article `article` at byte `at`, saying `text`.
fn said(mut c: StoredClaim, article: i64, at: usize, text: &str) -> StoredClaim {
    c.claim.text = text.into();
    c.claim.span = Span::new(at, at + text.len());
    c.article_id = article;
    c
}

/// `code` blames Iran for the tanker seizure on `date`.
fn accuse(id: i64, code: &str, date: &str) -> StoredClaim {
    let mut c = claim(id, code, date, "responsibility", 1);
    c.claim.target = Some("IRNGOV".into());
    c
}

/// Iran denies it on `date`.
fn deny(id: i64, date: &str) -> StoredClaim {
    let mut c = claim(id, "IRNGOV", date, "responsibility", -1);
    c.claim.target = Some("IRNGOV".into());
    c.claim.denial = true;
    c.claim.cue = "denied".into();
    c
}

/// "kind a b" lines of what `detect` reports, sorted; the stream must report the same.
fn reported(claims: &[StoredClaim]) -> Vec<String> {
    let opts = Options::default();
    let lines = |cs: &[Contradiction]| {
        let mut v: Vec<String> = cs
            .iter()
            .map(|c| format!("{} {} {}", c.kind.as_str(), c.a, c.b))
            .collect();
        v.sort();
        v
    };
    let found = lines(&detect("t", claims, &[], &opts));
    let mut sorted = claims.to_vec();
    sorted.sort_by_key(|c| (c.claim.date.date, c.id));
    let mut stream = stream::Stream::with_chunk("t", &opts, 1);
    let mut out = Vec::new();
    for c in sorted {
        out.extend(stream.push(vec![c]));
    }
    let (rest, crossings, _) = stream.finish();
    out.extend(rest);
    out.extend(stream::explain_crossings("t", &crossings, claims));
    assert_eq!(lines(&out), found, "the stream reports what detect reports");
    found
}

/// A reply set against the accusation it answers inside its own article is reported there and
/// not again with another article's accusation; a denial and an accusation that meet nowhere
/// else still pair across articles.
#[test]
fn a_claim_answered_in_its_own_article_is_not_paired_again_across_articles() {
    let claims = [
        // Monday, one wire story: Washington blames Tehran, Tehran denies in the same copy.
        said(
            accuse(1, "USAGOV", "2019-07-15"),
            1,
            0,
            "Tehran was behind the tanker seizure",
        ),
        said(
            deny(2, "2019-07-15"),
            1,
            200,
            "any part in the seizure of the tanker",
        ),
        // Thursday, another paper: Ankara blames Tehran; a Tehran spokesman denies elsewhere.
        said(
            accuse(3, "TURGOV", "2019-07-18"),
            2,
            0,
            "Iranian boats had seized the tanker",
        ),
        said(
            deny(4, "2019-07-18"),
            3,
            0,
            "that its boats went near the tanker",
        ),
    ];
    assert_eq!(reported(&claims), ["denial 1 2", "denial 3 4"]);
    // Without the second paper's denial, Monday's reply is still not set against Ankara's charge.
    assert_eq!(reported(&claims[..3]), ["denial 1 2"]);
}

/// Inside one article an accusation gets one reply per answering body, the one the reporter set
/// nearest to it; a reply answers one accusation; a second body's reply is a second reply.
#[test]
fn an_accusation_gets_the_nearest_reply_of_each_body_inside_its_article() {
    let mut member = deny(5, "2019-07-15");
    member.claim.actor_code = Some("IRNLEG".into());
    let claims = [
        // The lede: Tehran rejects the charge before the story says what the charge is.
        said(
            deny(1, "2019-07-15"),
            1,
            0,
            "Tehran had no hand in the seizure of the tanker",
        ),
        said(
            accuse(2, "USAGOV", "2019-07-15"),
            1,
            400,
            "Iranian patrol boats seized the tanker in the strait",
        ),
        // The reply the reporter set right after the charge.
        said(
            deny(3, "2019-07-15"),
            1,
            480,
            "its boats had gone nowhere near the tanker",
        ),
        // Further down, the ministry dismisses the charge once more.
        said(
            deny(4, "2019-07-15"),
            1,
            1500,
            "the charge was a fabrication of hawks in Washington",
        ),
        // A member of parliament answers too: another body, another reply.
        said(
            member,
            1,
            2000,
            "any Iranian part in the seizure of the tanker",
        ),
    ];
    assert_eq!(reported(&claims), ["denial 2 3", "denial 2 5"]);
    // A second charge, from London, set beside the ministry's later dismissal, takes that reply,
    // and the member's reply too, now nearer to it than Washington's charge.
    let mut more = claims.to_vec();
    more.push(said(
        accuse(6, "GBRGOV", "2019-07-15"),
        1,
        1400,
        "Iran's navy took the ship to a home port",
    ));
    assert_eq!(reported(&more), ["denial 2 3", "denial 4 6", "denial 5 6"]);
}

/// Inside one article a reply answers the charge it follows: a reporter states the charge,
/// then the reply. Between two replies of one body about as near to a charge, the one written
/// after it (not the lede's summary before it, though that repeats more of its words); between
/// two charges about as near to one reply, the one before it (not a recap after it).
#[test]
fn a_reply_answers_the_charge_it_follows() {
    let replies = [
        // The lede: Tehran rejects the charge before the story states it.
        said(
            deny(1, "2019-07-15"),
            1,
            0,
            "Iranian patrol boats had no part in the seizure of the tanker",
        ),
        said(
            accuse(2, "USAGOV", "2019-07-15"),
            1,
            300,
            "Iranian patrol boats were behind the seizure of the tanker",
        ),
        // The reply the reporter set after the charge.
        said(
            deny(3, "2019-07-15"),
            1,
            420,
            "its sailors acted within the law",
        ),
    ];
    assert_eq!(reported(&replies), ["denial 2 3"]);
    let charges = [
        // The standfirst states the charge.
        said(
            accuse(1, "USAGOV", "2019-07-15"),
            1,
            0,
            "Iranian boats seized the tanker in the strait",
        ),
        // Tehran's reply to it.
        said(
            deny(2, "2019-07-15"),
            1,
            300,
            "the charge was a fabrication",
        ),
        // A recap of the charge right after the reply.
        said(
            accuse(3, "USAGOV", "2019-07-15"),
            1,
            360,
            "Washington says Iran ordered the raid on the ship",
        ),
    ];
    assert_eq!(reported(&charges), ["denial 1 2"]);
}

/// `code` says `text` (frame left to the claim's own words) in article `article` on `date`.
fn blame(id: i64, code: &str, date: &str, article: i64, text: &str) -> StoredClaim {
    said(claim(id, code, date, "", 1), article, 0, text)
}

/// Rival doers of one act are a quarrel only when one side names the other and neither names
/// itself: each side blaming the other is reported; a party reporting its own act, or two
/// parties naming two third parties, is not.
#[test]
fn rival_doers_oppose_only_as_a_counter_accusation() {
    let doer = |c: &StoredClaim| {
        proposition::of_claim(&c.claim).map(|p| (p.act, p.agent.unwrap_or_default()))
    };
    // Each side blames the other for the blast at the pumping station: a quarrel.
    let quarrel = [
        blame(
            1,
            "GEOGOV",
            "2021-05-03",
            1,
            "Moscow was behind the blast at the pumping station",
        ),
        blame(
            2,
            "RUSGOV",
            "2021-05-05",
            2,
            "Georgian saboteurs were behind the blast at the pumping station",
        ),
    ];
    assert_eq!(
        doer(&quarrel[0]),
        Some(("responsible".into(), "RUS".into()))
    );
    assert_eq!(
        doer(&quarrel[1]),
        Some(("responsible".into(), "GEO".into()))
    );
    assert_eq!(reported(&quarrel), ["opposing 1 2"]);
    // Moscow reports its own sorties; Tbilisi blames a third party: no quarrel between them.
    let own = [
        blame(
            1,
            "RUSMIL",
            "2021-05-03",
            1,
            "Russian aircraft were behind the strikes near the pumping station",
        ),
        blame(
            2,
            "GEOGOV",
            "2021-05-05",
            2,
            "Armenian smugglers were behind the blast at the pumping station",
        ),
    ];
    assert_eq!(doer(&own[0]), Some(("responsible".into(), "RUS".into())));
    assert_eq!(doer(&own[1]), Some(("responsible".into(), "ARM".into())));
    assert!(reported(&own).is_empty());
    // Washington and Ankara each name a third party: they do not quarrel with each other.
    let thirds = [
        blame(
            1,
            "USAGOV",
            "2021-05-03",
            1,
            "Russian saboteurs were behind the blast at the pumping station",
        ),
        blame(
            2,
            "TURGOV",
            "2021-05-05",
            2,
            "Armenian smugglers were behind the blast at the pumping station",
        ),
    ];
    assert!(reported(&thirds).is_empty());
}

/// A short rejection of a named thing answers an assertion only when the thing is a charge or
/// an act: "Tehran rejected the renaming of the strait" or "dismissed the announcement as
/// propaganda" rejects a step, not Washington's charge; "rejected the report", "dismissed the
/// allegation as baseless", "denied its involvement" answer it.
#[test]
fn a_rejected_thing_must_be_a_charge_or_an_act() {
    let rows: &[(&str, bool)] = &[
        ("the renaming of the strait", false),
        ("the announcement as propaganda", false),
        ("the new shipping rules", false),
        ("the report", true),
        ("the allegation as baseless", true),
        ("its involvement", true),
        ("the seizure", true),
        ("Washington's latest accusation", true),
        ("the footage as fake", true),
    ];
    for &(text, answers) in rows {
        let claims = [
            said(
                accuse(1, "USAGOV", "2019-07-15"),
                1,
                0,
                "Tehran was behind the tanker seizure",
            ),
            said(deny(2, "2019-07-15"), 1, 200, text),
        ];
        let want: &[&str] = if answers { &["denial 1 2"] } else { &[] };
        assert_eq!(reported(&claims), want, "Tehran rejected {text:?}");
    }
}
