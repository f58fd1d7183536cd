package io.patternscope.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.patternscope.demo.AnalysisDriver;
import io.patternscope.demo.DemoClock;
import io.patternscope.demo.DemoDataGenerator;
import io.patternscope.demo.DemoSettings;
import io.patternscope.demo.Incident;
import io.patternscope.demo.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline as an operator meets it: Prometheus with backfilled data and a firing alert,
 * the five packaged services as separate JVMs on NATS JetStream and PostgreSQL, one analysis
 * through the gateway — and the injected root cause in the top 3 of the report.
 */
class EndToEndIT {

    private static LocalStack stack;
    private static AnalysisDriver driver;
    private static DemoDataGenerator.Written written;
    private static String token;
    private static Path root;
    private static LocalStack.Ports ports;

    @BeforeAll
    static void startEverything() throws Exception {
        root = Path.of(System.getProperty("patternscope.root", "..")).toAbsolutePath().normalize();
        Path nab = Path.of(System.getProperty("patternscope.nab", "../../shared/datasets/nab"));
        Path work = Files.createTempDirectory("ps-e2e");
        DemoSettings settings = DemoSettings.small(DemoClock.dataEnd(), nab);
        ports = LocalStack.Ports.free();
        stack = new LocalStack(root, work, ports,
                new LocalStack.Isolation("PATTERNSCOPE_E2E", "pse2e", "patternscope_test", 40), settings.clusters(), false);
        Path om = work.resolve("demo.om");
        written = new DemoDataGenerator(settings).write(om);
        stack.backfill(om);
        stack.startPrometheus();
        stack.startServices();
        stack.startReplica("fetcher-service", 2);
        token = stack.createToken("*", "e2e");
        driver = new AnalysisDriver(stack.gateway(), stack.prometheus(), token);
    }

