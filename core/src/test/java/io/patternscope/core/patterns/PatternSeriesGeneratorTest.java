package io.patternscope.core.patterns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.core.screening.RobustStatistics;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The generator keeps to the written definitions (checked loosely, over many draws) and is reproducible. */
class PatternSeriesGeneratorTest {

    private static final List<double[]> NO_REAL_BACKGROUNDS = List.of();

    private static double median(double[] v, double from, double to) {
        int n = v.length;
        double[] part = Arrays.stream(Arrays.copyOfRange(v, (int) (from * n), Math.max((int) (from * n) + 1, (int) (to * n))))
                .filter(Double::isFinite).toArray();
        return RobustStatistics.median(part);
    }

    /** Share of draws of {@code label} for which {@code check} holds. */
    private static double share(PatternClass label, Check check) {
        return share(PatternSeriesGenerator.Settings.training(), label, check);
    }

    private static double share(PatternSeriesGenerator.Settings settings, PatternClass label, Check check) {
        PatternSeriesGenerator generator = new PatternSeriesGenerator(11, settings, NO_REAL_BACKGROUNDS);
        int ok = 0;
        for (int i = 0; i < 200; i++) {
            if (check.holds(generator.next(label))) {
                ok++;
            }
        }
        return ok / 200.0;
    }

    @FunctionalInterface
    private interface Check {
        boolean holds(LabeledSeries s);
    }

    @Test
    void stillAbnormalPatternsAreStillAwayFromBaselineAtTheEnd() {
        for (PatternClass c : List.of(PatternClass.LEVEL_SHIFT_UP, PatternClass.STEADY_INCREASE, PatternClass.SUDDEN_INCREASE)) {
            double share = share(c, s -> median(s.values(), 0.93, 1.0) - median(s.values(), 0.0, 0.25) >= 3 * s.sigma());
            assertTrue(share >= 0.95, c + ": " + share);
        }
        double down = share(PatternClass.LEVEL_SHIFT_DOWN,
                s -> median(s.values(), 0.93, 1.0) - median(s.values(), 0.0, 0.25) <= -3 * s.sigma());
        assertTrue(down >= 0.95, "LEVEL_SHIFT_DOWN: " + down);
    }

    @Test
    void recoveredPatternsAreBackAtBaselineAtTheEnd() {
        for (PatternClass c : List.of(PatternClass.TRANSIENT_LEVEL_SHIFT_UP, PatternClass.SINGLE_SPIKE,
                PatternClass.MULTIPLE_DIPS, PatternClass.FLUCTUATIONS)) {
            double share = share(c, s -> Math.abs(median(s.values(), 0.95, 1.0) - median(s.values(), 0.0, 0.2)) < 2.5 * s.sigma());
            assertTrue(share >= 0.9, c + ": " + share);
        }
    }

    @Test
    void spikesAreShortAndTransientShiftsAreNot() {
        double spikes = share(PatternClass.SINGLE_SPIKE, s -> {
            double base = median(s.values(), 0, 0.3);
            long high = Arrays.stream(s.values()).filter(v -> v - base > 4.5 * s.sigma()).count();
            return high >= 1 && high <= 3;
        });
        assertTrue(spikes >= 0.9, "SINGLE_SPIKE: " + spikes);
        double transientShift = share(PatternClass.TRANSIENT_LEVEL_SHIFT_UP, s -> {
            double base = median(s.values(), 0, 0.2);
            long high = Arrays.stream(s.values()).filter(v -> v - base > 3 * s.sigma()).count();
            return high >= 0.04 * s.values().length;
        });
        assertTrue(transientShift >= 0.9, "TRANSIENT_LEVEL_SHIFT_UP: " + transientShift);
    }

    /** Runs of consecutive points more than {@code k} σ above the median of the first fifth. */
    private static int excursionsAbove(LabeledSeries s, double k) {
        double base = median(s.values(), 0, 0.2);
        int runs = 0;
        boolean inside = false;
        for (double v : s.values()) {
            boolean high = v - base > k * s.sigma();
            if (high && !inside) {
                runs++;
            }
            inside = high || (inside && Double.isNaN(v));
        }
        return runs;
    }

