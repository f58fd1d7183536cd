package io.patternscope.core.relevance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThresholdChoiceTest {

    private static final double[] SCORES = {0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9};
    private static final boolean[] RELEVANT = {false, false, true, false, true, false, true, true};

    @Test
    void precisionAndRecallAtAThreshold() {
        BinaryMetrics.PrecisionRecall pr = BinaryMetrics.at(SCORES, RELEVANT, 0.6);
        assertEquals(0.75, pr.precision(), 1e-12, "3 of the 4 at or above 0.6");
        assertEquals(0.75, pr.recall(), 1e-12, "3 of the 4 relevant");
    }

    @Test
    void aucCountsPairsAndTiesHalf() {
        // relevant {0.3, 0.6, 0.8, 0.9} against {0.1, 0.2, 0.4, 0.7}: 13 of 16 pairs ordered right.
        assertEquals(13 / 16.0, BinaryMetrics.auc(SCORES, RELEVANT), 1e-12);
        assertEquals(0.5, BinaryMetrics.auc(new double[] {1, 1}, new boolean[] {true, false}), 1e-12);
        assertTrue(Double.isNaN(BinaryMetrics.auc(new double[] {1, 2}, new boolean[] {true, true})));
    }

    @Test
    void theBestThresholdMeetsThePreferenceWhenOneDoes() {
        ThresholdChoice.Choice c = ThresholdChoice.best(SCORES, RELEVANT, ThresholdChoice.Preference.defaults());
        assertTrue(c.meetsPreference());
        assertEquals(0.3, c.threshold(), 1e-12, "P 4/6, R 1 at 0.3: F 0.8, above 0.6's P = R = 0.75");
        assertEquals(1.8, c.pcScore(), 1e-12);
        ThresholdChoice.Choice strict = ThresholdChoice.best(SCORES, RELEVANT, new ThresholdChoice.Preference(1.0, 1.0));
        assertFalse(strict.meetsPreference(), "no threshold gives both 1.0");
    }

    @Test
    void theNextThresholdIsAnEwmaOfTheBestOnes() {
        assertEquals(0.6, ThresholdChoice.predictNext(0.6, null), 1e-12);
        assertEquals(0.8 * 0.4 + 0.2 * 0.6, ThresholdChoice.predictNext(0.4, 0.6), 1e-12);
    }
}
