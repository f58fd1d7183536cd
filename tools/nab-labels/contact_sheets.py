#!/usr/bin/python3
"""Draws the candidate windows as contact sheets (PNG, 20 per page) for labeling by eye.

Each panel shows the raw window (what an operator sees) with its id, file and length; the robust
baseline (median of the first half ± 5σ, σ = 1.4826·MAD) is drawn dashed so the definitions'
thresholds in docs/patterns.md can be checked by eye. Usage: contact_sheets.py NAB_DIR candidates.jsonl OUT_DIR
"""
import csv, json, os, sys
import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt
import numpy as np

nab, candidates, out = sys.argv[1:4]
os.makedirs(out, exist_ok=True)
rows = [json.loads(l) for l in open(candidates)]
cache = {}

def values(w):
    if w['file'] not in cache:
        with open(os.path.join(nab, 'data', w['file'])) as f:
            cache[w['file']] = np.array([float(r['value']) for r in csv.DictReader(f)])
    return cache[w['file']][w['start']:w['start'] + w['length']]

for page in range(0, len(rows), 20):
    fig, axes = plt.subplots(5, 4, figsize=(16, 13))
    for ax, w in zip(axes.flat, rows[page:page + 20]):
        v = values(w)
        base = v[: len(v) // 2]
        med = np.median(base)
        sigma = 1.4826 * np.median(np.abs(base - med)) or 1e-9
        ax.plot(v, lw=0.8)
        for k in (-5, 5):
            ax.axhline(med + k * sigma, ls='--', lw=0.5, color='grey')
        ax.set_title('%s %s n=%d' % (w['id'], w['file'].split('/')[1][:28], w['length']), fontsize=8)
        ax.tick_params(labelsize=6)
    for ax in axes.flat[len(rows[page:page + 20]):]:
        ax.axis('off')
    fig.tight_layout()
    fig.savefig(os.path.join(out, 'sheet-%02d.png' % (page // 20 + 1)), dpi=60)
    plt.close(fig)
