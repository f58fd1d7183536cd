package io.patternscope.gateway.rest;

import io.patternscope.core.api.AnalysisRequestBody;
import io.patternscope.core.api.ApiViews;
import io.patternscope.gateway.auth.CurrentCaller;
import io.patternscope.gateway.client.ServiceProxy;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator's analyses API, routed to report-service. */
@Path("/api/v1/analyses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analyses", description = "Start a root-cause analysis, follow it, read its report")
@SecurityRequirement(name = "bearer")
public class AnalysesResource {

    private final ServiceProxy proxy;
    private final CurrentCaller caller;

    public AnalysesResource(ServiceProxy proxy, CurrentCaller caller) {
        this.proxy = proxy;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Start an analysis of an alert or a window",
            description = "Stores the analysis as PENDING and hands it to the pipeline; poll the Location.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AnalysisRequestBody.class)))
    @APIResponse(responseCode = "202", description = "Accepted",
            content = @Content(schema = @Schema(implementation = ApiViews.AnalysisView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: unknown cluster, bad window, malformed JSON",
            content = @Content(schema = @Schema(implementation = ApiViews.ErrorView.class)))
    public Uni<Response> create(String body) {
        return proxy.toReportService(caller.get().scope(), HttpMethod.POST, "/api/v1/analyses", body == null ? "" : body);
    }

    @GET
    @Operation(summary = "List past analyses, newest first",
            description = "Query parameters: cluster, alert (substring of the alert name), from, to (RFC 3339), page, size")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = ApiViews.AnalysisView.class)))
    public Uni<Response> search(@Context UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        return proxy.toReportService(caller.get().scope(), HttpMethod.GET, "/api/v1/analyses" + (query == null ? "" : "?" + query), null);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Status and progress counters of an analysis")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ApiViews.AnalysisView.class)))
    @APIResponse(responseCode = "404", content = @Content(schema = @Schema(implementation = ApiViews.ErrorView.class)))
    public Uni<Response> get(@Parameter(description = "analysis id") @PathParam("id") String id) {
        return proxy.toReportService(caller.get().scope(), HttpMethod.GET, "/api/v1/analyses/" + PathSegments.encode(id), null);
    }

    @GET
    @Path("/{id}/report")
    @Operation(summary = "The ranked report of an ended analysis (409 while it runs)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ApiViews.ReportView.class)))
    @APIResponse(responseCode = "409", content = @Content(schema = @Schema(implementation = ApiViews.ErrorView.class)))
    public Uni<Response> report(@PathParam("id") String id) {
        return proxy.toReportService(caller.get().scope(), HttpMethod.GET, "/api/v1/analyses/" + PathSegments.encode(id) + "/report", null);
    }

    @GET
    @Path("/{id}/series")
    @Operation(summary = "Every screened series of an analysis with p, q, D, effect size, direction, onset",
            description = "Query parameters: status (TESTED, INSUFFICIENT_DATA, CONSTANT, UNCONVERTED_COUNTER, ERROR), "
                    + "changed (true: only the changed ones), page, size (≤ 1000); most significant first; "
                    + "the answer carries the page, its size and the total the filters match")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ApiViews.SeriesPageView.class)))
    public Uni<Response> series(@PathParam("id") String id, @Context UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        return proxy.toReportService(caller.get().scope(), HttpMethod.GET, "/api/v1/analyses/" + PathSegments.encode(id) + "/series"
                + (query == null ? "" : "?" + query), null);
    }

    @GET
    @Path("/{id}/report.md")
    @Produces("text/markdown")
    @Operation(summary = "The report as Markdown, for a ticket or a chat (409 while running)")
    public Uni<Response> reportMarkdown(@PathParam("id") String id) {
        return proxy.toReportService(caller.get().scope(), HttpMethod.GET, "/api/v1/analyses/" + PathSegments.encode(id) + "/report.md", null);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an analysis and its report")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(@PathParam("id") String id) {
        return proxy.toReportService(caller.get().scope(), HttpMethod.DELETE, "/api/v1/analyses/" + PathSegments.encode(id), null);
    }
}
