#!/usr/bin/python3
"""Cuts the fresh windows (fresh.jsonl): a second real set, labeled after pattern-cnn@4's generator
was tuned on windows.jsonl and before any model was run on it (deterministic).

- For every labeled NAB anomaly one window of 360 points with the anomaly at 85 % (Analyze pressed
  soon after the alert): the same events as windows.jsonl, a crop it does not have.
- Normal windows (seed 11): 360 points, three per series, overlapping no NAB anomaly window and
  no window of windows.jsonl, so nothing in them was ever looked at while tuning.
Writes JSON lines {id, file, start, length, source} to stdout; `label`/`excluded` are added by hand.
Usage: cut_fresh.py NAB_DIR windows.jsonl > candidates.jsonl
"""
import sys
from nab_series import cut_windows

cut_windows(sys.argv[1], [sys.argv[2]], length=360, anomaly_at=0.85, seed=11, prefix='fresh')
