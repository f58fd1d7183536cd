package io.patternscope.core.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.core.wire.Detector;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecentExtremesTest {

    /** 4 h at 5-minute resolution: 36 reference points, 12 test points. */
    private static double[] latency(long seed) {
        Random r = new Random(seed);
        double[] v = new double[48];
        for (int i = 0; i < v.length; i++) {
            v[i] = 120 + 6 * r.nextGaussian();
        }
        return v;
    }

    private final SeriesScreener screener = new SeriesScreener(SeriesScreener.Settings.defaults());

    @Test
    void fourPointBurstAtTheEndFiresWhereKsDoesNot() {
        int recentOnly = 0;
        for (long seed = 0; seed < 20; seed++) {
            double[] v = latency(seed);
            for (int i = 44; i < 48; i++) {
                v[i] += 60; // 10 σ for 20 minutes
            }
            SeriesScreener.Outcome o = screener.screen(v, 36);
            assertTrue(o.candidate(), "seed " + seed);
            assertTrue(o.detectors().contains(Detector.RECENT_EXTREME), "seed " + seed);
            // a noise point just before the burst may be 3 σ out too and lengthen the run
            assertTrue(o.recent().run() >= 4, "seed " + seed);
            if (!o.detectors().contains(Detector.KS)) {
                assertEquals(48 - o.recent().run(), o.onsetIndex(), "seed " + seed);
            }
            assertTrue(o.effectSize() > 6, "effect measured over the burst, not the window: " + o.effectSize());
            if (!o.detectors().contains(Detector.KS)) {
                recentOnly++;
            }
        }
        assertTrue(recentOnly > 10, "KS alone misses most 4-of-12 bursts: " + recentOnly);
    }

    @Test
    void onePointSpikeAtTheAlertFires() {
        double[] v = latency(3);
        v[47] += 90;
        SeriesScreener.Outcome o = screener.screen(v, 36);
        assertTrue(o.candidate());
        assertEquals(1, o.recent().run());
        assertEquals(47, o.recent().startIndex());
        assertTrue(o.recent().z() > 10);
    }

    @Test
    void aDropFiresWithTheSignOfTheDrop() {
        double[] v = latency(4);
        for (int i = 45; i < 48; i++) {
            v[i] -= 50;
        }
        RecentExtremes.Result r = RecentExtremes.evaluate(v, 36, 120, 6, 6, 3);
        assertTrue(r.fired());
        assertTrue(r.z() < -3);
        assertEquals(3, r.run());
    }

    @Test
    void noiseAloneRarelyFires() {
        int fired = 0;
        for (long seed = 0; seed < 500; seed++) {
            if (screener.screen(latency(seed), 36).detectors().contains(Detector.RECENT_EXTREME)) {
                fired++;
            }
        }
        assertTrue(fired <= 5, "fired on " + fired + " of 500 noise series");
    }

    @Test
    void aSpikeNoLargerThanOnesInTheReferenceDoesNotFire() {
        double[] v = latency(5);
        v[10] += 100;
        v[47] += 80;
        RecentExtremes.Result r = RecentExtremes.evaluate(v, 36, 120, 6, 6, 3);
        assertFalse(r.fired(), "the history already held a larger spike");
    }

    @Test
    void gapsAtTheEndAreSkippedAndDegenerateInputsReturnNone() {
        double[] v = latency(6);
        v[47] = Double.NaN;
        v[46] = Double.POSITIVE_INFINITY;
        v[45] += 90;
        RecentExtremes.Result r = RecentExtremes.evaluate(v, 36, 120, 6, 6, 3);
        assertTrue(r.fired());
        assertEquals(45, r.startIndex());
        assertEquals(RecentExtremes.Result.NONE, RecentExtremes.evaluate(v, 36, 120, 0, 6, 3));
        assertEquals(RecentExtremes.Result.NONE, RecentExtremes.evaluate(new double[0], 0, 0, 1, 6, 3));
    }

    @Test
    void normalTailMatchesKnownValues() {
        assertEquals(0.158655254, RecentExtremes.normalUpperTail(1), 1e-7);
        assertEquals(1.349898e-3, RecentExtremes.normalUpperTail(3), 1e-9);
        assertEquals(2.866516e-7, RecentExtremes.normalUpperTail(5), 1e-12);
        assertEquals(Math.log(6.220961e-16), RecentExtremes.logNormalUpperTail(8), 1e-5);
        assertEquals(Math.log(RecentExtremes.normalUpperTail(7.99)), RecentExtremes.logNormalUpperTail(7.99), 1e-6);
        assertTrue(Double.isFinite(RecentExtremes.logNormalUpperTail(1e150)));
    }
}
