//! Report fixtures built in code: a small Aleppo-talks thread and a generated long thread.
//!
//! The wording is our own, in the style of wire copy; no publisher text.

use chrono::{Duration, NaiveDate};

use super::ReportData;
use crate::extract::actors::ActorCode;
use crate::model::{
    Article, Claim, ClaimKind, Contradiction, ContradictionKind, DateValue, Event, Figure,
    Precision, Span, Stance, StoredArticle, StoredClaim, StoredContradiction, StoredEvent, Thread,
};

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("fixture date")
}

fn article(id: i64, title: &str, url: Option<&str>, date: &str, body: &str) -> StoredArticle {
    StoredArticle {
        id,
        threads: vec!["aleppo-talks".into()],
        article: Article {
            title: title.into(),
            url: url.map(Into::into),
            source: Some("Wire".into()),
            published: DateValue::day(d(date)),
            body: body.into(),
            origin: format!("fixture-{id}.txt"),
            ..Article::default()
        },
        copy_of: None,
    }
}

/// A claim with sensible defaults; the span is faked from the id so it is unique.
/// `who` is (speaker, actor code).
pub fn claim(
    id: i64,
    article: &StoredArticle,
    (speaker, code): (&str, &str),
    date: Option<&str>,
    frame: &str,
    polarity: i8,
    text: &str,
) -> StoredClaim {
    let start = (id as usize) * 40;
    StoredClaim {
        id,
        article_id: article.id,
        threads: article.threads.clone(),
        article_title: article.article.title.clone(),
        article_source: article.article.source.clone(),
        article_published: None,
        claim: Claim {
            speaker: speaker.into(),
            speaker_span: None,
            actor: Some(speaker.into()),
            actor_code: Some(code.into()),
            country: ActorCode::new(code).prefix().map(str::to_string),
            cue: "said".into(),
            cue_span: None,
            kind: ClaimKind::Direct,
            text: text.into(),
            span: Span::new(start, start + text.len()),
            sentence: format!("{speaker} said \"{text}.\""),
            sentence_span: Span::new(start.saturating_sub(10), start + text.len() + 2),
            date: date.map_or(DateValue::unknown(), |s| DateValue::day(d(s))),
            frame: Some(frame.into()),
            polarity: Stance::from_i8(polarity).expect("polarity 1, -1 or 0"),
            hedge: None,
            target: None,
            figures: Vec::new(),
            denial: polarity < 0,
            confidence: 0.8,
        },
    }
}

pub fn event(
    id: i64,
    article: &StoredArticle,
    date: &str,
    actors: &[&str],
    text: &str,
) -> StoredEvent {
    let start = 3000 + (id as usize) * 50;
    StoredEvent {
        id,
        article_id: article.id,
        threads: article.threads.clone(),
        event: Event {
            text: text.into(),
            span: Span::new(start, start + text.len()),
            sentence: format!("{text}."),
            sentence_span: Span::new(start, start + text.len() + 1),
            date: DateValue::day(d(date)),
            actors: actors.iter().map(|s| s.to_string()).collect(),
            event_type: Some("19".into()),
            trigger: "struck".into(),
            figures: Vec::new(),
        },
    }
}

pub fn contradiction(
    id: i64,
    kind: ContradictionKind,
    a: &StoredClaim,
    b: &StoredClaim,
    explanation: &str,
) -> StoredContradiction {
    StoredContradiction {
        id,
        contradiction: Contradiction {
            thread: "aleppo-talks".into(),
            kind,
            score: 0.85,
            explanation: explanation.into(),
            proposition: a.claim.frame.clone().unwrap_or_default(),
            a: a.id,
            b: b.id,
        },
        a: a.clone(),
        b: b.clone(),
    }
}

fn with_figure(mut c: StoredClaim, quantity: &str, value: f64) -> StoredClaim {
    let span = c.claim.span;
    c.claim.figures.push(Figure {
        quantity: quantity.into(),
        value,
        span,
    });
    c
}

