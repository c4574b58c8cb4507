-- PostgreSQL twin of migrations/0004_event_coding.sql: the same tables, columns and indexes, with
-- PostgreSQL types (BIGINT, DOUBLE PRECISION, BYTEA; text compared bytewise, COLLATE "C").
-- 0004: actor codes, PLOVER category/mode/context and Goldstein score on events.
ALTER TABLE events ADD COLUMN source_code TEXT COLLATE "C";
ALTER TABLE events ADD COLUMN target_code TEXT COLLATE "C";
ALTER TABLE events ADD COLUMN plover TEXT COLLATE "C";
ALTER TABLE events ADD COLUMN plover_mode TEXT COLLATE "C";
ALTER TABLE events ADD COLUMN plover_context TEXT COLLATE "C" NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN goldstein DOUBLE PRECISION;
