//! Command-line arguments: the clap derive types, and the parsers of dates, durations and `--since`.
//!
//! This is the only module of the crate that uses clap. Defaults are named in [`super::config`];
//! [`super::config::Config`] turns the global flags into what the commands use.

use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use clap::{Parser, Subcommand, ValueEnum};

use super::defaults;

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
    #[arg(long, global = true, value_name = "SECONDS", default_value_t = defaults::LOCK_TIMEOUT_SECS)]
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
    Ingest(IngestArgs),
    /// Follow URLs (feeds or pages) into a thread; `follow` polls them.
    #[command(subcommand)]
    Source(SourceCmd),
    /// Poll the followed sources and ingest their new entries, every so often or once.
    ///
    /// Each poll is a conditional request (ETag, Last-Modified); errors back off (Retry-After
    /// honoured) and are reported per source. Ctrl-C stops cleanly between fetches.
    Follow(FollowArgs),
    /// List story threads.
    Threads(ThreadsArgs),
    /// Define, merge or rename threads.
    #[command(subcommand)]
    Thread(ThreadCmd),
    /// List articles.
    Articles(ArticlesArgs),
    /// List attributed claims.
    Claims(ClaimsArgs),
    /// List dated events.
    Events(EventsArgs),
    /// List contradictions, strongest first.
    Contradictions(ContradictionsArgs),
    /// Draw a thread's timeline as PNG.
    Timeline(TimelineArgs),
    /// Draw charts (currently: contradictions).
    #[command(subcommand)]
    Chart(ChartCmd),
    /// Write a thread's report bundle: timeline.png, contradictions.png, index.html, index.md.
    Report(ReportArgs),
    /// Extract actors, time expressions, claims and events from one article, without a database.
    Extract(ExtractArgs),
    /// Tag time expressions in raw text (offsets into the raw input).
    Tag(TagArgs),
    /// Run the bundled demo corpus into a fresh database and write its reports.
    Demo(DemoArgs),
    /// Score extraction against public gold corpora.
    #[command(subcommand)]
    Eval(EvalCmd),
    /// Export a thread's claims, events and contradictions.
    Export(ExportArgs),
    /// Full-text search over claims and article text.
    Search(SearchArgs),
    /// Add actors to the gazetteer or list them.
    #[command(subcommand)]
    Actor(ActorCmd),
    /// Print shell completions.
    Completions(CompletionsArgs),
    /// Print the man page (roff).
    Man,
    /// Write a synthetic wire corpus of N articles (for benchmarks).
    #[command(hide = true)]
    Synth(SynthArgs),
}

// `storyline ingest` (the variant's doc comment is its help).
#[derive(Debug, clap::Args)]
pub struct IngestArgs {
    /// Files, directories (walked recursively), http(s) URLs of pages or feeds; - reads stdin.
    #[arg(required = true)]
    pub paths: Vec<String>,
    /// Put every article in this thread (created if missing) instead of assigning automatically.
    #[arg(long)]
    pub thread: Option<String>,
    /// Publication date for every article, overriding dates found in the text or file name.
    #[arg(long, value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// Input format; auto detects per file.
    #[arg(long, value_enum, default_value_t = FormatArg::Auto)]
    pub format: FormatArg,
    /// Days within which opposing claims count as contradicting.
    #[arg(long, default_value_t = defaults::WINDOW_DAYS)]
    pub window: i64,
    /// For feeds given by URL: fetch each entry's own page (robots.txt honoured, one host at a time).
    #[arg(long)]
    pub follow_links: bool,
    /// Follow symlinks that lead outside the folders given (by default they are skipped).
    #[arg(long)]
    pub follow_symlinks: bool,
    #[command(flatten)]
    pub http: HttpArgs,
}

// `storyline follow` (the variant's doc comment is its help).
#[derive(Debug, clap::Args)]
pub struct FollowArgs {
    /// Time between polls (e.g. 15m, 1h).
    #[arg(long, default_value = defaults::FOLLOW_EVERY, value_parser = parse_duration)]
    pub every: Duration,
    /// Poll every due source once and exit.
    #[arg(long)]
    pub once: bool,
    /// After a poll that brought new articles, rewrite the thread's report under DIR/<thread>/.
    #[arg(long, value_name = "DIR")]
    pub report_out: Option<PathBuf>,
    /// Days within which opposing claims count as contradicting.
    #[arg(long, default_value_t = defaults::WINDOW_DAYS)]
    pub window: i64,
    #[command(flatten)]
    pub http: HttpArgs,
}

