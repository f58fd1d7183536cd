package io.patternscope.fetcher.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.bus.Delivery;
import io.patternscope.bus.WireCodec;
import io.patternscope.bus.testing.RecordingBus;
import io.patternscope.core.wire.AnalysisRequested;
import io.patternscope.core.wire.BatchFailed;
import io.patternscope.core.wire.FetchCompleted;
import io.patternscope.core.wire.FetchShard;
import io.patternscope.core.wire.ScreeningParameters;
import io.patternscope.core.wire.Subjects;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the fetcher says when it gives up: a lost shard reports itself fetched with nothing and the
 * reason (the analysis ends PARTIAL instead of waiting for it), a lost request fails the analysis.
 */
class FetcherGiveUpTest {

    private static final AnalysisRequested REQUEST = new AnalysisRequested("a-1", "east", 0, 7_200_000, 10_800_000, 15_000,
            List.of(), List.of(), 20_000, ScreeningParameters.defaults(), false);

    private final RecordingBus bus = new RecordingBus();

    @Test
    void aLostShardReportsItselfWithTheReasonOnce() {
        FetchShardConsumer consumer = new FetchShardConsumer(bus, null, null);
        byte[] shard = WireCodec.encode(FetchShard.of("a-1", REQUEST, 3, 7, List.of("up"), null, List.of("up{pod=\"a\"}")));
        consumer.onGiveUp(Delivery.of("ps.fetch.shard", shard, 3), new IllegalStateException("cluster east unreachable"));
        consumer.onGiveUp(Delivery.of("ps.fetch.shard", shard, 4), new IllegalStateException("again"));

        List<RecordingBus.Published> completed = bus.on(Subjects.EVENTS_FETCH_COMPLETED);
        assertEquals(1, completed.size(), "one report per shard, whatever the redeliveries");
        assertEquals("a-1:fetch-completed:3", completed.get(0).messageId());
        FetchCompleted done = completed.get(0).as(FetchCompleted.class);
        assertEquals(0, done.fetched());
        assertEquals(0, done.batches());
        assertTrue(done.partialReasons().get(0).contains("shard 3 of 7 could not be fetched: cluster east unreachable"),
                done.partialReasons().toString());
    }

    @Test
    void anUnreadableShardIsDroppedWithoutAWordItCannotAddress() {
        new FetchShardConsumer(bus, null, null).onGiveUp(Delivery.of("ps.fetch.shard", "{".getBytes(), 1),
                new IllegalStateException("boom"));
        assertTrue(bus.published().isEmpty());
    }

    @Test
    void aLostRequestFailsTheWholeAnalysis() {
        new AnalysisRequestConsumer(bus, null, null).onGiveUp(
                Delivery.of("ps.analysis.requested", WireCodec.encode(REQUEST), 3), new IllegalStateException("boom"));
        BatchFailed failed = bus.on(Subjects.EVENTS_BATCH_FAILED).get(0).as(BatchFailed.class);
        assertEquals(-1, failed.batchNo(), "the whole analysis");
        assertEquals("fetcher", failed.stage());
        assertTrue(failed.reason().contains("could not process the analysis") && failed.reason().contains("boom"), failed.reason());
    }
}
