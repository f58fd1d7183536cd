package io.patternscope.core.screening;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seasonal references at 5-minute resolution: 288 points a day, a test window of 12 (one hour). */
class SeasonalReferenceTest {

    private static final long STEP = 300_000;
    private static final int DAY = 288;
    private static final int TEST = 12;

    /** Three days and an hour of a request rate with a daily rhythm; the test hour is the morning ramp. */
    private static double[] dailyRhythm(long seed) {
        Random random = new Random(seed);
        double[] x = new double[3 * DAY + 100 + TEST];
        for (int t = 0; t < x.length; t++) {
            x[t] = 1000 + 800 * Math.sin(2 * Math.PI * t / DAY) + random.nextGaussian() * 20;
        }
        return x;
    }

    @Test
    void theDailyReferenceIsTheSameClockTimeOnEarlierDays() {
        double[] x = new double[2 * DAY + TEST];
        for (int t = 0; t < x.length; t++) {
            x[t] = t;
        }
        int testStart = 2 * DAY;
        SeasonalReference.Choice c = SeasonalReference.choose(SeasonalReference.Kind.DAILY, x, testStart, testStart - 2 * TEST, STEP);
        assertEquals(SeasonalReference.Kind.DAILY, c.used());
        assertEquals(2 * TEST, c.split(), "two days were there to compare with");
        assertEquals(0.0, c.values()[0], "oldest first: two days back");
        assertEquals(DAY, c.values()[TEST], 0.0, "then one day back");
        assertArrayEquals(Arrays.copyOfRange(x, testStart, x.length), Arrays.copyOfRange(c.values(), c.split(), c.values().length));
        assertNull(c.fallback());
    }

    @Test
    void aRhythmChangesHourToHourButNotDayToDay() {
        double[] x = dailyRhythm(1);
        int testStart = x.length - TEST;
        SeriesScreener screener = new SeriesScreener(SeriesScreener.Settings.defaults());
        SeasonalReference.Choice preceding = SeasonalReference.choose(SeasonalReference.Kind.PRECEDING, x, testStart,
                testStart - 24, STEP);
        SeasonalReference.Choice daily = SeasonalReference.choose(SeasonalReference.Kind.DAILY, x, testStart,
                testStart - 24, STEP);
        assertTrue(screener.screen(preceding.values(), preceding.split()).candidate(), "the ramp differs from the hours before");
        assertFalse(screener.screen(daily.values(), daily.split()).candidate(), "and not from yesterday's ramp");
    }

    @Test
    void autoTakesTheDayForARhythmAndThePrecedingWindowForNoise() {
        double[] rhythm = dailyRhythm(2);
        int testStart = rhythm.length - TEST;
        assertEquals(SeasonalReference.Kind.DAILY,
                SeasonalReference.choose(SeasonalReference.Kind.AUTO, rhythm, testStart, testStart - 24, STEP).used());
        Random random = new Random(3);
        double[] noise = new double[rhythm.length];
        for (int t = 0; t < noise.length; t++) {
            noise[t] = random.nextGaussian();
        }
        assertEquals(SeasonalReference.Kind.PRECEDING,
                SeasonalReference.choose(SeasonalReference.Kind.AUTO, noise, testStart, testStart - 24, STEP).used());
        assertTrue(SeasonalReference.autocorrelation(rhythm, testStart, DAY) > 0.9);
        assertTrue(Math.abs(SeasonalReference.autocorrelation(noise, testStart, DAY)) < 0.2);
    }

    @Test
    void aHistoryTooShortFallsBackAndSaysWhy() {
        double[] x = new double[DAY / 2];
        Arrays.fill(x, 1);
        int testStart = x.length - TEST;
        SeasonalReference.Choice c = SeasonalReference.choose(SeasonalReference.Kind.WEEKLY, x, testStart, testStart - 24, STEP);
        assertEquals(SeasonalReference.Kind.PRECEDING, c.used());
        assertEquals(24, c.split());
        assertNotNull(c.fallback());
        assertTrue(c.fallback().contains("week"), c.fallback());
        assertEquals(-1, SeasonalReference.periodPoints(SeasonalReference.DAY_MS, 7_000), "a step that does not divide a day");
        assertNull(SeasonalReference.seasonal(SeasonalReference.Kind.DAILY, x, testStart, SeasonalReference.DAY_MS, 7_000));
    }
}
