//! Read articles from files, directories and stdin: one `Reader` per format (text page, HTML, feed, JSON Lines).
//!
//! Every reader returns `(Vec<Article>, Vec<IngestError>)`: a bad record is reported and the
//! rest is still read. Readers run `clean` (page furniture) and `meta` (title, date, source,
//! dateline, byline, contributors) so that every format yields the same kind of body.

mod extractions;
mod feed;
mod html;
mod jsonl;
mod text;
mod walk;

pub use extractions::{read_extraction_line, read_extractions};
pub use feed::FeedReader;
pub use html::{html_to_text, HtmlReader};
pub use jsonl::JsonlReader;
pub use text::{charset_warning, declared_charset, decode, sniff, Charset, TextReader};
pub use walk::{walk, walk_with};

use crate::model::Article;
use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use std::path::Path;

/// Files larger than this are refused with `IngestError::TooLarge`.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// An article body longer than this is refused with `IngestError::BodyTooLarge`: no news
/// story is 2 MB of text, and extraction time grows with the longest sentence.
pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;

/// HTML nested deeper than this is refused with `IngestError::Html` (real pages stay under
/// a few dozen levels; HTML parsers and main-text scoring slow down badly with depth).
pub const MAX_HTML_DEPTH: usize = 1000;

/// Input format; the CLI maps its own `--format` enum onto this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Auto,
    Text,
    Html,
    Feed,
    Jsonl,
    /// What `extract --jsonl` wrote: articles with their extraction (never auto-detected).
    Extractions,
}

impl Format {
    /// "auto", "text", "html", "feed", "jsonl" (as `--format` spells them).
    pub fn parse(s: &str) -> Option<Format> {
        Some(match s.to_ascii_lowercase().as_str() {
            "auto" => Format::Auto,
            "text" | "txt" => Format::Text,
            "html" => Format::Html,
            "feed" | "rss" | "atom" => Format::Feed,
            "jsonl" | "json" => Format::Jsonl,
            "extractions" => Format::Extractions,
            _ => return None,
        })
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            Format::Auto => "auto",
            Format::Text => "text",
            Format::Html => "html",
            Format::Feed => "feed",
            Format::Jsonl => "jsonl",
            Format::Extractions => "extractions",
        }
    }
}

/// What the caller asks of every reader.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadOptions {
    pub format: Format,
    /// `--date`: overrides every date found in the input.
    pub date: Option<NaiveDate>,
    /// `--follow-symlinks`: walk symlinks that lead outside the folders given.
    pub follow_symlinks: bool,
}

/// Why a file (or one record in it) could not be read. `path` is the origin as given ("-" for stdin).
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{path}: no such file or directory")]
    NotFound { path: String },
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: empty file")]
    Empty { path: String },
    #[error("{path}: not a text file (binary content)")]
    Binary { path: String },
    #[error("{path}: not valid UTF-8 text")]
    Encoding { path: String },
    #[error("{path}: no story text found")]
    NoText { path: String },
    #[error("{path}: cannot read HTML: {msg}")]
    Html { path: String, msg: String },
    #[error("{path}: cannot parse feed: {msg}")]
    Feed { path: String, msg: String },
    #[error("{path}:{line}: bad JSON line: {msg}")]
    JsonLine {
        path: String,
        line: usize,
        msg: String,
    },
    #[error("{path}: file too large ({size} bytes, limit 64 MB)")]
    TooLarge { path: String, size: u64 },
    #[error(
        "{path}: warning: symlink leads outside the folders given; skipped (use --follow-symlinks)"
    )]
    SymlinkOutside { path: String },
    #[error("{path}: input too large (more than 64 MB)")]
    StreamTooLarge { path: String },
    #[error("{path}: warning: no charset declared; decoded as {encoding} (a guess: pass UTF-8 to be sure)")]
    GuessedEncoding { path: String, encoding: String },
    #[error("{path}: article body too large to extract ({size} bytes, limit 2 MB)")]
    BodyTooLarge { path: String, size: usize },
}

