package io.patternscope.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * {@code ./patternscope demo}: generate and backfill the demo data, start Prometheus and the five
 * services (left running for the operator to explore), analyse the firing alert through the
 * gateway, print the top findings, and exit 1 unless the injected root cause ranks in the top 3.
 */
public final class DemoMain {

    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(arg(args, "--root", "."));
        Path work = Path.of(arg(args, "--work", ".patternscope/demo"));
        Path nab = Path.of(arg(args, "--nab", "../shared/datasets/nab"));
        boolean small = "small".equals(arg(args, "--size", "full"));
        Instant end = DemoClock.dataEnd();
        DemoSettings settings = small ? DemoSettings.small(end, nab) : DemoSettings.full(end, nab);
        if (!Files.isDirectory(nab)) {
            System.out.println("note: " + nab + " not found; the demo runs without real NAB series");
        }

        LocalStack stack = new LocalStack(root, work, LocalStack.Ports.demo(), LocalStack.Isolation.demo(),
                settings.clusters(), true);
        Path openMetrics = work.resolve("demo.om");
        step("generating demo data (" + settings.clusters().size() + " clusters, " + settings.span().toHours()
                + " h at " + settings.step().toSeconds() + " s)");
        DemoDataGenerator.Written written = new DemoDataGenerator(settings).write(openMetrics);
        System.out.printf("  %d series, %d samples%n", written.series(), written.samples());
        step("backfilling Prometheus with promtool");
        stack.backfill(openMetrics);
        Files.delete(openMetrics);
        step("starting Prometheus on " + stack.prometheus());
        stack.startPrometheus();
        step("starting report-service, fetcher, detector, classifier, gateway");
        stack.startServices();

        String token = stack.createToken(String.join(",", settings.clusters()), "demo operator");
        Files.writeString(work.resolve("token"), token + "\n");
        AnalysisDriver driver = new AnalysisDriver(stack.gateway(), stack.prometheus(), token);
        String cluster = settings.incidentCluster();
        step("waiting for alert " + Incident.ALERT_NAME + " to fire in cluster " + cluster);
        JsonNode alert = driver.awaitFiringAlert(Incident.ALERT_NAME, cluster, Duration.ofSeconds(90));
        System.out.println("  firing since " + alert.path("activeAt").asText() + ": "
                + alert.path("annotations").path("summary").asText());
        step("Analyze: POST " + stack.gateway() + "/api/v1/analyses");
        AnalysisDriver.Reply created = driver.analyzeAlert(cluster, alert);
        if (created.status() != 202) {
            System.err.println("the gateway refused the analysis: HTTP " + created.status() + " " + created.body());
            System.exit(1);
        }
        String id = created.body().path("id").asText();
        long t0 = System.nanoTime();
        JsonNode report = driver.awaitReport(id, Duration.ofMinutes(5), status -> System.out.printf(
                "  %-9s discovered %5d  fetched %5d  screened %5d  classified %5d%n", status.path("status").asText(),
                status.path("progress").path("discovered").asLong(), status.path("progress").path("fetched").asLong(),
                status.path("progress").path("screened").asLong(), status.path("progress").path("classified").asLong()));
        System.out.printf("  analysis %s ended in %.1f s%n", id, (System.nanoTime() - t0) / 1e9);
        print(report, alert);

