//! HTTP fetching for `ingest URL…` and `follow`: one blocking client (ureq, rustls), bounded
//! in time, size and redirects, polite to each host, and decoding bodies to UTF-8 text.
//!
//! The client is the only code that talks to the network. It returns plain data ([`Page`],
//! [`Fetched`]) and a [`FetchError`] per URL; what to do with a failure (retry, back off,
//! report and go on) is the caller's business ([`crate::follow`]).

mod decode;
mod robots;

pub use decode::{charset_of, decode_body, format_of, meta_charset};
pub use robots::Robots;

use std::collections::HashMap;
use std::io::Read;
use std::time::{Duration, Instant};

use ureq::ResponseExt;

use crate::ingest::Format;

/// What the client promises every host; the CLI fills it from flags.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchConfig {
    pub user_agent: String,
    /// Whole-exchange limit: connect, headers and body, redirects included.
    pub timeout: Duration,
    /// Bodies larger than this (after gzip decoding) are refused.
    pub max_bytes: u64,
    pub max_redirects: u32,
    /// Pause between two requests to the same host.
    pub delay: Duration,
}

/// The User-Agent every request carries.
pub fn user_agent() -> String {
    format!(
        "storyline/{} (news analysis; follows feeds an analyst subscribed to)",
        env!("CARGO_PKG_VERSION")
    )
}

impl Default for FetchConfig {
    fn default() -> FetchConfig {
        FetchConfig {
            user_agent: user_agent(),
            timeout: Duration::from_secs(30),
            max_bytes: 16 * 1024 * 1024,
            max_redirects: 5,
            delay: Duration::from_secs(1),
        }
    }
}

/// Validators of an earlier response, for a conditional request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A full (2xx) response.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The URL asked for and the one answered after redirects.
    pub url: String,
    pub final_url: String,
    pub status: u16,
    pub content_type: Option<String>,
    pub validators: Validators,
    pub body: Vec<u8>,
}

impl Page {
    /// The reader format the content type names (sniffing decides when it names none).
    pub fn format(&self) -> Format {
        format_of(self.content_type.as_deref())
    }

    /// The body as UTF-8 bytes for the readers: decoded with the charset of the headers, else
    /// of the document (BOM, `<meta charset>`, XML declaration), else UTF-8.
    pub fn text_bytes(&self) -> Vec<u8> {
        decode_body(&self.body, self.content_type.as_deref())
    }
}

/// A response to a (possibly conditional) GET.
#[derive(Debug, Clone, PartialEq)]
pub enum Fetched {
    Page(Page),
    /// 304: nothing changed since the validators were issued.
    NotModified,
}

/// Why a URL could not be fetched. Messages are lowercase and name no URL: the caller prefixes it.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("not an http or https URL")]
    Scheme,
    #[error("HTTP {status}")]
    Status {
        status: u16,
        /// `Retry-After` of a 429 or 503, when given.
        retry_after: Option<Duration>,
    },
    #[error("timed out after {}", show_duration(*.0))]
    Timeout(Duration),
    #[error("response larger than {limit} bytes, refused")]
    TooLarge { limit: u64 },
    #[error("too many redirects (more than {0})")]
    Redirects(u32),
    #[error("disallowed by robots.txt")]
    Robots,
    #[error("{0}")]
    Network(String),
}

