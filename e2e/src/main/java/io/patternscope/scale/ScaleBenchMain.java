package io.patternscope.scale;

import com.fasterxml.jackson.databind.JsonNode;
import io.patternscope.demo.AnalysisDriver;
import io.patternscope.demo.LocalStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * {@code ./patternscope bench e2e SERIES}: the caller's view of one analysis at scale, through the
 * five real services. Generates Kubernetes-like data ({@link ScaleData}) once per shape and reuses
 * it, runs the analysis of its 3-hour window (the last hour tested) through the gateway: once cold,
 * then until the services have analysed {@code --warmup-series} series (300,000: run times have
 * settled), then three times, and prints {@code name value} lines: the cold run's seconds and CPU,
 * the median seconds from POST to the ended state, series per second, CPU seconds per run
 * of each part of the stack, each service's peak RSS, and the Python approach on the same Prometheus and window when
 * Python has numpy, scipy and requests. {@code --replicas 2} adds a second fetcher, detector and
 * classifier and measures again.
 */
public final class ScaleBenchMain {

    private ScaleBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(arg(args, "--root", "."));
        int series = Integer.parseInt(args.length > 0 && !args[0].startsWith("--") ? args[0] : "10000");
        if (series < 100 || series > 200_000) {
            fail("bench e2e: SERIES must be from 100 to 200000");
        }
        int metrics = Integer.parseInt(arg(args, "--metrics", Integer.toString(Math.max(15, series / 250))));
        int largest = Integer.parseInt(arg(args, "--largest", "0"));
        int runs = Integer.parseInt(arg(args, "--runs", "3"));
        int replicas = Integer.parseInt(arg(args, "--replicas", "1"));
        int warmupSeries = Integer.parseInt(arg(args, "--warmup-series", "300000"));
        Path peer = Path.of(arg(args, "--peer", root.resolve("../shared/tools/peer_pipeline.py").toString()));
        ScaleData.Shape shape = new ScaleData.Shape(series, metrics, largest);
        Path work = Path.of(arg(args, "--work", ".patternscope/bench/e2e")).resolve(shape.key());
        Files.createDirectories(work);

