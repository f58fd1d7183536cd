package io.patternscope.core.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.patternscope.core.chunks.XorChunkDecoder;
import io.patternscope.core.promql.SeriesSelector;
import io.patternscope.core.promql.SeriesSelector.MatchType;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridAlignerTest {

    @Test
    void lookbackHoldsTheLastSampleAndStaleMarkersEndIt() {
        double stale = Double.longBitsToDouble(XorChunkDecoder.STALE_NAN_BITS);
        long[] t = {1_000, 16_000, 31_000, 200_000, 600_000};
        double[] v = {1, 2, 3, stale, 5};
        double[] grid = GridAligner.align(t, v, 5, 0, 60_000, 12, 300_000);
        double nan = Double.NaN;
        // t=0: nothing yet; 60s, 120s, 180s: 3 held; 240s..540s: stale; 600s: 5; 660s: 5
        assertArrayEquals(new double[] {nan, 3, 3, 3, nan, nan, nan, nan, nan, nan, 5, 5}, grid, 0);
        double[] old = GridAligner.align(new long[] {0}, new double[] {7}, 1, 0, 60_000, 8, 300_000);
        assertEquals(7, old[5], 0);
        assertEquals(Double.NaN, old[6], 0, "older than the lookback: a gap");
    }

    @Test
    void selectorsParseIntoMatchers() {
        assertEquals(List.of(new SeriesSelector.Matcher(MatchType.EQ, "__name__", "http_requests_total"),
                        new SeriesSelector.Matcher(MatchType.EQ, "code", "500"),
                        new SeriesSelector.Matcher(MatchType.RE, "pod", "cart-.*"),
                        new SeriesSelector.Matcher(MatchType.NEQ, "ns", "a\"b"),
                        new SeriesSelector.Matcher(MatchType.NRE, "x", "y")),
                SeriesSelector.parse("http_requests_total{code=\"500\", pod=~\"cart-.*\",ns!=\"a\\\"b\",x!~'y'}"));
        assertEquals(List.of(new SeriesSelector.Matcher(MatchType.EQ, "__name__", "up")), SeriesSelector.parse("up"));
        assertThrows(IllegalArgumentException.class, () -> SeriesSelector.parse("rate(up[5m])"));
        assertThrows(IllegalArgumentException.class, () -> SeriesSelector.parse("{}"));
        assertThrows(IllegalArgumentException.class, () -> SeriesSelector.parse("up{a=\"b\""));
    }
}
