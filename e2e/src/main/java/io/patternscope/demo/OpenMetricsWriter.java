package io.patternscope.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the OpenMetrics text that {@code promtool tsdb create-blocks-from openmetrics} backfills:
 * one family at a time (families must not interleave), each series' samples in time order,
 * timestamps in seconds, counters as {@code <family>_total}, and a final {@code # EOF}.
 */
public final class OpenMetricsWriter implements SeriesSink, AutoCloseable {

    private final BufferedWriter out;
    private final String[] timestamps;
    private final long startMs;
    private final long stepMs;
    private String family;
    private long samples;
    private long series;

    public OpenMetricsWriter(Path file, long startMs, long stepMs, int points) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.timestamps = new String[points];
        this.startMs = startMs;
        this.stepMs = stepMs;
        for (int i = 0; i < points; i++) {
            timestamps[i] = seconds(startMs + i * stepMs);
        }
    }

    @Override
    public void family(String name, String type, String help) throws IOException {
        family = name;
        out.write("# TYPE " + name + " " + type + "\n# HELP " + name + " " + help + "\n");
    }

    /** The earlier days first, oldest first, then the grid: a series' samples must be in time order. */
    @Override
    public void seriesWithPast(String sampleName, Map<String, String> labels, double[][] pastDays, double[] values)
            throws IOException {
        String head = head(sampleName, labels);
        for (int k = pastDays.length - 1; k >= 0; k--) {
            long shift = (k + 1) * 86_400_000L;
            for (int i = 0; i < pastDays[k].length; i++) {
                if (!Double.isNaN(pastDays[k][i])) {
                    out.append(head).append(format(pastDays[k][i])).append(' ')
                            .append(seconds(startMs + i * stepMs - shift)).append('\n');
                    samples++;
                }
            }
        }
        write(head, values);
    }

    /** One series of the current family; NaN values are left out (a gap). */
    @Override
    public void series(String sampleName, Map<String, String> labels, double[] values) throws IOException {
        write(head(sampleName, labels), values);
    }

    /** An OpenMetrics timestamp: seconds, with a fraction only when there is one. */
    private static String seconds(long ms) {
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : Double.toString(ms / 1000.0);
    }

    private static String head(String sampleName, Map<String, String> labels) {
        StringBuilder prefix = new StringBuilder(sampleName).append('{');
        boolean first = true;
        for (Map.Entry<String, String> l : new TreeMap<>(labels).entrySet()) {
            if (!first) {
                prefix.append(',');
            }
            first = false;
            prefix.append(l.getKey()).append("=\"").append(l.getValue().replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return prefix.append("} ").toString();
    }

    private void write(String head, double[] values) throws IOException {
        StringBuilder line = new StringBuilder(128);
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                continue;
            }
            line.setLength(0);
            line.append(head).append(format(v)).append(' ').append(timestamps[i]).append('\n');
            out.append(line);
            samples++;
        }
        series++;
    }

    private static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        double magnitude = Math.abs(v);
        double scale = magnitude >= 1000 ? 1 : (magnitude >= 1 ? 1e4 : 1e7);
        return Double.toString(Math.round(v * scale) / scale);
    }

    String currentFamily() {
        return family;
    }

    long samples() {
        return samples;
    }

    long seriesCount() {
        return series;
    }

    @Override
    public void close() throws IOException {
        out.write("# EOF\n");
        out.close();
    }
}
