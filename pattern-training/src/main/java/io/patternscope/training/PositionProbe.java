package io.patternscope.training;

import io.patternscope.core.patterns.PatternClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Textbook members of every class, the change placed at each tenth of the window: clean shapes
 * (10σ over Gaussian noise) that any model should name, so that a miss shows a blind spot of the
 * training data rather than a borderline window. Made after pattern-cnn@6 turned out to call two
 * clear spikes one spike whenever they lay in the window's last 40 % — where the generator never
 * put a cluster and an alert-time window often has it. Deterministic.
 */
public final class PositionProbe {

    /** Where the change begins, as a fraction of the window. */
    public static final double[] POSITIONS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    /** The window lengths of the labeled NAB windows (144 and 576) and one between. */
    public static final int[] LENGTHS = {144, 360, 576};

    private static final double LEVEL = 100;
    private static final double MAGNITUDE = 10;

    /** One probe series; {@code position} is NaN for NONE, which has no change. */
    public record Probe(PatternClass label, int length, double position, double[] values) {
    }

    private PositionProbe() {
    }

    /** Every class at every position where its shape fits the window, at every length; NONE once per length. */
    public static List<Probe> all() {
        List<Probe> probes = new ArrayList<>();
        Random random = new Random(20211025);
        for (PatternClass label : PatternClass.values()) {
            for (int n : LENGTHS) {
                if (label == PatternClass.NONE) {
                    probes.add(new Probe(label, n, Double.NaN, noise(n, random)));
                    continue;
                }
                for (double p : POSITIONS) {
                    double[] v = noise(n, random);
                    if (draw(label, v, p)) {
                        probes.add(new Probe(label, n, p, v));
                    }
                }
            }
        }
        return probes;
    }

    /**
     * Where the probe's transient level shifts come back, as a fraction of the window: through the
     * middle, and in the last 2–5 % (the change has just recovered when the analysis runs).
     */
    public static final double[] RETURNS = {0.5, 0.7, 0.9, 0.95, 0.96, 0.97, 0.98};

    /**
     * Transient level shifts up and down, a block of 10 % of the window ending at each of
     * {@link #RETURNS}, at every length: the recovered changes a report must not rank as still
     * abnormal. {@code position} is the return's.
     */
    public static List<Probe> returns() {
        List<Probe> probes = new ArrayList<>();
        Random random = new Random(20211026);
        for (PatternClass label : List.of(PatternClass.TRANSIENT_LEVEL_SHIFT_UP, PatternClass.TRANSIENT_LEVEL_SHIFT_DOWN)) {
            for (int n : LENGTHS) {
                for (double back : RETURNS) {
                    double[] v = noise(n, random);
                    int end = (int) Math.round(back * n);
                    for (int i = end - n / 10; i < end; i++) {
                        v[i] += label.direction() * MAGNITUDE;
                    }
                    probes.add(new Probe(label, n, back, v));
                }
            }
        }
        return probes;
    }

    private static double[] noise(int n, Random random) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = LEVEL + random.nextGaussian();
        }
        return v;
    }

    /** Adds {@code label}'s shape from {@code p} on; false where it would not fit (nothing added). */
    private static boolean draw(PatternClass label, double[] v, double p) {
        int n = v.length;
        int at = (int) Math.round(p * n);
        double m = label.direction() * MAGNITUDE;
        switch (label) {
            case LEVEL_SHIFT_UP, LEVEL_SHIFT_DOWN -> ramp(v, at, 1, m);
            case SUDDEN_INCREASE, SUDDEN_DECREASE -> { // a ramp over 5 % of the window that stays
                int width = Math.max(3, n / 20);
                if (at + width > 0.95 * n) {
                    return false;
                }
                ramp(v, at, width, m);
            }
            case STEADY_INCREASE, STEADY_DECREASE -> { // a rise over 30 % of the window
                if (p > 0.7) {
                    return false;
                }
                ramp(v, at, (int) (0.3 * n), m);
            }
            // Spikes are set, not added, so that the noise never makes one lower than it is said to be.
            case SINGLE_SPIKE, SINGLE_DIP -> v[at] = LEVEL + m;
            case MULTIPLE_SPIKES, MULTIPLE_DIPS -> { // two, the second lower, 5 % of the window apart
                v[at] = LEVEL + m;
                v[at + n / 20] = LEVEL + 0.6 * m;
            }
            case TRANSIENT_LEVEL_SHIFT_UP, TRANSIENT_LEVEL_SHIFT_DOWN -> { // a block of 10 %, back by 90 %
                if (p > 0.8) {
                    return false;
                }
                for (int i = at; i < at + n / 10; i++) {
                    v[i] += m;
                }
            }
            case FLUCTUATIONS -> { // 20 % of the window oscillating ±6σ, period 8 points, calm again after
                if (p > 0.7) {
                    return false;
                }
                for (int i = at; i < at + n / 5; i++) {
                    v[i] += 0.6 * m * Math.sin(2 * Math.PI * (i - at) / 8);
                }
            }
            default -> throw new IllegalArgumentException("NONE has no shape to draw");
        }
        return true;
    }

    private static void ramp(double[] v, int at, int width, double m) {
        for (int i = at; i < v.length; i++) {
            v[i] += m * Math.min(1.0, (double) (i - at + 1) / width);
        }
    }
}
