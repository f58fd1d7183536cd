package io.patternscope.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.patternscope.patternmodel.DjlPatternClassifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The hand-labeled real sets are complete and well-formed, and the shipped model holds on them. */
class EvaluatePatternModelTest {

    private static final Path NAB = Path.of("../../shared/datasets/nab");
    private static final Path WINDOWS = Path.of("../tools/nab-labels/windows.jsonl");
    private static final Path FRESH = Path.of("../tools/nab-labels/fresh.jsonl");
    private static final Path MORE = Path.of("../tools/nab-labels/more.jsonl");
    private static final Path MODEL = Path.of("../models/pattern-cnn");
    /** Under the model card's cross-validated figure. */
    private static final double FLOOR = 0.72;

    @Test
    void atLeast150WindowsAreLabeledAndEveryExclusionSaysWhy() throws Exception {
        assumeTrue(Files.isDirectory(NAB.resolve("data")), "the NAB data lies beside the checkout in CI");
        LabeledWindows.Set set = LabeledWindows.read(WINDOWS, NAB);
        assertTrue(set.labeled().size() >= 150, "labeled: " + set.labeled().size());
        assertEquals(258, set.labeled().size() + set.excluded());
        assertTrue(set.labeled().stream().allMatch(w -> w.values().length >= 144));
        long classes = set.labeled().stream().map(LabeledWindows.Window::label).distinct().count();
        assertTrue(classes >= 10, "labels cover most classes: " + classes);
    }

