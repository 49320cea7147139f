//! Full-text search over claims and article text (the FTS5 tables of `schema/0002_search.sql`),
//! and filling those indexes when a write transaction commits (`schema/0009_search_at_commit.sql`).

use rusqlite::{params, Connection};

use super::{Result, SearchHit, Store};

impl Store {
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
}

/// The highest article and claim ids so far (0 when none): rows a transaction adds after
/// this get higher ids (INTEGER PRIMARY KEY picks max + 1, and the transaction holds the
/// write lock), which is how [`index_added`] finds them.
pub(super) fn last_ids(conn: &Connection) -> Result<(i64, i64)> {
    Ok(conn.query_row(
        "SELECT (SELECT coalesce(max(id), 0) FROM article), (SELECT coalesce(max(id), 0) FROM claim)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

/// Index the articles and claims added since [`last_ids`] said `after`, one statement per
/// table, inside the caller's transaction (so they commit with their rows or not at all).
/// Rows added in a savepoint that was rolled back are gone, so they are not indexed.
pub(super) fn index_added(conn: &Connection, after: (i64, i64)) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO article_fts (rowid, title, body) SELECT id, title, body FROM article WHERE id > ?1",
    )?
    .execute(params![after.0])?;
    conn.prepare_cached(
        "INSERT INTO claim_fts (rowid, speaker, text) SELECT id, speaker, text FROM claim WHERE id > ?1",
    )?
    .execute(params![after.1])?;
    Ok(())
}

/// Quote each word so user input cannot break FTS5 syntax ("U.S." or a stray quote).
pub(super) fn fts_query(q: &str) -> String {
    q.split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ")
}
