package io.patternscope.rca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.patternscope.demo.AnalysisDriver;
import io.patternscope.demo.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Root-cause components through all five services on CloudWatch-style data: a 20-minute incident at
 * 5-minute resolution — 4 points at the end of a 4-hour window, which the KS test alone cannot see —
 * on a database deep in the call graph, whose callers' latency rose after it. The report must name
 * the database among its likely root causes, read the series at their own 5-minute spacing, lose no
 * series, and draw the service graph from the service-graph metrics.
 */
class RootCauseComponentIT {

    private static LocalStack stack;
    private static AnalysisDriver driver;
    private static final List<IncidentBenchmark.Incident> INCIDENTS = new ArrayList<>();

    @BeforeAll
    static void startEverything() throws Exception {
        Path root = Path.of(System.getProperty("patternscope.root", "..")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("ps-rca");
        IncidentBenchmark benchmark = new IncidentBenchmark(7);
        long end = Instant.now().minus(Duration.ofMinutes(30)).toEpochMilli();
        end -= end % 300_000;
        INCIDENTS.add(new IncidentBenchmark.Incident(1, 11, IncidentBenchmark.Fault.SLOW_DB, "cart-db", 300_000, 20,
                end - IncidentBenchmark.SLOT_MS - IncidentBenchmark.WINDOW_MS, end - IncidentBenchmark.SLOT_MS));
        INCIDENTS.add(new IncidentBenchmark.Incident(2, 12, IncidentBenchmark.Fault.ERROR_INJECTION, "payment-gateway",
                300_000, 20, end - IncidentBenchmark.WINDOW_MS, end));
        List<List<double[]>> data = new ArrayList<>();
        for (IncidentBenchmark.Incident incident : INCIDENTS) {
            data.add(benchmark.generate(incident));
        }
        Path om = work.resolve("incidents.om");
        RcaBenchMain.write(om, benchmark, INCIDENTS, data);
        stack = new LocalStack(root, work, LocalStack.Ports.free(),
                new LocalStack.Isolation("PATTERNSCOPE_RCA_IT", "psrcait", "patternscope_test", 2500),
                List.of(RcaBenchMain.CLUSTER), false);
        stack.backfill(om);
        stack.startPrometheus();
        stack.startServices();
        driver = new AnalysisDriver(stack.gateway(), stack.prometheus(), stack.createToken(RcaBenchMain.CLUSTER, "rca it"));
    }

    @AfterAll
    static void stopEverything() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aFourPointIncidentOnADatabaseNamesTheDatabaseAmongTheLikelyRootCauses() throws Exception {
        for (IncidentBenchmark.Incident incident : INCIDENTS) {
            JsonNode report = RcaBenchMain.report(driver, incident);
            assertEquals("COMPLETED", report.path("status").asText(), report.path("statusReason").toString());
            JsonNode summary = report.path("summary");
            assertEquals(0, summary.path("errors").asInt(), "no series lost to an error");
            assertEquals(0, summary.path("notScreened").asInt());
            assertTrue(summary.path("tested").asInt() > 150, "tested: " + summary);
            List<String> causes = RcaBenchMain.components(report);
            int rank = causes.indexOf(incident.root()) + 1;
            assertTrue(rank >= 1 && rank <= 3, incident.fault() + " on " + incident.root() + " ranked " + rank + ": "
                    + report.path("likelyRootCauses"));
            assertTrue(report.path("serviceGraph").path("edgeCount").asInt() >= 25, "graph: " + report.path("serviceGraph"));

            JsonNode rootFinding = null;
            for (JsonNode f : report.path("findings")) {
                if (incident.root().equals(f.path("component").asText()) && rootFinding == null) {
                    rootFinding = f;
                }
            }
            assertTrue(rootFinding != null, "a finding of " + incident.root());
            assertTrue(rootFinding.path("detectors").toString().contains("RECENT_EXTREME"),
                    "the 4-point burst is the recent-extremes detector's: " + rootFinding);
            long onset = Instant.parse(rootFinding.path("onset").asText()).toEpochMilli();
            long incidentStart = incident.windowEndMs() - (long) incident.incidentPoints() * incident.stepMs();
            assertTrue(Math.abs(onset - incidentStart) <= 2 * incident.stepMs(),
                    "onset " + rootFinding.path("onset") + " at the incident's start, not 20 repeated samples earlier");
        }
    }
}
