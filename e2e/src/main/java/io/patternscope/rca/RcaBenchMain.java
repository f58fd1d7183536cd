package io.patternscope.rca;

import com.fasterxml.jackson.databind.JsonNode;
import io.patternscope.demo.AnalysisDriver;
import io.patternscope.demo.LocalStack;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ./patternscope bench rca}: the incident benchmark through the real services. Generates the
 * incidents ({@link IncidentBenchmark}), backfills them into a Prometheus (one cluster, each incident
 * in its own 5-hour slot), starts the five services, analyses every incident's window through the
 * gateway (4 hours ending just after the incident, the last hour tested, the step taken from the
 * data), and prints how often the root-cause component is among the report's likely root causes,
 * beside the robust z-score baseline computed on the same data ({@link ZScoreBaseline}).
 */
public final class RcaBenchMain {

    static final String CLUSTER = "rca";

    private RcaBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(arg(args, "--root", "."));
        Path work = Path.of(arg(args, "--work", ".patternscope/bench/rca"));
        int count = Integer.parseInt(arg(args, "--incidents", "120"));
        long seed = Long.parseLong(arg(args, "--seed", "20211025"));
        boolean teach = java.util.Arrays.asList(args).contains("--teach");
        if (count < 1 || count > 130) {
            System.err.println("bench rca: --incidents must be from 1 to 130 (130 five-hour slots fill Prometheus's 30-day retention)");
            System.exit(2);
        }
        IncidentBenchmark benchmark = new IncidentBenchmark(seed);
        long lastEnd = Instant.now().minus(Duration.ofMinutes(30)).toEpochMilli();
        List<IncidentBenchmark.Incident> incidents = benchmark.incidents(count, seed, lastEnd);
        List<List<double[]>> data = new ArrayList<>();
        for (IncidentBenchmark.Incident incident : incidents) {
            data.add(benchmark.generate(incident));
        }
        Files.createDirectories(work);
        List<Path> openMetrics = new ArrayList<>();
        long samples = 0;
        for (int i = 0; i < incidents.size(); i++) { // one file a slot: promtool reads a file once per block
            Path file = work.resolve("incident-" + incidents.get(i).number() + ".om");
            samples += write(file, benchmark, List.of(incidents.get(i)), List.of(data.get(i)));
            openMetrics.add(file);
        }
        System.out.printf("==> %d incidents, %d series, %d samples%n", count, benchmark.specs().size(), samples);

