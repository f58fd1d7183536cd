package io.patternscope.bus;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PublishOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.PublishAck;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.patternscope.core.wire.Subjects;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The services' one way to talk to each other: JetStream publishing with message ids (so a
 * redelivered or retried publish is stored once) and durable pull consumers with explicit acks
 * (so N replicas of a service bound to the same durable share its work, like a queue group).
 *
 * <p>Start-up: {@link #connect} opens the connection and creates or updates the stream
 * ({@code <prefix>.>}); {@link #consume} creates or updates a durable consumer and starts its worker
 * threads. Shut-down: {@link #close} stops the workers, then drains and closes the connection.
 */
public final class JetStreamBus implements MessageBus, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JetStreamBus.class);
    /** JetStream's de-duplication window: a message id seen within it is stored once. */
    private static final Duration DUPLICATE_WINDOW = Duration.ofMinutes(10);

    private final BusSettings settings;
    private final Connection connection;
    private final JetStream jetStream;
    private final JetStreamManagement management;
    private final List<ConsumerWorker> workers = new ArrayList<>();

    private JetStreamBus(BusSettings settings, Connection connection) throws IOException {
        this.settings = settings;
        this.connection = connection;
        this.jetStream = connection.jetStream();
        this.management = connection.jetStreamManagement();
    }

    public static JetStreamBus connect(BusSettings settings) {
        try {
            Options options = new Options.Builder()
                    .server(settings.url())
                    .connectionName("patternscope")
                    .maxReconnects(-1)
                    .connectionTimeout(Duration.ofSeconds(5))
                    .build();
            JetStreamBus bus = new JetStreamBus(settings, Nats.connect(options));
            bus.ensureStream();
            return bus;
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("cannot set up NATS JetStream at " + settings.url() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to NATS", e);
        }
    }

    /**
     * Creates the stream, or brings an existing one's limits and subjects up to the settings. Work
     * queue retention: a message leaves the stream once its one consumer acknowledges it (every
     * subject has exactly one durable consumer, shared by a service's replicas), so the stream holds
     * only work in flight. A stream made earlier with another retention keeps it (NATS cannot change
     * it in place): delete the stream to switch.
     */
    private void ensureStream() throws IOException, JetStreamApiException {
        StreamConfiguration config = StreamConfiguration.builder()
                .name(settings.stream())
                .subjects(settings.subjectPrefix() + ".>")
                .storageType(StorageType.File)
                .retentionPolicy(RetentionPolicy.WorkQueue)
                .discardPolicy(DiscardPolicy.New)
                .maxAge(settings.messageMaxAge())
                .maxBytes(settings.maxBytes())
                .duplicateWindow(settings.messageMaxAge().compareTo(DUPLICATE_WINDOW) < 0 ? settings.messageMaxAge() : DUPLICATE_WINDOW)
                .build();
        StreamInfo existing;
        try {
            existing = management.getStreamInfo(settings.stream());
        } catch (JetStreamApiException notFound) {
            management.addStream(config);
            return;
        }
        StreamConfiguration current = existing.getConfiguration();
        if (current.getRetentionPolicy() != config.getRetentionPolicy()) {
            LOG.warnf("stream %s keeps its %s retention (NATS cannot change it in place); delete the stream for work-queue "
                    + "retention", settings.stream(), current.getRetentionPolicy());
            config = StreamConfiguration.builder(config).retentionPolicy(current.getRetentionPolicy()).build();
        }
        if (!current.getSubjects().equals(config.getSubjects()) || !current.getMaxAge().equals(config.getMaxAge())
                || current.getMaxBytes() != config.getMaxBytes() || current.getDiscardPolicy() != config.getDiscardPolicy()
                || !current.getDuplicateWindow().equals(config.getDuplicateWindow())) {
            try {
                management.updateStream(config);
            } catch (IOException | JetStreamApiException e) {
                // A stream far over a lowered cap is purged slowly; the service works meanwhile.
                LOG.warnf("stream %s: the new limits are not applied yet (%s); it keeps its old ones", settings.stream(),
                        e.getMessage());
            }
        }
    }

    public BusSettings settings() {
        return settings;
    }

    public boolean isConnected() {
        return connection.getStatus() == Connection.Status.CONNECTED;
    }

    /** Largest payload the server accepts; batches must stay below it. */
    public long maxPayloadBytes() {
        return connection.getServerInfo().getMaxPayload();
    }

    /**
     * Publishes and waits for the stream's acknowledgement.
     *
     * @param relativeSubject one of {@link Subjects}
     * @param messageId       stable id of this logical message, e.g. {@code <analysis>:screened:<batch>}
     * @return false when JetStream had already stored a message with this id
     */
    public boolean publish(String relativeSubject, String messageId, byte[] payload) {
        if (payload.length > maxPayloadBytes()) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes exceeds the server's max payload of "
                    + maxPayloadBytes() + " bytes (" + relativeSubject + ")");
        }
        try {
            PublishAck ack = jetStream.publish(Subjects.qualified(settings.subjectPrefix(), relativeSubject), payload,
                    PublishOptions.builder().messageId(messageId).expectedStream(settings.stream()).build());
            return !ack.isDuplicate();
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("publish to " + relativeSubject + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean publish(String relativeSubject, String messageId, Object message) {
        return publish(relativeSubject, messageId, WireCodec.encode(message));
    }

    /**
     * The ack wait every stage uses: a message whose worker died comes back this soon; live workers
     * keep theirs with heartbeats, however long the work takes.
     */
    public static final Duration ACK_WAIT = Duration.ofSeconds(10);

    /**
     * Starts {@code workers} threads pulling from the durable consumer {@code durable} (created if
     * missing). Replicas of a service use the same durable name and so share its messages.
     *
     * @param ackWait    how long a delivery may go without a heartbeat before the server redelivers it
     *                   (the worker sends one every third of it while handling): how soon a dead
     *                   worker's message comes back
     * @param maxDeliver attempts before the server gives up on a message
     */
    @Override
    public void consume(String durable, String relativeFilterSubject, Duration ackWait, int maxDeliver, int workers,
                        MessageHandler handler) {
        String filter = Subjects.qualified(settings.subjectPrefix(), relativeFilterSubject);
        String consumerName = settings.subjectPrefix().replace('.', '_') + "_" + durable;
        ConsumerConfiguration config = ConsumerConfiguration.builder()
                .durable(consumerName)
                .filterSubject(filter)
                .ackPolicy(AckPolicy.Explicit)
                .deliverPolicy(DeliverPolicy.All)
                .ackWait(ackWait)
                .maxDeliver(maxDeliver)
                .maxAckPending(10_000)
                .build();
        try {
            management.addOrUpdateConsumer(settings.stream(), config);
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("cannot create consumer " + consumerName + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < workers; i++) {
            ConsumerWorker worker = new ConsumerWorker(jetStream, settings.stream(), consumerName, filter, ackWait, maxDeliver,
                    handler);
            this.workers.add(worker);
            worker.start(consumerName + "-" + i);
        }
        LOG.infof("consuming %s as %s with %d worker(s)", filter, consumerName, workers);
    }

    /** Removes the stream and its consumers: for test teardown, never called by the services. */
    /** The stream as the server has it: its limits and how many messages and bytes it holds now. */
    public StreamInfo streamInfo() {
        try {
            return management.getStreamInfo(settings.stream());
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("cannot read stream " + settings.stream() + ": " + e.getMessage(), e);
        }
    }

    public void deleteStream() {
        try {
            management.deleteStream(settings.stream());
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("cannot delete stream " + settings.stream() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        workers.forEach(ConsumerWorker::stop);
        workers.forEach(ConsumerWorker::join);
        try {
            connection.drain(Duration.ofSeconds(5));
        } catch (Exception e) {
            LOG.debug("drain failed, closing", e);
        }
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
