package io.patternscope.bus;

import java.time.Duration;

/**
 * What a stage needs of the bus: publish with a message id, and consume a subject with a durable
 * consumer. {@link JetStreamBus} is the one in production; {@link io.patternscope.bus.testing.RecordingBus}
 * records what a consumer publishes, for its unit tests.
 */
public interface MessageBus {

    /** @return false when a message with this id was already stored (a duplicate) */
    boolean publish(String relativeSubject, String messageId, Object message);

    void consume(String durable, String relativeFilterSubject, Duration ackWait, int maxDeliver, int workers,
                 MessageHandler handler);
}
