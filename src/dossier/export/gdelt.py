"""The timeline as a GDELT 2.0 Event file: one tab-separated line per timeline row, the
61 columns of ``data/gdelt_columns.tsv`` in the codebook's order, no header. What each
column holds, and what dossier cannot fill, is in docs/exports.md."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import IO, TYPE_CHECKING, Any

from dossier.export.common import (
    Context,
    Place,
    context,
    country_name,
    country_place,
    day_of,
    fips,
    is_alpha3,
    place_of,
    timeline_pages,
)
from dossier.query import FilterArgs
from dossier.records import Entity, TimelineEntry
from dossier.resources import read_table

if TYPE_CHECKING:
    from dossier.api import Dossier

LEAD_CHARS = 400  # a best mention starting this early in its article is a root event


@lru_cache(maxsize=1)
def columns() -> list[str]:
    """The 61 GDELT 2.0 column names, in order (``data/gdelt_columns.tsv``)."""
    return [row[0] for row in read_table("gdelt_columns.tsv")]


@lru_cache(maxsize=1)
def column_kinds() -> dict[str, str]:
    """Each column's kind (the check its values pass: sqldate, code, lat...)."""
    return {row[0]: row[1] for row in read_table("gdelt_columns.tsv")}


@lru_cache(maxsize=1)
def actor_types() -> frozenset[str]:
    """CAMEO actor type (sector) codes (``data/cameo_actor_types.tsv``)."""
    return frozenset(row[0] for row in read_table("cameo_actor_types.tsv"))


def quad_class(code: str) -> int | None:
    """1 verbal cooperation (01-05), 2 material cooperation (06-08), 3 verbal conflict
    (09-13), 4 material conflict (14-20); None for a code that is not CAMEO."""
    root = code[:2]
    if not root.isdigit():
        return None
    n = int(root)
    if 1 <= n <= 5:
        return 1
    if 6 <= n <= 8:
        return 2
    if 9 <= n <= 13:
        return 3
    if 14 <= n <= 20:
        return 4
    return None


def goldstein(code: str) -> float | None:
    """The Goldstein score of the code, else of its base or root code."""
    from dossier.annotate.events.lexicon import goldstein as score

    for c in (code, code[:3], code[:2]):
        found = score(c)
        if found is not None:
            return found
    return None


def event_number(row_id: str) -> int:
    """A positive number (under 2**53) standing for a row id, the same in every export."""
    return int.from_bytes(hashlib.blake2b(row_id.encode(), digest_size=8).digest()) >> 11


def actor_fields(prefix: str, code: str | None, name: str | None) -> dict[str, str]:
    """The ten actor columns of one actor code ('RUSGOV', 'IGO', 'RUS+SYR': the first)."""
    code = (code or "").split("+")[0].strip().upper()
    segs = [code[i : i + 3] for i in range(0, len(code), 3)]
    types_ = actor_types()
    country = segs[0] if segs and is_alpha3(segs[0]) and segs[0] not in types_ else ""
    rest = segs[1:] if country else segs
    types = [s for s in rest if s in types_]
    groups = [s for s in rest if s not in types_]
    out = {
        "Code": code,
        "Name": (name or "").upper() if code or name else "",
        "CountryCode": country,
        "KnownGroupCode": groups[0] if groups else "",
        "EthnicCode": "",
        "Religion1Code": "",
        "Religion2Code": "",
    }
    for i in range(3):
        out[f"Type{i + 1}Code"] = types[i] if i < len(types) else ""
    return {f"{prefix}{k}": v for k, v in out.items()}


def geo_type(place: Place) -> str:
    us = place.country == "US"
    if place.kind == "country":
        return "1"
    if place.kind in ("admin1", "region"):
        return "2" if us else "5"
    if place.kind in ("city", "admin2", "facility"):  # a US county: a point in its state
        return "3" if us else "4"
    return ""


