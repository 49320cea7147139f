//! Text pages (the main format): decode bytes, clean page furniture, read metadata from the text.

use super::{IngestError, ReadOptions, Reader};
use crate::clean::clean;
use crate::meta::{build, Hints};
use crate::model::Article;
use std::borrow::Cow;

/// How a page's bytes are decoded (see [`sniff`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charset {
    /// UTF-8 (valid, with a BOM, declared, or damaged in at most 1 byte in 100).
    Utf8,
    /// A legacy charset declared by the page (`<meta charset>`, `http-equiv` content type,
    /// `<?xml encoding>`).
    Declared(&'static encoding_rs::Encoding),
    /// No usable declaration and not UTF-8: chardetng's guess. Readers warn about it.
    Guessed(&'static encoding_rs::Encoding),
}

/// Pick the charset: a UTF-8 BOM, valid UTF-8, a declaration in the first 4 KB, UTF-8 with
/// a little damage, else a guess by chardetng (Russian, Arabic and Persian outlets still
/// publish in windows-1251, windows-1256 ...). UTF-16 with a BOM is handled before this.
pub fn sniff(bytes: &[u8]) -> Charset {
    if bytes.starts_with(b"\xEF\xBB\xBF") || std::str::from_utf8(bytes).is_ok() {
        return Charset::Utf8;
    }
    if let Some(enc) = declared_charset(bytes) {
        return if enc == encoding_rs::UTF_8 {
            Charset::Utf8
        } else {
            Charset::Declared(enc)
        };
    }
    // Real UTF-8 with a few bad bytes (a cut multi-byte character) keeps its valid non-ASCII
    // characters; legacy text has none, only bad sequences.
    let lossy = String::from_utf8_lossy(bytes);
    let bad = lossy.matches('\u{FFFD}').count();
    let good = lossy
        .chars()
        .filter(|c| !c.is_ascii() && *c != '\u{FFFD}')
        .count();
    if good >= bad && bad * 100 <= bytes.len() {
        return Charset::Utf8;
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    Charset::Guessed(detector.guess(None, false))
}

/// The charset a page declares in its first 4 KB: `<meta charset="...">`, `content="text/html;
/// charset=..."` or `<?xml ... encoding="..."?>`. Labels as the WHATWG Encoding Standard reads
/// them (so "iso-8859-1" means windows-1252, as browsers do).
pub fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = bytes[..bytes.len().min(4096)].to_ascii_lowercase();
    let head = String::from_utf8_lossy(&head);
    let label_after = |key: &str| -> Option<&'static encoding_rs::Encoding> {
        head.match_indices(key).find_map(|(i, _)| {
            let rest = head[i + key.len()..].trim_start_matches([' ', '"', '\'']);
            let label: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
                .collect();
            encoding_rs::Encoding::for_label(label.as_bytes())
        })
    };
    let xml = head
        .starts_with("<?xml")
        .then(|| label_after("encoding="))
        .flatten();
    xml.or_else(|| label_after("charset="))
}

