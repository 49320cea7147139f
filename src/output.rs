//! Listing output: the JSON contract of DESIGN.md and the human tables, written to stdout.

use std::io::{self, Write};

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{json, Value};

use crate::model::{
    ActorMention, Article, Claim, DateValue, Diagnostic, Event, Extraction, Figure, GazetteerEntry,
    Span, Stance, StoredArticle, StoredClaim, StoredContradiction, StoredEvent, ThreadSummary,
    Timex,
};
use crate::store::SearchHit;

mod jsonl;

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
    pub fn json_line(&mut self, v: &impl Serialize) -> io::Result<()> {
        serde_json::to_writer(&mut self.w, v)?;
        self.w.write_all(b"\n")
    }
    /// One `extract --jsonl` record and a newline: the bytes [`Out::json_line`] writes for
    /// [`extraction_view`], written by hand (see `output/jsonl.rs`).
    pub fn extraction_line(
        &mut self,
        a: &Article,
        ex: &Extraction,
        diags: &[Diagnostic],
    ) -> io::Result<()> {
        jsonl::write_extraction(&mut self.w, a, ex, diags)?;
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
    fn json(&mut self, v: &impl Serialize) -> io::Result<()> {
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

/// The whole `extract` result for one article (DESIGN.md: article, timexes, actors, claims,
/// events, diagnostics) as a JSON value.
pub fn extraction_json(a: &Article, ex: &Extraction, diags: &[Diagnostic]) -> Value {
    serde_json::to_value(extraction_view(a, ex, diags)).unwrap_or(Value::Null)
}

/// The whole `extract` result for one article, serializable straight into a writer: the same
/// JSON as [`extraction_json`] (every object's keys in sorted order, as a `Value` map has
/// them), without building a `Value` tree first.
pub fn extraction_view<'a>(
    a: &'a Article,
    ex: &'a Extraction,
    diags: &'a [Diagnostic],
) -> impl Serialize + 'a {
    ExtractionView {
        actors: Each(&ex.actors, |_, m: &'a ActorMention| ActorView {
            code: &m.code,
            country: m.country.as_deref(),
            kind: m.kind.as_str(),
            name: &m.name,
            span: SpanView::of(m.span),
            text: &m.text,
        }),
        article: ArticleView::of(a),
        claims: Each(&ex.claims, move |i, c: &'a Claim| ClaimView::of(i, c, a)),
        diagnostics: Each(diags, |_, d: &'a Diagnostic| DiagnosticView {
            message: &d.message,
            span: d.span.map(SpanView::of),
        }),
        events: Each(&ex.events, EventView::of),
        timexes: Each(&ex.timexes, |_, t: &'a Timex| TimexView {
            date: DateStr::of(t.resolved),
            end: t.span.end,
            precision: t.resolved.precision.as_str(),
            start: t.span.start,
            text: &t.text,
            kind: t.kind,
            value: &t.value,
        }),
    }
}

/// A slice serialized as a JSON array of views, made one at a time from (index, item).
struct Each<'a, T, F>(&'a [T], F);

/// The items of a claim or event.
type Figures<'a> = Each<'a, Figure, fn(usize, &'a Figure) -> FigureView<'a>>;

impl<'a, T, V: Serialize, F: Fn(usize, &'a T) -> V> Serialize for Each<'a, T, F> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().enumerate().map(|(i, x)| (self.1)(i, x)))
    }
}

/// A date as `YYYY-MM-DD` text (`NaiveDate`'s display), or null.
struct DateStr(NaiveDate);

impl DateStr {
    fn of(d: DateValue) -> Option<DateStr> {
        d.date.map(DateStr)
    }
}

impl Serialize for DateStr {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

// The views below list their fields in sorted key order: that is the order a `Value` map
// (a `BTreeMap`) writes, and the JSON Lines output must stay byte-identical to it.

#[derive(Serialize)]
struct ExtractionView<'a, A: Serialize, C: Serialize, D: Serialize, E: Serialize, T: Serialize> {
    actors: A,
    article: ArticleView<'a>,
    claims: C,
    diagnostics: D,
    events: E,
    timexes: T,
}

#[derive(Serialize)]
struct SpanView {
    end: usize,
    start: usize,
}

impl SpanView {
    fn of(s: Span) -> SpanView {
        SpanView {
            end: s.end,
            start: s.start,
        }
    }
}

