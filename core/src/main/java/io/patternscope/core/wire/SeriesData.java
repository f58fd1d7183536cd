package io.patternscope.core.wire;

import java.util.Map;

/**
 * One series on a regular grid: {@code values[i]} is the value at {@code startMs + i * stepMs};
 * NaN marks a gap (no sample, or a stale marker). Counters have already been turned into
 * per-second rates by the fetcher.
 *
 * @param id     canonical series identity, {@code name{label="value",...}} with labels sorted
 * @param labels all labels including {@code __name__}
 * @param kind   what the values are: the raw gauge, or the rate of a counter
 */
public record SeriesData(String id, Map<String, String> labels, long startMs, long stepMs, double[] values, ValueKind kind) {

    public enum ValueKind { GAUGE, COUNTER_RATE }

    public String metric() {
        return labels.getOrDefault("__name__", "");
    }
}
