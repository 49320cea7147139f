//! Every default of the command line in one place: the clap definitions in [`super::args`]
//! and the configs built in [`super::config`] both read them here.

use std::time::Duration;

use crate::pipeline;

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
/// `eval sides --corpus`: TimeBank and AQUAINT in TimeML, beside the project.
pub const SIDES_CORPUS: &str = "../shared/corpora/timeml/TBAQ-cleaned";
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
