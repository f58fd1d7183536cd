package io.patternscope.core.screening;

import java.util.Arrays;

/**
 * The exact AB-join matrix profile under z-normalised Euclidean distance: for every subsequence of
 * {@code m} points of a query series A (the test window), the distance to its nearest neighbour
 * among the subsequences of a reference series B (the history before it). Computed diagonal by
 * diagonal with STOMP's recurrence — the dot product of A[i..i+m) and B[j..j+m) is the one of
 * A[i−1..) and B[j−1..) less a[i−1]·b[j−1] plus a[i+m−1]·b[j+m−1] — so O(|A|·|B|) time and
 * O(|A| + |B|) memory, and the profile is kept as the best Pearson correlation ρ, since
 * d² = 2m(1 − ρ).
 *
 * <p>Rules for subsequences where the distance is not defined, as in SCAMP and STUMPY:
 * a subsequence holding a gap (NaN or ±Inf) has no profile value (NaN) and is nobody's neighbour;
 * a flat one (σ ≤ 1e-8 · max(1, |μ|): constant up to rounding, the CONSTANT status's notion) is at
 * distance 0 from another flat one and √m from any other (ρ 1 and ½).
 */
public final class MatrixProfile {

    /** Relative σ under which a subsequence counts as flat. */
    static final double FLAT = 1e-8;

    private MatrixProfile() {
    }

    /** The per-subsequence statistics of one series: mean, 1/σ (0 when flat or gapped), validity, flatness. */
    private record Windows(double[] values, double[] mean, double[] inverseSigma, boolean[] valid, boolean[] flat, int count) {

        static Windows of(double[] x, int m) {
            int count = Math.max(0, x.length - m + 1);
            double[] clean = new double[x.length];
            for (int t = 0; t < x.length; t++) {
                clean[t] = Double.isFinite(x[t]) ? x[t] : 0;
            }
            double[] mean = new double[count];
            double[] inverseSigma = new double[count];
            boolean[] valid = new boolean[count];
            boolean[] flat = new boolean[count];
            for (int i = 0; i < count; i++) {
                boolean ok = true;
                double sum = 0;
                for (int k = 0; k < m; k++) {
                    ok &= Double.isFinite(x[i + k]);
                    sum += clean[i + k];
                }
                double mu = sum / m;
                double squares = 0;
                for (int k = 0; k < m; k++) {
                    double d = clean[i + k] - mu;
                    squares += d * d;
                }
                double sigma = Math.sqrt(squares / m);
                valid[i] = ok;
                flat[i] = ok && sigma <= FLAT * Math.max(1, Math.abs(mu));
                mean[i] = mu;
                inverseSigma[i] = ok && !flat[i] ? 1 / sigma : 0;
            }
            return new Windows(clean, mean, inverseSigma, valid, flat, count);
        }
    }

    /**
     * The best correlation of each of A's subsequences with any of B's (NaN where A's subsequence has
     * a gap or B has no usable subsequence). Convert with {@link #distance}.
     */
    public static double[] bestCorrelations(double[] a, double[] b, int m) {
        if (m < 2) {
            throw new IllegalArgumentException("subsequences need at least 2 points, not " + m);
        }
        Windows wa = Windows.of(a, m);
        Windows wb = Windows.of(b, m);
        double[] best = new double[wa.count()];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        // A gapped subsequence of B is nobody's neighbour: its correlation is −∞ whatever the products.
        double[] penalty = new double[wb.count()];
        boolean anyFlatB = false;
        boolean anyValidB = false;
        for (int j = 0; j < wb.count(); j++) {
            penalty[j] = wb.valid()[j] ? 0 : Double.NEGATIVE_INFINITY;
            anyFlatB |= wb.flat()[j];
            anyValidB |= wb.valid()[j];
        }
        double[] x = wa.values();
        double[] y = wb.values();
        double[] muA = wa.mean();
        double[] muB = wb.mean();
        double[] isA = wa.inverseSigma();
        double[] isB = wb.inverseSigma();
        double inverseM = 1.0 / m;
        // Diagonal k pairs A's subsequence i with B's subsequence i + k. Four diagonals from k ≥ 0 go
        // together: they all start at i = 0, so each step updates one best[i] from four independent
        // recurrences (instruction-level parallelism the single chain lacks).
        int k0 = 0;
        for (; k0 + 3 < wb.count(); k0 += 4) {
            int common = Math.min(wa.count(), wb.count() - k0 - 3);
            double q0 = 0;
            double q1 = 0;
            double q2 = 0;
            double q3 = 0;
            for (int t = 0; t < m; t++) {
                q0 += x[t] * y[k0 + t];
                q1 += x[t] * y[k0 + 1 + t];
                q2 += x[t] * y[k0 + 2 + t];
                q3 += x[t] * y[k0 + 3 + t];
            }
            for (int i = 0; i < common; i++) {
                if (i > 0) {
                    double in = x[i + m - 1];
                    double out = x[i - 1];
                    int j = k0 + i;
                    q0 += in * y[j + m - 1] - out * y[j - 1];
                    q1 += in * y[j + m] - out * y[j];
                    q2 += in * y[j + m + 1] - out * y[j + 1];
                    q3 += in * y[j + m + 2] - out * y[j + 2];
                }
                int j = k0 + i;
                double scaleA = isA[i];
                double shiftA = muA[i];
                double r0 = (q0 * inverseM - shiftA * muB[j]) * scaleA * isB[j] + penalty[j];
                double r1 = (q1 * inverseM - shiftA * muB[j + 1]) * scaleA * isB[j + 1] + penalty[j + 1];
                double r2 = (q2 * inverseM - shiftA * muB[j + 2]) * scaleA * isB[j + 2] + penalty[j + 2];
                double r3 = (q3 * inverseM - shiftA * muB[j + 3]) * scaleA * isB[j + 3] + penalty[j + 3];
                double rho = Math.max(Math.max(r0, r1), Math.max(r2, r3));
                if (rho > best[i]) {
                    best[i] = rho;
                }
            }
            // The rest of each of the four diagonals, past the shortest one's end.
            for (int d = 0; d < 4; d++) {
                diagonal(x, y, muA, muB, isA, isB, penalty, best, m, inverseM, k0 + d, common, wa.count(), wb.count());
            }
        }
        for (int k = -(wa.count() - 1); k < 0; k++) {
            diagonal(x, y, muA, muB, isA, isB, penalty, best, m, inverseM, k, 0, wa.count(), wb.count());
        }
        for (int k = k0; k < wb.count(); k++) {
            diagonal(x, y, muA, muB, isA, isB, penalty, best, m, inverseM, k, 0, wa.count(), wb.count());
        }
        for (int i = 0; i < wa.count(); i++) {
            if (!wa.valid()[i] || !anyValidB) {
                best[i] = Double.NaN;
            } else if (wa.flat()[i]) {
                best[i] = anyFlatB ? 1 : 0.5;
            } else {
                best[i] = Math.min(1, anyFlatB ? Math.max(best[i], 0.5) : best[i]);
            }
        }
        return best;
    }

