//! Extractions: the JSON Lines `storyline extract --jsonl` writes, read back without re-extracting.
//!
//! One object a line: `{"article": {...}, "timexes": [...], "actors": [...], "claims": [...],
//! "events": [...], "diagnostics": [...]}` as `output::extraction_json` prints it. So a cluster
//! (Spark's `rdd.pipe("storyline extract --jsonl")`, Hadoop streaming) runs the pure, costly
//! step, and one machine threads, stores, detects and reports. The body is taken as written
//! (it was cleaned before extraction and every span points into it). `{"error": ...}` lines
//! (an input line `extract` could not read) and `{}` lines (an empty input line) are skipped
//! with an error and silently, so line numbers still match the extraction run's input.

use serde_json::{Map, Value};

use super::{decode, IngestError};
use crate::model::{
    Article, Claim, ClaimKind, DateValue, Event, Extraction, Figure, Precision, Span, Stance,
    Timex, TimexType,
};

type Obj = Map<String, Value>;

fn str_of(o: &Obj, k: &str) -> Option<String> {
    o.get(k).and_then(Value::as_str).map(str::to_string)
}

fn req_str(o: &Obj, k: &str) -> Result<String, String> {
    str_of(o, k).ok_or_else(|| format!("no {k:?} field"))
}

fn num(o: &Obj, k: &str) -> Result<usize, String> {
    o.get(k)
        .and_then(Value::as_u64)
        .map(|n| n as usize)
        .ok_or_else(|| format!("no {k:?} offset"))
}

fn span(o: &Obj, start: &str, end: &str) -> Result<Span, String> {
    Ok(Span::new(num(o, start)?, num(o, end)?))
}

fn opt_span(o: &Obj, start: &str, end: &str) -> Option<Span> {
    span(o, start, end).ok()
}

fn date(o: &Obj, date: &str, precision: &str) -> DateValue {
    let precision = Precision::parse(o.get(precision).and_then(Value::as_str).unwrap_or(""));
    let date = o
        .get(date)
        .and_then(Value::as_str)
        .and_then(|s| s.parse().ok());
    match date {
        Some(d) => DateValue {
            date: Some(d),
            precision,
        },
        None => DateValue::unknown(),
    }
}

fn list<T: serde::de::DeserializeOwned>(o: &Obj, k: &str) -> Result<Vec<T>, String> {
    match o.get(k) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(v) => serde_json::from_value(v.clone()).map_err(|e| format!("{k}: {e}")),
    }
}

fn objects<'a>(o: &'a Obj, k: &str) -> Result<Vec<&'a Obj>, String> {
    match o.get(k) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(a)) => a
            .iter()
            .map(|v| {
                v.as_object()
                    .ok_or_else(|| format!("{k}: expected objects"))
            })
            .collect(),
        Some(_) => Err(format!("{k}: expected an array")),
    }
}

fn article(o: &Obj, origin: &str) -> Result<Article, String> {
    let body = req_str(o, "body")?;
    Ok(Article {
        title: str_of(o, "title").unwrap_or_default(),
        url: str_of(o, "url"),
        source: str_of(o, "source"),
        published: date(o, "published", "published_precision"),
        dateline: str_of(o, "dateline"),
        byline: str_of(o, "byline"),
        contributors: list(o, "contributors")?,
        body,
        origin: origin.to_string(),
        summary_only: o
            .get("summary_only")
            .and_then(Value::as_bool)
            .unwrap_or(false),
    })
}

fn claim(o: &Obj) -> Result<Claim, String> {
    Ok(Claim {
        speaker: req_str(o, "speaker")?,
        speaker_span: opt_span(o, "speaker_start", "speaker_end"),
        actor: str_of(o, "actor"),
        actor_code: str_of(o, "actor_code"),
        country: str_of(o, "country"),
        cue: str_of(o, "cue").unwrap_or_default(),
        cue_span: opt_span(o, "cue_start", "cue_end"),
        // Lenient: a missing or unknown kind reads as indirect.
        kind: ClaimKind::parse(o.get("kind").and_then(Value::as_str).unwrap_or(""))
            .unwrap_or(ClaimKind::Indirect),
        text: req_str(o, "text")?,
        span: span(o, "start", "end")?,
        sentence: str_of(o, "sentence").unwrap_or_default(),
        sentence_span: span(o, "sentence_start", "sentence_end")?,
        date: date(o, "date", "date_precision"),
        frame: str_of(o, "frame"),
        // Lenient like the other fields: a missing value is neutral, any other number counts by its sign.
        polarity: Stance::of_sign(o.get("polarity").and_then(Value::as_i64).unwrap_or(0)),
        hedge: str_of(o, "hedge"),
        target: str_of(o, "target"),
        figures: list::<Figure>(o, "figures")?,
        denial: o.get("denial").and_then(Value::as_bool).unwrap_or(false),
        confidence: o.get("confidence").and_then(Value::as_f64).unwrap_or(0.0) as f32,
    })
}

