package io.patternscope.core.resilience;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A circuit breaker for one backend: after {@code failureThreshold} consecutive failures it opens
 * and refuses calls for {@code openFor}; then one trial call is let through (half-open); its
 * success closes the breaker, its failure opens it again. Keeps an unreachable tenant from
 * holding every fetcher thread in retries. Thread-safe.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final long openForNanos;
    private final LongSupplier nanoClock;
    private int consecutiveFailures;
    private long openedAt;
    private State state = State.CLOSED;

    public CircuitBreaker(int failureThreshold, Duration openFor, LongSupplier nanoClock) {
        this.failureThreshold = failureThreshold;
        this.openForNanos = openFor.toNanos();
        this.nanoClock = nanoClock;
    }

    public CircuitBreaker(int failureThreshold, Duration openFor) {
        this(failureThreshold, openFor, System::nanoTime);
    }

    /** True if a call may go ahead now (moves OPEN to HALF_OPEN once the wait is over). */
    public synchronized boolean allow() {
        if (state == State.OPEN && nanoClock.getAsLong() - openedAt >= openForNanos) {
            state = State.HALF_OPEN;
            return true;
        }
        return state == State.CLOSED;
    }

    public synchronized void recordSuccess() {
        consecutiveFailures = 0;
        state = State.CLOSED;
    }

    public synchronized void recordFailure() {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAt = nanoClock.getAsLong();
        }
    }

    public synchronized State state() {
        return state;
    }

    /** How long until a trial call is allowed; zero unless open. */
    public synchronized Duration retryAfter() {
        if (state != State.OPEN) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(0, openForNanos - (nanoClock.getAsLong() - openedAt)));
    }
}
