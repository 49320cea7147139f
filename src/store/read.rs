//! Listings and lookups: threads, articles, claims, events, contradictions, actors, sources,
//! and the candidate claims contradiction detection compares against.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::rows::*;
use super::{ClaimFilter, Result, Store, StoreError};

/// Whether a stored original's shingle profile (`copies::profile`) may still be a copy's
/// original ([`Store::copy_candidates_with`]).
pub type ProfileTest<'a> = dyn Fn(&[u8]) -> bool + 'a;

/// Originals sharing one MinHash band above which the band is not used to find copy
/// candidates (see [`Store::copy_candidates`]).
pub const HOT_BAND: usize = 16;
use crate::model::{
    ActorKind, Article, Contradiction, ContradictionKind, DateValue, Event, FetchRecord,
    GazetteerEntry, Source, StoredArticle, StoredClaim, StoredContradiction, StoredEvent, Thread,
    ThreadSummary,
};

impl Store {
    /// The article id with this content hash, if stored.
    pub fn find_by_hash(&self, hash: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .prepare_cached("SELECT id FROM article WHERE content_hash = ?1")?
            .query_row(params![hash], |r| r.get(0))
            .optional()?)
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

    /// Threads with their counts and date span, read from the counters the writer keeps
    /// (`schema/0008_thread_counters.sql`): one row per thread, no counting.
    pub fn threads(&self) -> Result<Vec<ThreadSummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT t.slug, t.title, t.keywords, t.actors, t.manual, t.id,
                    coalesce(n.articles, 0), coalesce(n.claims, 0), coalesce(n.events, 0),
                    coalesce(n.contradictions, 0), n.first, n.last
             FROM thread t LEFT JOIN thread_counters n ON n.thread_id = t.id ORDER BY t.id",
        )?;
        let rows = stmt.query_map([], summary_from_row)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Threads with their counts counted from the rows (what `threads` read before the
    /// counters): tests check the counters against it.
    #[cfg(test)]
    pub(super) fn threads_recounted(&self) -> Result<Vec<ThreadSummary>> {
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
        let rows = stmt.query_map([], summary_from_row)?;
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
                        kind: contradiction_kind(r.get(2)?)?,
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

    /// The claims contradiction detection reads for a thread: those dated to a day or a week
    /// (no other date can pair), in the order of [`Store::thread_claims`], without their
    /// article's thread slugs and source (detection reads neither; on a thread of a million
    /// claims that is memory and a subquery per row saved).
    pub fn detection_claims(&self, slug: &str) -> Result<Vec<StoredClaim>> {
        let tid = thread_id(&self.conn, slug)?;
        let sql = format!(
            "{CLAIM_SELECT_LEAN} WHERE c.article_id IN (SELECT article_id FROM article_thread WHERE thread_id = ?1)
               AND {NOT_A_COPY} AND {DETECTABLE}
             ORDER BY {DETECTION_DAY} IS NULL, {DETECTION_DAY}, c.id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params![tid], claim_from_row)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Originals sharing a MinHash band with `bands` (candidates for `copies::is_copy`):
    /// (id, published, body), oldest first (by published date, then id).
    ///
    /// A band held by more than [`HOT_BAND`] originals is skipped: originals are, by
    /// definition, not copies of each other, so a band that many of them share comes from
    /// wording they all use (a wire's stock paragraphs), not from one story run twice. A real
    /// copy shares several bands (at Jaccard 0.7, 3.8 of 16 on average), so it is still found
    /// through the others. Without this, every new article of a corpus written from stock
    /// paragraphs is compared with a growing share of all stored articles.
    pub fn copy_candidates(&self, bands: &[i64]) -> Result<Vec<(i64, DateValue, String)>> {
        Ok(self
            .copy_candidates_with(bands, |_| None, None)?
            .into_iter()
            .map(|(id, published, body)| (id, published, body.unwrap_or_default()))
            .collect())
    }

    /// [`Store::copy_candidates`], without reading the articles the caller already has (their
    /// shingles, say): for an id where `have` gives the original's published date (as
    /// [`Store::as_stored`] gives it back), that date and `None` in place of the body, and no
    /// query. Only originals hold bands, and an article's row never changes.
    ///
    /// With `may`, an original whose stored shingle profile (schema 0011) `may` rejects is
    /// left out without reading its row (`copies::may_be_copy`: it cannot be a copy's
    /// original); one without a stored profile is read as before.
    pub fn copy_candidates_with(
        &self,
        bands: &[i64],
        have: impl Fn(i64) -> Option<DateValue>,
        may: Option<&ProfileTest<'_>>,
    ) -> Result<Vec<(i64, DateValue, Option<String>)>> {
        let mut ids = std::collections::BTreeSet::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT article_id FROM article_band WHERE band = ?1 LIMIT ?2")?;
        for band in bands {
            let mut held: Vec<i64> = stmt
                .query_map(params![band, HOT_BAND as i64 + 1], |r| r.get::<_, i64>(0))?
                .collect::<std::result::Result<_, _>>()?;
            // Originals of the open batch whose keys wait for its commit.
            if let Some(batch) = &self.batch {
                held.extend_from_slice(batch.bands.held(*band));
            }
            if held.len() <= HOT_BAND {
                ids.extend(held);
            }
        }
        let mut with_body = self.conn.prepare_cached(
            "SELECT published, published_precision, body FROM article WHERE id = ?1 AND copy_of IS NULL",
        )?;
        let mut out = Vec::new();
        for id in ids {
            if let Some(published) = have(id) {
                out.push((id, published, None));
                continue;
            }
            if let Some(may) = may {
                let mut profile = self.conn.prepare_cached(
                    "SELECT counts FROM article_shingle_profile WHERE article_id = ?1",
                )?;
                let rejected = profile
                    .query_row(params![id], |r| {
                        let counts = r.get_ref(0)?.as_blob()?;
                        Ok(!may(counts))
                    })
                    .optional()?
                    .unwrap_or(false);
                if rejected {
                    continue;
                }
            }
            if let Some((published, body)) = with_body
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

    /// A date as it reads back from the store (`published` of [`Store::copy_candidates`]).
    pub fn as_stored(d: DateValue) -> DateValue {
        date_value(date_str(d), d.precision.as_str())
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

    pub(super) fn opt_thread_id(&self, slug: Option<&str>) -> Result<Option<i64>> {
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

    /// Entry keys a source already delivered.
    pub fn seen_items(&self, source_id: i64) -> Result<HashSet<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT key FROM source_item WHERE source_id = ?1")?;
        let rows = stmt.query_map(params![source_id], |r| r.get(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
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

pub(super) fn thread_id(tx: &Connection, slug: &str) -> Result<i64> {
    tx.prepare_cached("SELECT id FROM thread WHERE slug = ?1")?
        .query_row(params![slug], |r| r.get(0))
        .optional()?
        .ok_or_else(|| StoreError::UnknownThread(slug.to_string()))
}

/// A `threads` row: the thread's columns, its id, four counts and the date span.
fn summary_from_row(r: &rusqlite::Row) -> rusqlite::Result<ThreadSummary> {
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
}
