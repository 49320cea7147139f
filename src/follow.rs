//! Following a live story over HTTP: `ingest URL…` (fetch, decode, read, and with
//! `--follow-links` each feed entry's own page) and `follow` (poll the stored sources with
//! conditional requests, back off on errors, ingest only entries not seen before, and log
//! every fetch).
//!
//! A failure belongs to one URL: it is reported (through the config's `Talk`, which the command
//! layer prints as `storyline: <url>: …`) and the run goes on with the next one. Each source's
//! new articles are committed (by the pipeline) before the source remembers their entries as
//! seen, so a crash between the two only means the next poll finds them again as duplicates:
//! nothing committed is lost, nothing is stored twice.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use chrono::Utc;

use crate::fetch::{show_duration, Client, FetchConfig, FetchError, Fetched, Page, Validators};
use crate::ingest::{self, Format, IngestError, ReadOptions};
use crate::model::{Article, FetchRecord, Precision, Source};
use crate::pipeline::{self, IngestConfig, Input, Summary, ThreadMode};
use crate::render::{self, RenderOptions};
use crate::store::Store;

/// Retries of one request within a poll (the defaults are in `app::config`: `--retries`,
/// `--retry-wait` and the longest wait spent in-process).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Further attempts after a transient failure (429, 5xx, timeout, network).
    pub retries: u32,
    /// Wait before the first retry; doubled before each next one. `Retry-After` overrides it.
    pub wait: Duration,
    /// A wait longer than this is not spent in-process: the source is skipped until then.
    pub max_wait: Duration,
}

/// Everything `ingest URL…` and `follow` need besides the store.
#[derive(Debug, Clone)]
pub struct FollowConfig {
    pub fetch: FetchConfig,
    pub retry: RetryPolicy,
    /// Read options, thread mode (`ingest`; `follow` uses each source's thread), window, quiet.
    pub ingest: IngestConfig,
    /// `ingest --follow-links` (sources carry their own setting).
    pub follow_links: bool,
    /// Chart size of the report bundles `follow --report-out` rewrites.
    pub render: RenderOptions,
}

/// Fetch every URL, read what came back, and ingest it all in one pipeline run. Per-URL
/// failures are reported and counted in `failed`.
pub fn ingest_urls(store: &mut Store, urls: &[String], cfg: &FollowConfig) -> Result<Summary> {
    let mut client = Client::new(cfg.fetch.clone());
    let never = AtomicBool::new(false);
    let mut articles = Vec::new();
    let mut failed = 0;
    for url in urls {
        match fetch_retrying(
            &mut client,
            url,
            &Validators::default(),
            cfg,
            &never,
            &mut |_| {},
        ) {
            Ok(Fetched::Page(page)) => {
                let (read, errors, is_feed) = read_page(&page, &cfg.ingest.read);
                failed += report(&errors, cfg);
                let read = if is_feed && cfg.follow_links {
                    follow_links(&mut client, read, cfg)
                } else {
                    read
                };
                articles.extend(read);
            }
            // No validators were sent: a 304 here is the server's mistake.
            Ok(Fetched::NotModified) => {
                cfg.ingest
                    .talk
                    .say(&format!("{url}: unexpected 304 Not Modified"));
                failed += 1;
            }
            Err(e) => {
                cfg.ingest.talk.say(&format!("{url}: {e}"));
                failed += 1;
            }
        }
    }
    let mut summary = pipeline::ingest(store, &[Input::Articles(articles)], &cfg.ingest)?;
    summary.failed += failed;
    Ok(summary)
}

/// What one poll of one source did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Polled {
    pub new: usize,
    pub failed: bool,
}

/// What a whole `follow` run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FollowSummary {
    pub polls: usize,
    pub new: usize,
    pub failed: usize,
    pub reports: Vec<PathBuf>,
}

