package io.patternscope.core.screening;

import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Two-sample Kolmogorov–Smirnov test on windows that are already sorted, so a screener that needs
 * the sorted windows anyway (quantiles, MAD) sorts each only once.
 *
 * <p>{@code D = sup_x |F_ref(x) − F_test(x)|} by one merge walk over both sorted arrays; equal values
 * are consumed together from both sides before the difference is taken, so D is exact with ties
 * (quantized and integer metrics). The p-value comes from commons-math3: the exact distribution
 * ({@code exactP}) when {@code m·n < 10,000} and there are no ties; with ties in such small samples,
 * commons-math's own treatment (ties broken by a seeded jitter, then exact); otherwise the
 * asymptotic Kolmogorov distribution ({@code approximateP}), the usual case (480 × 240 points).
 * NaN must be removed beforehand. O(m + n) plus the p-value. Not thread-safe (seeded generator).
 */
public final class TwoSampleKolmogorovSmirnov {

    /** Below this m·n commons-math computes exact p-values. */
    static final long LARGE_SAMPLE_PRODUCT = 10_000;

    private final KolmogorovSmirnovTest commons = new KolmogorovSmirnovTest(new Well19937c(20211025L));

    /** D for two sorted samples. */
    public static double statistic(double[] sortedA, double[] sortedB) {
        int n = sortedA.length;
        int m = sortedB.length;
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < n && j < m) {
            double x = Math.min(sortedA[i], sortedB[j]);
            while (i < n && sortedA[i] == x) {
                i++;
            }
            while (j < m && sortedB[j] == x) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / n - (double) j / m));
        }
        return d;
    }

    /** p-value of D for samples of sizes n and m (sorted arrays, for the tie check of small samples). */
    public double pValue(double d, double[] sortedA, double[] sortedB) {
        int n = sortedA.length;
        int m = sortedB.length;
        if ((long) n * m >= LARGE_SAMPLE_PRODUCT) {
            return commons.approximateP(d, n, m);
        }
        if (hasTies(sortedA, sortedB)) {
            return commons.kolmogorovSmirnovTest(sortedA, sortedB, false);
        }
        // strict = false: the p-value is P(D ≥ d), the probability of a statistic at least as extreme.
        return commons.exactP(d, n, m, false);
    }

    private static boolean hasTies(double[] a, double[] b) {
        for (int i = 1; i < a.length; i++) {
            if (a[i] == a[i - 1]) {
                return true;
            }
        }
        for (int i = 1; i < b.length; i++) {
            if (b[i] == b[i - 1]) {
                return true;
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                return true;
            }
            if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }
}
