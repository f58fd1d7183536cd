package io.patternscope.bus.testing;

import io.patternscope.bus.MessageBus;
import io.patternscope.bus.MessageHandler;
import io.patternscope.bus.WireCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A bus for consumers' unit tests: it keeps what is published (encoded, as on the wire, and
 * de-duplicated by message id as JetStream does) and the consumers that subscribed.
 */
public final class RecordingBus implements MessageBus {

    /** One published message: subject, id, and its bytes as they would travel. */
    public record Published(String subject, String messageId, byte[] payload) {
        public <T> T as(Class<T> type) {
            return WireCodec.decode(payload, type);
        }
    }

    /** One subscription a consumer asked for. */
    public record Subscription(String durable, String subject, Duration ackWait, int maxDeliver, int workers,
                               MessageHandler handler) {
    }

    private final List<Published> published = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private final List<Subscription> subscriptions = new ArrayList<>();

    @Override
    public synchronized boolean publish(String relativeSubject, String messageId, Object message) {
        if (!ids.add(messageId)) {
            return false;
        }
        published.add(new Published(relativeSubject, messageId, WireCodec.encode(message)));
        return true;
    }

    @Override
    public synchronized void consume(String durable, String relativeFilterSubject, Duration ackWait, int maxDeliver,
                                     int workers, MessageHandler handler) {
        subscriptions.add(new Subscription(durable, relativeFilterSubject, ackWait, maxDeliver, workers, handler));
    }

    public synchronized List<Published> published() {
        return List.copyOf(published);
    }

    public synchronized List<Published> on(String subject) {
        return published.stream().filter(p -> p.subject().equals(subject)).toList();
    }

    public synchronized List<Subscription> subscriptions() {
        return List.copyOf(subscriptions);
    }
}
