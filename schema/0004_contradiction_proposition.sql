-- What the two claims of a contradiction disagree on, in plain words ("Russia is responsible").
-- Shown as `proposition` in `contradictions --json`; older rows get it on the next detection.
ALTER TABLE contradiction ADD COLUMN proposition TEXT NOT NULL DEFAULT '';
