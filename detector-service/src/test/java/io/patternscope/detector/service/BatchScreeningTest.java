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
import io.patternscope.detector.config.TestScreeningConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchScreeningTest {

    private static final ScreeningConfig CONFIG = config(30);

    private static ScreeningConfig config(int minReferencePoints) {
        return new TestScreeningConfig(minReferencePoints, 1);
    }

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

    @Test
    void aSeriesWhoseScreeningThrowsIsMarkedErrorAndTheRestOfTheBatchGoesOn() {
        Random random = new Random(5);
        double[] quiet = new double[720];
        for (int i = 0; i < 720; i++) {
            quiet[i] = 10 + random.nextGaussian();
        }
        long testStartMs = 480 * 15_000L;
        SeriesBatch batch = new SeriesBatch("a2", testStartMs, ScreeningParameters.defaults(), 1,
                List.of(series("first", quiet), series("poison", quiet), series("last", quiet)));
        BatchScreening screening = new BatchScreening(CONFIG);
        ScreenedBatch out = screening.screen(batch, (screener, s) -> {
            if (s.id().startsWith("poison")) {
                throw new IllegalStateException("illegal state: internal error");
            }
            return BatchScreening.screen(screener, testStartMs, io.patternscope.core.screening.SeasonalReference.Kind.PRECEDING, s);
        });
        assertEquals(3, out.series().size());
        assertEquals(ScreeningStatus.TESTED, out.series().get(0).status());
        assertEquals(ScreeningStatus.ERROR, out.series().get(1).status());
        assertEquals("screening failed: IllegalStateException (illegal state: internal error)", out.series().get(1).error());
        assertEquals(ScreeningStatus.TESTED, out.series().get(2).status());
    }

    @Test
    void aSeriesWithoutValuesOrStepIsAnErrorWithASentence() {
        ScreenedBatch out = new BatchScreening(CONFIG).screen(new SeriesBatch("a3", 0, ScreeningParameters.defaults(), 1,
                List.of(new SeriesData("x{}", Map.of("__name__", "x"), 0, 0, new double[10], SeriesData.ValueKind.GAUGE))));
        assertEquals(ScreeningStatus.ERROR, out.series().get(0).status());
        assertTrue(out.series().get(0).error().contains("step of 0 ms"));
    }

    @Test
    void tieHeavyFiveMinuteSeriesAreScreenedNotLost() {
        double[] availability = new double[48];
        Arrays.fill(availability, 100.0);
        for (int i = 44; i < 48; i++) {
            availability[i] = 90.0 + i % 2;
        }
        double[] latency = new double[48];
        for (int i = 0; i < 48; i++) {
            latency[i] = 0.3 + Math.ulp(0.3) * (i % 3) + (i >= 44 ? 0.5 : 0);
        }
        SeriesBatch batch = new SeriesBatch("a4", 36 * 300_000L, ScreeningParameters.defaults(), 1, List.of(
                new SeriesData("availability{}", Map.of("__name__", "availability"), 0, 300_000, availability,
                        SeriesData.ValueKind.GAUGE),
                new SeriesData("latency{}", Map.of("__name__", "latency"), 0, 300_000, latency, SeriesData.ValueKind.GAUGE)));
        ScreeningConfig fiveMinutes = config(20);
        ScreenedBatch out = new BatchScreening(fiveMinutes).screen(batch);
        for (ScreenedSeries s : out.series()) {
            assertEquals(ScreeningStatus.TESTED, s.status(), s.id());
            assertTrue(s.candidate(), s.id() + " has a 4-point incident at the end");
            assertTrue(s.detectors().contains(io.patternscope.core.wire.Detector.RECENT_EXTREME), s.id());
            assertEquals(44 * 300_000L, s.onsetMs(), s.id());
        }
    }

    /**
     * A request rate on its daily ramp: the test hour differs from the two hours before it, not from
     * the same hour on the three days before. AUTO compares it with those days and says so; PRECEDING
     * flags it; without past windows AUTO falls back and the verdict says why.
     */
    @Test
    void aDailyRhythmIsNoChangeAgainstEarlierDaysWithAuto() {
        long step = 15_000;
        int day = (int) (86_400_000L / step);
        java.util.Random random = new java.util.Random(5);
        java.util.function.LongToDoubleFunction rate = t -> 1000 + 800 * Math.sin(2 * Math.PI * (t + day / 4.0 + 240) / day)
                + random.nextGaussian() * 10;
        long origin = 10L * day;
        double[] values = new double[721];
        for (int i = 0; i < values.length; i++) {
            values[i] = rate.applyAsDouble(origin + i);
        }
        List<SeriesData.PastWindow> past = new java.util.ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            double[] w = new double[240];
            for (int i = 0; i < w.length; i++) {
                w[i] = rate.applyAsDouble(origin + 481 + i - (long) k * day);
            }
            past.add(new SeriesData.PastWindow(k * 86_400_000L, w));
        }
        SeriesData rhythm = series("requests", values).withPast(past);
        long testStartMs = 481 * step;
        ScreenedSeries preceding = screenWith("PRECEDING", testStartMs, rhythm);
        ScreenedSeries auto = screenWith("AUTO", testStartMs, rhythm);
        ScreenedSeries withoutHistory = screenWith("AUTO", testStartMs, series("requests", values));
        assertTrue(preceding.candidate(), "the ramp differs from the hours before");
        assertEquals("PRECEDING", preceding.reference());
        assertFalse(auto.candidate(), "and not from the days before");
        assertEquals("DAILY", auto.reference());
        assertEquals(null, auto.referenceNote());
        assertEquals("PRECEDING", withoutHistory.reference());
        assertTrue(withoutHistory.referenceNote().contains("earlier days"), withoutHistory.referenceNote());
        assertTrue(withoutHistory.candidate());
    }

    private static ScreenedSeries screenWith(String reference, long testStartMs, SeriesData series) {
        ScreeningParameters parameters = new ScreeningParameters(0.01, 3.0, null, reference);
        return new BatchScreening(CONFIG).screen(new SeriesBatch("a5", testStartMs, parameters, 1, List.of(series)))
                .series().get(0);
    }
}
