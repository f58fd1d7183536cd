package io.patternscope.classifier.messaging;

import io.patternscope.bus.Delivery;
import io.patternscope.bus.JetStreamBus;
import io.patternscope.bus.MessageBus;
import io.patternscope.bus.LostWork;
import io.patternscope.bus.MessageHandler;
import io.patternscope.bus.WireCodec;
import io.patternscope.classifier.config.ClassifierConfig;
import io.patternscope.classifier.service.BatchClassification;
import io.patternscope.core.wire.ScreenedBatch;
import io.patternscope.core.wire.Subjects;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** screened batch in → classified batch out to report-service, with a stable message id. */
@ApplicationScoped
public class ScreenedBatchConsumer implements MessageHandler {

    static final String DURABLE = "classifier";
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ScreenedBatchConsumer.class);

    private final MessageBus bus;
    private final BatchClassification classification;
    private final int workers;

    public ScreenedBatchConsumer(MessageBus bus, BatchClassification classification, ClassifierConfig config) {
        this.bus = bus;
        this.classification = classification;
        this.workers = config.workers();
    }

    void start(@Observes StartupEvent event) {
        bus.consume(DURABLE, Subjects.SERIES_SCREENED, JetStreamBus.ACK_WAIT, 5, workers, this);
    }

    @Override
    public void handle(Delivery delivery) {
        ScreenedBatch batch = WireCodec.decode(delivery.data(), ScreenedBatch.class);
        ScreenedBatch classified = classification.classify(batch);
        bus.publish(Subjects.EVENTS_CLASSIFIED, batch.analysisId() + ":" + batch.batchNo() + ":classified", classified);
        LOG.infof("analysis %s batch %d: classified %d candidates with %s", batch.analysisId(), batch.batchNo(),
                batch.series().stream().filter(s -> s.candidate()).count(), classified.model());
    }

    @Override
    public void onGiveUp(Delivery delivery, Exception cause) {
        LostWork.report(bus, "classifier", delivery, cause);
    }
}
