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
                        SeriesData.ValueKind.GAUGE),
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
}
