//! Issue 16: following a story over HTTP. Every test runs its own HTTP server on 127.0.0.1
//! (std TcpListener, one thread per connection, `Connection: close`), never the outside
//! network. Timeouts and waits are set short by flags; no test asserts a wall-clock duration.

use super::*;

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A request as the server saw it.
#[derive(Debug, Clone)]
struct Request {
    path: String,
    headers: HashMap<String, String>,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(&name.to_ascii_lowercase())
            .map(String::as_str)
    }
}

/// A canned response.
struct Reply {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
    /// Pause before answering (the slow server).
    delay: Duration,
    /// Send Content-Length (else the body ends when the connection closes).
    length: bool,
}

impl Reply {
    fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status,
            headers: vec![("Content-Type", content_type.to_string())],
            body: body.into(),
            delay: Duration::ZERO,
            length: true,
        }
    }
    fn status(status: u16) -> Reply {
        Reply::new(status, "text/plain", format!("status {status}"))
    }
    fn header(mut self, name: &'static str, value: &str) -> Reply {
        self.headers.push((name, value.to_string()));
        self
    }
}

/// Answers request number `n` (0-based, counted per path) for a path.
type Handler = dyn Fn(&Request, usize) -> Reply + Send + Sync;

struct Server {
    addr: String,
    log: Arc<Mutex<Vec<Request>>>,
    stop: Arc<AtomicBool>,
}

impl Server {
    fn start(handler: impl Fn(&Request, usize) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = format!("http://{}", listener.local_addr().unwrap());
        let log: Arc<Mutex<Vec<Request>>> = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let handler: Arc<Handler> = Arc::new(handler);
        let (log2, stop2) = (log.clone(), stop.clone());
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if stop2.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let (log, handler) = (log2.clone(), handler.clone());
                std::thread::spawn(move || serve(conn, &log, &*handler));
            }
        });
        Server { addr, log, stop }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.addr)
    }

    /// Requests made so far to `path`.
    fn requests(&self, path: &str) -> Vec<Request> {
        let log = self.log.lock().unwrap();
        log.iter().filter(|r| r.path == path).cloned().collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(self.addr.trim_start_matches("http://"));
    }
}

fn serve(conn: TcpStream, log: &Mutex<Vec<Request>>, handler: &Handler) {
    let mut reader = BufReader::new(conn.try_clone().unwrap());
    let mut line = String::new();
    if reader.read_line(&mut line).unwrap_or(0) == 0 {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = HashMap::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    let req = Request { path, headers };
    let n = {
        let mut log = log.lock().unwrap();
        let n = log.iter().filter(|r| r.path == req.path).count();
        log.push(req.clone());
        n
    };
    let reply = handler(&req, n);
    std::thread::sleep(reply.delay);
    let mut head = format!("HTTP/1.1 {} X\r\nConnection: close\r\n", reply.status);
    for (k, v) in &reply.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if reply.length {
        head.push_str(&format!("Content-Length: {}\r\n", reply.body.len()));
    }
    head.push_str("\r\n");
    let mut conn = conn;
    let _ = conn.write_all(head.as_bytes());
    let _ = conn.write_all(&reply.body);
    let _ = conn.flush();
}

/// Three wire items on the Aleppo talks; a feed carries the first `n`.
const ITEMS: [(&str, &str, &str); 3] = [
    (
        "Russia says Aleppo arrangement is near",
        "Mon, 29 Aug 2016 09:14:00 GMT",
        "MOSCOW (AP) — Russian Defense Minister Sergei Shoigu said Monday that \"step by step, we are nearing an arrangement\" with the United States on Aleppo. He spoke at a meeting with military officers in Moscow.",
    ),
    (
        "U.S. says no Aleppo agreement is close",
        "Mon, 29 Aug 2016 18:02:00 GMT",
        "WASHINGTON (AP) — A U.S. official said Monday that \"no agreement is close\" on Aleppo. State Department spokeswoman Elizabeth Trudeau said \"we have nothing to announce\" on the talks.",
    ),
    (
        "U.N. envoy says Syria talks to resume",
        "Tue, 30 Aug 2016 11:40:00 GMT",
        "GENEVA (Reuters) — U.N. Syria envoy Staffan de Mistura said Tuesday that talks between the parties would resume next week in Geneva. He said aid convoys were still waiting for access to Aleppo.",
    ),
];

fn feed(base: &str, n: usize) -> String {
    let mut items = String::new();
    for (i, (title, date, body)) in ITEMS.iter().take(n).enumerate() {
        items.push_str(&format!(
            "<item><title>{title}</title><link>{base}/story/{i}</link><pubDate>{date}</pubDate>\
             <content:encoded><![CDATA[<p>{body}</p>]]></content:encoded></item>\n"
        ));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" \
         xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n<channel><title>Wire Desk</title>\
         <link>{base}/</link><description>Wire</description>\n{items}</channel></rss>\n"
    )
}

/// Flags that keep a test fast: no politeness delay, short waits.
const FAST: [&str; 6] = ["--delay", "0s", "--retry-wait", "10ms", "--timeout", "5s"];

fn with_fast<'a>(args: &[&'a str]) -> Vec<&'a str> {
    let mut v = args.to_vec();
    v.extend(FAST);
    v
}

