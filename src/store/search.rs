//! Full-text search over claims and article text (the FTS5 tables of `schema/0002_search.sql`).

use rusqlite::params;

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

/// Quote each word so user input cannot break FTS5 syntax ("U.S." or a stray quote).
pub(super) fn fts_query(q: &str) -> String {
    q.split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ")
}
