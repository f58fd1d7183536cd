-- Operators' word on findings. Kept when the analysis is deleted or expires: it is what a tenant's
-- profiles and relevance model learn from. The last word on a series counts; earlier ones stay
-- as history with superseded_at set.
CREATE TABLE feedback (
    id             bigserial PRIMARY KEY,
    tenant         text        NOT NULL,
    analysis_id    uuid        NOT NULL,
    cluster        text        NOT NULL,
    series_id      text        NOT NULL,
    group_rank     integer,
    verdict        text        NOT NULL CHECK (verdict IN ('ROOT_CAUSE', 'SYMPTOM', 'NOT_ANOMALOUS', 'WRONG_PATTERN')),
    right_pattern  text,
    comment        text,
    author         text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    superseded_at  timestamptz,
    metric         text        NOT NULL,
    labels         text        NOT NULL,
    start_ms       bigint,
    step_ms        bigint,
    series_values  text,
    ks_statistic   double precision,
    p_value        double precision,
    effect_size    double precision,
    direction      integer,
    onset_at       timestamptz,
    pattern        text,
    confidence     double precision,
    detectors      text,
    profile_id     bigint
);
CREATE UNIQUE INDEX feedback_current ON feedback (analysis_id, series_id) WHERE superseded_at IS NULL;
CREATE INDEX feedback_by_tenant ON feedback (tenant, created_at);

-- Features profiles (Skyline Ionosphere): a window an operator called normal, fingerprinted.
CREATE TABLE features_profile (
    id               bigserial PRIMARY KEY,
    tenant           text             NOT NULL,
    metric           text             NOT NULL,
    identity         text             NOT NULL,
    features         double precision[] NOT NULL,
    scaled_features  double precision[] NOT NULL,
    value_min        double precision NOT NULL,
    value_max        double precision NOT NULL,
    series_values    text,
    source_analysis  uuid,
    source_series    text,
    learn            boolean          NOT NULL,
    generation       integer          NOT NULL DEFAULT 0,
    parent_id        bigint REFERENCES features_profile (id),
    enabled          boolean          NOT NULL DEFAULT true,
    validated        boolean          NOT NULL DEFAULT false,
    layers           text,
    checks           bigint           NOT NULL DEFAULT 0,
    matches          bigint           NOT NULL DEFAULT 0,
    last_matched_at  timestamptz,
    created_by       text             NOT NULL,
    created_at       timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX features_profile_lookup ON features_profile (tenant, identity) WHERE enabled;
CREATE INDEX features_profile_parent ON features_profile (parent_id);
