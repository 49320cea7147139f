//! Commands that work without a database: `extract` (one article, or JSON Lines on stdin) and `tag`.

use std::io::{self, BufRead, Read};

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;

use super::super::args::{ExtractArgs, TagArgs};
use super::super::{Config, Outcome};
use crate::extract::{self, Gazetteer};
use crate::ingest::{self, Format, ReadOptions};
use crate::output::{self, Out};

/// `extract`: actors, time expressions, claims and events of one article (or, with `--jsonl`,
/// of every JSON Lines article on stdin).
pub fn extract(cfg: &Config, out: &mut Out, a: ExtractArgs) -> Result<Outcome> {
    let store_gaz = Gazetteer::builtin();
    if a.jsonl {
        return extract_jsonl(out, a.date, &store_gaz);
    }
    let (origin, bytes) = read_input(a.file.as_deref())?;
    let opts = ReadOptions {
        format: Format::Auto,
        date: a.date,
        ..ReadOptions::default()
    };
    let (articles, errors) = ingest::read_bytes(&origin, &bytes, &opts);
    for e in errors.iter().filter(|e| e.is_warning()) {
        if !cfg.quiet {
            eprintln!("storyline: {}", output::escape_controls(&e.to_string()));
        }
    }
    if let Some(e) = errors.iter().find(|e| !e.is_warning()) {
        bail!("{e}");
    }
    for art in &articles {
        let (ex, diags) = extract::extract_article(art, &store_gaz);
        output::extraction(out, art, &ex, &diags, a.json)?;
    }
    Ok(Outcome::Ok)
}

/// `tag`: time expressions in raw text, offsets into the raw input.
pub fn tag(out: &mut Out, a: TagArgs) -> Result<Outcome> {
    let (origin, bytes) = read_input(a.file.as_deref())?;
    let text = String::from_utf8(bytes).with_context(|| format!("{origin}: not valid UTF-8"))?;
    let timexes = extract::timex::tag(&text, Some(a.date));
    output::timexes(out, &timexes, a.json)?;
    Ok(Outcome::Ok)
}

/// Read a named file or stdin ("-" or nothing) whole, up to the ingest size limit.
fn read_input(file: Option<&str>) -> Result<(String, Vec<u8>)> {
    let (origin, bytes) = match file {
        None | Some("-") => (
            "-".to_string(),
            ingest::read_bounded(io::stdin().lock(), ingest::MAX_FILE_BYTES)
                .context("cannot read stdin")?,
        ),
        Some(p) => {
            let f = std::fs::File::open(p).with_context(|| format!("cannot read {p}"))?;
            (
                p.to_string(),
                ingest::read_bounded(f, ingest::MAX_FILE_BYTES)
                    .with_context(|| format!("cannot read {p}"))?,
            )
        }
    };
    match bytes {
        Some(b) => Ok((origin, b)),
        None => bail!("{}", ingest::IngestError::StreamTooLarge { path: origin }),
    }
}

/// The next line of `r` (without its newline), read at most `limit` bytes at a time: `Ok(None)`
/// at the end, `Ok(Some(Err(())))` for a longer line (which is skipped to its end).
fn next_line(r: &mut impl BufRead, limit: u64) -> io::Result<Option<Result<String, ()>>> {
    let mut buf = Vec::new();
    let n = r.by_ref().take(limit + 1).read_until(b'\n', &mut buf)?;
    if n == 0 {
        return Ok(None);
    }
    if buf.last() != Some(&b'\n') && buf.len() as u64 > limit {
        // Skip the rest of the overlong line without keeping it.
        loop {
            let (skip, done) = {
                let avail = r.fill_buf()?;
                match avail.iter().position(|&b| b == b'\n') {
                    Some(i) => (i + 1, true),
                    None => (avail.len(), avail.is_empty()),
                }
            };
            r.consume(skip);
            if done {
                break;
            }
        }
        return Ok(Some(Err(())));
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
    }
    // Valid UTF-8 (the usual case) becomes the string without a copy.
    let line = String::from_utf8(buf)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Ok(Some(Ok(line)))
}

/// Stream mode: JSON Lines articles on stdin, one extraction per line on stdout. A bad line gets
/// an error line on stderr and an `{"error": ...}` line on stdout, so N lines in give N lines out.
fn extract_jsonl(out: &mut Out, date: Option<NaiveDate>, gaz: &Gazetteer) -> Result<Outcome> {
    let stdin = io::stdin();
    let opts = ReadOptions {
        format: Format::Jsonl,
        date,
        ..ReadOptions::default()
    };
    let mut failed = false;
    let mut input = stdin.lock();
    for i in 0.. {
        let Some(line) =
            next_line(&mut input, ingest::MAX_FILE_BYTES).context("cannot read stdin")?
        else {
            break;
        };
        let Ok(line) = line else {
            failed = true;
            let msg = format!("-:{}: line too long (more than 64 MB)", i + 1);
            eprintln!("storyline: {msg}");
            out.line(&serde_json::json!({ "error": msg }).to_string())?;
            continue;
        };
        if line.trim().is_empty() {
            out.line("{}")?;
            continue;
        }
        let origin = format!("-:{}", i + 1);
        let (articles, errors) = ingest::read_bytes(&origin, line.as_bytes(), &opts);
        match (articles.first(), errors.iter().find(|e| !e.is_warning())) {
            (Some(a), _) => {
                let (ex, diags) = extract::extract_article(a, gaz);
                out.extraction_line(a, &ex, &diags)?;
            }
            (None, e) => {
                failed = true;
                let msg = e
                    .map(|e| e.to_string())
                    .unwrap_or_else(|| format!("{origin}: no article"));
                eprintln!("storyline: {}", output::escape_controls(&msg));
                out.line(&serde_json::json!({ "error": msg }).to_string())?;
            }
        }
    }
    Ok(Outcome::partial_if(failed))
}
