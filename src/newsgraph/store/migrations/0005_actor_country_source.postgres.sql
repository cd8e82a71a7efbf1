-- newsgraph store, schema 5: where an actor's country comes from (Actor.country_source):
-- text|office|sentence|dateline|outlet|story, or why it has none: none-igo|none-lexicon|
-- none-unknown. NULL for actors stored before schema 5. Same statements on both dialects.
ALTER TABLE actors ADD COLUMN country_source TEXT;
