//! Command line: clap definitions, conversion into the pipeline's config, and one function per command.

use std::io::{self, BufRead, IsTerminal, Read};
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use crate::extract::{self, Gazetteer};
use crate::ingest::{self, Format, ReadOptions};
use crate::model::{ActorKind, ContradictionKind, GazetteerEntry, Thread};
use crate::output::{self, Out};
use crate::pipeline::{self, IngestConfig, ThreadMode};
use crate::render::{self, RenderOptions};
use crate::store::{ClaimFilter, Store};
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
        /// Files or directories (walked recursively); - reads stdin.
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
        #[arg(long, value_parser = parse_date)]
        since: Option<NaiveDate>,
        #[arg(long, value_parser = parse_date)]
        until: Option<NaiveDate>,
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
}

fn parse_date(s: &str) -> std::result::Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("expected YYYY-MM-DD, got {s:?}"))
}

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
    let given_db = args.db.clone();
    let db = given_db
        .clone()
        .unwrap_or_else(|| PathBuf::from(DEFAULT_DB));
    let open =
        || Store::open(&db).with_context(|| format!("cannot open database {}", db.display()));
    match args.command {
        Command::Ingest {
            paths,
            thread,
            date,
            format,
            window,
        } => {
            let mut store = open()?;
            let cfg = IngestConfig {
                read: ReadOptions {
                    format: format_of(format),
                    date,
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
            let summary = pipeline::ingest(&mut store, &inputs, &cfg)?;
            if !args.quiet {
                eprintln!("storyline: {}", summary.line());
            }
            Ok(if summary.failed > 0 {
                Outcome::Partial
            } else {
                Outcome::Ok
            })
        }
        Command::Threads { json } => {
            let store = open()?;
            output::threads(&mut out, &store.threads()?, json)?;
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
                    store.rename_thread(&from, &to, title.as_deref())?;
                    out.line(&to)?;
                }
            }
            Ok(Outcome::Ok)
        }
        Command::Articles { thread, json } => {
            let store = open()?;
            output::articles(&mut out, &store.articles(thread.as_deref())?, json)?;
            Ok(Outcome::Ok)
        }
        Command::Claims {
            thread,
            actor,
            since,
            until,
            json,
        } => {
            let store = open()?;
            let f = ClaimFilter {
                thread: thread.clone(),
                actor,
                since,
                until,
                article: None,
            };
            output::claims(&mut out, &store.claims(&f)?, thread.as_deref(), json)?;
            Ok(Outcome::Ok)
        }
        Command::Events { thread, json } => {
            let store = open()?;
            output::events(
                &mut out,
                &store.events(thread.as_deref())?,
                thread.as_deref(),
                json,
            )?;
            Ok(Outcome::Ok)
        }
        Command::Contradictions { thread, kind, json } => {
            let store = open()?;
            let kind = kind.map(|k| match k {
                KindArg::Opposing => ContradictionKind::Opposing,
                KindArg::Denial => ContradictionKind::Denial,
                KindArg::Numeric => ContradictionKind::Numeric,
                KindArg::Reversal => ContradictionKind::Reversal,
            });
            output::contradictions(
                &mut out,
                &store.contradictions(thread.as_deref(), kind)?,
                json,
            )?;
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
            let store = open()?;
            let data = pipeline::report_data(&store, &thread)?;
            let opts = RenderOptions {
                width,
                height,
                from,
                to,
            };
            render::timeline(&data, &opts, &path)
                .with_context(|| format!("cannot draw {}", path.display()))?;
            out.line(&path.display().to_string())?;
            Ok(Outcome::Ok)
        }
        Command::Chart(ChartCmd::Contradictions {
            thread,
            output: path,
            width,
            height,
        }) => {
            let store = open()?;
            let data = pipeline::report_data(&store, &thread)?;
            let opts = RenderOptions {
                width,
                height,
                from: None,
                to: None,
            };
            render::contradiction_chart(&data, &opts, &path)
                .with_context(|| format!("cannot draw {}", path.display()))?;
            out.line(&path.display().to_string())?;
            Ok(Outcome::Ok)
        }
        Command::Report {
            thread,
            out: dir,
            width,
            height,
        } => {
            let store = open()?;
            let data = pipeline::report_data(&store, &thread)?;
            let opts = RenderOptions {
                width,
                height,
                from: None,
                to: None,
            };
            let dir = dir.join(&thread);
            for p in render::bundle(&data, &opts, &dir)
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
                return extract_jsonl(&mut out, date, &store_gaz);
            }
            let (origin, bytes) = read_input(file.as_deref())?;
            let opts = ReadOptions {
                format: Format::Auto,
                date,
            };
            let (articles, errors) = ingest::read_bytes(&origin, &bytes, &opts);
            if let Some(e) = errors.first() {
                bail!("{e}");
            }
            for a in &articles {
                let (ex, diags) = extract::extract(&a.body, a.published, &store_gaz);
                output::extraction(&mut out, a, &ex, &diags, json)?;
            }
            Ok(Outcome::Ok)
        }
        Command::Tag { file, date, json } => {
            let (origin, bytes) = read_input(file.as_deref())?;
            let text =
                String::from_utf8(bytes).with_context(|| format!("{origin}: not valid UTF-8"))?;
            let timexes = extract::timex::tag(&text, Some(date));
            output::timexes(&mut out, &timexes, json)?;
            Ok(Outcome::Ok)
        }
        Command::Demo { out: dir } => demo::run(&mut out, &dir, given_db.as_deref(), args.quiet),
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
            let store = open()?;
            let data = pipeline::report_data(&store, &thread)?;
            let text = match format {
                ExportFormat::Json => export::json(&data)?,
                ExportFormat::Jsonl => export::jsonl(&data)?,
                ExportFormat::Csv => export::csv(&data)?,
                ExportFormat::Timelinejs => export::timelinejs(&data, all)?,
            };
            match path {
                Some(p) => {
                    std::fs::write(&p, text)
                        .with_context(|| format!("cannot write {}", p.display()))?;
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
            let store = open()?;
            let hits = store.search(&query, thread.as_deref(), limit)?;
            output::search(&mut out, &hits, json)?;
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
            };
            store.add_actor(&entry, country.as_deref())?;
            out.line(&name)?;
            Ok(Outcome::Ok)
        }
        Command::Actor(ActorCmd::List { json }) => {
            let store = open()?;
            let gaz = Gazetteer::with_extra(&store.user_actors()?);
            output::gazetteer(&mut out, &gaz.entries, json)?;
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

fn format_of(f: FormatArg) -> Format {
    match f {
        FormatArg::Auto => Format::Auto,
        FormatArg::Text => Format::Text,
        FormatArg::Html => Format::Html,
        FormatArg::Feed => Format::Feed,
        FormatArg::Jsonl => Format::Jsonl,
    }
}

/// Read a named file or stdin ("-" or nothing) whole.
fn read_input(file: Option<&str>) -> Result<(String, Vec<u8>)> {
    match file {
        None | Some("-") => {
            let mut buf = Vec::new();
            io::stdin()
                .read_to_end(&mut buf)
                .context("cannot read stdin")?;
            Ok(("-".to_string(), buf))
        }
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("{p}: cannot read"))?;
            Ok((p.to_string(), bytes))
        }
    }
}

/// Stream mode: JSON Lines articles on stdin, one extraction per line on stdout. A bad line gets
/// an error line on stderr and an `{"error": ...}` line on stdout, so N lines in give N lines out.
fn extract_jsonl(out: &mut Out, date: Option<NaiveDate>, gaz: &Gazetteer) -> Result<Outcome> {
    let stdin = io::stdin();
    let opts = ReadOptions {
        format: Format::Jsonl,
        date,
    };
    let mut failed = false;
    for (i, line) in stdin.lock().lines().enumerate() {
        let line = line.context("cannot read stdin")?;
        if line.trim().is_empty() {
            out.line("{}")?;
            continue;
        }
        let origin = format!("-:{}", i + 1);
        let (articles, errors) = ingest::read_bytes(&origin, line.as_bytes(), &opts);
        match (articles.first(), errors.first()) {
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
                eprintln!("storyline: {msg}");
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
        ] {
            Args::try_parse_from(&argv).unwrap_or_else(|e| panic!("{argv:?}: {e}"));
        }
    }
}
