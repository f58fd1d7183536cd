-- A tenant's learnt relevance (Opprentice): whether reports rank by it, the precision and recall
-- the operators prefer, and how many labels of each kind a model needs.
CREATE TABLE tenant_relevance (
    tenant            text             PRIMARY KEY,
    enabled           boolean          NOT NULL DEFAULT true,
    precision_target  double precision NOT NULL DEFAULT 0.66,
    recall_target     double precision NOT NULL DEFAULT 0.66,
    min_labels        integer          NOT NULL DEFAULT 30,
    updated_at        timestamptz      NOT NULL DEFAULT now()
);

-- Each retrain's best threshold (PC-score over held-out scores) and the EWMA prediction made from it.
CREATE TABLE relevance_threshold (
    id          bigserial        PRIMARY KEY,
    tenant      text             NOT NULL,
    labels      integer          NOT NULL,
    best        double precision NOT NULL,
    predicted   double precision NOT NULL,
    trained_at  timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX relevance_threshold_tenant ON relevance_threshold (tenant, id);