// `storyline threads` (the variant's doc comment is its help).
#[derive(Debug, clap::Args)]
pub struct ThreadsArgs {
    #[arg(long)]
    pub json: bool,
}

// `storyline articles` (the variant's doc comment is its help).
#[derive(Debug, clap::Args)]
pub struct ArticlesArgs {
    #[arg(long)]
    pub thread: Option<String>,
    #[arg(long)]
    pub json: bool,
}

// `storyline claims` (the variant's doc comment is its help).
#[derive(Debug, clap::Args)]
pub struct ClaimsArgs {
    #[arg(long)]
    pub thread: Option<String>,
    /// Actor code, e.g. RUSGOV.
    #[arg(long)]
    pub actor: Option<String>,
    /// Only claims from articles ingested since DATE, DURATION ago (24h, 7d) or TIMESTAMP.
    #[arg(long, value_parser = parse_since)]
    pub since: Option<Since>,
    /// Only claims made (said) on or after this date.
    #[arg(long, value_parser = parse_date)]
    pub from: Option<NaiveDate>,
    /// Only claims made (said) on or before this date.
    #[arg(long, alias = "until", value_parser = parse_date)]
    pub to: Option<NaiveDate>,
    #[arg(long)]
    pub json: bool,
}

// `storyline events` (the variant's doc comment is its help).
#[derive(Debug, clap::Args)]
pub struct EventsArgs {
    #[arg(long)]
    pub thread: Option<String>,
    #[arg(long)]
    pub json: bool,
}

// `storyline contradictions` (the variant's doc comment is its help).
#[derive(Debug, clap::Args)]
pub struct ContradictionsArgs {
    #[arg(long)]
    pub thread: Option<String>,
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// Only contradictions with a claim ingested since DATE, DURATION ago (24h, 7d) or TIMESTAMP.
    #[arg(long, value_parser = parse_since)]
    pub since: Option<Since>,
    #[arg(long)]
    pub json: bool,
}

// `storyline timeline` (the variant's doc comment is its help).
#[derive(Debug, clap::Args)]
pub struct TimelineArgs {
    #[arg(long)]
    pub thread: String,
    #[arg(short, long)]
    pub output: PathBuf,
    #[arg(long, value_parser = parse_date)]
    pub from: Option<NaiveDate>,
    #[arg(long, value_parser = parse_date)]
    pub to: Option<NaiveDate>,
    #[arg(long, default_value_t = defaults::WIDTH)]
    pub width: u32,
    #[arg(long, default_value_t = defaults::HEIGHT)]
    pub height: u32,
}

// `storyline report` (the variant's doc comment is its help).
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    #[arg(long)]
    pub thread: String,
    #[arg(long, default_value = defaults::REPORT_OUT)]
    pub out: PathBuf,
    #[arg(long, default_value_t = defaults::WIDTH)]
    pub width: u32,
    #[arg(long, default_value_t = defaults::HEIGHT)]
    pub height: u32,
    /// Add a "New since" section: what was ingested since DATE, DURATION ago (24h, 7d) or TIMESTAMP.
    #[arg(long, value_parser = parse_since)]
    pub since: Option<Since>,
}

// `storyline extract` (the variant's doc comment is its help).
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// File to read; - or nothing reads stdin.
    pub file: Option<String>,
    #[arg(long, value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    #[arg(long)]
    pub json: bool,
    /// Read JSON Lines articles on stdin, write one JSON extraction per line.
    #[arg(long)]
    pub jsonl: bool,
}

// `storyline tag` (the variant's doc comment is its help).
#[derive(Debug, clap::Args)]
pub struct TagArgs {
    pub file: Option<String>,
    #[arg(long, value_parser = parse_date)]
    pub date: NaiveDate,
    #[arg(long)]
    pub json: bool,
}