impl FetchError {
    /// The HTTP status of the failed response, if one came.
    pub fn status(&self) -> Option<u16> {
        match self {
            FetchError::Status { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// Worth trying again later: 429, 5xx, timeouts and network trouble.
    pub fn is_transient(&self) -> bool {
        match self {
            FetchError::Status { status, .. } => *status == 429 || *status >= 500,
            FetchError::Timeout(_) | FetchError::Network(_) => true,
            _ => false,
        }
    }

    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            FetchError::Status { retry_after, .. } => *retry_after,
            _ => None,
        }
    }
}

/// "30s", "1.5s", "250ms".
pub fn show_duration(d: Duration) -> String {
    if d.as_millis() < 1000 {
        format!("{}ms", d.as_millis())
    } else if d.subsec_millis() == 0 {
        format!("{}s", d.as_secs())
    } else {
        format!("{:.1}s", d.as_secs_f64())
    }
}

/// The blocking client: one agent (connection reuse), a clock per host for the politeness
/// delay, and the robots.txt of each host asked about.
pub struct Client {
    agent: ureq::Agent,
    cfg: FetchConfig,
    last_request: HashMap<String, Instant>,
    robots: HashMap<String, Robots>,
}

impl Client {
    pub fn new(cfg: FetchConfig) -> Client {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .user_agent(cfg.user_agent.as_str())
            .timeout_global(Some(cfg.timeout))
            .max_redirects(cfg.max_redirects)
            .max_redirects_will_error(true)
            // Status codes are data here (304, 429 with Retry-After), not errors.
            .http_status_as_error(false)
            .build()
            .into();
        Client {
            agent,
            cfg,
            last_request: HashMap::new(),
            robots: HashMap::new(),
        }
    }

    pub fn config(&self) -> &FetchConfig {
        &self.cfg
    }

    /// GET `url`, conditionally when validators are given. 2xx gives a page, 304 `NotModified`,
    /// anything else an error.
    pub fn get(&mut self, url: &str, validators: &Validators) -> Result<Fetched, FetchError> {
        let host = host_of(url).ok_or(FetchError::Scheme)?;
        self.wait_turn(&host);
        let result = self.get_now(url, validators);
        self.last_request.insert(host, Instant::now());
        result
    }

    /// GET a page found by following a link: only when the host's robots.txt allows it.
    pub fn get_polite(&mut self, url: &str) -> Result<Fetched, FetchError> {
        if !self.allowed(url) {
            return Err(FetchError::Robots);
        }
        self.get(url, &Validators::default())
    }

    /// Whether robots.txt lets our User-Agent fetch `url` (fetched once per host; a missing
    /// or unreadable robots.txt allows everything).
    pub fn allowed(&mut self, url: &str) -> bool {
        let Ok(parsed) = url::Url::parse(url) else {
            return false;
        };
        let Some(origin) = origin_of(&parsed) else {
            return false;
        };
        if !self.robots.contains_key(&origin) {
            let robots_url = format!("{origin}/robots.txt");
            let robots = match self.get(&robots_url, &Validators::default()) {
                Ok(Fetched::Page(p)) => {
                    Robots::parse(&String::from_utf8_lossy(&p.body), &self.cfg.user_agent)
                }
                _ => Robots::default(),
            };
            self.robots.insert(origin.clone(), robots);
        }
        let mut path = parsed.path().to_string();
        if let Some(q) = parsed.query() {
            path.push('?');
            path.push_str(q);
        }
        self.robots[&origin].allows(&path)
    }

    /// Sleep until the politeness delay since the last request to `host` has passed.
    fn wait_turn(&self, host: &str) {
        if let Some(last) = self.last_request.get(host) {
            let since = last.elapsed();
            if since < self.cfg.delay {
                std::thread::sleep(self.cfg.delay - since);
            }
        }
    }

    fn get_now(&self, url: &str, validators: &Validators) -> Result<Fetched, FetchError> {
        let mut req = self.agent.get(url);
        if let Some(etag) = &validators.etag {
            req = req.header("If-None-Match", etag.as_str());
        }
        if let Some(lm) = &validators.last_modified {
            req = req.header("If-Modified-Since", lm.as_str());
        }
        let mut resp = req.call().map_err(|e| self.error(e))?;
        let status = resp.status().as_u16();
        let header = |name: &str| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        if status == 304 {
            return Ok(Fetched::NotModified);
        }
        if !(200..300).contains(&status) {
            let retry_after = header("retry-after").and_then(|v| parse_retry_after(&v));
            return Err(FetchError::Status {
                status,
                retry_after,
            });
        }
        let content_type = header("content-type");
        let validators = Validators {
            etag: header("etag"),
            last_modified: header("last-modified"),
        };
        let final_url = resp.get_uri().to_string();
        let limit = self.cfg.max_bytes;
        // Refuse early when the server says the body is too large.
        if let Some(len) = header("content-length").and_then(|v| v.parse::<u64>().ok()) {
            if len > limit && header("content-encoding").is_none() {
                return Err(FetchError::TooLarge { limit });
            }
        }
        // Bounded read: one byte past the limit tells "too large" from "exactly the limit".
        let mut body = Vec::new();
        resp.body_mut()
            .as_reader()
            .take(limit + 1)
            .read_to_end(&mut body)
            .map_err(|e| self.io_error(e))?;
        if body.len() as u64 > limit {
            return Err(FetchError::TooLarge { limit });
        }
        Ok(Fetched::Page(Page {
            url: url.to_string(),
            final_url,
            status,
            content_type,
            validators,
            body,
        }))
    }

