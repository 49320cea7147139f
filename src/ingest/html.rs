//! HTML pages: dom_smoothie (a readability port) finds the main text; meta tags, JSON-LD and `<time>` give title, date, byline and URL.

use super::{decode, IngestError, ReadOptions, Reader};
use crate::clean::clean_body;
use crate::meta::{build, parse_byline, parse_date, Hints};
use crate::model::Article;
use once_cell::sync::Lazy;
use regex::{Regex, RegexBuilder};

/// An HTML page holding one story.
pub struct HtmlReader;

/// Elements whose content is never story text.
const SKIP: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "aside",
    "footer",
    "header",
    "form",
    "figcaption",
    "button",
    "select",
    "svg",
    "iframe",
    "head",
    "title",
];
/// Elements that end a paragraph.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "table",
    "section",
    "article",
    "figure",
    "main",
    "dd",
    "dt",
    "dl",
    "hr",
    "pre",
    "body",
];

/// Decode one HTML entity body (between '&' and ';').
fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|&c| c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "eacute" => 'é',
        "copy" => '©',
        "deg" => '°',
        "laquo" => '«',
        "raquo" => '»',
        "shy" => '\u{AD}',
        "zwj" | "zwnj" => '\u{200B}',
        _ => return None,
    })
}

/// Decode character references in plain text: "AT&amp;T &#8212; ok" -> "AT&T — ok".
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..].find(';').map(|j| j + 1).filter(|&j| j <= 10);
        match end.and_then(|j| entity(&rest[1..j]).map(|c| (j, c))) {
            Some((j, c)) => {
                out.push(c);
                rest = &rest[j + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Tag name of a tag body ("/p class=x" -> ("p", true)).
fn tag_name(tag: &str) -> (String, bool) {
    let closing = tag.starts_with('/');
    let name: String = tag
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    (name.to_ascii_lowercase(), closing)
}

/// Find the '>' that ends a tag starting at `s[0] == '<'`, skipping quoted attribute values.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// Plain paragraphs from HTML: tags stripped, entities decoded, whitespace collapsed, block
/// elements and `<br>` become paragraph breaks (blank lines). Never panics on malformed input.
pub fn html_to_text(html: &str) -> String {
    let mut paras: Vec<String> = Vec::new();
    let mut buf = String::new();
    let flush = |paras: &mut Vec<String>, buf: &mut String| {
        let p = decode_entities(buf)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if !p.is_empty() {
            paras.push(p);
        }
        buf.clear();
    };
    // ASCII lowercasing keeps byte offsets, so closing tags are searched in one lowered copy.
    let lower = html.to_ascii_lowercase();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        buf.push_str(&rest[..lt]);
        rest = &rest[lt..];
        if !rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'))
        {
            buf.push('<');
            rest = &rest[1..];
            continue;
        }
        if let Some(body) = rest.strip_prefix("<!--") {
            rest = body.find("-->").map_or("", |j| &body[j + 3..]);
            continue;
        }
        let Some(end) = tag_end(rest) else {
            // A tag that never closes: keep the rest as text.
            break;
        };
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        let (name, closing) = tag_name(tag);
        if !closing && SKIP.contains(&name.as_str()) && !tag.ends_with('/') {
            let close = format!("</{name}");
            let at = html.len() - rest.len();
            rest = match lower[at..].find(&close) {
                Some(j) => {
                    let after = &rest[j..];
                    tag_end(after).map_or("", |k| &after[k + 1..])
                }
                None => "",
            };
            continue;
        }
        if name == "td" || name == "th" {
            buf.push(' ');
        } else if BLOCK.contains(&name.as_str()) {
            flush(&mut paras, &mut buf);
        }
    }
    buf.push_str(rest);
    flush(&mut paras, &mut buf);
    paras.join("\n\n")
}

static CANONICAL: Lazy<Regex> = Lazy::new(|| {
    RegexBuilder::new(r#"<link\b[^>]*\brel\s*=\s*["']?canonical["']?[^>]*>"#)
        .case_insensitive(true)
        .build()
        .unwrap()
});
static OG_URL: Lazy<Regex> = Lazy::new(|| {
    RegexBuilder::new(r#"<meta\b[^>]*\bproperty\s*=\s*["']og:url["'][^>]*>"#)
        .case_insensitive(true)
        .build()
        .unwrap()
});
static TIME: Lazy<Regex> = Lazy::new(|| {
    RegexBuilder::new(r#"<time\b[^>]*\bdatetime\s*=\s*["']([^"']+)["']"#)
        .case_insensitive(true)
        .build()
        .unwrap()
});
static HREF: Lazy<Regex> = Lazy::new(|| {
    RegexBuilder::new(r#"\b(?:href|content)\s*=\s*["']([^"']+)["']"#)
        .case_insensitive(true)
        .build()
        .unwrap()
});

fn attr_of(tag_re: &Regex, html: &str) -> Option<String> {
    let tag = tag_re.find(html)?.as_str();
    HREF.captures(tag).map(|c| decode_entities(c[1].trim()))
}

/// Drop a trailing " - Site Name" / " | Site Name" from a page title.
fn strip_site(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " — ", " – "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail = tail.trim();
            let is_site = site.is_some_and(|s| s.eq_ignore_ascii_case(tail))
                || (sep == " | " && tail.split_whitespace().count() <= 4);
            if is_site && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
    }
    title.trim().to_string()
}

/// What dom_smoothie found, or an error message.
fn readability(html: &str) -> Result<dom_smoothie::Article, String> {
    let cfg = dom_smoothie::Config {
        max_elements_to_parse: 50_000,
        // Wire stories can be short; below the default (500) readability retries without
        // dropping comment and related-link blocks.
        char_threshold: 250,
        ..Default::default()
    };
    let html = html.to_string();
    std::panic::catch_unwind(move || {
        let mut r =
            dom_smoothie::Readability::new(html, None, Some(cfg)).map_err(|e| e.to_string())?;
        r.parse().map_err(|e| e.to_string())
    })
    .unwrap_or_else(|_| Err("the HTML parser failed".to_string()))
}

impl Reader for HtmlReader {
    fn read(
        &self,
        origin: &str,
        bytes: &[u8],
        opts: &ReadOptions,
    ) -> (Vec<Article>, Vec<IngestError>) {
        let html = match decode(origin, bytes) {
            Ok(t) => t,
            Err(e) => return (Vec::new(), vec![e]),
        };
        let (text, meta) = match readability(&html) {
            Ok(a) => (html_to_text(&a.content), Some(a)),
            // Too little text for readability: fall back to all the text outside nav, header, footer.
            Err(_) => (html_to_text(&html), None),
        };
        let site = meta.as_ref().and_then(|m| m.site_name.clone());
        let title = meta
            .as_ref()
            .map(|m| decode_entities(&m.title))
            .filter(|t| !t.trim().is_empty())
            .map(|t| strip_site(&t, site.as_deref()));
        let (byline, byline_agency) = match meta.as_ref().and_then(|m| m.byline.as_deref()) {
            Some(b) => {
                let b = decode_entities(b.trim());
                let by = if b.to_ascii_lowercase().starts_with("by ") {
                    b.clone()
                } else {
                    format!("By {b}")
                };
                match parse_byline(&by) {
                    Some((names, agency)) => (names, agency.map(str::to_string)),
                    None => (Some(b), None),
                }
            }
            None => (None, None),
        };
        let published = meta
            .as_ref()
            .and_then(|m| m.published_time.as_deref())
            .and_then(parse_date)
            .or_else(|| TIME.captures(&html).and_then(|c| parse_date(&c[1])));
        let url = attr_of(&CANONICAL, &html)
            .or_else(|| attr_of(&OG_URL, &html))
            .or_else(|| meta.as_ref().and_then(|m| m.url.clone()));
        let doc = clean_body(&text);
        let hints = Hints {
            title,
            url,
            source: byline_agency,
            published,
            byline,
            site,
            title_from_text: false,
            ..Hints::default()
        };
        let story = build(origin, &doc, hints, opts.date);
        super::one_article(origin, story.article)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_text(html: &str, want: &str) {
        assert_eq!(html_to_text(html), want, "{html}");
    }

    #[test]
    fn strips_tags_and_decodes_entities() {
        check_text(
            "<p>One &amp; two</p><p>Three&nbsp;&#8212; four&#x2019;s</p>",
            "One & two\n\nThree — four’s",
        );
        check_text("<p>Line<br>break<br/>here</p>", "Line\n\nbreak\n\nhere");
        check_text(
            "<p>Ale<b>ppo</b> is <i>besieged</i>.</p>",
            "Aleppo is besieged.",
        );
        check_text(
            "<nav><a>Home</a></nav><p>Story.</p><script>var a = '<p>x</p>';</script><!-- c -->",
            "Story.",
        );
        check_text("<p>unclosed <b>bold <p>next", "unclosed bold\n\nnext");
        check_text("<p>cut <a href=\"x", "cut <a href=\"x");
        check_text("<p>a < b and AT&T &bogus; <", "a < b and AT&T &bogus; <");
        check_text("<div><figure><img src=x><figcaption>Caption (AP Photo)</figcaption></figure><p>Text</p></div>", "Text");
        check_text("Plain text with no tags", "Plain text with no tags");
    }

    #[test]
    fn strips_site_suffix() {
        assert_eq!(
            strip_site("Russia says deal near - AP News", Some("AP News")),
            "Russia says deal near"
        );
        assert_eq!(
            strip_site("Russia says deal near | The Daily", None),
            "Russia says deal near"
        );
        assert_eq!(
            strip_site("US, Russia near deal - Kerry", None),
            "US, Russia near deal - Kerry"
        );
    }

    fn read(html: &str) -> (Vec<Article>, Vec<IngestError>) {
        HtmlReader.read("page.html", html.as_bytes(), &ReadOptions::default())
    }

    #[test]
    fn malformed_html_does_not_panic() {
        for html in [
            "<html><body><p>Unclosed <b>bold <i>italic <p>MOSCOW (AP) — Russia said",
            "<<<>>><p></p></div></div></body>",
            "<html><head><title>Only a title</title></head></html>",
            "<div class=\"story\"><p>Text that never closes",
            "<p>\u{0}</p>",
        ] {
            let (arts, errs) = read(html);
            assert!(arts.len() + errs.len() >= 1, "{html}");
        }
        let (arts, _) =
            read("<html><body><p>Unclosed <b>bold <i>italic <p>MOSCOW (AP) — Russia said");
        assert_eq!(arts[0].body, "Unclosed bold italic\n\nRussia said");
    }

    #[test]
    fn page_with_little_metadata() {
        let story = "<p>DAMASCUS, Syria, Sept. 12 (AFP) - A nationwide truce brokered by Washington and Moscow took effect at sundown on Monday, with residents of besieged areas hoping for a pause in the fighting.</p>\
            <p>The Syrian army said it would observe a seven-day halt to military operations across the country, the state news agency reported, while keeping the right to respond to any violation.</p>\
            <p>Rebel groups said they had serious reservations about the deal but stopped short of rejecting it outright.</p>";
        let html = format!(
            "<html><head><title>Truce takes effect across Syria | Wire Desk</title></head><body>\
             <div class=\"menu\"><a href=\"/\">Home</a> <a href=\"/world\">World</a></div>\
             <div class=\"article\"><h1>Truce takes effect across Syria</h1>\
             <p class=\"byline\">By Karim Talbi</p><time datetime=\"2016-09-12\">Sept. 12</time>{story}</div>\
             <div class=\"related-links\"><h3>More stories</h3><ul><li><a href=\"/x\">Floods close roads</a></li></ul></div>\
             <div id=\"comments\"><p>First comment, nobody reads these.</p></div></body></html>"
        );
        let (arts, errs) = HtmlReader.read(
            "2016-09-12-afp-truce.html",
            html.as_bytes(),
            &ReadOptions::default(),
        );
        assert!(errs.is_empty(), "{errs:?}");
        let a = &arts[0];
        assert_eq!(a.title, "Truce takes effect across Syria");
        assert_eq!(a.published.date.unwrap().to_string(), "2016-09-12");
        assert_eq!(a.source.as_deref(), Some("AFP"));
        assert_eq!(a.dateline.as_deref(), Some("DAMASCUS"));
        assert_eq!(a.byline.as_deref(), Some("Karim Talbi"));
        assert!(
            a.body.starts_with("A nationwide truce brokered"),
            "{}",
            a.body
        );
        assert!(a.body.ends_with("rejecting it outright."), "{}", a.body);
        assert_eq!(a.body.matches("\n\n").count(), 2, "{}", a.body);
    }

    #[test]
    fn json_ld_metadata() {
        let paras = "<p>GENEVA (Reuters) - The United States and Russia failed on Friday to agree on a nationwide cessation of hostilities in Syria after nearly ten hours of talks, officials from both sides said.</p>\
            <p>Both delegations said technical teams would stay in Geneva to work through the remaining issues in the coming days, and that no date had been set for another meeting of the ministers.</p>";
        let html = format!(
            "<html><head><title>U.S., Russia fail to agree on Syria truce - Wire Desk</title>\
             <script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"U.S., Russia fail to agree on Syria truce\",\"datePublished\":\"2016-08-26T21:40:00Z\",\"author\":{{\"@type\":\"Person\",\"name\":\"Tom Miles\"}},\"url\":\"https://wire.example.org/geneva\"}}</script>\
             </head><body><div class=\"content\">{paras}</div></body></html>"
        );
        let (arts, errs) = HtmlReader.read("page.html", html.as_bytes(), &ReadOptions::default());
        assert!(errs.is_empty(), "{errs:?}");
        let a = &arts[0];
        assert_eq!(a.title, "U.S., Russia fail to agree on Syria truce");
        assert_eq!(a.published.date.unwrap().to_string(), "2016-08-26");
        assert_eq!(a.byline.as_deref(), Some("Tom Miles"));
        assert_eq!(a.url.as_deref(), Some("https://wire.example.org/geneva"));
        assert_eq!(
            (a.source.as_deref(), a.dateline.as_deref()),
            (Some("Reuters"), Some("GENEVA"))
        );
        assert!(
            a.body.starts_with("The United States and Russia failed"),
            "{}",
            a.body
        );
    }
}
