package io.patternscope.gateway.rest;

import io.patternscope.core.api.ApiViews;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant's learnt relevance (Opprentice); only the tenant's own tokens (or * tokens) see it. */
@Path("/api/v1/tenants/{tenant}/relevance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Relevance", description = "A random forest learnt from the tenant's feedback ranks its reports")
@SecurityRequirement(name = "bearer")
public class RelevanceResource {

    private final ServiceProxy proxy;
    private final CurrentCaller caller;

    public RelevanceResource(ServiceProxy proxy, CurrentCaller caller) {
        this.proxy = proxy;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The tenant's labels and, with enough, the cross-validated precision, recall and AUC of the "
            + "forest beside the PatternMatcher score alone")
    @APIResponse(responseCode = "200", description = "Figures", content = @Content(schema = @Schema(implementation = ApiViews.RelevanceView.class)))
    public Uni<Response> get(@PathParam("tenant") String tenant) {
        return TenantAccess.allows(caller.get(), tenant) ? proxy.toReportService(null, HttpMethod.GET, path(tenant), null)
                : TenantAccess.notFound(tenant);
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Whether reports rank by relevance, the preferred precision and recall (0.66 each), the labels "
            + "of each kind a model needs (30)", description = "enabled false keeps PatternMatcher's order")
    public Uni<Response> put(@PathParam("tenant") String tenant, String body) {
        return TenantAccess.allows(caller.get(), tenant)
                ? proxy.toReportService(null, caller.get().name(), HttpMethod.PUT, path(tenant), body == null ? "" : body)
                : TenantAccess.notFound(tenant);
    }

    private static String path(String tenant) {
        return "/api/v1/tenants/" + PathSegments.encode(tenant) + "/relevance";
    }
}