fn source_list(env: &Env) -> Vec<Value> {
    env.json(&["source", "list", "--json"])
}

#[test]
fn feed_gains_entries_between_polls_and_only_new_ones_are_ingested() {
    let base = Arc::new(Mutex::new(String::new()));
    let b = base.clone();
    let server = Server::start(move |_, n| {
        let base = b.lock().unwrap().clone();
        Reply::new(
            200,
            "application/rss+xml",
            feed(&base, if n == 0 { 2 } else { 3 }),
        )
    });
    *base.lock().unwrap() = server.addr.clone();
    let env = Env::new();
    let url = server.url("/feed.xml");
    let (code, out, err) = env.run(&["source", "add", &url, "--thread", "aleppo"]);
    assert_eq!((code, out.trim()), (0, url.as_str()), "{err}");

    let (code, _, err) = env.run(&with_fast(&["follow", "--once"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(env.json(&["articles", "--json"]).len(), 2, "{err}");
    let reports = env.path("reports");
    let (code, out, err) = env.run(&with_fast(&[
        "follow",
        "--once",
        "--report-out",
        s(&reports),
    ]));
    assert_eq!(code, 0, "{err}");
    let articles = env.json(&["articles", "--thread", "aleppo", "--json"]);
    assert_eq!(articles.len(), 3, "{err}");
    // The poll brought something new: the thread's report was rewritten with what it brought.
    assert!(out.lines().any(|l| l.ends_with("index.md")), "{out}");
    let md = std::fs::read_to_string(reports.join("aleppo/index.md")).unwrap();
    let section = &md[md.find("## New since").expect("a New since section")..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |i| i + 3)];
    assert!(section.contains("article #3,"), "{section}");
    for old in ["article #1,", "article #2,"] {
        assert!(!section.contains(old), "{section}");
    }
    assert!(articles
        .iter()
        .any(|a| a["title"] == "U.N. envoy says Syria talks to resume"));

    let sources = source_list(&env);
    assert_eq!(sources.len(), 1);
    assert_eq!(sources[0]["thread"], "aleppo");
    assert_eq!(sources[0]["fetches"], 2);
    assert_eq!(sources[0]["last_fetch"]["status"], 200);
    assert_eq!(
        sources[0]["last_fetch"]["new_items"], 1,
        "the second poll brought one new entry"
    );
}

#[test]
fn second_poll_sends_the_etag_and_a_304_changes_nothing() {
    let base = Arc::new(Mutex::new(String::new()));
    let b = base.clone();
    let server = Server::start(move |req, _| {
        if req.header("if-none-match") == Some("\"v1\"") {
            return Reply::status(304).header("ETag", "\"v1\"");
        }
        let base = b.lock().unwrap().clone();
        Reply::new(200, "application/rss+xml", feed(&base, 2)).header("ETag", "\"v1\"")
    });
    *base.lock().unwrap() = server.addr.clone();
    let env = Env::new();
    let url = server.url("/feed");
    env.run(&["source", "add", &url, "--thread", "aleppo"]);
    for _ in 0..2 {
        let (code, _, err) = env.run(&with_fast(&["follow", "--once"]));
        assert_eq!(code, 0, "{err}");
    }
    let reqs = server.requests("/feed");
    assert_eq!(reqs.len(), 2);
    assert_eq!(reqs[0].header("if-none-match"), None);
    assert_eq!(reqs[1].header("if-none-match"), Some("\"v1\""));
    let ua = reqs[0].header("user-agent").unwrap_or_default();
    assert!(ua.starts_with("storyline/"), "{ua}");
    let sources = source_list(&env);
    assert_eq!(sources[0]["etag"], "\"v1\"");
    assert_eq!(sources[0]["last_fetch"]["status"], 304);
    assert_eq!(sources[0]["last_fetch"]["new_items"], 0);
    assert_eq!(env.json(&["articles", "--json"]).len(), 2);
}

#[test]
fn a_500_is_retried_after_a_back_off_and_the_success_ingested() {
    let base = Arc::new(Mutex::new(String::new()));
    let b = base.clone();
    let server = Server::start(move |_, n| {
        if n == 0 {
            return Reply::status(500);
        }
        let base = b.lock().unwrap().clone();
        Reply::new(200, "application/rss+xml", feed(&base, 2))
    });
    *base.lock().unwrap() = server.addr.clone();
    let env = Env::new();
    env.run(&["source", "add", &server.url("/feed"), "--thread", "aleppo"]);
    let (code, _, err) = env.run(&with_fast(&["follow", "--once"]));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("HTTP 500; retrying in 10ms"), "{err}");
    assert_eq!(server.requests("/feed").len(), 2);
    let sources = source_list(&env);
    assert_eq!(sources[0]["fetches"], 2, "both attempts are logged");
    assert_eq!(sources[0]["last_fetch"]["status"], 200);
    assert_eq!(sources[0]["failures"], 0);
    assert_eq!(env.json(&["articles", "--json"]).len(), 2);
}

#[test]
fn a_dead_source_is_reported_backs_off_and_the_others_continue() {
    let base = Arc::new(Mutex::new(String::new()));
    let b = base.clone();
    let server = Server::start(move |req, _| {
        if req.path == "/gone" {
            return Reply::status(503).header("Retry-After", "3600");
        }
        let base = b.lock().unwrap().clone();
        Reply::new(200, "application/rss+xml", feed(&base, 2))
    });
    *base.lock().unwrap() = server.addr.clone();
    let env = Env::new();
    let gone = server.url("/gone");
    env.run(&["source", "add", &gone, "--thread", "aleppo"]);
    env.run(&["source", "add", &server.url("/feed"), "--thread", "aleppo"]);
    let (code, _, err) = env.run(&with_fast(&["follow", "--once"]));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(&format!("storyline: {gone}: HTTP 503")),
        "{err}"
    );
    assert_eq!(
        server.requests("/gone").len(),
        1,
        "a Retry-After of an hour is not waited out in-process"
    );
    assert_eq!(env.json(&["articles", "--json"]).len(), 2);
    let sources = source_list(&env);
    assert_eq!(sources[0]["failures"], 1);
    assert!(sources[0]["next_fetch_at"].is_string());

    // The next poll leaves the backing-off source alone.
    let (code, _, err) = env.run(&with_fast(&["follow", "--once"]));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("backing off until"), "{err}");
    assert_eq!(server.requests("/gone").len(), 1);

    let (code, _, err) = env.run(&["source", "remove", &gone]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(source_list(&env).len(), 1);
}

