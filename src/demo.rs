//! The bundled demo corpus: articles written by the storyline team, compiled in, and how to ingest them.
//!
//! Both the `demo` command (which writes the reports) and `eval demo` / `eval judged` (which
//! score them) read the corpus through this module; it knows nothing of the command line.

use include_dir::{include_dir, Dir, File};

use crate::ingest::{Format, ReadOptions};
use crate::pipeline::{self, IngestConfig, Input, ThreadMode};
use crate::store::Store;
use crate::talk::Talk;

/// The demo corpus (src/data/demo): two stories in text pages, HTML pages and an RSS feed.
pub static CORPUS: Dir = include_dir!("$CARGO_MANIFEST_DIR/src/data/demo");

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

/// Ingest the whole demo corpus into `store`, threads assigned automatically, as `demo` does;
/// per-file errors go to `talk` (the corpus has none).
pub fn ingest_corpus(store: &mut Store, talk: Talk) -> anyhow::Result<pipeline::Summary> {
    let inputs = inputs();
    let cfg = IngestConfig {
        read: ReadOptions {
            format: Format::Auto,
            ..ReadOptions::default()
        },
        thread: ThreadMode::Auto,
        window_days: pipeline::DEFAULT_WINDOW_DAYS,
        quiet: true,
        talk,
    };
    pipeline::ingest(store, &inputs, &cfg)
}