    /** Low spikes: the tallest excursion clears everything else in the series, by 1.3–2.5× the median distance at most. */
    @Test
    void lowSpikesOnlyJustClearTheNoiseButClearIt() {
        PatternSeriesGenerator generator = new PatternSeriesGenerator(11,
                PatternSeriesGenerator.Settings.training().withLowSpikeShare(1), NO_REAL_BACKGROUNDS);
        int low = 0;
        int clear = 0;
        for (int i = 0; i < 300; i++) {
            double[] v = generator.next(PatternClass.SINGLE_SPIKE).values();
            double[] finite = Arrays.stream(v).filter(Double::isFinite).toArray();
            double median = RobustStatistics.median(finite);
            double sigma = RobustStatistics.robustScale(finite, median);
            int top = 0;
            for (int k = 1; k < v.length; k++) {
                if (Double.isFinite(v[k]) && (!Double.isFinite(v[top]) || Math.abs(v[k] - median) > Math.abs(v[top] - median))) {
                    top = k;
                }
            }
            double next = 0;
            for (int k = 0; k < v.length; k++) {
                if (Double.isFinite(v[k]) && (k < top - 1 || k > top + 3)) { // a spike is up to 3 points wide
                    next = Math.max(next, Math.abs(v[k] - median));
                }
            }
            double height = Math.abs(v[top] - median);
            low += sigma > 0 && height < 8 * sigma ? 1 : 0;
            clear += height >= 1.25 * next ? 1 : 0;
        }
        assertTrue(low >= 150, "most low spikes are under 8 robust σ (the usual ones are 6–60σ): " + low + " of 300");
        assertTrue(clear >= 270, "and still the tallest excursion by a margin: " + clear + " of 300");
        assertThrows(IllegalArgumentException.class, () -> PatternSeriesGenerator.Settings.training().withLowSpikeShare(1.5));
    }

    @Test
    void noisyBlocksAreNoisierInsideButStillRaised() {
        double clean = blockRoughness(0);
        double noisy = blockRoughness(1);
        assertTrue(noisy > 1.8 * clean, "inside the block, point-to-point steps in background σ: " + noisy + " vs " + clean);
        assertThrows(IllegalArgumentException.class, () -> PatternSeriesGenerator.Settings.training().withNoisyBlockShare(-0.1));
    }

    /**
     * The median, over 300 transient shifts up, of the mean absolute step between neighbours in the
     * block's first points (in background σ); fails if those points are not still raised.
     */
    private static double blockRoughness(double noisyShare) {
        PatternSeriesGenerator generator = new PatternSeriesGenerator(13,
                PatternSeriesGenerator.Settings.training().withNoisyBlockShare(noisyShare), NO_REAL_BACKGROUNDS);
        double[] roughness = new double[300];
        int raised = 0;
        for (int i = 0; i < roughness.length; i++) {
            LabeledSeries s = generator.next(PatternClass.TRANSIENT_LEVEL_SHIFT_UP);
            double[] v = s.values();
            double median = RobustStatistics.median(Arrays.stream(v).filter(Double::isFinite).toArray());
            int from = s.changeIndex() + 1;
            double steps = 0;
            double level = 0;
            int count = 0;
            for (int k = from; k < from + 4; k++) {
                if (Double.isFinite(v[k]) && Double.isFinite(v[k + 1])) {
                    steps += Math.abs(v[k + 1] - v[k]);
                    level += v[k] - median;
                    count++;
                }
            }
            roughness[i] = count == 0 ? 0 : steps / count / s.sigma();
            raised += count > 0 && level / count > 2 * s.sigma() ? 1 : 0;
        }
        assertTrue(raised >= 240, "the block's first points stay well above the baseline: " + raised + " of 300");
        Arrays.sort(roughness);
        return roughness[roughness.length / 2];
    }

    @Test
    void multipleSpikesAreTwoToEightSeparateExcursionsAndASingleSpikeIsOne() {
        double multiple = share(PatternClass.MULTIPLE_SPIKES, s -> {
            int runs = excursionsAbove(s, 4.5);
            return runs >= 2 && runs <= 8;
        });
        assertTrue(multiple >= 0.9, "MULTIPLE_SPIKES: " + multiple);
        double single = share(PatternClass.SINGLE_SPIKE, s -> excursionsAbove(s, 4.5) == 1);
        assertTrue(single >= 0.85, "SINGLE_SPIKE: " + single);
    }