    @Test
    void aBrokenLabelFileIsRefusedWithTheLine() throws Exception {
        assumeTrue(Files.isDirectory(NAB.resolve("data")));
        Path bad = Files.createTempFile("windows", ".jsonl");
        Files.writeString(bad, "{\"id\":\"x\",\"file\":\"realKnownCause/nyc_taxi.csv\",\"start\":0,\"length\":10,\"label\":\"WIGGLE\"}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabeledWindows.read(bad, NAB));
        assertTrue(e.getMessage().contains("line 1: unknown label WIGGLE"), e.getMessage());
        Files.writeString(bad, "\n{\"id\":\"x\",\"file\":\"realKnownCause/nyc_taxi.csv\",\"start\":10319,\"length\":10,\"label\":\"NONE\"}\n");
        e = assertThrows(IllegalArgumentException.class, () -> LabeledWindows.read(bad, NAB));
        assertTrue(e.getMessage().contains("line 2: window 10319+10 is outside"), e.getMessage());
    }

    /**
     * The shipped model learnt from the labeled windows, so its real-data figure is the held-out
     * predictions it carries: every labeled window of both sets judged exactly once, by a fold
     * that held its whole NAB file out, with the labels of today's files.
     */
    @Test
    void theShippedModelCarriesAHeldOutVerdictForEveryLabeledWindow() throws Exception {
        assumeTrue(Files.isDirectory(NAB.resolve("data")));
        Path heldOut = MODEL.resolve(CrossValidatePatternModel.PREDICTIONS);
        java.util.List<CrossValidatePatternModel.Prediction> predictions = CrossValidatePatternModel.read(heldOut);
        EvaluatePatternModel.checkCovers(predictions, java.util.List.of(LabeledWindows.read(WINDOWS, NAB), LabeledWindows.read(FRESH, NAB)));
        java.util.Map<String, java.util.Set<Integer>> foldsOfFile = new java.util.HashMap<>();
        predictions.forEach(p -> foldsOfFile.computeIfAbsent(p.file(), f -> new java.util.HashSet<>()).add(p.fold()));
        assertTrue(foldsOfFile.values().stream().allMatch(folds -> folds.size() == 1), "a file's windows share one fold");
        assertEquals(5, predictions.stream().mapToInt(CrossValidatePatternModel.Prediction::fold).distinct().count());
        // A floor under the model card's figure, to catch a crossval.tsv from a broken run.
        double accuracy = CrossValidatePatternModel.evaluation(predictions).accuracy();
        assertTrue(accuracy > FLOOR, "cross-validated real accuracy " + accuracy);
    }

    /**
     * The blind set (d) was labeled before any model saw it and is never trained on: the shipped
     * model carries a verdict for each window by the cross-validation model that never saw its
     * file, and none of those windows is among the ones it learnt from.
     */
    @Test
    void theShippedModelCarriesBlindVerdictsForWindowsItNeverLearntFrom() throws Exception {
        assumeTrue(Files.isDirectory(NAB.resolve("data")));
        LabeledWindows.Set more = LabeledWindows.read(MORE, NAB);
        assertEquals(103, more.labeled().size() + more.excluded());
        java.util.List<CrossValidatePatternModel.Prediction> blind =
                CrossValidatePatternModel.read(MODEL.resolve(CrossValidatePatternModel.BLIND_PREDICTIONS));
        EvaluatePatternModel.checkCovers(blind, java.util.List.of(more));
        java.util.Set<String> learnt = new java.util.HashSet<>();
        CrossValidatePatternModel.read(MODEL.resolve(CrossValidatePatternModel.PREDICTIONS)).forEach(p -> learnt.add(p.id()));
        assertTrue(blind.stream().noneMatch(p -> learnt.contains(p.id())), "blind windows are not training windows");
        double accuracy = CrossValidatePatternModel.evaluation(blind).accuracy();
        assertTrue(accuracy > FLOOR, "blind accuracy " + accuracy);
        try (DjlPatternClassifier classifier = DjlPatternClassifier.load(MODEL)) {
            double direct = EvaluatePatternModel.real(classifier, more).accuracy();
            assertTrue(direct > FLOOR, "the shipped model on (d) " + direct);
        }
    }

    /** Served the production way, the shipped model reproduces its labels on the windows it learnt from. */
    @Test
    void theShippedModelFitsTheWindowsItLearntFrom() throws Exception {
        assumeTrue(Files.isDirectory(NAB.resolve("data")));
        LabeledWindows.Set set = LabeledWindows.read(WINDOWS, NAB);
        LabeledWindows.Set fresh = LabeledWindows.read(FRESH, NAB);
        assertEquals(114, fresh.labeled().size() + fresh.excluded());
        assertTrue(fresh.labeled().size() >= 80, "labeled: " + fresh.labeled().size());
        try (DjlPatternClassifier classifier = DjlPatternClassifier.load(MODEL)) {
            Evaluation real = EvaluatePatternModel.real(classifier, set);
            assertEquals(set.labeled().size(), Arrays.stream(real.confusion()).flatMapToInt(Arrays::stream).sum());
            assertTrue(real.accuracy() > 0.9, "fit on (b) " + real.accuracy());
            assertTrue(EvaluatePatternModel.real(classifier, fresh).accuracy() > 0.9, "fit on (c)");
        }
    }

    /**
     * The alert-time view: a step that happened in the last 10–15 % of the window must read as still
     * abnormal (type 1). Two candidate models broke exactly this while scoring higher elsewhere.
     */
    @Test
    void aStepJustBeforeTheAlertIsStillAbnormal() {
        java.util.Random random = new java.util.Random(7);
        java.util.List<double[]> steps = new java.util.ArrayList<>();
        for (int k = 0; k < 40; k++) {
            int n = 720;
            int at = (int) (n * (0.85 + 0.07 * random.nextDouble()));
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = 100 + random.nextGaussian() + (i >= at ? 8 + 8 * (k % 3) : 0); // steps of 8, 16, 24 σ
            }
            steps.add(v);
        }
        try (DjlPatternClassifier classifier = DjlPatternClassifier.load(MODEL)) {
            long stillAbnormal = classifier.classify(steps).stream().filter(r -> r.pattern().type() == 1).count();
            assertTrue(stillAbnormal >= 36, "late steps read as still abnormal: " + stillAbnormal + " of 40");
        }
    }
}
