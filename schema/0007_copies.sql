-- Syndicated copies (issue 14, item 3): the same wire story run by another site, with other
-- page furniture or a changed line, is stored as an article of its own (who ran it, where and
-- when is news) but linked to the original it nearly duplicates. Its claims and events take
-- no part in contradictions or counts.

-- The original (earliest stored near-duplicate that is not itself a copy); NULL for originals.
ALTER TABLE article ADD COLUMN copy_of INTEGER REFERENCES article(id);
-- Listings and counts exclude copies with `article_id NOT IN (SELECT id FROM article WHERE
-- copy_of IS NOT NULL)`: the partial index holds only the copies, so that stays small and cheap.
CREATE INDEX article_copy_of ON article(copy_of) WHERE copy_of IS NOT NULL;

-- MinHash locality-sensitive hashing of originals' bodies (src/copies.rs): one row per band of
-- the signature. Two articles sharing any band key are candidates, then compared exactly. Keyed
-- by band so looking up a new article's candidates is one index probe per band.
CREATE TABLE article_band (
    band        INTEGER NOT NULL,
    article_id  INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    PRIMARY KEY (band, article_id)
) WITHOUT ROWID;
