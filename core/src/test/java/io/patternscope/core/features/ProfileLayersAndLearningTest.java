package io.patternscope.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProfileLayersAndLearningTest {

    private static final double[] WINDOW = {5, 6, 5, 30, 31, 6, 5, 4, 5, 6};

    @Test
    void aWindowWithinEveryBoundIsExpected() {
        assertTrue(new ProfileLayers(40.0, 1.0, 3.0, 8.0, null).expected(WINDOW, 20));
        assertFalse(new ProfileLayers(25.0, null, null, null, null).expected(WINDOW, 20), "31 is above 25");
        assertFalse(new ProfileLayers(null, 5.0, null, null, null).expected(WINDOW, 20), "4 is below 5");
        assertFalse(new ProfileLayers(null, null, 7.0, null, null).expected(WINDOW, 20), "the last value is 6");
    }

    @Test
    void aSpikeIsExpectedWhileItLastsNoLongerThanAllowed() {
        assertTrue(new ProfileLayers(null, null, null, null, 2).expected(WINDOW, 20), "two points above the profile's 20");
        assertFalse(new ProfileLayers(null, null, null, null, 1).expected(WINDOW, 20));
        assertTrue(new ProfileLayers(29.0, null, null, null, 2).expected(WINDOW, 20), "above 29 for two points");
    }

    @Test
    void gapsAreSkippedAndEmptyLayersDecideNothing() {
        double[] gappy = {5, Double.NaN, 6, 30, Double.NaN};
        assertTrue(new ProfileLayers(null, null, 25.0, null, null).expected(gappy, 20), "the last finite value is 30");
        assertFalse(new ProfileLayers(null, null, null, null, null).expected(WINDOW, 20));
    }

    @Test
    void contradictoryBoundsAreASentence() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ProfileLayers(1.0, 2.0, null, null, null));
        assertTrue(e.getMessage().contains("minAtLeast (2.0) is above maxAtMost (1.0)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ProfileLayers(null, null, null, null, -1));
    }

    @Test
    void learningMakesTheNextGenerationUpToTheLimit() {
        ProfileLearning learning = new ProfileLearning(3, 0.05);
        ProfileMatcher.Match close = new ProfileMatcher.Match(false, 0.4, 0.02);
        assertEquals(1, learning.childGeneration(true, 0, close));
        assertEquals(3, learning.childGeneration(true, 2, close));
        assertEquals(-1, learning.childGeneration(true, 3, close), "the third generation learns no more");
        assertEquals(-1, learning.childGeneration(false, 0, close), "a profile made without learning");
        assertEquals(-1, learning.childGeneration(true, 0, new ProfileMatcher.Match(false, 0, 0)), "an exact repeat");
        assertEquals(-1, learning.childGeneration(true, 0, new ProfileMatcher.Match(false, 0.9, 0.08)), "not close enough");
    }
}
