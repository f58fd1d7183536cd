package io.patternscope.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProfileMatcherTest {

    private final ProfileMatcher matcher = new ProfileMatcher(ProfileMatcher.Settings.defaults());

    /** A nightly batch job: a quiet line with a burst of 30 points at {@code at}, noise from {@code seed}. */
    private static double[] nightlyJob(long seed, int at, double level, double burst) {
        Random random = new Random(seed);
        double[] x = new double[360];
        for (int t = 0; t < x.length; t++) {
            x[t] = level + random.nextGaussian() + (t >= at && t < at + 30 ? burst : 0);
        }
        return x;
    }

    @Test
    void theSameWindowMatchesItselfExactly() {
        Fingerprint f = Fingerprint.of(nightlyJob(1, 200, 50, 40));
        ProfileMatcher.Match match = matcher.match(f, f).orElseThrow();
        assertFalse(match.scaled());
        assertEquals(0, match.distance());
        assertEquals(0, match.sumDifferencePercent());
    }

    @Test
    void theSameJobWithOtherNoiseMatchesAndAnotherShapeDoesNot() {
        Fingerprint profile = Fingerprint.of(nightlyJob(1, 200, 50, 40));
        assertTrue(matcher.match(Fingerprint.of(nightlyJob(2, 200, 50, 40)), profile).isPresent(),
                "tonight's run of the same job");
        double[] stuck = nightlyJob(3, 200, 50, 40);
        for (int t = 200; t < stuck.length; t++) {
            stuck[t] = 90 + 0.1 * Math.sin(t); // the job never finished
        }
        assertTrue(matcher.match(Fingerprint.of(stuck), profile).isEmpty(), "a job that never ends is no normal night");
        assertTrue(matcher.match(Fingerprint.of(nightlyJob(4, 200, 50, 400)), profile).isEmpty(), "ten times the burst");
    }

    @Test
    void aSlightlyMovedLevelMatchesOnlyThroughTheScaledFeatures() {
        Fingerprint profile = Fingerprint.of(nightlyJob(1, 200, 50, 40));
        Fingerprint moved = Fingerprint.of(nightlyJob(1, 200, 52, 40));
        Optional<ProfileMatcher.Match> match = new ProfileMatcher(new ProfileMatcher.Settings(1.0, 15.0, 0.2))
                .match(moved, profile);
        assertTrue(match.isPresent(), "same shape, level 4 % higher");
        assertTrue(match.get().scaled(), "the raw sum differs by more than 1 %: " + match.get());
        ProfileMatcher narrowRanges = new ProfileMatcher(new ProfileMatcher.Settings(1.0, 1.0, 0.2));
        assertTrue(narrowRanges.match(moved, profile).isEmpty(), "ranges 2 of 40 apart are not within 1 %");
    }

    @Test
    void theDistanceIsZeroForEqualVectorsAndOneForOppositeOnes() {
        assertEquals(0, ProfileMatcher.distance(new double[] {1, 0, -3}, new double[] {1, 0, -3}));
        assertEquals(1, ProfileMatcher.distance(new double[] {1, 2}, new double[] {-1, -2}), 1e-12);
        assertEquals(0.5, ProfileMatcher.distance(new double[] {1, 0}, new double[] {-1, 0}), 1e-12);
    }

    @Test
    void percentagesOfZeroSumsAreDefined() {
        assertEquals(0, ProfileMatcher.percentDifferent(0, 0));
        assertEquals(Double.POSITIVE_INFINITY, ProfileMatcher.percentDifferent(1, 0));
        assertEquals(10, ProfileMatcher.percentDifferent(-110, -100), 1e-12);
    }

    @Test
    void settingsOutOfRangeAreASentence() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ProfileMatcher.Settings(0, 15, 0.1));
        assertTrue(e.getMessage().contains("sum percentage > 0"), e.getMessage());
    }
}
