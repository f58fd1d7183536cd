package io.patternscope.report.service;

import io.patternscope.bus.JetStreamBus;
import io.patternscope.core.wire.AnalysisRequested;
import io.patternscope.core.wire.ScreeningParameters;
import io.patternscope.core.wire.Subjects;
import io.patternscope.report.mapping.AnalysisMapper;
import io.patternscope.core.api.ApiViews;
import io.patternscope.core.api.ClusterScope;
import io.patternscope.report.repository.AnalysisEntity;
import io.patternscope.report.repository.AnalysisRepository;
import io.patternscope.core.api.AnalysisStatus;
import io.patternscope.report.rest.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Creating analyses and reading them back; blocking methods, for worker threads. */
@ApplicationScoped
public class AnalysisService {

    private static final Logger LOG = Logger.getLogger(AnalysisService.class);

    private final AnalysisRepository analyses;
    private final io.patternscope.report.repository.SeriesResultRepository results;
    private final Transactions tx;
    private final JetStreamBus bus;
    private final io.patternscope.report.repository.TenantRankingRepository tenantSettings;
    private final io.patternscope.core.config.ClusterBackends clusters;

    public AnalysisService(AnalysisRepository analyses, io.patternscope.report.repository.SeriesResultRepository results,
                           Transactions tx, JetStreamBus bus,
                           io.patternscope.report.repository.TenantRankingRepository tenantSettings,
                           io.patternscope.core.config.ClusterBackends clusters) {
        this.analyses = analyses;
        this.results = results;
        this.tx = tx;
        this.bus = bus;
        this.tenantSettings = tenantSettings;
        this.clusters = clusters;
    }

    /** The reference the request names, else its tenant's default (null: the preceding window). */
    private String reference(NewAnalysis request) {
        if (request.reference() != null) {
            return request.reference();
        }
        String tenant = clusters.find(request.cluster()).map(io.patternscope.core.config.ClusterBackend::tenant)
                .orElse(request.cluster());
        return tx.readOnly(() -> tenantSettings.settings(tenant)).reference();
    }

    /** Stores the analysis as PENDING, then hands it to the fetchers. */
    public ApiViews.AnalysisView create(NewAnalysis request) {
        AnalysisEntity a = new AnalysisEntity();
        a.id = UUID.randomUUID();
        a.cluster = request.cluster();
        a.alertName = request.alertName();
        a.alertLabels = request.alertName() == null ? null : AnalysisMapper.write(request.alertLabels());
        a.alertAt = request.alertAt();
        a.windowStart = request.start();
        a.testStart = request.testStart();
        a.windowEnd = request.end();
        a.stepMs = request.stepMs();
        a.selectors = AnalysisMapper.write(request.selectors());
        a.excludes = AnalysisMapper.write(request.excludes());
        a.fdrLevel = request.fdrLevel();
        a.minEffectSize = request.minEffectSize();
        a.discordThreshold = request.discordThreshold();
        a.reference = reference(request);
        a.maxSeries = request.maxSeries();
        a.status = AnalysisStatus.PENDING.name();
        a.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        tx.inTransaction(() -> analyses.persist(a));
        AnalysisRequested message = new AnalysisRequested(a.id.toString(), a.cluster, a.windowStart.toEpochMilli(),
                a.testStart.toEpochMilli(), a.windowEnd.toEpochMilli(), a.stepMs, request.selectors(), request.excludes(),
                a.maxSeries, new ScreeningParameters(a.fdrLevel, a.minEffectSize, a.discordThreshold, a.reference),
                request.stepFromData());
        try {
            bus.publish(Subjects.ANALYSIS_REQUESTED, a.id + ":requested", message);
        } catch (RuntimeException e) {
            LOG.errorf("analysis %s could not be published: %s", a.id, e.getMessage());
            tx.inTransaction(() -> analyses.update("status = ?1, statusReason = ?2, completedAt = ?3 WHERE id = ?4",
                    AnalysisStatus.FAILED.name(), "could not hand the analysis to the fetchers: " + e.getMessage(),
                    Instant.now(), a.id));
            throw new ApiException(503, "the message bus is unavailable; the analysis was stored as FAILED");
        }
        return view(a.id, ClusterScope.UNRESTRICTED);
    }

    public ApiViews.AnalysisView view(UUID id, ClusterScope scope) {
        return tx.readOnly(() -> analyses.findById(id).chain(a -> {
            if (a == null || !scope.allows(a.cluster)) {
                throw ApiException.notFound("no analysis " + id);
            }
            return analyses.progress(id).map(progress -> AnalysisMapper.toView(a, progress));
        }));
    }

    /** The analysis if the caller may see it; otherwise 404, the same answer as for one that does not exist. */
    /** The analysis, when the caller's clusters include its cluster; 404 otherwise, as for one that does not exist. */
    public AnalysisEntity visible(UUID id, ClusterScope scope) {
        AnalysisEntity a = tx.readOnly(() -> analyses.findById(id));
        if (a == null || !scope.allows(a.cluster)) {
            throw ApiException.notFound("no analysis " + id);
        }
        return a;
    }

    /** The stored report JSON; 409 while the analysis is still running. */
    public String report(UUID id, ClusterScope scope) {
        AnalysisEntity a = visible(id, scope);
        if (!a.isFinished() || a.report == null) {
            throw new ApiException(409, "analysis " + id + " is " + a.status
                    + "; its report is ready once it is COMPLETED, PARTIAL or FAILED");
        }
        return a.report;
    }

    /** The stored report rendered as Markdown; 409 while the analysis runs. */
    public String reportMarkdown(UUID id, ClusterScope scope) {
        return io.patternscope.report.mapping.ReportMarkdown.render(AnalysisMapper.readReport(report(id, scope)));
    }

    public List<ApiViews.AnalysisView> search(ClusterScope scope, String cluster, String alert, Instant from, Instant to,
                                              int page, int size) {
        // One session: the page of analyses, then the progress of all of them in one query.
        return tx.readOnly(() -> analyses.search(scope.clusters(), cluster, alert, from, to, page, size)
                .chain(found -> analyses.progressOf(found.stream().map(a -> a.id).toList())
                        .map(progress -> found.stream()
                                .map(a -> AnalysisMapper.toView(a, progress.getOrDefault(a.id, java.util.Map.of()))).toList())));
    }

    /** Every screened series with its statistics, for the operator who wants more than the findings. */
    public ApiViews.SeriesPageView series(UUID id, ClusterScope scope, String status, boolean changedOnly, int page,
                                          int size) {
        AnalysisEntity a = visible(id, scope);
        Double q = changedOnly ? a.fdrLevel : null;
        Double effect = changedOnly ? a.minEffectSize : null;
        return tx.readOnly(() -> results.page(id, status, q, effect, page, size)
                .chain(rows -> results.countMatching(id, status, q, effect)
                        .map(total -> new ApiViews.SeriesPageView(rows.stream().map(r -> AnalysisMapper.toView(r, a)).toList(),
                                page, size, total))));
    }

    public void delete(UUID id, ClusterScope scope) {
        visible(id, scope);
        boolean deleted = tx.inTransaction(() -> analyses.deleteById(id));
        if (!deleted) {
            throw ApiException.notFound("no analysis " + id);
        }
    }
}
