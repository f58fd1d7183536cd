package io.patternscope.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackendRetriesTest {

    static final class Failure extends Exception {
        final boolean retryable;

        Failure(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }
    }

    private static <T> T retry(int attempts, BackendRequests.Attempt<T, Failure> attempt) throws Failure {
        return BackendRequests.withRetries(attempts, 1, Failure.class, f -> f.retryable, attempt);
    }

    @Test
    void aRetryableFailureIsTriedAgainUntilItSucceeds() throws Failure {
        AtomicInteger tries = new AtomicInteger();
        String answer = retry(3, () -> {
            if (tries.incrementAndGet() < 3) {
                throw new Failure("503", true);
            }
            return "ok";
        });
        assertEquals("ok", answer);
        assertEquals(3, tries.get());
    }

    @Test
    void afterTheLastAttemptTheLastFailureIsThrown() {
        AtomicInteger tries = new AtomicInteger();
        Failure thrown = assertThrows(Failure.class, () -> retry(3, () -> {
            throw new Failure("503 #" + tries.incrementAndGet(), true);
        }));
        assertEquals("503 #3", thrown.getMessage());
    }

    @Test
    void aFailureThatARetryWouldRepeatIsThrownAtOnce() {
        AtomicInteger tries = new AtomicInteger();
        assertThrows(Failure.class, () -> retry(5, () -> {
            tries.incrementAndGet();
            throw new Failure("400 bad selector", false);
        }));
        assertEquals(1, tries.get());
    }

    @Test
    void aBugIsNotRetried() {
        AtomicInteger tries = new AtomicInteger();
        IllegalStateException bug = new IllegalStateException("bug");
        assertSame(bug, assertThrows(IllegalStateException.class, () -> retry(5, () -> {
            tries.incrementAndGet();
            throw bug;
        })));
        assertEquals(1, tries.get());
    }
}
