package io.patternscope.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.core.patterns.PatternClass;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReliabilityTest {

    private static CrossValidatePatternModel.Prediction verdict(double confidence, boolean right) {
        return new CrossValidatePatternModel.Prediction("w", "set", "file", 0, PatternClass.SINGLE_SPIKE,
                right ? PatternClass.SINGLE_SPIKE : PatternClass.NONE, confidence);
    }

    @Test
    void countsEachVerdictInTheBandItsConfidenceFallsIn() {
        List<CrossValidatePatternModel.Prediction> verdicts = List.of(verdict(0.3, false), verdict(0.69, true),
                verdict(0.7, true), verdict(0.95, false), verdict(1.0, true), verdict(0.999, true));
        List<Reliability.Band> bands = Reliability.of(verdicts, 0.7, 0.99).bands();
        assertEquals(3, bands.size());
        assertEquals(new Reliability.Band(0, 0.7, 1, 2), bands.get(0));
        assertEquals(new Reliability.Band(0.7, 0.99, 1, 2), bands.get(1), "a band includes its lower edge");
        assertEquals(new Reliability.Band(0.99, 1, 2, 2), bands.get(2), "the last band includes 1");
        String report = Reliability.of(verdicts, 0.7, 0.99).report();
        assertTrue(report.contains("confidence [0.00, 0.70): 1 of 2 right (0.500)"), report);
        assertTrue(report.contains("confidence [0.99, 1.00]: 2 of 2 right (1.000)"), report);
    }

    @Test
    void anEmptyBandHasNoAccuracy() {
        Reliability r = Reliability.of(List.of(verdict(0.95, true)), 0.5);
        assertTrue(Double.isNaN(r.bands().get(0).accuracy()));
        assertTrue(r.report().contains("0 of 0 right\n"), r.report());
    }

    @Test
    void edgesThatDoNotRiseAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Reliability.of(List.of(), 0.9, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Reliability.of(List.of(), 1.5));
    }
}
