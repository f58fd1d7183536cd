package io.patternscope.bus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.core.wire.ScreeningParameters;
import io.patternscope.core.wire.SeriesBatch;
import io.patternscope.core.wire.SeriesData;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeriesBatchFrameTest {

    private static SeriesBatch batch() {
        double[] awkward = {1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE,
            Double.MAX_VALUE, 1e-308};
        return new SeriesBatch("a-1", 1_700_000_000_000L, ScreeningParameters.defaults(), 100_007, List.of(
                new SeriesData("up{job=\"x\"}", Map.of("__name__", "up", "job", "x"), 1L, 15_000, awkward,
                        SeriesData.ValueKind.GAUGE, List.of(new SeriesData.PastWindow(86_400_000L, new double[] {2, Double.NaN}),
                        new SeriesData.PastWindow(604_800_000L, new double[0]))),
                new SeriesData("m{ü=\"日本\",e=\"😀\"}", Map.of("__name__", "m", "ü", "日本", "e", "😀 \"q\"\n"), 2L, 30_000,
                        new double[0], SeriesData.ValueKind.COUNTER_RATE)));
    }

    @Test
    void everyValueAndLabelSurvivesTheRoundTripBitForBit() {
        SeriesBatch in = batch();
        byte[] frame = WireCodec.encode(in);
        assertTrue(SeriesBatchFrame.isFrame(frame));
        SeriesBatch out = WireCodec.decode(frame, SeriesBatch.class);
        assertEquals(in.analysisId(), out.analysisId());
        assertEquals(in.testStartMs(), out.testStartMs());
        assertEquals(in.batchNo(), out.batchNo());
        assertEquals(in.screening(), out.screening());
        for (int i = 0; i < in.series().size(); i++) {
            SeriesData a = in.series().get(i);
            SeriesData b = out.series().get(i);
            assertEquals(a.id(), b.id());
            assertEquals(a.labels(), b.labels());
            assertEquals(a.kind(), b.kind());
            assertEquals(a.startMs(), b.startMs());
            assertEquals(a.stepMs(), b.stepMs());
            assertArrayEquals(Arrays.stream(a.values()).mapToLong(Double::doubleToRawLongBits).toArray(),
                    Arrays.stream(b.values()).mapToLong(Double::doubleToRawLongBits).toArray());
            assertEquals(a.past().size(), b.past().size());
            for (int w = 0; w < a.past().size(); w++) {
                assertEquals(a.past().get(w).offsetMs(), b.past().get(w).offsetMs());
                assertArrayEquals(a.past().get(w).values(), b.past().get(w).values());
            }
        }
    }

    @Test
    void theSizeABatchPublisherCountsIsExactlyTheFrameSize() {
        SeriesBatch in = batch();
        int counted = SeriesBatchFrame.envelopeSize(in.analysisId(), in.screening());
        for (SeriesData s : in.series()) {
            counted += SeriesBatchFrame.encodedSize(s);
        }
        assertTrue(WireCodec.encode(in).length <= counted, "never more than counted");
        assertTrue(counted - WireCodec.encode(in).length < 64, "the envelope estimate is close");
    }

    @Test
    void aJsonBatchIsStillRead() {
        SeriesBatch in = batch();
        SeriesBatch out = WireCodec.decode(WireCodec.encodeJson(in), SeriesBatch.class);
        assertEquals(in.series().get(0).labels(), out.series().get(0).labels());
    }

    @Test
    void aTruncatedOrCorruptedFrameIsAPoisonMessageNeverAnotherException() {
        byte[] frame = WireCodec.encode(batch());
        Random random = new Random(7);
        for (int cut = 4; cut < frame.length; cut += 3) {
            byte[] truncated = Arrays.copyOf(frame, cut);
            assertThrows(PoisonMessageException.class, () -> SeriesBatchFrame.decode(truncated), "cut at " + cut);
        }
        for (int i = 0; i < 500; i++) {
            byte[] corrupted = frame.clone();
            corrupted[4 + random.nextInt(corrupted.length - 4)] = (byte) random.nextInt(256);
            try {
                SeriesBatchFrame.decode(corrupted);
            } catch (PoisonMessageException expected) {
                // a clear refusal is fine; anything else is not
            }
        }
    }

    @Test
    void aCorruptedScreenedFrameIsAPoisonMessageNeverAnotherException() {
        io.patternscope.core.wire.ScreenedSeries candidate = new io.patternscope.core.wire.ScreenedSeries("m{pod=\"p\"}",
                Map.of("__name__", "m", "pod", "p"), SeriesData.ValueKind.COUNTER_RATE, io.patternscope.core.wire.ScreeningStatus.TESTED,
                true, 0.9, 1e-9, 5, 1, 10L, 0L, 15_000, new double[] {1, Double.NaN, 3}, "LEVEL_SHIFT_UP", 0.9, true, 1e-9,
                List.of(io.patternscope.core.wire.Detector.KS, io.patternscope.core.wire.Detector.DISCORD), 2.5, 3, 0.8, "DAILY",
                "a note", "an error");
        io.patternscope.core.wire.ScreenedSeries quiet = new io.patternscope.core.wire.ScreenedSeries("q{}", null,
                SeriesData.ValueKind.GAUGE, io.patternscope.core.wire.ScreeningStatus.CONSTANT, false, Double.NaN, Double.NaN,
                Double.NaN, 0, -1L, 0L, 15_000, null, null, Double.NaN, false, Double.NaN, null, 0, 0, null);
        byte[] frame = WireCodec.encode(new io.patternscope.core.wire.ScreenedBatch("a-1", 7, null, List.of(candidate, quiet)));
        io.patternscope.core.wire.ScreenedBatch back = ScreenedBatchFrame.decode(frame);
        assertEquals(null, back.model());
        assertEquals(candidate.withValues(null), back.series().get(0).withValues(null));
        assertEquals(quiet, back.series().get(1), "absent labels, detectors and strings stay absent");
        for (int cut = 4; cut < frame.length; cut++) {
            byte[] truncated = Arrays.copyOf(frame, cut);
            assertThrows(PoisonMessageException.class, () -> ScreenedBatchFrame.decode(truncated), "cut at " + cut);
        }
        Random random = new Random(11);
        for (int i = 0; i < 3000; i++) {
            byte[] corrupted = frame.clone();
            corrupted[4 + random.nextInt(corrupted.length - 4)] = (byte) random.nextInt(256);
            try {
                ScreenedBatchFrame.decode(corrupted);
            } catch (PoisonMessageException expected) {
                // a clear refusal is fine; anything else is not
            }
        }
    }

    @Test
    void aScreenedBatchWithEveryValueOfItsInputFitsWhereJsonWouldNot() {
        // 130 candidates of 721 points: the batch a 768 KiB series batch can become.
        java.util.List<io.patternscope.core.wire.ScreenedSeries> series = new java.util.ArrayList<>();
        Random random = new Random(3);
        for (int i = 0; i < 130; i++) {
            double[] values = new double[721];
            for (int k = 0; k < values.length; k++) {
                values[k] = random.nextGaussian() * 1234.5678;
            }
            values[5] = Double.NaN;
            series.add(new io.patternscope.core.wire.ScreenedSeries("m{pod=\"p" + i + "\"}", Map.of("__name__", "m", "pod", "p" + i),
                    SeriesData.ValueKind.GAUGE, io.patternscope.core.wire.ScreeningStatus.TESTED, true, 0.9, 1e-9, 5, 1, 10L, 0L,
                    15_000, values, "LEVEL_SHIFT_UP", 0.9, false, 1e-9, List.of(io.patternscope.core.wire.Detector.KS), 0, 0,
                    null));
        }
        series.add(new io.patternscope.core.wire.ScreenedSeries("quiet{}", Map.of("__name__", "quiet"), SeriesData.ValueKind.GAUGE,
                io.patternscope.core.wire.ScreeningStatus.TESTED, false, 0.1, 0.5, 0.1, 1, -1L, 0L, 15_000, null, null, Double.NaN,
                false, 0.5, List.of(), 0, 0, null));
        io.patternscope.core.wire.ScreenedBatch batch = new io.patternscope.core.wire.ScreenedBatch("a-1", 7, "pattern-cnn@7", series);
        byte[] frame = WireCodec.encode(batch);
        assertTrue(ScreenedBatchFrame.isFrame(frame));
        assertTrue(frame.length < 1024 * 1024, "fits in a NATS message: " + frame.length);
        assertTrue(WireCodec.encodeJson(batch).length > 1024 * 1024, "as JSON it would not");
        io.patternscope.core.wire.ScreenedBatch back = WireCodec.decode(frame, io.patternscope.core.wire.ScreenedBatch.class);
        assertEquals(batch.series().size(), back.series().size());
        for (int i = 0; i < series.size(); i++) {
            assertEquals(series.get(i).withValues(null), back.series().get(i).withValues(null));
            assertArrayEquals(series.get(i).values(), back.series().get(i).values());
        }
        assertEquals("a-1", assertDoesNotThrowEnvelope(frame).path("analysisId").asText());
        assertEquals(7, assertDoesNotThrowEnvelope(frame).path("batchNo").asInt());
        assertEquals(100_007, assertDoesNotThrowEnvelope(WireCodec.encode(batch())).path("batchNo").asInt());
        for (int cut = 4; cut < 4000; cut += 97) {
            byte[] truncated = Arrays.copyOf(frame, cut);
            assertThrows(PoisonMessageException.class, () -> ScreenedBatchFrame.decode(truncated), "cut at " + cut);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode assertDoesNotThrowEnvelope(byte[] payload) {
        try {
            return WireCodec.envelope(payload);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
