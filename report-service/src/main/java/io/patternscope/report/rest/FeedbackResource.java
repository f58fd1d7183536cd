package io.patternscope.report.rest;

import io.patternscope.core.api.ApiViews;
import io.patternscope.core.api.AuthorHeader;
import io.patternscope.core.api.ClusterScope;
import io.patternscope.report.service.FeedbackService;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Feedback on an analysis's findings; the gateway exposes the same paths to operators. */
@Path("/api/v1/analyses/{id}/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class FeedbackResource {

    private final FeedbackService feedback;

    public FeedbackResource(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public List<ApiViews.FeedbackView> record(@HeaderParam(ClusterScope.HEADER) String scope,
                                              @HeaderParam(AuthorHeader.HEADER) String author, @PathParam("id") String id,
                                              String body) {
        FeedbackRequest request = FeedbackRequest.parse(body);
        return feedback.record(AnalysisResource.uuid(id), ClusterScope.parse(scope),
                InputLimits.text(AuthorHeader.of(author), "author", InputLimits.MAX_NAME), request);
    }

    @GET
    public List<ApiViews.FeedbackView> list(@HeaderParam(ClusterScope.HEADER) String scope, @PathParam("id") String id,
                                            @QueryParam("history") String history) {
        return feedback.list(AnalysisResource.uuid(id), ClusterScope.parse(scope), AnalysisResource.flag(history, "history"));
    }

    /** Undo: the current word on {@code series} is taken back (kept as history). */
    @DELETE
    public List<ApiViews.FeedbackView> undo(@HeaderParam(ClusterScope.HEADER) String scope, @PathParam("id") String id,
                                            @QueryParam("series") String series) {
        if (series == null || series.isBlank()) {
            throw ApiException.badRequest("'series' names the series whose feedback is taken back");
        }
        return feedback.undo(AnalysisResource.uuid(id), ClusterScope.parse(scope),
                InputLimits.text(series, "series", InputLimits.MAX_SERIES_ID));
    }
}
