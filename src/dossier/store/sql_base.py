"""What the SQL mixins of a store share: three ways to run a statement, and helpers."""

from __future__ import annotations

import abc
import json
from collections.abc import Collection, Iterator, Sequence
from typing import Any

from dossier.resolve import dates
from dossier.store.base import Store

CHUNK = 500  # values per IN (...) list


class SQLBase(Store):
    """A store over a DB-API connection with ``?`` placeholders."""

    @abc.abstractmethod
    def _x(self, sql: str, params: Sequence[Any] = ()) -> Any: ...

    @abc.abstractmethod
    def _many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    @abc.abstractmethod
    def _q(self, sql: str, params: Sequence[Any] = ()) -> list[Any]: ...

    # what copying a store (store/copy.py) needs of each dialect
    @abc.abstractmethod
    def _copy_columns(self, table: str) -> list[str]:
        """The columns of ``table`` a copy carries (not the dialect's own, like a rowid)."""

    @abc.abstractmethod
    def _copy_order(self, table: str) -> str:
        """The column that orders ``table``'s rows as they were inserted."""

    @abc.abstractmethod
    def _last_id(self, table: str) -> int:
        """The last id given in a table with an AUTOINCREMENT id (0: none yet)."""

    @abc.abstractmethod
    def _set_last_id(self, table: str, value: int) -> None:
        """Give the next row of ``table`` an id after ``value`` (never one used before)."""

    def _in(self, sql: str, values: Collection[Any], params: Sequence[Any] = ()) -> Iterator[Any]:
        """Rows of ``sql`` (which has one ``{marks}`` IN list) over values, chunked."""
        items = list(values)
        for start in range(0, len(items), CHUNK):
            chunk = items[start : start + CHUNK]
            marks = ", ".join("?" for _ in chunk)
            yield from self._q(sql.format(marks=marks), [*params, *chunk])


def day_span(value: str | None) -> tuple[str | None, str | None]:
    """First and last ISO day of a calendar value; (None, None) when it has none."""
    if value and dates.is_calendar(value):
        span = dates.interval(value)
        if span is not None:
            return span
    return None, None


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def loads(value: str | None) -> Any:
    return json.loads(value) if value else None
