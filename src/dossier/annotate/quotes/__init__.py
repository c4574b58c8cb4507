"""Quotes: who said what, with cue, kind, speaker and relay chain. Owner: quotes."""

from __future__ import annotations

from typing import Any

from dossier.records import Article, Mention, Quote, TimeExpr

EXTRACTOR = "quotes.rules"
VERSION = "0.0"


def extract_quotes(
    article: Article, doc: Any, mentions: list[Mention], times: list[TimeExpr]
) -> list[Quote]:
    """The quotes of one parsed article, speakers linked to ``mentions`` where resolvable."""
    return []
