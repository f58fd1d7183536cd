package io.patternscope.core.screening;

import io.patternscope.core.wire.ScreeningStatus;
import java.util.Arrays;

/**
 * Screens one series for a change between its reference window and its test window, following
 * PatternMatcher (Lin et al., ISSRE 2021): a two-sample Kolmogorov–Smirnov test between the window
 * just before the alert and the longer window before it.
 *
 * <p><b>KS and ties.</b> See {@link TwoSampleKolmogorovSmirnov}: D is exact with ties (quantized
 * and integer metrics); p-values come from commons-math3, exact for small samples (ties broken
 * by a seeded jitter, so results are reproducible), asymptotic otherwise. Each window is sorted
 * once and serves the KS statistic, the quantiles and the MAD: O(n log n) per series.
 *
 * <p><b>Effect size.</b> The largest standardized quantile shift: Doksum's shift function
 * {@code Δ(p) = Q_test(p) − Q_ref(p)} (Doksum, 1974) at p ∈ {0.1, 0.25, 0.5, 0.75, 0.9}, divided by
 * the reference's robust scale ({@link RobustStatistics#robustScale}); the signed Δ with the largest
 * magnitude wins. A median shift alone misses a level shift that covers only the last third of
 * the test window; the outer quantiles catch it once it covers about a tenth. KS alone flags tiny
 * but "significant" shifts of smooth series; requiring a minimum effect keeps them out of the report.
 *
 * <p><b>Onset.</b> When the series departed from its reference: each point is marked 1 if it lies
 * beyond {@code median(ref) ± minEffect·scale} in the direction of the shift, 0 otherwise, and the
 * onset is the change point of that indicator ({@link TwoSegmentChangePoint}). Unlike a change
 * point of the raw values it is not pulled early by a slow drift that stays inside the band.
 *
 * <p><b>Statuses.</b> NaN points are dropped. Fewer valid points than the settings' minima in
 * either window → {@link ScreeningStatus#INSUFFICIENT_DATA}; one value throughout →
 * {@link ScreeningStatus#CONSTANT}; raw values that never decrease except for resets (a drop
 * below half) and grow at most steps → {@link ScreeningStatus#UNCONVERTED_COUNTER}; otherwise
 * {@link ScreeningStatus#TESTED}.
 *
 * <p>Not thread-safe (the KS test holds a random generator): use one instance per thread.
 */
public final class SeriesScreener {

    /**
     * @param candidateP     a series is a candidate only if p ≤ this: set it to the analysis's FDR level
     *                       q, since Benjamini–Hochberg never rejects a test with p &gt; q
     * @param minEffectSize  minimum |robust median shift| for a candidate (3 = the classic 3-sigma rule)
     * @param minSegment     minimum points on each side of an onset estimate
     */
    public record Settings(int minReferencePoints, int minTestPoints, double candidateP, double minEffectSize,
                           int minSegment) {
        public static Settings defaults() {
            return new Settings(30, 10, 0.01, 3.0, 5);
        }
    }

    /** @param onsetIndex grid index where the change starts, -1 if not estimated */
    public record Outcome(ScreeningStatus status, boolean candidate, double ksStatistic, double pValue,
                          double effectSize, int direction, int onsetIndex) {
        static Outcome of(ScreeningStatus status) {
            return new Outcome(status, false, Double.NaN, Double.NaN, Double.NaN, 0, -1);
        }
    }

    private static final double[] SHIFT_QUANTILES = {0.1, 0.25, 0.5, 0.75, 0.9};

    private final Settings settings;
    private final TwoSampleKolmogorovSmirnov ks = new TwoSampleKolmogorovSmirnov();
    private final TwoSegmentChangePoint changePoint;

    public SeriesScreener(Settings settings) {
        this.settings = settings;
        this.changePoint = new TwoSegmentChangePoint(settings.minSegment());
    }

    /**
     * @param values         the series on its grid, NaN for gaps
     * @param testStartIndex first grid index of the test window; points before it form the reference
     */
    public Outcome screen(double[] values, int testStartIndex) {
        return screen(values, testStartIndex, false);
    }

    /**
     * @param mayBeRawCounter true when the values are raw gauge samples (not rates the fetcher made),
     *                        so a counter that slipped through is recognised instead of tested
     */
    public Outcome screen(double[] values, int testStartIndex, boolean mayBeRawCounter) {
        int split = Math.max(0, Math.min(values.length, testStartIndex));
        double[] reference = finite(values, 0, split);
        double[] test = finite(values, split, values.length);
        if (reference.length < settings.minReferencePoints() || test.length < settings.minTestPoints()) {
            return Outcome.of(ScreeningStatus.INSUFFICIENT_DATA);
        }
        if (mayBeRawCounter && looksLikeRawCounter(values)) {
            return Outcome.of(ScreeningStatus.UNCONVERTED_COUNTER);
        }
        double[] sortedReference = reference;
        double[] sortedTest = test;
        Arrays.sort(sortedReference);
        Arrays.sort(sortedTest);
        if (sortedReference[0] == sortedReference[sortedReference.length - 1] && sortedTest[0] == sortedTest[sortedTest.length - 1]
                && sortedReference[0] == sortedTest[0]) {
            return Outcome.of(ScreeningStatus.CONSTANT);
        }
        double d = TwoSampleKolmogorovSmirnov.statistic(sortedReference, sortedTest);
        double p = ks.pValue(d, sortedReference, sortedTest);
        double referenceMedian = RobustStatistics.quantileOfSorted(sortedReference, 0.5);
        double scale = RobustStatistics.robustScaleOfSorted(sortedReference, referenceMedian);
        double shift = 0;
        for (double level : SHIFT_QUANTILES) {
            double delta = RobustStatistics.quantileOfSorted(sortedTest, level)
                    - RobustStatistics.quantileOfSorted(sortedReference, level);
            if (Math.abs(delta) > Math.abs(shift)) {
                shift = delta;
            }
        }
        double effect = shift / scale;
        int direction = shift > 0 ? 1 : (shift < 0 ? -1 : 0);
        boolean candidate = p <= settings.candidateP() && Math.abs(effect) >= settings.minEffectSize();
        int onset = candidate ? departureOnset(values, referenceMedian, scale, direction) : -1;
        return new Outcome(ScreeningStatus.TESTED, candidate, d, p, effect, direction, onset);
    }

    /** Never decreases except for resets, and grows at least at half of its steps. */
    static boolean looksLikeRawCounter(double[] values) {
        double previous = Double.NaN;
        int steps = 0;
        int increases = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                continue;
            }
            if (!Double.isNaN(previous)) {
                steps++;
                if (v > previous) {
                    increases++;
                } else if (v < previous && v > previous / 2) {
                    return false; // a real decrease, not a reset
                }
            }
            previous = v;
        }
        return steps > 0 && increases * 2 >= steps;
    }

    private int departureOnset(double[] values, double referenceMedian, double scale, int direction) {
        double threshold = Math.max(settings.minEffectSize(), 1.0) * scale;
        double[] beyond = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            beyond[i] = Double.isNaN(v) ? Double.NaN : ((v - referenceMedian) * direction > threshold ? 1.0 : 0.0);
        }
        return changePoint.onsetIndex(beyond);
    }

    private static double[] finite(double[] values, int from, int to) {
        double[] out = new double[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            double v = values[i];
            if (!Double.isNaN(v) && !Double.isInfinite(v)) {
                out[n++] = v;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

}
