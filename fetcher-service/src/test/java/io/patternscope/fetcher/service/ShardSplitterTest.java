package io.patternscope.fetcher.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.core.series.SeriesIds;
import io.patternscope.core.wire.AnalysisRequested;
import io.patternscope.core.wire.FetchShard;
import io.patternscope.bus.WireCodec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ShardSplitterTest {

    private static Map<String, Map<String, String>> series(String metric, int count) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            Map<String, String> labels = Map.of("__name__", metric, "pod", "p" + i, "namespace", "ns" + (i % 3));
            out.put(SeriesIds.canonical(labels), labels);
        }
        return out;
    }

    @Test
    void smallMetricsArePackedWholeUpToTheSize() {
        Map<String, Map<String, String>> discovered = new TreeMap<>();
        discovered.putAll(series("a", 30));
        discovered.putAll(series("b", 30));
        discovered.putAll(series("d", 10));
        List<ShardSplitter.Planned> shards = ShardSplitter.split(discovered, 60);
        assertEquals(List.of(60, 10), shards.stream().map(s -> s.ids().size()).toList());
        assertEquals(List.of("a", "b"), shards.get(0).metrics());
        assertNull(shards.get(0).partition());
        assertEquals(1, ShardSplitter.split(series("x", 5), 2500).size());
    }

    @Test
    void aMetricLargerThanAShardIsCutByItsMostDistinctLabelAndEveryPartMatchesExactlyItsSeries() {
        Map<String, Map<String, String>> discovered = new TreeMap<>();
        discovered.putAll(series("a", 30));
        discovered.putAll(series("c", 250));
        List<ShardSplitter.Planned> shards = ShardSplitter.split(discovered, 60);
        Set<String> seen = new HashSet<>();
        for (ShardSplitter.Planned shard : shards) {
            assertTrue(shard.ids().size() <= 60, "at most a shard's worth: " + shard.ids().size());
            if (shard.metrics().equals(List.of("c"))) {
                assertEquals("pod", shard.partition().label());
                // Prometheus anchors the regex: it selects this part's series and no other of the metric.
                Pattern part = Pattern.compile(shard.partition().regex());
                for (Map.Entry<String, Map<String, String>> s : series("c", 250).entrySet()) {
                    assertEquals(shard.ids().contains(s.getKey()), part.matcher(s.getValue().get("pod")).matches(), s.getKey());
                }
            }
            for (String id : shard.ids()) {
                assertTrue(seen.add(id), "each series in one shard: " + id);
            }
        }
        assertEquals(discovered.keySet(), seen);
    }

    @Test
    void labelValuesWithRegexCharactersAreMatchedLiterally() {
        Map<String, Map<String, String>> discovered = new TreeMap<>();
        List<String> odd = List.of("a.b", "a+b", "(x|y)", "[z]", "back\\slash", "$1^", "");
        for (String value : odd) {
            Map<String, String> labels = value.isEmpty() ? Map.of("__name__", "m") : Map.of("__name__", "m", "path", value);
            discovered.put(SeriesIds.canonical(labels), labels);
        }
        ShardSplitter.Planned part = ShardSplitter.split(discovered, 3).get(0);
        Pattern regex = Pattern.compile(part.partition().regex());
        for (String value : odd) {
            assertEquals(part.partition().values().contains(value), regex.matcher(value).matches(), value);
        }
        assertTrue(!regex.matcher("aXb").matches(), "a dot is a dot");
    }

    @Test
    void aShardOfTenThousandLongIdsFitsInANatsMessage() {
        // One cAdvisor-like metric of 10,578 series with long label sets (the 2.6 MB message that failed).
        Map<String, Map<String, String>> discovered = new TreeMap<>();
        for (int i = 0; i < 10_578; i++) {
            Map<String, String> labels = new TreeMap<>(Map.of("__name__", "container_memory_working_set_bytes",
                    "container", "app-" + (i % 40), "namespace", "team-" + (i % 25),
                    "pod", "app-" + (i % 40) + "-7c9d8f6b5-" + Integer.toString(i * 7919, 36),
                    "id", "/kubepods/burstable/pod" + java.util.UUID.nameUUIDFromBytes(("p" + i).getBytes()),
                    "image", "registry.example.com/team/app-" + (i % 40) + ":1." + (i % 9),
                    "node", "ip-10-0-" + (i % 64) + "-" + (i % 200) + ".eu-west-1.compute.internal"));
            discovered.put(SeriesIds.canonical(labels), labels);
        }
        AnalysisRequested request = new AnalysisRequested("a", "c", 0, 1, 2, 15_000, List.of(), List.of(), 100_000,
                null, false);
        List<ShardSplitter.Planned> shards = ShardSplitter.split(discovered, 20_000);
        int total = 0;
        for (int n = 0; n < shards.size(); n++) {
            ShardSplitter.Planned s = shards.get(n);
            byte[] message = WireCodec.encode(FetchShard.of("a", request, n, shards.size(), s.metrics(), s.partition(), s.ids()));
            assertTrue(message.length < 1024 * 1024, "shard " + n + " is " + message.length + " bytes");
            FetchShard back = WireCodec.decode(message, FetchShard.class);
            assertEquals(s.ids(), back.seriesIds());
            total += s.ids().size();
        }
        assertEquals(10_578, total);
    }
}
