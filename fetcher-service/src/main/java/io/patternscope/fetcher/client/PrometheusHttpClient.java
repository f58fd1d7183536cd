package io.patternscope.fetcher.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patternscope.core.config.BackendRequests;
import io.patternscope.core.config.ClusterBackend;
import io.patternscope.core.config.StallGuard;
import java.io.InputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus HTTP API as Cortex and Prometheus both serve it: {@code /api/v1/series} for
 * discovery and {@code /api/v1/query_range}. Adds the tenant header, bearer or basic auth and the
 * path prefix of the cluster; retries 5xx, 429 and connection errors with exponential back-off and
 * full jitter. Thread-safe.
 */
public final class PrometheusHttpClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final ClusterBackend backend;
    private final int attempts;
    private final long backoffMs;

    public PrometheusHttpClient(HttpClient http, ClusterBackend backend, int attempts, long backoffMs) {
        this.http = http;
        this.backend = backend;
        this.attempts = attempts;
        this.backoffMs = backoffMs;
    }

    /** Label sets of every series matching any of {@code matchers} in [start, end]. */
    public List<Map<String, String>> series(List<String> matchers, long startMs, long endMs) throws BackendException {
        StringBuilder form = new StringBuilder();
        for (String matcher : matchers) {
            form.append("match[]=").append(encode(matcher)).append('&');
        }
        form.append("start=").append(seconds(startMs)).append("&end=").append(seconds(endMs));
        JsonNode data = post("/api/v1/series", form.toString());
        List<Map<String, String>> out = new ArrayList<>(data.size());
        for (JsonNode labels : data) {
            out.add(labels(labels));
        }
        return out;
    }

    public List<RangeSeries> queryRange(String query, long startMs, long endMs, long stepMs) throws BackendException {
        String form = "query=" + encode(query) + "&start=" + seconds(startMs) + "&end=" + seconds(endMs)
                + "&step=" + seconds(stepMs);
        JsonNode result = post("/api/v1/query_range", form).path("result");
        List<RangeSeries> out = new ArrayList<>(result.size());
        for (JsonNode series : result) {
            JsonNode values = series.path("values");
            long[] timestamps = new long[values.size()];
            double[] samples = new double[values.size()];
            for (int i = 0; i < values.size(); i++) {
                JsonNode pair = values.get(i);
                timestamps[i] = Math.round(pair.get(0).asDouble() * 1000);
                samples[i] = parseSample(pair.get(1).asText());
            }
            out.add(new RangeSeries(labels(series.path("metric")), timestamps, samples));
        }
        return out;
    }

    private static double parseSample(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private JsonNode post(String apiPath, String form) throws BackendException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backend.url(apiPath)))
                .timeout(backend.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        HttpRequest built = BackendRequests.authorize(request, backend).build();
        return BackendRequests.withRetries(attempts, backoffMs, BackendException.class, BackendException::retryable,
                () -> send(built, apiPath));
    }

    private JsonNode send(HttpRequest request, String apiPath) throws BackendException {
        int status;
        byte[] body;
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            // The request timeout covers the headers only: a body that stalls must fail too.
            try (InputStream in = new StallGuard(response.body(), backend.requestTimeout())) {
                body = in.readAllBytes();
            }
        } catch (IOException e) {
            throw new BackendException("cluster " + backend.name() + " unreachable at " + backend.url(apiPath) + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException("interrupted", false, e);
        }
        if (status == 429 || status >= 500) {
            throw new BackendException("cluster " + backend.name() + " answered HTTP " + status + " on " + apiPath, true, null);
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw new BackendException("cluster " + backend.name() + " sent a body that is not JSON on " + apiPath, false, e);
        }
        if (status != 200 || !"success".equals(json.path("status").asText())) {
            throw new BackendException("cluster " + backend.name() + " rejected " + apiPath + " (HTTP " + status + "): "
                    + json.path("error").asText("no error message"), false, null);
        }
        return json.path("data");
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            labels.put(field.getKey(), field.getValue().asText());
        }
        return labels;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String seconds(long ms) {
        return (ms % 1000 == 0) ? Long.toString(ms / 1000) : Double.toString(ms / 1000.0);
    }
}
