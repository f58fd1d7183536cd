package io.patternscope.rca;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The root-cause benchmark's incidents: each a 4-hour window of CloudWatch-style metrics of the
 * {@link ShopTopology} application (latency Average/p50/p99, availability, request counts, CPU,
 * memory, queue depth) and its service-graph counters, ending just after one injected fault on one
 * component. Faults propagate the way they do in a call graph: latency and errors up to the callers,
 * traffic down to the callees, a caller sometimes suffering more than its callee (retries,
 * timeouts). Noise (heavy-tailed for p99 latencies), ties (latencies in whole
 * milliseconds, availability in hundredths of a percent, integer counts), gaps and a daily rhythm
 * are part of every series, and up to three unrelated components have a benign event of their own
 * in the test window (a deploy's restart, a cron job's CPU burst, a wobble of traffic), as real
 * incident windows do. Deterministic for a seed.
 */
final class IncidentBenchmark {

    enum Fault { CPU_HOG, MEMORY_LEAK, LATENCY_INJECTION, ERROR_INJECTION, CRASH_LOOP, NETWORK_LOSS, SLOW_DB,
        QUEUE_BACKLOG, MISCONFIGURATION, TRAFFIC_SURGE }

    static final long WINDOW_MS = 4 * 3_600_000L;
    static final long TEST_WINDOW_MS = 3_600_000L;
    /** Incidents lie this far apart in time, so their windows never overlap. */
    static final long SLOT_MS = 5 * 3_600_000L;

    private static final long[] STEPS_MS = {15_000, 60_000, 300_000};
    private static final int[] DURATIONS_MIN = {3, 5, 10, 20, 30, 60};

    /** One incident: its fault, root component, resolution, and window (the incident ends one step before its end). */
    record Incident(int number, long seed, Fault fault, String root, long stepMs, int durationMinutes, long windowStartMs,
                    long windowEndMs) {
        int points() {
            return (int) (WINDOW_MS / stepMs) + 1;
        }

        int incidentPoints() {
            return Math.max(1, (int) Math.round(durationMinutes * 60_000.0 / stepMs));
        }
    }

    /** A series of the benchmark: its family, labels, whether it is a counter, and its component (null for edges). */
    record SeriesSpec(String family, Map<String, String> labels, boolean counter, String component) {
    }

    private final ShopTopology topology = new ShopTopology();
    private final List<SeriesSpec> specs = new ArrayList<>();
    private final Map<String, double[]> base = new LinkedHashMap<>();

    IncidentBenchmark(long seed) {
        Random r = new Random(seed);
        for (ShopTopology.Component c : topology.components()) {
            // latency s, requests/s, cpu %, memory %
            base.put(c.name(), new double[] {0.02 + 0.25 * r.nextDouble(), 5 + 150 * r.nextDouble(),
                    15 + 30 * r.nextDouble(), 30 + 30 * r.nextDouble()});
            for (String stat : List.of("Average", "p50", "p99")) {
                specs.add(new SeriesSpec("latency_seconds", Map.of("service", c.name(), "stat", stat), false, c.name()));
            }
            specs.add(new SeriesSpec("availability_percent", Map.of("service", c.name()), false, c.name()));
            specs.add(new SeriesSpec("request_count", Map.of("service", c.name()), false, c.name()));
            specs.add(new SeriesSpec("cpu_utilization_percent", Map.of("service", c.name()), false, c.name()));
            specs.add(new SeriesSpec("memory_utilization_percent", Map.of("service", c.name()), false, c.name()));
            if (c.kind() == ShopTopology.Kind.QUEUE) {
                specs.add(new SeriesSpec("queue_depth", Map.of("service", c.name()), false, c.name()));
            }
        }
        for (ShopTopology.Component c : topology.components()) {
            for (String callee : topology.callees(c.name())) {
                specs.add(new SeriesSpec("traces_service_graph_request", Map.of("client", c.name(), "server", callee), true,
                        null));
            }
        }
    }

    ShopTopology topology() {
        return topology;
    }

    List<SeriesSpec> specs() {
        return specs;
    }

