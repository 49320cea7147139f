//! Table tests of the opposing and reversal guards (issue 12), in invented sentences of a story of our own.

use super::tests::claim;
use super::{detect, Options};
use crate::model::StoredClaim;

/// A claim by `code` on `date` about `frame` with `polarity`, whose own words are `text`, in
/// article `article`.
fn said(
    id: i64,
    article: i64,
    code: &str,
    date: &str,
    (frame, polarity): (&str, i8),
    text: &str,
) -> StoredClaim {
    let mut c = claim(id, code, date, frame, polarity);
    c.article_id = article;
    c.claim.text = text.into();
    c.claim.sentence = format!("{text}, the official said.");
    c
}

/// The kinds and ids of the pairs found, "kind a b", sorted.
fn pairs(claims: &[StoredClaim]) -> Vec<String> {
    let mut v: Vec<String> = detect("t", claims, &[], &Options::default())
        .iter()
        .map(|c| format!("{} {} {}", c.kind.as_str(), c.a, c.b))
        .collect();
    v.sort();
    v
}

#[test]
fn a_claim_that_concedes_takes_no_side() {
    let firm = said(
        1,
        1,
        "PRTGOV",
        "2021-03-02",
        ("ceasefire", 1),
        "the harbour truce is holding",
    );
    // Control: a flat denial beside it is opposing.
    let flat = said(
        2,
        1,
        "ESPGOV",
        "2021-03-02",
        ("ceasefire", -1),
        "the harbour truce is not holding",
    );
    assert_eq!(pairs(&[firm.clone(), flat]), ["opposing 1 2"]);
    // Granting part of it ("a few incidents, but ...") is no stance against it.
    let mixed = said(
        3,
        1,
        "ESPGOV",
        "2021-03-02",
        ("ceasefire", -1),
        "there were a few incidents, but the harbour truce is not broken",
    );
    assert!(pairs(&[firm, mixed]).is_empty());
}

#[test]
fn rival_doers_need_one_incident_and_a_past_act() {
    let blame = said(
        1,
        1,
        "PRTGOV",
        "2021-03-02",
        ("responsibility", 1),
        "Spain carried out the raid on the fishing fleet at Porto Seco",
    );
    // Control: the other side names the first as the doer of the same raid.
    let counter = said(
        2,
        2,
        "ESPGOV",
        "2021-03-02",
        ("responsibility", 1),
        "Portugal carried out the raid on the fishing fleet at Porto Seco",
    );
    assert_eq!(pairs(&[blame.clone(), counter]), ["opposing 1 2"]);
    // Another incident: blaming each other for two different things is no quarrel.
    let other = said(
        3,
        2,
        "ESPGOV",
        "2021-03-02",
        ("responsibility", 1),
        "Portugal was behind the hacking of the customs computers in Vigo",
    );
    assert!(pairs(&[blame.clone(), other]).is_empty());
    // A warning of what may yet happen names no doer of the raid already done.
    let warning = said(
        4,
        2,
        "ESPGOV",
        "2021-03-02",
        ("responsibility", 1),
        "Portugal could carry out a raid on the fishing fleet at Porto Seco",
    );
    assert!(pairs(&[blame.clone(), warning]).is_empty());
    // A rival account of the past act ("could have") still quarrels.
    let rival = said(
        5,
        2,
        "ESPGOV",
        "2021-03-02",
        ("responsibility", 1),
        "Portugal could have carried out the raid on the fishing fleet at Porto Seco",
    );
    assert_eq!(pairs(&[blame, rival]), ["opposing 1 5"]);
}

