-- PostgreSQL twin of migrations/0006_incremental.sql: the same tables, columns and indexes, with
-- PostgreSQL types (BIGINT, DOUBLE PRECISION, BYTEA; text compared bytewise, COLLATE "C").
-- 0006: incremental resolution, near-duplicate bands, and listings answered in SQL.

-- Articles: the stated date as a day interval (date filters on an index), and an undated
-- article's window read from its own text (JSON [earliest, latest, [evidence...]]).
ALTER TABLE articles ADD COLUMN published_lo TEXT COLLATE "C";
ALTER TABLE articles ADD COLUMN published_hi TEXT COLLATE "C";
ALTER TABLE articles ADD COLUMN text_window TEXT COLLATE "C";
ALTER TABLE articles ADD COLUMN label TEXT COLLATE "C";
ALTER TABLE articles ADD COLUMN doc_vector BYTEA;   -- float32 mean of its event sentences' vectors        -- how the source is named (outlet, site, file)
ALTER TABLE articles ADD COLUMN sort_key TEXT COLLATE "C";     -- stated date, then path: the listing order
CREATE INDEX articles_published ON articles(published_lo);
CREATE INDEX articles_order ON articles(sort_key);
CREATE INDEX articles_unannotated ON articles(annotated) WHERE annotated = 0;

