-- What ingest learns about an article besides its text, and what it has seen of feeds.
-- language: the detected ISO 639-1 code ('en', 'ru', ...), NULL where not detected (too
-- short, or stored before this migration). A non-English article is stored, not annotated.
-- dateline: the place of the text's dateline as written ("PYONGYANG"), NULL if it has none.
ALTER TABLE articles ADD COLUMN language TEXT;
ALTER TABLE articles ADD COLUMN dateline TEXT;
CREATE INDEX articles_language ON articles(language);

-- Feed items already read: reading a feed again fetches and adds only items not seen.
-- item is the entry's id (its guid, else its link); article_id is what it was stored as
-- (NULL when it failed, so the next read tries it again).
CREATE TABLE feed_items (
    feed       TEXT NOT NULL,
    item       TEXT NOT NULL,
    link       TEXT,
    article_id TEXT,
    seen_at    TEXT NOT NULL,
    PRIMARY KEY (feed, item)
);
