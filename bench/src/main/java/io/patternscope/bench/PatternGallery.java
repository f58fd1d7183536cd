package io.patternscope.bench;

import io.patternscope.core.patterns.PatternClass;
import io.patternscope.core.patterns.PatternPreprocessor;
import io.patternscope.training.LabeledSeries;
import io.patternscope.training.PatternSeriesGenerator;
import io.patternscope.training.SvgPanels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code PatternGallery FILE.svg}: draws three generated members of every pattern class, after the
 * shared preprocessing (what the model sees), into one SVG for docs/patterns.md.
 */
public final class PatternGallery {

    private PatternGallery() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/patterns.svg");
        PatternSeriesGenerator generator = new PatternSeriesGenerator(2021, PatternSeriesGenerator.Settings.training(),
                List.of());
        SvgPanels panels = new SvgPanels(4, 260, 120);
        for (PatternClass pattern : PatternClass.values()) {
            panels.panel(pattern.name() + " (type " + pattern.type() + ")");
            for (int m = 0; m < 3; m++) {
                LabeledSeries s = generator.next(pattern);
                panels.line(PatternPreprocessor.prepare(s.values(), PatternPreprocessor.MODEL_LENGTH), SvgPanels.COLOURS[m]);
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, panels.toSvg());
        System.out.println("wrote " + out);
    }
}
