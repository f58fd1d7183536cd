package io.patternscope.core.screening;

/**
 * The recent-extremes detector: are the latest points of a series further from its reference than
 * anything the reference itself holds? KS compares whole windows, so 4 anomalous points at the end of
 * a 13-point test window (a 20-minute incident at 5-minute resolution), or one spike at the alert,
 * barely move its statistic; this detector looks only at the end.
 *
 * <p><b>Statistic.</b> Each point's robust z-score {@code (v − median(ref)) / scale(ref)} (the
 * screener's reference scale, with its floor for near-constant references). For each run length
 * k = 1…K over the last k valid points, the run's score is its least extreme z when all k lie on
 * one side of the median (the run is only as unusual as its mildest point), 0 otherwise.
 *
 * <p><b>Rule.</b> A run fires when its |score| is at least {@code minZ} and greater than the largest
 * |score| of every run of the same length inside the reference window (a record beyond the series'
 * own history, which protects heavy-tailed and bursty series that a Gaussian tail would flag every
 * day). Its p-value is {@code 2K · Φc(|score|)^k}: the chance that k independent Gaussian points all
 * lie that far out, Bonferroni-corrected for the two directions and the K run lengths looked at.
 * The run with the smallest p-value is the result. The screener then combines it with the KS
 * p-value (Bonferroni over the two detectors) and Benjamini–Hochberg runs across the analysis.
 *
 * <p>O(n·K) per series; no state, thread-safe.
 */
public final class RecentExtremes {

    /**
     * @param z          the run's score in reference standard deviations (signed; 0 when nothing fired)
     * @param run        the run length in points (0 when nothing fired)
     * @param startIndex grid index of the run's first point (-1 when nothing fired)
     * @param pValue     the corrected p-value (1 when nothing fired)
     */
    public record Result(boolean fired, double z, int run, int startIndex, double pValue) {
        public static final Result NONE = new Result(false, 0, 0, -1, 1.0);
    }

    private RecentExtremes() {
    }

    /**
     * @param values    the series on its grid, NaN for gaps; ±Inf are skipped like gaps
     * @param testStart first grid index of the test window
     * @param median    the reference's median
     * @param scale     the reference's scale (&gt; 0)
     * @param maxRun    K, the longest run looked at
     * @param minZ      the smallest |score| that may fire
     */
    public static Result evaluate(double[] values, int testStart, double median, double scale, int maxRun, double minZ) {
        if (!(scale > 0) || maxRun < 1 || Double.isNaN(median)) {
            return Result.NONE;
        }
        int[] latest = new int[maxRun];
        int found = 0;
        for (int i = values.length - 1; i >= Math.max(0, testStart) && found < maxRun; i--) {
            if (Double.isFinite(values[i])) {
                latest[found++] = i; // newest first
            }
        }
        double[] reference = new double[Math.max(0, Math.min(testStart, values.length))];
        int referenceCount = 0;
        for (int i = 0; i < reference.length; i++) {
            if (Double.isFinite(values[i])) {
                reference[referenceCount++] = (values[i] - median) / scale;
            }
        }
        Result best = Result.NONE;
        double bestLogP = 0;
        double runMin = Double.POSITIVE_INFINITY;
        double runMax = Double.NEGATIVE_INFINITY;
        for (int k = 1; k <= found; k++) {
            double z = (values[latest[k - 1]] - median) / scale;
            runMin = Math.min(runMin, z);
            runMax = Math.max(runMax, z);
            double score = runScore(runMin, runMax);
            if (Math.abs(score) < minZ || k > referenceCount) {
                continue;
            }
            if (Math.abs(score) <= largestReferenceScore(reference, referenceCount, k)) {
                continue;
            }
            // in logs: far out, the tails of several run lengths all underflow to 0 and must still be ordered
            double logP = Math.min(0, Math.log(2.0 * maxRun) + k * logNormalUpperTail(Math.abs(score)));
            if (!best.fired() || logP <= bestLogP) { // equal evidence: the longer run tells more of the story
                best = new Result(true, score, k, latest[k - 1], Math.exp(logP));
                bestLogP = logP;
            }
        }
        return best;
    }

    /** The least extreme z of a run whose points all lie on one side, 0 for a run that crosses the median. */
    private static double runScore(double min, double max) {
        if (min > 0) {
            return min;
        }
        if (max < 0) {
            return max;
        }
        return 0;
    }

    private static double largestReferenceScore(double[] z, int count, int k) {
        double largest = 0;
        for (int end = k; end <= count; end++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = end - k; i < end; i++) {
                min = Math.min(min, z[i]);
                max = Math.max(max, z[i]);
            }
            largest = Math.max(largest, Math.abs(runScore(min, max)));
        }
        return largest;
    }

    /** {@code ln Φc(x)} for x ≥ 0, finite however far out (Mills' ratio beyond x = 8). */
    static double logNormalUpperTail(double x) {
        if (x < 8) {
            return Math.log(normalUpperTail(x));
        }
        double inverseSquare = 1 / (x * x);
        return -0.5 * x * x - Math.log(x) - 0.5 * Math.log(2 * Math.PI)
                + Math.log1p(inverseSquare * (-1 + inverseSquare * (3 + inverseSquare * (-15 + inverseSquare * 105))));
    }

    /** {@code Φc(x) = P(N(0,1) > x)} for x ≥ 0, relative error below 1.2e-7 (Numerical Recipes' erfcc). */
    static double normalUpperTail(double x) {
        double t = x / Math.sqrt(2);
        double u = 1.0 / (1.0 + 0.5 * t);
        double erfc = u * Math.exp(-t * t - 1.26551223 + u * (1.00002368 + u * (0.37409196 + u * (0.09678418
                + u * (-0.18628806 + u * (0.27886807 + u * (-1.13520398 + u * (1.48851587
                + u * (-0.82215223 + u * 0.17087277)))))))));
        return 0.5 * erfc;
    }
}
