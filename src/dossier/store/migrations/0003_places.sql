-- 0003: toponyms resolved to the gazetteer (GeoNames ids and coordinates).
ALTER TABLE mentions ADD COLUMN usage TEXT;
ALTER TABLE mentions ADD COLUMN geonameid INTEGER;
ALTER TABLE mentions ADD COLUMN lat REAL;
ALTER TABLE mentions ADD COLUMN lon REAL;
ALTER TABLE mentions ADD COLUMN country_code TEXT;
ALTER TABLE mentions ADD COLUMN geo_how TEXT;
ALTER TABLE entities ADD COLUMN geonameid INTEGER;
ALTER TABLE entities ADD COLUMN lat REAL;
ALTER TABLE entities ADD COLUMN lon REAL;
ALTER TABLE entities ADD COLUMN country_code TEXT;
