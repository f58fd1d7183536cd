package io.patternscope.core.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** STOMP's recurrence against the definition computed pair by pair, on random and adversarial series. */
class MatrixProfileTest {

    /** The z-normalised distance of two subsequences by its definition, with the flat and gap rules. */
    private static double bruteDistance(double[] a, int i, double[] b, int j, int m) {
        double[] za = new double[m];
        double[] zb = new double[m];
        Double flatA = zNormalise(a, i, m, za);
        Double flatB = zNormalise(b, j, m, zb);
        if (flatA == null || flatB == null) {
            return Double.POSITIVE_INFINITY; // a gap
        }
        if (flatA == 1 && flatB == 1) {
            return 0;
        }
        if (flatA == 1 || flatB == 1) {
            return Math.sqrt(m);
        }
        double sum = 0;
        for (int k = 0; k < m; k++) {
            sum += (za[k] - zb[k]) * (za[k] - zb[k]);
        }
        return Math.sqrt(sum);
    }

    /** Fills {@code z}; null for a gap, 1 for flat, 0 otherwise. */
    private static Double zNormalise(double[] x, int from, int m, double[] z) {
        double mu = 0;
        for (int k = 0; k < m; k++) {
            if (!Double.isFinite(x[from + k])) {
                return null;
            }
            mu += x[from + k];
        }
        mu /= m;
        double var = 0;
        for (int k = 0; k < m; k++) {
            var += (x[from + k] - mu) * (x[from + k] - mu);
        }
        double sigma = Math.sqrt(var / m);
        if (sigma <= MatrixProfile.FLAT * Math.max(1, Math.abs(mu))) {
            return 1.0;
        }
        for (int k = 0; k < m; k++) {
            z[k] = (x[from + k] - mu) / sigma;
        }
        return 0.0;
    }

    private static void assertMatchesBruteForce(double[] a, double[] b, int m) {
        double[] rho = MatrixProfile.bestCorrelations(a, b, m);
        for (int i = 0; i + m <= a.length; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j + m <= b.length; j++) {
                best = Math.min(best, bruteDistance(a, i, b, j, m));
            }
            if (Double.isInfinite(best)) {
                assertTrue(Double.isNaN(rho[i]), "subsequence " + i + " has no neighbour: " + rho[i]);
            } else {
                assertEquals(best, MatrixProfile.distance(rho[i], m), 1e-6 * Math.sqrt(m), "subsequence " + i);
            }
        }
    }

    @Test
    void randomSeriesMatchTheDefinition() {
        Random random = new Random(1);
        for (int trial = 0; trial < 20; trial++) {
            int m = 3 + random.nextInt(20);
            double[] a = new double[m + random.nextInt(80)];
            double[] b = new double[m + random.nextInt(200)];
            for (int t = 0; t < a.length; t++) {
                a[t] = random.nextGaussian() * 5 + 100;
            }
            for (int t = 0; t < b.length; t++) {
                b[t] = random.nextGaussian() * 5 + 100;
            }
            assertMatchesBruteForce(a, b, m);
        }
    }

    @Test
    void flatSegmentsGapsAndTinyVarianceFollowTheRules() {
        Random random = new Random(2);
        double[] a = new double[120];
        double[] b = new double[300];
        for (int t = 0; t < a.length; t++) {
            a[t] = t >= 40 && t < 70 ? 7 : 1e6 + random.nextGaussian() * 1e-3; // a flat block; variance tiny next to the level
        }
        for (int t = 0; t < b.length; t++) {
            b[t] = t % 50 < 20 ? 7 : Math.sin(t / 5.0);
        }
        a[90] = Double.NaN;
        b[150] = Double.NaN;
        b[151] = Double.POSITIVE_INFINITY;
        assertMatchesBruteForce(a, b, 10);
        double[] rho = MatrixProfile.bestCorrelations(a, b, 10);
        assertEquals(1.0, rho[45], 1e-12, "a flat subsequence has a flat neighbour at distance 0");
        assertTrue(Double.isNaN(rho[85]), "a subsequence over the gap has no profile value");
    }

    @Test
    void aReferenceOfGapsOnlyLeavesNoProfile() {
        double[] b = new double[30];
        java.util.Arrays.fill(b, Double.NaN);
        double[] rho = MatrixProfile.bestCorrelations(new double[] {1, 2, 3, 4, 5, 6}, b, 4);
        assertTrue(java.util.Arrays.stream(rho).allMatch(Double::isNaN));
        assertTrue(Double.isNaN(MatrixProfile.discordScore(new double[] {1, 2, 3, 4, 5, 6}, b, 4)));
    }

    /**
     * The textbook discord: a sine with one cycle flattened. Against a history of clean cycles, the
     * flattened one stands out, and the same wave without it does not.
     */
    @Test
    void aChangedShapeInsideTheUsualRangeIsADiscord() {
        double[] history = new double[2880];
        for (int t = 0; t < history.length; t++) {
            history[t] = Math.sin(2 * Math.PI * t / 60);
        }
        double[] normal = new double[720];
        double[] stuck = new double[720];
        for (int t = 0; t < normal.length; t++) {
            normal[t] = Math.sin(2 * Math.PI * (t + 13) / 60);
            stuck[t] = t >= 400 && t < 460 ? 0.3 : normal[t];
        }
        double calm = MatrixProfile.discordScore(normal, history, 20);
        double discord = MatrixProfile.discordScore(stuck, history, 20);
        assertTrue(calm < 0.01, "the usual wave repeats the history: " + calm);
        assertTrue(discord > 0.5, "the stuck stretch is like nothing before: " + discord);
    }

    @Test
    void theSubsequenceLengthIsFiveMinutesWithinBounds() {
        assertEquals(20, MatrixProfile.subsequenceLength(15_000, 240));
        assertEquals(8, MatrixProfile.subsequenceLength(300_000, 240), "at least 8 points");
        assertEquals(10, MatrixProfile.subsequenceLength(1_000, 40), "at most a quarter of the test window");
        assertThrows(IllegalArgumentException.class, () -> MatrixProfile.bestCorrelations(new double[5], new double[5], 1));
    }
}
