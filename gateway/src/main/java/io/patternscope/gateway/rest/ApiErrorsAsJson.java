package io.patternscope.gateway.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error is JSON with a sentence, also those no resource raises itself: a path no resource has
 * (404, "/api/v1/analyses/%2e%2e" included), a method the path does not allow (405), an Accept or
 * Content-Type it cannot serve (406, 415).
 */
public class ApiErrorsAsJson {

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String message = switch (status) {
            case 404 -> "no such resource";
            case 405 -> "this method is not allowed here";
            case 406 -> "this resource cannot answer in the media type asked for (Accept)";
            case 415 -> "the body must be JSON (Content-Type: application/json)";
            default -> e.getMessage() == null ? "request failed" : e.getMessage();
        };
        return ErrorResponses.json(status, message).build();
    }
}
