package io.patternscope.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.core.patterns.PatternClass;
import io.patternscope.core.screening.RobustStatistics;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The probe's shapes are what their class says, at the position they claim, the same every time. */
class PositionProbeTest {

    private static double medianOf(double[] v, double from, double to) {
        return RobustStatistics.median(Arrays.copyOfRange(v, (int) (from * v.length), (int) (to * v.length)));
    }

    /** Runs of points more than {@code k} above 100 (the probe's level); and where the first begins. */
    private static int[] runsAbove(double[] v, double k) {
        int runs = 0;
        int first = -1;
        boolean inside = false;
        for (int i = 0; i < v.length; i++) {
            boolean high = v[i] - 100 > k;
            if (high && !inside) {
                runs++;
                first = first < 0 ? i : first;
            }
            inside = high;
        }
        return new int[] {runs, first};
    }

    @Test
    void everyClassIsProbedAtEveryLengthAndTheSameEachTime() {
        List<PositionProbe.Probe> a = PositionProbe.all();
        List<PositionProbe.Probe> b = PositionProbe.all();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).values(), b.get(i).values());
        }
        for (PatternClass c : PatternClass.values()) {
            for (int n : PositionProbe.LENGTHS) {
                assertTrue(a.stream().anyMatch(p -> p.label() == c && p.length() == n && p.values().length == n), c + " at " + n);
            }
        }
        // Shapes that need room are left out where they do not fit, never squeezed.
        assertTrue(a.stream().noneMatch(p -> p.label() == PatternClass.STEADY_INCREASE && p.position() > 0.7));
        assertEquals(3 * 9, a.stream().filter(p -> p.label() == PatternClass.MULTIPLE_SPIKES).count());
    }

    @Test
    void theShapesKeepToTheirDefinitionsWhereTheyClaimToBegin() {
        for (PositionProbe.Probe p : PositionProbe.all()) {
            double[] v = p.values();
            int[] runs = runsAbove(v, 5);
            int[] dips = runsAbove(Arrays.stream(v).map(x -> 200 - x).toArray(), 5);
            String what = p.label() + " at " + p.position() + " of " + p.length();
            switch (p.label()) {
                case SINGLE_SPIKE -> assertArrayEquals(new int[] {1, (int) Math.round(p.position() * p.length())}, runs, what);
                case MULTIPLE_SPIKES -> {
                    assertEquals(2, runs[0], what);
                    assertEquals(Math.round(p.position() * p.length()), runs[1], what);
                }
                case MULTIPLE_DIPS -> assertEquals(2, dips[0], what);
                case LEVEL_SHIFT_UP, SUDDEN_INCREASE, STEADY_INCREASE -> {
                    assertTrue(medianOf(v, 0.97, 1.0) - 100 > 8, what);
                    assertTrue(runs[1] >= Math.round(p.position() * p.length()), what);
                }
                case LEVEL_SHIFT_DOWN -> assertTrue(100 - medianOf(v, 0.97, 1.0) > 8, what);
                case TRANSIENT_LEVEL_SHIFT_UP, FLUCTUATIONS -> {
                    assertTrue(Math.abs(medianOf(v, 0.9, 1.0) - 100) < 1, what + ": back by the end");
                    assertTrue(runs[1] >= Math.round(p.position() * p.length()), what);
                }
                case NONE -> assertEquals(0, runs[0] + dips[0], what);
                default -> {
                }
            }
        }
    }
}
