"""Numbered schema migrations: ``store/migrations/NNNN_name.sql``, applied in order, once.

PostgreSQL stores apply the twin of each, ``store/migrations_pg/NNNN_name.sql`` (same
numbers and names), and keep the same bookkeeping table, ``schema_migrations``.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from importlib import resources
from typing import Any

from dossier.errors import MigrationError

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    sql: str


SQLITE = "migrations"
POSTGRES = "migrations_pg"
_MIGRATE_LOCK = 0x646F7373696572  # pg_advisory_xact_lock key: one migrating at a time


def available(folder_name: str = SQLITE) -> list[Migration]:
    """Every migration shipped with this dossier (for SQLite, or ``POSTGRES``), in order."""
    folder = resources.files("dossier.store") / folder_name
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


def _too_new(version: Any, location: str, migrations: list[Migration]) -> None:
    newest = migrations[-1].number if migrations else 0
    if version is not None and version > newest:
        raise MigrationError(
            f"{location} has schema version {version}, newer than this dossier knows "
            f"({newest}): upgrade dossier, or use another --db file"
        )


def check_version(conn: sqlite3.Connection, location: str) -> None:
    """Refuse a store from a newer dossier before anything is written to it."""
    known = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
    ).fetchone()
    if not known:
        return
    row = conn.execute("SELECT MAX(number) FROM schema_migrations").fetchone()
    _too_new(row[0] if row else None, location, available())


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
            if _applied(conn, mig.number):  # by another process opening it at the same time
                continue
            raise MigrationError(f"migration {mig.name} failed on {location}: {exc}") from exc
    return newest


def _applied(conn: sqlite3.Connection, number: int) -> bool:
    try:
        row = conn.execute("SELECT 1 FROM schema_migrations WHERE number = ?", (number,))
        return row.fetchone() is not None
    except sqlite3.Error:
        return False


def postgres_version(conn: Any) -> int | None:
    """The schema version of a PostgreSQL store (None: no dossier schema there yet)."""
    known = conn.execute("SELECT to_regclass('schema_migrations')").fetchone()
    if not known or known[0] is None:
        return None
    row = conn.execute("SELECT MAX(number) FROM schema_migrations").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def migrate_postgres(conn: Any, location: str) -> int:
    """Bring a PostgreSQL store (an autocommit psycopg connection) up to the newest
    schema, in one transaction, one process at a time; returns the schema version."""
    import psycopg

    migrations = available(POSTGRES)
    _too_new(postgres_version(conn), location, migrations)
    newest = migrations[-1].number if migrations else 0
    try:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATE_LOCK,))
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(number BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            done = {row[0] for row in conn.execute("SELECT number FROM schema_migrations")}
            _too_new(max(done, default=None), location, migrations)  # one migrated meanwhile
            for mig in migrations:
                if mig.number in done:
                    continue
                try:
                    conn.execute(mig.sql)
                except psycopg.Error as exc:
                    raise MigrationError(
                        f"migration {mig.name} failed on {location}: {_line(exc)}"
                    ) from exc
                conn.execute(
                    "INSERT INTO schema_migrations VALUES (%s, %s, "
                    "to_char(timezone('UTC', now()), 'YYYY-MM-DD HH24:MI:SS'))",
                    (mig.number, mig.name),
                )
    except psycopg.Error as exc:
        raise MigrationError(f"could not migrate {location}: {_line(exc)}") from exc
    return newest


def _line(exc: BaseException) -> str:
    return " ".join(part.strip() for part in str(exc).splitlines() if part.strip())
