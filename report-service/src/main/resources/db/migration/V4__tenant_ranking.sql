-- Per-tenant ranking: pattern weights and hidden patterns (RankingSettings). No row: the defaults.
CREATE TABLE tenant_ranking (
    tenant          text PRIMARY KEY,
    still_abnormal  double precision NOT NULL,
    recovered       double precision NOT NULL,
    pattern_weights text             NOT NULL, -- JSON object pattern → weight
    hidden_patterns text             NOT NULL, -- JSON array of patterns
    updated_at      timestamptz      NOT NULL
);
