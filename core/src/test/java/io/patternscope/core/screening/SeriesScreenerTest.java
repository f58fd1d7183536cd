package io.patternscope.core.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.core.wire.ScreeningStatus;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeriesScreenerTest {

    private final SeriesScreener screener = new SeriesScreener(SeriesScreener.Settings.defaults());

    private static double[] noise(long seed, int n, double level, double sigma) {
        Random random = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = level + sigma * random.nextGaussian();
        }
        return v;
    }

    @Test
    void identicalWindowsAreNeverCandidates() {
        double[] half = noise(1, 240, 10, 1);
        double[] values = new double[720];
        for (int i = 0; i < 720; i++) {
            values[i] = half[i % 240];
        }
        SeriesScreener.Outcome outcome = screener.screen(values, 480);
        assertEquals(ScreeningStatus.TESTED, outcome.status());
        assertFalse(outcome.candidate());
        assertEquals(0.0, outcome.ksStatistic(), 1e-12);
    }

    @Test
    void largeShiftIsDetectedAtEveryNoiseLevelTried() {
        for (double sigma : new double[] {0.01, 0.1, 1, 10, 100}) {
            double[] values = noise(7, 720, 50, sigma);
            for (int i = 600; i < 720; i++) {
                values[i] += 10 * sigma;
            }
            SeriesScreener.Outcome outcome = screener.screen(values, 480);
            assertTrue(outcome.candidate(), "sigma " + sigma);
            assertEquals(1, outcome.direction());
            assertTrue(outcome.pValue() < 1e-10);
            assertEquals(600, outcome.onsetIndex(), 3, "onset at sigma " + sigma);
        }
    }

    @Test
    void pureNoiseIsRarelyACandidate() {
        int candidates = 0;
        for (int seed = 0; seed < 200; seed++) {
            if (screener.screen(noise(seed, 720, 0, 1), 480).candidate()) {
                candidates++;
            }
        }
        assertTrue(candidates <= 2, "false candidates: " + candidates);
    }

    @Test
    void aShiftCoveringOnlyTheEndOfTheTestWindowStillHasALargeEffect() {
        double[] values = noise(9, 720, 1, 0.05);
        for (int i = 640; i < 720; i++) {
            values[i] *= 3;
        }
        SeriesScreener.Outcome outcome = screener.screen(values, 480);
        assertTrue(outcome.candidate());
        assertTrue(outcome.effectSize() > 10, "effect " + outcome.effectSize());
        assertEquals(640, outcome.onsetIndex(), 3);
    }

    @Test
    void aSlowDailyDriftIsNotACandidate() {
        Random random = new Random(4);
        double[] values = new double[720];
        for (int i = 0; i < 720; i++) {
            // 3 h of a daily cycle at its steepest, 20 % amplitude, 4 % noise
            values[i] = 100 * (1 + 0.2 * Math.sin(2 * Math.PI * i / 5760.0)) * (1 + 0.04 * random.nextGaussian());
        }
        assertFalse(screener.screen(values, 480).candidate());
    }

    @Test
    void badDataGetsAnExplicitStatus() {
        double[] gaps = new double[720];
        Arrays.fill(gaps, Double.NaN);
        gaps[700] = 1;
        assertEquals(ScreeningStatus.INSUFFICIENT_DATA, screener.screen(gaps, 480).status());
        assertEquals(ScreeningStatus.INSUFFICIENT_DATA, screener.screen(new double[] {1}, 0).status());
        assertEquals(ScreeningStatus.INSUFFICIENT_DATA, screener.screen(new double[0], 0).status());
        double[] constant = new double[720];
        Arrays.fill(constant, 3.5);
        assertEquals(ScreeningStatus.CONSTANT, screener.screen(constant, 480).status());
        double[] counter = new double[720];
        for (int i = 1; i < 720; i++) {
            counter[i] = i == 400 ? 3 : counter[i - 1] + 5 + (i % 7); // grows, with one reset
        }
        assertEquals(ScreeningStatus.UNCONVERTED_COUNTER, screener.screen(counter, 480, true).status());
        assertEquals(ScreeningStatus.TESTED, screener.screen(counter, 480, false).status(), "rates are not checked");
        double[] sawtooth = new double[720];
        for (int i = 0; i < 720; i++) {
            sawtooth[i] = 10 + 80 * ((i % 24) / 24.0); // a heap emptied by GC every 6 minutes
        }
        assertEquals(ScreeningStatus.TESTED, screener.screen(sawtooth, 480, true).status(), "a sawtooth gauge is no counter");
        double[] leak = noise(5, 720, 100, 1);
        for (int i = 0; i < 720; i++) {
            leak[i] += 0.5 * i; // grows, but noise makes it go down now and then: a gauge
        }
        assertEquals(ScreeningStatus.TESTED, screener.screen(leak, 480, true).status());
        double[] withInfinity = noise(3, 720, 0, 1);
        withInfinity[10] = Double.POSITIVE_INFINITY;
        assertEquals(ScreeningStatus.TESTED, screener.screen(withInfinity, 480).status());
    }

    @Test
    void quantizedSeriesWithMostlyOneValueStillGetsAFiniteEffect() {
        double[] values = new double[720];
        for (int i = 0; i < 720; i++) {
            values[i] = (i % 50 == 0) ? 1 : 0;
        }
        for (int i = 500; i < 720; i++) {
            values[i] = 4;
        }
        SeriesScreener.Outcome outcome = screener.screen(values, 480);
        assertTrue(Double.isFinite(outcome.effectSize()));
        assertTrue(outcome.candidate());
    }
}
