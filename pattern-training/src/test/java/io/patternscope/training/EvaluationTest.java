package io.patternscope.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.patternscope.core.patterns.PatternClass;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    @Test
    void typeAccuracyCountsARightTypeUnderAWrongNameAsRight() {
        int n = PatternClass.values().length;
        int[][] confusion = new int[n][n];
        int transientDown = PatternClass.TRANSIENT_LEVEL_SHIFT_DOWN.ordinal();
        confusion[transientDown][PatternClass.SUDDEN_DECREASE.ordinal()] = 3; // recovered called still abnormal: wrong type
        confusion[transientDown][PatternClass.SINGLE_DIP.ordinal()] = 1; // recovered, wrong name: right type
        confusion[transientDown][transientDown] = 4;
        confusion[PatternClass.NONE.ordinal()][PatternClass.NONE.ordinal()] = 2;
        Evaluation e = new Evaluation(confusion);
        assertEquals(6 / 10.0, e.accuracy(), 1e-12);
        assertEquals(7 / 10.0, e.typeAccuracy(), 1e-12);
    }
}
