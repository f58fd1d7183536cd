package io.patternscope.report.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.patternscope.core.relevance.RelevanceFeatures;
import io.patternscope.report.repository.RelevanceRepository;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A label becomes the same feature vector the model is later asked about. */
class RelevanceLabelsTest {

    @Test
    void anUncertainPatternIsAFeatureWhenLearningAsWhenScoring() {
        OffsetDateTime testStart = OffsetDateTime.parse("2026-11-23T08:00:00Z");
        RelevanceRepository.LabelRow uncertain = new RelevanceRepository.LabelRow(1, "a-1", "ROOT_CAUSE", 0.8, 1e-12, 6.0,
                testStart.plusMinutes(15), "LEVEL_SHIFT_UP", 0.55, true, "KS", testStart, testStart.plusHours(1), 0.1, 0.2);
        RelevanceRepository.LabelRow sure = new RelevanceRepository.LabelRow(2, "a-1", "NOT_ANOMALOUS", 0.8, 1e-12, 6.0,
                testStart.plusMinutes(15), "LEVEL_SHIFT_UP", 0.95, false, "KS", testStart, testStart.plusHours(1), 0.1, 0.2);
        int at = RelevanceFeatures.NAMES.indexOf("uncertain");
        List<io.patternscope.relevance.RelevanceEvaluation.Labelled> labelled = RelevanceService.labelled(List.of(uncertain, sure));
        assertEquals(1.0, labelled.get(0).example().features()[at]);
        assertEquals(0.0, labelled.get(1).example().features()[at]);
        assertEquals(0.25, labelled.get(0).example().features()[RelevanceFeatures.NAMES.indexOf("onset_in_test_window")], 1e-9);
    }
}
