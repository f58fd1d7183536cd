package io.patternscope.internalapi;

import io.patternscope.core.api.ApiViews.ErrorView;
import io.patternscope.core.internalapi.ServiceCredential;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An internal service's {@code /api/} answers only callers that show the service credential: 401
 * without it, 503 while the service has none configured (closed, never open). Health and metrics
 * stay open for the probes. (The gateway, whose API is the public one behind API tokens, does not
 * use service-common; it shows the credential on its calls.)
 */
public class InternalApiGuard {

    private static final Logger LOG = Logger.getLogger(InternalApiGuard.class);

    private final ServiceCredential credential;

    public InternalApiGuard(InternalApiConfig config) {
        this.credential = new ServiceCredential(config.credential());
    }

    /** Before matching, so a caller without the credential learns nothing, not even which paths exist. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Response check(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        if (!credential.configured()) {
            LOG.error("PATTERNSCOPE_INTERNAL_API_CREDENTIAL is not set: this service refuses every /api/ call until it is");
            return error(503, "this service has no service credential configured (PATTERNSCOPE_INTERNAL_API_CREDENTIAL)");
        }
        if (!credential.matches(request.getHeaderString(ServiceCredential.HEADER))) {
            return error(401, "an internal Patternscope API: call it through the gateway");
        }
        return null;
    }

    private static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorView(status, message)).build();
    }
}
