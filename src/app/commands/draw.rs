//! Commands that draw or export a thread: `timeline`, `chart contradictions`, `report` and `export`.

use std::path::Path;

use anyhow::{Context, Result};

use super::super::args::{ChartCmd, ExportArgs, ExportFormat, ReportArgs, TimelineArgs};
use super::super::config::render_options;
use super::super::{Config, Outcome};
use super::check_slug;
use crate::export as exports;
use crate::output::Out;
use crate::pipeline;
use crate::render::{self, RenderOptions};

/// `timeline`: the thread's timeline PNG; prints its path.
pub fn timeline(cfg: &Config, out: &mut Out, a: TimelineArgs) -> Result<Outcome> {
    let store = cfg.open_read()?;
    let data = pipeline::report_data(&store, &a.thread)?;
    let opts = RenderOptions {
        width: a.width,
        height: a.height,
        from: a.from,
        to: a.to,
    };
    write_via_temp(&a.output, |tmp| {
        Ok(render::timeline(&data, &opts, tmp).map(|_| ())?)
    })?;
    out.line(&a.output.display().to_string())?;
    Ok(Outcome::Ok)
}

/// `chart contradictions`: the thread's contradiction chart PNG; prints its path.
pub fn chart(cfg: &Config, out: &mut Out, cmd: ChartCmd) -> Result<Outcome> {
    let ChartCmd::Contradictions {
        thread,
        output: path,
        width,
        height,
    } = cmd;
    let store = cfg.open_read()?;
    let data = pipeline::report_data(&store, &thread)?;
    let opts = render_options(width, height);
    write_via_temp(&path, |tmp| {
        Ok(render::contradiction_chart(&data, &opts, tmp).map(|_| ())?)
    })?;
    out.line(&path.display().to_string())?;
    Ok(Outcome::Ok)
}

/// `report`: the thread's bundle under `--out/<thread>/`; prints every file written.
pub fn report(cfg: &Config, out: &mut Out, a: ReportArgs) -> Result<Outcome> {
    // The slug names the report's folder: it must stay a single plain name.
    check_slug(&a.thread)?;
    let store = cfg.open_read()?;
    let data = pipeline::report_data(&store, &a.thread)?;
    let opts = render_options(a.width, a.height);
    let news = match &a.since {
        Some(s) => {
            let new = store.articles_ingested_since(s.at)?;
            Some(pipeline::new_since(&store, &a.thread, &new, &s.label)?)
        }
        None => None,
    };
    let dir = a.out.join(&a.thread);
    for p in render::bundle_since(&data, &opts, &dir, news.as_ref())
        .with_context(|| format!("cannot write {}", dir.display()))?
    {
        out.line(&p.display().to_string())?;
    }
    Ok(Outcome::Ok)
}

/// `export`: to `--output` (printing its path) or to stdout.
pub fn export(cfg: &Config, out: &mut Out, a: ExportArgs) -> Result<Outcome> {
    let store = cfg.open_read()?;
    let data = pipeline::report_data(&store, &a.thread)?;
    let text = match a.format {
        ExportFormat::Json => exports::json(&data)?,
        ExportFormat::Jsonl => exports::jsonl(&data)?,
        ExportFormat::Csv => exports::csv(&data)?,
        ExportFormat::Timelinejs => exports::timelinejs(&data, a.all)?,
    };
    match a.output {
        Some(p) => {
            write_via_temp(&p, |tmp| {
                std::fs::write(tmp, &text).with_context(|| format!("cannot write {}", p.display()))
            })?;
            out.line(&p.display().to_string())?;
        }
        None => out.raw(&text)?,
    }
    Ok(Outcome::Ok)
}

/// Write `path` through a temp file beside it (same extension, for the PNG encoder), renamed
/// over it at the end: a failure (full disk, bad folder) leaves neither a 0-byte or half-written
/// file nor the temp file. Errors name `path`, not the temp file.
fn write_via_temp(path: &Path, write: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".tmp-{}-{name}", std::process::id()));
    let done = write(&tmp).and_then(|()| {
        std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))
    });
    if let Err(e) = done {
        let _ = std::fs::remove_file(&tmp);
        let msg = format!("{e:#}").replace(&tmp.display().to_string(), &path.display().to_string());
        let mut e = anyhow::anyhow!(msg);
        if !e.to_string().contains(&path.display().to_string()) {
            e = e.context(format!("cannot write {}", path.display()));
        }
        return Err(e);
    }
    Ok(())
}
