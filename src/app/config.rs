//! Every default of the command line in one place, and the one `Config` built from the global flags.
//!
//! The clap definitions in [`super::args`] take their defaults from the constants here, so a
//! default is written once; [`Config::new`] turns the global flags (`--db`, `--color`,
//! `--quiet`, `--lock-timeout`) into what every command uses, and the `*_config` functions
//! turn a command's flags into the pipeline's plain config structs.

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Result;

use super::args::{Args, ColorWhen, HttpArgs};
use crate::fetch::FetchConfig;
use crate::follow::{FollowConfig, RetryPolicy};
use crate::ingest::ReadOptions;
use crate::pipeline::{self, IngestConfig, ThreadMode};
use crate::render::RenderOptions;
use crate::store::Store;
use crate::talk::Talk;

/// The database used when neither --db nor STORYLINE_DB names one.
pub const DEFAULT_DB: &str = "storyline.db";
/// `--lock-timeout`: seconds a writer waits for another process's write lock.
pub const LOCK_TIMEOUT_SECS: u64 = 120;
/// `--window`: days within which opposing claims count as contradicting (also used by
/// `thread merge`, which has no flag for it).
pub const WINDOW_DAYS: i64 = pipeline::DEFAULT_WINDOW_DAYS;
/// `--width` and `--height` of PNG charts, and the size of every report bundle's charts.
pub const WIDTH: u32 = 1600;
pub const HEIGHT: u32 = 900;
/// `report --out`.
pub const REPORT_OUT: &str = "reports";
/// `demo --out`.
pub const DEMO_OUT: &str = "reports/demo";
/// Demo threads with fewer articles than this get no report bundle (they are strays, not stories).
pub const DEMO_MIN_REPORT_ARTICLES: i64 = 3;
/// `follow --every`.
pub const FOLLOW_EVERY: &str = "15m";
/// `search --limit`.
pub const SEARCH_LIMIT: usize = 20;
/// `actor add --kind`.
pub const ACTOR_KIND: &str = "person";
/// `synth --articles` and `--seed`.
pub const SYNTH_ARTICLES: usize = 1000;
pub const SYNTH_SEED: u64 = 1;
/// HTTP: `--timeout`, `--max-bytes`, `--max-redirects`, `--delay`.
pub const HTTP_TIMEOUT: &str = "30s";
pub const HTTP_MAX_BYTES: u64 = 16 * 1024 * 1024;
pub const HTTP_MAX_REDIRECTS: u32 = 5;
pub const HTTP_DELAY: &str = "1s";
/// HTTP: `--retries` and `--retry-wait`; a `Retry-After` longer than the maximum wait is not
/// spent in-process (the source is skipped until then).
pub const RETRIES: u32 = 2;
pub const RETRY_WAIT: &str = "5s";
pub const RETRY_MAX_WAIT: Duration = Duration::from_secs(60);

/// What every command gets from the global flags.
#[derive(Debug, Clone)]
pub struct Config {
    /// `--db` (or STORYLINE_DB) as given: `demo` without it builds its own database.
    pub db_arg: Option<PathBuf>,
    /// The database file: `--db` or [`DEFAULT_DB`].
    pub db: PathBuf,
    /// Colour in human output (`--color`, NO_COLOR, whether stdout is a terminal).
    pub color: bool,
    /// `--quiet`: no progress or summary chatter on stderr.
    pub quiet: bool,
    /// `--lock-timeout`.
    pub lock_timeout: Duration,
    /// Where the library's talk goes: `storyline: <line>` on stderr.
    pub talk: Talk,
    /// Size of PNG charts in report bundles written without a size flag (`demo`, `follow`).
    pub render: RenderOptions,
}

impl Config {
    /// Read the global flags (the subcommand is left to the caller).
    pub fn new(args: &Args) -> Config {
        let color = match args.color {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => std::env::var_os("NO_COLOR").is_none() && io::stdout().is_terminal(),
        };
        Config {
            db_arg: args.db.clone(),
            db: args.db.clone().unwrap_or_else(|| PathBuf::from(DEFAULT_DB)),
            color,
            quiet: args.quiet,
            lock_timeout: Duration::from_secs(args.lock_timeout),
            talk: Talk::new(|line| eprintln!("storyline: {line}")),
            render: render_options(WIDTH, HEIGHT),
        }
    }

    /// Open (and create) the database to write. Store errors name the database themselves.
    pub fn open(&self) -> Result<Store> {
        let mut store = Store::open(&self.db)?;
        store.set_lock_timeout(self.lock_timeout)?;
        Ok(store)
    }

    /// Open the database read-only (listings, reports, exports): a missing one is an error.
    pub fn open_read(&self) -> Result<Store> {
        Ok(Store::open_read(&self.db)?)
    }

    /// The pipeline's config for an ingest run.
    pub fn ingest(&self, read: ReadOptions, thread: ThreadMode, window_days: i64) -> IngestConfig {
        IngestConfig {
            read,
            thread,
            window_days,
            quiet: self.quiet,
            talk: self.talk.clone(),
        }
    }

    /// The config of `ingest URL…` and `follow`.
    pub fn follow(
        &self,
        http: &HttpArgs,
        ingest: IngestConfig,
        follow_links: bool,
    ) -> FollowConfig {
        FollowConfig {
            fetch: FetchConfig {
                timeout: http.timeout,
                max_bytes: http.max_bytes,
                max_redirects: http.max_redirects,
                delay: http.delay,
                ..FetchConfig::default()
            },
            retry: RetryPolicy {
                retries: http.retries,
                wait: http.retry_wait,
                max_wait: RETRY_MAX_WAIT,
            },
            ingest,
            follow_links,
            render: self.render,
        }
    }
}

/// Chart size and the full date range.
pub fn render_options(width: u32, height: u32) -> RenderOptions {
    RenderOptions {
        width,
        height,
        from: None,
        to: None,
    }
}
