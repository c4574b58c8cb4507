"""Mapping between records (dataclasses) and table rows, shared by every SQL backend.

Each record field is a column of the same name; lists and nested records are stored
as JSON text. A few fields have other column names (``TimeExpr.begin`` is
``begin_value``: BEGIN is an SQL keyword).
"""

from __future__ import annotations

import dataclasses
import json
import typing
from typing import Any, TypeVar

from dossier.records import Relay
from dossier.resolve.corroboration.claims import Claim, Comparison, Position, Span

T = TypeVar("T")

RENAMES: dict[str, str] = {"begin": "begin_value"}
# Fields of records that are not columns of their table.
SKIPPED: dict[str, set[str]] = {
    "Article": set(),
    "Mention": set(),
    "Story": {"article_ids"},  # read from story_members, not kept twice
    "StoryMember": set(),
}


_COLUMNS: dict[type, list[tuple[str, str]]] = {}
_LIST_FIELDS: dict[type, frozenset[str]] = {}
_BOOL_FIELDS: dict[type, frozenset[str]] = {}


def columns(cls: type) -> list[tuple[str, str]]:
    """(field name, column name) pairs of a record class (computed once per class)."""
    if cls not in _COLUMNS:
        _COLUMNS[cls] = _columns(cls)
    return _COLUMNS[cls]


def _columns(cls: type) -> list[tuple[str, str]]:
    skip = SKIPPED.get(cls.__name__, set())
    return [
        (f.name, RENAMES.get(f.name, f.name)) for f in dataclasses.fields(cls) if f.name not in skip
    ]


def _list_fields(cls: type) -> frozenset[str]:
    if cls not in _LIST_FIELDS:
        hints = typing.get_type_hints(cls)
        _LIST_FIELDS[cls] = frozenset(n for n, h in hints.items() if typing.get_origin(h) is list)
    return _LIST_FIELDS[cls]


def _bool_fields(cls: type) -> frozenset[str]:
    if cls not in _BOOL_FIELDS:
        hints = typing.get_type_hints(cls)
        _BOOL_FIELDS[cls] = frozenset(n for n, h in hints.items() if h is bool)
    return _BOOL_FIELDS[cls]


def _is_list(cls: type, name: str) -> bool:
    return name in _list_fields(cls)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return value


def to_row(record: Any) -> dict[str, Any]:
    """Column name → SQL value for one record."""
    cls = type(record)
    row: dict[str, Any] = {}
    for fname, col in columns(cls):
        value = getattr(record, fname)
        if _is_list(cls, fname):
            value = json.dumps(
                [_plain(v) for v in value],
                ensure_ascii=False,
            )
        row[col] = value
    return row


def from_row(cls: type[T], row: dict[str, Any]) -> T:
    """A record of class ``cls`` from a row (a mapping of column → value)."""
    kwargs: dict[str, Any] = {}
    lists = _list_fields(cls)
    for fname, col in columns(cls):
        if col not in row:
            continue
        value = row[col]
        if fname in lists:
            items = json.loads(value) if value else []
            if fname == "relayed_by":
                items = [Relay(**item) for item in items]
            elif fname in ("removed", "repeats", "pieces"):
                items = [tuple(item) for item in items]
            value = items
        elif fname in _bool_fields(cls) and value is not None:
            value = bool(value)  # SQL stores booleans as 0/1
        kwargs[fname] = value
    return cls(**kwargs)


def comparison_from_dict(d: dict[str, Any]) -> Comparison:
    """A stored comparison (``dataclasses.asdict`` of one) back as records."""
    claims = [Claim(**{**c, "spans": [Span(**s) for s in c.get("spans", [])]}) for c in d["claims"]]
    positions = [Position(**p) for p in d.get("positions", [])]
    return Comparison(**{**d, "claims": claims, "positions": positions})
