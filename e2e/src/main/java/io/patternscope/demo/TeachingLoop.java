package io.patternscope.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/**
 * The demo's second act: the operator teaches Patternscope from the first report (the root cause
 * marked, the alerting symptom marked, the lowest-ranked finding called not anomalous with a
 * features profile) and analyses the alert again; prints what changed.
 */
final class TeachingLoop {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the second analysis showed. */
    record Outcome(String profiledSeries, boolean knownNormal, int rootCauseRank) {
    }

    private TeachingLoop() {
    }

    static Outcome run(AnalysisDriver driver, String cluster, JsonNode alert, JsonNode first, String rootCauseMetric,
                       String rootPod) throws IOException, InterruptedException {
        String id = first.path("analysisId").asText();
        String path = "/api/v1/analyses/" + id + "/feedback";
        String rootSeries = null;
        for (JsonNode f : first.path("findings")) {
            if (rootCauseMetric.equals(f.path("metric").asText()) && rootPod.equals(f.path("labels").path("pod").asText())) {
                rootSeries = f.path("series").asText();
            }
        }
        JsonNode groups = first.path("groups");
        String noisy = groups.get(groups.size() - 1).path("members").get(0).asText();
        if (rootSeries != null) {
            say(driver, path, rootSeries, "ROOT_CAUSE", null);
            System.out.println("  marked root cause:   " + rootSeries);
        }
        for (JsonNode g : groups) { // the highest-ranked other finding: what the alert already shows
            String symptom = g.path("members").get(0).asText();
            if (!symptom.equals(rootSeries) && !symptom.equals(noisy)) {
                say(driver, path, symptom, "SYMPTOM", null);
                System.out.println("  marked symptom:      " + symptom);
                break;
            }
        }
        JsonNode said = say(driver, path, noisy, "NOT_ANOMALOUS", "CREATE");
        long profile = said.path(said.size() - 1).path("profileId").asLong();
        System.out.println("  not anomalous, profile #" + profile + ": " + noisy);

        AnalysisDriver.Reply again = driver.analyzeAlert(cluster, alert);
        if (again.status() != 202) {
            throw new IOException("the gateway refused the second analysis: HTTP " + again.status() + " " + again.body());
        }
        JsonNode second = driver.awaitReport(again.body().path("id").asText(), Duration.ofMinutes(5), status -> { });
        boolean known = false;
        for (JsonNode k : second.path("knownNormal")) {
            known |= noisy.equals(k.path("series").asText());
            System.out.printf(Locale.ROOT, "  known normal now:    %s (profile #%d, %s)%n", k.path("series").asText(),
                    k.path("profileId").asLong(), k.path("matchedBy").asText());
        }
        int before = AnalysisDriver.groupRankOf(first, rootCauseMetric, rootPod);
        int after = AnalysisDriver.groupRankOf(second, rootCauseMetric, rootPod);
        System.out.printf(Locale.ROOT, "  findings %d -> %d; groups %d -> %d; root cause #%d -> #%d%n",
                first.path("findings").size(), second.path("findings").size(), groups.size(),
                second.path("groups").size(), before, after);
        return new Outcome(noisy, known, after);
    }

    private static JsonNode say(AnalysisDriver driver, String path, String series, String verdict, String profile)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("series", series).put("verdict", verdict);
        if (profile != null) {
            body.put("profile", profile);
        }
        AnalysisDriver.Reply reply = driver.post(path, body.toString());
        if (reply.status() != 200) {
            throw new IOException("feedback refused: HTTP " + reply.status() + " " + reply.body());
        }
        return reply.body();
    }
}
