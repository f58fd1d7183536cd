package io.patternscope.classifier.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.bus.Delivery;
import io.patternscope.bus.WireCodec;
import io.patternscope.bus.testing.RecordingBus;
import io.patternscope.classifier.config.ClassifierConfig;
import io.patternscope.classifier.service.BatchClassification;
import io.patternscope.classifier.service.PatternModel;
import io.patternscope.core.wire.BatchFailed;
import io.patternscope.core.wire.Detector;
import io.patternscope.core.wire.ScreenedBatch;
import io.patternscope.core.wire.ScreenedSeries;
import io.patternscope.core.wire.ScreeningStatus;
import io.patternscope.core.wire.SeriesData;
import io.patternscope.core.wire.Subjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The classifier's consumer with a recording bus and a model that answers by rule. */
class ScreenedBatchConsumerTest {

    /** Names every series it is asked about LEVEL_SHIFT_UP, counting the calls; throws on a series holding 13. */
    static final class RuleModel implements PatternModel {
        final List<Integer> calls = new ArrayList<>();

        public String version() {
            return "rule@1";
        }

        public List<Classification> classify(List<double[]> series) {
            calls.add(series.size());
            List<Classification> out = new ArrayList<>();
            for (double[] values : series) {
                if (values[0] == 13) {
                    throw new IllegalStateException("the model cannot take this one");
                }
                out.add(new Classification("LEVEL_SHIFT_UP", 0.9, null, false));
            }
            return out;
        }
    }

    private static ScreenedSeries candidate(String pod, double first) {
        return new ScreenedSeries("mem{pod=\"" + pod + "\"}", Map.of("__name__", "mem", "pod", pod), SeriesData.ValueKind.GAUGE,
                ScreeningStatus.TESTED, true, 0.9, 1e-9, 9, 1, 100, 0, 15_000, new double[] {first, 2, 3, 40, 41}, "UNCLASSIFIED",
                Double.NaN, false, 1e-9, List.of(Detector.KS), 0, 0, null);
    }

    private final RuleModel model = new RuleModel();
    private final RecordingBus bus = new RecordingBus();
    private final ScreenedBatchConsumer consumer = new ScreenedBatchConsumer(bus, new BatchClassification(model),
            new ClassifierConfig() {
                public String modelDir() {
                    return "none";
                }

                public int workers() {
                    return 2;
                }
            });

    @Test
    void candidatesAreClassifiedInOneCallAndTheBatchGoesOnUnderAStableId() {
        ScreenedSeries quiet = new ScreenedSeries("up{}", Map.of("__name__", "up"), SeriesData.ValueKind.GAUGE,
                ScreeningStatus.TESTED, false, 0.1, 0.6, 0.2, 1, -1, 0, 15_000, null, null, Double.NaN, false, 0.6, List.of(), 0, 0,
                null);
        ScreenedBatch batch = new ScreenedBatch("a-1", 7, "none", List.of(candidate("a", 1), quiet, candidate("b", 1)));
        consumer.handle(Delivery.of("ps.series.screened", WireCodec.encode(batch), 1));

        assertEquals(List.of(2), model.calls, "the two candidates in one call; the quiet series is not asked about");
        RecordingBus.Published out = bus.on(Subjects.EVENTS_CLASSIFIED).get(0);
        assertEquals("a-1:7:classified", out.messageId());
        ScreenedBatch classified = out.as(ScreenedBatch.class);
        assertEquals("rule@1", classified.model());
        assertEquals(3, classified.series().size(), "every verdict goes on to the report");
        assertEquals("LEVEL_SHIFT_UP", classified.series().get(0).pattern());
        assertNull(classified.series().get(1).pattern());
    }

    @Test
    void aSeriesTheModelCannotTakeStaysUnclassifiedWithTheSentenceAndTheOthersAreClassified() {
        ScreenedBatch batch = new ScreenedBatch("a-1", 8, "none", List.of(candidate("a", 1), candidate("bad", 13)));
        consumer.handle(Delivery.of("ps.series.screened", WireCodec.encode(batch), 1));
        ScreenedBatch classified = bus.on(Subjects.EVENTS_CLASSIFIED).get(0).as(ScreenedBatch.class);
        assertEquals("LEVEL_SHIFT_UP", classified.series().get(0).pattern());
        assertEquals("UNCLASSIFIED", classified.series().get(1).pattern());
        assertTrue(classified.series().get(1).error() != null && classified.series().get(1).error().contains("cannot take"),
                String.valueOf(classified.series().get(1).error()));
    }

    @Test
    void givingUpTellsReportServiceWhichBatchWasLost() {
        ScreenedBatch batch = new ScreenedBatch("a-1", 9, "none", List.of(candidate("a", 1)));
        consumer.onGiveUp(Delivery.of("ps.series.screened", WireCodec.encode(batch), 5), new IllegalStateException("boom"));
        BatchFailed lost = bus.on(Subjects.EVENTS_BATCH_FAILED).get(0).as(BatchFailed.class);
        assertEquals(9, lost.batchNo());
        assertEquals("classifier", lost.stage());
    }
}
