//! SQLite storage: the only module that touches rusqlite. Migrations, one transaction per article, row <-> struct mapping.
//!
//! Map: `migrate` (the embedded schema and its migrator), `write` (an article's rows,
//! contradictions, threads, actors, sources), `read` (listings), `search` (full text), `rows`
//! (row <-> model mapping). This file holds the [`Store`] type, opening, transactions and the
//! types of the public API.

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Once;
use std::time::Duration;

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::model::{Article, Extraction, Thread};

mod bands;
mod migrate;
mod read;
mod rows;
mod search;
mod sync;
mod write;

pub use migrate::MIGRATIONS;
pub use sync::ContradictionSync;

use write::{write_article, Written};

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
    /// The store fills the full-text indexes at commit (schema 0009 and later; before it,
    /// row triggers did). See [`search::index_added`].
    search_at_commit: bool,
    /// The writer adds an article's claims and events to its threads' counters in one update
    /// (schema 0010 and later; before it, a trigger per row did).
    counters_at_write: bool,
}

/// Default for [`Store::lock_timeout`] (the CLI's `--lock-timeout`).
pub const DEFAULT_LOCK_TIMEOUT: Duration = Duration::from_secs(120);

/// A batch transaction: each article sits in its own savepoint inside it. Contradictions are
/// not found here: ingest recomputes whole threads after the run
/// ([`Store::sync_contradictions`]).
#[derive(Default)]
struct Batch {
    articles: usize,
    /// [`search::last_ids`] when the batch began: rows above these get indexed at commit.
    /// `None` when row triggers index (an older schema).
    indexed_upto: Option<(i64, i64)>,
    /// Originals' band keys, written at commit ([`bands::PendingBands`]).
    bands: bands::PendingBands,
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
    /// The original's shingle profile (`copies::profile`), stored with its bands when not
    /// empty (schema 0011); lets a later copy check skip it without reading its body.
    pub profile: &'a [u8],
}

