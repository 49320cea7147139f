//! Glue over the stages: read -> clean/meta -> extract (parallel) -> thread -> store (+ contradict), and report data.

use std::collections::{BTreeSet, HashMap, VecDeque};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use rayon::prelude::*;

use crate::contradict;
use crate::copies::{self, Sketch};
use crate::extract::{self, Gazetteer};
use crate::ingest::{self, IngestError, ReadOptions};
use crate::model::{Article, DateValue, DiagCode, Diagnostic, Extraction, Precision, Thread};
use crate::render::{NewSince, ReportData};
use crate::store::{Inserted, NewArticle, Store};
use crate::talk::Talk;
use crate::thread::{self, Profile};

/// One thing named on the command line.
#[derive(Debug, Clone)]
pub enum Input {
    Path(PathBuf),
    Stdin,
    /// Bytes already in memory (the bundled demo corpus), with the name they go by.
    Memory(String, Vec<u8>),
    /// Articles already read (fetched over HTTP and decoded by the caller).
    Articles(Vec<Article>),
}

/// How articles find their thread.
#[derive(Debug, Clone)]
pub enum ThreadMode {
    /// Automatic assignment (plus analyst-defined rule threads).
    Auto,
    /// Every article goes into this thread (created if missing).
    Fixed(String),
}

/// Days within which opposing claims count as contradicting, unless `--window` says otherwise
/// (the command layer's `app::config` names it with the other defaults).
pub const DEFAULT_WINDOW_DAYS: i64 = 7;

#[derive(Debug, Clone)]
pub struct IngestConfig {
    pub read: ReadOptions,
    pub thread: ThreadMode,
    pub window_days: i64,
    /// Leave out warnings and notes (errors are still said).
    pub quiet: bool,
    /// Where per-file errors, warnings, notes and lock waits go (the command layer prints them).
    pub talk: Talk,
}

/// Counts for the summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub new: usize,
    pub duplicate: usize,
    pub failed: usize,
    pub claims: usize,
    pub contradictions: usize,
    /// New articles stored as syndicated copies of an original (counted in `new` too).
    pub copies: usize,
}

impl Summary {
    pub fn total(&self) -> usize {
        self.new + self.duplicate + self.failed
    }
    /// "3 articles: 2 new, 1 duplicate, 0 failed", plus ", 1 copy" when new articles were copies.
    pub fn line(&self) -> String {
        let copies = match self.copies {
            0 => String::new(),
            1 => ", 1 copy".to_string(),
            n => format!(", {n} copies"),
        };
        format!(
            "{} article{}: {} new, {} duplicate{copies}, {} failed ({} claims, {} new contradictions)",
            self.total(),
            if self.total() == 1 { "" } else { "s" },
            self.new,
            self.duplicate,
            self.failed,
            self.claims,
            self.contradictions
        )
    }
}

/// An article read and extracted, ready for the writer. `extraction` is `None` when a worker
/// already found the article's hash in the database (a duplicate is not extracted again).
struct Prepared {
    article: Article,
    hash: String,
    extraction: Option<Extraction>,
    diagnostics: Vec<Diagnostic>,
    /// For syndicated-copy detection (empty for a duplicate).
    sketch: Sketch,
    /// The article's [`thread::salient_terms`] (empty for a duplicate), computed by the
    /// workers so the single writer does not.
    terms: Vec<(String, f32)>,
}

/// Files are read and extracted in parallel this many at a time, in order.
const CHUNK: usize = 256;
/// Extracted chunks waiting for the single writer. With [`CHUNK`] this bounds memory (about
/// `(QUEUE + 2) * CHUNK` articles in flight) whatever the corpus size: files are read as their
/// chunk comes up, never all at once.
const QUEUE: usize = 2;
/// The writer commits its batch transaction after this many new articles ...
const BATCH_ARTICLES: usize = 1000;
/// ... or once the batch has been open this long, so readers and other writers get a turn.
const BATCH_TIME: Duration = Duration::from_millis(500);

/// While waiting for the write lock: how often to try again ...
const LOCK_POLL: Duration = Duration::from_millis(3);
/// ... and how often to say so (through the config's `Talk`).
const LOCK_REPORT: Duration = Duration::from_secs(5);
/// Pause after a mid-ingest commit, long enough for a polling writer to get the lock.
const LOCK_YIELD: Duration = Duration::from_millis(10);

