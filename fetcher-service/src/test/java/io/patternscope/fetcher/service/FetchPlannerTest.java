package io.patternscope.fetcher.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FetchPlannerTest {

    private static Map<String, Map<String, String>> series(String metric, int count) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            out.put(metric + "{pod=\"p" + i + "\"}", Map.of("__name__", metric, "pod", "p" + i));
        }
        return out;
    }

    @Test
    void shardsHoldWholeMetricsUpToTheSize() {
        Map<String, Map<String, String>> discovered = new TreeMap<>();
        discovered.putAll(series("a", 30));
        discovered.putAll(series("b", 30));
        discovered.putAll(series("c", 90)); // larger than a shard on its own: stays whole
        discovered.putAll(series("d", 10));
        List<List<String>> shards = FetchPlanner.shards(discovered, 60);
        assertEquals(List.of(60, 90, 10), shards.stream().map(List::size).toList());
        assertEquals(160, shards.stream().mapToInt(List::size).sum());
        assertEquals(1, FetchPlanner.shards(series("x", 5), 2500).size());
    }
}
