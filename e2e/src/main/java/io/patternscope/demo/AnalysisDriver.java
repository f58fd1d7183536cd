package io.patternscope.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

/** What an operator does by hand: find the firing alert, press Analyze, wait, read the report. */
public final class AnalysisDriver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI gateway;
    private final URI prometheus;
    private final String token;

    /** {@code token}: an API token of the gateway ({@link LocalStack#createToken}). */
    public AnalysisDriver(URI gateway, URI prometheus, String token) {
        this.gateway = gateway;
        this.prometheus = prometheus;
        this.token = token;
    }

    public record Reply(int status, JsonNode body, String location) {
    }

    /** The firing alert {@code name} of {@code cluster} from the backend's alerts API. */
    public JsonNode awaitFiringAlert(String name, String cluster, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode alerts = send("GET", prometheus.resolve("/api/v1/alerts"), null, null).body().path("data").path("alerts");
            for (JsonNode alert : alerts) {
                JsonNode labels = alert.path("labels");
                if ("firing".equals(alert.path("state").asText()) && name.equals(labels.path("alertname").asText())
                        && cluster.equals(labels.path("cluster").asText())) {
                    return alert;
                }
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("alert " + name + " did not fire for cluster " + cluster + " within " + timeout);
    }

    /**
     * POST /api/v1/analyses for the alert, as the UI's Analyze button does: each series compared
     * with earlier days or weeks when it has a rhythm (AUTO), else with the hours before.
     */
    public Reply analyzeAlert(String cluster, JsonNode alert) throws IOException, InterruptedException {
        return analyzeAlert(cluster, alert, null, "AUTO");
    }

    /**
     * The same, with the discord detector making findings at {@code discordThreshold} (null: none)
     * and the test window compared with {@code reference} (null: the preceding window).
     */
    public Reply analyzeAlert(String cluster, JsonNode alert, Double discordThreshold, String reference)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        if (discordThreshold != null) {
            body.put("discordThreshold", discordThreshold);
        }
        if (reference != null) {
            body.put("reference", reference);
        }
        body.put("cluster", cluster);
        ObjectNode a = body.putObject("alert");
        a.put("name", alert.path("labels").path("alertname").asText());
        a.set("labels", alert.path("labels"));
        a.put("activeAt", alert.path("activeAt").asText());
        return post("/api/v1/analyses", body.toString());
    }

    public Reply post(String path, String body) throws IOException, InterruptedException {
        return send("POST", gateway.resolve(path), body, token);
    }

    public Reply get(String path) throws IOException, InterruptedException {
        return send("GET", gateway.resolve(path), null, token);
    }

    /** Polls the analysis until it has ended, reporting each change of its progress; returns the report. */
    public JsonNode awaitReport(String id, Duration timeout, Consumer<JsonNode> onProgress)
            throws IOException, InterruptedException {
        awaitEnded(id, timeout, Duration.ofMillis(500), onProgress);
        return get("/api/v1/analyses/" + id + "/report").body();
    }

    /** Polls the analysis every {@code poll} until it has ended, reporting each change; returns its last state. */
    public JsonNode awaitEnded(String id, Duration timeout, Duration poll, Consumer<JsonNode> onProgress)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            JsonNode status = get("/api/v1/analyses/" + id).body();
            String now = status.path("status").asText() + status.path("progress");
            if (!now.equals(last)) {
                onProgress.accept(status);
                last = now;
            }
            String s = status.path("status").asText();
            if (s.equals("COMPLETED") || s.equals("PARTIAL") || s.equals("FAILED")) {
                return status;
            }
            Thread.sleep(poll.toMillis());
        }
        throw new IllegalStateException("analysis " + id + " did not end within " + timeout);
    }

    private static Reply send(String method, URI uri, String body, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        // Over the token's rate the gateway answers 429 with Retry-After: wait that long and ask again, as a client should.
        for (int retry = 0; response.statusCode() == 429 && retry < 30; retry++) {
            Thread.sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        JsonNode json = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        return new Reply(response.statusCode(), json, response.headers().firstValue("Location").orElse(null));
    }

    /** Rank (1-based) of the group holding the finding for {@code metric} on {@code pod}, or -1 when absent. */
    public static int groupRankOf(JsonNode report, String metric, String pod) {
        String series = null;
        for (JsonNode finding : report.path("findings")) {
            if (metric.equals(finding.path("metric").asText()) && pod.equals(finding.path("labels").path("pod").asText())) {
                series = finding.path("series").asText();
            }
        }
        for (JsonNode group : report.path("groups")) {
            for (JsonNode member : group.path("members")) {
                if (member.asText().equals(series)) {
                    return group.path("rank").asInt();
                }
            }
        }
        return -1;
    }

    /**
     * What must not depend on how the analysis ran (replicas, crashes, redeliveries): every finding's
     * rank, series, pattern and statistics.
     */
    public static java.util.List<String> findingsSignature(JsonNode report) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (JsonNode f : report.path("findings")) {
            out.add(f.path("rank").asInt() + " " + f.path("series").asText() + " " + f.path("pattern").asText() + " "
                    + f.path("pValue").asDouble() + " " + f.path("qValue").asDouble() + " " + f.path("effectSize").asDouble()
                    + " " + f.path("onset").asText());
        }
        return out;
    }

    /** Rank (1-based) of the finding for {@code metric} on {@code pod}, or -1 when absent. */
    public static int rankOf(JsonNode report, String metric, String pod) {
        for (JsonNode finding : report.path("findings")) {
            if (metric.equals(finding.path("metric").asText()) && pod.equals(finding.path("labels").path("pod").asText())) {
                return finding.path("rank").asInt();
            }
        }
        return -1;
    }
}
