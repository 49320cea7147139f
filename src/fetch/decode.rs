//! From a response body to UTF-8 text: charset from the `Content-Type` header, else a BOM, the
//! HTML `<meta charset>` or the XML declaration, else UTF-8; legacy charsets (windows-1251,
//! KOI8-R, Shift_JIS ...) decoded with encoding_rs. Also the reader format a content type names.

use encoding_rs::{Encoding, UTF_8};
use once_cell::sync::Lazy;
use regex::bytes::Regex;

use crate::ingest::Format;

/// The `charset` parameter of a `Content-Type` value.
pub fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']).to_string())
            .filter(|v| !v.is_empty())
    })
}

/// The charset a document declares in its first 1024 bytes: `<meta charset=...>`, `<meta
/// http-equiv="Content-Type" content="...; charset=...">` or `<?xml ... encoding="..."?>`.
pub fn meta_charset(bytes: &[u8]) -> Option<String> {
    static META: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r#"(?i)<meta[^>]*?charset\s*=\s*["']?([A-Za-z0-9_:.\-]+)"#).expect("regex")
    });
    static XML: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r#"(?i)^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_:.\-]+)["']"#)
            .expect("regex")
    });
    let head = &bytes[..bytes.len().min(1024)];
    XML.captures(head)
        .or_else(|| META.captures(head))
        .and_then(|c| c.get(1))
        .map(|m| String::from_utf8_lossy(m.as_bytes()).into_owned())
}

/// The body as UTF-8 bytes. UTF-8 (or unknown) input is returned as is: the readers decide
/// what to do with stray bad bytes. A decoded XML document gets its declaration rewritten
/// to say UTF-8, so the feed parser does not decode it a second time.
pub fn decode_body(bytes: &[u8], content_type: Option<&str>) -> Vec<u8> {
    let declared = content_type
        .and_then(charset_of)
        .and_then(|l| Encoding::for_label(l.as_bytes()));
    let encoding = declared
        .or_else(|| Encoding::for_bom(bytes).map(|(e, _)| e))
        .or_else(|| meta_charset(bytes).and_then(|l| Encoding::for_label(l.as_bytes())))
        .unwrap_or(UTF_8);
    if encoding == UTF_8 {
        return bytes.to_vec();
    }
    let (text, _, _) = encoding.decode(bytes);
    static XML_DECL: Lazy<regex::Regex> = Lazy::new(|| {
        regex::Regex::new(r#"^(\s*<\?xml[^>]*?encoding\s*=\s*)["'][A-Za-z0-9_:.\-]+["']"#)
            .expect("regex")
    });
    XML_DECL
        .replace(&text, "${1}\"UTF-8\"")
        .into_owned()
        .into_bytes()
}

/// The reader format a `Content-Type` names; `Auto` (sniff the bytes) when it names none.
pub fn format_of(content_type: Option<&str>) -> Format {
    let Some(ct) = content_type else {
        return Format::Auto;
    };
    let mime = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match mime.as_str() {
        "text/html" | "application/xhtml+xml" => Format::Html,
        "application/rss+xml" | "application/atom+xml" | "application/rdf+xml" => Format::Feed,
        "text/plain" => Format::Text,
        "application/json"
        | "application/x-ndjson"
        | "application/jsonl"
        | "application/jsonlines" => Format::Jsonl,
        // text/xml, application/xml and anything else: the bytes tell feed from page.
        _ => Format::Auto,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], content_type: Option<&str>, expect: &str) {
        let out = decode_body(bytes, content_type);
        assert_eq!(String::from_utf8(out).unwrap(), expect);
    }

    #[test]
    fn charset_comes_from_the_header_first() {
        // "Мир" in windows-1251.
        let cp1251 = [0xCC, 0xE8, 0xF0];
        check(&cp1251, Some("text/html; charset=windows-1251"), "Мир");
        check(&cp1251, Some("text/html; Charset=\"CP1251\""), "Мир");
        check("Мир".as_bytes(), Some("text/html; charset=utf-8"), "Мир");
        check("Мир".as_bytes(), None, "Мир");
    }

    #[test]
    fn charset_from_the_document_when_the_header_has_none() {
        let mut page = b"<html><head><meta charset=\"windows-1251\"></head><body>".to_vec();
        page.extend([0xCC, 0xE8, 0xF0]);
        check(
            &page,
            Some("text/html"),
            "<html><head><meta charset=\"windows-1251\"></head><body>Мир",
        );
        let mut old =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">".to_vec();
        old.extend([0xED, 0xC9, 0xD2]);
        assert!(String::from_utf8(decode_body(&old, None))
            .unwrap()
            .ends_with("Мир"));
        let mut xml = b"<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss>".to_vec();
        xml.extend([0xCC, 0xE8, 0xF0]);
        check(
            &xml,
            Some("application/rss+xml"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss>Мир",
        );
    }

    #[test]
    fn content_types_name_formats() {
        for (ct, want) in [
            (Some("text/html; charset=utf-8"), Format::Html),
            (Some("application/rss+xml"), Format::Feed),
            (Some("application/atom+xml"), Format::Feed),
            (Some("text/xml"), Format::Auto),
            (Some("text/plain"), Format::Text),
            (Some("application/x-ndjson"), Format::Jsonl),
            (None, Format::Auto),
        ] {
            assert_eq!(format_of(ct), want, "{ct:?}");
        }
    }
}
