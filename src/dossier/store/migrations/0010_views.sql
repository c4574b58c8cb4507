-- 0010: readable views, for Datasette (`datasette dossier.sqlite`) and anyone reading the
-- store in SQL: the timeline with its sources, each report behind a row, quotes with their
-- speakers, and events with their actors. Views hold no data: they read the tables as they
-- stand, with the names entities have now. Twin: migrations_pg/0010_views.sql.

-- One line per timeline row: its actors and place by entity name, how many articles and
-- mentions stand behind it, and the outlets that report it ('; '-separated).
CREATE VIEW timeline_with_sources AS
SELECT
    t.id,
    t.date,
    t.date_precision,
    t.code,
    t.code_name,
    COALESCE(se.name, t.source_actor) AS source_actor,
    COALESCE(te.name, t.target_actor) AS target_actor,
    COALESCE(pe.name, t.place) AS place,
    pe.country_code AS place_country,
    pe.lat AS place_lat,
    pe.lon AS place_lon,
    t.status,
    t.confidence,
    json_array_length(t.article_ids) AS n_articles,
    json_array_length(t.event_ids) AS n_mentions,
    (SELECT group_concat(j.value, '; ') FROM json_each(t.sources) AS j) AS sources,
    t.first_source,
    t.first_published,
    t.text,
    t.article_id,
    t.story_id
FROM timeline t
LEFT JOIN entities se ON se.id = t.source_entity_id
LEFT JOIN entities te ON te.id = t.target_entity_id
LEFT JOIN entities pe ON pe.id = t.place_entity_id;

-- One line per (timeline row, article reporting it): the article's outlet, title, URL and date.
CREATE VIEW timeline_reports AS
SELECT
    t.id AS timeline_id,
    t.date,
    t.code,
    t.code_name,
    a.id AS article_id,
    COALESCE(a.label, a.source, a.path) AS outlet,
    a.title,
    a.url,
    a.published
FROM timeline t
JOIN timeline_articles ta ON ta.row_id = t.id
JOIN articles a ON a.id = ta.article_id;

-- One line per quote: the speaker's entity name (else the words naming them), what was said,
-- the cue, and the article it is in.
CREATE VIEW quotes_with_speakers AS
SELECT
    q.id,
    COALESCE(e.name, q.speaker_text) AS speaker,
    e.id AS speaker_id,
    e.type AS speaker_kind,
    q.speaker_text,
    q.text AS quote,
    q.kind,
    q.cue,
    q.speech,
    q.date,
    COALESCE(a.label, a.source, a.path) AS outlet,
    a.title AS article_title,
    a.url AS article_url,
    a.published AS article_published,
    q.article_id,
    q.start,
    q."end"
FROM quotes q
JOIN articles a ON a.id = q.article_id
LEFT JOIN mentions m ON m.id = q.speaker_mention_id
LEFT JOIN entities e ON e.id = m.entity_id;

-- One line per event mention: who did what to whom, where, coded in CAMEO and PLOVER, with
-- the sentence, its article, and the timeline row it was merged into.
CREATE VIEW events_with_actors AS
SELECT
    ev.id,
    ev.date,
    ev.code,
    ev.code_name,
    ev.status,
    COALESCE(se.name, ev.source_text) AS source_actor,
    ev.source_code,
    se.id AS source_entity_id,
    COALESCE(te.name, ev.target_text) AS target_actor,
    ev.target_code,
    te.id AS target_entity_id,
    COALESCE(pe.name, ev.place_text) AS place,
    pe.country_code AS place_country,
    pe.lat AS place_lat,
    pe.lon AS place_lon,
    ev.plover,
    ev.plover_mode,
    ev.goldstein,
    ev.trigger,
    ev.text AS sentence,
    COALESCE(a.label, a.source, a.path) AS outlet,
    a.title AS article_title,
    a.url AS article_url,
    ev.article_id,
    ev.start,
    ev."end",
    tm.row_id AS timeline_id
FROM events ev
JOIN articles a ON a.id = ev.article_id
LEFT JOIN mentions sm ON sm.id = ev.source_mention_id
LEFT JOIN entities se ON se.id = sm.entity_id
LEFT JOIN mentions tm_ ON tm_.id = ev.target_mention_id
LEFT JOIN entities te ON te.id = tm_.entity_id
LEFT JOIN mentions pm ON pm.id = ev.place_mention_id
LEFT JOIN entities pe ON pe.id = pm.entity_id
LEFT JOIN timeline_members tm ON tm.event_id = ev.id;
