package io.patternscope.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.patternscope.core.patterns.PatternClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Folds split by NAB file, so no held-out window shares a file (and so an event) with training. */
class CrossValidatePatternModelTest {

    private static final Path NAB = Path.of("../../shared/datasets/nab");
    private static final Path WINDOWS = Path.of("../tools/nab-labels/windows.jsonl");
    private static final Path FRESH = Path.of("../tools/nab-labels/fresh.jsonl");
    private static final Path MORE = Path.of("../tools/nab-labels/more.jsonl");
    private static final Path EXTRA = Path.of("../tools/nab-labels/extra.jsonl");

    private static LabeledWindows.Window window(String id, String file) {
        return new LabeledWindows.Window(id, file, PatternClass.NONE, new double[] {1, 2, 3});
    }

    /** {@code sizes[f]} windows from each file {@code file<f>.csv}. */
    private static List<LabeledWindows.Window> windowsOfFiles(int... sizes) {
        List<LabeledWindows.Window> windows = new ArrayList<>();
        for (int f = 0; f < sizes.length; f++) {
            for (int i = 0; i < sizes[f]; i++) {
                windows.add(window("w" + f + "-" + i, "file" + f + ".csv"));
            }
        }
        return windows;
    }

    @Test
    void wholeFilesGoToOneFoldEachAndTheFoldsAreBalanced() {
        int[] sizes = {9, 7, 5, 4, 4, 3, 2, 1};
        List<LabeledWindows.Window> windows = windowsOfFiles(sizes);
        Map<String, Integer> fold = CrossValidatePatternModel.foldsByFile(windows, 3);
        assertEquals(sizes.length, fold.size(), "every file has a fold");
        Map<Integer, Long> load = windows.stream().collect(Collectors.groupingBy(w -> fold.get(w.file()), Collectors.counting()));
        assertEquals(3, load.size());
        long max = load.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        long min = load.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        assertTrue(max - min <= 2, "folds of 35 windows stay within 2 of each other: " + load);
        assertEquals(fold, CrossValidatePatternModel.foldsByFile(windows, 3), "deterministic");
    }

    @Test
    void asManyFoldsAsFilesLeavesOneFileOutAtATime() {
        int[] sizes = {9, 7, 5, 4, 4, 3, 2, 1};
        List<LabeledWindows.Window> windows = windowsOfFiles(sizes);
        Map<String, Integer> fold = CrossValidatePatternModel.foldsByFile(windows, sizes.length);
        assertEquals(sizes.length, new java.util.HashSet<>(fold.values()).size(), "each fold holds exactly one file: " + fold);
    }

