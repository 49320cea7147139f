-- Dated roles of analyst-added or imported actors (`storyline actor import FILE --format cameo`
-- reads `[USAGOV 090120-170120]`): a code applies to a claim only inside its dates. An actor with
-- no row here holds its code always. '' stands for "no bound" so the primary key stays unique
-- (SQLite treats NULLs in a key as distinct).
CREATE TABLE actor_period (
    actor_id     INTEGER NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
    valid_from   TEXT NOT NULL DEFAULT '',
    valid_until  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (actor_id, valid_from, valid_until)
) WITHOUT ROWID;
