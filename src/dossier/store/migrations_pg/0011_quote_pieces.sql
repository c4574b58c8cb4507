-- PostgreSQL twin of migrations/0011_quote_pieces.sql: the same tables, columns and indexes, with
-- PostgreSQL types (BIGINT, DOUBLE PRECISION, BYTEA; text compared bytewise, COLLATE "C").
-- Quotes: the quoted pieces of a quote its own attribution interrupts ('"A," he said,
-- "B."'), as a JSON list of [start, end]; '[]' when the quote is one piece. Quotes stored
-- before this migration keep '[]' (their text is start..end, as it was written).
ALTER TABLE quotes ADD COLUMN pieces TEXT COLLATE "C" NOT NULL DEFAULT '[]';
