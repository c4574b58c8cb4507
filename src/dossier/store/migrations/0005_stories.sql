-- 0005: stories (articles grouped as they arrive) and cross-document timeline fields.
CREATE TABLE stories (
    id              TEXT PRIMARY KEY,
    label           TEXT NOT NULL DEFAULT '',
    first_published TEXT,
    last_published  TEXT,
    vector          BLOB NOT NULL
);
CREATE TABLE story_members (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id   TEXT NOT NULL REFERENCES stories(id),
    day        INTEGER,
    similarity REAL,
    extractor  TEXT NOT NULL,
    version    TEXT NOT NULL
);
CREATE INDEX story_members_story ON story_members(story_id);
ALTER TABLE timeline ADD COLUMN confidence REAL;
ALTER TABLE timeline ADD COLUMN first_source TEXT;
ALTER TABLE timeline ADD COLUMN first_article_id TEXT;
ALTER TABLE timeline ADD COLUMN first_published TEXT;
ALTER TABLE timeline ADD COLUMN story_id TEXT;
