package io.patternscope.detector.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.bus.Delivery;
import io.patternscope.bus.PoisonMessageException;
import io.patternscope.bus.WireCodec;
import io.patternscope.bus.testing.RecordingBus;
import io.patternscope.core.wire.BatchFailed;
import io.patternscope.core.wire.ScreenedBatch;
import io.patternscope.core.wire.ScreeningParameters;
import io.patternscope.core.wire.SeriesBatch;
import io.patternscope.core.wire.SeriesData;
import io.patternscope.core.wire.StageProgress;
import io.patternscope.core.wire.Subjects;
import io.patternscope.detector.config.ScreeningConfig;
import io.patternscope.detector.config.TestScreeningConfig;
import io.patternscope.detector.service.BatchScreening;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The detector's consumer with a recording bus: what it publishes, under which ids, and what it does with bad input. */
class FetchedBatchConsumerTest {

    private static final ScreeningConfig CONFIG = new TestScreeningConfig(30, 3);

    private final RecordingBus bus = new RecordingBus();
    private final FetchedBatchConsumer consumer = new FetchedBatchConsumer(bus, new BatchScreening(CONFIG), CONFIG);

    private static SeriesBatch batch() {
        Random random = new Random(5);
        double[] shifted = new double[180];
        double[] flat = new double[180];
        for (int i = 0; i < 180; i++) {
            shifted[i] = (i >= 120 ? 50 : 10) + random.nextGaussian();
            flat[i] = 7 + random.nextGaussian();
        }
        return new SeriesBatch("a-1", 120 * 15_000L, ScreeningParameters.defaults(), 200_003, List.of(
                new SeriesData("mem{pod=\"a\"}", Map.of("__name__", "mem", "pod", "a"), 0, 15_000, shifted, SeriesData.ValueKind.GAUGE),
                new SeriesData("mem{pod=\"b\"}", Map.of("__name__", "mem", "pod", "b"), 0, 15_000, flat, SeriesData.ValueKind.GAUGE)));
    }

    @Test
    void subscribesToFetchedBatchesWithItsWorkers() {
        consumer.start(null);
        RecordingBus.Subscription subscription = bus.subscriptions().get(0);
        assertEquals(Subjects.SERIES_FETCHED, subscription.subject());
        assertEquals(3, subscription.workers());
    }

    @Test
    void aBatchBecomesOneScreenedBatchAndOneProgressEventUnderStableIds() {
        byte[] payload = WireCodec.encode(batch());
        consumer.handle(Delivery.of("ps.series.fetched", payload, 1));
        consumer.handle(Delivery.of("ps.series.fetched", payload, 2)); // a redelivery publishes the same ids

        List<RecordingBus.Published> screened = bus.on(Subjects.SERIES_SCREENED);
        assertEquals(1, screened.size(), "the redelivery is a duplicate");
        assertEquals("a-1:200003:screened", screened.get(0).messageId());
        ScreenedBatch verdicts = screened.get(0).as(ScreenedBatch.class);
        assertEquals(2, verdicts.series().size(), "every series of the batch has a verdict");
        assertTrue(verdicts.series().get(0).candidate(), "the shifted series is a candidate");
        assertEquals(180, verdicts.series().get(0).values().length, "a candidate keeps its values");
        assertEquals(null, verdicts.series().get(1).values(), "the others travel as statistics only");

        List<RecordingBus.Published> progress = bus.on(Subjects.EVENTS_PROGRESS);
        assertEquals("a-1:progress:SCREENED:200003", progress.get(0).messageId());
        StageProgress counted = progress.get(0).as(StageProgress.class);
        assertEquals(StageProgress.Stage.SCREENED, counted.stage());
        assertEquals(2, counted.series());
    }

    @Test
    void bytesThatAreNoBatchArePoisonNotARetry() {
        assertThrows(PoisonMessageException.class, () -> consumer.handle(Delivery.of("ps.series.fetched", "{not".getBytes(), 1)));
        assertThrows(PoisonMessageException.class,
                () -> consumer.handle(Delivery.of("ps.series.fetched", new byte[] {'P', 'S', 'B', '1', 0, 0, 0, 99}, 1)));
        assertTrue(bus.published().isEmpty());
    }

    @Test
    void givingUpOnABatchTellsReportServiceWhichBatchWasLost() {
        consumer.onGiveUp(Delivery.of("ps.series.fetched", WireCodec.encode(batch()), 5), new IllegalStateException("boom"));
        RecordingBus.Published failed = bus.on(Subjects.EVENTS_BATCH_FAILED).get(0);
        assertEquals("a-1:failed:detector:200003", failed.messageId());
        BatchFailed lost = failed.as(BatchFailed.class);
        assertEquals(200_003, lost.batchNo());
        assertTrue(lost.reason().contains("batch 200003") && lost.reason().contains("boom"), lost.reason());
    }
}
