"""The PostgreSQL store: the SQL mixins of the SQLite store over psycopg 3.

``--db postgresql://user@host:port/dbname`` selects it. The schema comes from the
PostgreSQL twins of the numbered migrations (``store/migrations_pg``); statements are
the mixins' own, rewritten once each by ``pg_dialect.translate``. Writers are serialised
like SQLite's ``BEGIN IMMEDIATE``: each write transaction takes one advisory lock first
(READ COMMITTED, so it sees everything committed before it got the lock); a snapshot is
a REPEATABLE READ, READ ONLY transaction.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from functools import lru_cache
from typing import Any

import psycopg

from dossier.errors import StoreError
from dossier.store import pg_dialect, shown
from dossier.store.migrate import POSTGRES, available, migrate_postgres, postgres_version
from dossier.store.sql_curation import CurationMixin
from dossier.store.sql_query import QueryMixin
from dossier.store.sql_record import RecordMixin
from dossier.store.sql_state import StateMixin
from dossier.store.sql_workspace import WorkspaceMixin

WRITE_LOCK = 0x646F7373696571  # pg_advisory_xact_lock key every write transaction takes


def one_line(exc: BaseException) -> str:
    """A psycopg error's message (several lines: the error, its detail) as one line."""
    return " ".join(part.strip() for part in str(exc).splitlines() if part.strip())


def display(url: str) -> str:
    """The URL without its password (for messages)."""
    return shown(url)


class Row(tuple[Any, ...]):
    """A result row as the mixins read sqlite3.Row: by position, by name, ``dict(row)``."""

    _names: dict[str, int]

    def __new__(cls, values: Sequence[Any], names: dict[str, int]) -> Row:
        row = super().__new__(cls, values)
        row._names = names
        return row

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


def _row_factory(cursor: Any) -> Any:
    desc = cursor.description
    if desc is None:
        return lambda values: Row(values, {})
    names: dict[str, int] = {}
    for i, d in enumerate(desc):
        names.setdefault(d.name, i)
    return lambda values: Row(values, names)


class _Result:
    """What ``_x`` returns: the id an insert into an identity table was given."""

    def __init__(self, lastrowid: int | None) -> None:
        self.lastrowid = lastrowid


def _value(v: Any) -> Any:
    return int(v) if isinstance(v, bool) else v  # SQLite stores booleans as 0/1


def _params(params: Sequence[Any]) -> list[Any]:
    return [_value(v) for v in params]


