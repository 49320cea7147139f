//! Command line: clap definitions, conversion into the pipeline's config, and one function per command.

use std::io::{self, BufRead, IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::{bail, Context, Result};
use chrono::{DateTime, NaiveDate, Utc};
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use crate::extract::{self, Gazetteer};
use crate::fetch::{self, FetchConfig};
use crate::follow::{self, FollowConfig, RetryPolicy};
use crate::ingest::{self, Format, ReadOptions};
use crate::model::{ActorKind, ContradictionKind, GazetteerEntry, Thread};
use crate::output::{self, Out};
use crate::pipeline::{self, IngestConfig, ThreadMode};
use crate::render::{self, RenderOptions};
use crate::store::{ClaimFilter, Store, StoreError};
use crate::{demo, eval, export};

/// Follow a diplomatic news story: who said what, when, and where the parties contradict each other.
///
/// storyline reads news articles (text pages, HTML, feeds, JSON Lines), extracts dated events and
/// attributed claims, stores them in SQLite by story thread, finds contradictions between the
/// parties and draws PNG timelines and contradiction charts.
#[derive(Debug, Parser)]
#[command(name = "storyline", version, propagate_version = true)]
pub struct Args {
    /// Database file [default: storyline.db].
    ///
    /// `demo` without it builds a fresh database in its --out folder; with it, the demo
    /// corpus is ingested into this file (ingest is idempotent, nothing is deleted).
    #[arg(long, global = true, env = "STORYLINE_DB")]
    pub db: Option<PathBuf>,
    /// When to use colour in human output.
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
    /// No progress or summary chatter on stderr (errors are still printed).
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Seconds to wait for another process's write lock before giving up (writers report
    /// on stderr every few seconds while they wait).
    #[arg(long, global = true, value_name = "SECONDS", default_value_t = 120)]
    pub lock_timeout: u64,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Auto,
    Text,
    Html,
    Feed,
    Jsonl,
    /// JSON Lines written by `extract --jsonl`: stored without extracting again.
    Extractions,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Opposing,
    Denial,
    Numeric,
    Reversal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Jsonl,
    Csv,
    Timelinejs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles into the database (files, directories, or - for stdin).
    Ingest {
        /// Files, directories (walked recursively), http(s) URLs of pages or feeds; - reads stdin.
        #[arg(required = true)]
        paths: Vec<String>,
        /// Put every article in this thread (created if missing) instead of assigning automatically.
        #[arg(long)]
        thread: Option<String>,
        /// Publication date for every article, overriding dates found in the text or file name.
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// Input format; auto detects per file.
        #[arg(long, value_enum, default_value_t = FormatArg::Auto)]
        format: FormatArg,
        /// Days within which opposing claims count as contradicting.
        #[arg(long, default_value_t = 7)]
        window: i64,
        /// For feeds given by URL: fetch each entry's own page (robots.txt honoured, one host at a time).
        #[arg(long)]
        follow_links: bool,
        /// Follow symlinks that lead outside the folders given (by default they are skipped).
        #[arg(long)]
        follow_symlinks: bool,
        #[command(flatten)]
        http: HttpArgs,
    },
    /// Follow URLs (feeds or pages) into a thread; `follow` polls them.
    #[command(subcommand)]
    Source(SourceCmd),
    /// Poll the followed sources and ingest their new entries, every so often or once.
    ///
    /// Each poll is a conditional request (ETag, Last-Modified); errors back off (Retry-After
    /// honoured) and are reported per source. Ctrl-C stops cleanly between fetches.
    Follow {
        /// Time between polls (e.g. 15m, 1h).
        #[arg(long, default_value = "15m", value_parser = parse_duration)]
        every: Duration,
        /// Poll every due source once and exit.
        #[arg(long)]
        once: bool,
        /// After a poll that brought new articles, rewrite the thread's report under DIR/<thread>/.
        #[arg(long, value_name = "DIR")]
        report_out: Option<PathBuf>,
        /// Days within which opposing claims count as contradicting.
        #[arg(long, default_value_t = 7)]
        window: i64,
        #[command(flatten)]
        http: HttpArgs,
    },
    /// List story threads.
    Threads {
        #[arg(long)]
        json: bool,
    },
    /// Define, merge or rename threads.
    #[command(subcommand)]
    Thread(ThreadCmd),
    /// List articles.
    Articles {
        #[arg(long)]
        thread: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// List attributed claims.
    Claims {
        #[arg(long)]
        thread: Option<String>,
        /// Actor code, e.g. RUSGOV.
        #[arg(long)]
        actor: Option<String>,
        /// Only claims from articles ingested since DATE, DURATION ago (24h, 7d) or TIMESTAMP.
        #[arg(long, value_parser = parse_since)]
        since: Option<Since>,
        /// Only claims made (said) on or after this date.
        #[arg(long, value_parser = parse_date)]
        from: Option<NaiveDate>,
        /// Only claims made (said) on or before this date.
        #[arg(long, alias = "until", value_parser = parse_date)]
        to: Option<NaiveDate>,
        #[arg(long)]
        json: bool,
    },
    /// List dated events.
    Events {
        #[arg(long)]
        thread: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// List contradictions, strongest first.
    Contradictions {
        #[arg(long)]
        thread: Option<String>,
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// Only contradictions with a claim ingested since DATE, DURATION ago (24h, 7d) or TIMESTAMP.
        #[arg(long, value_parser = parse_since)]
        since: Option<Since>,
        #[arg(long)]
        json: bool,
    },
    /// Draw a thread's timeline as PNG.
    Timeline {
        #[arg(long)]
        thread: String,
        #[arg(short, long)]
        output: PathBuf,
        #[arg(long, value_parser = parse_date)]
        from: Option<NaiveDate>,
        #[arg(long, value_parser = parse_date)]
        to: Option<NaiveDate>,
        #[arg(long, default_value_t = 1600)]
        width: u32,
        #[arg(long, default_value_t = 900)]
        height: u32,
    },
    /// Draw charts (currently: contradictions).
    #[command(subcommand)]
    Chart(ChartCmd),
    /// Write a thread's report bundle: timeline.png, contradictions.png, index.html, index.md.
    Report {
        #[arg(long)]
        thread: String,
        #[arg(long, default_value = "reports")]
        out: PathBuf,
        #[arg(long, default_value_t = 1600)]
        width: u32,
        #[arg(long, default_value_t = 900)]
        height: u32,
        /// Add a "New since" section: what was ingested since DATE, DURATION ago (24h, 7d) or TIMESTAMP.
        #[arg(long, value_parser = parse_since)]
        since: Option<Since>,
    },
    /// Extract actors, time expressions, claims and events from one article, without a database.
    Extract {
        /// File to read; - or nothing reads stdin.
        file: Option<String>,
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
        #[arg(long)]
        json: bool,
        /// Read JSON Lines articles on stdin, write one JSON extraction per line.
        #[arg(long)]
        jsonl: bool,
    },
    /// Tag time expressions in raw text (offsets into the raw input).
    Tag {
        file: Option<String>,
        #[arg(long, value_parser = parse_date)]
        date: NaiveDate,
        #[arg(long)]
        json: bool,
    },
    /// Run the bundled demo corpus into a fresh database and write its reports.
    Demo {
        #[arg(long, default_value = "reports/demo")]
        out: PathBuf,
    },
    /// Score extraction against public gold corpora.
    #[command(subcommand)]
    Eval(EvalCmd),
    /// Export a thread's claims, events and contradictions.
    Export {
        #[arg(long)]
        thread: String,
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// TimelineJS: every dated claim and event, not only the key moments.
        #[arg(long)]
        all: bool,
    },
    /// Full-text search over claims and article text.
    Search {
        query: String,
        #[arg(long)]
        thread: Option<String>,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Add actors to the gazetteer or list them.
    #[command(subcommand)]
    Actor(ActorCmd),
    /// Print shell completions.
    Completions { shell: clap_complete::Shell },
    /// Print the man page (roff).
    Man,
    /// Write a synthetic wire corpus of N articles (for benchmarks).
    #[command(hide = true)]
    Synth {
        #[arg(long, default_value_t = 1000)]
        articles: usize,
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

/// HTTP limits for `ingest URL…` and `follow`.
#[derive(Debug, Clone, clap::Args)]
#[command(next_help_heading = "HTTP")]
pub struct HttpArgs {
    /// Give up on a request after this long (connecting, headers and body).
    #[arg(long, default_value = "30s", value_parser = parse_duration)]
    pub timeout: Duration,
    /// Refuse responses larger than this many bytes.
    #[arg(long, default_value_t = 16 * 1024 * 1024)]
    pub max_bytes: u64,
    /// Follow at most this many redirects.
    #[arg(long, default_value_t = 5)]
    pub max_redirects: u32,
    /// Wait this long between two requests to the same host.
    #[arg(long, default_value = "1s", value_parser = parse_duration)]
    pub delay: Duration,
    /// Try again this many times after a 429, 5xx, timeout or network error.
    #[arg(long, default_value_t = 2)]
    pub retries: u32,
    /// Wait before the first retry, doubled each time (Retry-After wins).
    #[arg(long, default_value = "5s", value_parser = parse_duration)]
    pub retry_wait: Duration,
}

impl HttpArgs {
    fn fetch_config(&self) -> FetchConfig {
        FetchConfig {
            timeout: self.timeout,
            max_bytes: self.max_bytes,
            max_redirects: self.max_redirects,
            delay: self.delay,
            ..FetchConfig::default()
        }
    }
    fn retry(&self) -> RetryPolicy {
        RetryPolicy {
            retries: self.retries,
            wait: self.retry_wait,
            ..RetryPolicy::default()
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum SourceCmd {
    /// Follow a feed or page URL into a thread.
    Add {
        url: String,
        #[arg(long)]
        thread: String,
        /// Fetch each new feed entry's own page instead of keeping the feed's text.
        #[arg(long)]
        follow_links: bool,
    },
    /// List followed sources with their latest fetch.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Stop following a URL.
    Remove { url: String },
}

#[derive(Debug, Subcommand)]
pub enum ThreadCmd {
    /// Define a thread; new articles matching its keywords (and actors) join it.
    New {
        slug: String,
        #[arg(long)]
        title: Option<String>,
        #[arg(long, value_delimiter = ',', num_args = 1..)]
        keywords: Vec<String>,
        #[arg(long, value_delimiter = ',', num_args = 1..)]
        actors: Vec<String>,
    },
    /// Move every article of A into B and delete A.
    Merge { from: String, into: String },
    /// Rename a thread.
    Rename {
        from: String,
        to: String,
        #[arg(long)]
        title: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ChartCmd {
    /// Each side's stance per contested proposition over time, and who contradicts whom.
    Contradictions {
        #[arg(long)]
        thread: String,
        #[arg(short, long)]
        output: PathBuf,
        #[arg(long, default_value_t = 1600)]
        width: u32,
        #[arg(long, default_value_t = 900)]
        height: u32,
    },
}

#[derive(Debug, Subcommand)]
pub enum EvalCmd {
    /// Time expressions against TimeML (e.g. TBAQ-cleaned): strict-span and value F1.
    Timeml {
        dir: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Attribution against PolNeAR (brat standoff): source and content-overlap F1.
    Polnear {
        dir: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Claims (side, date) and contradictions against a folder of real pages with a gold.json.
    Gold {
        dir: PathBuf,
        /// List every missed gold contradiction (what each claim got) and every false pair.
        #[arg(long)]
        misses: bool,
        #[arg(long)]
        json: bool,
    },
    /// Threads and contradictions on the bundled demo corpus against its hand-labelled lists.
    Demo {
        #[arg(long)]
        json: bool,
    },
    /// Precision of the demo's reported contradictions from a TSV of hand judgements
    /// (e.g. src/data/demo/judgements.tsv), overall and per kind.
    Judged {
        file: PathBuf,
        /// Append this many unjudged reported pairs as `unsure` (and print both sentences of
        /// each) for a person to judge.
        #[arg(long, requires = "seed")]
        sample: Option<usize>,
        /// Seed of the draw (splitmix64).
        #[arg(long, requires = "sample")]
        seed: Option<u64>,
        /// Print both sentences of every judged pair still reported, with its judgement.
        #[arg(long)]
        show: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ActorCmd {
    /// Add an actor or aliases to one.
    Add {
        name: String,
        /// CAMEO-style code, e.g. RUSGOV.
        #[arg(long)]
        code: String,
        #[arg(long, default_value = "person")]
        kind: String,
        #[arg(long, value_delimiter = ',')]
        alias: Vec<String>,
    },
    /// List the gazetteer (seed plus additions).
    List {
        #[arg(long)]
        json: bool,
    },
    /// Import an actor dictionary into the database gazetteer.
    ///
    /// CAMEO format: the PETRARCH/TABARI `.actors` files (Phoenix, CountryInfo): names with
    /// dated codes `[USAGOV 090120-170120]`, `+` aliases, `#` comments.
    Import {
        file: PathBuf,
        #[arg(long, value_enum)]
        format: DictFormat,
    },
}

/// Actor dictionary formats `actor import` reads.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DictFormat {
    /// PETRARCH/TABARI CAMEO actor dictionary.
    Cameo,
}

fn parse_date(s: &str) -> std::result::Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("expected YYYY-MM-DD, got {s:?}"))
}

/// "250ms", "30s", "15m", "24h", "7d", "2w".
fn parse_duration(s: &str) -> std::result::Result<Duration, String> {
    let err = || format!("expected a duration like 30s, 15m, 24h or 7d, got {s:?}");
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).ok_or_else(err)?;
    let (n, unit) = t.split_at(split);
    let n: u64 = n.parse().map_err(|_| err())?;
    let secs = match unit {
        "ms" => return Ok(Duration::from_millis(n)),
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        "w" => 7 * 86_400,
        _ => return Err(err()),
    };
    n.checked_mul(secs).map(Duration::from_secs).ok_or_else(err)
}

/// A `--since` value resolved to a UTC instant, with the words the report shows for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Since {
    pub at: DateTime<Utc>,
    pub label: String,
}

/// `--since`: a date (midnight UTC), a duration ago (24h, 7d) or an RFC 3339 timestamp.
fn parse_since(s: &str) -> std::result::Result<Since, String> {
    let t = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        let at = d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
        return Ok(Since {
            at,
            label: d.to_string(),
        });
    }
    if let Ok(ts) = DateTime::parse_from_rfc3339(t) {
        let at = ts.with_timezone(&Utc);
        return Ok(Since {
            at,
            label: at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
        });
    }
    match parse_duration(t) {
        Ok(d) => {
            let at = Utc::now() - chrono::Duration::from_std(d).map_err(|e| e.to_string())?;
            Ok(Since {
                at,
                label: format!("{} (last {t})", at.format("%Y-%m-%d %H:%M UTC")),
            })
        }
        Err(_) => Err(format!(
            "expected a date (2016-09-01), a duration (24h, 7d) or a timestamp (2016-09-01T08:00:00Z), got {s:?}"
        )),
    }
}

/// Set by Ctrl-C during `follow`: stop between fetches.
static STOP: AtomicBool = AtomicBool::new(false);

/// Parse the process arguments (clap prints help, version and usage errors itself).
pub fn parse() -> Args {
    Args::parse()
}

/// What went wrong, as the exit code sees it.
pub enum Outcome {
    Ok,
    /// Some inputs failed (already reported); the rest was done.
    Partial,
}

/// The database used when neither --db nor STORYLINE_DB names one.
pub const DEFAULT_DB: &str = "storyline.db";

/// Run one parsed command.
pub fn run(args: Args) -> Result<Outcome> {
    let color = match args.color {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => std::env::var_os("NO_COLOR").is_none() && io::stdout().is_terminal(),
    };
    let mut out = Out::new(color);
    let db = args.db.clone().unwrap_or_else(|| PathBuf::from(DEFAULT_DB));
    let lock_timeout = std::time::Duration::from_secs(args.lock_timeout);
    // Commands that write open (and create) the database; listings, reports and exports open
    // it read-only and refuse a missing one. Store errors name the database themselves.
    let open = || -> Result<Store> {
        let mut store = Store::open(&db)?;
        store.set_lock_timeout(lock_timeout)?;
        Ok(store)
    };
    let open_read = || -> Result<Store> { Ok(Store::open_read(&db)?) };
    let result = run_command(args, &mut out, open, open_read);
    // A damaged page found by a later query: say which file.
    result.map_err(|e| {
        let corrupt = e
            .chain()
            .filter_map(|c| c.downcast_ref::<StoreError>())
            .any(|s| s.is_corrupt() && !matches!(s, StoreError::Corrupt { .. }));
        if corrupt {
            e.context(format!(
                "database {} is damaged; restore it from a backup",
                db.display()
            ))
        } else {
            e
        }
    })
}

fn run_command(
    args: Args,
    out: &mut Out,
    open: impl Fn() -> Result<Store>,
    open_read: impl Fn() -> Result<Store>,
) -> Result<Outcome> {
    match args.command {
        Command::Ingest {
            paths,
            thread,
            date,
            format,
            window,
            follow_links,
            http,
            follow_symlinks,
        } => {
            if let Some(slug) = &thread {
                check_slug(slug)?;
            }
            let mut store = open()?;
            let (urls, paths): (Vec<String>, Vec<String>) =
                paths.into_iter().partition(|p| fetch::is_url(p));
            let cfg = IngestConfig {
                read: ReadOptions {
                    format: format_of(format),
                    date,
                    follow_symlinks,
                },
                thread: match thread {
                    Some(slug) => ThreadMode::Fixed(slug),
                    None => ThreadMode::Auto,
                },
                window_days: window,
                quiet: args.quiet,
            };
            let inputs: Vec<pipeline::Input> = paths
                .iter()
                .map(|p| {
                    if p == "-" {
                        pipeline::Input::Stdin
                    } else {
                        pipeline::Input::Path(PathBuf::from(p))
                    }
                })
                .collect();
            let mut summary = if inputs.is_empty() {
                pipeline::Summary::default()
            } else {
                pipeline::ingest(&mut store, &inputs, &cfg)?
            };
            if !urls.is_empty() {
                let fcfg = FollowConfig {
                    fetch: http.fetch_config(),
                    retry: http.retry(),
                    ingest: cfg,
                    follow_links,
                };
                let s = follow::ingest_urls(&mut store, &urls, &fcfg)?;
                summary.new += s.new;
                summary.duplicate += s.duplicate;
                summary.failed += s.failed;
                summary.claims += s.claims;
                summary.contradictions += s.contradictions;
            }
            if !args.quiet {
                eprintln!("storyline: {}", summary.line());
            }
            Ok(if summary.failed > 0 {
                Outcome::Partial
            } else {
                Outcome::Ok
            })
        }
        Command::Source(cmd) => {
            match cmd {
                SourceCmd::Add {
                    url,
                    thread,
                    follow_links,
                } => {
                    if !fetch::is_url(&url) {
                        bail!("{url}: not an http or https URL");
                    }
                    let mut store = open()?;
                    store.add_source(&url, &thread, follow_links)?;
                    out.line(&url)?;
                }
                SourceCmd::List { json } => {
                    let store = open()?;
                    output::sources(out, &store.sources()?, json)?;
                }
                SourceCmd::Remove { url } => {
                    let mut store = open()?;
                    if !store.remove_source(&url)? {
                        bail!("{url}: not a followed source");
                    }
                    out.line(&url)?;
                }
            }
            Ok(Outcome::Ok)
        }
        Command::Follow {
            every,
            once,
            report_out,
            window,
            http,
        } => {
            let mut store = open()?;
            let cfg = FollowConfig {
                fetch: http.fetch_config(),
                retry: http.retry(),
                ingest: IngestConfig {
                    read: ReadOptions::default(),
                    thread: ThreadMode::Auto,
                    window_days: window,
                    quiet: args.quiet,
                },
                follow_links: false,
            };
            // First Ctrl-C: finish the current fetch and stop; a second one quits at once
            // (every article already committed stays committed).
            ctrlc::set_handler(|| {
                if STOP.swap(true, Ordering::SeqCst) {
                    std::process::exit(130);
                }
                eprintln!("storyline: stopping after the current fetch (Ctrl-C again to quit now)");
            })
            .context("cannot install the Ctrl-C handler")?;
            let summary = follow::run(&mut store, &cfg, every, once, report_out.as_deref(), &STOP)?;
            for p in &summary.reports {
                out.line(&p.display().to_string())?;
            }
            Ok(if summary.failed > 0 {
                Outcome::Partial
            } else {
                Outcome::Ok
            })
        }
        Command::Threads { json } => {
            let store = open_read()?;
            output::threads(out, &store.threads()?, json)?;
            Ok(Outcome::Ok)
        }
        Command::Thread(cmd) => {
            let mut store = open()?;
            match cmd {
                ThreadCmd::New {
                    slug,
                    title,
                    keywords,
                    actors,
                } => {
                    check_slug(&slug)?;
                    let t = Thread {
                        title: title.unwrap_or_else(|| slug.clone()),
                        slug,
                        keywords,
                        actors,
                        manual: true,
                    };
                    store.create_thread(&t)?;
                    out.line(&t.slug)?;
                }
                ThreadCmd::Merge { from, into } => {
                    store.merge_threads(&from, &into)?;
                    let n = pipeline::recompute_contradictions(&mut store, &into, 7)?;
                    if !args.quiet {
                        eprintln!("storyline: merged {from} into {into}; {n} contradictions");
                    }
                    out.line(&into)?;
                }
                ThreadCmd::Rename { from, to, title } => {
                    check_slug(&to)?;
                    store.rename_thread(&from, &to, title.as_deref())?;
                    out.line(&to)?;
                }
            }
            Ok(Outcome::Ok)
        }
        Command::Articles { thread, json } => {
            let store = open_read()?;
            output::articles(out, &store.articles(thread.as_deref())?, json)?;
            Ok(Outcome::Ok)
        }
        Command::Claims {
            thread,
            actor,
            since,
            from,
            to,
            json,
        } => {
            let store = open_read()?;
            let f = ClaimFilter {
                thread: thread.clone(),
                actor,
                since: from,
                until: to,
                article: None,
                copies: false,
            };
            let mut claims = store.claims(&f)?;
            if let Some(since) = since {
                let new = store.articles_ingested_since(since.at)?;
                claims.retain(|c| new.contains(&c.article_id));
            }
            output::claims(out, &claims, thread.as_deref(), json)?;
            Ok(Outcome::Ok)
        }
        Command::Events { thread, json } => {
            let store = open_read()?;
            output::events(
                out,
                &store.events(thread.as_deref())?,
                thread.as_deref(),
                json,
            )?;
            Ok(Outcome::Ok)
        }
        Command::Contradictions {
            thread,
            kind,
            since,
            json,
        } => {
            let store = open_read()?;
            let kind = kind.map(|k| match k {
                KindArg::Opposing => ContradictionKind::Opposing,
                KindArg::Denial => ContradictionKind::Denial,
                KindArg::Numeric => ContradictionKind::Numeric,
                KindArg::Reversal => ContradictionKind::Reversal,
            });
            let mut found = store.contradictions(thread.as_deref(), kind)?;
            if let Some(since) = since {
                let new = store.articles_ingested_since(since.at)?;
                found.retain(|x| new.contains(&x.a.article_id) || new.contains(&x.b.article_id));
            }
            output::contradictions(out, &found, json)?;
            Ok(Outcome::Ok)
        }
        Command::Timeline {
            thread,
            output: path,
            from,
            to,
            width,
            height,
        } => {
            let store = open_read()?;
            let data = pipeline::report_data(&store, &thread)?;
            let opts = RenderOptions {
                width,
                height,
                from,
                to,
            };
            write_via_temp(&path, |tmp| {
                Ok(render::timeline(&data, &opts, tmp).map(|_| ())?)
            })?;
            out.line(&path.display().to_string())?;
            Ok(Outcome::Ok)
        }
        Command::Chart(ChartCmd::Contradictions {
            thread,
            output: path,
            width,
            height,
        }) => {
            let store = open_read()?;
            let data = pipeline::report_data(&store, &thread)?;
            let opts = RenderOptions {
                width,
                height,
                from: None,
                to: None,
            };
            write_via_temp(&path, |tmp| {
                Ok(render::contradiction_chart(&data, &opts, tmp).map(|_| ())?)
            })?;
            out.line(&path.display().to_string())?;
            Ok(Outcome::Ok)
        }
        Command::Report {
            thread,
            out: dir,
            width,
            height,
            since,
        } => {
            // The slug names the report's folder: it must stay a single plain name.
            check_slug(&thread)?;
            let store = open_read()?;
            let data = pipeline::report_data(&store, &thread)?;
            let opts = RenderOptions {
                width,
                height,
                from: None,
                to: None,
            };
            let news = match &since {
                Some(s) => {
                    let new = store.articles_ingested_since(s.at)?;
                    Some(pipeline::new_since(&store, &thread, &new, &s.label)?)
                }
                None => None,
            };
            let dir = dir.join(&thread);
            for p in render::bundle_since(&data, &opts, &dir, news.as_ref())
                .with_context(|| format!("cannot write {}", dir.display()))?
            {
                out.line(&p.display().to_string())?;
            }
            Ok(Outcome::Ok)
        }
        Command::Extract {
            file,
            date,
            json,
            jsonl,
        } => {
            let store_gaz = Gazetteer::builtin();
            if jsonl {
                return extract_jsonl(out, date, &store_gaz);
            }
            let (origin, bytes) = read_input(file.as_deref())?;
            let opts = ReadOptions {
                format: Format::Auto,
                date,
                ..ReadOptions::default()
            };
            let (articles, errors) = ingest::read_bytes(&origin, &bytes, &opts);
            for e in errors.iter().filter(|e| e.is_warning()) {
                if !args.quiet {
                    eprintln!("storyline: {}", output::escape_controls(&e.to_string()));
                }
            }
            if let Some(e) = errors.iter().find(|e| !e.is_warning()) {
                bail!("{e}");
            }
            for a in &articles {
                let (ex, diags) = extract::extract(&a.body, a.published, &store_gaz);
                output::extraction(out, a, &ex, &diags, json)?;
            }
            Ok(Outcome::Ok)
        }
        Command::Tag { file, date, json } => {
            let (origin, bytes) = read_input(file.as_deref())?;
            let text =
                String::from_utf8(bytes).with_context(|| format!("{origin}: not valid UTF-8"))?;
            let timexes = extract::timex::tag(&text, Some(date));
            output::timexes(out, &timexes, json)?;
            Ok(Outcome::Ok)
        }
        Command::Demo { out: dir } => demo::run(out, &dir, args.db.as_deref(), args.quiet),
        Command::Eval(cmd) => {
            match cmd {
                EvalCmd::Timeml { dir, json } => {
                    let s = eval::timeml::score_dir(&dir)
                        .with_context(|| format!("cannot read {}", dir.display()))?;
                    if json {
                        out.line(&serde_json::to_string_pretty(&s)?)?;
                    } else {
                        out.line(&s.to_string())?;
                    }
                }
                EvalCmd::Gold { dir, misses, json } => {
                    let s = eval::gold::score_dir(&dir, misses)
                        .with_context(|| format!("cannot score {}", dir.display()))?;
                    if json {
                        out.line(&serde_json::to_string_pretty(&s)?)?;
                    } else {
                        out.raw(&s.to_string())?;
                    }
                }
                EvalCmd::Demo { json } => {
                    let s = eval::demo::score()?;
                    if json {
                        out.line(&serde_json::to_string_pretty(&s)?)?;
                    } else {
                        out.raw(&s.to_string())?;
                    }
                }
                EvalCmd::Judged {
                    file,
                    sample,
                    seed,
                    show,
                    json,
                } => {
                    let (s, pairs) = eval::judged::run(&file, sample.zip(seed), show)?;
                    if json {
                        out.line(&serde_json::to_string_pretty(&s)?)?;
                    } else {
                        out.raw(&pairs)?;
                        out.raw(&s.to_string())?;
                    }
                }
                EvalCmd::Polnear { dir, json } => {
                    let s = eval::polnear::score_dir(&dir)
                        .with_context(|| format!("cannot read {}", dir.display()))?;
                    if json {
                        out.line(&serde_json::to_string_pretty(&s)?)?;
                    } else {
                        out.line(&s.to_string())?;
                    }
                }
            }
            Ok(Outcome::Ok)
        }
        Command::Export {
            thread,
            format,
            output: path,
            all,
        } => {
            let store = open_read()?;
            let data = pipeline::report_data(&store, &thread)?;
            let text = match format {
                ExportFormat::Json => export::json(&data)?,
                ExportFormat::Jsonl => export::jsonl(&data)?,
                ExportFormat::Csv => export::csv(&data)?,
                ExportFormat::Timelinejs => export::timelinejs(&data, all)?,
            };
            match path {
                Some(p) => {
                    write_via_temp(&p, |tmp| {
                        std::fs::write(tmp, &text)
                            .with_context(|| format!("cannot write {}", p.display()))
                    })?;
                    out.line(&p.display().to_string())?;
                }
                None => out.raw(&text)?,
            }
            Ok(Outcome::Ok)
        }
        Command::Search {
            query,
            thread,
            limit,
            json,
        } => {
            let store = open_read()?;
            let hits = store.search(&query, thread.as_deref(), limit)?;
            output::search(out, &hits, json)?;
            Ok(Outcome::Ok)
        }
        Command::Actor(ActorCmd::Add {
            name,
            code,
            kind,
            alias,
        }) => {
            let mut store = open()?;
            let Some(kind) = ActorKind::parse(&kind) else {
                bail!("unknown actor kind {kind:?}: expected country, person, organisation or anonymous");
            };
            let code = code.to_uppercase();
            let country = code
                .get(..3)
                .filter(|c| c.chars().all(|ch| ch.is_ascii_alphabetic()))
                .map(str::to_string);
            let entry = GazetteerEntry {
                name: name.clone(),
                code,
                kind,
                aliases: alias,
                from: None,
                until: None,
            };
            store.add_actor(&entry, country.as_deref())?;
            out.line(&name)?;
            Ok(Outcome::Ok)
        }
        Command::Actor(ActorCmd::Import { file, format }) => {
            let DictFormat::Cameo = format;
            let bytes =
                std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let text = String::from_utf8_lossy(&bytes);
            let (entries, skipped) = crate::extract::cameo::parse(&text);
            let mut store = open()?;
            let n = store.import_actors(&entries)?;
            if !args.quiet {
                eprintln!(
                    "storyline: imported {n} actor entries from {}{}",
                    file.display(),
                    if skipped > 0 {
                        format!(" ({skipped} lines not understood, skipped)")
                    } else {
                        String::new()
                    }
                );
            }
            Ok(Outcome::Ok)
        }
        Command::Actor(ActorCmd::List { json }) => {
            // Without a database the list is the built-in gazetteer.
            let extra = match open_read() {
                Ok(store) => store.user_actors()?,
                Err(e)
                    if e.downcast_ref::<StoreError>()
                        .is_some_and(|s| matches!(s, StoreError::Missing { .. })) =>
                {
                    Vec::new()
                }
                Err(e) => return Err(e),
            };
            let gaz = Gazetteer::with_extra(&extra);
            output::gazetteer(out, &gaz.entries, json)?;
            Ok(Outcome::Ok)
        }
        Command::Completions { shell } => {
            let mut cmd = Args::command();
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut cmd, "storyline", &mut buf);
            out.raw(&String::from_utf8_lossy(&buf))?;
            Ok(Outcome::Ok)
        }
        Command::Synth {
            articles,
            out: dir,
            seed,
        } => {
            crate::synth::write_corpus(&dir, articles, seed)
                .with_context(|| format!("cannot write {}", dir.display()))?;
            out.line(&dir.display().to_string())?;
            Ok(Outcome::Ok)
        }
        Command::Man => {
            let mut buf = Vec::new();
            clap_mangen::Man::new(Args::command()).render(&mut buf)?;
            out.raw(&String::from_utf8_lossy(&buf))?;
            Ok(Outcome::Ok)
        }
    }
}

/// Write `path` through a temp file beside it (same extension, for the PNG encoder), renamed
/// over it at the end: a failure (full disk, bad folder) leaves neither a 0-byte or half-written
/// file nor the temp file. Errors name `path`, not the temp file.
fn write_via_temp(path: &Path, write: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".tmp-{}-{name}", std::process::id()));
    let done = write(&tmp).and_then(|()| {
        std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))
    });
    if let Err(e) = done {
        let _ = std::fs::remove_file(&tmp);
        let msg = format!("{e:#}").replace(&tmp.display().to_string(), &path.display().to_string());
        let mut e = anyhow::anyhow!(msg);
        if !e.to_string().contains(&path.display().to_string()) {
            e = e.context(format!("cannot write {}", path.display()));
        }
        return Err(e);
    }
    Ok(())
}

/// Refuse a thread slug outside `[a-z0-9-]+` (it becomes a folder name under `--out`).
fn check_slug(slug: &str) -> Result<()> {
    if !crate::thread::valid_slug(slug) {
        bail!(
            "invalid thread name {slug:?}: use lowercase letters, digits and dashes (like aleppo-truce)"
        );
    }
    Ok(())
}

fn format_of(f: FormatArg) -> Format {
    match f {
        FormatArg::Auto => Format::Auto,
        FormatArg::Text => Format::Text,
        FormatArg::Html => Format::Html,
        FormatArg::Feed => Format::Feed,
        FormatArg::Jsonl => Format::Jsonl,
        FormatArg::Extractions => Format::Extractions,
    }
}

/// Read a named file or stdin ("-" or nothing) whole, up to the ingest size limit.
fn read_input(file: Option<&str>) -> Result<(String, Vec<u8>)> {
    let (origin, bytes) = match file {
        None | Some("-") => (
            "-".to_string(),
            ingest::read_bounded(io::stdin().lock(), ingest::MAX_FILE_BYTES)
                .context("cannot read stdin")?,
        ),
        Some(p) => {
            let f = std::fs::File::open(p).with_context(|| format!("cannot read {p}"))?;
            (
                p.to_string(),
                ingest::read_bounded(f, ingest::MAX_FILE_BYTES)
                    .with_context(|| format!("cannot read {p}"))?,
            )
        }
    };
    match bytes {
        Some(b) => Ok((origin, b)),
        None => bail!("{}", ingest::IngestError::StreamTooLarge { path: origin }),
    }
}

/// The next line of `r` (without its newline), read at most `limit` bytes at a time: `Ok(None)`
/// at the end, `Ok(Some(Err(())))` for a longer line (which is skipped to its end).
fn next_line(r: &mut impl BufRead, limit: u64) -> io::Result<Option<Result<String, ()>>> {
    let mut buf = Vec::new();
    let n = r.by_ref().take(limit + 1).read_until(b'\n', &mut buf)?;
    if n == 0 {
        return Ok(None);
    }
    if buf.last() != Some(&b'\n') && buf.len() as u64 > limit {
        // Skip the rest of the overlong line without keeping it.
        loop {
            let (skip, done) = {
                let avail = r.fill_buf()?;
                match avail.iter().position(|&b| b == b'\n') {
                    Some(i) => (i + 1, true),
                    None => (avail.len(), avail.is_empty()),
                }
            };
            r.consume(skip);
            if done {
                break;
            }
        }
        return Ok(Some(Err(())));
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
    }
    Ok(Some(Ok(String::from_utf8_lossy(&buf).into_owned())))
}

/// Stream mode: JSON Lines articles on stdin, one extraction per line on stdout. A bad line gets
/// an error line on stderr and an `{"error": ...}` line on stdout, so N lines in give N lines out.
fn extract_jsonl(out: &mut Out, date: Option<NaiveDate>, gaz: &Gazetteer) -> Result<Outcome> {
    let stdin = io::stdin();
    let opts = ReadOptions {
        format: Format::Jsonl,
        date,
        ..ReadOptions::default()
    };
    let mut failed = false;
    let mut input = stdin.lock();
    for i in 0.. {
        let Some(line) =
            next_line(&mut input, ingest::MAX_FILE_BYTES).context("cannot read stdin")?
        else {
            break;
        };
        let Ok(line) = line else {
            failed = true;
            let msg = format!("-:{}: line too long (more than 64 MB)", i + 1);
            eprintln!("storyline: {msg}");
            out.line(&serde_json::json!({ "error": msg }).to_string())?;
            continue;
        };
        if line.trim().is_empty() {
            out.line("{}")?;
            continue;
        }
        let origin = format!("-:{}", i + 1);
        let (articles, errors) = ingest::read_bytes(&origin, line.as_bytes(), &opts);
        match (articles.first(), errors.iter().find(|e| !e.is_warning())) {
            (Some(a), _) => {
                let (ex, diags) = extract::extract(&a.body, a.published, gaz);
                out.line(&serde_json::to_string(&output::extraction_json(
                    a, &ex, &diags,
                ))?)?;
            }
            (None, e) => {
                failed = true;
                let msg = e
                    .map(|e| e.to_string())
                    .unwrap_or_else(|| format!("{origin}: no article"));
                eprintln!("storyline: {}", output::escape_controls(&msg));
                out.line(&serde_json::json!({ "error": msg }).to_string())?;
            }
        }
    }
    Ok(if failed {
        Outcome::Partial
    } else {
        Outcome::Ok
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verify_cli() {
        Args::command().debug_assert();
    }

    #[test]
    fn bad_date_is_a_clear_error() {
        let e = Args::try_parse_from(["storyline", "ingest", "x.txt", "--date", "29/08/2016"])
            .unwrap_err();
        assert!(e.to_string().contains("expected YYYY-MM-DD"), "{e}");
    }

    #[test]
    fn contract_flags_parse() {
        for argv in [
            vec![
                "storyline",
                "ingest",
                "a",
                "-",
                "--thread",
                "t",
                "--date",
                "2016-08-29",
                "--format",
                "html",
            ],
            vec![
                "storyline",
                "claims",
                "--thread",
                "t",
                "--actor",
                "RUSGOV",
                "--since",
                "2016-08-01",
                "--until",
                "2016-09-01",
                "--json",
            ],
            vec!["storyline", "timeline", "--thread", "t", "-o", "x.png"],
            vec![
                "storyline",
                "chart",
                "contradictions",
                "--thread",
                "t",
                "-o",
                "x.png",
            ],
            vec!["storyline", "report", "--thread", "t", "--out", "reports/"],
            vec![
                "storyline",
                "extract",
                "-",
                "--date",
                "2016-08-29",
                "--json",
            ],
            vec![
                "storyline",
                "tag",
                "f.txt",
                "--date",
                "2016-08-29",
                "--json",
            ],
            vec!["storyline", "demo", "--out", "reports/demo"],
            vec!["storyline", "--db", "x.db", "contradictions", "--json"],
            vec![
                "storyline",
                "ingest",
                "https://example.com/rss.xml",
                "--follow-links",
                "--timeout",
                "10s",
            ],
            vec![
                "storyline",
                "source",
                "add",
                "https://example.com/rss.xml",
                "--thread",
                "t",
            ],
            vec!["storyline", "source", "list", "--json"],
            vec![
                "storyline",
                "source",
                "remove",
                "https://example.com/rss.xml",
            ],
            vec![
                "storyline",
                "follow",
                "--every",
                "15m",
                "--once",
                "--report-out",
                "r/",
            ],
            vec![
                "storyline",
                "claims",
                "--since",
                "24h",
                "--from",
                "2016-08-01",
            ],
            vec!["storyline", "contradictions", "--since", "7d", "--json"],
            vec![
                "storyline",
                "report",
                "--thread",
                "t",
                "--since",
                "2016-09-01",
            ],
        ] {
            Args::try_parse_from(&argv).unwrap_or_else(|e| panic!("{argv:?}: {e}"));
        }
    }

    #[test]
    fn durations_and_since_values_parse() {
        assert_eq!(parse_duration("15m"), Ok(Duration::from_secs(900)));
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_duration("7d"), Ok(Duration::from_secs(7 * 86_400)));
        for bad in ["", "15", "m", "1.5h", "-1h", "3 days"] {
            assert!(parse_duration(bad).is_err(), "{bad:?}");
        }
        let d = parse_since("2016-09-01").unwrap();
        assert_eq!(d.at.to_rfc3339(), "2016-09-01T00:00:00+00:00");
        let t = parse_since("2016-09-01T08:30:00+02:00").unwrap();
        assert_eq!(t.at.to_rfc3339(), "2016-09-01T06:30:00+00:00");
        let ago = parse_since("24h").unwrap();
        let hours = (Utc::now() - ago.at).num_hours();
        assert!((23..=24).contains(&hours), "{hours}");
        assert!(ago.label.contains("last 24h"), "{}", ago.label);
        let e = parse_since("yesterday").unwrap_err();
        assert!(e.contains("expected a date"), "{e}");
    }
}
