"""Disambiguation: which gazetteer entry a place name means in its article.

Each candidate gets a score on a log-population scale (hand-set priors; there is no
training data to fit them offline):

- the entry's size: log10 of its population for cities; fixed sizes for countries,
  first-level divisions, seas and facilities, which are the usual reading of such names;
- a penalty when the name matched only an alternate name of the entry; bonuses for
  national capitals and for cities our supplement lists (the usual reading of the name);
- the context: countries already named in the article (or its story, passed in), the
  first-level divisions named ('Paris' near 'Texas') or whose cities are named ('Georgia'
  near 'Atlanta'), and closeness to the places resolved without doubt in the same article.

Fuzzy matching (for misspellings) is tried only when no name matches exactly, and only
against names of large places, with a conservative threshold.

Two passes: first without context, keeping the confident picks as context; then every
name again with that context.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from dossier.annotate.entities.lexicon import fold
from dossier.annotate.places.gazetteer import Entry, Gazetteer

# Sizes (log10 population scale) for entries that have no population of their own.
KIND_SIZE = {
    "country": 7.5,
    "continent": 9.0,
    "admin1": 7.0,
    "region": 7.0,
    "sea": 7.5,
    "facility": 6.0,
    "city": 5.0,  # a supplement city without population
}
COUNTY_SIZE = 4.0  # plus log10 of its ZIP codes: 'Orange County' is first the Californian
COUNTRY_BONUS = 1.0  # countries are the usual reading of a country name
MAX_CANDIDATES = 12
ALTERNATE_PENALTY = 1.5
CAPITAL_BONUS = 1.5
LISTED_BONUS = 0.5
# Words around a name that the gazetteer lists without them ('Oaxaca State', 'Republic of
# Armenia'); tried only when the whole name is unknown.
_SUFFIXES = (" state", " province", " region", " oblast", " county", " city", " district")
_DIVISION_WORDS = (" state", " province", " region", " oblast")
_PREFIXES = ("republic of ", "state of ", "province of ", "city of ", "kingdom of ")
# Bare compass words name a bloc or a direction ('the West'), not the towns called so.
_NOT_PLACES = frozenset({"west", "east", "north", "south", "western", "eastern", "northern"})
LOCAL_KINDS = ("city", "admin2")
BIG_CITY = 1_000_000  # places inside a first-level division
SAME_COUNTRY = 1.5
SAME_ADMIN1 = 3.0  # a city in a division the article names ('Paris' near 'Texas')
CITIES_IN_REGION = 1.5  # a division whose cities the article names (weaker evidence)
NEAR_KM = 400.0
NEAR_BONUS = 1.0
CONFIDENT_MARGIN = 1.0
FUZZY_CUTOFF = 90.0
FUZZY_MIN_LENGTH = 6
FUZZY_MIN_POPULATION = 50_000


@dataclass(frozen=True)
class Pick:
    """A resolved place name."""

    entry: Entry
    how: str  # e.g. 'population', 'context-country', 'fuzzy', 'supplement'
    margin: float


def size(e: Entry) -> float:
    if e.kind == "admin2":
        return COUNTY_SIZE + math.log10(1 + e.population)
    if e.kind == "city" and e.population > 0:
        return math.log10(e.population + 10)
    if e.kind == "country":
        return max(KIND_SIZE["country"], math.log10(e.population + 10)) + COUNTRY_BONUS
    return KIND_SIZE.get(e.kind, 6.0)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


@dataclass
class Context:
    """What the article has already established, by the name that established it (a name
    never counts as context for itself: three 'Paris' do not vote for each other)."""

    countries: Counter[str]
    admin1: Counter[str]  # divisions named ('Texas')
    city_admin1: Counter[str]  # divisions of the cities named ('Atlanta' -> US.GA)
    points: list[tuple[str, float, float]]
    by_name: dict[str, list[Entry]]

    @classmethod
    def empty(cls, story: Iterable[str] = ()) -> Context:
        return cls(Counter(story), Counter(), Counter(), [], {})

    def add(self, name: str, e: Entry) -> None:
        self.by_name.setdefault(name, []).append(e)
        if e.country:
            self.countries[e.country] += 1
        if e.kind in ("admin1", "region") and e.adm:
            self.admin1[e.adm] += 1
        if e.kind in LOCAL_KINDS and e.adm:
            self.city_admin1[e.adm] += 1
        if e.lat is not None and e.lon is not None and e.kind in (*LOCAL_KINDS, "facility"):
            self.points.append((name, e.lat, e.lon))

    def own(self, name: str) -> tuple[Counter[str], Counter[str], Counter[str]]:
        """The counts a name contributed itself."""
        cc: Counter[str] = Counter()
        adm: Counter[str] = Counter()
        cadm: Counter[str] = Counter()
        for e in self.by_name.get(name, ()):
            if e.country:
                cc[e.country] += 1
            if e.kind in ("admin1", "region") and e.adm:
                adm[e.adm] += 1
            if e.kind in LOCAL_KINDS and e.adm:
                cadm[e.adm] += 1
        return cc, adm, cadm


def score(e: Entry, ctx: Context | None, name: str = "") -> tuple[float, str]:
    s = size(e) - (ALTERNATE_PENALTY if e.alternate else 0.0)
    if e.capital:
        s += CAPITAL_BONUS
    if e.listed and e.kind == "city":
        s += LISTED_BONUS
    how = "population" if e.kind == "city" else e.kind
    if ctx is None:
        return s, how
    own_cc, own_adm, own_cadm = ctx.own(name)
    if e.country and ctx.countries[e.country] - own_cc[e.country] > 0:
        s += SAME_COUNTRY
        how = "context-country"
    if e.adm and e.kind in LOCAL_KINDS and ctx.admin1[e.adm] - own_adm[e.adm] > 0:
        s += SAME_ADMIN1
        how = "context-region"
    if e.adm and e.kind not in LOCAL_KINDS and ctx.city_admin1[e.adm] - own_cadm[e.adm] > 0:
        s += CITIES_IN_REGION
        how = "context-cities"
    if e.kind in LOCAL_KINDS and e.lat is not None and e.lon is not None:
        lat, lon = e.lat, e.lon
        if any(n != name and haversine_km(lat, lon, a, b) <= NEAR_KM for n, a, b in ctx.points):
            s += NEAR_BONUS
            how = "context-nearby"
    return s, how


def _dedupe(entries: Sequence[Entry]) -> list[Entry]:
    """Drop a supplement city without an id when GeoNames has it (same country, close by)."""
    out = []
    for e in entries:
        if e.kind == "city" and e.geonameid is None and e.lat is not None and e.lon is not None:
            lat, lon = e.lat, e.lon
            twin = any(
                o.geonameid is not None
                and o.country == e.country
                and o.lat is not None
                and o.lon is not None
                and haversine_km(lat, lon, o.lat, o.lon) < 30
                for o in entries
            )
            if twin:
                continue
        out.append(e)
    return out


def _city_over_division(entries: list[Entry]) -> list[Entry]:
    """Without the division of the same name: a big city named like its own division
    ('New York', 'Tokyo', 'São Paulo') is the city in news text; 'New York State' finds
    the division through its suffix (see ``Resolver.candidates``)."""
    big = {e.adm for e in entries if e.kind == "city" and e.population >= BIG_CITY and e.adm}
    if not big:
        return entries  # (the entries are those of one name: no need to compare names)
    return [e for e in entries if not (e.kind in ("admin1", "region") and e.adm in big)]


def choose(entries: Sequence[Entry], ctx: Context | None, name: str = "") -> Pick | None:
    """The best entry for a name, with its margin over the runner-up."""
    cands = _city_over_division(_dedupe(entries))
    if not cands:
        return None
    if len(cands) > MAX_CANDIDATES:  # the rest cannot win: context adds at most a few points
        cands = sorted(cands, key=lambda e: -score(e, None)[0])[:MAX_CANDIDATES]
    scored = sorted(
        ((score(e, ctx, name), i, e) for i, e in enumerate(cands)), key=lambda t: -t[0][0]
    )
    (best, how), _, entry = scored[0]
    margin = best - scored[1][0][0] if len(scored) > 1 else 10.0
    if entry.supplement and how == entry.kind:
        how = "supplement"
    return Pick(entry, how, margin)


def _contains(outer: Entry, inner: Entry) -> bool:
    if inner.kind not in LOCAL_KINDS or not inner.country or inner.country != outer.country:
        return False
    if outer.kind == "country":
        return True
    return outer.kind in ("admin1", "region") and bool(outer.adm) and inner.adm == outer.adm


def _in_pair(inner: Sequence[Entry], outer: Sequence[Entry]) -> tuple[Entry, Entry] | None:
    """'Athens, Georgia', 'Paris, Texas', 'Hamilton, Canada': a town written with its
    division or country after a comma is the town of that name in it. The entries that
    fit together, the largest town first; ``None`` when none do (the comma was a list)."""
    fits = [(a, b) for b in _dedupe(outer) for a in _dedupe(inner) if _contains(b, a)]
    if not fits:
        return None
    return max(fits, key=lambda ab: (score(ab[0], None)[0], score(ab[1], None)[0]))


def _may_reach(a: int, b: int) -> bool:
    """Whether strings of ``a`` and ``b`` characters can have a ``fuzz.ratio`` of at least
    ``FUZZY_CUTOFF``: the ratio is 100 * (1 - indel / (a + b)), and the indel distance is
    at least ``|a - b|`` (with a margin for rounding)."""
    return 100.0 * (1.0 - abs(a - b) / (a + b)) >= FUZZY_CUTOFF - 1e-6


class Resolver:
    """Looks names up (exactly, then fuzzily) and picks entries in article context."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self._fuzzy_keys: tuple[str, ...] | None = None
        self._fuzzy_cache: dict[str, str | None] = {}
        self._fuzzy_by_length: dict[int, tuple[str, ...]] = {}
        self._key_sizes: list[int] | None = None

    def candidates(self, name: str) -> tuple[list[Entry], bool]:
        """Entries for a name, and whether they came from the fuzzy match."""
        if fold(name) in _NOT_PLACES:
            return [], False
        found = self.gaz.lookup(name)
        if found:
            return found, False
        key = fold(name)
        if key.startswith("the "):
            key = key[4:]
        for suffix in _SUFFIXES:
            if key.endswith(suffix) and (found := self.gaz.lookup(key[: -len(suffix)])):
                if suffix in _DIVISION_WORDS:  # 'New York State': the division, not the city
                    found = [e for e in found if e.kind not in LOCAL_KINDS] or found
                return found, False
        for prefix in _PREFIXES:
            if key.startswith(prefix) and (found := self.gaz.lookup(key[len(prefix) :])):
                return found, False
        hit = self._fuzzy(key)
        return (self.gaz.lookup(hit), True) if hit else ([], False)

    def _keys(self) -> tuple[str, ...]:
        if self._fuzzy_keys is None:
            keep = set()
            g = self.gaz
            for key, codes in g.keys.items():
                for code in codes:
                    row = code >> 1
                    if code & 1:
                        continue
                    if g.kind[row] not in LOCAL_KINDS or g.pop[row] >= FUZZY_MIN_POPULATION:
                        keep.add(key)
                        break
            self._fuzzy_keys = tuple(sorted(keep))
        return self._fuzzy_keys

    def _choices(self, length: int) -> tuple[str, ...]:
        """The fuzzy keys that can reach the cutoff against a key of ``length`` characters,
        in order: the others cannot match, and leaving them out spares scoring them."""
        found = self._fuzzy_by_length.get(length)
        if found is None:
            keys = self._keys()
            if self._key_sizes is None:
                self._key_sizes = [len(k) for k in keys]
            sizes = self._key_sizes
            fit = {n for n in set(sizes) if _may_reach(length, n)}
            found = tuple(k for k, n in zip(keys, sizes, strict=True) if n in fit)
            self._fuzzy_by_length[length] = found
        return found

    def _fuzzy(self, key: str) -> str | None:
        """A conservative fuzzy match among names of large places: same initial, same
        number of words, length within 2, similarity >= 90 ('Vladivostock' finds
        Vladivostok; 'Azov Sea' does not find the town of Azov)."""
        if len(key) < FUZZY_MIN_LENGTH:
            return None
        if key in self._fuzzy_cache:
            return self._fuzzy_cache[key]
        choices = self._choices(len(key))
        found = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        hit = None
        if found is not None:
            cand = found[0]
            if (
                cand[0] == key[0]
                and cand.count(" ") == key.count(" ")
                and abs(len(cand) - len(key)) <= 2
            ):
                hit = cand
        self._fuzzy_cache[key] = hit
        return hit

    def resolve(
        self,
        names: Sequence[str],
        story: Iterable[str] = (),
        pairs: Sequence[tuple[int, int]] = (),
    ) -> list[Pick | None]:
        """Picks for all place names of one article, in order. ``pairs``: (i, j) when
        name j follows name i as its container, 'Athens, Georgia' (see :func:`_in_pair`)."""
        picks = self._resolve(names, story)
        for i, j in pairs:
            both = _in_pair(self.candidates(names[i])[0], self.candidates(names[j])[0])
            if both is not None:
                picks[i] = Pick(both[0], "pair", CONFIDENT_MARGIN)
                picks[j] = Pick(both[1], "pair", CONFIDENT_MARGIN)
        return picks

    def _resolve(self, names: Sequence[str], story: Iterable[str]) -> list[Pick | None]:
        looked = [self.candidates(n) for n in names]
        keys = [fold(n) for n in names]
        ctx = Context.empty(story)
        # A name recurs in an article ('Russia' ten times): its entries are scored once per
        # pass (choose is a function of the entries, the context and the name).
        firsts: dict[tuple[Entry, ...], Pick | None] = {}
        for key, (entries, _) in zip(keys, looked, strict=True):
            found = tuple(entries)
            if found not in firsts:
                firsts[found] = choose(entries, None)
            first = firsts[found]
            if first is not None and first.margin >= CONFIDENT_MARGIN:
                ctx.add(key, first.entry)
        picks: list[Pick | None] = []
        chosen: dict[tuple[str, tuple[Entry, ...]], Pick | None] = {}
        for key, (entries, fuzzy) in zip(keys, looked, strict=True):
            seen = (key, tuple(entries))
            if seen not in chosen:
                chosen[seen] = choose(entries, ctx, key)
            pick = chosen[seen]
            if pick is not None and fuzzy:
                pick = Pick(pick.entry, "fuzzy+" + pick.how, pick.margin)
            picks.append(pick)
        return picks
