"""Deterministic ids: the same input always gives the same id."""

from __future__ import annotations

import hashlib


def digest(*parts: object, length: int = 16) -> str:
    """A short hex digest of the parts, joined unambiguously."""
    h = hashlib.sha256()
    for part in parts:
        h.update(str(part).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


def span_id(prefix: str, article_id: str, start: int, end: int, *extra: object) -> str:
    """Id of a derived row: its kind, article and span (plus any disambiguating parts)."""
    return f"{prefix}_{digest(article_id, start, end, *extra, length=12)}"
