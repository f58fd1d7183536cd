package io.patternscope.core.features;

/**
 * Ionosphere's learning: a profile made "to learn" lets a window it matched closely become a new
 * profile one generation younger, so the notion of normal follows slow drift, up to a maximum
 * generation (the first profile is generation 0). An exact repeat teaches nothing.
 *
 * @param maxGeneration the oldest generation a learnt profile may have (default 3)
 * @param maxDistance   the largest feature {@link ProfileMatcher#distance} at which a match is learnt
 */
public record ProfileLearning(int maxGeneration, double maxDistance) {

    public ProfileLearning {
        if (maxGeneration < 0 || !(maxDistance > 0)) {
            throw new IllegalArgumentException("learning needs a maximum generation >= 0 and a distance > 0, not "
                    + maxGeneration + " and " + maxDistance);
        }
    }

    public static ProfileLearning defaults() {
        return new ProfileLearning(3, 0.10);
    }

    /** The generation of the profile learnt from {@code match} of a {@code parentGeneration} profile; -1: none. */
    public int childGeneration(boolean parentLearns, int parentGeneration, ProfileMatcher.Match match) {
        boolean learnable = parentLearns && parentGeneration < maxGeneration && match.distance() > 0
                && match.distance() <= maxDistance;
        return learnable ? parentGeneration + 1 : -1;
    }
}
