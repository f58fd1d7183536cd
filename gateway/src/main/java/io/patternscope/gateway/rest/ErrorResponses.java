package io.patternscope.gateway.rest;

import io.patternscope.core.api.ApiViews.ErrorView;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The gateway's error answers: JSON {@code {"status", "error"}} with a sentence, built in one place. */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    /** A JSON error answer, to add headers to (Retry-After, WWW-Authenticate) before {@code build()}. */
    public static Response.ResponseBuilder json(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Json.encode(new ErrorView(status, message)));
    }

    /** The sentence of an upstream service's JSON error, or "request failed" when it has none. */
    public static String messageOf(String body) {
        try {
            return new JsonObject(body).getString("error", "request failed");
        } catch (RuntimeException e) {
            return "request failed";
        }
    }
}