#[derive(Serialize)]
struct ActorView<'a> {
    code: &'a str,
    country: Option<&'a str>,
    kind: &'static str,
    name: &'a str,
    span: SpanView,
    text: &'a str,
}

#[derive(Serialize)]
struct DiagnosticView<'a> {
    message: &'a str,
    span: Option<SpanView>,
}

#[derive(Serialize)]
struct TimexView<'a> {
    date: Option<DateStr>,
    end: usize,
    precision: &'static str,
    start: usize,
    text: &'a str,
    #[serde(rename = "type")]
    kind: crate::model::TimexType,
    value: &'a str,
}

/// [`article_json`] of an article not stored: no id, no threads.
#[derive(Serialize)]
struct ArticleView<'a> {
    body: &'a str,
    byline: Option<&'a str>,
    contributors: &'a [String],
    dateline: Option<&'a str>,
    id: Option<i64>,
    origin: &'a str,
    published: Option<DateStr>,
    published_precision: &'static str,
    source: Option<&'a str>,
    summary_only: bool,
    threads: &'static [String],
    title: &'a str,
    url: Option<&'a str>,
}

impl<'a> ArticleView<'a> {
    fn of(a: &'a Article) -> ArticleView<'a> {
        ArticleView {
            body: &a.body,
            byline: a.byline.as_deref(),
            contributors: &a.contributors,
            dateline: a.dateline.as_deref(),
            id: None,
            origin: &a.origin,
            published: DateStr::of(a.published),
            published_precision: a.published.precision.as_str(),
            source: a.source.as_deref(),
            summary_only: a.summary_only,
            threads: &[],
            title: &a.title,
            url: a.url.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct FigureView<'a> {
    quantity: &'a str,
    span: SpanView,
    value: f64,
}

fn figure_view(_: usize, f: &Figure) -> FigureView<'_> {
    FigureView {
        quantity: &f.quantity,
        span: SpanView::of(f.span),
        value: f.value,
    }
}

/// [`claim_value`] of an unstored claim (id = its place in the article, counted from 1; no
/// article id or threads) plus the cue's span.
#[derive(Serialize)]
struct ClaimView<'a> {
    actor: Option<&'a str>,
    actor_code: Option<&'a str>,
    article_id: i64,
    article_title: &'a str,
    /// Written as the `f64` a `Value` holds for an `f32` (0.44999998807907104).
    confidence: Option<f64>,
    country: Option<&'a str>,
    cue: &'a str,
    cue_end: Option<usize>,
    cue_start: Option<usize>,
    date: Option<DateStr>,
    date_precision: &'static str,
    denial: bool,
    end: usize,
    figures: Figures<'a>,
    frame: Option<&'a str>,
    hedge: Option<&'a str>,
    id: i64,
    kind: &'static str,
    polarity: Stance,
    sentence: &'a str,
    sentence_end: usize,
    sentence_start: usize,
    source: Option<&'a str>,
    speaker: &'a str,
    speaker_end: Option<usize>,
    speaker_start: Option<usize>,
    start: usize,
    target: Option<&'a str>,
    text: &'a str,
    thread: Option<&'static str>,
    threads: &'static [String],
}

impl<'a> ClaimView<'a> {
    fn of(i: usize, k: &'a Claim, a: &'a Article) -> ClaimView<'a> {
        ClaimView {
            actor: k.actor.as_deref(),
            actor_code: k.actor_code.as_deref(),
            article_id: 0,
            article_title: &a.title,
            confidence: Some(k.confidence as f64).filter(|c| c.is_finite()),
            country: k.country.as_deref(),
            cue: &k.cue,
            cue_end: k.cue_span.map(|s| s.end),
            cue_start: k.cue_span.map(|s| s.start),
            date: DateStr::of(k.date),
            date_precision: k.date.precision.as_str(),
            denial: k.denial,
            end: k.span.end,
            figures: Each(&k.figures, figure_view as _),
            frame: k.frame.as_deref(),
            hedge: k.hedge.as_deref(),
            id: i as i64 + 1,
            kind: k.kind.as_str(),
            polarity: k.polarity,
            sentence: &k.sentence,
            sentence_end: k.sentence_span.end,
            sentence_start: k.sentence_span.start,
            source: a.source.as_deref(),
            speaker: &k.speaker,
            speaker_end: k.speaker_span.map(|s| s.end),
            speaker_start: k.speaker_span.map(|s| s.start),
            start: k.span.start,
            target: k.target.as_deref(),
            text: &k.text,
            thread: None,
            threads: &[],
        }
    }
}

