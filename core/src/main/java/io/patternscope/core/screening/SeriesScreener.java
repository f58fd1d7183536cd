package io.patternscope.core.screening;

import io.patternscope.core.wire.Detector;
import io.patternscope.core.wire.ScreeningStatus;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Screens one series for a change between its reference window and its test window, following
 * PatternMatcher (Lin et al., ISSRE 2021): a two-sample Kolmogorov–Smirnov test between the window
 * just before the alert and the longer window before it.
 *
 * <p><b>KS and ties.</b> See {@link TwoSampleKolmogorovSmirnov}: D is exact with ties (quantized
 * and integer metrics); p-values exact for small samples, asymptotic otherwise, and never an
 * exception. Each window is sorted once and serves the KS statistic, the quantiles and the MAD:
 * O(n log n) per series.
 *
 * <p><b>Recent extremes.</b> A second detector, {@link RecentExtremes}, asks whether the latest
 * points lie beyond anything in the reference (a 4-point incident at 5-minute resolution, a spike
 * at the alert): KS cannot see those. Its p-value for Benjamini–Hochberg is
 * {@code min(1, 2·min(p_KS, p_recent))} (Bonferroni over the two).
 *
 * <p><b>Discords.</b> A third detector, {@link Discords}, scores the test window's least familiar
 * shape against the reference with the matrix profile: a stuck value, a changed period. It has no
 * p-value; it fires at a fixed score ({@link Settings#discordThreshold}), and a series it alone
 * flags stays a finding whatever Benjamini–Hochberg says of its p-value. A series is a candidate
 * when any detector fires, and the finding names the ones that did.
 *
 * <p><b>Effect size.</b> The largest standardized quantile shift: Doksum's shift function
 * {@code Δ(p) = Q_test(p) − Q_ref(p)} (Doksum, 1974) at p ∈ {0.1, 0.25, 0.5, 0.75, 0.9}, divided by
 * the reference's scale ({@link RobustStatistics#referenceScaleOfSorted}: robust, with a relative floor
 * for near-constant references); the signed Δ with the largest magnitude wins, capped at
 * ±{@value #EFFECT_CAP}. A median shift alone misses a level shift that covers only the last third of
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
 * <p>Magnitudes beyond 2^±400 are rescaled by a power of two first, so 1e308 or subnormal values
 * screen like any others. Thread-safe.
 */
public final class SeriesScreener {

    /**
     * @param candidateP     a series is a candidate only if p ≤ this: set it to the analysis's FDR level
     *                       q, since Benjamini–Hochberg never rejects a test with p &gt; q
     * @param minEffectSize  minimum |effect| for a candidate (3 = the classic 3-sigma rule); also the
     *                       smallest |z| the recent-extremes detector fires on
     * @param minSegment     minimum points on each side of an onset estimate
     * @param recentMaxRun   the longest run of latest points the recent-extremes detector looks at
     * @param discordThreshold a discord score at or above this makes a candidate (NaN: the discord
     *                      detector scores but never fires)
     */
    public record Settings(int minReferencePoints, int minTestPoints, double candidateP, double minEffectSize,
                           int minSegment, int recentMaxRun, double discordThreshold) {

        /**
         * A stuck value in a jittery metric scores √½ ≈ 0.707 (a flat subsequence against no flat
         * one), so this level lets discords find it; on NAB it also fires on 6.3 % of normal
         * windows ({@code ./patternscope bench detectors}), which is why it is a choice per analysis.
         */
        public static final double SUGGESTED_DISCORD_THRESHOLD = 0.70;

        public Settings(int minReferencePoints, int minTestPoints, double candidateP, double minEffectSize,
                        int minSegment, int recentMaxRun) {
            this(minReferencePoints, minTestPoints, candidateP, minEffectSize, minSegment, recentMaxRun, Double.NaN);
        }

        public static Settings defaults() {
            return new Settings(20, 10, 0.01, 3.0, 5, 6);
        }
    }

    /**
     * @param pValue     the series' p-value for Benjamini–Hochberg: {@code min(1, 2·min(p_KS, p_recent))},
     *                   Bonferroni over the two detectors
     * @param ksPValue   the KS test's own p-value
     * @param effectSize KS's quantile shift, or the recent run's z when that is larger: measured over
     *                   the anomalous part, not diluted over the test window
     * @param onsetIndex grid index where the change starts, -1 if not estimated
     * @param detectors  the detectors that fired (empty unless a candidate)
     * @param recent     the recent-extremes detector's result
     * @param discord    the discord detector's result
     */
    public record Outcome(ScreeningStatus status, boolean candidate, double ksStatistic, double pValue,
                          double ksPValue, double effectSize, int direction, int onsetIndex, Set<Detector> detectors,
                          RecentExtremes.Result recent, Discords.Result discord) {
        static Outcome of(ScreeningStatus status) {
            return new Outcome(status, false, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, -1, Set.of(),
                    RecentExtremes.Result.NONE, Discords.Result.NONE);
        }
    }

    private static final double[] SHIFT_QUANTILES = {0.1, 0.25, 0.5, 0.75, 0.9};

    /** Beyond this many reference standard deviations an effect only says "off the reference's scale". */
    public static final double EFFECT_CAP = 1000;

    /** Series whose largest magnitude lies outside [2^-400, 2^400] are rescaled by a power of two first. */
    private static final int SAFE_EXPONENT = 400;

    private final Settings settings;
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
        return screen(values, testStartIndex, mayBeRawCounter, 0);
    }

    /**
     * @param stepMs the grid's step, which sets the discord detector's resolution (0: the points as they are)
     */
    public Outcome screen(double[] values, int testStartIndex, boolean mayBeRawCounter, long stepMs) {
        int split = Math.max(0, Math.min(values.length, testStartIndex));
        values = withSafeMagnitude(values);
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
        double ksP = TwoSampleKolmogorovSmirnov.pValue(d, sortedReference.length, sortedTest.length);
        double referenceMedian = RobustStatistics.quantileOfSorted(sortedReference, 0.5);
        double scale = RobustStatistics.referenceScaleOfSorted(sortedReference, referenceMedian, sortedTest);
        double shift = 0;
        for (double level : SHIFT_QUANTILES) {
            double delta = RobustStatistics.quantileOfSorted(sortedTest, level)
                    - RobustStatistics.quantileOfSorted(sortedReference, level);
            if (Math.abs(delta) > Math.abs(shift)) {
                shift = delta;
            }
        }
        double ksEffect = cap(shift / scale);
        RecentExtremes.Result recent = RecentExtremes.evaluate(values, split, referenceMedian, scale,
                settings.recentMaxRun(), settings.minEffectSize());
        double p = Math.min(1.0, 2 * Math.min(ksP, recent.pValue()));
        Set<Detector> fired = EnumSet.noneOf(Detector.class);
        if (Math.min(1.0, 2 * ksP) <= settings.candidateP() && Math.abs(ksEffect) >= settings.minEffectSize()) {
            fired.add(Detector.KS);
        }
        if (recent.fired() && Math.min(1.0, 2 * recent.pValue()) <= settings.candidateP()) {
            fired.add(Detector.RECENT_EXTREME);
        }
        Discords.Result discord = Discords.find(values, split, stepMs);
        if (discord.score() >= settings.discordThreshold()) {
            fired.add(Detector.DISCORD);
        }
        double effect = ksEffect;
        if (fired.contains(Detector.RECENT_EXTREME) && Math.abs(recent.z()) > Math.abs(ksEffect)) {
            effect = cap(recent.z());
        }
        int direction = effect > 0 ? 1 : (effect < 0 ? -1 : 0);
        boolean candidate = !fired.isEmpty();
        int onset = -1;
        if (fired.contains(Detector.KS)) {
            onset = departureOnset(values, referenceMedian, scale, direction);
        } else if (fired.contains(Detector.RECENT_EXTREME)) {
            onset = recent.startIndex();
        } else if (candidate) {
            onset = discord.startIndex();
        }
        return new Outcome(ScreeningStatus.TESTED, candidate, d, p, ksP, effect, direction, onset,
                candidate ? Set.copyOf(fired) : Set.of(), recent, discord);
    }

    private static double cap(double effect) {
        return Double.isNaN(effect) ? 0 : Math.max(-EFFECT_CAP, Math.min(EFFECT_CAP, effect));
    }

    /**
     * The series times a power of two (exact, order-preserving) when its magnitudes would overflow or
     * underflow differences and scales: KS and effect sizes are scale-free, so nothing else changes.
     */
    static double[] withSafeMagnitude(double[] values) {
        double largest = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                largest = Math.max(largest, Math.abs(v));
            }
        }
        if (largest == 0) {
            return values;
        }
        int exponent = Math.getExponent(largest);
        if (exponent <= SAFE_EXPONENT && exponent >= -SAFE_EXPONENT) {
            return values;
        }
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.scalb(values[i], -exponent);
        }
        return out;
    }

    /**
     * A counter resets when its process restarts: a few times in a window at most. A gauge that
     * climbs and falls to its floor every few minutes (a heap filled by allocation and emptied by
     * each GC) is a sawtooth, not a counter.
     */
    static final int MAX_COUNTER_RESETS = 3;

    /** Never decreases except for at most {@value #MAX_COUNTER_RESETS} resets, and grows at least at half of its steps. */
    static boolean looksLikeRawCounter(double[] values) {
        double previous = Double.NaN;
        int steps = 0;
        int increases = 0;
        int resets = 0;
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
                } else if (v < previous && ++resets > MAX_COUNTER_RESETS) {
                    return false;
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