-- Near duplicates: each signature's LSH bands, so a new article meets only its candidates.
CREATE TABLE minhash_bands (
    band       BIGINT NOT NULL,
    hash       BIGINT NOT NULL,
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
CREATE INDEX minhash_bands_hash ON minhash_bands(band, hash);

-- Mentions: the name each votes its type with, and the resolution leaf it counts in.
ALTER TABLE mentions ADD COLUMN name_fold TEXT COLLATE "C";
ALTER TABLE mentions ADD COLUMN leaf TEXT COLLATE "C";
CREATE INDEX mentions_fold ON mentions(name_fold);
CREATE INDEX mentions_leaf ON mentions(leaf);

-- Entity resolution state: type votes per folded name, and leaves (counts per key).
CREATE TABLE name_votes (
    fold   TEXT COLLATE "C" PRIMARY KEY,
    counts TEXT COLLATE "C" NOT NULL                          -- JSON {type: mentions}
);
CREATE TABLE name_leaves (
    id        TEXT COLLATE "C" PRIMARY KEY,
    etype     TEXT COLLATE "C" NOT NULL,
    key       TEXT COLLATE "C" NOT NULL,
    gid       BIGINT,
    acro      TEXT COLLATE "C",
    n         BIGINT NOT NULL,
    unlisted  BIGINT NOT NULL,
    lexical   BIGINT NOT NULL,
    forms     TEXT COLLATE "C" NOT NULL,                      -- JSON [[form, count], ...]
    roles     TEXT COLLATE "C" NOT NULL,
    canonical TEXT COLLATE "C" NOT NULL,
    points    TEXT COLLATE "C" NOT NULL,
    ccs       TEXT COLLATE "C" NOT NULL,
    akey      TEXT COLLATE "C" NOT NULL,
    skey      TEXT COLLATE "C" NOT NULL,
    grp       TEXT COLLATE "C" NOT NULL,
    entity    TEXT COLLATE "C" NOT NULL
);
CREATE TABLE leaf_lookups (
    field TEXT COLLATE "C" NOT NULL,
    value TEXT COLLATE "C" NOT NULL,
    leaf  TEXT COLLATE "C" NOT NULL REFERENCES name_leaves(id) ON DELETE CASCADE
);
CREATE INDEX leaf_lookups_value ON leaf_lookups(field, value);
CREATE INDEX leaf_lookups_leaf ON leaf_lookups(leaf);

-- Entity names and words, for --entity filters on an index.
CREATE TABLE entity_names (
    fold      TEXT COLLATE "C" NOT NULL,
    entity_id TEXT COLLATE "C" NOT NULL REFERENCES entities(id) ON DELETE CASCADE
);
CREATE INDEX entity_names_fold ON entity_names(fold);
CREATE INDEX entity_names_entity ON entity_names(entity_id);
CREATE TABLE entity_words (
    word      TEXT COLLATE "C" NOT NULL,
    entity_id TEXT COLLATE "C" NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    name_no   BIGINT NOT NULL                    -- which of its names (0: the name)
);
CREATE INDEX entity_words_word ON entity_words(word);
CREATE INDEX entity_words_entity ON entity_words(entity_id);
CREATE INDEX entities_rank ON entities(mentions DESC, type, name, id);

-- Events and quotes: the day interval date filters use (own date, else the article's).
ALTER TABLE events ADD COLUMN date_lo TEXT COLLATE "C";
ALTER TABLE events ADD COLUMN date_hi TEXT COLLATE "C";
ALTER TABLE events ADD COLUMN sort_key TEXT COLLATE "C";       -- own date, else the article's: the listing order
ALTER TABLE events ADD COLUMN hint_lemma TEXT COLLATE "C";
ALTER TABLE events ADD COLUMN hint_participants TEXT COLLATE "C" NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN hint_places TEXT COLLATE "C" NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN hint_times TEXT COLLATE "C" NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN hint_entities TEXT COLLATE "C" NOT NULL DEFAULT '[]';
CREATE INDEX events_date ON events(date_lo);
CREATE INDEX events_order ON events(sort_key, id);
CREATE INDEX events_source_mention ON events(source_mention_id);
CREATE INDEX events_target_mention ON events(target_mention_id);
CREATE INDEX events_place_mention ON events(place_mention_id);
ALTER TABLE quotes ADD COLUMN date_lo TEXT COLLATE "C";
ALTER TABLE quotes ADD COLUMN date_hi TEXT COLLATE "C";
CREATE INDEX quotes_date ON quotes(date_lo);
CREATE INDEX quotes_speaker ON quotes(speaker_mention_id);

-- Timeline rows: entities behind them, what attaching mentions are matched against, and
-- the day interval of their date.
ALTER TABLE timeline ADD COLUMN source_entity_id TEXT COLLATE "C";
ALTER TABLE timeline ADD COLUMN target_entity_id TEXT COLLATE "C";
ALTER TABLE timeline ADD COLUMN place_entity_id TEXT COLLATE "C";
ALTER TABLE timeline ADD COLUMN place_refs TEXT COLLATE "C" NOT NULL DEFAULT '[]';
ALTER TABLE timeline ADD COLUMN summary TEXT COLLATE "C";  -- JSON: family, actors, countries, dates, sites
ALTER TABLE timeline ADD COLUMN date_lo TEXT COLLATE "C";
ALTER TABLE timeline ADD COLUMN date_hi TEXT COLLATE "C";
CREATE INDEX timeline_date ON timeline(date_lo);
CREATE INDEX timeline_order ON timeline((date IS NULL), date, code, id);
CREATE INDEX timeline_story ON timeline(story_id);
CREATE INDEX timeline_article ON timeline(article_id);

-- Which row each event mention is in, how (anchored in it, attached, or alone), and why.
CREATE TABLE timeline_members (
    event_id TEXT COLLATE "C" PRIMARY KEY,
    row_id   TEXT COLLATE "C" NOT NULL,
    layer    TEXT COLLATE "C" NOT NULL,                       -- anchored | attached | orphan | alone
    why      TEXT COLLATE "C" NOT NULL DEFAULT '',
    family   TEXT COLLATE "C",                                -- anchored: the sweep's family,
    day      BIGINT,                             -- the day (ordinal) it is anchored on,
    founder  TEXT COLLATE "C"                                 -- and the event that started its row
);
CREATE INDEX timeline_members_row ON timeline_members(row_id);
CREATE INDEX timeline_members_day ON timeline_members(family, day);
CREATE INDEX timeline_members_founder ON timeline_members(founder);
-- Rows by the entities they name (actors and places) and by the articles behind them.
CREATE TABLE timeline_entities (
    row_id    TEXT COLLATE "C" NOT NULL,
    entity_id TEXT COLLATE "C" NOT NULL
);
CREATE INDEX timeline_entities_entity ON timeline_entities(entity_id);
CREATE INDEX timeline_entities_row ON timeline_entities(row_id);
CREATE TABLE timeline_articles (
    row_id     TEXT COLLATE "C" NOT NULL,
    article_id TEXT COLLATE "C" NOT NULL
);
CREATE INDEX timeline_articles_article ON timeline_articles(article_id);
CREATE INDEX timeline_articles_row ON timeline_articles(row_id);
-- The candidate index of the mentions that only join rows: the family and participant (or,
-- without entities, article) keys they meet rows by, and on which days (ordinals; NULL:
-- any day). ``kind`` is 'loose'.
CREATE TABLE timeline_keys (
    key      TEXT COLLATE "C" NOT NULL,
    kind     TEXT COLLATE "C" NOT NULL,
    lo       BIGINT,
    hi       BIGINT,
    event_id TEXT COLLATE "C" NOT NULL
);
CREATE INDEX timeline_keys_key ON timeline_keys(key, kind, lo);
CREATE INDEX timeline_keys_event ON timeline_keys(event_id);

-- Rows by the family and participant keys a mention that only joins rows meets them by,
-- with their days and what ranks them (the largest, best-dated first).
CREATE TABLE row_keys (
    key      TEXT COLLATE "C" NOT NULL,
    lo       BIGINT,
    hi       BIGINT,
    size     BIGINT NOT NULL,
    spec     BIGINT NOT NULL,
    first_id TEXT COLLATE "C" NOT NULL,
    row_id   TEXT COLLATE "C" NOT NULL
);
CREATE INDEX row_keys_key ON row_keys(key, lo);
CREATE INDEX row_keys_row ON row_keys(row_id);

-- Corroboration: every comparison of each row's sources, recomputed with the row.
CREATE TABLE comparisons (
    row_id   TEXT COLLATE "C" NOT NULL,
    position BIGINT NOT NULL,
    disagree BIGINT NOT NULL,
    body     TEXT COLLATE "C" NOT NULL,                       -- JSON of the comparison
    PRIMARY KEY (row_id, position)
);
CREATE INDEX comparisons_disagree ON comparisons(disagree, row_id);

-- Stories: the day range each story is active in (only those near a new article load),
-- and the days its articles were placed on.
CREATE INDEX stories_last ON stories(last_published);
CREATE INDEX story_members_day ON story_members(story_id, day);

-- Store-wide flags: 'rebuild' asks the next ingest to rebuild the resolution state (a
-- store made before this migration has none).
CREATE TABLE meta (
    key   TEXT COLLATE "C" PRIMARY KEY,
    value TEXT COLLATE "C" NOT NULL
);
INSERT INTO meta (key, value) SELECT 'rebuild', '1' WHERE EXISTS (SELECT 1 FROM articles);
