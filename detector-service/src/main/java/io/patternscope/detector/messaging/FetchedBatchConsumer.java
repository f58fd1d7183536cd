package io.patternscope.detector.messaging;

import io.patternscope.bus.Delivery;
import io.patternscope.bus.JetStreamBus;
import io.patternscope.bus.MessageBus;
import io.patternscope.bus.LostWork;
import io.patternscope.bus.MessageHandler;
import io.patternscope.bus.WireCodec;
import io.patternscope.core.wire.ScreenedBatch;
import io.patternscope.core.wire.SeriesBatch;
import io.patternscope.core.wire.StageProgress;
import io.patternscope.core.wire.Subjects;
import io.patternscope.detector.config.ScreeningConfig;
import io.patternscope.detector.service.BatchScreening;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** fetched batch in → screened batch out, with the same batch number and a stable message id. */
@ApplicationScoped
public class FetchedBatchConsumer implements MessageHandler {

    static final String DURABLE = "detector";
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(FetchedBatchConsumer.class);

    private final MessageBus bus;
    private final BatchScreening screening;
    private final ScreeningConfig config;

    public FetchedBatchConsumer(MessageBus bus, BatchScreening screening, ScreeningConfig config) {
        this.bus = bus;
        this.screening = screening;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        bus.consume(DURABLE, Subjects.SERIES_FETCHED, JetStreamBus.ACK_WAIT, 5, config.workers(), this);
    }

    @Override
    public void handle(Delivery delivery) {
        SeriesBatch batch = WireCodec.decode(delivery.data(), SeriesBatch.class);
        ScreenedBatch screened = screening.screen(batch);
        bus.publish(Subjects.SERIES_SCREENED, batch.analysisId() + ":" + batch.batchNo() + ":screened", screened);
        bus.publish(Subjects.EVENTS_PROGRESS, batch.analysisId() + ":progress:SCREENED:" + batch.batchNo(),
                new StageProgress(batch.analysisId(), StageProgress.Stage.SCREENED, batch.batchNo(), batch.series().size()));
        LOG.infof("analysis %s batch %d: screened %d series, %d candidates", batch.analysisId(), batch.batchNo(),
                batch.series().size(), screened.series().stream().filter(s -> s.candidate()).count());
    }

    @Override
    public void onGiveUp(Delivery delivery, Exception cause) {
        LostWork.report(bus, "detector", delivery, cause);
    }
}
