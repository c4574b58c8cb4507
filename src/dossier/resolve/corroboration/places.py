"""Whether two places can both be where one event happened.

Two places disagree when both are points (cities, facilities) more than ``POINT_KM`` apart,
or when an area (country, region, sea) and a point lie in different countries: 'Vladivostok'
against 'the Vostochny cosmodrome' is a disagreement, 'Pyongyang' against 'North Korea' is
not.
"""

from __future__ import annotations

import math
from dataclasses import replace

from dossier.annotate.entities import place_info
from dossier.resolve.corroboration.claims import Claim

POINT_KM = 100.0
_AREAS = frozenset({"country", "continent", "region", "sea"})


def _km(a: Claim, b: Claim) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
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


def narrowest(claims: list[Claim], countries: dict[str, str | None]) -> list[Claim]:
    """Each source's most specific places: an area a source gives beside a point it gives
    inside that area ('Russia' and 'the Vostochny cosmodrome') says nothing more, and is
    left out for that source (a claim left with no source is dropped)."""
    points = [c for c in claims if _kind(c.value) not in _AREAS]
    out = []
    for c in claims:
        code = countries.get(c.value)
        if _kind(c.value) not in _AREAS or code is None:
            out.append(c)
            continue
        inside = {a for p in points if countries.get(p.value) == code for a in p.article_ids}
        spans = [s for s in c.spans if s.article_id not in inside]
        if len(spans) == len(c.spans):
            out.append(c)
        elif spans:
            out.append(
                replace(
                    c,
                    sources=list(dict.fromkeys(s.source for s in spans)),
                    article_ids=list(dict.fromkeys(s.article_id for s in spans)),
                    event_ids=[s.event_id for s in spans],
                    statuses=list(dict.fromkeys(s.status for s in spans)),
                    spans=spans,
                )
            )
    return out
