package io.patternscope.fetcher.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.core.config.ClusterBackend;
import io.patternscope.core.series.SeriesIds;
import io.patternscope.core.wire.AnalysisRequested;
import io.patternscope.core.wire.ScreeningParameters;
import io.patternscope.core.wire.SeriesData;
import io.patternscope.fetcher.client.PrometheusHttpClient;
import io.patternscope.fetcher.client.RangeSeries;
import io.patternscope.remoteread.testing.PrometheusFixture;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Discovery and fetching against the real Debian Prometheus, backfilled with two clusters. */
class FetchFromPrometheusIT {

    private static final long STEP = 15_000;
    private static final int POINTS = 240; // one hour
    private static final int BIG_METRIC_SERIES = 150;
    private static PrometheusFixture prometheus;
    private static long start;

    @BeforeAll
    static void startPrometheus() throws Exception {
        long now = System.currentTimeMillis();
        start = (now - now % STEP) - (POINTS - 1) * STEP - 600_000;
        StringBuilder om = new StringBuilder("# TYPE requests counter\n");
        for (String cluster : List.of("east", "west")) {
            double total = 1000;
            for (int i = 0; i < POINTS; i++) {
                total = (i == 120) ? 30 : total + 30; // a restart at point 120: the counter starts again
                om.append("requests_total{cluster=\"").append(cluster).append("\",pod=\"p1\"} ").append(total).append(' ')
                        .append((start + i * STEP) / 1000).append('\n');
            }
        }
        om.append("# TYPE temperature gauge\n");
        for (String cluster : List.of("east", "west")) {
            for (int i = 0; i < POINTS; i++) {
                if (i >= 100 && i < 140) {
                    continue; // a 10-minute hole: longer than the 5-minute lookback, so it stays a gap
                }
                om.append("temperature{cluster=\"").append(cluster).append("\"} ").append(20 + i % 3).append(' ')
                        .append((start + i * STEP) / 1000).append('\n');
            }
        }
        // A metric larger than a shard: pods with regex characters in their names, and series without the label.
        om.append("# TYPE bucket gauge\n");
        for (int p = 0; p < BIG_METRIC_SERIES; p++) {
            String pod = p % 10 == 0 ? "" : ",pod=\"" + (p % 7 == 0 ? "p(" + p + ")|x" : p % 5 == 0 ? "p." + p : "p" + p) + "\"";
            String le = p % 10 == 0 ? ",le=\"" + p + "\"" : "";
            for (int i = 0; i < POINTS; i += 20) {
                om.append("bucket{cluster=\"east\"").append(pod).append(le).append("} ").append(p).append(' ')
                        .append((start + i * STEP) / 1000).append('\n');
            }
        }
        // A gauge with the same test hour one and two days earlier, each day's values its own (100·day + i).
        om.append("# TYPE visits gauge\n");
        for (int day = 2; day >= 0; day--) {
            for (int i = 0; i < POINTS; i++) {
                om.append("visits{cluster=\"east\"} ").append(100 * day + i).append(' ')
                        .append((start - day * 86_400_000L + i * STEP) / 1000).append('\n');
            }
        }
        om.append("# EOF\n");
        prometheus = PrometheusFixture.start(om.toString());
    }

    @AfterAll
    static void stopPrometheus() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    private static ClusterBackend label(String cluster) {
        return new ClusterBackend(cluster, prometheus.url(), "", ClusterBackend.TenantMode.LABEL, cluster, "X-Scope-OrgID",
                "cluster", Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(10));
    }

    @Test
    void discoveryIsScopedToTheCluster() throws Exception {
        PrometheusHttpClient client = new PrometheusHttpClient(HttpClient.newHttpClient(), label("east"), 2, 50);
        List<Map<String, String>> series = client.series(
                List.of(SeriesIds.withMatcher("{__name__=~\".+\"}", "cluster", "east")), start, start + POINTS * STEP);
        Set<String> clusters = series.stream().map(s -> s.get("cluster")).collect(Collectors.toSet());
        assertEquals(Set.of("east"), clusters);
        assertEquals(3 + BIG_METRIC_SERIES, series.size());
    }

