//! SQLite storage: the only module that touches rusqlite. Migrations, one transaction per article, row <-> struct mapping.

use std::collections::HashSet;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Once;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::model::{
    ActorKind, Article, Claim, ClaimKind, Contradiction, ContradictionKind, DateValue, Event,
    Extraction, FetchRecord, Figure, GazetteerEntry, Precision, Source, Span, StoredArticle,
    StoredClaim, StoredContradiction, StoredEvent, Thread, ThreadSummary,
};

/// The schema, in order. Applied migrations are tracked in `PRAGMA user_version`.
/// Never edit a shipped file: add a new one at the end.
pub const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_init", include_str!("../schema/0001_init.sql")),
    ("0002_search", include_str!("../schema/0002_search.sql")),
    (
        "0003_figure_claims",
        include_str!("../schema/0003_figure_claims.sql"),
    ),
    (
        "0004_contradiction_proposition",
        include_str!("../schema/0004_contradiction_proposition.sql"),
    ),
    (
        "0005_actor_periods",
        include_str!("../schema/0005_actor_periods.sql"),
    ),
    ("0006_sources", include_str!("../schema/0006_sources.sql")),
    ("0007_copies", include_str!("../schema/0007_copies.sql")),
];

/// Store errors. Messages are one line, name the database where it matters, and never carry
/// raw SQLite codes or SQL text (rusqlite's errors are described with [`describe`]).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open database {path}: {}", describe(err))]
    Open { path: String, err: rusqlite::Error },
    #[error("no database at {path}; ingest something first or pass --db")]
    Missing { path: String },
    #[error("database {path} is read-only; this command writes to it (check the file's and its folder's permissions)")]
    ReadOnly { path: String },
    #[error("database {path} is damaged ({detail}); restore it from a backup or recover it with `sqlite3 {path} .recover`")]
    Corrupt { path: String, detail: String },
    #[error("database {path} has schema version {found}, newer than this build knows ({known}); upgrade storyline")]
    TooNew {
        path: String,
        found: i64,
        known: i64,
    },
    #[error("database {path}: migration {name} failed: {}", describe(err))]
    Migration {
        path: String,
        name: String,
        err: rusqlite::Error,
    },
    #[error("no thread named {0}")]
    UnknownThread(String),
    #[error("a thread named {0} already exists")]
    ThreadExists(String),
    #[error("database error: {}", describe(.0))]
    Sql(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        StoreError::Sql(e)
    }
}

/// One plain line for a rusqlite error: SQLite's own message, without "Error code 1544" or
/// the SQL text of a failed statement.
pub fn describe(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqliteFailure(err, Some(msg)) if !msg.is_empty() => {
            plain(err.code, msg).to_string()
        }
        rusqlite::Error::SqliteFailure(err, _) => {
            plain(err.code, rusqlite::ffi::code_to_str(err.extended_code)).to_string()
        }
        rusqlite::Error::SqlInputError { msg, .. } => msg.clone(),
        other => other.to_string(),
    }
}

/// SQLite's wording, or ours where its own is obscure.
fn plain(code: rusqlite::ErrorCode, msg: &str) -> &str {
    match code {
        rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked => {
            "locked by another process"
        }
        rusqlite::ErrorCode::DiskFull => "the disk is full",
        rusqlite::ErrorCode::ReadOnly => "the database is read-only",
        rusqlite::ErrorCode::CannotOpen => {
            "cannot open the file (check that its folder exists and is writable)"
        }
        rusqlite::ErrorCode::NotADatabase => "not a storyline database (not an SQLite file)",
        _ => msg,
    }
}

fn code_of(e: &StoreError) -> Option<rusqlite::ErrorCode> {
    match e {
        StoreError::Sql(rusqlite::Error::SqliteFailure(f, _))
        | StoreError::Open {
            err: rusqlite::Error::SqliteFailure(f, _),
            ..
        }
        | StoreError::Migration {
            err: rusqlite::Error::SqliteFailure(f, _),
            ..
        } => Some(f.code),
        _ => None,
    }
}

impl StoreError {
    /// Another connection holds the write lock longer than the busy timeout: worth retrying.
    pub fn is_busy(&self) -> bool {
        matches!(
            code_of(self),
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
        )
    }

    /// The database file is damaged (or is not a database at all).
    pub fn is_corrupt(&self) -> bool {
        matches!(self, StoreError::Corrupt { .. })
            || matches!(
                code_of(self),
                Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
            )
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// The database.
pub struct Store {
    conn: Connection,
    path: String,
    /// Open batch transaction (see [`Store::begin_batch`]), if any.
    batch: Option<Batch>,
    /// How long a writer waits for another process's write lock before giving up.
    lock_timeout: Duration,
}

/// Default for [`Store::lock_timeout`] (the CLI's `--lock-timeout`).
pub const DEFAULT_LOCK_TIMEOUT: Duration = Duration::from_secs(120);

/// A batch transaction: each article sits in its own savepoint inside it, and contradiction
/// detection for all of the batch's claims runs once, just before the commit.
#[derive(Default)]
struct Batch {
    /// Per thread id: (slug, the batch's new claims in insertion order).
    pending: Vec<(i64, String, Vec<StoredClaim>)>,
    articles: usize,
}

/// Everything one article adds, written in one transaction.
pub struct NewArticle<'a> {
    pub article: &'a Article,
    pub hash: &'a str,
    pub extraction: &'a Extraction,
    /// Threads the article joins: (slug, score). Threads in `new_threads` are created first.
    pub threads: Vec<(String, f32)>,
    pub new_threads: Vec<Thread>,
    /// Updated automatic-assignment profiles (slug, JSON).
    pub profiles: Vec<(String, String)>,
    /// The original this article is a syndicated copy of: its claims are stored but take no
    /// part in detection or counts, and it is not indexed as an original.
    pub copy_of: Option<i64>,
    /// MinHash band keys of an original's body (`copies::sketch`), indexed for later copies.
    pub bands: &'a [i64],
}

/// What happened to one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inserted {
    New { id: i64, contradictions: usize },
    Duplicate { id: i64 },
}

/// Finds contradictions between the new claims of an article and existing claims of a thread.
/// The store loads the candidates; the caller supplies the rules.
pub type Detector<'a> = &'a dyn Fn(&str, &[StoredClaim], &[StoredClaim]) -> Vec<Contradiction>;

/// Filters for `claims`.
#[derive(Debug, Clone, Default)]
pub struct ClaimFilter {
    pub thread: Option<String>,
    pub actor: Option<String>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub article: Option<i64>,
    /// Include the claims of syndicated copies (left out by default: they repeat their original's).
    pub copies: bool,
}

/// A full-text search hit.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SearchHit {
    /// "claim" or "article".
    pub kind: String,
    pub id: i64,
    pub article_id: i64,
    pub title: String,
    pub snippet: String,
    pub rank: f64,
}

