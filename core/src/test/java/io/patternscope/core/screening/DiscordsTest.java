package io.patternscope.core.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.core.wire.Detector;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The discord detector on the shapes KS cannot see, at the product's 15-second grid (3 h: 2 h reference, 1 h test). */
class DiscordsTest {

    private static final long STEP = 15_000;
    private static final int REFERENCE = 480;
    private static final int POINTS = 720;

    /** A rhythm of 10 minutes with jitter: the kind of metric whose shape matters. */
    private static double[] rhythm(long seed) {
        Random random = new Random(seed);
        double[] x = new double[POINTS];
        for (int t = 0; t < POINTS; t++) {
            x[t] = 100 + 10 * Math.sin(2 * Math.PI * t / 40.0) + random.nextGaussian();
        }
        return x;
    }

    @Test
    void theUsualRhythmIsNoDiscord() {
        Discords.Result r = Discords.find(rhythm(1), REFERENCE, STEP);
        assertTrue(r.score() < 0.5, "the test hour repeats the reference's shapes: " + r.score());
    }

    @Test
    void aValueStuckWhereTheMetricAlwaysMovesIsADiscordAndItsStartIsFound() {
        double[] x = rhythm(2);
        for (int t = 600; t < POINTS; t++) {
            x[t] = 103.25; // inside the usual range: KS sees the same values
        }
        Discords.Result r = Discords.find(x, REFERENCE, STEP);
        assertTrue(r.score() >= SeriesScreener.Settings.SUGGESTED_DISCORD_THRESHOLD, "stuck: " + r.score());
        assertTrue(r.startIndex() >= 560 && r.startIndex() <= 620, "the discord begins where it sticks: " + r.startIndex());
    }

    @Test
    void aChangedPeriodIsADiscord() {
        double[] x = rhythm(3);
        Random random = new Random(4);
        for (int t = REFERENCE + 80; t < POINTS; t++) {
            x[t] = 100 + 10 * Math.sin(2 * Math.PI * t / 9.0) + random.nextGaussian(); // 2¼-minute period instead of 10
        }
        assertTrue(Discords.find(x, REFERENCE, STEP).score() > Discords.find(rhythm(3), REFERENCE, STEP).score() + 0.2);
    }

    @Test
    void windowsTooShortOrAllGapsGiveNoScore() {
        assertTrue(Double.isNaN(Discords.find(new double[100], 90, STEP).score()), "10 test points at 15 s are 2½ minutes");
        double[] gaps = rhythm(5);
        java.util.Arrays.fill(gaps, 0, REFERENCE, Double.NaN);
        Discords.Result r = Discords.find(gaps, REFERENCE, STEP);
        assertTrue(Double.isNaN(r.score()));
        assertEquals(-1, r.startIndex());
    }

    @Test
    void theScreenerNamesTheDiscordOnlyWhenAThresholdIsSet() {
        double[] stuck = rhythm(6);
        for (int t = 600; t < POINTS; t++) {
            stuck[t] = 104;
        }
        SeriesScreener off = new SeriesScreener(SeriesScreener.Settings.defaults());
        SeriesScreener.Outcome silent = off.screen(stuck, REFERENCE, false, STEP);
        assertFalse(silent.candidate(), "KS and recent extremes see nothing: " + silent.detectors());
        assertTrue(silent.discord().score() >= 0.7, "the discord is scored even so");
        SeriesScreener on = new SeriesScreener(new SeriesScreener.Settings(20, 10, 0.01, 3.0, 5, 6,
                SeriesScreener.Settings.SUGGESTED_DISCORD_THRESHOLD));
        SeriesScreener.Outcome found = on.screen(stuck, REFERENCE, false, STEP);
        assertTrue(found.candidate());
        assertEquals(java.util.Set.of(Detector.DISCORD), found.detectors());
        assertTrue(found.onsetIndex() >= 560 && found.onsetIndex() <= 620, "onset at the discord: " + found.onsetIndex());
        assertFalse(on.screen(rhythm(7), REFERENCE, false, STEP).candidate(), "the usual rhythm stays quiet");
    }
}
