package io.patternscope.core.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TwoSegmentChangePointTest {

    private final TwoSegmentChangePoint changePoint = new TwoSegmentChangePoint(5);

    @Test
    void findsTheStartOfAStep() {
        Random random = new Random(11);
        double[] v = new double[400];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i >= 250 ? 5 : 0) + random.nextGaussian();
        }
        assertEquals(250, changePoint.onsetIndex(v), 2);
    }

    @Test
    void findsTheStartOfARampNotItsMiddle() {
        Random random = new Random(12);
        double[] v = new double[720];
        for (int i = 0; i < v.length; i++) {
            v[i] = 1e9 + (i >= 500 ? (i - 500) * 2e6 : 0) + 1e6 * random.nextGaussian();
        }
        assertEquals(500, changePoint.onsetIndex(v), 10);
    }

    @Test
    void skipsGapsAndKeepsGridIndices() {
        double[] v = new double[100];
        for (int i = 0; i < v.length; i++) {
            v[i] = i < 60 ? 0 : 10;
        }
        for (int i = 40; i < 55; i++) {
            v[i] = Double.NaN;
        }
        assertEquals(60, changePoint.onsetIndex(v), 0);
        assertEquals(-1, changePoint.onsetIndex(new double[] {1, 2, 3}));
    }
}
