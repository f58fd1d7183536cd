package io.patternscope.core.screening;

/**
 * Least-squares estimate of where a single change begins, trying two shapes of change:
 * <ul>
 *   <li>a <b>step</b>: mean μ₁ before τ, μ₂ from τ on;</li>
 *   <li>a <b>ramp</b> (hinge): flat at a until τ, then a + b·(t − τ) — a leak or a steady increase,
 *       whose start a step fit would place in the middle of the ramp.</li>
 * </ul>
 * Both models have three parameters, so the one with the smaller residual sum of squares wins (the
 * same choice BIC or minimum description length makes at equal parameter counts). Residual sums for
 * every τ come from prefix sums, so the whole search is O(n).
 *
 * <p>Input: values with NaN for gaps; NaNs are skipped and positions keep their grid index.
 * Returns -1 when fewer than {@code 2·minSegment} valid points exist. Thread-safe.
 */
public final class TwoSegmentChangePoint {

    private final int minSegment;

    public TwoSegmentChangePoint(int minSegment) {
        if (minSegment < 2) {
            throw new IllegalArgumentException("minSegment must be at least 2");
        }
        this.minSegment = minSegment;
    }

    /** Grid index at which the change starts, or -1. */
    public int onsetIndex(double[] values) {
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        if (n < 2 * minSegment) {
            return -1;
        }
        double[] t = new double[n];
        double[] y = new double[n];
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                t[k] = i;
                y[k] = values[i];
                k++;
            }
        }
        // Centre y to keep the sums well conditioned for large levels (e.g. memory in bytes).
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        for (int i = 0; i < n; i++) {
            y[i] -= mean;
        }
        // Suffix sums over points j ≥ s: count, Σt, Σt², Σy, Σy², Σty.
        double[] st = new double[n + 1];
        double[] stt = new double[n + 1];
        double[] sy = new double[n + 1];
        double[] syy = new double[n + 1];
        double[] sty = new double[n + 1];
        for (int j = n - 1; j >= 0; j--) {
            st[j] = st[j + 1] + t[j];
            stt[j] = stt[j + 1] + t[j] * t[j];
            sy[j] = sy[j + 1] + y[j];
            syy[j] = syy[j + 1] + y[j] * y[j];
            sty[j] = sty[j + 1] + t[j] * y[j];
        }
        double totalY = sy[0];
        double totalYY = syy[0];
        double bestSse = Double.POSITIVE_INFINITY;
        int bestIndex = -1;
        for (int s = minSegment; s <= n - minSegment; s++) {
            // Step: left = points [0, s), right = [s, n).
            double leftN = s;
            double rightN = n - s;
            double leftY = totalY - sy[s];
            double leftYY = totalYY - syy[s];
            double stepSse = (leftYY - leftY * leftY / leftN) + (syy[s] - sy[s] * sy[s] / rightN);
            if (stepSse < bestSse) {
                bestSse = stepSse;
                bestIndex = (int) t[s];
            }
            // Ramp: hinge at tau = t[s-1] (the last flat point); x_j = t_j - tau for j ≥ s, else 0.
            double tau = t[s - 1];
            double sx = st[s] - rightN * tau;
            double sxx = stt[s] - 2 * tau * st[s] + rightN * tau * tau;
            double sxy = sty[s] - tau * sy[s];
            double cxx = sxx - sx * sx / n;
            if (cxx > 0) {
                double cxy = sxy - sx * totalY / n;
                double rampSse = (totalYY - totalY * totalY / n) - cxy * cxy / cxx;
                if (rampSse < bestSse) {
                    bestSse = rampSse;
                    bestIndex = (int) t[s - 1] + 1;
                }
            }
        }
        return bestIndex;
    }
}
