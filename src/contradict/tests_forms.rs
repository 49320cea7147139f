//! Accusation and denial forms as reporters write them (issue 12), crossed: every accusation of one article meets every denial of the next day's, through extraction. Our own sentences.

use super::{detect, Options};
use crate::extract::{actors::Gazetteer, extract};
use crate::model::{ContradictionKind, DateValue, StoredClaim};

/// Ways a party is accused of an act.
const ACCUSATIONS: &[&str] = &[
    "Peruvian officials accused Ecuador of attacking the two freighters.",
    "Peruvian officials blamed Ecuador for the attack on the two freighters.",
    "Peruvian officials said Ecuador was responsible for the attack on the freighters.",
    "Peruvian officials said Ecuador carried out the attack on the freighters.",
    "Peruvian officials said the attack on the freighters was carried out by Ecuador.",
    "Peruvian officials said Ecuadorian forces fired the missiles at the freighters.",
    "Peruvian officials said the missiles that hit the freighters were fired by Ecuadorian forces.",
    "Peruvian officials said it was highly likely that Ecuador was behind the attack on the freighters.",
    "Peruvian officials said they had evidence that Ecuador was involved in the attack on the freighters.",
    "Peru pointed the finger at Ecuador for the attack on the freighters.",
    "Peru's defence minister said the attack on the freighters was an Ecuadorian operation.",
];

/// Ways the accused denies it.
const DENIALS: &[&str] = &[
    "Ecuador denied involvement.",
    "Ecuador denied responsibility for the attack on the freighters.",
    "Ecuador rejected the accusation.",
    "Ecuador said it had nothing to do with the attack on the freighters.",
    "Ecuador called the accusations baseless.",
    "Ecuador dismissed the claims as lies.",
    "Ecuadorian officials said the allegations were absurd.",
    "Ecuador said its forces did not fire any missiles at the freighters.",
    "Ecuador denied carrying out the attack on the freighters.",
    "Ecuador said it played no role in the attack on the freighters.",
    "Ecuador's foreign minister said the charges against Quito were fabricated.",
    "Ecuador's defence ministry branded the claims \"lies\".",
];

/// Replies that deny nothing the accusation says: a proposal rejected, a step criticised.
const NOT_DENIALS: &[&str] = &[
    "Ecuador rejected the proposal.",
    "Ecuador criticised the sanctions.",
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

/// The pair says what is denied: the accused's responsibility.
#[test]
fn the_pair_names_the_accused() {
    let mut claims = stored(1, (2019, 6, 14), ACCUSATIONS[1]);
    claims.extend(stored(2, (2019, 6, 15), DENIALS[0]));
    let found = detect("t", &claims, &[], &Options::default());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].proposition, "Ecuador is responsible");
}

#[test]
fn a_reply_that_denies_nothing_meets_no_accusation() {
    for a in ACCUSATIONS {
        let mut claims = stored(1, (2019, 6, 14), a);
        // "rejected it" after a proposal rejects the proposal, not the charge
        claims.extend(stored(
            2,
            (2019, 6, 15),
            "Lima proposed talks on the border. Ecuador rejected it.",
        ));
        for (n, text) in NOT_DENIALS.iter().enumerate() {
            claims.extend(stored(3 + n as i64, (2019, 6, 15), text));
        }
        let found = detect("t", &claims, &[], &Options::default());
        assert!(
            found.iter().all(|c| c.a / 100 == c.b / 100),
            "{a}: {found:#?}"
        );
    }
}

