-- 0002_search: full-text search over article text and claims with SQLite FTS5 (`storyline search`).
-- External-content tables: the text lives once, in article/claim; triggers keep the indexes in step.

CREATE VIRTUAL TABLE article_fts USING fts5(title, body, content='article', content_rowid='id');
CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN
    INSERT INTO article_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
    INSERT INTO article_fts(article_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;

CREATE VIRTUAL TABLE claim_fts USING fts5(speaker, text, content='claim', content_rowid='id');
CREATE TRIGGER claim_fts_insert AFTER INSERT ON claim BEGIN
    INSERT INTO claim_fts(rowid, speaker, text) VALUES (new.id, new.speaker, new.text);
END;
CREATE TRIGGER claim_fts_delete AFTER DELETE ON claim BEGIN
    INSERT INTO claim_fts(claim_fts, rowid, speaker, text) VALUES ('delete', old.id, old.speaker, old.text);
END;

-- Rows that existed before this migration.
INSERT INTO article_fts(rowid, title, body) SELECT id, title, body FROM article;
INSERT INTO claim_fts(rowid, speaker, text) SELECT id, speaker, text FROM claim;
