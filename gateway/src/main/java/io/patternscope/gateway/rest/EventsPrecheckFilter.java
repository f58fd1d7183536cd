package io.patternscope.gateway.rest;

import io.patternscope.gateway.auth.CurrentCaller;
import io.patternscope.gateway.client.ServiceProxy;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
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
 * inside the stream. Runs after the bearer check, which sets the caller. The analysis it read is the
 * stream's first event ({@link #FIRST_STATE}), so opening a stream costs one call, not two.
 */
public class EventsPrecheckFilter {

    /** The routing context key under which the pre-check leaves the analysis it read. */
    static final String FIRST_STATE = "patternscope.events.first-state";

    private static final Pattern EVENTS = Pattern.compile("^/api/v1/analyses/([^/]+)/events$");

    private final ServiceProxy proxy;
    private final CurrentCaller caller;

    public EventsPrecheckFilter(ServiceProxy proxy, CurrentCaller caller) {
        this.proxy = proxy;
        this.caller = caller;
    }

    @ServerRequestFilter(priority = Priorities.USER)
    public Uni<Response> precheck(ContainerRequestContext request, RoutingContext routing) {
        Matcher m = EVENTS.matcher(request.getUriInfo().getPath());
        if (!m.matches() || !"GET".equals(request.getMethod())) {
            return Uni.createFrom().nullItem();
        }
        return proxy.callReportService(caller.get().scope(), HttpMethod.GET, "/api/v1/analyses/" + PathSegments.encode(m.group(1)))
                .map(r -> {
                    if (r.statusCode() == 200) {
                        routing.put(FIRST_STATE, r.bodyAsString());
                        return (Response) null;
                    }
                    return ErrorResponses.json(r.statusCode(), ErrorResponses.messageOf(r.bodyAsString())).build();
                })
                .onFailure().recoverWithItem(f -> ErrorResponses.json(503, "report-service is unavailable").build());
    }
}