/// A blame naming its incident only as "the attack" stands for its article's incident: it
/// meets a rival blame of that incident on another day, but not one of another incident of
/// the story (two strikes a day apart), and a modal in a later clause foretells nothing.
#[test]
fn a_bare_reference_stands_for_its_articles_incident() {
    let headed = |mut c: StoredClaim, title: &str| {
        c.article_title = title.into();
        c
    };
    let blame = headed(
        said(
            1,
            1,
            "PRTGOV",
            "2021-03-02",
            ("responsibility", 1),
            "the Spanish state is responsible for the attack, but it is unclear if the allies will act",
        ),
        "Lisbon blames Madrid for harbour bombing at Porto Seco",
    );
    let rival = headed(
        said(
            2,
            2,
            "ESPGOV",
            "2021-03-09",
            ("responsibility", 1),
            "Portuguese agents could have planted the device in the harbour to sway the election",
        ),
        "Madrid says Lisbon staged it",
    );
    assert_eq!(pairs(&[blame.clone(), rival.clone()]), ["opposing 1 2"]);
    // The same bare blame under a headline of another incident meets nothing here.
    let elsewhere = headed(
        blame.clone(),
        "Toll from strike on border post at Elvas rises to 12",
    );
    assert!(pairs(&[elsewhere, rival.clone()]).is_empty());
    // A blame with no determiner names a kind of act, not the story's incident.
    let mut vague = blame.clone();
    vague.claim.text = "Spain has carried out attacks for years".into();
    assert!(pairs(&[vague, rival]).is_empty());
}

/// Two bare references ("the clash on Monday", "the clashes were the result of …"): each
/// stands for its article's incident, and the pair is one incident when either headline
/// names what the other blame's own words name; a day after the noun dates it, it names no
/// other incident. Headlines of two different incidents keep them apart.
#[test]
fn two_bare_references_meet_through_either_headline() {
    let headed = |mut c: StoredClaim, title: &str| {
        c.article_title = title.into();
        c
    };
    let blame = headed(
        said(
            1,
            1,
            "PRTGOV",
            "2021-03-02",
            ("responsibility", 1),
            "the clashes were the result of an attempt by the Spanish side to change the line",
        ),
        "Lisbon and Madrid trade fire",
    );
    let rival = headed(
        said(
            2,
            2,
            "ESPGOV",
            "2021-03-03",
            ("responsibility", 1),
            "Portugal is responsible for the clash on Monday",
        ),
        "Twelve guards killed in border clash",
    );
    assert_eq!(pairs(&[blame.clone(), rival.clone()]), ["opposing 1 2"]);
    // The same blame under a headline of another incident, against a bare one: apart.
    let elsewhere = headed(rival.clone(), "Fishing boat sunk off Vigo");
    assert!(pairs(&[blame.clone(), elsewhere]).is_empty());
    // A place after "on" names an incident of its own: compared by words, apart here.
    let mut placed = rival;
    placed.claim.text = "Portugal is responsible for the clash on the bridge".into();
    assert!(pairs(&[blame, placed]).is_empty());
}

/// Rival places: two sides putting one craft in two parties' waters quarrel; the same side's
/// two accounts, or two different incidents, do not.
#[test]
fn rival_places_of_one_incident_quarrel() {
    let ours = said(
        1,
        1,
        "NORMIL",
        "2021-03-02",
        ("location", 1),
        "the trawler had entered Norwegian waters near the Skarv bank",
    );
    let theirs = said(
        2,
        2,
        "ISLGOV",
        "2021-03-02",
        ("location", 1),
        "the trawler was fishing in Icelandic waters near the Skarv bank",
    );
    assert_eq!(pairs(&[ours.clone(), theirs]), ["opposing 1 2"]);
    // The same side twice: no quarrel.
    let same_side = said(
        3,
        2,
        "NORGOV",
        "2021-03-02",
        ("location", 1),
        "the trawler was fishing in Icelandic waters near the Skarv bank",
    );
    assert!(pairs(&[ours.clone(), same_side]).is_empty());
    // Another incident in their own words: no quarrel.
    let other = said(
        4,
        2,
        "ISLGOV",
        "2021-03-02",
        ("location", 1),
        "a research ship anchored in Icelandic waters off Grimsey",
    );
    assert!(pairs(&[ours, other]).is_empty());
    // One craft in two generic words ("jet", "warplane") is one incident's craft.
    let jet = said(
        5,
        1,
        "NORMIL",
        "2021-03-02",
        ("location", 1),
        "the jet had entered Norwegian airspace",
    );
    let warplane = said(
        6,
        2,
        "SWEGOV",
        "2021-03-02",
        ("location", 1),
        "the warplane stayed in Swedish airspace",
    );
    assert_eq!(pairs(&[jet, warplane]), ["opposing 5 6"]);
    // Set side by side in one article, two accounts of where it was share only the airspace
    // ("Su-24" and "the plane" are one craft there).
    let ours = said(
        7,
        3,
        "NORMIL",
        "2021-03-02",
        ("location", 1),
        "the Su-24 had violated Norwegian airspace",
    );
    let theirs = said(
        8,
        3,
        "SWEGOV",
        "2021-03-02",
        ("location", 1),
        "the plane was in Swedish airspace",
    );
    assert_eq!(pairs(&[ours.clone(), theirs.clone()]), ["opposing 7 8"]);
    let apart = said(
        9,
        4,
        "SWEGOV",
        "2021-03-02",
        ("location", 1),
        "the plane was in Swedish airspace",
    );
    assert!(pairs(&[ours, apart]).is_empty());
}

