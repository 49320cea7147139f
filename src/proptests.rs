//! Property tests (issue 7): any input into the readers, `clean`, `timex::tag` and `extract` gives no panic and true offsets.
//!
//! Every span must lie inside the text it points into, on char boundaries, and quote it:
//! `claim.text == body[claim.span]`. Inputs are either arbitrary bytes or "wire-like" strings
//! built from attribution tokens, dates and multi-byte punctuation, so that the extractor
//! really finds claims. Case counts stay modest: `cargo test` runs them on every CI build.

use chrono::NaiveDate;
use proptest::prelude::*;

use crate::clean;
use crate::extract::{self, timex, Gazetteer};
use crate::ingest::{self, Format, ReadOptions};
use crate::model::{DateValue, Extraction, Span};

const TOKENS: &[&str] = &[
    "Lavrov",
    "Sergei",
    "Shoigu",
    "Kerry",
    "said",
    "told reporters",
    "said on",
    "denied",
    "according to",
    "a U.S. official",
    "Russia",
    "the United States",
    "Aleppo",
    "truce",
    "agreement",
    "ceasefire",
    "is",
    "not",
    "no",
    "close",
    "holding",
    "killed",
    "12",
    "people",
    "Monday",
    "last week",
    "Aug. 29",
    "2016",
    "on Tuesday",
    "yesterday",
    "in 2011",
    ".",
    ",",
    "\"",
    "“",
    "”",
    "'",
    "—",
    "(AP)",
    "MOSCOW",
    "the foreign ministry",
    "ministry spokesman",
    "the Prime Minister",
    "Theresa May",
    "’s",
    "'s",
    "In",
    "Paris",
    "the rebels",
    "claiming",
    "was quoted by",
    "as saying",
    "That's according to",
    "\n",
    "\n\n",
    "é",
    "ü",
    "日本",
    "🙂",
    "\u{0301}",
    "p.m.",
    "U.N.",
    "Mr.",
    "?",
    "!",
    ":",
    ";",
    "<p>",
    "</p>",
    "&amp;",
    "\t",
    "\r\n",
    "was responsible for",
    "did not",
    "the attack",
    "in its waters",
];

fn wire_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..80).prop_map(|ts| ts.join(" "))
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        wire_text(),
        prop::collection::vec(any::<u8>(), 0..400)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        ".{0,200}",
    ]
}

fn published() -> impl Strategy<Value = DateValue> {
    prop_oneof![
        Just(DateValue::unknown()),
        (0i64..4000).prop_map(|d| DateValue::day(
            NaiveDate::from_ymd_opt(2010, 1, 1).unwrap() + chrono::Duration::days(d)
        )),
    ]
}

/// `span` lies in `text` on char boundaries.
fn check_span(text: &str, span: Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} outside 0..{}",
        text.len()
    );
    prop_assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on char boundaries"
    );
    Ok(())
}

fn check_extraction(body: &str, ex: &Extraction) -> Result<(), TestCaseError> {
    for t in &ex.timexes {
        check_span(body, t.span, "timex")?;
        prop_assert_eq!(&t.text, &body[t.span.start..t.span.end]);
    }
    for a in &ex.actors {
        check_span(body, a.span, "actor")?;
    }
    for c in &ex.claims {
        check_span(body, c.span, "claim")?;
        check_span(body, c.sentence_span, "claim sentence")?;
        for s in [c.speaker_span, c.cue_span].into_iter().flatten() {
            check_span(body, s, "speaker/cue")?;
        }
        prop_assert_eq!(&c.text, &body[c.span.start..c.span.end]);
    }
    for e in &ex.events {
        check_span(body, e.span, "event")?;
        check_span(body, e.sentence_span, "event sentence")?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn extract_never_panics_and_spans_quote_the_body(body in any_text(), date in published()) {
        let (ex, _) = extract::extract(&body, date, crate::extract::actors::builtin_ref());
        check_extraction(&body, &ex)?;
    }

    /// Reading a claim's proposition and topic (the contradiction rules' first step) slices
    /// the claim's text around stops and negators: any claim extraction gives reads without
    /// a panic (real copy once set a dash where a byte offset stepped into it).
    #[test]
    fn propositions_read_any_claim(body in any_text(), date in published()) {
        let (ex, _) = extract::extract(&body, date, crate::extract::actors::builtin_ref());
        for c in &ex.claims {
            let _ = crate::contradict::proposition::of_claim_and_topic(c);
        }
    }

    #[test]
    fn timex_spans_quote_the_text(text in any_text(), date in published()) {
        for t in timex::tag(&text, date.date) {
            check_span(&text, t.span, "timex")?;
            prop_assert_eq!(&t.text, &text[t.span.start..t.span.end]);
        }
    }

    #[test]
    fn clean_maps_back_to_raw_bytes(raw in any_text()) {
        let doc = clean::clean(&raw);
        for &(b, r, len) in &doc.map {
            check_span(&doc.body, Span::new(b, b + len), "clean body run")?;
            check_span(&raw, Span::new(r, r + len), "clean raw run")?;
            prop_assert_eq!(&doc.body[b..b + len], &raw[r..r + len]);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn every_reader_takes_any_bytes(
        bytes in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..600),
            wire_text().prop_map(String::into_bytes),
            wire_text().prop_map(|t| format!("<html><body><p>{t}</p></body></html>").into_bytes()),
            wire_text().prop_map(|t| format!(
                "<rss version=\"2.0\"><channel><item><title>{t}</title><description>{t}</description></item></channel></rss>"
            ).into_bytes()),
            wire_text().prop_map(|t| format!("{}\n", serde_json::json!({"title": "T", "body": t})).into_bytes()),
        ],
        format in prop::sample::select(&[Format::Auto, Format::Text, Format::Html, Format::Feed, Format::Jsonl][..]),
    ) {
        let opts = ReadOptions {
            format,
            ..ReadOptions::default()
        };
        let (articles, _) = ingest::read_bytes("prop-input", &bytes, &opts);
        let gazetteer = Gazetteer::builtin();
        for a in articles.iter().take(3) {
            let (ex, _) = extract::extract(&a.body, a.published, &gazetteer);
            check_extraction(&a.body, &ex)?;
        }
    }
}
