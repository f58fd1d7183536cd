package io.patternscope.core.features;

import java.util.Arrays;
import java.util.List;

/**
 * A fixed set of time-series features: the fingerprint a features profile stores of a window an
 * operator called normal, and that later windows are compared with. Definitions follow tsfresh's
 * (the reference the golden tests check against); {@code x} is the window's finite values in
 * order (gaps dropped), n their count, μ their mean, σ their population standard deviation.
 * Where tsfresh would answer NaN (σ = 0, too few points), the feature is 0, so that a flat window
 * has a finite fingerprint and sums stay defined. At least 12 finite values are needed.
 *
 * <ol start="0">
 * <li>{@code mean} μ; {@code median}; {@code minimum}; {@code maximum}</li>
 * <li>{@code standard_deviation} σ = √(Σ(x−μ)²/n); {@code variance} σ²; {@code root_mean_square} √(Σx²/n)</li>
 * <li>{@code quantile_q} for q = 0.1, 0.25, 0.75, 0.9: linear interpolation between order statistics
 *     at position q(n−1) (numpy's default)</li>
 * <li>{@code skewness}: adjusted Fisher–Pearson G1 = √(n(n−1))/(n−2) · m3/m2^{3/2} (m_k the k-th
 *     central moment over n); {@code kurtosis}: bias-corrected excess G2 =
 *     (n+1)n(n−1)Σ(x−μ)⁴ / ((n−2)(n−3)(Σ(x−μ)²)²) − 3(n−1)²/((n−2)(n−3))</li>
 * <li>{@code autocorrelation_lag_l} for l = 1, 2, 3, 5, 10: Σ_{t<n−l}(x_t−μ)(x_{t+l}−μ) / ((n−l)σ²)</li>
 * <li>{@code partial_autocorrelation_lag_l} for l = 1, 2, 3: Levinson–Durbin on the autocovariances
 *     γ_k = Σ_{t<n−k}(x_t−μ)(x_{t+k}−μ)/(n−k) (statsmodels' {@code pacf(method="ld")})</li>
 * <li>{@code count_above_mean}, {@code count_below_mean}: points strictly above / below μ;
 *     {@code longest_strike_above_mean}, {@code longest_strike_below_mean}: the longest run of them</li>
 * <li>{@code number_peaks_s} for s = 1, 3, 5: points larger than the s points on each side</li>
 * <li>{@code abs_energy} Σx²; {@code sum_values} Σx; {@code absolute_sum_of_changes} Σ|x_{t+1}−x_t|;
 *     {@code mean_abs_change} its mean over the n−1 changes; {@code mean_change} (x_{n−1}−x_0)/(n−1);
 *     {@code mean_second_derivative_central} (x_{n−1}−x_{n−2}−x_1+x_0)/(2(n−2));
 *     {@code cid_ce} √Σ(x_{t+1}−x_t)² (complexity)</li>
 * <li>{@code linear_trend_slope}, {@code linear_trend_intercept}, {@code linear_trend_rvalue}:
 *     least squares of x against its index 0..n−1, and Pearson's r</li>
 * <li>{@code change_quantiles_mean_abs_0_80}: mean |x_{t+1}−x_t| over the changes whose both ends lie
 *     in the corridor [quantile 0, quantile 0.8]; {@code change_quantiles_var_abs_20_80}: the
 *     population variance of those |changes| in [quantile 0.2, quantile 0.8] (0 when none)</li>
 * <li>{@code binned_entropy_10}: −Σ p_b ln p_b over 10 equal-width bins from min to max (numpy's
 *     histogram, last bin closed)</li>
 * <li>{@code sample_entropy}: −ln(A/B) with templates of m = 2 and m+1 points, Chebyshev distance,
 *     tolerance 0.2σ, self-matches excluded (tsfresh's); when A or B is 0, the bound
 *     ln((n−m)(n−m−1)) of a series with a single match</li>
 * <li>{@code fft_abs_k} for k = 1..5: |Σ_t x_t e^{−2πikt/n}| (numpy's rfft)</li>
 * <li>{@code ratio_beyond_2_sigma}: share of points with |x−μ| > 2σ</li>
 * <li>{@code first_location_of_maximum}, {@code first_location_of_minimum},
 *     {@code last_location_of_maximum}, {@code last_location_of_minimum}: index/n of the first
 *     (last: index+1 over n) occurrence</li>
 * </ol>
 */
