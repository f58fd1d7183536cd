package io.patternscope.remoteread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.core.config.ClusterBackend;
import io.patternscope.core.promql.SeriesSelector;
import io.patternscope.remoteread.testing.PrometheusFixture;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Remote read against the real Debian Prometheus 2.42: streamed XOR chunks decode to what was written. */
class RemoteReadFromPrometheusIT {

    private static final long STEP = 15_000;
    private static final int POINTS = 1000; // > 120 samples: several chunks per series
    private static PrometheusFixture prometheus;
    private static long start;
    private static final Map<String, double[]> written = new HashMap<>();

    @BeforeAll
    static void startPrometheus() throws Exception {
        long now = System.currentTimeMillis();
        start = now - now % 3_600_000 - 24 * 3_600_000L;
        StringBuilder om = new StringBuilder("# TYPE demo_value gauge\n");
        java.util.Random random = new java.util.Random(5);
        for (String cluster : List.of("east", "west")) {
            for (int s = 0; s < 20; s++) {
                double[] v = new double[POINTS];
                for (int i = 0; i < POINTS; i++) {
                    v[i] = switch (s % 4) {
                        case 0 -> Math.round(random.nextGaussian() * 10); // integers
                        case 1 -> 1e9 + i * 1234.5; // a ramp
                        case 2 -> random.nextGaussian();
                        default -> i % 100 == 0 ? Double.POSITIVE_INFINITY : 42; // special values
                    };
                    om.append("demo_value{cluster=\"").append(cluster).append("\",s=\"").append(s).append("\"} ")
                            .append(v[i] == Double.POSITIVE_INFINITY ? "+Inf" : Double.toString(v[i])).append(' ')
                            .append((start + i * STEP) / 1000).append('\n');
                }
                written.put(cluster + "/" + s, v);
            }
        }
        om.append("# EOF\n");
        prometheus = PrometheusFixture.start(om.toString());
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    private static RemoteReadClient client() {
        return new RemoteReadClient(HttpClient.newHttpClient(), new ClusterBackend("east", prometheus.url(), "",
                ClusterBackend.TenantMode.LABEL, "east", "X-Scope-OrgID", "cluster", Optional.empty(), Optional.empty(),
                Optional.empty(), Duration.ofSeconds(10)), 2, 50);
    }

    @Test
    void streamedChunksDecodeToExactlyTheSamplesWritten() throws Exception {
        List<String> seen = new ArrayList<>();
        RemoteReadClient.Answer answer = client().read(List.of(SeriesSelector.parse("demo_value{cluster=\"east\"}")),
                start, start + (POINTS - 1) * STEP, (labels, timestamps, values, count) -> {
                    String key = labels.get("cluster") + "/" + labels.get("s");
                    seen.add(key);
                    assertEquals(POINTS, count, key);
                    double[] expected = written.get(key);
                    for (int i = 0; i < count; i++) {
                        assertEquals(start + i * STEP, timestamps[i]);
                        assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(values[i]), key + " @" + i);
                    }
                });
        assertEquals(RemoteReadClient.Answer.STREAMED_XOR_CHUNKS, answer);
        assertEquals(20, seen.size());
        assertTrue(seen.stream().allMatch(k -> k.startsWith("east/")), "only the east cluster");
    }

    @Test
    void aNarrowRangeKeepsOnlyItsSamples() throws Exception {
        long from = start + 100 * STEP;
        long to = start + 199 * STEP;
        int[] counts = new int[1];
        client().read(List.of(SeriesSelector.parse("demo_value{cluster=\"west\",s=\"2\"}")), from, to,
                (labels, timestamps, values, count) -> {
                    counts[0] = count;
                    assertEquals(from, timestamps[0]);
                    assertEquals(to, timestamps[count - 1]);
                    assertEquals(written.get("west/2")[100], values[0], 0);
                });
        assertEquals(100, counts[0]);
    }

    @Test
    void aBackendWithoutRemoteReadIsReportedAsUnsupported() {
        RemoteReadClient noReadEndpoint = new RemoteReadClient(HttpClient.newHttpClient(), new ClusterBackend("x",
                prometheus.url(), "/not-here", ClusterBackend.TenantMode.LABEL, "x", "X-Scope-OrgID", "cluster",
                Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(5)), 2, 50);
        RemoteReadException e = org.junit.jupiter.api.Assertions.assertThrows(RemoteReadException.class,
                () -> noReadEndpoint.read(List.of(SeriesSelector.parse("up")), start, start + STEP, (l, t, v, c) -> { }));
        assertEquals(RemoteReadException.Kind.UNSUPPORTED, e.kind());
        assertTrue(Arrays.asList(RemoteReadException.Kind.values()).contains(e.kind()));
    }
}
