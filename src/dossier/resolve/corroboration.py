"""Corroboration and contradiction: what the sources of one timeline event agree on.

For each merged event the sources' places and quantities are compared. Two places
disagree when both are points (cities, facilities) more than ``POINT_KM`` apart, or when
an area (country, region, sea) and a point lie in different countries: 'Vladivostok'
against 'the Vostochny cosmodrome' is a disagreement, 'Pyongyang' against 'North Korea'
is not. Quantities are listed side by side with their sources and hedges, since
different counts of different things are not comparable without units.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from dossier.annotate.entities import place_info
from dossier.records import Article, Entity, Event, TimelineEntry
from dossier.resolve.timeline import article_label

POINT_KM = 100.0
_AREAS = frozenset({"country", "continent", "region", "sea"})


@dataclass
class Claim:
    """One value a set of sources gives for a detail of an event."""

    value: str
    sources: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    event_ids: list[str] = field(default_factory=list)
    hedges: list[str] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None


@dataclass
class Comparison:
    """How the sources of one timeline row compare on one detail."""

    timeline_id: str
    detail: str  # 'place' | 'quantity'
    agree: bool
    claims: list[Claim]


def _km(a: Claim, b: Claim) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def _kind(name: str) -> str | None:
    info = place_info(name)
    return info.kind if info else None


def places_conflict(a: Claim, b: Claim, countries: dict[str, str | None]) -> bool:
    """True when two places cannot both be where one event happened."""
    kind_a, kind_b = _kind(a.value), _kind(b.value)
    if kind_a in _AREAS or kind_b in _AREAS:
        ca, cb = countries.get(a.value), countries.get(b.value)
        return ca is not None and cb is not None and ca != cb
    km = _km(a, b)
    return km is not None and km > POINT_KM


def _add(claims: dict[str, Claim], value: str, ev: Event, label: str) -> Claim:
    claim = claims.setdefault(value, Claim(value))
    if label not in claim.sources:
        claim.sources.append(label)
    if ev.article_id not in claim.article_ids:
        claim.article_ids.append(ev.article_id)
    claim.event_ids.append(ev.id)
    claim.hedges.extend(h for h in ev.hedges if h not in claim.hedges)
    return claim


def compare(
    row: TimelineEntry,
    events: dict[str, Event],
    articles: dict[str, Article],
    entity_of: dict[str, Entity],
) -> list[Comparison]:
    """The place and quantity comparisons of one timeline row."""
    places: dict[str, Claim] = {}
    countries: dict[str, str | None] = {}
    quantities: dict[str, Claim] = {}
    for eid in row.event_ids:
        ev = events.get(eid)
        art = articles.get(ev.article_id) if ev else None
        if ev is None or art is None:
            continue
        label = article_label(art)
        place = entity_of.get(ev.place_mention_id or "")
        if place is not None:
            claim = _add(places, place.name, ev, label)
            claim.lat, claim.lon = place.lat, place.lon
            countries[place.name] = place.country_code
        elif ev.place_text:
            _add(places, ev.place_text.strip(), ev, label)
            countries.setdefault(ev.place_text.strip(), None)
        for qty in ev.quantities:
            _add(quantities, qty, ev, label)
    out: list[Comparison] = []
    if places:
        claims = sorted(places.values(), key=lambda c: (-len(c.sources), c.value))
        clash = any(
            places_conflict(a, b, countries) for i, a in enumerate(claims) for b in claims[i + 1 :]
        )
        out.append(Comparison(row.id, "place", not clash, claims))
    if quantities:
        claims = sorted(quantities.values(), key=lambda c: (-len(c.sources), c.value))
        out.append(Comparison(row.id, "quantity", len(claims) == 1, claims))
    return out


def contradictions(
    rows: Sequence[TimelineEntry],
    events: dict[str, Event],
    articles: dict[str, Article],
    entity_of: dict[str, Entity],
) -> list[tuple[TimelineEntry, Comparison]]:
    """Every timeline row whose sources disagree: on its place, or (between different
    articles) on a quantity."""
    found: list[tuple[TimelineEntry, Comparison]] = []
    for row in rows:
        for comp in compare(row, events, articles, entity_of):
            if comp.agree:
                continue
            articles_behind = {a for c in comp.claims for a in c.article_ids}
            if comp.detail == "place" or len(articles_behind) > 1:
                found.append((row, comp))
    return found