    @AfterAll
    static void stopEverything() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theInternalServicesAnswerOnlyCallersWithTheServiceCredential() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String call : new String[] {ports.report() + "/api/v1/analyses", ports.classifier() + "/api/v1/patterns/classify",
                                         ports.report() + "/api/v1/no-such-path"}) {
            java.net.http.HttpResponse<String> direct = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + call)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(401, direct.statusCode(), call + ": " + direct.body());
            assertTrue(direct.body().contains("through the gateway"), direct.body());
        }
        // The gateway shows the credential: the same list through it answers.
        assertEquals(200, driver.get("/api/v1/analyses").status());
    }

    @Test
    void theInjectedRootCauseIsInTheTop3OfTheAlertsReport() throws Exception {
        JsonNode alert = driver.awaitFiringAlert(Incident.ALERT_NAME, "east", Duration.ofSeconds(90));
        JsonNode listed = driver.get("/api/v1/alerts").body();
        for (JsonNode error : listed.path("errors")) {
            assertEquals("unreachable", error.path("cluster").asText(), "alerts read from Prometheus: " + listed);
        }
        assertEquals("firing", listed.path("alerts").path(0).path("state").asText(), listed.toString());
        AnalysisDriver.Reply created = driver.analyzeAlert("east", alert);
        assertEquals(202, created.status(), created.body().toString());
        assertNotNull(created.location());
        assertTrue(created.location().startsWith(stack.gateway() + "/api/v1/analyses/"),
                "Location points at the gateway, not at report-service: " + created.location());
        String id = created.body().path("id").asText();

        JsonNode report = driver.awaitReport(id, Duration.ofMinutes(3), status -> { });
        assertEquals("COMPLETED", report.path("status").asText(), report.toString());
        String rootPod = Incident.rootCausePod(written.topologies().get("east"));
        int rank = AnalysisDriver.rankOf(report, Incident.ROOT_CAUSE_METRIC, rootPod);
        assertTrue(rank >= 1 && rank <= 3, "root cause ranked " + rank + "; findings: " + report.path("findings"));

        assertEquals("remote_read_chunks", report.path("fetchMethod").asText());
        assertTrue(report.path("model").asText().startsWith("pattern-cnn"), "the CNN classified: " + report.path("model"));
        for (JsonNode finding : report.path("findings")) {
            if (finding.path("rank").asInt() == rank) {
                assertEquals(1, finding.path("patternType").asInt(), "the leak is still abnormal: " + finding.path("pattern"));
            }
        }
        int groupRank = AnalysisDriver.groupRankOf(report, Incident.ROOT_CAUSE_METRIC, rootPod);
        assertTrue(groupRank >= 1 && groupRank <= 3, "root cause group ranked " + groupRank + ": " + report.path("groups"));
        boolean replicasCollapsed = false;
        for (JsonNode group : report.path("groups")) {
            replicasCollapsed |= group.path("size").asInt() > 1 && group.path("title").asText().contains("frontend");
        }
        assertTrue(replicasCollapsed, "the frontend pods' latency is one group: " + report.path("groups"));
        // The report leads with components: the leaking service first, the alerting one set apart.
        assertEquals(Incident.ROOT_CAUSE_SERVICE, report.path("likelyRootCauses").path(0).path("component").asText(),
                "likely root causes: " + report.path("likelyRootCauses"));
        assertEquals("frontend", report.path("alertingComponent").path("component").asText());
        assertTrue(report.path("serviceGraph").path("edgeCount").asInt() > 0, "the Tempo service graph was read");
        JsonNode summary = report.path("summary");
        long eastSeries = written.series() / 2;
        assertEquals(eastSeries, summary.path("seriesDiscovered").asLong(), "only the east cluster's series");
        assertEquals(eastSeries, summary.path("seriesScreened").asLong());
        for (JsonNode finding : report.path("findings")) {
            assertEquals("east", finding.path("labels").path("cluster").asText());
        }
        java.net.http.HttpResponse<String> markdown = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(stack.gateway().resolve("/api/v1/analyses/" + id + "/report.md"))
                        .header("Authorization", "Bearer " + token).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, markdown.statusCode());
        assertTrue(markdown.body().startsWith("# Patternscope report — east"), markdown.body());
        assertTrue(markdown.headers().firstValue("Content-Type").orElse("").startsWith("text/markdown"));
        // Progress as server-sent events: an ended analysis gives one event and the stream closes.
        java.net.http.HttpResponse<String> events = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(stack.gateway().resolve("/api/v1/analyses/" + id + "/events"))
                        .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
                        .timeout(Duration.ofSeconds(20)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, events.statusCode());
        assertTrue(events.body().startsWith("data:") && events.body().contains("\"status\":\"COMPLETED\""), events.body());
        JsonNode status = driver.get("/api/v1/analyses/" + id).body();
        assertEquals(eastSeries, status.path("progress").path("classified").asLong());
        assertEquals(status.path("progress").path("totalBatches").asInt(), status.path("progress").path("batchesClassified").asInt());

        // With discords on, the leaking pod's two shape-only symptoms (a stuck value, a shorter GC
        // period) become findings named by the discord detector; without, they are scored only.
        // The alert's analysis (AUTO, as the UI asks) compares the daily rhythm with the same hour on
        // the days before: no change. Against the preceding window it is one.
        JsonNode stuckBefore = seriesOf(id, Incident.STUCK_VALUE_METRIC, "pod", rootPod);
        assertTrue(!stuckBefore.path("changed").asBoolean() && stuckBefore.path("discordScore").asDouble() >= 0.7,
                "scored, not a finding: " + stuckBefore);
        assertEquals("AUTO", report.path("reference").asText());
        assertTrue(report.path("summary").path("notes").toString().contains("Reference AUTO"),
                report.path("summary").path("notes").toString());
        for (String site : java.util.List.of("www", "mobile")) {
            JsonNode daily = seriesOf(id, DemoDataGenerator.DAILY_RHYTHM_METRIC, "site", site);
            assertEquals("DAILY", daily.path("reference").asText(), daily.toString());
            assertTrue(!daily.path("changed").asBoolean() && !daily.path("detectors").toString().contains("KS"),
                    "against the days before the rhythm is no change: " + daily);
        }
        String shapes = driver.analyzeAlert("east", alert, 0.7, "PRECEDING").body().path("id").asText();
        JsonNode shapeReport = driver.awaitReport(shapes, Duration.ofMinutes(3), s -> { });
        assertEquals(0.7, shapeReport.path("discordThreshold").asDouble());
        assertEquals("PRECEDING", shapeReport.path("reference").asText());
        for (String site : java.util.List.of("www", "mobile")) {
            JsonNode daily = seriesOf(shapes, DemoDataGenerator.DAILY_RHYTHM_METRIC, "site", site);
            assertTrue(daily.path("changed").asBoolean(), "the rhythm differs from the hours before: " + daily);
            assertEquals("PRECEDING", daily.path("reference").asText());
        }
        for (String metric : java.util.List.of(Incident.STUCK_VALUE_METRIC, Incident.PERIOD_CHANGE_METRIC)) {
            JsonNode series = seriesOf(shapes, metric, "pod", rootPod);
            assertTrue(series.path("changed").asBoolean(), metric + ": " + series);
            assertTrue(series.path("detectors").toString().contains("DISCORD"), metric + ": " + series);
            assertTrue(AnalysisDriver.rankOf(shapeReport, metric, rootPod) > 0, metric + " is among the findings");
        }
        assertTrue(shapeReport.path("summary").path("notes").toString().contains("changed shape only"),
                shapeReport.path("summary").path("notes").toString());
        assertEquals(Incident.ROOT_CAUSE_SERVICE, shapeReport.path("likelyRootCauses").path(0).path("component").asText());
    }

    /** The one series of {@code metric} whose {@code label} is {@code value}, as {@code /series} lists it. */
    private JsonNode seriesOf(String analysisId, String metric, String label, String value) throws Exception {
        JsonNode page = driver.get("/api/v1/analyses/" + analysisId + "/series?size=1000").body();
        for (JsonNode s : page.path("series")) {
            if (metric.equals(s.path("metric").asText()) && value.equals(s.path("labels").path(label).asText())) {
                return s;
            }
        }
        throw new AssertionError("no " + metric + " series with " + label + "=" + value + " in " + page);
    }

    @Test
    void twoFetcherReplicasShareTheShardsOfAnAnalysis() throws Exception {
        Instant end = Instant.now().minusSeconds(60);
        for (String cluster : java.util.List.of("east", "west")) {
            String body = "{\"cluster\":\"" + cluster + "\",\"window\":{\"start\":\"" + end.minus(Duration.ofHours(2))
                    + "\",\"end\":\"" + end + "\"}}";
            String id = driver.post("/api/v1/analyses", body).body().path("id").asText();
            assertEquals("COMPLETED", driver.awaitReport(id, Duration.ofMinutes(3), s -> { }).path("status").asText());
        }
        long first = Files.readAllLines(stack.log("fetcher-service")).stream().filter(l -> l.contains(" shard ")).count();
        long second = Files.readAllLines(stack.log("fetcher-service-2")).stream().filter(l -> l.contains(" shard ")).count();
        assertTrue(first > 0 && second > 0, "both replicas fetched shards: " + first + " and " + second);
    }

    @Test
    void anUnreachableTenantEndsItsAnalysisWithTheReasonInsteadOfHanging() throws Exception {
        Instant end = Instant.now();
        AnalysisDriver.Reply created = driver.post("/api/v1/analyses", "{\"cluster\":\"unreachable\",\"window\":{\"start\":\""
                + end.minus(Duration.ofHours(1)) + "\",\"end\":\"" + end + "\"}}");
        assertEquals(202, created.status());
        JsonNode report = driver.awaitReport(created.body().path("id").asText(), Duration.ofSeconds(60), s -> { });
        assertEquals("FAILED", report.path("status").asText());
        assertTrue(report.path("statusReason").asText().contains("unreachable"), report.path("statusReason").asText());
    }

    @Test
    void patternsAreClassifiedThroughTheGateway() throws Exception {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            values.append(i == 0 ? "" : ",").append(i < 150 ? 5 + (i % 3) * 0.1 : 25 + (i % 3) * 0.1);
        }
        AnalysisDriver.Reply reply = driver.post("/api/v1/patterns/classify",
                "{\"series\":[{\"id\":\"step\",\"values\":[" + values + "]}]}");
        assertEquals(200, reply.status(), reply.body().toString());
        assertEquals("LEVEL_SHIFT_UP", reply.body().path("results").get(0).path("pattern").asText());
        assertEquals(400, driver.post("/api/v1/patterns/classify", "{\"series\":[]}").status());
    }

    @Test
    void theQuietClusterShowsNoIncident() throws Exception {
        Instant end = Instant.now().minusSeconds(60);
        String body = "{\"cluster\":\"west\",\"window\":{\"start\":\"" + end.minus(Duration.ofHours(2)) + "\",\"end\":\""
                + end + "\"}}";
        AnalysisDriver.Reply created = driver.post("/api/v1/analyses", body);
        assertEquals(202, created.status(), created.body().toString());
        JsonNode report = driver.awaitReport(created.body().path("id").asText(), Duration.ofMinutes(3), s -> { });
        assertEquals("COMPLETED", report.path("status").asText());
        for (JsonNode finding : report.path("findings")) {
            assertTrue(!finding.path("labels").path("service").asText().equals("cart")
                    || !finding.path("metric").asText().equals(Incident.ROOT_CAUSE_METRIC), "no leak in west");
        }
    }

    @Test
    void badRequestsThroughTheGatewayGet4xxAndStoreNothing() throws Exception {
        int before = driver.get("/api/v1/analyses?size=500").body().size();
        String window = "\"window\":{\"start\":\"2026-11-23T08:00:00Z\",\"end\":\"2026-11-23T09:00:00Z\"}";
        assertEquals(400, driver.post("/api/v1/analyses", "{\"cluster\":\"mars\"," + window + "}").status());
        assertEquals(400, driver.post("/api/v1/analyses", "{\"cluster\":\"east\",\"window\":{\"start\":\"2026-11-23T09:00:00Z\","
                + "\"end\":\"2026-11-23T08:00:00Z\"}}").status());
        assertEquals(400, driver.post("/api/v1/analyses", "{\"cluster\":\"east\",\"window\":{\"start\":\"2026-11-01T09:00:00Z\","
                + "\"end\":\"2026-11-23T08:00:00Z\"}}").status());
        AnalysisDriver.Reply malformed = driver.post("/api/v1/analyses", "{\"cluster\":");
        assertEquals(400, malformed.status());
        assertTrue(malformed.body().path("error").asText().contains("malformed JSON"));
        assertEquals(before, driver.get("/api/v1/analyses?size=500").body().size());
        assertEquals(404, driver.get("/api/v1/analyses/00000000-0000-0000-0000-000000000000").status());
        java.net.http.HttpResponse<String> noStream = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(stack.gateway().resolve(
                                "/api/v1/analyses/00000000-0000-0000-0000-000000000000/events"))
                        .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
                        .timeout(Duration.ofSeconds(20)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(404, noStream.statusCode(), "an unknown analysis has no event stream: " + noStream.body());
        assertTrue(noStream.body().contains("no analysis"), noStream.body());
        AnalysisDriver.Reply ancient = driver.post("/api/v1/analyses", "{\"cluster\":\"east\",\"window\":{\"start\":"
                + "\"+999999999-01-01T00:00:00Z\",\"end\":\"+999999999-01-01T03:00:00Z\"}}");
        assertEquals(400, ancient.status(), "a window in year 999999999: " + ancient.body());
        assertEquals(before, driver.get("/api/v1/analyses?size=500").body().size(), "nothing stored");
    }

    /**
     * The UI in real headless Chromium (ui/test/browser.test.mjs, playwright-core): log in, Analyze
     * the demo alert, the root cause in the top 3 with its chart; feedback buttons, a "not anomalous"
     * profile that the next report of the same window matches; then another tenant's token sees
     * nothing of it. Saves the report page to e2e/target/screenshots/report.png.
     */
    @Test
    void theUiFindsTheRootCauseInHeadlessChromiumAndKeepsTenantsApart() throws Exception {
        Path log = stack.work().resolve("logs/browser-test.log");
        ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-reporter=spec", "test/browser.test.mjs")
                .directory(root.resolve("ui").toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        java.util.Map<String, String> env = node.environment();
        env.put("PATTERNSCOPE_URL", stack.gateway().toString());
        env.put("PATTERNSCOPE_TOKEN", stack.createToken("east", "browser test east"));
        env.put("PATTERNSCOPE_OTHER_TOKEN", stack.createToken("west", "browser test west"));
        env.put("PATTERNSCOPE_CLUSTER", "east");
        env.put("PATTERNSCOPE_ALERT", Incident.ALERT_NAME);
        env.put("PATTERNSCOPE_ROOT_CAUSE", Incident.ROOT_CAUSE_METRIC + " " + Incident.rootCausePod(written.topologies().get("east")));
        env.put("PATTERNSCOPE_SCREENSHOT", root.resolve("e2e/target/screenshots/report.png").toString());
        Process process = node.start();
        boolean ended = process.waitFor(8, java.util.concurrent.TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertTrue(ended && process.exitValue() == 0, "browser tests failed:\n" + output);
        assertTrue(output.contains("pass 3"), output);
    }
}
