package io.patternscope.core.screening;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BenjaminiHochbergTest {

    @Test
    void matchesReferenceAdjustedValues() {
        // Reference: R p.adjust(c(0.01, 0.04, 0.03, 0.005), "BH") = 0.02 0.04 0.04 0.02
        assertArrayEquals(new double[] {0.02, 0.04, 0.04, 0.02},
                BenjaminiHochberg.adjust(new double[] {0.01, 0.04, 0.03, 0.005}), 1e-12);
    }

    @Test
    void nanIsNotATest() {
        double[] adjusted = BenjaminiHochberg.adjust(new double[] {0.01, Double.NaN, 0.02});
        assertArrayEquals(new double[] {0.02, Double.NaN, 0.02}, adjusted, 1e-12);
    }

    @Test
    void neverFlagsMoreAtASmallerQ() {
        Random random = new Random(5);
        double[] p = new double[2000];
        for (int i = 0; i < p.length; i++) {
            p[i] = i < 100 ? random.nextDouble() * 1e-4 : random.nextDouble();
        }
        double[] adjusted = BenjaminiHochberg.adjust(p);
        int previous = Integer.MAX_VALUE;
        for (double q : new double[] {0.2, 0.1, 0.05, 0.01, 0.001, 0.0001}) {
            int flagged = 0;
            for (double a : adjusted) {
                if (a <= q) {
                    flagged++;
                }
            }
            assertTrue(flagged <= previous);
            previous = flagged;
        }
    }
}
