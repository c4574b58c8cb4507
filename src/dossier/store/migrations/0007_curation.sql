-- 0007: curation recorded as data. Each change is one audit row (when, what, by which
-- token's name) and can be undone; a verdict on a timeline row is kept on the event
-- mentions the row held, so it follows them through every later ingest and resolve.
CREATE TABLE curation (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL,                      -- ISO time, UTC
    by        TEXT NOT NULL,                      -- the name of the token that made it
    action    TEXT NOT NULL,                      -- 'mark' or 'delete_article'
    target    TEXT NOT NULL,                      -- the row id, or the article id
    body      TEXT NOT NULL,                      -- JSON: what was changed
    undone_at TEXT,
    undone_by TEXT
);
CREATE INDEX curation_target ON curation(action, target);
CREATE TABLE curation_events (
    curation_id INTEGER NOT NULL REFERENCES curation(id) ON DELETE CASCADE,
    event_id    TEXT NOT NULL
);
CREATE INDEX curation_events_event ON curation_events(event_id);