/// Poll every due source once per round, every `every`, until `stop` is set (Ctrl-C) or, with
/// `once`, after one round. After a round that brought new articles to a thread, its report is
/// rewritten under `report_out/<thread>/` with a "New since <round start>" section.
pub fn run(
    store: &mut Store,
    cfg: &FollowConfig,
    every: Duration,
    once: bool,
    report_out: Option<&Path>,
    stop: &AtomicBool,
) -> Result<FollowSummary> {
    let mut client = Client::new(cfg.fetch.clone());
    let mut total = FollowSummary::default();
    loop {
        let round_start = Utc::now();
        // What this round brings is exactly the articles stored after this one.
        let last_before = store.max_article_id()?;
        let sources = store.sources()?;
        if sources.is_empty() {
            bail!("no sources to follow: add one with `storyline source add URL --thread SLUG`");
        }
        let mut touched = BTreeSet::new();
        for source in &sources {
            if stop.load(Ordering::SeqCst) {
                break;
            }
            if let Some(next) = source.next_fetch_at.filter(|n| *n > Utc::now()) {
                if !cfg.ingest.quiet {
                    cfg.ingest.talk.say(&format!(
                        "{}: backing off until {}",
                        source.url,
                        next.format("%Y-%m-%dT%H:%M:%SZ")
                    ));
                }
                continue;
            }
            let polled = poll(store, &mut client, source, cfg, every, stop)?;
            total.polls += 1;
            total.new += polled.new;
            total.failed += usize::from(polled.failed);
            if polled.new > 0 {
                touched.insert(source.thread.clone());
            }
        }
        if let Some(dir) = report_out {
            let label = round_start.format("%Y-%m-%d %H:%M:%S UTC").to_string();
            let new = store.articles_after(last_before)?;
            for slug in &touched {
                total.reports.extend(write_report(
                    store,
                    slug,
                    dir,
                    Some((&new, &label)),
                    &cfg.render,
                )?);
            }
        }
        if !cfg.ingest.quiet {
            cfg.ingest.talk.say(&format!(
                "polled {} source{}: {} new article{}, {} failed",
                total.polls,
                if total.polls == 1 { "" } else { "s" },
                total.new,
                if total.new == 1 { "" } else { "s" },
                total.failed
            ));
        }
        if once || stop.load(Ordering::SeqCst) {
            break;
        }
        sleep_unless_stopped(every, stop);
        if stop.load(Ordering::SeqCst) {
            break;
        }
    }
    Ok(total)
}

/// Write a thread's report bundle into `dir/<slug>/`, with a "New since <label>" section
/// about the articles `new` when given.
pub fn write_report(
    store: &Store,
    slug: &str,
    dir: &Path,
    new: Option<(&HashSet<i64>, &str)>,
    opts: &RenderOptions,
) -> Result<Vec<PathBuf>> {
    let data = pipeline::report_data(store, slug)?;
    let news = match new {
        Some((ids, label)) => Some(pipeline::new_since(store, slug, ids, label)?),
        None => None,
    };
    let dir = dir.join(slug);
    render::bundle_since(&data, opts, &dir, news.as_ref())
        .with_context(|| format!("cannot write {}", dir.display()))
}

