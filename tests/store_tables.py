"""Every table of a store as rows, to compare two stores row for row (SQLite or
PostgreSQL), leaving out only wall-clock columns."""

from __future__ import annotations

import sqlite3
from typing import Any

# the times things were done: the same record ingested twice differs only in these
WALL_CLOCK = {"ingested_at", "seen_at", "applied_at", "at", "undone_at"}


def _sqlite_tables(path: str) -> dict[str, list[str]]:
    conn = sqlite3.connect(path)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in names}
    finally:
        conn.close()


def _rows(location: str, table: str, cols: list[str]) -> list[tuple[Any, ...]]:
    select = ", ".join(f'"{c}"' for c in cols)
    if location.startswith(("postgresql://", "postgres://")):
        import psycopg

        with psycopg.connect(location) as conn:
            rows = conn.execute(f"SELECT {select} FROM {table}").fetchall()
    else:
        conn = sqlite3.connect(location)
        try:
            rows = conn.execute(f"SELECT {select} FROM {table}").fetchall()
        finally:
            conn.close()
    out = [tuple(bytes(v) if isinstance(v, memoryview) else v for v in r) for r in rows]
    return sorted(out, key=repr)  # a stable order: every column, as text


def dump(location: str, like: str) -> dict[str, list[tuple[Any, ...]]]:
    """Rows of every table of ``location``, with the tables and columns of the SQLite
    store ``like`` (PostgreSQL's tables keep SQLite's rowid as a column: left out)."""
    tables = _sqlite_tables(like)
    return {
        t: _rows(location, t, [c for c in cols if c not in WALL_CLOCK])
        for t, cols in tables.items()
    }
