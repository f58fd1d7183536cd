package io.patternscope.core.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CounterRatesTest {

    @Test
    void ratesHandleResetsAndGaps() {
        double nan = Double.NaN;
        double[] counter = {100, 130, nan, 190, 10, 40};
        double[] rates = CounterRates.toRates(counter, 15_000);
        assertArrayEquals(new double[] {nan, 2.0, nan, 2.0, 10 / 15.0, 2.0}, rates, 1e-12);
        assertThrows(IllegalArgumentException.class, () -> CounterRates.toRates(counter, 0));
        assertTrue(CounterRates.isCounterName("http_requests_total"));
    }

    @Test
    void idsAreCanonicalAndSelectorsGetTheClusterMatcher() {
        assertEquals("up{a=\"1\",b=\"x\\\"y\"}", SeriesIds.canonical(Map.of("__name__", "up", "b", "x\"y", "a", "1")));
        assertEquals("up{cluster=\"east\"}", SeriesIds.withMatcher("up", "cluster", "east"));
        assertEquals("{cluster=\"east\",job=\"x\"}", SeriesIds.withMatcher("{job=\"x\"}", "cluster", "east"));
        assertEquals("up{cluster=\"east\"}", SeriesIds.withMatcher("up{}", "cluster", "east"));
        assertEquals("http_requests_total", SeriesIds.metric("http_requests_total{code=\"500\"}"));
        assertEquals("up", SeriesIds.metric("up"));
    }
}
