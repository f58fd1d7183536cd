"""What both window cutters need from NAB: the real series in path order, each with its length,
the positions of its labeled anomalies and the index ranges of its labeled anomaly windows."""
import csv, json, os
from datetime import datetime


def _time(text):
    return datetime.fromisoformat(text.split('.')[0])


def real_series(nab):
    """Yields (file, n, [(anomaly timestamp text, index)], [(window start, window end)]) per series."""
    labels = json.load(open(os.path.join(nab, 'labels', 'combined_labels.json')))
    windows = json.load(open(os.path.join(nab, 'labels', 'combined_windows.json')))
    for key in sorted(labels):
        if not key.startswith(('realKnownCause/', 'realAWSCloudwatch/')):
            continue
        with open(os.path.join(nab, 'data', key)) as f:
            ts = [_time(r['timestamp']) for r in csv.DictReader(f)]
        n = len(ts)
        index = {t: i for i, t in enumerate(ts)}
        anomalies = [(a, index[_time(a)]) for a in labels[key]]
        busy = [(index.get(_time(w0), 0), index.get(_time(w1), n - 1)) for w0, w1 in windows.get(key, [])]
        yield key, n, anomalies, busy