/// What happened to one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inserted {
    New { id: i64 },
    Duplicate { id: i64 },
}

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
            search_at_commit: false,
            counters_at_write: false,
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
        let version = store.schema_version().map_err(|e| store.named(e))?;
        store.search_at_commit = version >= migrate::SEARCH_AT_COMMIT;
        store.counters_at_write = version >= migrate::COUNTERS_AT_WRITE;
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
            search_at_commit: false,
            counters_at_write: false,
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

    /// Write a consistent copy of the whole database to a new file (`VACUUM INTO`): an
    /// in-memory database kept for browsing, or a snapshot of a live one.
    pub fn save_copy(&self, path: &Path) -> Result<()> {
        self.conn
            .execute("VACUUM INTO ?1", [path.to_string_lossy()])?;
        Ok(())
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
            search_at_commit: false,
            counters_at_write: false,
        };
        store.configure()?;
        store.migrate(MIGRATIONS.len())?;
        store.search_at_commit = true;
        store.counters_at_write = true;
        Ok(store)
    }

    fn configure(&mut self) -> Result<()> {
        self.conn.busy_timeout(self.lock_timeout)?;
        // journal_mode returns a row; WAL lets readers work while an ingest writes.
        let _: String = self
            .conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        // temp_store: the per-article savepoints of a batch journal to memory, not a temp file.
        // cache_size: 48 MB of pages (default 2 MB) keeps the index B-trees of a big
        // database hot while a batch writes.
        // wal_autocheckpoint: 8,192 pages (32 MB; default 1,000), so a checkpoint no longer
        // follows every batch commit and an index page rewritten by several batches is copied
        // into the database once.
        self.conn.execute_batch(
            "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;
             PRAGMA temp_store = MEMORY; PRAGMA cache_size = -49152;
             PRAGMA wal_autocheckpoint = 8192;",
        )?;
        // The writer cycles through ~20 cached statements per article and batch (rusqlite
        // keeps 16 by default, so some were parsed again at every batch).
        self.conn.set_prepared_statement_cache_capacity(32);
        Ok(())
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
            search_at_commit: false,
            counters_at_write: false,
        })
    }

    /// Store one article's rows (article, thread memberships, claims, events) in one
    /// transaction; a duplicate (same content hash) changes nothing. No contradiction work.
    ///
    /// Inside a batch ([`Store::begin_batch`]) the rows go in a savepoint instead (a failed
    /// article rolls back alone) and become visible at [`Store::commit`].
    pub fn put_article(&mut self, new: &NewArticle) -> Result<Inserted> {
        if self.batch.is_some() {
            return self.insert_in_batch(new);
        }
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let id =
            match Store::write_indexed(self.search_at_commit, self.counters_at_write, &tx, new)? {
                Written::Duplicate(id) => return Ok(Inserted::Duplicate { id }),
                Written::New(article_id) => article_id,
            };
        tx.commit()?;
        Ok(Inserted::New { id })
    }

    /// [`write_article`] outside a batch, on the caller's transaction `tx` (`search_at_commit`
    /// is the store's flag): the article's
    /// rows go into the full-text indexes at once (in a batch that waits for the commit).
    fn write_indexed(
        search_at_commit: bool,
        counters: bool,
        tx: &Connection,
        new: &NewArticle,
    ) -> Result<Written> {
        if !search_at_commit {
            return write_article(tx, new, counters, false);
        }
        let upto = search::last_ids(tx)?;
        let written = write_article(tx, new, counters, false)?;
        search::index_added(tx, upto)?;
        Ok(written)
    }

    /// Start a batch transaction (`BEGIN IMMEDIATE`): following [`Store::put_article`] calls
    /// each get a savepoint, and nothing is visible to other connections (nor survives a crash)
    /// until [`Store::commit`]. So an article's rows still commit together or not at all.
    pub fn begin_batch(&mut self) -> Result<()> {
        if self.batch.is_none() {
            self.conn.execute_batch("BEGIN IMMEDIATE")?;
            let indexed_upto = match self.search_at_commit {
                true => match search::last_ids(&self.conn) {
                    Ok(ids) => Some(ids),
                    Err(e) => {
                        let _ = self.conn.execute_batch("ROLLBACK");
                        return Err(e);
                    }
                },
                false => None,
            };
            self.batch = Some(Batch {
                indexed_upto,
                ..Batch::default()
            });
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

    /// Set the connection's page cache to `mib` MiB (the writer's is 64 MiB): lowering it
    /// frees the pages above it at once.
    pub fn set_cache_mib(&mut self, mib: i64) -> Result<()> {
        self.conn
            .execute_batch(&format!("PRAGMA cache_size = {}", -1024 * mib))?;
        Ok(())
    }

    /// Articles inserted in the open batch (0 when none is open).
    pub fn batch_len(&self) -> usize {
        self.batch.as_ref().map_or(0, |b| b.articles)
    }

    /// Commit the open batch (nothing to do when none is open). On error the whole batch is
    /// rolled back.
    pub fn commit(&mut self) -> Result<()> {
        let Some(batch) = self.batch.take() else {
            return Ok(());
        };
        let indexed = batch
            .bands
            .write(&self.conn)
            .and_then(|()| match batch.indexed_upto {
                Some(upto) => search::index_added(&self.conn, upto),
                None => Ok(()),
            });
        if let Err(e) = indexed {
            let _ = self.conn.execute_batch("ROLLBACK");
            return Err(e);
        }
        match self.conn.execute_batch("COMMIT") {
            Ok(()) => Ok(()),
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e.into())
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
        // Prepared once per connection: parsed again per article they cost ~1% of the writer.
        self.conn.prepare_cached("SAVEPOINT article")?.execute([])?;
        match write_article(&self.conn, new, self.counters_at_write, true) {
            Ok(Written::Duplicate(id)) => {
                self.conn.prepare_cached("RELEASE article")?.execute([])?;
                Ok(Inserted::Duplicate { id })
            }
            Ok(Written::New(id)) => {
                self.conn.prepare_cached("RELEASE article")?.execute([])?;
                let batch = self.batch.get_or_insert_with(Batch::default);
                batch.articles += 1;
                if new.copy_of.is_none() {
                    batch.bands.add(new.bands, id);
                }
                Ok(Inserted::New { id })
            }
            Err(e) => {
                self.conn
                    .execute_batch("ROLLBACK TO article; RELEASE article")?;
                Err(e)
            }
        }
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

#[cfg(test)]
mod tests;