impl Store {
    /// Open (creating if needed) and migrate the database at `path`, for writing. A read-only
    /// file or folder is refused here, once, naming the database; a file this call created is
    /// removed again when opening fails.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_upto(path, MIGRATIONS.len())
    }

    /// Open applying only the first `n` migrations (tests use it to make an older database).
    pub fn open_upto(path: &Path, n: usize) -> Result<Store> {
        // Create the file ourselves (SQLite takes an empty file as an empty database), so we
        // know whether this call made it.
        let created = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .is_ok();
        let result = Store::open_rw(path, n);
        if let Err(e) = &result {
            // Leave nothing behind: a failed first open must not leave an empty database. Not
            // on a lock conflict, though: then another process is using the file.
            if created && !e.is_busy() {
                for suffix in ["", "-wal", "-shm", "-journal"] {
                    let mut p = path.as_os_str().to_owned();
                    p.push(suffix);
                    let _ = std::fs::remove_file(p);
                }
            }
        }
        result
    }

    fn open_rw(path: &Path, n: usize) -> Result<Store> {
        let shown = path.display().to_string();
        watch_recoveries();
        let (before, wal_was_there) = (recoveries(), wal_left_behind(path));
        let open_err = |err| StoreError::Open {
            path: shown.clone(),
            err,
        };
        let conn = Connection::open(path).map_err(open_err)?;
        // SQLite falls back to read-only when the file is not writable.
        if conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false) {
            return Err(StoreError::ReadOnly { path: shown });
        }
        let mut store = Store {
            conn,
            path: shown.clone(),
            batch: None,
            lock_timeout: DEFAULT_LOCK_TIMEOUT,
        };
        // Two processes creating one database at once: switching it to WAL needs a lock SQLite
        // will not wait for (it would deadlock), so wait here, up to the lock timeout.
        let start = std::time::Instant::now();
        loop {
            match store.configure() {
                Ok(()) => break,
                Err(e) if e.is_busy() && start.elapsed() < store.lock_timeout => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(e) => return Err(store.named(e)),
            }
        }
        if unclean(before, wal_was_there) {
            store.quick_check()?;
        }
        store.migrate(n).map_err(|e| store.named(e))?;
        store.check_writable()?;
        Ok(store)
    }

    /// Open an existing database for reading only (listings, reports, exports): a missing
    /// file is an error, not a new empty database, and no write access is needed. A database
    /// from an older build is migrated first (which does need write access).
    pub fn open_read(path: &Path) -> Result<Store> {
        let shown = path.display().to_string();
        if !path.exists() {
            return Err(StoreError::Missing { path: shown });
        }
        watch_recoveries();
        let (before, wal_was_there) = (recoveries(), wal_left_behind(path));
        // Most ordinary first: a read-write handle that refuses writes (its last close tidies
        // the -wal and -shm files away), a read-only handle (the file is read-only), and an
        // immutable one (the folder cannot take -wal/-shm files: read-only media, full disk).
        let mut conn = None;
        let mut first_err = None;
        for mode in [ReadMode::QueryOnly, ReadMode::ReadOnly, ReadMode::Immutable] {
            match read_connection(path, mode) {
                Ok(c) => {
                    conn = Some(c);
                    break;
                }
                Err(err) => {
                    let corrupt = matches!(&err, rusqlite::Error::SqliteFailure(f, _)
                        if matches!(f.code, rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase));
                    if corrupt {
                        return Err(StoreError::Corrupt {
                            path: shown,
                            detail: describe(&err),
                        });
                    }
                    first_err.get_or_insert(err);
                }
            }
        }
        let Some(conn) = conn else {
            return Err(StoreError::Open {
                path: shown,
                err: first_err.unwrap_or(rusqlite::Error::InvalidQuery),
            });
        };
        let store = Store {
            conn,
            path: shown.clone(),
            batch: None,
            lock_timeout: DEFAULT_LOCK_TIMEOUT,
        };
        if unclean(before, wal_was_there) {
            store.quick_check()?;
        }
        let version = store.schema_version().map_err(|e| store.named(e))?;
        let known = MIGRATIONS.len() as i64;
        if version > known {
            return Err(StoreError::TooNew {
                path: shown,
                found: version,
                known,
            });
        }
        if version < known {
            drop(store);
            Store::open(path)?;
            return Store::open_read(path);
        }
        Ok(store)
    }

    /// Put the database's name on an error met while opening it.
    fn named(&self, e: StoreError) -> StoreError {
        match e {
            StoreError::Sql(err) if self.is_corrupt_err(&err) => StoreError::Corrupt {
                path: self.path.clone(),
                detail: describe(&err),
            },
            StoreError::Sql(err) => StoreError::Open {
                path: self.path.clone(),
                err,
            },
            StoreError::Migration { name, err, .. } => StoreError::Migration {
                path: self.path.clone(),
                name,
                err,
            },
            other => other,
        }
    }

    fn is_corrupt_err(&self, err: &rusqlite::Error) -> bool {
        matches!(err, rusqlite::Error::SqliteFailure(f, _)
            if matches!(f.code, rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase))
    }

    /// `PRAGMA quick_check`: run on open when the last session did not shut down cleanly, so a
    /// damaged file is reported at once, by name, rather than by a later query.
    pub fn quick_check(&self) -> Result<()> {
        let rows: rusqlite::Result<Vec<String>> = self
            .conn
            .prepare("PRAGMA quick_check(5)")
            .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect());
        match rows {
            Ok(r) if r.len() == 1 && r[0] == "ok" => Ok(()),
            Ok(r) => Err(StoreError::Corrupt {
                path: self.path.clone(),
                detail: r.join("; "),
            }),
            Err(err) => Err(StoreError::Corrupt {
                path: self.path.clone(),
                detail: describe(&err),
            }),
        }
    }

    /// Refuse up front when the database cannot be written (a read-only folder, where the
    /// write-ahead log cannot be created): one error naming the database, not one per article.
    /// A lock held by another writer is not a refusal (the caller waits for it).
    fn check_writable(&self) -> Result<()> {
        // Do not wait for a writer here: a held lock already proves the database writable
        // enough, and the ingest writer reports its own waiting.
        self.conn.busy_timeout(Duration::ZERO)?;
        let probe = self.conn.execute_batch("BEGIN IMMEDIATE; ROLLBACK");
        self.conn.busy_timeout(self.lock_timeout)?;
        match probe {
            Ok(()) => Ok(()),
            Err(e) => {
                let e = StoreError::Sql(e);
                if e.is_busy() {
                    return Ok(());
                }
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(match code_of(&e) {
                    Some(rusqlite::ErrorCode::ReadOnly) => StoreError::ReadOnly {
                        path: self.path.clone(),
                    },
                    _ => self.named(e),
                })
            }
        }
    }

    /// A private in-memory database, fully migrated.
    pub fn open_in_memory() -> Result<Store> {
        watch_recoveries();
        let conn = Connection::open_in_memory()?;
        let mut store = Store {
            conn,
            path: ":memory:".into(),
            batch: None,
            lock_timeout: DEFAULT_LOCK_TIMEOUT,
        };
        store.configure()?;
        store.migrate(MIGRATIONS.len())?;
        Ok(store)
    }

    fn configure(&mut self) -> Result<()> {
        self.conn.busy_timeout(self.lock_timeout)?;
        // journal_mode returns a row; WAL lets readers work while an ingest writes.
        let _: String = self
            .conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        // temp_store: the per-article savepoints of a batch journal to memory, not a temp file.
        // cache_size: 64 MB of pages (default 2 MB) keeps the index B-trees of a big
        // database hot while a batch writes.
        self.conn.execute_batch(
            "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;
             PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;",
        )?;
        Ok(())
    }

    fn migrate(&mut self, upto: usize) -> Result<()> {
        let known = MIGRATIONS.len() as i64;
        let current = self.schema_version()?;
        if current > known {
            return Err(StoreError::TooNew {
                path: self.path.clone(),
                found: current,
                known,
            });
        }
        for (i, (name, sql)) in MIGRATIONS
            .iter()
            .enumerate()
            .take(upto)
            .skip(current as usize)
        {
            // IMMEDIATE: two processes opening a fresh database at once must not both migrate.
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let now: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            if now > i as i64 {
                continue;
            }
            tx.execute_batch(sql).map_err(|err| StoreError::Migration {
                path: self.path.clone(),
                name: name.to_string(),
                err,
            })?;
            tx.execute_batch(&format!("PRAGMA user_version = {}", i + 1))?;
            tx.commit()?;
        }
        Ok(())
    }

    /// Number of migrations applied.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// The article id with this content hash, if stored.
    pub fn find_by_hash(&self, hash: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM article WHERE content_hash = ?1",
                params![hash],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The database path as given (":memory:" for an in-memory database).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Open a read-only connection to the database at `path` (`None` for ":memory:" or when
    /// it cannot be opened). Extraction workers use it to skip articles that are already stored.
    pub fn open_reader(path: &str) -> Option<Store> {
        if path == ":memory:" {
            return None;
        }
        watch_recoveries();
        let conn = Connection::open_with_flags(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .ok()?;
        conn.busy_timeout(Duration::from_secs(30)).ok()?;
        Some(Store {
            conn,
            path: path.to_string(),
            batch: None,
            lock_timeout: DEFAULT_LOCK_TIMEOUT,
        })
    }

    /// Store one article with its extraction, thread memberships and the contradictions its
    /// claims raise, all in one transaction. A duplicate (same content hash) changes nothing.
    ///
    /// Inside a batch ([`Store::begin_batch`]) the article's rows go in a savepoint instead (a
    /// failed article rolls back alone) and detection waits for [`Store::commit_batch`]; the
    /// result then reports 0 contradictions. With no detector (`None`, as ingest runs: it
    /// detects over whole threads after the run) no contradiction work is done at all.
    pub fn insert_article(
        &mut self,
        new: &NewArticle,
        detect: Option<Detector>,
        window_days: i64,
    ) -> Result<Inserted> {
        if self.batch.is_some() {
            return self.insert_in_batch(new);
        }
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let (article_id, thread_ids, new_claims) = match write_article(&tx, new)? {
            Written::Duplicate(id) => return Ok(Inserted::Duplicate { id }),
            Written::New {
                article_id,
                thread_ids,
                claims,
            } => (article_id, thread_ids, claims),
        };
        let mut found = 0;
        if let Some(detect) = detect.filter(|_| !new_claims.is_empty()) {
            for (tid, slug) in &thread_ids {
                let existing = candidate_claims(&tx, *tid, &new_claims, window_days)?;
                found += insert_contradictions(&tx, *tid, &detect(slug, &new_claims, &existing))?;
            }
        }
        tx.commit()?;
        Ok(Inserted::New {
            id: article_id,
            contradictions: found,
        })
    }

    /// Start a batch transaction (`BEGIN IMMEDIATE`): following [`Store::insert_article`] calls
    /// each get a savepoint, and nothing is visible to other connections (nor survives a crash)
    /// until [`Store::commit_batch`]. So an article's rows still commit together or not at all.
    pub fn begin_batch(&mut self) -> Result<()> {
        if self.batch.is_none() {
            self.conn.execute_batch("BEGIN IMMEDIATE")?;
            self.batch = Some(Batch::default());
        }
        Ok(())
    }

    /// SQLite's `PRAGMA data_version`: changes when another connection commits, so a writer
    /// knows whether what it read before is still current.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// True while a batch transaction is open.
    pub fn in_batch(&self) -> bool {
        self.batch.is_some()
    }

    /// How long writes wait for another process's write lock (`--lock-timeout`).
    pub fn lock_timeout(&self) -> Duration {
        self.lock_timeout
    }

    /// Set the lock timeout; single statements (thread, actor commands) wait this long in
    /// SQLite's busy handler. The ingest writer polls on its own and reports while it waits.
    pub fn set_lock_timeout(&mut self, d: Duration) -> Result<()> {
        self.lock_timeout = d;
        self.conn.busy_timeout(d)?;
        Ok(())
    }

    /// Set only SQLite's busy handler timeout (the ingest writer keeps it short and polls).
    pub fn set_busy_timeout(&mut self, d: Duration) -> Result<()> {
        self.conn.busy_timeout(d)?;
        Ok(())
    }

    /// Articles inserted in the open batch (0 when none is open).
    pub fn batch_len(&self) -> usize {
        self.batch.as_ref().map_or(0, |b| b.articles)
    }

    /// Find the contradictions raised by the batch's claims (one detection per thread, with
    /// candidates loaded once) and commit everything. Returns the contradictions stored.
    /// With no detector (`None`) it only commits. On error the whole batch is rolled back.
    pub fn commit_batch(&mut self, detect: Option<Detector>, window_days: i64) -> Result<usize> {
        let Some(batch) = self.batch.take() else {
            return Ok(0);
        };
        let run = || -> Result<usize> {
            let mut found = 0;
            // Without a detector there is nothing to compare: commit only.
            if let Some(detect) = detect {
                for (tid, slug, claims) in &batch.pending {
                    // Stance rules only pair claims of one frame: detecting frame by frame keeps
                    // one frame's candidates in memory at a time, with the same result.
                    let mut frames: Vec<&str> = claims
                        .iter()
                        .filter_map(|c| c.claim.frame.as_deref())
                        .collect();
                    frames.sort_unstable();
                    frames.dedup();
                    for frame in frames {
                        let new: Vec<StoredClaim> = claims
                            .iter()
                            .filter(|c| c.claim.frame.as_deref() == Some(frame))
                            .cloned()
                            .collect();
                        let existing = candidate_claims(&self.conn, *tid, &new, window_days)?;
                        found += insert_contradictions(
                            &self.conn,
                            *tid,
                            &detect(slug, &new, &existing),
                        )?;
                    }
                    // Figures are compared across frames (and frameless claims can state them):
                    // one more pass over the batch's figure claims. Pairs already stored by a
                    // frame pass are ignored by the unique index.
                    let figures: Vec<StoredClaim> = claims
                        .iter()
                        .filter(|c| !c.claim.figures.is_empty())
                        .cloned()
                        .collect();
                    if !figures.is_empty() {
                        let existing = candidate_claims(&self.conn, *tid, &figures, window_days)?;
                        found += insert_contradictions(
                            &self.conn,
                            *tid,
                            &detect(slug, &figures, &existing),
                        )?;
                    }
                }
            }
            self.conn.execute_batch("COMMIT")?;
            Ok(found)
        };
        match run() {
            Ok(n) => Ok(n),
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }

    /// Drop the open batch and everything in it.
    pub fn rollback_batch(&mut self) -> Result<()> {
        if self.batch.take().is_some() {
            self.conn.execute_batch("ROLLBACK")?;
        }
        Ok(())
    }

    fn insert_in_batch(&mut self, new: &NewArticle) -> Result<Inserted> {
        self.conn.execute_batch("SAVEPOINT article")?;
        match write_article(&self.conn, new) {
            Ok(Written::Duplicate(id)) => {
                self.conn.execute_batch("RELEASE article")?;
                Ok(Inserted::Duplicate { id })
            }
            Ok(Written::New {
                article_id,
                thread_ids,
                claims,
            }) => {
                self.conn.execute_batch("RELEASE article")?;
                let batch = self.batch.get_or_insert_with(Batch::default);
                batch.articles += 1;
                for (tid, slug) in thread_ids {
                    let i = match batch.pending.iter().position(|(t, _, _)| *t == tid) {
                        Some(i) => i,
                        None => {
                            batch.pending.push((tid, slug, Vec::new()));
                            batch.pending.len() - 1
                        }
                    };
                    batch.pending[i].2.extend(claims.iter().cloned());
                }
                Ok(Inserted::New {
                    id: article_id,
                    contradictions: 0,
                })
            }
            Err(e) => {
                self.conn
                    .execute_batch("ROLLBACK TO article; RELEASE article")?;
                Err(e)
            }
        }
    }

    /// Define a thread by rules (or an empty one).
    pub fn create_thread(&mut self, t: &Thread) -> Result<i64> {
        // IMMEDIATE: the existence check and the insert see the same database.
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        if thread_id(&tx, &t.slug).is_ok() {
            return Err(StoreError::ThreadExists(t.slug.clone()));
        }
        let id = insert_thread(&tx, t)?;
        tx.commit()?;
        Ok(id)
    }

    pub fn thread_exists(&self, slug: &str) -> Result<bool> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM thread WHERE slug = ?1",
                params![slug],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// Every thread with its automatic-assignment profile JSON.
    pub fn thread_profiles(&self) -> Result<Vec<(Thread, String)>> {
        let mut stmt = self.conn.prepare(
            "SELECT slug, title, keywords, actors, manual, profile FROM thread ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| Ok((thread_from_row(r)?, r.get::<_, String>(5)?)))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Move every article of `from` into `into` and delete `from`. Contradictions of `from` move too.
    pub fn merge_threads(&mut self, from: &str, into: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        let f = thread_id(&tx, from)?;
        let i = thread_id(&tx, into)?;
        tx.execute(
            "INSERT OR IGNORE INTO article_thread (thread_id, article_id, score)
             SELECT ?2, article_id, score FROM article_thread WHERE thread_id = ?1",
            params![f, i],
        )?;
        tx.execute(
            "INSERT OR IGNORE INTO contradiction (thread_id, kind, score, explanation, proposition, a, b)
             SELECT ?2, kind, score, explanation, proposition, a, b FROM contradiction WHERE thread_id = ?1",
            params![f, i],
        )?;
        tx.execute("DELETE FROM thread WHERE id = ?1", params![f])?;
        tx.commit()?;
        Ok(())
    }

    /// Rename a thread's slug (and optionally its title).
    pub fn rename_thread(&mut self, from: &str, to: &str, title: Option<&str>) -> Result<()> {
        let tx = self.conn.transaction()?;
        let id = thread_id(&tx, from)?;
        if from != to
            && tx
                .query_row("SELECT 1 FROM thread WHERE slug = ?1", params![to], |_| {
                    Ok(())
                })
                .optional()?
                .is_some()
        {
            return Err(StoreError::ThreadExists(to.to_string()));
        }
        tx.execute("UPDATE thread SET slug = ?2 WHERE id = ?1", params![id, to])?;
        if let Some(t) = title {
            tx.execute("UPDATE thread SET title = ?2 WHERE id = ?1", params![id, t])?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Make a thread's stored contradictions exactly `found`: pairs no longer found are
    /// deleted, pairs already stored keep their id (score and explanation refreshed), new
    /// pairs are inserted; one transaction. Returns how many pairs were new.
    pub fn sync_contradictions(&mut self, slug: &str, found: &[Contradiction]) -> Result<usize> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let tid = thread_id(&tx, slug)?;
        let mut keep: HashSet<(String, i64, i64)> = HashSet::new();
        let mut n = 0;
        for c in found {
            let (a, b) = if c.a <= c.b { (c.a, c.b) } else { (c.b, c.a) };
            keep.insert((c.kind.as_str().to_string(), a, b));
            let inserted = tx.execute(
                "INSERT OR IGNORE INTO contradiction (thread_id, kind, score, explanation, proposition, a, b)
                 VALUES (?1, ?2, ?3, ?4, ?7, ?5, ?6)",
                params![tid, c.kind.as_str(), c.score as f64, c.explanation, a, b, c.proposition],
            )?;
            if inserted == 0 {
                tx.execute(
                    "UPDATE contradiction SET score = ?5, explanation = ?6, proposition = ?7
                      WHERE thread_id = ?1 AND kind = ?2 AND a = ?3 AND b = ?4",
                    params![
                        tid,
                        c.kind.as_str(),
                        a,
                        b,
                        c.score as f64,
                        c.explanation,
                        c.proposition
                    ],
                )?;
            }
            n += inserted;
        }
        let stored: Vec<(i64, String, i64, i64)> = {
            let mut stmt =
                tx.prepare("SELECT id, kind, a, b FROM contradiction WHERE thread_id = ?1")?;
            let rows = stmt.query_map(params![tid], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?;
            rows.collect::<std::result::Result<_, _>>()?
        };
        for (id, kind, a, b) in stored {
            if !keep.contains(&(kind, a, b)) {
                tx.execute("DELETE FROM contradiction WHERE id = ?1", params![id])?;
            }
        }
        tx.commit()?;
        Ok(n)
    }

    /// Threads with their counts and date span.
    pub fn threads(&self) -> Result<Vec<ThreadSummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT t.slug, t.title, t.keywords, t.actors, t.manual, t.id,
                    (SELECT count(*) FROM article_thread at WHERE at.thread_id = t.id),
                    -- Claims and events of syndicated copies are not counted (schema/0007).
                    (SELECT count(*) FROM article_thread at JOIN claim c ON c.article_id = at.article_id
                      WHERE at.thread_id = t.id
                        AND at.article_id NOT IN (SELECT id FROM article WHERE copy_of IS NOT NULL)),
                    (SELECT count(*) FROM article_thread at JOIN event e ON e.article_id = at.article_id
                      WHERE at.thread_id = t.id
                        AND at.article_id NOT IN (SELECT id FROM article WHERE copy_of IS NOT NULL)),
                    (SELECT count(*) FROM contradiction x WHERE x.thread_id = t.id),
                    -- First and last date: walk the article_published index from either end
                    -- to the first member (reading every member's article row is slow).
                    (SELECT a.published FROM article a INDEXED BY article_published
                      WHERE a.published IS NOT NULL
                        AND EXISTS (SELECT 1 FROM article_thread at WHERE at.thread_id = t.id AND at.article_id = a.id)
                      ORDER BY a.published LIMIT 1),
                    (SELECT a.published FROM article a INDEXED BY article_published
                      WHERE a.published IS NOT NULL
                        AND EXISTS (SELECT 1 FROM article_thread at WHERE at.thread_id = t.id AND at.article_id = a.id)
                      ORDER BY a.published DESC LIMIT 1)
             FROM thread t ORDER BY t.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ThreadSummary {
                thread: thread_from_row(r)?,
                id: r.get(5)?,
                articles: r.get(6)?,
                claims: r.get(7)?,
                events: r.get(8)?,
                contradictions: r.get(9)?,
                first: parse_date(r.get::<_, Option<String>>(10)?),
                last: parse_date(r.get::<_, Option<String>>(11)?),
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// One thread by slug.
    pub fn thread(&self, slug: &str) -> Result<Thread> {
        self.conn
            .query_row(
                "SELECT slug, title, keywords, actors, manual FROM thread WHERE slug = ?1",
                params![slug],
                thread_from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::UnknownThread(slug.to_string()))
    }

    /// Articles, oldest first, optionally of one thread.
    pub fn articles(&self, thread: Option<&str>) -> Result<Vec<StoredArticle>> {
        let tid = self.opt_thread_id(thread)?;
        let mut stmt = self.conn.prepare(
            "SELECT a.id, a.url, a.source, a.title, a.published, a.published_precision, a.dateline, a.byline,
                    a.contributors, a.body, a.origin, a.summary_only,
                    (SELECT group_concat(t.slug, char(31)) FROM article_thread at JOIN thread t ON t.id = at.thread_id
                      WHERE at.article_id = a.id),
                    a.copy_of
             FROM article a
             WHERE ?1 IS NULL OR a.id IN (SELECT article_id FROM article_thread WHERE thread_id = ?1)
             ORDER BY a.published IS NULL, a.published, a.id",
        )?;
        let rows = stmt.query_map(params![tid], |r| {
            Ok(StoredArticle {
                id: r.get(0)?,
                article: Article {
                    url: r.get(1)?,
                    source: r.get(2)?,
                    title: r.get(3)?,
                    published: date_value(r.get(4)?, &r.get::<_, String>(5)?),
                    dateline: r.get(6)?,
                    byline: r.get(7)?,
                    contributors: from_json(&r.get::<_, String>(8)?),
                    body: r.get(9)?,
                    origin: r.get(10)?,
                    summary_only: r.get(11)?,
                },
                threads: slugs(r.get(12)?),
                copy_of: r.get(13)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Claims, ordered by date then id.
    pub fn claims(&self, f: &ClaimFilter) -> Result<Vec<StoredClaim>> {
        let tid = self.opt_thread_id(f.thread.as_deref())?;
        // Only the filters given go into the SQL: `?1 IS NULL OR ...` would keep SQLite from
        // using claim_actor_date (a full scan on a big database).
        let since = f.since.map(|d| d.to_string());
        let until = f.until.map(|d| d.to_string());
        let filters: [(&str, Option<&dyn rusqlite::ToSql>); 5] = [
            (
                "c.article_id IN (SELECT article_id FROM article_thread WHERE thread_id = ?N)",
                tid.as_ref().map(|v| v as &dyn rusqlite::ToSql),
            ),
            ("c.actor_code = ?N", f.actor.as_ref().map(|v| v as _)),
            ("c.date >= ?N", since.as_ref().map(|v| v as _)),
            ("c.date <= ?N", until.as_ref().map(|v| v as _)),
            ("c.article_id = ?N", f.article.as_ref().map(|v| v as _)),
        ];
        let mut conds: Vec<String> = Vec::new();
        if !f.copies {
            conds.push(NOT_A_COPY.to_string());
        }
        let mut values: Vec<&dyn rusqlite::ToSql> = Vec::new();
        for (cond, value) in filters {
            if let Some(v) = value {
                values.push(v);
                conds.push(cond.replace("?N", &format!("?{}", values.len())));
            }
        }
        let filter = if conds.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conds.join(" AND "))
        };
        let sql = format!("{CLAIM_SELECT} {filter} ORDER BY c.date IS NULL, c.date, c.id");
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(&values[..], claim_from_row)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Events, ordered by date then id.
    pub fn events(&self, thread: Option<&str>) -> Result<Vec<StoredEvent>> {
        let tid = self.opt_thread_id(thread)?;
        let mut stmt = self.conn.prepare(
            "SELECT e.id, e.article_id, e.date, e.date_precision, e.text, e.start, e.end, e.sentence,
                    e.sentence_start, e.sentence_end, e.actors, e.type, e.trigger, e.figures,
                    (SELECT group_concat(t.slug, char(31)) FROM article_thread at JOIN thread t ON t.id = at.thread_id
                      WHERE at.article_id = e.article_id)
             FROM event e
             WHERE (?1 IS NULL OR e.article_id IN (SELECT article_id FROM article_thread WHERE thread_id = ?1))
               AND e.article_id NOT IN (SELECT id FROM article WHERE copy_of IS NOT NULL)
             ORDER BY e.date IS NULL, e.date, e.id",
        )?;
        let rows = stmt.query_map(params![tid], |r| {
            Ok(StoredEvent {
                id: r.get(0)?,
                article_id: r.get(1)?,
                event: Event {
                    date: date_value(r.get(2)?, &r.get::<_, String>(3)?),
                    text: r.get(4)?,
                    span: span(r.get(5)?, r.get(6)?),
                    sentence: r.get(7)?,
                    sentence_span: span(r.get(8)?, r.get(9)?),
                    actors: from_json(&r.get::<_, String>(10)?),
                    event_type: r.get(11)?,
                    trigger: r.get(12)?,
                    figures: from_json(&r.get::<_, String>(13)?),
                },
                threads: slugs(r.get(14)?),
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Contradictions, strongest first, with both claims.
    pub fn contradictions(
        &self,
        thread: Option<&str>,
        kind: Option<ContradictionKind>,
    ) -> Result<Vec<StoredContradiction>> {
        let tid = self.opt_thread_id(thread)?;
        let mut stmt = self.conn.prepare(
            "SELECT x.id, t.slug, x.kind, x.score, x.explanation, x.a, x.b, x.proposition
             FROM contradiction x JOIN thread t ON t.id = x.thread_id
             WHERE (?1 IS NULL OR x.thread_id = ?1) AND (?2 IS NULL OR x.kind = ?2)
             ORDER BY x.score DESC, x.id",
        )?;
        let heads = stmt
            .query_map(params![tid, kind.map(|k| k.as_str())], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    Contradiction {
                        thread: r.get(1)?,
                        kind: ContradictionKind::parse(&r.get::<_, String>(2)?)
                            .unwrap_or(ContradictionKind::Opposing),
                        score: r.get::<_, f64>(3)? as f32,
                        explanation: r.get(4)?,
                        proposition: r.get(7)?,
                        a: r.get(5)?,
                        b: r.get(6)?,
                    },
                ))
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let mut out = Vec::with_capacity(heads.len());
        for (id, c) in heads {
            let a = self.claim(c.a)?;
            let b = self.claim(c.b)?;
            out.push(StoredContradiction {
                id,
                contradiction: c,
                a,
                b,
            });
        }
        Ok(out)
    }

    /// One claim by id.
    pub fn claim(&self, id: i64) -> Result<StoredClaim> {
        let sql = format!("{CLAIM_SELECT} WHERE c.id = ?1");
        Ok(self.conn.query_row(&sql, params![id], claim_from_row)?)
    }

    /// All claims of a thread (for recomputing its contradictions).
    pub fn thread_claims(&self, slug: &str) -> Result<Vec<StoredClaim>> {
        self.claims(&ClaimFilter {
            thread: Some(slug.to_string()),
            ..Default::default()
        })
    }

    /// Originals sharing a MinHash band with `bands` (candidates for `copies::is_copy`):
    /// (id, published, body), oldest first (by published date, then id).
    pub fn copy_candidates(&self, bands: &[i64]) -> Result<Vec<(i64, DateValue, String)>> {
        let mut ids = std::collections::BTreeSet::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT article_id FROM article_band WHERE band = ?1")?;
        for band in bands {
            for id in stmt.query_map(params![band], |r| r.get::<_, i64>(0))? {
                ids.insert(id?);
            }
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT published, published_precision, body FROM article WHERE id = ?1 AND copy_of IS NULL",
        )?;
        let mut out = Vec::new();
        for id in ids {
            if let Some((published, body)) = stmt
                .query_row(params![id], |r| {
                    Ok((date_value(r.get(0)?, &r.get::<_, String>(1)?), r.get(2)?))
                })
                .optional()?
            {
                out.push((id, published, body));
            }
        }
        out.sort_by_key(|(id, p, _)| (p.date.is_none(), p.date, *id));
        Ok(out)
    }

    /// The threads an article belongs to, with their scores (a copy joins its original's).
    pub fn article_threads(&self, id: i64) -> Result<Vec<(String, f32)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.slug, at.score FROM article_thread at JOIN thread t ON t.id = at.thread_id
             WHERE at.article_id = ?1 ORDER BY t.id",
        )?;
        let rows = stmt.query_map(params![id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, f64>(1)? as f32))
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Analyst-added and imported gazetteer entries: one per dated role (dated roles first, so
    /// the gazetteer's "first row that holds on the date" rule finds them before a default).
    pub fn user_actors(&self) -> Result<Vec<GazetteerEntry>> {
        let mut stmt = self.conn.prepare(
            "SELECT a.name, a.code, a.kind,
                    (SELECT group_concat(alias, char(31)) FROM actor_alias WHERE actor_id = a.id),
                    p.valid_from, p.valid_until
             FROM actor a LEFT JOIN actor_period p ON p.actor_id = a.id
             ORDER BY a.id, (coalesce(p.valid_from, '') = '' AND coalesce(p.valid_until, '') = ''),
                      p.valid_from",
        )?;
        let day = |s: Option<String>| {
            s.and_then(|s| chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
        };
        let rows = stmt.query_map([], |r| {
            Ok(GazetteerEntry {
                name: r.get(0)?,
                code: r.get(1)?,
                kind: ActorKind::parse(&r.get::<_, String>(2)?).unwrap_or(ActorKind::Person),
                aliases: slugs(r.get(3)?),
                from: day(r.get(4)?),
                until: day(r.get(5)?),
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Add an actor (or aliases to an existing one with the same name and code).
    pub fn add_actor(&mut self, e: &GazetteerEntry, country: Option<&str>) -> Result<()> {
        let tx = self.conn.transaction()?;
        insert_actor(&tx, e, country)?;
        tx.commit()?;
        Ok(())
    }

    /// Add many actors in one transaction (a CAMEO dictionary import); each entry's country is
    /// the first three letters of its code. Returns how many entries were stored.
    pub fn import_actors(&mut self, entries: &[GazetteerEntry]) -> Result<usize> {
        let tx = self.conn.transaction()?;
        for e in entries {
            let country = e
                .code
                .get(..3)
                .filter(|c| c.chars().all(|ch| ch.is_ascii_alphabetic()));
            let id = insert_actor(&tx, e, country)?;
            let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
            tx.execute(
                "INSERT OR IGNORE INTO actor_period (actor_id, valid_from, valid_until) VALUES (?1, ?2, ?3)",
                params![id, day(e.from), day(e.until)],
            )?;
        }
        tx.commit()?;
        Ok(entries.len())
    }

    /// Full-text search over claims and article text, best first.
    pub fn search(
        &self,
        query: &str,
        thread: Option<&str>,
        limit: usize,
    ) -> Result<Vec<SearchHit>> {
        let tid = self.opt_thread_id(thread)?;
        let q = fts_query(query);
        // Both queries select (id, article_id, title, snippet, rank).
        let run = |kind: &str, sql: &str| -> Result<Vec<SearchHit>> {
            let mut stmt = self.conn.prepare(sql)?;
            let rows = stmt.query_map(params![q, tid, limit as i64], |r| {
                Ok(SearchHit {
                    kind: kind.into(),
                    id: r.get(0)?,
                    article_id: r.get(1)?,
                    title: r.get(2)?,
                    snippet: r.get(3)?,
                    rank: r.get(4)?,
                })
            })?;
            Ok(rows.collect::<std::result::Result<_, _>>()?)
        };
        let mut out = run(
            "claim",
            "SELECT c.id, c.article_id, a.title, snippet(claim_fts, 1, '[', ']', '…', 12), bm25(claim_fts)
             FROM claim_fts JOIN claim c ON c.id = claim_fts.rowid JOIN article a ON a.id = c.article_id
             WHERE claim_fts MATCH ?1
               AND (?2 IS NULL OR c.article_id IN (SELECT article_id FROM article_thread WHERE thread_id = ?2))
             ORDER BY bm25(claim_fts) LIMIT ?3",
        )?;
        out.extend(run(
            "article",
            "SELECT a.id, a.id, a.title, snippet(article_fts, 1, '[', ']', '…', 12), bm25(article_fts, 2.0, 1.0)
             FROM article_fts JOIN article a ON a.id = article_fts.rowid
             WHERE article_fts MATCH ?1
               AND (?2 IS NULL OR a.id IN (SELECT article_id FROM article_thread WHERE thread_id = ?2))
             ORDER BY bm25(article_fts, 2.0, 1.0) LIMIT ?3",
        )?);
        // bm25 is lower-is-better; claims first on ties since they are the finer grain.
        out.sort_by(|a, b| {
            a.rank
                .partial_cmp(&b.rank)
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        out.truncate(limit);
        Ok(out)
    }

    /// The query plan SQLite picks for a listing (used to check that indexes are used).
    pub fn explain(&self, sql: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(3))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Integrity check: "ok" when the database is sound.
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }

    /// Row counts of the main tables: (articles, claims, events, contradictions).
    pub fn counts(&self) -> Result<(i64, i64, i64, i64)> {
        Ok(self.conn.query_row(
            "SELECT (SELECT count(*) FROM article), (SELECT count(*) FROM claim), (SELECT count(*) FROM event),
                    (SELECT count(*) FROM contradiction)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?)
    }

    fn opt_thread_id(&self, slug: Option<&str>) -> Result<Option<i64>> {
        match slug {
            None => Ok(None),
            Some(s) => self
                .conn
                .query_row("SELECT id FROM thread WHERE slug = ?1", params![s], |r| {
                    r.get(0)
                })
                .optional()?
                .map(Some)
                .ok_or_else(|| StoreError::UnknownThread(s.to_string())),
        }
    }
}

/// Followed sources, their fetch log and the entries they already delivered (`source`, `follow`),
/// and ingestion-time selection (`--since`).
impl Store {
    /// Follow `url` into `thread`; an already followed URL gets the new thread and link setting.
    /// Returns true when the source is new.
    pub fn add_source(&mut self, url: &str, thread: &str, follow_links: bool) -> Result<bool> {
        let updated = self.conn.execute(
            "UPDATE source SET thread = ?2, follow_links = ?3 WHERE url = ?1",
            params![url, thread, follow_links],
        )?;
        if updated > 0 {
            return Ok(false);
        }
        self.conn.execute(
            "INSERT INTO source (url, thread, follow_links, added_at) VALUES (?1, ?2, ?3, ?4)",
            params![url, thread, follow_links, now()],
        )?;
        Ok(true)
    }

    /// Stop following `url` (its fetch log and seen entries go with it). False when not followed.
    pub fn remove_source(&mut self, url: &str) -> Result<bool> {
        Ok(self
            .conn
            .execute("DELETE FROM source WHERE url = ?1", params![url])?
            > 0)
    }

    /// Every followed source, oldest first, with its latest fetch.
    pub fn sources(&self) -> Result<Vec<Source>> {
        let mut stmt = self.conn.prepare(
            "SELECT s.id, s.url, s.thread, s.follow_links, s.added_at, s.etag, s.last_modified,
                    s.failures, s.next_fetch_at,
                    (SELECT count(*) FROM fetch f WHERE f.source_id = s.id),
                    f.fetched_at, f.status, f.error, f.new_items
             FROM source s
             LEFT JOIN fetch f ON f.id = (SELECT max(id) FROM fetch WHERE source_id = s.id)
             ORDER BY s.id",
        )?;
        let rows = stmt.query_map([], |r| {
            let fetched_at: Option<String> = r.get(10)?;
            Ok(Source {
                id: r.get(0)?,
                url: r.get(1)?,
                thread: r.get(2)?,
                follow_links: r.get(3)?,
                added_at: parse_ts(&r.get::<_, String>(4)?).unwrap_or_default(),
                etag: r.get(5)?,
                last_modified: r.get(6)?,
                failures: r.get(7)?,
                next_fetch_at: r.get::<_, Option<String>>(8)?.and_then(|t| parse_ts(&t)),
                fetches: r.get(9)?,
                last_fetch: match fetched_at {
                    None => None,
                    Some(t) => Some(FetchRecord {
                        fetched_at: parse_ts(&t).unwrap_or_default(),
                        status: r.get(11)?,
                        error: r.get(12)?,
                        new_items: r.get::<_, i64>(13)? as usize,
                    }),
                },
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Log one fetch of a source.
    pub fn record_fetch(&mut self, source_id: i64, f: &FetchRecord) -> Result<()> {
        self.conn.execute(
            "INSERT INTO fetch (source_id, fetched_at, status, error, new_items) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![source_id, ts(f.fetched_at), f.status, f.error, f.new_items as i64],
        )?;
        Ok(())
    }

    /// After a successful poll: keep the validators, clear the back-off.
    pub fn source_ok(
        &mut self,
        source_id: i64,
        etag: Option<&str>,
        last_modified: Option<&str>,
    ) -> Result<()> {
        self.conn.execute(
            "UPDATE source SET etag = ?2, last_modified = ?3, failures = 0, next_fetch_at = NULL WHERE id = ?1",
            params![source_id, etag, last_modified],
        )?;
        Ok(())
    }

    /// After a failed poll: count it and do not poll again before `next`.
    pub fn source_failed(&mut self, source_id: i64, next: DateTime<Utc>) -> Result<()> {
        self.conn.execute(
            "UPDATE source SET failures = failures + 1, next_fetch_at = ?2 WHERE id = ?1",
            params![source_id, ts(next)],
        )?;
        Ok(())
    }

    /// Entry keys a source already delivered.
    pub fn seen_items(&self, source_id: i64) -> Result<HashSet<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT key FROM source_item WHERE source_id = ?1")?;
        let rows = stmt.query_map(params![source_id], |r| r.get(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Remember entry keys as delivered (one transaction).
    pub fn mark_seen(&mut self, source_id: i64, keys: &[String]) -> Result<()> {
        let tx = self.conn.transaction()?;
        let at = now();
        for k in keys {
            tx.execute(
                "INSERT OR IGNORE INTO source_item (source_id, key, seen_at) VALUES (?1, ?2, ?3)",
                params![source_id, k, at],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The highest article id (0 for an empty database): articles stored later have higher ids.
    pub fn max_article_id(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT coalesce(max(id), 0) FROM article", [], |r| r.get(0))?)
    }

    /// Ids of the articles stored after the one with id `after`.
    pub fn articles_after(&self, after: i64) -> Result<HashSet<i64>> {
        let mut stmt = self.conn.prepare("SELECT id FROM article WHERE id > ?1")?;
        let rows = stmt.query_map(params![after], |r| r.get(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Ids of the articles ingested at or after `since`.
    pub fn articles_ingested_since(&self, since: DateTime<Utc>) -> Result<HashSet<i64>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM article WHERE ingested_at >= ?1")?;
        let rows = stmt.query_map(params![ts(since)], |r| r.get(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}

const CLAIM_SELECT: &str = "SELECT c.id, c.article_id, c.speaker, c.speaker_start, c.speaker_end, c.actor, c.actor_code,
        c.country, c.cue, c.cue_start, c.cue_end, c.kind, c.text, c.start, c.end, c.sentence, c.sentence_start,
        c.sentence_end, c.date, c.date_precision, c.frame, c.polarity, c.hedge, c.target, c.figures, c.denial,
        c.confidence, a.title, a.source,
        (SELECT group_concat(t.slug, char(31)) FROM article_thread at JOIN thread t ON t.id = at.thread_id
          WHERE at.article_id = c.article_id)
     FROM claim c JOIN article a ON a.id = c.article_id";

fn claim_from_row(r: &Row) -> rusqlite::Result<StoredClaim> {
    let opt_span = |s: Option<i64>, e: Option<i64>| match (s, e) {
        (Some(s), Some(e)) => Some(span(s, e)),
        _ => None,
    };
    Ok(StoredClaim {
        id: r.get(0)?,
        article_id: r.get(1)?,
        claim: Claim {
            speaker: r.get(2)?,
            speaker_span: opt_span(r.get(3)?, r.get(4)?),
            actor: r.get(5)?,
            actor_code: r.get(6)?,
            country: r.get(7)?,
            cue: r.get(8)?,
            cue_span: opt_span(r.get(9)?, r.get(10)?),
            kind: ClaimKind::parse(&r.get::<_, String>(11)?),
            text: r.get(12)?,
            span: span(r.get(13)?, r.get(14)?),
            sentence: r.get(15)?,
            sentence_span: span(r.get(16)?, r.get(17)?),
            date: date_value(r.get(18)?, &r.get::<_, String>(19)?),
            frame: r.get(20)?,
            polarity: r.get::<_, i64>(21)? as i8,
            hedge: r.get(22)?,
            target: r.get(23)?,
            figures: from_json::<Vec<Figure>>(&r.get::<_, String>(24)?),
            denial: r.get(25)?,
            confidence: r.get::<_, f64>(26)? as f32,
        },
        article_title: r.get(27)?,
        article_source: r.get(28)?,
        threads: slugs(r.get(29)?),
    })
}

/// SQL condition: the claim `c` is not from a syndicated copy (the subquery reads the partial
/// index article_copy_of, which holds only copies).
const NOT_A_COPY: &str = "c.article_id NOT IN (SELECT id FROM article WHERE copy_of IS NOT NULL)";

/// What [`write_article`] did.
enum Written {
    Duplicate(i64),
    New {
        article_id: i64,
        /// (thread id, slug) of every thread joined.
        thread_ids: Vec<(i64, String)>,
        /// The article's claims with a frame (the only ones contradiction rules look at).
        claims: Vec<StoredClaim>,
    },
}

/// Write one article's rows (article, threads, profiles, claims, events) on `conn`, inside
/// whatever transaction or savepoint the caller opened.
fn write_article(conn: &Connection, new: &NewArticle) -> Result<Written> {
    if let Some(id) = conn
        .query_row(
            "SELECT id FROM article WHERE content_hash = ?1",
            params![new.hash],
            |r| r.get(0),
        )
        .optional()?
    {
        return Ok(Written::Duplicate(id));
    }
    let a = new.article;
    conn.prepare_cached(
        "INSERT INTO article (url, source, title, published, published_precision, dateline, byline,
                              contributors, body, origin, summary_only, content_hash, ingested_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        a.url,
        a.source,
        a.title,
        date_str(a.published),
        a.published.precision.as_str(),
        a.dateline,
        a.byline,
        json(&a.contributors),
        a.body,
        a.origin,
        a.summary_only,
        new.hash,
        now(),
    ])?;
    let article_id = conn.last_insert_rowid();
    // Copy columns only when there is something to write (the store's own tests write into
    // databases of older schema versions).
    if let Some(original) = new.copy_of {
        conn.prepare_cached("UPDATE article SET copy_of = ?2 WHERE id = ?1")?
            .execute(params![article_id, original])?;
    } else if !new.bands.is_empty() {
        let mut stmt = conn.prepare_cached(
            "INSERT OR IGNORE INTO article_band (band, article_id) VALUES (?1, ?2)",
        )?;
        for band in new.bands {
            stmt.execute(params![band, article_id])?;
        }
    }

    for t in &new.new_threads {
        insert_thread(conn, t)?;
    }
    for (slug, json_profile) in &new.profiles {
        conn.prepare_cached("UPDATE thread SET profile = ?2 WHERE slug = ?1")?
            .execute(params![slug, json_profile])?;
    }
    let mut thread_ids = Vec::new();
    for (slug, score) in &new.threads {
        let id = thread_id(conn, slug)?;
        conn.prepare_cached(
            "INSERT OR IGNORE INTO article_thread (thread_id, article_id, score) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![id, article_id, *score as f64])?;
        thread_ids.push((id, slug.clone()));
    }

    let mut claims = Vec::new();
    {
        let mut stmt = conn.prepare_cached(
            "INSERT INTO claim (article_id, speaker, speaker_start, speaker_end, actor, actor_code, country,
                                cue, cue_start, cue_end, kind, text, start, end, sentence, sentence_start,
                                sentence_end, date, date_precision, frame, polarity, hedge, target, figures,
                                denial, confidence)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
                     ?20, ?21, ?22, ?23, ?24, ?25, ?26)",
        )?;
        for c in &new.extraction.claims {
            stmt.execute(params![
                article_id,
                c.speaker,
                c.speaker_span.map(|s| s.start as i64),
                c.speaker_span.map(|s| s.end as i64),
                c.actor,
                c.actor_code,
                c.country,
                c.cue,
                c.cue_span.map(|s| s.start as i64),
                c.cue_span.map(|s| s.end as i64),
                c.kind.as_str(),
                c.text,
                c.span.start as i64,
                c.span.end as i64,
                c.sentence,
                c.sentence_span.start as i64,
                c.sentence_span.end as i64,
                date_str(c.date),
                c.date.precision.as_str(),
                c.frame,
                c.polarity as i64,
                c.hedge,
                c.target,
                json(&c.figures),
                c.denial,
                c.confidence as f64,
            ])?;
            // A copy's claims repeat its original's: stored, never compared.
            if c.frame.is_some() && new.copy_of.is_none() {
                claims.push(StoredClaim {
                    id: conn.last_insert_rowid(),
                    article_id,
                    threads: thread_ids.iter().map(|(_, s)| s.clone()).collect(),
                    article_title: a.title.clone(),
                    article_source: a.source.clone(),
                    claim: c.clone(),
                });
            }
        }
    }
    {
        let mut stmt = conn.prepare_cached(
            "INSERT INTO event (article_id, date, date_precision, text, start, end, sentence, sentence_start,
                                sentence_end, actors, type, trigger, figures)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?;
        for e in &new.extraction.events {
            stmt.execute(params![
                article_id,
                date_str(e.date),
                e.date.precision.as_str(),
                e.text,
                e.span.start as i64,
                e.span.end as i64,
                e.sentence,
                e.sentence_span.start as i64,
                e.sentence_span.end as i64,
                json(&e.actors),
                e.event_type,
                e.trigger,
                json(&e.figures),
            ])?;
        }
    }
    Ok(Written::New {
        article_id,
        thread_ids,
        claims,
    })
}

/// Store what detection found for thread `tid`; returns the rows added (repeats are ignored).
fn insert_contradictions(conn: &Connection, tid: i64, found: &[Contradiction]) -> Result<usize> {
    if found.is_empty() {
        return Ok(0);
    }
    let mut stmt = conn.prepare_cached(
        "INSERT OR IGNORE INTO contradiction (thread_id, kind, score, explanation, a, b, proposition)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut n = 0;
    for c in found {
        let (a, b) = if c.a <= c.b { (c.a, c.b) } else { (c.b, c.a) };
        n += stmt.execute(params![
            tid,
            c.kind.as_str(),
            c.score as f64,
            c.explanation,
            a,
            b,
            c.proposition
        ])?;
    }
    Ok(n)
}

/// Claims of a thread that new framed claims could contradict: same frame, dated within the
/// window of the new claims' dates. The new claims themselves may be among them (detection
/// counts a claim passed as both new and existing as new). Uses claim_frame_date.
fn candidate_claims(
    conn: &Connection,
    thread_id: i64,
    framed: &[StoredClaim],
    window_days: i64,
) -> Result<Vec<StoredClaim>> {
    let mut frames: Vec<&str> = framed
        .iter()
        .filter_map(|c| c.claim.frame.as_deref())
        .collect();
    frames.sort_unstable();
    frames.dedup();
    let mut out = Vec::new();
    let sql = format!(
        "{CLAIM_SELECT}
         WHERE c.frame = ?1 AND c.date BETWEEN ?2 AND ?3
           AND c.article_id IN (SELECT article_id FROM article_thread WHERE thread_id = ?4)"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    for f in frames {
        let dates = framed
            .iter()
            .filter(|c| c.claim.frame.as_deref() == Some(f))
            .filter_map(|c| c.claim.date.date);
        let (lo, hi) = dates.fold(
            (None, None),
            |(lo, hi): (Option<NaiveDate>, Option<NaiveDate>), d| {
                (
                    Some(lo.map_or(d, |l| l.min(d))),
                    Some(hi.map_or(d, |h| h.max(d))),
                )
            },
        );
        let (Some(lo), Some(hi)) = (lo, hi) else {
            continue;
        };
        let from = (lo - chrono::Duration::days(window_days)).to_string();
        let to = (hi + chrono::Duration::days(window_days)).to_string();
        let rows = stmt.query_map(params![f, from, to, thread_id], claim_from_row)?;
        for r in rows {
            out.push(r?);
        }
    }
    // Figures are compared across frames (numeric rule): add claims stating any figure, dated
    // within the window of the new figure claims (uses claim_figures_date).
    let figure_dates = framed
        .iter()
        .filter(|c| !c.claim.figures.is_empty())
        .filter_map(|c| c.claim.date.date);
    if let (Some(lo), Some(hi)) = (figure_dates.clone().min(), figure_dates.max()) {
        let from = (lo - chrono::Duration::days(window_days)).to_string();
        let to = (hi + chrono::Duration::days(window_days)).to_string();
        let sql = format!(
            "{CLAIM_SELECT}
             WHERE c.figures <> '[]' AND c.date BETWEEN ?1 AND ?2
               AND c.article_id IN (SELECT article_id FROM article_thread WHERE thread_id = ?3)"
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![from, to, thread_id], claim_from_row)?;
        for r in rows {
            out.push(r?);
        }
        out.sort_by_key(|c| c.id);
        out.dedup_by_key(|c| c.id);
    }
    Ok(out)
}

/// Create a thread, or find it when its slug is taken already (a concurrent writer got there
/// first): the article then joins the existing thread instead of failing on the unique slug.
fn insert_thread(tx: &Connection, t: &Thread) -> Result<i64> {
    tx.execute(
        "INSERT INTO thread (slug, title, keywords, actors, manual, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (slug) DO NOTHING",
        params![t.slug, t.title, json(&t.keywords), json(&t.actors), t.manual, now()],
    )?;
    thread_id(tx, &t.slug)
}

fn thread_id(tx: &Connection, slug: &str) -> Result<i64> {
    tx.query_row(
        "SELECT id FROM thread WHERE slug = ?1",
        params![slug],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| StoreError::UnknownThread(slug.to_string()))
}

fn thread_from_row(r: &Row) -> rusqlite::Result<Thread> {
    Ok(Thread {
        slug: r.get(0)?,
        title: r.get(1)?,
        keywords: from_json(&r.get::<_, String>(2)?),
        actors: from_json(&r.get::<_, String>(3)?),
        manual: r.get(4)?,
    })
}

/// How [`Store::open_read`] tries to open a database.
#[derive(Clone, Copy, PartialEq)]
enum ReadMode {
    QueryOnly,
    ReadOnly,
    Immutable,
}

/// A connection for reading, checked by reading the schema version (which is where a missing
/// -shm file or a damaged header shows).
fn read_connection(path: &Path, mode: ReadMode) -> rusqlite::Result<Connection> {
    use rusqlite::OpenFlags as F;
    let conn = match mode {
        ReadMode::QueryOnly => {
            Connection::open_with_flags(path, F::SQLITE_OPEN_READ_WRITE | F::SQLITE_OPEN_NO_MUTEX)?
        }
        ReadMode::ReadOnly => {
            Connection::open_with_flags(path, F::SQLITE_OPEN_READ_ONLY | F::SQLITE_OPEN_NO_MUTEX)?
        }
        ReadMode::Immutable => Connection::open_with_flags(
            format!("file:{}?immutable=1", uri_path(path)),
            F::SQLITE_OPEN_READ_ONLY | F::SQLITE_OPEN_URI | F::SQLITE_OPEN_NO_MUTEX,
        )?,
    };
    conn.busy_timeout(Duration::from_secs(30))?;
    if mode == ReadMode::QueryOnly {
        if conn.is_readonly(rusqlite::MAIN_DB)? {
            return Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_READONLY),
                None,
            ));
        }
        conn.execute_batch("PRAGMA query_only = ON")?;
    }
    let _: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    Ok(conn)
}

/// A path for an SQLite `file:` URI: bytes other than unreserved ones and `/` percent-encoded.
fn uri_path(path: &Path) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = String::new();
    for b in abs.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// WAL recoveries SQLite has run in this process. SQLite recovers a write-ahead log when the
/// first connection opens a database whose last session did not close cleanly (a crash, a
/// kill, a power cut); a clean close checkpoints and deletes the log, and a database another
/// process has open needs no recovery. So a recovery is exactly "after an unclean shutdown".
static WAL_RECOVERIES: AtomicUsize = AtomicUsize::new(0);
/// Whether SQLite's log reaches [`WAL_RECOVERIES`] (it can only be set up before SQLite starts).
static RECOVERY_WATCH: AtomicBool = AtomicBool::new(false);

/// Route SQLite's error log to [`WAL_RECOVERIES`], once, before the first connection.
fn watch_recoveries() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        fn on_log(code: std::ffi::c_int, _msg: &str) {
            if code == rusqlite::ffi::SQLITE_NOTICE_RECOVER_WAL {
                WAL_RECOVERIES.fetch_add(1, Ordering::SeqCst);
            }
        }
        // SAFETY: this runs once, before this module (the only one using SQLite) opens any
        // connection; the callback calls no SQLite function and only bumps an atomic.
        let ok = unsafe { rusqlite::trace::config_log(Some(on_log)) }.is_ok();
        RECOVERY_WATCH.store(ok, Ordering::SeqCst);
    });
}

/// Recoveries so far, to compare before and after opening a database.
fn recoveries() -> usize {
    WAL_RECOVERIES.load(Ordering::SeqCst)
}

/// Did opening `path` follow an unclean shutdown? A WAL recovery happened meanwhile; or, when
/// SQLite's log could not be watched, a non-empty write-ahead log was there before the open.
fn unclean(before: usize, wal_was_there: bool) -> bool {
    if RECOVERY_WATCH.load(Ordering::SeqCst) {
        recoveries() > before
    } else {
        wal_was_there
    }
}

fn wal_left_behind(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(wal).is_ok_and(|m| m.len() > 0)
}

/// Quote each word so user input cannot break FTS5 syntax ("U.S." or a stray quote).
fn fts_query(q: &str) -> String {
    q.split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ")
}

fn span(s: i64, e: i64) -> Span {
    Span::new(s.max(0) as usize, e.max(0) as usize)
}

/// Insert or update one actor row and its aliases; returns the actor id.
fn insert_actor(
    tx: &rusqlite::Transaction<'_>,
    e: &GazetteerEntry,
    country: Option<&str>,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO actor (name, code, kind, country) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (name, code) DO UPDATE SET kind = excluded.kind",
        params![e.name, e.code, e.kind.as_str(), country],
    )?;
    let id: i64 = tx.query_row(
        "SELECT id FROM actor WHERE name = ?1 AND code = ?2",
        params![e.name, e.code],
        |r| r.get(0),
    )?;
    for alias in &e.aliases {
        tx.execute(
            "INSERT OR IGNORE INTO actor_alias (actor_id, alias) VALUES (?1, ?2)",
            params![id, alias],
        )?;
    }
    Ok(id)
}

fn slugs(s: Option<String>) -> Vec<String> {
    s.map(|s| s.split('\u{1f}').map(str::to_string).collect())
        .unwrap_or_default()
}

fn date_str(d: DateValue) -> Option<String> {
    d.date.map(|d| d.to_string())
}

fn parse_date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

fn date_value(s: Option<String>, precision: &str) -> DateValue {
    match parse_date(s) {
        Some(d) => DateValue {
            date: Some(d),
            precision: Precision::parse(precision),
        },
        None => DateValue::unknown(),
    }
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

fn from_json<T: serde::de::DeserializeOwned + Default>(s: &str) -> T {
    serde_json::from_str(s).unwrap_or_default()
}

fn now() -> String {
    ts(Utc::now())
}

/// Stored timestamps: RFC 3339 UTC to the second ("2016-08-29T09:14:00Z"), so they sort as text.
fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn parse_ts(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, ClaimKind};

    /// Issue 15, item 11: only a recovered write-ahead log (an unclean shutdown) counts, not
    /// one another open connection is using.
    #[test]
    fn issue_15_item_11_unclean_shutdown_is_a_wal_recovery() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("x.db");
        let mut live = Store::open(&db).unwrap();
        assert!(
            RECOVERY_WATCH.load(Ordering::SeqCst),
            "SQLite's log is watched"
        );
        live.create_thread(&Thread {
            slug: "t".into(),
            ..Default::default()
        })
        .unwrap();
        // A second connection while the first is open: the log is live, nothing is recovered.
        let before = recoveries();
        let (_reader, _writer) = (Store::open_read(&db).unwrap(), Store::open(&db).unwrap());
        let wal = dir.path().join("x.db-wal");
        assert!(std::fs::metadata(&wal).unwrap().len() > 0);
        assert_eq!(
            recoveries(),
            before,
            "nothing recovered while the log is live"
        );
        // A copy of the files of a session that never closed: opening it recovers the log.
        let copy = dir.path().join("copy.db");
        std::fs::copy(&db, &copy).unwrap();
        std::fs::copy(&wal, dir.path().join("copy.db-wal")).unwrap();
        let before = recoveries();
        let reopened = Store::open_read(&copy).unwrap();
        assert!(recoveries() > before, "a hot log was recovered");
        assert!(reopened.thread_exists("t").unwrap());
    }

    fn article(body: &str) -> Article {
        Article {
            title: "Talks on Aleppo".into(),
            body: body.into(),
            origin: "test".into(),
            published: DateValue::day(NaiveDate::from_ymd_opt(2016, 8, 29).unwrap()),
            ..Default::default()
        }
    }

    fn claim(speaker: &str, code: &str, polarity: i8) -> Claim {
        Claim {
            speaker: speaker.into(),
            speaker_span: None,
            actor: Some(speaker.into()),
            actor_code: Some(code.into()),
            country: Some(code[..3].into()),
            cue: "said".into(),
            cue_span: None,
            kind: ClaimKind::Direct,
            text: "an agreement is near".into(),
            span: Span::new(0, 20),
            sentence: "an agreement is near, he said.".into(),
            sentence_span: Span::new(0, 30),
            date: DateValue::day(NaiveDate::from_ymd_opt(2016, 8, 29).unwrap()),
            frame: Some("agreement".into()),
            polarity,
            hedge: None,
            target: None,
            figures: vec![],
            denial: false,
            confidence: 0.9,
        }
    }

    fn thread(slug: &str) -> Thread {
        Thread {
            slug: slug.into(),
            title: slug.into(),
            ..Default::default()
        }
    }

    fn no_rules(_: &str, _: &[StoredClaim], _: &[StoredClaim]) -> Vec<Contradiction> {
        Vec::new()
    }

    /// Pairs every new claim with every candidate of opposite polarity.
    fn opposite(thread: &str, new: &[StoredClaim], old: &[StoredClaim]) -> Vec<Contradiction> {
        let mut out = Vec::new();
        for n in new {
            for o in old {
                if n.claim.polarity == -o.claim.polarity {
                    out.push(Contradiction {
                        thread: thread.into(),
                        kind: ContradictionKind::Opposing,
                        score: 0.8,
                        explanation: "x".into(),
                        proposition: String::new(),
                        a: n.id,
                        b: o.id,
                    });
                }
            }
        }
        out
    }

    fn insert(
        store: &mut Store,
        body: &str,
        claims: Vec<Claim>,
        new_thread: bool,
        detect: Detector,
    ) -> Result<Inserted> {
        let ex = Extraction {
            claims,
            ..Default::default()
        };
        let a = article(body);
        let hash = format!("h-{body}");
        store.insert_article(
            &NewArticle {
                article: &a,
                hash: &hash,
                extraction: &ex,
                threads: vec![("aleppo".into(), 1.0)],
                new_threads: if new_thread {
                    vec![thread("aleppo")]
                } else {
                    vec![]
                },
                profiles: vec![],
                copy_of: None,
                bands: &[],
            },
            Some(detect),
            7,
        )
    }

    #[test]
    fn fresh_database_has_every_migration() {
        let s = Store::open_in_memory().unwrap();
        assert_eq!(s.schema_version().unwrap(), MIGRATIONS.len() as i64);
    }

    #[test]
    fn older_database_upgrades_and_keeps_rows() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        {
            let mut old = Store::open_upto(&path, 1).unwrap();
            assert_eq!(old.schema_version().unwrap(), 1);
            insert(
                &mut old,
                "Body one.",
                vec![claim("Lavrov", "RUSGOV", 1)],
                true,
                &no_rules,
            )
            .unwrap();
        }
        let s = Store::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), MIGRATIONS.len() as i64);
        assert_eq!(s.counts().unwrap().0, 1);
        // The search index was back-filled by the migration.
        let hits = s.search("Lavrov", None, 10).unwrap();
        assert_eq!(hits.len(), 1, "{hits:?}");
    }

    #[test]
    fn duplicate_by_hash_is_stored_once() {
        let mut s = Store::open_in_memory().unwrap();
        let first = insert(&mut s, "Same body.", vec![], true, &no_rules).unwrap();
        let second = insert(&mut s, "Same body.", vec![], false, &no_rules).unwrap();
        let Inserted::New { id, .. } = first else {
            panic!("first insert was {first:?}")
        };
        assert_eq!(second, Inserted::Duplicate { id });
        assert_eq!(s.counts().unwrap().0, 1);
    }

    #[test]
    fn failed_article_rolls_back_alone() {
        let mut s = Store::open_in_memory().unwrap();
        insert(
            &mut s,
            "Good one.",
            vec![claim("Lavrov", "RUSGOV", 1)],
            true,
            &no_rules,
        )
        .unwrap();
        // Joining a thread that does not exist fails after the article row was written.
        let ex = Extraction {
            claims: vec![claim("Kerry", "USAGOV", -1)],
            ..Default::default()
        };
        let a = article("Bad one.");
        let err = s
            .insert_article(
                &NewArticle {
                    article: &a,
                    hash: "bad",
                    extraction: &ex,
                    threads: vec![("missing".into(), 1.0)],
                    new_threads: vec![],
                    profiles: vec![],
                    copy_of: None,
                    bands: &[],
                },
                Some(&no_rules),
                7,
            )
            .unwrap_err();
        assert!(err.to_string().contains("missing"), "{err}");
        assert_eq!(s.counts().unwrap(), (1, 1, 0, 0));
        assert_eq!(s.integrity_check().unwrap(), "ok");
    }

    #[test]
    fn issue_7_failed_article_in_a_batch_rolls_back_alone_and_detection_runs_at_commit() {
        let mut s = Store::open_in_memory().unwrap();
        s.begin_batch().unwrap();
        insert(
            &mut s,
            "Russia says near.",
            vec![claim("Shoigu", "RUSGOV", 1)],
            true,
            &opposite,
        )
        .unwrap();
        let ex = Extraction {
            claims: vec![claim("Kerry", "USAGOV", -1)],
            ..Default::default()
        };
        let a = article("Bad one.");
        let bad = NewArticle {
            article: &a,
            hash: "bad",
            extraction: &ex,
            threads: vec![("missing".into(), 1.0)],
            new_threads: vec![],
            profiles: vec![],
            copy_of: None,
            bands: &[],
        };
        assert!(s.insert_article(&bad, Some(&opposite), 7).is_err());
        let r = insert(
            &mut s,
            "US says not.",
            vec![claim("a U.S. official", "USAGOV", -1)],
            false,
            &opposite,
        )
        .unwrap();
        assert!(
            matches!(
                r,
                Inserted::New {
                    contradictions: 0,
                    ..
                }
            ),
            "{r:?}"
        );
        assert_eq!(s.batch_len(), 2);
        assert_eq!(s.commit_batch(Some(&opposite), 7).unwrap(), 1);
        assert_eq!(s.counts().unwrap(), (2, 2, 0, 1));
        assert_eq!(s.integrity_check().unwrap(), "ok");
    }

    #[test]
    fn contradictions_are_stored_once_with_both_claims() {
        let mut s = Store::open_in_memory().unwrap();
        insert(
            &mut s,
            "Russia says near.",
            vec![claim("Shoigu", "RUSGOV", 1)],
            true,
            &opposite,
        )
        .unwrap();
        let r = insert(
            &mut s,
            "US says not.",
            vec![claim("a U.S. official", "USAGOV", -1)],
            false,
            &opposite,
        )
        .unwrap();
        assert!(
            matches!(
                r,
                Inserted::New {
                    contradictions: 1,
                    ..
                }
            ),
            "{r:?}"
        );
        let found = s.contradictions(Some("aleppo"), None).unwrap();
        assert_eq!(found.len(), 1);
        assert!(found[0].contradiction.a < found[0].contradiction.b);
        assert_eq!(found[0].a.claim.speaker, "Shoigu");
        assert_eq!(found[0].b.claim.speaker, "a U.S. official");
        let t = s.threads().unwrap();
        assert_eq!((t[0].articles, t[0].claims, t[0].contradictions), (2, 2, 1));
    }

    #[test]
    fn claim_filters_by_actor_and_date() {
        let mut s = Store::open_in_memory().unwrap();
        insert(
            &mut s,
            "A.",
            vec![claim("Shoigu", "RUSGOV", 1), claim("Kerry", "USAGOV", 1)],
            true,
            &no_rules,
        )
        .unwrap();
        let f = ClaimFilter {
            actor: Some("USAGOV".into()),
            ..Default::default()
        };
        let got = s.claims(&f).unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].claim.speaker, "Kerry");
        assert_eq!(got[0].threads, vec!["aleppo".to_string()]);
        let later = ClaimFilter {
            since: NaiveDate::from_ymd_opt(2016, 9, 1),
            ..Default::default()
        };
        assert!(s.claims(&later).unwrap().is_empty());
        assert!(matches!(
            s.claims(&ClaimFilter {
                thread: Some("nope".into()),
                ..Default::default()
            }),
            Err(StoreError::UnknownThread(_))
        ));
    }

    #[test]
    fn merge_and_rename_threads() {
        let mut s = Store::open_in_memory().unwrap();
        insert(&mut s, "A.", vec![], true, &no_rules).unwrap();
        s.create_thread(&thread("other")).unwrap();
        s.merge_threads("aleppo", "other").unwrap();
        assert!(!s.thread_exists("aleppo").unwrap());
        assert_eq!(s.articles(Some("other")).unwrap().len(), 1);
        s.rename_thread("other", "syria", Some("Syria talks"))
            .unwrap();
        assert_eq!(s.thread("syria").unwrap().title, "Syria talks");
        assert!(matches!(
            s.create_thread(&thread("syria")),
            Err(StoreError::ThreadExists(_))
        ));
    }

    #[test]
    fn listing_queries_use_indexes() {
        let s = Store::open_in_memory().unwrap();
        let plan = s.explain("SELECT id FROM claim WHERE frame = 'agreement' AND date BETWEEN '2016-01-01' AND '2016-12-31'").unwrap();
        assert!(
            plan.iter().any(|p| p.contains("claim_frame_date")),
            "{plan:?}"
        );
        let plan = s
            .explain("SELECT article_id FROM article_thread WHERE thread_id = 1")
            .unwrap();
        assert!(
            plan.iter()
                .any(|p| p.contains("PRIMARY KEY") || p.contains("COVERING INDEX")),
            "{plan:?}"
        );
    }

    #[test]
    fn search_query_with_punctuation_is_safe() {
        let mut s = Store::open_in_memory().unwrap();
        insert(
            &mut s,
            "The U.S. said \"no deal\".",
            vec![claim("Kerry", "USAGOV", -1)],
            true,
            &no_rules,
        )
        .unwrap();
        assert!(!s.search("U.S. \"no", None, 10).unwrap().is_empty());
    }

    #[test]
    fn imported_actors_keep_their_dated_roles() {
        let mut s = Store::open_in_memory().unwrap();
        let (entries, _) = crate::extract::cameo::parse(
            "RUFUS_T._FIREFLY_\n+FIREFLY\n\t[FRDGOV 330101-451231]\n\t[FRDELI]\nFREEDONIA_ [FRD]\n",
        );
        assert_eq!(s.import_actors(&entries).unwrap(), 3);
        // Importing twice stores nothing new.
        s.import_actors(&entries).unwrap();
        let got: Vec<String> = s
            .user_actors()
            .unwrap()
            .iter()
            .map(|e| {
                let d =
                    |x: Option<chrono::NaiveDate>| x.map(|d| d.to_string()).unwrap_or("-".into());
                format!("{} {} {} {}", e.name, e.code, d(e.from), d(e.until))
            })
            .collect();
        assert_eq!(
            got,
            [
                "Rufus T. Firefly FRDGOV 1933-01-01 1945-12-31",
                "Rufus T. Firefly FRDELI - -",
                "Freedonia FRD - -",
            ]
        );
    }
}
