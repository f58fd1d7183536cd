package io.patternscope.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The rate limiter on a clock the test moves: bursts, refill, the wait it names, keys apart. */
class TokenBucketsTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstPassesThenTheRestWaitsTheTimeOneTokenTakes() {
        TokenBuckets buckets = new TokenBuckets(60, 3); // one a second, bursts of 3
        long now = 5 * SECOND;
        for (int i = 0; i < 3; i++) {
            assertEquals(0, buckets.tryAcquire("t", now));
        }
        assertEquals(1, buckets.tryAcquire("t", now), "the fourth waits a second");
        assertEquals(0, buckets.tryAcquire("t", now + SECOND), "a second later one token is back");
        assertEquals(1, buckets.tryAcquire("t", now + SECOND));
    }

    @Test
    void refillNeverExceedsTheBurst() {
        TokenBuckets buckets = new TokenBuckets(60, 2);
        buckets.tryAcquire("t", 0);
        long later = 3600 * SECOND; // an hour idle
        assertEquals(0, buckets.tryAcquire("t", later));
        assertEquals(0, buckets.tryAcquire("t", later));
        assertEquals(1, buckets.tryAcquire("t", later), "still only the burst of 2");
    }

    @Test
    void aSlowRateNamesALongerWait() {
        TokenBuckets buckets = new TokenBuckets(6, 1); // one every 10 s
        assertEquals(0, buckets.tryAcquire("t", 0));
        assertEquals(10, buckets.tryAcquire("t", 0));
        assertEquals(5, buckets.tryAcquire("t", 5 * SECOND));
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        TokenBuckets buckets = new TokenBuckets(60, 1);
        assertEquals(0, buckets.tryAcquire("a", 0));
        assertEquals(1, buckets.tryAcquire("a", 0));
        assertEquals(0, buckets.tryAcquire("b", 0), "another token or address is not slowed by the first");
    }

    @Test
    void aRateOfNothingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBuckets(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new TokenBuckets(10, 0));
    }
}
