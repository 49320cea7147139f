-- 0011_copy_profiles: each original's shingle profile (src/copies.rs: how many of its word
-- shingles fall in each of 256 buckets, one byte a bucket), written with its MinHash bands.
-- The writer's copy check bounds a candidate's Jaccard similarity from the two profiles and
-- reads and re-shingles the candidate's body only when the bound reaches the threshold (at
-- 100,000 articles it read ~22 bodies per new article, nearly all through stock wording).
-- Originals stored before this migration have no row: their bodies are read as before.
-- Shipped; never edit — add a new numbered file instead.
CREATE TABLE article_shingle_profile (
    article_id  INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
    counts      BLOB NOT NULL
);
