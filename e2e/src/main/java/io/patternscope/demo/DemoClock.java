package io.patternscope.demo;

import java.time.Duration;
import java.time.Instant;

/**
 * Backfilled data is all a demo Prometheus has, and an alert resolves once the newest sample is
 * older than the 5-minute lookback; so the data ends 10 minutes in the future (Prometheus never
 * reads samples past "now") and the alert keeps firing while the demo runs.
 */
public final class DemoClock {

    public static final Duration AHEAD = Duration.ofMinutes(10);

    private DemoClock() {
    }

    public static Instant dataEnd() {
        long step = 15_000;
        long end = Instant.now().plus(AHEAD).toEpochMilli();
        return Instant.ofEpochMilli(end - end % step);
    }
}
