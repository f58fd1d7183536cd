package io.patternscope.report.rest;

import io.patternscope.core.api.ApiViews;
import io.patternscope.core.api.ClusterScope;
import io.patternscope.report.service.NewAnalysis;
import jakarta.ws.rs.HeaderParam;
import io.patternscope.report.service.AnalysisService;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** The analyses API; the gateway exposes the same paths to operators. */
@Path("/api/v1/analyses")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AnalysisResource {

    private final AnalysisService service;
    private final AnalysisRequestParser parser;

    public AnalysisResource(AnalysisService service, AnalysisRequestParser parser) {
        this.service = service;
        this.parser = parser;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(@HeaderParam(ClusterScope.HEADER) String scope, String body) {
        NewAnalysis request = parser.parse(body);
        if (!ClusterScope.parse(scope).allows(request.cluster())) {
            // The same answer as for a cluster that does not exist: no hint that it does.
            throw ApiException.badRequest("unknown cluster '" + request.cluster() + "'");
        }
        ApiViews.AnalysisView created = service.create(request);
        return Response.accepted(created).location(URI.create("/api/v1/analyses/" + created.id())).build();
    }

    @GET
    public List<ApiViews.AnalysisView> search(@HeaderParam(ClusterScope.HEADER) String scope, @QueryParam("cluster") String cluster, @QueryParam("alert") String alert,
                                              @QueryParam("from") String from, @QueryParam("to") String to,
                                              @QueryParam("page") String pageParam,
                                              @QueryParam("size") String sizeParam) {
        int page = whole(pageParam, "page", 0);
        int size = whole(sizeParam, "size", 50);
        if (page < 0 || size < 1 || size > 500) {
            throw ApiException.badRequest("'page' must be ≥ 0 and 'size' between 1 and 500");
        }
        return service.search(ClusterScope.parse(scope), blankToNull(InputLimits.text(cluster, "cluster", InputLimits.MAX_NAME)),
                blankToNull(InputLimits.text(alert, "alert", InputLimits.MAX_NAME)), time(from, "from"), time(to, "to"), page, size);
    }

    @GET
    @Path("/{id}")
    public ApiViews.AnalysisView get(@HeaderParam(ClusterScope.HEADER) String scope, @PathParam("id") String id) {
        return service.view(uuid(id), ClusterScope.parse(scope));
    }

    @GET
    @Path("/{id}/report")
    public Response report(@HeaderParam(ClusterScope.HEADER) String scope, @PathParam("id") String id) {
        return Response.ok(service.report(uuid(id), ClusterScope.parse(scope)), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{id}/series")
    public ApiViews.SeriesPageView series(@HeaderParam(ClusterScope.HEADER) String scope, @PathParam("id") String id, @QueryParam("status") String status,
                                            @QueryParam("changed") String changedParam,
                                            @QueryParam("page") String pageParam,
                                            @QueryParam("size") String sizeParam) {
        int page = whole(pageParam, "page", 0);
        int size = whole(sizeParam, "size", 100);
        boolean changed = flag(changedParam, "changed");
        if (page < 0 || size < 1 || size > 1000) {
            throw ApiException.badRequest("'page' must be ≥ 0 and 'size' between 1 and 1000");
        }
        if (status != null && !status.isBlank()) {
            try {
                io.patternscope.core.wire.ScreeningStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("'status' must be one of "
                        + java.util.Arrays.toString(io.patternscope.core.wire.ScreeningStatus.values()));
            }
        }
        return service.series(uuid(id), ClusterScope.parse(scope), blankToNull(status), changed, page, size);
    }

    @GET
    @Path("/{id}/report.md")
    @Produces("text/markdown")
    public Response reportMarkdown(@HeaderParam(ClusterScope.HEADER) String scope, @PathParam("id") String id) {
        return Response.ok(service.reportMarkdown(uuid(id), ClusterScope.parse(scope)), "text/markdown; charset=utf-8").build();
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@HeaderParam(ClusterScope.HEADER) String scope, @PathParam("id") String id) {
        service.delete(uuid(id), ClusterScope.parse(scope));
        return Response.noContent().build();
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("no analysis " + id);
        }
    }

    /** A whole-number query parameter, or a 400 naming it. */
    static int whole(String value, String name, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'" + name + "' must be a whole number, not '"
                    + InputLimits.text(value.length() > 40 ? value.substring(0, 40) + "…" : value, name, 64) + "'");
        }
    }

    static boolean flag(String value, String name) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest("'" + name + "' must be true or false");
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Instant time(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + name + "' must be an RFC 3339 time such as 2026-11-23T10:00:00Z");
        }
    }
}
