package io.patternscope.scale;

import io.patternscope.demo.OpenMetricsWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Kubernetes-like series for the scale bench: cAdvisor- and kube-state-like metric names, each
 * series labelled by namespace, pod, container and node, 3 hours at 15 s. Most series are noise
 * around their level (counters as running totals); 2 % shift their level in the last hour, so the
 * classifier has work too. One metric can be made far larger than the others ({@code largest}),
 * as per-pod histograms are. Deterministic for a seed.
 *
 * <p>The text is written one file per 2-hour block (promtool reads a file once per block it writes).
 */
final class ScaleData {

    static final String CLUSTER = "scale";
    static final long STEP_MS = 15_000;
    static final int POINTS = 721;
    private static final long BLOCK_MS = 2 * 3600_000;
    private static final String[] BASES = {
        "container_cpu_usage_seconds_total", "container_memory_working_set_bytes", "container_memory_rss",
        "container_network_receive_bytes_total", "container_network_transmit_bytes_total",
        "container_fs_reads_bytes_total", "container_fs_writes_bytes_total", "container_cpu_cfs_throttled_periods_total",
        "kube_pod_container_status_restarts_total", "http_requests_total", "http_request_duration_seconds",
        "process_open_fds", "go_goroutines", "jvm_memory_used_bytes", "queue_depth"};

    record Shape(int series, int metrics, int largest) {
        String key() {
            return series + "-" + metrics + "-" + largest;
        }
    }

    private ScaleData() {
    }

    static List<String> metricNames(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String base = BASES[i % BASES.length];
            int round = i / BASES.length;
            if (round == 0) {
                names.add(base);
            } else if (base.endsWith("_total")) {
                names.add(base.substring(0, base.length() - 6) + "_v" + round + "_total");
            } else {
                names.add(base + "_v" + round);
            }
        }
        return names;
    }

    /** Series per metric: {@code largest} in the first (if set), the rest spread evenly. */
    static int[] seriesPerMetric(Shape shape) {
        int[] counts = new int[shape.metrics()];
        int rest = shape.series();
        int from = 0;
        if (shape.largest() > 0) {
            counts[0] = Math.min(shape.largest(), shape.series());
            rest -= counts[0];
            from = 1;
        }
        int others = shape.metrics() - from;
        for (int i = from; i < shape.metrics(); i++) {
            counts[i] = rest / others + ((i - from) < rest % others ? 1 : 0);
        }
        return counts;
    }

    /** Writes the data ending at {@code endMs}; returns the files, one per 2-hour block. */
    static List<Path> write(Path dir, Shape shape, long endMs, long seed) throws IOException {
        long startMs = endMs - (POINTS - 1) * STEP_MS;
        List<long[]> ranges = new ArrayList<>(); // [first index, count]
        int index = 0;
        while (index < POINTS) {
            long block = Math.floorDiv(startMs + index * STEP_MS, BLOCK_MS);
            int first = index;
            while (index < POINTS && Math.floorDiv(startMs + index * STEP_MS, BLOCK_MS) == block) {
                index++;
            }
            ranges.add(new long[] {first, index - first});
        }
        List<Path> files = new ArrayList<>();
        List<OpenMetricsWriter> writers = new ArrayList<>();
        for (int r = 0; r < ranges.size(); r++) {
            Path file = dir.resolve("scale-" + r + ".om");
            files.add(file);
            writers.add(new OpenMetricsWriter(file, startMs + ranges.get(r)[0] * STEP_MS, STEP_MS, (int) ranges.get(r)[1]));
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<String> names = metricNames(shape.metrics());
        int[] counts = seriesPerMetric(shape);
        double[] values = new double[POINTS];
        for (int m = 0; m < names.size(); m++) {
            String name = names.get(m);
            boolean counter = name.endsWith("_total");
            String family = counter ? name.substring(0, name.length() - 6) : name;
            for (OpenMetricsWriter w : writers) {
                w.family(family, counter ? "counter" : "gauge", "scale bench series");
            }
            for (int s = 0; s < counts[m]; s++) {
                fill(values, random, counter);
                Map<String, String> labels = labels(s, random);
                for (int r = 0; r < ranges.size(); r++) {
                    int first = (int) ranges.get(r)[0];
                    writers.get(r).series(name, labels, Arrays.copyOfRange(values, first, first + (int) ranges.get(r)[1]));
                }
            }
        }
        for (OpenMetricsWriter w : writers) {
            w.close();
        }
        return files;
    }

    private static Map<String, String> labels(int s, SplittableRandom random) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("cluster", CLUSTER);
        labels.put("namespace", "team-" + (s % 40));
        labels.put("pod", "app-" + (s % 97) + "-" + Integer.toString(s * 7919 + 104_729, 36));
        labels.put("container", "c" + (s % 3));
        labels.put("node", "node-" + (s % 64));
        return labels;
    }

    private static void fill(double[] values, SplittableRandom random, boolean counter) {
        double level = Math.exp(random.nextDouble(0, 8));
        double noise = level * random.nextDouble(0.01, 0.1);
        boolean shifts = random.nextDouble() < 0.02;
        int at = (int) (POINTS * random.nextDouble(0.7, 0.95));
        double shifted = level * random.nextDouble(1.5, 3);
        double total = 0;
        for (int i = 0; i < POINTS; i++) {
            double v = Math.max(0, (shifts && i >= at ? shifted : level) + noise * random.nextGaussian());
            if (counter) {
                total += v * STEP_MS / 1000;
                values[i] = Math.rint(total);
            } else {
                values[i] = v;
            }
        }
    }
}
