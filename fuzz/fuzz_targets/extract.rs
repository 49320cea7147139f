//! Fuzz `extract::extract`: any text, no panic, every span inside the body on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storyline::extract::{self, actors::builtin_ref};
use storyline::model::{DateValue, Span};

fn check(body: &str, s: Span) {
    assert!(s.start <= s.end && s.end <= body.len(), "{s:?} outside body");
    assert!(body.is_char_boundary(s.start) && body.is_char_boundary(s.end), "{s:?} splits a char");
}

fuzz_target!(|data: &[u8]| {
    // First byte picks the publication date (or none), the rest is the body.
    let (date, body) = match data.split_first() {
        Some((d, rest)) => (
            chrono::NaiveDate::from_ymd_opt(2016, 1, 1)
                .map(|s| s + chrono::Duration::days(i64::from(*d) * 3)),
            rest,
        ),
        None => (None, data),
    };
    let body = String::from_utf8_lossy(body);
    let published = date.map_or_else(DateValue::unknown, DateValue::day);
    let (ex, _) = extract::extract(&body, published, builtin_ref());
    for t in &ex.timexes {
        check(&body, t.span);
        assert_eq!(t.text, body[t.span.start..t.span.end]);
    }
    for a in &ex.actors {
        check(&body, a.span);
    }
    for c in &ex.claims {
        check(&body, c.span);
        check(&body, c.sentence_span);
        assert_eq!(c.text, body[c.span.start..c.span.end]);
    }
    for e in &ex.events {
        check(&body, e.span);
        check(&body, e.sentence_span);
    }
});
