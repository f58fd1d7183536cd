package io.patternscope.core.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PatternPreprocessorTest {

    private static final double NAN = Double.NaN;

    @Test
    void resamplesNormalisesAndFillsGaps() {
        float[] out = PatternPreprocessor.prepare(new double[] {NAN, 10, NAN, 30, 40, Double.POSITIVE_INFINITY}, 4);
        // cut to [10, NaN, 30, 40] → filled [10, 20, 30, 40] → resampled to 4 → normalised
        assertEquals(4, out.length);
        assertEquals(0f, out[0], 1e-6);
        assertEquals(1f / 3, out[1], 1e-6);
        assertEquals(2f / 3, out[2], 1e-6);
        assertEquals(1f, out[3], 1e-6);
        float[] up = PatternPreprocessor.prepare(new double[] {0, 1}, 128);
        assertEquals(0.5f, up[64], 0.01f);
        for (float v : PatternPreprocessor.prepare(new double[] {3, 3, 3}, 16)) {
            assertEquals(0.5f, v);
        }
    }

    @Test
    void aOnePointSpikeSurvivesDownsampling() {
        double[] v = new double[700];
        java.util.Arrays.fill(v, 1);
        v[433] = 50;
        v[100] = -20;
        float[] out = PatternPreprocessor.prepare(v, 128);
        float max = 0;
        float min = 1;
        for (float x : out) {
            max = Math.max(max, x);
            min = Math.min(min, x);
        }
        assertEquals(1f, max, 1e-6, "the spike is still there");
        assertEquals(0f, min, 1e-6, "and so is the dip");
    }

    @Test
    void inputWithoutTwoFiniteValuesIsRefusedWithASentence() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PatternPreprocessor.prepare(new double[] {NAN, NAN}, 128));
        assertTrue(e.getMessage().contains("at least two finite values"));
        assertThrows(IllegalArgumentException.class, () -> PatternPreprocessor.prepare(new double[0], 128));
        assertThrows(IllegalArgumentException.class, () -> PatternPreprocessor.prepare(new double[] {NAN, 1, NAN}, 128));
    }
}
