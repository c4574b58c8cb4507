-- 0006: incremental resolution, near-duplicate bands, and listings answered in SQL.

-- Articles: the stated date as a day interval (date filters on an index), and an undated
-- article's window read from its own text (JSON [earliest, latest, [evidence...]]).
ALTER TABLE articles ADD COLUMN published_lo TEXT;
ALTER TABLE articles ADD COLUMN published_hi TEXT;
ALTER TABLE articles ADD COLUMN text_window TEXT;
ALTER TABLE articles ADD COLUMN label TEXT;
ALTER TABLE articles ADD COLUMN doc_vector BLOB;   -- float32 mean of its event sentences' vectors        -- how the source is named (outlet, site, file)
ALTER TABLE articles ADD COLUMN sort_key TEXT;     -- stated date, then path: the listing order
CREATE INDEX articles_published ON articles(published_lo);
CREATE INDEX articles_order ON articles(sort_key);
CREATE INDEX articles_unannotated ON articles(annotated) WHERE annotated = 0;

-- Near duplicates: each signature's LSH bands, so a new article meets only its candidates.
CREATE TABLE minhash_bands (
    band       INTEGER NOT NULL,
    hash       INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
CREATE INDEX minhash_bands_hash ON minhash_bands(band, hash);

-- Mentions: the name each votes its type with, and the resolution leaf it counts in.
ALTER TABLE mentions ADD COLUMN name_fold TEXT;
ALTER TABLE mentions ADD COLUMN leaf TEXT;
CREATE INDEX mentions_fold ON mentions(name_fold);
CREATE INDEX mentions_leaf ON mentions(leaf);

-- Entity resolution state: type votes per folded name, and leaves (counts per key).
CREATE TABLE name_votes (
    fold   TEXT PRIMARY KEY,
    counts TEXT NOT NULL                          -- JSON {type: mentions}
);
CREATE TABLE name_leaves (
    id        TEXT PRIMARY KEY,
    etype     TEXT NOT NULL,
    key       TEXT NOT NULL,
    gid       INTEGER,
    acro      TEXT,
    n         INTEGER NOT NULL,
    unlisted  INTEGER NOT NULL,
    lexical   INTEGER NOT NULL,
    forms     TEXT NOT NULL,                      -- JSON [[form, count], ...]
    roles     TEXT NOT NULL,
    canonical TEXT NOT NULL,
    points    TEXT NOT NULL,
    ccs       TEXT NOT NULL,
    akey      TEXT NOT NULL,
    skey      TEXT NOT NULL,
    grp       TEXT NOT NULL,
    entity    TEXT NOT NULL
);
CREATE TABLE leaf_lookups (
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    leaf  TEXT NOT NULL REFERENCES name_leaves(id) ON DELETE CASCADE
);
CREATE INDEX leaf_lookups_value ON leaf_lookups(field, value);
CREATE INDEX leaf_lookups_leaf ON leaf_lookups(leaf);

-- Entity names and words, for --entity filters on an index.
CREATE TABLE entity_names (
    fold      TEXT NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE
);
CREATE INDEX entity_names_fold ON entity_names(fold);
CREATE INDEX entity_names_entity ON entity_names(entity_id);
CREATE TABLE entity_words (
    word      TEXT NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    name_no   INTEGER NOT NULL                    -- which of its names (0: the name)
);
CREATE INDEX entity_words_word ON entity_words(word);
CREATE INDEX entity_words_entity ON entity_words(entity_id);
CREATE INDEX entities_rank ON entities(mentions DESC, type, name, id);

-- Events and quotes: the day interval date filters use (own date, else the article's).
ALTER TABLE events ADD COLUMN date_lo TEXT;
ALTER TABLE events ADD COLUMN date_hi TEXT;
ALTER TABLE events ADD COLUMN sort_key TEXT;       -- own date, else the article's: the listing order
ALTER TABLE events ADD COLUMN hint_lemma TEXT;
ALTER TABLE events ADD COLUMN hint_participants TEXT NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN hint_places TEXT NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN hint_times TEXT NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN hint_entities TEXT NOT NULL DEFAULT '[]';
CREATE INDEX events_date ON events(date_lo);
CREATE INDEX events_order ON events(sort_key, id);
CREATE INDEX events_source_mention ON events(source_mention_id);
CREATE INDEX events_target_mention ON events(target_mention_id);
CREATE INDEX events_place_mention ON events(place_mention_id);
ALTER TABLE quotes ADD COLUMN date_lo TEXT;
ALTER TABLE quotes ADD COLUMN date_hi TEXT;
CREATE INDEX quotes_date ON quotes(date_lo);
CREATE INDEX quotes_speaker ON quotes(speaker_mention_id);

-- Timeline rows: entities behind them, what attaching mentions are matched against, and
-- the day interval of their date.
ALTER TABLE timeline ADD COLUMN source_entity_id TEXT;
ALTER TABLE timeline ADD COLUMN target_entity_id TEXT;
ALTER TABLE timeline ADD COLUMN place_entity_id TEXT;
ALTER TABLE timeline ADD COLUMN place_refs TEXT NOT NULL DEFAULT '[]';
ALTER TABLE timeline ADD COLUMN summary TEXT;  -- JSON: family, actors, countries, dates, sites
ALTER TABLE timeline ADD COLUMN date_lo TEXT;
ALTER TABLE timeline ADD COLUMN date_hi TEXT;
CREATE INDEX timeline_date ON timeline(date_lo);
CREATE INDEX timeline_order ON timeline((date IS NULL), date, code, id);
CREATE INDEX timeline_story ON timeline(story_id);
CREATE INDEX timeline_article ON timeline(article_id);

-- Which row each event mention is in, how (anchored in it, attached, or alone), and why.
CREATE TABLE timeline_members (
    event_id TEXT PRIMARY KEY,
    row_id   TEXT NOT NULL,
    layer    TEXT NOT NULL,                       -- anchored | attached | orphan | alone
    why      TEXT NOT NULL DEFAULT '',
    family   TEXT,                                -- anchored: the sweep's family,
    day      INTEGER,                             -- the day (ordinal) it is anchored on,
    founder  TEXT                                 -- and the event that started its row
);
CREATE INDEX timeline_members_row ON timeline_members(row_id);
CREATE INDEX timeline_members_day ON timeline_members(family, day);
CREATE INDEX timeline_members_founder ON timeline_members(founder);
-- Rows by the entities they name (actors and places) and by the articles behind them.
CREATE TABLE timeline_entities (
    row_id    TEXT NOT NULL,
    entity_id TEXT NOT NULL
);
CREATE INDEX timeline_entities_entity ON timeline_entities(entity_id);
CREATE INDEX timeline_entities_row ON timeline_entities(row_id);
CREATE TABLE timeline_articles (
    row_id     TEXT NOT NULL,
    article_id TEXT NOT NULL
);
CREATE INDEX timeline_articles_article ON timeline_articles(article_id);
CREATE INDEX timeline_articles_row ON timeline_articles(row_id);
-- The candidate index of the mentions that only join rows: the family and participant (or,
-- without entities, article) keys they meet rows by, and on which days (ordinals; NULL:
-- any day). ``kind`` is 'loose'.
CREATE TABLE timeline_keys (
    key      TEXT NOT NULL,
    kind     TEXT NOT NULL,
    lo       INTEGER,
    hi       INTEGER,
    event_id TEXT NOT NULL
);
CREATE INDEX timeline_keys_key ON timeline_keys(key, kind, lo);
CREATE INDEX timeline_keys_event ON timeline_keys(event_id);

-- Rows by the family and participant keys a mention that only joins rows meets them by,
-- with their days and what ranks them (the largest, best-dated first).
CREATE TABLE row_keys (
    key      TEXT NOT NULL,
    lo       INTEGER,
    hi       INTEGER,
    size     INTEGER NOT NULL,
    spec     INTEGER NOT NULL,
    first_id TEXT NOT NULL,
    row_id   TEXT NOT NULL
);
CREATE INDEX row_keys_key ON row_keys(key, lo);
CREATE INDEX row_keys_row ON row_keys(row_id);

-- Corroboration: every comparison of each row's sources, recomputed with the row.
CREATE TABLE comparisons (
    row_id   TEXT NOT NULL,
    position INTEGER NOT NULL,
    disagree INTEGER NOT NULL,
    body     TEXT NOT NULL,                       -- JSON of the comparison
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
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO meta (key, value) SELECT 'rebuild', '1' WHERE EXISTS (SELECT 1 FROM articles);
