-- newsgraph store, schema 1 (PostgreSQL). Same tables and columns as 0001_init.sqlite.sql;
-- only the types, the identity column and full-text search differ.

CREATE TABLE articles (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,         -- stable integer key for the FTS index
    id          TEXT NOT NULL UNIQUE,         -- content hash (Article.id)
    url         TEXT,
    outlet      TEXT,                         -- Article.source, else the URL's host
    title       TEXT,
    published   TEXT,                         -- YYYY-MM-DD or NULL
    language    TEXT,
    origin      TEXT,                         -- where it was read from (path, URL, file.jsonl:17)
    skipped     TEXT,                         -- why it was kept out of analysis, or NULL
    extractor   TEXT,
    text        TEXT NOT NULL,
    analysis    TEXT NOT NULL,                -- the newsgraph.article/1 JSON, byte for byte
    n_actors    INTEGER NOT NULL,
    n_events    INTEGER NOT NULL,
    n_claims    INTEGER NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_outlet ON articles (outlet, published);
CREATE INDEX articles_origin ON articles (origin);

CREATE TABLE actors (
    article_id TEXT NOT NULL,
    local_id   TEXT NOT NULL,                 -- "a1" inside its article
    name       TEXT NOT NULL,
    name_norm  TEXT NOT NULL,                 -- lower-cased name, for case-blind matching
    type       TEXT,
    country    TEXT,
    sectors    TEXT,                          -- space-separated CAMEO role codes
    roles      TEXT,                          -- "; "-separated titles
    code       TEXT,
    n_mentions INTEGER NOT NULL,
    published  TEXT,
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX actors_code ON actors (code, published);
CREATE INDEX actors_name ON actors (name_norm, published);
CREATE INDEX actors_country ON actors (country, published);

CREATE TABLE events (
    article_id        TEXT NOT NULL,
    local_id          TEXT NOT NULL,
    plover            TEXT,
    cameo             TEXT NOT NULL,
    mode              TEXT,
    quad_class        INTEGER,
    goldstein         DOUBLE PRECISION,
    actor_code        TEXT,                   -- first actor / recipient (the GDELT dyad)
    actor_country     TEXT,
    actor_name        TEXT,
    recipient_code    TEXT,
    recipient_country TEXT,
    recipient_name    TEXT,
    actor_codes       TEXT,                   -- all codes, space-separated
    recipient_codes   TEXT,
    day               TEXT,                   -- date_start, else the article's publication date
    date_start        TEXT,
    date_end          TEXT,
    date_text         TEXT,
    negated           INTEGER NOT NULL,
    certainty         TEXT,
    attribution       TEXT,
    place_name        TEXT,
    place_country     TEXT,
    lat               DOUBLE PRECISION,
    lon               DOUBLE PRECISION,
    geonames_id       INTEGER,
    trigger_text      TEXT,
    evidence_start    INTEGER,
    evidence_end      INTEGER,
    evidence_text     TEXT,
    confidence        DOUBLE PRECISION,
    outlet            TEXT,
    published         TEXT,
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX events_dyad_country ON events (actor_country, recipient_country, plover, day);
CREATE INDEX events_dyad_code ON events (actor_code, recipient_code, plover, day);
CREATE INDEX events_plover_day ON events (plover, day);
CREATE INDEX events_cameo ON events (cameo, day);
CREATE INDEX events_day ON events (day);

-- Every party to an event (actors and recipients), for "events involving X between d1 and d2".
CREATE TABLE event_parties (
    article_id TEXT NOT NULL,
    event_id   TEXT NOT NULL,
    role       TEXT NOT NULL,                 -- actor | recipient
    actor_id   TEXT NOT NULL,                 -- local actor id, or "code:XXX" when only a code is known
    code       TEXT,
    country    TEXT,
    name_norm  TEXT,
    day        TEXT,
    PRIMARY KEY (article_id, event_id, role, actor_id)
);
CREATE INDEX event_parties_code ON event_parties (code, day);
CREATE INDEX event_parties_name ON event_parties (name_norm, day);
CREATE INDEX event_parties_country ON event_parties (country, day);

CREATE TABLE attributions (
    article_id   TEXT NOT NULL,
    local_id     TEXT NOT NULL,
    kind         TEXT NOT NULL,
    source_id    TEXT,
    speaker      TEXT,                        -- the actor's name, else the source text
    speaker_norm TEXT,
    speaker_code TEXT,
    source_kind  TEXT,
    cue          TEXT,
    content      TEXT NOT NULL,
    content_start INTEGER NOT NULL,
    content_end  INTEGER NOT NULL,
    n_hedges     INTEGER NOT NULL,
    confidence   DOUBLE PRECISION,
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX attributions_speaker ON attributions (speaker_norm);
CREATE INDEX attributions_code ON attributions (speaker_code);

CREATE TABLE claims (
    article_id       TEXT NOT NULL,
    local_id         TEXT NOT NULL,
    sentence         TEXT NOT NULL,
    sentence_start   INTEGER NOT NULL,
    sentence_end     INTEGER NOT NULL,
    attribution      TEXT,
    sourced          INTEGER NOT NULL,
    source_kind      TEXT,
    certainty        TEXT,
    n_hedges         INTEGER NOT NULL,
    check_worthiness DOUBLE PRECISION,
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX claims_sourced ON claims (sourced, check_worthiness);

CREATE TABLE failures (
    input      TEXT PRIMARY KEY,
    stage      TEXT NOT NULL,
    code       TEXT NOT NULL,
    reason     TEXT NOT NULL,
    attempts   INTEGER NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen  TEXT NOT NULL
);

-- Link: near-duplicate groups (group_id = smallest article id of the group) and
-- MinHash signatures kept so that re-linking only hashes new articles.
CREATE TABLE minhashes (
    article_id TEXT PRIMARY KEY,
    signature  BYTEA NOT NULL
);
CREATE TABLE duplicates (
    article_id TEXT PRIMARY KEY,
    group_id   TEXT NOT NULL,
    similarity DOUBLE PRECISION NOT NULL                  -- estimated Jaccard with the group's first article
);
CREATE INDEX duplicates_group ON duplicates (group_id);

CREATE TABLE event_clusters (
    cluster_id        TEXT PRIMARY KEY,
    plover            TEXT NOT NULL,
    actor             TEXT,
    recipient         TEXT,
    day_first         TEXT,
    day_last          TEXT,
    n_events          INTEGER NOT NULL,
    n_articles        INTEGER NOT NULL,
    n_outlets         INTEGER NOT NULL,
    n_independent     INTEGER NOT NULL,      -- articles after folding near-duplicates
    outlets           TEXT NOT NULL          -- JSON list, sorted
);
CREATE INDEX event_clusters_rank ON event_clusters (n_outlets, n_articles);
CREATE TABLE cluster_events (
    article_id TEXT NOT NULL,
    event_id   TEXT NOT NULL,
    cluster_id TEXT NOT NULL,
    PRIMARY KEY (article_id, event_id)
);
CREATE INDEX cluster_events_cluster ON cluster_events (cluster_id);

-- Full-text search over title and body: a generated tsvector with a GIN index.
ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
    to_tsvector('english', coalesce(title, '') || ' ' || text)
) STORED;
CREATE INDEX articles_tsv ON articles USING GIN (tsv);