/// Disputes of other kinds (issue 12), one page a day: a claim and the other side's reply in
/// other words, through extraction. `true` when the two must meet, `false` when they must not.
const OTHER_DISPUTES: &[(&str, &str, bool)] = &[
    // weapons of another's make used to strike are the user's act, denied by the user; a
    // harm with no doer named meets no denial of a strike
    (
        "Ecuador's defence ministry said on Friday Peru's army used U.S.-supplied rocket launchers to strike the prison.",
        "The Peruvian military denied making any rocket or artillery strikes in the area.",
        true,
    ),
    (
        "Ecuador's defence ministry said on Friday 40 inmates were killed at the prison.",
        "The Peruvian military denied making any rocket or artillery strikes in the area.",
        false,
    ),
    // a border crossed is the crossers' own territory left
    (
        "Ecuador said on Friday that Peruvian troops crossed the border near Zarumilla.",
        "Peru rejected the charge, saying its soldiers never left Peruvian territory.",
        true,
    ),
    // a passive accusation names its doer after "by"
    (
        "Colombian police said on Friday the journalist had been targeted by Ecuadorean agents.",
        "Ecuador called the accusation a fabrication and denied any link to the poisoning.",
        true,
    ),
    // where a side's own act was done
    (
        "The Ecuadorean navy said on Friday it had seized a Peruvian trawler fishing inside Ecuador's exclusive economic zone.",
        "Peru's foreign ministry said the trawler was operating in international waters when it was boarded.",
        true,
    ),
    // an antonym denies its class, two names of one thing are one word
    (
        "The Peruvian opposition said on Friday the election had been rigged in dozens of districts.",
        "Peru's electoral commission said the vote was free and fair.",
        true,
    ),
    (
        "Peru's foreign ministry said on Friday the ambassador had been recalled to Lima.",
        "Ecuador said the Peruvian ambassador had not been recalled.",
        true,
    ),
    // agreeing to a truce is the agreement's question
    (
        "Peru's foreign ministry said on Friday that Ecuador had agreed to a ceasefire.",
        "Ecuador's foreign minister denied that Quito had agreed to any ceasefire.",
        true,
    ),
    // "not X but Y" corrects, it concedes nothing
    (
        "Peru's interior ministry said on Friday that the two detained Ecuadorian journalists were spies.",
        "Ecuador's foreign ministry said the two journalists were not spies but reporters on assignment.",
        true,
    ),
    // a party's weapons reaching a group is its supply
    (
        "Ecuadorian officials said on Friday that Peru had supplied weapons to the rebels.",
        "Peru's defence minister insisted that no Peruvian weapons had reached the rebels.",
        true,
    ),
    // a rejected report in other words: "shut" and "closed" are one word
    (
        "Peru said on Friday that Ecuador had shut its embassy in Lima.",
        "Ecuador's foreign ministry dismissed as \"fake news\" reports that the embassy had been closed.",
        true,
    ),
    // a dismissal that denies in its own words: "fake" is not "authentic"
    (
        "The Peruvian defence ministry said on Friday the video of the strike was fake.",
        "Ecuadorian officials said the footage of the strike was authentic.",
        true,
    ),
    // troops withdrawn against troops remaining: the title opening the act names its doer
    (
        "Peru's defence ministry said on Friday that Peru withdrew its troops from the border area.",
        "Ecuador's foreign ministry said that Peruvian troops remained in the border area.",
        true,
    ),
    // people let go against people still held
    (
        "Ecuador's foreign ministry said on Friday that Ecuador released the 12 Peruvian fishermen.",
        "Peru's foreign ministry said the fishermen were still being held in Quito.",
        true,
    ),
    // sheltering armed groups against "no rebels on our territory"
    (
        "Peru on Friday accused Ecuador of sheltering the rebels who attacked the border post.",
        "Ecuador's interior minister said there were no rebels on Ecuadorean territory.",
        true,
    ),
    // an effect against none
    (
        "Ecuador said on Friday that its sanctions had had a severe impact on Peru's economy.",
        "Peru's finance minister said the Ecuadorean sanctions had had no effect on the economy.",
        true,
    ),
    // shelling against "not a single shell fired"
    (
        "Peru's army said on Friday that Ecuadorean artillery shelled the village of Zarumilla.",
        "Ecuador's defence ministry said its artillery had not fired a single shell.",
        true,
    ),
    // "its territorial waters" are the speaker's, not the warships' owner's
    (
        "Ecuador said on Friday that Peruvian warships had entered its territorial waters.",
        "Peru's navy denied reports that its warships had entered Ecuadorean waters.",
        true,
    ),
    // names not released are no people still held
    (
        "Ecuador's foreign ministry said on Friday that Ecuador released the 12 Peruvian fishermen.",
        "Peru's foreign ministry said the names of the fishermen were not released.",
        false,
    ),
    // talks put off against talks going ahead
    (
        "Peru said on Friday that the peace talks with Ecuador had been postponed.",
        "Ecuador's foreign minister said the talks would go ahead as planned.",
        true,
    ),
    // a crossing closed against a crossing open
    (
        "Peru said on Friday that Ecuador had closed the border crossing at Huaquillas.",
        "Ecuador's interior ministry said the border crossing at Huaquillas remained open.",
        true,
    ),
    // a video released is no release of the people in it
    (
        "Ecuador's foreign ministry said on Friday that Ecuador released a video of the Peruvian fishermen.",
        "Peru's foreign ministry said the fishermen were still being held in Quito.",
        false,
    ),
    // another thing called fair is no answer to a rigged vote
    (
        "The Peruvian opposition said on Friday the election had been rigged in dozens of districts.",
        "Ecuador's trade minister said the price offered for the trawler was fair.",
        false,
    ),
    // where the attack came from is answered by a denial of any role in it
    (
        "A Peruvian official said on Friday the drones that hit the pipeline were launched from Ecuadorean territory.",
        "Ecuador's foreign ministry denied that Quito had any role in the attack on the pipeline.",
        true,
    ),
    // a craft kept to the shipping lane was in no one's waters
    (
        "Peru said on Friday the Ecuadorean patrol boat was inside Peruvian waters.",
        "Ecuador's navy said the patrol boat never left the shipping lane.",
        true,
    ),
    // an agreement to a step is the agreement, denied as such
    (
        "Peru said on Friday that Ecuador had agreed to withdraw its troops from the border.",
        "Ecuador denied it had agreed to any withdrawal.",
        true,
    ),
    // an alibi answers the shelling
    (
        "Peru said on Friday that Ecuadorean warships shelled the port of Paita.",
        "Ecuador's navy said its ships were nowhere near the port.",
        true,
    ),
    // an accident with no doer answers the bombing
    (
        "Peru said on Friday that Ecuadorean jets bombed the warehouse in Tumbes.",
        "Ecuador's army said the warehouse burned by accident.",
        true,
    ),
    // a craft's errand: spying against a civilian one; civilians are no craft
    (
        "Peru's defence ministry said on Friday the Ecuadorean aircraft was a spy plane on a surveillance mission.",
        "Ecuador's foreign ministry said the aircraft was a civilian plane used for weather research.",
        true,
    ),
    (
        "Peru's defence ministry said on Friday there were civilian casualties in the town.",
        "Ecuador's foreign ministry said the aircraft was a civilian plane used for weather research.",
        false,
    ),
    // a use of force called excessive against the same use called lawful
    (
        "Peru said on Friday Ecuador had clearly overreacted by shooting down the drone.",
        "Ecuador's defence minister said the shooting down of the drone was lawful and proportionate.",
        true,
    ),
    // but having no weapons programme is no answer to the blame itself
    (
        "Peru's foreign minister said on Friday that Ecuador was responsible for the attack on the pipeline.",
        "Ecuador's defence minister said Ecuador had never had a drone programme.",
        false,
    ),
];