/// [`event_value`] of an unstored event (id = its place in the article, counted from 1).
#[derive(Serialize)]
struct EventView<'a> {
    actors: &'a [String],
    article_id: i64,
    date: Option<DateStr>,
    date_precision: &'static str,
    end: usize,
    figures: Figures<'a>,
    id: i64,
    sentence: &'a str,
    sentence_end: usize,
    sentence_start: usize,
    start: usize,
    text: &'a str,
    thread: Option<&'static str>,
    threads: &'static [String],
    trigger: &'a str,
    #[serde(rename = "type")]
    event_type: Option<&'a str>,
}

impl<'a> EventView<'a> {
    fn of(i: usize, v: &'a Event) -> EventView<'a> {
        EventView {
            actors: &v.actors,
            article_id: 0,
            date: DateStr::of(v.date),
            date_precision: v.date.precision.as_str(),
            end: v.span.end,
            figures: Each(&v.figures, figure_view as _),
            id: i as i64 + 1,
            sentence: &v.sentence,
            sentence_end: v.sentence_span.end,
            sentence_start: v.sentence_span.start,
            start: v.span.start,
            text: &v.text,
            thread: None,
            threads: &[],
            trigger: &v.trigger,
            event_type: v.event_type.as_deref(),
        }
    }
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
        return out.json(&extraction_view(a, ex, diags));
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

    /// `extract`'s JSON as it was built before the views: a `Value` tree from the listing
    /// rows ([`claim_value`], [`event_value`], [`article_json`]) and the model types.
    fn extraction_value(a: &Article, ex: &Extraction, diags: &[Diagnostic]) -> Value {
        let row = |i: usize| Row {
            id: i as i64 + 1,
            article_id: 0,
            threads: &[],
            filter: None,
        };
        let claims: Vec<Value> = ex
            .claims
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mut v = claim_value(c, &row(i), &a.title, a.source.as_deref());
                if let Value::Object(o) = &mut v {
                    o.insert("cue_start".into(), json!(c.cue_span.map(|s| s.start)));
                    o.insert("cue_end".into(), json!(c.cue_span.map(|s| s.end)));
                }
                v
            })
            .collect();
        let events: Vec<Value> = (ex.events.iter().enumerate())
            .map(|(i, e)| event_value(e, &row(i)))
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

    #[test]
    fn extraction_view_writes_the_value_trees_bytes() {
        let gaz = crate::extract::Gazetteer::builtin();
        let opts = crate::ingest::ReadOptions::default();
        let mut articles: Vec<Article> = crate::demo::inputs()
            .iter()
            .flat_map(|input| match input {
                crate::pipeline::Input::Memory(origin, bytes) => {
                    crate::ingest::read_bytes(origin, bytes, &opts).0
                }
                _ => Vec::new(),
            })
            .collect();
        assert!(articles.len() > 5, "the demo corpus reads");
        // Undated, with a byline, contributors and a URL, and text that needs escaping.
        let mut odd = articles[0].clone();
        odd.published = DateValue::unknown();
        odd.byline = Some("By A. \"Quoted\" Writer\t".into());
        odd.contributors = vec!["Matthew Lee in Washington".into()];
        odd.url = Some("https://example.org/a?b=c&d=\u{1}".into());
        odd.body
            .push_str("\n\nMoscow said on Monday: \"No \u{2028} deal\" \u{1F600}.");
        articles.push(odd);
        let mut claims = 0;
        for a in &articles {
            let (ex, diags) = crate::extract::extract(&a.body, a.published, &gaz);
            claims += ex.claims.len();
            let want = serde_json::to_string(&extraction_value(a, &ex, &diags)).unwrap();
            let got = serde_json::to_string(&extraction_view(a, &ex, &diags)).unwrap();
            assert_eq!(got, want, "{}", a.origin);
            let mut line = Vec::new();
            jsonl::write_extraction(&mut line, a, &ex, &diags).unwrap();
            assert_eq!(String::from_utf8(line).unwrap(), want, "{}", a.origin);
            let pretty = serde_json::to_string_pretty(&extraction_view(a, &ex, &diags)).unwrap();
            assert_eq!(
                pretty,
                serde_json::to_string_pretty(&extraction_value(a, &ex, &diags)).unwrap()
            );
            assert_eq!(
                extraction_json(a, &ex, &diags),
                extraction_value(a, &ex, &diags)
            );
        }
        assert!(claims > 10, "the demo corpus has claims to compare");
    }

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