impl IngestError {
    /// A warning, not a failure: the article was read (e.g. its charset was guessed). Callers
    /// print it and do not count the input as failed.
    pub fn is_warning(&self) -> bool {
        matches!(
            self,
            IngestError::GuessedEncoding { .. } | IngestError::SymlinkOutside { .. }
        )
    }
}

/// Read at most `limit` bytes from `r` as it streams (`Read::take`), so `/dev/zero`, a `/proc`
/// file or an endless pipe cannot grow memory: `Ok(None)` when there was more than `limit`.
pub fn read_bounded(r: impl std::io::Read, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut r.take(limit + 1), &mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// A reader's result for a page holding one story: the article, or a `NoText` error when
/// cleaning left no story text.
pub(crate) fn one_article(origin: &str, article: Article) -> (Vec<Article>, Vec<IngestError>) {
    if article.body.trim().is_empty() {
        return (
            Vec::new(),
            vec![IngestError::NoText {
                path: origin.to_string(),
            }],
        );
    }
    (vec![article], Vec::new())
}

/// One implementation per input format.
pub trait Reader {
    fn read(
        &self,
        origin: &str,
        bytes: &[u8],
        opts: &ReadOptions,
    ) -> (Vec<Article>, Vec<IngestError>);
}

/// Guess the format: by extension first, then by sniffing the first bytes.
pub fn detect_format(origin: &str, bytes: &[u8]) -> Format {
    let ext = Path::new(origin)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("txt" | "text" | "md") => return Format::Text,
        Some("html" | "htm" | "xhtml" | "shtml") => return Format::Html,
        Some("rss" | "atom") => return Format::Feed,
        Some("jsonl" | "ndjson" | "json") => return Format::Jsonl,
        _ => {}
    }
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head);
    let head = head.trim_start_matches('\u{FEFF}').trim_start();
    if head.starts_with('<') {
        let lower = head.to_ascii_lowercase();
        if lower.contains("<rss") || lower.contains("<feed") || lower.contains("<rdf:rdf") {
            return Format::Feed;
        }
        return Format::Html;
    }
    let mut lines = head
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .peekable();
    if lines.peek().is_some() && lines.take(5).all(|l| l.starts_with('{')) {
        return Format::Jsonl;
    }
    Format::Text
}

/// Read one file: refuses files over 64 MB, then dispatches on the format.
pub fn read_path(path: &Path, opts: &ReadOptions) -> (Vec<Article>, Vec<IngestError>) {
    let origin = path.display().to_string();
    let io = |source: std::io::Error| match source.kind() {
        std::io::ErrorKind::NotFound => IngestError::NotFound {
            path: origin.clone(),
        },
        _ => IngestError::Io {
            path: origin.clone(),
            source,
        },
    };
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return (Vec::new(), vec![io(e)]),
    };
    // The reported size refuses a big regular file at once; the bounded read catches what
    // reports no size or a wrong one (`/dev/zero`, `/proc` files, pipes, a file still growing).
    match file.metadata() {
        Err(e) => return (Vec::new(), vec![io(e)]),
        Ok(m) if m.len() > MAX_FILE_BYTES => {
            return (
                Vec::new(),
                vec![IngestError::TooLarge {
                    path: origin,
                    size: m.len(),
                }],
            )
        }
        Ok(_) => {}
    }
    match read_bounded(file, MAX_FILE_BYTES) {
        Ok(Some(bytes)) => read_bytes(&origin, &bytes, opts),
        Ok(None) => (
            Vec::new(),
            vec![IngestError::StreamTooLarge { path: origin }],
        ),
        Err(e) => (Vec::new(), vec![io(e)]),
    }
}

