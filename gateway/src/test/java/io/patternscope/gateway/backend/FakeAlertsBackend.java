package io.patternscope.gateway.backend;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A backend on loopback answering the two alerts APIs the gateway reads: Prometheus's
 * {@code /api/v1/alerts} holding alerts of two clusters (label-separated) with their {@code ALERTS}
 * series behind {@code /api/v1/query}, and Alertmanager's
 * {@code /api/v2/alerts} that answers only with the right Cortex tenant header.
 */
public class FakeAlertsBackend implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/alerts", exchange -> reply(exchange, 200, """
                {"status":"success","data":{"alerts":[
                 {"labels":{"alertname":"DiskFull","cluster":"shared","severity":"page"},"annotations":{"summary":"disk"},
                  "state":"firing","activeAt":"2026-11-23T10:00:00Z","value":"0.97"},
                 {"labels":{"alertname":"Pending","cluster":"shared"},"annotations":{},"state":"pending","activeAt":"2026-11-23T10:05:00Z"},
                 {"labels":{"alertname":"NotYours","cluster":"elsewhere"},"annotations":{},"state":"firing","activeAt":"2026-11-23T10:01:00Z"}]}}
                """));
        // The rules' ALERTS series: DiskFull still fires, OldOutage fired 09:00-09:40 and resolved, NotYoursEither is elsewhere.
        server.createContext("/api/v1/query", exchange -> {
            boolean first = exchange.getRequestURI().getQuery().contains("min_over_time");
            reply(exchange, 200, """
                    {"status":"success","data":{"resultType":"vector","result":[
                     {"metric":{"alertname":"DiskFull","alertstate":"firing","cluster":"shared","severity":"page"},"value":[1,"%s"]},
                     {"metric":{"alertname":"OldOutage","alertstate":"firing","cluster":"shared"},"value":[1,"%s"]},
                     {"metric":{"alertname":"NotYoursEither","alertstate":"firing","cluster":"elsewhere"},"value":[1,"%s"]}]}}
                    """.formatted(first ? "1795424400" : "1795435200", first ? "1795424400" : "1795426800",
                    first ? "1795424400" : "1795426800"));
        });
        server.createContext("/am/api/v2/alerts", exchange -> {
            if (!"am".equals(exchange.getRequestHeaders().getFirst("X-Scope-OrgID"))) {
                reply(exchange, 401, "no org id");
                return;
            }
            reply(exchange, 200, """
                    [{"labels":{"alertname":"ErrorBudgetBurn","service":"cart"},"annotations":{"summary":"burning"},
                      "startsAt":"2026-11-23T11:00:00Z","status":{"state":"active"}}]
                    """);
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "patternscope.clusters.shared.base-url", base,
                "patternscope.clusters.am.base-url", base,
                "patternscope.clusters.am.tenant-mode", "header",
                "patternscope.clusters.am.alertmanager-url", base + "/am");
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
