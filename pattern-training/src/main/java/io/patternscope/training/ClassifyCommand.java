package io.patternscope.training;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.patternscope.core.patterns.PatternClass;
import io.patternscope.patternmodel.DjlPatternClassifier;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./patternscope classify FILE.jsonl}: reads JSON lines {@code {"id","values"}} and writes one
 * JSON line per series to stdout with model, pattern, type, confidence, uncertain and probabilities — the same
 * fields as {@code POST /api/v1/patterns/classify}, for offline use. A bad line stops with exit code
 * 1 and a sentence naming the line; nothing is written for a file that does not parse.
 */
public final class ClassifyCommand {

    private static final int BATCH = 256;

    private ClassifyCommand() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ./patternscope classify FILE.jsonl [MODEL_DIR]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        Path modelDir = Path.of(args.length > 1 ? args[1] : "models/pattern-cnn");
        if (!Files.isReadable(file)) {
            System.err.println("classify: cannot read " + file);
            System.exit(1);
        }
        List<String> ids = new ArrayList<>();
        List<double[]> series = new ArrayList<>();
        JsonLines.forEach(file, (number, line) -> {
            String problem = parse(line, ids, series);
            if (problem != null) {
                System.err.println("classify: line " + number + " of " + file + ": " + problem);
                System.exit(1);
            }
        });
        if (series.isEmpty()) {
            System.err.println("classify: " + file + " holds no series");
            System.exit(1);
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        Gson gson = new Gson();
        try (DjlPatternClassifier classifier = DjlPatternClassifier.load(modelDir)) {
            for (int from = 0; from < series.size(); from += BATCH) {
                int to = Math.min(series.size(), from + BATCH);
                List<DjlPatternClassifier.Result> results = classifier.classify(series.subList(from, to));
                for (int i = from; i < to; i++) {
                    DjlPatternClassifier.Result r = results.get(i - from);
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("id", ids.get(i));
                    line.put("model", classifier.version());
                    line.put("pattern", r.pattern().name());
                    line.put("type", r.pattern().type());
                    line.put("confidence", r.confidence());
                    line.put("uncertain", r.uncertain());
                    Map<String, Float> probabilities = new LinkedHashMap<>();
                    for (PatternClass c : PatternClass.values()) {
                        probabilities.put(c.name(), r.probabilities()[c.ordinal()]);
                    }
                    line.put("probabilities", probabilities);
                    out.println(gson.toJson(line));
                }
            }
        }
        out.flush();
    }

    /** Adds the line's series, or returns what is wrong with it. */
    static String parse(String line, List<String> ids, List<double[]> series) {
        JsonObject object;
        try {
            JsonElement element = JsonParser.parseString(line);
            if (!element.isJsonObject()) {
                return "expected a JSON object {\"id\", \"values\"}";
            }
            object = element.getAsJsonObject();
        } catch (RuntimeException e) {
            return "not JSON: " + e.getMessage();
        }
        String id = object.has("id") && !object.get("id").isJsonNull() ? object.get("id").getAsString() : "#" + (ids.size() + 1);
        if (!object.has("values") || !object.get("values").isJsonArray()) {
            return "series " + id + " has no 'values' array";
        }
        JsonArray values = object.getAsJsonArray("values");
        double[] v = new double[values.size()];
        int finite = 0;
        for (int k = 0; k < v.length; k++) {
            JsonElement x = values.get(k);
            if (x.isJsonNull() || (x.isJsonPrimitive() && x.getAsJsonPrimitive().isString() && x.getAsString().equals("NaN"))) {
                v[k] = Double.NaN;
            } else if (x.isJsonPrimitive() && x.getAsJsonPrimitive().isNumber()) {
                v[k] = x.getAsDouble();
            } else {
                return "series " + id + ": value " + k + " is not a number: " + x;
            }
            if (Double.isFinite(v[k])) {
                finite++;
            }
        }
        if (finite < 2) {
            return "series " + id + " needs at least two finite values";
        }
        ids.add(id);
        series.add(v);
        return null;
    }
}
