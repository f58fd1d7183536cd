package io.patternscope.report.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tenant's ranking settings; JSON text for the per-pattern parts. */
@Entity
@Table(name = "tenant_ranking")
public class TenantRankingEntity extends PanacheEntityBase {

    @Id
    public String tenant;
    @Column(name = "still_abnormal")
    public double stillAbnormal;
    public double recovered;
    @Column(name = "pattern_weights")
    public String patternWeights;
    @Column(name = "hidden_patterns")
    public String hiddenPatterns;
    /** The default reference of the tenant's analyses; null: PRECEDING. */
    @Column(name = "reference")
    public String reference;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
