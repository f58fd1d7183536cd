package io.patternscope.fetcher.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.patternscope.core.config.ClusterBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against stub backends on 127.0.0.1 that misbehave on purpose. */
class PrometheusHttpClientTest {

    private static final String SERIES_OK = "{\"status\":\"success\",\"data\":[{\"__name__\":\"up\",\"job\":\"a\"}]}";
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private ClusterBackend backend(Duration timeout, ClusterBackend.TenantMode mode) {
        return new ClusterBackend("c1", "http://127.0.0.1:" + server.getAddress().getPort(), "/prometheus", mode, "org-7",
                "X-Scope-OrgID", "cluster", Optional.of("s3cret"), Optional.empty(), Optional.empty(), timeout);
    }

    private void serve(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", handler);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void retriesTwo503sThenSucceedsAndSendsTenantAndAuth() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AtomicReference<String> tenant = new AtomicReference<>();
        AtomicReference<String> auth = new AtomicReference<>();
        AtomicReference<String> path = new AtomicReference<>();
        serve(exchange -> {
            tenant.set(exchange.getRequestHeaders().getFirst("X-Scope-OrgID"));
            auth.set(exchange.getRequestHeaders().getFirst("Authorization"));
            path.set(exchange.getRequestURI().getPath());
            if (calls.incrementAndGet() <= 2) {
                reply(exchange, 503, "busy");
            } else {
                reply(exchange, 200, SERIES_OK);
            }
        });
        PrometheusHttpClient client = new PrometheusHttpClient(HttpClient.newHttpClient(),
                backend(Duration.ofSeconds(5), ClusterBackend.TenantMode.HEADER), 3, 20);
        List<Map<String, String>> series = client.series(List.of("{job=\"a\"}"), 0, 60_000);
        assertEquals(1, series.size());
        assertEquals(3, calls.get());
        assertEquals("org-7", tenant.get());
        assertEquals("Bearer s3cret", auth.get());
        assertEquals("/prometheus/api/v1/series", path.get());
    }

    @Test
    void aBackendThatNeverAnswersFailsWithinTheTimeout() throws Exception {
        serve(exchange -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(exchange, 200, SERIES_OK);
        });
        PrometheusHttpClient client = new PrometheusHttpClient(HttpClient.newHttpClient(),
                backend(Duration.ofMillis(300), ClusterBackend.TenantMode.LABEL), 2, 20);
        long t0 = System.nanoTime();
        BackendException e = assertThrows(BackendException.class, () -> client.series(List.of("up"), 0, 60_000));
        assertTrue((System.nanoTime() - t0) / 1e9 < 5, "gave up in time");
        assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
    }

    @Test
    void aBodyThatStallsAfterTheHeadersFailsWithinTheTimeout() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        serve(exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("{\"status\":\"succ".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        try {
            PrometheusHttpClient client = new PrometheusHttpClient(HttpClient.newHttpClient(),
                    backend(Duration.ofMillis(400), ClusterBackend.TenantMode.LABEL), 1, 20);
            long t0 = System.nanoTime();
            BackendException e = assertThrows(BackendException.class, () -> client.series(List.of("up"), 0, 60_000));
            assertTrue((System.nanoTime() - t0) / 1e9 < 5, "gave up in time");
            assertTrue(e.getMessage().contains("stalled"), e.getMessage());
        } finally {
            release.countDown();
        }
    }

    @Test
    void aRejectedQueryIsNotRetriedAndCarriesTheBackendsMessage() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        serve(exchange -> {
            calls.incrementAndGet();
            reply(exchange, 400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error at char 3\"}");
        });
        PrometheusHttpClient client = new PrometheusHttpClient(HttpClient.newHttpClient(),
                backend(Duration.ofSeconds(5), ClusterBackend.TenantMode.LABEL), 3, 20);
        BackendException e = assertThrows(BackendException.class, () -> client.queryRange("up{", 0, 60_000, 15_000));
        assertFalse(e.retryable());
        assertEquals(1, calls.get());
        assertTrue(e.getMessage().contains("parse error at char 3"));
    }
}
