//! Commands that bring articles in: `ingest` (files, stdin, URLs), `source add|list|remove` and `follow`.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{bail, Context, Result};

use super::super::args::{FollowArgs, FormatArg, IngestArgs, SourceCmd};
use super::super::{Config, Outcome};
use super::check_slug;
use crate::fetch;
use crate::follow;
use crate::ingest::{Format, ReadOptions};
use crate::output::{self, Out};
use crate::pipeline::{self, ThreadMode};

/// Set by Ctrl-C during `follow`: stop between fetches.
static STOP: AtomicBool = AtomicBool::new(false);

/// `ingest PATH|URL|-…`: files and stdin through the pipeline, URLs fetched first; one summary line.
pub fn ingest(cfg: &Config, a: IngestArgs) -> Result<Outcome> {
    if let Some(slug) = &a.thread {
        check_slug(slug)?;
    }
    let mut store = cfg.open()?;
    let (urls, paths): (Vec<String>, Vec<String>) =
        a.paths.into_iter().partition(|p| fetch::is_url(p));
    let icfg = cfg.ingest(
        ReadOptions {
            format: format_of(a.format),
            date: a.date,
            follow_symlinks: a.follow_symlinks,
        },
        match a.thread {
            Some(slug) => ThreadMode::Fixed(slug),
            None => ThreadMode::Auto,
        },
        a.window,
    );
    let inputs: Vec<pipeline::Input> = paths
        .iter()
        .map(|p| {
            if p == "-" {
                pipeline::Input::Stdin
            } else {
                pipeline::Input::Path(PathBuf::from(p))
            }
        })
        .collect();
    let mut summary = if inputs.is_empty() {
        pipeline::Summary::default()
    } else {
        pipeline::ingest(&mut store, &inputs, &icfg)?
    };
    if !urls.is_empty() {
        let fcfg = cfg.follow(&a.http, icfg, a.follow_links);
        let s = follow::ingest_urls(&mut store, &urls, &fcfg)?;
        summary.new += s.new;
        summary.duplicate += s.duplicate;
        summary.failed += s.failed;
        summary.claims += s.claims;
        summary.contradictions += s.contradictions;
    }
    if !cfg.quiet {
        eprintln!("storyline: {}", summary.line());
    }
    Ok(Outcome::partial_if(summary.failed > 0))
}

/// `source add|list|remove`.
pub fn source(cfg: &Config, out: &mut Out, cmd: SourceCmd) -> Result<Outcome> {
    match cmd {
        SourceCmd::Add {
            url,
            thread,
            follow_links,
        } => {
            if !fetch::is_url(&url) {
                bail!("{url}: not an http or https URL");
            }
            let mut store = cfg.open()?;
            store.add_source(&url, &thread, follow_links)?;
            out.line(&url)?;
        }
        SourceCmd::List { json } => {
            let store = cfg.open()?;
            output::sources(out, &store.sources()?, json)?;
        }
        SourceCmd::Remove { url } => {
            let mut store = cfg.open()?;
            if !store.remove_source(&url)? {
                bail!("{url}: not a followed source");
            }
            out.line(&url)?;
        }
    }
    Ok(Outcome::Ok)
}

/// `follow`: poll the sources (once or every so often) until Ctrl-C; prints the reports written.
pub fn follow(cfg: &Config, out: &mut Out, a: FollowArgs) -> Result<Outcome> {
    let mut store = cfg.open()?;
    let icfg = cfg.ingest(ReadOptions::default(), ThreadMode::Auto, a.window);
    let fcfg = cfg.follow(&a.http, icfg, false);
    // First Ctrl-C: finish the current fetch and stop; a second one quits at once
    // (every article already committed stays committed).
    ctrlc::set_handler(|| {
        if STOP.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
        eprintln!("storyline: stopping after the current fetch (Ctrl-C again to quit now)");
    })
    .context("cannot install the Ctrl-C handler")?;
    let summary = follow::run(
        &mut store,
        &fcfg,
        a.every,
        a.once,
        a.report_out.as_deref(),
        &STOP,
    )?;
    for p in &summary.reports {
        out.line(&p.display().to_string())?;
    }
    Ok(Outcome::partial_if(summary.failed > 0))
}

fn format_of(f: FormatArg) -> Format {
    match f {
        FormatArg::Auto => Format::Auto,
        FormatArg::Text => Format::Text,
        FormatArg::Html => Format::Html,
        FormatArg::Feed => Format::Feed,
        FormatArg::Jsonl => Format::Jsonl,
        FormatArg::Extractions => Format::Extractions,
    }
}
