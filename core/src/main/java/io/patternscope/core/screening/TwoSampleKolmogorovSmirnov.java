package io.patternscope.core.screening;

/**
 * Two-sample Kolmogorov–Smirnov test on windows that are already sorted, so a screener that needs
 * the sorted windows anyway (quantiles, MAD) sorts each only once. Stateless and total: every
 * finite input gives a p-value in [0, 1], never an exception.
 *
 * <p>{@code D = sup_x |F_ref(x) − F_test(x)|} by one merge walk over both sorted arrays; equal values
 * are consumed together from both sides before the difference is taken, so D is exact with ties
 * (quantized and integer metrics, 5-minute averages that differ by a floating-point step).
 *
 * <p><b>p-value.</b> {@code P(D ≥ d)} under the null of one continuous distribution, as scipy's
 * {@code ks_2samp} gives it:
 * <ul>
 *   <li>exact when {@code n·m < 10,000}: d is rounded to the lattice of attainable values
 *       {@code h / lcm(n, m)}, and the monotone lattice paths from (0,0) to (n,m) that touch
 *       {@code |i·m − j·n| ≥ h·gcd(n, m)} are counted (Hodges, 1957) — each first touch times the
 *       number of ways to finish — and divided by {@code C(n+m, n)}. Counting the paths that leave,
 *       not those that stay, keeps small p-values accurate to the last digits. With ties the same
 *       distribution is used (scipy does too): it is conservative, since ties can only lower D;</li>
 *   <li>otherwise the limiting Kolmogorov distribution at {@code λ = d·√(nm/(n+m))}, evaluated by
 *       the series that converges fast on each side of λ = 1.18 (the usual case: 480 × 240 points).</li>
 * </ul>
 * The commons-math3 implementation is not used: it breaks ties by random jitter and can throw
 * {@code MathInternalError} on samples whose values differ by one floating-point step.
 * NaN must be removed beforehand. O(m + n) for D; the exact p-value O(n·m).
 */
public final class TwoSampleKolmogorovSmirnov {

    /** Below this n·m the p-value is exact. */
    static final long LARGE_SAMPLE_PRODUCT = 10_000;

    private TwoSampleKolmogorovSmirnov() {
    }

    /** D for two sorted samples; 0 when either is empty. */
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

    /** {@code P(D ≥ d)} for samples of sizes n and m; 1 for an empty sample or d ≤ 0, NaN for a NaN d. */
    public static double pValue(double d, int n, int m) {
        if (Double.isNaN(d)) {
            return Double.NaN;
        }
        if (n <= 0 || m <= 0 || d <= 0) {
            return 1.0;
        }
        if (d >= 1) {
            d = 1; // D never exceeds 1; a larger d from rounding still means "the most extreme"
        }
        double p = (long) n * m < LARGE_SAMPLE_PRODUCT ? exactP(d, n, m) : limitingP(d * Math.sqrt((double) n * m / (n + m)));
        return Math.max(0, Math.min(1, p));
    }

    /** Exact {@code P(D ≥ d)} by counting the lattice paths that reach the boundary. */
    static double exactP(double d, int n, int m) {
        int g = gcd(n, m);
        long lcm = (long) (n / g) * m;
        long h = Math.round(d * lcm);
        if (h == 0) {
            return 1.0;
        }
        long bound = h * g; // a lattice point (i, j) is outside when |i·m − j·n| ≥ bound
        // inside[j] = number of paths from (0,0) to (i,j) that never touched the outside.
        double[] inside = new double[m + 1];
        double outside = 0;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= m; j++) {
                double arriving;
                if (i == 0 && j == 0) {
                    arriving = 1;
                } else {
                    arriving = (i > 0 ? inside[j] : 0) + (j > 0 ? inside[j - 1] : 0);
                }
                if (Math.abs((long) i * m - (long) j * n) >= bound) {
                    outside += arriving * binomial(n - i + m - j, n - i);
                    inside[j] = 0;
                } else {
                    inside[j] = arriving;
                }
            }
        }
        return outside / binomial(n + m, n);
    }

    /**
     * Kolmogorov's limiting distribution, {@code P(K ≥ λ) = 2 Σ_{k≥1} (−1)^{k−1} e^{−2k²λ²}}; below
     * λ = 1.18 that alternating series converges slowly, so there its complement is taken from
     * {@code P(K ≤ λ) = √(2π)/λ Σ_{k≥1} e^{−(2k−1)²π²/(8λ²)}}.
     */
    static double limitingP(double lambda) {
        if (lambda <= 0) {
            return 1.0;
        }
        if (lambda < 1.18) {
            double y = Math.exp(-Math.PI * Math.PI / (8 * lambda * lambda));
            double sum = 0;
            for (int k = 1; k <= 20; k++) {
                double term = Math.pow(y, (2.0 * k - 1) * (2.0 * k - 1));
                sum += term;
                if (term < 1e-17 * sum) {
                    break;
                }
            }
            return 1 - Math.sqrt(2 * Math.PI) / lambda * sum;
        }
        double sum = 0;
        for (int k = 1; k <= 100; k++) {
            double term = Math.exp(-2.0 * k * k * lambda * lambda);
            sum += (k % 2 == 1 ? term : -term);
            if (term < 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return 2 * sum;
    }

    /** C(n, k) as a double (exact while below 2^53, relative error ~1e-15 beyond). */
    private static double binomial(int n, int k) {
        k = Math.min(k, n - k);
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
