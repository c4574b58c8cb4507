"""Compatibility and union of partial ISO / TIMEX3 date values.

Values are compared character by character over their common prefix, an ``X`` matching
anything: ``XXXX-09-13`` and ``2023-09`` are compatible and unite to ``2023-09-13``.
Hand-written because TIMEX3's X-masked values have no library type.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_DATE = re.compile(r"^(\d{4}|XXXX)(-(\d{2}|XX)(-(\d{2}|XX))?)?$")


def is_calendar(value: str | None) -> bool:
    """True for values of the YYYY[-MM[-DD]] shape (X-masks allowed)."""
    return bool(value) and bool(_DATE.match(value or ""))


def compatible(a: str, b: str) -> bool:
    """Two calendar values could name the same day."""
    return all(x == y or "X" in (x, y) for x, y in zip(a, b, strict=False))


def unite(a: str, b: str) -> str:
    """The most specific value both describe (assumes ``compatible(a, b)``)."""
    long, short = (a, b) if len(a) >= len(b) else (b, a)
    out = [y if x == "X" and y != "X" else x for x, y in zip(long, short, strict=False)]
    return "".join(out) + long[len(short) :]


def specificity(value: str | None) -> int:
    """How many known digits a value has (0 for None)."""
    return sum(ch.isdigit() for ch in value) if value else 0


def precision_of(value: str) -> str:
    """day, month, year or unknown, from the known parts of a calendar value."""
    parts = value.split("-")
    if len(parts) == 3 and parts[2].isdigit():
        return "day"
    if len(parts) >= 2 and parts[1].isdigit():
        return "month"
    if parts[0].isdigit():
        return "year"
    return "unknown"


def to_date(value: str | None) -> date | None:
    """The ``date`` of a fully known day value, else None."""
    if not value or not re.match(r"^\d{4}-\d{2}-\d{2}$", value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def within(value: str, anchor: str, days: int) -> bool:
    """A day value lies within ``days`` of another day value (False if either is partial)."""
    a, b = to_date(value), to_date(anchor)
    return a is not None and b is not None and abs(a - b) <= timedelta(days=days)


def interval(value: str) -> tuple[str, str] | None:
    """First and last day a calendar value may denote, as ISO strings; None if no year."""
    m = _DATE.match(value)
    if not m or not m.group(1).isdigit():
        return None
    year = m.group(1)
    month = m.group(3)
    day = m.group(5)
    if not month or not month.isdigit():
        return f"{year}-01-01", f"{year}-12-31"
    if not day or not day.isdigit():
        first = date(int(year), int(month), 1)
        nxt = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
        return first.isoformat(), (nxt - timedelta(days=1)).isoformat()
    return f"{year}-{month}-{day}", f"{year}-{month}-{day}"


def shift(value: str | None, days: int) -> str | None:
    """A full day value moved by ``days``; None for anything else."""
    day = to_date(value)
    return (day + timedelta(days=days)).isoformat() if day else None