/// One poll of one source: conditional GET (retrying transient failures), then only the entries
/// not seen before go through the pipeline into the source's thread. Every HTTP attempt is logged.
pub fn poll(
    store: &mut Store,
    client: &mut Client,
    source: &Source,
    cfg: &FollowConfig,
    every: Duration,
    stop: &AtomicBool,
) -> Result<Polled> {
    let validators = Validators {
        etag: source.etag.clone(),
        last_modified: source.last_modified.clone(),
    };
    let mut attempts: Vec<FetchRecord> = Vec::new();
    let result = fetch_retrying(client, &source.url, &validators, cfg, stop, &mut |r| {
        attempts.push(FetchRecord {
            fetched_at: Utc::now(),
            status: match r {
                Ok(Fetched::Page(p)) => Some(p.status),
                Ok(Fetched::NotModified) => Some(304),
                Err(e) => e.status(),
            },
            error: r.as_ref().err().map(|e| e.to_string()),
            new_items: 0,
        })
    });
    let mut polled = Polled::default();
    match result {
        Ok(Fetched::NotModified) => {
            store.source_ok(
                source.id,
                validators.etag.as_deref(),
                validators.last_modified.as_deref(),
            )?;
        }
        Ok(Fetched::Page(page)) => {
            let (read, errors, is_feed) = read_page(&page, &cfg.ingest.read);
            let unreadable = read.is_empty() && !errors.is_empty();
            report(&errors, cfg);
            let seen = store.seen_items(source.id)?;
            let (keys, fresh): (Vec<String>, Vec<Article>) = read
                .into_iter()
                .map(|a| (item_key(&a, is_feed), a))
                .filter(|(k, _)| !seen.contains(k))
                .unzip();
            let fresh = if is_feed && source.follow_links {
                follow_links(client, fresh, cfg)
            } else {
                fresh
            };
            let icfg = IngestConfig {
                thread: ThreadMode::Fixed(source.thread.clone()),
                ..cfg.ingest.clone()
            };
            let summary = pipeline::ingest(store, &[Input::Articles(fresh)], &icfg)
                .with_context(|| format!("{}: cannot store", source.url))?;
            store.mark_seen(source.id, &keys)?;
            polled.new = summary.new;
            if let Some(last) = attempts.last_mut() {
                last.new_items = summary.new;
            }
            if unreadable {
                polled.failed = true;
                store.source_failed(source.id, Utc::now() + backoff(source.failures + 1, every))?;
            } else {
                store.source_ok(
                    source.id,
                    page.validators.etag.as_deref(),
                    page.validators.last_modified.as_deref(),
                )?;
            }
            if !cfg.ingest.quiet && summary.new > 0 {
                cfg.ingest.talk.say(&format!(
                    "{}: {} new article{}",
                    source.url,
                    summary.new,
                    if summary.new == 1 { "" } else { "s" }
                ));
            }
        }
        Err(e) => {
            cfg.ingest.talk.say(&format!("{}: {e}", source.url));
            polled.failed = true;
            let wait = match e.retry_after() {
                Some(d) => chrono::Duration::from_std(d).unwrap_or(chrono::Duration::zero()),
                None => backoff(source.failures + 1, every),
            };
            store.source_failed(source.id, Utc::now() + wait)?;
        }
    }
    for a in &attempts {
        store.record_fetch(source.id, a)?;
    }
    Ok(polled)
}

/// How long a source is left alone after `failures` failed polls in a row: it sits out 1, 3,
/// 7 ... rounds (2^failures - 1), up to a day. Half an interval more keeps the round that should
/// poll it again from landing a moment before the time.
fn backoff(failures: i64, every: Duration) -> chrono::Duration {
    if failures <= 0 {
        return chrono::Duration::zero();
    }
    let rounds = (1u32 << failures.clamp(0, 10)) - 1;
    let wait = every
        .saturating_mul(rounds)
        .saturating_add(every / 2)
        .min(Duration::from_secs(24 * 3600));
    chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::zero())
}

/// GET with retries of transient failures (doubling waits, `Retry-After` honoured), calling
/// `on_attempt` with every attempt's result. Stops retrying once `stop` is set.
fn fetch_retrying(
    client: &mut Client,
    url: &str,
    validators: &Validators,
    cfg: &FollowConfig,
    stop: &AtomicBool,
    on_attempt: &mut dyn FnMut(&Result<Fetched, FetchError>),
) -> Result<Fetched, FetchError> {
    let mut attempt = 0u32;
    loop {
        let result = client.get(url, validators);
        on_attempt(&result);
        match result {
            Err(e)
                if e.is_transient()
                    && attempt < cfg.retry.retries
                    && !stop.load(Ordering::SeqCst) =>
            {
                let wait = e
                    .retry_after()
                    .unwrap_or_else(|| cfg.retry.wait.saturating_mul(1 << attempt.min(16)));
                if wait > cfg.retry.max_wait {
                    return Err(e);
                }
                if !cfg.ingest.quiet {
                    cfg.ingest
                        .talk
                        .say(&format!("{url}: {e}; retrying in {}", show_duration(wait)));
                }
                sleep_unless_stopped(wait, stop);
                attempt += 1;
            }
            other => return other,
        }
    }
}

