package io.patternscope.gateway.rest;

import io.patternscope.core.api.ApiViews;
import io.patternscope.gateway.auth.Caller;
import io.patternscope.gateway.auth.CurrentCaller;
import io.patternscope.gateway.client.ServiceProxy;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant's features profiles; only the tenant's own tokens (or * tokens) see them. */
@Path("/api/v1/tenants/{tenant}/profiles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Profiles", description = "Features profiles: behaviour operators called normal")
@SecurityRequirement(name = "bearer")
public class ProfilesResource {

    private final ServiceProxy proxy;
    private final CurrentCaller caller;

    public ProfilesResource(ServiceProxy proxy, CurrentCaller caller) {
        this.proxy = proxy;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The tenant's profiles, newest first; metric= narrows them to identities containing it")
    @APIResponse(responseCode = "200", description = "Profiles",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ApiViews.ProfileView.class)))
    public Uni<Response> search(@PathParam("tenant") String tenant, @Context UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        return forward(tenant, HttpMethod.GET, "", query, null);
    }

    @GET
    @Path("/{profile}")
    @Operation(summary = "One profile with the window it was made from")
    public Uni<Response> get(@PathParam("tenant") String tenant, @PathParam("profile") String profile) {
        return forward(tenant, HttpMethod.GET, "/" + PathSegments.encode(profile), null, null);
    }

    @POST
    @Path("/{profile}/{action: disable|enable|validate}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Disable (with every profile learnt from it), enable, or validate a profile")
    public Uni<Response> act(@PathParam("tenant") String tenant, @PathParam("profile") String profile,
                             @PathParam("action") String action) {
        return forward(tenant, HttpMethod.POST, "/" + PathSegments.encode(profile) + "/" + action, null, "");
    }

    @PUT
    @Path("/{profile}/layers")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Set the profile's layers: bounds within which a changed window is expected",
            description = "Bounds: maxAtMost, minAtLeast, lastAtLeast, lastAtMost, spikeAtMostPoints; {} removes them")
    public Uni<Response> layers(@PathParam("tenant") String tenant, @PathParam("profile") String profile, String body) {
        return forward(tenant, HttpMethod.PUT, "/" + PathSegments.encode(profile) + "/layers", null, body == null ? "" : body);
    }

    private Uni<Response> forward(String tenant, HttpMethod method, String rest, String query, String body) {
        Caller c = caller.get();
        if (!TenantAccess.allows(c, tenant)) {
            return TenantAccess.notFound(tenant);
        }
        String path = "/api/v1/tenants/" + PathSegments.encode(tenant) + "/profiles" + rest + (query == null ? "" : "?" + query);
        return proxy.toReportService(null, c.name(), method, path, body);
    }
}
