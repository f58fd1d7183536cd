package io.patternscope.bus.cdi;

import io.patternscope.bus.BusSettings;
import io.patternscope.bus.JetStreamBus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes one {@link JetStreamBus} per service process from {@code patternscope.nats.*} ({@link NatsConfig}). */
@ApplicationScoped
public class BusProducer {

    @Produces
    @Singleton
    JetStreamBus bus(NatsConfig config) {
        return JetStreamBus.connect(new BusSettings(config.url(), config.stream(), config.subjectPrefix(), config.maxAge(),
                config.maxBytes()));
    }

    void close(@Disposes JetStreamBus bus) {
        bus.close();
    }
}
