package io.patternscope.core.api;

/**
 * The body of {@code POST /api/v1/analyses/{id}/feedback}, as the OpenAPI document shows it:
 * either {@code series} (a finding's id) or {@code group} (a group's rank); {@code verdict} one of
 * ROOT_CAUSE, SYMPTOM, NOT_ANOMALOUS, WRONG_PATTERN; {@code pattern} the right pattern of a
 * WRONG_PATTERN; {@code comment} up to 500 characters; {@code profile} CREATE or CREATE_AND_LEARN
 * with NOT_ANOMALOUS: a features profile so that the same behaviour is known normal from then on.
 */
public record FeedbackRequestBody(String series, Integer group, String verdict, String pattern, String comment,
                                  String profile) {
}
