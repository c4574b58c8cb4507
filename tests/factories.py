"""Record builders shared by tests: only the fields a test cares about are given."""

from __future__ import annotations

from typing import Any

from dossier.records import TimelineEntry


def timeline_row(event_ids: list[str], article_ids: list[str], **fields: Any) -> TimelineEntry:
    """A timeline row (id ``tl``, code 040, asserted, no date, actors or place)."""
    base: dict[str, Any] = {
        "id": "tl",
        "date": None,
        "date_precision": None,
        "code": "040",
        "code_name": None,
        "source_actor": None,
        "target_actor": None,
        "place": None,
        "status": "asserted",
    }
    return TimelineEntry(**{**base, **fields}, event_ids=event_ids, article_ids=article_ids)
