package io.patternscope.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.core.patterns.PatternClass;
import io.patternscope.patternmodel.DjlPatternClassifier;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The probe asks the shipped model every textbook shape once and tabulates the answers. */
class ProbePatternModelTest {

    @Test
    void theShippedModelIsProbedOnEveryShapeAndNamesMostOfThem() {
        try (DjlPatternClassifier model = DjlPatternClassifier.load(Path.of("../models/pattern-cnn"))) {
            ProbePatternModel.Table table = ProbePatternModel.probe(model);
            assertEquals(PositionProbe.all().size(), table.total());
            int asked = table.noneAsked() + Arrays.stream(table.asked()).flatMapToInt(Arrays::stream).sum();
            assertEquals(table.total(), asked, "every probe lands in one cell");
            String text = table.render();
            for (PatternClass c : PatternClass.values()) {
                assertTrue(text.contains(c.name()), c.name());
            }
            assertTrue(text.contains("probe.accuracy"));
            // @6 names 238 of 328 (0.726): below 0.7 a new model has lost shapes it should know.
            assertTrue(table.accuracy() >= 0.7, text);
            assertEquals(table.noneAsked(), table.noneRight(), "noise alone is NONE: " + text);
        }
    }
}
