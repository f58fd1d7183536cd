package io.patternscope.core.chunks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Chunks captured from the real Debian Prometheus 2.42 (remote read, STREAMED_XOR_CHUNKS) against
 * the raw samples Prometheus itself returned for the same series and time span through its query
 * API (a range vector), kept in src/test/resources/golden/chunks. Exact match required.
 */
class PrometheusGoldenChunksTest {

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PrometheusGoldenChunksTest.class.getResourceAsStream("/golden/chunks/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void capturedChunksDecodeToThePrometheusSamples() throws IOException {
        JsonNode expected = new ObjectMapper().readTree(resource("expected.json")).path("chunks");
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> chunk = it.next();
            byte[] data = resource(chunk.getKey());
            JsonNode ts = chunk.getValue().path("timestamps");
            JsonNode vs = chunk.getValue().path("values");
            long[] t = new long[XorChunkDecoder.sampleCount(data)];
            double[] v = new double[t.length];
            int n = XorChunkDecoder.decode(data, t, v, 0);
            assertEquals(ts.size(), n, chunk.getKey() + " " + chunk.getValue().path("series").asText());
            for (int i = 0; i < n; i++) {
                assertEquals(ts.get(i).asLong(), t[i], chunk.getKey() + " timestamp " + i);
                assertEquals(Double.parseDouble(vs.get(i).asText()), v[i], 0, chunk.getKey() + " value " + i);
            }
            checked++;
        }
        assertEquals(8, checked);
    }
}
