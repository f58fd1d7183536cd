package io.patternscope.report.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import io.patternscope.core.ranking.RankingSettings;
import io.patternscope.report.mapping.AnalysisMapper;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class TenantRankingRepository implements PanacheRepositoryBase<TenantRankingEntity, String> {

    /** The tenant's settings, or the defaults when it never changed them. */
    public Uni<RankingSettings> settings(String tenant) {
        return findById(tenant).map(e -> e == null ? RankingSettings.defaults(tenant)
                : new RankingSettings(tenant, e.stillAbnormal, e.recovered,
                        AnalysisMapper.read(e.patternWeights, new TypeReference<Map<String, Double>>() { }),
                        AnalysisMapper.read(e.hiddenPatterns, new TypeReference<List<String>>() { }), e.reference));
    }

    public Uni<RankingSettings> save(RankingSettings s) {
        return findById(s.tenant()).chain(existing -> {
            TenantRankingEntity e = existing == null ? new TenantRankingEntity() : existing;
            e.tenant = s.tenant();
            e.stillAbnormal = s.stillAbnormal();
            e.recovered = s.recovered();
            e.patternWeights = AnalysisMapper.write(s.patternWeights());
            e.hiddenPatterns = AnalysisMapper.write(s.hiddenPatterns());
            e.reference = s.reference();
            e.updatedAt = Instant.now();
            return existing == null ? persist(e) : Uni.createFrom().item(e);
        }).replaceWith(s);
    }
}
