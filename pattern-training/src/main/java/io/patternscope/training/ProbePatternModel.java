package io.patternscope.training;

import io.patternscope.core.patterns.PatternClass;
import io.patternscope.patternmodel.DjlPatternClassifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./patternscope probe [MODEL_DIR]}: how a model names the {@link PositionProbe}'s textbook
 * shapes, by class and by where in the window the change begins. One row per class, one column
 * per tenth; each cell the number of the three window lengths named right ("." where the shape
 * does not fit); then {@code probe.accuracy}. A column of misses is a place in the window the
 * training data never showed that class.
 */
public final class ProbePatternModel {

    /** What the probe found: per class and position index, right out of asked (asked 0: does not fit). */
    record Table(String model, int[][] right, int[][] asked, int noneRight, int noneAsked, int total, int correct) {
        double accuracy() {
            return total == 0 ? 0 : (double) correct / total;
        }

        String render() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                    "%s on textbook shapes (10σ over Gaussian noise), right of %d lengths, by where the change begins%n",
                    model, PositionProbe.LENGTHS.length));
            out.append(String.format(Locale.ROOT, "%-27s", "class \\ start"));
            for (double p : PositionProbe.POSITIONS) {
                out.append(String.format(Locale.ROOT, "%5.0f%%", 100 * p));
            }
            out.append('\n');
            for (PatternClass c : PatternClass.values()) {
                if (c == PatternClass.NONE) {
                    continue;
                }
                out.append(String.format(Locale.ROOT, "%-27s", c.name()));
                for (int k = 0; k < PositionProbe.POSITIONS.length; k++) {
                    boolean fits = asked[c.ordinal()][k] > 0;
                    out.append(!fits ? "     ." : String.format(Locale.ROOT, "%6d", right[c.ordinal()][k]));
                }
                out.append('\n');
            }
            out.append(String.format(Locale.ROOT, "%-27s%6d of %d (noise alone)%n", "NONE", noneRight, noneAsked));
            out.append(String.format(Locale.ROOT, "probe.accuracy %.3f (%d of %d)%n", accuracy(), correct, total));
            return out.toString();
        }
    }

    private ProbePatternModel() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "models/pattern-cnn");
        if (!Files.isRegularFile(dir.resolve("saved_model.pb"))) {
            System.err.println("probe: no SavedModel in " + dir);
            System.exit(1);
        }
        try (DjlPatternClassifier classifier = DjlPatternClassifier.load(dir)) {
            System.out.print(probe(classifier).render());
            System.out.println();
            System.out.print(returns(classifier));
        }
    }

    /**
     * Transient level shifts by where they come back ({@link PositionProbe#returns}): per return
     * position, how many were named right and how many got the right type (recovered), then
     * {@code probe.returns.accuracy} and {@code probe.returns.type_accuracy}.
     */
    static String returns(DjlPatternClassifier classifier) {
        List<PositionProbe.Probe> probes = PositionProbe.returns();
        List<DjlPatternClassifier.Result> results = classifier.classify(probes.stream().map(PositionProbe.Probe::values).toList());
        int[] right = new int[PositionProbe.RETURNS.length];
        int[] rightType = new int[PositionProbe.RETURNS.length];
        int[] asked = new int[PositionProbe.RETURNS.length];
        java.util.Map<PatternClass, Integer> calledInstead = new java.util.TreeMap<>();
        for (int i = 0; i < probes.size(); i++) {
            PositionProbe.Probe p = probes.get(i);
            int k = java.util.Arrays.binarySearch(PositionProbe.RETURNS, p.position());
            PatternClass named = results.get(i).pattern();
            asked[k]++;
            right[k] += named == p.label() ? 1 : 0;
            rightType[k] += named.type() == p.label().type() ? 1 : 0;
            if (named != p.label()) {
                calledInstead.merge(named, 1, Integer::sum);
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%s on transient level shifts (10 %% of the window, 10σ) by where they come back; right / right type of %d%n",
                classifier.version(), asked[0]));
        int totalRight = 0;
        int totalType = 0;
        for (int k = 0; k < asked.length; k++) {
            out.append(String.format(Locale.ROOT, "  back at %3.0f %%: %2d / %2d%n", 100 * PositionProbe.RETURNS[k], right[k],
                    rightType[k]));
            totalRight += right[k];
            totalType += rightType[k];
        }
        out.append("  missed as: ").append(calledInstead).append('\n');
        out.append(String.format(Locale.ROOT, "probe.returns.accuracy %.3f%nprobe.returns.type_accuracy %.3f%n",
                (double) totalRight / probes.size(), (double) totalType / probes.size()));
        return out.toString();
    }

    static Table probe(DjlPatternClassifier classifier) {
        List<PositionProbe.Probe> probes = PositionProbe.all();
        List<double[]> series = new ArrayList<>();
        probes.forEach(p -> series.add(p.values()));
        List<DjlPatternClassifier.Result> results = classifier.classify(series);
        int classes = PatternClass.values().length;
        int[][] right = new int[classes][PositionProbe.POSITIONS.length];
        int[][] asked = new int[classes][PositionProbe.POSITIONS.length];
        int noneRight = 0;
        int noneAsked = 0;
        int correct = 0;
        for (int i = 0; i < probes.size(); i++) {
            PositionProbe.Probe p = probes.get(i);
            boolean ok = results.get(i).pattern() == p.label();
            correct += ok ? 1 : 0;
            if (p.label() == PatternClass.NONE) {
                noneAsked++;
                noneRight += ok ? 1 : 0;
            } else {
                int k = (int) Math.round(p.position() * 10) - 1;
                asked[p.label().ordinal()][k]++;
                right[p.label().ordinal()][k] += ok ? 1 : 0;
            }
        }
        return new Table(classifier.version(), right, asked, noneRight, noneAsked, probes.size(), correct);
    }
}
