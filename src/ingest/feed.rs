//! RSS 2.0 and Atom feeds (feed-rs): one article per entry, full content when present, else the summary.

use super::{html_to_text, IngestError, ReadOptions, Reader};
use crate::clean::clean_body;
use crate::meta::{build, Hints};
use crate::model::Article;

/// An RSS or Atom feed.
pub struct FeedReader;

/// Plain one-line text from a feed text field that may hold HTML.
fn one_line(s: &str) -> String {
    html_to_text(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Reader for FeedReader {
    fn read(
        &self,
        origin: &str,
        bytes: &[u8],
        opts: &ReadOptions,
    ) -> (Vec<Article>, Vec<IngestError>) {
        let feed_err = |msg: String| IngestError::Feed {
            path: origin.to_string(),
            msg,
        };
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return (
                Vec::new(),
                vec![IngestError::Empty {
                    path: origin.to_string(),
                }],
            );
        }
        let feed = match feed_rs::parser::parse(bytes) {
            Ok(f) => f,
            Err(e) => return (Vec::new(), vec![feed_err(e.to_string())]),
        };
        if feed.entries.is_empty() {
            return (Vec::new(), vec![feed_err("no entries".to_string())]);
        }
        let site = feed
            .title
            .as_ref()
            .map(|t| one_line(&t.content))
            .filter(|t| !t.is_empty());
        let mut articles = Vec::new();
        let mut errors = Vec::new();
        for (i, entry) in feed.entries.into_iter().enumerate() {
            let entry_origin = format!("{origin}#{}", i + 1);
            let content = entry
                .content
                .and_then(|c| c.body)
                .filter(|b| !b.trim().is_empty());
            let summary_only = content.is_none();
            let html = content
                .or_else(|| entry.summary.map(|s| s.content))
                .unwrap_or_default();
            let url = entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(entry.links.first())
                .map(|l| l.href.clone());
            let names: Vec<String> = entry
                .authors
                .iter()
                .filter_map(|p| p.name.clone())
                .collect();
            let hints = Hints {
                title: entry.title.map(|t| one_line(&t.content)),
                url,
                published: entry.published.or(entry.updated).map(|d| d.date_naive()),
                byline: (!names.is_empty()).then(|| names.join(" and ")),
                site: site.clone(),
                summary_only,
                ..Hints::default()
            };
            let doc = clean_body(&html_to_text(&html));
            let story = build(&entry_origin, &doc, hints, opts.date);
            if story.article.body.trim().is_empty() {
                errors.push(IngestError::NoText { path: entry_origin });
            } else {
                articles.push(story.article);
            }
        }
        (articles, errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(xml: &str) -> (Vec<Article>, Vec<IngestError>) {
        FeedReader.read("news.xml", xml.as_bytes(), &ReadOptions::default())
    }

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Wire Desk</title><link>https://example.com/</link><description>Wire</description>
<item>
  <title>Russia says Aleppo deal is near</title>
  <link>https://example.com/2016/08/29/aleppo</link>
  <pubDate>Mon, 29 Aug 2016 09:14:00 GMT</pubDate>
  <dc:creator>Vladimir Isachenkov</dc:creator>
  <description>Short summary.</description>
  <content:encoded><![CDATA[<p>MOSCOW (AP) &mdash; Russia said Monday a deal was near.</p><p>A U.S. official said no agreement is close.<br>Talks go on.</p><p>Matthew Lee in Washington contributed to this report.</p>]]></content:encoded>
</item>
<item>
  <title>Kerry and Lavrov to meet again</title>
  <link>https://example.com/2016/09/08/geneva</link>
  <pubDate>Thu, 08 Sep 2016 18:00:00 GMT</pubDate>
  <description>GENEVA (Reuters) - Kerry and Lavrov will meet again &lt;b&gt;on Friday&lt;/b&gt;.</description>
</item>
</channel></rss>"#;

    #[test]
    fn rss_with_content_and_with_summary_only() {
        let (arts, errs) = read(RSS);
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(arts.len(), 2);
        let a = &arts[0];
        assert_eq!(a.title, "Russia says Aleppo deal is near");
        assert_eq!(
            a.url.as_deref(),
            Some("https://example.com/2016/08/29/aleppo")
        );
        assert_eq!(a.published.date.unwrap().to_string(), "2016-08-29");
        assert_eq!(a.byline.as_deref(), Some("Vladimir Isachenkov"));
        assert_eq!(a.source.as_deref(), Some("AP"));
        assert_eq!(a.dateline.as_deref(), Some("MOSCOW"));
        assert_eq!(a.contributors, ["Matthew Lee in Washington"]);
        assert_eq!(a.body, "Russia said Monday a deal was near.\n\nA U.S. official said no agreement is close.\n\nTalks go on.");
        assert!(!a.summary_only);
        assert_eq!(a.origin, "news.xml#1");
        let b = &arts[1];
        assert!(b.summary_only);
        assert_eq!(b.body, "Kerry and Lavrov will meet again on Friday.");
        assert_eq!(b.source.as_deref(), Some("Reuters"));
        assert_eq!(b.published.date.unwrap().to_string(), "2016-09-08");
    }

    #[test]
    fn atom_feed() {
        let (arts, errs) = read(
            r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Desk</title><id>urn:x</id><updated>2016-09-10T00:00:00Z</updated>
  <entry>
    <title type="html">US &amp;amp; Russia reach Syria truce deal</title>
    <link rel="alternate" href="https://example.com/truce"/>
    <id>urn:1</id>
    <updated>2016-09-10T02:00:00Z</updated>
    <author><name>Matthew Lee</name></author>
    <content type="html">&lt;p&gt;GENEVA (AP) &amp;mdash; The U.S. and Russia announced a truce.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Truce holds on second day</title>
    <link href="https://example.com/holds"/>
    <id>urn:2</id>
    <published>2016-09-13T08:00:00Z</published>
    <updated>2016-09-14T08:00:00Z</updated>
    <summary>BEIRUT (AP) — The truce held for a second day.</summary>
  </entry>
</feed>"#,
        );
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(arts[0].title, "US & Russia reach Syria truce deal");
        assert_eq!(arts[0].body, "The U.S. and Russia announced a truce.");
        assert_eq!(arts[0].published.date.unwrap().to_string(), "2016-09-10");
        assert_eq!(arts[0].url.as_deref(), Some("https://example.com/truce"));
        assert!(!arts[0].summary_only);
        let b = &arts[1];
        assert_eq!(
            (b.body.as_str(), b.summary_only),
            ("The truce held for a second day.", true)
        );
        assert_eq!(b.published.date.unwrap().to_string(), "2016-09-13");
        assert_eq!(
            (b.source.as_deref(), b.dateline.as_deref()),
            (Some("AP"), Some("BEIRUT"))
        );
    }

    #[test]
    fn broken_feed_is_one_error() {
        let (arts, errs) = read("<rss version=\"2.0\"><channel><item><title>Cut off");
        assert!(arts.is_empty());
        assert_eq!(errs.len(), 1);
        assert!(
            errs[0]
                .to_string()
                .starts_with("news.xml: cannot parse feed: "),
            "{}",
            errs[0]
        );
        let (_, errs) = read("<rss version=\"2.0\"><channel><title>x</title></channel></rss>");
        assert_eq!(
            errs[0].to_string(),
            "news.xml: cannot parse feed: no entries"
        );
    }

    #[test]
    fn entity_bomb_is_not_expanded() {
        let mut xml =
            String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
        for i in 1..10 {
            let prev = if i == 1 {
                "lol".to_string()
            } else {
                format!("lol{}", i - 1)
            };
            xml.push_str(&format!(
                "<!ENTITY lol{i} \"{}\">\n",
                format!("&{prev};").repeat(10)
            ));
        }
        xml.push_str("]>\n<rss version=\"2.0\"><channel><title>x</title><item><title>Bomb</title><description>&lol9;</description></item></channel></rss>");
        let (arts, errs) = read(&xml);
        // Either refused or left unexpanded; never 10^9 "lol"s.
        let total: usize = arts.iter().map(|a| a.body.len() + a.title.len()).sum();
        assert!(total < 1000, "expanded to {total} bytes");
        assert!(arts.len() + errs.len() == 1);
        // feed-rs 3 (quick-xml) leaves custom entities as written.
        assert_eq!(arts.first().map(|a| a.body.as_str()), Some("&lol9;"));
    }
}
