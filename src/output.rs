//! Listing output: the JSON contract of DESIGN.md and the human tables, written to stdout.

use std::io::{self, Write};

use serde_json::{json, Value};

use crate::model::{
    Article, Claim, DateValue, Diagnostic, Event, Extraction, GazetteerEntry, StoredArticle,
    StoredClaim, StoredContradiction, StoredEvent, ThreadSummary, Timex,
};
use crate::store::SearchHit;

/// stdout, buffered, with an optional colour for table headers.
pub struct Out {
    w: io::BufWriter<io::Stdout>,
    color: bool,
}

impl Out {
    pub fn new(color: bool) -> Out {
        Out {
            w: io::BufWriter::new(io::stdout()),
            color,
        }
    }
    pub fn line(&mut self, s: &str) -> io::Result<()> {
        writeln!(self.w, "{s}")
    }
    /// One compact JSON value and a newline, serialized straight into the buffer (a JSON
    /// Lines record) instead of through a `String` first.
    pub fn json_line(&mut self, v: &Value) -> io::Result<()> {
        serde_json::to_writer(&mut self.w, v)?;
        self.w.write_all(b"\n")
    }
    pub fn raw(&mut self, s: &str) -> io::Result<()> {
        self.w.write_all(s.as_bytes())
    }
    /// A line of a human table: control characters escaped (see [`escape_controls`]).
    fn text(&mut self, s: &str) -> io::Result<()> {
        writeln!(self.w, "{}", escape_controls(s))
    }
    fn header(&mut self, s: &str) -> io::Result<()> {
        let s = escape_controls(s);
        if self.color {
            writeln!(self.w, "\x1b[1m{s}\x1b[0m")
        } else {
            writeln!(self.w, "{s}")
        }
    }
    fn json(&mut self, v: &Value) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut self.w, v)?;
        writeln!(self.w)
    }
}

impl Out {
    /// Flush stdout at the end of a command: a failed write (a full disk, a closed pipe) is
    /// an error here, where `Drop` could only ignore it.
    pub fn finish(mut self) -> io::Result<()> {
        self.w.flush()
    }
}

impl Drop for Out {
    /// The fallback when a command fails before [`Out::finish`]: write what was printed so far.
    fn drop(&mut self) {
        let _ = self.w.flush();
    }
}

fn date(d: DateValue) -> Value {
    d.date
        .map(|d| Value::String(d.to_string()))
        .unwrap_or(Value::Null)
}

fn date_text(d: DateValue) -> String {
    match (d.date, d.precision) {
        (None, _) => "?".into(),
        (Some(x), crate::model::Precision::Day) => x.to_string(),
        (Some(x), crate::model::Precision::Month) => x.format("%Y-%m").to_string(),
        (Some(x), crate::model::Precision::Year) => x.format("%Y").to_string(),
        (Some(x), p) => format!("{x}~{}", p.as_str()),
    }
}

/// The primary thread a row is shown under: the filter if given, else the article's first thread.
fn thread_of(threads: &[String], filter: Option<&str>) -> Value {
    match filter {
        Some(t) => Value::String(t.to_string()),
        None => threads
            .first()
            .map(|t| Value::String(t.clone()))
            .unwrap_or(Value::Null),
    }
}

pub fn claim_json(c: &StoredClaim, filter: Option<&str>) -> Value {
    let row = Row {
        id: c.id,
        article_id: c.article_id,
        threads: &c.threads,
        filter,
    };
    claim_value(
        &c.claim,
        &row,
        &c.article_title,
        c.article_source.as_deref(),
    )
}

/// Where a claim or event row sits: its id, article, threads and the thread filter shown.
struct Row<'a> {
    id: i64,
    article_id: i64,
    threads: &'a [String],
    filter: Option<&'a str>,
}

