package io.patternscope.training;

import io.patternscope.core.patterns.PatternClass;
import io.patternscope.patternmodel.ModelInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * {@code FailureGallery MODEL_DIR NAB_DIR OUT.svg LABELS.jsonl...}: the model's commonest mistakes
 * on real windows, drawn. Reads the held-out verdicts a training run left beside the model
 * ({@code crossval.tsv}, {@code blind.tsv}), groups the misses by "labeled → predicted", and draws
 * up to three windows of each of the commonest groups as the network sees them (preprocessed to its
 * input), so the model card can show what a failure mode looks like.
 */
public final class FailureGallery {

    static final int GROUPS = 8;
    static final int PER_GROUP = 3;

    private FailureGallery() {
    }

    /** One kind of mistake and the windows that made it. */
    record Confusion(PatternClass label, PatternClass predicted, List<LabeledWindows.Window> windows) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: FailureGallery MODEL_DIR NAB_DIR OUT.svg LABELS.jsonl...");
            System.exit(2);
        }
        Path model = Path.of(args[0]);
        Path nab = Path.of(args[1]);
        Path out = Path.of(args[2]);
        Map<String, LabeledWindows.Window> windows = new HashMap<>();
        for (int i = 3; i < args.length; i++) {
            LabeledWindows.read(Path.of(args[i]), nab).labeled().forEach(w -> windows.put(w.id(), w));
        }
        List<CrossValidatePatternModel.Prediction> verdicts = new ArrayList<>();
        for (String name : List.of(CrossValidatePatternModel.PREDICTIONS, CrossValidatePatternModel.BLIND_PREDICTIONS)) {
            Path file = model.resolve(name);
            if (Files.isRegularFile(file)) {
                verdicts.addAll(CrossValidatePatternModel.read(file));
            }
        }
        if (verdicts.isEmpty()) {
            System.err.println("failures: " + model + " holds no held-out verdicts (" + CrossValidatePatternModel.PREDICTIONS
                    + "): only a model made by ./patternscope train has them");
            System.exit(1);
        }
        List<Confusion> confusions = commonest(verdicts, windows);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, draw(confusions, readInput(model)));
        for (Confusion c : confusions) {
            System.out.printf(Locale.ROOT, "%s -> %s: %d%n", c.label(), c.predicted(), c.windows().size());
        }
        System.out.println("wrote " + out);
    }

    /** The misses grouped by labeled → predicted class, commonest first, at most {@link #GROUPS}. */
    static List<Confusion> commonest(List<CrossValidatePatternModel.Prediction> verdicts,
            Map<String, LabeledWindows.Window> windows) {
        Map<String, Confusion> groups = new LinkedHashMap<>();
        for (CrossValidatePatternModel.Prediction p : verdicts) {
            LabeledWindows.Window w = windows.get(p.id());
            if (p.label() != p.predicted() && w != null) {
                groups.computeIfAbsent(p.label() + ">" + p.predicted(),
                        k -> new Confusion(p.label(), p.predicted(), new ArrayList<>())).windows().add(w);
            }
        }
        return groups.values().stream().sorted(Comparator.comparingInt((Confusion c) -> -c.windows().size()))
                .limit(GROUPS).toList();
    }

    static String draw(List<Confusion> confusions, ModelInput input) {
        SvgPanels panels = new SvgPanels(4, 330, 130);
        for (Confusion c : confusions) {
            panels.panel(String.format(Locale.ROOT, "%s → %s (%d)", c.label(), c.predicted(), c.windows().size()));
            for (int k = 0; k < Math.min(PER_GROUP, c.windows().size()); k++) {
                panels.line(input.prepare(c.windows().get(k).values()), SvgPanels.COLOURS[k]);
            }
        }
        return panels.toSvg();
    }

    private static ModelInput readInput(Path model) throws IOException {
        Properties p = new Properties();
        Path file = model.resolve("model.properties");
        if (Files.isRegularFile(file)) {
            try (var in = Files.newInputStream(file)) {
                p.load(in);
            }
        }
        return ModelInput.of(p, file);
    }
}
