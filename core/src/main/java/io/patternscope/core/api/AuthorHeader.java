package io.patternscope.core.api;

/**
 * The name of the token a write came with: the gateway passes it to report-service in
 * {@link #HEADER}, so that feedback and profiles say who made them.
 */
public final class AuthorHeader {

    public static final String HEADER = "X-Patternscope-Author";
    /** The author of a write that came without one (a direct call between services). */
    public static final String UNKNOWN = "unknown";

    private AuthorHeader() {
    }

    /** The author named in the header, or {@link #UNKNOWN}. */
    public static String of(String header) {
        return header == null || header.isBlank() ? UNKNOWN : header.strip();
    }
}
