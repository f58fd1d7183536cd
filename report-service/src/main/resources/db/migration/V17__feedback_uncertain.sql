-- A label keeps whether its finding's pattern was uncertain: the learnt relevance model reads it
-- when it scores a finding, so it must see it when it learns too. Labels of analyses still kept
-- get theirs from the finding.
ALTER TABLE feedback ADD COLUMN uncertain boolean NOT NULL DEFAULT false;
UPDATE feedback f SET uncertain = s.uncertain
FROM series_result s WHERE s.analysis_id = f.analysis_id AND s.series_id = f.series_id;