        try (LocalStack stack = new LocalStack(root, work, LocalStack.Ports.free(),
                new LocalStack.Isolation("PATTERNSCOPE_RCA", "psrca", "patternscope_test", 2500), List.of(CLUSTER), false)) {
            stack.backfill(openMetrics);
            for (Path file : openMetrics) {
                Files.delete(file);
            }
            stack.startPrometheus();
            stack.startServices();
            AnalysisDriver driver = new AnalysisDriver(stack.gateway(), stack.prometheus(), stack.createToken(CLUSTER, "rca bench"));
            // Labels of an earlier run would be taught twice (and leak across the folds of its cross-validation).
            stack.forgetTeaching(CLUSTER);
            int[] hits = new int[3];
            int[] baselineHits = new int[3];
            Map<IncidentBenchmark.Fault, int[]> byFault = new EnumMap<>(IncidentBenchmark.Fault.class);
            Map<Long, int[]> byStep = new TreeMap<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < incidents.size(); i++) {
                IncidentBenchmark.Incident incident = incidents.get(i);
                JsonNode report = report(driver, incident);
                List<String> ranked = components(report);
                if (teach) {
                    SimulatedOperator.label(driver, report, incident.root());
                }
                List<String> baseline = ZScoreBaseline.rank(benchmark, incident, data.get(i));
                int rank = ranked.indexOf(incident.root()) + 1;
                int baselineRank = baseline.indexOf(incident.root()) + 1;
                count(hits, rank);
                count(baselineHits, baselineRank);
                int[] f = byFault.computeIfAbsent(incident.fault(), k -> new int[2]);
                f[0]++;
                f[1] += rank >= 1 && rank <= 3 ? 1 : 0;
                int[] s = byStep.computeIfAbsent(incident.stepMs(), k -> new int[2]);
                s[0]++;
                s[1] += rank >= 1 && rank <= 3 ? 1 : 0;
                System.out.printf(Locale.ROOT, "  #%-3d %-17s %-15s %4ds %3d min  rank %-3s baseline %-3s top: %s%n",
                        incident.number(), incident.fault(), incident.root(), incident.stepMs() / 1000,
                        incident.durationMinutes(), rank == 0 ? "-" : Integer.toString(rank),
                        baselineRank == 0 ? "-" : Integer.toString(baselineRank),
                        String.join(",", ranked.subList(0, Math.min(3, ranked.size()))));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.println();
            byFault.forEach((fault, f) -> System.out.printf("fault %-17s top3 %d/%d%n", fault, f[1], f[0]));
            byStep.forEach((step, s) -> System.out.printf("step %4ds          top3 %d/%d%n", step / 1000, s[1], s[0]));
            int n = incidents.size();
            System.out.printf(Locale.ROOT, "rca.incidents %d%n", n);
            System.out.printf(Locale.ROOT, "rca.top1 %.3f%nrca.top3 %.3f%nrca.top5 %.3f%n", hits[0] / (double) n,
                    hits[1] / (double) n, hits[2] / (double) n);
            System.out.printf(Locale.ROOT, "rca.baseline.top1 %.3f%nrca.baseline.top3 %.3f%nrca.baseline.top5 %.3f%n",
                    baselineHits[0] / (double) n, baselineHits[1] / (double) n, baselineHits[2] / (double) n);
            System.out.printf(Locale.ROOT, "rca.seconds_per_incident %.2f%n", seconds / n);
            if (teach) {
                SimulatedOperator.printRelevance(driver, CLUSTER);
            }
        }
    }

    private static void count(int[] hits, int rank) {
        if (rank == 1) {
            hits[0]++;
        }
        if (rank >= 1 && rank <= 3) {
            hits[1]++;
        }
        if (rank >= 1 && rank <= 5) {
            hits[2]++;
        }
    }

    /** The report's likely root-cause components, best first. */
    static List<String> components(JsonNode report) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : report.path("likelyRootCauses")) {
            out.add(c.path("component").asText());
        }
        return out;
    }

    /** The incident's window analysed through the gateway: 4 hours, the last hour tested, no step (the data's own). */
    static JsonNode report(AnalysisDriver driver, IncidentBenchmark.Incident incident) throws Exception {
        String body = String.format(Locale.ROOT, "{\"cluster\":\"%s\",\"window\":{\"start\":\"%s\",\"end\":\"%s\"},"
                        + "\"testWindow\":\"PT1H\"}", CLUSTER, Instant.ofEpochMilli(incident.windowStartMs()),
                Instant.ofEpochMilli(incident.windowEndMs()));
        AnalysisDriver.Reply created = driver.post("/api/v1/analyses", body);
        if (created.status() != 202) {
            throw new IllegalStateException("the gateway refused incident " + incident.number() + ": HTTP "
                    + created.status() + " " + created.body());
        }
        return driver.awaitReport(created.body().path("id").asText(), Duration.ofMinutes(2), s -> { });
    }

    /** OpenMetrics for promtool: family by family, each series' samples of every incident in time order. */
    static long write(Path file, IncidentBenchmark benchmark, List<IncidentBenchmark.Incident> incidents,
                      List<List<double[]>> data) throws Exception {
        Map<String, List<Integer>> families = new LinkedHashMap<>();
        List<IncidentBenchmark.SeriesSpec> specs = benchmark.specs();
        for (int s = 0; s < specs.size(); s++) {
            families.computeIfAbsent(specs.get(s).family(), k -> new ArrayList<>()).add(s);
        }
        long samples = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, List<Integer>> family : families.entrySet()) {
                boolean counter = specs.get(family.getValue().get(0)).counter();
                out.write("# TYPE " + family.getKey() + (counter ? " counter\n" : " gauge\n"));
                for (int s : family.getValue()) {
                    IncidentBenchmark.SeriesSpec spec = specs.get(s);
                    Map<String, String> labels = new TreeMap<>(spec.labels());
                    labels.put("cluster", CLUSTER);
                    StringBuilder head = new StringBuilder(family.getKey()).append(counter ? "_total{" : "{");
                    labels.forEach((k, v) -> head.append(k).append("=\"").append(v).append("\","));
                    head.setLength(head.length() - 1);
                    head.append("} ");
                    for (int i = 0; i < incidents.size(); i++) {
                        IncidentBenchmark.Incident incident = incidents.get(i);
                        double[] values = data.get(i).get(s);
                        for (int t = 0; t < values.length; t++) {
                            if (!Double.isNaN(values[t])) {
                                long ms = incident.windowStartMs() + t * incident.stepMs();
                                out.write(head + Double.toString(values[t]) + " " + (ms / 1000) + "\n");
                                samples++;
                            }
                        }
                    }
                }
            }
            out.write("# EOF\n");
        }
        return samples;
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
