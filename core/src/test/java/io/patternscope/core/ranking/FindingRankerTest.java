package io.patternscope.core.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingRankerTest {

    @Test
    void flooredScoresTieAndEarlierOnsetWins() {
        FindingRanker ranker = FindingRanker.defaults();
        List<FindingRanker.Ranked> ranked = ranker.rank(List.of(
                new FindingRanker.Candidate("symptom", 1e-30, 8, 2_000, "UNCLASSIFIED"),
                new FindingRanker.Candidate("cause", 1e-12, 5, 1_000, "UNCLASSIFIED"),
                new FindingRanker.Candidate("weak", 1e-3, 20, 10, "UNCLASSIFIED")), 0);
        assertEquals(List.of("cause", "symptom", "weak"), ranked.stream().map(r -> r.candidate().id()).toList());
        assertEquals(-Math.log(1e-4), ranked.get(0).score(), 1e-12);
    }

    @Test
    void changesAlreadyUnderWayBeforeTheTestWindowRankAfterThoseThatBeganInIt() {
        List<FindingRanker.Ranked> ranked = FindingRanker.defaults().rank(List.of(
                new FindingRanker.Candidate("old-drift", 1e-9, 9, 500, "UNCLASSIFIED"),
                new FindingRanker.Candidate("cause", 1e-9, 9, 1_500, "UNCLASSIFIED"),
                new FindingRanker.Candidate("symptom", 1e-9, 9, 2_000, "UNCLASSIFIED")), 1_000);
        assertEquals(List.of("cause", "symptom", "old-drift"), ranked.stream().map(r -> r.candidate().id()).toList());
    }

    @Test
    void stillAbnormalPatternsOutrankRecoveredOnesAndZeroWeightFilters() {
        FindingRanker ranker = new FindingRanker(new PatternWeights(0.8, 0.2, Map.of("FLUCTUATIONS", 0.0)), 1e-4);
        List<FindingRanker.Ranked> ranked = ranker.rank(List.of(
                new FindingRanker.Candidate("spike", 1e-9, 9, 1, "SINGLE_SPIKE"),
                new FindingRanker.Candidate("noise", 1e-9, 9, 1, "FLUCTUATIONS"),
                new FindingRanker.Candidate("shift", 1e-9, 9, 5, "LEVEL_SHIFT_UP")), 0);
        assertEquals(List.of("shift", "spike"), ranked.stream().map(r -> r.candidate().id()).toList());
        assertEquals(1, PatternWeights.patternType("LEVEL_SHIFT_UP"));
        assertEquals(2, PatternWeights.patternType("SINGLE_SPIKE"));
    }
}