def geo_fields(prefix: str, place: Place | None) -> dict[str, str]:
    """The eight geo columns of a place (all empty without one)."""
    names = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long")
    if place is None:
        return {f"{prefix}_{k}": "" for k in (*names, "FeatureID")}
    country = country_name(place.country)
    full = place.name if not country or place.kind == "country" else f"{place.name}, {country}"
    code = fips(place.country)
    return {
        f"{prefix}_Type": geo_type(place),
        f"{prefix}_FullName": full,
        f"{prefix}_CountryCode": code,
        f"{prefix}_ADM1Code": f"{code}{place.admin1}" if code and place.admin1 else code,
        f"{prefix}_ADM2Code": "",
        f"{prefix}_Lat": "" if place.lat is None else f"{place.lat:.4f}",
        f"{prefix}_Long": "" if place.lon is None else f"{place.lon:.4f}",
        f"{prefix}_FeatureID": "" if place.geonameid is None else str(place.geonameid),
    }


def actor_place(entity: Entity | None, country: str) -> Place | None:
    """Where an actor is: its entity when that is a place (a country or city acting), else
    the country of its code."""
    return place_of(entity) or country_place(country)


def fraction_date(day: date) -> str:
    days = (date(day.year + 1, 1, 1) - date(day.year, 1, 1)).days
    return f"{day.year + (day.timetuple().tm_yday - 1) / days:.4f}"


def record(row: TimelineEntry, ctx: Context, added: str) -> dict[str, str]:
    """The 61 columns of one timeline row, by name."""
    day = day_of(row)
    best = ctx.best(row)
    src: Entity | None = ctx.entity(row.source_entity_id)
    tgt: Entity | None = ctx.entity(row.target_entity_id)
    quad = quad_class(row.code)
    score = best.goldstein if best and best.goldstein is not None else goldstein(row.code)
    a1 = actor_fields("Actor1", best.source_code if best else None, row.source_actor)
    a2 = actor_fields("Actor2", best.target_code if best else None, row.target_actor)
    out: dict[str, str] = {
        "GlobalEventID": str(event_number(row.id)),
        "Day": day.strftime("%Y%m%d") if day else "",
        "MonthYear": day.strftime("%Y%m") if day else "",
        "Year": day.strftime("%Y") if day else "",
        "FractionDate": fraction_date(day) if day else "",
        **a1,
        **a2,
        "IsRootEvent": "1" if row.start < LEAD_CHARS else "0",
        "EventCode": row.code,
        "EventBaseCode": row.code[:3],
        "EventRootCode": row.code[:2],
        "QuadClass": "" if quad is None else str(quad),
        "GoldsteinScale": "" if score is None else f"{score:.1f}",
        "NumMentions": str(len(row.event_ids)),
        "NumSources": str(len(set(row.sources))),
        "NumArticles": str(len(row.article_ids)),
        "AvgTone": "0",
        **geo_fields("Actor1Geo", actor_place(src, a1["Actor1CountryCode"])),
        **geo_fields("Actor2Geo", actor_place(tgt, a2["Actor2CountryCode"])),
        **geo_fields("ActionGeo", place_of(ctx.entity(row.place_entity_id))),
        "DATEADDED": added,
        "SOURCEURL": ctx.url(row),
    }
    return out


def _clean(value: str) -> str:
    return " ".join(value.split()) if any(c in value for c in "\t\r\n") else value


def lines(db: Dossier, filters: FilterArgs, now: datetime | None = None) -> Iterator[str]:
    """The file's lines (without their newline), a page of rows at a time."""
    added = (now or datetime.now(UTC)).strftime("%Y%m%d%H%M%S")
    names = columns()
    for rows in timeline_pages(db, filters):
        ctx = context(db, rows)
        for row in rows:
            rec: dict[str, Any] = record(row, ctx, added)
            yield "\t".join(_clean(rec[c]) for c in names)


def write(db: Dossier, out: IO[bytes], table: str | None, filters: FilterArgs, fmt: str) -> int:
    n = 0
    for line in lines(db, filters):
        out.write(line.encode("utf-8") + b"\n")
        n += 1
    return n
