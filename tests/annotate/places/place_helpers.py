"""Shared helpers for the places tests: parse an invented story and list its toponyms."""

from __future__ import annotations

from typing import Any

from dossier.annotate.entities import extract_mentions
from dossier.annotate.places import Toponym, find_toponyms
from dossier.records import Article


def toponyms(nlp: Any, text: str, name: str = "story") -> list[Toponym]:
    article = Article(id=name, text=text, path=f"{name}.txt", fmt="txt")
    doc = nlp(text)
    tops = find_toponyms(article, doc, extract_mentions(article, doc, geocode=False))
    for t in tops:
        assert text[t.start : t.end] == t.text
    return tops


def rows(tops: list[Toponym]) -> list[dict[str, Any]]:
    """JSON-ready rows for golden files (coordinates rounded to 0.01 degree)."""
    return [
        {
            "text": t.text,
            "span": [t.start, t.end],
            "usage": t.usage,
            "modifier": t.modifier,
            "name": t.name,
            "kind": t.kind,
            "geonameid": t.geonameid,
            "country": t.country_code,
            "lat": None if t.lat is None else round(t.lat, 2),
            "lon": None if t.lon is None else round(t.lon, 2),
            "how": t.how,
        }
        for t in tops
    ]


def find(tops: list[Toponym], text: str) -> Toponym:
    hits = [t for t in tops if t.text == text]
    assert hits, f"no toponym {text!r} in {[t.text for t in tops]}"
    return hits[0]
