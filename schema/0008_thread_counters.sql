-- 0008_thread_counters: per-thread counters for the `threads` listing (issue 14: it must answer
-- in well under 100 ms on a big database; counting every member's claims on each call did not).
-- Shipped; never edit — add a new numbered file instead.
--
-- The counters are kept by the triggers below, which are part of every write: an article
-- joining or leaving a thread, a claim or event added or removed, an article turned into a copy
-- (or re-dated), a contradiction stored or deleted (`sync_contradictions` deletes and inserts).
-- What they count is exactly what the listing used to count on the fly:
--   articles        member articles, copies included
--   claims, events  rows of member articles that are not syndicated copies (see 0007)
--   contradictions  contradiction rows of the thread
--   first, last     earliest and latest non-NULL `published` of any member article
-- Cheap changes adjust a counter; a membership removed (rare: an article deleted, a thread
-- merged away) recounts its thread.

CREATE TABLE thread_counters (
    thread_id       INTEGER PRIMARY KEY REFERENCES thread(id) ON DELETE CASCADE,
    articles        INTEGER NOT NULL DEFAULT 0,
    claims          INTEGER NOT NULL DEFAULT 0,
    events          INTEGER NOT NULL DEFAULT 0,
    contradictions  INTEGER NOT NULL DEFAULT 0,
    first           TEXT,   -- YYYY-MM-DD or NULL
    last            TEXT
);

-- Backfill from the rows already stored.
INSERT INTO thread_counters (thread_id) SELECT id FROM thread;
UPDATE thread_counters SET
    articles = (SELECT count(*) FROM article_thread at WHERE at.thread_id = thread_counters.thread_id),
    claims = (SELECT count(*) FROM article_thread at JOIN claim c ON c.article_id = at.article_id
               WHERE at.thread_id = thread_counters.thread_id
                 AND at.article_id NOT IN (SELECT id FROM article WHERE copy_of IS NOT NULL)),
    events = (SELECT count(*) FROM article_thread at JOIN event e ON e.article_id = at.article_id
               WHERE at.thread_id = thread_counters.thread_id
                 AND at.article_id NOT IN (SELECT id FROM article WHERE copy_of IS NOT NULL)),
    contradictions = (SELECT count(*) FROM contradiction x WHERE x.thread_id = thread_counters.thread_id),
    first = (SELECT min(a.published) FROM article_thread at JOIN article a ON a.id = at.article_id
              WHERE at.thread_id = thread_counters.thread_id),
    last = (SELECT max(a.published) FROM article_thread at JOIN article a ON a.id = at.article_id
             WHERE at.thread_id = thread_counters.thread_id);

-- Every thread has its counters row from the start.
CREATE TRIGGER thread_counters_new_thread AFTER INSERT ON thread BEGIN
    INSERT INTO thread_counters (thread_id) VALUES (NEW.id);
END;

-- An article joins a thread: one more article, its claims and events (none yet when the store
-- writes memberships first; the claim and event triggers add them), and maybe a new date span.
-- Scalar min()/max() are NULL when either side is, hence the coalesce.
CREATE TRIGGER thread_counters_join AFTER INSERT ON article_thread BEGIN
    UPDATE thread_counters SET
        articles = articles + 1,
        claims = claims + (SELECT count(*) FROM claim c WHERE c.article_id = NEW.article_id
                             AND NOT EXISTS (SELECT 1 FROM article WHERE id = NEW.article_id AND copy_of IS NOT NULL)),
        events = events + (SELECT count(*) FROM event e WHERE e.article_id = NEW.article_id
                             AND NOT EXISTS (SELECT 1 FROM article WHERE id = NEW.article_id AND copy_of IS NOT NULL)),
        first = (SELECT coalesce(min(thread_counters.first, a.published), thread_counters.first, a.published)
                   FROM article a WHERE a.id = NEW.article_id),
        last = (SELECT coalesce(max(thread_counters.last, a.published), thread_counters.last, a.published)
                  FROM article a WHERE a.id = NEW.article_id)
    WHERE thread_id = NEW.thread_id;
END;

-- An article leaves a thread (it was deleted, or the thread is being merged away): recount the
-- thread, since its first or last date may have gone with it. Skipped when the thread itself
-- is being deleted (its counters row goes with it).
CREATE TRIGGER thread_counters_leave AFTER DELETE ON article_thread
WHEN EXISTS (SELECT 1 FROM thread WHERE id = OLD.thread_id)
BEGIN
    UPDATE thread_counters SET
        articles = (SELECT count(*) FROM article_thread at WHERE at.thread_id = thread_counters.thread_id),
        claims = (SELECT count(*) FROM article_thread at JOIN claim c ON c.article_id = at.article_id
                   WHERE at.thread_id = thread_counters.thread_id
                     AND at.article_id NOT IN (SELECT id FROM article WHERE copy_of IS NOT NULL)),
        events = (SELECT count(*) FROM article_thread at JOIN event e ON e.article_id = at.article_id
                   WHERE at.thread_id = thread_counters.thread_id
                     AND at.article_id NOT IN (SELECT id FROM article WHERE copy_of IS NOT NULL)),
        first = (SELECT min(a.published) FROM article_thread at JOIN article a ON a.id = at.article_id
                  WHERE at.thread_id = thread_counters.thread_id),
        last = (SELECT max(a.published) FROM article_thread at JOIN article a ON a.id = at.article_id
                 WHERE at.thread_id = thread_counters.thread_id)
    WHERE thread_id = OLD.thread_id;
END;

-- An article becomes (or stops being) a copy, or is re-dated: recount each of its threads.
CREATE TRIGGER thread_counters_article_changed AFTER UPDATE OF copy_of, published ON article
WHEN OLD.copy_of IS NOT NEW.copy_of OR OLD.published IS NOT NEW.published
BEGIN
    UPDATE thread_counters SET
        claims = (SELECT count(*) FROM article_thread at JOIN claim c ON c.article_id = at.article_id
                   WHERE at.thread_id = thread_counters.thread_id
                     AND at.article_id NOT IN (SELECT id FROM article WHERE copy_of IS NOT NULL)),
        events = (SELECT count(*) FROM article_thread at JOIN event e ON e.article_id = at.article_id
                   WHERE at.thread_id = thread_counters.thread_id
                     AND at.article_id NOT IN (SELECT id FROM article WHERE copy_of IS NOT NULL)),
        first = (SELECT min(a.published) FROM article_thread at JOIN article a ON a.id = at.article_id
                  WHERE at.thread_id = thread_counters.thread_id),
        last = (SELECT max(a.published) FROM article_thread at JOIN article a ON a.id = at.article_id
                 WHERE at.thread_id = thread_counters.thread_id)
    WHERE thread_id IN (SELECT thread_id FROM article_thread WHERE article_id = NEW.id);
END;

-- Claims and events of an original, added or removed, count in each of its article's threads.
-- (When an article is deleted its memberships go too, and thread_counters_leave recounts.)
CREATE TRIGGER thread_counters_claim_add AFTER INSERT ON claim
WHEN NOT EXISTS (SELECT 1 FROM article WHERE id = NEW.article_id AND copy_of IS NOT NULL)
BEGIN
    UPDATE thread_counters SET claims = claims + 1
    WHERE thread_id IN (SELECT thread_id FROM article_thread WHERE article_id = NEW.article_id);
END;
CREATE TRIGGER thread_counters_claim_remove AFTER DELETE ON claim
WHEN NOT EXISTS (SELECT 1 FROM article WHERE id = OLD.article_id AND copy_of IS NOT NULL)
BEGIN
    UPDATE thread_counters SET claims = claims - 1
    WHERE thread_id IN (SELECT thread_id FROM article_thread WHERE article_id = OLD.article_id);
END;
CREATE TRIGGER thread_counters_event_add AFTER INSERT ON event
WHEN NOT EXISTS (SELECT 1 FROM article WHERE id = NEW.article_id AND copy_of IS NOT NULL)
BEGIN
    UPDATE thread_counters SET events = events + 1
    WHERE thread_id IN (SELECT thread_id FROM article_thread WHERE article_id = NEW.article_id);
END;
CREATE TRIGGER thread_counters_event_remove AFTER DELETE ON event
WHEN NOT EXISTS (SELECT 1 FROM article WHERE id = OLD.article_id AND copy_of IS NOT NULL)
BEGIN
    UPDATE thread_counters SET events = events - 1
    WHERE thread_id IN (SELECT thread_id FROM article_thread WHERE article_id = OLD.article_id);
END;

-- Contradictions stored or deleted (a repeat ignored by INSERT OR IGNORE fires nothing).
CREATE TRIGGER thread_counters_contradiction_add AFTER INSERT ON contradiction BEGIN
    UPDATE thread_counters SET contradictions = contradictions + 1 WHERE thread_id = NEW.thread_id;
END;
CREATE TRIGGER thread_counters_contradiction_remove AFTER DELETE ON contradiction BEGIN
    UPDATE thread_counters SET contradictions = contradictions - 1 WHERE thread_id = OLD.thread_id;
END;