class PostgresStore(RecordMixin, StateMixin, QueryMixin, WorkspaceMixin, CurationMixin):
    """A store in one PostgreSQL database (its default schema)."""

    def __init__(self, url: str, create: bool = True) -> None:
        self.location = url  # serve opens the store again by it: the password stays
        self._shown = display(url)
        try:
            self._conn: psycopg.Connection[Any] = psycopg.connect(
                url, autocommit=True, row_factory=_row_factory
            )
        except psycopg.Error as exc:
            raise StoreError(
                f"cannot connect to the PostgreSQL store {self._shown}: "
                f"{one_line(exc)}: start the server, create the database "
                "(`createdb NAME`), or fix the --db URL"
            ) from exc
        try:
            row = self._conn.execute("SHOW server_encoding").fetchone()
            encoding = row[0] if row else "?"
            if encoding != "UTF8":
                raise StoreError(
                    f"the database of {self._shown} is not UTF-8 ({encoding}): create one "
                    "that is (`createdb --encoding=UTF8 --template=template0 NAME`) and pass "
                    "it as --db"
                )
            version = postgres_version(self._conn)
            if not create and version is None:
                raise StoreError(
                    f"no store at {self._shown}: ingest articles first "
                    "(`dossier ingest FILES`), or pass --db with an existing store"
                )
            if version != len(available(POSTGRES)):  # up to date: opening writes nothing
                migrate_postgres(self._conn, self._shown)
            self._schema = self._read_schema()
        except BaseException:
            self._conn.close()
            raise
        self._depth = 0
        self._translate = lru_cache(maxsize=4096)(self._translate_uncached)

    def _read_schema(self) -> pg_dialect.Schema:
        schema = pg_dialect.Schema()
        for table, col, identity in self._conn.execute(
            "SELECT table_name, column_name, is_identity FROM information_schema.columns "
            "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"
        ):
            schema.columns.setdefault(table, []).append(col)
            if identity == "YES" and col == "id":
                schema.identity.add(table)
        for table, col in self._conn.execute(
            "SELECT tc.table_name, k.column_name FROM information_schema.table_constraints tc "
            "JOIN information_schema.key_column_usage k ON k.constraint_name = tc.constraint_name "
            "AND k.table_schema = tc.table_schema WHERE tc.constraint_type = 'PRIMARY KEY' "
            "AND tc.table_schema = current_schema() ORDER BY tc.table_name, k.ordinal_position"
        ):
            schema.keys.setdefault(table, []).append(col)
        return schema

    def _translate_uncached(self, sql: str, params: bool, returning: bool) -> str:
        return pg_dialect.translate(sql, self._schema, params, returning)

    # ------------------------------------------------------------------ plumbing
    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._run("BEGIN ISOLATION LEVEL READ COMMITTED")
        self._depth = 1
        try:
            self._run("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            yield
        except BaseException:
            self._rollback()
            raise
        else:
            try:
                self._run("COMMIT")
            except BaseException:
                self._rollback()
                raise
        finally:
            self._depth = 0

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """A read transaction: every read inside sees one state, and it waits for no
        writer (nor holds one up)."""
        if self._depth or self._conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
            yield  # inside a transaction already: it is one state
            return
        self._run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            yield
        finally:
            self._rollback()  # reads only: nothing to commit

    def _rollback(self) -> None:
        if self._conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
            with suppress(psycopg.Error):
                self._conn.execute("ROLLBACK")

    def _write_error(self, exc: psycopg.Error) -> StoreError | None:
        """A failed statement as what to do about it; None for an error that is a bug."""
        text = one_line(exc)
        if isinstance(exc, psycopg.errors.DiskFull):
            return StoreError(
                f"could not write {self._shown}: {text}: free some disk space on the "
                "database server and run the command again (everything committed before "
                "is kept)"
            )
        if isinstance(
            exc, psycopg.errors.InsufficientPrivilege | psycopg.errors.ReadOnlySqlTransaction
        ):
            return StoreError(
                f"could not write {self._shown}: {text}: grant the user write access "
                "to the database, or pass another --db"
            )
        if isinstance(exc, psycopg.OperationalError):
            return StoreError(
                f"lost the PostgreSQL store {self._shown}: {text}: check that the server "
                "is running and run the command again (everything committed before is kept)"
            )
        return None

    def _run(self, sql: str, params: Sequence[Any] | None = None) -> psycopg.Cursor[Any]:
        try:
            return self._conn.execute(sql, params)
        except psycopg.Error as exc:
            error = self._write_error(exc)
            if error is None:
                raise
            raise error from exc

    def close(self) -> None:
        self._conn.close()

    def _x(self, sql: str, params: Sequence[Any] = ()) -> _Result:
        cur = self._run(self._translate(sql, bool(params), True), _params(params) or None)
        if cur.description is not None and cur.description[0].name == "id":
            row = cur.fetchone()
            return _Result(int(row[0]) if row else None)
        return _Result(None)

    def _many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        text = self._translate(sql, True, False)
        try:
            with self._conn.cursor() as cur:
                cur.executemany(text, [_params(r) for r in rows])
        except psycopg.Error as exc:
            error = self._write_error(exc)
            if error is None:
                raise
            raise error from exc

    def _q(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        return self._run(
            self._translate(sql, bool(params), False), _params(params) or None
        ).fetchall()

    def _copy_columns(self, table: str) -> list[str]:
        return [c for c in self._schema.columns.get(table, []) if c != "rowid"]

    def _copy_order(self, table: str) -> str:
        return "rowid" if "rowid" in self._schema.columns.get(table, []) else "id"

    def _last_id(self, table: str) -> int:
        rows = self._q(
            "SELECT pg_sequence_last_value(CAST(pg_get_serial_sequence(?, 'id') AS regclass))",
            (table,),
        )
        return int(rows[0][0]) if rows and rows[0][0] is not None else 0

    def _set_last_id(self, table: str, value: int) -> None:
        if value > self._last_id(table):
            self._q("SELECT setval(pg_get_serial_sequence(?, 'id'), ?)", (table, value))
