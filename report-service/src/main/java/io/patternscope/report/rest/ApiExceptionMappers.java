package io.patternscope.report.rest;

import io.patternscope.core.api.ApiViews.ErrorView;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as JSON {@code {"status":..., "error":"..."}}. */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return json(e.status(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return json(status, status == 404 ? "no such resource" : e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("request failed", e);
        return json(500, "internal error: " + e.getClass().getSimpleName());
    }

    static Response json(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorView(status, message)).build();
    }
}
