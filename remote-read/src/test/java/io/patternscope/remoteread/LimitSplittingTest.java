package io.patternscope.remoteread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpServer;
import io.patternscope.core.chunks.XorChunkEncoder;
import io.patternscope.core.config.ClusterBackend;
import io.patternscope.remoteread.proto.Remote;
import io.patternscope.remoteread.proto.Types;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

/** A backend that refuses any read of more than two metrics, the way Cortex refuses reads over its limits. */
class LimitSplittingTest {

    private HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private RemoteReadClient start(int maxMetrics, AtomicInteger requests) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/read", exchange -> {
            requests.incrementAndGet();
            Remote.ReadRequest request = Remote.ReadRequest.parseFrom(Snappy.uncompress(exchange.getRequestBody().readAllBytes()));
            String names = request.getQueries(0).getMatchersList().stream().filter(m -> m.getName().equals("__name__"))
                    .findFirst().orElseThrow().getValue();
            String[] metrics = names.split("\\|");
            if (metrics.length > maxMetrics) {
                byte[] error = "the query hit the max number of chunks limit (limit: 2)".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(422, error.length);
                exchange.getResponseBody().write(error);
                exchange.close();
                return;
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (String metric : metrics) {
                XorChunkEncoder encoder = new XorChunkEncoder();
                encoder.append(0, 1);
                Types.ChunkedSeries series = Types.ChunkedSeries.newBuilder()
                        .addLabels(Types.Label.newBuilder().setName("__name__").setValue(metric))
                        .addChunks(Types.Chunk.newBuilder().setType(Types.Chunk.Encoding.XOR)
                                .setData(ByteString.copyFrom(encoder.toChunk()))).build();
                body.writeBytes(ChunkedFrameReaderTest.frame(
                        Remote.ChunkedReadResponse.newBuilder().addChunkedSeries(series).build().toByteArray(), false));
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-streamed-protobuf; proto=prometheus.ChunkedReadResponse");
            exchange.sendResponseHeaders(200, body.size());
            exchange.getResponseBody().write(body.toByteArray());
            exchange.close();
        });
        server.start();
        return new RemoteReadClient(HttpClient.newHttpClient(), new ClusterBackend("stub",
                "http://127.0.0.1:" + server.getAddress().getPort(), "", ClusterBackend.TenantMode.LABEL, "stub",
                "X-Scope-OrgID", "cluster", Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(5)), 1, 10);
    }

    @Test
    void aReadOverTheLimitIsSplitUntilEachPartFits() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        RemoteReadClient client = start(2, requests);
        TreeSet<String> seen = new TreeSet<>();
        client.readMetrics(List.of("{cluster=\"stub\"}"), List.of("m1", "m2", "m3", "m4", "m5"), 0, 60_000,
                (labels, t, v, n) -> seen.add(labels.get("__name__")));
        assertEquals(new TreeSet<>(List.of("m1", "m2", "m3", "m4", "m5")), seen);
        assertEquals(5, requests.get(), "5 metrics → refused, then [m1 m2] and [m3 m4 m5] → refused, [m3] and [m4 m5]");
    }

    @Test
    void aSingleMetricOverTheLimitIsReportedAsALimit() throws Exception {
        RemoteReadClient client = start(0, new AtomicInteger());
        RemoteReadException e = assertThrows(RemoteReadException.class, () -> client.readMetrics(List.of("{cluster=\"stub\"}"),
                List.of("m1", "m2"), 0, 60_000, (labels, t, v, n) -> { }));
        assertEquals(RemoteReadException.Kind.LIMIT, e.kind());
    }
}
