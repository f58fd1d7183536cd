package io.patternscope.core.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingGrouperTest {

    private static FindingGrouper.Member m(String id, String metric, Map<String, String> labels, String pattern, long onset,
                                          int rank) {
        return new FindingGrouper.Member(id, metric, labels, pattern, onset, rank);
    }

    @Test
    void replicasFailingTogetherAreOneGroupRankedByTheirBestMember() {
        List<FindingGrouper.Member> ranked = new ArrayList<>();
        ranked.add(m("leak", "mem", Map.of("service", "cart", "pod", "cart-1"), "STEADY_INCREASE", 0, 1));
        for (int i = 0; i < 50; i++) {
            ranked.add(m("lat" + i, "latency", Map.of("service", "frontend", "pod", "fe-" + i, "quantile", "0.99"),
                    "LEVEL_SHIFT_UP", 600_000 + i * 1000, i + 2));
        }
        ranked.add(m("p50", "latency", Map.of("service", "frontend", "pod", "fe-0", "quantile", "0.5"),
                "LEVEL_SHIFT_UP", 600_000, 60));
        ranked.add(m("late", "latency", Map.of("service", "frontend", "pod", "fe-9", "quantile", "0.99"),
                "LEVEL_SHIFT_UP", 3_600_000, 61));
        List<FindingGrouper.Group> groups = new FindingGrouper(300_000).group(ranked);
        assertEquals(4, groups.size());
        assertEquals("mem{pod=\"cart-1\",service=\"cart\"}", groups.get(0).title());
        assertEquals(50, groups.get(1).members().size());
        assertEquals("latency{quantile=\"0.99\",service=\"frontend\"} × 50", groups.get(1).title());
        assertEquals(2, groups.get(1).members().get(0).rank(), "best member first");
        assertEquals("p50", groups.get(2).members().get(0).id(), "another quantile is another story");
        assertEquals("late", groups.get(3).members().get(0).id(), "an onset an hour later is another story");
        assertEquals(List.of(1, 2, 3, 4), groups.stream().map(FindingGrouper.Group::rank).toList());
    }

    @Test
    void differentPatternsOfTheSameMetricStayApart() {
        List<FindingGrouper.Group> groups = new FindingGrouper(300_000).group(List.of(
                m("a", "cpu", Map.of("pod", "a"), "LEVEL_SHIFT_UP", 0, 1),
                m("b", "cpu", Map.of("pod", "b"), "SINGLE_SPIKE", 0, 2)));
        assertEquals(2, groups.size());
    }
}
