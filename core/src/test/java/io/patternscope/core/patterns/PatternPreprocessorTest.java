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

    @Test
    void theMeanChannelFollowsTheLevelUnderNoise() {
        // Gaussian noise, 4 points a bucket, the second half shifted up by one σ: the bucket means
        // (noise σ / 2) move with the level.
        java.util.Random random = new java.util.Random(7);
        double[] v = new double[512];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextGaussian() + (i >= 256 ? 1 : 0);
        }
        float[] out = PatternPreprocessor.prepare(v, 128, 2);
        assertEquals(256, out.length);
        double means = separation(out, 1);
        assertTrue(means > 1.5, "the shift stands out in the means: " + means);
        for (float x : out) {
            assertTrue(x >= 0 && x <= 1, "both channels share one [0, 1] scale");
        }
    }

    /** Difference of the channel's two halves, in units of its spread within a half. */
    private static double separation(float[] interleaved, int channel) {
        double[] sum = new double[2];
        double[] squares = new double[2];
        for (int k = 0; k < 128; k++) {
            double x = interleaved[2 * k + channel];
            sum[k / 64] += x;
            squares[k / 64] += x * x;
        }
        double variance = 0;
        for (int h = 0; h < 2; h++) {
            variance += (squares[h] / 64 - Math.pow(sum[h] / 64, 2)) / 2;
        }
        return (sum[1] - sum[0]) / 64 / Math.sqrt(variance);
    }

    @Test
    void shortSeriesGetTheSameValuesInBothChannelsAndOtherCountsAreRefused() {
        float[] out = PatternPreprocessor.prepare(new double[] {10, 20, 30, 40}, 4, 2);
        assertEquals(8, out.length);
        for (int k = 0; k < 4; k++) {
            assertEquals(out[2 * k], out[2 * k + 1]);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PatternPreprocessor.prepare(new double[] {1, 2}, 128, 3));
        assertTrue(e.getMessage().contains("1 or 2 channels"));
    }
}
