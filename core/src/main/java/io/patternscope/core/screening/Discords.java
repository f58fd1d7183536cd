package io.patternscope.core.screening;

/**
 * The discord detector of the screening ensemble: how unlike anything in its reference the test
 * window's most unusual shape is ({@link MatrixProfile#discordScore}), for the changes KS cannot see
 * because the values stay in their usual range — a value stuck where there is always jitter, a
 * changed period, a rhythm that stopped.
 *
 * <p><b>Resolution.</b> Shapes are compared at one point per minute or coarser: a finer grid is
 * averaged first, {@code factor} points to one (piecewise aggregate approximation), aligned so that
 * the test window starts a bucket. At 15 s this cuts the matrix profile's work 16-fold (its cost is
 * the product of the two lengths) while a shape of several minutes keeps its form; what lives
 * inside one minute — a single spike — is the other detectors' job. Subsequences are
 * {@link MatrixProfile#subsequenceLength} at the aggregated step: five minutes, at least 8 points,
 * at most a quarter of the test window.
 */
public final class Discords {

    /** Shapes are compared at this resolution or coarser. */
    static final long SHAPE_STEP_MS = 60_000;

    /** Fewer aggregated test points than this: too short to hold two subsequences, no score. */
    static final int MIN_TEST_POINTS = 16;

    private Discords() {
    }

    /**
     * The test window's most unusual subsequence.
     *
     * @param score      its discord score in [0, √2]; NaN when the windows are too short or hold no
     *                   valid subsequence
     * @param startIndex grid index where that subsequence begins, -1 without a score
     */
    public record Result(double score, int startIndex) {
        static final Result NONE = new Result(Double.NaN, -1);
    }

    /**
     * @param values the series on its grid, NaN for gaps
     * @param split  first index of the test window; the points before it are the reference
     * @param stepMs the grid's step (0 or less: compare the points as they are)
     */
    public static Result find(double[] values, int split, long stepMs) {
        int factor = stepMs <= 0 ? 1 : (int) Math.max(1, SHAPE_STEP_MS / stepMs);
        double[] reference = aggregateBackward(values, 0, split, factor);
        double[] test = aggregateForward(values, split, values.length, factor);
        if (test.length < MIN_TEST_POINTS || reference.length < test.length) {
            return Result.NONE;
        }
        int m = MatrixProfile.subsequenceLength(stepMs <= 0 ? SHAPE_STEP_MS : stepMs * factor, test.length);
        double[] best = MatrixProfile.bestCorrelations(test, reference, m);
        int at = MatrixProfile.discordIndex(best);
        return at < 0 ? Result.NONE : new Result(MatrixProfile.score(best[at]), split + at * factor);
    }

    /** Means of {@code factor} points from {@code from} on; a trailing partial bucket counts. */
    private static double[] aggregateForward(double[] values, int from, int to, int factor) {
        int n = (to - from + factor - 1) / factor;
        double[] out = new double[Math.max(0, n)];
        for (int b = 0; b < out.length; b++) {
            out[b] = mean(values, from + b * factor, Math.min(to, from + (b + 1) * factor));
        }
        return out;
    }

    /** Means of {@code factor} points ending at {@code to}, so the last bucket ends where the test begins. */
    private static double[] aggregateBackward(double[] values, int from, int to, int factor) {
        int n = (to - from) / factor;
        double[] out = new double[Math.max(0, n)];
        for (int b = 0; b < out.length; b++) {
            int end = to - (out.length - 1 - b) * factor;
            out[b] = mean(values, end - factor, end);
        }
        return out;
    }

    /** The mean of the finite points, NaN when half or more are gaps (a bucket must mostly be data). */
    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            if (Double.isFinite(values[i])) {
                sum += values[i];
                n++;
            }
        }
        return n * 2 > to - from ? sum / n : Double.NaN;
    }
}
