package io.patternscope.core.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    @Test
    void opensAfterConsecutiveFailuresThenTriesOnceAfterTheWait() {
        AtomicLong now = new AtomicLong();
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(30), now::get);
        breaker.recordFailure();
        breaker.recordFailure();
        breaker.recordSuccess(); // resets the count
        breaker.recordFailure();
        breaker.recordFailure();
        assertTrue(breaker.allow());
        breaker.recordFailure();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.allow());
        assertEquals(Duration.ofSeconds(30), breaker.retryAfter());
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        assertTrue(breaker.allow(), "half-open: one trial");
        assertFalse(breaker.allow(), "only one trial at a time");
        breaker.recordFailure();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state(), "a failed trial opens it again");
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        assertTrue(breaker.allow());
        breaker.recordSuccess();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertTrue(breaker.allow());
    }
}
