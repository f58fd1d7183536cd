package io.patternscope.core.screening;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The median by selection must be the very value a sort gives: preprocessing (and so every model) depends on it. */
class RobustStatisticsTest {

    private static double sortedMedian(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return RobustStatistics.medianOfSorted(sorted);
    }

    @Test
    void theMedianBySelectionIsTheSortedMedianBitForBit() {
        Random random = new Random(20261202);
        for (int trial = 0; trial < 3000; trial++) {
            int n = 1 + random.nextInt(trial < 1000 ? 12 : 900);
            double[] values = new double[n];
            int kind = trial % 5;
            for (int i = 0; i < n; i++) {
                values[i] = switch (kind) {
                    case 0 -> random.nextGaussian();
                    case 1 -> random.nextInt(4);                 // quantized counts: many ties
                    case 2 -> i;                                  // already sorted
                    case 3 -> n - i;                              // reversed
                    default -> random.nextBoolean() ? 0.0 : -0.0; // signed zeros, ordered as a sort orders them
                };
            }
            double[] copy = values.clone();
            assertEquals(Double.doubleToRawLongBits(sortedMedian(values)),
                    Double.doubleToRawLongBits(RobustStatistics.median(values)), "trial " + trial + ", n " + n);
            assertArrayEquals(copy, values, "the input is left as it was");
        }
    }

    @Test
    void selectionHandlesAnOrganPipeInputAndNoInput() {
        double[] values = new double[200_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i % 2 == 0) ? i : values.length - i; // organ pipe: bad for naive pivots
        }
        assertEquals(sortedMedian(values), RobustStatistics.median(values));
        assertTrue(Double.isNaN(RobustStatistics.median(new double[0])));
    }
}
