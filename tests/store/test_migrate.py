"""Numbered migrations: the PostgreSQL twins make the same schema as SQLite's, applied
once each, and a store from a newer dossier is refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import psycopg
import pytest

from dossier.errors import MigrationError
from dossier.store.migrate import POSTGRES, SQLITE, available, migrate_postgres, migrate_sqlite

TYPES = {
    "INTEGER": "integer", "BIGINT": "integer", "TEXT": "text", "REAL": "real",
    "DOUBLE PRECISION": "real", "BLOB": "blob", "BYTEA": "blob",
}  # fmt: skip
PG_ONLY = {"rowid"}  # SQLite's implicit rowid, a column of each PostgreSQL table


def sqlite_schema(path: Path) -> dict[str, Any]:
    conn = sqlite3.connect(path)
    try:
        tables: dict[str, Any] = {}
        indexes: dict[str, Any] = {}
        views: dict[str, Any] = {}
        for name, kind in conn.execute(
            "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') "
            "AND name NOT LIKE 'sqlite_%'"
        ):
            info = list(conn.execute(f"PRAGMA table_info({name})"))
            if kind == "view":
                views[name] = [r[1] for r in info]
                continue
            tables[name] = [(r[1], TYPES[r[2].upper()], bool(r[3] or r[5]), r[5]) for r in info]
            for idx in conn.execute(f"PRAGMA index_list({name})"):
                if idx[3] != "c":  # made by a constraint, not CREATE INDEX
                    continue
                cols = [
                    (r[2], bool(r[3])) for r in conn.execute(f"PRAGMA index_xinfo({idx[1]})")
                    if r[5]  # key columns only
                ]  # fmt: skip
                indexes[idx[1]] = (name, cols, bool(idx[4]))
        return {"tables": tables, "indexes": indexes, "views": views}
    finally:
        conn.close()


def pg_schema(url: str) -> dict[str, Any]:
    with psycopg.connect(url) as conn:
        tables: dict[str, Any] = {}
        keys: dict[tuple[str, str], int] = {
            (t, c): n
            for t, c, n in conn.execute(
                "SELECT tc.table_name, k.column_name, k.ordinal_position "
                "FROM information_schema.table_constraints tc "
                "JOIN information_schema.key_column_usage k "
                "ON k.constraint_name = tc.constraint_name AND k.table_schema = tc.table_schema "
                "WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = current_schema()"
            )
        }
        views = {
            r[0]: []
            for r in conn.execute(
                "SELECT table_name FROM information_schema.views "
                "WHERE table_schema = current_schema()"
            )
        }
        for t, c, dtype, nullable in conn.execute(
            "SELECT table_name, column_name, data_type, is_nullable FROM "
            "information_schema.columns WHERE table_schema = current_schema() "
            "ORDER BY table_name, ordinal_position"
        ):
            if t in views:
                views[t].append(c)
            elif c not in PG_ONLY:
                pk = keys.get((t, c), 0)
                tables.setdefault(t, []).append((c, TYPES[dtype.upper()], nullable == "NO", pk))
        indexes = {
            name: (table, [(c, bool(d)) for c, d in zip(cols, desc, strict=True)], partial)
            for name, table, cols, desc, partial in conn.execute(
                "SELECT i.relname, t.relname, "
                "ARRAY(SELECT a.attname FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(n, o) "
                "LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.n ORDER BY o), "
                "ARRAY(SELECT (opt & 1) FROM unnest(ix.indoption::int2[]) opt), "
                "ix.indpred IS NOT NULL "
                "FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid "
                "JOIN pg_class t ON t.oid = ix.indrelid "
                "JOIN pg_namespace s ON s.oid = t.relnamespace "
                "WHERE s.nspname = current_schema() AND NOT ix.indisprimary"
            )
        }
        return {"tables": tables, "indexes": indexes, "views": views}


def test_each_sqlite_migration_has_a_postgres_twin_of_the_same_name() -> None:
    assert [m.name for m in available(POSTGRES)] == [m.name for m in available(SQLITE)]


def test_both_schemas_have_the_same_tables_columns_indexes_and_views(
    tmp_path: Path, pg_url: str
) -> None:
    path = tmp_path / "s.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate_sqlite(conn, str(path))
    conn.close()
    with psycopg.connect(pg_url, autocommit=True) as pg:
        migrate_postgres(pg, pg_url)
    lite, post = sqlite_schema(path), pg_schema(pg_url)
    assert post["tables"] == lite["tables"]
    assert post["indexes"] == lite["indexes"]
    assert post["views"] == lite["views"]


def test_migrating_again_changes_nothing(pg_url: str) -> None:
    with psycopg.connect(pg_url, autocommit=True) as pg:
        first = migrate_postgres(pg, pg_url)
        assert migrate_postgres(pg, pg_url) == first == len(available(POSTGRES))
        numbers = [r[0] for r in pg.execute("SELECT number FROM schema_migrations ORDER BY 1")]
    assert numbers == list(range(1, first + 1))


def test_a_store_from_a_newer_dossier_is_refused(pg_url: str) -> None:
    with psycopg.connect(pg_url, autocommit=True) as pg:
        newest = migrate_postgres(pg, pg_url)
        pg.execute("INSERT INTO schema_migrations VALUES (%s, 'x.sql', 'now')", (newest + 1,))
        with pytest.raises(MigrationError, match="upgrade dossier"):
            migrate_postgres(pg, pg_url)
