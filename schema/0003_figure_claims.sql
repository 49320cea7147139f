-- 0003_figure_claims: the numeric contradiction rule compares figures across frames, so ingest
-- loads a thread's figure-stating claims by date. This partial index keeps that lookup from
-- scanning every claim; it only holds claims that state a figure.
CREATE INDEX claim_figures_date ON claim(date) WHERE figures <> '[]';