/// Ingest every input; per-file problems are said through `cfg.talk` and counted, not returned.
///
/// Workers (rayon, all cores) read, clean and extract chunks of files while one writer stores
/// them in file order: each article in its own savepoint inside a batch transaction that
/// commits every [`BATCH_ARTICLES`] articles or [`BATCH_TIME`].
pub fn ingest(store: &mut Store, inputs: &[Input], cfg: &IngestConfig) -> Result<Summary> {
    let gazetteer = Gazetteer::with_extra(&store.user_actors()?);
    let db = store.path().to_string();
    let mut writer = Writer::new(store, cfg)?;
    let result = ingest_into(&mut writer, inputs, cfg, &gazetteer, &db);
    if let Err(e) = result.and_then(|()| writer.commit()) {
        let _ = writer.store.rollback_batch();
        // Articles of earlier batches are committed: bring their threads up to date.
        let _ = writer.detect_touched();
        return Err(e);
    }
    writer.detect_touched()?;
    Ok(writer.summary)
}

fn ingest_into(
    writer: &mut Writer,
    inputs: &[Input],
    cfg: &IngestConfig,
    gazetteer: &Gazetteer,
    db: &str,
) -> Result<()> {
    if cfg.read.format == ingest::Format::Extractions {
        return ingest_extractions(writer, inputs, cfg, gazetteer);
    }
    let mut paths = Vec::new();
    for input in inputs {
        let (origin, bytes) = match input {
            Input::Stdin => {
                match ingest::read_bounded(std::io::stdin().lock(), ingest::MAX_FILE_BYTES)
                    .context("cannot read stdin")?
                {
                    Some(bytes) => ("-".to_string(), bytes),
                    None => {
                        writer.errors(&[IngestError::StreamTooLarge { path: "-".into() }]);
                        continue;
                    }
                }
            }
            Input::Memory(origin, bytes) => (origin.clone(), bytes.clone()),
            Input::Articles(articles) => {
                let prepared = articles
                    .par_iter()
                    .map(|a| prepare(a.clone(), gazetteer, None))
                    .collect::<Vec<_>>();
                writer.write_all(prepared)?;
                continue;
            }
            Input::Path(p) => {
                paths.push(p.clone());
                continue;
            }
        };
        let (articles, errors) = ingest::read_bytes(&origin, &bytes, &cfg.read);
        writer.errors(&errors);
        let prepared = articles
            .into_par_iter()
            .map(|a| prepare(a, gazetteer, None))
            .collect::<Vec<_>>();
        writer.write_all(prepared)?;
    }
    let (files, errors) = ingest::walk_with(&paths, cfg.read.follow_symlinks);
    writer.errors(&errors);
    let bar = progress(files.len() as u64, cfg.quiet);
    let readers = Readers::new(db);
    let readers = &readers;
    std::thread::scope(|s| -> Result<()> {
        let (tx, rx) =
            std::sync::mpsc::sync_channel::<Vec<(Vec<Prepared>, Vec<IngestError>)>>(QUEUE);
        let files = &files;
        s.spawn(move || {
            for chunk in files.chunks(CHUNK) {
                let results = chunk
                    .par_iter()
                    .map_init(
                        || readers.take(),
                        |reader, path| {
                            let (articles, errors) = ingest::read_path(path, &cfg.read);
                            let prepared = articles
                                .into_iter()
                                .map(|a| prepare(a, gazetteer, reader.store.as_ref()))
                                .collect();
                            (prepared, errors)
                        },
                    )
                    .collect();
                if tx.send(results).is_err() {
                    break; // the writer stopped
                }
            }
        });
        for results in rx {
            for (prepared, errors) in results {
                writer.errors(&errors);
                writer.write_all(prepared)?;
                if let Some(b) = &bar {
                    b.inc(1);
                }
            }
        }
        Ok(())
    })?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    Ok(())
}

/// Read-only connections for the extraction workers' duplicate check, handed out per rayon
/// job and put back when it ends: opening one reads the whole schema, and rayon starts many
/// jobs per chunk. They are all closed when the pool goes, before the writer's connection.
struct Readers<'a> {
    db: &'a str,
    idle: std::sync::Mutex<Vec<Store>>,
}

/// A connection taken from [`Readers`] (`None` when the database cannot be read this way).
struct Reader<'r> {
    store: Option<Store>,
    pool: &'r std::sync::Mutex<Vec<Store>>,
}

impl<'a> Readers<'a> {
    fn new(db: &'a str) -> Readers<'a> {
        Readers {
            db,
            idle: std::sync::Mutex::new(Vec::new()),
        }
    }

    fn take(&self) -> Reader<'_> {
        let idle = self.idle.lock().ok().and_then(|mut v| v.pop());
        Reader {
            store: idle.or_else(|| Store::open_reader(self.db)),
            pool: &self.idle,
        }
    }
}