#[test]
fn a_slow_server_hits_the_timeout_and_other_urls_still_ingest() {
    let base = Arc::new(Mutex::new(String::new()));
    let b = base.clone();
    let server = Server::start(move |req, _| {
        if req.path == "/slow" {
            let mut r = Reply::status(200);
            r.delay = Duration::from_secs(3);
            return r;
        }
        let base = b.lock().unwrap().clone();
        Reply::new(200, "application/rss+xml", feed(&base, 1))
    });
    *base.lock().unwrap() = server.addr.clone();
    let env = Env::new();
    let slow = server.url("/slow");
    let (code, _, err) = env.run(&[
        "ingest",
        &slow,
        &server.url("/feed"),
        "--timeout",
        "300ms",
        "--retries",
        "0",
        "--delay",
        "0s",
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(&format!("storyline: {slow}: timed out after 300ms")),
        "{err}"
    );
    assert_eq!(env.json(&["articles", "--json"]).len(), 1, "{err}");
}

#[test]
fn an_oversize_body_is_refused() {
    let server = Server::start(|req, _| {
        let mut r = Reply::new(200, "text/html", vec![b'a'; 5000]);
        // Without Content-Length the cap is met while reading.
        r.length = req.path == "/declared";
        r
    });
    let env = Env::new();
    for path in ["/declared", "/streamed"] {
        let url = server.url(path);
        let (code, _, err) = env.run(&with_fast(&["ingest", &url, "--max-bytes", "1000"]));
        assert_eq!(code, 2, "{err}");
        assert!(
            err.contains(&format!(
                "storyline: {url}: response larger than 1000 bytes, refused"
            )),
            "{err}"
        );
    }
}

#[test]
fn a_windows_1251_page_is_decoded() {
    let page = "<html><head><title>Шойгу: договорённость близка</title></head><body><article>\
        <h1>Шойгу: договорённость близка</h1>\
        <p>МОСКВА — Министр обороны России Сергей Шойгу заявил в понедельник, что стороны шаг за шагом \
        приближаются к договорённости по Алеппо. Он выступил на совещании с военными в Москве.</p>\
        <p>Представитель Государственного департамента США заявила, что объявлять пока нечего и что \
        переговоры продолжатся на следующей неделе в Женеве.</p>\
        <p>Переговоры между делегациями продолжались более девяти часов, сообщили источники.</p>\
        </article></body></html>";
    let (bytes, _, bad) = encoding_rs::WINDOWS_1251.encode(page);
    assert!(!bad);
    let bytes = bytes.into_owned();
    let server = Server::start(move |req, _| {
        // One page says its charset in the header, the other only in a <meta>.
        if req.path == "/header" {
            Reply::new(200, "text/html; charset=windows-1251", bytes.clone())
        } else {
            let mut body = b"<meta charset=\"windows-1251\">".to_vec();
            body.extend(bytes.iter().map(|b| if *b == b'.' { b'!' } else { *b }));
            Reply::new(200, "text/html", body)
        }
    });
    let env = Env::new();
    let (code, _, err) = env.run(&with_fast(&[
        "ingest",
        &server.url("/header"),
        &server.url("/meta"),
        "--date",
        "2016-08-29",
    ]));
    assert_eq!(code, 0, "{err}");
    let articles = env.json(&["articles", "--json"]);
    assert_eq!(articles.len(), 2, "{err}");
    for a in &articles {
        let body = a["body"].as_str().unwrap();
        assert!(body.contains("Сергей Шойгу заявил"), "{body}");
        assert!(!body.contains('\u{FFFD}'), "{body}");
    }
}

#[test]
fn a_redirect_loop_is_stopped() {
    let server = Server::start(|_, _| Reply::status(302).header("Location", "/loop"));
    let env = Env::new();
    let url = server.url("/loop");
    let (code, _, err) = env.run(&with_fast(&["ingest", &url, "--max-redirects", "3"]));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(&format!("storyline: {url}: too many redirects")),
        "{err}"
    );
    assert!(server.requests("/loop").len() <= 4);
}