    /** Where the first excursion above {@code k} σ over the first fifth's median begins, as a fraction; 1 if none. */
    private static double firstExcursion(LabeledSeries s, double k) {
        double base = median(s.values(), 0, 0.2);
        double[] v = s.values();
        for (int i = 0; i < v.length; i++) {
            if (v[i] - base > k * s.sigma()) {
                return (double) i / v.length;
            }
        }
        return 1;
    }

    @Test
    void aLateStartLetsSeveralSpikesLieWhollyInTheWindowsLastPartAndKeepsThemSeveral() {
        PatternSeriesGenerator.Settings late = PatternSeriesGenerator.Settings.training().withLatestSpikeStart(0.9);
        double multiple = share(late, PatternClass.MULTIPLE_SPIKES, s -> {
            int runs = excursionsAbove(s, 4.5);
            return runs >= 2 && runs <= 8;
        });
        assertTrue(multiple >= 0.9, "MULTIPLE_SPIKES starting late: " + multiple);
        double lateShare = share(late, PatternClass.MULTIPLE_SPIKES, s -> firstExcursion(s, 4.5) > 0.62);
        assertTrue(lateShare >= 0.25, "clusters wholly in the last 38 %: " + lateShare);
        double before = share(PatternClass.MULTIPLE_SPIKES, s -> firstExcursion(s, 4.5) > 0.62);
        assertTrue(before <= 0.05, "the default's clusters start by 60 %: " + before);
        assertThrows(IllegalArgumentException.class, () -> PatternSeriesGenerator.Settings.training().withLatestSpikeStart(0.95));
    }

    private static double spread(double[] v, int from, int to) {
        double[] part = Arrays.stream(v, from, to).filter(Double::isFinite).toArray();
        return RobustStatistics.robustScale(part, RobustStatistics.median(part));
    }

    private static double level(double[] v, int from, int to) {
        return RobustStatistics.median(Arrays.stream(v, from, to).filter(Double::isFinite).toArray());
    }

    @Test
    void quietShiftsRunBetweenABusyAndAQuietLevelWithSmallSteps() {
        PatternSeriesGenerator.Settings quiet = PatternSeriesGenerator.Settings.training().withQuietShiftShare(1);
        double down = share(quiet, PatternClass.LEVEL_SHIFT_DOWN, s -> {
            int at = s.changeIndex();
            double step = level(s.values(), at, s.values().length) - level(s.values(), 0, at);
            return spread(s.values(), at, s.values().length) <= 0.2 * spread(s.values(), 0, at)
                    && step < -1.2 * s.sigma() && step > -6 * s.sigma();
        });
        assertTrue(down >= 0.8, "quiet after a shift down, the step 1.5-5 sigma: " + down);
        double up = share(quiet, PatternClass.LEVEL_SHIFT_UP,
                s -> spread(s.values(), 0, s.changeIndex()) <= 0.2 * spread(s.values(), s.changeIndex(), s.values().length));
        assertTrue(up >= 0.8, "quiet before a shift up: " + up);
        double before = share(PatternClass.LEVEL_SHIFT_DOWN, s -> {
            int at = s.changeIndex();
            return level(s.values(), 0, at) - level(s.values(), at, s.values().length) < 4 * s.sigma();
        });
        assertTrue(before <= 0.1, "the default's steps are 5 sigma and more: " + before);
        assertThrows(IllegalArgumentException.class, () -> PatternSeriesGenerator.Settings.training().withQuietShiftShare(1.5));
    }

    /** How far the spike starting at the change index clears the rest of the series, in the rest's range. */
    private static double clearanceOverRest(LabeledSeries s, int sign) {
        double[] v = s.values();
        int at = s.changeIndex();
        double top = Double.NEGATIVE_INFINITY;
        double restTop = Double.NEGATIVE_INFINITY;
        double restBottom = Double.POSITIVE_INFINITY;
        for (int i = 0; i < v.length; i++) {
            double x = sign * v[i];
            if (!Double.isFinite(x)) {
                continue;
            }
            if (i >= at && i < at + 3) {
                top = Math.max(top, x);
            } else {
                restTop = Math.max(restTop, x);
                restBottom = Math.min(restBottom, x);
            }
        }
        return (top - restTop) / (restTop - restBottom);
    }

