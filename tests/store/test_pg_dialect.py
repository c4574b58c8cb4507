"""SQLite's SQL as PostgreSQL runs it (no server needed)."""

from __future__ import annotations

from dossier.store.pg_dialect import Schema, translate

SCHEMA = Schema(
    columns={"meta": ["key", "value"], "stories": ["id", "label", "rowid"], "curation": ["id"]},
    keys={"meta": ["key"], "stories": ["id"], "curation": ["id"]},
    identity={"curation"},
)


def test_placeholders_become_percent_s_and_percent_is_escaped() -> None:
    sql = translate("SELECT id FROM t WHERE a = ? AND b LIKE 'x%'", SCHEMA, params=True)
    assert sql == "SELECT id FROM t WHERE a = %s AND b ILIKE 'x%%'"


def test_without_params_percent_is_left_alone() -> None:
    assert translate("SELECT 'a%'", SCHEMA, params=False) == "SELECT 'a%'"


def test_question_mark_in_a_literal_is_kept() -> None:
    assert translate("SELECT '?' WHERE a = ?", SCHEMA, params=True) == "SELECT '?' WHERE a = %s"


def test_insert_or_replace_updates_every_column_but_the_key() -> None:
    sql = translate("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", SCHEMA, True)
    assert sql == (
        "INSERT INTO meta (key, value) VALUES (%s, %s) "
        'ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value"'
    )


def test_insert_or_replace_renews_the_rowid_like_sqlite() -> None:
    sql = translate('INSERT OR REPLACE INTO stories ("id", "label") VALUES (?, ?)', SCHEMA, True)
    assert sql.endswith('DO UPDATE SET "label" = EXCLUDED."label", rowid = DEFAULT')


def test_insert_or_ignore_does_nothing_on_conflict() -> None:
    sql = translate("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", SCHEMA, True)
    assert sql == "INSERT INTO meta (key, value) VALUES (%s, %s) ON CONFLICT DO NOTHING"


def test_insert_into_an_identity_table_returns_its_id() -> None:
    sql = translate("INSERT INTO curation (at) VALUES (?)", SCHEMA, True, returning=True)
    assert sql == "INSERT INTO curation (at) VALUES (%s) RETURNING id"


def test_order_by_puts_nulls_where_sqlite_does() -> None:
    sql = translate("SELECT * FROM t ORDER BY a, b DESC, (SELECT 1) LIMIT 2", SCHEMA, False)
    assert sql == (
        "SELECT * FROM t ORDER BY a NULLS FIRST, b DESC NULLS LAST, (SELECT 1) NULLS FIRST LIMIT 2"
    )


def test_limit_minus_one_means_no_limit() -> None:
    assert translate("SELECT 1 LIMIT ?", SCHEMA, True) == "SELECT 1 LIMIT NULLIF(%s, -1)"


def test_json_array_length_reads_the_text_as_json() -> None:
    sql = translate("SELECT json_array_length(t.ids) FROM t", SCHEMA, False)
    assert sql == "SELECT json_array_length((t.ids)::json) FROM t"


def test_glob_is_an_anchored_regex() -> None:
    sql = translate("SELECT 1 WHERE x GLOB '[0-9]-*?'", SCHEMA, False)
    assert sql == "SELECT 1 WHERE x ~ '^[0-9]\\-.*.$'"


def test_date_plus_days_uses_the_twin_function() -> None:
    sql = translate("SELECT date(substr(v, 1, 10), '+7 day')", SCHEMA, False)
    assert sql == "SELECT dossier_date_add(substr(v, 1, 10), 7)"


def test_rows_that_tie_come_in_insertion_order() -> None:
    sql = translate("SELECT s.* FROM stories s WHERE s.id = ? ORDER BY label LIMIT ?", SCHEMA, True)
    assert sql == (
        "SELECT s.* FROM stories s WHERE s.id = %s ORDER BY label NULLS FIRST, "
        "s.rowid NULLS FIRST LIMIT NULLIF(%s, -1)"
    )


def test_rows_without_an_order_come_in_insertion_order() -> None:
    sql = translate("SELECT id FROM stories WHERE id IN (SELECT 1)", SCHEMA, False)
    assert sql == "SELECT id FROM stories WHERE id IN (SELECT 1) ORDER BY rowid NULLS FIRST"


def test_aggregates_are_left_unordered() -> None:
    assert (
        translate("SELECT COUNT(*) FROM stories", SCHEMA, False) == "SELECT COUNT(*) FROM stories"
    )
