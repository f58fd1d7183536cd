package io.patternscope.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.core.patterns.PatternClass;
import io.patternscope.patternmodel.DjlPatternClassifier;
import io.patternscope.patternmodel.ModelInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Small networks folded into one serving SavedModel: it must serve the mean of their views. */
class EnsemblePatternModelTest {

    private static Path work;
    private static Path first;
    private static Path second;
    private static List<double[]> series;

    @BeforeAll
    static void trainTwoSmallModels() throws Exception {
        work = Files.createTempDirectory("ps-ensemble");
        first = work.resolve("a");
        second = work.resolve("b");
        TrainPatternModel.train(first, 40, 1, List.of(), 1, null);
        TrainPatternModel.train(second, 40, 1, List.of(), 2, null);
        PatternSeriesGenerator generator = new PatternSeriesGenerator(9, PatternSeriesGenerator.Settings.evaluation(), List.of());
        series = new ArrayList<>();
        for (PatternClass c : PatternClass.values()) {
            series.add(generator.next(c).values());
        }
    }

    @Test
    void anEnsembleServesTheMeanOfItsMembersProbabilities() throws Exception {
        Path both = work.resolve("both");
        EnsemblePatternModel.build(List.of(first, second), false, ModelInput.STANDARD, both);
        List<DjlPatternClassifier.Result> a = classify(first);
        List<DjlPatternClassifier.Result> b = classify(second);
        List<DjlPatternClassifier.Result> mean = classify(both);
        boolean membersDiffer = false;
        for (int i = 0; i < series.size(); i++) {
            for (int c = 0; c < PatternCnn.CLASSES; c++) {
                float pa = a.get(i).probabilities()[c];
                float pb = b.get(i).probabilities()[c];
                membersDiffer |= Math.abs(pa - pb) > 1e-3;
                assertEquals((pa + pb) / 2, mean.get(i).probabilities()[c], 1e-5, "series " + i + " class " + c);
            }
        }
        assertTrue(membersDiffer, "members from different seeds should not be the same network");
    }

    @Test
    void anEnsembleOfOneServesThatNetworkAndHoldsNoOptimizerState() throws Exception {
        Path one = work.resolve("one");
        EnsemblePatternModel.build(List.of(first), false, ModelInput.STANDARD, one);
        List<DjlPatternClassifier.Result> direct = classify(first);
        List<DjlPatternClassifier.Result> folded = classify(one);
        for (int i = 0; i < series.size(); i++) {
            assertEquals(direct.get(i).pattern(), folded.get(i).pattern());
            for (int c = 0; c < PatternCnn.CLASSES; c++) {
                assertEquals(direct.get(i).probabilities()[c], folded.get(i).probabilities()[c], 1e-6);
            }
        }
        // Adam keeps two slots per weight: without them the weights file is about a third of the size.
        long trained = size(first.resolve("variables"));
        long served = size(one.resolve("variables"));
        assertTrue(served < trained / 2, "served " + served + " bytes vs trained " + trained);
    }

