package io.patternscope.report.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.patternscope.core.api.ApiViews;
import io.patternscope.core.features.ProfileLayers;
import io.patternscope.report.repository.ProfileRepository;
import io.patternscope.report.service.Transactions;
import io.smallrye.common.annotation.Blocking;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.List;

/**
 * A tenant's features profiles: list and search, one with its window, disable (with every profile
 * learnt from it), enable, validate, and its layers. The gateway checks that the caller belongs
 * to the tenant.
 */
@Path("/api/v1/tenants/{tenant}/profiles")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ProfilesResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProfileRepository profiles;
    private final Transactions tx;
    private final Pool pool;

    public ProfilesResource(ProfileRepository profiles, Transactions tx, Pool pool) {
        this.profiles = profiles;
        this.tx = tx;
        this.pool = pool;
    }

    @GET
    public List<ApiViews.ProfileView> search(@PathParam("tenant") String tenant, @QueryParam("metric") String metric,
                                             @QueryParam("limit") String limitParam) {
        int limit = AnalysisResource.whole(limitParam, "limit", 200);
        if (limit < 1 || limit > 1000) {
            throw ApiException.badRequest("'limit' must be between 1 and 1000");
        }
        String filter = metric == null || metric.isBlank() ? null : InputLimits.text(metric, "metric", InputLimits.MAX_NAME);
        return tx.onPool(() -> profiles.search(tenant, filter, limit)).stream().map(p -> p.view(false)).toList();
    }

    @GET
    @Path("/{profile}")
    public ApiViews.ProfileView get(@PathParam("tenant") String tenant, @PathParam("profile") String profile) {
        return find(tenant, profile).view(true);
    }

    /**
     * {@code disable}: the profile and every profile learnt from it; {@code enable}: the profile
     * alone; {@code validate}: an operator checked a learnt profile and agrees with it.
     */
    @POST
    @Path("/{profile}/{action: disable|enable|validate}")
    @Consumes(MediaType.WILDCARD)
    public ApiViews.ProfileView act(@PathParam("tenant") String tenant, @PathParam("profile") String profile,
                                    @PathParam("action") String action) {
        long id = find(tenant, profile).id();
        tx.onPool(() -> switch (action) {
            case "disable" -> profiles.disableWithProgeny(pool, tenant, id);
            case "enable" -> profiles.enable(tenant, id);
            default -> profiles.validate(tenant, id);
        });
        return find(tenant, profile).view(false);
    }

    /** {@code {"maxAtMost":..,"minAtLeast":..,"lastAtLeast":..,"lastAtMost":..,"spikeAtMostPoints":..}}; {} removes them. */
    @PUT
    @Path("/{profile}/layers")
    @Consumes(MediaType.WILDCARD)
    public ApiViews.ProfileView layers(@PathParam("tenant") String tenant, @PathParam("profile") String profile, String body) {
        long id = find(tenant, profile).id();
        ProfileLayers layers;
        try {
            layers = JSON.readValue(body == null || body.isBlank() ? "{}" : body, ProfileLayers.class);
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw ApiException.badRequest("malformed layers (" + cause.getMessage().split("\n")[0] + "): expected "
                    + "{\"maxAtMost\":100,\"minAtLeast\":0,\"lastAtLeast\":1,\"lastAtMost\":50,\"spikeAtMostPoints\":3}");
        }
        String stored;
        try {
            stored = layers.bindsNothing() ? null : JSON.writeValueAsString(layers);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        tx.onPool(() -> profiles.setLayers(tenant, id, stored));
        return find(tenant, profile).view(false);
    }

    private ProfileRepository.StoredProfile find(String tenant, String profile) {
        long id;
        try {
            id = Long.parseLong(profile);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("no profile " + InputLimits.text(profile, "profile", 64));
        }
        ProfileRepository.StoredProfile found = tx.onPool(() -> profiles.find(tenant, id));
        if (found == null) {
            throw ApiException.notFound("no profile " + id);
        }
        return found;
    }
}