/// Sleep `d` in short slices, returning early once `stop` is set.
fn sleep_unless_stopped(d: Duration, stop: &AtomicBool) {
    let end = Instant::now() + d;
    while !stop.load(Ordering::SeqCst) {
        let left = end.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        std::thread::sleep(left.min(Duration::from_millis(100)));
    }
}

/// Read a fetched body with the existing readers: decoded to UTF-8, in the format the content
/// type names (else sniffed). Returns the articles, the read errors, and whether it was a feed.
fn read_page(page: &Page, read: &ReadOptions) -> (Vec<Article>, Vec<IngestError>, bool) {
    let bytes = page.text_bytes();
    let format = match (read.format, page.format()) {
        (Format::Auto, Format::Auto) => ingest::detect_format(&page.url, &bytes),
        (Format::Auto, f) => f,
        (f, _) => f,
    };
    let opts = ReadOptions {
        format,
        date: read.date,
        follow_symlinks: false,
    };
    let (mut articles, errors) = ingest::read_bytes(&page.url, &bytes, &opts);
    let base = url::Url::parse(&page.final_url).ok();
    for a in &mut articles {
        // Feed links may be relative to the feed; a page without a canonical URL is its own.
        a.url = match (a.url.take(), &base) {
            (Some(u), Some(b)) => Some(b.join(&u).map(|j| j.to_string()).unwrap_or(u)),
            (Some(u), None) => Some(u),
            (None, _) if format != Format::Feed => Some(page.final_url.clone()),
            (None, _) => None,
        };
    }
    (articles, errors, format == Format::Feed)
}

/// Replace feed entries by their linked pages (politely: robots.txt, a delay per host). An
/// entry whose page cannot be had is kept as the feed gave it, with a warning.
fn follow_links(client: &mut Client, entries: Vec<Article>, cfg: &FollowConfig) -> Vec<Article> {
    let mut out = Vec::with_capacity(entries.len());
    for entry in entries {
        let Some(link) = entry.url.clone().filter(|u| crate::fetch::is_url(u)) else {
            out.push(entry);
            continue;
        };
        let page = match client.get_polite(&link) {
            Ok(Fetched::Page(p)) => p,
            Ok(Fetched::NotModified) => {
                out.push(entry);
                continue;
            }
            Err(e) => {
                cfg.ingest
                    .talk
                    .say(&format!("warning: {link}: {e}; keeping the feed's text"));
                out.push(entry);
                continue;
            }
        };
        let read = ReadOptions {
            format: Format::Auto,
            date: cfg.ingest.read.date,
            follow_symlinks: false,
        };
        let (articles, _, is_feed) = read_page(&page, &read);
        match articles.into_iter().next().filter(|_| !is_feed) {
            Some(mut a) => {
                if a.published.precision == Precision::Unknown {
                    a.published = entry.published;
                }
                if a.title.trim().is_empty() {
                    a.title = entry.title.clone();
                }
                if a.byline.is_none() {
                    a.byline = entry.byline.clone();
                }
                a.url = Some(link);
                out.push(a);
            }
            None => {
                cfg.ingest.talk.say(&format!(
                    "warning: {link}: no story text; keeping the feed's text"
                ));
                out.push(entry);
            }
        }
    }
    out
}

/// How a source remembers an entry: a feed entry by its link (else its text), a page by its
/// text (so a page that changes is read again).
fn item_key(a: &Article, is_feed: bool) -> String {
    match (&a.url, is_feed) {
        (Some(u), true) => u.clone(),
        _ => format!("sha256:{}", ingest::content_hash(a)),
    }
}

/// Say read errors; returns how many.
fn report(errors: &[IngestError], cfg: &FollowConfig) -> usize {
    for e in errors {
        cfg.ingest.talk.say(&e.to_string());
    }
    errors.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_with_failures_and_is_capped() {
        let every = Duration::from_secs(900);
        let secs = |f| backoff(f, every).num_seconds();
        assert_eq!(secs(0), 0);
        assert_eq!(secs(1), 900 + 450, "sits out one round");
        assert_eq!(secs(2), 3 * 900 + 450, "sits out three rounds");
        assert_eq!(secs(30), 24 * 3600);
    }
}
