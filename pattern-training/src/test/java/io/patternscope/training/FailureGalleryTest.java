package io.patternscope.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.core.patterns.PatternClass;
import io.patternscope.patternmodel.ModelInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailureGalleryTest {

    private static CrossValidatePatternModel.Prediction verdict(String id, PatternClass label, PatternClass predicted) {
        return new CrossValidatePatternModel.Prediction(id, "windows.jsonl", "f.csv", 0, label, predicted, 0.9);
    }

    private static LabeledWindows.Window window(String id, PatternClass label) {
        return new LabeledWindows.Window(id, "f.csv", label, new double[] {1, 2, 3, 10, 3, 2});
    }

    @Test
    void missesAreGroupedByKindCommonestFirstAndRightVerdictsAreLeftOut() {
        List<CrossValidatePatternModel.Prediction> verdicts = List.of(
                verdict("a", PatternClass.SINGLE_SPIKE, PatternClass.NONE),
                verdict("b", PatternClass.MULTIPLE_SPIKES, PatternClass.SINGLE_SPIKE),
                verdict("c", PatternClass.MULTIPLE_SPIKES, PatternClass.SINGLE_SPIKE),
                verdict("d", PatternClass.NONE, PatternClass.NONE),
                verdict("e", PatternClass.LEVEL_SHIFT_UP, PatternClass.NONE));
        Map<String, LabeledWindows.Window> windows = Map.of(
                "a", window("a", PatternClass.SINGLE_SPIKE), "b", window("b", PatternClass.MULTIPLE_SPIKES),
                "c", window("c", PatternClass.MULTIPLE_SPIKES), "d", window("d", PatternClass.NONE));
        List<FailureGallery.Confusion> groups = FailureGallery.commonest(verdicts, windows);
        assertEquals(2, groups.size(), "the right verdict and the window not on file are left out: " + groups);
        assertEquals(PatternClass.MULTIPLE_SPIKES, groups.get(0).label());
        assertEquals(PatternClass.SINGLE_SPIKE, groups.get(0).predicted());
        assertEquals(2, groups.get(0).windows().size());

        String svg = FailureGallery.draw(groups, ModelInput.STANDARD);
        assertTrue(svg.startsWith("<svg") && svg.contains("MULTIPLE_SPIKES → SINGLE_SPIKE (2)"), svg);
        assertEquals(3, svg.split("<polyline").length - 1, "one line per window drawn");
    }
}
