-- A tenant's default reference for analyses that name none (null: PRECEDING).
ALTER TABLE tenant_ranking ADD COLUMN reference text;
