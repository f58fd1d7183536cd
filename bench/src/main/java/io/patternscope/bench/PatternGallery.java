package io.patternscope.bench;

import io.patternscope.core.patterns.PatternClass;
import io.patternscope.core.patterns.PatternPreprocessor;
import io.patternscope.training.LabeledSeries;
import io.patternscope.training.PatternSeriesGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code PatternGallery FILE.svg}: draws three generated members of every pattern class, after the
 * shared preprocessing (what the model sees), into one SVG for docs/patterns.md.
 */
public final class PatternGallery {

    private static final int COLUMNS = 4;
    private static final int W = 260;
    private static final int H = 120;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c"};

    private PatternGallery() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/patterns.svg");
        PatternSeriesGenerator generator = new PatternSeriesGenerator(2021, PatternSeriesGenerator.Settings.training(),
                List.of());
        PatternClass[] classes = PatternClass.values();
        int rows = (classes.length + COLUMNS - 1) / COLUMNS;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
                        + "font-size=\"12\">\n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n",
                COLUMNS * W, rows * H));
        for (int c = 0; c < classes.length; c++) {
            int x0 = (c % COLUMNS) * W;
            int y0 = (c / COLUMNS) * H;
            PatternClass pattern = classes[c];
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                    + "stroke=\"#ccc\"/>\n<text x=\"%d\" y=\"%d\">%s (type %d)</text>\n", x0 + 4, y0 + 4, W - 8, H - 8,
                    x0 + 10, y0 + 20, pattern.name(), pattern.type()));
            for (int m = 0; m < 3; m++) {
                LabeledSeries s = generator.next(pattern);
                float[] v = PatternPreprocessor.prepare(s.values(), PatternPreprocessor.MODEL_LENGTH);
                StringBuilder points = new StringBuilder();
                for (int i = 0; i < v.length; i++) {
                    double x = x0 + 12 + i * (W - 24.0) / (v.length - 1);
                    double y = y0 + H - 12 - v[i] * (H - 40.0) - m * 0.0;
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                }
                svg.append("<polyline fill=\"none\" stroke-width=\"1\" stroke-opacity=\"0.8\" stroke=\"")
                        .append(COLOURS[m]).append("\" points=\"").append(points).append("\"/>\n");
            }
        }
        svg.append("</svg>\n");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, svg.toString());
        System.out.println("wrote " + out);
    }
}
