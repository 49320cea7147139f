-- 0001_init: the core tables. Shipped; never edit — add a new numbered file instead.
-- Foreign keys, WAL and the busy timeout are set by the store at open time (they are connection settings).

-- A story thread: analyst-defined (manual = 1, with keyword/actor rules) or made by automatic assignment.
-- `profile` is the automatic assignment's JSON term/actor profile, updated as articles join.
CREATE TABLE thread (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL,
    keywords    TEXT NOT NULL DEFAULT '[]',   -- JSON array of strings
    actors      TEXT NOT NULL DEFAULT '[]',   -- JSON array of actor codes
    manual      INTEGER NOT NULL DEFAULT 0,
    profile     TEXT NOT NULL DEFAULT '{}',
    created_at  TEXT NOT NULL
);

-- One row per distinct article; content_hash (sha256 of the normalized body) makes ingest idempotent.
CREATE TABLE article (
    id                  INTEGER PRIMARY KEY,
    url                 TEXT,
    source              TEXT,
    title               TEXT NOT NULL,
    published           TEXT,                  -- YYYY-MM-DD (first day of the period) or NULL
    published_precision TEXT NOT NULL,         -- day | week | month | year | unknown
    dateline            TEXT,
    byline              TEXT,
    contributors        TEXT NOT NULL DEFAULT '[]',
    body                TEXT NOT NULL,
    origin              TEXT NOT NULL,
    summary_only        INTEGER NOT NULL DEFAULT 0,
    content_hash        TEXT NOT NULL UNIQUE,  -- the UNIQUE index is the duplicate check
    ingested_at         TEXT NOT NULL
);
-- `articles` and reports list by publication date.
CREATE INDEX article_published ON article(published);

-- Membership of articles in threads (an article may be in several).
CREATE TABLE article_thread (
    thread_id   INTEGER NOT NULL REFERENCES thread(id) ON DELETE CASCADE,
    article_id  INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    score       REAL NOT NULL DEFAULT 1.0,
    PRIMARY KEY (thread_id, article_id)
) WITHOUT ROWID;
-- Looking up the threads of one article (listings show them) needs the reverse order.
CREATE INDEX article_thread_article ON article_thread(article_id, thread_id);

-- Actors added by analysts (the seed gazetteer ships in schema/gazetteer.tsv and is compiled in).
CREATE TABLE actor (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    code     TEXT NOT NULL,
    kind     TEXT NOT NULL,
    country  TEXT,
    UNIQUE (name, code)
);
CREATE TABLE actor_alias (
    actor_id  INTEGER NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    PRIMARY KEY (actor_id, alias)
) WITHOUT ROWID;

-- Attributed claims. start/end are byte offsets of `text` in article.body.
CREATE TABLE claim (
    id              INTEGER PRIMARY KEY,
    article_id      INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    speaker         TEXT NOT NULL,
    speaker_start   INTEGER,
    speaker_end     INTEGER,
    actor           TEXT,
    actor_code      TEXT,
    country         TEXT,
    cue             TEXT NOT NULL,
    cue_start       INTEGER,
    cue_end         INTEGER,
    kind            TEXT NOT NULL,
    text            TEXT NOT NULL,
    start           INTEGER NOT NULL,
    end             INTEGER NOT NULL,
    sentence        TEXT NOT NULL,
    sentence_start  INTEGER NOT NULL,
    sentence_end    INTEGER NOT NULL,
    date            TEXT,
    date_precision  TEXT NOT NULL,
    frame           TEXT,
    polarity        INTEGER NOT NULL,
    hedge           TEXT,
    target          TEXT,
    figures         TEXT NOT NULL DEFAULT '[]',
    denial          INTEGER NOT NULL DEFAULT 0,
    confidence      REAL NOT NULL
);
-- Listing an article's claims and cascading deletes.
CREATE INDEX claim_article ON claim(article_id);
-- `claims --actor CODE --since/--until` filters.
CREATE INDEX claim_actor_date ON claim(actor_code, date);
-- Contradiction candidates are blocked by frame and date window.
CREATE INDEX claim_frame_date ON claim(frame, date);

-- Dated happenings that are not speech.
CREATE TABLE event (
    id              INTEGER PRIMARY KEY,
    article_id      INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    date            TEXT,
    date_precision  TEXT NOT NULL,
    text            TEXT NOT NULL,
    start           INTEGER NOT NULL,
    end             INTEGER NOT NULL,
    sentence        TEXT NOT NULL,
    sentence_start  INTEGER NOT NULL,
    sentence_end    INTEGER NOT NULL,
    actors          TEXT NOT NULL DEFAULT '[]',
    type            TEXT,
    trigger         TEXT NOT NULL,
    figures         TEXT NOT NULL DEFAULT '[]'
);
-- Listing an article's events and cascading deletes.
CREATE INDEX event_article ON event(article_id);

-- Contradictions between two claims within a thread; a is the earlier claim id.
CREATE TABLE contradiction (
    id          INTEGER PRIMARY KEY,
    thread_id   INTEGER NOT NULL REFERENCES thread(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    score       REAL NOT NULL,
    explanation TEXT NOT NULL,
    a           INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
    b           INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
    UNIQUE (thread_id, a, b, kind)   -- never store the same contradiction twice
);
-- Cascading deletes from claim look contradictions up by either side.
CREATE INDEX contradiction_a ON contradiction(a);
CREATE INDEX contradiction_b ON contradiction(b);
