package io.patternscope.core.screening;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.core.wire.ScreeningStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of awkward series a monitoring system produces gets a status and finite statistics,
 * never an exception: ties, two values, huge and tiny magnitudes, gaps, infinities, subnormals.
 */
class AwkwardSeriesTest {

    private static final int LENGTH = 48;
    private static final int TEST_START = 36; // 4 h at 5 min: 36 reference points, 12 test points

    private static double[] series(IntToDoubleFunction f) {
        double[] v = new double[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            v[i] = f.applyAsDouble(i);
        }
        return v;
    }

    static Stream<Arguments> awkward() {
        Random r = new Random(7);
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("all ties", series(i -> 3.0)));
        cases.add(Arguments.of("all ties, other level in test", series(i -> i < TEST_START ? 3.0 : 4.0)));
        cases.add(Arguments.of("two values", series(i -> r.nextBoolean() ? 0.0 : 1.0)));
        cases.add(Arguments.of("availability at 100 with a drop", series(i -> i < 44 ? 100.0 : 92.5)));
        cases.add(Arguments.of("one float step apart", series(i -> 0.3 + Math.ulp(0.3) * (i % 3))));
        cases.add(Arguments.of("huge magnitudes", series(i -> 1e300 * (1 + r.nextGaussian()))));
        cases.add(Arguments.of("1e308 and -1e308", series(i -> i % 2 == 0 ? 1e308 : -1e308)));
        cases.add(Arguments.of("max value jump", series(i -> i < 44 ? 1.0 : Double.MAX_VALUE)));
        cases.add(Arguments.of("tiny magnitudes", series(i -> 1e-300 * (1 + r.nextGaussian()))));
        cases.add(Arguments.of("subnormals", series(i -> Double.MIN_VALUE * (1 + (i % 5)))));
        cases.add(Arguments.of("subnormal jump", series(i -> i < 44 ? Double.MIN_VALUE : 4 * Double.MIN_VALUE)));
        cases.add(Arguments.of("NaN gaps", series(i -> i % 3 == 0 ? Double.NaN : r.nextGaussian())));
        cases.add(Arguments.of("all NaN", series(i -> Double.NaN)));
        cases.add(Arguments.of("NaN test window", series(i -> i < TEST_START ? r.nextGaussian() : Double.NaN)));
        cases.add(Arguments.of("+Inf and -Inf", series(i -> i % 4 == 0 ? Double.POSITIVE_INFINITY
                : (i % 4 == 1 ? Double.NEGATIVE_INFINITY : r.nextGaussian()))));
        cases.add(Arguments.of("Inf at the end", series(i -> i == LENGTH - 1 ? Double.POSITIVE_INFINITY : r.nextGaussian())));
        cases.add(Arguments.of("zeros then a value", series(i -> i < 46 ? 0.0 : 5.0)));
        cases.add(Arguments.of("negative zero and zero", series(i -> i % 2 == 0 ? 0.0 : -0.0)));
        cases.add(Arguments.of("single spike in reference", series(i -> i == 5 ? 1e9 : 1.0)));
        cases.add(Arguments.of("mixed huge and tiny", series(i -> i % 2 == 0 ? 1e300 : 1e-300)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("awkward")
    void everyAwkwardSeriesGetsAStatusNeverAnException(String name, double[] values) {
        SeriesScreener screener = new SeriesScreener(new SeriesScreener.Settings(30, 10, 0.01, 3.0, 3, 6));
        SeriesScreener.Outcome o = assertDoesNotThrow(() -> screener.screen(values, TEST_START, true), name);
        assertNotNull(o.status());
        if (o.status() == ScreeningStatus.TESTED) {
            assertTrue(o.pValue() >= 0 && o.pValue() <= 1, name + ": p " + o.pValue());
            assertTrue(Double.isFinite(o.effectSize()), name + ": effect " + o.effectSize());
            assertTrue(Math.abs(o.effectSize()) <= SeriesScreener.EFFECT_CAP, name);
            assertTrue(o.ksStatistic() >= 0 && o.ksStatistic() <= 1, name);
        }
    }

    @Test
    void tiesAndEqualSamplesNeverThrowInTheKsTestAtAnySize() {
        Random r = new Random(11);
        for (int n = 1; n <= 60; n += 7) {
            for (int m = 1; m <= 60; m += 5) {
                double[] a = new double[n];
                double[] b = new double[m];
                for (int i = 0; i < n; i++) {
                    a[i] = r.nextInt(3) * Math.ulp(1.0) + 1.0;
                }
                for (int i = 0; i < m; i++) {
                    b[i] = r.nextInt(3) * Math.ulp(1.0) + 1.0;
                }
                Arrays.sort(a);
                Arrays.sort(b);
                double d = TwoSampleKolmogorovSmirnov.statistic(a, b);
                double p = TwoSampleKolmogorovSmirnov.pValue(d, a.length, b.length);
                assertTrue(p >= 0 && p <= 1, n + "x" + m + ": " + p);
            }
        }
    }

    @Test
    void availabilityDropIsMeasuredRelativeToItsLevel() {
        SeriesScreener screener = new SeriesScreener(SeriesScreener.Settings.defaults());
        SeriesScreener.Outcome o = screener.screen(series(i -> i < 44 ? 100.0 : 95.0), TEST_START);
        assertEquals(ScreeningStatus.TESTED, o.status());
        assertEquals(-5.0, o.effectSize(), 1e-9, "100 → 95 on a constant reference is 5 σ at 1 % of the level");
    }

    @Test
    void limitingDistributionIsContinuousAcrossItsTwoSeries() {
        double below = TwoSampleKolmogorovSmirnov.limitingP(1.18 - 1e-9);
        double above = TwoSampleKolmogorovSmirnov.limitingP(1.18 + 1e-9);
        assertEquals(below, above, 1e-8);
        assertEquals(1.0, TwoSampleKolmogorovSmirnov.limitingP(0.01), 1e-12);
        assertFalse(TwoSampleKolmogorovSmirnov.limitingP(10) > 1e-80);
    }
}
