package io.patternscope.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.patternscope.demo.AnalysisDriver;
import io.patternscope.demo.DemoClock;
import io.patternscope.demo.DemoDataGenerator;
import io.patternscope.demo.DemoSettings;
import io.patternscope.demo.LocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Faults mid-analysis: each stage is killed with SIGKILL while it holds unfinished work, and started
 * again at once (what a Deployment does). The analysis must end with the undisturbed run's findings
 * and cost less than {@link #EXTRA_TIME_ALLOWED} more; then PostgreSQL restarts and health must say
 * so, and recover, within seconds.
 */
class FaultRecoveryIT {

    /** A dead consumer's messages come back after the 10-s ack wait; a restart costs a few seconds more. */
    static final Duration EXTRA_TIME_ALLOWED = Duration.ofSeconds(15);
    static final Duration HEALTH_RECOVERY_ALLOWED = Duration.ofSeconds(10);

    private static LocalStack stack;
    private static LocalStack.Ports ports;
    private static AnalysisDriver driver;
    private static String window;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() throws Exception {
        Path root = Path.of(System.getProperty("patternscope.root", ".."));
        Path nab = Path.of(System.getProperty("patternscope.nab", "../../shared/datasets/nab"));
        Path work = Files.createTempDirectory("ps-faults");
        Instant dataEnd = DemoClock.dataEnd();
        // One cluster of the full demo's size (about 2,000 series), in small shards: every stage has
        // many messages, so there is always a moment when one is delivered and not yet done.
        DemoSettings settings = new DemoSettings(List.of("east"), "east", 13, 12, 24, Duration.ofHours(3),
                Duration.ofSeconds(15), dataEnd, 42, nab, 24);
        ports = LocalStack.Ports.free();
        stack = new LocalStack(root, work, ports,
                new LocalStack.Isolation("PATTERNSCOPE_FAULTS", "psfault", "patternscope_test", 60), settings.clusters(), false);
        Path om = work.resolve("demo.om");
        new DemoDataGenerator(settings).write(om);
        stack.backfill(om);
        stack.startPrometheus();
        stack.startServices();
        driver = new AnalysisDriver(stack.gateway(), stack.prometheus(), stack.createToken("*", "faults"));
        Instant end = Instant.now().minusSeconds(30);
        window = "{\"start\":\"" + end.minus(Duration.ofHours(2)) + "\",\"end\":\"" + end + "\"}";
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /** The report, how long the caller waited for the end, and the analysis as {@code GET} showed it ended. */
    private record Run(JsonNode report, Duration took, JsonNode status) {
    }

    /** Starts an analysis, kills {@code stage} once {@code midStage} holds for its progress (if a stage is given), restarts it. */
    private static Run analyse(String stage, Predicate<JsonNode> midStage) throws Exception {
        long started = System.nanoTime();
        AnalysisDriver.Reply created = driver.post("/api/v1/analyses", "{\"cluster\":\"east\",\"window\":" + window + "}");
        assertEquals(202, created.status(), created.body().toString());
        String id = created.body().path("id").asText();
        if (stage != null) {
            JsonNode seen = awaitProgress(id, midStage, stage);
            stack.killHard(stage);
            stack.restart(stage);
            System.out.printf("killed %s at %s%n", stage, seen.path("progress"));
        }
        JsonNode status = driver.awaitEnded(id, Duration.ofMinutes(4), Duration.ofMillis(500), s -> { });
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return new Run(driver.get("/api/v1/analyses/" + id + "/report").body(), took, status);
    }

    private static JsonNode awaitProgress(String id, Predicate<JsonNode> midStage, String stage) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            status = driver.get("/api/v1/analyses/" + id).body();
            String now = status.path("status").asText();
            assertTrue(now.equals("PENDING") || now.equals("RUNNING"),
                    stage + " finished its part before it could be killed mid-work; the test data is too small: " + status);
            if (midStage.test(status.path("progress"))) {
                return status;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException(stage + " never showed unfinished work: " + status);
    }

    private static boolean between(JsonNode progress, String counter, String total) {
        long done = progress.path(counter).asLong();
        return done > 0 && done < progress.path(total).asLong();
    }

    @Test
    void everyStageKilledMidAnalysisCostsSecondsAndChangesNoFinding() throws Exception {
        analyse(null, p -> true); // warms every service up
        Run undisturbed = analyse(null, p -> true);
        assertEquals("COMPLETED", undisturbed.report().path("status").asText());
        List<String> expected = AnalysisDriver.findingsSignature(undisturbed.report());
        assertTrue(!expected.isEmpty(), "the window holds the incident");

        List<String> failures = new ArrayList<>();
        record Fault(String stage, Predicate<JsonNode> midStage) {
        }
        for (Fault fault : List.of(
                new Fault("fetcher-service", p -> between(p, "fetched", "discovered")),
                new Fault("detector-service", p -> between(p, "screened", "discovered")),
                new Fault("classifier-service", p -> p.path("classified").asLong() > 0 && between(p, "screened", "discovered")),
                new Fault("report-service", p -> between(p, "fetched", "discovered")))) {
            Run run = analyse(fault.stage(), fault.midStage());
            Duration extra = run.took().minus(undisturbed.took());
            System.out.printf("%s killed: %.1f s (undisturbed %.1f s), extra %.1f s%n", fault.stage(),
                    run.took().toMillis() / 1000.0, undisturbed.took().toMillis() / 1000.0, extra.toMillis() / 1000.0);
            if (!"COMPLETED".equals(run.report().path("status").asText())) {
                failures.add(fault.stage() + ": ended " + run.report().path("status").asText());
            } else if (!expected.equals(AnalysisDriver.findingsSignature(run.report()))) {
                failures.add(fault.stage() + ": findings differ from the undisturbed run");
            }
            if (extra.compareTo(EXTRA_TIME_ALLOWED) > 0) {
                failures.add(fault.stage() + ": cost " + extra.toSeconds() + " s more than the undisturbed run");
            }
            JsonNode progress = run.status().path("progress");
            if (progress.path("screened").asLong() < progress.path("discovered").asLong()) {
                failures.add(fault.stage() + ": ended showing screened " + progress.path("screened") + " of " + progress.path("discovered"));
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void afterAPostgresqlRestartHealthRecoversInSecondsAndAnalysesComplete() throws Exception {
        Path clusters = Path.of("/etc/postgresql");
        Assumptions.assumeTrue(Files.isDirectory(clusters) && Files.isExecutable(Path.of("/usr/bin/pg_ctlcluster")),
                "needs the machine's Debian PostgreSQL (pg_ctlcluster) to restart it");
        String version;
        try (var versions = Files.list(clusters)) {
            version = versions.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
        }
        // Use the pools first, so they hold connections the restart will break.
        assertEquals(200, driver.get("/api/v1/analyses?size=50").status());
        Process restart = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart")
                .redirectErrorStream(true).start();
        assertEquals(0, restart.waitFor(), new String(restart.getInputStream().readAllBytes()));
        long restarted = System.nanoTime();
        for (int port : new int[] {ports.gateway(), ports.report()}) {
            Duration took = awaitReady(port, Duration.ofSeconds(60));
            long sinceRestart = Duration.ofNanos(System.nanoTime() - restarted).toMillis();
            System.out.printf("port %d ready %d ms after the PostgreSQL restart%n", port, sinceRestart);
            assertTrue(sinceRestart <= HEALTH_RECOVERY_ALLOWED.toMillis(),
                    "readiness on port " + port + " came back " + sinceRestart + " ms after PostgreSQL (waited " + took + ")");
        }
        Run after = analyse(null, p -> true);
        assertEquals("COMPLETED", after.report().path("status").asText(), after.report().toString());
    }

    private static Duration awaitReady(int port, Duration timeout) throws Exception {
        long start = System.nanoTime();
        URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
        while (System.nanoTime() - start < timeout.toNanos()) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (java.io.IOException notYet) {
                // the service answers again shortly
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("port " + port + " was not ready within " + timeout);
    }
}
