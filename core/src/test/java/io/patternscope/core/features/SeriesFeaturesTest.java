package io.patternscope.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Golden values: printed by {@code python3 tools/features/reference_features.py}, which computes
 * every feature again with numpy and scipy from tsfresh's definitions (its own code, not a
 * translation of this class), for the three inputs built here by the same formulas.
 */
class SeriesFeaturesTest {

    private static final double[] SMOOTH = {11.642686953652008, 11.534816647402131, 6.77429869422337, 17.13343551247543, 3.0011826459177917, 9.007097274158117, 12.023279784438886, 7.465182385661207, 9.011164812856627, 13.096117840792976, 16.23814695663659, 0.15794295417501064, -0.921192109901948, 0.9857836761736659, 0.9597517028249044, 0.9172094830411585, 0.7920884473302315, 0.3201393605850228, 0.9857836761736658, -0.42570038590677317, -0.5194963869618754, 118.0, 122.0, 29.0, 26.0, 33.0, 7.0, 7.0, 34694.22162597523, 2794.244868876482, 91.02702396388744, 0.3808662090539224, 0.019940732946671095, -0.003123470633491911, 8.208763846264498, 0.02347324696819206, 8.837633940953058, 0.5418730978894539, 0.36392193677979917, 0.060883480157837275, 2.1609863849717277, 0.45137160588066905, 297.12059072589744, 83.43835427573451, 81.30540317513231, 91.4328801172352, 64.21466526138397, 0.0, 0.9625, 0.42083333333333334, 0.9666666666666667, 0.42500000000000004};
    private static final double[] SPIKY = {3.8176923076923077, 2.4615384615384617, 2.0, 25.0, 5.358946012684202, 28.718302366863906, 6.579747481710595, 2.076923076923077, 2.230769230769231, 2.769230769230769, 2.9230769230769234, 3.7446222806386715, 12.317865456239161, -0.06012885265482792, -0.04127687409420171, -0.05470756671330077, -0.05805009738553078, -0.05780668053540612, -0.060128852654827925, -0.04505524932001101, -0.060350706493403, 6.0, 94.0, 1.0, 16.0, 38.0, 13.0, 7.0, 4329.307692307691, 381.7692307692308, 290.1538461538462, 2.9308469308469314, -0.23154623154623155, 0.11224489795918367, 75.05895119068846, -0.011612084285351616, 4.392490479817212, -0.06254872461630184, 0.4668071654373025, 0.01100221893491124, 0.22696752250060448, 0.1381022770390608, 2.509141622318492, 3.0121842184283776, 4.308858811426557, 6.586832659449709, 15.36202664921531, 0.06, 0.0, 0.13, 0.86, 0.92};
    private static final double[] GAPPY = {7.424999999999999, 7.35, 0.0, 14.7, 3.2690786163688386, 10.686874999999999, 8.11279853071676, 3.7800000000000002, 5.425, 9.8, 11.41, -0.01689913586198745, 0.026069519607483382, 0.4821399562027669, 0.3459176650006523, 0.2904988595824318, 0.39246383592226347, -0.11182590274934852, 0.48213995620276695, 0.14782105239329332, 0.10269650188427956, 14.0, 14.0, 8.0, 7.0, 4.0, 3.0, 3.0, 1842.8899999999996, 207.89999999999998, 48.3, 1.7888888888888888, 0.5444444444444444, -1.708035422500241e-17, 14.566056432679371, 0.3082375478927203, 3.2637931034482754, 0.7616412099289349, 1.3631578947368421, 0.03479289940828425, 2.1754147464541718, 0.5596157879354228, 38.32926681864307, 17.82909753089156, 7.418560445732821, 16.685321048013993, 21.389838133979328, 0.07142857142857142, 0.9642857142857143, 0.0, 1.0, 0.0357142857142857};

    static double[] smooth() {
        double[] x = new double[240];
        for (int t = 0; t < x.length; t++) {
            x[t] = 10 + 3 * Math.sin(2 * Math.PI * t / 37) + 0.5 * (((t * 7919) % 101) / 101.0 - 0.5) + (t >= 150 ? 4 : 0);
        }
        return x;
    }

    static double[] spiky() {
        double[] x = new double[100];
        for (int t = 0; t < x.length; t++) {
            x[t] = t % 17 == 0 ? 25 : 2 + ((t * 31) % 13) / 13.0;
        }
        return x;
    }

    static double[] gappy() {
        double[] x = new double[30];
        for (int t = 0; t < x.length; t++) {
            x[t] = 0.3 * t + (t * 13) % 7;
        }
        x[5] = Double.NaN;
        x[17] = Double.NaN;
        return x;
    }

    private static void assertFeatures(double[] expected, double[] actual) {
        assertEquals(SeriesFeatures.NAMES.size(), expected.length, "the reference names every feature");
        for (int i = 0; i < expected.length; i++) {
            double tolerance = 1e-9 * Math.max(1, Math.abs(expected[i]));
            assertEquals(expected[i], actual[i], tolerance, SeriesFeatures.NAMES.get(i));
        }
    }

    @Test
    void aSmoothRhythmWithAStepMatchesTheReference() {
        assertFeatures(SMOOTH, SeriesFeatures.compute(smooth()));
    }

    @Test
    void regularSpikesMatchTheReference() {
        assertFeatures(SPIKY, SeriesFeatures.compute(spiky()));
    }

    @Test
    void aShortTrendWithGapsMatchesTheReferenceOnItsFiniteValues() {
        assertFeatures(GAPPY, SeriesFeatures.compute(gappy()));
    }

    @Test
    void aFlatWindowHasAFiniteFingerprint() {
        double[] flat = new double[60];
        java.util.Arrays.fill(flat, 4.0);
        double[] f = SeriesFeatures.compute(flat);
        for (int i = 0; i < f.length; i++) {
            assertTrue(Double.isFinite(f[i]), SeriesFeatures.NAMES.get(i) + " = " + f[i]);
        }
        assertEquals(0, f[SeriesFeatures.NAMES.indexOf("standard_deviation")]);
        assertEquals(0, f[SeriesFeatures.NAMES.indexOf("autocorrelation_lag_1")], "tsfresh's NaN is 0 here");
        assertEquals(240, f[SeriesFeatures.NAMES.indexOf("sum_values")]);
    }

    @Test
    void atLeastFortyNamedFeatures() {
        assertTrue(SeriesFeatures.NAMES.size() >= 40);
        assertEquals(SeriesFeatures.NAMES.size(), new java.util.HashSet<>(SeriesFeatures.NAMES).size(), "names are unique");
    }

    @Test
    void tooFewFiniteValuesAreASentence() {
        double[] x = {1, 2, Double.NaN, 4, Double.POSITIVE_INFINITY, 5};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SeriesFeatures.compute(x));
        assertTrue(e.getMessage().contains("at least 12 finite values, this window has 4"), e.getMessage());
    }
}
