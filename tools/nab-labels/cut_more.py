#!/usr/bin/python3
"""Cuts the third real set (more.jsonl), deterministic, labeled from contact sheets before any
model was run on it.

- For every labeled NAB anomaly one window of 240 points with the anomaly at 30 % (Analyze pressed
  well after the alert: the change and what followed), a crop neither earlier set has.
- Normal windows (seed 13): 240 points, three per series, overlapping no NAB anomaly window and
  no window of windows.jsonl or fresh.jsonl.
Writes JSON lines {id, file, start, length, source} to stdout; `label`/`excluded` are added by hand.
Usage: cut_more.py NAB_DIR windows.jsonl fresh.jsonl > candidates.jsonl
"""
import sys
from nab_series import cut_windows

cut_windows(sys.argv[1], sys.argv[2:], length=240, anomaly_at=0.30, seed=13, prefix='more')
