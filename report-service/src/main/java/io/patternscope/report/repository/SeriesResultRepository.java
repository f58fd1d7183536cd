package io.patternscope.report.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SeriesResultRepository implements PanacheRepositoryBase<SeriesResultEntity, Long> {

    public Uni<List<SeriesResultEntity>> forAnalysis(UUID analysisId) {
        return list("analysisId", analysisId);
    }

    /**
     * One page of an analysis's series, optionally only one status, or only the changed ones
     * (q ≤ the analysis's level and |effect| ≥ its minimum), most significant first.
     */
    public Uni<List<SeriesResultEntity>> page(UUID analysisId, String status, Double fdrLevel, Double minEffect,
                                              int page, int size) {
        Filter filter = filter(analysisId, status, fdrLevel, minEffect);
        return find(filter.query() + " ORDER BY pValue ASC NULLS LAST, seriesId", filter.params())
                .page(io.quarkus.panache.common.Page.of(page, size)).list();
    }

    /** How many series {@link #page} pages through. */
    public Uni<Long> countMatching(UUID analysisId, String status, Double fdrLevel, Double minEffect) {
        Filter filter = filter(analysisId, status, fdrLevel, minEffect);
        return count(filter.query(), filter.params());
    }

    private record Filter(String query, io.quarkus.panache.common.Parameters params) {
    }

    private static Filter filter(UUID analysisId, String status, Double fdrLevel, Double minEffect) {
        StringBuilder query = new StringBuilder("analysisId = :id");
        io.quarkus.panache.common.Parameters params = io.quarkus.panache.common.Parameters.with("id", analysisId);
        if (status != null) {
            query.append(" AND status = :status");
            params.and("status", status);
        }
        if (fdrLevel != null) {
            query.append(" AND qValue <= :q AND abs(effectSize) >= :effect");
            params.and("q", fdrLevel).and("effect", minEffect);
        }
        return new Filter(query.toString(), params);
    }

    public Uni<SeriesResultEntity> find(UUID analysisId, String seriesId) {
        return find("analysisId = ?1 AND seriesId = ?2", analysisId, seriesId).firstResult();
    }
}
