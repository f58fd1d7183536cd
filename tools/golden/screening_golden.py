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

out = pathlib.Path(__file__).resolve().parents[2] / "core/src/test/resources/golden/screening-scipy.json"
out.write_text(json.dumps({"scipy": __import__("scipy").__version__, "ks": cases, "benjaminiHochberg": bh}, indent=1))
print("wrote", out)
