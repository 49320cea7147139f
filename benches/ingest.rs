//! End-to-end ingest into SQLite: 1,000 synthetic wire articles from disk into a fresh database.
//!
//! Run with `cargo bench --bench ingest`. This is `storyline ingest DIR` without the process:
//! parallel reading and extraction, the single writer's batched transactions, thread
//! assignment and contradiction detection. The 100,000-article run is measured with the
//! release binary instead (see BENCH_NOTES.md / the README).

use divan::counter::ItemsCount;
use storyline::ingest::ReadOptions;
use storyline::pipeline::{self, IngestConfig, Input, ThreadMode};
use storyline::store::Store;

fn main() {
    divan::main();
}

const ARTICLES: usize = 1000;

fn config() -> IngestConfig {
    IngestConfig {
        read: ReadOptions::default(),
        thread: ThreadMode::Auto,
        window_days: 7,
        quiet: true,
        talk: Default::default(),
    }
}

/// Fresh database each run; the corpus is written once.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn ingest_1000_articles(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    storyline::synth::write_corpus(&corpus, ARTICLES, 1).expect("corpus");
    let inputs = vec![Input::Path(corpus)];
    let mut run = 0;
    bencher.counter(ItemsCount::new(ARTICLES)).bench_local(|| {
        run += 1;
        let mut store = Store::open(&dir.path().join(format!("run{run}.db"))).expect("db");
        let summary = pipeline::ingest(&mut store, &inputs, &config()).expect("ingest");
        assert_eq!(summary.new, ARTICLES);
    });
}

/// The same corpus again into a database that already holds it: every article a duplicate.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn reingest_1000_duplicates(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    storyline::synth::write_corpus(&corpus, ARTICLES, 1).expect("corpus");
    let inputs = vec![Input::Path(corpus)];
    let mut store = Store::open(&dir.path().join("full.db")).expect("db");
    pipeline::ingest(&mut store, &inputs, &config()).expect("first ingest");
    bencher.counter(ItemsCount::new(ARTICLES)).bench_local(|| {
        let summary = pipeline::ingest(&mut store, &inputs, &config()).expect("ingest");
        assert_eq!(summary.duplicate, ARTICLES);
    });
}
