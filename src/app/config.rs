//! The one `Config` built from the global flags, and the plain config structs of the commands.
//!
//! Every default lives in [`super::defaults`] (the clap definitions in [`super::args`] read
//! them there, so a default is written once); [`Config::new`] turns the global flags (`--db`, `--color`,
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
use crate::pipeline::{IngestConfig, ThreadMode};
use crate::render::RenderOptions;
use crate::store::Store;
use crate::talk::Talk;

pub use super::defaults::*;

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
