#!/usr/bin/env python3
"""Expected values for core's SeriesFeaturesTest, computed independently of the Java code with
numpy and scipy, following tsfresh's definitions (feature_calculators.py). Prints one Java array
per input; the inputs are the formulas SeriesFeaturesTest builds too."""
import math
import numpy as np
from scipy import stats


def inputs():
    t = np.arange(240)
    smooth = 10 + 3 * np.sin(2 * np.pi * t / 37) + 0.5 * (((t * 7919) % 101) / 101 - 0.5) + np.where(t >= 150, 4, 0)
    t = np.arange(100)
    spiky = np.where(t % 17 == 0, 25.0, 2 + ((t * 31) % 13) / 13)
    t = np.arange(30)
    gappy = 0.3 * t + ((t * 13) % 7).astype(float)
    gappy[[5, 17]] = np.nan
    return {"smooth": smooth, "spiky": spiky, "gappy": gappy}


def acov_adjusted(x, k):
    d = x - x.mean()
    return np.sum(d[: len(x) - k] * d[k:]) / (len(x) - k)


def pacf_ld(x, lags):
    g = [acov_adjusted(x, k) for k in range(lags + 1)]
    phi = np.zeros((lags + 1, lags + 1))
    sig = np.zeros(lags + 1)
    phi[1, 1] = g[1] / g[0]
    sig[1] = g[0] - phi[1, 1] * g[1]
    for k in range(2, lags + 1):
        phi[k, k] = (g[k] - np.dot(phi[1:k, k - 1], g[1:k][::-1])) / sig[k - 1]
        for j in range(1, k):
            phi[j, k] = phi[j, k - 1] - phi[k, k] * phi[k - j, k - 1]
        sig[k] = sig[k - 1] * (1 - phi[k, k] ** 2)
    return [phi[k, k] for k in range(1, lags + 1)]


def autocorrelation(x, lag):
    n = len(x)
    return np.sum((x[: n - lag] - x.mean()) * (x[lag:] - x.mean())) / ((n - lag) * np.var(x))


def longest_strike(mask):
    best = run = 0
    for m in mask:
        run = run + 1 if m else 0
        best = max(best, run)
    return best


def number_peaks(x, n):
    x_reduced = x[n:-n]
    res = None
    for i in range(1, n + 1):
        first = x_reduced > np.roll(x, i)[n:-n]
        second = x_reduced > np.roll(x, -i)[n:-n]
        both = first & second
        res = both if res is None else res & both
    return np.sum(res)


def change_quantiles(x, ql, qh, f):
    lo, hi = np.quantile(x, ql), np.quantile(x, qh)
    inside = (x >= lo) & (x <= hi)
    ind = inside[1:] & inside[:-1]
    div = np.abs(np.diff(x))[ind]
    return 0.0 if div.size == 0 else f(div)


def binned_entropy(x, bins):
    hist, _ = np.histogram(x, bins=bins)
    probs = hist / x.size
    probs = probs[probs > 0]
    return -np.sum(probs * np.log(probs))


def sample_entropy(x):
    m, tol = 2, 0.2 * np.std(x)
    def chunks(k):
        return np.array([x[i:i + k] for i in range(len(x) - k + 1)])
    xm = chunks(m)
    b = np.sum([np.sum(np.abs(xi - xm).max(axis=1) <= tol) - 1 for xi in xm])
    xm1 = chunks(m + 1)
    a = np.sum([np.sum(np.abs(xi - xm1).max(axis=1) <= tol) - 1 for xi in xm1])
    return -np.log(a / b)


def features(raw):
    x = raw[np.isfinite(raw)]
    n = len(x)
    d = np.diff(x)
    lr = stats.linregress(np.arange(n), x)
    fft = np.abs(np.fft.rfft(x))
    out = [x.mean(), np.median(x), x.min(), x.max(), np.std(x), np.var(x), math.sqrt(np.mean(x * x))]
    out += [np.quantile(x, q) for q in (0.1, 0.25, 0.75, 0.9)]
    out += [stats.skew(x, bias=False), stats.kurtosis(x, bias=False)]
    out += [autocorrelation(x, lag) for lag in (1, 2, 3, 5, 10)]
    out += pacf_ld(x, 3)
    out += [np.sum(x > x.mean()), np.sum(x < x.mean()), longest_strike(x > x.mean()), longest_strike(x < x.mean())]
    out += [number_peaks(x, s) for s in (1, 3, 5)]
    out += [np.dot(x, x), np.sum(x), np.sum(np.abs(d)), np.mean(np.abs(d)), (x[-1] - x[0]) / (n - 1),
            (x[-1] - x[-2] - x[1] + x[0]) / (2 * (n - 2)), math.sqrt(np.dot(d, d))]
    out += [lr.slope, lr.intercept, lr.rvalue]
    out += [change_quantiles(x, 0.0, 0.8, np.mean), change_quantiles(x, 0.2, 0.8, np.var)]
    out += [binned_entropy(x, 10), sample_entropy(x)]
    out += [fft[k] for k in range(1, 6)]
    out += [np.sum(np.abs(x - x.mean()) > 2 * np.std(x)) / n]
    out += [np.argmax(x) / n, np.argmin(x) / n, 1.0 - np.argmax(x[::-1]) / n, 1.0 - np.argmin(x[::-1]) / n]
    return out


for name, x in inputs().items():
    values = ", ".join(repr(float(v)) for v in features(x))
    print(f"    private static final double[] {name.upper()} = {{{values}}};")
