package io.patternscope.bus;

import java.time.Duration;

/**
 * Where the bus lives: the NATS server, the JetStream stream, and the subject prefix that every
 * subject in {@link io.patternscope.core.wire.Subjects} is relative to.
 *
 * @param messageMaxAge how long the stream keeps a message nobody took (an analysis never needs it
 *                      longer; a stalled one is ended by report-service's sweeper after 10 minutes)
 * @param maxBytes      the stream's size cap: beyond it a publish is refused (the stage then fails the
 *                      batch with the reason) rather than old, still needed work being dropped
 */
public record BusSettings(String url, String stream, String subjectPrefix, Duration messageMaxAge, long maxBytes) {

    public static final long DEFAULT_MAX_BYTES = 4L << 30;

    public static BusSettings defaults() {
        return new BusSettings("nats://127.0.0.1:4222", "PATTERNSCOPE", "ps", Duration.ofHours(1), DEFAULT_MAX_BYTES);
    }
}
