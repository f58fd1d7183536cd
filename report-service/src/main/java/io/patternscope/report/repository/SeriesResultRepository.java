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

    public Uni<SeriesResultEntity> find(UUID analysisId, String seriesId) {
        return find("analysisId = ?1 AND seriesId = ?2", analysisId, seriesId).firstResult();
    }
}
