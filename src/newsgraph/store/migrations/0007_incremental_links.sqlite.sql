-- newsgraph store, schema 7: incremental linking.
-- Each linked article's MinHash band keys are indexed, so a new article finds its
-- near-duplicate candidates by key lookup; storing an article queues it for linking in the
-- same transaction, and a link run takes what it linked off the queue when it saves.
-- The links are current exactly when the queue is empty.

CREATE TABLE minhash_bands (
    band_key   INTEGER NOT NULL,
    article_id TEXT NOT NULL
);
CREATE INDEX minhash_bands_key ON minhash_bands (band_key);

CREATE TABLE link_queue (
    article_id TEXT PRIMARY KEY
);

-- Stores made before schema 7 have no band keys: every article is linked once more, by
-- the same rules (the signatures kept are reused, not recomputed).
INSERT INTO link_queue (article_id) SELECT id FROM articles;
DELETE FROM duplicates;
DELETE FROM cluster_events;
DELETE FROM event_clusters;
DELETE FROM store_state WHERE name = 'links';
