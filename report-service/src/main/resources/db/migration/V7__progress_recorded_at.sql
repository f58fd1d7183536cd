-- When each progress row arrived, so that an analysis that stopped making progress can be found.
ALTER TABLE stage_progress ADD COLUMN recorded_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX analysis_unfinished ON analysis (status) WHERE status IN ('PENDING', 'RUNNING');
