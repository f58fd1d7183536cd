package io.patternscope.gateway.auth;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per API token: {@code perMinute} requests a minute on average, bursts up to
 * {@code burst}. In memory, per gateway replica: with n replicas a token gets up to n × the rate,
 * which bounds abuse without a shared store.
 */
public final class TokenBuckets {

    private final double perNano;
    private final double burst;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    public TokenBuckets(int perMinute, int burst) {
        if (perMinute < 1 || burst < 1) {
            throw new IllegalArgumentException("the rate limit needs at least 1 request a minute and a burst of 1");
        }
        this.perNano = perMinute / 60e9;
        this.burst = burst;
    }

    /** 0 when the request may go ahead (and is counted); otherwise the seconds to wait. */
    public long tryAcquire(String key, long nowNanos) {
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, nowNanos));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (nowNanos - bucket.at) * perNano);
            bucket.at = nowNanos;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perNano / 1e9));
        }
    }
}
