package io.patternscope.fetcher.messaging;

import io.patternscope.bus.Delivery;
import io.patternscope.bus.JetStreamBus;
import io.patternscope.bus.MessageBus;
import io.patternscope.bus.LostWork;
import io.patternscope.bus.MessageHandler;
import io.patternscope.bus.WireCodec;
import io.patternscope.core.wire.AnalysisRequested;
import io.patternscope.core.wire.Subjects;
import io.patternscope.fetcher.config.FetchConfig;
import io.patternscope.fetcher.service.FetchPlanner;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Takes analysis requests from the durable consumer that all fetcher replicas share, and plans their fetch. */
@ApplicationScoped
public class AnalysisRequestConsumer implements MessageHandler {

    static final String DURABLE = "fetcher";

    private final MessageBus bus;
    private final FetchPlanner planner;
    private final FetchConfig config;

    public AnalysisRequestConsumer(MessageBus bus, FetchPlanner planner, FetchConfig config) {
        this.bus = bus;
        this.planner = planner;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        bus.consume(DURABLE, Subjects.ANALYSIS_REQUESTED, JetStreamBus.ACK_WAIT, 3, config.workers(), this);
    }

    @Override
    public void handle(Delivery delivery) {
        planner.plan(WireCodec.decode(delivery.data(), AnalysisRequested.class));
    }

    @Override
    public void onGiveUp(Delivery delivery, Exception cause) {
        LostWork.report(bus, "fetcher", delivery, cause);
    }
}
