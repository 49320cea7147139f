//! Streamed contradiction sync: a thread's detection claims read in date order a chunk at a
//! time, the contradictions found staged on disk, then made the thread's stored set.
//!
//! [`Store::sync_contradictions`] takes every contradiction of a thread at once (on a
//! 100,000-article thread, 700,000 of them with their strings) and detection needs every
//! claim in memory to produce them. [`Store::sync_contradictions_with`] hands the caller a
//! [`ContradictionSync`] instead: claims come in chunks ([`ContradictionSync::for_each_chunk`])
//! and what the caller finds goes into a temporary table (a file, not memory) keyed by
//! (a, b, kind). At the end the staged rows are written in (a, b, kind) order, so new rows
//! get the ids [`Store::sync_contradictions`] would give them, rows already stored keep
//! theirs (score and strings refreshed) and rows no longer found are deleted.

use std::collections::HashMap;

use rusqlite::{params, Transaction};

use super::read::thread_id;
use super::rows::*;
use super::{Result, Store};
use crate::model::{Contradiction, StoredClaim};

/// One running sync of a thread's contradictions (see [`Store::sync_contradictions_with`]).
pub struct ContradictionSync<'t> {
    tx: &'t Transaction<'t>,
    tid: i64,
}

const STAGE: &str = "CREATE TEMP TABLE IF NOT EXISTS contradiction_stage (
    a INTEGER NOT NULL, b INTEGER NOT NULL, k INTEGER NOT NULL, kind TEXT NOT NULL,
    score REAL NOT NULL, explanation TEXT NOT NULL, proposition TEXT NOT NULL,
    PRIMARY KEY (a, b, k)) WITHOUT ROWID";

impl Store {
    /// Make a thread's stored contradictions exactly what `run` stages, as
    /// [`Store::sync_contradictions`] does with a list; one transaction. Returns how many
    /// pairs were new. On error nothing changes.
    pub fn sync_contradictions_with<F>(&mut self, slug: &str, run: F) -> Result<usize>
    where
        F: FnOnce(&mut ContradictionSync) -> Result<()>,
    {
        // The stage goes to a temporary file: in memory it would hold every string.
        let temp: i64 = self.conn.query_row("PRAGMA temp_store", [], |r| r.get(0))?;
        self.conn.execute_batch("PRAGMA temp_store = FILE")?;
        let result = self
            .conn
            .execute_batch(STAGE)
            .map_err(Into::into)
            .and_then(|()| self.sync_staged(slug, run));
        let dropped = self
            .conn
            .execute_batch("DROP TABLE IF EXISTS temp.contradiction_stage");
        let restored = self
            .conn
            .execute_batch(&format!("PRAGMA temp_store = {temp}"));
        let n = result?;
        dropped?;
        restored?;
        Ok(n)
    }

    fn sync_staged<F>(&mut self, slug: &str, run: F) -> Result<usize>
    where
        F: FnOnce(&mut ContradictionSync) -> Result<()>,
    {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let tid = thread_id(&tx, slug)?;
        tx.execute("DELETE FROM temp.contradiction_stage", [])?;
        run(&mut ContradictionSync { tx: &tx, tid })?;
        let new: i64 = tx.query_row(
            "SELECT count(*) FROM temp.contradiction_stage s
              WHERE NOT EXISTS (SELECT 1 FROM contradiction x
                                 WHERE x.thread_id = ?1 AND x.a = s.a AND x.b = s.b AND x.kind = s.kind)",
            params![tid],
            |r| r.get(0),
        )?;
        // In (a, b, kind) order, as `sync_contradictions` inserts: new rows get the same ids.
        tx.execute(
            "INSERT INTO contradiction (thread_id, kind, score, explanation, proposition, a, b)
             SELECT ?1, kind, score, explanation, proposition, a, b
               FROM temp.contradiction_stage WHERE true ORDER BY a, b, k
             ON CONFLICT (thread_id, a, b, kind) DO UPDATE
                SET score = excluded.score, explanation = excluded.explanation,
                    proposition = excluded.proposition",
            params![tid],
        )?;
        tx.execute(
            "DELETE FROM contradiction
              WHERE thread_id = ?1
                AND NOT EXISTS (SELECT 1 FROM temp.contradiction_stage s
                                 WHERE s.a = contradiction.a AND s.b = contradiction.b
                                   AND s.kind = contradiction.kind)",
            params![tid],
        )?;
        tx.commit()?;
        Ok(new as usize)
    }
}

