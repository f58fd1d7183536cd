package io.patternscope.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates the demo's metrics as OpenMetrics text: Kubernetes-style pod and node metrics with a
 * daily shape and noise, real NAB series mixed in, and {@link Incident}'s story in one cluster.
 * Deterministic for given settings. Counters are written as cumulative counters (with their own
 * noise), so the fetcher's rate conversion is exercised as on real data.
 */
public final class DemoDataGenerator {

    /** What was written, for the demo's log. */
    public record Written(long series, long samples, Map<String, DemoTopology> topologies) {
    }

    private final DemoSettings settings;
    private final int points;
    private final double stepSeconds;
    private final double[] epochSeconds;

    public DemoDataGenerator(DemoSettings settings) {
        this.settings = settings;
        this.points = settings.points();
        this.stepSeconds = settings.step().toMillis() / 1000.0;
        this.epochSeconds = new double[points];
        for (int i = 0; i < points; i++) {
            epochSeconds[i] = settings.start().toEpochMilli() / 1000.0 + i * stepSeconds;
        }
    }

    public Written write(Path file) throws IOException {
        Map<String, DemoTopology> topologies = new LinkedHashMap<>();
        for (String cluster : settings.clusters()) {
            topologies.put(cluster, new DemoTopology(settings, cluster));
        }
        try (OpenMetricsWriter out = new OpenMetricsWriter(file, settings.start().toEpochMilli(), settings.step().toMillis(),
                points)) {
            generate(out, topologies);
            return new Written(out.seriesCount(), out.samples(), topologies);
        }
    }

    /** Generates every series into {@code sink}; returns the clusters' topologies. */
    public Map<String, DemoTopology> generate(SeriesSink sink) throws IOException {
        Map<String, DemoTopology> topologies = new LinkedHashMap<>();
        for (String cluster : settings.clusters()) {
            topologies.put(cluster, new DemoTopology(settings, cluster));
        }
        generate(sink, topologies);
        return topologies;
    }

    private void generate(SeriesSink out, Map<String, DemoTopology> topologies) throws IOException {
        podFamilies(out, topologies);
        nodeFamilies(out, topologies);
        dailyFamilies(out, topologies);
        nabFamilies(out);
    }

    /** A metric with a daily schedule that surges in the alert's test hour, written for the 3 days before too. */
    public static final String DAILY_RHYTHM_METRIC = "shop_sessions_active";

    // ---- a daily rhythm -------------------------------------------------------------------------

    /**
     * Active shop sessions per site: the shop opens at the same clock time every day, 50 minutes
     * before the data's end (inside the alert's test hour), and sessions triple within minutes.
     * Against the hours before it that is a level shift (PRECEDING calls it changed); against the
     * same hour on the 3 days before it is the usual morning (DAILY or AUTO does not). Nothing in
     * the incident touches it.
     */
    private void dailyFamilies(SeriesSink out, Map<String, DemoTopology> topologies) throws IOException {
        out.family(DAILY_RHYTHM_METRIC, "gauge", "Shop sessions in progress.");
        double end = epochSeconds[points - 1];
        for (String cluster : topologies.keySet()) {
            Random r = new Random(settings.seed() ^ (cluster + "daily").hashCode());
            for (String site : List.of("www", "mobile")) {
                double level = site.equals("www") ? 5000 : 2000;
                double[][] pastDays = new double[3][points];
                for (int k = 0; k < 3; k++) {
                    for (int i = 0; i < points; i++) {
                        pastDays[k][i] = sessions(level, epochSeconds[i] - end, r);
                    }
                }
                double[] values = new double[points];
                for (int i = 0; i < points; i++) {
                    values[i] = sessions(level, epochSeconds[i] - end, r);
                }
                out.seriesWithPast(DAILY_RHYTHM_METRIC, new java.util.TreeMap<>(Map.of("cluster", cluster, "site", site)),
                        pastDays, values);
            }
        }
    }

    private static double sessions(double level, double secondsFromEnd, Random r) {
        double opening = 1 / (1 + Math.exp(-(secondsFromEnd + 50 * 60) / 120));
        return Math.round(level * (0.35 + 0.65 * opening) + 10 * r.nextGaussian());
    }

    // ---- pods -----------------------------------------------------------------------------------