        String rootPod = Incident.rootCausePod(written.topologies().get(cluster));
        int rank = AnalysisDriver.groupRankOf(report, Incident.ROOT_CAUSE_METRIC, rootPod);
        step("teaching: feedback on the report, a features profile, and the alert analysed again");
        TeachingLoop.Outcome taught = TeachingLoop.run(driver, cluster, alert, report, Incident.ROOT_CAUSE_METRIC, rootPod);
        System.out.println();
        System.out.println("UI: " + stack.gateway() + "/  (log in with the token in " + work.resolve("token") + ")");
        System.out.println("report: " + stack.gateway() + "/api/v1/analyses/" + id + "/report  (Authorization: Bearer <token>)");
        System.out.println("OpenAPI: " + stack.gateway() + "/openapi   Swagger UI: " + stack.gateway() + "/swagger-ui");
        System.out.println("services keep running; stop them with ./patternscope down");
        int componentRank = 0;
        for (JsonNode c : report.path("likelyRootCauses")) {
            if (Incident.ROOT_CAUSE_SERVICE.equals(c.path("component").asText())) {
                componentRank = c.path("rank").asInt();
            }
        }
        if (!taught.knownNormal() || taught.rootCauseRank() < 1 || taught.rootCauseRank() > 3) {
            System.out.printf("FAIL: after teaching, %s is %s and the root cause is ranked #%d%n", taught.profiledSeries(),
                    taught.knownNormal() ? "known normal" : "not in the known-normal section", taught.rootCauseRank());
            System.exit(1);
        }
        if (rank >= 1 && rank <= 3 && componentRank >= 1 && componentRank <= 3) {
            System.out.printf("OK: the injected root cause (%s of pod %s) is ranked #%d, its component %s #%d; after "
                    + "teaching, the profiled series is known normal and the root cause #%d%n", Incident.ROOT_CAUSE_METRIC,
                    rootPod, rank, Incident.ROOT_CAUSE_SERVICE, componentRank, taught.rootCauseRank());
            System.exit(0);
        }
        if (rank >= 1 && rank <= 3) {
            System.out.printf("FAIL: the injected root cause's component %s is %s among the likely root causes%n",
                    Incident.ROOT_CAUSE_SERVICE, componentRank == 0 ? "nowhere" : "#" + componentRank);
            System.exit(1);
        }
        System.out.printf("FAIL: the injected root cause (%s of pod %s) is ranked %s, not in the top 3%n",
                Incident.ROOT_CAUSE_METRIC, rootPod, rank < 0 ? "nowhere" : "#" + rank);
        System.exit(1);
    }

    static void print(JsonNode report, JsonNode alert) {
        JsonNode summary = report.path("summary");
        System.out.println();
        System.out.printf("status %s%s%n", report.path("status").asText(),
                report.path("statusReason").isNull() ? "" : " (" + report.path("statusReason").asText() + ")");
        System.out.printf("series: %d discovered, %d screened, %d tested, %d insufficient data, %d constant%n",
                summary.path("seriesDiscovered").asInt(), summary.path("seriesScreened").asInt(), summary.path("tested").asInt(),
                summary.path("insufficientData").asInt(), summary.path("constant").asInt());
        System.out.printf("changed: %d (BH-significant %d, below minimum effect %d)%n", summary.path("changed").asInt(),
                summary.path("significant").asInt(), summary.path("belowMinEffect").asInt());
        summary.path("notes").forEach(n -> System.out.println("note: " + n.asText()));
        Instant alertAt = Instant.parse(alert.path("activeAt").asText());
        System.out.println();
        System.out.println("likely root-cause components" + (report.path("alertingComponent").isNull() ? ""
                : " (alerting component " + report.path("alertingComponent").path("component").asText() + " set apart)"));
        for (JsonNode c : report.path("likelyRootCauses")) {
            System.out.printf(Locale.ROOT, "%4d  %-16s %6.1f  %s%n", c.path("rank").asInt(), c.path("component").asText(),
                    c.path("score").asDouble(), c.path("reason").asText());
        }
        System.out.println();
        System.out.printf("%d findings in %d groups%n", report.path("findings").size(), report.path("groups").size());
        System.out.println();
        System.out.println("rank  onset   pattern               finding");
        int shown = 0;
        for (JsonNode g : report.path("groups")) {
            if (shown++ == 10) {
                break;
            }
            String onset = g.path("onset").isNull() ? "    ?" : String.format(Locale.ROOT, "%+5dm",
                    Duration.between(alertAt, Instant.parse(g.path("onset").asText())).toMinutes());
            System.out.printf(Locale.ROOT, "%4d  %s  %-20s  %s%n", g.path("rank").asInt(), onset, g.path("pattern").asText(),
                    g.path("title").asText());
        }
    }

    private static void step(String what) {
        System.out.println("==> " + what);
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