/// 3 sides (Russia, United States, Syrian government), 10 claims (1 undated), 3 events,
/// 2 contradictions (one opposing, one numeric), 3 articles.
pub fn small() -> ReportData {
    let a1 = article(
        1,
        "Russia says Aleppo deal near; U.S. says no agreement close",
        Some("https://example.org/wire/aleppo-1"),
        "2016-08-29",
        "body",
    );
    let a2 = article(
        2,
        "Talks on Syria truce resume in Geneva",
        None,
        "2016-09-02",
        "body",
    );
    let a3 = article(
        3,
        "Air strikes hit rebel-held Aleppo <districts>",
        Some("https://example.org/wire/aleppo-3"),
        "2016-09-06",
        "body",
    );
    let claims = vec![
        claim(
            1,
            &a1,
            ("Sergei Shoigu", "RUSGOV"),
            Some("2016-08-29"),
            "agreement",
            1,
            "step by step, we are nearing an arrangement",
        ),
        claim(
            2,
            &a1,
            ("a U.S. official", "USAGOV"),
            Some("2016-08-29"),
            "agreement",
            -1,
            "no agreement is close",
        ),
        claim(
            3,
            &a1,
            ("Elizabeth Trudeau", "USAGOV"),
            Some("2016-08-29"),
            "agreement",
            0,
            "we have nothing to announce",
        ),
        claim(
            4,
            &a2,
            ("Sergei Lavrov", "RUSGOV"),
            Some("2016-09-01"),
            "ceasefire",
            1,
            "the ceasefire can hold if the rebels separate",
        ),
        claim(
            5,
            &a2,
            ("John Kerry", "USAGOV"),
            Some("2016-09-02"),
            "talks",
            1,
            "talks are serious and constructive",
        ),
        claim(
            6,
            &a2,
            ("Bashar al-Jaafari", "SYRGOV"),
            Some("2016-09-02"),
            "ceasefire",
            -1,
            "the army will not halt operations in Aleppo",
        ),
        with_figure(
            claim(
                7,
                &a3,
                ("Syrian army command", "SYRMIL"),
                Some("2016-09-05"),
                "casualties",
                1,
                "12 militants were killed in the raid",
            ),
            "killed",
            12.0,
        ),
        with_figure(
            claim(
                8,
                &a3,
                ("a Pentagon spokesman", "USAMIL"),
                Some("2016-09-06"),
                "casualties",
                -1,
                "at least 40 civilians died in the strike",
            ),
            "killed",
            40.0,
        ),
        claim(
            9,
            &a3,
            ("Igor Konashenkov", "RUSMIL"),
            Some("2016-09-06"),
            "responsibility",
            -1,
            "Russian jets did not fly over the area <script>alert(1)</script>",
        ),
        claim(
            10,
            &a3,
            ("a Syrian official", "SYRGOV"),
            None,
            "talks",
            0,
            "Damascus is studying the proposals",
        ),
    ];
    let events = vec![
        event(
            1,
            &a2,
            "2016-08-31",
            &["RUSMIL"],
            "Russian jets struck eastern Aleppo",
        ),
        event(
            2,
            &a2,
            "2016-09-03",
            &["USAGOV", "RUSGOV"],
            "Kerry and Lavrov met in Geneva",
        ),
        event(
            3,
            &a3,
            "2016-09-05",
            &["SYRMIL"],
            "Government forces shelled Ramousseh",
        ),
    ];
    let contradictions = vec![
        contradiction(1, ContradictionKind::Opposing, &claims[0], &claims[1], "Shoigu (RUSGOV, 29 Aug) says an Aleppo arrangement is near; a U.S. official (USAGOV, 29 Aug) says no agreement is close"),
        contradiction(2, ContradictionKind::Numeric, &claims[6], &claims[7], "Syrian army (5 Sep) reports 12 killed, all militants; the Pentagon (6 Sep) says at least 40 civilians died"),
    ];
    let mut contradictions = contradictions;
    contradictions[0].contradiction.proposition = "a US-Russia agreement on Aleppo".into();
    ReportData {
        thread: Thread {
            slug: "aleppo-talks".into(),
            title: "US-Russia talks on Aleppo".into(),
            keywords: vec!["Aleppo".into()],
            actors: vec!["RUSGOV".into(), "USAGOV".into()],
            manual: true,
        },
        articles: vec![a1, a2, a3],
        claims,
        events,
        contradictions,
    }
}

