package io.patternscope.gateway.rest;

import io.patternscope.core.api.ApiViews;
import io.patternscope.core.api.FeedbackRequestBody;
import io.patternscope.gateway.auth.Caller;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators' feedback on a report's findings, routed to report-service with the caller's clusters and name. */
@Path("/api/v1/analyses/{id}/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback", description = "Teach Patternscope: root cause, symptom, not anomalous (with a features profile), wrong pattern")
@SecurityRequirement(name = "bearer")
public class FeedbackResource {

    private final ServiceProxy proxy;
    private final CurrentCaller caller;

    public FeedbackResource(ServiceProxy proxy, CurrentCaller caller) {
        this.proxy = proxy;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Say what a finding (or every member of a group) is",
            description = "The last word on a series counts; earlier ones stay as history. NOT_ANOMALOUS with profile CREATE "
                    + "or CREATE_AND_LEARN stores a features profile: later analyses list matching windows as known normal.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FeedbackRequestBody.class)))
    @APIResponse(responseCode = "200", description = "The analysis's current feedback",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ApiViews.FeedbackView.class)))
    @APIResponse(responseCode = "400", description = "Unknown verdict or pattern, a profile without NOT_ANOMALOUS, malformed JSON",
            content = @Content(schema = @Schema(implementation = ApiViews.ErrorView.class)))
    @APIResponse(responseCode = "404", description = "No such analysis for this caller, or no such series or group in it")
    @APIResponse(responseCode = "409", description = "The analysis is still running")
    public Uni<Response> record(@PathParam("id") String id, String body) {
        Caller c = caller.get();
        return proxy.toReportService(c.scope(), c.name(), HttpMethod.POST, path(id), body == null ? "" : body);
    }

    @GET
    @Operation(summary = "The analysis's feedback: the current word on each series, or every word with history=true")
    @APIResponse(responseCode = "200", description = "Feedback, oldest first",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ApiViews.FeedbackView.class)))
    public Uni<Response> list(@PathParam("id") String id, @QueryParam("history") String history) {
        return proxy.toReportService(caller.get().scope(), HttpMethod.GET,
                path(id) + (history == null ? "" : "?history=" + encode(history)), null);
    }

    @DELETE
    @Operation(summary = "Undo: take back the current word on a series (kept as history; a profile it made is disabled)")
    public Uni<Response> undo(@PathParam("id") String id, @QueryParam("series") String series) {
        Caller c = caller.get();
        return proxy.toReportService(c.scope(), c.name(), HttpMethod.DELETE,
                path(id) + (series == null ? "" : "?series=" + encode(series)), null);
    }

    private static String path(String id) {
        return "/api/v1/analyses/" + PathSegments.encode(id) + "/feedback";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