#[test]
fn disputes_of_other_kinds_meet_their_replies() {
    let mut wrong = Vec::new();
    for &(a, b, expect) in OTHER_DISPUTES {
        let mut claims = stored(1, (2019, 6, 14), a);
        claims.extend(stored(2, (2019, 6, 15), b));
        let found = detect("t", &claims, &[], &Options::default());
        let met = found.iter().any(|c| c.a / 100 != c.b / 100);
        if met != expect {
            wrong.push(format!("{a} / {b}: met {met}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A denial whose whole content is a bare charge ("denied the claim") answers the statement
/// written right before it in the same article, whoever that statement names as the doer.
/// (article, words of the statement answered, words of the denial, whether the two meet).
/// Invented copy.
#[test]
fn a_bare_denial_answers_the_statement_before_it() {
    let cases: &[(&str, &str, &str, bool)] = &[
        (
            "Peru accused Ecuadorean forces of launching rocket attacks near the border. It said that its forces had shot down an Ecuadorean jet, but Ecuador denied the claim.",
            "shot down an Ecuadorean jet",
            "the claim",
            true,
        ),
        (
            "Peru said on Friday its navy had sunk two Ecuadorean patrol boats. Ecuador rejected the allegations.",
            "sunk two Ecuadorean patrol boats",
            "the allegations",
            true,
        ),
        // a statement that does not name the denier's side is not the one answered
        (
            "Peru said on Friday its navy had sunk two Ecuadorean patrol boats. The United Nations said 300 families had fled the area. Ecuador rejected the allegations.",
            "300 families had fled the area",
            "the allegations",
            false,
        ),
        // a statement further back is not the one answered
        (
            "Peru said on Friday its navy had sunk two Ecuadorean patrol boats. The fighting has displaced thousands of families across the province, aid groups said, and schools in the area have been shut for a week while the authorities count the damage to homes, roads and bridges. Ecuador rejected the allegations.",
            "sunk two Ecuadorean patrol boats",
            "the allegations",
            false,
        ),
    ];
    let mut wrong = Vec::new();
    for &(body, said, denied, expect) in cases {
        let claims = stored(1, (2019, 6, 14), body);
        let id_of = |words: &str| {
            claims
                .iter()
                .find(|c| c.claim.text.contains(words))
                .map(|c| c.id)
        };
        let (Some(a), Some(b)) = (id_of(said), id_of(denied)) else {
            wrong.push(format!("{body}: claims not found"));
            continue;
        };
        let found = detect("t", &claims, &[], &Options::default());
        let met = found
            .iter()
            .any(|c| (c.a == a && c.b == b) || (c.a == b && c.b == a));
        if met != expect {
            wrong.push(format!("{body}: met {met}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