impl Drop for Reader<'_> {
    fn drop(&mut self) {
        if let (Some(store), Ok(mut idle)) = (self.store.take(), self.pool.lock()) {
            idle.push(store);
        }
    }
}

/// `--format extractions`: store what `extract --jsonl` wrote, without extracting again. Files
/// are streamed line by line (a cluster's part files may be larger than one article file may
/// be); hashing and sketching run in parallel per chunk of lines.
fn ingest_extractions(
    writer: &mut Writer,
    inputs: &[Input],
    cfg: &IngestConfig,
    gazetteer: &Gazetteer,
) -> Result<()> {
    let mut paths = Vec::new();
    for input in inputs {
        match input {
            Input::Stdin => extraction_lines(writer, "-", std::io::stdin().lock())?,
            Input::Memory(origin, bytes) => extraction_lines(writer, origin, &bytes[..])?,
            // Fetched pages carry no extraction: extract them as usual.
            Input::Articles(articles) => {
                let prepared = articles
                    .par_iter()
                    .map(|a| prepare(a.clone(), gazetteer, None))
                    .collect::<Vec<_>>();
                writer.write_all(prepared)?;
            }
            Input::Path(p) => paths.push(p.clone()),
        }
    }
    let (files, errors) = ingest::walk_with(&paths, cfg.read.follow_symlinks);
    writer.errors(&errors);
    for path in files {
        let origin = path.display().to_string();
        match std::fs::File::open(&path) {
            Ok(f) => extraction_lines(writer, &origin, std::io::BufReader::new(f))?,
            Err(e) => writer.errors(&[IngestError::Io {
                path: origin,
                source: e,
            }]),
        }
    }
    Ok(())
}

fn extraction_lines(
    writer: &mut Writer,
    origin: &str,
    mut input: impl std::io::BufRead,
) -> Result<()> {
    let mut line_no = 0;
    loop {
        let mut chunk = Vec::with_capacity(CHUNK);
        while chunk.len() < CHUNK {
            let mut buf = Vec::new();
            match input.read_until(b'\n', &mut buf) {
                Ok(0) => break,
                Ok(_) => {
                    line_no += 1;
                    chunk.push((line_no, String::from_utf8_lossy(&buf).into_owned()));
                }
                Err(e) => {
                    writer.errors(&[IngestError::Io {
                        path: origin.to_string(),
                        source: e,
                    }]);
                    break;
                }
            }
        }
        if chunk.is_empty() {
            return Ok(());
        }
        let results: Vec<_> = chunk
            .par_iter()
            .map(|(n, line)| {
                ingest::read_extraction_line(origin, *n, line).map(|r| {
                    r.map(|(article, extraction)| {
                        let hash = ingest::content_hash(&article);
                        prepared(article, hash, extraction, Vec::new())
                    })
                })
            })
            .collect();
        let last = chunk.len() < CHUNK;
        for r in results {
            match r {
                Ok(Some(p)) => writer.write(p)?,
                Ok(None) => {}
                Err(e) => writer.errors(&[e]),
            }
        }
        if last {
            return Ok(());
        }
    }
}

fn prepare(article: Article, gazetteer: &Gazetteer, stored: Option<&Store>) -> Prepared {
    let hash = ingest::content_hash(&article);
    if let Some(Ok(Some(_))) = stored.map(|s| s.find_by_hash(&hash)) {
        return Prepared {
            article,
            hash,
            extraction: None,
            diagnostics: Vec::new(),
            sketch: Sketch::default(),
            terms: Vec::new(),
        };
    }
    let (extraction, diagnostics) = extract::extract_article(&article, gazetteer);
    prepared(article, hash, extraction, diagnostics)
}

/// An article and its extraction (made here or, for `--format extractions`, elsewhere).
fn prepared(
    article: Article,
    hash: String,
    extraction: Extraction,
    diagnostics: Vec<Diagnostic>,
) -> Prepared {
    Prepared {
        hash,
        sketch: copies::sketch(&article.body),
        terms: thread::salient_terms(&article, &extraction),
        article,
        extraction: Some(extraction),
        diagnostics,
    }
}

/// A progress bar for long runs, drawn by indicatif on stderr (only on a terminal, never with
/// `--quiet`); it is the one piece of talk that does not go through `Talk`.
fn progress(n: u64, quiet: bool) -> Option<indicatif::ProgressBar> {
    if quiet || n < 50 || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(n);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} {pos}/{len} files {wide_bar} {per_sec} {eta}",
    ) {
        bar.set_style(style);
    }
    Some(bar)
}

