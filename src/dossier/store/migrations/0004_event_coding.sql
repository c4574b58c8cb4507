-- 0004: actor codes, PLOVER category/mode/context and Goldstein score on events.
ALTER TABLE events ADD COLUMN source_code TEXT;
ALTER TABLE events ADD COLUMN target_code TEXT;
ALTER TABLE events ADD COLUMN plover TEXT;
ALTER TABLE events ADD COLUMN plover_mode TEXT;
ALTER TABLE events ADD COLUMN plover_context TEXT NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN goldstein REAL;
