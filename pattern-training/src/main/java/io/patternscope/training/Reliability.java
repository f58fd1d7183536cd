package io.patternscope.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How often held-out verdicts of each confidence band were right: what a confidence means on real
 * windows, as opposed to the softmax's own idea of it. It is what a model's {@code uncertain-below}
 * is read from (the level under which verdicts were right far less often than above it).
 */
public record Reliability(List<Band> bands) {

    /** The band edges the model card's table uses. */
    static final double[] EDGES = {0.5, 0.7, 0.9, 0.99};

    /** Verdicts with {@code from ≤ confidence < to}; the last band includes 1. */
    public record Band(double from, double to, int right, int total) {
        public double accuracy() {
            return total == 0 ? Double.NaN : (double) right / total;
        }
    }

    /** Bands split at {@code edges} (ascending, inside (0, 1)), from 0 to 1. */
    static Reliability of(List<CrossValidatePatternModel.Prediction> predictions, double... edges) {
        List<Band> bands = new ArrayList<>();
        double from = 0;
        for (int b = 0; b <= edges.length; b++) {
            double to = b < edges.length ? edges[b] : 1;
            if (!(to > from) || to > 1) {
                throw new IllegalArgumentException("band edges must rise inside (0, 1), not " + java.util.Arrays.toString(edges));
            }
            boolean last = b == edges.length;
            int right = 0;
            int total = 0;
            for (CrossValidatePatternModel.Prediction p : predictions) {
                double c = p.confidence();
                if (c >= from && (c < to || last)) {
                    total++;
                    right += p.label() == p.predicted() ? 1 : 0;
                }
            }
            bands.add(new Band(from, to, right, total));
            from = to;
        }
        return new Reliability(List.copyOf(bands));
    }

    /** One line per band: {@code confidence [0.70, 0.90): 20 of 28 right (0.714)}. */
    public String report() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < bands.size(); i++) {
            Band b = bands.get(i);
            boolean last = i == bands.size() - 1;
            text.append(String.format(Locale.ROOT, "  confidence [%.2f, %.2f%s: %d of %d right%s%n", b.from(), b.to(),
                    last ? "]" : ")", b.right(), b.total(),
                    b.total() == 0 ? "" : String.format(Locale.ROOT, " (%.3f)", b.accuracy())));
        }
        return text.toString();
    }
}
