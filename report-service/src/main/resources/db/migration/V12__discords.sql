-- The matrix-profile discord detector: each series' score, and the analysis's threshold above
-- which a discord alone makes a finding (null: it never does).
ALTER TABLE series_result ADD COLUMN discord_score double precision;
ALTER TABLE analysis ADD COLUMN discord_threshold double precision;
