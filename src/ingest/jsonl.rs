//! JSON Lines: one article object a line (`title`, `text` or `body`, `published`, `url`, `source`, `dateline`, `byline`, `contributors`).
//!
//! Other fields are ignored. A bad line is reported with its 1-based number and skipped.

use super::{decode, IngestError, ReadOptions, Reader};
use crate::clean::clean_body;
use crate::meta::{build, parse_date, Hints};
use crate::model::Article;
use serde_json::Value;

/// A JSON Lines file of articles.
pub struct JsonlReader;

fn field(obj: &serde_json::Map<String, Value>, names: &[&str]) -> Option<String> {
    names
        .iter()
        .find_map(|n| obj.get(*n).and_then(Value::as_str))
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// One record; `Err` is the message for a `JsonLine` error.
fn record(origin: &str, line: &str, opts: &ReadOptions) -> Result<Article, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let Value::Object(obj) = value else {
        return Err("expected a JSON object".to_string());
    };
    let text = field(&obj, &["text", "body", "content"]).ok_or("no \"text\" or \"body\" field")?;
    let published = match field(&obj, &["published", "date"]) {
        Some(p) => Some(parse_date(&p).ok_or_else(|| format!("bad \"published\" date {p:?}"))?),
        None => None,
    };
    let contributors = obj
        .get("contributors")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    let hints = Hints {
        title: field(&obj, &["title", "headline"]),
        url: field(&obj, &["url", "link"]),
        source: field(&obj, &["source"]),
        published,
        byline: field(&obj, &["byline", "author"]),
        dateline: field(&obj, &["dateline"]),
        contributors,
        ..Hints::default()
    };
    let story = build(origin, &clean_body(&text), hints, opts.date);
    if story.article.body.trim().is_empty() {
        return Err("no story text".to_string());
    }
    Ok(story.article)
}

impl Reader for JsonlReader {
    fn read(
        &self,
        origin: &str,
        bytes: &[u8],
        opts: &ReadOptions,
    ) -> (Vec<Article>, Vec<IngestError>) {
        let text = match decode(origin, bytes) {
            Ok(t) => t,
            Err(e) => return (Vec::new(), vec![e]),
        };
        let mut articles = Vec::new();
        let mut errors = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
            if line.is_empty() {
                continue;
            }
            match record(&format!("{origin}:{}", i + 1), line, opts) {
                Ok(a) => articles.push(a),
                Err(msg) => errors.push(IngestError::JsonLine {
                    path: origin.to_string(),
                    line: i + 1,
                    msg,
                }),
            }
        }
        (articles, errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_line_in_the_middle() {
        let data = concat!(
            r#"{"title": "Deal near", "text": "MOSCOW (AP) — Russia said a deal is near.", "published": "2016-08-29", "extra": 1}"#,
            "\n\n",
            r#"{"title": "Broken", "text": "#,
            "\n",
            r#"{"title": "No text"}"#,
            "\n",
            r#"{"title": "Truce", "body": "A truce began.", "published": "2016-09-12T19:00:00+03:00", "url": "https://example.com/t", "source": "AFP", "dateline": "DAMASCUS", "byline": "Karim Talbi"}"#,
            "\n",
            r#"{"title": "Bad date", "text": "x", "published": "someday"}"#,
            "\n",
        );
        let (arts, errs) = JsonlReader.read("in.jsonl", data.as_bytes(), &ReadOptions::default());
        let errs: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
        assert_eq!(errs.len(), 3, "{errs:?}");
        assert!(
            errs[0].starts_with("in.jsonl:3: bad JSON line: "),
            "{}",
            errs[0]
        );
        assert_eq!(
            errs[1],
            "in.jsonl:4: bad JSON line: no \"text\" or \"body\" field"
        );
        assert_eq!(
            errs[2],
            "in.jsonl:6: bad JSON line: bad \"published\" date \"someday\""
        );
        assert_eq!(arts.len(), 2);
        assert_eq!(arts[0].origin, "in.jsonl:1");
        assert_eq!(arts[0].body, "Russia said a deal is near.");
        assert_eq!(arts[0].source.as_deref(), Some("AP"));
        assert_eq!(arts[0].dateline.as_deref(), Some("MOSCOW"));
        assert_eq!(arts[0].published.date.unwrap().to_string(), "2016-08-29");
        let b = &arts[1];
        assert_eq!(b.origin, "in.jsonl:5");
        assert_eq!(
            (
                b.title.as_str(),
                b.body.as_str(),
                b.url.as_deref(),
                b.source.as_deref(),
                b.dateline.as_deref(),
                b.byline.as_deref()
            ),
            (
                "Truce",
                "A truce began.",
                Some("https://example.com/t"),
                Some("AFP"),
                Some("DAMASCUS"),
                Some("Karim Talbi")
            )
        );
        assert_eq!(b.published.date.unwrap().to_string(), "2016-09-12");
    }

    #[test]
    fn date_override_wins() {
        let opts = ReadOptions {
            date: chrono::NaiveDate::from_ymd_opt(2016, 9, 1),
            ..ReadOptions::default()
        };
        let (arts, _) = JsonlReader.read(
            "in.jsonl",
            br#"{"text": "x", "published": "2016-08-29"}"#,
            &opts,
        );
        assert_eq!(arts[0].published.date.unwrap().to_string(), "2016-09-01");
    }
}
