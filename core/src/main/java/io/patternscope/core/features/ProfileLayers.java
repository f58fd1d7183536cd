package io.patternscope.core.features;

/**
 * Operator-written bounds for a features profile (Ionosphere's layers): a changed window that
 * stays within every bound given is expected, even when its fingerprint does not match. Null
 * means no bound. {@code spikeAtMostPoints}: the window may go above {@code maxAtMost} (or, when
 * that is not given, above the profile's own maximum) for at most this many points in a row.
 */
public record ProfileLayers(Double maxAtMost, Double minAtLeast, Double lastAtLeast, Double lastAtMost,
                            Integer spikeAtMostPoints) {

    public ProfileLayers {
        if (spikeAtMostPoints != null && spikeAtMostPoints < 0) {
            throw new IllegalArgumentException("spikeAtMostPoints must be 0 or more, not " + spikeAtMostPoints);
        }
        if (lastAtLeast != null && lastAtMost != null && lastAtLeast > lastAtMost) {
            throw new IllegalArgumentException("lastAtLeast (" + lastAtLeast + ") is above lastAtMost (" + lastAtMost + ")");
        }
        if (maxAtMost != null && minAtLeast != null && minAtLeast > maxAtMost) {
            throw new IllegalArgumentException("minAtLeast (" + minAtLeast + ") is above maxAtMost (" + maxAtMost + ")");
        }
    }

    /** No bound at all: such layers never decide anything. */
    public boolean bindsNothing() {
        return maxAtMost == null && minAtLeast == null && lastAtLeast == null && lastAtMost == null && spikeAtMostPoints == null;
    }

    /**
     * Whether {@code values} (gaps allowed) keep every bound; {@code profileMax} is the profile's
     * own maximum, the spike rule's ceiling when no {@code maxAtMost} is given. Empty layers keep nothing.
     */
    public boolean expected(double[] values, double profileMax) {
        if (bindsNothing()) {
            return false;
        }
        double last = Double.NaN;
        int run = 0;
        int longestAbove = 0;
        double ceiling = maxAtMost != null ? maxAtMost : profileMax;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                continue;
            }
            last = v;
            if (minAtLeast != null && v < minAtLeast) {
                return false;
            }
            run = v > ceiling ? run + 1 : 0;
            longestAbove = Math.max(longestAbove, run);
        }
        if (spikeAtMostPoints != null) {
            if (longestAbove > spikeAtMostPoints) {
                return false;
            }
        } else if (maxAtMost != null && longestAbove > 0) {
            return false;
        }
        if (Double.isNaN(last)) {
            return false;
        }
        return (lastAtLeast == null || last >= lastAtLeast) && (lastAtMost == null || last <= lastAtMost);
    }
}
