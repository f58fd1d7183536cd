package io.patternscope.core.features;

import java.util.Optional;

/**
 * Decides whether a changed window is one an operator already called normal: a features profile
 * (Skyline Ionosphere's idea) matches when
 * <ol>
 * <li>the features sum is within {@code sumPercent} % of the profile's (Ionosphere's rule), or,
 *     when the two windows' ranges are within {@code rangePercent} % of each other at both ends,
 *     the sum of the min–max scaled window's features is within {@code sumPercent} % of the
 *     profile's scaled sum (the same shape at a slightly moved level); and</li>
 * <li>the {@link #distance} of the feature vectors is at most {@code maxDistance}: a sum can agree
 *     by chance while the features do not (one large feature, such as the energy, outweighs the
 *     rest).</li>
 * </ol>
 */
public final class ProfileMatcher {

    /**
     * @param sumPercent   how far the features sums may differ, in % of the profile's (Ionosphere: 1)
     * @param rangePercent how far each end of the ranges may differ for the scaled check, in % of the profile's range
     * @param maxDistance  the largest {@link #distance} of a match
     */
    public record Settings(double sumPercent, double rangePercent, double maxDistance) {

        public Settings {
            if (!(sumPercent > 0) || !(rangePercent >= 0) || !(maxDistance > 0 && maxDistance <= 1)) {
                throw new IllegalArgumentException("profile matching needs a sum percentage > 0, a range percentage >= 0 "
                        + "and a distance in (0, 1], not " + sumPercent + ", " + rangePercent + ", " + maxDistance);
            }
        }

        /**
         * Ionosphere's 1 % and its range tolerance of 15 %, and a distance of 0.15: on NAB's real
         * series ({@code ./patternscope bench profiles}) the sum rule alone matched 10.3 % of the
         * next days' normal windows and 7.2 % of the anomalous ones; with the distance at 0.15,
         * 2.6 % and 1.1 % (the distance alone at 0.15: 9.4 % and 5.0 %) — the best ratio, and
         * about one anomalous window in a hundred silenced.
         */
        public static Settings defaults() {
            return new Settings(1.0, 15.0, 0.15);
        }
    }

    /** How a window matched: by the raw or the scaled features sum, and its feature distance. */
    public record Match(boolean scaled, double sumDifferencePercent, double distance) {
    }

    private final Settings settings;

    public ProfileMatcher(Settings settings) {
        this.settings = settings;
    }

    /** The match of {@code window} against {@code profile}, if it is one. */
    public Optional<Match> match(Fingerprint window, Fingerprint profile) {
        double distance = distance(window.features(), profile.features());
        if (distance > settings.maxDistance()) {
            return Optional.empty();
        }
        double raw = percentDifferent(window.sum(), profile.sum());
        if (raw <= settings.sumPercent()) {
            return Optional.of(new Match(false, raw, distance));
        }
        if (rangesSimilar(window, profile)) {
            double scaled = percentDifferent(window.scaledSum(), profile.scaledSum());
            if (scaled <= settings.sumPercent()) {
                return Optional.of(new Match(true, scaled, distance));
            }
        }
        return Optional.empty();
    }

    /**
     * The mean over the features of |a − b| / (|a| + |b|) (0 where both are 0): 0 for equal
     * vectors, 1 for vectors that differ everywhere in sign or by orders of magnitude, and every
     * feature weighs the same whatever its units.
     */
    public static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double scale = Math.abs(a[i]) + Math.abs(b[i]);
            sum += scale == 0 ? 0 : Math.abs(a[i] - b[i]) / scale;
        }
        return sum / a.length;
    }

    /** |a − b| in % of |b|; 0 when both are 0, infinite when only b is. */
    static double percentDifferent(double a, double b) {
        if (b == 0) {
            return a == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return Math.abs(a - b) / Math.abs(b) * 100;
    }

    private boolean rangesSimilar(Fingerprint window, Fingerprint profile) {
        double range = profile.max() - profile.min();
        double tolerance = settings.rangePercent() / 100 * (range > 0 ? range : Math.max(1e-12, Math.abs(profile.max())));
        return Math.abs(window.min() - profile.min()) <= tolerance && Math.abs(window.max() - profile.max()) <= tolerance;
    }
}