fn event(o: &Obj) -> Result<Event, String> {
    Ok(Event {
        text: req_str(o, "text")?,
        span: span(o, "start", "end")?,
        sentence: str_of(o, "sentence").unwrap_or_default(),
        sentence_span: span(o, "sentence_start", "sentence_end")?,
        date: date(o, "date", "date_precision"),
        actors: list(o, "actors")?,
        event_type: str_of(o, "type"),
        trigger: str_of(o, "trigger").unwrap_or_default(),
        figures: list::<Figure>(o, "figures")?,
    })
}

fn timex(o: &Obj) -> Result<Timex, String> {
    let kind: TimexType = serde_json::from_value(o.get("type").cloned().unwrap_or(Value::Null))
        .map_err(|e| format!("timex type: {e}"))?;
    Ok(Timex {
        text: req_str(o, "text")?,
        span: span(o, "start", "end")?,
        kind,
        value: str_of(o, "value").unwrap_or_default(),
        resolved: date(o, "date", "precision"),
    })
}

/// What one line holds.
enum Line {
    Record(Box<(Article, Extraction)>),
    /// `{}` (an empty input line) or `{"error": ...}` with its message.
    Skip(Option<String>),
}

fn record(origin: &str, line: &str) -> Result<Line, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let Value::Object(o) = value else {
        return Err("expected a JSON object".to_string());
    };
    if o.is_empty() {
        return Ok(Line::Skip(None));
    }
    if let Some(e) = o.get("error") {
        return Ok(Line::Skip(Some(
            e.as_str().map_or_else(|| e.to_string(), str::to_string),
        )));
    }
    let a = o
        .get("article")
        .and_then(Value::as_object)
        .ok_or("no \"article\" object (is this `extract --jsonl` output?)")?;
    let article = article(a, origin)?;
    let extraction = Extraction {
        timexes: objects(&o, "timexes")?
            .into_iter()
            .map(timex)
            .collect::<Result<_, _>>()?,
        actors: list(&o, "actors")?,
        claims: objects(&o, "claims")?
            .into_iter()
            .map(claim)
            .collect::<Result<_, _>>()?,
        events: objects(&o, "events")?
            .into_iter()
            .map(event)
            .collect::<Result<_, _>>()?,
    };
    // Spans must point into the body: a record edited by hand (or cut) is refused, not stored
    // with offsets that slice the wrong text or panic later.
    let body = &article.body;
    let fits = |s: Span| {
        s.start <= s.end
            && s.end <= body.len()
            && body.is_char_boundary(s.start)
            && body.is_char_boundary(s.end)
    };
    let spans = extraction
        .claims
        .iter()
        .flat_map(|c| {
            [
                Some(c.span),
                Some(c.sentence_span),
                c.speaker_span,
                c.cue_span,
            ]
        })
        .chain(
            extraction
                .events
                .iter()
                .flat_map(|e| [Some(e.span), Some(e.sentence_span)]),
        )
        .flatten();
    if let Some(bad) = spans.into_iter().find(|s| !fits(*s)) {
        return Err(format!(
            "span {}..{} does not fit the body ({} bytes)",
            bad.start,
            bad.end,
            body.len()
        ));
    }
    if body.trim().is_empty() {
        return Err("no story text".to_string());
    }
    Ok(Line::Record(Box::new((article, extraction))))
}