public final class SeriesFeatures {

    /** The features' names, in the order of {@link #compute}'s values. */
    public static final List<String> NAMES = List.of(
            "mean", "median", "minimum", "maximum",
            "standard_deviation", "variance", "root_mean_square",
            "quantile_0.1", "quantile_0.25", "quantile_0.75", "quantile_0.9",
            "skewness", "kurtosis",
            "autocorrelation_lag_1", "autocorrelation_lag_2", "autocorrelation_lag_3", "autocorrelation_lag_5",
            "autocorrelation_lag_10",
            "partial_autocorrelation_lag_1", "partial_autocorrelation_lag_2", "partial_autocorrelation_lag_3",
            "count_above_mean", "count_below_mean", "longest_strike_above_mean", "longest_strike_below_mean",
            "number_peaks_1", "number_peaks_3", "number_peaks_5",
            "abs_energy", "sum_values", "absolute_sum_of_changes", "mean_abs_change", "mean_change",
            "mean_second_derivative_central", "cid_ce",
            "linear_trend_slope", "linear_trend_intercept", "linear_trend_rvalue",
            "change_quantiles_mean_abs_0_80", "change_quantiles_var_abs_20_80",
            "binned_entropy_10", "sample_entropy",
            "fft_abs_1", "fft_abs_2", "fft_abs_3", "fft_abs_4", "fft_abs_5",
            "ratio_beyond_2_sigma",
            "first_location_of_maximum", "first_location_of_minimum", "last_location_of_maximum",
            "last_location_of_minimum");
    /** Fewer finite values than this have no fingerprint. */
    public static final int MIN_POINTS = 12;
    private static final int[] AUTOCORRELATION_LAGS = {1, 2, 3, 5, 10};
    private static final int PACF_LAGS = 3;

    private SeriesFeatures() {
    }

    /** The features of {@code values} (NaN and ±Inf dropped), in {@link #NAMES} order. */
    public static double[] compute(double[] values) {
        double[] x = Arrays.stream(values).filter(Double::isFinite).toArray();
        int n = x.length;
        if (n < MIN_POINTS) {
            throw new IllegalArgumentException("a features profile needs at least " + MIN_POINTS
                    + " finite values, this window has " + n);
        }
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        double energy = 0;
        for (double v : x) {
            double d = v - mean;
            m2 += d * d;
            m3 += d * d * d;
            m4 += d * d * d * d;
            energy += v * v;
        }
        double variance = m2 / n;
        double sigma = Math.sqrt(variance);
        boolean flat = variance <= 1e-12 * Math.max(1, mean * mean);
        double[] f = new double[NAMES.size()];
        int i = 0;
        f[i++] = mean;
        f[i++] = quantile(sorted, 0.5);
        f[i++] = sorted[0];
        f[i++] = sorted[n - 1];
        f[i++] = sigma;
        f[i++] = variance;
        f[i++] = Math.sqrt(energy / n);
        for (double q : new double[] {0.1, 0.25, 0.75, 0.9}) {
            f[i++] = quantile(sorted, q);
        }
        f[i++] = flat ? 0 : Math.sqrt((double) n * (n - 1)) / (n - 2) * (m3 / n) / Math.pow(m2 / n, 1.5);
        f[i++] = flat ? 0 : (n + 1.0) * n * (n - 1) * m4 / ((n - 2.0) * (n - 3) * m2 * m2)
                - 3.0 * (n - 1) * (n - 1) / ((n - 2.0) * (n - 3));
        for (int lag : AUTOCORRELATION_LAGS) {
            f[i++] = flat || lag >= n ? 0 : autocovariance(x, mean, lag) / variance;
        }
        double[] pacf = flat ? new double[PACF_LAGS + 1] : partialAutocorrelation(x, mean, PACF_LAGS);
        for (int lag = 1; lag <= PACF_LAGS; lag++) {
            f[i++] = pacf[lag];
        }
        i = counts(x, mean, f, i);
        for (int support : new int[] {1, 3, 5}) {
            f[i++] = peaks(x, support);
        }
        f[i++] = energy;
        f[i++] = mean * n;
        i = changes(x, f, i);
        i = linearTrend(x, mean, f, i);
        f[i++] = changeQuantiles(x, sorted, 0.0, 0.8, false);
        f[i++] = changeQuantiles(x, sorted, 0.2, 0.8, true);
        f[i++] = binnedEntropy(x, sorted[0], sorted[n - 1], 10);
        f[i++] = flat ? 0 : sampleEntropy(x, 0.2 * sigma);
        for (int k = 1; k <= 5; k++) {
            f[i++] = fftAbs(x, k);
        }
        int beyond = 0;
        for (double v : x) {
            beyond += Math.abs(v - mean) > 2 * sigma ? 1 : 0;
        }
        f[i++] = flat ? 0 : (double) beyond / n;
        i = locations(x, f, i);
        if (i != f.length) {
            throw new IllegalStateException("computed " + i + " features, named " + f.length);
        }
        return f;
    }

