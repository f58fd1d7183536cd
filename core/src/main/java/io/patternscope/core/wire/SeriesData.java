package io.patternscope.core.wire;

import java.util.List;
import java.util.Map;

/**
 * One series on a regular grid: {@code values[i]} is the value at {@code startMs + i * stepMs};
 * NaN marks a gap (no sample, or a stale marker). Counters have already been turned into
 * per-second rates by the fetcher.
 *
 * @param id     canonical series identity, {@code name{label="value",...}} with labels sorted
 * @param labels all labels including {@code __name__}
 * @param kind   what the values are: the raw gauge, or the rate of a counter
 * @param past   the test window at earlier periods, for a seasonal reference (empty: none fetched)
 */
public record SeriesData(String id, Map<String, String> labels, long startMs, long stepMs, double[] values, ValueKind kind,
                         List<PastWindow> past) {

    public enum ValueKind { GAUGE, COUNTER_RATE }

    /**
     * The series over the test window's clock times {@code offsetMs} earlier (a day, a week, or
     * several), on the same step.
     */
    public record PastWindow(long offsetMs, double[] values) {
    }

    public SeriesData {
        past = past == null ? List.of() : List.copyOf(past);
    }

    /** A series without past windows. */
    public SeriesData(String id, Map<String, String> labels, long startMs, long stepMs, double[] values, ValueKind kind) {
        this(id, labels, startMs, stepMs, values, kind, List.of());
    }

    public String metric() {
        return labels.getOrDefault("__name__", "");
    }

    public SeriesData withPast(List<PastWindow> windows) {
        return new SeriesData(id, labels, startMs, stepMs, values, kind, windows);
    }
}
