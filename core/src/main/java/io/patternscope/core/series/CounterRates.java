package io.patternscope.core.series;

/**
 * Turns samples of a monotone counter into per-second rates, as Prometheus's {@code rate()} would
 * between adjacent samples.
 *
 * <p>{@code rate[i] = (v[i] - v[j]) / ((i - j) * step)} where {@code j} is the previous non-NaN
 * sample. A decrease is a counter reset (process restart): the counter restarted from 0, so the
 * increase is {@code v[i]} itself. Gaps stay gaps: a NaN input yields NaN, and so does the first
 * valid sample (no previous one). O(n), allocation of one array, thread-safe.
 */
public final class CounterRates {

    private CounterRates() {
    }

    /** Metric-name suffixes that Prometheus conventions use for monotone counters. */
    public static boolean isCounterName(String metric) {
        return metric.endsWith("_total") || metric.endsWith("_count") || metric.endsWith("_sum")
                || metric.endsWith("_bucket");
    }

    public static double[] toRates(double[] counter, long stepMs) {
        if (stepMs <= 0) {
            throw new IllegalArgumentException("step must be positive, was " + stepMs);
        }
        double stepSeconds = stepMs / 1000.0;
        double[] rates = new double[counter.length];
        int previous = -1;
        for (int i = 0; i < counter.length; i++) {
            double v = counter[i];
            if (Double.isNaN(v)) {
                rates[i] = Double.NaN;
                continue;
            }
            if (previous < 0) {
                rates[i] = Double.NaN;
            } else {
                double before = counter[previous];
                double increase = v >= before ? v - before : v;
                rates[i] = increase / ((i - previous) * stepSeconds);
            }
            previous = i;
        }
        return rates;
    }
}