/// Read bytes that came from `origin` (a path, or "-" for stdin).
pub fn read_bytes(
    origin: &str,
    bytes: &[u8],
    opts: &ReadOptions,
) -> (Vec<Article>, Vec<IngestError>) {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let size = bytes.len() as u64;
        return (
            Vec::new(),
            vec![IngestError::TooLarge {
                path: origin.to_string(),
                size,
            }],
        );
    }
    let format = match opts.format {
        Format::Auto => detect_format(origin, bytes),
        f => f,
    };
    if format == Format::Html {
        let depth = html_depth(bytes);
        if depth > MAX_HTML_DEPTH {
            return (
                Vec::new(),
                vec![IngestError::Html {
                    path: origin.to_string(),
                    msg: format!(
                        "elements nested too deeply ({depth} levels, limit {MAX_HTML_DEPTH})"
                    ),
                }],
            );
        }
    }
    let (mut articles, mut errors) = match format {
        Format::Auto | Format::Text => TextReader.read(origin, bytes, opts),
        Format::Html => HtmlReader.read(origin, bytes, opts),
        Format::Feed => FeedReader.read(origin, bytes, opts),
        Format::Jsonl => JsonlReader.read(origin, bytes, opts),
        // The pipeline reads extractions itself (`read_extractions`) to keep them; a caller
        // that only wants the articles gets them here.
        Format::Extractions => {
            let (records, errors) = read_extractions(origin, bytes);
            (records.into_iter().map(|(a, _)| a).collect(), errors)
        }
    };
    // Text, HTML and JSON Lines go through `decode`: say when their charset was a guess.
    if format != Format::Feed && !articles.is_empty() {
        errors.extend(charset_warning(origin, bytes));
    }
    articles.retain(|a| {
        if a.body.len() <= MAX_BODY_BYTES {
            return true;
        }
        errors.push(IngestError::BodyTooLarge {
            path: a.origin.clone(),
            size: a.body.len(),
        });
        false
    });
    (articles, errors)
}

/// Deepest element nesting in an HTML document, estimated with a byte scan: `<name` opens,
/// `</` and `/>` close; void and self-closing-by-rule elements (`br`, `p`, `li` ...) are not
/// counted, so sloppy but ordinary markup stays shallow.
pub fn html_depth(bytes: &[u8]) -> usize {
    const UNCOUNTED: &[&[u8]] = &[
        b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta",
        b"param", b"source", b"track", b"wbr", b"p", b"li", b"dt", b"dd", b"tr", b"td", b"th",
        b"option",
    ];
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
        i += off + 1;
        let rest = &bytes[i..];
        let closing = rest.first() == Some(&b'/');
        let name_start = usize::from(closing);
        let name_len = rest[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'!' | b'?'))
            .count();
        if name_len == 0 {
            continue;
        }
        let name = rest[name_start..name_start + name_len].to_ascii_lowercase();
        if name.starts_with(b"!") || name.starts_with(b"?") || UNCOUNTED.contains(&&name[..]) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        let end = rest.iter().position(|&b| b == b'>').unwrap_or(rest.len());
        if end > 0 && rest[end - 1] == b'/' {
            continue;
        }
        depth += 1;
        max = max.max(depth);
    }
    max
}