// `storyline demo` (the variant's doc comment is its help).
#[derive(Debug, clap::Args)]
pub struct DemoArgs {
    #[arg(long, default_value = defaults::DEMO_OUT)]
    pub out: PathBuf,
}

// `storyline export` (the variant's doc comment is its help).
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    #[arg(long)]
    pub thread: String,
    #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
    pub format: ExportFormat,
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// TimelineJS: every dated claim and event, not only the key moments.
    #[arg(long)]
    pub all: bool,
}

// `storyline search` (the variant's doc comment is its help).
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    pub query: String,
    #[arg(long)]
    pub thread: Option<String>,
    #[arg(long, default_value_t = defaults::SEARCH_LIMIT)]
    pub limit: usize,
    #[arg(long)]
    pub json: bool,
}

// `storyline completions` (the variant's doc comment is its help).
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    pub shell: clap_complete::Shell,
}

// `storyline synth` (the variant's doc comment is its help).
#[derive(Debug, clap::Args)]
pub struct SynthArgs {
    #[arg(long, default_value_t = defaults::SYNTH_ARTICLES)]
    pub articles: usize,
    #[arg(long)]
    pub out: PathBuf,
    #[arg(long, default_value_t = defaults::SYNTH_SEED)]
    pub seed: u64,
    /// Spread the articles over this many distinct stories (one thread each when ingested
    /// with automatic threading); 1 writes one story, the worst case for detection.
    #[arg(long, default_value_t = 1)]
    pub threads: usize,
}

/// HTTP limits for `ingest URL…` and `follow`.
#[derive(Debug, Clone, clap::Args)]
#[command(next_help_heading = "HTTP")]
pub struct HttpArgs {
    /// Give up on a request after this long (connecting, headers and body).
    #[arg(long, default_value = defaults::HTTP_TIMEOUT, value_parser = parse_duration)]
    pub timeout: Duration,
    /// Refuse responses larger than this many bytes.
    #[arg(long, default_value_t = defaults::HTTP_MAX_BYTES)]
    pub max_bytes: u64,
    /// Follow at most this many redirects.
    #[arg(long, default_value_t = defaults::HTTP_MAX_REDIRECTS)]
    pub max_redirects: u32,
    /// Wait this long between two requests to the same host.
    #[arg(long, default_value = defaults::HTTP_DELAY, value_parser = parse_duration)]
    pub delay: Duration,
    /// Try again this many times after a 429, 5xx, timeout or network error.
    #[arg(long, default_value_t = defaults::RETRIES)]
    pub retries: u32,
    /// Wait before the first retry, doubled each time (Retry-After wins).
    #[arg(long, default_value = defaults::RETRY_WAIT, value_parser = parse_duration)]
    pub retry_wait: Duration,
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
        #[arg(long, default_value_t = defaults::WIDTH)]
        width: u32,
        #[arg(long, default_value_t = defaults::HEIGHT)]
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
        /// List every missed gold contradiction (what each claim got), every false pair, and each claim found with the wrong side or date, not found, or stored with no gold needle.
        #[arg(long)]
        misses: bool,
        /// Also write the scored database to this file (it must not exist), to browse its claims and contradictions with the other commands.
        #[arg(long, value_name = "FILE")]
        keep: Option<PathBuf>,
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
    /// Speakers and sides of claims on TimeML wire copy from a TSV of hand judgements
    /// (e.g. src/data/heldout/sides.tsv): claims found, speaker right, side and country right.
    Sides {
        file: PathBuf,
        /// Folder holding the TimeML documents the file names (searched recursively).
        #[arg(long, default_value = defaults::SIDES_CORPUS)]
        corpus: PathBuf,
        /// Append this many unjudged extracted claims with `?` (and print each sentence) for a
        /// person to judge.
        #[arg(long, requires = "seed")]
        sample: Option<usize>,
        /// Seed of the draw (splitmix64).
        #[arg(long, requires = "sample")]
        seed: Option<u64>,
        /// Draw only from documents whose file name starts with one of these (comma separated).
        #[arg(long, value_delimiter = ',', requires = "sample")]
        only: Vec<String>,
        /// List every judged claim whose speaker or side is wrong, with its sentence and reason.
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
        #[arg(long, default_value = defaults::ACTOR_KIND)]
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

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
