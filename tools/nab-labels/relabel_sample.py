#!/usr/bin/python3
"""The relabeling check: how often does the labeler agree with themself? Draws a seeded sample of
60 labeled windows of windows.jsonl and fresh.jsonl, under new ids (r-01 …, shuffled) and without
labels, notes or sources, as candidates for contact_sheets.py; the second pass is labeled from
those sheets alone and kept in relabel.jsonl; `relabel_sample.py --compare` prints the agreement.
Usage: relabel_sample.py > /tmp/relabel-candidates.jsonl ; relabel_sample.py --compare"""
import json, os, random, sys
from nab_series import read_windows

here = os.path.dirname(os.path.abspath(__file__))
labeled = [w for w in read_windows([os.path.join(here, 'windows.jsonl'), os.path.join(here, 'fresh.jsonl')])
           if w.get('label')]
sample = random.Random(2026_12_01).sample(labeled, 60)

if sys.argv[1:] == ['--compare']:
    second = {w['id']: w.get('label') for w in read_windows([os.path.join(here, 'relabel.jsonl')])}
    agree = excluded = 0
    for i, w in enumerate(sample, 1):
        again = second['r-%02d' % i]
        if again is None:
            excluded += 1
        elif again == w['label']:
            agree += 1
        else:
            print('r-%02d %s: first pass %s, second pass %s' % (i, w['id'], w['label'], again))
    judged = len(sample) - excluded
    print('agreement %d of %d relabeled windows (%.3f); %d excluded on the second pass'
          % (agree, judged, agree / judged, excluded))
else:
    for i, w in enumerate(sample, 1):
        print(json.dumps({'id': 'r-%02d' % i, 'file': w['file'], 'start': w['start'], 'length': w['length']}))
