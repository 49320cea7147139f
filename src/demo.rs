//! The bundled demo: a corpus written by the storyline team, compiled in, run into a fresh database with reports.

use std::path::Path;

use anyhow::{Context, Result};
use include_dir::{include_dir, Dir, File};

use crate::cli::Outcome;
use crate::ingest::{Format, ReadOptions};
use crate::output::{self, Out};
use crate::pipeline::{self, IngestConfig, Input, ThreadMode};
use crate::render::{self, RenderOptions};
use crate::store::Store;

/// The demo corpus (src/data/demo): two stories in text pages, HTML pages and an RSS feed.
pub static CORPUS: Dir = include_dir!("$CARGO_MANIFEST_DIR/src/data/demo");

/// Threads with fewer articles than this get no report bundle (they are strays, not stories).
const MIN_REPORT_ARTICLES: i64 = 3;

/// Article files of the demo corpus, in a stable order (ground-truth files are skipped).
pub fn articles() -> Vec<&'static File<'static>> {
    fn walk(d: &'static Dir<'static>, out: &mut Vec<&'static File<'static>>) {
        for f in d.files() {
            let ext = f.path().extension().and_then(|e| e.to_str()).unwrap_or("");
            if matches!(ext, "txt" | "html" | "htm" | "xml") {
                out.push(f);
            }
        }
        for sub in d.dirs() {
            walk(sub, out);
        }
    }
    let mut out = Vec::new();
    walk(&CORPUS, &mut out);
    // By file name: text pages start with their date, so threads grow in time order.
    out.sort_by_key(|f| {
        (
            f.path().file_name().map(|n| n.to_os_string()),
            f.path().to_path_buf(),
        )
    });
    out
}

/// The demo corpus as ingest inputs, each named `demo/<path>`.
pub fn inputs() -> Vec<Input> {
    articles()
        .into_iter()
        .map(|f| {
            Input::Memory(
                format!("demo/{}", f.path().display()),
                f.contents().to_vec(),
            )
        })
        .collect()
}

/// Ingest the whole demo corpus into `store`, threads assigned automatically, as `demo` does.
pub fn ingest_corpus(store: &mut Store) -> anyhow::Result<pipeline::Summary> {
    let inputs = inputs();
    let cfg = IngestConfig {
        read: ReadOptions {
            format: Format::Auto,
            ..ReadOptions::default()
        },
        thread: ThreadMode::Auto,
        window_days: 7,
        quiet: true,
    };
    pipeline::ingest(store, &inputs, &cfg)
}

/// Ingest the corpus and write a report bundle per story thread under `dir`.
///
/// With `db` (the global `--db`) the corpus goes into that database, which is never deleted
/// (ingest is idempotent, so a re-run adds nothing); without it, into a fresh
/// `dir/storyline-demo.db`.
pub fn run(out: &mut Out, dir: &Path, db: Option<&Path>, quiet: bool) -> Result<Outcome> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let db = match db {
        Some(p) => p.to_path_buf(),
        None => {
            for suffix in ["", "-wal", "-shm"] {
                let p = dir.join(format!("storyline-demo.db{suffix}"));
                if p.exists() {
                    std::fs::remove_file(&p)
                        .with_context(|| format!("cannot remove {}", p.display()))?;
                }
            }
            dir.join("storyline-demo.db")
        }
    };
    let mut store = Store::open(&db)?;
    let summary = ingest_corpus(&mut store)?;
    if !quiet {
        eprintln!("storyline: demo: {}", summary.line());
    }
    let threads = store.threads()?;
    output::threads(out, &threads, false)?;
    let opts = RenderOptions {
        width: 1600,
        height: 900,
        from: None,
        to: None,
    };
    for t in threads.iter().filter(|t| t.articles >= MIN_REPORT_ARTICLES) {
        let data = pipeline::report_data(&store, &t.thread.slug)?;
        let target = dir.join(&t.thread.slug);
        for p in render::bundle(&data, &opts, &target)
            .with_context(|| format!("cannot write {}", target.display()))?
        {
            out.line(&p.display().to_string())?;
        }
    }
    out.line(&db.display().to_string())?;
    Ok(if summary.failed > 0 {
        Outcome::Partial
    } else {
        Outcome::Ok
    })
}
