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
import csv, json, os, random, sys
from datetime import datetime

nab, labeled = sys.argv[1], sys.argv[2]
labels = json.load(open(os.path.join(nab, 'labels', 'combined_labels.json')))
windows = json.load(open(os.path.join(nab, 'labels', 'combined_windows.json')))
seen = {}
for line in open(labeled):
    if line.strip():
        w = json.loads(line)
        seen.setdefault(w['file'], []).append((w['start'], w['start'] + w['length'] - 1))

def stamps(path):
    with open(path) as f:
        return [datetime.fromisoformat(r['timestamp'].split('.')[0]) for r in csv.DictReader(f)]

LENGTH = 360
out, normal, rnd = [], [], random.Random(11)
for key in sorted(labels):
    if not key.startswith(('realKnownCause/', 'realAWSCloudwatch/')):
        continue
    ts = stamps(os.path.join(nab, 'data', key))
    n = len(ts)
    index = {t: i for i, t in enumerate(ts)}
    for a in labels[key]:
        at = index[datetime.fromisoformat(a.split('.')[0])]
        start = max(0, min(n - LENGTH, at - int(LENGTH * 0.85)))
        out.append({'file': key, 'start': start, 'length': LENGTH, 'source': 'nab-anomaly@' + a})
    busy = [(index.get(datetime.fromisoformat(w0.split('.')[0]), 0), index.get(datetime.fromisoformat(w1.split('.')[0]), n - 1))
            for w0, w1 in windows.get(key, [])] + seen.get(key, [])
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
