-- Which detectors fired on a series, the KS test's own p-value next to the combined one, the
-- recent-extremes run, and the sentence of a series whose screening or classification threw.
ALTER TABLE series_result ADD COLUMN ks_p_value double precision;
ALTER TABLE series_result ADD COLUMN detectors text;
ALTER TABLE series_result ADD COLUMN recent_z double precision;
ALTER TABLE series_result ADD COLUMN recent_run integer NOT NULL DEFAULT 0;
ALTER TABLE series_result ADD COLUMN error text;
