package io.patternscope.report.rest;

import io.patternscope.core.promql.SeriesSelector;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The bounds every request field and query parameter is held to, checked before anything is stored,
 * each breach a 400 with a sentence naming the field. Text may hold no control characters (a NUL
 * would reach PostgreSQL, a newline a log line); every string and list has a length.
 */
final class InputLimits {

    /** Cluster and alert names, query filters. */
    static final int MAX_NAME = 256;
    static final int MAX_LABELS = 64;
    static final int MAX_LABEL_NAME = 128;
    static final int MAX_LABEL_VALUE = 1024;
    static final int MAX_SELECTORS = 100;
    static final int MAX_SELECTOR = 2048;
    /** A series id: its metric name and every label, as the fetcher wrote it. */
    static final int MAX_SERIES_ID = 8192;
    /** Times outside these years are typing mistakes, and beyond them epoch milliseconds overflow. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");
    /** Longer than any window or step could be. */
    static final Duration MAX_DURATION = Duration.ofDays(366);
    /** A window and step that give fewer points per series screen nothing. */
    static final int MIN_POINTS = 30;
    /** The fewest points of a test window that the screening can judge. */
    static final int MIN_TEST_POINTS = 10;

    /** Lookarounds and back-references: Java accepts them, Prometheus's RE2 does not. */
    private static final Pattern NOT_RE2 = Pattern.compile("\\(\\?<?[=!]|\\\\[1-9]|\\(\\?>|[*+?}][+]");

    private InputLimits() {
    }

    /** {@code value}, or a 400 when it is longer than {@code max} or holds a control character. */
    static String text(String value, String field, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw ApiException.badRequest("'" + field + "' is " + value.length() + " characters long; the limit is " + max);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                throw ApiException.badRequest("'" + field + "' holds a control character (code " + (int) c + ") at position "
                        + (i + 1));
            }
        }
        return value;
    }

    static Instant time(Instant value, String field) {
        if (value.isBefore(EARLIEST) || !value.isBefore(LATEST)) {
            throw ApiException.badRequest("'" + field + "' must lie between " + EARLIEST + " and " + LATEST + ", not " + value);
        }
        return value;
    }

    static Duration duration(Duration value, String field) {
        if (value.compareTo(MAX_DURATION) > 0 || value.isNegative()) {
            throw ApiException.badRequest("'" + field + "' must be between PT0S and " + MAX_DURATION + ", not " + value);
        }
        return value;
    }

    /**
     * A PromQL series selector Prometheus will accept: the syntax {@link SeriesSelector} parses, and
     * every regular expression valid in RE2 (compiled here, lookarounds and back-references refused).
     */
    static String selector(String selector, String field) {
        text(selector, field, MAX_SELECTOR);
        try {
            for (SeriesSelector.Matcher m : SeriesSelector.parse(selector)) {
                if (m.type() == SeriesSelector.MatchType.RE || m.type() == SeriesSelector.MatchType.NRE) {
                    regex(m.value(), field);
                }
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'" + field + "' entry is not a series selector: " + e.getMessage());
        }
        return selector;
    }

    private static void regex(String re, String field) {
        if (NOT_RE2.matcher(re).find()) {
            throw ApiException.badRequest("'" + field + "' entry has a regular expression RE2 does not accept "
                    + "(lookarounds, back-references, possessive or atomic groups): " + re);
        }
        try {
            Pattern.compile(re);
        } catch (PatternSyntaxException e) {
            throw ApiException.badRequest("'" + field + "' entry has an invalid regular expression: " + e.getDescription()
                    + " near position " + (e.getIndex() + 1) + " of " + re);
        }
    }
}
