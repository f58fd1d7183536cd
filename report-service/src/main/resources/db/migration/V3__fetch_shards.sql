-- The fetch is planned in shards; the analysis ends once every shard has reported and all of its
-- batches are classified (per-shard counts live in stage_progress under stage 'SHARD').
ALTER TABLE analysis ADD COLUMN shards integer;