    @Test
    void theMirroredViewAsksTheNetworkAboutTheSeriesUpsideDownAndMirrorsItsAnswerBack() throws Exception {
        Path mirrored = work.resolve("mirrored");
        EnsemblePatternModel.build(List.of(first), true, ModelInput.STANDARD, mirrored);
        List<double[]> upsideDown = series.stream().map(v -> {
            double[] negated = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                negated[i] = -v[i];
            }
            return negated;
        }).toList();
        List<DjlPatternClassifier.Result> upright = classify(first);
        List<DjlPatternClassifier.Result> flipped;
        try (DjlPatternClassifier classifier = DjlPatternClassifier.load(first)) {
            flipped = classifier.classify(upsideDown);
        }
        List<DjlPatternClassifier.Result> served = classify(mirrored);
        for (int i = 0; i < series.size(); i++) {
            for (PatternClass c : PatternClass.values()) {
                float expected = (upright.get(i).probabilities()[c.ordinal()]
                        + flipped.get(i).probabilities()[c.mirrored().ordinal()]) / 2;
                assertEquals(expected, served.get(i).probabilities()[c.ordinal()], 1e-4, "series " + i + " " + c);
            }
        }
    }

    @Test
    void onlyUnsureFirstVerdictsGetTheSecondLook() throws Exception {
        Path served = work.resolve("served");
        Evaluation heldOut = TrainPatternModel.trainEnsemble(served, 40, 1, List.of(), 2, true);
        assertTrue(Files.isRegularFile(served.resolve(DjlPatternClassifier.SECOND_LOOK).resolve("saved_model.pb")));
        assertTrue(heldOut.accuracy() > 0, "evaluated through the served model");
        List<DjlPatternClassifier.Result> first = classifyAlone(served);
        List<DjlPatternClassifier.Result> second = classifyAlone(served.resolve(DjlPatternClassifier.SECOND_LOOK));
        // A threshold between the first look's confidences, so that both branches are taken.
        double[] confidences = first.stream().mapToDouble(DjlPatternClassifier.Result::confidence).sorted().toArray();
        double below = confidences[confidences.length / 2];
        Files.writeString(served.resolve("model.properties"), "version=test\n" + DjlPatternClassifier.SECOND_LOOK_BELOW + "=" + below + "\n");
        List<DjlPatternClassifier.Result> both = classify(served);
        int seconds = 0;
        for (int i = 0; i < series.size(); i++) {
            boolean unsure = first.get(i).confidence() < below;
            seconds += unsure ? 1 : 0;
            DjlPatternClassifier.Result expected = unsure ? second.get(i) : first.get(i);
            assertEquals(expected.pattern(), both.get(i).pattern(), "series " + i);
            assertEquals(expected.confidence(), both.get(i).confidence(), 1e-6, "series " + i);
        }
        assertTrue(seconds > 0 && seconds < series.size(), seconds + " second looks");
        assertTrue(both.stream().noneMatch(DjlPatternClassifier.Result::uncertain), "no uncertain-below, no flag");
    }

    @Test
    void verdictsBelowTheModelsLevelAreFlaggedUncertain() throws Exception {
        Path served = work.resolve("flagged");
        TrainPatternModel.trainEnsemble(served, 40, 1, List.of(), 1, true);
        String written = Files.readString(served.resolve("model.properties"));
        assertTrue(written.contains(DjlPatternClassifier.UNCERTAIN_BELOW + "=" + TrainPatternModel.UNCERTAIN_BELOW), written);
        List<DjlPatternClassifier.Result> results = classify(served);
        double[] confidences = results.stream().mapToDouble(DjlPatternClassifier.Result::confidence).sorted().toArray();
        double below = confidences[confidences.length / 2];
        Files.writeString(served.resolve("model.properties"), written.replaceAll(
                DjlPatternClassifier.UNCERTAIN_BELOW + "=.*", DjlPatternClassifier.UNCERTAIN_BELOW + "=" + below));
        int flagged = 0;
        for (DjlPatternClassifier.Result r : classify(served)) {
            assertEquals(r.confidence() < below, r.uncertain(), r.confidence() + " against " + below);
            flagged += r.uncertain() ? 1 : 0;
        }
        assertTrue(flagged > 0 && flagged < series.size(), flagged + " flagged");
        Files.writeString(served.resolve("model.properties"), DjlPatternClassifier.UNCERTAIN_BELOW + "=1.5\n");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> DjlPatternClassifier.load(served));
        assertTrue(bad.getMessage().contains(DjlPatternClassifier.UNCERTAIN_BELOW + " must be a confidence in (0, 1]"), bad.getMessage());
        Files.writeString(served.resolve("model.properties"), DjlPatternClassifier.UNCERTAIN_BELOW + "=1\n");
        IllegalArgumentException all = assertThrows(IllegalArgumentException.class, () -> DjlPatternClassifier.load(served));
        assertTrue(all.getMessage().contains(DjlPatternClassifier.UNCERTAIN_BELOW + " must be below 1"), all.getMessage());
    }

    @Test
    void aBrokenSecondLookSettingIsASentence() throws Exception {
        Path dir = work.resolve("broken");
        EnsemblePatternModel.build(List.of(first), false, ModelInput.STANDARD, dir);
        Files.writeString(dir.resolve("model.properties"), DjlPatternClassifier.SECOND_LOOK_BELOW + "=0.9\n");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> DjlPatternClassifier.load(dir));
        assertTrue(missing.getMessage().contains("no SavedModel in"), missing.getMessage());
        Files.writeString(dir.resolve("model.properties"), DjlPatternClassifier.SECOND_LOOK_BELOW + "=very\n");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> DjlPatternClassifier.load(dir));
        assertTrue(bad.getMessage().contains("must be a confidence in (0, 1]"), bad.getMessage());
    }

    @Test
    void anEmptyEnsembleIsASentence() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EnsemblePatternModel.build(List.of(), true, ModelInput.STANDARD, work.resolve("none")));
        assertTrue(e.getMessage().contains("at least one member"));
    }

    private static List<DjlPatternClassifier.Result> classify(Path dir) {
        try (DjlPatternClassifier classifier = DjlPatternClassifier.load(dir)) {
            return classifier.classify(series);
        }
    }

    /** The SavedModel in {@code dir} alone, whatever its model.properties says. */
    private static List<DjlPatternClassifier.Result> classifyAlone(Path dir) throws Exception {
        Path alone = Files.createTempDirectory(work, "alone");
        Files.copy(dir.resolve("saved_model.pb"), alone.resolve("saved_model.pb"));
        Path variables = Files.createDirectories(alone.resolve("variables"));
        try (var files = Files.list(dir.resolve("variables"))) {
            for (Path f : files.toList()) {
                Files.copy(f, variables.resolve(f.getFileName()));
            }
        }
        return classify(alone);
    }

    private static long size(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
