"""The story's key events (as ``dossier timeline --key`` selects them) as TimelineJS3 JSON:
``{"events": [{"start_date": {...}, "text": {"headline", "text"}, ...}]}``."""

from __future__ import annotations

import html
import json
from typing import IO, TYPE_CHECKING, Any

from dossier.query import FilterArgs
from dossier.records import TimelineEntry

if TYPE_CHECKING:
    from dossier.api import Dossier

TOP = 15  # key events, as `dossier timeline --key` shows by default


def start_date(value: str | None) -> dict[str, str] | None:
    """TimelineJS's date object of an ISO value at its precision (year, month, day as
    strings, as TimelineJS's documentation writes them); None without a year."""
    from dossier.resolve import dates

    if not value or not dates.is_calendar(value):
        return None
    parts = value.split("T")[0].split("-")
    if not parts[0].isdigit():
        return None
    out = {"year": str(int(parts[0]))}
    if len(parts) > 1 and parts[1].isdigit():
        out["month"] = str(int(parts[1]))
        if len(parts) > 2 and parts[2].isdigit():
            out["day"] = str(int(parts[2]))
    return out


def headline(row: TimelineEntry) -> str:
    what = row.code_name or row.code
    who = row.source_actor
    whom = f" ({row.target_actor})" if row.target_actor else ""
    return f"{who}: {what}{whom}" if who else f"{what}{whom}"


def slide(row: TimelineEntry) -> dict[str, Any] | None:
    day = start_date(row.date)
    if day is None:
        return None
    sources = ", ".join(dict.fromkeys(row.sources))
    body = f"<p>{html.escape(' '.join(row.text.split()))}</p>"
    if sources:
        body += f"<p>Reported by {html.escape(sources)}.</p>"
    return {
        "start_date": day,
        "text": {"headline": html.escape(headline(row)), "text": body},
        "group": row.code_name or row.code,
        "unique_id": row.id,
    }


def document(db: Dossier, filters: FilterArgs) -> dict[str, Any]:
    """The TimelineJS3 document (``limit`` is how many key events; 15 by default)."""
    base = {k: v for k, v in filters.items() if k not in ("limit", "offset")}
    top = filters.get("limit") or TOP
    rows = db.key_events(top, **base)  # type: ignore[arg-type]
    slides = [s for s in (slide(v.entry) for v in rows) if s is not None]
    return {"events": slides}


def write(db: Dossier, out: IO[bytes], table: str | None, filters: FilterArgs, fmt: str) -> int:
    doc = document(db, filters)
    out.write(json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))
    return len(doc["events"])
