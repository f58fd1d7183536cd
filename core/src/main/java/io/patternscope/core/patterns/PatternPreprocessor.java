package io.patternscope.core.patterns;

/**
 * The one preprocessing step shared by training and serving, so the model sees the same kind of
 * input in both: (1) ±Inf become gaps; (2) leading and trailing gaps are cut; (3) interior gaps are
 * filled by linear interpolation between their neighbours; (4) the series is resampled to
 * {@code length} points: a shorter one by linear interpolation over its index, a longer one by
 * buckets, each represented by its sample farthest from the series' median — plain interpolation
 * would skip the one point a spike or dip consists of; (5) min–max normalised to [0, 1] (a constant
 * series becomes all 0.5). O(n + length) (the median by selection), thread-safe.
 */
public final class PatternPreprocessor {

    /** Input length of the pattern model. */
    public static final int MODEL_LENGTH = 128;

    private PatternPreprocessor() {
    }

    private static double[] interpolated(double[] filled, int length) {
        int n = filled.length;
        double[] out = new double[length];
        for (int k = 0; k < length; k++) {
            double position = length == 1 ? 0 : (double) k * (n - 1) / (length - 1);
            int lo = (int) Math.floor(position);
            int hi = Math.min(n - 1, lo + 1);
            out[k] = filled[lo] + (position - lo) * (filled[hi] - filled[lo]);
        }
        return out;
    }

    private static double[] extremesPerBucket(double[] filled, int length) {
        int n = filled.length;
        double median = io.patternscope.core.screening.RobustStatistics.median(filled);
        double[] out = new double[length];
        for (int k = 0; k < length; k++) {
            int from = (int) ((long) k * n / length);
            int to = (int) ((long) (k + 1) * n / length);
            double pick = filled[from];
            for (int i = from + 1; i < to; i++) {
                if (Math.abs(filled[i] - median) > Math.abs(pick - median)) {
                    pick = filled[i];
                }
            }
            out[k] = pick;
        }
        return out;
    }

    /**
     * @throws IllegalArgumentException when fewer than two finite values remain (empty or all-NaN input)
     */
    public static float[] prepare(double[] values, int length) {
        int first = 0;
        while (first < values.length && !Double.isFinite(values[first])) {
            first++;
        }
        int last = values.length - 1;
        while (last > first && !Double.isFinite(values[last])) {
            last--;
        }
        if (first >= values.length || last - first < 1) {
            throw new IllegalArgumentException("a series needs at least two finite values; got "
                    + (first >= values.length ? "none" : "one"));
        }
        int n = last - first + 1;
        double[] filled = new double[n];
        int previous = 0;
        filled[0] = values[first];
        for (int i = 1; i < n; i++) {
            double v = values[first + i];
            if (Double.isFinite(v)) {
                for (int gap = previous + 1; gap < i; gap++) {
                    double fraction = (double) (gap - previous) / (i - previous);
                    filled[gap] = filled[previous] + fraction * (v - filled[previous]);
                }
                filled[i] = v;
                previous = i;
            }
        }
        double[] resampled = n > length ? extremesPerBucket(filled, length) : interpolated(filled, length);
        float[] out = new float[length];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : resampled) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double range = max - min;
        for (int k = 0; k < length; k++) {
            out[k] = range > 0 ? (float) ((resampled[k] - min) / range) : 0.5f;
        }
        return out;
    }
}
