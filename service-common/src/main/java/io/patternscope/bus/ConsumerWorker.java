package io.patternscope.bus;

import io.nats.client.JetStream;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.patternscope.core.resilience.Failures;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * One thread pulling one message at a time from a durable consumer and acking it after the handler.
 * A failure the same message would repeat ({@link Failures#isDeterministic}) gives up at once; others
 * are redelivered after a delay until the consumer's last allowed delivery. While a message is
 * handled, a heartbeat ({@code inProgress}) every third of the ack wait keeps it from redelivery.
 */
final class ConsumerWorker {

    private static final Logger LOG = Logger.getLogger(ConsumerWorker.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(2);
    /** Tells the server, for every delivery still being handled, that its worker is alive. */
    private static final ScheduledExecutorService HEARTBEATS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jetstream-heartbeats");
        t.setDaemon(true);
        return t;
    });

    private final JetStream jetStream;
    private final String stream;
    private final String consumer;
    private final String filter;
    private final MessageHandler handler;
    private final int maxDeliver;
    private final Duration heartbeat;
    private volatile boolean running = true;
    private Thread thread;

    ConsumerWorker(JetStream jetStream, String stream, String consumer, String filter, Duration ackWait, int maxDeliver,
                   MessageHandler handler) {
        this.maxDeliver = maxDeliver;
        this.heartbeat = Duration.ofMillis(Math.max(500, ackWait.toMillis() / 3));
        this.jetStream = jetStream;
        this.stream = stream;
        this.consumer = consumer;
        this.filter = filter;
        this.handler = handler;
    }

    void start(String name) {
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
    }

    void join() {
        try {
            if (thread != null) {
                thread.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        JetStreamSubscription subscription = null;
        while (running) {
            try {
                if (subscription == null) {
                    subscription = jetStream.subscribe(filter, PullSubscribeOptions.bind(stream, consumer));
                }
                List<Message> messages = subscription.fetch(1, POLL);
                for (Message message : messages) {
                    handle(message);
                }
            } catch (IllegalStateException closing) {
                if (running) {
                    LOG.warnf("consumer %s: %s; re-subscribing", consumer, closing.getMessage());
                    subscription = null;
                    sleep(RETRY_DELAY);
                }
            } catch (Exception e) {
                if (running) {
                    LOG.warnf("consumer %s: %s; re-subscribing", consumer, e.getMessage());
                    subscription = null;
                    sleep(RETRY_DELAY);
                }
            }
        }
    }

    private void handle(Message message) {
        // While the handler works, the delivery is kept alive at a third of the ack wait: a short ack
        // wait then brings a dead worker's message back in seconds, and never takes a slow one away.
        ScheduledFuture<?> alive = HEARTBEATS.scheduleAtFixedRate(() -> {
            try {
                message.inProgress();
            } catch (RuntimeException e) {
                LOG.debugf("consumer %s: heartbeat failed: %s", consumer, e.getMessage());
            }
        }, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        try {
            handleAlive(message);
        } finally {
            alive.cancel(false);
        }
    }

    private void handleAlive(Message message) {
        try {
            handler.handle(new Delivery(message));
            message.ack();
        } catch (PoisonMessageException poison) {
            LOG.errorf("consumer %s: dropping a message on %s: %s", consumer, message.getSubject(), poison.getMessage());
            giveUp(message, poison);
        } catch (Exception e) {
            long delivered = message.metaData().deliveredCount();
            if (Failures.isDeterministic(e)) {
                LOG.errorf(e, "consumer %s: delivery %d on %s failed in a way a retry would repeat; giving up", consumer,
                        delivered, message.getSubject());
                giveUp(message, e);
            } else if (delivered >= maxDeliver) {
                LOG.errorf(e, "consumer %s: delivery %d on %s failed, the last one allowed", consumer, delivered,
                        message.getSubject());
                giveUp(message, e);
            } else {
                LOG.warnf("consumer %s: delivery %d on %s failed; will be redelivered: %s", consumer, delivered,
                        message.getSubject(), e);
                message.nakWithDelay(RETRY_DELAY);
            }
        }
    }

    private void giveUp(Message message, Exception cause) {
        try {
            handler.onGiveUp(new Delivery(message), cause);
        } catch (RuntimeException e) {
            LOG.errorf(e, "consumer %s: could not report a lost message on %s", consumer, message.getSubject());
        } finally {
            message.term();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
