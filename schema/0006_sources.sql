-- Following a live story (issue 16): the sources `follow` polls, a log of every fetch, and
-- the feed entries each source has already delivered (so only new entries are ingested).

-- One row per followed URL (a feed or a page); its articles go into `thread` (a slug: the
-- thread is created on the first ingest if it does not exist yet).
CREATE TABLE source (
    id            INTEGER PRIMARY KEY,
    url           TEXT NOT NULL UNIQUE,     -- the UNIQUE index makes `source add` idempotent
    thread        TEXT NOT NULL,
    follow_links  INTEGER NOT NULL DEFAULT 0,
    added_at      TEXT NOT NULL,
    etag          TEXT,                     -- validators of the last 200, sent back as
    last_modified TEXT,                     -- If-None-Match / If-Modified-Since
    failures      INTEGER NOT NULL DEFAULT 0, -- consecutive failed polls (back-off exponent)
    next_fetch_at TEXT                      -- RFC 3339 UTC; not polled before (back-off, Retry-After)
);

-- Every HTTP fetch of a source: when, what came back, how many new entries it brought.
CREATE TABLE fetch (
    id          INTEGER PRIMARY KEY,
    source_id   INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
    fetched_at  TEXT NOT NULL,
    status      INTEGER,                    -- HTTP status, NULL when no response came
    error       TEXT,
    new_items   INTEGER NOT NULL DEFAULT 0
);
-- `source list` shows each source's latest fetch and the cascade from source looks rows up by it.
CREATE INDEX fetch_source ON fetch(source_id, id);

-- Entries (by link, else content hash) a source has delivered and that were ingested.
CREATE TABLE source_item (
    source_id  INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
    key        TEXT NOT NULL,
    seen_at    TEXT NOT NULL,
    PRIMARY KEY (source_id, key)
);

-- `--since` (claims, contradictions, report) selects articles by ingestion time.
CREATE INDEX article_ingested ON article(ingested_at);
