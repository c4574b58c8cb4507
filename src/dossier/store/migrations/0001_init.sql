-- 0001: the initial schema. Spans are character offsets into articles.text, end exclusive.

CREATE TABLE articles (
    id                 TEXT PRIMARY KEY,          -- hash of the normalised text
    path               TEXT NOT NULL,
    fmt                TEXT NOT NULL,
    url                TEXT,
    title              TEXT,
    source             TEXT,
    author             TEXT,
    published          TEXT,                      -- ISO value at the precision known
    published_how      TEXT NOT NULL,             -- metadata | text | inferred | unknown
    published_evidence TEXT,
    text               TEXT NOT NULL,             -- stored once; every span points into it
    removed            TEXT NOT NULL DEFAULT '[]',-- JSON list of [start, end] leftovers dropped
    minhash            BLOB,                      -- near-duplicate signature
    annotated          INTEGER NOT NULL DEFAULT 0,
    ingested_at        TEXT NOT NULL
);

-- Other copies of a stored article: exact or near duplicates are linked, not stored twice.
CREATE TABLE sightings (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    path        TEXT NOT NULL,
    kind        TEXT NOT NULL,                    -- exact | near
    similarity  REAL NOT NULL,
    url         TEXT,
    source      TEXT,
    title       TEXT,
    published   TEXT,
    seen_at     TEXT NOT NULL,
    PRIMARY KEY (article_id, path)
);

-- Inputs that failed: which file (and line), which stage, why.
CREATE TABLE failures (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    path    TEXT NOT NULL,
    line    INTEGER,
    stage   TEXT NOT NULL,
    reason  TEXT NOT NULL,
    at      TEXT NOT NULL
);

CREATE TABLE mentions (
    id          TEXT PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    type        TEXT NOT NULL,
    label       TEXT NOT NULL DEFAULT '',
    role        TEXT,
    role_start  INTEGER,
    role_end    INTEGER,
    org         TEXT,
    canonical   TEXT,
    entity_id   TEXT,
    extractor   TEXT NOT NULL,
    version     TEXT NOT NULL
);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE times (
    id          TEXT PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    type        TEXT NOT NULL,
    value       TEXT NOT NULL,
    precision   TEXT NOT NULL,
    mod         TEXT,
    begin_value TEXT,
    end_value   TEXT,
    anchor      TEXT,
    extractor   TEXT NOT NULL,
    version     TEXT NOT NULL
);
CREATE INDEX times_article ON times(article_id);

CREATE TABLE quotes (
    id                 TEXT PRIMARY KEY,
    article_id         TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start              INTEGER NOT NULL,
    "end"              INTEGER NOT NULL,
    text               TEXT NOT NULL,
    kind               TEXT NOT NULL,
    cue                TEXT,
    cue_start          INTEGER,
    cue_end            INTEGER,
    speaker_text       TEXT,
    speaker_start      INTEGER,
    speaker_end        INTEGER,
    speaker_mention_id TEXT,
    speaker_resolution TEXT,
    relayed_by         TEXT NOT NULL DEFAULT '[]', -- JSON list of relays
    hedges             TEXT NOT NULL DEFAULT '[]',
    date               TEXT,
    extractor          TEXT NOT NULL,
    version            TEXT NOT NULL
);
CREATE INDEX quotes_article ON quotes(article_id);

CREATE TABLE events (
    id                 TEXT PRIMARY KEY,
    article_id         TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start              INTEGER NOT NULL,
    "end"              INTEGER NOT NULL,
    text               TEXT NOT NULL,
    code               TEXT NOT NULL,
    code_name          TEXT,
    trigger            TEXT NOT NULL,
    trigger_start      INTEGER,
    trigger_end        INTEGER,
    source_text        TEXT,
    source_start       INTEGER,
    source_end         INTEGER,
    source_mention_id  TEXT,
    target_text        TEXT,
    target_start       INTEGER,
    target_end         INTEGER,
    target_mention_id  TEXT,
    place_text         TEXT,
    place_start        INTEGER,
    place_end          INTEGER,
    place_mention_id   TEXT,
    date               TEXT,
    date_precision     TEXT,
    date_how           TEXT,
    time_id            TEXT,
    status             TEXT NOT NULL,
    quote_id           TEXT,
    quantities         TEXT NOT NULL DEFAULT '[]',
    hedges             TEXT NOT NULL DEFAULT '[]',
    extractor          TEXT NOT NULL,
    version            TEXT NOT NULL
);
CREATE INDEX events_article ON events(article_id);

-- Resolve stage output: rebuilt across the whole store after each ingest.
CREATE TABLE entities (
    id        TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    type      TEXT NOT NULL,
    aliases   TEXT NOT NULL DEFAULT '[]',
    roles     TEXT NOT NULL DEFAULT '[]',
    mentions  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE timeline (
    id             TEXT PRIMARY KEY,
    date           TEXT,
    date_precision TEXT,
    code           TEXT NOT NULL,
    code_name      TEXT,
    source_actor   TEXT,
    target_actor   TEXT,
    place          TEXT,
    status         TEXT NOT NULL,
    event_ids      TEXT NOT NULL DEFAULT '[]',
    article_ids    TEXT NOT NULL DEFAULT '[]',
    sources        TEXT NOT NULL DEFAULT '[]',
    places         TEXT NOT NULL DEFAULT '[]',
    text           TEXT NOT NULL DEFAULT '',
    article_id     TEXT NOT NULL DEFAULT '',
    start          INTEGER NOT NULL DEFAULT 0,
    "end"          INTEGER NOT NULL DEFAULT 0,
    date_how       TEXT
);
