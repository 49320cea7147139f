//! Test-only: contradiction detection inside the write transaction, built on the plain storage
//! API. The product never detects here (ingest stores with [`Store::put_article`] and
//! [`Store::commit`], then recomputes whole threads with [`Store::sync_contradictions`]); the
//! store tests use these wrappers to check that a caller's detection over
//! [`Store::batch_claims`], [`Store::candidate_claims`] and [`Store::add_contradictions`]
//! commits or rolls back with the article.

use super::read::candidate_claims;
use super::write::{insert_contradictions, Written};
use super::{Detector, Inserted, NewArticle, Result, Store};
use crate::model::StoredClaim;

impl Store {
    /// Store one article with its extraction, thread memberships and the contradictions its
    /// claims raise, all in one transaction. A duplicate (same content hash) changes nothing.
    ///
    /// Inside a batch ([`Store::begin_batch`]) the article's rows go in a savepoint instead (a
    /// failed article rolls back alone) and detection waits for [`Store::commit_batch`]; the
    /// result then reports 0 contradictions. With no detector (`None`, as ingest runs: it
    /// detects over whole threads after the run) this is [`Store::put_article`].
    pub fn insert_article(
        &mut self,
        new: &NewArticle,
        detect: Option<Detector>,
        window_days: i64,
    ) -> Result<Inserted> {
        let Some(detect) = detect.filter(|_| self.batch.is_none()) else {
            return self.put_article(new);
        };
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let (article_id, thread_ids, new_claims) =
            match Store::write_indexed(self.search_at_commit, self.counters_at_write, &tx, new)? {
                Written::Duplicate(id) => return Ok(Inserted::Duplicate { id }),
                Written::New {
                    article_id,
                    thread_ids,
                    claims,
                } => (article_id, thread_ids, claims),
            };
        let mut found = 0;
        if !new_claims.is_empty() {
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

    /// Find the contradictions raised by the batch's claims (one detection per thread, with
    /// candidates loaded once) and commit everything. Returns the contradictions stored.
    /// With no detector (`None`) this is [`Store::commit`]. On error the whole batch is rolled
    /// back.
    pub fn commit_batch(&mut self, detect: Option<Detector>, window_days: i64) -> Result<usize> {
        let Some(detect) = detect else {
            self.commit()?;
            return Ok(0);
        };
        if self.batch.is_none() {
            return Ok(0);
        }
        match self.detect_batch(detect, window_days) {
            Ok(found) => {
                self.commit()?;
                Ok(found)
            }
            Err(e) => {
                let _ = self.rollback_batch();
                Err(e)
            }
        }
    }

    /// Detection over the open batch's claims, thread by thread.
    fn detect_batch(&mut self, detect: Detector, window_days: i64) -> Result<usize> {
        let mut found = 0;
        for (slug, claims) in self.batch_claims() {
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
                let existing = self.candidate_claims(&slug, &new, window_days)?;
                found += self.add_contradictions(&slug, &detect(&slug, &new, &existing))?;
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
                let existing = self.candidate_claims(&slug, &figures, window_days)?;
                found += self.add_contradictions(&slug, &detect(&slug, &figures, &existing))?;
            }
        }
        Ok(found)
    }
}
