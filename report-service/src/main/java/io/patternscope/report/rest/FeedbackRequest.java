package io.patternscope.report.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patternscope.core.patterns.PatternClass;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;

/**
 * {@code {"series": ID | "group": RANK, "verdict": ..., "pattern": ..., "comment": ..., "profile": ...}}:
 * one word on one finding or on every member of a group. {@code pattern} names the right pattern
 * of a {@code WRONG_PATTERN}; {@code profile} ({@code CREATE} or {@code CREATE_AND_LEARN}) only
 * goes with {@code NOT_ANOMALOUS}.
 */
public record FeedbackRequest(String series, Integer group, Verdict verdict, String rightPattern, String comment,
                              Profile profile) {

    public enum Verdict { ROOT_CAUSE, SYMPTOM, NOT_ANOMALOUS, WRONG_PATTERN }

    public enum Profile { NONE, CREATE, CREATE_AND_LEARN }

    static final int MAX_COMMENT = 500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("series", "group", "verdict", "pattern", "comment", "profile");

    /** The request in {@code body}, or a 400 that says what is wrong. */
    public static FeedbackRequest parse(String body) {
        JsonNode node;
        try {
            node = JSON.readTree(body == null ? "" : body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiException.badRequest("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("unreadable body: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("feedback must be a JSON object like {\"series\":\"...\",\"verdict\":\"ROOT_CAUSE\"}");
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest("unknown field '" + InputLimits.text(name, "field", 64) + "'; feedback takes "
                        + FIELDS);
            }
        });
        String series = text(node, "series", InputLimits.MAX_SERIES_ID);
        Integer group = null;
        if (node.has("group")) {
            if (!node.get("group").canConvertToInt() || node.get("group").asInt() < 1) {
                throw ApiException.badRequest("'group' must be a group's rank, a whole number from 1");
            }
            group = node.get("group").asInt();
        }
        if ((series == null) == (group == null)) {
            throw ApiException.badRequest("feedback names either 'series' or 'group', not both and not neither");
        }
        Verdict verdict = oneOf(Verdict.class, text(node, "verdict", 32), "verdict");
        if (verdict == null) {
            throw ApiException.badRequest("'verdict' is required: one of " + Arrays.toString(Verdict.values()));
        }
        String pattern = text(node, "pattern", 64);
        if (verdict == Verdict.WRONG_PATTERN) {
            if (pattern == null) {
                throw ApiException.badRequest("a WRONG_PATTERN names the right one in 'pattern': one of "
                        + Arrays.toString(PatternClass.values()));
            }
            oneOf(PatternClass.class, pattern, "pattern");
        } else if (pattern != null) {
            throw ApiException.badRequest("'pattern' goes only with the verdict WRONG_PATTERN");
        }
        String comment = text(node, "comment", MAX_COMMENT);
        Profile profile = oneOf(Profile.class, text(node, "profile", 32), "profile");
        profile = profile == null ? Profile.NONE : profile;
        if (profile != Profile.NONE && verdict != Verdict.NOT_ANOMALOUS) {
            throw ApiException.badRequest("a profile is made only from a NOT_ANOMALOUS verdict");
        }
        return new FeedbackRequest(series, group, verdict, pattern, comment, profile);
    }

    private static String text(JsonNode node, String field, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("'" + field + "' must be text");
        }
        return InputLimits.text(value.asText(), field, max);
    }

    private static <E extends Enum<E>> E oneOf(Class<E> type, String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'" + field + "' must be one of " + Arrays.toString(type.getEnumConstants())
                    + ", not '" + value + "'");
        }
    }
}
