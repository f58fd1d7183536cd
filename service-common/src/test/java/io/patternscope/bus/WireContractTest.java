package io.patternscope.bus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.patternscope.core.wire.AnalysisRequested;
import io.patternscope.core.wire.BatchFailed;
import io.patternscope.core.wire.Detector;
import io.patternscope.core.wire.FetchCompleted;
import io.patternscope.core.wire.FetchPlanned;
import io.patternscope.core.wire.FetchShard;
import io.patternscope.core.wire.LabelPartition;
import io.patternscope.core.wire.ScreenedBatch;
import io.patternscope.core.wire.ScreenedSeries;
import io.patternscope.core.wire.ScreeningParameters;
import io.patternscope.core.wire.ScreeningStatus;
import io.patternscope.core.wire.SeriesBatch;
import io.patternscope.core.wire.SeriesData;
import io.patternscope.core.wire.StageProgress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every NATS payload pinned byte for byte against a golden file in
 * {@code src/test/resources/wire-golden/}: renaming a field or changing a frame's layout breaks
 * this test, not a rolling upgrade where old and new replicas read each other's messages. JSON
 * payloads are pinned as text, frames as hex. To accept a deliberate change, run the test with
 * {@code -Dpatternscope.golden.write=true} and review the diff of the golden files.
 */
class WireContractTest {

    private static final Path GOLDEN = Path.of("src/test/resources/wire-golden");

    record Payload(String name, Object message, boolean binary) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Payload> payloads() {
        AnalysisRequested request = new AnalysisRequested("a-1", "east", 1_700_000_000_000L, 1_700_007_200_000L,
                1_700_010_800_000L, 15_000, List.of("{job=\"api\"}"), List.of("{namespace=\"kube-system\"}"), 20_000,
                new ScreeningParameters(0.01, 3.0, 0.7, "AUTO"), true);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("__name__", "http_requests_total");
        labels.put("pod", "api-1");
        SeriesData series = new SeriesData("http_requests_total{pod=\"api-1\"}", labels, 1_700_000_000_000L, 15_000,
                new double[] {1.5, Double.NaN, 2.25}, SeriesData.ValueKind.COUNTER_RATE,
                List.of(new SeriesData.PastWindow(86_400_000L, new double[] {1.25, 1.5})));
        ScreenedSeries verdict = new ScreenedSeries(series.id(), labels, SeriesData.ValueKind.COUNTER_RATE,
                ScreeningStatus.TESTED, true, 0.75, 1e-12, 6.5, 1, 1_700_008_000_000L, 1_700_000_000_000L, 15_000,
                new double[] {1.5, Double.NaN, 2.25}, "LEVEL_SHIFT_UP", 0.93, false, 2e-12, List.of(Detector.KS, Detector.DISCORD), 0,
                0, 0.71, "DAILY", null, null);
        ScreenedSeries quiet = new ScreenedSeries("up{pod=\"api-2\"}", Map.of("__name__", "up"), SeriesData.ValueKind.GAUGE,
                ScreeningStatus.CONSTANT, false, Double.NaN, Double.NaN, Double.NaN, 0, -1, 1_700_000_000_000L, 15_000, null,
                null, Double.NaN, false, Double.NaN, List.of(), 0, 0, Double.NaN, "PRECEDING",
                "no earlier day with data at the test window's clock time; compared with the preceding window", null);
        return List.of(
                new Payload("AnalysisRequested", request, false),
                new Payload("FetchShard", FetchShard.of("a-1", request, 3, 7, List.of("http_requests_total"),
                        new LabelPartition("pod", List.of("", "api-1", "api-(2)")), List.of(series.id())), false),
                new Payload("FetchPlanned", new FetchPlanned("a-1", 12_000, 5, List.of("series cap reached"), null), false),
                new Payload("FetchCompleted", new FetchCompleted("a-1", 3, 2500, 20, "remote_read_chunks", List.of(), null), false),
                new Payload("StageProgress", new StageProgress("a-1", StageProgress.Stage.SCREENED, 300_007, 130), false),
                new Payload("BatchFailed", new BatchFailed("a-1", "detector", 300_007, "the detector gave up"), false),
                new Payload("SeriesBatch", new SeriesBatch("a-1", 1_700_007_200_000L, ScreeningParameters.defaults(), 300_007,
                        List.of(series)), true),
                new Payload("ScreenedBatch", new ScreenedBatch("a-1", 300_007, "pattern-cnn@7", List.of(verdict, quiet)), true));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void thePayloadIsWhatItsGoldenFileSays(Payload payload) throws IOException {
        byte[] encoded = WireCodec.encode(payload.message());
        String text = payload.binary() ? HexFormat.of().formatHex(encoded) : new String(encoded, StandardCharsets.UTF_8);
        Path golden = GOLDEN.resolve(payload.name() + (payload.binary() ? ".hex" : ".json"));
        if (Boolean.getBoolean("patternscope.golden.write")) {
            Files.writeString(golden, text + "\n");
        }
        assertEquals(Files.readString(golden).strip(), text, payload.name() + " changed on the wire: see " + golden);
        // And the golden bytes still read back as the same message.
        Object back = WireCodec.decode(encoded, payload.message().getClass());
        assertArrayEquals(encoded, WireCodec.encode(back), payload.name() + " round trip");
    }

    /** A screened batch published before the verdicts went binary (PSS1) still reads as the same batch. */
    @org.junit.jupiter.api.Test
    void aScreenedBatchOfTheEarlierFrameIsStillRead() throws IOException {
        byte[] earlier = HexFormat.of().parseHex(Files.readString(GOLDEN.resolve("ScreenedBatch.PSS1.hex")).strip());
        Payload today = payloads().stream().filter(p -> p.name().equals("ScreenedBatch")).findFirst().orElseThrow();
        assertArrayEquals(WireCodec.encode(today.message()), WireCodec.encode(WireCodec.decode(earlier, ScreenedBatch.class)));
    }
}
