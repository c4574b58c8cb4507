"""Copy a whole store into a new one (``dossier migrate --from A --to B``): SQLite to
PostgreSQL, or back, or SQLite to SQLite.

Every table is copied, in the order the migrations create them (so a row's references
are there before it), rows in the order they were inserted (SQLite's rowid: the order
articles joined their stories is kept), all in one transaction on the target, read in
one snapshot of the source. The target must be empty: a copy never merges two records.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from dossier.errors import StoreError
from dossier.store import open_store, shown
from dossier.store.base import Store
from dossier.store.migrate import available
from dossier.store.sql_base import SQLBase
from dossier.store.sql_record import insert_sql

PAGE = 5000  # rows read at a time
_CREATE = re.compile(r"^CREATE TABLE (\w+) \(", re.M)
_AUTOINCREMENT = re.compile(
    r"^CREATE TABLE (\w+) \(\s*id\s+INTEGER PRIMARY KEY AUTOINCREMENT", re.M
)


def tables() -> list[str]:
    """Every table of a store (but the migrations' own), in the order created."""
    return [t for m in available() for t in _CREATE.findall(m.sql)]


def _identity_tables() -> set[str]:
    return {t for m in available() for t in _AUTOINCREMENT.findall(m.sql)}


def _sql(store: Store) -> SQLBase:
    if not isinstance(store, SQLBase):
        raise StoreError(f"cannot copy {shown(store.location)}: it is not an SQL store")
    return store


def _counts(store: SQLBase) -> dict[str, int]:
    return {t: int(store._q(f"SELECT COUNT(*) FROM {t}")[0][0]) for t in tables()}


def copy_store(
    source: Store, target: Store, progress: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Copy every row of ``source`` into the empty store ``target``; returns the rows
    copied per table. ``progress`` hears each table as it is done."""
    src, dst = _sql(source), _sql(target)
    if source.location == target.location:
        raise StoreError(f"cannot copy {shown(source.location)} onto itself: pass another --to")
    held = {t: n for t, n in _counts(dst).items() if n}
    if held:
        what = f"{held.get('articles', 0)} articles; rows in {len(held)} tables"
        raise StoreError(
            f"the target store {shown(target.location)} is not empty ({what}): copy into a new, "
            "empty database (for PostgreSQL, `createdb NAME`; for SQLite, a new file), or "
            "empty this one first"
        )
    copied: dict[str, int] = {}
    with source.snapshot(), target.transaction():
        for table in tables():
            cols = [c for c in dst._copy_columns(table) if c in set(src._copy_columns(table))]
            copied[table] = _copy_table(src, dst, table, cols)
            if progress is not None:
                progress(table, copied[table])
        for table in sorted(_identity_tables()):
            dst._set_last_id(table, src._last_id(table))
    return copied


def _copy_table(src: SQLBase, dst: SQLBase, table: str, cols: list[str]) -> int:
    order = src._copy_order(table)
    names = ", ".join(f'"{c}"' for c in cols)
    insert = insert_sql(table, cols)
    last: object = None
    n = 0
    while True:
        if last is None:
            rows = src._q(f"SELECT {order}, {names} FROM {table} ORDER BY {order} LIMIT ?", [PAGE])
        else:
            rows = src._q(
                f"SELECT {order}, {names} FROM {table} WHERE {order} > ? ORDER BY {order} LIMIT ?",
                [last, PAGE],
            )
        if not rows:
            return n
        dst._many(insert, [tuple(r)[1:] for r in rows])
        n += len(rows)
        last = rows[-1][0]


def copy_store_at(
    source: str | Path, target: str | Path, progress: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Open the store at ``source`` (it must exist) and a new one at ``target``, and copy
    the first into the second."""
    src = open_store(source, create=False)
    try:
        dst = open_store(target, create=True)
        try:
            return copy_store(src, dst, progress)
        finally:
            dst.close()
    finally:
        src.close()