/// Decode bytes as text. NUL bytes or many control characters -> `Binary`; blank -> `Empty`;
/// the charset is chosen by [`sniff`] (invalid UTF-8 is replaced lossily only when it is
/// UTF-8 with at most 1 byte in 100 bad, else decoded with the declared or guessed charset).
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
    let text = match sniff(bytes) {
        Charset::Utf8 => match std::str::from_utf8(bytes) {
            Ok(s) => Cow::Borrowed(s),
            Err(_) => {
                let lossy = String::from_utf8_lossy(bytes);
                let bad = lossy.matches('\u{FFFD}').count();
                if bad * 100 > bytes.len() {
                    return Err(IngestError::Encoding { path: path() });
                }
                lossy
            }
        },
        Charset::Declared(enc) | Charset::Guessed(enc) => {
            Cow::Owned(enc.decode_without_bom_handling(bytes).0.into_owned())
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

/// The warning a reader adds when [`decode`] had to guess the charset.
pub fn charset_warning(origin: &str, bytes: &[u8]) -> Option<IngestError> {
    if decode_utf16(bytes).is_some() {
        return None;
    }
    match sniff(bytes) {
        Charset::Guessed(enc) => Some(IngestError::GuessedEncoding {
            path: origin.to_string(),
            encoding: enc.name().to_string(),
        }),
        _ => None,
    }
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
        check_err(b"Save Story\n\nShare\n", "data/x.bin: no story text found");
    }

    #[test]
    fn mostly_valid_utf8_is_read_lossily() {
        // UTF-8 (it has valid accented characters) with one cut character.
        let mut page = "Title\n\n".as_bytes().to_vec();
        page.extend(std::iter::repeat_n("Genève story text goes here. ".as_bytes(), 10).flatten());
        page.extend(b"Caf\xc3.");
        let (arts, errs) = TextReader.read("x.txt", &page, &ReadOptions::default());
        assert!(errs.is_empty());
        assert!(arts[0].body.ends_with("Caf\u{FFFD}."));
        assert_eq!(sniff(&page), Charset::Utf8);
    }

    #[test]
    fn issue_15_item_7_legacy_charsets_are_decoded() {
        // windows-1252 with curly quotes, no declaration: guessed, and the quotes survive.
        let page = b"Talks stall\n\nGENEVA (Reuters) - The minister said \x93no agreement is close\x94 on Monday, and the envoy\x92s aide agreed.\n";
        assert_eq!(sniff(page), Charset::Guessed(encoding_rs::WINDOWS_1252));
        let body = decode("x.txt", page).unwrap();
        assert!(
            body.contains("said \u{201c}no agreement is close\u{201d} on"),
            "{body}"
        );
        assert!(!body.contains('\u{FFFD}'));
        assert_eq!(
            charset_warning("x.txt", page).unwrap().to_string(),
            "x.txt: warning: no charset declared; decoded as windows-1252 (a guess: pass UTF-8 to be sure)"
        );

        // Latin-1 text is read, not refused.
        let latin1 = b"caf\xe9 na\xefve r\xe9sum\xe9 d\xe9j\xe0 vu, the minister said.";
        assert_eq!(
            decode("x.txt", latin1).unwrap(),
            "café naïve résumé déjà vu, the minister said."
        );

        // A declared charset is used, without a warning.
        let (cyr, _, _) =
            encoding_rs::WINDOWS_1251.encode("Лавров заявил, что перемирие соблюдается.");
        let mut html = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><body><p>".to_vec();
        html.extend_from_slice(&cyr);
        html.extend_from_slice(b"</p></body></html>");
        assert_eq!(sniff(&html), Charset::Declared(encoding_rs::WINDOWS_1251));
        assert!(decode("x.html", &html).unwrap().contains("Лавров заявил"));
        assert!(charset_warning("x.html", &html).is_none());
        let short = b"<meta charset='windows-1256'>\xc7\xe1";
        assert_eq!(declared_charset(short), Some(encoding_rs::WINDOWS_1256));
        let xml = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>";
        assert_eq!(declared_charset(xml), Some(encoding_rs::WINDOWS_1252));

        // Valid UTF-8 needs no guess.
        assert!(charset_warning("x.txt", "Genève — talks".as_bytes()).is_none());
    }

    #[test]
    fn issue_15_item_16_title_line_only_when_it_looks_like_one() {
        let read = |page: &str| {
            let (arts, errs) = TextReader.read("x.txt", page.as_bytes(), &ReadOptions::default());
            assert!(errs.is_empty(), "{errs:?}");
            arts.into_iter().next().unwrap()
        };
        // A hard-wrapped first sentence is story text, claims and all.
        let a = read("Russia's defense minister said Monday that Moscow and Washington are\nmoving \"step by step\" toward an arrangement on Aleppo.\n\nA U.S. official said no agreement was close.");
        assert_eq!(a.title, "");
        assert!(
            a.body.starts_with(
                "Russia's defense minister said Monday that Moscow and Washington are\nmoving"
            ),
            "{}",
            a.body
        );
        // Wrapped where the next line starts with a capital: the line stops on "that".
        let a = read("The minister said on Monday that\nRussia and the U.S. were close to a deal.\n\nMore talks follow.");
        assert_eq!(a.title, "");
        assert!(
            a.body.starts_with("The minister said on Monday that"),
            "{}",
            a.body
        );
        // A one-line first paragraph that ends a sentence is the lede, not a title.
        let a = read("Russia said on Monday that a deal was near.\n\nThe U.S. disagreed.");
        assert_eq!(a.title, "");
        assert!(a.body.starts_with("Russia said on Monday"), "{}", a.body);
        // Headlines still are titles, with or without a blank line before a date line.
        let a = read("Russia, U.S. very close to Syria agreement\n\nMOSCOW (AP) — Talks.");
        assert_eq!(
            (a.title.as_str(), a.body.as_str()),
            ("Russia, U.S. very close to Syria agreement", "Talks.")
        );
        let a = read(
            "Talks stall as Lavrov meets Kerry\nSeptember 9, 2016\n\nGENEVA (Reuters) - Talks.",
        );
        assert_eq!(a.title, "Talks stall as Lavrov meets Kerry");
        let a = read("Kerry meets Lavrov in Geneva, says the U.S.\n\nGENEVA (Reuters) - Talks.");
        assert_eq!(a.title, "Kerry meets Lavrov in Geneva, says the U.S.");
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
