package io.patternscope.core.features;

import java.util.Arrays;

/**
 * A window's fingerprint: its {@link SeriesFeatures}, the same features of the window min–max
 * scaled to [0, 1] (so two windows of one shape at different levels can be compared), and the
 * window's range.
 */
public record Fingerprint(double[] features, double[] scaledFeatures, double min, double max) {

    public Fingerprint {
        if (features.length != SeriesFeatures.NAMES.size() || scaledFeatures.length != SeriesFeatures.NAMES.size()) {
            throw new IllegalArgumentException("a fingerprint has " + SeriesFeatures.NAMES.size() + " features, not "
                    + features.length + " and " + scaledFeatures.length);
        }
    }

    /** The fingerprint of a window's values (gaps allowed; at least {@link SeriesFeatures#MIN_POINTS} finite). */
    public static Fingerprint of(double[] values) {
        double[] features = SeriesFeatures.compute(values);
        double min = Arrays.stream(values).filter(Double::isFinite).min().orElseThrow();
        double max = Arrays.stream(values).filter(Double::isFinite).max().orElseThrow();
        double[] scaled = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            scaled[i] = max > min ? (values[i] - min) / (max - min) : (Double.isFinite(values[i]) ? 0.5 : Double.NaN);
        }
        return new Fingerprint(features, SeriesFeatures.compute(scaled), min, max);
    }

    /** Ionosphere's features sum: the number a profile is first compared by. */
    public double sum() {
        return Arrays.stream(features).sum();
    }

    public double scaledSum() {
        return Arrays.stream(scaledFeatures).sum();
    }
}
