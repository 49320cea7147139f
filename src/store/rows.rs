//! Row <-> model mapping: the claim and thread SELECT lists, their row readers, and the
//! text encodings of dates, timestamps, JSON columns and slug lists.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::Type;
use rusqlite::Row;

use crate::model::{
    Claim, ClaimKind, ContradictionKind, DateValue, Figure, Precision, Span, Stance, StoredClaim,
    Thread,
};

pub(super) const CLAIM_SELECT: &str = "SELECT c.id, c.article_id, c.speaker, c.speaker_start, c.speaker_end, c.actor, c.actor_code,
        c.country, c.cue, c.cue_start, c.cue_end, c.kind, c.text, c.start, c.end, c.sentence, c.sentence_start,
        c.sentence_end, c.date, c.date_precision, c.frame, c.polarity, c.hedge, c.target, c.figures, c.denial,
        c.confidence, a.title, a.source,
        (SELECT group_concat(t.slug, char(31)) FROM article_thread at JOIN thread t ON t.id = at.thread_id
          WHERE at.article_id = c.article_id),
        CASE a.published_precision WHEN 'day' THEN a.published END
     FROM claim c JOIN article a ON a.id = c.article_id";

/// Claims detection reads: dated to a day or a week, or undated (a background position) in an
/// article dated to the day.
pub(super) const DETECTABLE: &str =
    "(c.date_precision IN ('day', 'week') OR (c.date IS NULL AND a.published_precision = 'day'))";

/// The day detection places a claim on (see `StoredClaim::detection_day`).
pub(super) const DETECTION_DAY: &str =
    "COALESCE(c.date, CASE a.published_precision WHEN 'day' THEN a.published END)";

/// [`CLAIM_SELECT`] without the article's source and thread slugs (NULL), for detection.
pub(super) const CLAIM_SELECT_LEAN: &str = "SELECT c.id, c.article_id, c.speaker, c.speaker_start, c.speaker_end, c.actor, c.actor_code,
        c.country, c.cue, c.cue_start, c.cue_end, c.kind, c.text, c.start, c.end, c.sentence, c.sentence_start,
        c.sentence_end, c.date, c.date_precision, c.frame, c.polarity, c.hedge, c.target, c.figures, c.denial,
        c.confidence, a.title, NULL, NULL,
        CASE a.published_precision WHEN 'day' THEN a.published END
     FROM claim c JOIN article a ON a.id = c.article_id";

pub(super) fn claim_from_row(r: &Row) -> rusqlite::Result<StoredClaim> {
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
            kind: claim_kind(r.get(11)?)?,
            text: r.get(12)?,
            span: span(r.get(13)?, r.get(14)?),
            sentence: r.get(15)?,
            sentence_span: span(r.get(16)?, r.get(17)?),
            date: date_value(r.get(18)?, &r.get::<_, String>(19)?),
            frame: r.get(20)?,
            polarity: stance(r.get(21)?)?,
            hedge: r.get(22)?,
            target: r.get(23)?,
            figures: from_json::<Vec<Figure>>(&r.get::<_, String>(24)?),
            denial: r.get(25)?,
            confidence: r.get::<_, f64>(26)? as f32,
        },
        article_title: r.get(27)?,
        article_source: r.get(28)?,
        threads: slugs(r.get(29)?),
        article_published: parse_date(r.get(30)?),
    })
}

/// A stored polarity: 1, -1 or 0; any other value is a bad row, not a neutral claim.
fn stance(v: i64) -> rusqlite::Result<Stance> {
    i8::try_from(v)
        .ok()
        .and_then(Stance::from_i8)
        .ok_or_else(|| bad_value(21, Type::Integer, format!("polarity {v}")))
}

/// A stored claim kind: direct, indirect or mixed; any other value is a bad row.
fn claim_kind(v: String) -> rusqlite::Result<ClaimKind> {
    ClaimKind::parse(&v).ok_or_else(|| bad_value(11, Type::Text, format!("claim kind {v:?}")))
}

/// A stored contradiction kind; any other value is a bad row, not an opposing pair.
pub(super) fn contradiction_kind(v: String) -> rusqlite::Result<ContradictionKind> {
    ContradictionKind::parse(&v)
        .ok_or_else(|| bad_value(2, Type::Text, format!("contradiction kind {v:?}")))
}

/// The error for a column value the model has no meaning for ("unknown polarity 7").
fn bad_value(col: usize, ty: Type, what: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(col, ty, format!("unknown {what}").into())
}

/// SQL condition: the claim `c` is not from a syndicated copy (the subquery reads the partial
/// index article_copy_of, which holds only copies).
pub(super) const NOT_A_COPY: &str =
    "c.article_id NOT IN (SELECT id FROM article WHERE copy_of IS NOT NULL)";

pub(super) fn thread_from_row(r: &Row) -> rusqlite::Result<Thread> {
    Ok(Thread {
        slug: r.get(0)?,
        title: r.get(1)?,
        keywords: from_json(&r.get::<_, String>(2)?),
        actors: from_json(&r.get::<_, String>(3)?),
        manual: r.get(4)?,
    })
}

pub(super) fn span(s: i64, e: i64) -> Span {
    Span::new(s.max(0) as usize, e.max(0) as usize)
}

pub(super) fn slugs(s: Option<String>) -> Vec<String> {
    s.map(|s| s.split('\u{1f}').map(str::to_string).collect())
        .unwrap_or_default()
}

pub(super) fn date_str(d: DateValue) -> Option<String> {
    d.date.map(|d| d.to_string())
}

pub(super) fn parse_date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

pub(super) fn date_value(s: Option<String>, precision: &str) -> DateValue {
    match parse_date(s) {
        Some(d) => DateValue {
            date: Some(d),
            precision: Precision::parse(precision),
        },
        None => DateValue::unknown(),
    }
}

pub(super) fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

pub(super) fn from_json<T: serde::de::DeserializeOwned + Default>(s: &str) -> T {
    serde_json::from_str(s).unwrap_or_default()
}

pub(super) fn now() -> String {
    ts(Utc::now())
}

/// Stored timestamps: RFC 3339 UTC to the second ("2016-08-29T09:14:00Z"), so they sort as text.
pub(super) fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

pub(super) fn parse_ts(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}
