-- PostgreSQL twin of migrations/0009_ingest_metadata.sql: the same tables, columns and indexes, with
-- PostgreSQL types (BIGINT, DOUBLE PRECISION, BYTEA; text compared bytewise, COLLATE "C").
-- What ingest learns about an article besides its text, and what it has seen of feeds.
-- language: the detected ISO 639-1 code ('en', 'ru', ...), NULL where not detected (too
-- short, or stored before this migration). A non-English article is stored, not annotated.
-- dateline: the place of the text's dateline as written ("PYONGYANG"), NULL if it has none.
ALTER TABLE articles ADD COLUMN language TEXT COLLATE "C";
ALTER TABLE articles ADD COLUMN dateline TEXT COLLATE "C";
CREATE INDEX articles_language ON articles(language);

-- Feed items already read: reading a feed again fetches and adds only items not seen.
-- item is the entry's id (its guid, else its link); article_id is what it was stored as
-- (NULL when it failed, so the next read tries it again).
CREATE TABLE feed_items (
    feed       TEXT COLLATE "C" NOT NULL,
    item       TEXT COLLATE "C" NOT NULL,
    link       TEXT COLLATE "C",
    article_id TEXT COLLATE "C",
    seen_at    TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (feed, item)
);
