#!/usr/bin/env python3
"""Reference values for the screening kernels, computed with scipy/numpy (another implementation).

Writes core/src/test/resources/golden/screening-scipy.json; ScreeningGoldenTest compares the Java
kernels with it. Re-run only to add cases:  python3 tools/golden/screening_golden.py
"""
import json, pathlib
import numpy as np
from scipy import stats

rng = np.random.default_rng(20211025)
cases = []

def ks_case(name, ref, test, method):
    res = stats.ks_2samp(ref, test, method=method)
    cases.append({"name": name, "reference": [float(v) for v in ref], "test": [float(v) for v in test],
                  "d": float(res.statistic), "p": float(res.pvalue), "method": method,
                  # the limiting Kolmogorov distribution that commons-math's approximateP evaluates
                  "pLimitingKolmogorov": float(stats.kstwobign.sf(np.sqrt(len(ref) * len(test) / (len(ref) + len(test))) * res.statistic)),
                  "quantiles": {str(q): [float(np.quantile(ref, q)), float(np.quantile(test, q))] for q in (0.1, 0.25, 0.5, 0.75, 0.9)},
                  "referenceMad": float(stats.median_abs_deviation(ref))})

ks_case("same distribution", rng.normal(10, 1, 480), rng.normal(10, 1, 240), "asymp")
ks_case("small shift", rng.normal(10, 1, 480), rng.normal(10.3, 1, 240), "asymp")
ks_case("variance change", rng.normal(0, 1, 480), rng.normal(0, 1.6, 240), "asymp")
ks_case("integer counts with ties", rng.poisson(5, 480).astype(float), rng.poisson(6, 240).astype(float), "asymp")
ks_case("heavy tails", rng.standard_t(2, 480), rng.standard_t(2, 240) + 0.5, "asymp")
ks_case("small samples exact", rng.normal(0, 1, 30), rng.normal(0.8, 1, 20), "exact")
ks_case("small samples exact, no change", rng.normal(0, 1, 40), rng.normal(0, 1, 25), "exact")

p = np.concatenate([rng.uniform(0, 1e-4, 20), rng.uniform(0, 1, 180)])
bh = {"p": [float(v) for v in p], "q": [float(v) for v in stats.false_discovery_control(p, method="bh")]}

# Tie-heavy small samples, the shapes of 5-minute CloudWatch averages and availability percentages.
ties = np.random.default_rng(20211026)
ks_case("ties: few distinct values", ties.choice([1.0, 2.0, 3.0], 36), ties.choice([2.0, 3.0, 4.0], 12), "exact")
ks_case("ties: two values", ties.choice([0.0, 1.0], 36, p=[0.9, 0.1]), ties.choice([0.0, 1.0], 12, p=[0.4, 0.6]), "exact")
ks_case("ties: identical samples", [5.0] * 20 + [6.0] * 16, [5.0] * 7 + [6.0] * 5, "exact")
ks_case("ties: one-point difference", [100.0] * 35 + [99.0], [100.0] * 11 + [99.0], "exact")
step = np.nextafter(0.3, 1) - 0.3
ks_case("ties: values one float step apart", 0.3 + step * ties.integers(0, 3, 36), 0.3 + step * ties.integers(1, 4, 12), "exact")
ks_case("ties: availability drop", [100.0] * 36, [100.0] * 8 + [97.5, 91.0, 88.0, 90.0], "exact")
ks_case("ties: equal sizes", ties.integers(0, 4, 24).astype(float), ties.integers(2, 6, 24).astype(float), "exact")
ks_case("ties: tiny p", ties.integers(0, 3, 60).astype(float), ties.integers(10, 13, 60).astype(float), "exact")
ks_case("ties: single test point", ties.normal(0, 1, 40), [9.0], "exact")
ks_case("ties: large sample, quantized", ties.integers(0, 5, 480).astype(float), ties.integers(1, 6, 240).astype(float), "asymp")

out = pathlib.Path(__file__).resolve().parents[2] / "core/src/test/resources/golden/screening-scipy.json"
out.write_text(json.dumps({"scipy": __import__("scipy").__version__, "ks": cases, "benjaminiHochberg": bh}, indent=1))
print("wrote", out)
