"""Numbered schema migrations: ``store/migrations/NNNN_name.sql``, applied in order, once."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from importlib import resources

from dossier.errors import MigrationError

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    sql: str


def available() -> list[Migration]:
    """Every migration shipped with this dossier, in order."""
    folder = resources.files("dossier.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        m = _NAME.match(entry.name)
        if m:
            found.append(Migration(int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort(key=lambda mig: mig.number)
    numbers = [mig.number for mig in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise MigrationError(f"migrations are not numbered 1..N without gaps: {numbers}")
    return found


def check_version(conn: sqlite3.Connection, location: str) -> None:
    """Refuse a store from a newer dossier before anything is written to it."""
    known = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
    ).fetchone()
    if not known:
        return
    row = conn.execute("SELECT MAX(number) FROM schema_migrations").fetchone()
    migrations = available()
    newest = migrations[-1].number if migrations else 0
    if row and row[0] is not None and row[0] > newest:
        raise MigrationError(
            f"{location} has schema version {row[0]}, newer than this dossier knows "
            f"({newest}): upgrade dossier, or use another --db file"
        )


def migrate_sqlite(conn: sqlite3.Connection, location: str) -> int:
    """Bring an SQLite store up to the newest schema; returns the schema version."""
    check_version(conn, location)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    done = {row[0] for row in conn.execute("SELECT number FROM schema_migrations")}
    migrations = available()
    newest = migrations[-1].number if migrations else 0
    for mig in migrations:
        if mig.number in done:
            continue
        # The migration and its bookkeeping row commit together (the name is validated
        # by _NAME, so it is safe to inline), under the write lock: when two processes
        # open a new store at once, the second waits, then fails on the first's tables or
        # on its bookkeeping row, rolls back, and finds the migration applied.
        script = (
            f"BEGIN IMMEDIATE;\n{mig.sql}\nINSERT INTO schema_migrations "
            f"VALUES ({mig.number}, '{mig.name}', datetime('now'));\nCOMMIT;"
        )
        try:
            conn.executescript(script)
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            applied = conn.execute(
                "SELECT 1 FROM schema_migrations WHERE number = ?", (mig.number,)
            ).fetchone()
            if applied:
                continue  # another process applied it meanwhile
            raise MigrationError(f"migration {mig.name} failed on {location}: {exc}") from exc
    return newest