impl ContradictionSync<'_> {
    /// The thread's detection claims ([`Store::detection_claims`]: dated to a day or a week, no
    /// copies) in the same order (date, then id), about `size` at a time: `f` gets each
    /// chunk and returns contradictions to stage.
    pub fn for_each_chunk<F>(&mut self, size: usize, mut f: F) -> Result<()>
    where
        F: FnMut(Vec<StoredClaim>) -> Vec<Contradiction>,
    {
        for ids in self.claim_order()?.chunks(size.max(1)) {
            let claims = self.claims(ids)?;
            let found = f(claims);
            self.stage(&found)?;
        }
        Ok(())
    }

    /// Claim ids of the thread's detection claims ordered by date (text order, undated last),
    /// then id: the order of `ORDER BY c.date IS NULL, c.date, c.id`, sorted here so that
    /// SQLite need not sort the whole rows.
    fn claim_order(&self) -> Result<Vec<i64>> {
        let sql = format!(
            "SELECT c.id, {DETECTION_DAY} FROM claim c JOIN article a ON a.id = c.article_id
              WHERE c.article_id IN (SELECT article_id FROM article_thread WHERE thread_id = ?1)
                AND {NOT_A_COPY} AND {DETECTABLE}"
        );
        let mut stmt = self.tx.prepare(&sql)?;
        let mut rows = stmt.query(params![self.tid])?;
        let mut dates: HashMap<String, u32> = HashMap::new();
        let mut keys: Vec<(u32, i64)> = Vec::new();
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let date: Option<String> = r.get(1)?;
            let d = match date {
                None => u32::MAX,
                Some(d) => {
                    let n = dates.len() as u32;
                    *dates.entry(d).or_insert(n)
                }
            };
            keys.push((d, id));
        }
        // Each distinct date's rank in text order; undated (u32::MAX) stays last.
        let mut distinct: Vec<(&String, u32)> = dates.iter().map(|(d, &n)| (d, n)).collect();
        distinct.sort();
        let mut rank = vec![0u32; distinct.len()];
        for (r, (_, n)) in distinct.iter().enumerate() {
            rank[*n as usize] = r as u32;
        }
        for k in &mut keys {
            if k.0 != u32::MAX {
                k.0 = rank[k.0 as usize];
            }
        }
        keys.sort_unstable();
        Ok(keys.into_iter().map(|(_, id)| id).collect())
    }

    /// Claims by id, as detection reads them (in the order of `ids`; unknown ids are skipped).
    pub fn claims(&self, ids: &[i64]) -> Result<Vec<StoredClaim>> {
        let mut stmt = self
            .tx
            .prepare_cached(&format!("{CLAIM_SELECT_LEAN} WHERE c.id = ?1"))?;
        let mut out = Vec::with_capacity(ids.len());
        for &id in ids {
            let mut rows = stmt.query(params![id])?;
            if let Some(r) = rows.next()? {
                out.push(claim_from_row(r)?);
            }
        }
        Ok(out)
    }

    /// Stage contradictions found (a pair staged twice keeps its first version).
    pub fn stage(&mut self, found: &[Contradiction]) -> Result<()> {
        let mut stmt = self.tx.prepare_cached(
            "INSERT OR IGNORE INTO temp.contradiction_stage (a, b, k, kind, score, explanation, proposition)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for c in found {
            let (a, b) = if c.a <= c.b { (c.a, c.b) } else { (c.b, c.a) };
            stmt.execute(params![
                a,
                b,
                c.kind as i64,
                c.kind.as_str(),
                c.score as f64,
                c.explanation,
                c.proposition
            ])?;
        }
        Ok(())
    }
}
