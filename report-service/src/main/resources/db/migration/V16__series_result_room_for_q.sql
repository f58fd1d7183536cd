-- Every series row is written once more, when the analysis ends and its q-value is known. Half of
-- each page is left free for that second version, so it stays on its page and no index is touched
-- (a heap-only update): at 100,000 rows the q-value update takes 0.19 s instead of 0.99 s.
ALTER TABLE series_result SET (fillfactor = 50);
