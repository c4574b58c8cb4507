"""Ranges: 'between Tuesday and Wednesday', 'from March to May', 'April 24 and 25';
and days counted from a date: 'the day before last Tuesday'.

Each end keeps its own record, span and value (as TimeBank tags them); both ends get
``begin`` and ``end_value`` set to the two points of the range, so a reader of either
record sees the whole interval. An end that the calendar puts before the start (a
weekday read in the wrong week) is moved forward a week.
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise

from dossier.annotate.time.recognise import Found
from dossier.annotate.time.rules import Result

_BETWEEN = re.compile(r"\s*(?:and|&)\s*")
_TO = re.compile(r"\s*(?:to|until|till|through|thru|-|–|—)\s*")
_LEAD_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_LEAD_FROM = re.compile(r"\b(?:from|since)\s+$", re.IGNORECASE)
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _is_point(found: Found) -> bool:
    r = found.result
    return r.type in ("DATE", "TIME") and not r.value.endswith("_REF") and r.begin is None


def _fix_end(a: Found, b: Found) -> None:
    """Move a weekday end that falls before the start of its range one week on."""
    va, vb = a.result.value, b.result.value
    if b.rule == "weekday" and _DAY.match(va) and _DAY.match(vb) and vb < va:
        b.result.value = (dt.date.fromisoformat(vb) + dt.timedelta(days=7)).isoformat()


def join_ranges(text: str, found: list[Found]) -> list[Found]:
    """Mark each 'between A and B' / 'from A to B' pair of ``found`` as one range."""
    for a, b in pairwise(found):
        if not (_is_point(a) and _is_point(b)):
            continue
        gap = text[a.end : b.start]
        if len(gap) > 12:
            continue
        lead = text[max(0, a.start - 12) : a.start]
        between = _BETWEEN.fullmatch(gap) and _LEAD_BETWEEN.search(lead)
        span_to = _TO.fullmatch(gap) and (_LEAD_FROM.search(lead) or gap.strip() in "-–—")
        if not (between or span_to):
            continue
        _fix_end(a, b)
        for end in (a, b):
            end.result.begin = a.result.value
            end.result.end_value = b.result.value
    return found


_DAY_AFTER = re.compile(
    r"(\s*(?:and|&|to|through|-|–|—)\s*)([0-3]?\d)(?:st|nd|rd|th)?(?![\d:/.,]\d)"
)
_DAY_BEFORE = re.compile(r"(?<![\d,.:/])([0-3]?\d)(?:st|nd|rd|th)?(\s*(?:and|&|to|-|–|—)\s*)$")


def _other_day(anchor: Found, day: int, start: int, end: int) -> Found | None:
    try:
        other = dt.date.fromisoformat(anchor.result.value).replace(day=day)
    except ValueError:
        return None
    r = anchor.result
    return Found(
        start, end, "day_pair", Result(r.type, other.isoformat(), r.precision, r.mod, r.anchor)
    )


def add_day_pairs(text: str, found: list[Found]) -> list[Found]:
    """The bare second (or first) day of 'April 24 and 25' / '12-13 September' as its own
    date, in the same month; both get the range fields."""
    taken = [(f.start, f.end) for f in found]
    extra: list[Found] = []
    for f in found:
        if f.rule not in ("month_day_year", "day_month_year") or not _DAY.match(f.result.value):
            continue
        after = _DAY_AFTER.match(text, f.end)
        before = _DAY_BEFORE.search(text, max(0, f.start - 12), f.start)
        if f.rule == "month_day_year" and after:
            other = _other_day(f, int(after.group(2)), after.start(2), after.end(2))
            second = True
        elif f.rule == "day_month_year" and before:
            other = _other_day(f, int(before.group(1)), before.start(1), before.end(1))
            second = False
        else:
            continue
        if other is None or any(other.start < e and s < other.end for s, e in taken):
            continue
        first, last = (f, other) if second else (other, f)
        if first.result.value >= last.result.value:
            continue
        for end in (first, last):
            end.result.begin = first.result.value
            end.result.end_value = last.result.value
        extra.append(other)
    return sorted(found + extra, key=lambda f: f.start)


_DAY_OFF = re.compile(r"\b(?P<core>day\s+(?P<ba>before|after))\s+$", re.IGNORECASE)


def add_day_offsets(text: str, found: list[Found]) -> list[Found]:
    """'the day before last Tuesday', 'the day after March 3': one day off the date that
    follows, with the span widened to take in 'day before'."""
    for f in found:
        if not _DAY.match(f.result.value) or f.result.begin is not None:
            continue
        m = _DAY_OFF.search(text, max(0, f.start - 16), f.start)
        if m is None:
            continue
        step = -1 if m.group("ba").lower() == "before" else 1
        day = dt.date.fromisoformat(f.result.value) + dt.timedelta(days=step)
        f.result.value = day.isoformat()
        f.start = m.start("core")
    return found
