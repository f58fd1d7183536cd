package io.patternscope.patternmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.core.patterns.LabeledSeries;
import io.patternscope.core.patterns.PatternClass;
import io.patternscope.core.patterns.PatternSeriesGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The generated-only epochs are trained once per seed and reused by every fold: only worth having if
 * a network fine-tuned from the checkpoint is exactly the network an uninterrupted training makes.
 */
class TrainPatternModelTest {

    private static final Path VARIABLES = Path.of("variables", "variables.data-00000-of-00001");

    /** Generated series standing in for labeled real windows (the fine-tuning needs some). */
    private static List<LabeledWindows.Window> windows() {
        PatternSeriesGenerator generator = new PatternSeriesGenerator(77, PatternSeriesGenerator.Settings.evaluation(), List.of());
        List<LabeledWindows.Window> windows = new ArrayList<>();
        for (PatternClass c : PatternClass.values()) {
            LabeledSeries s = generator.next(c);
            windows.add(new LabeledWindows.Window("w-" + c, "file.csv", c, s.values()));
        }
        return windows;
    }

    @Test
    void fineTuningFromTheGeneratedOnlyCheckpointGivesTheUninterruptedNetwork() throws Exception {
        Path work = Files.createTempDirectory("ps-train");
        Path checkpoints = work.resolve("generated-only");
        List<LabeledWindows.Window> real = windows();

        TrainPatternModel.train(work.resolve("plain"), 30, 2, real, 5, null);
        TrainPatternModel.train(work.resolve("saving"), 30, 2, real, 5, checkpoints);
        try (Stream<Path> saved = Files.list(checkpoints)) {
            assertTrue(saved.findAny().isPresent(), "the first training with a checkpoint folder keeps its generated epochs");
        }
        TrainPatternModel.train(work.resolve("restored"), 30, 2, real, 5, checkpoints);
        byte[] plain = Files.readAllBytes(work.resolve("plain").resolve(VARIABLES));
        assertArrayEquals(plain, Files.readAllBytes(work.resolve("saving").resolve(VARIABLES)), "saving changes nothing");
        assertArrayEquals(plain, Files.readAllBytes(work.resolve("restored").resolve(VARIABLES)),
                "fine-tuned from the checkpoint: the same weights and optimizer state, bit for bit");

        // And the checkpoint is really what the restored run starts from: another seed's in its place changes the result.
        TrainPatternModel.train(work.resolve("other-seed"), 30, 2, real, 6, checkpoints);
        Path mine;
        try (Stream<Path> saved = Files.list(checkpoints)) {
            mine = saved.filter(p -> p.getFileName().toString().startsWith("seed-5-")).findFirst().orElseThrow();
        }
        Path other = checkpoints.resolve(mine.getFileName().toString().replace("seed-5-", "seed-6-"));
        for (String file : List.of("session.index", "session.data-00000-of-00001")) {
            Files.copy(other.resolve(file), mine.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        TrainPatternModel.train(work.resolve("swapped"), 30, 2, real, 5, checkpoints);
        assertFalse(Arrays.equals(plain, Files.readAllBytes(work.resolve("swapped").resolve(VARIABLES))),
                "a run restored from another network's checkpoint is another network");
    }

    @Test
    void withRealNoiseNoCopyOfAWindowRepeatsItButTheFirst() {
        LabeledWindows.Window w = windows().get(PatternClass.NONE.ordinal());
        // 2,000 copies: a copy is uncut with a chance of 1 in (length / 20 + 1) and unmirrored with one in 2
        assertTrue(copiesLikeTheFirst(TrainPatternModel.realExamples(List.of(w), 2000, 5, 0)) > 0,
                "without noise, a copy with no cut and no mirroring is the window again");
        TrainPatternModel.Dataset noisy = TrainPatternModel.realExamples(List.of(w), 200, 5, 1);
        assertEquals(0, copiesLikeTheFirst(noisy), "with noise on every copy after the first, none is");
        assertArrayEquals(TrainPatternModel.realExamples(List.of(w), 1, 5, 0).inputs()[0], noisy.inputs()[0],
                "the first copy is the window as labeled");
        for (int label : noisy.labels()) {
            assertEquals(PatternClass.NONE.ordinal(), label, "NONE mirrors to itself");
        }
    }

    private static long copiesLikeTheFirst(TrainPatternModel.Dataset copies) {
        return Arrays.stream(copies.inputs()).skip(1).filter(x -> Arrays.equals(x, copies.inputs()[0])).count();
    }
}
