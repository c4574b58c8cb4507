"""The timeline as an ACLED-style CSV: one line per timeline row whose event is an ACLED
event (political violence, demonstrations, strategic developments), typed by the mapping
in ``data/acled_types.tsv`` (docs/exports.md)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from functools import lru_cache
from typing import IO, TYPE_CHECKING

from dossier.export.common import Context, context, country_name, day_of, place_of, timeline_pages
from dossier.query import FilterArgs
from dossier.records import TimelineEntry
from dossier.resources import read_table

if TYPE_CHECKING:
    from dossier.api import Dossier

COLUMNS = (
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "source",
    "notes",
)


@lru_cache(maxsize=1)
def _mapping() -> dict[tuple[str, str], tuple[str, str]]:
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for row in read_table("acled_types.tsv"):
        cells = [*row, "", "", ""]
        out[(cells[0], cells[1])] = (cells[2], cells[3])
    return out


def acled_type(code: str, plover: str | None = None) -> tuple[str, str] | None:
    """(event type, sub-event type) of a CAMEO code (longest listed prefix), else of its
    PLOVER category; None when it is not an ACLED event."""
    table = _mapping()
    for n in range(len(code), 0, -1):
        found = table.get(("cameo", code[:n]))
        if found is not None:
            return found if found[0] else None
    found = table.get(("plover", plover or ""))
    return found if found and found[0] else None


def record(row: TimelineEntry, ctx: Context) -> dict[str, str] | None:
    from dossier.annotate.events.lexicon import plover

    best = ctx.best(row)
    kind = acled_type(row.code, (best.plover if best else None) or plover(row.code))
    day = day_of(row)
    if kind is None or day is None:  # ACLED events are dated to the day
        return None
    place = place_of(ctx.entity(row.place_entity_id))
    admin1 = place.name if place and place.kind in ("admin1", "region") else ""
    admin2 = place.name if place and place.kind == "admin2" else ""  # a US county
    return {
        "event_date": day.isoformat(),
        "event_type": kind[0],
        "sub_event_type": kind[1],
        "actor1": row.source_actor or "",
        "actor2": row.target_actor or "",
        "country": country_name(place.country) if place else "",
        "admin1": admin1,
        "admin2": admin2,
        "location": row.place or "",
        "latitude": "" if place is None or place.lat is None else f"{place.lat:.4f}",
        "longitude": "" if place is None or place.lon is None else f"{place.lon:.4f}",
        "source": "; ".join(dict.fromkeys(row.sources)),
        "notes": " ".join(row.text.split()),
    }


def records(db: Dossier, filters: FilterArgs) -> Iterator[dict[str, str]]:
    for rows in timeline_pages(db, filters):
        ctx = context(db, rows)
        for row in rows:
            rec = record(row, ctx)
            if rec is not None:
                yield rec


def write(db: Dossier, out: IO[bytes], table: str | None, filters: FilterArgs, fmt: str) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    writer = csv.DictWriter(text, fieldnames=COLUMNS)
    writer.writeheader()
    n = 0
    for rec in records(db, filters):
        writer.writerow(rec)
        n += 1
    text.flush()
    text.detach()
    return n