/// Thread decision for one article: (joins, threads to create, indexes of changed profiles).
type Assignment = (Vec<(String, f32)>, Vec<Thread>, Vec<usize>);

/// The single writer: thread assignment needs the profiles as updated by every earlier article.
struct Writer<'a> {
    store: &'a mut Store,
    cfg: &'a IngestConfig,
    profiles: Vec<Profile>,
    summary: Summary,
    /// When the open batch began.
    batch_start: Instant,
    /// Threads that gained claims in this run (sorted, so detection runs in a fixed order).
    touched: BTreeSet<String>,
    /// `PRAGMA data_version` when `profiles` were last read from the database.
    seen_version: i64,
    /// Shingles of recently stored or compared originals, for the copy check.
    shingles: ShingleCache,
}

/// Originals' shingles kept by the writer: the copy check compares each new article with the
/// originals sharing a MinHash band, and without this it read and shingled their bodies again
/// for every new article. Bounded ([`ShingleCache::CAP`] entries, oldest out first), so memory
/// does not grow with the corpus; a body not here is read from the database as before.
#[derive(Default)]
struct ShingleCache {
    /// Per original: its published date as stored (so the copy check need not query the
    /// article), its shingles and their [`copies::profile`].
    by_id: HashMap<i64, Cached>,
    order: VecDeque<i64>,
}

/// One original in the [`ShingleCache`].
struct Cached {
    published: DateValue,
    shingles: Vec<u64>,
    /// Empty when unknown (then the shingles are compared).
    profile: Vec<u8>,
}

impl Cached {
    /// [`copies::is_copy_of_shingles`], after the profile bound ([`copies::may_be_copy`], exact:
    /// it never turns away an original the shingles would accept) has had its say: most
    /// candidates share a band through stock wording and are far from the threshold.
    fn is_original_of(&self, sketch: &Sketch) -> bool {
        copies::may_be_copy(sketch, &self.profile)
            && copies::is_copy_of_shingles(sketch, &self.shingles)
    }
}

impl ShingleCache {
    /// About 2.3 kB per wire-length article: ~9 MB.
    const CAP: usize = 4096;

    fn get(&self, id: i64) -> Option<&Cached> {
        self.by_id.get(&id)
    }

    fn insert(&mut self, id: i64, published: DateValue, shingles: Vec<u64>, profile: Vec<u8>) {
        let cached = Cached {
            published,
            shingles,
            profile,
        };
        if self.by_id.insert(id, cached).is_none() {
            self.order.push_back(id);
        }
        while self.order.len() > Self::CAP {
            if let Some(old) = self.order.pop_front() {
                self.by_id.remove(&old);
            }
        }
    }

    /// Forget everything: ids may have been reused (a rolled-back batch) or rows changed by
    /// another process.
    fn clear(&mut self) {
        self.by_id.clear();
        self.order.clear();
    }
}

