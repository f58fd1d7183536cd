package io.patternscope.gateway.rest;

import io.patternscope.gateway.auth.CurrentCaller;
import io.patternscope.gateway.client.ServiceProxy;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * {@code GET /api/v1/analyses/{id}/events} of an analysis the caller cannot read (unknown, another
 * tenant's, or report-service down) answers that status with a sentence before any stream opens:
 * once the server-sent events have started, the status line is 200 and an error can only travel
 * inside the stream. Runs after the bearer check, which sets the caller.
 */
public class EventsPrecheckFilter {

    private static final Pattern EVENTS = Pattern.compile("^/api/v1/analyses/([^/]+)/events$");

    private final ServiceProxy proxy;
    private final CurrentCaller caller;

    public EventsPrecheckFilter(ServiceProxy proxy, CurrentCaller caller) {
        this.proxy = proxy;
        this.caller = caller;
    }

    @ServerRequestFilter(priority = Priorities.USER)
    public Uni<Response> precheck(ContainerRequestContext request) {
        Matcher m = EVENTS.matcher(request.getUriInfo().getPath());
        if (!m.matches() || !"GET".equals(request.getMethod())) {
            return Uni.createFrom().nullItem();
        }
        return proxy.callReportService(caller.get().scope(), HttpMethod.GET, "/api/v1/analyses/" + PathSegments.encode(m.group(1)))
                .map(r -> r.statusCode() == 200 ? (Response) null
                        : ErrorResponses.json(r.statusCode(), ErrorResponses.messageOf(r.bodyAsString())).build())
                .onFailure().recoverWithItem(f -> ErrorResponses.json(503, "report-service is unavailable").build());
    }
}