    fn error(&self, e: ureq::Error) -> FetchError {
        match e {
            ureq::Error::Timeout(_) => FetchError::Timeout(self.cfg.timeout),
            ureq::Error::TooManyRedirects => FetchError::Redirects(self.cfg.max_redirects),
            ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge {
                limit: self.cfg.max_bytes,
            },
            ureq::Error::BadUri(_) => FetchError::Scheme,
            ureq::Error::Io(io) => self.io_error(io),
            ureq::Error::HostNotFound => FetchError::Network("host not found".into()),
            ureq::Error::ConnectionFailed => FetchError::Network("connection failed".into()),
            other => FetchError::Network(other.to_string().to_lowercase()),
        }
    }

    /// Body read errors arrive as io::Error wrapping a ureq::Error.
    fn io_error(&self, e: std::io::Error) -> FetchError {
        if matches!(
            e.kind(),
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
        ) {
            return FetchError::Timeout(self.cfg.timeout);
        }
        let kind = e.kind();
        match e.into_inner() {
            Some(inner) => match inner.downcast::<ureq::Error>() {
                Ok(u) => self.error(*u),
                Err(other) => FetchError::Network(other.to_string().to_lowercase()),
            },
            None => FetchError::Network(match kind {
                std::io::ErrorKind::ConnectionRefused => "connection refused".into(),
                std::io::ErrorKind::ConnectionReset => "connection reset".into(),
                std::io::ErrorKind::UnexpectedEof => "connection closed early".into(),
                k => k.to_string().to_lowercase(),
            }),
        }
    }
}

/// `host:port` of an http(s) URL (the politeness key), or `None` for other schemes.
pub fn host_of(url: &str) -> Option<String> {
    let u = url::Url::parse(url).ok()?;
    origin_of(&u)
}

fn origin_of(u: &url::Url) -> Option<String> {
    if !matches!(u.scheme(), "http" | "https") {
        return None;
    }
    let host = u.host_str()?;
    Some(match u.port() {
        Some(p) => format!("{}://{host}:{p}", u.scheme()),
        None => format!("{}://{host}", u.scheme()),
    })
}

/// Whether a command-line argument names a web resource rather than a file.
pub fn is_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// `Retry-After`: delay-seconds or an HTTP-date.
pub fn parse_retry_after(v: &str) -> Option<Duration> {
    if let Ok(secs) = v.trim().parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = chrono::DateTime::parse_from_rfc2822(v.trim()).ok()?;
    let wait = when.with_timezone(&chrono::Utc) - chrono::Utc::now();
    Some(wait.to_std().unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_takes_seconds_and_dates() {
        assert_eq!(parse_retry_after("120"), Some(Duration::from_secs(120)));
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon"), None);
    }

    #[test]
    fn urls_are_told_from_paths() {
        for (s, want) in [
            ("https://example.com/feed", true),
            ("HTTP://example.com", true),
            ("example.com/feed", false),
            ("./http:/x", false),
            ("ftp://example.com", false),
        ] {
            assert_eq!(is_url(s), want, "{s}");
        }
        assert_eq!(
            host_of("http://127.0.0.1:8080/a?b").as_deref(),
            Some("http://127.0.0.1:8080")
        );
        assert_eq!(host_of("file:///etc/passwd"), None);
    }

    #[test]
    fn durations_read_well() {
        assert_eq!(show_duration(Duration::from_millis(250)), "250ms");
        assert_eq!(show_duration(Duration::from_secs(30)), "30s");
        assert_eq!(show_duration(Duration::from_millis(1500)), "1.5s");
    }
}
