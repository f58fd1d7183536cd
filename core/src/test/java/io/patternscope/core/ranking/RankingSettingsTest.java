package io.patternscope.core.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingSettingsTest {

    @Test
    void theDefaultsArePatternMatchers() {
        RankingSettings d = RankingSettings.defaults("east");
        assertNull(d.problem());
        assertTrue(d.isDefault());
        assertEquals(-Math.log(1e-4) * 0.8, d.ranker().score(1e-12, "LEVEL_SHIFT_UP"), 1e-12);
        assertEquals(-Math.log(1e-4) * 0.2, d.ranker().score(1e-12, "SINGLE_SPIKE"), 1e-12);
    }

    @Test
    void badSettingsAreRefusedWithASentence() {
        assertTrue(new RankingSettings("t", -1, 0.2, Map.of(), List.of()).problem().contains("between 0 and 10"));
        assertTrue(new RankingSettings("t", 0.8, Double.NaN, Map.of(), List.of()).problem().contains("between 0 and 10"));
        assertTrue(new RankingSettings("t", 0.8, 0.2, Map.of("SPIKEY", 1.0), List.of()).problem().contains("unknown pattern 'SPIKEY'"));
        assertTrue(new RankingSettings("t", 0.8, 0.2, Map.of(), List.of("NOPE")).problem().contains("'hiddenPatterns'"));
        assertTrue(new RankingSettings("t", 0.8, 0.2, Map.of("SINGLE_SPIKE", 11.0), List.of()).problem().contains("SINGLE_SPIKE"));
    }
}