/// Dedup key: sha256 hex of the body with whitespace runs collapsed to one space.
pub fn content_hash(article: &Article) -> String {
    let mut h = Sha256::new();
    for (i, w) in article.body.split_whitespace().enumerate() {
        if i > 0 {
            h.update(b" ");
        }
        h.update(w.as_bytes());
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::path::PathBuf;

    #[test]
    fn detects_formats() {
        for (origin, bytes, want) in [
            ("a.txt", "<html>", Format::Text),
            ("a.HTML", "", Format::Html),
            ("a.rss", "", Format::Feed),
            ("a.jsonl", "", Format::Jsonl),
            ("-", "\u{FEFF}  <!DOCTYPE html><html><body>", Format::Html),
            (
                "-",
                "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">",
                Format::Feed,
            ),
            (
                "a.xml",
                "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">",
                Format::Feed,
            ),
            ("page", "<p>Hello</p>", Format::Html),
            (
                "-",
                "{\"title\": \"a\"}\n\n{\"title\": \"b\"}\n",
                Format::Jsonl,
            ),
            ("-", "{\"title\": \"a\"}\nplain text\n", Format::Text),
            (
                "-",
                "Russia says deal near\n\nMOSCOW (AP) — Text.",
                Format::Text,
            ),
        ] {
            assert_eq!(
                detect_format(origin, bytes.as_bytes()),
                want,
                "{origin} {bytes:?}"
            );
        }
    }

    #[test]
    fn format_names_round_trip() {
        for f in [
            Format::Auto,
            Format::Text,
            Format::Html,
            Format::Feed,
            Format::Jsonl,
        ] {
            assert_eq!(Format::parse(f.as_str()), Some(f));
        }
        assert_eq!(Format::parse("pdf"), None);
    }

    #[test]
    fn content_hash_ignores_whitespace() {
        let a = Article {
            body: "One  two\n\nthree".into(),
            ..Article::default()
        };
        let b = Article {
            body: " One two three ".into(),
            title: "x".into(),
            ..Article::default()
        };
        let c = Article {
            body: "One two three!".into(),
            ..Article::default()
        };
        assert_eq!(content_hash(&a), content_hash(&b));
        assert_ne!(content_hash(&a), content_hash(&c));
        assert_eq!(content_hash(&a).len(), 64);
    }

    #[test]
    fn read_path_errors_and_dispatch() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.txt");
        let (arts, errs) = read_path(&missing, &ReadOptions::default());
        assert!(arts.is_empty());
        assert_eq!(
            errs[0].to_string(),
            format!("{}: no such file or directory", missing.display())
        );

        let png = dir.path().join("x.bin");
        fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10").unwrap();
        let (_, errs) = read_path(&png, &ReadOptions::default());
        assert_eq!(
            errs[0].to_string(),
            format!("{}: not a text file (binary content)", png.display())
        );

        let big = dir.path().join("big.txt");
        fs::File::create(&big)
            .unwrap()
            .set_len(MAX_FILE_BYTES + 1)
            .unwrap();
        let (_, errs) = read_path(&big, &ReadOptions::default());
        assert!(
            matches!(errs[0], IngestError::TooLarge { size, .. } if size == MAX_FILE_BYTES + 1)
        );

        let empty = dir.path().join("empty.txt");
        fs::write(&empty, " \n\r\n\t").unwrap();
        let (_, errs) = read_path(&empty, &ReadOptions::default());
        assert!(matches!(errs[0], IngestError::Empty { .. }));

        let page = dir.path().join("2016-08-29-ap.txt");
        fs::write(&page, "Title\n\nMOSCOW (AP) — Body.").unwrap();
        let (arts, errs) = read_path(&page, &ReadOptions::default());
        assert!(errs.is_empty());
        assert_eq!(arts[0].body, "Body.");
        assert_eq!(arts[0].origin, page.display().to_string());
    }

    #[test]
    fn issue_15_item_1_reads_are_bounded_as_they_stream() {
        // A reader that never ends: only limit + 1 bytes are ever taken from it.
        let endless = std::io::repeat(b'x');
        assert_eq!(read_bounded(endless, 1000).unwrap(), None);
        assert_eq!(
            read_bounded(&b"short"[..], 1000).unwrap().as_deref(),
            Some(&b"short"[..])
        );
        assert_eq!(read_bounded(&b"12345"[..], 5).unwrap().unwrap().len(), 5);
        #[cfg(target_os = "linux")]
        {
            // /dev/zero reports size 0 and never ends.
            let (arts, errs) = read_path(Path::new("/dev/zero"), &ReadOptions::default());
            assert!(arts.is_empty());
            assert_eq!(
                errs[0].to_string(),
                "/dev/zero: input too large (more than 64 MB)"
            );
        }
    }

    #[test]
    fn error_messages() {
        let e = IngestError::JsonLine {
            path: "a.jsonl".into(),
            line: 3,
            msg: "expected value".into(),
        };
        assert_eq!(e.to_string(), "a.jsonl:3: bad JSON line: expected value");
        let e = IngestError::TooLarge {
            path: "big.txt".into(),
            size: 70_000_000,
        };
        assert_eq!(
            e.to_string(),
            "big.txt: file too large (70000000 bytes, limit 64 MB)"
        );
    }

    fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/ingest")
            .join(name)
    }

    /// Read a fixture and compare a `field=value` summary of its first article.
    fn check_fixture(name: &str, expect: &str) -> Article {
        let (arts, errs) = read_path(&fixture(name), &ReadOptions::default());
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(arts.len(), 1);
        let a = arts.into_iter().next().unwrap();
        let got = format!(
            "title={}\nurl={}\nsource={}\ndate={}\ndateline={}\nbyline={}\ncontributors={}",
            a.title,
            a.url.as_deref().unwrap_or("-"),
            a.source.as_deref().unwrap_or("-"),
            a.published.date.map_or("-".to_string(), |d| d.to_string()),
            a.dateline.as_deref().unwrap_or("-"),
            a.byline.as_deref().unwrap_or("-"),
            a.contributors.join("; "),
        );
        assert_eq!(got, expect.trim(), "{name}");
        a
    }

    const STORY: &[&str] = &[
        "Russia's defense minister said Monday that Moscow and Washington are moving \"step by step\" toward an arrangement on joint action around the Syrian city of Aleppo.",
        "Speaking to military officers, the minister said talks with the American side had entered a \"very active phase\" and that the two militaries were exchanging maps.",
        "A U.S. official, who spoke on condition of anonymity because he was not authorized to discuss the talks, said however that no agreement was close.",
        "A State Department spokeswoman told reporters in Washington that the United States had \"nothing to announce\" about the talks.",
    ];

    #[test]
    fn one_story_three_formats() {
        let text = check_fixture(
            "2016-08-29-ap-aleppo-talks.txt",
            "title=Russia says US deal on Aleppo is near; US official disagrees\nurl=-\nsource=AP\ndate=2016-08-29\ndateline=MOSCOW\nbyline=NADIA PETROVA\ncontributors=Tom Baker in Washington",
        );
        let html = check_fixture(
            "aleppo-talks.html",
            "title=Russia says US deal on Aleppo is near; US official disagrees\nurl=https://news.example.com/world/aleppo-talks\nsource=AP\ndate=2016-08-29\ndateline=MOSCOW\nbyline=Nadia Petrova\ncontributors=Tom Baker in Washington",
        );
        let feed = check_fixture(
            "aleppo-talks.rss",
            "title=Russia says US deal on Aleppo is near; US official disagrees\nurl=https://news.example.com/world/aleppo-talks\nsource=AP\ndate=2016-08-29\ndateline=MOSCOW\nbyline=Nadia Petrova\ncontributors=Tom Baker in Washington",
        );
        let want = STORY.join("\n\n");
        for a in [&text, &html, &feed] {
            assert_eq!(a.body, want, "{}", a.origin);
        }
        assert_eq!(content_hash(&text), content_hash(&feed));
    }

    #[test]
    fn date_override_beats_every_format() {
        let opts = ReadOptions {
            date: NaiveDate::from_ymd_opt(2016, 9, 1),
            ..ReadOptions::default()
        };
        for name in [
            "2016-08-29-ap-aleppo-talks.txt",
            "aleppo-talks.html",
            "aleppo-talks.rss",
        ] {
            let (arts, _) = read_path(&fixture(name), &opts);
            assert_eq!(arts[0].published.date, opts.date, "{name}");
        }
    }

    #[test]
    fn walk_then_read_fixture_dir() {
        let (files, errs) = walk(&[fixture(""), fixture("missing.txt")]);
        assert_eq!(errs.len(), 1);
        assert!(files.len() >= 3);
        let total: usize = files
            .iter()
            .map(|f| read_path(f, &ReadOptions::default()).0.len())
            .sum();
        assert!(total >= 3);
    }
}