        Path meta = work.resolve("data.properties");
        Properties data = new Properties();
        boolean reuse = Files.exists(meta) && Files.isDirectory(work.resolve("prometheus/data"));
        if (reuse) {
            try (var in = Files.newInputStream(meta)) {
                data.load(in);
            }
            reuse = Instant.ofEpochMilli(Long.parseLong(data.getProperty("endMs"))).isAfter(Instant.now().minus(Duration.ofDays(20)));
        }
        LocalStack stack = new LocalStack(root, work, LocalStack.Ports.free(),
                new LocalStack.Isolation("PATTERNSCOPE_BENCH_E2E", "psbenche2e", "patternscope_test", 2500), List.of(ScaleData.CLUSTER),
                false);
        try (stack) {
            if (!reuse) {
                long now = System.currentTimeMillis() - 5 * 60_000;
                long endMs = now - now % ScaleData.STEP_MS;
                long t0 = System.nanoTime();
                List<Path> files = ScaleData.write(work, shape, endMs, 20211025L);
                System.out.printf(Locale.ROOT, "==> wrote %d series in %d metric names (%.0f s); backfilling%n", series, metrics,
                        (System.nanoTime() - t0) / 1e9);
                stack.backfill(files);
                for (Path file : files) {
                    Files.delete(file);
                }
                data.setProperty("endMs", Long.toString(endMs));
                try (var out = Files.newOutputStream(meta)) {
                    data.store(out, "scale bench data");
                }
            }
            long endMs = Long.parseLong(data.getProperty("endMs"));
            long startMs = endMs - (ScaleData.POINTS - 1) * ScaleData.STEP_MS;
            stack.startPrometheus();
            stack.startServices();
            AnalysisDriver driver = new AnalysisDriver(stack.gateway(), stack.prometheus(), stack.createToken(ScaleData.CLUSTER, "scale"));
            String body = "{\"cluster\":\"" + ScaleData.CLUSTER + "\",\"window\":{\"start\":\"" + Instant.ofEpochMilli(startMs)
                    + "\",\"end\":\"" + Instant.ofEpochMilli(endMs) + "\"},\"step\":\"PT15S\",\"maxSeries\":" + (series + 1000) + "}";

            String prefix = "e2e";
            Map<String, Long> pids = new LinkedHashMap<>();
            for (String service : SERVICES) {
                pids.put(service, stack.pid(service));
            }
            // The first analysis after start pays for class loading and the JIT; it is reported apart.
            Map<String, Double> started = CpuAccount.snapshot(pids);
            double cold = run(driver, body, "cold run");
            System.out.printf(Locale.ROOT, "e2e.cold_seconds %.2f%n", cold);
            printCpu(prefix + ".cold_cpu_seconds", started, CpuAccount.snapshot(pids), 1);
            // Services run warm in production: run times settle after some 300,000 series analysed.
            int warmup = Math.max(0, (warmupSeries + series - 1) / series - 1);
            warmUp(driver, body, warmup, prefix, cold);
            Map<String, Double> before = CpuAccount.snapshot(pids);
            double seconds = measure(driver, body, series, runs, prefix);
            printCpu(prefix + ".cpu_seconds_per_run", before, CpuAccount.snapshot(pids), runs);
            report(stack, prefix);
            if (replicas > 1) {
                for (String module : List.of("fetcher-service", "detector-service", "classifier-service")) {
                    for (int r = 2; r <= replicas; r++) {
                        stack.startReplica(module, r);
                    }
                }
                String scaled = prefix + ".replicas_" + replicas;
                // The new replicas start cold: they get the same warm-up.
                warmUp(driver, body, warmup + 1, scaled, Double.NaN);
                measure(driver, body, series, runs, scaled);
            }
            if (Files.exists(peer) && pythonReady()) {
                double peerSeconds = peer(peer, stack, startMs, endMs, work);
                System.out.printf(Locale.ROOT, "peer.seconds %.2f%n", peerSeconds);
                System.out.printf(Locale.ROOT, "e2e.speedup %.2f%n", peerSeconds / seconds);
            } else {
                System.out.println("# the Python approach was not run: it needs python3 with numpy, scipy and requests, and " + peer);
            }
        }
    }

    /** {@code runs} analyses whose times are printed as comments; the last one's is a figure. */
    private static void warmUp(AnalysisDriver driver, String body, int runs, String prefix, double before) throws Exception {
        double last = before;
        for (int w = 1; w <= runs; w++) {
            last = run(driver, body, "warm-up " + w);
        }
        System.out.printf(Locale.ROOT, "%s.warmup_runs %d%n", prefix, Double.isNaN(before) ? runs : runs + 1);
        System.out.printf(Locale.ROOT, "%s.last_warmup_seconds %.2f%n", prefix, last);
    }

    private static final List<String> SERVICES = List.of("gateway", "report-service", "fetcher-service", "detector-service",
            "classifier-service");

    /** Runs the analysis {@code runs} times; prints and returns the median seconds. */
    private static double measure(AnalysisDriver driver, String body, int series, int runs, String prefix) throws Exception {
        double[] took = new double[runs];
        for (int r = 0; r < runs; r++) {
            took[r] = run(driver, body, "run " + (r + 1));
        }
        Arrays.sort(took);
        double median = took[runs / 2];
        System.out.printf(Locale.ROOT, "%s.series %d%n", prefix, series);
        System.out.printf(Locale.ROOT, "%s.seconds %.2f%n", prefix, median);
        System.out.printf(Locale.ROOT, "%s.series_per_second %.0f%n", prefix, series / median);
        return median;
    }

    /** One analysis, POST to its ended state, in seconds; exits unless it COMPLETED. */
    private static double run(AnalysisDriver driver, String body, String label) throws Exception {
        long t0 = System.nanoTime();
        AnalysisDriver.Reply created = driver.post("/api/v1/analyses", body);
        if (created.status() != 202) {
            fail("bench e2e: the analysis was refused: " + created.body());
        }
        String id = created.body().path("id").asText();
        JsonNode status = driver.awaitEnded(id, Duration.ofMinutes(10), Duration.ofMillis(100), s -> { });
        double took = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "# %s: %s in %.2f s, %s screened, %d findings%n", label,
                status.path("status").asText(), took, status.path("progress").path("screened").asText(),
                driver.get("/api/v1/analyses/" + id + "/report").body().path("findings").size());
        if (!status.path("status").asText().equals("COMPLETED")) {
            fail("bench e2e: the analysis ended " + status.path("status").asText() + ": " + status.path("statusReason").asText());
        }
        return took;
    }

    private static void printCpu(String name, Map<String, Double> before, Map<String, Double> after, int runs) {
        after.forEach((part, total) -> System.out.printf(Locale.ROOT, "%s.%s %.2f%n", name, part,
                (total - before.getOrDefault(part, 0.0)) / runs));
    }

    private static void report(LocalStack stack, String prefix) throws IOException {
        for (String service : SERVICES) {
            long kib = stack.peakRssKib(service);
            System.out.printf(Locale.ROOT, "%s.peak_rss_mib.%s %d%n", prefix, service, kib / 1024);
        }
    }

    private static boolean pythonReady() throws Exception {
        Process p = new ProcessBuilder("python3", "-c", "import numpy, scipy, requests").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }

    private static double peer(Path script, LocalStack stack, long startMs, long endMs, Path work) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", script.toString(), stack.prometheus().toString(),
                Long.toString(startMs / 1000), Long.toString(endMs / 1000), "--match", "{cluster=\"" + ScaleData.CLUSTER + "\"}",
                "--step", "15", "--test-points", Integer.toString(ScaleData.POINTS / 3)));
        Process p = new ProcessBuilder(command).redirectError(work.resolve("peer.log").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            fail("bench e2e: the Python approach failed; see " + work.resolve("peer.log"));
        }
        double total = Double.NaN;
        for (String line : out.split("\n")) {
            System.out.println("# " + line);
            if (line.startsWith("peer.total.seconds ")) {
                total = Double.parseDouble(line.substring("peer.total.seconds ".length()).strip());
            }
        }
        return total;
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static void fail(String sentence) {
        System.err.println(sentence);
        System.exit(1);
    }
}