impl<'a> Writer<'a> {
    fn new(store: &'a mut Store, cfg: &'a IngestConfig) -> Result<Writer<'a>> {
        // [`Writer::begin`] polls for the write lock itself; SQLite's own wait stays short.
        store.set_busy_timeout(Duration::from_millis(20))?;
        let seen_version = store.data_version()?;
        let profiles = load_profiles(store)?;
        Ok(Writer {
            store,
            cfg,
            profiles,
            summary: Summary::default(),
            batch_start: Instant::now(),
            touched: BTreeSet::new(),
            seen_version,
            shingles: ShingleCache::default(),
        })
    }

    /// Open a batch transaction if none is open, waiting out other writers: while another
    /// process holds the write lock, say so through `cfg.talk` every [`LOCK_REPORT`], and give
    /// up after the store's lock timeout (`--lock-timeout`) with an error naming the database.
    fn begin(&mut self) -> Result<()> {
        if self.store.in_batch() {
            return Ok(());
        }
        let start = Instant::now();
        let mut reported = start;
        let timeout = self.store.lock_timeout();
        loop {
            match self.store.begin_batch() {
                Ok(()) => break,
                Err(e) if e.is_busy() => {
                    let waited = start.elapsed();
                    if waited >= timeout {
                        anyhow::bail!(
                            "database {} is locked by another process; gave up after {} s (--lock-timeout)",
                            self.store.path(),
                            waited.as_secs()
                        );
                    }
                    if reported.elapsed() >= LOCK_REPORT {
                        reported = Instant::now();
                        self.cfg.talk.say(&format!(
                            "waiting for another process to release the write lock on {} ({} s so far, giving up after {} s)",
                            crate::output::escape_controls(self.store.path()),
                            waited.as_secs(),
                            timeout.as_secs()
                        ));
                    }
                    std::thread::sleep(LOCK_POLL);
                }
                Err(e) => return Err(e).context("cannot start a write transaction"),
            }
        }
        self.batch_start = Instant::now();
        // Thread decisions are made inside the write transaction, against the threads as
        // committed by every writer so far: another ingest may have created or grown threads
        // since this one last held the lock (issue 15, item 3). Only then are they reloaded.
        let version = self.store.data_version()?;
        if version != self.seen_version {
            self.profiles = load_profiles(self.store)?;
            self.seen_version = version;
            self.shingles.clear();
        }
        Ok(())
    }

    /// Commit the open batch (articles, claims, threads; contradictions come after the run).
    fn commit(&mut self) -> Result<()> {
        self.store
            .commit()
            .context("cannot commit to the database")?;
        Ok(())
    }

    /// Recompute the contradictions of every thread this run added claims to, from all of
    /// the thread's stored claims. Detection is a function of the stored claims only: the
    /// same corpus gives the same contradictions whatever the batching, the file order or
    /// the number of runs it took to ingest it.
    fn detect_touched(&mut self) -> Result<()> {
        let touched = std::mem::take(&mut self.touched);
        // The writer's memory is no longer needed: detection's peak is the run's peak (at
        // 100,000 articles in one thread), so give back the copy check's shingles and most of
        // the page cache first (detection reads claims in date order, a few pages at a time).
        self.shingles = ShingleCache::default();
        self.store.set_cache_mib(16)?;
        // The writer polls for the lock with a short busy timeout; detection waits for it
        // like any other write (up to `--lock-timeout`).
        let wait = self.store.lock_timeout();
        self.store.set_busy_timeout(wait)?;
        for slug in &touched {
            self.summary.contradictions +=
                recompute_contradictions(self.store, slug, self.cfg.window_days)
                    .with_context(|| format!("cannot detect contradictions in thread {slug}"))?;
        }
        Ok(())
    }

    fn errors(&mut self, errors: &[IngestError]) {
        for e in errors {
            if e.is_warning() && self.cfg.quiet {
                continue;
            }
            self.cfg
                .talk
                .say(&crate::output::escape_controls(&e.to_string()));
            if !e.is_warning() {
                self.summary.failed += 1;
            }
        }
    }

    fn write_all(&mut self, prepared: Vec<Prepared>) -> Result<()> {
        for p in prepared {
            self.write(p)?;
        }
        Ok(())
    }

    fn write(&mut self, mut p: Prepared) -> Result<()> {
        let Some(extraction) = &p.extraction else {
            self.summary.duplicate += 1;
            return Ok(());
        };
        self.begin()?;
        if self.store.find_by_hash(&p.hash)?.is_some() {
            self.summary.duplicate += 1;
            return Ok(());
        }
        if p.article.published.precision == Precision::Unknown && !self.cfg.quiet {
            self.cfg.talk.say(&format!(
                "warning: {}: no publication date found (use --date); stored with an unknown date",
                crate::output::escape_controls(&p.article.origin)
            ));
        }
        let copy_of = self.original_of(&p.sketch)?;
        let (joins, new_threads, touched) = match copy_of {
            // A copy joins its original's threads and leaves the profiles alone (its terms
            // would count the same story twice).
            Some(original) => self.assign_copy(original)?,
            None => self.assign(&p.article, extraction, &p.terms),
        };
        let profiles: Vec<(String, String)> = touched
            .iter()
            .filter_map(|i| {
                let pr = &self.profiles[*i];
                serde_json::to_string(pr).ok().map(|j| (pr.slug.clone(), j))
            })
            .collect();
        let new = NewArticle {
            article: &p.article,
            hash: &p.hash,
            extraction,
            threads: joins,
            new_threads: new_threads.clone(),
            profiles,
            copy_of,
            bands: &p.sketch.bands,
            profile: &p.sketch.profile,
        };
        match self.store.put_article(&new) {
            Ok(Inserted::New { id, .. }) => {
                if copy_of.is_none() && !p.sketch.bands.is_empty() {
                    let published = Store::as_stored(p.article.published);
                    let shingles = std::mem::take(&mut p.sketch.shingles);
                    let profile = p.sketch.profile.clone();
                    self.shingles.insert(id, published, shingles, profile);
                }
                self.summary.new += 1;
                self.summary.copies += usize::from(copy_of.is_some());
                self.summary.claims += extraction.claims.len();
                if !extraction.claims.is_empty() && copy_of.is_none() {
                    self.touched
                        .extend(new.threads.iter().map(|(slug, _)| slug.clone()));
                }
                if !self.cfg.quiet {
                    for d in &p.diagnostics {
                        if d.code == DiagCode::PublicationDateUnknown {
                            continue;
                        }
                        self.cfg.talk.say(&format!(
                            "note: {}: {}",
                            crate::output::escape_controls(&p.article.origin),
                            crate::output::escape_controls(&d.message)
                        ));
                    }
                }
            }
            Ok(Inserted::Duplicate { .. }) => self.summary.duplicate += 1,
            Err(e) => {
                // The article's savepoint rolled back: forget the in-memory profile changes too.
                self.cfg.talk.say(&format!(
                    "{}: {}",
                    crate::output::escape_controls(&p.article.origin),
                    crate::output::escape_controls(&e.to_string())
                ));
                self.summary.failed += 1;
                self.profiles = load_profiles(self.store)?;
            }
        }
        if self.store.batch_len() >= BATCH_ARTICLES || self.batch_start.elapsed() >= BATCH_TIME {
            self.commit()?;
            // Leave a gap before the next batch so a waiting writer can take the lock
            // (without it a long ingest starves a concurrent one).
            std::thread::sleep(LOCK_YIELD);
        }
        Ok(())
    }

    /// The earliest stored original that the article with this sketch nearly duplicates
    /// (see [`copies`] for the threshold), if any.
    fn original_of(&mut self, sketch: &Sketch) -> Result<Option<i64>> {
        if sketch.bands.is_empty() {
            return Ok(None);
        }
        let cache = &self.shingles;
        let may = |profile: &[u8]| copies::may_be_copy(sketch, profile);
        let candidates = self.store.copy_candidates_with(
            &sketch.bands,
            |id| cache.get(id).map(|c| c.published),
            Some(&may),
        )?;
        for (id, published, body) in candidates {
            let found = match body {
                Some(body) => {
                    let other = copies::shingles(&body);
                    let found = copies::is_copy_of_shingles(sketch, &other);
                    let profile = copies::profile(&other);
                    self.shingles.insert(id, published, other, profile);
                    found
                }
                None => self
                    .shingles
                    .get(id)
                    .is_some_and(|c| c.is_original_of(sketch)),
            };
            if found {
                return Ok(Some(id));
            }
        }
        Ok(None)
    }

    /// Threads for a syndicated copy: its original's (or the fixed thread), no profile change.
    fn assign_copy(&mut self, original: i64) -> Result<Assignment> {
        match &self.cfg.thread {
            ThreadMode::Fixed(slug) => {
                let mut new_threads = Vec::new();
                if !self.profiles.iter().any(|pr| &pr.slug == slug) {
                    let t = Thread {
                        slug: slug.clone(),
                        title: slug.clone(),
                        manual: true,
                        ..Default::default()
                    };
                    self.profiles.push(Profile::from_thread(&t));
                    new_threads.push(t);
                }
                Ok((vec![(slug.clone(), 1.0)], new_threads, Vec::new()))
            }
            ThreadMode::Auto => Ok((
                self.store.article_threads(original)?,
                Vec::new(),
                Vec::new(),
            )),
        }
    }

    /// Decide the article's threads; returns (joins, threads to create, indexes of changed profiles).
    fn assign(
        &mut self,
        article: &Article,
        extraction: &Extraction,
        terms: &[(String, f32)],
    ) -> (Vec<(String, f32)>, Vec<Thread>, Vec<usize>) {
        let mut joins: Vec<(String, f32)> = Vec::new();
        let mut new_threads = Vec::new();
        match &self.cfg.thread {
            ThreadMode::Fixed(slug) => {
                if !self.profiles.iter().any(|pr| &pr.slug == slug) {
                    let t = Thread {
                        slug: slug.clone(),
                        title: slug.clone(),
                        manual: true,
                        ..Default::default()
                    };
                    self.profiles.push(Profile::from_thread(&t));
                    new_threads.push(t);
                }
                joins.push((slug.clone(), 1.0));
            }
            ThreadMode::Auto => {
                let a = thread::assign_with_terms(
                    article,
                    extraction,
                    terms,
                    &self.profiles,
                    &thread::AssignConfig::default(),
                );
                joins = a.joins;
                if let Some((slug, title)) = a.new_thread {
                    let slug = unique_slug(&slug, &self.profiles);
                    let t = Thread {
                        slug: slug.clone(),
                        title,
                        manual: false,
                        ..Default::default()
                    };
                    self.profiles.push(Profile::from_thread(&t));
                    new_threads.push(t);
                    joins.push((slug, 1.0));
                }
            }
        }
        let index: HashMap<String, usize> = self
            .profiles
            .iter()
            .enumerate()
            .map(|(i, p)| (p.slug.clone(), i))
            .collect();
        let mut touched = Vec::new();
        for (slug, _) in &joins {
            if let Some(&i) = index.get(slug) {
                thread::absorb(
                    &mut self.profiles[i],
                    terms,
                    extraction,
                    article.published.date,
                );
                touched.push(i);
            }
        }
        (joins, new_threads, touched)
    }
}

