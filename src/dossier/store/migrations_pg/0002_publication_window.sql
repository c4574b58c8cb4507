-- PostgreSQL twin of migrations/0002_publication_window.sql: the same tables, columns and indexes, with
-- PostgreSQL types (BIGINT, DOUBLE PRECISION, BYTEA; text compared bytewise, COLLATE "C").
-- 0002: an inferred publication window for articles that state no date.
ALTER TABLE articles ADD COLUMN published_earliest TEXT COLLATE "C";
ALTER TABLE articles ADD COLUMN published_latest TEXT COLLATE "C";
