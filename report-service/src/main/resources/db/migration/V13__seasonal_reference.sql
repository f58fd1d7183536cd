-- The reference each analysis compares its test window with (PRECEDING, DAILY, WEEKLY, AUTO; null:
-- PRECEDING), and per series the one used and why an asked-for seasonal one was not.
ALTER TABLE analysis ADD COLUMN reference text;
ALTER TABLE series_result ADD COLUMN reference text;
ALTER TABLE series_result ADD COLUMN reference_note text;
