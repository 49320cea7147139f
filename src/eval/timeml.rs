//! TimeML scoring: strict-span, relaxed-span and value F1 of the temporal tagger against TIMEX3 gold.
//!
//! Each `*.tml` file (TimeML 1.2, as in TBAQ-cleaned) gives a document creation time in
//! `<DCT>` and a `<TEXT>` body with inline `<TIMEX3>` gold. The body is stripped of every tag
//! and its XML entities are decoded, keeping gold spans as byte offsets into the stripped
//! text, which is what [`crate::extract::timex::tag`] sees. Scoring follows TempEval-3:
//! strict spans must match exactly, relaxed spans may overlap (matched one-to-one), and the
//! type and value attributes are scored over relaxed matches.

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use super::Prf;
use crate::extract::timex;
use crate::model::{Span, Timex, TimexType};

/// One gold TIMEX3: its byte span in the stripped text, TimeML type and value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoldTimex {
    pub span: Span,
    pub kind: String,
    pub value: String,
}

/// A TimeML document reduced to what scoring needs.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TimemlDoc {
    /// The `<TEXT>` contents with all tags removed and entities decoded.
    pub text: String,
    pub gold: Vec<GoldTimex>,
    /// Value of the creation-time TIMEX3, when it parses as a date.
    pub dct: Option<NaiveDate>,
}

/// Scores over a directory of TimeML files.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TimemlScores {
    pub files: usize,
    pub gold: usize,
    pub predicted: usize,
    pub strict: Prf,
    pub relaxed: Prf,
    /// Relaxed matches with an equal value count as true positives.
    pub value: Prf,
    /// Relaxed matches with an equal type count as true positives.
    pub kind: Prf,
    /// Share of relaxed matches whose type is right.
    pub type_accuracy: f64,
}

impl fmt::Display for TimemlScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "files {}  gold {}  predicted {}",
            self.files, self.gold, self.predicted
        )?;
        writeln!(f, "{:<8} {:>6} {:>6} {:>6}", "", "P", "R", "F1")?;
        for (name, p) in [
            ("strict", &self.strict),
            ("relaxed", &self.relaxed),
            ("value", &self.value),
            ("type", &self.kind),
        ] {
            writeln!(
                f,
                "{:<8} {:>6.3} {:>6.3} {:>6.3}",
                name,
                p.precision(),
                p.recall(),
                p.f1()
            )?;
        }
        write!(f, "type accuracy {:.3}", self.type_accuracy)
    }
}

/// The TimeML name of a timex type.
pub fn type_name(kind: TimexType) -> &'static str {
    match kind {
        TimexType::Date => "DATE",
        TimexType::Time => "TIME",
        TimexType::Duration => "DURATION",
        TimexType::Set => "SET",
    }
}

