package io.patternscope.core.screening;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.core.wire.SeriesData.PastWindow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seasonal references at 15-second resolution: 3 h analysed (2 h preceding, 1 h test), past days' test hours. */
class SeasonalReferenceTest {

    private static final long STEP = 15_000;
    private static final int DAY = (int) (SeasonalReference.DAY_MS / STEP);
    private static final int POINTS = 721;
    private static final int TEST_START = 481;

    /** A request rate with a daily rhythm, at {@code t} points from an origin; the test hour is the morning ramp. */
    private static double rate(long t, Random random) {
        return 1000 + 800 * Math.sin(2 * Math.PI * (t + DAY / 4.0 + 240) / DAY) + random.nextGaussian() * 10;
    }

    private static double[] window(long from, int length, Random random) {
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            x[i] = rate(from + i, random);
        }
        return x;
    }

    private static List<PastWindow> pastDays(int days, long at, Random random) {
        List<PastWindow> past = new ArrayList<>();
        for (int k = 1; k <= days; k++) {
            past.add(new PastWindow(k * SeasonalReference.DAY_MS, window(at - (long) k * DAY, POINTS - TEST_START, random)));
        }
        return past;
    }

    @Test
    void theDailyReferenceIsTheTestHourOnEarlierDaysOldestFirst() {
        double[] values = new double[POINTS];
        List<PastWindow> past = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            double[] w = new double[POINTS - TEST_START];
            Arrays.fill(w, k);
            past.add(new PastWindow(k * SeasonalReference.DAY_MS, w));
        }
        past.add(new PastWindow(SeasonalReference.WEEK_MS, new double[POINTS - TEST_START]));
        SeasonalReference.Choice c = SeasonalReference.choose(SeasonalReference.Kind.DAILY, values, TEST_START, past);
        assertEquals(SeasonalReference.Kind.DAILY, c.used());
        assertEquals(3 * (POINTS - TEST_START), c.split(), "three days, not the week");
        assertEquals(3.0, c.values()[0], "oldest first");
        assertEquals(1.0, c.values()[c.split() - 1], "yesterday last, next to the test window");
        assertArrayEquals(Arrays.copyOfRange(values, TEST_START, POINTS), Arrays.copyOfRange(c.values(), c.split(), c.values().length));
        assertNull(c.fallback());
    }

    @Test
    void aRhythmChangesHourToHourButNotDayToDay() {
        Random random = new Random(1);
        long now = 10L * DAY;
        double[] values = window(now - TEST_START, POINTS, random);
        List<PastWindow> past = pastDays(3, now, random);
        SeriesScreener screener = new SeriesScreener(SeriesScreener.Settings.defaults());
        SeasonalReference.Choice preceding = SeasonalReference.choose(SeasonalReference.Kind.PRECEDING, values, TEST_START, past);
        SeasonalReference.Choice auto = SeasonalReference.choose(SeasonalReference.Kind.AUTO, values, TEST_START, past);
        assertEquals(SeasonalReference.Kind.DAILY, auto.used(), "the metric repeats itself from day to day");
        assertTrue(screener.screen(preceding.values(), preceding.split()).candidate(), "the ramp differs from the hours before");
        assertFalse(screener.screen(auto.values(), auto.split()).candidate(), "and not from the days before");
    }

    @Test
    void autoKeepsThePrecedingWindowForAMetricWithoutARhythm() {
        Random random = new Random(2);
        double[] values = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            values[i] = random.nextGaussian();
        }
        List<PastWindow> past = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            double[] w = new double[POINTS - TEST_START];
            for (int i = 0; i < w.length; i++) {
                w[i] = random.nextGaussian();
            }
            past.add(new PastWindow(k * SeasonalReference.DAY_MS, w));
        }
        SeasonalReference.Choice c = SeasonalReference.choose(SeasonalReference.Kind.AUTO, values, TEST_START, past);
        assertEquals(SeasonalReference.Kind.PRECEDING, c.used());
        assertNull(c.fallback(), "a decision, not a fallback");
    }

    @Test
    void aHistoryWithoutTheAskedPeriodFallsBackAndSaysWhy() {
        double[] values = new double[POINTS];
        double[] gaps = new double[POINTS - TEST_START];
        Arrays.fill(gaps, Double.NaN);
        List<PastWindow> past = List.of(new PastWindow(SeasonalReference.DAY_MS, gaps),
                new PastWindow(SeasonalReference.DAY_MS * 2, new double[5]));
        SeasonalReference.Choice weekly = SeasonalReference.choose(SeasonalReference.Kind.WEEKLY, values, TEST_START, past);
        assertEquals(SeasonalReference.Kind.PRECEDING, weekly.used());
        assertEquals(TEST_START, weekly.split());
        assertTrue(weekly.fallback().contains("earlier week"), weekly.fallback());
        SeasonalReference.Choice daily = SeasonalReference.choose(SeasonalReference.Kind.DAILY, values, TEST_START, past);
        assertNotNull(daily.fallback(), "a window of gaps and one of the wrong length are no reference");
        assertNotNull(SeasonalReference.choose(SeasonalReference.Kind.AUTO, values, TEST_START, List.of()).fallback());
    }

    @Test
    void theOffsetsToReadFollowTheReference() {
        assertEquals(List.of(), SeasonalReference.offsetsFor(SeasonalReference.Kind.PRECEDING));
        assertEquals(List.of(86_400_000L, 172_800_000L, 259_200_000L), SeasonalReference.offsetsFor(SeasonalReference.Kind.DAILY));
        assertEquals(6, SeasonalReference.offsetsFor(SeasonalReference.Kind.AUTO).size());
        assertEquals(SeasonalReference.DAY_MS, SeasonalReference.shortestPeriodMs(SeasonalReference.Kind.AUTO));
    }
}
