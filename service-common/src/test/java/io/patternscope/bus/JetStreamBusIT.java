package io.patternscope.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the real NATS JetStream on 127.0.0.1:4222, each test on a stream of its own. */
class JetStreamBusIT {

    private JetStreamBus first;
    private JetStreamBus second;
    private BusSettings settings;

    @BeforeEach
    void connect() {
        String unique = Long.toString(System.nanoTime(), 36);
        settings = new BusSettings("nats://127.0.0.1:4222", "PSIT_" + unique.toUpperCase(), "psit" + unique,
                Duration.ofMinutes(5), 64 * 1024);
        first = JetStreamBus.connect(settings);
        second = JetStreamBus.connect(settings);
    }

    @AfterEach
    void close() {
        first.deleteStream();
        first.close();
        second.close();
    }

    @Test
    void theStreamHoldsOnlyWorkInFlightAndRefusesWorkBeyondItsSizeCap() throws Exception {
        for (int i = 0; i < 10; i++) {
            first.publish("queue", "q-" + i, text("message " + i));
        }
        assertTrue(first.streamInfo().getStreamState().getMsgCount() == 10, "published work waits in the stream");
        CountDownLatch all = new CountDownLatch(10);
        first.consume("queue", "queue", Duration.ofSeconds(30), 3, 1, d -> all.countDown());
        assertTrue(all.await(10, java.util.concurrent.TimeUnit.SECONDS));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (first.streamInfo().getStreamState().getMsgCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(first.streamInfo().getStreamState().getMsgCount() == 0, "acknowledged work leaves the stream");

        byte[] big = new byte[20 * 1024];
        int refused = 0;
        for (int i = 0; i < 6; i++) {
            try {
                first.publish("unconsumed", "big-" + i, big);
            } catch (IllegalStateException full) {
                refused++;
                assertTrue(full.getMessage().contains("publish to unconsumed failed"), full.getMessage());
            }
        }
        assertTrue(refused >= 3, "beyond 64 KiB a publish is refused, not old work dropped: " + refused);
    }

    @Test
    void changedLimitsReachAnExistingStream() {
        BusSettings longer = new BusSettings(settings.url(), settings.stream(), settings.subjectPrefix(), Duration.ofMinutes(30),
                128 * 1024);
        try (JetStreamBus reconnected = JetStreamBus.connect(longer)) {
            assertTrue(reconnected.streamInfo().getConfiguration().getMaxAge().equals(Duration.ofMinutes(30)));
            assertTrue(reconnected.streamInfo().getConfiguration().getMaxBytes() == 128 * 1024);
        }
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aRepublishedMessageIdIsStoredOnceAndTwoReplicasShareTheWork() throws Exception {
        assertTrue(first.publish("work", "m-0", text("0")));
        assertFalse(first.publish("work", "m-0", text("0 again")), "same message id within the duplicate window");
        for (int i = 1; i < 40; i++) {
            first.publish("work", "m-" + i, text(Integer.toString(i)));
        }
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger byFirst = new AtomicInteger();
        AtomicInteger bySecond = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(40);
        MessageHandler slow = delivery -> {
            seen.add(new String(delivery.data(), StandardCharsets.UTF_8));
            Thread.sleep(20);
            all.countDown();
        };
        first.consume("worker", "work", Duration.ofSeconds(30), 3, 1, d -> {
            byFirst.incrementAndGet();
            slow.handle(d);
        });
        second.consume("worker", "work", Duration.ofSeconds(30), 3, 1, d -> {
            bySecond.incrementAndGet();
            slow.handle(d);
        });
        assertTrue(all.await(30, TimeUnit.SECONDS));
        assertEquals(40, seen.size());
        assertEquals(40, byFirst.get() + bySecond.get(), "each message handled once");
        assertTrue(byFirst.get() > 0 && bySecond.get() > 0, "both replicas took work: " + byFirst + "/" + bySecond);
    }

    @Test
    void aMessageThatAlwaysFailsIsRetriedThenGivenUpOnOnce() throws Exception {
        assertEquals(3, deliveriesUntilGivenUp("doomed", 3, new IllegalStateException("always fails")),
                "delivered exactly max-deliver times");
    }

    @Test
    void aFailureTheSameMessageWouldRepeatIsGivenUpOnAtOnce() throws Exception {
        assertEquals(1, deliveriesUntilGivenUp("bad-data", 5,
                new IllegalArgumentException("the batch holds a value no retry will change")),
                "no redelivery of a deterministic failure");
    }

    @Test
    void aDeliveryHandledLongerThanTheAckWaitIsKeptAliveNotRedelivered() throws Exception {
        first.publish("slow", "s-1", text("{\"analysisId\":\"z\",\"batchNo\":1}"));
        AtomicInteger deliveries = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        first.consume("slow", "slow", Duration.ofSeconds(1), 5, 2, d -> {
            deliveries.incrementAndGet();
            try {
                Thread.sleep(3500); // three and a half ack waits
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.countDown();
        });
        assertTrue(done.await(30, TimeUnit.SECONDS));
        Thread.sleep(2500);
        assertEquals(1, deliveries.get(), "the heartbeats kept the slow delivery from a second worker");
    }

    /** Publishes one message to {@code subject}, fails every delivery with {@code failure}; returns how many there were. */
    private int deliveriesUntilGivenUp(String subject, int maxDeliver, RuntimeException failure) throws Exception {
        first.publish(subject, subject + "-1", text("{\"analysisId\":\"x\",\"batchNo\":3}"));
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch gaveUp = new CountDownLatch(1);
        first.consume(subject, subject, Duration.ofSeconds(30), maxDeliver, 1, new MessageHandler() {
            @Override
            public void handle(Delivery delivery) {
                attempts.incrementAndGet();
                throw failure;
            }

            @Override
            public void onGiveUp(Delivery delivery, Exception cause) {
                gaveUp.countDown();
            }
        });
        assertTrue(gaveUp.await(30, TimeUnit.SECONDS));
        Thread.sleep(3000);
        return attempts.get();
    }

    @Test
    void aPayloadOverTheServersLimitIsRefusedWithASentence() {
        byte[] tooBig = new byte[(int) first.maxPayloadBytes() + 1];
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> first.publish("work", "big", tooBig));
        assertTrue(e.getMessage().contains("max payload"));
    }
}
