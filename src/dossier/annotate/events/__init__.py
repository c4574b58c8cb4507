"""Events: who did what to whom, when and where, coded in CAMEO. Owner: events."""

from __future__ import annotations

from typing import Any

from dossier.records import Article, Event, Mention, Quote, TimeExpr

EXTRACTOR = "events.rules"
VERSION = "0.0"


def extract_events(
    article: Article,
    doc: Any,
    mentions: list[Mention],
    times: list[TimeExpr],
    quotes: list[Quote],
) -> list[Event]:
    """The events of one parsed article."""
    return []
