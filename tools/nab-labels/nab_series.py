"""What the window cutters need from NAB: the real series in path order, each with its length,
the positions of its labeled anomalies and the index ranges of its labeled anomaly windows; and
the cutting of the later sets (fresh.jsonl, more.jsonl), which differ only in crop and seed."""
import csv, json, os
from datetime import datetime


def _time(text):
    return datetime.fromisoformat(text.split('.')[0])


FIRST_FOLDERS = ('realKnownCause/', 'realAWSCloudwatch/')
NEW_FOLDERS = ('realTraffic/', 'realAdExchange/', 'realTweets/')


def real_series(nab, folders=FIRST_FOLDERS):
    """Yields (file, n, [(anomaly timestamp text, index)], [(window start, window end)]) per series
    of the given NAB folders."""
    labels = json.load(open(os.path.join(nab, 'labels', 'combined_labels.json')))
    windows = json.load(open(os.path.join(nab, 'labels', 'combined_windows.json')))
    for key in sorted(labels):
        if not key.startswith(folders):
            continue
        with open(os.path.join(nab, 'data', key)) as f:
            ts = [_time(r['timestamp']) for r in csv.DictReader(f)]
        n = len(ts)
        index = {t: i for i, t in enumerate(ts)}
        anomalies = [(a, index[_time(a)]) for a in labels[key]]
        busy = [(index.get(_time(w0), 0), index.get(_time(w1), n - 1)) for w0, w1 in windows.get(key, [])]
        yield key, n, anomalies, busy


def cut_windows(nab, labeled_files, length, anomaly_at, seed, prefix, normal_per_series=3, folders=FIRST_FOLDERS):
    """Prints the candidates of a later set as JSON lines {id, file, start, length, source}: one
    window of `length` per labeled NAB anomaly with the anomaly at `anomaly_at` (a fraction), then
    up to `normal_per_series` normal windows per series (seeded) overlapping no NAB anomaly window
    and no window of `labeled_files`. Deterministic."""
    taken = read_windows(labeled_files)
    for i, w in enumerate(crops(nab, taken, length, anomaly_at, seed, normal_per_series, folders), 1):
        print(json.dumps({'id': '%s-%03d' % (prefix, i), **w}))


def read_windows(paths):
    """The windows (dicts with file, start, length, ...) of the given JSON-lines sets, in order."""
    windows = []
    for path in paths:
        windows += [json.loads(line) for line in open(path) if line.strip()]
    return windows


def crops(nab, taken, length, anomaly_at, seed, normal_per_series, folders=FIRST_FOLDERS):
    """The windows cut_windows prints, without ids: anomaly crops first, then normal windows that
    overlap no NAB anomaly window and none of `taken` (dicts with file, start, length)."""
    import random
    seen = {}
    for w in taken:
        seen.setdefault(w['file'], []).append((w['start'], w['start'] + w['length'] - 1))
    out, normal, rnd = [], [], random.Random(seed)
    for key, n, anomalies, busy in real_series(nab, folders):
        for a, at in anomalies:
            start = max(0, min(n - length, at - int(length * anomaly_at)))
            out.append({'file': key, 'start': start, 'length': length, 'source': 'nab-anomaly@' + a})
        busy = busy + seen.get(key, [])
        found = 0
        for _ in range(2000):
            if found == normal_per_series:
                break
            start = rnd.randrange(0, n - length)
            if all(start + length <= b0 or start > b1 for b0, b1 in busy):
                normal.append({'file': key, 'start': start, 'length': length, 'source': 'nab-normal'})
                busy.append((start, start + length - 1))
                found += 1
    return out + normal
