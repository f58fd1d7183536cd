package io.patternscope.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.core.patterns.PatternClass;
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

    private static double spread(double[] v, int from, int to) {
        double[] part = Arrays.stream(v, from, to).filter(Double::isFinite).toArray();
        return RobustStatistics.robustScale(part, RobustStatistics.median(part));
    }

    private static double level(double[] v, int from, int to) {
        return RobustStatistics.median(Arrays.stream(v, from, to).filter(Double::isFinite).toArray());
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
