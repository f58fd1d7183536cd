package io.patternscope.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Size and timing of a generated demo data set.
 *
 * @param end        last sample time; the incident is placed relative to it
 * @param nabDir     the NAB data folder whose real series are mixed in (null: none)
 * @param nabSeries  how many NAB series each cluster gets
 */
public record DemoSettings(List<String> clusters, String incidentCluster, int services, int podsPerService, int nodes,
                           Duration span, Duration step, Instant end, long seed, Path nabDir, int nabSeries) {

    /** The demo of the README: two clusters of over 2,000 series each, 6 h at 15 s. */
    public static DemoSettings full(Instant end, Path nabDir) {
        return new DemoSettings(List.of("east", "west"), "east", 13, 12, 24, Duration.ofHours(6), Duration.ofSeconds(15),
                end, 42, nabDir, 24);
    }

    /** A few hundred series: the same story, small enough for the end-to-end test. */
    public static DemoSettings small(Instant end, Path nabDir) {
        return new DemoSettings(List.of("east", "west"), "east", 4, 3, 3, Duration.ofHours(3), Duration.ofSeconds(15),
                end, 7, nabDir, 4);
    }

    public Instant start() {
        return end.minus(span);
    }

    public int points() {
        return (int) (span.toMillis() / step.toMillis()) + 1;
    }
}