    /** Linear interpolation between order statistics at q(n−1). */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** Σ_{t<n−lag}(x_t−μ)(x_{t+lag}−μ) / (n−lag). */
    private static double autocovariance(double[] x, double mean, int lag) {
        double sum = 0;
        for (int t = 0; t + lag < x.length; t++) {
            sum += (x[t] - mean) * (x[t + lag] - mean);
        }
        return sum / (x.length - lag);
    }

    /** Levinson–Durbin recursion over the adjusted autocovariances; index 0 is 1. */
    private static double[] partialAutocorrelation(double[] x, double mean, int lags) {
        double[] gamma = new double[lags + 1];
        for (int k = 0; k <= lags; k++) {
            gamma[k] = autocovariance(x, mean, k);
        }
        double[] pacf = new double[lags + 1];
        pacf[0] = 1;
        double[] phi = new double[lags + 1];
        double error = gamma[0];
        for (int k = 1; k <= lags; k++) {
            double acc = gamma[k];
            for (int j = 1; j < k; j++) {
                acc -= phi[j] * gamma[k - j];
            }
            double reflection = acc / error;
            double[] next = phi.clone();
            next[k] = reflection;
            for (int j = 1; j < k; j++) {
                next[j] = phi[j] - reflection * phi[k - j];
            }
            phi = next;
            error *= 1 - reflection * reflection;
            pacf[k] = reflection;
        }
        return pacf;
    }

    private static int counts(double[] x, double mean, double[] f, int i) {
        int above = 0;
        int below = 0;
        int runAbove = 0;
        int runBelow = 0;
        int longestAbove = 0;
        int longestBelow = 0;
        for (double v : x) {
            runAbove = v > mean ? runAbove + 1 : 0;
            runBelow = v < mean ? runBelow + 1 : 0;
            above += v > mean ? 1 : 0;
            below += v < mean ? 1 : 0;
            longestAbove = Math.max(longestAbove, runAbove);
            longestBelow = Math.max(longestBelow, runBelow);
        }
        f[i++] = above;
        f[i++] = below;
        f[i++] = longestAbove;
        f[i++] = longestBelow;
        return i;
    }

    /** Points larger than the {@code support} points on each side. */
    private static int peaks(double[] x, int support) {
        int count = 0;
        for (int t = support; t < x.length - support; t++) {
            boolean peak = true;
            for (int s = 1; s <= support && peak; s++) {
                peak = x[t] > x[t - s] && x[t] > x[t + s];
            }
            count += peak ? 1 : 0;
        }
        return count;
    }

    private static int changes(double[] x, double[] f, int i) {
        int n = x.length;
        double absolute = 0;
        double squared = 0;
        for (int t = 0; t + 1 < n; t++) {
            double d = x[t + 1] - x[t];
            absolute += Math.abs(d);
            squared += d * d;
        }
        f[i++] = absolute;
        f[i++] = absolute / (n - 1);
        f[i++] = (x[n - 1] - x[0]) / (n - 1);
        f[i++] = (x[n - 1] - x[n - 2] - x[1] + x[0]) / (2.0 * (n - 2));
        f[i++] = Math.sqrt(squared);
        return i;
    }

