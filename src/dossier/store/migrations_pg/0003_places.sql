-- PostgreSQL twin of migrations/0003_places.sql: the same tables, columns and indexes, with
-- PostgreSQL types (BIGINT, DOUBLE PRECISION, BYTEA; text compared bytewise, COLLATE "C").
-- 0003: toponyms resolved to the gazetteer (GeoNames ids and coordinates).
ALTER TABLE mentions ADD COLUMN usage TEXT COLLATE "C";
ALTER TABLE mentions ADD COLUMN geonameid BIGINT;
ALTER TABLE mentions ADD COLUMN lat DOUBLE PRECISION;
ALTER TABLE mentions ADD COLUMN lon DOUBLE PRECISION;
ALTER TABLE mentions ADD COLUMN country_code TEXT COLLATE "C";
ALTER TABLE mentions ADD COLUMN geo_how TEXT COLLATE "C";
ALTER TABLE entities ADD COLUMN geonameid BIGINT;
ALTER TABLE entities ADD COLUMN lat DOUBLE PRECISION;
ALTER TABLE entities ADD COLUMN lon DOUBLE PRECISION;
ALTER TABLE entities ADD COLUMN country_code TEXT COLLATE "C";
