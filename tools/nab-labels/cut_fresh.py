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
import json, random, sys
from nab_series import real_series

nab, labeled = sys.argv[1], sys.argv[2]
seen = {}
for line in open(labeled):
    if line.strip():
        w = json.loads(line)
        seen.setdefault(w['file'], []).append((w['start'], w['start'] + w['length'] - 1))

LENGTH = 360
out, normal, rnd = [], [], random.Random(11)
for key, n, anomalies, busy in real_series(nab):
    for a, at in anomalies:
        start = max(0, min(n - LENGTH, at - int(LENGTH * 0.85)))
        out.append({'file': key, 'start': start, 'length': LENGTH, 'source': 'nab-anomaly@' + a})
    busy = busy + seen.get(key, [])
    taken = 0
    for _ in range(2000):
        if taken == 3:
            break
        start = rnd.randrange(0, n - LENGTH)
        if all(start + LENGTH <= b0 or start > b1 for b0, b1 in busy):
            normal.append({'file': key, 'start': start, 'length': LENGTH, 'source': 'nab-normal'})
            busy.append((start, start + LENGTH - 1))
            taken += 1
for i, w in enumerate(out + normal, 1):
    print(json.dumps({'id': 'fresh-%03d' % i, **w}))