/// [`claim_json`] from borrowed parts, so `extract` need not clone each claim into a row.
fn claim_value(k: &Claim, row: &Row, title: &str, source: Option<&str>) -> Value {
    json!({
        "id": row.id,
        "article_id": row.article_id,
        "thread": thread_of(row.threads, row.filter),
        "threads": row.threads,
        "date": date(k.date),
        "date_precision": k.date.precision.as_str(),
        "speaker": k.speaker,
        "actor": k.actor,
        "actor_code": k.actor_code,
        "country": k.country,
        "cue": k.cue,
        "kind": k.kind.as_str(),
        "text": k.text,
        "frame": k.frame,
        "polarity": k.polarity,
        "hedge": k.hedge,
        "target": k.target,
        "denial": k.denial,
        "figures": k.figures,
        "confidence": k.confidence,
        "sentence": k.sentence,
        "start": k.span.start,
        "end": k.span.end,
        "sentence_start": k.sentence_span.start,
        "sentence_end": k.sentence_span.end,
        "speaker_start": k.speaker_span.map(|s| s.start),
        "speaker_end": k.speaker_span.map(|s| s.end),
        "article_title": title,
        "source": source,
    })
}

pub fn event_json(e: &StoredEvent, filter: Option<&str>) -> Value {
    let row = Row {
        id: e.id,
        article_id: e.article_id,
        threads: &e.threads,
        filter,
    };
    event_value(&e.event, &row)
}

/// [`event_json`] from borrowed parts.
fn event_value(v: &Event, row: &Row) -> Value {
    json!({
        "id": row.id,
        "article_id": row.article_id,
        "thread": thread_of(row.threads, row.filter),
        "threads": row.threads,
        "date": date(v.date),
        "date_precision": v.date.precision.as_str(),
        "text": v.text,
        "actors": v.actors,
        "type": v.event_type,
        "trigger": v.trigger,
        "figures": v.figures,
        "sentence": v.sentence,
        "start": v.span.start,
        "end": v.span.end,
        "sentence_start": v.sentence_span.start,
        "sentence_end": v.sentence_span.end,
    })
}

pub fn article_json(a: &Article, id: Option<i64>, threads: &[String]) -> Value {
    json!({
        "id": id,
        "title": a.title,
        "published": date(a.published),
        "published_precision": a.published.precision.as_str(),
        "source": a.source,
        "dateline": a.dateline,
        "byline": a.byline,
        "contributors": a.contributors,
        "url": a.url,
        "origin": a.origin,
        "summary_only": a.summary_only,
        "body": a.body,
        "threads": threads,
    })
}

pub fn contradiction_json(x: &StoredContradiction) -> Value {
    let t = Some(x.contradiction.thread.as_str());
    json!({
        "id": x.id,
        "thread": x.contradiction.thread,
        "kind": x.contradiction.kind.as_str(),
        "score": x.contradiction.score,
        "explanation": x.contradiction.explanation,
        "proposition": x.contradiction.proposition,
        "a": claim_json(&x.a, t),
        "b": claim_json(&x.b, t),
    })
}

fn timex_json(t: &Timex) -> Value {
    json!({
        "text": t.text,
        "start": t.span.start,
        "end": t.span.end,
        "type": t.kind,
        "value": t.value,
        "date": date(t.resolved),
        "precision": t.resolved.precision.as_str(),
    })
}

/// The whole `extract` result for one article (DESIGN.md: article, timexes, actors, claims, events, diagnostics).
pub fn extraction_json(a: &Article, ex: &Extraction, diags: &[Diagnostic]) -> Value {
    let claims: Vec<Value> = ex
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let row = Row {
                id: i as i64 + 1,
                article_id: 0,
                threads: &[],
                filter: None,
            };
            let mut v = claim_value(c, &row, &a.title, a.source.as_deref());
            // The cue's span too, so `ingest --format extractions` stores the claim whole.
            if let Value::Object(o) = &mut v {
                o.insert("cue_start".into(), json!(c.cue_span.map(|s| s.start)));
                o.insert("cue_end".into(), json!(c.cue_span.map(|s| s.end)));
            }
            v
        })
        .collect();
    let events: Vec<Value> = ex
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let row = Row {
                id: i as i64 + 1,
                article_id: 0,
                threads: &[],
                filter: None,
            };
            event_value(e, &row)
        })
        .collect();
    json!({
        "article": article_json(a, None, &[]),
        "timexes": ex.timexes.iter().map(timex_json).collect::<Vec<_>>(),
        "actors": ex.actors,
        "claims": claims,
        "events": events,
        "diagnostics": diags,
    })
}