fn unique_slug(base: &str, profiles: &[Profile]) -> String {
    let base = if base.is_empty() { "thread" } else { base };
    if !profiles.iter().any(|p| p.slug == base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|s| !profiles.iter().any(|p| &p.slug == s))
        .unwrap_or_default()
}

fn load_profiles(store: &Store) -> Result<Vec<Profile>> {
    Ok(store
        .thread_profiles()?
        .into_iter()
        .map(|(t, json)| {
            let mut p: Profile =
                serde_json::from_str(&json).unwrap_or_else(|_| Profile::from_thread(&t));
            // The thread row is the truth for rules and names (renames, merges).
            p.slug = t.slug.clone();
            p.keywords = t.keywords.clone();
            p.actors = t.actors.clone();
            p.manual = t.manual;
            p
        })
        .collect())
}

/// Recompute a thread's contradictions from all its stored claims (after an ingest run or
/// a merge); returns how many pairs are new.
///
/// Streamed ([`contradict::stream`]): claims are read in date order a chunk at a time and
/// only those later claims can still pair with stay in memory; the result is
/// [`contradict::detect`]'s on all the thread's claims.
pub fn recompute_contradictions(store: &mut Store, slug: &str, window_days: i64) -> Result<usize> {
    use contradict::stream::{crossing_claims, explain_crossings, Stream};
    let opts = contradict::Options {
        window_days,
        ..Default::default()
    };
    Ok(store.sync_contradictions_with(slug, |sync| {
        let mut stream = Stream::new(slug, &opts);
        sync.for_each_chunk(4_096, |claims| stream.push(claims))?;
        let (rest, crossings, _) = stream.finish();
        sync.stage(&rest)?;
        for pairs in crossings.chunks(4_096) {
            let claims = sync.claims(&crossing_claims(pairs))?;
            sync.stage(&explain_crossings(slug, pairs, &claims))?;
        }
        Ok(())
    })?)
}