    @Test
    void remoteReadAndQueryRangeGiveTheSameGrid() throws Exception {
        PrometheusHttpClient client = new PrometheusHttpClient(HttpClient.newHttpClient(), label("east"), 2, 50);
        long end = start + (POINTS - 1) * STEP;
        AnalysisRequested request = new AnalysisRequested("a", "east", start, end - 1_800_000, end, STEP, List.of(),
                List.of(), 100, ScreeningParameters.defaults(), false);
        java.util.Map<String, double[]> viaRemoteRead = new java.util.HashMap<>();
        new io.patternscope.remoteread.RemoteReadClient(HttpClient.newHttpClient(), label("east"), 2, 50).read(
                List.of(io.patternscope.core.promql.SeriesSelector.parse("{cluster=\"east\"}")),
                start - io.patternscope.core.series.GridAligner.DEFAULT_LOOKBACK_MS, end, (labels, t, v, n) -> {
                    double[] grid = io.patternscope.core.series.GridAligner.align(t, v, n, start, STEP, POINTS,
                            io.patternscope.core.series.GridAligner.DEFAULT_LOOKBACK_MS);
                    viaRemoteRead.put(SeriesIds.canonical(labels),
                            AnalysisFetcher.toSeriesData("x", labels, grid, request.startMs(), request.stepMs()).values());
                });
        viaRemoteRead.keySet().removeIf(id -> id.startsWith("bucket") || id.startsWith("visits"));
        assertEquals(2, viaRemoteRead.size());
        for (String query : List.of("requests_total{cluster=\"east\"}", "temperature{cluster=\"east\"}")) {
            RangeSeries series = client.queryRange(query, start, end, STEP).get(0);
            double[] viaQueryRange = AnalysisFetcher.onGrid("x", series, request, POINTS).values();
            org.junit.jupiter.api.Assertions.assertArrayEquals(viaQueryRange,
                    viaRemoteRead.get(SeriesIds.canonical(series.labels())), 1e-12, query);
        }
    }

    @Test
    void countersBecomeRatesAcrossAResetAndLongGapsStayGaps() throws Exception {
        PrometheusHttpClient client = new PrometheusHttpClient(HttpClient.newHttpClient(), label("east"), 2, 50);
        long end = start + (POINTS - 1) * STEP;
        AnalysisRequested request = new AnalysisRequested("a", "east", start, end - 1_800_000, end, STEP, List.of(),
                List.of(), 100, ScreeningParameters.defaults(), false);

        RangeSeries requests = client.queryRange("requests_total{cluster=\"east\"}", start, end, STEP).get(0);
        SeriesData rates = AnalysisFetcher.onGrid(SeriesIds.canonical(requests.labels()), requests, request, POINTS);
        assertEquals(SeriesData.ValueKind.COUNTER_RATE, rates.kind());
        assertTrue(Double.isNaN(rates.values()[0]));
        for (int i = 1; i < POINTS; i++) {
            assertEquals(2.0, rates.values()[i], 1e-9, "rate at " + i); // 30 per 15 s, the reset included
        }

        RangeSeries temperature = client.queryRange("temperature{cluster=\"east\"}", start, end, STEP).get(0);
        SeriesData gauge = AnalysisFetcher.onGrid(SeriesIds.canonical(temperature.labels()), temperature, request, POINTS);
        assertEquals(SeriesData.ValueKind.GAUGE, gauge.kind());
        assertEquals(20 + 99 % 3, gauge.values()[99], 1e-9);
        assertEquals(20 + 99 % 3, gauge.values()[110], 1e-9, "within the lookback the last sample holds");
        assertTrue(Double.isNaN(gauge.values()[130]), "past the 5-minute lookback the hole is a gap, not a zero");
        assertEquals(20 + 140 % 3, gauge.values()[140], 1e-9);
    }

