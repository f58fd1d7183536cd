package io.patternscope.report.service;

import io.patternscope.core.api.ApiViews;
import io.patternscope.core.api.ClusterScope;
import io.patternscope.core.features.Fingerprint;
import io.patternscope.core.features.MetricIdentity;
import io.patternscope.core.features.SeriesFeatures;
import io.patternscope.report.mapping.AnalysisMapper;
import io.patternscope.report.repository.AnalysisEntity;
import io.patternscope.report.repository.FeedbackRepository;
import io.patternscope.report.repository.ProfileRepository;
import io.patternscope.report.repository.SeriesResultEntity;
import io.patternscope.report.repository.SeriesResultRepository;
import io.patternscope.report.rest.ApiException;
import io.patternscope.report.rest.FeedbackRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Operators' feedback on an ended analysis's findings and groups, and the features profiles a
 * "not anomalous" makes. Each word is stored with what the finding was (its window, statistics
 * and pattern), so it can teach after the analysis itself has expired.
 */
@ApplicationScoped
public class FeedbackService {

    private final AnalysisService analyses;
    private final SeriesResultRepository results;
    private final FeedbackRepository feedback;
    private final ProfileRepository profiles;
    private final CompletionTracker tracker;
    private final Transactions tx;
    private final Pool pool;

    public FeedbackService(AnalysisService analyses, SeriesResultRepository results, FeedbackRepository feedback,
                           ProfileRepository profiles, CompletionTracker tracker, Transactions tx, Pool pool) {
        this.analyses = analyses;
        this.results = results;
        this.feedback = feedback;
        this.profiles = profiles;
        this.tracker = tracker;
        this.tx = tx;
        this.pool = pool;
    }

    /** Stores the word on the series (or every member of the group) and answers the analysis's current feedback. */
    public List<ApiViews.FeedbackView> record(UUID analysisId, ClusterScope scope, String author, FeedbackRequest request) {
        AnalysisEntity a = analyses.visible(analysisId, scope);
        if (!a.isFinished() || a.report == null) {
            throw new ApiException(409, "analysis " + analysisId + " is " + a.status
                    + "; feedback is taken once it has ended and has a report");
        }
        List<String> seriesIds = request.series() != null ? List.of(request.series()) : groupMembers(a, request.group());
        List<SeriesResultEntity> findings = tx.onPool(() -> results.find(analysisId, seriesIds));
        if (findings.size() != seriesIds.size()) {
            throw ApiException.notFound("analysis " + analysisId + " has no series " + request.series());
        }
        if (request.profile() != FeedbackRequest.Profile.NONE) {
            for (SeriesResultEntity f : findings) {
                if (AnalysisMapper.finiteValues(f.seriesValues) < SeriesFeatures.MIN_POINTS) {
                    throw ApiException.badRequest("series " + f.seriesId + " has no stored window of at least "
                            + SeriesFeatures.MIN_POINTS + " values (only changed series keep theirs): no profile can be made");
                }
            }
        }
        String tenant = tracker.tenantOf(a.cluster);
        tx.onPool(() -> pool.withTransaction(client -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (SeriesResultEntity f : findings) {
                chain = chain.chain(() -> profileFor(client, tenant, a, f, author, request.profile())
                        .chain(profileId -> feedback.record(client, new FeedbackRepository.NewFeedback(tenant, analysisId,
                                a.cluster, request.group(), request.verdict().name(), request.rightPattern(), request.comment(),
                                author, f), profileId))).replaceWithVoid();
            }
            return chain;
        }));
        return list(analysisId, scope, false);
    }

    /** Takes back the current word on a series; a profile it made is disabled with its progeny. */
    public List<ApiViews.FeedbackView> undo(UUID analysisId, ClusterScope scope, String seriesId) {
        AnalysisEntity a = analyses.visible(analysisId, scope);
        String tenant = tracker.tenantOf(a.cluster);
        long profile = tx.onPool(() -> pool.withTransaction(client -> feedback.undo(client, analysisId, seriesId)
                .call(id -> id > 0 ? profiles.disableWithProgeny(client, tenant, id) : Uni.createFrom().voidItem())));
        if (profile < 0) {
            throw ApiException.notFound("analysis " + analysisId + " has no feedback on series " + seriesId);
        }
        return list(analysisId, scope, false);
    }

    public List<ApiViews.FeedbackView> list(UUID analysisId, ClusterScope scope, boolean history) {
        analyses.visible(analysisId, scope);
        return tx.onPool(() -> feedback.forAnalysis(analysisId, history));
    }

    private Uni<Long> profileFor(io.vertx.mutiny.sqlclient.SqlClient client, String tenant, AnalysisEntity a,
                                 SeriesResultEntity f, String author, FeedbackRequest.Profile profile) {
        if (profile == FeedbackRequest.Profile.NONE) {
            return Uni.createFrom().nullItem();
        }
        double[] values = AnalysisMapper.readValues(f.seriesValues);
        return profiles.insert(client, new ProfileRepository.NewProfile(tenant, f.metric,
                MetricIdentity.of(f.metric, AnalysisMapper.readMap(f.labels)), Fingerprint.of(values), f.seriesValues, a.id,
                f.seriesId, profile == FeedbackRequest.Profile.CREATE_AND_LEARN, 0, null, author));
    }

    private static List<String> groupMembers(AnalysisEntity a, int group) {
        ApiViews.ReportView report = AnalysisMapper.readReport(a.report);
        for (ApiViews.GroupView g : report.groups() == null ? List.<ApiViews.GroupView>of() : report.groups()) {
            if (g.rank() == group) {
                return new ArrayList<>(g.members());
            }
        }
        throw ApiException.notFound("the report of analysis " + a.id + " has no group " + group);
    }
}
