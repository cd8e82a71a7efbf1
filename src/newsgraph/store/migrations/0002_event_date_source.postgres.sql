-- newsgraph store, schema 2: where an event's date comes from (EventDate.source).
-- 'text' (read from a time expression in the article) or 'publication' (defaulted to the
-- publication date); NULL when the event has no date. Same statements on both dialects.
ALTER TABLE events ADD COLUMN date_source TEXT;

-- Rows stored before schema 2 kept no source: a date equal to the publication day with no
-- time expression kept beside it was the default, any other date was read from the text.
UPDATE events SET date_source = CASE
    WHEN date_start IS NULL THEN NULL
    WHEN date_start = published AND date_end = published AND date_text IS NULL THEN 'publication'
    ELSE 'text'
END;