    /** {@code count} incidents, the last ending at {@code lastEndMs}, each fault type in turn on a component it fits. */
    List<Incident> incidents(int count, long seed, long lastEndMs) {
        Random r = new Random(seed);
        List<Incident> out = new ArrayList<>();
        Fault[] faults = Fault.values();
        for (int i = 0; i < count; i++) {
            Fault fault = faults[i % faults.length];
            List<String> fits = topology.components().stream().filter(c -> fits(fault, c.kind()))
                    .map(ShopTopology.Component::name).toList();
            String root = fits.get(r.nextInt(fits.size()));
            long step = STEPS_MS[(i / faults.length) % STEPS_MS.length];
            List<Integer> durations = new ArrayList<>();
            for (int d : DURATIONS_MIN) {
                if (d * 60_000L >= 2 * step || (step == 300_000 && d == 20)) {
                    durations.add(d);
                }
            }
            int duration = durations.get(r.nextInt(durations.size()));
            long end = lastEndMs - (long) (count - 1 - i) * SLOT_MS;
            end -= end % step; // samples on the step's own boundaries
            out.add(new Incident(i + 1, r.nextLong(), fault, root, step, duration, end - WINDOW_MS, end));
        }
        return out;
    }

    static boolean fits(Fault fault, ShopTopology.Kind kind) {
        return switch (fault) {
            case CPU_HOG -> kind == ShopTopology.Kind.SERVICE || kind == ShopTopology.Kind.DATABASE;
            case MEMORY_LEAK -> kind == ShopTopology.Kind.SERVICE || kind == ShopTopology.Kind.DATABASE
                    || kind == ShopTopology.Kind.CACHE;
            case LATENCY_INJECTION, NETWORK_LOSS -> kind != ShopTopology.Kind.EDGE;
            case ERROR_INJECTION -> kind == ShopTopology.Kind.SERVICE || kind == ShopTopology.Kind.EXTERNAL;
            case CRASH_LOOP -> kind == ShopTopology.Kind.SERVICE || kind == ShopTopology.Kind.CACHE;
            case SLOW_DB -> kind == ShopTopology.Kind.DATABASE;
            case QUEUE_BACKLOG -> kind == ShopTopology.Kind.QUEUE;
            case MISCONFIGURATION -> kind == ShopTopology.Kind.SERVICE;
            case TRAFFIC_SURGE -> kind == ShopTopology.Kind.EDGE;
        };
    }