#[test]
fn follow_links_fetches_entry_pages_and_honours_robots_txt() {
    let base = Arc::new(Mutex::new(String::new()));
    let b = base.clone();
    let server = Server::start(move |req, _| {
        let base = b.lock().unwrap().clone();
        match req.path.as_str() {
            "/robots.txt" => Reply::new(200, "text/plain", "User-agent: *\nDisallow: /story/1\n"),
            "/story/0" => Reply::new(
                200,
                "text/html; charset=utf-8",
                format!(
                    "<html><head><title>{}</title></head><body><article><p>{}</p>\
                     <p>The full page adds that Shoigu met Syrian officers on Monday evening in Latakia.</p>\
                     <p>Officials in Moscow declined to give details of the arrangement.</p></article></body></html>",
                    ITEMS[0].0, ITEMS[0].2
                ),
            ),
            _ => Reply::new(200, "application/rss+xml", feed(&base, 2)),
        }
    });
    *base.lock().unwrap() = server.addr.clone();
    let env = Env::new();
    let (code, _, err) = env.run(&with_fast(&[
        "ingest",
        &server.url("/feed"),
        "--follow-links",
        "--thread",
        "aleppo",
    ]));
    assert_eq!(code, 0, "{err}");
    let articles = env.json(&["articles", "--json"]);
    assert_eq!(articles.len(), 2, "{err}");
    assert!(
        articles
            .iter()
            .any(|a| a["body"].as_str().unwrap().contains("Latakia")),
        "the allowed page was fetched: {articles:?}"
    );
    assert_eq!(server.requests("/story/0").len(), 1);
    assert_eq!(
        server.requests("/story/1").len(),
        0,
        "robots.txt disallows it: {err}"
    );
    assert!(err.contains("disallowed by robots.txt"), "{err}");
}

