//! Extraction throughput on one core: articles/s and MB/s on synthetic wire articles and on
//! the bundled demo corpus (our own wire-style pages: text, HTML and an RSS feed).
//!
//! Run with `cargo bench --bench extract`. Synthetic articles come from `storyline::synth`
//! (the same generator as `storyline synth`), read as text pages; the demo corpus is read
//! from `storyline::demo::inputs()` with `ingest::read_bytes`, as `storyline demo` reads it.
//! Either way the body is what ingest extracts from. Divan runs each benchmark on one
//! thread, so the figures are per core.

use chrono::{Duration, NaiveDate};
use divan::counter::{BytesCount, ItemsCount};
use storyline::extract::{self, Gazetteer};
use storyline::ingest::{self, Format, ReadOptions};
use storyline::model::Article;
use storyline::synth::{self, Rng};

fn main() {
    divan::main();
}

/// `n` synthetic articles, read and cleaned like `storyline ingest` does.
fn articles(n: usize) -> Vec<Article> {
    let mut rng = Rng::new(7);
    let start = NaiveDate::from_ymd_opt(2016, 8, 1).expect("date");
    (0..n)
        .flat_map(|i| {
            let date = start + Duration::days((i % 365) as i64);
            let page = synth::article(i, date, &mut rng);
            let origin = format!("{date}-synth-{i:06}.txt");
            ingest::read_bytes(&origin, page.as_bytes(), &ReadOptions::default()).0
        })
        .collect()
}

/// The pure extraction step alone (sentences, time expressions, actors, claims, events).
#[divan::bench(sample_count = 10)]
fn extract_200_articles(bencher: divan::Bencher) {
    let docs = articles(200);
    let gazetteer = Gazetteer::builtin();
    let bytes: usize = docs.iter().map(|a| a.body.len()).sum();
    bencher
        .counter(ItemsCount::new(docs.len()))
        .counter(BytesCount::new(bytes))
        .bench_local(|| {
            for a in &docs {
                divan::black_box(extract::extract(&a.body, a.published, &gazetteer));
            }
        });
}

/// The demo corpus read as `storyline demo` reads it: every article of every input (a feed
/// holds several).
fn demo_articles() -> Vec<Article> {
    let opts = ReadOptions {
        format: Format::Auto,
        ..ReadOptions::default()
    };
    storyline::demo::inputs()
        .iter()
        .flat_map(|input| match input {
            storyline::pipeline::Input::Memory(origin, bytes) => {
                ingest::read_bytes(origin, bytes, &opts).0
            }
            _ => Vec::new(),
        })
        .collect()
}

/// Extraction over the demo corpus: real-style wire pages (text, HTML and RSS items, about
/// 1.8 KB of body each once the furniture is cleaned off), ten passes per sample so a sample
/// is long enough to time. The rate counts the bodies extracted, not the raw pages.
#[divan::bench(sample_count = 10)]
fn extract_demo_corpus(bencher: divan::Bencher) {
    const PASSES: usize = 10;
    let docs = demo_articles();
    assert!(!docs.is_empty(), "the demo corpus reads");
    let gazetteer = Gazetteer::builtin();
    let bytes: usize = docs.iter().map(|a| a.body.len()).sum();
    bencher
        .counter(ItemsCount::new(docs.len() * PASSES))
        .counter(BytesCount::new(bytes * PASSES))
        .bench_local(|| {
            for _ in 0..PASSES {
                for a in &docs {
                    divan::black_box(extract::extract(&a.body, a.published, &gazetteer));
                }
            }
        });
}

/// Reading a page (decode, clean, metadata, content hash) without extraction: the part of
/// ingest that re-ingesting duplicates still pays.
#[divan::bench(sample_count = 10)]
fn read_and_hash_200_pages(bencher: divan::Bencher) {
    let mut rng = Rng::new(7);
    let start = NaiveDate::from_ymd_opt(2016, 8, 1).expect("date");
    let pages: Vec<(String, String)> = (0..200)
        .map(|i| {
            let date = start + Duration::days(i as i64);
            (
                format!("{date}-synth-{i:06}.txt"),
                synth::article(i, date, &mut rng),
            )
        })
        .collect();
    let bytes: usize = pages.iter().map(|(_, p)| p.len()).sum();
    bencher
        .counter(ItemsCount::new(pages.len()))
        .counter(BytesCount::new(bytes))
        .bench_local(|| {
            for (origin, page) in &pages {
                let (docs, _) =
                    ingest::read_bytes(origin, page.as_bytes(), &ReadOptions::default());
                for a in &docs {
                    divan::black_box(ingest::content_hash(a));
                }
            }
        });
}

/// One long page of attributed quotations, `kb` kilobytes: a paragraph of a quote and its
/// attribution, repeated.
fn long_quoted_page(kb: usize) -> String {
    const NAMES: &[&str] = &["Lavrov", "Kerry", "Shoigu", "Kirby", "Peskov", "Zakharova"];
    let mut s = String::from("GENEVA (Reuters) - ");
    let mut i = 0;
    while s.len() < kb * 1024 {
        s += &format!(
            "\"We are nearing an arrangement on point {i} and the truce is holding,\" {} said on Monday. A U.S. official said, however, that \"no agreement is close on item {i}.\"\n\n",
            NAMES[i % NAMES.len()]
        );
        i += 1;
    }
    s
}

/// Issue 15, item 8: extraction time should grow linearly with the length of one article, so
/// the MB/s figure should stay flat from 256 KB to 2 MB (the body limit). Compare the rows.
#[divan::bench(args = [256, 512, 1024, 2048], sample_count = 3)]
fn issue_15_item_8_one_long_article(bencher: divan::Bencher, kb: usize) {
    let body = long_quoted_page(kb);
    let gazetteer = Gazetteer::builtin();
    let date = storyline::model::DateValue {
        date: NaiveDate::from_ymd_opt(2016, 8, 29),
        precision: storyline::model::Precision::Day,
    };
    bencher
        .counter(BytesCount::new(body.len()))
        .bench_local(|| divan::black_box(extract::extract(&body, date, &gazetteer)));
}