/// A generated long thread: `n` claims over `days` days across six sides, an event for every
/// tenth claim, and a contradiction for every fifteenth.
pub fn large(n: usize, days: i64) -> ReportData {
    let start = d("2016-03-01");
    let codes = ["RUSGOV", "USAGOV", "SYRGOV", "SYRREB", "IGOUNO", "TURGOV"];
    let speakers = [
        "Sergei Lavrov",
        "John Kerry",
        "Bashar al-Assad",
        "a rebel commander",
        "Staffan de Mistura",
        "Mevlut Cavusoglu",
    ];
    let frames = [
        "agreement",
        "ceasefire",
        "aid access",
        "responsibility",
        "casualties",
        "talks",
    ];
    let articles: Vec<StoredArticle> = (0..(n / 20).max(1))
        .map(|i| {
            article(
                i as i64 + 1,
                &format!("Syria briefing no. {}", i + 1),
                Some(&format!("https://example.org/wire/{}", i + 1)),
                "2016-03-01",
                "body",
            )
        })
        .collect();
    // A simple deterministic generator so fixtures are stable without a rand dependency.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut claims = Vec::with_capacity(n);
    for i in 0..n {
        let side = (next() % 6) as usize;
        let day = (next() % days.max(1) as u64) as i64;
        let date = (start + Duration::days(day)).format("%Y-%m-%d").to_string();
        let polarity = [1i8, -1, 0][(next() % 3) as usize];
        let frame = frames[(next() % 6) as usize];
        let art = &articles[i % articles.len()];
        let mut c = claim(
            i as i64 + 1,
            art,
            (speakers[side], codes[side]),
            Some(&date),
            frame,
            polarity,
            &format!("statement {} on the {frame}", i + 1),
        );
        if frame == "casualties" {
            c = with_figure(c, "killed", (next() % 90 + 5) as f64);
        }
        claims.push(c);
    }
    let events: Vec<StoredEvent> = (0..n / 10)
        .map(|i| {
            let day = (next() % days.max(1) as u64) as i64;
            let date = (start + Duration::days(day)).format("%Y-%m-%d").to_string();
            let side = (next() % 6) as usize;
            event(
                i as i64 + 1,
                &articles[i % articles.len()],
                &date,
                &[codes[side]],
                &format!("incident {}", i + 1),
            )
        })
        .collect();
    let mut contradictions = Vec::new();
    // Pairs on the same proposition from different sides with opposite stances, as the
    // contradiction rules would find them.
    for i in (0..n).step_by(15) {
        let a = &claims[i];
        let found = (1..60).map(|k| &claims[(i + k * 7) % n]).find(|b| {
            b.claim.frame == a.claim.frame
                && b.claim.actor_code != a.claim.actor_code
                && b.claim.polarity == -a.claim.polarity
                && a.claim.polarity != Stance::Neutral
        });
        let Some(b) = found else {
            continue;
        };
        let kind = if !a.claim.figures.is_empty() && !b.claim.figures.is_empty() {
            ContradictionKind::Numeric
        } else {
            ContradictionKind::Opposing
        };
        contradictions.push(contradiction(
            contradictions.len() as i64 + 1,
            kind,
            a,
            b,
            "generated pair",
        ));
    }
    ReportData {
        thread: Thread {
            slug: "syria-long".into(),
            title: "Syria ceasefire diplomacy".into(),
            ..Thread::default()
        },
        articles,
        claims,
        events,
        contradictions,
    }
}

/// Same as `large` but claims with week and month precision sprinkled in.
pub fn with_precision(mut data: ReportData) -> ReportData {
    for (i, c) in data.claims.iter_mut().enumerate() {
        if let Some(date) = c.claim.date.date {
            if i % 5 == 3 {
                c.claim.date = DateValue {
                    date: Some(super::layout::TickUnit::Week.bucket_start(date)),
                    precision: Precision::Week,
                };
            }
        }
    }
    data
}
