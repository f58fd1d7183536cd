#!/usr/bin/python3
"""Cuts the wider set (wider.jsonl) from the NAB folders the first sets never used — realTraffic,
realAdExchange, realTweets (23 files) — deterministic, labeled under LABELING.md's rules.

- For every labeled NAB anomaly one window of 360 points with the anomaly at 85 % (Analyze pressed
  soon after the alert, as fresh.jsonl crops its events).
- Normal windows (seed 23): 360 points, one per series, overlapping no NAB anomaly window.
Writes JSON lines {id, file, start, length, source} to stdout; `label`/`excluded` are added by hand.
Usage: cut_wider.py NAB_DIR > candidates.jsonl
"""
import sys
from nab_series import NEW_FOLDERS, cut_windows

cut_windows(sys.argv[1], [], length=360, anomaly_at=0.85, seed=23, prefix='wider', normal_per_series=1,
            folders=NEW_FOLDERS)
