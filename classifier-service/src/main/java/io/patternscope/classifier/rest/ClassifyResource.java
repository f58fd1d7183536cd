package io.patternscope.classifier.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patternscope.classifier.service.NoPatternModel;
import io.patternscope.classifier.service.PatternModel;
import io.patternscope.core.patterns.PatternClass;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/patterns/classify}: {@code {"series":[{"id":"a","values":[...]}]}} →
 * {@code {"model":"...","results":[{"id","pattern","type","confidence","uncertain","probabilities":{...}}]}};
 * {@code uncertain}: the confidence is below the level where the model's held-out verdicts on real
 * windows were right far less often than the others (the model card's reliability table).
 * Values are numbers; null or "NaN" mark gaps. Bad input gets a 400 naming the series.
 */
@Path("/api/v1/patterns/classify")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ClassifyResource {

    static final int MAX_SERIES = 1000;
    static final int MAX_POINTS = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PatternModel model;

    public ClassifyResource(PatternModel model) {
        this.model = model;
    }

    public record SeriesResult(String id, String pattern, int type, double confidence, boolean uncertain,
                               Map<String, Float> probabilities) {
    }

    public record ClassifyResponse(String model, List<SeriesResult> results) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response classify(String body) {
        if (model instanceof NoPatternModel) {
            return error(503, "no pattern model is installed (patternscope.classifier.model-dir)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            return error(400, "malformed JSON: " + e.getOriginalMessage());
        }
        JsonNode series = root == null ? null : root.get("series");
        if (series == null || !series.isArray() || series.isEmpty()) {
            return error(400, "'series' must be a non-empty array of {\"id\", \"values\"}");
        }
        if (series.size() > MAX_SERIES) {
            return error(400, "at most " + MAX_SERIES + " series per request, got " + series.size());
        }
        List<String> ids = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            JsonNode s = series.get(i);
            String id = s.path("id").isTextual() ? s.path("id").asText() : "#" + i;
            JsonNode v = s.get("values");
            if (v == null || !v.isArray() || v.isEmpty()) {
                return error(400, "series " + id + ": 'values' must be a non-empty array of numbers");
            }
            if (v.size() > MAX_POINTS) {
                return error(400, "series " + id + " is too long: " + v.size() + " points, at most " + MAX_POINTS);
            }
            double[] parsed = new double[v.size()];
            int finite = 0;
            for (int k = 0; k < v.size(); k++) {
                JsonNode x = v.get(k);
                if (x.isNumber()) {
                    parsed[k] = x.asDouble();
                    if (Double.isInfinite(parsed[k])) { // 1e999 parses as ±Infinity, which is refused as text too
                        return error(400, "series " + id + ": value " + k + " (" + x + ") is beyond the range of a double");
                    }
                } else if (x.isNull() || (x.isTextual() && x.asText().equals("NaN"))) {
                    parsed[k] = Double.NaN;
                } else {
                    return error(400, "series " + id + ": value " + k + " is not a number: " + x);
                }
                if (Double.isFinite(parsed[k])) {
                    finite++;
                }
            }
            if (finite < 2) {
                return error(400, "series " + id + " has " + (finite == 0 ? "no finite value (all NaN)" : "a single finite value")
                        + "; at least two are needed");
            }
            ids.add(id);
            values.add(parsed);
        }
        List<PatternModel.Classification> classified = model.classify(values);
        PatternClass[] classes = PatternClass.values();
        List<SeriesResult> results = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            PatternModel.Classification c = classified.get(i);
            Map<String, Float> probabilities = new LinkedHashMap<>();
            for (int k = 0; k < classes.length; k++) {
                probabilities.put(classes[k].name(), c.probabilities()[k]);
            }
            results.add(new SeriesResult(ids.get(i), c.pattern(), PatternClass.valueOf(c.pattern()).type(), c.confidence(),
                    c.uncertain(), probabilities));
        }
        return Response.ok(new ClassifyResponse(model.version(), results)).build();
    }

    private static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("status", status, "error", message)).build();
    }
}
