// Run against the demo Prometheus (./patternscope demo) from the repo root:
//   CP="remote-read/target/classes:$(ls bench/target/lib/*.jar | tr '\n' :)core/target/classes"
//   javac -cp "$CP" -d /tmp/cap tools/golden/CaptureGoldenChunks.java && java -cp "/tmp/cap:$CP" CaptureGoldenChunks core/src/test/resources/golden/chunks
// then write expected.json from Prometheus's /api/v1/query range vectors (see PrometheusGoldenChunksTest).
import io.patternscope.remoteread.ChunkedFrameReader;
import io.patternscope.remoteread.proto.Remote;
import io.patternscope.remoteread.proto.Types;
import java.io.InputStream;
import java.net.URI;
import java.net.http.*;
import java.nio.file.*;
import java.util.*;
import org.xerial.snappy.Snappy;

/**
 * One-off (kept for reproducibility): captures a few chunks of the demo Prometheus (127.0.0.1:19090) as golden test resources. */
public class CaptureGoldenChunks {
    public static void main(String[] a) throws Exception {
        Path out = Path.of(a[0]);
        long end = System.currentTimeMillis();
        String[][] wanted = {{"__name__", "container_memory_working_set_bytes"}, {"__name__", "workqueue_depth"},
                {"__name__", "http_requests_total"}, {"__name__", "nab_nyc_taxi"}};
        StringBuilder index = new StringBuilder();
        int file = 0;
        for (String[] w : wanted) {
            Remote.ReadRequest req = Remote.ReadRequest.newBuilder()
                .addAcceptedResponseTypes(Remote.ReadRequest.ResponseType.STREAMED_XOR_CHUNKS)
                .addQueries(Remote.Query.newBuilder().setStartTimestampMs(end - 6 * 3600_000L).setEndTimestampMs(end)
                    .addMatchers(Types.LabelMatcher.newBuilder().setName(w[0]).setValue(w[1]))
                    .addMatchers(Types.LabelMatcher.newBuilder().setName("cluster").setValue("west"))).build();
            HttpResponse<InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:19090/api/v1/read"))
                .header("Content-Type", "application/x-protobuf").header("Content-Encoding", "snappy")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Snappy.compress(req.toByteArray()))).build(), HttpResponse.BodyHandlers.ofInputStream());
            ChunkedFrameReader frames = new ChunkedFrameReader(r.body(), 64 << 20);
            byte[] f = frames.next();
            Types.ChunkedSeries s = Remote.ChunkedReadResponse.parseFrom(f).getChunkedSeries(0);
            for (int c = 0; c < Math.min(2, s.getChunksCount()); c++) {
                Types.Chunk chunk = s.getChunks(c);
                String name = String.format("chunk-%02d.bin", file++);
                Files.write(out.resolve(name), chunk.getData().toByteArray());
                StringBuilder sel = new StringBuilder("{");
                for (Types.Label l : s.getLabelsList()) { if (sel.length() > 1) sel.append(','); sel.append(l.getName()).append("=\"").append(l.getValue()).append('"'); }
                sel.append('}');
                index.append(name).append(' ').append(sel).append(' ').append(chunk.getMinTimeMs()).append(' ').append(chunk.getMaxTimeMs()).append('\n');
            }
        }
        Files.writeString(out.resolve("index.txt"), index.toString());
    }
}
