package io.patternscope.training;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.patternscope.core.patterns.PatternClass;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hand-labeled real windows ({@code tools/nab-labels/windows.jsonl}): each line names a NAB file,
 * a start index and a length, and either a {@code label} or the reason it was {@code excluded}. The
 * values are cut from the NAB CSVs here, so the repository keeps the labels, not a copy of the data.
 */
public final class LabeledWindows {

    /** One labeled window with its values and the NAB file it was cut from. */
    public record Window(String id, String file, PatternClass label, double[] values) {
    }

    /** The labeled windows and how many were excluded as ambiguous. */
    public record Set(List<Window> labeled, int excluded) {
    }

    private LabeledWindows() {
    }

    public static Set read(Path windowsFile, Path nabDir) throws IOException {
        List<Window> labeled = new ArrayList<>();
        Map<String, double[]> files = new HashMap<>();
        int[] excluded = {0};
        JsonLines.forEach(windowsFile, (number, line) -> {
            String where = windowsFile + " line " + number;
            JsonObject w = JsonParser.parseString(line).getAsJsonObject();
            JsonElement label = w.get("label");
            if (label == null || label.isJsonNull()) {
                if (!w.has("excluded")) {
                    throw new IllegalArgumentException(where + ": a window without a label must say why it is excluded");
                }
                excluded[0]++;
                return;
            }
            PatternClass pattern;
            try {
                pattern = PatternClass.valueOf(label.getAsString());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": unknown label " + label.getAsString()
                        + "; labels are " + Arrays.toString(PatternClass.values()));
            }
            String file = w.get("file").getAsString();
            int start = w.get("start").getAsInt();
            int length = w.get("length").getAsInt();
            double[] series = files.computeIfAbsent(file, f -> readValues(nabDir.resolve("data").resolve(f)));
            if (start < 0 || length < 2 || start + length > series.length) {
                throw new IllegalArgumentException(where + ": window " + start + "+" + length + " is outside " + file
                        + " (" + series.length + " points)");
            }
            labeled.add(new Window(w.get("id").getAsString(), file, pattern, Arrays.copyOfRange(series, start, start + length)));
        });
        return new Set(labeled, excluded[0]);
    }

    /** The value column of a NAB CSV ({@code timestamp,value} with a header). */
    static double[] readValues(Path csv) {
        try {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            double[] values = new double[lines.size() - 1];
            for (int i = 1; i < lines.size(); i++) {
                String row = lines.get(i);
                values[i - 1] = Double.parseDouble(row.substring(row.lastIndexOf(',') + 1).strip());
            }
            return values;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the NAB file " + csv + ": " + e.getMessage(), e);
        }
    }
}
