-- The classifier's flag for a pattern whose confidence is below its model's uncertain-below level.
ALTER TABLE series_result ADD COLUMN uncertain boolean NOT NULL DEFAULT false;