    @Test
    void spikesOnARhythmClearItsTopByAShareOfItsRangeNotByManySigma() {
        PatternSeriesGenerator.Settings rhythm = PatternSeriesGenerator.Settings.training().withRhythmSpikeShare(1);
        double sized = share(rhythm, PatternClass.SINGLE_SPIKE, s -> {
            double clearance = clearanceOverRest(s, 1);
            return clearance >= 0.3 && clearance <= 1.25;
        });
        assertTrue(sized >= 0.85, "a spike's top 35-120 % of the rhythm's range above its highest point: " + sized);
        double dips = share(rhythm, PatternClass.SINGLE_DIP, s -> clearanceOverRest(s, -1) >= 0.3);
        assertTrue(dips >= 0.85, "a dip below the rhythm's lowest point: " + dips);
        double towering = share(PatternClass.SINGLE_SPIKE, s -> clearanceOverRest(s, 1) > 1.25);
        assertTrue(towering >= 0.5, "the default's spikes of 6 sigma and more mostly tower over the background: " + towering);
        assertThrows(IllegalArgumentException.class, () -> PatternSeriesGenerator.Settings.training().withRhythmSpikeShare(-0.1));
    }

    @Test
    void eachKnobChangesItselfAndKeepsTheOthers() {
        PatternSeriesGenerator.Settings base = PatternSeriesGenerator.Settings.evaluation();
        PatternSeriesGenerator.Settings all = base.withEarliestStep(0.5).withLowSpikeShare(0.1).withNoisyBlockShare(0.2)
                .withLatestSpikeStart(0.8).withQuietShiftShare(0.3).withRhythmSpikeShare(0.4);
        assertEquals(new PatternSeriesGenerator.Settings(base.minLength(), base.maxLength(), base.minMagnitude(),
                base.maxMagnitude(), base.missingRateMax(), base.heavyTailShare(), base.noiseScaleMax(),
                base.heavyTailClip(), 0.5, 0.1, 0.2, 0.8, 0.3, 0.4), all);
        assertEquals(PatternSeriesGenerator.Settings.noise(100, 900, 4.5, 25, 0.06, 0.45, 0.15, 3), base);
    }

    @Test
    void everyClassIsGeneratedReproduciblyAndAugmentationsKeepLabelsRight() {
        PatternSeriesGenerator a = new PatternSeriesGenerator(5, PatternSeriesGenerator.Settings.evaluation(), List.of(new double[2000]));
        PatternSeriesGenerator b = new PatternSeriesGenerator(5, PatternSeriesGenerator.Settings.evaluation(), List.of(new double[2000]));
        for (PatternClass c : PatternClass.values()) {
            LabeledSeries s = a.next(c);
            assertArrayEquals(s.values(), b.next(c).values(), c.name());
            assertEquals(c, s.label());
            assertTrue(s.values().length >= 100 && s.values().length <= 900);
            LabeledSeries mirrored = PatternSeriesGenerator.mirror(s);
            assertEquals(c.mirrored(), mirrored.label());
            assertEquals(c, PatternSeriesGenerator.mirror(mirrored).label());
            assertEquals(c, PatternSeriesGenerator.shift(s, 5).label());
            assertEquals(c, PatternSeriesGenerator.scaled(PatternSeriesGenerator.withNoise(s, 0.5, new Random(1)), 3, -7).label());
        }
        assertEquals(PatternClass.SINGLE_DIP, PatternClass.SINGLE_SPIKE.mirrored());
        assertEquals(PatternClass.FLUCTUATIONS, PatternClass.FLUCTUATIONS.mirrored());
        assertEquals(7, Arrays.stream(PatternClass.values()).filter(c -> c.type() == 2).count());
        assertEquals(6, Arrays.stream(PatternClass.values()).filter(c -> c.type() == 1).count());
    }
}
