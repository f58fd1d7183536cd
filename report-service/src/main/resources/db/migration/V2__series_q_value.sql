-- Benjamini-Hochberg adjusted p-value of every tested series, filled in when the analysis ends.
ALTER TABLE series_result ADD COLUMN q_value double precision;
CREATE INDEX series_result_analysis_status ON series_result (analysis_id, status);
