package io.patternscope.remoteread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.patternscope.core.config.ClusterBackend;
import io.patternscope.core.promql.SeriesSelector;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** A backend that answers 200, sends half a frame and then nothing: the read must fail, not hang. */
class StalledBackendTest {

    @Test
    void aBodyThatStallsFailsAfterTheClustersTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/api/v1/read", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/x-streamed-protobuf; proto=prometheus.ChunkedReadResponse");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(new byte[] {100, 0, 0, 0, 0, 1, 2});
            exchange.getResponseBody().flush();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
        try {
            RemoteReadClient client = new RemoteReadClient(HttpClient.newHttpClient(), new ClusterBackend("stall",
                    "http://127.0.0.1:" + server.getAddress().getPort(), "", ClusterBackend.TenantMode.LABEL, "stall",
                    "X-Scope-OrgID", "cluster", Optional.empty(), Optional.empty(), Optional.empty(),
                    Duration.ofMillis(500)), 1, 10);
            long t0 = System.nanoTime();
            RemoteReadException e = assertThrows(RemoteReadException.class,
                    () -> client.read(List.of(SeriesSelector.parse("up")), 0, 60_000, (l, t, v, n) -> { }));
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertEquals(RemoteReadException.Kind.RETRYABLE, e.kind());
            assertTrue(seconds < 5, "gave up after " + seconds + " s");
        } finally {
            release.countDown();
            server.stop(0);
        }
    }
}