    private void podFamilies(SeriesSink out, Map<String, DemoTopology> topologies) throws IOException {
        out.family("container_cpu_usage_seconds", "counter", "Cumulative CPU time consumed by the container.");
        forEachPod(topologies, "cpu", (ctx, pod, r) -> out.series("container_cpu_usage_seconds_total", ctx.podLabels(pod),
                counter(r, shape(r, 0.2 + r.nextDouble() * 1.2, 0.25, 0.05), 0)));

        out.family(Incident.ROOT_CAUSE_METRIC, "gauge", "Working set memory of the container in bytes.");
        forEachPod(topologies, "mem", (ctx, pod, r) -> {
            double level = (200 + r.nextInt(1300)) * 1e6;
            double[] v = shape(r, level, 0.02, 0.01);
            if (ctx.isRootCause(pod)) {
                ramp(v, index(Incident.LEAK_STARTS), 1.5e9);
            }
            out.series(Incident.ROOT_CAUSE_METRIC, ctx.podLabels(pod), v);
        });

        out.family("kube_pod_container_status_restarts", "counter", "Container restarts.");
        forEachPod(topologies, "restarts", (ctx, pod, r) -> {
            double[] v = new double[points];
            double restarts = r.nextDouble() < 0.9 ? 0 : 1 + r.nextInt(3);
            java.util.Arrays.fill(v, restarts);
            out.series("kube_pod_container_status_restarts_total", ctx.podLabels(pod), v);
        });

        out.family("http_requests", "counter", "HTTP requests served, by status code.");
        forEachPod(topologies, "requests", (ctx, pod, r) -> {
            double[] rps = shape(r, 20 + r.nextInt(100), 0.3, 0.02);
            double[] errorRatio = new double[points];
            java.util.Arrays.fill(errorRatio, 0.001 + r.nextDouble() * 0.002);
            if (ctx.incident && DemoTopology.callsRootCause(pod.service())) {
                for (int i = index(Incident.CALLER_ERRORS_RISE); i < points; i++) {
                    errorRatio[i] = 0.04 + 0.02 * r.nextDouble();
                }
            }
            double[] ok = new double[points];
            double[] failed = new double[points];
            for (int i = 0; i < points; i++) {
                ok[i] = rps[i] * (1 - errorRatio[i]);
                failed[i] = rps[i] * errorRatio[i];
            }
            Map<String, String> labels = ctx.podLabels(pod);
            labels.put("code", "200");
            out.series("http_requests_total", labels, poissonCounter(r, ok));
            labels.put("code", "500");
            out.series("http_requests_total", labels, poissonCounter(r, failed));
        });

        out.family("traces_service_graph_request", "counter", "Requests between two services (Tempo service graphs).");
        for (Map.Entry<String, DemoTopology> t : topologies.entrySet()) {
            Random r = new Random(settings.seed() ^ (t.getKey() + "graph").hashCode());
            List<String> present = t.getValue().services();
            for (String client : present) {
                for (String server : DemoTopology.CALLEES.getOrDefault(client, List.of())) {
                    if (present.contains(server)) {
                        Map<String, String> labels = new java.util.TreeMap<>(Map.of("cluster", t.getKey(), "client", client,
                                "server", server));
                        out.series("traces_service_graph_request_total", labels,
                                poissonCounter(r, shape(r, 10 + r.nextInt(50), 0.3, 0.02)));
                    }
                }
            }
        }

        out.family("http_request_latency_seconds", "gauge", "Request latency quantiles over the last minute.");
        forEachPod(topologies, "latency", (ctx, pod, r) -> {
            double p50 = (pod.service().equals("frontend") ? 0.05 : 0.01 + r.nextDouble() * 0.05);
            double[][] byQuantile = {shape(r, p50, 0.1, 0.06), shape(r, 2.5 * p50, 0.1, 0.08), shape(r, 5 * p50, 0.1, 0.1)};
            double[] shiftFactor = {1.5, 3, 4};
            for (int q = 0; q < 3; q++) {
                if (ctx.incident && DemoTopology.callsRootCause(pod.service())) {
                    scaleFrom(byQuantile[q], index(Incident.CALLER_LATENCY_SHIFTS), shiftFactor[q]);
                }
                if (ctx.isRootCause(pod)) {
                    scaleFrom(byQuantile[q], index(Incident.CART_LATENCY_RISES), 5);
                }
                Map<String, String> labels = ctx.podLabels(pod);
                labels.put("quantile", new String[] {"0.5", "0.9", "0.99"}[q]);
                out.series("http_request_latency_seconds", labels, byQuantile[q]);
            }
        });

        out.family("jvm_gc_pause_seconds", "counter", "Time spent in GC pauses.");
        forEachPod(topologies, "gc", (ctx, pod, r) -> {
            double[] rate = shape(r, 0.01 + r.nextDouble() * 0.02, 0.1, 0.15);
            if (ctx.isRootCause(pod)) {
                scaleFrom(rate, index(Incident.GC_RISES), 8);
            }
            out.series("jvm_gc_pause_seconds_total", ctx.podLabels(pod), counter(r, rate, 0));
        });

        out.family("workqueue_depth", "gauge", "Items waiting in the worker queue.");
        forEachPod(topologies, "queue", (ctx, pod, r) -> {
            double mean = 2 + r.nextInt(8);
            double[] v = new double[points];
            for (int i = 0; i < points; i++) {
                v[i] = poisson(r, mean);
            }
            out.series("workqueue_depth", ctx.podLabels(pod), v);
        });

        out.family(Incident.STUCK_VALUE_METRIC, "gauge", "Open file descriptors.");
        forEachPod(topologies, "fds", (ctx, pod, r) -> {
            // Connections come and go around a steady pool: mean-reverting, integer.
            double[] v = new double[points];
            double mean = 80 + r.nextInt(200);
            double current = mean;
            int stuckFrom = ctx.isRootCause(pod) ? index(Incident.CART_LATENCY_RISES) : points;
            for (int i = 0; i < points; i++) {
                current += 0.05 * (mean - current) + 1.5 * r.nextGaussian();
                v[i] = i < stuckFrom ? Math.max(10, Math.round(current)) : v[stuckFrom - 1];
            }
            out.series(Incident.STUCK_VALUE_METRIC, ctx.podLabels(pod), v);
        });

        out.family(Incident.PERIOD_CHANGE_METRIC, "gauge", "Young-generation heap in use: filled by allocation, emptied by each GC.");
        forEachPod(topologies, "young", (ctx, pod, r) -> {
            double capacity = (64 + r.nextInt(192)) * 1e6;
            double periodSeconds = 300 + r.nextInt(120);
            double fastFrom = ctx.isRootCause(pod) ? epochSeconds[index(Incident.GC_RISES)] : Double.MAX_VALUE;
            double[] v = new double[points];
            double phase = r.nextDouble();
            for (int i = 0; i < points; i++) {
                double t = epochSeconds[i];
                double cycle = t < fastFrom ? t / periodSeconds + phase
                        : fastFrom / periodSeconds + phase + (t - fastFrom) / Incident.FAST_GC_PERIOD.toSeconds();
                double filled = cycle - Math.floor(cycle);
                v[i] = capacity * (0.1 + 0.8 * filled) * (1 + 0.01 * r.nextGaussian());
            }
            out.series(Incident.PERIOD_CHANGE_METRIC, ctx.podLabels(pod), v);
        });

        out.family("jvm_threads_live", "gauge", "Live JVM threads.");
        forEachPod(topologies, "threads", (ctx, pod, r) -> {
            double level = 40 + r.nextInt(40);
            double[] v = new double[points];
            for (int i = 0; i < points; i++) {
                v[i] = Math.round(level + 2 * r.nextGaussian());
            }
            out.series("jvm_threads_live", ctx.podLabels(pod), v);
        });
    }

