package io.patternscope.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.core.patterns.PatternClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two runs' held-out verdicts, window by window: who got which window right. */
class CompareVerdictsTest {

    private static CrossValidatePatternModel.Prediction verdict(String id, PatternClass label, PatternClass predicted) {
        return new CrossValidatePatternModel.Prediction(id, "windows.jsonl", "realKnownCause/nyc_taxi.csv", 0, label, predicted, 0.9);
    }

    private static Path run(String name, CrossValidatePatternModel.Prediction... verdicts) throws Exception {
        Path dir = Files.createTempDirectory("ps-compare-" + name);
        CrossValidatePatternModel.write(dir.resolve(CrossValidatePatternModel.PREDICTIONS), List.of(verdicts));
        return dir;
    }

    @Test
    void namesTheWindowsTheOtherRunFixedAndBroke() throws Exception {
        Path base = run("base", verdict("a", PatternClass.SINGLE_SPIKE, PatternClass.SINGLE_SPIKE),
                verdict("b", PatternClass.NONE, PatternClass.SINGLE_SPIKE),
                verdict("c", PatternClass.LEVEL_SHIFT_UP, PatternClass.LEVEL_SHIFT_UP));
        Path other = run("other", verdict("c", PatternClass.LEVEL_SHIFT_UP, PatternClass.LEVEL_SHIFT_UP),
                verdict("a", PatternClass.SINGLE_SPIKE, PatternClass.NONE),
                verdict("b", PatternClass.NONE, PatternClass.NONE));
        String text = CompareVerdicts.compare(base, other);
        assertTrue(text.startsWith("crossval.tsv: 3 windows, base 2 right (0.667), other 2 right (0.667); other fixed 1, broke 1\n"), text);
        assertTrue(text.contains("  fixed:\n    b (realKnownCause/nyc_taxi.csv): labeled NONE, base SINGLE_SPIKE (0.90), other NONE (0.90)\n"), text);
        assertTrue(text.contains("  broken:\n    a (realKnownCause/nyc_taxi.csv): labeled SINGLE_SPIKE, base SINGLE_SPIKE (0.90), other NONE (0.90)\n"), text);
        assertEquals(5, text.lines().count(), "no blind.tsv in either folder, so no second block: " + text);
    }

    @Test
    void runsOverOtherWindowsOrNoVerdictsAreRefusedWithASentence() throws Exception {
        Path base = run("base", verdict("a", PatternClass.NONE, PatternClass.NONE));
        Path other = run("other", verdict("z", PatternClass.NONE, PatternClass.NONE));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CompareVerdicts.compare(base, other));
        assertTrue(e.getMessage().contains("judged different windows"), e.getMessage());
        Path empty = Files.createTempDirectory("ps-compare-empty");
        e = assertThrows(IllegalArgumentException.class, () -> CompareVerdicts.compare(base, empty));
        assertTrue(e.getMessage().contains("hold no verdict file in common"), e.getMessage());
    }
}
