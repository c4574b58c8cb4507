"""US counties (and parishes, boroughs) for the gazetteer, from the ``zipcodes`` package.

GeoNames' city lists carry no second-level divisions, and local news names counties all
the time ('deputies in Lamar County'); a county is rarely where the town of the same name
is. The ``zipcodes`` package (MIT; USPS ZIP codes with their county and a point) is the
offline source: a county's point is the median of its ZIP code points, which lies well
within the 161 km a geocode is allowed, and its count of ZIP codes stands in for its size
(the package gives no population).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass


@dataclass(frozen=True)
class County:
    name: str  # as written: 'Lamar County', 'Orleans Parish'
    state: str  # two-letter code: 'TX'
    lat: float
    lon: float
    zips: int  # ZIP codes in the county: a stand-in for its size


def us_counties() -> list[County]:
    """Every county the ZIP code list names, with its median point (build time only)."""
    import zipcodes  # type: ignore[import-untyped,unused-ignore]

    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for z in zipcodes.list_all():
        county, state = (z.get("county") or "").strip(), z.get("state") or ""
        try:
            lat, lon = float(z["lat"]), float(z["long"])
        except (KeyError, TypeError, ValueError):
            continue
        if county and len(state) == 2 and (lat or lon):
            points[(county, state)].append((lat, lon))
    return [
        County(
            name,
            state,
            statistics.median(p[0] for p in pts),
            statistics.median(p[1] for p in pts),
            len(pts),
        )
        for (name, state), pts in sorted(points.items())
    ]
