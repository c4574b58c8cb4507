"""Shared helpers for the temporal tagger tests."""

from __future__ import annotations

from typing import Any

from dossier.annotate.time import tag_times
from dossier.records import TimeExpr


def tag(text: str, dct: str | None = "2023-09-13", doc: Any = None) -> list[TimeExpr]:
    """Tag ``text`` and check every record's span points at its text."""
    times = tag_times("art1", text, dct, doc)
    for t in times:
        assert text[t.start : t.end] == t.text
    return times


def find(text: str, surface: str, dct: str | None = "2023-09-13", doc: Any = None) -> TimeExpr:
    """The record whose text is exactly ``surface``."""
    times = tag(text, dct, doc)
    hits = [t for t in times if t.text == surface]
    assert hits, f"{surface!r} not tagged; got {[t.text for t in times]}"
    return hits[0]


def texts(text: str, dct: str | None = "2023-09-13") -> list[str]:
    return [t.text for t in tag(text, dct)]
