"""Time expressions: TIMEX3 values anchored on the article's date. Owner: time."""

from __future__ import annotations

from typing import Any

from dossier.records import TimeExpr

EXTRACTOR = "time.rules"
VERSION = "0.0"


def tag_times(article_id: str, text: str, dct: str | None, doc: Any = None) -> list[TimeExpr]:
    """Find and normalise the time expressions of ``text``.

    ``dct`` is the document creation (publication) date as an ISO value, or None when
    unknown; ``doc`` is the spaCy parse of the same text when the caller has one.
    """
    return []
