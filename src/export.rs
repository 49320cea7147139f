//! Export a thread for other tools: JSON, JSON Lines, CSV and a TimelineJS3 document.

use serde_json::{json, Value};

use crate::model::{DateValue, Precision};
use crate::output::{claim_json, contradiction_json, event_json};
use std::collections::{HashMap, HashSet};

use crate::render::{
    self, escape_html, escape_html_text, is_boilerplate, RenderOptions, ReportData, Side,
};

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
            k.polarity.as_i8().to_string(),
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

/// Most groups (rows) a TimelineJS export shows; smaller sides share "Other". Each group
/// takes a row of the time navigator, so many groups squeeze the story panel to nothing.
const MAX_GROUPS: usize = 8;

/// The first words of `text`, at most `max_chars` characters, cut between words ("…").
pub fn short_quote(text: &str, max_chars: usize) -> String {
    let text = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'' | ','))
        .trim()
        .to_string();
    if text.chars().count() <= max_chars {
        return text;
    }
    let mut out = String::new();
    for w in text.split_whitespace() {
        if out.chars().count() + w.chars().count() + 1 > max_chars {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    if out.is_empty() {
        out = text.split_whitespace().next().unwrap_or("").to_string();
    }
    format!("{}…", out.trim_end_matches([',', ';', ':', '.', '-']))
}

/// `text` as it should open a headline: when it starts inside a word of `sentence` (an
/// extraction span that begins at "efire" of "ceasefire"), the cut word is made whole.
fn from_word_start(text: &str, sentence: &str) -> String {
    let t = text.trim();
    let Some(at) = sentence.find(t) else {
        return t.to_string();
    };
    if !t.starts_with(char::is_alphanumeric) {
        return t.to_string();
    }
    let start = sentence[..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map_or(at, |(i, _)| i);
    sentence[start..at + t.len()].to_string()
}

/// A side's label as a group name and in headlines: first letter capitalised ("neutral" →
/// "Neutral"), so it reads like "Other" and the sides beside it.
fn label(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// One slide before grouping and merging.
struct Slide {
    date: DateValue,
    headline: String,
    text: String,
    side: Side,
    id: String,
}

/// Which items become slides: dated in the story's window and, unless `all`, labelled on
/// the timeline.
struct Pick {
    window: RenderOptions,
    all: bool,
    key_claims: HashSet<i64>,
    key_events: HashSet<i64>,
}

impl Pick {
    fn new(data: &ReportData, all: bool) -> Pick {
        let opts = RenderOptions::default();
        let window = render::story_window(data, &opts);
        let (key_claims, key_events) = if all {
            (HashSet::new(), HashSet::new())
        } else {
            let layout = render::timeline_layout(data, &opts).ok();
            let moments = layout.map(|l| l.moments).unwrap_or_default();
            (
                moments.iter().filter_map(|m| m.claim_id).collect(),
                moments.iter().filter_map(|m| m.event_id).collect(),
            )
        };
        Pick {
            window,
            all,
            key_claims,
            key_events,
        }
    }

    fn keep(&self, v: &DateValue) -> bool {
        let w = &self.window;
        v.date
            .is_some_and(|d| w.from.is_none_or(|f| d >= f) && w.to.is_none_or(|t| d <= t))
    }
}

/// The source line under a slide's text: the article, linked when it has a web URL, and
/// the byte span.
fn slide_source(data: &ReportData, article_id: i64, span: crate::model::Span) -> String {
    let article = data.articles.iter().rev().find(|a| a.id == article_id);
    let (title, url) = article
        .map(|a| (a.article.title.as_str(), a.article.url.as_deref()))
        .unwrap_or(("", None));
    let title = if title.trim().is_empty() {
        format!("article #{article_id}")
    } else {
        title.to_string()
    };
    let trace = format!("article #{article_id}, bytes {}–{}", span.start, span.end);
    match url.filter(|u| u.starts_with("https://") || u.starts_with("http://")) {
        Some(u) => format!(
            "<p><small><a href=\"{}\">{}</a> — {trace}</small></p>",
            escape_html(u),
            escape_html(&title)
        ),
        None => format!("<p><small>{} — {trace}</small></p>", escape_html(&title)),
    }
}

/// One slide per picked claim: "Speaker (side): short quote".
fn claim_slides(data: &ReportData, pick: &Pick, slides: &mut Vec<Slide>) {
    for c in &data.claims {
        let k = &c.claim;
        if !pick.keep(&k.date) || is_boilerplate(&k.text) || is_boilerplate(&k.sentence) {
            continue;
        }
        if !pick.all && !pick.key_claims.contains(&c.id) {
            continue;
        }
        let side = render::claim_side(c);
        let who = render::short_speaker(&k.speaker);
        let who = if who.is_empty() {
            label(&side.label)
        } else {
            label(&who)
        };
        // A denial cue's text is what was denied: without "denies", "Russia (Russia): its
        // aircraft had bombed hospitals" would say the opposite of what Russia said.
        let verb = if k.denial { " denies" } else { "" };
        slides.push(Slide {
            date: k.date,
            headline: format!(
                "{who} ({}){verb}: {}",
                label(&side.label),
                short_quote(&from_word_start(&k.text, &k.sentence), 70)
            ),
            text: format!(
                "<p>{}</p>{}",
                escape_html(k.sentence.trim()),
                slide_source(data, c.article_id, k.span)
            ),
            side,
            id: format!("claim-{}", c.id),
        });
    }
}

/// One slide per picked event: "Side: short text".
fn event_slides(data: &ReportData, pick: &Pick, slides: &mut Vec<Slide>) {
    for e in &data.events {
        let v = &e.event;
        if !pick.keep(&v.date) || is_boilerplate(&v.text) || is_boilerplate(&v.sentence) {
            continue;
        }
        if !pick.all && !pick.key_events.contains(&e.id) {
            continue;
        }
        let side = render::event_side(e);
        slides.push(Slide {
            date: v.date,
            headline: format!(
                "{}: {}",
                label(&side.label),
                short_quote(&from_word_start(&v.text, &v.sentence), 70)
            ),
            text: format!(
                "<p>{}</p>{}",
                escape_html(v.sentence.trim()),
                slide_source(data, e.article_id, v.span)
            ),
            side,
            id: format!("event-{}", e.id),
        });
    }
}

/// The slides as TimelineJS events, grouped by side: the biggest sides, the rest "Other".
fn grouped_events(slides: &[Slide]) -> Vec<Value> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for s in slides {
        *counts.entry(s.side.key.clone()).or_default() += 1;
    }
    let mut by_size: Vec<(&String, &usize)> = counts.iter().collect();
    by_size.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let kept: HashSet<&str> = by_size
        .iter()
        .filter(|(k, _)| k.as_str() != render::OTHER)
        .take(if counts.len() > MAX_GROUPS {
            MAX_GROUPS - 1
        } else {
            MAX_GROUPS
        })
        .map(|(k, _)| k.as_str())
        .collect();
    slides
        .iter()
        .filter_map(|s| {
            let group = if kept.contains(s.side.key.as_str()) {
                label(&s.side.label)
            } else {
                "Other".to_string()
            };
            Some(json!({
                "start_date": tl_date(s.date)?,
                "text": {"headline": escape_html_text(&s.headline), "text": s.text},
                "group": group,
                "unique_id": s.id,
            }))
        })
        .collect()
}

/// A TimelineJS3 JSON document of the thread's key moments (the labelled moments of the
/// timeline PNG), or of every dated claim and event with `all`. Headlines read
/// "Speaker (side): short quote"; the text carries the sentence and a link to the source.
/// Only the story's own span is exported (background dates are left out, as undated items
/// are: TimelineJS requires start_date.year); boilerplate is never a slide; slides with the
/// same date and headline are merged; at most `MAX_GROUPS` groups, the rest "Other".
pub fn timelinejs(data: &ReportData, all: bool) -> Result<String, ExportError> {
    let pick = Pick::new(data, all);
    let mut slides: Vec<Slide> = Vec::new();
    claim_slides(data, &pick, &mut slides);
    event_slides(data, &pick, &mut slides);
    // Duplicates (one event told by several articles) merge into the first slide.
    let mut seen: HashSet<(Option<chrono::NaiveDate>, String)> = HashSet::new();
    slides.retain(|s| seen.insert((s.date.date, s.headline.to_lowercase())));
    let events = grouped_events(&slides);
    let span = events.len();
    let doc = json!({
        "title": {"text": {
            "headline": escape_html_text(&data.thread.title),
            "text": format!("<p>{} of {} claims and {} events ({}), {} contradictions; full quotes and sources in the report</p>",
                span, data.claims.len(), data.events.len(), if all { "all dated in the story's span" } else { "key moments" }, data.contradictions.len()),
        }},
        "events": events,
    });
    Ok(serde_json::to_string_pretty(&doc)? + "\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixtures;

    fn doc(data: &ReportData, all: bool) -> Value {
        serde_json::from_str(&timelinejs(data, all).unwrap()).unwrap()
    }

    #[test]
    fn key_moments_read_as_speaker_side_quote() {
        let v = doc(&fixtures::small(), false);
        let events = v["events"].as_array().unwrap();
        assert!(!events.is_empty());
        let heads: Vec<&str> = events
            .iter()
            .map(|e| e["text"]["headline"].as_str().unwrap())
            .collect();
        assert!(
            heads.iter().any(|h| h.starts_with("Shoigu (Russia): ")),
            "{heads:?}"
        );
        assert!(events.iter().any(|e| e["text"]["text"]
            .as_str()
            .unwrap()
            .contains("<a href=\"https://example.org/")));
        for e in events {
            let text = e["text"]["text"].as_str().unwrap();
            assert!(text.contains("article #"), "{text}");
        }
    }

    #[test]
    fn at_most_eight_groups_no_boilerplate_no_duplicates_no_background() {
        let mut data = fixtures::large(400, 40);
        let a = data.articles[0].clone();
        for i in 0..3 {
            data.events.push(fixtures::event(
                900 + i,
                &a,
                "2016-03-05",
                &["USAGOV"],
                "Our Standards: The Thomson Reuters Trust Principles",
            ));
            data.events.push(fixtures::event(
                950 + i,
                &a,
                "2016-03-06",
                &["USAGOV"],
                "Kerry met Lavrov in Geneva",
            ));
        }
        for (i, code) in ["FRAGOV", "GBRGOV", "DEUGOV", "CHNGOV", "QATGOV", "JORGOV"]
            .iter()
            .enumerate()
        {
            data.events.push(fixtures::event(
                800 + i as i64,
                &a,
                "2016-03-07",
                &[code],
                "envoys met in Geneva",
            ));
        }
        data.events.push(fixtures::event(
            999,
            &a,
            "1964-05-27",
            &["COLREB"],
            "the FARC was founded",
        ));
        let v = doc(&data, true);
        let events = v["events"].as_array().unwrap();
        let groups: HashSet<&str> = events
            .iter()
            .map(|e| e["group"].as_str().unwrap())
            .collect();
        assert!(groups.len() <= MAX_GROUPS, "{groups:?}");
        assert!(groups.contains("Other"));
        let heads: Vec<&str> = events
            .iter()
            .map(|e| e["text"]["headline"].as_str().unwrap())
            .collect();
        assert!(!heads.iter().any(|h| h.contains("Our Standards")));
        assert_eq!(
            heads
                .iter()
                .filter(|h| h.contains("Kerry met Lavrov"))
                .count(),
            1
        );
        assert!(
            !heads.iter().any(|h| h.contains("founded")),
            "1964 is background"
        );
        let key = doc(&data, false);
        assert!(key["events"].as_array().unwrap().len() <= 20);
    }

    #[test]
    fn headlines_start_on_a_whole_word_name_denials_and_capitalise_sides() {
        let mut data = fixtures::small();
        let a = data.articles[0].clone();
        // An extraction span that starts inside "ceasefire".
        let mut e = fixtures::event(
            700,
            &a,
            "2016-08-29",
            &["IGOUNO"],
            "efire and collect the rebels' weapons",
        );
        e.event.sentence =
            "A UN mission is to verify the ceasefire and collect the rebels' weapons.".into();
        data.events.push(e);
        let mut c = fixtures::claim(
            701,
            &a,
            ("Russia", "RUS"),
            Some("2016-08-29"),
            "hospitals_bombed",
            -1,
            "its aircraft had bombed hospitals",
        );
        c.claim.cue = "denied".into();
        c.claim.denial = true;
        c.claim.sentence = "Russia denied that its aircraft had bombed hospitals.".into();
        data.claims.push(c);
        let v = doc(&data, true);
        let events = v["events"].as_array().unwrap();
        let head = |id: &str| {
            events
                .iter()
                .find(|e| e["unique_id"] == id)
                .unwrap_or_else(|| panic!("no {id}"))["text"]["headline"]
                .as_str()
                .unwrap()
                .to_string()
        };
        let h = head("event-700");
        assert!(
            h.ends_with(": ceasefire and collect the rebels' weapons"),
            "{h}"
        );
        assert_eq!(
            head("claim-701"),
            "Russia (Russia) denies: its aircraft had bombed hospitals"
        );
        for e in events {
            let g = e["group"].as_str().unwrap();
            assert!(g.starts_with(char::is_uppercase), "group {g:?}");
            let h = e["text"]["headline"].as_str().unwrap();
            assert!(!h.starts_with(char::is_lowercase), "headline {h:?}");
        }
        assert_eq!(from_word_start("not in it", "something else"), "not in it");
        assert_eq!(
            from_word_start("\"quoted\"", "he said \"quoted\""),
            "\"quoted\""
        );
    }

    #[test]
    fn short_quotes_cut_between_words() {
        assert_eq!(
            short_quote("“no agreement is close”", 70),
            "no agreement is close"
        );
        assert_eq!(
            short_quote("step by step, we are nearing an arrangement", 16),
            "step by step, we…"
        );
    }

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
