package io.patternscope.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.core.patterns.PatternClass;
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

}
