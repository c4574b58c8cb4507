"""The timeline as PLOVER events in JSON lines, after the POLECAT data set: one object per
timeline row with a PLOVER category (event type, mode and contexts; the actors with their
CAMEO-style codes; date; location) and every sentence behind it, with its article id and
character span. Rows whose CAMEO code has no PLOVER category (plain statements, 01 and
02) are left out, as POLECAT has none for them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

from dossier.export.common import Context, context, country_name, place_of, timeline_pages
from dossier.export.gdelt import actor_fields
from dossier.query import FilterArgs
from dossier.records import Entity, TimelineEntry

if TYPE_CHECKING:
    from dossier.api import Dossier


def _actor(name: str | None, entity: Entity | None, code: str | None) -> dict[str, Any] | None:
    if not name and not code:
        return None
    f = actor_fields("", code, name)
    return {
        "name": name,
        "entity_id": entity.id if entity else None,
        "kind": entity.type if entity else None,
        "code": f["Code"] or None,
        "country": f["CountryCode"] or None,
        "sector": f["Type1Code"] or None,
    }


def _location(row: TimelineEntry, ctx: Context) -> dict[str, Any] | None:
    place = place_of(ctx.entity(row.place_entity_id))
    if place is None:
        return {"name": row.place} if row.place else None
    return {
        "name": row.place or place.name,
        "country": country_name(place.country) or None,
        "country_code": place.country or None,
        "geonameid": place.geonameid,
        "lat": place.lat,
        "lon": place.lon,
    }


def record(row: TimelineEntry, ctx: Context) -> dict[str, Any] | None:
    """One row as a PLOVER event, or None without a PLOVER category."""
    from dossier.annotate.events.lexicon import plover

    best = ctx.best(row)
    category = (best.plover if best else None) or plover(row.code) or None
    if not category:
        return None
    labels = dict(zip(row.article_ids, row.sources, strict=False))
    sentences = [
        {
            "event_id": e.id,
            "article_id": e.article_id,
            "source": labels.get(e.article_id),
            "start": e.start,
            "end": e.end,
            "text": e.text,
            "trigger": e.trigger,
        }
        for e in (ctx.events.get(i) for i in row.event_ids)
        if e is not None
    ]
    return {
        "event_id": row.id,
        "event_date": row.date,
        "date_precision": row.date_precision,
        "event_type": category,
        "event_mode": (best.plover_mode if best else None) or None,
        "event_context": list(best.plover_context) if best else [],
        "cameo": row.code,
        "cameo_name": row.code_name,
        "goldstein": best.goldstein if best else None,
        "status": row.status,
        "source": _actor(row.source_actor, ctx.entity(row.source_entity_id),
                         best.source_code if best else None),
        "target": _actor(row.target_actor, ctx.entity(row.target_entity_id),
                         best.target_code if best else None),
        "location": _location(row, ctx),
        "sources": row.sources,
        "n_articles": len(row.article_ids),
        "story_id": row.story_id,
        "sentences": sentences,
    }  # fmt: skip


def records(db: Dossier, filters: FilterArgs) -> Iterator[dict[str, Any]]:
    for rows in timeline_pages(db, filters):
        ctx = context(db, rows, every=True)
        for row in rows:
            rec = record(row, ctx)
            if rec is not None:
                yield rec


def write(db: Dossier, out: IO[bytes], table: str | None, filters: FilterArgs, fmt: str) -> int:
    n = 0
    for rec in records(db, filters):
        out.write(json.dumps(rec, ensure_ascii=False).encode("utf-8") + b"\n")
        n += 1
    return n