/// Everything the report module draws for one thread.
pub fn report_data(store: &Store, slug: &str) -> Result<ReportData> {
    let thread = store.thread(slug)?;
    Ok(ReportData {
        thread,
        articles: store.articles(Some(slug))?,
        claims: store.thread_claims(slug)?,
        events: store.events(Some(slug))?,
        contradictions: store.contradictions(Some(slug), None)?,
    })
}

/// What a thread gained with the articles `new` (e.g. those ingested since a time): the
/// contradictions with a claim from one of them, strongest first, and their claims, for the
/// report's "New since …" section.
pub fn new_since(
    store: &Store,
    slug: &str,
    new: &std::collections::HashSet<i64>,
    label: &str,
) -> Result<NewSince> {
    Ok(NewSince {
        label: label.to_string(),
        contradictions: store
            .contradictions(Some(slug), None)?
            .into_iter()
            .filter(|x| new.contains(&x.a.article_id) || new.contains(&x.b.article_id))
            .collect(),
        claims: store
            .thread_claims(slug)?
            .into_iter()
            .filter(|c| new.contains(&c.article_id))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;
    use crate::ingest::Format;

    /// The contradictions of a database as content: (kind, the two claim texts in order).
    fn found(store: &Store) -> Vec<(String, String, String)> {
        let mut v: Vec<(String, String, String)> = store
            .contradictions(None, None)
            .unwrap()
            .into_iter()
            .map(|x| {
                let (a, b) = (x.a.claim.text.clone(), x.b.claim.text.clone());
                let (a, b) = if a <= b { (a, b) } else { (b, a) };
                (x.contradiction.kind.as_str().to_string(), a, b)
            })
            .collect();
        v.sort();
        v
    }

    fn cfg() -> IngestConfig {
        IngestConfig {
            read: ReadOptions {
                format: Format::Auto,
                date: None,
                follow_symlinks: false,
            },
            thread: ThreadMode::Fixed("demo".into()),
            window_days: 7,
            quiet: true,
            talk: Talk::silent(),
        }
    }

    /// Issue 17: detection is a function of the stored claims, not of batching, file order
    /// or the number of runs.
    #[test]
    fn issue_17_detection_does_not_depend_on_batching_order_or_runs() {
        let inputs = demo::inputs();
        let mut one = Store::open_in_memory().unwrap();
        ingest(&mut one, &inputs, &cfg()).unwrap();
        let expect = found(&one);
        assert!(expect.len() > 10, "the demo corpus has contradictions");

        // One run per article, in reverse order.
        let mut each = Store::open_in_memory().unwrap();
        for input in demo::inputs().into_iter().rev() {
            ingest(&mut each, &[input], &cfg()).unwrap();
        }
        assert_eq!(found(&each), expect, "one run per article, reversed");

        // Two runs, the halves interleaved.
        let mut two = Store::open_in_memory().unwrap();
        let (odd, even): (Vec<_>, Vec<_>) = demo::inputs()
            .into_iter()
            .enumerate()
            .partition(|(i, _)| i % 2 == 1);
        for half in [odd, even] {
            let half: Vec<Input> = half.into_iter().map(|(_, x)| x).collect();
            ingest(&mut two, &half, &cfg()).unwrap();
        }
        assert_eq!(found(&two), expect, "two runs");
    }

    /// Issue 14, item 2: in a dense thread (90 wire stories on one day: more claims per
    /// bucket than the detector's nearest-candidates bound) the contradictions still do not
    /// depend on file order or on how the articles are split into runs.
    #[test]
    fn issue_14_dense_thread_detection_does_not_depend_on_order_or_runs() {
        let day = chrono::NaiveDate::from_ymd_opt(2016, 9, 12).unwrap();
        let mut rng = crate::synth::Rng::new(5);
        let pages: Vec<Input> = (0..90)
            .map(|i| {
                let page = crate::synth::article(i, day, &mut rng);
                Input::Memory(format!("wire/{i:03}.txt"), page.into_bytes())
            })
            .collect();
        let mut one = Store::open_in_memory().unwrap();
        ingest(&mut one, &pages, &cfg()).unwrap();
        let expect = found(&one);
        assert!(expect.len() > 50, "{}", expect.len());

        let mut three = Store::open_in_memory().unwrap();
        let mut reversed = pages.clone();
        reversed.reverse();
        for run in reversed.chunks(31) {
            ingest(&mut three, run, &cfg()).unwrap();
        }
        assert_eq!(found(&three), expect);
    }

    /// Issue 14, item 3: eight near-identical copies of every page (one line added to each)
    /// give the same contradictions as one copy; the other seven are stored, linked to it.
    #[test]
    fn issue_14_eight_copies_of_a_page_give_the_contradictions_of_one() {
        let copy = |n: usize| -> Vec<Input> {
            // The pages (a feed's entries would not carry the added line).
            demo::articles()
                .into_iter()
                .filter(|f| f.path().extension().is_some_and(|e| e == "txt"))
                .map(|f| {
                    let mut bytes = f.contents().to_vec();
                    bytes.extend_from_slice(
                        format!("\n\nThis story was distributed to member site {n} by the wire.\n")
                            .as_bytes(),
                    );
                    Input::Memory(format!("site{n}/{}", f.path().display()), bytes)
                })
                .collect()
        };
        let mut one = Store::open_in_memory().unwrap();
        let s1 = ingest(&mut one, &copy(1), &cfg()).unwrap();
        let expect = found(&one);
        assert!(expect.len() > 10, "the demo corpus has contradictions");

        let mut eight = Store::open_in_memory().unwrap();
        let pages = copy(1).len();
        let mut all = Vec::new();
        for page in 0..pages {
            for n in 1..=8 {
                all.push(copy(n).swap_remove(page));
            }
        }
        let s8 = ingest(&mut eight, &all, &cfg()).unwrap();
        assert_eq!(found(&eight), expect);
        // Where a page ends in furniture that `clean` cuts (a copyright tail ...), the added
        // line goes with it and the copy is a plain duplicate; every other copy is linked.
        assert_eq!(s8.new + s8.duplicate, 8 * s1.new);
        assert!(s8.copies > 4 * s1.new, "{s8:?}");
        assert_eq!(s8.new - s8.copies, s1.new - s1.copies);

        // Every extra copy is linked to the first copy of its page, and counts stay those of one.
        let articles = eight.articles(None).unwrap();
        assert_eq!(
            articles.iter().filter(|a| a.copy_of.is_none()).count(),
            s1.new - s1.copies
        );
        let counts = |s: &Store| {
            let t = s.threads().unwrap();
            (t[0].claims, t[0].events, t[0].contradictions)
        };
        assert_eq!(counts(&eight), counts(&one));
        assert_eq!(
            eight.events(None).unwrap().len(),
            one.events(None).unwrap().len()
        );
    }
}
