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
import json, random, sys
from nab_series import real_series

nab, labeled = sys.argv[1], sys.argv[2:]
seen = {}
for path in labeled:
    for line in open(path):
        if line.strip():
            w = json.loads(line)
            seen.setdefault(w['file'], []).append((w['start'], w['start'] + w['length'] - 1))

LENGTH = 240
out, normal, rnd = [], [], random.Random(13)
for key, n, anomalies, busy in real_series(nab):
    for a, at in anomalies:
        start = max(0, min(n - LENGTH, at - int(LENGTH * 0.30)))
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
    print(json.dumps({'id': 'more-%03d' % i, **w}))
