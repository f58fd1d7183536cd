package io.patternscope.core.screening;

import io.patternscope.core.wire.SeriesData.PastWindow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The reference a test window is compared with. PatternMatcher's is the window just before it
 * ({@link Kind#PRECEDING}); a metric with a daily or weekly rhythm differs between any two
 * consecutive hours, so it is compared instead with the same clock time 1 to {@value #MAX_PERIODS}
 * days ({@link Kind#DAILY}) or weeks ({@link Kind#WEEKLY}) earlier: the past windows the fetcher
 * read, oldest first, each as long as the test window.
 *
 * <p>{@link Kind#AUTO} decides per series: the daily reference when the metric repeats itself from
 * one day to the next — the windows one and two days back (and two and three) correlate at
 * {@value #MIN_REPETITION} or more (Pearson, pooled over those pairs) — else the weekly one by the
 * same rule, else the preceding window. The test window itself takes no part in the choice, so an
 * anomaly cannot talk its way out of its reference. A past window needs half of its points; a
 * seasonal reference the history cannot give falls back to the preceding window and says why.
 */
public final class SeasonalReference {

    public enum Kind {
        PRECEDING, DAILY, WEEKLY, AUTO;

        /**
         * The kind a stored or requested name stands for; null (an analysis that named none) is PRECEDING.
         *
         * @throws IllegalArgumentException for a name that is none of them
         */
        public static Kind of(String name) {
            return name == null ? PRECEDING : valueOf(name);
        }
    }

    /** AUTO takes a period when consecutive past windows correlate this much. */
    public static final double MIN_REPETITION = 0.5;

    /** Past periods compared with, at most. */
    public static final int MAX_PERIODS = 3;

    public static final long DAY_MS = 86_400_000L;
    public static final long WEEK_MS = 7 * DAY_MS;

    /**
     * @param used     the reference actually used
     * @param values   the series to screen: the reference's points, then the test window's
     * @param split    where the test window begins in {@code values}
     * @param fallback why the reference asked for is not the one used (null when it is)
     */
    public record Choice(Kind used, double[] values, int split, String fallback) {
    }

    private SeasonalReference() {
    }

    /** The past windows' clock offsets a reference needs read: none for PRECEDING. */
    public static List<Long> offsetsFor(Kind kind) {
        List<Long> offsets = new ArrayList<>();
        for (int k = 1; k <= MAX_PERIODS; k++) {
            if (kind == Kind.DAILY || kind == Kind.AUTO) {
                offsets.add(k * DAY_MS);
            }
            if (kind == Kind.WEEKLY || kind == Kind.AUTO) {
                offsets.add(k * WEEK_MS);
            }
        }
        return offsets.stream().distinct().sorted().toList();
    }

    /** The period the reference compares with: a test window this long or longer would overlap it. */
    public static long shortestPeriodMs(Kind kind) {
        return switch (kind) {
            case PRECEDING -> Long.MAX_VALUE;
            case DAILY, AUTO -> DAY_MS;
            case WEEKLY -> WEEK_MS;
        };
    }

    /**
     * @param values    the series on the analysis grid: the preceding reference, then the test window
     * @param testStart first index of the test window
     * @param past      the test window at earlier clock times, each as long as the test window
     */
    public static Choice choose(Kind asked, double[] values, int testStart, List<PastWindow> past) {
        Choice preceding = new Choice(Kind.PRECEDING, values, testStart, null);
        int length = values.length - testStart;
        return switch (asked) {
            case PRECEDING -> preceding;
            case DAILY, WEEKLY -> {
                List<double[]> windows = usable(past, asked == Kind.DAILY ? DAY_MS : WEEK_MS, length);
                yield windows.isEmpty()
                        ? new Choice(Kind.PRECEDING, values, testStart, "no " + (asked == Kind.DAILY ? "earlier day" : "earlier week")
                                + " with data at the test window's clock time; compared with the preceding window")
                        : seasonal(asked, windows, values, testStart);
            }
            case AUTO -> {
                List<double[]> daily = usable(past, DAY_MS, length);
                List<double[]> weekly = usable(past, WEEK_MS, length);
                if (daily.size() >= 2 && repetition(daily) >= MIN_REPETITION) {
                    yield seasonal(Kind.DAILY, daily, values, testStart);
                }
                if (weekly.size() >= 2 && repetition(weekly) >= MIN_REPETITION) {
                    yield seasonal(Kind.WEEKLY, weekly, values, testStart);
                }
                yield daily.size() < 2 && weekly.size() < 2
                        ? new Choice(Kind.PRECEDING, values, testStart, "fewer than 2 earlier days or weeks with data to tell "
                                + "a rhythm; compared with the preceding window")
                        : preceding;
            }
        };
    }

    /** The past windows a multiple of {@code periodMs} back (up to {@value #MAX_PERIODS}), oldest first, half full or more. */
    static List<double[]> usable(List<PastWindow> past, long periodMs, int length) {
        List<PastWindow> out = new ArrayList<>();
        for (PastWindow w : past == null ? List.<PastWindow>of() : past) {
            long periods = w.offsetMs() / periodMs;
            if (w.offsetMs() % periodMs == 0 && periods >= 1 && periods <= MAX_PERIODS && w.values().length == length
                    && finiteCount(w.values()) * 2 >= length && length > 0) {
                out.add(w);
            }
        }
        out.sort(Comparator.comparingLong(PastWindow::offsetMs).reversed());
        return out.stream().map(PastWindow::values).toList();
    }

    private static Choice seasonal(Kind kind, List<double[]> windows, double[] values, int testStart) {
        int length = values.length - testStart;
        double[] out = new double[windows.size() * length + length];
        for (int w = 0; w < windows.size(); w++) {
            System.arraycopy(windows.get(w), 0, out, w * length, length);
        }
        System.arraycopy(values, testStart, out, windows.size() * length, length);
        return new Choice(kind, out, windows.size() * length, null);
    }

    /**
     * Pearson correlation pooled over the pairs of consecutive windows (oldest first), point by
     * point where both are finite; 0 when a window is flat or fewer than 3 pairs of points remain.
     */
    static double repetition(List<double[]> windows) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        int n = 0;
        for (int w = 1; w < windows.size(); w++) {
            double[] a = windows.get(w - 1);
            double[] b = windows.get(w);
            for (int i = 0; i < a.length; i++) {
                if (Double.isFinite(a[i]) && Double.isFinite(b[i])) {
                    sx += a[i];
                    sy += b[i];
                    sxx += a[i] * a[i];
                    syy += b[i] * b[i];
                    sxy += a[i] * b[i];
                    n++;
                }
            }
        }
        if (n < 3) {
            return 0;
        }
        double cov = sxy - sx * sy / n;
        double vx = sxx - sx * sx / n;
        double vy = syy - sy * sy / n;
        return vx <= 0 || vy <= 0 ? 0 : cov / Math.sqrt(vx * vy);
    }

    private static int finiteCount(double[] values) {
        int n = 0;
        for (double v : values) {
            n += Double.isFinite(v) ? 1 : 0;
        }
        return n;
    }
}
