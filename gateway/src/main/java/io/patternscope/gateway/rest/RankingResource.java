package io.patternscope.gateway.rest;

import io.patternscope.core.ranking.RankingSettings;
import io.patternscope.gateway.auth.CurrentCaller;
import io.patternscope.gateway.client.ServiceProxy;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A tenant's ranking weights, hidden patterns and default reference; only the tenant's own tokens (or
 * * tokens) see them.
 */
@Path("/api/v1/tenants/{tenant}/ranking")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ranking", description = "Per-tenant pattern weights, hidden patterns and default reference")
@SecurityRequirement(name = "bearer")
public class RankingResource {

    private final ServiceProxy proxy;
    private final CurrentCaller caller;

    public RankingResource(ServiceProxy proxy, CurrentCaller caller) {
        this.proxy = proxy;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The tenant's ranking settings (defaults 0.8 still abnormal, 0.2 recovered, nothing hidden, "
            + "no default reference: PRECEDING)")
    public Uni<Response> get(@PathParam("tenant") String tenant) {
        return mine(tenant) ? proxy.toReportService(null, HttpMethod.GET, path(tenant), null) : TenantAccess.notFound(tenant);
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Change the tenant's ranking; applies to analyses that end afterwards",
            description = "Fields left out keep their defaults. Weights between 0 and 10; a weight of 0 drops a pattern "
                    + "from the ranking, hiddenPatterns removes it from the findings (still counted in the summary). "
                    + "reference (PRECEDING, DAILY, WEEKLY, AUTO) is what the tenant's analyses compare their test window "
                    + "with when a request names none.")
    @RequestBody(content = @Content(schema = @Schema(implementation = RankingSettings.class)))
    public Uni<Response> put(@PathParam("tenant") String tenant, String body) {
        return mine(tenant) ? proxy.toReportService(null, HttpMethod.PUT, path(tenant), body == null ? "" : body)
                : TenantAccess.notFound(tenant);
    }

    private boolean mine(String tenant) {
        return TenantAccess.allows(caller.get(), tenant);
    }

    private static String path(String tenant) {
        return "/api/v1/tenants/" + PathSegments.encode(tenant) + "/ranking";
    }

}
