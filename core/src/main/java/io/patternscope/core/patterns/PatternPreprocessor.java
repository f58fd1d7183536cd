package io.patternscope.core.patterns;

/**
 * The one preprocessing step shared by training and serving, so the model sees the same kind of
 * input in both: (1) ±Inf become gaps; (2) leading and trailing gaps are cut; (3) interior gaps are
 * filled by linear interpolation between their neighbours; (4) the series is resampled to
 * {@code length} points: a shorter one by linear interpolation over its index, a longer one by
 * buckets, each represented by its sample farthest from the series' median — plain interpolation
 * would skip the one point a spike or dip consists of; (5) min–max normalised to [0, 1] (a constant
 * series becomes all 0.5). With a second channel ({@link #prepare(double[], int, int)}), each
 * bucket's mean comes next to its extreme: the extreme keeps a one-point spike, the mean keeps the
 * level that dense noise hides in the extremes (a shift of two σ in noise whose band the extremes
 * fill). O(n log n + length), thread-safe.
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

    private static double[] meansPerBucket(double[] filled, int length) {
        int n = filled.length;
        double[] out = new double[length];
        for (int k = 0; k < length; k++) {
            int from = (int) ((long) k * n / length);
            int to = (int) ((long) (k + 1) * n / length);
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += filled[i];
            }
            out[k] = sum / (to - from);
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
     * The one-channel input: {@code length} points.
     *
     * @throws IllegalArgumentException when fewer than two finite values remain (empty or all-NaN input)
     */
    public static float[] prepare(double[] values, int length) {
        return prepare(values, length, 1);
    }

    /**
     * {@code channels} 1: the bucket extremes, {@code length} points; 2: each bucket's extreme then
     * its mean, interleaved ({@code 2 × length} points), both normalised by one min and max so that
     * they share a scale.
     *
     * @throws IllegalArgumentException when fewer than two finite values remain (empty or all-NaN
     *         input), or for another number of channels
     */
    public static float[] prepare(double[] values, int length, int channels) {
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("the pattern model's input has 1 or 2 channels, not " + channels);
        }
        double[] filled = filled(values);
        int n = filled.length;
        double[][] resampled = new double[channels][];
        resampled[0] = n > length ? extremesPerBucket(filled, length) : interpolated(filled, length);
        if (channels == 2) {
            resampled[1] = n > length ? meansPerBucket(filled, length) : resampled[0];
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] channel : resampled) {
            for (double v : channel) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double range = max - min;
        float[] out = new float[length * channels];
        for (int k = 0; k < length; k++) {
            for (int c = 0; c < channels; c++) {
                out[k * channels + c] = range > 0 ? (float) ((resampled[c][k] - min) / range) : 0.5f;
            }
        }
        return out;
    }

    /** Steps (1)–(3): the finite stretch of {@code values}, interior gaps interpolated. */
    private static double[] filled(double[] values) {
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
        return filled;
    }
}