    /** Every series of the incident's window, in {@link #specs()} order; NaN for gaps. */
    List<double[]> generate(Incident incident) {
        Random r = new Random(incident.seed());
        int n = incident.points();
        int from = n - 1 - incident.incidentPoints(); // the last point lies just after the incident
        Map<String, double[]> latencyAdd = new LinkedHashMap<>();
        Map<String, double[]> availabilityDrop = new LinkedHashMap<>();
        Map<String, double[]> traffic = new LinkedHashMap<>();
        Map<String, double[]> cpuAdd = new LinkedHashMap<>();
        Map<String, double[]> memoryAdd = new LinkedHashMap<>();
        Map<String, double[]> queueAdd = new LinkedHashMap<>();
        for (ShopTopology.Component c : topology.components()) {
            latencyAdd.put(c.name(), new double[n]);
            availabilityDrop.put(c.name(), new double[n]);
            double[] ones = new double[n];
            java.util.Arrays.fill(ones, 1);
            traffic.put(c.name(), ones);
            cpuAdd.put(c.name(), new double[n]);
            memoryAdd.put(c.name(), new double[n]);
            queueAdd.put(c.name(), new double[n]);
        }
        inject(incident, r, from, n, latencyAdd, availabilityDrop, traffic, cpuAdd, memoryAdd, queueAdd);
        propagate(incident.root(), r, from, n, latencyAdd, availabilityDrop, traffic);
        distract(incident, r, n, latencyAdd, traffic, cpuAdd, memoryAdd);

        Map<String, double[]> series = new LinkedHashMap<>();
        long step = incident.stepMs();
        double stepSeconds = step / 1000.0;
        for (ShopTopology.Component c : topology.components()) {
            double[] b = base.get(c.name());
            double[] avg = new double[n];
            double[] p50 = new double[n];
            double[] p99 = new double[n];
            double[] availability = new double[n];
            double[] requests = new double[n];
            double[] cpu = new double[n];
            double[] memory = new double[n];
            double[] queue = new double[n];
            for (int t = 0; t < n; t++) {
                // The rhythm's phase comes from the seed, not the clock: the same seed gives the same series on any day.
                double daily = 1 + 0.1 * Math.sin(2 * Math.PI * (Math.floorMod(incident.seed(), 86_400_000L) + t * step)
                        / 86_400_000.0);
                double own = b[0] * daily * (1 + 0.06 * r.nextGaussian());
                double add = latencyAdd.get(c.name())[t];
                avg[t] = millis(own + add);
                p50[t] = millis(0.8 * own * (1 + 0.04 * r.nextGaussian()) + 0.8 * add);
                // p99 of a quiet service is spiky: a few slow requests decide it
                double spike = r.nextDouble() < 0.03 ? 2 + 2 * r.nextDouble() : 1;
                p99[t] = millis(3 * own * Math.exp(0.25 * r.nextGaussian()) * spike + 2.5 * add);
                double blip = r.nextDouble() < 0.06 ? 0.01 + 0.3 * r.nextDouble() : 0;
                availability[t] = Math.max(0, Math.round((100 - blip - availabilityDrop.get(c.name())[t]) * 100) / 100.0);
                double load = traffic.get(c.name())[t];
                requests[t] = Math.max(0, Math.round(b[1] * stepSeconds * daily * load * (1 + 0.05 * r.nextGaussian())));
                cpu[t] = Math.min(100, Math.round((b[2] * daily * Math.pow(load, 0.7) * (1 + 0.05 * r.nextGaussian())
                        + cpuAdd.get(c.name())[t]) * 10) / 10.0);
                memory[t] = Math.min(100, Math.round((b[3] + 0.5 * Math.sin(t / 40.0) + 0.4 * r.nextGaussian()
                        + memoryAdd.get(c.name())[t]) * 10) / 10.0);
                queue[t] = Math.max(0, Math.round(3 + 2 * r.nextGaussian() + queueAdd.get(c.name())[t]));
            }
            series.put(key("latency_seconds", c.name(), "Average"), avg);
            series.put(key("latency_seconds", c.name(), "p50"), p50);
            series.put(key("latency_seconds", c.name(), "p99"), p99);
            series.put(key("availability_percent", c.name(), null), availability);
            series.put(key("request_count", c.name(), null), requests);
            series.put(key("cpu_utilization_percent", c.name(), null), cpu);
            series.put(key("memory_utilization_percent", c.name(), null), memory);
            series.put(key("queue_depth", c.name(), null), queue);
        }
        List<double[]> out = new ArrayList<>(specs.size());
        for (SeriesSpec spec : specs) {
            double[] values;
            if (spec.counter()) {
                String server = spec.labels().get("server");
                double[] perStep = series.get(key("request_count", server, null));
                int callers = topology.callers(server).size();
                values = new double[n];
                double total = 0;
                for (int t = 0; t < n; t++) {
                    total += Math.round(perStep[t] / Math.max(1, callers));
                    values[t] = total;
                }
            } else {
                values = series.get(key(spec.family(), spec.component(), spec.labels().get("stat"))).clone();
            }
            for (int t = 0; t < n; t++) {
                if (!spec.counter() && r.nextDouble() < 0.005) {
                    values[t] = Double.NaN; // a missed scrape or export
                }
            }
            out.add(values);
        }
        return out;
    }

    private static String key(String family, String component, String stat) {
        return family + "/" + component + "/" + stat;
    }

    private static double millis(double seconds) {
        return Math.max(0.001, Math.round(seconds * 1000) / 1000.0);
    }

    private void inject(Incident incident, Random r, int from, int n, Map<String, double[]> latencyAdd,
                        Map<String, double[]> availabilityDrop, Map<String, double[]> traffic, Map<String, double[]> cpuAdd,
                        Map<String, double[]> memoryAdd, Map<String, double[]> queueAdd) {
        String root = incident.root();
        double latency = base.get(root)[0];
        int length = n - from;
        for (int t = from; t < n; t++) {
            double progress = (t - from + 1.0) / length; // 0 → 1 over the incident, for faults that build up
            switch (incident.fault()) {
                case CPU_HOG -> {
                    cpuAdd.get(root)[t] = 30 + 25 * r.nextDouble();
                    latencyAdd.get(root)[t] = latency * (0.6 + 1.2 * r.nextDouble());
                }
                case MEMORY_LEAK -> {
                    memoryAdd.get(root)[t] = (20 + 15 * r.nextDouble()) * progress;
                    latencyAdd.get(root)[t] = latency * 0.8 * progress;
                }
                case LATENCY_INJECTION -> latencyAdd.get(root)[t] = 0.05 + 0.25 * r.nextDouble();
                case ERROR_INJECTION -> availabilityDrop.get(root)[t] = 3 + 12 * r.nextDouble();
                case CRASH_LOOP -> {
                    boolean down = (t - from) % 2 == 0;
                    availabilityDrop.get(root)[t] = down ? 20 + 40 * r.nextDouble() : 2 * r.nextDouble();
                    traffic.get(root)[t] = down ? 0.5 : 0.9;
                    memoryAdd.get(root)[t] = down ? -15 : -5;
                }
                case NETWORK_LOSS -> {
                    latencyAdd.get(root)[t] = latency * (0.5 + r.nextDouble());
                    availabilityDrop.get(root)[t] = 0.5 + 2.5 * r.nextDouble();
                }
                case SLOW_DB -> latencyAdd.get(root)[t] = latency * (2 + 4 * r.nextDouble());
                case QUEUE_BACKLOG -> {
                    queueAdd.get(root)[t] = (200 + 800 * r.nextDouble()) * progress;
                    latencyAdd.get(root)[t] = latency * (1 + 2 * progress);
                }
                case MISCONFIGURATION -> availabilityDrop.get(root)[t] = 5 + 7 * r.nextDouble();
                case TRAFFIC_SURGE -> {
                    traffic.get(root)[t] = 2 + 2 * r.nextDouble();
                    cpuAdd.get(root)[t] = 10 + 10 * r.nextDouble();
                }
            }
        }
    }