#[test]
fn report_since_shows_only_the_new_items() {
    let env = Env::new();
    let (code, _, err) = env.run(&[
        "ingest",
        s(&fixture(DESIGN_STORY)),
        "--thread",
        "aleppo",
        "--date",
        "2016-08-29",
    ]);
    assert_eq!(code, 0, "{err}");
    let old: Vec<i64> = env
        .json(&["claims", "--json"])
        .iter()
        .map(|c| c["article_id"].as_i64().unwrap())
        .collect();
    assert!(!old.is_empty());
    // Ingestion times are kept to the second: let the clock pass one.
    std::thread::sleep(Duration::from_millis(1100));
    let since = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let (code, _, err) = env.run(&[
        "ingest",
        s(&fixture("articles/reuters-geneva-talks.txt")),
        "--thread",
        "aleppo",
    ]);
    assert_eq!(code, 0, "{err}");

    let new_claims = env.json(&["claims", "--since", &since, "--json"]);
    assert!(!new_claims.is_empty());
    let new_article = new_claims[0]["article_id"].as_i64().unwrap();
    assert!(new_claims
        .iter()
        .all(|c| c["article_id"].as_i64() == Some(new_article)));
    assert!(!old.contains(&new_article));
    assert_eq!(
        env.json(&["claims", "--since", "2000-01-01", "--json"])
            .len(),
        old.len() + new_claims.len()
    );

    let out_dir = env.path("reports");
    let (code, _, err) = env.run(&[
        "report",
        "--thread",
        "aleppo",
        "--out",
        s(&out_dir),
        "--since",
        &since,
    ]);
    assert_eq!(code, 0, "{err}");
    let md = std::fs::read_to_string(out_dir.join("aleppo/index.md")).unwrap();
    let start = md.find("## New since").expect("a New since section");
    let section = &md[start..];
    let end = section[3..].find("\n## ").map_or(section.len(), |i| i + 3);
    let section = &section[..end];
    assert!(
        md[..start].find("## ").is_none(),
        "the section comes first: {md}"
    );
    let trace = |id: i64| format!("article #{id}, bytes");
    assert_eq!(
        section.matches(&trace(new_article)).count(),
        new_claims.len(),
        "{section}"
    );
    let first_old = old[0];
    assert!(!section.contains(&trace(first_old)), "{section}");
    let html = std::fs::read_to_string(out_dir.join("aleppo/index.html")).unwrap();
    assert!(html.contains("<h2>New since"), "{html}");

    // Without --since there is no such section.
    let (code, _, _) = env.run(&["report", "--thread", "aleppo", "--out", s(&out_dir)]);
    assert_eq!(code, 0);
    let md = std::fs::read_to_string(out_dir.join("aleppo/index.md")).unwrap();
    assert!(!md.contains("New since"));
}

