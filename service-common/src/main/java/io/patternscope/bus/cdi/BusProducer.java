package io.patternscope.bus.cdi;

import io.patternscope.bus.BusSettings;
import io.patternscope.bus.JetStreamBus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Makes one {@link JetStreamBus} per service process from {@code patternscope.nats.*} settings. */
@ApplicationScoped
public class BusProducer {

    @Produces
    @Singleton
    JetStreamBus bus(@ConfigProperty(name = "patternscope.nats.url", defaultValue = "nats://127.0.0.1:4222") String url,
                     @ConfigProperty(name = "patternscope.nats.stream", defaultValue = "PATTERNSCOPE") String stream,
                     @ConfigProperty(name = "patternscope.nats.subject-prefix", defaultValue = "ps") String prefix,
                     @ConfigProperty(name = "patternscope.nats.max-age", defaultValue = "PT1H") Duration maxAge,
                     @ConfigProperty(name = "patternscope.nats.max-bytes", defaultValue = "4294967296") long maxBytes) {
        return JetStreamBus.connect(new BusSettings(url, stream, prefix, maxAge, maxBytes));
    }

    void close(@Disposes JetStreamBus bus) {
        bus.close();
    }
}
