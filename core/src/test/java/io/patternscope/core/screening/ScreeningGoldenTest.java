package io.patternscope.core.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kernels against reference values computed with scipy/numpy (tools/golden/screening_golden.py),
 * kept in src/test/resources/golden, tie-heavy small samples included. Tolerances: D to 1e-12 (it is a
 * ratio of counts); p-values to 1e-9 relative against the same distribution (exact, or the limiting Kolmogorov one that
 * commons-math evaluates for large samples) and within 25 % of scipy's finite-n asymptotic form.
 */
class ScreeningGoldenTest {

    private static JsonNode golden() throws IOException {
        try (InputStream in = ScreeningGoldenTest.class.getResourceAsStream("/golden/screening-scipy.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static Stream<JsonNode> ksCases() throws IOException {
        return StreamSupport.stream(golden().path("ks").spliterator(), false);
    }

    private static double[] array(JsonNode node) {
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asDouble();
        }
        return out;
    }

    private static double[] sorted(JsonNode node) {
        double[] a = array(node);
        Arrays.sort(a);
        return a;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ksCases")
    void ksStatisticAndPValueMatchScipy(JsonNode c) {
        double[] ref = sorted(c.path("reference"));
        double[] test = sorted(c.path("test"));
        double d = TwoSampleKolmogorovSmirnov.statistic(ref, test);
        assertEquals(c.path("d").asDouble(), d, 1e-12, "D");
        if (ref.length > 1 && test.length > 1) { // commons-math refuses single points
            assertEquals(new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(array(c.path("reference")),
                    array(c.path("test"))), d, 1e-12, "D agrees with commons-math");
        }
        double p = TwoSampleKolmogorovSmirnov.pValue(d, ref.length, test.length);
        if ("exact".equals(c.path("method").asText())) {
            double expected = c.path("p").asDouble();
            // scipy counts the paths that stay inside (1 − inside/total): accurate to ~1e-15 absolute only
            assertEquals(expected, p, 1e-13 + 1e-9 * expected, "exact p");
        } else {
            double limiting = c.path("pLimitingKolmogorov").asDouble();
            assertEquals(limiting, p, 1e-9 + 1e-9 * limiting, "limiting-distribution p");
            double scipy = c.path("p").asDouble();
            if (scipy > 1e-6) { // far below every FDR threshold the two forms differ by more, and nothing depends on it
                assertTrue(Math.abs(p - scipy) <= 0.25 * scipy, "p " + p + " vs scipy's finite-n " + scipy);
            } else {
                assertTrue(p < 1e-6, "p " + p + " vs scipy's finite-n " + scipy);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ksCases")
    void quantilesAndMadMatchNumpyAndScipy(JsonNode c) {
        double[] ref = sorted(c.path("reference"));
        double[] test = sorted(c.path("test"));
        c.path("quantiles").fields().forEachRemaining(q -> {
            double level = Double.parseDouble(q.getKey());
            assertEquals(q.getValue().get(0).asDouble(), RobustStatistics.quantileOfSorted(ref, level), 1e-12);
            assertEquals(q.getValue().get(1).asDouble(), RobustStatistics.quantileOfSorted(test, level), 1e-12);
        });
        double median = RobustStatistics.quantileOfSorted(ref, 0.5);
        assertEquals(c.path("referenceMad").asDouble(), RobustStatistics.medianAbsoluteDeviationOfSorted(ref, median), 1e-12);
        assertEquals(RobustStatistics.medianAbsoluteDeviation(array(c.path("reference")), median),
                RobustStatistics.medianAbsoluteDeviationOfSorted(ref, median), 1e-12, "O(n) MAD = sorting MAD");
    }

    @Test
    void benjaminiHochbergMatchesScipy() throws IOException {
        JsonNode bh = golden().path("benjaminiHochberg");
        double[] expected = array(bh.path("q"));
        double[] actual = BenjaminiHochberg.adjust(array(bh.path("p")));
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-12, "q[" + i + "]");
        }
    }
}
