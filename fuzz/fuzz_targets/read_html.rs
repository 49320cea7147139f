//! Fuzz the html reader: any bytes read as html give articles or errors, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storyline::extract::{self, actors::builtin_ref};
use storyline::ingest::{self, Format, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let opts = ReadOptions {
        format: Format::Html,
        date: None,
    };
    let (articles, _errors) = ingest::read_bytes("fuzz-input", data, &opts);
    // What a reader returns must be safe to extract from.
    for a in articles.iter().take(2) {
        let (ex, _) = extract::extract(&a.body, a.published, builtin_ref());
        for c in &ex.claims {
            assert_eq!(c.text, a.body[c.span.start..c.span.end]);
        }
    }
});
