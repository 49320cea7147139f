//! Contradiction detection over a large thread: claims extracted from synthetic wire articles.
//!
//! Run with `cargo bench --bench contradict`. The thread is built by extracting
//! `storyline::synth` articles (a busy story: 40 articles a day, about 11 claims each), so
//! frames, sides, stances and dates are what ingest really stores. Detection blocks by frame
//! and time window; each benchmark prints how many pairs blocking left against all pairs.

use chrono::{Duration, NaiveDate};
use storyline::contradict::{self, Options};
use storyline::extract::{self, Gazetteer};
use storyline::ingest::{self, ReadOptions};
use storyline::model::StoredClaim;
use storyline::synth::{self, Rng};

fn main() {
    divan::main();
}

/// The claims of `articles` synthetic articles, 40 a day, numbered in ingest order.
fn thread(articles: usize) -> Vec<StoredClaim> {
    let gazetteer = Gazetteer::builtin();
    let mut rng = Rng::new(11);
    let start = NaiveDate::from_ymd_opt(2016, 8, 1).expect("date");
    let mut claims = Vec::new();
    for i in 0..articles {
        let date = start + Duration::days((i / 40) as i64);
        let page = synth::article(i, date, &mut rng);
        let origin = format!("{date}-synth-{i:06}.txt");
        for a in ingest::read_bytes(&origin, page.as_bytes(), &ReadOptions::default()).0 {
            let (ex, _) = extract::extract(&a.body, a.published, &gazetteer);
            for c in ex.claims {
                claims.push(StoredClaim {
                    id: claims.len() as i64 + 1,
                    article_id: i as i64 + 1,
                    threads: vec!["bench".into()],
                    article_title: a.title.clone(),
                    article_source: a.source.clone(),
                    article_published: None,
                    claim: c,
                });
            }
        }
    }
    claims
}

fn report(name: &str, new: &[StoredClaim], existing: &[StoredClaim]) {
    let (_, stats) = contradict::detect_with_stats("bench", new, existing, &Options::default());
    let n = stats.indexed as u64;
    eprintln!(
        "{name}: {} claims indexed, {} pairs compared (all pairs: {}), {} contradictions",
        stats.indexed,
        stats.comparisons,
        n * n.saturating_sub(1) / 2,
        stats.found
    );
}

/// One new article's claims against a thread of 2,000 earlier articles (~22,000 claims): what
/// ingest does per article (ingest passes only the frame/window candidates; here detection
/// gets the whole thread and blocks by itself).
#[divan::bench(sample_count = 20)]
fn new_article_against_2000_article_thread(bencher: divan::Bencher) {
    let claims = thread(2001);
    let last = claims.last().map_or(0, |c| c.article_id);
    let split = claims.partition_point(|c| c.article_id < last);
    let (existing, new) = claims.split_at(split);
    report("new article vs thread", new, existing);
    bencher.bench_local(|| {
        divan::black_box(contradict::detect(
            "bench",
            new,
            existing,
            &Options::default(),
        ))
    });
}

/// Every claim of a 1,000-article thread (~11,000 claims) against each other, as after a
/// thread merge (`recompute_contradictions`).
#[divan::bench(sample_count = 5)]
fn whole_1000_article_thread(bencher: divan::Bencher) {
    let claims = thread(1000);
    report("whole thread", &claims, &[]);
    bencher.bench_local(|| {
        divan::black_box(contradict::detect(
            "bench",
            &claims,
            &[],
            &Options::default(),
        ))
    });
}
