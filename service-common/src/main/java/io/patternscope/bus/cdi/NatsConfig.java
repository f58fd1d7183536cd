package io.patternscope.bus.cdi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where the bus lives and how much the stream may hold ({@link io.patternscope.bus.BusSettings}). */
@ConfigMapping(prefix = "patternscope.nats")
public interface NatsConfig {

    @WithDefault("nats://127.0.0.1:4222")
    String url();

    @WithDefault("PATTERNSCOPE")
    String stream();

    @WithDefault("ps")
    String subjectPrefix();

    /** How long the stream keeps a message nobody took. */
    @WithDefault("PT1H")
    Duration maxAge();

    /** The stream's size cap in bytes: beyond it a publish is refused. */
    @WithDefault("4294967296")
    long maxBytes();
}