/// Read one line (1-based `line_no`) of an extractions file: `Ok(None)` for a blank or `{}`
/// line, an error for a bad line or an `{"error": ...}` line.
pub fn read_extraction_line(
    origin: &str,
    line_no: usize,
    line: &str,
) -> Result<Option<(Article, Extraction)>, IngestError> {
    let line = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    if line.is_empty() {
        return Ok(None);
    }
    let error = |msg: String| IngestError::JsonLine {
        path: origin.to_string(),
        line: line_no,
        msg,
    };
    match record(&format!("{origin}:{line_no}"), line) {
        Ok(Line::Record(r)) => Ok(Some(*r)),
        Ok(Line::Skip(None)) => Ok(None),
        Ok(Line::Skip(Some(msg))) => Err(error(format!("extraction failed: {msg}"))),
        Err(msg) => Err(error(msg)),
    }
}

/// Read a file of extractions: the records, and one error per bad line (the rest is read).
pub fn read_extractions(
    origin: &str,
    bytes: &[u8],
) -> (Vec<(Article, Extraction)>, Vec<IngestError>) {
    let text = match decode(origin, bytes) {
        Ok(t) => t,
        Err(e) => return (Vec::new(), vec![e]),
    };
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        match read_extraction_line(origin, i + 1, line) {
            Ok(Some(r)) => out.push(r),
            Ok(None) => {}
            Err(e) => errors.push(e),
        }
    }
    (out, errors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{self, Gazetteer};
    use crate::ingest::{read_bytes, Format, ReadOptions};
    use crate::output::extraction_json;

    const PAGE: &str = r#"{"title": "Aleppo talks", "published": "2016-08-29", "source": "AP", "text": "MOSCOW (AP) — Russia's defense minister Sergei Shoigu said on Monday that \"step by step, we are nearing an arrangement\" on Aleppo. A U.S. official said, however, that \"no agreement is close.\" State Department spokeswoman Elizabeth Trudeau said \"we have nothing to announce.\" Government warplanes struck eastern Aleppo on Sunday, killing at least 20 people, activists said."}"#;

    /// What `extract --jsonl` writes for `PAGE`, read back, is the same article and extraction.
    #[test]
    fn extract_output_reads_back_exactly() {
        let (articles, _) = read_bytes(
            "in.jsonl",
            PAGE.as_bytes(),
            &ReadOptions {
                format: Format::Jsonl,
                ..ReadOptions::default()
            },
        );
        let a = &articles[0];
        let (ex, diags) = extract::extract(&a.body, a.published, &Gazetteer::with_extra(&[]));
        assert!(!ex.claims.is_empty(), "{ex:#?}");
        let line = serde_json::to_string(&extraction_json(a, &ex, &diags)).unwrap();
        let (got, errors) = read_extractions("ex.jsonl", format!("{line}\n{{}}\n").as_bytes());
        assert!(errors.is_empty(), "{errors:?}");
        let (a2, ex2) = &got[0];
        assert_eq!(a2.body, a.body);
        assert_eq!(
            (a2.origin.as_str(), a2.published, &a2.title, &a2.source),
            ("ex.jsonl:1", a.published, &a.title, &a.source)
        );
        assert_eq!(ex2, &ex);
    }

    #[test]
    fn bad_lines_are_reported_and_skipped() {
        let data = concat!(
            r#"{"error": "-:1: bad JSON line: expected value"}"#,
            "\n",
            r#"{"title": "not an extraction", "text": "x"}"#,
            "\n",
            r#"{"article": {"body": "Short."}, "claims": [{"speaker": "X", "text": "y", "start": 3, "end": 90, "sentence_start": 0, "sentence_end": 6}]}"#,
            "\n",
            r#"{"article": {"body": "Russia said a deal is near.", "published": "2016-08-29", "published_precision": "day"}}"#,
            "\n",
        );
        let (got, errors) = read_extractions("ex.jsonl", data.as_bytes());
        let errors: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            errors,
            [
                "ex.jsonl:1: bad JSON line: extraction failed: -:1: bad JSON line: expected value",
                "ex.jsonl:2: bad JSON line: no \"article\" object (is this `extract --jsonl` output?)",
                "ex.jsonl:3: bad JSON line: span 3..90 does not fit the body (6 bytes)",
            ]
        );
        assert_eq!(got.len(), 1);
        assert_eq!(
            got[0].0.published,
            DateValue::day("2016-08-29".parse().unwrap())
        );
    }
}
