"""The embedded SQLite store: one file, schema from numbered migrations."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from dossier.errors import StoreError
from dossier.store.migrate import check_version, migrate_sqlite
from dossier.store.sql_curation import CurationMixin
from dossier.store.sql_query import QueryMixin
from dossier.store.sql_record import RecordMixin
from dossier.store.sql_state import StateMixin
from dossier.store.sql_workspace import WorkspaceMixin


def _journal_wal(conn: sqlite3.Connection, wait: float = 60.0) -> None:
    """WAL mode. Switching a new file to it takes the file for a moment, without the busy
    timeout: a store opened by another process at the same instant waits its turn."""
    deadline = time.monotonic() + wait
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class SQLiteStore(RecordMixin, StateMixin, QueryMixin, WorkspaceMixin, CurationMixin):
    """A store in one SQLite file (or ``:memory:``)."""

    def __init__(self, path: str | Path, create: bool = True) -> None:
        self.location = str(path)
        if self.location != ":memory:":
            target = Path(self.location).expanduser()
            parent = target.resolve().parent
            if not parent.is_dir():
                raise StoreError(
                    f"cannot create the store {self.location}: folder {parent} does not exist"
                )
            if not create and not target.exists():
                raise StoreError(
                    f"no store at {self.location}: ingest articles first "
                    "(`dossier ingest FILES`), or pass --db with an existing store"
                )
        try:
            self._conn = sqlite3.connect(self.location, isolation_level=None, timeout=60)
            self._conn.row_factory = sqlite3.Row
            check_version(self._conn, self.location)  # before the pragmas write to it
            self._conn.execute("PRAGMA foreign_keys = ON")
            _journal_wal(self._conn)
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._conn.execute("PRAGMA cache_size = -65536")
            migrate_sqlite(self._conn, self.location)
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{self.location} is not a dossier store ({exc}): pass another --db file"
            ) from exc
        self._depth = 0

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
        self._run("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._rollback()
            raise
        else:
            try:
                self._conn.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                self._rollback()
                raise self._write_error(exc) or StoreError(
                    f"could not write {self.location}: {exc}"
                ) from exc
        finally:
            self._depth = 0

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """A read transaction: in WAL mode it neither waits for a writer nor holds one
        up, and every read inside sees the state of its first read."""
        if self._depth or self._conn.in_transaction:
            yield  # inside a transaction already: it is one state
            return
        self._run("BEGIN DEFERRED")
        try:
            yield
        finally:
            self._rollback()  # reads only: nothing to commit

    def _rollback(self) -> None:
        """Undo the open transaction (SQLite may have rolled a failed one back itself)."""
        if self._conn.in_transaction:
            # a broken connection cannot roll back: nothing of the transaction committed
            with suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")

    def _write_error(self, exc: sqlite3.Error) -> StoreError | None:
        """A failed write as what to do about it; None for an error that is a bug."""
        text = str(exc)
        if "full" in text or "disk" in text or "too large" in text:
            return StoreError(
                f"could not write {self.location}: {text}: free some disk space and run "
                "the command again (everything committed before is kept)"
            )
        if "locked" in text or "busy" in text:
            return StoreError(
                f"could not write {self.location}: {text}: another dossier is writing to "
                "it; wait for it to finish and run the command again"
            )
        if "readonly" in text:
            return StoreError(
                f"could not write {self.location}: {text}: make the file writable, or "
                "pass another --db file"
            )
        return None

    def _run(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        try:
            return self._conn.execute(sql, params)
        except sqlite3.OperationalError as exc:
            error = self._write_error(exc)
            if error is None:
                raise
            raise error from exc

    def close(self) -> None:
        self._conn.close()

    def _x(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self._run(sql, params)

    def _many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            try:
                self._conn.executemany(sql, rows)
            except sqlite3.OperationalError as exc:
                error = self._write_error(exc)
                if error is None:
                    raise
                raise error from exc

    def _q(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        return list(self._conn.execute(sql, params))

    def _copy_columns(self, table: str) -> list[str]:
        return [r[1] for r in self._conn.execute(f"PRAGMA table_info({table})")]

    def _copy_order(self, table: str) -> str:
        return "rowid"

    def _last_id(self, table: str) -> int:
        rows = self._q("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,))
        return int(rows[0][0]) if rows else 0

    def _set_last_id(self, table: str, value: int) -> None:
        if value <= self._last_id(table):
            return
        if self._q("SELECT 1 FROM sqlite_sequence WHERE name = ?", (table,)):
            self._x("UPDATE sqlite_sequence SET seq = ? WHERE name = ?", (value, table))
        else:
            self._x("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (table, value))
