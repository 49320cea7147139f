//! Text pages (the main format): decode bytes, clean page furniture, read metadata from the text.

use super::{IngestError, ReadOptions, Reader};
use crate::clean::clean;
use crate::meta::{build, Hints};
use crate::model::Article;
use std::borrow::Cow;

/// Decode bytes as UTF-8 text. NUL bytes or many control characters -> `Binary`; blank -> `Empty`;
/// invalid UTF-8 is replaced lossily only when at most 1 byte in 100 is bad, else `Encoding`.
/// A UTF-8 BOM is kept (clean skips it) so offsets stay file offsets; UTF-16 with a BOM is converted.
pub fn decode<'a>(origin: &str, bytes: &'a [u8]) -> Result<Cow<'a, str>, IngestError> {
    let path = || origin.to_string();
    if let Some(text) = decode_utf16(bytes) {
        return match text {
            Some(t) if t.trim_matches(char::is_whitespace).is_empty() => {
                Err(IngestError::Empty { path: path() })
            }
            Some(t) => Ok(Cow::Owned(t)),
            None => Err(IngestError::Encoding { path: path() }),
        };
    }
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if head.contains(&0) || controls * 10 > head.len() {
        return Err(IngestError::Binary { path: path() });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => {
            let lossy = String::from_utf8_lossy(bytes);
            let bad = lossy.matches('\u{FFFD}').count();
            if bad * 100 > bytes.len() {
                return Err(IngestError::Encoding { path: path() });
            }
            lossy
        }
    };
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
        .is_empty()
    {
        return Err(IngestError::Empty { path: path() });
    }
    Ok(text)
}

/// UTF-16 with a byte-order mark (Windows "Unicode" text): `None` when not UTF-16, `Some(None)` when invalid.
fn decode_utf16(bytes: &[u8]) -> Option<Option<String>> {
    let le = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let units = bytes[2..].chunks_exact(2).map(|c| {
        if le {
            u16::from_le_bytes([c[0], c[1]])
        } else {
            u16::from_be_bytes([c[0], c[1]])
        }
    });
    Some(
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .ok(),
    )
}

/// A saved text page: headline on the first kept line, story paragraphs separated by blank lines.
pub struct TextReader;

impl Reader for TextReader {
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
        let doc = clean(&text);
        let hints = Hints {
            title_from_text: true,
            ..Hints::default()
        };
        let story = build(origin, &doc, hints, opts.date);
        super::one_article(origin, story.article)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_err(bytes: &[u8], want: &str) {
        let (arts, errs) = TextReader.read("data/x.bin", bytes, &ReadOptions::default());
        assert!(arts.is_empty());
        assert_eq!(
            errs.iter().map(|e| e.to_string()).collect::<Vec<_>>(),
            [want]
        );
    }

    #[test]
    fn bad_inputs() {
        check_err(b"", "data/x.bin: empty file");
        check_err(b"\xEF\xBB\xBF \r\n\n", "data/x.bin: empty file");
        check_err(
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            "data/x.bin: not a text file (binary content)",
        );
        check_err(
            b"\x01\x02\x03\x04abc\x05\x06",
            "data/x.bin: not a text file (binary content)",
        );
        check_err(
            b"caf\xe9 na\xefve r\xe9sum\xe9 \xff\xfe",
            "data/x.bin: not valid UTF-8 text",
        );
        check_err(b"Save Story\n\nShare\n", "data/x.bin: no story text found");
    }

    #[test]
    fn mostly_valid_utf8_is_read_lossily() {
        let mut page = b"Title\n\n".to_vec();
        page.extend(std::iter::repeat_n(b"Plain story text goes here. ".as_slice(), 10).flatten());
        page.extend(b"Caf\xe9.");
        let (arts, errs) = TextReader.read("x.txt", &page, &ReadOptions::default());
        assert!(errs.is_empty());
        assert!(arts[0].body.ends_with("Caf\u{FFFD}."));
    }

    #[test]
    fn utf16_with_bom() {
        let text = "Title\r\n\r\nGENEVA (Reuters) - Talks.";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        for bytes in [le, be] {
            let (arts, errs) = TextReader.read("x.txt", &bytes, &ReadOptions::default());
            assert!(errs.is_empty(), "{errs:?}");
            assert_eq!(
                (arts[0].title.as_str(), arts[0].body.as_str()),
                ("Title", "Talks.")
            );
        }
    }

    #[test]
    fn crlf_and_bom_page() {
        let page = "\u{FEFF}Russia, US near deal\r\n\r\nMOSCOW (AP) — First.\r\n\r\nSecond.\r\n";
        let (arts, _) = TextReader.read("x.txt", page.as_bytes(), &ReadOptions::default());
        assert_eq!(arts[0].title, "Russia, US near deal");
        assert_eq!(arts[0].body, "First.\n\nSecond.");
        assert_eq!(arts[0].dateline.as_deref(), Some("MOSCOW"));
    }
}