/// Make text safe to print on a terminal: control characters (C0 but newline, DEL, C1) and
/// bidirectional overrides become visible `\u{..}` escapes, so stored text or a file name cannot
/// move the cursor, retitle the window or reorder what the analyst reads. JSON output is not
/// passed through this (serde_json escapes what JSON needs and the data stays exact).
pub fn escape_controls(s: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !s.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Shorten for a table cell, on a char boundary.
fn cut(s: &str, n: usize) -> String {
    let s = escape_controls(&s.replace('\n', " ")).into_owned();
    if s.chars().count() <= n {
        s
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn opt(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("-")
}

pub fn threads(out: &mut Out, rows: &[ThreadSummary], as_json: bool) -> io::Result<()> {
    if as_json {
        let v: Vec<Value> = rows
            .iter()
            .map(|t| {
                json!({
                    "id": t.id, "slug": t.thread.slug, "title": t.thread.title,
                    "keywords": t.thread.keywords, "actors": t.thread.actors, "manual": t.thread.manual,
                    "articles": t.articles, "claims": t.claims, "events": t.events,
                    "contradictions": t.contradictions,
                    "first": t.first.map(|d| d.to_string()), "last": t.last.map(|d| d.to_string()),
                })
            })
            .collect();
        return out.json(&Value::Array(v));
    }
    out.header(&format!(
        "{:<32} {:>8} {:>7} {:>7} {:>7}  {:<23}  TITLE",
        "THREAD", "ARTICLES", "CLAIMS", "EVENTS", "CONTRA", "SPAN"
    ))?;
    for t in rows {
        let span = match (t.first, t.last) {
            (Some(a), Some(b)) => format!("{a}..{b}"),
            _ => "-".into(),
        };
        out.text(&format!(
            "{:<32} {:>8} {:>7} {:>7} {:>7}  {:<23}  {}",
            cut(&t.thread.slug, 32),
            t.articles,
            t.claims,
            t.events,
            t.contradictions,
            span,
            t.thread.title
        ))?;
    }
    Ok(())
}

pub fn articles(out: &mut Out, rows: &[StoredArticle], as_json: bool) -> io::Result<()> {
    if as_json {
        return out.json(&Value::Array(
            rows.iter()
                .map(|a| {
                    let mut v = article_json(&a.article, Some(a.id), &a.threads);
                    if let Value::Object(o) = &mut v {
                        o.insert("copy_of".into(), json!(a.copy_of));
                    }
                    v
                })
                .collect(),
        ));
    }
    out.header(&format!(
        "{:>5}  {:<10}  {:<8}  {:<12}  {:<24}  TITLE",
        "ID", "PUBLISHED", "SOURCE", "DATELINE", "THREADS"
    ))?;
    for a in rows {
        out.text(&format!(
            "{:>5}  {:<10}  {:<8}  {:<12}  {:<24}  {}",
            a.id,
            date_text(a.article.published),
            cut(opt(&a.article.source), 8),
            cut(opt(&a.article.dateline), 12),
            cut(&a.threads.join(","), 24),
            cut(&a.article.title, 70)
        ))?;
    }
    Ok(())
}

pub fn claims(
    out: &mut Out,
    rows: &[StoredClaim],
    filter: Option<&str>,
    as_json: bool,
) -> io::Result<()> {
    if as_json {
        return out.json(&Value::Array(
            rows.iter().map(|c| claim_json(c, filter)).collect(),
        ));
    }
    out.header(&format!(
        "{:>5}  {:<10}  {:<22}  {:<7}  {:<11}  {:>3}  TEXT",
        "ID", "DATE", "SPEAKER", "ACTOR", "FRAME", "POL"
    ))?;
    for c in rows {
        let k = &c.claim;
        out.text(&format!(
            "{:>5}  {:<10}  {:<22}  {:<7}  {:<11}  {:>3}  {}",
            c.id,
            date_text(k.date),
            cut(&k.speaker, 22),
            cut(opt(&k.actor_code), 7),
            cut(opt(&k.frame), 11),
            format!("{:+}", k.polarity.as_i8()),
            cut(&k.text, 80)
        ))?;
    }
    Ok(())
}

pub fn events(
    out: &mut Out,
    rows: &[StoredEvent],
    filter: Option<&str>,
    as_json: bool,
) -> io::Result<()> {
    if as_json {
        return out.json(&Value::Array(
            rows.iter().map(|e| event_json(e, filter)).collect(),
        ));
    }
    out.header(&format!(
        "{:>5}  {:<10}  {:<4}  {:<20}  TEXT",
        "ID", "DATE", "TYPE", "ACTORS"
    ))?;
    for e in rows {
        let v = &e.event;
        out.text(&format!(
            "{:>5}  {:<10}  {:<4}  {:<20}  {}",
            e.id,
            date_text(v.date),
            opt(&v.event_type),
            cut(&v.actors.join(","), 20),
            cut(&v.text, 80)
        ))?;
    }
    Ok(())
}

pub fn contradictions(
    out: &mut Out,
    rows: &[StoredContradiction],
    as_json: bool,
) -> io::Result<()> {
    if as_json {
        return out.json(&Value::Array(rows.iter().map(contradiction_json).collect()));
    }
    for x in rows {
        let c = &x.contradiction;
        out.header(&format!(
            "#{} {} {:.2} [{}] {}",
            x.id,
            c.kind.as_str(),
            c.score,
            c.thread,
            c.explanation
        ))?;
        for s in [&x.a, &x.b] {
            out.text(&format!(
                "    {} {} ({}), article #{} bytes {}-{}: {}",
                date_text(s.claim.date),
                s.claim.speaker,
                opt(&s.claim.actor_code),
                s.article_id,
                s.claim.span.start,
                s.claim.span.end,
                cut(&s.claim.sentence, 160)
            ))?;
        }
    }
    Ok(())
}

pub fn timexes(out: &mut Out, rows: &[Timex], as_json: bool) -> io::Result<()> {
    if as_json {
        let v: Vec<Value> = rows
            .iter()
            .map(|t| json!({"text": t.text, "start": t.span.start, "end": t.span.end, "type": t.kind, "value": t.value}))
            .collect();
        return out.json(&Value::Array(v));
    }
    out.header(&format!(
        "{:>7} {:>7}  {:<8}  {:<16}  TEXT",
        "START", "END", "TYPE", "VALUE"
    ))?;
    for t in rows {
        let kind = serde_json::to_value(t.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        out.text(&format!(
            "{:>7} {:>7}  {:<8}  {:<16}  {}",
            t.span.start, t.span.end, kind, t.value, t.text
        ))?;
    }
    Ok(())
}

pub fn extraction(
    out: &mut Out,
    a: &Article,
    ex: &Extraction,
    diags: &[Diagnostic],
    as_json: bool,
) -> io::Result<()> {
    if as_json {
        return out.json(&extraction_json(a, ex, diags));
    }
    out.header(&format!(
        "{} ({}, {})",
        a.title,
        opt(&a.source),
        date_text(a.published)
    ))?;
    out.text(&format!(
        "{} time expressions, {} actor mentions, {} claims, {} events",
        ex.timexes.len(),
        ex.actors.len(),
        ex.claims.len(),
        ex.events.len()
    ))?;
    for c in &ex.claims {
        out.text(&format!(
            "  claim  {} {} ({}) {} [{} {:+}]: {}",
            date_text(c.date),
            c.speaker,
            opt(&c.actor_code),
            c.cue,
            opt(&c.frame),
            c.polarity.as_i8(),
            cut(&c.text, 100)
        ))?;
    }
    for e in &ex.events {
        out.text(&format!(
            "  event  {} [{}] {}",
            date_text(e.date),
            opt(&e.event_type),
            cut(&e.text, 100)
        ))?;
    }
    for d in diags {
        out.text(&format!("  note   {}", d.message))?;
    }
    Ok(())
}

pub fn search(out: &mut Out, hits: &[SearchHit], as_json: bool) -> io::Result<()> {
    if as_json {
        return out.json(&serde_json::to_value(hits).unwrap_or(Value::Null));
    }
    for h in hits {
        out.text(&format!(
            "{:<7} #{:<5} {} — {}",
            h.kind,
            h.id,
            cut(&h.title, 50),
            h.snippet.replace('\n', " ")
        ))?;
    }
    Ok(())
}

pub fn gazetteer(out: &mut Out, rows: &[GazetteerEntry], as_json: bool) -> io::Result<()> {
    if as_json {
        return out.json(&serde_json::to_value(rows).unwrap_or(Value::Null));
    }
    out.header(&format!(
        "{:<8}  {:<12}  {:<30}  ALIASES",
        "CODE", "KIND", "NAME"
    ))?;
    for e in rows {
        out.text(&format!(
            "{:<8}  {:<12}  {:<30}  {}",
            e.code,
            e.kind.as_str(),
            cut(&e.name, 30),
            cut(&e.aliases.join(", "), 80)
        ))?;
    }
    Ok(())
}

/// `source list`: followed URLs with their latest fetch.
pub fn sources(out: &mut Out, rows: &[crate::model::Source], as_json: bool) -> io::Result<()> {
    let ts = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    if as_json {
        let v: Vec<Value> = rows
            .iter()
            .map(|s| {
                json!({
                    "id": s.id, "url": s.url, "thread": s.thread, "follow_links": s.follow_links,
                    "added_at": ts(s.added_at), "etag": s.etag, "last_modified": s.last_modified,
                    "failures": s.failures, "next_fetch_at": s.next_fetch_at.map(ts),
                    "fetches": s.fetches,
                    "last_fetch": s.last_fetch.as_ref().map(|f| json!({
                        "fetched_at": ts(f.fetched_at), "status": f.status, "error": f.error,
                        "new_items": f.new_items,
                    })),
                })
            })
            .collect();
        return out.json(&Value::Array(v));
    }
    out.header(&format!(
        "{:<24} {:<20} {:>6} {:>4}  URL",
        "THREAD", "LAST FETCH", "STATUS", "NEW"
    ))?;
    for s in rows {
        let (when, status, new) = match &s.last_fetch {
            Some(f) => (
                ts(f.fetched_at),
                f.status
                    .map(|c| c.to_string())
                    .unwrap_or_else(|| "error".into()),
                f.new_items.to_string(),
            ),
            None => ("never".into(), "-".into(), "-".into()),
        };
        out.line(&format!(
            "{:<24} {:<20} {:>6} {:>4}  {}",
            cut(&s.thread, 24),
            when,
            status,
            new,
            s.url
        ))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_keeps_char_boundaries() {
        assert_eq!(cut("Genève — talks", 8), "Genève …");
        assert_eq!(cut("short", 10), "short");
        assert_eq!(cut("two\nlines", 20), "two lines");
    }

    #[test]
    fn issue_15_item_6_control_characters_are_escaped() {
        assert_eq!(
            escape_controls("a\x1b[2Jb\x07c\u{9b}d\u{202e}e\tf\ng"),
            "a\\u{1b}[2Jb\\u{7}c\\u{9b}d\\u{202e}e\\u{9}f\ng"
        );
        assert!(matches!(
            escape_controls("Genève — talks"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(cut("x\x1b]0;pwned\x07", 40), "x\\u{1b}]0;pwned\\u{7}");
    }
}
