#!/usr/bin/python3
"""Cuts the candidate windows for the hand-labeled real set from NAB (deterministic).

For every labeled NAB anomaly three windows (288 points with the anomaly at 75 %, 576 at 50 %,
144 at 60 %; then 432 with it at 90 %), plus normal windows drawn (seed 5) from stretches that overlap no NAB anomaly window.
Writes JSON lines {id, file, start, length, source} to stdout; `label` and `note` are added by hand.
Usage: cut_windows.py NAB_DIR > candidates.jsonl
"""
import json, random, sys
from nab_series import real_series

nab = sys.argv[1]
out, extra, rnd = [], [], random.Random(5)
for key, n, anomalies, busy in real_series(nab):
    for a, at in anomalies:
        for length, frac in ((288, 0.75), (576, 0.5), (144, 0.6)):
            start = max(0, min(n - length, at - int(length * frac)))
            out.append({'file': key, 'start': start, 'length': length, 'source': 'nab-anomaly@' + a})
        # second round (ids after the first round's): 432 points, the anomaly near the end
        start = max(0, min(n - 432, at - int(432 * 0.9)))
        extra.append({'file': key, 'start': start, 'length': 432, 'source': 'nab-anomaly@' + a})
    for k in range(2 if n < 8000 else 4):
        length = 288 if k % 2 == 0 else 576
        for _ in range(200):
            start = rnd.randrange(0, n - length)
            if all(start + length < b0 or start > b1 for b0, b1 in busy):
                out.append({'file': key, 'start': start, 'length': length, 'source': 'nab-normal'})
                break
for i, w in enumerate(out + extra, 1):
    print(json.dumps({'id': 'nab-%03d' % i, **w}))