/// Parse one TimeML document: stripped `<TEXT>`, gold TIMEX3s in it, and the DCT.
pub fn strip_timeml(xml: &str) -> TimemlDoc {
    let dct = dct_of(xml);
    let body = match (xml.find("<TEXT>"), xml.rfind("</TEXT>")) {
        (Some(a), Some(b)) if a + 6 <= b => &xml[a + 6..b],
        _ => "",
    };
    let mut text = String::with_capacity(body.len());
    let mut gold = Vec::new();
    // Open TIMEX3s: (start offset in `text`, type, value).
    let mut open: Vec<(usize, String, String)> = Vec::new();
    let mut rest = body;
    while let Some(c) = rest.chars().next() {
        match c {
            '<' => {
                let end = rest.find('>').map_or(rest.len(), |e| e + 1);
                let tag = &rest[..end];
                if tag.starts_with("<TIMEX3") {
                    let kind = attr(tag, "type").unwrap_or_default();
                    let value = attr(tag, "value").unwrap_or_default();
                    if tag.ends_with("/>") {
                        // An empty TIMEX3 has no text to find.
                    } else {
                        open.push((text.len(), kind, value));
                    }
                } else if tag.starts_with("</TIMEX3") {
                    if let Some((start, kind, value)) = open.pop() {
                        gold.push(GoldTimex {
                            span: Span::new(start, text.len()),
                            kind,
                            value,
                        });
                    }
                }
                rest = &rest[end..];
            }
            '&' => {
                let (decoded, used) = entity(rest);
                text.push(decoded);
                rest = &rest[used..];
            }
            _ => {
                text.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    gold.sort_by_key(|g| g.span);
    TimemlDoc { text, gold, dct }
}

fn dct_of(xml: &str) -> Option<NaiveDate> {
    let a = xml.find("<DCT>")?;
    let b = a + xml[a..].find("</DCT>")?;
    let value = attr(&xml[a..b], "value")?;
    let day = value.get(..10)?;
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

/// The value of attribute `name` in a start tag, decoded.
fn attr(tag: &str, name: &str) -> Option<String> {
    let mut from = 0;
    while let Some(i) = tag[from..].find(name) {
        let at = from + i;
        let before_ok = at > 0 && tag.as_bytes()[at - 1].is_ascii_whitespace();
        let after = &tag[at + name.len()..];
        if before_ok {
            if let Some(v) = after.strip_prefix("=\"") {
                let end = v.find('"')?;
                return Some(decode_all(&v[..end]));
            }
        }
        from = at + name.len();
    }
    None
}

fn decode_all(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if c == '&' {
            let (d, used) = entity(rest);
            out.push(d);
            rest = &rest[used..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// Decode the entity at the start of `s` (which starts with '&'): (char, bytes consumed).
/// An unknown or unterminated entity is kept as a literal '&'.
fn entity(s: &str) -> (char, usize) {
    let Some(semi) = s.get(..12.min(s.len())).and_then(|h| h.find(';')) else {
        return ('&', 1);
    };
    let name = &s[1..semi];
    let c = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let num = if let Some(h) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                u32::from_str_radix(h, 16).ok()
            } else if let Some(d) = name.strip_prefix('#') {
                d.parse().ok()
            } else {
                None
            };
            num.and_then(char::from_u32)
        }
    };
    match c {
        Some(c) => (c, semi + 1),
        None => ('&', 1),
    }
}

/// Counts for one document, plus the matched pairs for error listings.
#[derive(Debug, Default)]
struct DocScore {
    strict_tp: usize,
    relaxed_pairs: Vec<(usize, usize)>,
}

fn score_doc(gold: &[GoldTimex], pred: &[Timex]) -> DocScore {
    let mut out = DocScore::default();
    for g in gold {
        if pred.iter().any(|p| p.span == g.span) {
            out.strict_tp += 1;
        }
    }
    // One-to-one relaxed matching; both lists are sorted by start, so a greedy sweep in
    // order pairs each gold with the first unused overlapping prediction.
    let mut used = vec![false; pred.len()];
    for (gi, g) in gold.iter().enumerate() {
        if let Some(pi) = (0..pred.len()).find(|&pi| !used[pi] && pred[pi].span.overlaps(g.span)) {
            used[pi] = true;
            out.relaxed_pairs.push((gi, pi));
        }
    }
    out
}

/// Add one document's result into `scores`; with `log`, collect its errors as lines.
fn accumulate(
    scores: &mut TimemlScores,
    doc: &TimemlDoc,
    pred: &[Timex],
    mut log: Option<&mut Vec<String>>,
) {
    let s = score_doc(&doc.gold, pred);
    let (g, p) = (doc.gold.len() as f64, pred.len() as f64);
    scores.files += 1;
    scores.gold += doc.gold.len();
    scores.predicted += pred.len();
    let strict = s.strict_tp as f64;
    add(&mut scores.strict, strict, p, g);
    let relaxed = s.relaxed_pairs.len() as f64;
    add(&mut scores.relaxed, relaxed, p, g);
    let mut value_tp = 0.0;
    let mut type_tp = 0.0;
    for &(gi, pi) in &s.relaxed_pairs {
        let (gt, pt) = (&doc.gold[gi], &pred[pi]);
        let value_ok = gt.value == pt.value;
        let type_ok = gt.kind == type_name(pt.kind);
        value_tp += f64::from(u8::from(value_ok));
        type_tp += f64::from(u8::from(type_ok));
        if let Some(log) = log.as_deref_mut() {
            let span_ok = gt.span == pt.span;
            if !(value_ok && type_ok && span_ok) {
                log.push(format!(
                    "MIS  gold {:?} {} {}  pred {:?} {} {}  | {}",
                    gt.span.slice(&doc.text),
                    gt.kind,
                    gt.value,
                    pt.text,
                    type_name(pt.kind),
                    pt.value,
                    context(&doc.text, gt.span)
                ));
            }
        }
    }
    add(&mut scores.value, value_tp, p, g);
    add(&mut scores.kind, type_tp, p, g);
    if let Some(log) = log {
        let gm: Vec<usize> = s.relaxed_pairs.iter().map(|x| x.0).collect();
        let pm: Vec<usize> = s.relaxed_pairs.iter().map(|x| x.1).collect();
        for (i, gt) in doc.gold.iter().enumerate() {
            if !gm.contains(&i) {
                log.push(format!(
                    "FN   {:?} {} {}  | {}",
                    gt.span.slice(&doc.text),
                    gt.kind,
                    gt.value,
                    context(&doc.text, gt.span)
                ));
            }
        }
        for (i, pt) in pred.iter().enumerate() {
            if !pm.contains(&i) {
                log.push(format!(
                    "FP   {:?} {} {}  | {}",
                    pt.text,
                    type_name(pt.kind),
                    pt.value,
                    context(&doc.text, pt.span)
                ));
            }
        }
    }
}

fn add(prf: &mut Prf, tp: f64, predicted: f64, gold: f64) {
    prf.tp += tp;
    prf.fp += predicted - tp;
    prf.fn_ += gold - tp;
}

/// About 40 bytes either side of `span`, on one line.
fn context(text: &str, span: Span) -> String {
    let mut a = span.start.saturating_sub(40);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (span.end + 40).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    text[a..b].replace('\n', " ")
}

fn tml_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            tml_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "tml") {
            out.push(path);
        }
    }
    Ok(())
}

/// Score the tagger on every `*.tml` file under `dir` (recursively).
pub fn score_dir(dir: &Path) -> std::io::Result<TimemlScores> {
    score_dir_logged(dir, None)
}

/// As [`score_dir`], also collecting one line per error (mismatch, miss, spurious) into `log`.
pub fn score_dir_logged(
    dir: &Path,
    mut log: Option<&mut Vec<String>>,
) -> std::io::Result<TimemlScores> {
    let mut files = Vec::new();
    tml_files(dir, &mut files)?;
    files.sort();
    // TBAQ-cleaned ships one TimeBank file a second time under testpipeline/: score each
    // document name once.
    let mut seen = std::collections::HashSet::new();
    files.retain(|p| seen.insert(p.file_name().map(|n| n.to_os_string())));
    let mut scores = TimemlScores::default();
    for path in files {
        let xml = std::fs::read_to_string(&path)?;
        let doc = strip_timeml(&xml);
        let pred = timex::tag(&doc.text, doc.dct);
        if let Some(log) = log.as_deref_mut() {
            log.push(format!("== {}", path.display()));
        }
        accumulate(&mut scores, &doc, &pred, log.as_deref_mut());
    }
    let matched = scores.relaxed.tp;
    scores.type_accuracy = if matched > 0.0 {
        scores.kind.tp / matched
    } else {
        0.0
    };
    Ok(scores)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<?xml version="1.0" ?>
<TimeML><DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2016-08-31" temporalFunction="false" functionInDocument="CREATION_TIME">20160831</TIMEX3></DCT>
<TEXT>
Talks in Geneva &amp; Lausanne <EVENT eid="e1" class="OCCURRENCE">resumed</EVENT> <TIMEX3 tid="t1" type="DATE" value="2016-08-29">Monday</TIMEX3>, ``officials'' said &lt;again&gt;.
A <TIMEX3 tid="t2" type="DURATION" value="P7D">seven-day</TIMEX3> truce <SIGNAL sid="s1">after</SIGNAL> it — ok.
</TEXT>
</TimeML>
"#;

    #[test]
    fn strips_tags_and_entities_keeping_offsets() {
        let doc = strip_timeml(DOC);
        assert_eq!(doc.dct, NaiveDate::from_ymd_opt(2016, 8, 31));
        assert!(doc
            .text
            .contains("Geneva & Lausanne resumed Monday, ``officials'' said <again>."));
        assert!(!doc.text.contains('<') || doc.text.contains("<again>"));
        assert_eq!(doc.gold.len(), 2);
        assert_eq!(doc.gold[0].span.slice(&doc.text), "Monday");
        assert_eq!(doc.gold[0].kind, "DATE");
        assert_eq!(doc.gold[0].value, "2016-08-29");
        assert_eq!(doc.gold[1].span.slice(&doc.text), "seven-day");
        assert_eq!(doc.gold[1].value, "P7D");
    }

    #[test]
    fn entity_edge_cases_do_not_panic() {
        assert_eq!(entity("&amp;x"), ('&', 5));
        assert_eq!(entity("&#233;"), ('é', 6));
        assert_eq!(entity("&bogus;"), ('&', 1));
        assert_eq!(entity("&"), ('&', 1));
        let doc = strip_timeml("<TEXT>a &amp b <TIMEX3 type=\"DATE\">x</TEXT>");
        assert_eq!(doc.text, "a &amp b x");
        assert!(doc.gold.is_empty());
    }

    /// A prediction of `s`'s first occurrence in `doc`.
    fn timex(doc: &TimemlDoc, s: &str, kind: TimexType, value: &str) -> Timex {
        let start = doc.text.find(s).unwrap();
        Timex {
            text: s.into(),
            span: Span::new(start, start + s.len()),
            kind,
            value: value.into(),
            resolved: Default::default(),
        }
    }

    #[test]
    fn scores_strict_relaxed_and_value() {
        let doc = strip_timeml(DOC);
        let t = |s: &str, kind, value: &str| timex(&doc, s, kind, value);
        let pred = vec![
            t("Monday", TimexType::Date, "2016-08-29"),
            t("seven", TimexType::Duration, "P7D"),
            t("said", TimexType::Date, "PRESENT_REF"),
        ];
        // Keep the harness's ordering assumption.
        let mut pred = pred;
        pred.sort_by_key(|p| p.span);
        let mut scores = TimemlScores::default();
        accumulate(&mut scores, &doc, &pred, None);
        assert_eq!(scores.strict.tp, 1.0);
        assert_eq!(scores.relaxed.tp, 2.0);
        assert_eq!(scores.value.tp, 2.0);
        assert_eq!(scores.value.fp, 1.0);
        assert_eq!(scores.value.fn_, 0.0);
    }

    /// Known wrong predictions (issue 17): a wrong value, a wrong type and a partial span each
    /// move exactly one count, so a scorer that stops checking one of them fails here.
    #[test]
    fn wrong_value_type_and_span_are_counted_wrong() {
        let doc = strip_timeml(DOC);
        let t = |s: &str, kind, value: &str| timex(&doc, s, kind, value);
        let pred = vec![
            // right span and type, wrong value
            t("Monday", TimexType::Date, "2016-08-30"),
            // partial span, right value, wrong type
            t("seven", TimexType::Date, "P7D"),
        ];
        let mut scores = TimemlScores::default();
        accumulate(&mut scores, &doc, &pred, None);
        assert_eq!(
            (scores.strict.tp, scores.strict.fp, scores.strict.fn_),
            (1.0, 1.0, 1.0)
        );
        assert_eq!(
            (scores.relaxed.tp, scores.relaxed.fp, scores.relaxed.fn_),
            (2.0, 0.0, 0.0)
        );
        assert_eq!(
            (scores.value.tp, scores.value.fp, scores.value.fn_),
            (1.0, 1.0, 1.0)
        );
        assert_eq!(
            (scores.kind.tp, scores.kind.fp, scores.kind.fn_),
            (1.0, 1.0, 1.0)
        );
    }

    /// Scores the tagger on TBAQ-cleaned and prints the table and the errors.
    /// `cargo test --release --lib eval::timeml::tests::score_corpus -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn score_corpus() {
        let dir =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/timeml/TBAQ-cleaned");
        if !dir.is_dir() {
            eprintln!("skipped: {} not found", dir.display());
            return;
        }
        let mut log = Vec::new();
        let scores = score_dir_logged(&dir, Some(&mut log)).expect("corpus readable");
        if let Ok(path) = std::env::var("TIMEML_ERRORS") {
            std::fs::write(&path, log.join("\n")).expect("error log written");
            eprintln!("errors written to {path}");
        }
        println!("{scores}");
        // Tagger throughput on the same texts (release builds only mean anything).
        let mut files = Vec::new();
        tml_files(&dir, &mut files).expect("corpus listable");
        let docs: Vec<TimemlDoc> = files
            .iter()
            .map(|p| strip_timeml(&std::fs::read_to_string(p).expect("readable")))
            .collect();
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        let start = std::time::Instant::now();
        let rounds = 20;
        let mut found = 0;
        for _ in 0..rounds {
            for d in &docs {
                found += timex::tag(&d.text, d.dct).len();
            }
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "tagger: {:.0} docs/s, {:.1} MB/s ({} docs, avg {} bytes, {} timexes)",
            (rounds * docs.len()) as f64 / secs,
            (rounds * bytes) as f64 / secs / 1e6,
            docs.len(),
            bytes / docs.len().max(1),
            found / rounds
        );
    }
}
