-- How many series an ended analysis stored a verdict for: its final counts, whatever progress events a crash lost.
ALTER TABLE analysis ADD COLUMN screened integer;