    @Test
    void aDailyReferenceReadsTheTestHourOnEarlierDaysByRemoteReadAndByQueryRange() throws Exception {
        long end = start + (POINTS - 1) * STEP;
        long testStart = end - 1_800_000;
        AnalysisRequested request = new AnalysisRequested("a", "east", start, testStart, end, STEP, List.of("visits"),
                List.of(), 100, new ScreeningParameters(0.01, 3.0, null, "DAILY"), false);
        String id = "visits{cluster=\"east\"}";
        Map<String, Map<String, String>> wanted = Map.of(id, Map.of("__name__", "visits"));
        io.patternscope.core.wire.FetchShard shard = io.patternscope.core.wire.FetchShard.of("a", request, 0, 1,
                List.of("visits"), null, List.of(id));
        AnalysisFetcher fetcher = new AnalysisFetcher(null, null, config(), null);
        List<String> reasons = new java.util.ArrayList<>();
        Map<String, List<SeriesData.PastWindow>> viaRemoteRead = fetcher.fetchPast(HttpClient.newHttpClient(), label("east"),
                request, shard, wanted, reasons);
        assertEquals(List.of(), reasons);
        int testIndex = (int) ((testStart - start) / STEP);
        Map<Long, double[]> byOffset = new java.util.TreeMap<>();
        viaRemoteRead.get(id).forEach(w -> byOffset.put(w.offsetMs(), w.values()));
        assertEquals(Set.of(86_400_000L, 172_800_000L), byOffset.keySet(), "three days asked for, two in the data");
        for (int day = 1; day <= 2; day++) {
            double[] window = byOffset.get(day * 86_400_000L);
            assertEquals(POINTS - testIndex, window.length, "as long as the test window");
            for (int j = 0; j < window.length; j++) {
                assertEquals(100 * day + testIndex + j, window[j], 1e-9, "day " + day + " point " + j);
            }
        }

        Map<String, List<SeriesData.PastWindow>> viaQueryRange = new java.util.HashMap<>();
        fetcher.pastByQueryRange(HttpClient.newHttpClient(), label("east"), request, shard, wanted, 86_400_000L, viaQueryRange,
                reasons, new io.patternscope.remoteread.RemoteReadException(
                        io.patternscope.remoteread.RemoteReadException.Kind.UNSUPPORTED, "no remote read", null));
        org.junit.jupiter.api.Assertions.assertArrayEquals(byOffset.get(86_400_000L), viaQueryRange.get(id).get(0).values(), 1e-9);
    }

    private static io.patternscope.fetcher.config.FetchConfig config() {
        return new io.patternscope.fetcher.config.FetchConfig() {
            public int maxBatchBytes() { return 768 * 1024; }
            public int concurrency() { return 2; }
            public int attempts() { return 2; }
            public long backoffMs() { return 50; }
            public int breakerFailures() { return 5; }
            public Duration breakerOpenFor() { return Duration.ofSeconds(30); }
            public int shardMaxSeries() { return 2500; }
            public int shardWorkers() { return 1; }
            public int workers() { return 1; }
        };
    }

    @Test
    void aMetricCutIntoPartsIsReadPartByPartEachSeriesExactlyOnce() throws Exception {
        ClusterBackend east = label("east");
        long end = start + (POINTS - 1) * STEP;
        PrometheusHttpClient client = new PrometheusHttpClient(HttpClient.newHttpClient(), east, 2, 50);
        Map<String, Map<String, String>> discovered = new java.util.TreeMap<>();
        for (Map<String, String> labels : client.series(List.of("bucket{cluster=\"east\"}"), start, end)) {
            discovered.put(SeriesIds.canonical(labels), labels);
        }
        assertEquals(BIG_METRIC_SERIES, discovered.size());
        List<ShardSplitter.Planned> shards = ShardSplitter.split(discovered, 40);
        assertTrue(shards.size() >= 4, "cut into parts: " + shards.size());
        java.util.Set<String> viaRemoteRead = new java.util.HashSet<>();
        java.util.Set<String> viaQueryRange = new java.util.HashSet<>();
        for (ShardSplitter.Planned shard : shards) {
            java.util.Set<String> part = new java.util.HashSet<>();
            new io.patternscope.remoteread.RemoteReadClient(HttpClient.newHttpClient(), east, 2, 50).readMetrics(
                    List.of("{cluster=\"east\"}"), shard.metrics(), AnalysisFetcher.partMatchers(shard.partition()), start, end,
                    (labels, t, v, n) -> part.add(SeriesIds.canonical(labels)));
            assertEquals(java.util.Set.copyOf(shard.ids()), part, "remote read of " + shard.partition());
            for (String id : part) {
                assertTrue(viaRemoteRead.add(id), "read twice: " + id);
            }
            for (RangeSeries s : client.queryRange(AnalysisFetcher.metricSelector("bucket", east, shard.partition()), start, end,
                    STEP)) {
                assertTrue(part.contains(SeriesIds.canonical(s.labels())), "query_range outside the part: " + s.labels());
                viaQueryRange.add(SeriesIds.canonical(s.labels()));
            }
        }
        assertEquals(discovered.keySet(), viaRemoteRead);
        assertEquals(discovered.keySet(), viaQueryRange);
    }
}