    // ---- nodes ----------------------------------------------------------------------------------

    private void nodeFamilies(SeriesSink out, Map<String, DemoTopology> topologies) throws IOException {
        out.family("node_cpu_seconds", "counter", "Seconds the CPUs spent in each mode.");
        forEachNode(topologies, "nodecpu", (ctx, node, r) -> {
            double busy = 1 + r.nextDouble() * 4;
            Map<String, double[]> modes = new LinkedHashMap<>();
            modes.put("user", shape(r, busy * 0.7, 0.3, 0.05));
            modes.put("system", shape(r, busy * 0.25, 0.3, 0.05));
            modes.put("iowait", shape(r, 0.05 + r.nextDouble() * 0.1, 0.1, 0.2));
            double[] idle = new double[points];
            for (int i = 0; i < points; i++) {
                idle[i] = Math.max(0.1, 8 - modes.get("user")[i] - modes.get("system")[i] - modes.get("iowait")[i]);
            }
            modes.put("idle", idle);
            for (Map.Entry<String, double[]> mode : modes.entrySet()) {
                Map<String, String> labels = ctx.nodeLabels(node);
                labels.put("mode", mode.getKey());
                out.series("node_cpu_seconds_total", labels, counter(r, mode.getValue(), 1e6 * r.nextDouble()));
            }
        });

        out.family("node_memory_MemAvailable_bytes", "gauge", "Memory available for new work.");
        forEachNode(topologies, "nodemem", (ctx, node, r) -> {
            double[] v = shape(r, 16e9 + r.nextDouble() * 8e9, 0.03, 0.01);
            if (ctx.incident && node.equals(ctx.rootCausePod().node())) {
                // The leaking pod eats its node's memory: a consequence, at the same onset as the cause.
                ramp(v, index(Incident.LEAK_STARTS), -1.5e9);
            }
            out.series("node_memory_MemAvailable_bytes", ctx.nodeLabels(node), v);
        });

        out.family("node_load1", "gauge", "One-minute load average.");
        forEachNode(topologies, "load", (ctx, node, r) -> out.series("node_load1", ctx.nodeLabels(node),
                shape(r, 1 + r.nextDouble() * 3, 0.25, 0.15)));

        for (String direction : List.of("receive", "transmit")) {
            out.family("node_network_" + direction + "_bytes", "counter", "Network bytes " + direction + "d.");
            forEachNode(topologies, "net" + direction, (ctx, node, r) -> out.series("node_network_" + direction + "_bytes_total",
                    ctx.nodeLabels(node), counter(r, shape(r, 5e6 + r.nextDouble() * 4e7, 0.3, 0.08), 1e12 * r.nextDouble())));
        }

        out.family("node_disk_written_bytes", "counter", "Bytes written to disk.");
        forEachNode(topologies, "disk", (ctx, node, r) -> out.series("node_disk_written_bytes_total", ctx.nodeLabels(node),
                counter(r, shape(r, 1e6 + r.nextDouble() * 9e6, 0.2, 0.2), 1e12 * r.nextDouble())));
    }

