//! Writes: an article's rows (article, threads, claims, events), contradictions, threads,
//! actors and followed sources. Callers own the transaction; these only store.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::read::thread_id;
use super::rows::*;
use super::{NewArticle, Result, Store, StoreError};
use crate::extract::actors::ActorCode;
use crate::model::{Contradiction, FetchRecord, GazetteerEntry, Thread};

impl Store {
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
            // One parameter list for both statements: ?1 thread, ?2 kind, ?3 score,
            // ?4 explanation, ?5 a, ?6 b, ?7 proposition.
            let values = params![
                tid,
                c.kind.as_str(),
                c.score as f64,
                c.explanation,
                a,
                b,
                c.proposition
            ];
            let inserted = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO contradiction (thread_id, kind, score, explanation, proposition, a, b)
                     VALUES (?1, ?2, ?3, ?4, ?7, ?5, ?6)",
                )?
                .execute(values)?;
            if inserted == 0 {
                tx.prepare_cached(
                    "UPDATE contradiction SET score = ?3, explanation = ?4, proposition = ?7
                      WHERE thread_id = ?1 AND kind = ?2 AND a = ?5 AND b = ?6",
                )?
                .execute(values)?;
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
                tx.prepare_cached("DELETE FROM contradiction WHERE id = ?1")?
                    .execute(params![id])?;
            }
        }
        tx.commit()?;
        Ok(n)
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
            let code = ActorCode::new(e.code.as_str());
            let id = insert_actor(&tx, e, code.letter_prefix())?;
            let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
            tx.execute(
                "INSERT OR IGNORE INTO actor_period (actor_id, valid_from, valid_until) VALUES (?1, ?2, ?3)",
                params![id, day(e.from), day(e.until)],
            )?;
        }
        tx.commit()?;
        Ok(entries.len())
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
}

/// What [`write_article`] did.
pub(super) enum Written {
    Duplicate(i64),
    /// The new article's id.
    New(i64),
}

/// Write one article's rows (article, threads, profiles, claims, events) on `conn`, inside
/// whatever transaction or savepoint the caller opened.
/// With `counters` (schema 0010 on) the article's claims and events are added to its threads'
/// counters here, in one update, as the row triggers of 0008 did before. With `defer_bands`
/// an original's band keys are left to the caller (a batch writes them at commit).
pub(super) fn write_article(
    conn: &Connection,
    new: &NewArticle,
    counters: bool,
    defer_bands: bool,
) -> Result<Written> {
    if let Some(id) = conn
        .prepare_cached("SELECT id FROM article WHERE content_hash = ?1")?
        .query_row(params![new.hash], |r| r.get(0))
        .optional()?
    {
        return Ok(Written::Duplicate(id));
    }
    let article_id = write_article_row(conn, new)?;
    write_copy_or_bands(conn, new, article_id, defer_bands)?;
    let threads = write_memberships(conn, new, article_id)?;
    write_claims(conn, new, article_id)?;
    write_events(conn, new, article_id)?;
    if counters {
        count_in_threads(conn, new, &threads)?;
    }
    Ok(Written::New(article_id))
}

/// The article row itself; returns its id.
fn write_article_row(conn: &Connection, new: &NewArticle) -> Result<i64> {
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
    Ok(conn.last_insert_rowid())
}

/// A copy's link to its original, or an original's MinHash bands (unless `defer_bands`)
/// and shingle profile.
fn write_copy_or_bands(
    conn: &Connection,
    new: &NewArticle,
    article_id: i64,
    defer_bands: bool,
) -> Result<()> {
    // Copy columns only when there is something to write (the store's own tests write into
    // databases of older schema versions).
    if let Some(original) = new.copy_of {
        conn.prepare_cached("UPDATE article SET copy_of = ?2 WHERE id = ?1")?
            .execute(params![article_id, original])?;
    } else if !new.bands.is_empty() {
        if !defer_bands {
            let mut stmt = conn.prepare_cached(
                "INSERT OR IGNORE INTO article_band (band, article_id) VALUES (?1, ?2)",
            )?;
            for band in new.bands {
                stmt.execute(params![band, article_id])?;
            }
        }
        // Only with a profile to write (the store's own tests write into older schemas).
        if !new.profile.is_empty() {
            conn.prepare_cached(
                "INSERT INTO article_shingle_profile (article_id, counts) VALUES (?1, ?2)",
            )?
            .execute(params![article_id, new.profile])?;
        }
    }
    Ok(())
}

/// Threads created or updated by this article, and its memberships; returns the ids of the
/// threads it joined (each once, ascending).
fn write_memberships(conn: &Connection, new: &NewArticle, article_id: i64) -> Result<Vec<i64>> {
    for t in &new.new_threads {
        insert_thread(conn, t)?;
    }
    for (slug, json_profile) in &new.profiles {
        conn.prepare_cached("UPDATE thread SET profile = ?2 WHERE slug = ?1")?
            .execute(params![slug, json_profile])?;
    }
    let mut joined = Vec::with_capacity(new.threads.len());
    for (slug, score) in &new.threads {
        let id = thread_id(conn, slug)?;
        conn.prepare_cached(
            "INSERT OR IGNORE INTO article_thread (thread_id, article_id, score) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![id, article_id, *score as f64])?;
        joined.push(id);
    }
    joined.sort_unstable();
    joined.dedup();
    Ok(joined)
}

/// The article's claims.
fn write_claims(conn: &Connection, new: &NewArticle, article_id: i64) -> Result<()> {
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
            i64::from(c.polarity.as_i8()),
            c.hedge,
            c.target,
            json(&c.figures),
            c.denial,
            c.confidence as f64,
        ])?;
    }
    Ok(())
}

/// Add an original's claims and events to the counters of the threads it joined (`threads`,
/// their ids as [`write_memberships`] gave them; a copy's take no part in counts).
fn count_in_threads(conn: &Connection, new: &NewArticle, threads: &[i64]) -> Result<()> {
    let (claims, events) = (new.extraction.claims.len(), new.extraction.events.len());
    if new.copy_of.is_some() || claims + events == 0 {
        return Ok(());
    }
    let mut stmt = conn.prepare_cached(
        "UPDATE thread_counters SET claims = claims + ?2, events = events + ?3 WHERE thread_id = ?1",
    )?;
    for id in threads {
        stmt.execute(params![id, claims as i64, events as i64])?;
    }
    Ok(())
}

/// The article's events.
fn write_events(conn: &Connection, new: &NewArticle, article_id: i64) -> Result<()> {
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
    Ok(())
}

/// Create a thread, or find it when its slug is taken already (a concurrent writer got there
/// first): the article then joins the existing thread instead of failing on the unique slug.
pub(super) fn insert_thread(tx: &Connection, t: &Thread) -> Result<i64> {
    tx.execute(
        "INSERT INTO thread (slug, title, keywords, actors, manual, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (slug) DO NOTHING",
        params![t.slug, t.title, json(&t.keywords), json(&t.actors), t.manual, now()],
    )?;
    thread_id(tx, &t.slug)
}

/// Insert or update one actor row and its aliases; returns the actor id.
pub(super) fn insert_actor(
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