    /** Diagonal {@code k} from its step {@code from} on: one recurrence, one best[i] per step. */
    private static void diagonal(double[] x, double[] y, double[] muA, double[] muB, double[] isA, double[] isB,
                                 double[] penalty, double[] best, int m, double inverseM, int k, int from, int countA,
                                 int countB) {
        int i = Math.max(0, -k) + from;
        int j = i + k;
        if (i >= countA || j >= countB) {
            return;
        }
        double qt = 0;
        for (int t = 0; t < m; t++) {
            qt += x[i + t] * y[j + t];
        }
        int steps = Math.min(countA - i, countB - j);
        for (int s = 0; s < steps; s++, i++, j++) {
            if (s > 0) {
                qt += x[i + m - 1] * y[j + m - 1] - x[i - 1] * y[j - 1];
            }
            double rho = (qt * inverseM - muA[i] * muB[j]) * isA[i] * isB[j] + penalty[j];
            if (rho > best[i]) {
                best[i] = rho;
            }
        }
    }

    /** The z-normalised Euclidean distance of subsequences of {@code m} points with correlation ρ. */
    public static double distance(double rho, int m) {
        return Math.sqrt(Math.max(0, 2.0 * m * (1 - rho)));
    }

    /**
     * The discord score of A against B: √(1 − ρ) of A's subsequence least like anything in B — its
     * nearest-neighbour distance over √(2m), so the same threshold serves every subsequence length
     * (0: it repeats something in the history exactly; 1: uncorrelated with everything; up to √2).
     * NaN when no subsequence of A has a profile value.
     */
    public static double discordScore(double[] a, double[] b, int m) {
        double[] best = bestCorrelations(a, b, m);
        int at = discordIndex(best);
        return at < 0 ? Double.NaN : score(best[at]);
    }

    /** Which subsequence is the discord: the lowest best correlation (-1 when none has a profile value). */
    static int discordIndex(double[] bestCorrelations) {
        int at = -1;
        for (int i = 0; i < bestCorrelations.length; i++) {
            if (!Double.isNaN(bestCorrelations[i]) && (at < 0 || bestCorrelations[i] < bestCorrelations[at])) {
                at = i;
            }
        }
        return at;
    }

    /** A best correlation as a discord score: √(1 − ρ). */
    static double score(double rho) {
        return Math.sqrt(Math.max(0, 1 - rho));
    }

    /**
     * The subsequence length for an analysis step: five minutes of points, at least 8 and at most
     * a quarter of the test window — long enough to hold a shape, short enough that the test window
     * has several.
     */
    public static int subsequenceLength(long stepMs, int testPoints) {
        int fiveMinutes = (int) Math.max(1, Math.round(300_000.0 / Math.max(1, stepMs)));
        return Math.max(2, Math.min(Math.max(8, fiveMinutes), testPoints / 4));
    }
}
