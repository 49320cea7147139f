//! Export a thread for other tools: JSON, JSON Lines, CSV and a TimelineJS3 document.

use serde_json::{json, Value};

use crate::model::{DateValue, Precision};
use crate::output::{claim_json, contradiction_json, event_json};
use crate::render::ReportData;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot encode json: {0}")]
    Json(#[from] serde_json::Error),
    #[error("cannot encode csv: {0}")]
    Csv(#[from] csv::Error),
    #[error("cannot encode csv: {0}")]
    CsvInner(String),
}

fn slug(data: &ReportData) -> Option<&str> {
    Some(data.thread.slug.as_str())
}

/// One JSON document: the thread with its claims, events and contradictions.
pub fn json(data: &ReportData) -> Result<String, ExportError> {
    let v = json!({
        "thread": {"slug": data.thread.slug, "title": data.thread.title},
        "claims": data.claims.iter().map(|c| claim_json(c, slug(data))).collect::<Vec<_>>(),
        "events": data.events.iter().map(|e| event_json(e, slug(data))).collect::<Vec<_>>(),
        "contradictions": data.contradictions.iter().map(contradiction_json).collect::<Vec<_>>(),
    });
    Ok(serde_json::to_string_pretty(&v)? + "\n")
}

/// One JSON object per line, each with a "record" field: claim, event or contradiction.
pub fn jsonl(data: &ReportData) -> Result<String, ExportError> {
    let mut out = String::new();
    let mut push = |record: &str, mut v: Value| -> Result<(), ExportError> {
        v["record"] = Value::String(record.into());
        out.push_str(&serde_json::to_string(&v)?);
        out.push('\n');
        Ok(())
    };
    for c in &data.claims {
        push("claim", claim_json(c, slug(data)))?;
    }
    for e in &data.events {
        push("event", event_json(e, slug(data)))?;
    }
    for x in &data.contradictions {
        push("contradiction", contradiction_json(x))?;
    }
    Ok(out)
}

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or carriage return
/// first) gets a leading `'`, as OWASP's CSV-injection advice says; plain numbers ("-1") are
/// left alone. Claim text comes from the articles, so it is untrusted.
pub fn csv_cell(s: &str) -> std::borrow::Cow<'_, str> {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && s.parse::<f64>().is_err() {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// A CSV writer whose every cell goes through [`csv_cell`].
struct SafeCsv(csv::Writer<Vec<u8>>);

impl SafeCsv {
    fn write_record<I, T>(&mut self, record: I) -> Result<(), csv::Error>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        let cells: Vec<String> = record
            .into_iter()
            .map(|c| csv_cell(c.as_ref()).into_owned())
            .collect();
        self.0.write_record(&cells)
    }
}

