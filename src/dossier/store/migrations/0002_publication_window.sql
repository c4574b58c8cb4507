-- 0002: an inferred publication window for articles that state no date.
ALTER TABLE articles ADD COLUMN published_earliest TEXT;
ALTER TABLE articles ADD COLUMN published_latest TEXT;
