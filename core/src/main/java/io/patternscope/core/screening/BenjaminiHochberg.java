package io.patternscope.core.screening;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Benjamini–Hochberg step-up procedure (Benjamini &amp; Hochberg, 1995), controlling the false
 * discovery rate at level q for independent or positively dependent tests.
 *
 * <p>Adjusted p-values ("q-values"): {@code q_(i) = min_{j ≥ i} min(1, m·p_(j)/j)} over the
 * p-values sorted ascending; a test is a discovery at level q iff its adjusted value ≤ q. NaN
 * p-values are not tests: they are left out of m and get a NaN adjusted value. O(m log m),
 * thread-safe.
 */
public final class BenjaminiHochberg {

    private BenjaminiHochberg() {
    }

    public static double[] adjust(double[] pValues) {
        int m = 0;
        for (double p : pValues) {
            if (!Double.isNaN(p)) {
                m++;
            }
        }
        double[] adjusted = new double[pValues.length];
        Arrays.fill(adjusted, Double.NaN);
        if (m == 0) {
            return adjusted;
        }
        Integer[] order = new Integer[m];
        int k = 0;
        for (int i = 0; i < pValues.length; i++) {
            if (!Double.isNaN(pValues[i])) {
                order[k++] = i;
            }
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double running = 1.0;
        for (int rank = m; rank >= 1; rank--) {
            int index = order[rank - 1];
            running = Math.min(running, Math.min(1.0, pValues[index] * m / rank));
            adjusted[index] = running;
        }
        return adjusted;
    }
}