    /**
     * Benign events on 0–3 components other than the root, somewhere in the test window: a deploy
     * (memory steps, latency blips while the new pod warms up), a cron job (a CPU burst of 1–4
     * points), a wobble of traffic (a block of 30–60 % more requests).
     */
    private void distract(Incident incident, Random r, int n, Map<String, double[]> latencyAdd, Map<String, double[]> traffic,
                          Map<String, double[]> cpuAdd, Map<String, double[]> memoryAdd) {
        int testStart = (int) ((WINDOW_MS - TEST_WINDOW_MS) / incident.stepMs());
        List<String> others = topology.components().stream().map(ShopTopology.Component::name)
                .filter(c -> !c.equals(incident.root())).toList();
        int events = r.nextInt(4);
        for (int e = 0; e < events; e++) {
            String component = others.get(r.nextInt(others.size()));
            int at = testStart + r.nextInt(n - testStart);
            int length = 1 + r.nextInt(4);
            switch (r.nextInt(3)) {
                case 0 -> {
                    double step = (r.nextBoolean() ? 1 : -1) * (5 + 5 * r.nextDouble());
                    for (int t = at; t < n; t++) {
                        memoryAdd.get(component)[t] += step;
                    }
                    for (int t = at; t < Math.min(n, at + length); t++) {
                        latencyAdd.get(component)[t] += base.get(component)[0] * (0.5 + 1.5 * r.nextDouble());
                    }
                }
                case 1 -> {
                    for (int t = at; t < Math.min(n, at + length); t++) {
                        cpuAdd.get(component)[t] += 20 + 20 * r.nextDouble();
                    }
                }
                default -> {
                    double more = 1.3 + 0.3 * r.nextDouble();
                    for (int t = at; t < Math.min(n, at + 4 * length); t++) {
                        traffic.get(component)[t] *= more;
                    }
                }
            }
        }
    }

    /** Latency and errors travel up to the callers, traffic down to the callees, each hop weakened. */
    private void propagate(String root, Random r, int from, int n, Map<String, double[]> latencyAdd,
                           Map<String, double[]> availabilityDrop, Map<String, double[]> traffic) {
        List<String> frontier = List.of(root);
        java.util.Set<String> seen = new java.util.HashSet<>(frontier);
        while (!frontier.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (String callee : frontier) {
                for (String caller : topology.callers(callee)) {
                    // retries and timeouts can make a caller suffer more than its callee
                    double latencyShare = 0.5 + r.nextDouble();
                    double errorShare = 0.5 + 0.7 * r.nextDouble();
                    for (int t = from; t < n; t++) {
                        latencyAdd.get(caller)[t] += latencyShare * latencyAdd.get(callee)[t];
                        availabilityDrop.get(caller)[t] += errorShare * availabilityDrop.get(callee)[t];
                    }
                    if (seen.add(caller)) {
                        next.add(caller);
                    }
                }
            }
            frontier = next;
        }
        frontier = List.of(root);
        seen = new java.util.HashSet<>(frontier);
        while (!frontier.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (String caller : frontier) {
                for (String callee : topology.callees(caller)) {
                    double share = 0.5 + 0.4 * r.nextDouble();
                    for (int t = from; t < n; t++) {
                        double surplus = traffic.get(caller)[t] - 1;
                        traffic.get(callee)[t] = Math.max(traffic.get(callee)[t], 1 + share * surplus);
                    }
                    if (seen.add(callee)) {
                        next.add(callee);
                    }
                }
            }
            frontier = next;
        }
    }
}
