package io.patternscope.remoteread;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpServer;
import io.patternscope.core.chunks.XorChunkEncoder;
import io.patternscope.core.config.ClusterBackend;
import io.patternscope.core.promql.SeriesSelector;
import io.patternscope.remoteread.proto.Remote;
import io.patternscope.remoteread.proto.Types;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A stub backend that splits one series over two frames, as Prometheus does for long series. */
class StreamedSeriesOverFramesTest {

    private static Types.ChunkedSeries part(String name, long from, int samples) {
        XorChunkEncoder encoder = new XorChunkEncoder();
        for (int i = 0; i < samples; i++) {
            encoder.append(from + i * 15_000L, i);
        }
        return Types.ChunkedSeries.newBuilder()
                .addLabels(Types.Label.newBuilder().setName("__name__").setValue(name))
                .addChunks(Types.Chunk.newBuilder().setType(Types.Chunk.Encoding.XOR)
                        .setMinTimeMs(from).setMaxTimeMs(from + (samples - 1) * 15_000L)
                        .setData(ByteString.copyFrom(encoder.toChunk()))).build();
    }

    @Test
    void aSeriesSplitOverFramesArrivesWhole() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Types.ChunkedSeries s : List.of(part("a", 0, 120), part("a", 1_800_000, 120), part("b", 0, 10))) {
            body.writeBytes(ChunkedFrameReaderTest.frame(
                    Remote.ChunkedReadResponse.newBuilder().addChunkedSeries(s).build().toByteArray(), false));
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/read", exchange -> {
            exchange.getResponseHeaders().add("Content-Type",
                    "application/x-streamed-protobuf; proto=prometheus.ChunkedReadResponse");
            exchange.sendResponseHeaders(200, body.size());
            exchange.getResponseBody().write(body.toByteArray());
            exchange.close();
        });
        server.start();
        try {
            RemoteReadClient client = new RemoteReadClient(HttpClient.newHttpClient(), new ClusterBackend("stub",
                    "http://127.0.0.1:" + server.getAddress().getPort(), "", ClusterBackend.TenantMode.LABEL, "stub",
                    "X-Scope-OrgID", "cluster", Optional.empty(), Optional.empty(), Optional.empty(),
                    Duration.ofSeconds(5)), 1, 10);
            List<String> seen = new ArrayList<>();
            client.read(List.of(SeriesSelector.parse("{__name__=~\"a|b\"}")), 0, 10_000_000L,
                    (labels, t, v, n) -> seen.add(labels.get("__name__") + ":" + n + ":" + t[n - 1]));
            assertEquals(List.of("a:240:" + (1_800_000 + 119 * 15_000L), "b:10:135000"), seen);
        } finally {
            server.stop(0);
        }
    }
}
