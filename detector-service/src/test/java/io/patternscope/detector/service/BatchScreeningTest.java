package io.patternscope.detector.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.core.wire.ScreenedBatch;
import io.patternscope.core.wire.ScreenedSeries;
import io.patternscope.core.wire.ScreeningParameters;
import io.patternscope.core.wire.ScreeningStatus;
import io.patternscope.core.wire.SeriesBatch;
import io.patternscope.core.wire.SeriesData;
import io.patternscope.detector.config.ScreeningConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchScreeningTest {

    private static final ScreeningConfig CONFIG = new ScreeningConfig() {
        public int minReferencePoints() {
            return 30;
        }

        public int minTestPoints() {
            return 10;
        }

        public int minSegment() {
            return 5;
        }

        public int workers() {
            return 1;
        }
    };

    private static SeriesData series(String name, double[] values) {
        return new SeriesData(name + "{}", Map.of("__name__", name), 0, 15_000, values, SeriesData.ValueKind.GAUGE);
    }

    @Test
    void everySeriesGetsAVerdictAndOnlyCandidatesKeepTheirValues() {
        Random random = new Random(3);
        double[] shifted = new double[720];
        double[] quiet = new double[720];
        double[] empty = new double[720];
        Arrays.fill(empty, Double.NaN);
        for (int i = 0; i < 720; i++) {
            shifted[i] = (i >= 600 ? 20 : 10) + random.nextGaussian();
            quiet[i] = 10 + random.nextGaussian();
        }
        long testStartMs = 480 * 15_000L;
        ScreenedBatch out = new BatchScreening(CONFIG).screen(new SeriesBatch("a1", testStartMs,
                ScreeningParameters.defaults(), 4, List.of(series("shifted", shifted), series("quiet", quiet),
                series("empty", empty))));

        assertEquals(4, out.batchNo());
        assertEquals(3, out.series().size());
        ScreenedSeries s = out.series().get(0);
        assertTrue(s.candidate());
        assertNotNull(s.values());
        assertEquals(600 * 15_000L, s.onsetMs(), 3 * 15_000L);
        ScreenedSeries q = out.series().get(1);
        assertFalse(q.candidate());
        assertNull(q.values(), "non-candidates travel as statistics only");
        assertEquals(ScreeningStatus.INSUFFICIENT_DATA, out.series().get(2).status());
    }
}
