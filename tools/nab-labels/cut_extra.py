#!/usr/bin/python3
"""Cuts the fourth real set (extra.jsonl), deterministic: training windows with views the first
two sets lack, above all changes early in the window (the blind set's level shifts at 30 % were
all missed, and the generator's early steps alone cost the cross-validated figure).

- For every labeled NAB anomaly two windows: 200 points with the anomaly at 15 % (the change
  early, most of the window after it) and 480 points with the anomaly at 45 %.
- Normal windows (seed 17): one of 200 and one of 480 points per series, overlapping no NAB anomaly
  window and no window of the given sets or of each other.
Writes JSON lines {id, file, start, length, source} to stdout; `label`/`excluded` are added by hand.
Usage: cut_extra.py NAB_DIR windows.jsonl fresh.jsonl more.jsonl > candidates.jsonl
"""
import json, sys
from nab_series import crops, read_windows

nab, taken = sys.argv[1], read_windows(sys.argv[2:])
early = crops(nab, taken, length=200, anomaly_at=0.15, seed=17, normal_per_series=1)
middle = crops(nab, taken + early, length=480, anomaly_at=0.45, seed=18, normal_per_series=1)
for i, w in enumerate(early + middle, 1):
    print(json.dumps({'id': 'extra-%03d' % i, **w}))