/// A denied act with no doer named ("no shots were fired at the trawler") meets the other
/// side's claim that names one.
#[test]
fn a_denied_passive_meets_the_named_doer() {
    let fired = said(
        1,
        1,
        "NORMIL",
        "2021-03-02",
        ("", 0),
        "a Norwegian cutter fired warning shots at the trawler near the Skarv bank",
    );
    let none = said(
        2,
        2,
        "ISLGOV",
        "2021-03-02",
        ("", 0),
        "no warning shots were fired at the trawler near the Skarv bank",
    );
    // No frame of their own: only the propositions can join them.
    assert_eq!(pairs(&[fired, none]).len(), 1);
}

#[test]
fn frame_only_claims_apart_must_speak_of_one_thing() {
    // Two claims naming no act, in two articles, of two sides: only the frame joins them.
    let offer = said(
        1,
        1,
        "PRTGOV",
        "2021-03-02",
        ("aid", 1),
        "Lisbon accepted several proposals on medicine deliveries to the islands",
    );
    let lorries = said(
        2,
        2,
        "ESPGOV",
        "2021-03-03",
        ("aid", -1),
        "forty lorries were waiting at the border crossing",
    );
    assert!(pairs(&[offer, lorries]).is_empty());
    // Control: their own words share what they speak of.
    let works = said(
        3,
        1,
        "PRTGOV",
        "2021-03-02",
        ("aid", 1),
        "the corridor plan can work",
    );
    let fails = said(
        4,
        2,
        "ESPGOV",
        "2021-03-03",
        ("aid", -1),
        "the corridor plan cannot work",
    );
    assert_eq!(pairs(&[works, fails]), ["opposing 3 4"]);
}

#[test]
fn a_reversal_needs_one_question_and_a_position() {
    let early = |text: &str| said(1, 1, "PRTGOV", "2021-03-02", ("aid", 1), text);
    let late =
        |text: &str, polarity: i8| said(2, 2, "PRTGOV", "2021-03-20", ("aid", polarity), text);
    // Control: the same question, weeks apart, the other way.
    assert_eq!(
        pairs(&[
            early("the corridor plan can work"),
            late("the corridor plan cannot work", -1)
        ]),
        ["reversal 1 2"]
    );
    // Two claims about two things that share a frame are no change of mind.
    assert!(pairs(&[
        early("the pauses are far too short to move lorries in safely"),
        late("relief columns still had not reached the valley", -1),
    ])
    .is_empty());
    // A claim the frame reading finds no stance in takes no position to reverse.
    assert!(pairs(&[
        early("the corridor plan can work"),
        late("the corridor plan cannot work", 0),
    ])
    .is_empty());
}

/// `said` with another cue.
fn cued(mut c: StoredClaim, cue: &str) -> StoredClaim {
    c.claim.cue = cue.into();
    c
}

