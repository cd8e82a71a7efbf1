-- newsgraph store, schema 3: whether the corpus links (near-duplicates, event clusters) are
-- current. Storing new articles marks them stale in the same transaction; a finished link
-- marks them current, so an ingest killed while linking is finished by the next ingest.

CREATE TABLE store_state (
    name        TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

INSERT INTO store_state (name, value, updated_at)
SELECT 'links', CASE WHEN EXISTS (SELECT 1 FROM articles) THEN 'stale' ELSE 'current' END, '';