    @Test
    void tooFewFilesOrFoldsIsASentence() {
        List<LabeledWindows.Window> two = List.of(window("a", "x.csv"), window("b", "y.csv"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CrossValidatePatternModel.foldsByFile(two, 3));
        assertTrue(e.getMessage().contains("3 folds need at least as many labeled files; the labels cover 2 (2 folds leave one file out"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CrossValidatePatternModel.foldsByFile(two, 1));
        assertTrue(e.getMessage().contains("at least 2 folds"), e.getMessage());
    }

    /** A small real run: every window is predicted once, by the fold that held its file out; the file reads back. */
    @Test
    void everyWindowIsJudgedOnceByTheModelThatNeverSawItsFile() throws Exception {
        assumeTrue(Files.isDirectory(NAB.resolve("data")), "the NAB data lies beside the checkout in CI");
        Map<String, List<LabeledWindows.Window>> sets = new LinkedHashMap<>();
        sets.put("windows.jsonl", LabeledWindows.read(WINDOWS, NAB).labeled().subList(0, 40));
        sets.put("fresh.jsonl", LabeledWindows.read(FRESH, NAB).labeled().subList(0, 20));
        Path work = Files.createTempDirectory("ps-crossval");
        List<LabeledWindows.Window> blindWindows = LabeledWindows.read(MORE, NAB).labeled().subList(0, 15);
        List<CrossValidatePatternModel.Prediction> blind = new ArrayList<>();
        List<LabeledWindows.Window> trainOnly = LabeledWindows.read(EXTRA, NAB).labeled().subList(0, 10);
        List<CrossValidatePatternModel.Prediction> predictions = CrossValidatePatternModel.crossValidate(work, 30, 1, 2,
                sets, trainOnly, Map.of("more.jsonl", blindWindows), blind);
        assertEquals(60, predictions.size());
        assertEquals(60, predictions.stream().map(CrossValidatePatternModel.Prediction::id).distinct().count());
        List<LabeledWindows.Window> all = new ArrayList<>(sets.get("windows.jsonl"));
        all.addAll(sets.get("fresh.jsonl"));
        Map<String, Integer> fold = CrossValidatePatternModel.foldsByFile(all, 2);
        predictions.forEach(p -> assertEquals(fold.get(p.file()), p.fold(), p.id() + " judged by its own file's fold"));
        assertTrue(predictions.stream().noneMatch(p -> p.set().equals("extra.jsonl")), "training-only windows are not judged");
        assertEquals(20, predictions.stream().filter(p -> p.set().equals("fresh.jsonl")).count());
        // Blind windows are judged once each, by the fold that never saw their file (fold 0 for a file no labeled window is from).
        assertEquals(15, blind.size());
        assertEquals(15, blind.stream().map(CrossValidatePatternModel.Prediction::id).distinct().count());
        blind.forEach(p -> assertEquals(fold.getOrDefault(p.file(), 0), p.fold(), p.id()));
        assertTrue(blind.stream().allMatch(p -> p.set().equals("more.jsonl")));
        assertTrue(CrossValidatePatternModel.blindSummary(blind).contains("evaluate.nab_blind.accuracy"));

        Path file = work.resolve(CrossValidatePatternModel.PREDICTIONS);
        CrossValidatePatternModel.write(file, predictions);
        List<CrossValidatePatternModel.Prediction> back = CrossValidatePatternModel.read(file);
        assertEquals(predictions.size(), back.size());
        assertEquals(predictions.get(7).predicted(), back.get(7).predicted());
        assertEquals(CrossValidatePatternModel.evaluation(predictions).accuracy(),
                CrossValidatePatternModel.evaluation(back).accuracy(), 1e-12);
        assertTrue(CrossValidatePatternModel.summary(back).contains("evaluate.nab_crossval.accuracy"));
    }

    @Test
    void aFoldLearnsFromEveryWindowButThoseOfTheFilesItHoldsOut() {
        List<LabeledWindows.Window> judged = List.of(window("a1", "a.csv"), window("b1", "b.csv"), window("c1", "c.csv"));
        List<LabeledWindows.Window> trainOnly = List.of(window("a2", "a.csv"), window("b2", "b.csv"), window("z1", "z.csv"));
        Map<String, Integer> foldOf = Map.of("a.csv", 0, "b.csv", 1, "c.csv", 1);
        assertEquals(List.of("b1", "c1", "b2", "z1"), ids(CrossValidatePatternModel.trainingWindows(judged, trainOnly, foldOf, 0)));
        assertEquals(List.of("a1", "a2", "z1"), ids(CrossValidatePatternModel.trainingWindows(judged, trainOnly, foldOf, 1)),
                "a training-only window of a file no judged window is from is learnt by every fold");
    }

    private static List<String> ids(List<LabeledWindows.Window> windows) {
        return windows.stream().map(LabeledWindows.Window::id).toList();
    }

    @Test
    void aRunWithoutAModelIsRefusedAModelFolder() throws Exception {
        Path dir = Files.createTempDirectory("ps-verdicts-only");
        CrossValidatePatternModel.checkVerdictsOnlyTarget(dir);
        Files.writeString(dir.resolve("saved_model.pb"), "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CrossValidatePatternModel.checkVerdictsOnlyTarget(dir));
        assertTrue(e.getMessage().contains("holds a SavedModel"), e.getMessage());
    }

    @Test
    void heldOutPredictionsForOtherLabelsAreRefused() throws Exception {
        assumeTrue(Files.isDirectory(NAB.resolve("data")));
        List<CrossValidatePatternModel.Prediction> one = List.of(new CrossValidatePatternModel.Prediction("nab-001",
                "windows.jsonl", "f.csv", 0, PatternClass.NONE, PatternClass.NONE, 1.0));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EvaluatePatternModel.checkCovers(one, List.of(LabeledWindows.read(WINDOWS, NAB), LabeledWindows.read(FRESH, NAB))));
        assertTrue(e.getMessage().contains("the labels changed since it was trained"), e.getMessage());
    }
}
