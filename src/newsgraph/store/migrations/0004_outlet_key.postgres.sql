-- newsgraph store, schema 4: outlets keyed by registered domain, so that edition.cnn.com and
-- cnn.com are one outlet (store/outlets.py). articles.outlet stays the display name (the
-- stated site name, else the registered domain). Same statements on both dialects.
ALTER TABLE articles ADD COLUMN outlet_key TEXT;
CREATE INDEX articles_outlet_key ON articles (outlet_key);

-- Stored articles are keyed by this migration's Python step (Store._after_migration): a
-- registered domain needs the public-suffix list, which SQL does not have. Clusters counted
-- outlets by name until now, so the links are recomputed by the next ingest or link.
UPDATE store_state SET value = 'stale' WHERE name = 'links' AND EXISTS (SELECT 1 FROM articles);
