package io.patternscope.report.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.bus.Delivery;
import io.patternscope.bus.PoisonMessageException;
import io.patternscope.bus.WireCodec;
import io.patternscope.bus.testing.RecordingBus;
import io.patternscope.core.wire.BatchFailed;
import io.patternscope.core.wire.FetchCompleted;
import io.patternscope.core.wire.FetchPlanned;
import io.patternscope.core.wire.ScreenedBatch;
import io.patternscope.core.wire.StageProgress;
import io.patternscope.core.wire.Subjects;
import io.patternscope.report.service.AnalysisEvents;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** report-service's consumer: each event subject reaches its handler, bad input is poison, and giving up fails the analysis. */
class EventsConsumerTest {

    /** Records what the consumer hands on. */
    static final class RecordingEvents implements AnalysisEvents {
        final List<Object> applied = new ArrayList<>();

        @Override
        public void onProgress(StageProgress progress) {
            applied.add(progress);
        }

        @Override
        public void onFetchPlanned(FetchPlanned plan) {
            applied.add(plan);
        }

        @Override
        public void onFetchCompleted(FetchCompleted done) {
            applied.add(done);
        }

        @Override
        public void onClassified(ScreenedBatch batch) {
            applied.add(batch);
        }

        @Override
        public void onBatchFailed(BatchFailed failed) {
            applied.add(failed);
        }
    }

    private final RecordingBus bus = new RecordingBus();
    private final RecordingEvents events = new RecordingEvents();
    private final EventsConsumer consumer = new EventsConsumer(bus, events, () -> 4);

    private void deliver(String relativeSubject, Object message) {
        consumer.handle(Delivery.of("patternscope.test." + relativeSubject, WireCodec.encode(message), 1));
    }

    @Test
    void subscribesToEveryEventWithItsWorkers() {
        consumer.start(null);
        RecordingBus.Subscription subscription = bus.subscriptions().get(0);
        assertEquals(Subjects.EVENTS + ".>", subscription.subject());
        assertEquals(4, subscription.workers());
    }

    @Test
    void eachSubjectReachesItsHandlerWhateverTheBusPrefix() {
        StageProgress progress = new StageProgress("a-1", StageProgress.Stage.SCREENED, 3, 40);
        FetchPlanned planned = new FetchPlanned("a-1", 120, 2, List.of(), null);
        FetchCompleted completed = new FetchCompleted("a-1", 0, 60, 1, "remote_read_chunks", List.of(), null);
        ScreenedBatch classified = new ScreenedBatch("a-1", 3, "pattern-cnn@7", List.of());
        BatchFailed failed = new BatchFailed("a-1", "detector", 4, "screening threw");
        deliver(Subjects.EVENTS_PROGRESS, progress);
        deliver(Subjects.EVENTS_FETCH_PLANNED, planned);
        deliver(Subjects.EVENTS_FETCH_COMPLETED, completed);
        deliver(Subjects.EVENTS_CLASSIFIED, classified);
        deliver(Subjects.EVENTS_BATCH_FAILED, failed);
        assertEquals(List.of(progress, planned, completed, classified, failed), events.applied);
        assertTrue(bus.published().isEmpty(), "report-service only listens");
    }

    @Test
    void anUnknownSubjectOrUnreadableBytesArePoisonNotARetry() {
        assertThrows(PoisonMessageException.class, () -> deliver("events.unheard-of", new BatchFailed("a-1", "x", 1, "y")));
        assertThrows(PoisonMessageException.class, () -> consumer.handle(
                Delivery.of("patternscope.test." + Subjects.EVENTS_PROGRESS, "{not json".getBytes(), 1)));
        assertTrue(events.applied.isEmpty());
    }

    @Test
    void givingUpOnAnEventFailsItsAnalysisWithTheReason() {
        Delivery delivery = Delivery.of("patternscope.test." + Subjects.EVENTS_CLASSIFIED,
                WireCodec.encode(new ScreenedBatch("a-9", 2, "pattern-cnn@7", List.of())), 10);
        consumer.onGiveUp(delivery, new IllegalStateException("database unreachable"));
        BatchFailed failed = (BatchFailed) events.applied.get(0);
        assertEquals("a-9", failed.analysisId());
        assertEquals("report", failed.stage());
        assertTrue(failed.reason().contains("database unreachable"), failed.reason());
    }

    @Test
    void givingUpOnBytesWithNoAnalysisChangesNothing() {
        consumer.onGiveUp(Delivery.of("patternscope.test." + Subjects.EVENTS_PROGRESS, "garbage".getBytes(), 10),
                new IllegalStateException("unreadable"));
        assertTrue(events.applied.isEmpty());
    }
}
