//! MinHash band keys of the originals a batch stored, held back until the batch commits and
//! then written in key order (`article_band`), so the copy check still sees them meanwhile.

use std::collections::HashMap;

use rusqlite::{params, Connection};

use super::Result;

/// Band keys written in the open batch, not yet in `article_band`. Inserting each article's
/// 16 keys as it is stored put them at 16 random places of a B-tree that grows with the
/// corpus; written together at commit, sorted, neighbouring keys share their pages. They go
/// into the batch's own transaction, so an article and its bands still commit together.
#[derive(Default)]
pub(super) struct PendingBands {
    /// Band key -> the originals holding it, in the order they were stored (ascending ids).
    by_band: HashMap<i64, Vec<i64>>,
}

impl PendingBands {
    /// Hold `bands` for the original `article_id` (a key repeated within the article once,
    /// as `INSERT OR IGNORE` would keep it).
    pub(super) fn add(&mut self, bands: &[i64], article_id: i64) {
        for &band in bands {
            let ids = self.by_band.entry(band).or_default();
            if ids.last() != Some(&article_id) {
                ids.push(article_id);
            }
        }
    }

    /// The originals of this batch holding `band` (ascending ids: after every stored one).
    pub(super) fn held(&self, band: i64) -> &[i64] {
        self.by_band.get(&band).map_or(&[], Vec::as_slice)
    }

    /// Write every held key, in (band, article) order, inside the caller's transaction.
    pub(super) fn write(self, conn: &Connection) -> Result<()> {
        let mut rows: Vec<(i64, i64)> = self
            .by_band
            .into_iter()
            .flat_map(|(band, ids)| ids.into_iter().map(move |id| (band, id)))
            .collect();
        rows.sort_unstable();
        let mut stmt = conn.prepare_cached(
            "INSERT OR IGNORE INTO article_band (band, article_id) VALUES (?1, ?2)",
        )?;
        for (band, id) in rows {
            stmt.execute(params![band, id])?;
        }
        Ok(())
    }
}
