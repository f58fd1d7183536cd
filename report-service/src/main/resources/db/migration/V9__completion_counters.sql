-- Completion by counts kept on the analysis row (updated under its row lock): how many shards have
-- reported, how many batches they published, how many batches are classified or given up. An
-- event checks the counts, not the progress rows, so its cost does not grow with the analysis.
ALTER TABLE analysis ADD COLUMN shards_reported integer NOT NULL DEFAULT 0;
ALTER TABLE analysis ADD COLUMN batches_planned integer NOT NULL DEFAULT 0;
ALTER TABLE analysis ADD COLUMN batches_classified integer NOT NULL DEFAULT 0;

-- Analyses running while this migration runs keep their counts.
UPDATE analysis a SET
    shards_reported = (SELECT count(*) FROM stage_progress p WHERE p.analysis_id = a.id AND p.stage = 'SHARD'),
    batches_planned = (SELECT coalesce(sum(series), 0) FROM stage_progress p WHERE p.analysis_id = a.id AND p.stage = 'SHARD'),
    batches_classified = (SELECT count(*) FROM stage_progress p WHERE p.analysis_id = a.id AND p.stage = 'CLASSIFIED')
WHERE a.completed_at IS NULL;
