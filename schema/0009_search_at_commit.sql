-- 0009_search_at_commit: the full-text indexes of 0002 are filled by the store when a write
-- transaction commits (one INSERT ... SELECT per table for the rows the transaction added),
-- not by a trigger per row. FTS5 writes its pending terms out as a new index segment at every
-- statement inside a savepoint, and ingest puts each article in a savepoint: with the row
-- triggers every claim insert wrote (and later merged) a segment of its own, gigabytes at
-- 30,000 articles. What is indexed, and so what `search` returns, is unchanged.
-- Shipped; never edit — add a new numbered file instead.
--
-- Articles and claims are never updated in place; the delete triggers of 0002 stay (a row is
-- only deleted after the transaction that added it committed, so its index entry exists).
DROP TRIGGER article_fts_insert;
DROP TRIGGER claim_fts_insert;
