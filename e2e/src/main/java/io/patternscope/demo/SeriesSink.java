package io.patternscope.demo;

import java.io.IOException;
import java.util.Map;

/** Where generated series go: an OpenMetrics file for promtool, or memory for tests. */
public interface SeriesSink {

    /** Starts a metric family; {@code type} is gauge or counter. Families never interleave. */
    void family(String name, String type, String help) throws IOException;

    /** One series of the current family on the generator's grid; NaN is a gap. */
    void series(String sampleName, Map<String, String> labels, double[] values) throws IOException;

    /**
     * One series with the same grid on earlier days too: {@code pastDays[k]} holds the values
     * {@code k + 1} days before the grid. A sink that keeps only the grid takes {@code values}.
     */
    default void seriesWithPast(String sampleName, Map<String, String> labels, double[][] pastDays, double[] values)
            throws IOException {
        series(sampleName, labels, values);
    }
}
