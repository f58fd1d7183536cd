package io.patternscope.fetcher.messaging;

import io.patternscope.bus.Delivery;
import io.patternscope.bus.JetStreamBus;
import io.patternscope.bus.MessageBus;
import io.patternscope.bus.MessageHandler;
import io.patternscope.bus.WireCodec;
import io.patternscope.core.wire.FetchCompleted;
import io.patternscope.core.wire.FetchShard;
import io.patternscope.core.wire.Subjects;
import io.patternscope.fetcher.config.FetchConfig;
import io.patternscope.fetcher.service.AnalysisFetcher;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/** Takes fetch shards; every fetcher replica binds to the same durable, so replicas share an analysis. */
@ApplicationScoped
public class FetchShardConsumer implements MessageHandler {

    static final String DURABLE = "fetcher-shards";

    private final MessageBus bus;
    private final AnalysisFetcher fetcher;
    private final FetchConfig config;

    public FetchShardConsumer(MessageBus bus, AnalysisFetcher fetcher, FetchConfig config) {
        this.bus = bus;
        this.fetcher = fetcher;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        // The worker heartbeats a shard in progress, so a long fetch keeps its delivery; a dead one is back in about 10 s.
        bus.consume(DURABLE, Subjects.FETCH_SHARD, JetStreamBus.ACK_WAIT, 3, config.shardWorkers(), this);
    }

    @Override
    public void handle(Delivery delivery) {
        fetcher.fetch(WireCodec.decode(delivery.data(), FetchShard.class));
    }

    /** The shard is lost: say so, so the analysis ends PARTIAL instead of waiting for it. */
    @Override
    public void onGiveUp(Delivery delivery, Exception cause) {
        FetchShard shard;
        try {
            shard = WireCodec.decode(delivery.data(), FetchShard.class);
        } catch (RuntimeException undecodable) {
            return;
        }
        bus.publish(Subjects.EVENTS_FETCH_COMPLETED, shard.analysisId() + ":fetch-completed:" + shard.shardNo(),
                new FetchCompleted(shard.analysisId(), shard.shardNo(), 0, 0, "none", List.of("shard " + shard.shardNo()
                        + " of " + shard.shardCount() + " could not be fetched: " + cause.getMessage()), null));
    }
}