/// One CSV table: a row per claim, event and contradiction, with a `record` column.
pub fn csv(data: &ReportData) -> Result<String, ExportError> {
    let mut w = SafeCsv(csv::Writer::from_writer(Vec::new()));
    w.write_record([
        "record",
        "id",
        "article_id",
        "date",
        "date_precision",
        "speaker",
        "actor_code",
        "cue",
        "kind",
        "frame",
        "polarity",
        "text",
        "start",
        "end",
    ])?;
    for c in &data.claims {
        let k = &c.claim;
        w.write_record([
            "claim".to_string(),
            c.id.to_string(),
            c.article_id.to_string(),
            date_str(k.date),
            k.date.precision.as_str().to_string(),
            k.speaker.clone(),
            k.actor_code.clone().unwrap_or_default(),
            k.cue.clone(),
            k.kind.as_str().to_string(),
            k.frame.clone().unwrap_or_default(),
            k.polarity.to_string(),
            k.text.clone(),
            k.span.start.to_string(),
            k.span.end.to_string(),
        ])?;
    }
    for e in &data.events {
        let v = &e.event;
        w.write_record([
            "event".to_string(),
            e.id.to_string(),
            e.article_id.to_string(),
            date_str(v.date),
            v.date.precision.as_str().to_string(),
            String::new(),
            v.actors.join(" "),
            v.trigger.clone(),
            v.event_type.clone().unwrap_or_default(),
            String::new(),
            String::new(),
            v.text.clone(),
            v.span.start.to_string(),
            v.span.end.to_string(),
        ])?;
    }
    for x in &data.contradictions {
        let c = &x.contradiction;
        w.write_record([
            "contradiction".to_string(),
            x.id.to_string(),
            String::new(),
            date_str(x.b.claim.date),
            String::new(),
            format!("{} / {}", x.a.claim.speaker, x.b.claim.speaker),
            String::new(),
            String::new(),
            c.kind.as_str().to_string(),
            x.a.claim.frame.clone().unwrap_or_default(),
            format!("{:.2}", c.score),
            c.explanation.clone(),
            x.a.id.to_string(),
            x.b.id.to_string(),
        ])?;
    }
    let bytes =
        w.0.into_inner()
            .map_err(|e| ExportError::CsvInner(e.to_string()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn date_str(d: DateValue) -> String {
    d.date.map(|d| d.to_string()).unwrap_or_default()
}

/// A TimelineJS3 date object at the date's precision (never inventing a day).
fn tl_date(d: DateValue) -> Option<Value> {
    use chrono::Datelike;
    let x = d.date?;
    Some(match d.precision {
        Precision::Year => json!({"year": x.year()}),
        Precision::Month => json!({"year": x.year(), "month": x.month()}),
        _ => json!({"year": x.year(), "month": x.month(), "day": x.day()}),
    })
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A TimelineJS3 JSON document: dated claims and events, grouped by actor code.
/// Undated items are left out (TimelineJS requires start_date.year).
pub fn timelinejs(data: &ReportData) -> Result<String, ExportError> {
    let mut events = Vec::new();
    for c in &data.claims {
        let Some(start) = tl_date(c.claim.date) else {
            continue;
        };
        let k = &c.claim;
        events.push(json!({
            "start_date": start,
            "text": {
                "headline": escape(&format!("{} {}", k.speaker, k.cue)),
                "text": format!("<p>“{}”</p><p><small>{} — article #{}, bytes {}–{}</small></p>",
                    escape(&k.text), escape(&c.article_title), c.article_id, k.span.start, k.span.end),
            },
            "group": k.actor_code.clone().unwrap_or_else(|| "unattributed".into()),
            "unique_id": format!("claim-{}", c.id),
        }));
    }
    for e in &data.events {
        let Some(start) = tl_date(e.event.date) else {
            continue;
        };
        events.push(json!({
            "start_date": start,
            "text": {"headline": escape(&e.event.trigger), "text": format!("<p>{}</p>", escape(&e.event.text))},
            "group": e.event.actors.first().cloned().unwrap_or_else(|| "events".into()),
            "unique_id": format!("event-{}", e.id),
        }));
    }
    let doc = json!({
        "title": {"text": {"headline": escape(&data.thread.title), "text": format!("<p>{} claims, {} events, {} contradictions</p>", data.claims.len(), data.events.len(), data.contradictions.len())}},
        "events": events,
    });
    Ok(serde_json::to_string_pretty(&doc)? + "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_15_item_5_csv_cells_never_start_a_formula() {
        for (cell, want) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("-1", "-1"),
            ("0.75", "0.75"),
            ("no agreement is close", "no agreement is close"),
            ("", ""),
        ] {
            assert_eq!(csv_cell(cell), want, "{cell:?}");
        }
    }

    #[test]
    fn issue_15_item_5_csv_export_defuses_formulas_in_stored_text() {
        let mut data = crate::render::fixtures::small();
        data.claims[0].claim.text = "=HYPERLINK(\"http://evil.example\",\"click\")".into();
        data.claims[0].claim.speaker = "@SUM(A1:A9)".into();
        let out = csv(&data).unwrap();
        let mut r = ::csv::Reader::from_reader(out.as_bytes());
        let headers = r.headers().unwrap().clone();
        let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
        let rows: Vec<::csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
        let first = rows
            .iter()
            .find(|x| x[1] == data.claims[0].id.to_string())
            .unwrap();
        assert_eq!(
            &first[col("text")],
            "'=HYPERLINK(\"http://evil.example\",\"click\")"
        );
        assert_eq!(&first[col("speaker")], "'@SUM(A1:A9)");
        // Polarity -1 stays a number.
        assert!(rows.iter().all(|x| !x[col("polarity")].starts_with('\'')));
        for x in &rows {
            for cell in x.iter() {
                assert!(!cell.starts_with(['=', '+', '@']), "{cell:?}");
            }
        }
    }
}
