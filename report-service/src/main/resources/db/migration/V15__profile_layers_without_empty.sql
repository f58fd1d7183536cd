-- Layers were stored with a derived "empty" field that the reader does not know, so a report left
-- those layers out. The field goes; the bounds stay as they were.
UPDATE features_profile SET layers = (layers::jsonb - 'empty')::text WHERE layers IS NOT NULL AND layers::jsonb ? 'empty';
