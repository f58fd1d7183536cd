package io.patternscope.report.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.patternscope.core.screening.SeasonalReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patternscope.core.config.ClusterBackends;
import io.patternscope.report.config.AnalysisConfig;
import io.patternscope.report.service.NewAnalysis;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the body of {@code POST /api/v1/analyses} into a validated {@link NewAnalysis}, or a 400
 * with a sentence naming the field. Times are RFC 3339 strings or epoch seconds (as Prometheus
 * accepts); durations are ISO-8601 ({@code PT1H}) or seconds.
 */
@ApplicationScoped
public class AnalysisRequestParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MIN_STEP = Duration.ofSeconds(1);

    private final AnalysisConfig config;
    private final ClusterBackends clusters;

    public AnalysisRequestParser(AnalysisConfig config, ClusterBackends clusters) {
        this.config = config;
        this.clusters = clusters;
    }

    public NewAnalysis parse(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("request body is empty; expected a JSON object with 'cluster' and 'alert' or 'window'");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("request body must be a JSON object");
        }
        String cluster = InputLimits.text(text(root, "cluster"), "cluster", InputLimits.MAX_NAME);
        if (cluster == null || cluster.isBlank()) {
            throw ApiException.badRequest("'cluster' is required");
        }
        if (clusters.find(cluster).isEmpty()) {
            throw ApiException.badRequest("unknown cluster '" + cluster + "'");
        }

        String alertName = null;
        Map<String, String> alertLabels = Map.of();
        Instant alertAt = null;
        JsonNode alert = root.get("alert");
        if (alert != null && !alert.isNull()) {
            if (!alert.isObject()) {
                throw ApiException.badRequest("'alert' must be an object with 'name', 'labels' and 'activeAt'");
            }
            alertName = InputLimits.text(text(alert, "name"), "alert.name", InputLimits.MAX_NAME);
            if (alertName == null || alertName.isBlank()) {
                throw ApiException.badRequest("'alert.name' is required");
            }
            alertLabels = stringMap(alert.get("labels"), "alert.labels");
            JsonNode at = alert.has("activeAt") ? alert.get("activeAt") : alert.get("startsAt");
            if (at == null || at.isNull()) {
                throw ApiException.badRequest("'alert.activeAt' is required");
            }
            alertAt = instant(at, "alert.activeAt");
        }

        Instant start;
        Instant end;
        JsonNode window = root.get("window");
        if (window != null && !window.isNull()) {
            if (!window.isObject() || window.get("start") == null || window.get("end") == null) {
                throw ApiException.badRequest("'window' must be an object with 'start' and 'end'");
            }
            start = instant(window.get("start"), "window.start");
            end = instant(window.get("end"), "window.end");
        } else if (alertAt != null) {
            Duration margin = root.has("testMargin") ? duration(root.get("testMargin"), "testMargin") : config.defaultTestMargin();
            if (margin.isNegative() || margin.compareTo(config.maxTestMargin()) > 0) {
                throw ApiException.badRequest("'testMargin' must be between PT0S and " + config.maxTestMargin());
            }
            start = alertAt.minus(config.defaultLookback());
            end = alertAt.plus(margin);
        } else {
            throw ApiException.badRequest("either 'alert' or 'window' is required");
        }
        if (!end.isAfter(start)) {
            throw ApiException.badRequest("window end " + end + " is not after its start " + start);
        }
        Duration length = Duration.between(start, end);
        if (length.compareTo(config.maxWindow()) > 0) {
            throw ApiException.badRequest("window of " + length + " is longer than the maximum of " + config.maxWindow());
        }

        Duration step = root.has("step") ? duration(root.get("step"), "step") : defaultStep(length);
        if (step.compareTo(MIN_STEP) < 0) {
            throw ApiException.badRequest("'step' must be at least 1 second");
        }
        long points = length.toMillis() / step.toMillis() + 1;
        if (points > config.maxPoints()) {
            throw ApiException.badRequest("window and step give " + points + " points per series; the maximum is "
                    + config.maxPoints() + " (use a larger step)");
        }
        if (points < InputLimits.MIN_POINTS) {
            throw ApiException.badRequest("window of " + length + " and step of " + step + " give " + points
                    + " points per series; screening needs at least " + InputLimits.MIN_POINTS
                    + " (a longer window or a smaller step)");
        }
        Duration test = root.has("testWindow") ? duration(root.get("testWindow"), "testWindow")
                : min(config.defaultTestWindow(), length.dividedBy(3));
        if (test.compareTo(length) >= 0 || test.isZero() || test.isNegative()) {
            throw ApiException.badRequest("'testWindow' of " + test + " must be positive and shorter than the window of " + length);
        }
        if (test.toMillis() / step.toMillis() < InputLimits.MIN_TEST_POINTS) {
            throw ApiException.badRequest("'testWindow' of " + test + " holds " + test.toMillis() / step.toMillis()
                    + " steps of " + step + "; screening needs at least " + InputLimits.MIN_TEST_POINTS);
        }

        double fdr = number(root, "fdrLevel", config.defaultFdrLevel());
        if (!(fdr > 0 && fdr < 1)) {
            throw ApiException.badRequest("'fdrLevel' must be between 0 and 1 (exclusive)");
        }
        double minEffect = number(root, "minEffectSize", config.defaultMinEffectSize());
        if (!(minEffect >= 0)) {
            throw ApiException.badRequest("'minEffectSize' must be zero or positive");
        }
        double maxSeries = number(root, "maxSeries", config.defaultMaxSeries());
        if (maxSeries < 1 || maxSeries > config.maxSeriesLimit() || maxSeries != Math.floor(maxSeries)) {
            throw ApiException.badRequest("'maxSeries' must be a whole number from 1 to " + config.maxSeriesLimit());
        }
        Double discordThreshold = null;
        if (root.has("discordThreshold") && !root.get("discordThreshold").isNull()) {
            double level = number(root, "discordThreshold", Double.NaN);
            if (!(level > 0 && level <= Math.sqrt(2))) {
                throw ApiException.badRequest("'discordThreshold' must be a discord score above 0 and at most √2 (1.414); "
                        + "0.70 finds a value stuck where the metric always jitters");
            }
            discordThreshold = level;
        }
        String reference = InputLimits.text(text(root, "reference"), "reference", 16);
        if (reference != null) {
            SeasonalReference.Kind kind;
            try {
                kind = SeasonalReference.Kind.of(reference);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("'reference' must be PRECEDING, DAILY, WEEKLY or AUTO, not '" + reference + "'");
            }
            if (test.toMillis() >= SeasonalReference.shortestPeriodMs(kind)) {
                throw ApiException.badRequest("a " + kind + " reference compares the test window with the same clock time "
                        + (kind == SeasonalReference.Kind.WEEKLY ? "a week" : "a day") + " earlier: a 'testWindow' of " + test
                        + " would overlap it; choose a shorter test window or PRECEDING");
            }
            reference = kind.name();
        }
        return new NewAnalysis(cluster, alertName, alertLabels, alertAt, start, end.minus(test), end, step.toMillis(),
                selectors(root.get("selectors"), "selectors"), selectors(root.get("exclude"), "exclude"), fdr, minEffect,
                (int) maxSeries, !root.has("step"), discordThreshold, reference);
    }

    private Duration defaultStep(Duration length) {
        long minStepMs = config.minStep().toMillis();
        long needed = (length.toMillis() + config.targetPoints() - 1) / config.targetPoints();
        long stepMs = Math.max(minStepMs, ((needed + minStepMs - 1) / minStepMs) * minStepMs);
        return Duration.ofMillis(stepMs);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("'" + field + "' must be a string");
        }
        return value.asText();
    }

    private static double number(JsonNode root, String field, double fallback) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw ApiException.badRequest("'" + field + "' must be a number");
        }
        return value.asDouble();
    }

    private static Instant instant(JsonNode value, String field) {
        if (value.isNumber()) {
            double seconds = value.asDouble();
            if (!(seconds >= InputLimits.EARLIEST.getEpochSecond() && seconds < InputLimits.LATEST.getEpochSecond())) {
                throw ApiException.badRequest("'" + field + "' must lie between " + InputLimits.EARLIEST + " and "
                        + InputLimits.LATEST + " (epoch seconds " + InputLimits.EARLIEST.getEpochSecond() + " to "
                        + InputLimits.LATEST.getEpochSecond() + ")");
            }
            return Instant.ofEpochMilli(Math.round(seconds * 1000));
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("'" + field + "' is not a time: use RFC 3339 (2026-11-23T10:00:00Z) or epoch seconds");
        }
        try {
            return InputLimits.time(Instant.parse(InputLimits.text(value.asText(), field, 64)), field);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + field + "' is not a time: use RFC 3339 (2026-11-23T10:00:00Z) or epoch seconds");
        }
    }

    private static Duration duration(JsonNode value, String field) {
        if (value.isNumber()) {
            double seconds = value.asDouble();
            if (!(seconds >= 0 && seconds <= InputLimits.MAX_DURATION.getSeconds())) {
                throw ApiException.badRequest("'" + field + "' must be between 0 and " + InputLimits.MAX_DURATION.getSeconds()
                        + " seconds");
            }
            return Duration.ofMillis(Math.round(seconds * 1000));
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("'" + field + "' is not a duration: use ISO-8601 (PT1H) or seconds");
        }
        try {
            return InputLimits.duration(Duration.parse(InputLimits.text(value.asText(), field, 64)), field);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw ApiException.badRequest("'" + field + "' is not a duration: use ISO-8601 (PT1H) or seconds");
        }
    }

    private static Map<String, String> stringMap(JsonNode node, String field) {
        Map<String, String> out = new TreeMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("'" + field + "' must be an object of strings");
        }
        if (node.size() > InputLimits.MAX_LABELS) {
            throw ApiException.badRequest("'" + field + "' has " + node.size() + " labels; the limit is " + InputLimits.MAX_LABELS);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw ApiException.badRequest("'" + field + "." + e.getKey() + "' must be a string");
            }
            out.put(InputLimits.text(e.getKey(), field + " label name", InputLimits.MAX_LABEL_NAME),
                    InputLimits.text(e.getValue().asText(), field + "." + e.getKey(), InputLimits.MAX_LABEL_VALUE));
        }
        return out;
    }

    private static List<String> selectors(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw ApiException.badRequest("'" + field + "' must be an array of PromQL series selectors");
        }
        if (node.size() > InputLimits.MAX_SELECTORS) {
            throw ApiException.badRequest("'" + field + "' has " + node.size() + " selectors; the limit is "
                    + InputLimits.MAX_SELECTORS);
        }
        for (JsonNode s : node) {
            String selector = s.asText().strip();
            if (!s.isTextual() || selector.isEmpty()) {
                throw ApiException.badRequest("'" + field + "' entries must be non-empty strings");
            }
            int open = selector.indexOf('{');
            if ((open >= 0) != selector.endsWith("}") || selector.indexOf('{', open + 1) >= 0) {
                throw ApiException.badRequest("'" + field + "' entry is not a series selector: " + selector);
            }
            out.add(InputLimits.selector(selector, field));
        }
        return out;
    }
}
