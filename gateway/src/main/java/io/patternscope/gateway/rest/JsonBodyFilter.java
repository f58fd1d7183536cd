package io.patternscope.gateway.rest;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The API's bodies are JSON: a POST or PUT to {@code /api/} that says it carries something else
 * ({@code text/plain}, a form) is refused with 415 and a sentence before any resource reads it. A
 * request without a Content-Type is read as JSON.
 */
public class JsonBodyFilter {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @ServerRequestFilter(priority = Priorities.HEADER_DECORATOR)
    public Response requireJson(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/") || !WITH_BODY.contains(request.getMethod())) {
            return null;
        }
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type == null || type.isBlank() || isJson(type)) {
            return null;
        }
        return ErrorResponses.json(415, "the body must be JSON (Content-Type: application/json), not " + type.strip()).build();
    }

    static boolean isJson(String contentType) {
        String media = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"));
    }
}
