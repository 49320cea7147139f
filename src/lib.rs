//! storyline: follow a diplomatic news story — who said what, when, and where the parties contradict each other.
//!
//! # Bird's eye view
//!
//! An analyst feeds storyline news articles. Each one is read, cleaned of page furniture,
//! given its metadata, and run through a pure extraction step that finds actors, time
//! expressions, attributed claims and events. The article then joins one or more story
//! threads, is stored in SQLite in one transaction, and its claims are compared with the
//! thread's earlier claims to find contradictions. Reports draw the thread as PNG charts.
//!
//! # Code map (the pipeline is the module list)
//!
//! - [`fetch`]: the HTTP client (ureq + rustls): timeouts, size cap, redirects, gzip, charsets, robots.txt.
//! - [`follow`]: `ingest URL…` and `follow`: poll sources, conditional requests, back-off, only new entries.
//! - [`ingest`]: readers, one per input format (text page, HTML, feed, JSON Lines), and directory walking.
//! - [`clean`]: strips page furniture, keeps story paragraphs and a map back to raw offsets.
//! - [`meta`]: title, date, source, dateline, byline and contributors.
//! - [`extract`]: sentences, time expressions (`timex/`), actors (`actors/`: gazetteer,
//!   titles, codes), claims (`claims/`: tokens, quotes, speaker phrases, coreference, one file
//!   per cue family), frames, `context` (speakers without a side take one from the article)
//!   and events. Pure.
//! - [`copies`]: near-duplicate (syndicated copy) detection: MinHash over word shingles.
//! - [`thread`]: assigns articles to story threads.
//! - [`store`]: SQLite (`migrate`, `write`, `read`, `search`, `rows`): one transaction (or one
//!   savepoint in a batch) per article, listings, search. It stores; detection is the caller's.
//! - [`contradict`]: one file per contradiction rule.
//! - [`render`]: PNG timeline, contradiction chart and the report bundle.
//! - [`pipeline`]: glue over the stages (parallel extraction behind a bounded queue, single writer committing batches).
//! - [`app`]: the command layer: `args` (clap types), `defaults` (every default),
//!   `config` (one `Config` built once from the flags) and `commands` (one function per command). `main` only parses,
//!   calls [`app::run`] and maps the outcome to an exit code.
//! - [`output`]: what goes to stdout (the JSON contract and human tables), through `Out`.
//! - [`talk`]: how library code hands progress and warnings up for the command layer to print.
//! - [`export`], [`eval`]: exports, and scoring against gold corpora.
//! - [`demo`]: the bundled demo corpus, shared by the `demo` command and `eval demo`.
//! - [`synth`]: a synthetic wire corpus for benchmarks.
//! - [`model`]: the plain data that crosses every boundary (`Stance`, `DateValue`, `Claim`,
//!   `ReportData` …).
//! - [`data`]: every embedded table (lexicons, word lists, sides, furniture, agencies; the
//!   gazetteer from `schema/gazetteer/`) and the one strict loader that names file and line.
//!
//! # Invariants
//!
//! - `extract` does no I/O and never fails: it returns results plus diagnostics.
//! - Only `fetch` talks to the network; a failed URL is reported and the rest go on.
//! - Only `store` imports rusqlite; only `render` imports plotters; only `app` imports clap
//!   (`tests/tidy.rs` checks these); no module below `app` imports it.
//! - The library never prints: results reach stdout through `app`, talk reaches stderr through
//!   a [`talk::Talk`] the command layer supplies.
//! - Every claim and event carries byte spans into its article's stored body.
//! - Rules are data: no open-class word list lives in Rust; `data::ALL` is loaded by a test.
//! - The schema only grows by new files in `schema/`; shipped migrations are never edited.
//! - An article's rows (article, claims, events, threads, contradictions) commit together or not at all.

pub mod app;
pub mod clean;
pub mod contradict;
pub mod copies;
pub mod data;
pub mod demo;
pub mod eval;
pub mod export;
pub mod extract;
pub mod fetch;
pub mod follow;
pub mod ingest;
pub mod meta;
pub mod model;
mod narrow;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod store;
pub mod synth;
pub mod talk;
pub mod thread;

#[cfg(test)]
mod proptests;
