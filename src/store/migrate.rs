//! The schema migrations (`schema/*.sql`, embedded in order) and the `PRAGMA user_version` migrator.

use super::{Result, Store, StoreError};

/// The schema, in order. Applied migrations are tracked in `PRAGMA user_version`.
/// Never edit a shipped file: add a new one at the end.
pub const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_init", include_str!("../../schema/0001_init.sql")),
    ("0002_search", include_str!("../../schema/0002_search.sql")),
    (
        "0003_figure_claims",
        include_str!("../../schema/0003_figure_claims.sql"),
    ),
    (
        "0004_contradiction_proposition",
        include_str!("../../schema/0004_contradiction_proposition.sql"),
    ),
    (
        "0005_actor_periods",
        include_str!("../../schema/0005_actor_periods.sql"),
    ),
    (
        "0006_sources",
        include_str!("../../schema/0006_sources.sql"),
    ),
    ("0007_copies", include_str!("../../schema/0007_copies.sql")),
    (
        "0008_thread_counters",
        include_str!("../../schema/0008_thread_counters.sql"),
    ),
    (
        "0009_search_at_commit",
        include_str!("../../schema/0009_search_at_commit.sql"),
    ),
    (
        "0010_counters_at_write",
        include_str!("../../schema/0010_counters_at_write.sql"),
    ),
    (
        "0011_copy_profiles",
        include_str!("../../schema/0011_copy_profiles.sql"),
    ),
];

/// From this schema version on (migration 0009), the store fills the full-text indexes itself
/// when it commits ([`super::search::index_added`]); before it, triggers did per row.
pub(super) const SEARCH_AT_COMMIT: i64 = 9;
/// From this schema version on (migration 0010), the writer adds an article's claims and
/// events to its threads' counters itself ([`super::write::write_article`]); before it,
/// triggers did per row.
pub(super) const COUNTERS_AT_WRITE: i64 = 10;

impl Store {
    pub(super) fn migrate(&mut self, upto: usize) -> Result<()> {
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
}