    private static int linearTrend(double[] x, double xMean, double[] f, int i) {
        int n = x.length;
        double tMean = (n - 1) / 2.0;
        double stt = 0;
        double stx = 0;
        double sxx = 0;
        for (int t = 0; t < n; t++) {
            double dt = t - tMean;
            double dx = x[t] - xMean;
            stt += dt * dt;
            stx += dt * dx;
            sxx += dx * dx;
        }
        double slope = stx / stt;
        f[i++] = slope;
        f[i++] = xMean - slope * tMean;
        f[i++] = sxx <= 0 ? 0 : stx / Math.sqrt(stt * sxx);
        return i;
    }

    /**
     * The changes whose both ends lie within [quantile(low), quantile(high)], as absolute values:
     * their mean, or ({@code variance}) their population variance; 0 when there are none.
     */
    private static double changeQuantiles(double[] x, double[] sorted, double low, double high, boolean variance) {
        double from = quantile(sorted, low);
        double to = quantile(sorted, high);
        double sum = 0;
        double sumSquares = 0;
        int count = 0;
        for (int t = 0; t + 1 < x.length; t++) {
            if (x[t] >= from && x[t] <= to && x[t + 1] >= from && x[t + 1] <= to) {
                double d = Math.abs(x[t + 1] - x[t]);
                sum += d;
                sumSquares += d * d;
                count++;
            }
        }
        if (count == 0) {
            return 0;
        }
        double mean = sum / count;
        return variance ? Math.max(0, sumSquares / count - mean * mean) : mean;
    }

    /** −Σ p ln p over {@code bins} equal-width bins from min to max, the last bin closed. */
    private static double binnedEntropy(double[] x, double min, double max, int bins) {
        int[] counts = new int[bins];
        double scale = max > min ? bins / (max - min) : 0;
        for (double v : x) {
            counts[(int) Math.min(bins - 1, Math.floor((v - min) * scale))]++;
        }
        double entropy = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = (double) c / x.length;
                entropy -= p * Math.log(p);
            }
        }
        return entropy;
    }

    /** −ln(A/B): B pairs of 2-point templates within {@code tolerance}, A of 3-point ones; self-pairs excluded. */
    private static double sampleEntropy(double[] x, double tolerance) {
        int n = x.length;
        long b = matchingPairs(x, 2, n - 1, tolerance);
        long a = matchingPairs(x, 3, n - 2, tolerance);
        if (a == 0 || b == 0) {
            return Math.log((double) (n - 2) * (n - 3));
        }
        return -Math.log((double) a / b);
    }

    /** Ordered pairs (i ≠ j) of the {@code templates} templates of {@code m} points within tolerance. */
    private static long matchingPairs(double[] x, int m, int templates, double tolerance) {
        long pairs = 0;
        for (int i = 0; i < templates; i++) {
            for (int j = i + 1; j < templates; j++) {
                boolean match = true;
                for (int k = 0; k < m && match; k++) {
                    match = Math.abs(x[i + k] - x[j + k]) <= tolerance;
                }
                pairs += match ? 2 : 0;
            }
        }
        return pairs;
    }

    private static double fftAbs(double[] x, int k) {
        double re = 0;
        double im = 0;
        int n = x.length;
        for (int t = 0; t < n; t++) {
            double angle = -2 * Math.PI * k * (double) t / n;
            re += x[t] * Math.cos(angle);
            im += x[t] * Math.sin(angle);
        }
        return Math.hypot(re, im);
    }

    private static int locations(double[] x, double[] f, int i) {
        int n = x.length;
        int firstMax = 0;
        int firstMin = 0;
        int lastMax = 0;
        int lastMin = 0;
        for (int t = 1; t < n; t++) {
            firstMax = x[t] > x[firstMax] ? t : firstMax;
            firstMin = x[t] < x[firstMin] ? t : firstMin;
            lastMax = x[t] >= x[lastMax] ? t : lastMax;
            lastMin = x[t] <= x[lastMin] ? t : lastMin;
        }
        f[i++] = (double) firstMax / n;
        f[i++] = (double) firstMin / n;
        f[i++] = (lastMax + 1.0) / n;
        f[i++] = (lastMin + 1.0) / n;
        return i;
    }
}
