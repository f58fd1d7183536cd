package io.patternscope.core.screening;

import java.util.Arrays;

/**
 * The reference a test window is compared with. PatternMatcher's is the window just before it
 * ({@link Kind#PRECEDING}); a metric with a daily or weekly rhythm differs between any two
 * consecutive hours, so it is compared instead with the same clock time one or more periods earlier
 * ({@link Kind#DAILY}, {@link Kind#WEEKLY}): the test window's length taken at 1, 2, … periods back,
 * as many as the history holds, up to {@value #MAX_PERIODS}.
 *
 * <p>{@link Kind#AUTO} decides per series: seasonal when the history's autocorrelation at the
 * period's lag is at least {@value #MIN_AUTOCORRELATION} (the metric repeats itself a period later)
 * and one past period is there to compare with, the daily period before the weekly one; otherwise
 * the preceding window. A seasonal reference that the history cannot give falls back to the
 * preceding window, and the choice says why.
 */
public final class SeasonalReference {

    public enum Kind { PRECEDING, DAILY, WEEKLY, AUTO }

    /** AUTO takes a period when the history's autocorrelation at its lag reaches this. */
    public static final double MIN_AUTOCORRELATION = 0.5;

    /** Past periods compared with, at most. */
    public static final int MAX_PERIODS = 3;

    static final long DAY_MS = 86_400_000L;
    static final long WEEK_MS = 7 * DAY_MS;

    /**
     * @param used     the reference actually used
     * @param values   the series to screen: the reference's points, then the test window's
     * @param split    where the test window begins in {@code values}
     * @param fallback why a seasonal reference was asked for and not used (null otherwise)
     */
    public record Choice(Kind used, double[] values, int split, String fallback) {
    }

    private SeasonalReference() {
    }

    /**
     * @param values        the series on its grid: history, then the test window from {@code testStart}
     * @param testStart     first index of the test window
     * @param precedingFrom first index of the preceding reference (the analysis's own reference window)
     * @param stepMs        the grid's step
     */
    public static Choice choose(Kind asked, double[] values, int testStart, int precedingFrom, long stepMs) {
        Choice preceding = new Choice(Kind.PRECEDING, Arrays.copyOfRange(values, precedingFrom, values.length),
                testStart - precedingFrom, null);
        return switch (asked) {
            case PRECEDING -> preceding;
            case DAILY, WEEKLY -> {
                long period = asked == Kind.DAILY ? DAY_MS : WEEK_MS;
                Choice seasonal = seasonal(asked, values, testStart, period, stepMs);
                yield seasonal != null ? seasonal : new Choice(Kind.PRECEDING, preceding.values(), preceding.split(),
                        "the history holds no " + (asked == Kind.DAILY ? "day" : "week") + " before the test window");
            }
            case AUTO -> {
                for (Kind kind : new Kind[] {Kind.DAILY, Kind.WEEKLY}) {
                    long period = kind == Kind.DAILY ? DAY_MS : WEEK_MS;
                    int lag = periodPoints(period, stepMs);
                    if (lag > 0 && autocorrelation(values, testStart, lag) >= MIN_AUTOCORRELATION) {
                        Choice seasonal = seasonal(kind, values, testStart, period, stepMs);
                        if (seasonal != null) {
                            yield seasonal;
                        }
                    }
                }
                yield preceding;
            }
        };
    }

    /** The test window's length at 1, 2, … periods back (those that fit in the history), then the test window. */
    static Choice seasonal(Kind kind, double[] values, int testStart, long periodMs, long stepMs) {
        int period = periodPoints(periodMs, stepMs);
        int length = values.length - testStart;
        if (period <= 0 || length <= 0) {
            return null;
        }
        // A window a period back must end before the test window starts.
        int first = (length + period - 1) / period;
        int windows = 0;
        for (int k = first; k < first + MAX_PERIODS && testStart - k * period >= 0; k++) {
            windows++;
        }
        if (windows == 0) {
            return null;
        }
        double[] out = new double[windows * length + length];
        for (int w = 0; w < windows; w++) {
            int k = first + windows - 1 - w; // oldest first, so the reference ends nearest the test
            System.arraycopy(values, testStart - k * period, out, w * length, length);
        }
        System.arraycopy(values, testStart, out, windows * length, length);
        return new Choice(kind, out, windows * length, null);
    }

    static int periodPoints(long periodMs, long stepMs) {
        return stepMs <= 0 || periodMs % stepMs != 0 ? -1 : (int) (periodMs / stepMs);
    }

    /**
     * Pearson correlation of the history (points before {@code end}) with itself {@code lag} points
     * later, over the pairs where both are finite; 0 with fewer than {@code lag / 2} such pairs or a
     * flat history.
     */
    static double autocorrelation(double[] values, int end, int lag) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        int n = 0;
        for (int i = 0; i + lag < end; i++) {
            double x = values[i];
            double y = values[i + lag];
            if (Double.isFinite(x) && Double.isFinite(y)) {
                sx += x;
                sy += y;
                sxx += x * x;
                syy += y * y;
                sxy += x * y;
                n++;
            }
        }
        if (n < Math.max(2, lag / 2)) {
            return 0;
        }
        double cov = sxy - sx * sy / n;
        double vx = sxx - sx * sx / n;
        double vy = syy - sy * sy / n;
        return vx <= 0 || vy <= 0 ? 0 : cov / Math.sqrt(vx * vy);
    }
}