#[test]
fn a_gzip_body_is_decoded() {
    let base = Arc::new(Mutex::new(String::new()));
    let b = base.clone();
    let server = Server::start(move |req, _| {
        let base = b.lock().unwrap().clone();
        let xml = feed(&base, 2);
        if !req.header("accept-encoding").unwrap_or("").contains("gzip") {
            return Reply::new(200, "application/rss+xml", xml);
        }
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(xml.as_bytes()).unwrap();
        Reply::new(200, "application/rss+xml", gz.finish().unwrap())
            .header("Content-Encoding", "gzip")
    });
    *base.lock().unwrap() = server.addr.clone();
    let env = Env::new();
    let (code, _, err) = env.run(&with_fast(&["ingest", &server.url("/feed")]));
    assert_eq!(code, 0, "{err}");
    let reqs = server.requests("/feed");
    assert!(reqs[0]
        .header("accept-encoding")
        .unwrap_or("")
        .contains("gzip"));
    assert_eq!(env.json(&["articles", "--json"]).len(), 2, "{err}");
}

#[test]
fn ctrl_c_stops_follow_cleanly_between_fetches() {
    let base = Arc::new(Mutex::new(String::new()));
    let b = base.clone();
    let server = Server::start(move |_, _| {
        let base = b.lock().unwrap().clone();
        Reply::new(200, "application/rss+xml", feed(&base, 2))
    });
    *base.lock().unwrap() = server.addr.clone();
    let env = Env::new();
    env.run(&["source", "add", &server.url("/feed"), "--thread", "aleppo"]);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("storyline"))
        .env_remove("STORYLINE_DB")
        .arg("--db")
        .arg(env.db())
        .args(with_fast(&["follow", "--every", "1h"]))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Bounded waits (the test never asserts how long anything took).
    let wait_for = |what: &dyn Fn() -> bool| {
        for _ in 0..400 {
            if what() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        false
    };
    // The first poll is done once its summary line is printed; the stored articles show it.
    assert!(wait_for(&|| !server.requests("/feed").is_empty()));
    assert!(wait_for(&|| {
        let (_, out, _) = env.run(&["articles", "--json"]);
        serde_json::from_str::<Value>(&out)
            .ok()
            .and_then(|v| v.as_array().map(Vec::len))
            == Some(2)
    }));
    let pid = child.id().to_string();
    let killed = std::process::Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    let mut status = None;
    for _ in 0..400 {
        status = child.try_wait().unwrap();
        if status.is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    if status.is_none() {
        let _ = child.kill();
    }
    let mut err = String::new();
    std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err).unwrap();
    assert_eq!(status.and_then(|s| s.code()), Some(0), "{err}");
    assert!(err.contains("stopping after the current fetch"), "{err}");
    assert_eq!(server.requests("/feed").len(), 1, "no poll after Ctrl-C");
    assert_eq!(env.json(&["articles", "--json"]).len(), 2);
}