#[test]
fn a_claim_of_conduct_meets_no_claim_of_fact() {
    let fact = |id: i64, polarity: i8, text: &str| {
        said(id, 1, "PRTGOV", "2021-03-02", ("aid", polarity), text)
    };
    let other = |id: i64, polarity: i8, text: &str| {
        said(id, 1, "ESPGOV", "2021-03-02", ("aid", polarity), text)
    };
    let blocked = fact(1, -1, "no relief boat has reached the islands this month");
    // Control: a claim of fact the other way is opposing.
    assert_eq!(
        pairs(&[
            blocked.clone(),
            other(2, 1, "relief boats are reaching the islands")
        ]),
        ["opposing 1 2"]
    );
    // A request to another party is a wish, not a position ("urged the militias to ...").
    let asked = cued(
        other(3, 1, "the harbour militias to let relief boats through"),
        "urged",
    );
    assert!(pairs(&[blocked.clone(), asked]).is_empty());
    // The speaker's own readiness, support or work towards it is no position on it.
    for text in [
        "we are ready to back the corridor plan for relief boats to the islands",
        "Madrid had accepted several proposals on relief boats to the islands",
        "negotiators had been meeting every day to settle the relief corridor",
    ] {
        assert!(
            pairs(&[blocked.clone(), other(4, 1, text)]).is_empty(),
            "{text}"
        );
    }
    // A later clause's readiness does not make the claim's own predicate one.
    assert_eq!(
        pairs(&[
            blocked.clone(),
            other(
                5,
                1,
                "relief boats are reaching the islands, and we are ready to send more"
            )
        ]),
        ["opposing 1 5"]
    );
    // A quote of two statements states more than its first.
    assert_eq!(
        pairs(&[
            blocked,
            other(
                6,
                1,
                "We are ready to send more. Relief boats are reaching the islands"
            )
        ]),
        ["opposing 1 6"]
    );
}

#[test]
fn objecting_to_terms_or_sizing_up_grants_the_thing() {
    let signed = said(
        1,
        1,
        "PRTGOV",
        "2021-03-02",
        ("agreement", 1),
        "both capitals signed the harbour accord",
    );
    let other = |id: i64, text: &str| said(id, 1, "ESPGOV", "2021-03-02", ("agreement", -1), text);
    // Control: a flat denial of the accord.
    assert_eq!(
        pairs(&[signed.clone(), other(2, "no harbour accord was signed")]),
        ["opposing 1 2"]
    );
    // Reservations about its terms grant that it was reached.
    let terms = other(
        3,
        "they had serious reservations about the harbour accord signed by both capitals",
    );
    assert!(pairs(&[signed.clone(), terms]).is_empty());
    // Sizing it up ("described the accord as ...") grants it too; the same words under a
    // plain cue are the control.
    let words = "the harbour accord as a chance to revive talks that stalled";
    assert!(pairs(&[signed.clone(), cued(other(4, words), "described")]).is_empty());
    assert_eq!(pairs(&[signed, other(5, words)]), ["opposing 1 5"]);
}

#[test]
fn a_reversal_is_not_read_across_another_period() {
    let early = |text: &str| said(1, 1, "PRTGOV", "2021-03-02", ("ceasefire", -1), text);
    let late = said(
        2,
        2,
        "PRTGOV",
        "2021-03-20",
        ("ceasefire", 1),
        "the harbour truce is holding",
    );
    // Control: the same truce, weeks apart, the other way.
    assert_eq!(
        pairs(&[early("the harbour truce is not holding"), late.clone()]),
        ["reversal 1 2"]
    );
    // A month of the claims' own span names the same period.
    assert_eq!(
        pairs(&[
            early("the harbour truce agreed in March is not holding"),
            late.clone()
        ]),
        ["reversal 1 2"]
    );
    // Violations of another month's truce speak of that truce.
    assert!(pairs(&[
        early("the harbour truce agreed in November is not holding"),
        late
    ])
    .is_empty());
}

