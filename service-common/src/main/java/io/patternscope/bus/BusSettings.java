package io.patternscope.bus;

import java.time.Duration;

/**
 * Where the bus lives: the NATS server, the JetStream stream, and the subject prefix that every
 * subject in {@link io.patternscope.core.wire.Subjects} is relative to.
 *
 * @param messageMaxAge how long the stream keeps messages (an analysis never needs them longer)
 */
public record BusSettings(String url, String stream, String subjectPrefix, Duration messageMaxAge) {

    public static BusSettings defaults() {
        return new BusSettings("nats://127.0.0.1:4222", "PATTERNSCOPE", "ps", Duration.ofHours(6));
    }
}
