//! Rendering benchmarks: timeline and contradiction chart for a generated 5,000-claim thread.
//!
//! Run with `cargo bench --bench render`.

use chrono::{Duration, NaiveDate};
use storyline::model::{
    Article, Claim, ClaimKind, Contradiction, ContradictionKind, DateValue, Event, Figure, Span,
    Stance, StoredArticle, StoredClaim, StoredContradiction, StoredEvent, Thread,
};
use storyline::render::{contradiction_chart, timeline, RenderOptions, ReportData};

fn main() {
    divan::main();
}

/// 5,000 claims over four months across six sides, 500 events, a contradiction per ~15 claims.
fn thread(n: usize) -> ReportData {
    let start = NaiveDate::from_ymd_opt(2016, 6, 1).expect("date");
    let codes = ["RUSGOV", "USAGOV", "SYRGOV", "SYRREB", "IGOUNO", "TURGOV"];
    let frames = [
        "agreement",
        "ceasefire",
        "aid access",
        "responsibility",
        "casualties",
        "talks",
    ];
    let articles: Vec<StoredArticle> = (0..n / 20)
        .map(|i| StoredArticle {
            id: i as i64 + 1,
            threads: vec!["bench".into()],
            article: Article {
                title: format!("Briefing {i}"),
                ..Article::default()
            },
            copy_of: None,
        })
        .collect();
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let claims: Vec<StoredClaim> = (0..n)
        .map(|i| {
            let side = (next() % 6) as usize;
            let frame = frames[(next() % 6) as usize];
            let polarity =
                [Stance::Asserts, Stance::Denies, Stance::Neutral][(next() % 3) as usize];
            let date = start + Duration::days((next() % 120) as i64);
            let text = format!("statement {i} on the {frame}");
            let span = Span::new(i * 40, i * 40 + text.len());
            StoredClaim {
                id: i as i64 + 1,
                article_id: (i % articles.len()) as i64 + 1,
                threads: vec!["bench".into()],
                article_title: format!("Briefing {}", i % articles.len()),
                article_source: None,
                article_published: None,
                claim: Claim {
                    speaker: format!("Official {side}"),
                    speaker_span: None,
                    actor: None,
                    actor_code: Some(codes[side].into()),
                    country: None,
                    cue: "said".into(),
                    cue_span: None,
                    kind: ClaimKind::Direct,
                    text: text.clone(),
                    span,
                    sentence: text,
                    sentence_span: span,
                    date: DateValue::day(date),
                    frame: Some(frame.into()),
                    polarity,
                    hedge: None,
                    target: None,
                    figures: if frame == "casualties" {
                        vec![Figure {
                            quantity: "killed".into(),
                            value: (next() % 90) as f64,
                            span,
                        }]
                    } else {
                        Vec::new()
                    },
                    denial: polarity == Stance::Denies,
                    confidence: 0.7,
                },
            }
        })
        .collect();
    let events: Vec<StoredEvent> = (0..n / 10)
        .map(|i| {
            let date = start + Duration::days((next() % 120) as i64);
            let span = Span::new(i * 50, i * 50 + 10);
            StoredEvent {
                id: i as i64 + 1,
                article_id: (i % articles.len()) as i64 + 1,
                threads: vec!["bench".into()],
                event: Event {
                    text: format!("incident {i}"),
                    span,
                    sentence: String::new(),
                    sentence_span: span,
                    date: DateValue::day(date),
                    actors: vec![codes[i % 6].into()],
                    event_type: None,
                    trigger: "struck".into(),
                    figures: Vec::new(),
                },
            }
        })
        .collect();
    let mut contradictions = Vec::new();
    for i in (0..n).step_by(15) {
        let a = &claims[i];
        if let Some(b) = (1..60).map(|k| &claims[(i + k * 7) % n]).find(|b| {
            b.claim.frame == a.claim.frame
                && b.claim.actor_code != a.claim.actor_code
                && a.claim.polarity != Stance::Neutral
                && b.claim.polarity == -a.claim.polarity
        }) {
            contradictions.push(StoredContradiction {
                id: contradictions.len() as i64 + 1,
                contradiction: Contradiction {
                    thread: "bench".into(),
                    kind: if a.claim.figures.is_empty() {
                        ContradictionKind::Opposing
                    } else {
                        ContradictionKind::Numeric
                    },
                    score: 0.8,
                    explanation: "generated".into(),
                    proposition: String::new(),
                    a: a.id,
                    b: b.id,
                },
                a: a.clone(),
                b: b.clone(),
            });
        }
    }
    ReportData {
        thread: Thread {
            slug: "bench".into(),
            title: "Benchmark thread".into(),
            ..Thread::default()
        },
        articles,
        claims,
        events,
        contradictions,
    }
}

#[divan::bench(sample_count = 10)]
fn timeline_and_chart_5000(bencher: divan::Bencher) {
    let data = thread(5000);
    let dir = tempfile::tempdir().expect("temp dir");
    let opts = RenderOptions::default();
    bencher.bench_local(|| {
        timeline(&data, &opts, &dir.path().join("timeline.png")).expect("timeline");
        contradiction_chart(&data, &opts, &dir.path().join("chart.png")).expect("chart");
    });
}