    // ---- real NAB series ------------------------------------------------------------------------

    private void nabFamilies(SeriesSink out) throws IOException {
        List<NabSeries.Source> sources = NabSeries.load(settings.nabDir());
        if (sources.isEmpty() || settings.nabSeries() == 0) {
            return;
        }
        Map<String, Map<String, List<NabSeries.Source>>> byMetricThenCluster = new LinkedHashMap<>();
        for (String cluster : settings.clusters()) {
            Random pick = new Random(settings.seed() + cluster.hashCode());
            List<NabSeries.Source> shuffled = new ArrayList<>(sources);
            java.util.Collections.shuffle(shuffled, pick);
            for (NabSeries.Source s : shuffled.subList(0, Math.min(settings.nabSeries(), shuffled.size()))) {
                byMetricThenCluster.computeIfAbsent(s.metric(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(cluster, k -> new ArrayList<>()).add(s);
            }
        }
        for (Map.Entry<String, Map<String, List<NabSeries.Source>>> metric : new java.util.TreeMap<>(byMetricThenCluster).entrySet()) {
            out.family(metric.getKey(), "gauge", "Real series replayed from the Numenta Anomaly Benchmark.");
            for (Map.Entry<String, List<NabSeries.Source>> cluster : metric.getValue().entrySet()) {
                Random r = new Random(settings.seed() ^ (cluster.getKey() + metric.getKey()).hashCode());
                for (NabSeries.Source s : cluster.getValue()) {
                    Map<String, String> labels = new HashMap<>();
                    labels.put("cluster", cluster.getKey());
                    labels.put("job", "nab-replay");
                    labels.put("source", s.file());
                    out.series(metric.getKey(), labels, NabSeries.stretch(s, points, r));
                }
            }
        }
    }

    // ---- shapes ---------------------------------------------------------------------------------

    private double[] shape(Random r, double level, double dailyAmplitude, double noise) {
        double phase = r.nextDouble() * 2 * Math.PI;
        double[] v = new double[points];
        for (int i = 0; i < points; i++) {
            double daily = Math.sin(2 * Math.PI * epochSeconds[i] / 86_400 + phase);
            v[i] = Math.max(0, level * (1 + dailyAmplitude * daily) * (1 + noise * r.nextGaussian()));
        }
        return v;
    }

    /** Adds a linear ramp from {@code from} reaching {@code total} at the last point. */
    private void ramp(double[] v, int from, double total) {
        for (int i = from; i < points; i++) {
            v[i] += total * (i - from) / (double) (points - 1 - from);
        }
    }

    private void scaleFrom(double[] v, int from, double factor) {
        for (int i = from; i < points; i++) {
            v[i] *= factor;
        }
    }

    private double[] counter(Random r, double[] ratePerSecond, double initial) {
        double[] c = new double[points];
        double total = initial;
        for (int i = 0; i < points; i++) {
            total += Math.max(0, ratePerSecond[i] * stepSeconds);
            c[i] = total;
        }
        return c;
    }

    private double[] poissonCounter(Random r, double[] ratePerSecond) {
        double[] c = new double[points];
        double total = r.nextInt(1_000_000);
        for (int i = 0; i < points; i++) {
            total += poisson(r, ratePerSecond[i] * stepSeconds);
            c[i] = total;
        }
        return c;
    }

    private static double poisson(Random r, double mean) {
        if (mean > 30) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * r.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = r.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= r.nextDouble();
            k++;
        }
        return k;
    }

    /** Grid index {@code before} the end of the data. */
    private int index(Duration before) {
        return Math.max(0, points - 1 - (int) (before.toMillis() / settings.step().toMillis()));
    }

    // ---- iteration ------------------------------------------------------------------------------

    private final class ClusterContext {
        final String cluster;
        final DemoTopology topology;
        final boolean incident;

        ClusterContext(String cluster, DemoTopology topology) {
            this.cluster = cluster;
            this.topology = topology;
            this.incident = cluster.equals(settings.incidentCluster());
        }

        DemoTopology.Pod rootCausePod() {
            return topology.pods(Incident.ROOT_CAUSE_SERVICE).get(0);
        }

        boolean isRootCause(DemoTopology.Pod pod) {
            return incident && pod.equals(rootCausePod());
        }

        Map<String, String> podLabels(DemoTopology.Pod pod) {
            Map<String, String> labels = new HashMap<>();
            labels.put("cluster", cluster);
            labels.put("namespace", "shop");
            labels.put("service", pod.service());
            labels.put("container", pod.service());
            labels.put("pod", pod.name());
            labels.put("node", pod.node());
            labels.put("job", "kubernetes-pods");
            return labels;
        }

        Map<String, String> nodeLabels(String node) {
            Map<String, String> labels = new HashMap<>();
            labels.put("cluster", cluster);
            labels.put("instance", node);
            labels.put("job", "node-exporter");
            return labels;
        }
    }

    @FunctionalInterface
    private interface PodWriter {
        void write(ClusterContext ctx, DemoTopology.Pod pod, Random random) throws IOException;
    }

    @FunctionalInterface
    private interface NodeWriter {
        void write(ClusterContext ctx, String node, Random random) throws IOException;
    }

    private void forEachPod(Map<String, DemoTopology> topologies, String salt, PodWriter writer) throws IOException {
        for (Map.Entry<String, DemoTopology> t : topologies.entrySet()) {
            ClusterContext ctx = new ClusterContext(t.getKey(), t.getValue());
            Random r = new Random(settings.seed() ^ (t.getKey() + salt).hashCode());
            for (String service : t.getValue().services()) {
                for (DemoTopology.Pod pod : t.getValue().pods(service)) {
                    writer.write(ctx, pod, r);
                }
            }
        }
    }

    private void forEachNode(Map<String, DemoTopology> topologies, String salt, NodeWriter writer) throws IOException {
        for (Map.Entry<String, DemoTopology> t : topologies.entrySet()) {
            ClusterContext ctx = new ClusterContext(t.getKey(), t.getValue());
            Random r = new Random(settings.seed() ^ (t.getKey() + salt).hashCode());
            for (String node : t.getValue().nodes()) {
                writer.write(ctx, node, r);
            }
        }
    }
}