#[test]
fn the_mode_tables_read_cue_and_predicate() {
    use super::proposition::{mode, Mode};
    let of = |cue: &str, text: &str| {
        let mut c = said(1, 1, "PRTGOV", "2021-03-02", ("aid", 1), text).claim;
        c.cue = cue.into();
        mode(&c)
    };
    let rows = [
        ("said", "relief boats are reaching the islands", Mode::Fact),
        ("called on", "both fleets to stay in port", Mode::Directive),
        ("demanded", "that the fleet withdraw", Mode::Directive),
        (
            "said",
            "Lisbon stands ready to host the talks",
            Mode::Effort,
        ),
        (
            "said",
            "the two navies have been talking for weeks",
            Mode::Effort,
        ),
        (
            "said",
            "the unions objected to the accord's fishing quotas",
            Mode::Objection,
        ),
        ("hailed", "the pause as a turning point", Mode::Appraisal),
        ("described", "the charges as baseless", Mode::Fact),
        (
            "said",
            "the navies have been talking and that an accord is within reach",
            Mode::Fact,
        ),
        ("said", "U.S. officials supported the plan", Mode::Effort),
    ];
    for (cue, text, want) in rows {
        assert_eq!(of(cue, text), want, "{cue}: {text}");
    }
}

/// Each side lays the incident at the other's door, in one article (rule `blame`): an opposing
/// pair on who is at fault. Not across articles, not for misconduct of another kind, and not
/// for a claim the article already sets against its answer.
#[test]
fn each_side_blames_the_other_in_one_article() {
    let fired = said(
        1,
        1,
        "PERGOV",
        "2021-05-02",
        ("", 1),
        "Chilean gunboats opened fire on our patrol boat",
    );
    let entered = said(
        2,
        1,
        "CHLGOV",
        "2021-05-02",
        ("", 1),
        "the Peruvian boats illegally entered Chilean territorial waters",
    );
    assert_eq!(pairs(&[fired.clone(), entered.clone()]), ["opposing 1 2"]);
    let found = detect(
        "t",
        &[fired.clone(), entered.clone()],
        &[],
        &Options::default(),
    );
    assert_eq!(found[0].proposition, "who is at fault, Peru or Chile");
    // Across articles the two accusations meet every other of the week: no pair.
    let mut elsewhere = entered.clone();
    elsewhere.article_id = 2;
    assert!(pairs(&[fired.clone(), elsewhere]).is_empty());
    // A neutral body is no intruder: the UN finding fault with Chile is no side blaming back.
    let un = said(
        5,
        1,
        "IGOUNO",
        "2021-05-02",
        ("", -1),
        "Chile violated international law",
    );
    assert!(pairs(&[entered.clone(), un]).is_empty());
    // Misconduct of another kind is a row of its own, not the incident's fault.
    let shielding = said(
        3,
        1,
        "CHLGOV",
        "2021-05-02",
        ("", 1),
        "Peru has been shielding smugglers for years",
    );
    assert!(pairs(&[fired.clone(), shielding]).is_empty());
    // A claim the article already sets against its denial takes no inferred pair.
    let denied = said(
        4,
        1,
        "CHLGOV",
        "2021-05-02",
        ("", -1),
        "the Chilean navy had nothing to do with the shooting",
    );
    let got = pairs(&[fired, entered, denied]);
    assert!(got.iter().all(|p| !p.ends_with("1 2")), "{got:?}");
    assert!(got.iter().any(|p| p.ends_with("1 4")), "{got:?}");
}

/// Two notices are about one step when both name the same kind of craft ("the boats", "the
/// vessels"), even with no other word in common; notices about different things stay apart.
#[test]
fn notices_of_one_craft_are_one_step() {
    let sent = said(
        1,
        1,
        "PRTMIL",
        "2021-05-02",
        ("", 1),
        "two patrol boats and a tug were sent after notifying the transfer plans in advance",
    );
    let denied = said(
        2,
        2,
        "ESPGOV",
        "2021-05-03",
        ("", -1),
        "Lisbon did not inform Madrid of the vessels crossing the strait in advance",
    );
    assert_eq!(pairs(&[sent.clone(), denied]), ["opposing 1 2"]);
    // Notices naming no craft keep the older guard: a notice of an exercise and one of
    // flights share no word of their step, so they stay apart.
    let drill = said(
        3,
        3,
        "ESPGOV",
        "2021-05-03",
        ("", -1),
        "Lisbon did not inform Madrid of the exercise in advance",
    );
    let flights = said(
        4,
        4,
        "PRTMIL",
        "2021-05-02",
        ("", 1),
        "the flights were announced after notifying the airport in advance",
    );
    assert_eq!(pairs(&[drill, flights]), Vec::<String>::new());
}
