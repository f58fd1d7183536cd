package io.patternscope.fetcher.messaging;

import io.patternscope.bus.Delivery;
import io.patternscope.bus.JetStreamBus;
import io.patternscope.bus.LostWork;
import io.patternscope.bus.MessageHandler;
import io.patternscope.bus.WireCodec;
import io.patternscope.core.wire.AnalysisRequested;
import io.patternscope.core.wire.Subjects;
import io.patternscope.fetcher.config.FetchConfig;
import io.patternscope.fetcher.service.AnalysisFetcher;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;

/** Takes analysis requests from the durable consumer that all fetcher replicas share. */
@ApplicationScoped
public class AnalysisRequestConsumer implements MessageHandler {

    static final String DURABLE = "fetcher";

    private final JetStreamBus bus;
    private final AnalysisFetcher fetcher;
    private final FetchConfig config;

    public AnalysisRequestConsumer(JetStreamBus bus, AnalysisFetcher fetcher, FetchConfig config) {
        this.bus = bus;
        this.fetcher = fetcher;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        // A fetch reports progress after every metric, which restarts the 2-minute ack deadline.
        bus.consume(DURABLE, Subjects.ANALYSIS_REQUESTED, Duration.ofMinutes(2), 3, config.workers(), this);
    }

    @Override
    public void handle(Delivery delivery) {
        fetcher.fetch(WireCodec.decode(delivery.data(), AnalysisRequested.class), delivery);
    }

    @Override
    public void onGiveUp(Delivery delivery, Exception cause) {
        LostWork.report(bus, "fetcher", delivery, cause);
    }
}
