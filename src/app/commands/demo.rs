//! The demo and the scoring harnesses: `demo` (the bundled corpus into reports) and `eval timeml|polnear|gold|demo|judged|sides`.

use std::path::PathBuf;

use anyhow::{Context, Result};
use serde::Serialize;

use super::super::args::{DemoArgs, EvalCmd};
use super::super::config::DEMO_MIN_REPORT_ARTICLES;
use super::super::{Config, Outcome};
use crate::output::{self, Out};
use crate::store::Store;
use crate::{demo as corpus, eval, pipeline, render};

/// `demo`: ingest the bundled corpus and write a report bundle per story thread under `--out`.
///
/// With `--db` the corpus goes into that database, which is never deleted (ingest is
/// idempotent, so a re-run adds nothing); without it, into a fresh `<out>/storyline-demo.db`.
pub fn demo(cfg: &Config, out: &mut Out, a: DemoArgs) -> Result<Outcome> {
    let dir = a.out;
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let db = match &cfg.db_arg {
        Some(p) => p.clone(),
        None => fresh_demo_db(&dir)?,
    };
    let mut store = Store::open(&db)?;
    let summary = corpus::ingest_corpus(&mut store, cfg.talk.clone())?;
    if !cfg.quiet {
        eprintln!("storyline: demo: {}", summary.line());
    }
    let threads = store.threads()?;
    output::threads(out, &threads, false)?;
    for t in threads
        .iter()
        .filter(|t| t.articles >= DEMO_MIN_REPORT_ARTICLES)
    {
        let data = pipeline::report_data(&store, &t.thread.slug)?;
        let target = dir.join(&t.thread.slug);
        for p in render::bundle(&data, &cfg.render, &target)
            .with_context(|| format!("cannot write {}", target.display()))?
        {
            out.line(&p.display().to_string())?;
        }
    }
    out.line(&db.display().to_string())?;
    Ok(Outcome::partial_if(summary.failed > 0))
}

/// `<dir>/storyline-demo.db`, with any earlier one (and its WAL files) removed.
fn fresh_demo_db(dir: &std::path::Path) -> Result<PathBuf> {
    for suffix in ["", "-wal", "-shm"] {
        let p = dir.join(format!("storyline-demo.db{suffix}"));
        if p.exists() {
            std::fs::remove_file(&p).with_context(|| format!("cannot remove {}", p.display()))?;
        }
    }
    Ok(dir.join("storyline-demo.db"))
}

/// `eval …`: score, then print the scores as JSON or as text.
pub fn eval(cfg: &Config, out: &mut Out, cmd: EvalCmd) -> Result<Outcome> {
    match cmd {
        EvalCmd::Timeml { dir, json } => {
            let s = eval::timeml::score_dir(&dir)
                .with_context(|| format!("cannot read {}", dir.display()))?;
            print(out, &s, json, Text::Line)?;
        }
        EvalCmd::Gold {
            dir,
            misses,
            keep,
            json,
        } => {
            let s = eval::gold::score_dir(&dir, misses, keep.as_deref(), &cfg.talk)
                .with_context(|| format!("cannot score {}", dir.display()))?;
            print(out, &s, json, Text::Raw)?;
        }
        EvalCmd::Demo { json } => {
            let s = eval::demo::score(&cfg.talk)?;
            print(out, &s, json, Text::Raw)?;
        }
        EvalCmd::Judged {
            file,
            sample,
            seed,
            show,
            json,
        } => {
            let (s, pairs) = eval::judged::run(&file, sample.zip(seed), show, &cfg.talk)?;
            if !json {
                out.raw(&pairs)?;
            }
            print(out, &s, json, Text::Raw)?;
        }
        EvalCmd::Sides {
            file,
            corpus,
            sample,
            seed,
            only,
            show,
            json,
        } => {
            let sample = sample
                .zip(seed)
                .map(|(n, seed)| eval::sides::Sample { n, seed, only });
            let (s, drawn) = eval::sides::run(&file, &corpus, sample, show)?;
            if !json {
                out.raw(&drawn)?;
            }
            print(out, &s, json, Text::Raw)?;
        }
        EvalCmd::Polnear { dir, json } => {
            let s = eval::polnear::score_dir(&dir)
                .with_context(|| format!("cannot read {}", dir.display()))?;
            print(out, &s, json, Text::Line)?;
        }
    }
    Ok(Outcome::Ok)
}

/// How a score's text form is printed: with a newline added, or as it is.
enum Text {
    Line,
    Raw,
}

/// Pretty JSON on one `line`, or the score's `Display` text.
fn print<S: Serialize + std::fmt::Display>(
    out: &mut Out,
    s: &S,
    json: bool,
    text: Text,
) -> Result<()> {
    if json {
        out.line(&serde_json::to_string_pretty(s)?)?;
    } else {
        match text {
            Text::Line => out.line(&s.to_string())?,
            Text::Raw => out.raw(&s.to_string())?,
        }
    }
    Ok(())
}
