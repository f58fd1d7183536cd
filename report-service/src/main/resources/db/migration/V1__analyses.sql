-- One row per analysis; the report is stored as JSON text once the analysis ends.
CREATE TABLE analysis (
    id              uuid PRIMARY KEY,
    cluster         text             NOT NULL,
    alert_name      text,
    alert_labels    text,
    alert_at        timestamptz,
    window_start    timestamptz      NOT NULL,
    test_start      timestamptz      NOT NULL,
    window_end      timestamptz      NOT NULL,
    step_ms         bigint           NOT NULL,
    selectors       text             NOT NULL,
    excludes        text             NOT NULL,
    fdr_level       double precision NOT NULL,
    min_effect_size double precision NOT NULL,
    max_series      integer          NOT NULL,
    status          text             NOT NULL,
    status_reason   text,
    fetch_method    text,
    total_batches   integer,
    discovered      integer,
    fetched         integer,
    partial_reasons text,
    model           text,
    created_at      timestamptz      NOT NULL,
    completed_at    timestamptz,
    report          text
);
CREATE INDEX analysis_cluster_created ON analysis (cluster, created_at DESC);

-- Progress counters: one row per (analysis, stage, batch), so a redelivered message counts once.
CREATE TABLE stage_progress (
    analysis_id uuid    NOT NULL REFERENCES analysis (id) ON DELETE CASCADE,
    stage       text    NOT NULL,
    batch_no    integer NOT NULL,
    series      integer NOT NULL,
    PRIMARY KEY (analysis_id, stage, batch_no)
);

-- Every screened series of an analysis; values only for candidates (the series a report may show).
CREATE SEQUENCE series_result_seq INCREMENT BY 50;
CREATE TABLE series_result (
    id           bigint PRIMARY KEY,
    analysis_id  uuid    NOT NULL REFERENCES analysis (id) ON DELETE CASCADE,
    batch_no     integer NOT NULL,
    series_id    text    NOT NULL,
    metric       text    NOT NULL,
    labels       text    NOT NULL,
    value_kind   text    NOT NULL,
    status       text    NOT NULL,
    candidate    boolean NOT NULL,
    ks_statistic double precision,
    p_value      double precision,
    effect_size  double precision,
    direction    integer NOT NULL,
    onset_at     timestamptz,
    pattern      text,
    confidence   double precision,
    start_ms     bigint  NOT NULL,
    step_ms      bigint  NOT NULL,
    series_values text,
    UNIQUE (analysis_id, series_id)
);
