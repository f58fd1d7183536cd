package io.patternscope.report.messaging;

import io.patternscope.bus.Delivery;
import io.patternscope.bus.JetStreamBus;
import io.patternscope.bus.MessageBus;
import io.patternscope.bus.MessageHandler;
import io.patternscope.bus.PoisonMessageException;
import io.patternscope.bus.WireCodec;
import io.patternscope.core.wire.BatchFailed;
import io.patternscope.core.wire.FetchCompleted;
import io.patternscope.core.wire.FetchPlanned;
import io.patternscope.core.wire.ScreenedBatch;
import io.patternscope.core.wire.StageProgress;
import io.patternscope.core.wire.Subjects;
import io.patternscope.report.config.ReportConfig;
import io.patternscope.report.service.AnalysisEvents;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Everything under {@code <prefix>.events.>}: progress, fetch completion, classified batches. */
@ApplicationScoped
public class EventsConsumer implements MessageHandler {

    static final String DURABLE = "report";

    private final MessageBus bus;
    private final AnalysisEvents tracker;
    private final int workers;

    public EventsConsumer(MessageBus bus, AnalysisEvents tracker, ReportConfig config) {
        this.bus = bus;
        this.tracker = tracker;
        this.workers = config.workers();
    }

    void start(@Observes StartupEvent event) {
        bus.consume(DURABLE, Subjects.EVENTS + ".>", JetStreamBus.ACK_WAIT, 10, workers, this);
    }

    @Override
    public void handle(Delivery delivery) {
        // The bus prefixes each relative subject with its own dot-separated prefix.
        String full = delivery.subject();
        String subject = full.substring(full.indexOf('.' + Subjects.EVENTS + '.') + 1);
        switch (subject) {
            case Subjects.EVENTS_PROGRESS -> tracker.onProgress(WireCodec.decode(delivery.data(), StageProgress.class));
            case Subjects.EVENTS_FETCH_PLANNED -> tracker.onFetchPlanned(WireCodec.decode(delivery.data(), FetchPlanned.class));
            case Subjects.EVENTS_FETCH_COMPLETED -> tracker.onFetchCompleted(WireCodec.decode(delivery.data(), FetchCompleted.class));
            case Subjects.EVENTS_CLASSIFIED -> tracker.onClassified(WireCodec.decode(delivery.data(), ScreenedBatch.class));
            case Subjects.EVENTS_BATCH_FAILED -> tracker.onBatchFailed(WireCodec.decode(delivery.data(), BatchFailed.class));
            default -> throw new PoisonMessageException("unexpected subject " + delivery.subject());
        }
    }

    /** Even the report could not take an event: the analysis would wait forever, so end it as FAILED. */
    @Override
    public void onGiveUp(Delivery delivery, Exception cause) {
        String analysisId;
        try {
            analysisId = WireCodec.envelope(delivery.data()).path("analysisId").asText(null);
        } catch (java.io.IOException | RuntimeException unreadable) {
            return;
        }
        if (analysisId != null) {
            tracker.onBatchFailed(new BatchFailed(analysisId, "report", -1,
                    "report-service could not apply an event on " + delivery.subject() + ": " + cause.getMessage()));
        }
    }
}
