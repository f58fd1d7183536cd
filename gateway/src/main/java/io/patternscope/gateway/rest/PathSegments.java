package io.patternscope.gateway.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

final class PathSegments {

    private PathSegments() {
    }

    /** Encodes a client-supplied path segment so it cannot change the upstream path. */
    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
